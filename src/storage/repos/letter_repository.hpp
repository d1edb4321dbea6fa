#pragma once
// Parent letters, their class links and the parents' receipts (migration 0034).
#include "domain/edu/letters.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlLetterRepository final : public domain::edu::LetterRepository {
 public:
  explicit SqlLetterRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(domain::edu::Letter& l) override;
  Result<bool> Update(domain::edu::Letter& l) override;
  Status Remove(std::int64_t id) override;
  Result<std::optional<domain::edu::Letter>> Find(std::int64_t id,
                                                  const domain::ScopeFilter& scope) override;
  Result<domain::PageResult<domain::edu::Letter>> List(const domain::edu::LetterFilter& f,
                                                       const domain::ScopeFilter& scope,
                                                       const domain::PageRequest& page) override;
  Status InsertLink(const domain::edu::LetterLink& link, Instant at) override;
  Result<std::vector<domain::edu::LetterLink>> LinksOf(std::int64_t letter_id) override;
  Result<std::optional<std::pair<domain::edu::LetterLink, domain::edu::Letter>>> FindByToken(
      const std::string& token) override;
  Result<std::vector<domain::edu::LinkCount>> CountsOf(
      const std::vector<std::int64_t>& letter_ids) override;
  Result<std::vector<domain::edu::LinkCount>> CountsIn(const domain::ScopeFilter& scope,
                                                       int school_year, int term) override;
  Result<bool> InsertReceipt(domain::edu::Receipt& r) override;
  Result<std::optional<domain::edu::Receipt>> FindReceipt(std::int64_t letter_id,
                                                          std::int64_t class_id,
                                                          const std::string& student_name) override;
  Result<int> CountReceipts(std::int64_t letter_id, std::int64_t class_id) override;
  Result<std::vector<domain::edu::Receipt>> ReceiptsOf(
      std::int64_t letter_id, const std::vector<std::int64_t>& class_ids) override;

 private:
  Result<std::vector<domain::edu::Letter>> Load(const std::string& where_and_order,
                                                const sql::Params& params);
  Result<std::vector<domain::edu::Receipt>> LoadReceipts(const std::string& where_and_order,
                                                         const sql::Params& params);
  Result<std::vector<domain::edu::LinkCount>> LoadCounts(const std::string& where,
                                                         const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
