#pragma once
// 1530: classes and their check-ins (migration 0031).
#include "domain/edu/edu.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlEduRepository final : public domain::edu::EduRepository {
 public:
  explicit SqlEduRepository(sql::Connection& conn) : conn_(conn) {}
  Status InsertClass(domain::edu::Class& c) override;
  Result<bool> UpdateClass(domain::edu::Class& c) override;
  Result<std::optional<domain::edu::Class>> FindClass(std::int64_t id) override;
  Result<std::optional<domain::edu::Class>> FindClassByName(std::int64_t school_id, int grade,
                                                            const std::string& name) override;
  Result<domain::PageResult<domain::edu::Class>> ListClasses(
      const domain::edu::ClassFilter& f, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Result<std::vector<domain::edu::Class>> AllClasses(const domain::edu::ClassFilter& f,
                                                     const domain::ScopeFilter& scope) override;
  Result<bool> InsertCheckIn(domain::edu::CheckIn& c) override;
  Result<std::optional<domain::edu::CheckIn>> FindCheckIn(std::int64_t id) override;
  Result<std::vector<domain::edu::CheckIn>> CheckInsOf(const std::vector<std::int64_t>& class_ids,
                                                       const std::string& from,
                                                       const std::string& to) override;
  Result<std::vector<domain::edu::CheckIn>> CheckInsIn(const domain::ScopeFilter& scope,
                                                       const std::string& from,
                                                       const std::string& to) override;
  Result<std::vector<domain::edu::CheckInMark>> CheckInMarksOf(
      const std::vector<std::int64_t>& school_ids, const std::string& from,
      const std::string& to) override;

 private:
  Result<std::vector<domain::edu::Class>> LoadClasses(const std::string& where_and_order,
                                                      const sql::Params& params);
  Result<std::vector<domain::edu::CheckIn>> LoadCheckIns(const std::string& where,
                                                         const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
