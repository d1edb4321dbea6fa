#include "storage/repos/letter_repository.hpp"

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace edu = domain::edu;

namespace {

constexpr const char* kSelect =
    "SELECT l.id, l.school_id, u.name, l.school_year, l.term, l.title, l.body, l.closes_on, "
    "l.status, l.published_at, l.created_by, "
    "COALESCE((SELECT display_name FROM users cu WHERE cu.username = l.created_by), ''), "
    "l.created_at, l.updated_at, l.version";
constexpr const char* kFrom = " FROM edu_letters l JOIN org_units u ON u.id = l.school_id";

constexpr const char* kReceiptSelect =
    "SELECT id, letter_id, class_id, student_name, relation, at, source FROM edu_letter_receipts";

// Per link: the class's size and its receipts (the index on the receipts' key counts them).
constexpr const char* kCountSelect =
    "SELECT l.school_id, k.letter_id, k.class_id, c.students, (SELECT COUNT(*) FROM "
    "edu_letter_receipts r WHERE r.letter_id = k.letter_id AND r.class_id = k.class_id) FROM "
    "edu_letter_links k JOIN edu_letters l ON l.id = k.letter_id JOIN edu_classes c ON c.id = "
    "k.class_id JOIN org_units u ON u.id = l.school_id";

edu::Letter Read(sql::Rows& r, std::size_t i, std::size_t col) {
  edu::Letter l;
  l.id = r.Int(i, col);
  l.school_id = r.Int(i, col + 1);
  l.school_name = r.TakeText(i, col + 2);
  l.school_year = static_cast<int>(r.Int(i, col + 3));
  l.term = static_cast<int>(r.Int(i, col + 4));
  l.title = r.TakeText(i, col + 5);
  l.body = r.TakeText(i, col + 6);
  l.closes_on = r.TakeText(i, col + 7);
  l.status = edu::ParseLetterStatus(r.Text(i, col + 8)).value_or(edu::LetterStatus::kDraft);
  l.published_at = r.TakeText(i, col + 9);
  l.created_by = r.TakeText(i, col + 10);
  l.created_by_name = r.TakeText(i, col + 11);
  ParseInstant(r.Text(i, col + 12), l.created_at);
  ParseInstant(r.Text(i, col + 13), l.updated_at);
  l.version = static_cast<int>(r.Int(i, col + 14));
  return l;
}

}  // namespace

Status SqlLetterRepository::Insert(edu::Letter& l) {
  l.version = 1;
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query(
          "INSERT INTO edu_letters (school_id, school_year, term, title, body, closes_on, "
          "status, published_at, created_by, created_at, updated_at, version) VALUES ($1, "
          "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
          {l.school_id, std::int64_t{l.school_year}, std::int64_t{l.term}, l.title, l.body,
           l.closes_on, std::string(edu::LetterStatusCode(l.status)), l.published_at, l.created_by,
           FormatInstant(l.created_at), FormatInstant(l.updated_at), std::int64_t{l.version}}));
  l.id = r.Int(0, 0);
  return {};
}

Result<bool> SqlLetterRepository::Update(edu::Letter& l) {
  XA_ASSIGN_OR_RETURN(
      const auto changed,
      conn_.Exec("UPDATE edu_letters SET title = $1, body = $2, closes_on = $3, status = $4, "
                 "published_at = $5, updated_at = $6, version = version + 1 WHERE id = $7 AND "
                 "version = $8",
                 {l.title, l.body, l.closes_on, std::string(edu::LetterStatusCode(l.status)),
                  l.published_at, FormatInstant(l.updated_at), l.id, std::int64_t{l.version}}));
  if (changed == 0) return false;
  ++l.version;
  return true;
}

Status SqlLetterRepository::Remove(std::int64_t id) {
  return Done(conn_.Exec("DELETE FROM edu_letters WHERE id = $1", {id}));
}

Result<std::vector<edu::Letter>> SqlLetterRepository::Load(const std::string& where_and_order,
                                                           const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kSelect) + kFrom + where_and_order, params));
  std::vector<edu::Letter> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(Read(r, i, 0));
  return out;
}

Result<std::optional<edu::Letter>> SqlLetterRepository::Find(std::int64_t id,
                                                             const domain::ScopeFilter& scope) {
  WhereBuilder where;
  where.Add("l.id = ?", {id});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto found, Load(where.Sql(), where.params()));
  if (found.empty()) return std::optional<edu::Letter>{};
  return std::optional<edu::Letter>{std::move(found.front())};
}

Result<domain::PageResult<edu::Letter>> SqlLetterRepository::List(const edu::LetterFilter& f,
                                                                  const domain::ScopeFilter& scope,
                                                                  const domain::PageRequest& page) {
  WhereBuilder where;
  if (f.school_id) where.Add("l.school_id = ?", {*f.school_id});
  if (f.school_year) where.Add("l.school_year = ?", {std::int64_t{*f.school_year}});
  if (f.term) where.Add("l.term = ?", {std::int64_t{*f.term}});
  if (f.status) where.Add("l.status = ?", {std::string(edu::LetterStatusCode(*f.status))});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto count, conn_.Query("SELECT COUNT(*)" + std::string(kFrom) + where.Sql(),
                                              where.params()));
  std::string sql = where.Sql() + OrderBy(page.sort, {{"school", "u.name"}, {"title", "l.title"}},
                                          "l.school_year DESC, l.term DESC, u.name", "l.id DESC");
  sql::Params params = where.params();
  Paginate(page, sql, params);
  domain::PageResult<edu::Letter> out;
  out.total = count.Int(0, 0);
  XA_ASSIGN_OR_RETURN(out.items, Load(sql, params));
  return out;
}

Status SqlLetterRepository::InsertLink(const edu::LetterLink& link, Instant at) {
  return Done(conn_.Exec(
      "INSERT INTO edu_letter_links (letter_id, class_id, token, created_at) VALUES ($1, $2, $3, "
      "$4)",
      {link.letter_id, link.class_id, link.token, FormatInstant(at)}));
}

Result<std::vector<edu::LetterLink>> SqlLetterRepository::LinksOf(std::int64_t letter_id) {
  XA_ASSIGN_OR_RETURN(auto r,
                      conn_.Query("SELECT letter_id, class_id, token FROM edu_letter_links WHERE "
                                  "letter_id = $1 ORDER BY class_id",
                                  {letter_id}));
  std::vector<edu::LetterLink> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), r.Int(i, 1), r.TakeText(i, 2)});
  }
  return out;
}

Result<std::optional<std::pair<edu::LetterLink, edu::Letter>>> SqlLetterRepository::FindByToken(
    const std::string& token) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query(std::string(kSelect) + ", k.class_id" + kFrom +
                              " JOIN edu_letter_links k ON k.letter_id = l.id WHERE k.token = $1",
                          {token}));
  using Found = std::optional<std::pair<edu::LetterLink, edu::Letter>>;
  if (r.size() == 0) return Found{};
  auto letter = Read(r, 0, 0);
  edu::LetterLink link{letter.id, r.Int(0, 15), token};
  return Found{std::pair{std::move(link), std::move(letter)}};
}

Result<std::vector<edu::LinkCount>> SqlLetterRepository::LoadCounts(const std::string& where,
                                                                    const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(auto r,
                      conn_.Query(std::string(kCountSelect) + where +
                                      " ORDER BY u.name, l.school_id, k.letter_id, k.class_id",
                                  params));
  std::vector<edu::LinkCount> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), r.Int(i, 1), r.Int(i, 2), static_cast<int>(r.Int(i, 3)),
                   static_cast<int>(r.Int(i, 4))});
  }
  return out;
}

Result<std::vector<edu::LinkCount>> SqlLetterRepository::CountsOf(
    const std::vector<std::int64_t>& letter_ids) {
  if (letter_ids.empty()) return std::vector<edu::LinkCount>{};
  WhereBuilder where;
  std::vector<sql::Value> ids(letter_ids.begin(), letter_ids.end());
  const std::string in = "k.letter_id IN (" + Placeholders(ids.size()) + ")";
  where.Add(in, std::move(ids));
  return LoadCounts(where.Sql(), where.params());
}

Result<std::vector<edu::LinkCount>> SqlLetterRepository::CountsIn(const domain::ScopeFilter& scope,
                                                                  int school_year, int term) {
  WhereBuilder where;
  where.Add("l.school_year = ?", {std::int64_t{school_year}});
  where.Add("l.term = ?", {std::int64_t{term}});
  where.Add("l.status <> 'draft'", {});
  AddScope(where, scope, "u.path");
  return LoadCounts(where.Sql(), where.params());
}

Result<bool> SqlLetterRepository::InsertReceipt(edu::Receipt& rc) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO edu_letter_receipts (letter_id, class_id, student_name, "
                          "relation, at, source) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT "
                          "(letter_id, class_id, student_name) DO NOTHING RETURNING id",
                          {rc.letter_id, rc.class_id, rc.student_name, rc.relation,
                           FormatInstant(rc.at), rc.source}));
  if (r.size() == 0) return false;
  rc.id = r.Int(0, 0);
  return true;
}

Result<std::vector<edu::Receipt>> SqlLetterRepository::LoadReceipts(
    const std::string& where_and_order, const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kReceiptSelect) + where_and_order, params));
  std::vector<edu::Receipt> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    edu::Receipt rc;
    rc.id = r.Int(i, 0);
    rc.letter_id = r.Int(i, 1);
    rc.class_id = r.Int(i, 2);
    rc.student_name = r.TakeText(i, 3);
    rc.relation = r.TakeText(i, 4);
    ParseInstant(r.Text(i, 5), rc.at);
    rc.source = r.TakeText(i, 6);
    out.push_back(std::move(rc));
  }
  return out;
}

Result<std::optional<edu::Receipt>> SqlLetterRepository::FindReceipt(
    std::int64_t letter_id, std::int64_t class_id, const std::string& student_name) {
  XA_ASSIGN_OR_RETURN(auto found,
                      LoadReceipts(" WHERE letter_id = $1 AND class_id = $2 AND student_name = $3",
                                   {letter_id, class_id, student_name}));
  if (found.empty()) return std::optional<edu::Receipt>{};
  return std::optional<edu::Receipt>{std::move(found.front())};
}

Result<int> SqlLetterRepository::CountReceipts(std::int64_t letter_id, std::int64_t class_id) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT COUNT(*) FROM edu_letter_receipts WHERE letter_id = $1 AND "
                          "class_id = $2",
                          {letter_id, class_id}));
  return static_cast<int>(r.Int(0, 0));
}

Result<std::vector<edu::Receipt>> SqlLetterRepository::ReceiptsOf(
    std::int64_t letter_id, const std::vector<std::int64_t>& class_ids) {
  WhereBuilder where;
  where.Add("letter_id = ?", {letter_id});
  if (!class_ids.empty()) {
    std::vector<sql::Value> ids(class_ids.begin(), class_ids.end());
    const std::string in = "class_id IN (" + Placeholders(ids.size()) + ")";
    where.Add(in, std::move(ids));
  }
  return LoadReceipts(where.Sql() + " ORDER BY class_id, at, id", where.params());
}

}  // namespace xiaoan::storage
