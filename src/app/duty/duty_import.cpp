// 安全工作职责清单 from a workbook: the template and the all-or-nothing import of a school's lists.
#include <algorithm>
#include <map>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/duty/duty.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/platform/spreadsheet.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/org.hpp"
#include "domain/store.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace du = domain::duty;
namespace cal = domain::calendar;
namespace perm = domain::perm;

namespace {

const std::vector<std::string>& Columns() {
  static const std::vector<std::string> k = {"用户名*", "姓名", "岗位*", "补充职责"};
  return k;
}

// posts[2] → 岗位, local_items[0] → 补充职责, anything else → 用户名.
std::string ColumnOf(const std::string& field) {
  if (field.rfind("posts", 0) == 0) return "岗位";
  if (field.rfind("local_items", 0) == 0) return "补充职责";
  return "用户名";
}

bool SameContent(const du::DutyList& a, const du::DutyList& b) {
  return a.posts == b.posts && a.local_items == b.local_items;
}

}  // namespace

Result<std::pair<std::string, std::string>> DutyListTemplate() {
  std::string posts;
  for (const auto& p : du::Posts()) posts += (posts.empty() ? "" : "、") + std::string(p.label);
  std::vector<office::Row> notes = {
      office::TextRow({"列", "填写说明"}),
      office::TextRow({"用户名*", "本校在用账号的用户名，每人一行"}),
      office::TextRow({"姓名", "可不填；填写时须与账号姓名一致"}),
      office::TextRow({"岗位*", "一个或多个岗位，用“、”分隔：" + posts}),
      office::TextRow({"补充职责", "本岗位补充职责，可不填；多条用“；”分隔或换行"}),
      office::TextRow({"说明", "已有职责清单的人员，内容不同时整份替换，需本人重新签订"})};
  XA_ASSIGN_OR_RETURN(auto bytes,
                      office::WriteXlsx({office::Sheet{"职责清单", {office::TextRow(Columns())}},
                                         office::Sheet{"填写说明", notes}}));
  return std::make_pair(std::string("安全工作职责清单导入模板.xlsx"), std::move(bytes));
}

Result<ImportReport> ImportDutyLists(Services& s, const RequestContext& ctx,
                                     std::optional<std::int64_t> unit_id, std::string_view bytes,
                                     const std::string& format) {
  XA_TRY(RequirePermission(ctx, perm::kDutyManage, "导入安全工作职责清单"));
  XA_ASSIGN_OR_RETURN(const auto file, ReadImportFile(bytes, format));
  XA_TRY(CheckHeaderRow(file.rows, Columns(), "请使用安全工作职责清单导入模板"));
  const auto data = DataRows(file.rows, Columns().size(), [](std::size_t) { return false; });
  if (data.empty()) return InvalidArgument("file", "文件中没有数据行");
  ImportReport report;
  report.rows = static_cast<int>(data.size());
  std::vector<ErrorDetail> problems;
  const auto today = TodayInChina(s);
  std::string school_name;
  Status st = s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto school, NamedOrOwnSchool(tx, ctx, unit_id));
    school_name = school.unit.name;
    std::vector<du::DutyList> changed;
    std::set<std::string> seen;
    for (const auto& r : data) {
      const auto fail = [&](const std::string& column, std::string reason) {
        problems.push_back({column, std::move(reason), r.row});
      };
      const auto& username = r.cells[0];
      if (username.empty()) {
        fail("用户名", "请填写用户名");
        continue;
      }
      if (!seen.insert(username).second) {
        fail("用户名", username + "在文件中出现多次");
        continue;
      }
      XA_ASSIGN_OR_RETURN(const auto user, tx.users().FindByUsername(username));
      if (!user || user->unit_id != school.unit.id || user->status != "active") {
        fail("用户名", "“" + username + "”不是本校的在用账号");
        continue;
      }
      if (!r.cells[1].empty() && r.cells[1] != user->display_name) {
        fail("姓名", "与账号姓名“" + user->display_name + "”不一致");
        continue;
      }
      du::DutyList l;
      l.school_id = school.unit.id;
      l.user_id = user->id;
      l.posts = du::PostsFromText(r.cells[2]);
      l.local_items = du::ItemsFromText(r.cells[3]);
      const auto checked = du::CheckList(l);
      for (const auto& d : checked) fail(ColumnOf(d.field), d.reason);
      if (!checked.empty()) continue;
      XA_ASSIGN_OR_RETURN(const auto stored, tx.duties().ListOf(user->id));
      if (stored) {
        if (SameContent(*stored, l)) continue;
        l.id = stored->id;
        l.version = stored->version;
        ++report.updated;
      } else {
        ++report.created;
      }
      changed.push_back(std::move(l));
    }
    if (!problems.empty()) {
      return FailedPrecondition("import.all_or_nothing", "有数据行未通过校验，整个文件未导入");
    }
    for (auto& l : changed) {
      l.changed_on = cal::FormatDate(today);
      l.updated_by = ctx.actor;
      l.updated_at = s.clock.Now();
      XA_ASSIGN_OR_RETURN(const bool saved, tx.duties().SaveList(l));
      if (!saved) return FailedPrecondition("duty.stale", "安全工作职责清单刚被他人修改，请重试");
    }
    XA_TRY(EvaluateSchool(s, tx, school.unit.id, today, "duty"));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "duty.list.import", "duty_list", "",
                                     "导入安全工作职责清单：" + school.unit.name + " 新建 " +
                                         std::to_string(report.created) + " 份，修改 " +
                                         std::to_string(report.updated) + " 份")));
    report.applied = true;
    return {};
  });
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kFailedPrecondition && !problems.empty()) {
      RefuseImport(report, std::move(problems));
      return report;
    }
    return std::move(st).error();
  }
  return report;
}

}  // namespace xiaoan::app
