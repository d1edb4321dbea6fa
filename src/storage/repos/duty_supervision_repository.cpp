// 监管事项 of the bureau's sections (migration 0046): part of SqlDutyRepository.
#include "storage/repos/duty_repository.hpp"
#include "storage/repos/measures_column.hpp"

namespace xiaoan::storage {

namespace du = domain::duty;

Result<std::vector<du::SupervisionItem>> SqlDutyRepository::LoadSupervisionItems(
    const std::string& where, const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("SELECT i.id, i.bureau_id, i.section_id, s.name, i.kind, i.stage, i.title, "
                  "i.detail, i.measures, i.post, i.person_user_id, p.display_name, CASE WHEN "
                  "p.status = 'active' AND p.unit_id = i.section_id THEN 1 ELSE 0 END, "
                  "i.version, i.updated_by, i.updated_at FROM supervision_items i JOIN org_units "
                  "s ON s.id = i.section_id JOIN users p ON p.id = i.person_user_id" +
                      where + " ORDER BY s.path, i.section_id, i.id",
                  params));
  std::vector<du::SupervisionItem> out(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto& it = out[i];
    it.id = r.Int(i, 0);
    it.bureau_id = r.Int(i, 1);
    it.section_id = r.Int(i, 2);
    it.section_name = r.TakeText(i, 3);
    it.kind = r.TakeText(i, 4);
    it.stage = r.TakeText(i, 5);
    it.title = r.TakeText(i, 6);
    it.detail = r.TakeText(i, 7);
    it.measures = ParseMeasures(r.Text(i, 8));
    it.post = r.TakeText(i, 9);
    it.person_user_id = r.Int(i, 10);
    it.person_name = r.TakeText(i, 11);
    it.person_active = r.Int(i, 12) != 0;
    it.version = static_cast<int>(r.Int(i, 13));
    it.updated_by = r.TakeText(i, 14);
    ParseInstant(r.Text(i, 15), it.updated_at);
  }
  return out;
}

Result<std::vector<du::SupervisionItem>> SqlDutyRepository::SupervisionItems(
    std::int64_t bureau_id) {
  return LoadSupervisionItems(" WHERE i.bureau_id = $1", {bureau_id});
}

Result<std::vector<du::SupervisionItem>> SqlDutyRepository::SupervisionItemsOf(
    std::int64_t person_user_id) {
  return LoadSupervisionItems(" WHERE i.person_user_id = $1", {person_user_id});
}

Result<std::optional<du::SupervisionItem>> SqlDutyRepository::SupervisionItemById(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto found, LoadSupervisionItems(" WHERE i.id = $1", {id}));
  if (found.empty()) return std::optional<du::SupervisionItem>{};
  return std::optional<du::SupervisionItem>{std::move(found.front())};
}

Result<bool> SqlDutyRepository::SaveSupervisionItem(du::SupervisionItem& item) {
  const auto measures = MeasuresColumn(item.measures);
  if (item.version == 0) {
    XA_ASSIGN_OR_RETURN(
        auto r, conn_.Query("INSERT INTO supervision_items (bureau_id, section_id, kind, stage, "
                            "title, detail, measures, post, person_user_id, version, updated_by, "
                            "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11) "
                            "RETURNING id",
                            {item.bureau_id, item.section_id, item.kind, item.stage, item.title,
                             item.detail, measures, item.post, item.person_user_id, item.updated_by,
                             FormatInstant(item.updated_at)}));
    item.id = r.Int(0, 0);
    item.version = 1;
    return true;
  }
  XA_ASSIGN_OR_RETURN(
      const auto n,
      conn_.Exec("UPDATE supervision_items SET section_id = $1, kind = $2, stage = $3, title = "
                 "$4, detail = $5, measures = $6, post = $7, person_user_id = $8, updated_by = "
                 "$9, updated_at = $10, version = version + 1 WHERE id = $11 AND version = $12 "
                 "AND bureau_id = $13",
                 {item.section_id, item.kind, item.stage, item.title, item.detail, measures,
                  item.post, item.person_user_id, item.updated_by, FormatInstant(item.updated_at),
                  item.id, std::int64_t{item.version}, item.bureau_id}));
  if (n == 0) return false;
  ++item.version;
  return true;
}

Result<bool> SqlDutyRepository::DeleteSupervisionItem(std::int64_t id, int version) {
  XA_ASSIGN_OR_RETURN(const auto n,
                      conn_.Exec("DELETE FROM supervision_items WHERE id = $1 AND version = $2",
                                 {id, std::int64_t{version}}));
  return n > 0;
}

}  // namespace xiaoan::storage
