#pragma once
// Checklist templates and their items (检查表), one row per version.
#include "domain/checklist/checklist.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlTemplateRepository final : public domain::checklist::TemplateRepository {
 public:
  explicit SqlTemplateRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(domain::checklist::Template& t) override;
  Result<std::optional<domain::checklist::Template>> Find(std::int64_t id) override;
  Result<std::optional<domain::checklist::Template>> Latest(const std::string& code) override;
  Status SetText(std::int64_t id, const std::string& name, const std::string& description) override;
  Result<domain::PageResult<domain::checklist::Template>> List(
      const domain::checklist::TemplateFilter& filter, const domain::PageRequest& page) override;

 private:
  Status LoadItems(domain::checklist::Template& t);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
