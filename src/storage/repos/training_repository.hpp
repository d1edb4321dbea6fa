#pragma once
// Each school's key-post staff and its training sessions with who attended (migration 0043).
#include "domain/training/training.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlTrainingRepository final : public domain::training::TrainingRepository {
 public:
  explicit SqlTrainingRepository(sql::Connection& conn) : conn_(conn) {}
  Result<std::optional<domain::training::KeyStaff>> Staff(std::int64_t id) override;
  Result<std::vector<domain::training::KeyStaff>> StaffOf(std::int64_t unit_id) override;
  Result<std::vector<domain::training::KeyStaff>> StaffIn(
      const domain::ScopeFilter& scope) override;
  Result<std::int64_t> InsertStaff(domain::training::KeyStaff& s) override;
  Result<bool> UpdateStaff(domain::training::KeyStaff& s) override;

  Result<std::optional<domain::training::Session>> FindSession(std::int64_t id) override;
  Result<std::vector<domain::training::Session>> SessionsOf(std::int64_t unit_id,
                                                            const std::string& kind) override;
  Result<std::vector<domain::training::Session>> SessionsIn(
      const domain::ScopeFilter& scope) override;
  Result<std::int64_t> InsertSession(domain::training::Session& s) override;
  Status SetAttendance(const domain::training::Session& s) override;
  Status DeleteSession(std::int64_t id) override;

 private:
  Result<std::vector<domain::training::KeyStaff>> LoadStaff(const std::string& where,
                                                            const sql::Params& params);
  Result<std::vector<domain::training::Session>> LoadSessions(const std::string& where,
                                                              const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
