#pragma once
// The 1530 content library's edits (migration 0033).
#include "domain/edu/contents.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlContentRepository final : public domain::edu::ContentRepository {
 public:
  explicit SqlContentRepository(sql::Connection& conn) : conn_(conn) {}
  Result<std::vector<domain::edu::ContentEdit>> EditsOf(
      const std::vector<std::int64_t>& units) override;
  Result<bool> Save(domain::edu::ContentEdit& e) override;
  Result<bool> Remove(std::int64_t unit_id, domain::edu::Topic topic,
                      domain::edu::AgeGroup age) override;

 private:
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
