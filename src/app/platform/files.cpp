// Files for every module's records: checked by content and size, stored by content hash under
// Services::files_dir (core/file_store), recorded in the database, attached to one record.
#include "app/modules.hpp"
#include "app/platform/platform.hpp"
#include "core/content_type.hpp"
#include "core/crypto.hpp"
#include "core/file_store.hpp"
#include "domain/auth/auth.hpp"

namespace xiaoan::app {

namespace {

constexpr std::size_t kMaxFileBytes = 20 * 1024 * 1024;

Error NotVisible() { return NotFound("文件不存在或不在您的管辖范围内"); }

}  // namespace

Result<domain::StoredFile> UploadFile(Services& s, const RequestContext& ctx,
                                      const std::string& name, const std::string& bytes) {
  // Whoever attaches files to a record: the ledger's readers (hazards, drills, patrols,
  // screenings, whistles raised) and the departments answering whistles.
  if (!ctx.Can(domain::perm::kWhistleRespond)) {
    XA_TRY(RequirePermission(ctx, domain::perm::kHazardRead, "上传文件"));
  }
  std::vector<ErrorDetail> problems;
  if (name.empty() || name.size() > 200 || name.find('/') != std::string::npos ||
      name.find('\\') != std::string::npos) {
    problems.push_back({"name", "文件名不能为空、不超过 200 个字节且不含路径"});
  }
  if (bytes.empty()) problems.push_back({"file", "文件为空"});
  if (bytes.size() > kMaxFileBytes) problems.push_back({"file", "文件不能超过 20 MB"});
  const auto type = SniffContentType(bytes);
  if (!bytes.empty() && !type) {
    problems.push_back({"file", "只接受 JPEG、PNG、WebP 图片或 PDF 文件（按内容识别）"});
  }
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  if (s.files_dir.empty()) return Internal("未配置文件存储目录");
  domain::StoredFile f;
  f.name = name;
  f.content_type = *type;
  f.size = static_cast<std::int64_t>(bytes.size());
  f.sha256 = Sha256Hex(bytes);
  f.uploaded_by = ctx.actor;
  f.unit_id = ctx.unit_id.value_or(0);
  f.uploaded_at = s.Now();
  XA_TRY(WriteContent(s.files_dir, f.sha256, bytes));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.files().Insert(f));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "file.upload", "file", std::to_string(f.id),
                                     "上传文件 " + f.name + "（" + f.content_type + "，" +
                                         std::to_string(f.size) + " 字节，SHA-256 " + f.sha256 +
                                         "）")));
    return {};
  }));
  return f;
}

Result<FileContent> ReadFile(Services& s, const RequestContext& ctx, std::int64_t id) {
  FileContent out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto f, tx.files().Find(id));
    if (!f) return NotVisible();
    if (f->subject_type) {
      // Readable with the record it is attached to.
      const FileSubject* subject = nullptr;
      for (const auto& candidate : FileSubjects()) {
        if (candidate.type == *f->subject_type) subject = &candidate;
      }
      if (subject == nullptr) return Internal("未登记的附件类型：" + *f->subject_type);
      if (!subject->visible(tx, ctx, f->subject_id.value_or(0)).ok()) return NotVisible();
    } else if (ctx.principal && f->uploaded_by != ctx.actor) {
      return NotVisible();
    }
    out.file = *f;
    return {};
  }));
  XA_ASSIGN_OR_RETURN(out.bytes, ReadContent(s.files_dir, out.file.sha256));
  return out;
}

Result<std::vector<domain::StoredFile>> ClaimFiles(domain::Tx& tx, const RequestContext& ctx,
                                                   const std::vector<std::int64_t>& ids) {
  std::vector<domain::StoredFile> out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string field = "file_ids[" + std::to_string(i) + "]";
    XA_ASSIGN_OR_RETURN(auto f, tx.files().Find(ids[i]));
    if (!f || (ctx.principal && f->uploaded_by != ctx.actor)) {
      return domain::ValidationError({{field, "文件不存在或不是您上传的"}});
    }
    if (f->subject_type) return domain::ValidationError({{field, "文件已用于其他记录"}});
    for (const auto& o : out) {
      if (o.id == f->id) return domain::ValidationError({{field, "文件重复"}});
    }
    out.push_back(*f);
  }
  return out;
}

Status AttachFiles(domain::Tx& tx, const std::vector<domain::StoredFile>& files,
                   const std::string& subject_type, std::int64_t subject_id) {
  for (const auto& f : files) XA_TRY(tx.files().Attach(f.id, subject_type, subject_id));
  return {};
}

}  // namespace xiaoan::app
