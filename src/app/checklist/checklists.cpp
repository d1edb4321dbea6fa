#include "app/checklist/checklists.hpp"

#include <set>

#include "app/org/school_exchange.hpp"
#include "app/platform/spreadsheet.hpp"
#include "domain/auth/auth.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace cl = domain::checklist;

namespace {

constexpr int kMaxCodeAttempts = 1000;

// The caller's unit and every unit above it: whose templates a school or bureau always sees.
std::vector<std::string> PathAndAncestors(const std::string& path) {
  std::vector<std::string> out;
  for (std::size_t slash = path.find('/', 1); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    out.push_back(path.substr(0, slash + 1));
  }
  return out;
}

bool Visible(const RequestContext& ctx, const cl::Template& t) {
  if (!t.owner_unit_id || !ctx.principal) return true;
  if (ctx.Covers(t.owner_path)) return true;
  return ctx.principal->unit_path.rfind(t.owner_path, 0) == 0;
}

bool Manages(const RequestContext& ctx, const cl::Template& t) {
  return ctx.Can(domain::perm::kChecklistManage) && t.owner_unit_id && ctx.Covers(t.owner_path);
}

Result<TemplateView> ViewIn(domain::Tx& tx, const RequestContext& ctx, cl::Template t) {
  TemplateView v;
  XA_ASSIGN_OR_RETURN(auto newest, tx.checklists().Latest(t.code));
  v.latest = newest && newest->id == t.id;
  v.can_edit = v.latest && !t.shipped && Manages(ctx, t);
  v.tmpl = std::move(t);
  return v;
}

Result<cl::Template> LoadVisible(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto t, tx.checklists().Find(id));
  if (!t || !Visible(ctx, *t)) return NotFound("检查表不存在或不在您的管辖范围内");
  return std::move(*t);
}

Status RequireManage(const RequestContext& ctx, const cl::Template& t) {
  if (t.shipped) {
    return FailedPrecondition("checklist.shipped",
                              "系统内置检查表不能直接修改，请先复制为本单位的检查表再修订");
  }
  if (!Manages(ctx, t)) {
    return Error{ErrorCode::kPermissionDenied,
                 "只有编制单位（" + t.owner_name + "）可以修订这份检查表",
                 {{domain::perm::kChecklistManage, "不是编制单位", 0}}};
  }
  return {};
}

// A code no version uses yet: base itself when free (unless numbered), else base_2, base_3 …
Result<std::string> FreeCode(domain::Tx& tx, const std::string& base, bool numbered) {
  for (int n = 1; n <= kMaxCodeAttempts; ++n) {
    std::string code = numbered ? base + "." + std::to_string(n)
                       : n == 1 ? base
                                : base + "_" + std::to_string(n);
    XA_ASSIGN_OR_RETURN(auto taken, tx.checklists().Latest(code));
    if (!taken) return code;
  }
  return FailedPrecondition("checklist.code", "无法生成检查表编码，请自行填写编码");
}

std::string OwnerBase(std::int64_t owner) { return "u" + std::to_string(owner); }

Status Validate(const cl::Template& t) {
  auto problems = cl::ValidateTemplate(t);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  return {};
}

// Inserts a new template (version 1) owned by the caller's unit, in the caller's transaction.
Result<TemplateView> InsertOwn(Services& s, domain::Tx& tx, const RequestContext& ctx,
                               cl::Template in, const std::string& code_base, bool numbered,
                               const std::string& action, const std::string& how) {
  if (ctx.principal) in.owner_unit_id = ctx.principal->unit_id;
  if (!in.owner_unit_id) return InvalidArgument("owner_unit_id", "请指定检查表的编制单位");
  XA_ASSIGN_OR_RETURN(auto owner, tx.org().FindUnit(*in.owner_unit_id));
  if (!owner) return InvalidArgument("owner_unit_id", "编制单位不存在");
  if (!ctx.Covers(owner->path)) return NotFound("编制单位不在您的管辖范围内");
  if (in.code.empty()) {
    XA_ASSIGN_OR_RETURN(in.code, FreeCode(tx, code_base, numbered));
  } else {
    XA_ASSIGN_OR_RETURN(auto taken, tx.checklists().Latest(in.code));
    if (taken) return AlreadyExists("检查表编码“" + in.code + "”已被使用", "code");
  }
  in.version = 1;
  in.shipped = false;
  in.created_by = ctx.actor;
  in.created_at = s.Now();
  XA_TRY(Validate(in));
  XA_TRY(tx.checklists().Insert(in));
  XA_TRY(tx.audit().Append(AuditOf(s, ctx, action, "checklist", std::to_string(in.id),
                                   how + "检查表“" + in.name + "”（" + in.code + "，" +
                                       std::to_string(in.items.size()) + " 个检查项）")));
  XA_ASSIGN_OR_RETURN(auto stored, tx.checklists().Find(in.id));
  return ViewIn(tx, ctx, std::move(*stored));
}

// A new version of stored (the newest of its code) with edited's name, applicability and items.
Result<TemplateView> InsertVersion(Services& s, domain::Tx& tx, const RequestContext& ctx,
                                   const cl::Template& stored, cl::Template edited,
                                   const std::string& how) {
  edited.id = 0;
  edited.code = stored.code;
  edited.version = stored.version + 1;
  edited.owner_unit_id = stored.owner_unit_id;
  edited.shipped = false;
  edited.created_by = ctx.actor;
  edited.created_at = s.Now();
  XA_TRY(Validate(edited));
  XA_TRY(tx.checklists().Insert(edited));
  XA_TRY(tx.audit().Append(
      AuditOf(s, ctx, "checklist.version", "checklist", std::to_string(edited.id),
              how + "检查表“" + edited.name + "”为第 " + std::to_string(edited.version) + " 版（" +
                  edited.code + "，" + std::to_string(edited.items.size()) + " 个检查项）")));
  XA_ASSIGN_OR_RETURN(auto out, tx.checklists().Find(edited.id));
  return ViewIn(tx, ctx, std::move(*out));
}

Status RequireNewest(const TemplateView& v) {
  if (v.latest) return {};
  return FailedPrecondition(
      "checklist.not_latest",
      "这是旧版本（第 " + std::to_string(v.tmpl.version) + " 版），只能在最新版本上修订");
}

}  // namespace

Result<int> EnsureShippedChecklists(Services& s) {
  int written = 0;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    written = 0;
    for (const auto& shipped : cl::ShippedTemplates()) {
      XA_ASSIGN_OR_RETURN(auto existing, tx.checklists().Latest(shipped.code));
      if (existing) continue;
      auto t = shipped;
      t.shipped = true;
      t.created_by = "system";
      t.created_at = s.Now();
      XA_TRY(tx.checklists().Insert(t));
      ++written;
    }
    return {};
  }));
  return written;
}

Result<domain::PageResult<TemplateView>> ListChecklistTemplates(Services& s,
                                                                const RequestContext& ctx,
                                                                cl::TemplateFilter filter,
                                                                const domain::PageRequest& page) {
  XA_TRY(RequirePermission(ctx, domain::perm::kChecklistRead, "查看检查表"));
  const auto scope = ctx.Scope();
  filter.all_owners = scope.all;
  filter.owner_paths.clear();
  filter.owner_subtrees.clear();
  if (!scope.all) {
    filter.owner_paths = PathAndAncestors(ctx.principal->unit_path);
    for (const auto& p : scope.paths) {
      (scope.exact ? filter.owner_paths : filter.owner_subtrees).push_back(p);
    }
  }
  domain::PageResult<TemplateView> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto list, tx.checklists().List(filter, page));
    out.total = list.total;
    for (auto& t : list.items) {
      XA_ASSIGN_OR_RETURN(auto v, ViewIn(tx, ctx, std::move(t)));
      out.items.push_back(std::move(v));
    }
    return {};
  }));
  return out;
}

Result<TemplateView> GetChecklistTemplate(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kChecklistRead, "查看检查表"));
  TemplateView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto t, LoadVisible(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(out, ViewIn(tx, ctx, std::move(t)));
    return {};
  }));
  return out;
}

Result<TemplateView> CreateChecklistTemplate(Services& s, const RequestContext& ctx,
                                             cl::Template in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kChecklistManage, "编制检查表"));
  TemplateView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    const auto owner = ctx.principal ? std::optional(ctx.principal->unit_id) : in.owner_unit_id;
    XA_ASSIGN_OR_RETURN(out, InsertOwn(s, tx, ctx, in, OwnerBase(owner.value_or(0)), true,
                                       "checklist.create", "编制"));
    return {};
  }));
  return out;
}

Result<TemplateView> EditChecklistTemplate(Services& s, const RequestContext& ctx, std::int64_t id,
                                           cl::Template in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kChecklistManage, "修订检查表"));
  TemplateView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto stored, LoadVisible(tx, ctx, id));
    XA_TRY(RequireManage(ctx, stored));
    XA_ASSIGN_OR_RETURN(auto view, ViewIn(tx, ctx, stored));
    XA_TRY(RequireNewest(view));
    in.code = stored.code;
    in.version = stored.version;
    XA_TRY(Validate(in));
    switch (cl::EditOf(stored, in)) {
      case cl::Edit::kNone:
        out = std::move(view);
        return {};
      case cl::Edit::kText: {
        XA_TRY(tx.checklists().SetText(stored.id, in.name, in.description));
        XA_TRY(tx.audit().Append(AuditOf(s, ctx, "checklist.edit", "checklist",
                                         std::to_string(stored.id),
                                         "修改检查表名称或说明：“" + stored.name + "”→“" + in.name +
                                             "”（第 " + std::to_string(stored.version) + " 版）")));
        XA_ASSIGN_OR_RETURN(auto again, tx.checklists().Find(stored.id));
        XA_ASSIGN_OR_RETURN(out, ViewIn(tx, ctx, std::move(*again)));
        return {};
      }
      case cl::Edit::kNewVersion:
        XA_ASSIGN_OR_RETURN(out, InsertVersion(s, tx, ctx, stored, std::move(in), "修订"));
        return {};
    }
    return {};
  }));
  return out;
}

Result<TemplateView> CopyChecklistTemplate(Services& s, const RequestContext& ctx, std::int64_t id,
                                           std::string name) {
  XA_TRY(RequirePermission(ctx, domain::perm::kChecklistManage, "复制检查表"));
  TemplateView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto source, LoadVisible(tx, ctx, id));
    if (!ctx.principal) return InvalidArgument("owner_unit_id", "请以单位用户的身份复制检查表");
    cl::Template copy = source;
    copy.id = 0;
    copy.code.clear();
    copy.name = name.empty() ? source.name + "（" + ctx.principal->unit_name + "）" : name;
    // A copy of "u12.fire.dormitory_2" is "u12.fire.dormitory_3" (the next free number), not
    // "u12.u12.fire.dormitory_2" nor "u12.fire.dormitory_2_2".
    const std::string own = OwnerBase(ctx.principal->unit_id) + ".";
    const std::string base =
        source.code.rfind(own, 0) == 0 ? cl::WithoutCopyNumber(source.code) : own + source.code;
    XA_ASSIGN_OR_RETURN(
        out, InsertOwn(s, tx, ctx, std::move(copy), base.substr(0, 60), false, "checklist.copy",
                       "复制“" + source.name + "”第 " + std::to_string(source.version) + " 版为"));
    return {};
  }));
  return out;
}

Result<std::string> ExportChecklistTemplate(Services& s, const RequestContext& ctx,
                                            std::int64_t id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kChecklistRead, "导出检查表"));
  cl::Template t;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(t, LoadVisible(tx, ctx, id));
    return {};
  }));
  std::vector<office::Row> rows = {office::TextRow(cl::ItemColumns())};
  for (const auto& item : t.items) rows.push_back(office::TextRow(cl::ItemRow(item)));
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"检查项", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "checklist.export", "checklist", std::to_string(id),
                "导出检查表“" + t.name + "”第 " + std::to_string(t.version) + " 版")));
    return {};
  }));
  return bytes;
}

Result<std::string> ChecklistImportTemplate() {
  cl::Item example;
  example.key = "A01";
  example.text = "疏散通道、安全出口畅通，未锁闭、未堆放杂物";
  example.domain = "fire";
  example.place_kind = "dormitory";
  example.photo_required = true;
  example.basis = "《中华人民共和国消防法》第二十八条";
  cl::Item number;
  number.key = "A02";
  number.text = "疏散走道宽度";
  number.domain = "fire";
  number.answer = "number";
  number.min = 1.4;
  number.unit = "米";
  number.basis = "GB 50016《建筑设计防火规范》";
  XA_ASSIGN_OR_RETURN(
      auto bytes, office::WriteXlsx({office::Sheet{
                      "检查项",
                      {office::TextRow(cl::ItemColumns()), office::TextRow(cl::ItemRow(example)),
                       office::TextRow(cl::ItemRow(number))}}}));
  return bytes;
}

Result<ImportReport> ImportChecklistTemplate(Services& s, const RequestContext& ctx,
                                             std::string_view bytes, const ChecklistImport& in,
                                             TemplateView* written) {
  XA_TRY(RequirePermission(ctx, domain::perm::kChecklistManage, "导入检查表"));
  if (!in.template_id && in.name.empty()) {
    return InvalidArgument("name", "导入为新检查表时请填写名称，或指定要修订的检查表");
  }
  XA_ASSIGN_OR_RETURN(const auto file, ReadImportFile(bytes, in.format));
  const auto& rows = file.rows;
  const auto& columns = cl::ItemColumns();
  XA_TRY(CheckHeaderRow(rows, columns, "请使用导出的检查表作为模板"));
  std::vector<std::vector<std::string>> cells;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    std::vector<std::string> r;
    for (std::size_t c = 0; c < columns.size(); ++c) r.push_back(CellText(rows[i], c));
    cells.push_back(std::move(r));
  }
  auto sheet = cl::ItemsFromRows(cells);
  ImportReport report;
  report.rows = static_cast<int>(sheet.items.size());
  std::vector<ErrorDetail> problems = sheet.errors;
  if (sheet.items.empty() && problems.empty()) problems.push_back({"file", "文件中没有检查项", 0});
  const auto refuse = [&]() {
    std::set<int> failed;
    for (const auto& e : problems) {
      report.errors.push_back({e.row, e.field, e.reason});
      if (e.row > 0) failed.insert(e.row);
    }
    report.failed = static_cast<int>(failed.size());
    return report;
  };
  if (!problems.empty()) return refuse();
  TemplateView out;
  bool refused = false;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    cl::Template t;
    std::optional<cl::Template> stored;
    if (in.template_id) {
      XA_ASSIGN_OR_RETURN(auto found, LoadVisible(tx, ctx, *in.template_id));
      XA_TRY(RequireManage(ctx, found));
      XA_ASSIGN_OR_RETURN(auto view, ViewIn(tx, ctx, found));
      XA_TRY(RequireNewest(view));
      t = found;
      if (!in.name.empty()) t.name = in.name;
      stored = std::move(found);
    } else {
      t.name = in.name;
      t.code = "import";  // a placeholder for the check below; a code is generated on insert
    }
    t.items = sheet.items;
    for (const auto& e : cl::ValidateTemplate(t)) problems.push_back(cl::SheetErrorOf(e, sheet));
    if (!problems.empty()) {
      refused = true;
      return {};
    }
    if (stored) {
      XA_ASSIGN_OR_RETURN(out, InsertVersion(s, tx, ctx, *stored, std::move(t), "导入"));
    } else {
      t.code.clear();
      const auto owner = ctx.principal ? ctx.principal->unit_id : 0;
      XA_ASSIGN_OR_RETURN(out, InsertOwn(s, tx, ctx, std::move(t), OwnerBase(owner), true,
                                         "checklist.import", "导入"));
    }
    return {};
  }));
  if (refused) return refuse();
  report.created = report.rows;
  report.applied = true;
  if (written) *written = std::move(out);
  return report;
}

}  // namespace xiaoan::app
