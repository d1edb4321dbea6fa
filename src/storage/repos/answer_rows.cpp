#include "storage/repos/answer_rows.hpp"

#include <charconv>
#include <string>

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

Status InsertAnswers(sql::Connection& conn, const char* table, const char* owner_column,
                     std::int64_t id, const std::vector<domain::checklist::ItemAnswer>& answers) {
  const std::string sql = std::string("INSERT INTO ") + table + " (" + owner_column +
                          ", position, " + kAnswerColumns +
                          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const auto& a = answers[i];
    std::string files;
    for (const auto f : a.file_ids) files += (files.empty() ? "" : ",") + std::to_string(f);
    XA_TRY(Done(conn.Exec(sql, {id, static_cast<std::int64_t>(i), a.item_key, a.value, a.verdict,
                                a.note, files, Opt(a.hazard_id)})));
  }
  return {};
}

domain::checklist::ItemAnswer ReadAnswer(sql::Rows& r, std::size_t row, std::size_t first) {
  domain::checklist::ItemAnswer a;
  a.item_key = r.TakeText(row, first);
  a.value = r.TakeText(row, first + 1);
  a.verdict = r.TakeText(row, first + 2);
  a.note = r.TakeText(row, first + 3);
  const std::string listed = r.Text(row, first + 4);
  std::string_view files = listed;
  while (!files.empty()) {
    const auto comma = files.find(',');
    const auto part = files.substr(0, comma);
    std::int64_t v = 0;
    if (std::from_chars(part.data(), part.data() + part.size(), v).ec == std::errc()) {
      a.file_ids.push_back(v);
    }
    if (comma == std::string_view::npos) break;
    files.remove_prefix(comma + 1);
  }
  a.hazard_id = OptInt(r, row, first + 5);
  return a;
}

}  // namespace xiaoan::storage
