#pragma once
// 安全责任 (measures 1 and 2, docs/duties.md): the district's duty templates per post, each
// person's duty list at their school signed by the person (签字压责) and signed again when its
// posts' templates or the list change, the owners of the school's business areas (三管三必须)
// with their gaps, the rules duty.signed and duty.areas, the bureau's board and the workbooks.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/org/school_exchange.hpp"
#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"
#include "domain/duty/duty.hpp"

namespace xiaoan::app {

// ---- Templates ----------------------------------------------------------------------------------
struct DutyTemplatesView {
  std::vector<domain::duty::Template> templates;  // one per post, in the posts' order
  bool can_edit = false;                          // duty:template
};
Result<DutyTemplatesView> GetDutyTemplates(Services& s, const RequestContext& ctx);
// A post's duties as a new version (duty:template), at the version read (409 duty.stale); every
// list holding the post waits for its holder's signature again; audited duty.template.edit.
Result<domain::duty::Template> SaveDutyTemplate(Services& s, const RequestContext& ctx,
                                                domain::duty::Template in);

// ---- Lists --------------------------------------------------------------------------------------
struct DutyListView {
  domain::duty::DutyList list;
  domain::duty::ListState state;
  std::string content;    // the text the holder signs
  bool can_sign = false;  // the holder, while it is not signed as it stands
  bool can_edit = false;  // duty:manage over the school
};
struct SchoolDuties {
  std::int64_t school_id = 0;
  std::string school_name;
  std::vector<DutyListView> lists;
  int signed_count = 0;
  int unsigned_count = 0;
  int outdated_count = 0;
  std::optional<domain::rules::Verdict> check;  // duty.signed today
  bool can_edit = false;
};
// A school's lists (duty:read; the caller's own school without unit_id; 404 outside scope).
Result<SchoolDuties> GetSchoolDuties(Services& s, const RequestContext& ctx,
                                     std::optional<std::int64_t> unit_id);
// One list: its holder, or duty:read over its school (404 otherwise).
Result<DutyListView> GetDutyList(Services& s, const RequestContext& ctx, std::int64_t id);
// The signed-in user's own list, if they have one.
Result<std::optional<DutyListView>> GetMyDutyList(Services& s, const RequestContext& ctx);
// A new list (version 0; the holder an active account of the school without a list) or a change
// at the version read (409 duty.stale) — duty:manage; audited duty.list.add / duty.list.edit.
Result<DutyListView> SaveDutyList(Services& s, const RequestContext& ctx,
                                  domain::duty::DutyList in);
struct SignDutyRequest {
  std::int64_t id = 0;
  int version = 0;  // the version of the list read (409 duty.stale when it changed)
  std::string password;
  std::string totp;
};
// The holder signs the list as it stands (409 duty.signed when it already is): the password or
// code checked before the write, the signature recorded with it; audited duty.list.sign.
Result<DutyListView> SignDutyList(Services& s, const RequestContext& ctx,
                                  const SignDutyRequest& req);
// The import template (用户名*, 姓名, 岗位*, 补充职责) with a sheet of notes naming the posts.
Result<std::pair<std::string, std::string>> DutyListTemplate();
// A school's lists from a workbook (duty:manage), all or nothing: each row an active account of
// the school (once), its posts and local items; a person with a list has it replaced when it
// differs (a new version to sign), one without gets one. Problems by row and column; audited
// duty.list.import.
Result<ImportReport> ImportDutyLists(Services& s, const RequestContext& ctx,
                                     std::optional<std::int64_t> unit_id, std::string_view bytes,
                                     const std::string& format);
// The school's lists as a workbook (duty:read; audited duty.export).
Result<std::string> ExportSchoolDuties(Services& s, const RequestContext& ctx,
                                       std::optional<std::int64_t> unit_id);

// ---- 三管三必须 ---------------------------------------------------------------------------------
struct DutyAreasView {
  std::int64_t school_id = 0;
  std::string school_name;
  domain::duty::AreaSet set;  // every area in order; those not written applicable, no owner
  std::vector<domain::duty::Gap> gaps;
  std::optional<domain::rules::Verdict> check;  // duty.areas today
  struct Person {
    std::int64_t user_id = 0;
    std::string name;
  };
  std::vector<Person> people;  // the school's active accounts, for the owner's choice
  bool can_edit = false;
};
Result<DutyAreasView> GetDutyAreas(Services& s, const RequestContext& ctx,
                                   std::optional<std::int64_t> unit_id);
// Saves the school's areas whole (duty:manage) at the version read (409 duty.stale); an owner
// must be an active account of the school (areas[2].owner_user_id); audited duty.areas.edit.
Result<DutyAreasView> SaveDutyAreas(Services& s, const RequestContext& ctx,
                                    domain::duty::AreaSet in);

// ---- Board --------------------------------------------------------------------------------------
struct DutyBoard {
  struct Row {
    std::int64_t school_id = 0;
    std::string school_name;
    int lists = 0;
    int signed_count = 0;
    int unsigned_count = 0;
    int outdated_count = 0;
    int gaps = 0;
    domain::rules::Verdict signed_check;
    domain::rules::Verdict areas_check;
  };
  std::vector<Row> rows;  // schools by name
  int schools = 0;
  int lists = 0;
  int signed_count = 0;
  int schools_passing = 0;  // both rules pass
};
Result<DutyBoard> GetDutyBoard(Services& s, const RequestContext& ctx);
Result<std::string> ExportDutyBoard(Services& s, const RequestContext& ctx);

// 我的待办: the holder's list to sign; for a school's duty:manage holder, the lists waiting and
// the areas' gaps. Items name the subject duty_list (the list's id) or duty_areas (the school).
TaskSource DutyTaskSource();
RuleModule DutyRuleModule();

}  // namespace xiaoan::app
