#include "storage/repos/platform_repository.hpp"

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

using domain::Notification;
using domain::StoredFile;
using domain::SupervisionOrder;

StoredFile ReadStoredFile(const sql::Rows& r, std::size_t i) {
  StoredFile f;
  f.id = r.Int(i, 0);
  f.name = r.Text(i, 1);
  f.content_type = r.Text(i, 2);
  f.size = r.Int(i, 3);
  f.sha256 = r.Text(i, 4);
  f.uploaded_by = r.Text(i, 5);
  f.unit_id = r.Int(i, 6);
  f.uploaded_at = r.Text(i, 7);
  f.subject_type = OptText(r, i, 8);
  f.subject_id = OptInt(r, i, 9);
  return f;
}

Status SqlFileRepository::Insert(StoredFile& f) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO files (name, content_type, size, sha256, uploaded_by, "
                          "unit_id, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                          {f.name, f.content_type, f.size, f.sha256, f.uploaded_by, f.unit_id,
                           f.uploaded_at}));
  f.id = r.Int(0, 0);
  return {};
}

Result<std::optional<StoredFile>> SqlFileRepository::Find(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string("SELECT ") + kStoredFileColumns +
                                              " FROM files f WHERE f.id = $1",
                                          {id}));
  if (r.empty()) return std::optional<StoredFile>();
  return std::optional<StoredFile>(ReadStoredFile(r, 0));
}

Status SqlFileRepository::Attach(std::int64_t file_id, const std::string& subject_type,
                                 std::int64_t subject_id) {
  XA_ASSIGN_OR_RETURN(auto changed,
                      conn_.Exec("UPDATE files SET subject_type = $2, subject_id = $3 "
                                 "WHERE id = $1 AND subject_type IS NULL",
                                 {file_id, subject_type, subject_id}));
  if (changed != 1) {
    return FailedPrecondition("file.attached", "文件 " + std::to_string(file_id) + " 已被使用");
  }
  return {};
}

Result<std::vector<StoredFile>> SqlFileRepository::OfSubject(const std::string& subject_type,
                                                             std::int64_t subject_id) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string("SELECT ") + kStoredFileColumns +
                                              " FROM files f WHERE f.subject_type = $1 AND "
                                              "f.subject_id = $2 ORDER BY f.id",
                                          {subject_type, subject_id}));
  std::vector<StoredFile> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(ReadStoredFile(r, i));
  return out;
}

Status SqlNotificationRepository::Insert(Notification& n) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO notifications (user_id, kind, title, body, object_type, object_id, "
                  "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                  {n.user_id, n.kind, n.title, n.body, n.object_type, n.object_id, n.created_at}));
  n.id = r.Int(0, 0);
  return {};
}

Result<domain::PageResult<Notification>> SqlNotificationRepository::List(
    std::int64_t user_id, bool unread_only, const domain::PageRequest& page) {
  const std::string where =
      std::string(" WHERE user_id = $1") + (unread_only ? " AND read_at IS NULL" : "");
  XA_ASSIGN_OR_RETURN(auto count,
                      conn_.Query("SELECT COUNT(*) FROM notifications" + where, {user_id}));
  std::string sql =
      "SELECT id, user_id, kind, title, body, object_type, object_id, created_at, read_at FROM "
      "notifications" +
      where + " ORDER BY id DESC";
  sql::Params params = {user_id};
  Paginate(page, sql, params);
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(sql, params));
  domain::PageResult<Notification> out;
  out.total = count.Int(0, 0);
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.items.push_back({r.Int(i, 0), r.Int(i, 1), r.Text(i, 2), r.Text(i, 3), r.Text(i, 4),
                         r.Text(i, 5), r.Text(i, 6), r.Text(i, 7), OptText(r, i, 8)});
  }
  return out;
}

Result<std::int64_t> SqlNotificationRepository::UnreadCount(std::int64_t user_id) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL",
                  {user_id}));
  return r.Int(0, 0);
}

Result<std::int64_t> SqlNotificationRepository::MarkRead(std::int64_t user_id,
                                                         std::optional<std::int64_t> id,
                                                         const std::string& at) {
  if (id) {
    return conn_.Exec(
        "UPDATE notifications SET read_at = $3 WHERE user_id = $1 AND id = $2 AND read_at IS "
        "NULL",
        {user_id, *id, at});
  }
  return conn_.Exec("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL",
                    {user_id, at});
}

Result<std::vector<std::int64_t>> SqlNotificationRepository::UsersWithRole(
    std::int64_t unit_id, const std::string& role_code) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT DISTINCT x.id FROM users x JOIN user_roles ur ON ur.user_id = "
                          "x.id JOIN roles ro ON ro.id = ur.role_id WHERE x.unit_id = $1 AND "
                          "ro.code = $2 AND x.status = 'active' ORDER BY x.id",
                          {unit_id, role_code}));
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(r.Int(i, 0));
  return out;
}

namespace {

constexpr const char* kOrderSelect =
    "SELECT o.id, o.subject_type, o.subject_id, o.subject_title, o.school_id, o.rule, o.reason, "
    "o.deadline, o.state, o.reply, o.replied_by, o.replied_at, o.created_at, o.closed_at, "
    "o.closed_by, u.name FROM supervision_orders o JOIN org_units u ON u.id = o.school_id";

SupervisionOrder ReadOrder(const sql::Rows& r, std::size_t i) {
  SupervisionOrder o;
  o.id = r.Int(i, 0);
  o.subject_type = r.Text(i, 1);
  o.subject_id = r.Int(i, 2);
  o.subject_title = r.Text(i, 3);
  o.school_id = r.Int(i, 4);
  o.rule = r.Text(i, 5);
  o.reason = r.Text(i, 6);
  o.deadline = r.Text(i, 7);
  o.state = domain::OrderStateFromCode(r.Text(i, 8)).value_or(domain::OrderState::kOpen);
  o.reply = r.Text(i, 9);
  o.replied_by = r.Text(i, 10);
  o.replied_at = OptText(r, i, 11);
  o.created_at = r.Text(i, 12);
  o.closed_at = OptText(r, i, 13);
  o.closed_by = r.Text(i, 14);
  o.school_name = r.Text(i, 15);
  return o;
}

std::string StateText(domain::OrderState s) { return std::string(domain::OrderStateCode(s)); }

}  // namespace

Status SqlSupervisionRepository::Insert(SupervisionOrder& o) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO supervision_orders (subject_type, subject_id, "
                          "subject_title, school_id, rule, reason, deadline, state, created_at) "
                          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                          {o.subject_type, o.subject_id, o.subject_title, o.school_id, o.rule,
                           o.reason, o.deadline, StateText(o.state), o.created_at}));
  o.id = r.Int(0, 0);
  return {};
}

Status SqlSupervisionRepository::Update(const SupervisionOrder& o) {
  return Done(conn_.Exec(
      "UPDATE supervision_orders SET state = $2, reply = $3, replied_by = $4, replied_at = $5, "
      "closed_at = $6, closed_by = $7 WHERE id = $1",
      {o.id, StateText(o.state), o.reply, o.replied_by, Opt(o.replied_at), Opt(o.closed_at),
       o.closed_by}));
}

Result<std::optional<SupervisionOrder>> SqlSupervisionRepository::Find(
    std::int64_t id, const domain::ScopeFilter& scope) {
  WhereBuilder where;
  where.Add("o.id = ?", {id});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(kOrderSelect + where.Sql(), where.params()));
  if (r.empty()) return std::optional<SupervisionOrder>();
  return std::optional<SupervisionOrder>(ReadOrder(r, 0));
}

Result<domain::PageResult<SupervisionOrder>> SqlSupervisionRepository::List(
    const domain::OrderFilter& f, const domain::ScopeFilter& scope,
    const domain::PageRequest& page) {
  WhereBuilder where;
  if (f.state) where.Add("o.state = ?", {StateText(*f.state)});
  if (f.school_id) where.Add("o.school_id = ?", {*f.school_id});
  if (f.subject_type) where.Add("o.subject_type = ?", {*f.subject_type});
  if (f.subject_id) where.Add("o.subject_id = ?", {*f.subject_id});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto count,
                      conn_.Query("SELECT COUNT(*) FROM supervision_orders o JOIN org_units u ON "
                                  "u.id = o.school_id" +
                                      where.Sql(),
                                  where.params()));
  std::string sql = kOrderSelect + where.Sql() +
                    OrderBy(page.sort, {{"created_at", "o.created_at"}, {"deadline", "o.deadline"}},
                            "o.created_at DESC", "o.id DESC");
  sql::Params params = where.params();
  Paginate(page, sql, params);
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query(sql, params));
  domain::PageResult<SupervisionOrder> out;
  out.total = count.Int(0, 0);
  for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(ReadOrder(rows, i));
  return out;
}

}  // namespace xiaoan::storage
