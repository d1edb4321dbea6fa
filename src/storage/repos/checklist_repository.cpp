#include "storage/repos/checklist_repository.hpp"

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {
namespace {

using domain::checklist::Item;
using domain::checklist::Template;
using sql::Null;
using sql::Value;

constexpr std::string_view kColumns =
    "t.id, t.code, t.version, t.name, t.description, t.stages, t.location_types, t.boarding, "
    "t.shipped, t.created_by, t.created_at, "
    "(SELECT COUNT(*) FROM checklist_items i WHERE i.template_id = t.id), t.owner_unit_id, "
    "COALESCE(ou.name, ''), COALESCE(ou.path, '')";
constexpr std::string_view kFrom =
    " FROM checklist_templates t LEFT JOIN org_units ou ON ou.id = t.owner_unit_id";

std::string Join(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto comma = text.find(',', start);
    const auto end = comma == std::string::npos ? text.size() : comma;
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Value OptDouble(const std::optional<double>& v) { return v ? Value(*v) : Value(Null{}); }

std::optional<double> ReadOptDouble(const sql::Rows& r, std::size_t i, std::size_t c) {
  if (r.Null(i, c)) return std::nullopt;
  return r.Double(i, c);
}

Template ReadTemplate(const sql::Rows& r, std::size_t i) {
  Template t;
  t.id = r.Int(i, 0);
  t.code = r.Text(i, 1);
  t.version = static_cast<int>(r.Int(i, 2));
  t.name = r.Text(i, 3);
  t.description = r.Text(i, 4);
  t.applies.stages = Split(r.Text(i, 5));
  t.applies.location_types = Split(r.Text(i, 6));
  if (!r.Null(i, 7)) t.applies.boarding = r.Int(i, 7) != 0;
  t.shipped = r.Int(i, 8) != 0;
  t.created_by = r.Text(i, 9);
  t.created_at = r.Text(i, 10);
  t.item_count = static_cast<std::size_t>(r.Int(i, 11));
  t.owner_unit_id = OptInt(r, i, 12);
  t.owner_name = r.Text(i, 13);
  t.owner_path = r.Text(i, 14);
  return t;
}

}  // namespace

Status SqlTemplateRepository::Insert(Template& t) {
  const Value boarding =
      t.applies.boarding ? Value(std::int64_t{*t.applies.boarding ? 1 : 0}) : Value(Null{});
  XA_ASSIGN_OR_RETURN(
      auto rows,
      conn_.Query("INSERT INTO checklist_templates (code, version, name, description, stages, "
                  "location_types, boarding, shipped, created_by, created_at, owner_unit_id) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
                  {t.code, std::int64_t{t.version}, t.name, t.description, Join(t.applies.stages),
                   Join(t.applies.location_types), boarding, std::int64_t{t.shipped ? 1 : 0},
                   t.created_by, t.created_at, Opt(t.owner_unit_id)}));
  t.id = rows.Int(0, 0);
  for (std::size_t p = 0; p < t.items.size(); ++p) {
    const Item& i = t.items[p];
    XA_TRY(conn_.Exec(
        "INSERT INTO checklist_items (template_id, position, item_key, text, domain, place_kind, "
        "answer, min_value, max_value, unit, photo_required, failure_level, basis) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        {t.id, static_cast<std::int64_t>(p), i.key, i.text, i.domain, Opt(i.place_kind), i.answer,
         OptDouble(i.min), OptDouble(i.max), i.unit, std::int64_t{i.photo_required ? 1 : 0},
         i.failure_level, i.basis}));
  }
  t.item_count = t.items.size();
  return {};
}

Status SqlTemplateRepository::LoadItems(Template& t) {
  XA_ASSIGN_OR_RETURN(auto r,
                      conn_.Query("SELECT item_key, text, domain, place_kind, answer, min_value, "
                                  "max_value, unit, photo_required, failure_level, basis "
                                  "FROM checklist_items WHERE template_id = $1 ORDER BY position",
                                  {t.id}));
  t.items.clear();
  for (std::size_t i = 0; i < r.size(); ++i) {
    Item item;
    item.key = r.Text(i, 0);
    item.text = r.Text(i, 1);
    item.domain = r.Text(i, 2);
    item.place_kind = OptText(r, i, 3);
    item.answer = r.Text(i, 4);
    item.min = ReadOptDouble(r, i, 5);
    item.max = ReadOptDouble(r, i, 6);
    item.unit = r.Text(i, 7);
    item.photo_required = r.Int(i, 8) != 0;
    item.failure_level = r.Text(i, 9);
    item.basis = r.Text(i, 10);
    t.items.push_back(std::move(item));
  }
  t.item_count = t.items.size();
  return {};
}

Result<std::optional<Template>> SqlTemplateRepository::Find(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT " + std::string(kColumns) +
                                                 std::string(kFrom) + " WHERE t.id = $1",
                                             {id}));
  if (rows.empty()) return std::optional<Template>{};
  Template t = ReadTemplate(rows, 0);
  XA_TRY(LoadItems(t));
  return std::optional<Template>{std::move(t)};
}

Result<std::optional<Template>> SqlTemplateRepository::Latest(const std::string& code) {
  XA_ASSIGN_OR_RETURN(auto rows,
                      conn_.Query("SELECT " + std::string(kColumns) + std::string(kFrom) +
                                      " WHERE t.code = $1 ORDER BY t.version DESC LIMIT 1",
                                  {code}));
  if (rows.empty()) return std::optional<Template>{};
  Template t = ReadTemplate(rows, 0);
  XA_TRY(LoadItems(t));
  return std::optional<Template>{std::move(t)};
}

Result<domain::PageResult<Template>> SqlTemplateRepository::List(
    const domain::checklist::TemplateFilter& f, const domain::PageRequest& page) {
  WhereBuilder where;
  if (!f.all_versions) {
    where.Add(
        "t.version = (SELECT MAX(v.version) FROM checklist_templates v WHERE v.code = t.code)", {});
  }
  if (!f.q.empty()) {
    const std::string like = LikeContains(f.q);
    where.Add("t.name LIKE ? ESCAPE '\\' OR t.code LIKE ? ESCAPE '\\'", {like, like});
  }
  if (f.code) where.Add("t.code = ?", {*f.code});
  if (!f.all_owners) {
    std::string owners = "t.owner_unit_id IS NULL";
    std::vector<Value> values;
    if (!f.owner_paths.empty()) {
      owners += " OR ou.path IN (" + Placeholders(f.owner_paths.size()) + ")";
      for (const auto& p : f.owner_paths) values.emplace_back(p);
    }
    for (const auto& p : f.owner_subtrees) {
      owners += " OR substr(ou.path, 1, length(?)) = ?";
      values.emplace_back(p);
      values.emplace_back(p);
    }
    where.Add(owners, std::move(values));
  }
  XA_ASSIGN_OR_RETURN(auto count, conn_.Query("SELECT COUNT(*)" + std::string(kFrom) + where.Sql(),
                                              where.params()));
  std::string sql =
      "SELECT " + std::string(kColumns) + std::string(kFrom) + where.Sql() +
      OrderBy(page.sort, {{"code", "t.code"}, {"name", "t.name"}}, "t.code", "t.version");
  sql::Params params = where.params();
  Paginate(page, sql, params);
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query(sql, params));
  domain::PageResult<Template> out;
  out.total = count.Int(0, 0);
  for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(ReadTemplate(rows, i));
  return out;
}

Status SqlTemplateRepository::SetText(std::int64_t id, const std::string& name,
                                      const std::string& description) {
  return Done(conn_.Exec("UPDATE checklist_templates SET name = $1, description = $2 WHERE id = $3",
                         {name, description, id}));
}

}  // namespace xiaoan::storage
