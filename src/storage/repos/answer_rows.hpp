#pragma once
// The answers of a filled checklist as rows (patrol_answers, campaign_answers): one row per item
// in the order answered, under the record it belongs to.
#include <cstdint>
#include <vector>

#include "domain/checklist/checklist.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

// Inserts each answer as a row of `table` under `owner_column` = id, with its position.
Status InsertAnswers(sql::Connection& conn, const char* table, const char* owner_column,
                     std::int64_t id, const std::vector<domain::checklist::ItemAnswer>& answers);
// The columns every answers query selects, in the order ReadAnswer reads them from `first` on.
inline constexpr const char* kAnswerColumns = "item_key, value, verdict, note, file_ids, hazard_id";
domain::checklist::ItemAnswer ReadAnswer(sql::Rows& r, std::size_t row, std::size_t first);

}  // namespace xiaoan::storage
