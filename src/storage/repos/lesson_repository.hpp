#pragma once
// Safety education records (migration 0032).
#include "domain/edu/lessons.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlLessonRepository final : public domain::edu::LessonRepository {
 public:
  explicit SqlLessonRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(domain::edu::Lesson& l) override;
  Result<bool> Update(domain::edu::Lesson& l) override;
  Status Remove(std::int64_t id) override;
  Result<std::optional<domain::edu::Lesson>> Find(std::int64_t id,
                                                  const domain::ScopeFilter& scope) override;
  Result<domain::PageResult<domain::edu::Lesson>> List(const domain::edu::LessonFilter& f,
                                                       const domain::ScopeFilter& scope,
                                                       const domain::PageRequest& page) override;
  Result<std::vector<domain::edu::Lesson>> OfSchool(std::int64_t school_id, const std::string& from,
                                                    const std::string& to) override;
  Result<std::vector<domain::edu::Lesson>> InScope(const domain::ScopeFilter& scope,
                                                   const std::string& from,
                                                   const std::string& to) override;

 private:
  Result<std::vector<domain::edu::Lesson>> Load(const std::string& where_and_order,
                                                const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
