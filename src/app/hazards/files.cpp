// Photos and documents for hazards: checked by content and size, stored by content hash under
// Services::files_dir, recorded in the database.
#include "app/hazards/hazard_internal.hpp"
#include "core/crypto.hpp"
#include "core/file_store.hpp"

namespace xiaoan::app {

namespace hz = domain::hazard;

namespace {

constexpr std::size_t kMaxFileBytes = 20 * 1024 * 1024;

bool StartsWith(const std::string& b, std::string_view prefix) {
  return b.size() >= prefix.size() && b.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::optional<std::string> SniffContentType(const std::string& b) {
  if (StartsWith(b, "\xFF\xD8\xFF")) return "image/jpeg";
  if (StartsWith(b, "\x89PNG\r\n\x1A\n")) return "image/png";
  if (b.size() >= 12 && StartsWith(b, "RIFF") && b.compare(8, 4, "WEBP") == 0) {
    return "image/webp";
  }
  if (StartsWith(b, "%PDF-")) return "application/pdf";
  return std::nullopt;
}

Result<hz::StoredFile> UploadFile(Services& s, const RequestContext& ctx, const std::string& name,
                                  const std::string& bytes) {
  XA_TRY(RequirePermission(ctx, domain::perm::kHazardRead, "上传隐患附件"));
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
  hz::StoredFile f;
  f.name = name;
  f.content_type = *type;
  f.size = static_cast<std::int64_t>(bytes.size());
  f.sha256 = Sha256Hex(bytes);
  f.uploaded_by = ctx.actor;
  f.unit_id = ctx.unit_id.value_or(0);
  f.uploaded_at = s.Now();
  XA_TRY(WriteContent(s.files_dir, f.sha256, bytes));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.hazards().InsertFile(f));
    return hazard_internal::AppendAudit(
        tx, AuditOf(s, ctx, "file.upload", "file", std::to_string(f.id),
                    "上传文件 " + f.name + "（" + f.content_type + "，" + std::to_string(f.size) +
                        " 字节，SHA-256 " + f.sha256 + "）"));
  }));
  return f;
}

Result<FileContent> ReadFile(Services& s, const RequestContext& ctx, std::int64_t id) {
  FileContent out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto f, tx.hazards().FindFile(id));
    if (!f) return NotFound("文件不存在或不在您的管辖范围内");
    if (f->hazard_id) {
      // Visible with the hazard it belongs to.
      XA_ASSIGN_OR_RETURN(auto h, tx.hazards().Find(*f->hazard_id, ctx.Scope()));
      if (!h) return NotFound("文件不存在或不在您的管辖范围内");
    } else if (ctx.principal && f->uploaded_by != ctx.actor) {
      return NotFound("文件不存在或不在您的管辖范围内");
    }
    out.file = *f;
    return {};
  }));
  XA_ASSIGN_OR_RETURN(out.bytes, ReadContent(s.files_dir, out.file.sha256));
  return out;
}

}  // namespace xiaoan::app
