// The hazard ledger as a spreadsheet (隐患排查治理台账), in the column layout schools and bureaus
// keep by hand, with photos and documents as links.
#include "app/hazards/hazard_internal.hpp"
#include "app/org/org_use_cases.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace hz = domain::hazard;

const std::vector<std::string>& HazardLedgerColumns() {
  static const std::vector<std::string> kColumns = {
      "序号",     "学校",         "隐患部位", "隐患类别",  "隐患等级", "隐患名称",
      "隐患描述", "发现时间",     "发现人",   "隐患来源",  "责任人",   "整改责任人",
      "整改期限", "临时管控措施", "整改措施", "整改资金",  "应急预案", "当前状态",
      "是否督办", "退回次数",     "销号时间", "照片及附件"};
  return kColumns;
}

Result<std::string> ExportHazards(Services& s, const RequestContext& ctx,
                                  const hz::HazardFilter& filter, const std::string& format) {
  if (!format.empty() && format != "xlsx" && format != "csv") {
    return InvalidArgument("format", "格式须为 xlsx 或 csv");
  }
  std::vector<office::Row> rows = {HazardLedgerColumns()};
  domain::PageRequest page;
  page.page_size = 500;
  page.sort = "found_at";
  std::int64_t n = 0;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    for (page.page = 1;; ++page.page) {
      XA_ASSIGN_OR_RETURN(auto result, tx.hazards().List(filter, ctx.Scope(), page));
      for (const auto& h : result.items) {
        XA_ASSIGN_OR_RETURN(auto files, tx.hazards().FilesOf(h.id));
        std::string links;
        for (const auto& f : files) {
          links += (links.empty() ? "" : "\n") + f.name + " /api/v1/files/" + std::to_string(f.id);
        }
        const bool major = h.level == "major";
        rows.push_back({std::to_string(++n),
                        h.school_name,
                        h.place,
                        std::string(domain::LabelOf(hz::Domains(), h.domain)),
                        std::string(domain::LabelOf(hz::Levels(), h.level)),
                        h.title,
                        h.description,
                        h.found_at.substr(0, 10),
                        h.found_by,
                        std::string(domain::LabelOf(hz::Sources(), h.source)),
                        major && !h.five.responsible.empty() ? h.five.responsible : h.responsible,
                        h.owner,
                        h.deadline.value_or(""),
                        h.interim_measures,
                        h.five.measures,
                        h.five.funds,
                        h.five.contingency_plan,
                        std::string(domain::LabelOf(hz::States(), h.state)),
                        h.supervised ? "是" : "否",
                        std::to_string(h.rework_count),
                        h.closed_at ? h.closed_at->substr(0, 10) : "",
                        links});
      }
      if (static_cast<std::int64_t>(page.page) * page.page_size >= result.total) break;
    }
    return {};
  }));
  std::string bytes;
  if (format == "csv") {
    bytes = office::WriteCsv(rows);
  } else {
    XA_ASSIGN_OR_RETURN(bytes, office::WriteXlsx({office::Sheet{"隐患台账", rows}}));
  }
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    return hazard_internal::AppendAudit(tx, AuditOf(s, ctx, "hazard.export", "hazard", "*",
                                                    "导出隐患台账 " + std::to_string(n) + " 条（" +
                                                        (format.empty() ? "xlsx" : format) + "）"));
  }));
  return bytes;
}

}  // namespace xiaoan::app
