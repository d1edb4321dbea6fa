// The authorization matrix: every endpoint × {own school, sibling school, parent bureau, another
// district, an outside department} × every built-in role, with the expected outcome written out
// below. A route without rows fails the test, so a new endpoint must state who may use it.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "app/accounts/accounts.hpp"
#include "app/campaigns/campaigns.hpp"
#include "app/checklist/checklists.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/drills/drills.hpp"
#include "app/duty/duty.hpp"
#include "app/duty/supervision.hpp"
#include "app/duty/work.hpp"
#include "app/edu/drowning.hpp"
#include "app/edu/edu.hpp"
#include "app/edu/joint.hpp"
#include "app/edu/lessons.hpp"
#include "app/edu/letters.hpp"
#include "app/edu/waters.hpp"
#include "app/hazards/hazards.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/patrols/patrols.hpp"
#include "app/security/security.hpp"
#include "app/traffic/buses.hpp"
#include "app/traffic/campus.hpp"
#include "app/training/training.hpp"
#include "app/whistles/whistles.hpp"
#include "core/clock.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "support/test_server.hpp"
#include "support/test_store.hpp"

namespace xiaoan {
namespace {

namespace json = boost::json;

// One account per built-in role, in the column order of the expectations.
const std::vector<std::string> kUsers = {
    "sysadmin",      "secadmin",       "auditor",        "safety_office",   "inspector",
    "section_basic", "school1_leader", "school1_safety", "school1_teacher", "dept1_liaison"};

struct Row {
  std::string method;
  std::string pattern;
  std::string target;  // what replaces {id}/{code}: S1 own school, S2 sibling school, B1 parent
                       // bureau, X school of another district, XB its bureau, D1 a department,
                       // T a user of the other district, or a literal value
  std::string body;
  // One letter per user in kUsers: o = allowed (2xx, or 409/422 from the use case after the
  // checks), f = 403 forbidden, n = 404 not found (out of scope).
  std::string expect;
};

// clang-format off
// A person's whole record at a version nobody has: 409 in scope, 404 outside it.
constexpr const char* kStaleStaff =
    R"({"name":"张强","post":"security","phone":"","since":"2024-03-01","active":true,"note":"",)"
    R"("version":99})";

// A supervision item at a version nobody has (422 first: unit 1 is not a section of the bureau).
constexpr const char* kStaleSupervision =
    R"({"section_id":1,"kind":"business","title":"x","measures":[1],"post":"科长","person_user_id":1,"version":99})";
// A work item at a version nobody has: 409 for the bureau's item, 404 for none.
constexpr const char* kStaleWork =
    R"({"kind":"routine","title":"x","measures":[3],"lead_section_id":0,"targets":[],)"
    R"("schedule":{"repeat":"once","due":"2026-09-10"},"version":99})";
// A duty list at a version nobody has: 409 in scope, 404 outside it.
constexpr const char* kStaleDuty = R"({"posts":["teacher"],"local_items":[],"version":99})";

// An office at a version nobody has: 409 in scope, 404 outside it.
constexpr const char* kStaleOffice = R"({"version":99,"name":"安全办公室","members":[]})";

const std::vector<Row> kMatrix = {
  // Public and self-service.
  {"GET",    "/api/v1/health",                 "", "",   "oooooooooo"},
  {"GET",    "/api/v1/openapi.json",           "", "",   "oooooooooo"},
  {"POST",   "/api/v1/auth/login",             "", "{}", "oooooooooo"},
  {"GET",    "/api/v1/auth/session",           "", "",   "oooooooooo"},
  {"GET",    "/api/v1/auth/me",                "", "",   "oooooooooo"},
  {"POST",   "/api/v1/auth/password",          "", "{}", "oooooooooo"},
  {"GET",    "/api/v1/auth/sessions",          "", "",   "oooooooooo"},
  {"DELETE", "/api/v1/auth/sessions/{id}",     "0123456789abcdef", "", "nnnnnnnnnn"},
  {"POST",   "/api/v1/auth/totp/enroll",       "", "",   "oooooooooo"},
  {"POST",   "/api/v1/auth/totp/confirm",      "", "{}", "oooooooooo"},
  {"POST",   "/api/v1/auth/totp/disable",      "", "{}", "oooooooooo"},
  {"GET",    "/api/v1/auth/tokens",            "", "",   "oooooooooo"},
  {"POST",   "/api/v1/auth/tokens",            "", "{}", "oooooooooo"},
  {"DELETE", "/api/v1/auth/tokens/{id}",       "999999", "", "nnnnnnnnnn"},
  {"POST",   "/api/v1/signatures",             "", "{}", "oooooooooo"},
  {"GET",    "/api/v1/signatures",             "", "",   "oooooooooo"},
  // Console reference data and the home board: every logged-in user (the board holds only
  // the sections the caller may read, within their scope).
  {"GET",    "/api/v1/dictionaries",           "", "",   "oooooooooo"},
  {"GET",    "/api/v1/boards/home",            "", "",   "oooooooooo"},
  // Users: the system administrator; the security administrator reads them.
  {"GET",    "/api/v1/users",                  "", "",   "ooffffffff"},
  {"POST",   "/api/v1/users",                  "", "{}", "offfffffff"},
  {"GET",    "/api/v1/users/{id}",             "T", "",  "ooffffffff"},
  {"PUT",    "/api/v1/users/{id}",             "T", R"({"display_name":""})", "offfffffff"},
  {"GET",    "/api/v1/users/import-template",  "", "",   "offfffffff"},
  {"POST",   "/api/v1/users/import",           "", "junk", "offfffffff"},
  {"PUT",    "/api/v1/users/{id}/status",      "T", R"({"status":"x"})", "offfffffff"},
  {"POST",   "/api/v1/users/{id}/reset-password", "T", "", "offfffffff"},
  {"POST",   "/api/v1/users/{id}/totp-reset",  "T", "",  "offfffffff"},
  {"POST",   "/api/v1/users/{id}/unlock",      "T", "",  "foffffffff"},
  // Roles, scopes and policy: the security administrator.
  {"GET",    "/api/v1/users/{id}/roles",       "T", "",  "foffffffff"},
  {"PUT",    "/api/v1/users/{id}/roles",       "T", R"({"roles":["nope"]})", "foffffffff"},
  {"GET",    "/api/v1/roles",                  "", "",   "foffffffff"},
  {"PUT",    "/api/v1/roles/{code}",           "custom_x", "{}", "foffffffff"},
  {"GET",    "/api/v1/security-policy",        "", "",   "foffffffff"},
  {"PUT",    "/api/v1/security-policy",        "", "{}", "foffffffff"},
  // Audit log: the audit administrator only.
  {"GET",    "/api/v1/audit-logs",             "", "",   "ffofffffff"},
  {"GET",    "/api/v1/audit-logs/export",      "", "",   "ffofffffff"},
  {"POST",   "/api/v1/audit-logs/verify",      "", "",   "ffofffffff"},
  // Regions: reference data, read by everyone who works with schools or departments.
  {"GET",    "/api/v1/regions",                "", "",   "offooooooo"},
  {"GET",    "/api/v1/regions/{code}",         "990102", "", "offooooooo"},
  {"POST",   "/api/v1/regions",                "", "{}", "offfffffff"},
  {"PUT",    "/api/v1/regions/{code}",         "990102", "{}", "offfffffff"},
  {"DELETE", "/api/v1/regions/{code}",         "990102", "", "offfffffff"},
  // Units: the bureau sees its subtree; another district is out of scope.
  {"GET",    "/api/v1/units",                  "", "",   "offoooffff"},
  {"GET",    "/api/v1/units/{id}",             "S1", "", "offoooffff"},
  {"GET",    "/api/v1/units/{id}",             "S2", "", "offoooffff"},
  {"GET",    "/api/v1/units/{id}",             "B1", "", "offoooffff"},
  {"GET",    "/api/v1/units/{id}",             "XB", "", "offnnnffff"},
  {"GET",    "/api/v1/units/{id}",             "D1", "", "offoooffff"},
  {"POST",   "/api/v1/units",                  "", "{}", "offfffffff"},
  {"PUT",    "/api/v1/units/{id}",             "S1", R"({"name":"x"})", "offfffffff"},
  {"PUT",    "/api/v1/units/{id}",             "XB", R"({"name":"x"})", "offfffffff"},
  {"DELETE", "/api/v1/units/{id}",             "B1", "", "offfffffff"},
  {"DELETE", "/api/v1/units/{id}",             "XB", "", "offfffffff"},
  // Outside departments: a shared directory for every holder of department:read.
  {"GET",    "/api/v1/departments",            "", "",   "offooofffo"},
  {"GET",    "/api/v1/departments/{id}",       "D1", "", "offooofffo"},
  {"GET",    "/api/v1/departments/{id}",       "S1", "", "nffnnnfffn"},
  {"POST",   "/api/v1/departments",            "", "{}", "offfffffff"},
  {"PUT",    "/api/v1/departments/{id}",       "D1", "{}", "offfffffff"},
  {"DELETE", "/api/v1/departments/{id}",       "D1", "", "offfffffff"},
  // Schools: own school, sibling school, another district.
  {"GET",    "/api/v1/schools",                "", "",   "offoooooof"},
  {"GET",    "/api/v1/schools/{id}",           "S1", "", "offoooooof"},
  {"GET",    "/api/v1/schools/{id}",           "S2", "", "offooonnnf"},
  {"GET",    "/api/v1/schools/{id}",           "X",  "", "offnnnnnnf"},
  {"GET",    "/api/v1/schools/{id}",           "D1", "", "nffnnnnnnf"},
  {"POST",   "/api/v1/schools",                "", "{}", "offoffofff"},
  {"PUT",    "/api/v1/schools/{id}",           "S1", "SCHOOL", "offoffofff"},
  {"PUT",    "/api/v1/schools/{id}",           "S2", "SCHOOL", "offoffnfff"},
  {"PUT",    "/api/v1/schools/{id}",           "X",  "SCHOOL", "offnffnfff"},
  {"DELETE", "/api/v1/schools/{id}",           "S1", "", "offoffofff"},
  {"DELETE", "/api/v1/schools/{id}",           "S2", "", "offoffnfff"},
  {"DELETE", "/api/v1/schools/{id}",           "X",  "", "offnffnfff"},
  {"GET",    "/api/v1/schools/export",         "", "",   "offofooo" "ff"},
  {"GET",    "/api/v1/schools/import-template", "", "",  "offoffffff"},
  {"POST",   "/api/v1/schools/import",         "", "junk", "offoffffff"},
  // Hazard ledger: H1/F1/O1 at the own school, H2/F2/O2 at the sibling school, HX/FX/OX in
  // another district (each hazard is major, so it has a supervision order).
  {"GET",    "/api/v1/hazards",                "", "",   "fffoooooof"},
  {"POST",   "/api/v1/hazards",                "", "{}", "fffoofooof"},
  {"GET",    "/api/v1/hazards/export",         "", "",   "fffoooooof"},
  {"GET",    "/api/v1/hazards/import-template", "", "",  "fffoofooof"},
  {"POST",   "/api/v1/hazards/import",         "", "junk", "fffoofooof"},
  {"GET",    "/api/v1/hazards/{id}",           "H1", "", "fffoooooof"},
  {"GET",    "/api/v1/hazards/{id}",           "H2", "", "fffooonnnf"},
  {"GET",    "/api/v1/hazards/{id}",           "HX", "", "fffnnnnnnf"},
  {"PUT",    "/api/v1/hazards/{id}",           "H1", "{}", "fffoffooff"},
  {"PUT",    "/api/v1/hazards/{id}",           "H2", "{}", "fffoffnnff"},
  {"PUT",    "/api/v1/hazards/{id}",           "HX", "{}", "fffnffnnff"},
  {"POST",   "/api/v1/hazards/{id}/transitions", "H1", R"({"action":"assign"})", "fffoffooff"},
  {"POST",   "/api/v1/hazards/{id}/transitions", "H2", R"({"action":"assign"})", "fffoffnnff"},
  {"POST",   "/api/v1/hazards/{id}/transitions", "HX", R"({"action":"assign"})", "fffnffnnff"},
  {"POST",   "/api/v1/hazards/{id}/transitions", "H1", R"({"action":"close"})",  "ffffffoff" "f"},
  {"POST",   "/api/v1/files",                  "", "junk", "fffooooooo"},
  {"GET",    "/api/v1/files/{id}",             "F1", "", "nnnoooooon"},
  {"GET",    "/api/v1/files/{id}",             "F2", "", "nnnooonnnn"},
  {"GET",    "/api/v1/files/{id}",             "FX", "", "nnnnnnnnnn"},
  {"POST",   "/api/v1/self-inspections",       "", "{}", "fffoofooof"},
  {"GET",    "/api/v1/supervision-orders",     "", "",   "fffoooooof"},
  {"POST",   "/api/v1/supervision-orders/{id}/reply", "O1", R"({"reply":"已整改"})", "ffffffooff"},
  {"POST",   "/api/v1/supervision-orders/{id}/reply", "O2", R"({"reply":"已整改"})", "ffffffnnff"},
  {"POST",   "/api/v1/supervision-orders/{id}/close", "O1", "", "fffoofffff"},
  {"POST",   "/api/v1/supervision-orders/{id}/close", "OX", "", "fffnnfffff"},
  {"GET",    "/api/v1/boards/hazards",         "", "",   "fffoooooof"},
  {"GET",    "/api/v1/hazard-rules",           "", "",   "fffoooooof"},
  {"PUT",    "/api/v1/hazard-rules",           "", "{}", "fffoffffff"},
  // School calendar: read by whoever works with schools, set by the bureau and the school for
  // the units in their scope; the State Council's notice is system data.
  {"GET",    "/api/v1/calendar/holidays",      "", "",   "offoooooof"},
  {"PUT",    "/api/v1/calendar/holidays/{year}", "2026", "{}", "offfffffff"},
  {"GET",    "/api/v1/units/{id}/calendar",    "S1", "", "offoooooof"},
  {"GET",    "/api/v1/units/{id}/calendar",    "S2", "", "offooonnnf"},
  {"GET",    "/api/v1/units/{id}/calendar",    "B1", "", "offooonnnf"},
  {"GET",    "/api/v1/units/{id}/calendar",    "XB", "", "offnnnnnnf"},
  {"PUT",    "/api/v1/units/{id}/calendar/terms", "S1", R"({"terms":[]})", "fffoffooff"},
  {"PUT",    "/api/v1/units/{id}/calendar/terms", "S2", R"({"terms":[]})", "fffoffnnff"},
  {"PUT",    "/api/v1/units/{id}/calendar/terms", "B1", R"({"terms":[]})", "fffoffnnff"},
  {"PUT",    "/api/v1/units/{id}/calendar/terms", "XB", R"({"terms":[]})", "fffnffnnff"},
  {"PUT",    "/api/v1/units/{id}/calendar/exceptions", "S1", R"({"exceptions":[]})", "fffoffooff"},
  {"PUT",    "/api/v1/units/{id}/calendar/exceptions", "S2", R"({"exceptions":[]})", "fffoffnnff"},
  {"PUT",    "/api/v1/units/{id}/calendar/dismissals", "S1", R"({"dismissals":[]})", "fffoffooff"},
  {"PUT",    "/api/v1/units/{id}/calendar/dismissals", "X", R"({"dismissals":[]})", "fffnffnnff"},
  {"GET",    "/api/v1/schools/{id}/calendar",  "S1", "", "offoooooof"},
  {"GET",    "/api/v1/schools/{id}/calendar",  "S2", "", "offooonnnf"},
  {"GET",    "/api/v1/schools/{id}/calendar",  "X",  "", "offnnnnnnf"},
  {"GET",    "/api/v1/schools/{id}/calendar",  "D1", "", "nffnnnnnnf"},
  // The rules engine's catalog: the same for everyone signed in; findings and boards for those
  // who follow schools; values set by the bureau's safety office.
  {"GET",    "/api/v1/rules",                  "", "",   "oooooooooo"},
  {"GET",    "/api/v1/rules/{id}",             "drill.time", "", "oooooooooo"},
  {"PUT",    "/api/v1/rules/{id}/parameters",  "drill.time", "{}", "fffoffffff"},
  {"POST",   "/api/v1/rules/evaluate",         "", "{}", "fffoffffff"},
  {"GET",    "/api/v1/rule-findings",          "", "",   "fffoooooff"},
  {"GET",    "/api/v1/rule-findings/export",   "", "",   "fffoooooff"},
  {"GET",    "/api/v1/rule-board",             "", "",   "fffoooooff"},
  {"GET",    "/api/v1/plan-board",             "", "",   "fffoooooff"},
  {"GET",    "/api/v1/plan-board/trend",       "", "",   "fffoooooff"},
  // Drills: read by whoever follows schools, recorded by the school and the bureau's office.
  {"GET",    "/api/v1/drills",                 "", "",   "fffoooooof"},
  {"GET",    "/api/v1/drills/export",          "", "",   "fffoooooof"},
  {"GET",    "/api/v1/drill-kinds",            "", "",   "fffoooooof"},
  {"POST",   "/api/v1/drills",                 "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/drills/{id}",            "DR1", "", "fffoooooof"},
  {"GET",    "/api/v1/drills/{id}",            "DR2", "", "fffooonnnf"},
  {"GET",    "/api/v1/drills/{id}",            "DRX", "", "fffnnnnnnf"},
  {"PUT",    "/api/v1/drills/{id}",            "DR1", R"({"kind":"fire","date":"2026-11-02","commander":"校长","students":100})", "fffoffooff"},
  {"PUT",    "/api/v1/drills/{id}",            "DR2", R"({"kind":"fire","date":"2026-11-02","commander":"校长","students":100})", "fffoffnnff"},
  {"PUT",    "/api/v1/drills/{id}",            "DRX", R"({"kind":"fire","date":"2026-11-02","commander":"校长","students":100})", "fffnffnnff"},
  {"POST",   "/api/v1/drills/{id}/hazards",    "DR1", R"({"index":9,"domain":"fire"})", "fffoffooff"},
  {"POST",   "/api/v1/drills/{id}/hazards",    "DRX", R"({"index":0,"domain":"fire"})", "fffnffnnff"},
  {"DELETE", "/api/v1/drills/{id}",            "DRX", "", "fffnffnnff"},
  {"DELETE", "/api/v1/drills/{id}",            "DD",  "", "fffoffnnff"},
  // Drill plans: as the drills; PL1 at the own school, PL2 and PD (to remove) at the sibling
  // school, PLX in the other district.
  {"GET",    "/api/v1/drill-plans",            "", "",   "fffoooooof"},
  {"GET",    "/api/v1/drill-plans/export",     "", "",   "fffoooooof"},
  {"POST",   "/api/v1/drill-plans",            "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/drill-plans/{id}",       "PL1", "", "fffoooooof"},
  {"GET",    "/api/v1/drill-plans/{id}",       "PL2", "", "fffooonnnf"},
  {"GET",    "/api/v1/drill-plans/{id}",       "PLX", "", "fffnnnnnnf"},
  {"PUT",    "/api/v1/drill-plans/{id}",       "PL1", R"({"kind":"fire","date":"2099-06-01","commander":"校长"})", "fffoffooff"},
  {"PUT",    "/api/v1/drill-plans/{id}",       "PL2", R"({"kind":"fire","date":"2099-06-01","commander":"校长"})", "fffoffnnff"},
  {"PUT",    "/api/v1/drill-plans/{id}",       "PLX", R"({"kind":"fire","date":"2099-06-01","commander":"校长"})", "fffnffnnff"},
  {"DELETE", "/api/v1/drill-plans/{id}",       "PLX", "", "fffnffnnff"},
  {"DELETE", "/api/v1/drill-plans/{id}",       "PD",  "", "fffoffnnff"},
  // Checklist templates: read by the roles that inspect or are inspected, written by the bureau's
  // safety office. CL is a shipped template, CB the bureau's own (revised by the PUT row), CX one
  // of the other district's bureau.
  {"GET",    "/api/v1/checklist-templates",    "", "",   "fffoooooof"},
  {"GET",    "/api/v1/checklist-templates/import-template", "", "", "fffoffffff"},
  {"POST",   "/api/v1/checklist-templates/import", "", "junk", "fffoffffff"},
  {"POST",   "/api/v1/checklist-templates",    "", "{}", "fffoffffff"},
  {"GET",    "/api/v1/checklist-templates/{id}", "CL", "", "fffoooooof"},
  {"GET",    "/api/v1/checklist-templates/{id}", "CB", "", "fffoooooof"},
  {"GET",    "/api/v1/checklist-templates/{id}", "CX", "", "fffnnnnnnf"},
  {"PUT",    "/api/v1/checklist-templates/{id}", "CL", R"({"name":"x","items":[{"key":"A","text":"t","domain":"fire"}]})", "fffoffffff"},
  {"PUT",    "/api/v1/checklist-templates/{id}", "CB", R"({"name":"x","items":[{"key":"A","text":"t","domain":"fire"}]})", "fffoffffff"},
  {"PUT",    "/api/v1/checklist-templates/{id}", "CX", R"({"name":"x","items":[{"key":"A","text":"t","domain":"fire"}]})", "fffnffffff"},
  {"POST",   "/api/v1/checklist-templates/{id}/copy", "CL", "", "fffoffffff"},
  {"POST",   "/api/v1/checklist-templates/{id}/copy", "CX", "", "fffnffffff"},
  {"GET",    "/api/v1/checklist-templates/{id}/export", "CB", "", "fffoooooof"},
  {"GET",    "/api/v1/checklist-templates/{id}/export", "CX", "", "fffnnnnnnf"},
  // Patrols: read as the checklists, scheduled by the bureau's office and the school's leader and
  // safety officer, recorded by the school's staff. PP/PR/KP 1 at the own school, 2 at the
  // sibling school (PPD to remove), X in the other district.
  // 四个100%: a school's security record and the board.
  {"GET",    "/api/v1/schools/{id}/security",  "S1", "", "fffoooooff"},
  {"GET",    "/api/v1/schools/{id}/security",  "S2", "", "fffooonnff"},
  {"GET",    "/api/v1/schools/{id}/security",  "X",  "", "fffnnnnnff"},
  {"PUT",    "/api/v1/schools/{id}/security",  "S1", "{}", "fffoffooff"},
  {"PUT",    "/api/v1/schools/{id}/security",  "S2", "{}", "fffoffnnff"},
  {"PUT",    "/api/v1/schools/{id}/security",  "X",  "{}", "fffnffnnff"},
  {"GET",    "/api/v1/security/board",         "", "",   "fffoooooff"},
  {"GET",    "/api/v1/security/board/export",  "", "",   "fffoooooff"},
  // The record's lists in and out of Excel: imported by who records, exported by who reads.
  {"GET",    "/api/v1/security/import-template", "", "",  "fffoffooff"},
  {"POST",   "/api/v1/security/import",        "", "junk", "fffoffooff"},
  {"GET",    "/api/v1/security/export",        "", "",   "fffoooooff"},
  // Screening rounds: SR1 of the bureau over S1 and S2, SRX of the other district. Opened by who
  // deploys campaigns; S2 has no record, so screening it stops at 409 screening.no_record.
  {"GET",    "/api/v1/security/rounds",        "", "",   "fffoooooff"},
  {"POST",   "/api/v1/security/rounds",        "", "{}", "fffoffffff"},
  {"GET",    "/api/v1/security/rounds/{id}",   "SR1", "", "fffoooooff"},
  {"GET",    "/api/v1/security/rounds/{id}",   "SRX", "", "fffnnnnnff"},
  {"GET",    "/api/v1/security/rounds/{id}/export", "SR1", "", "fffoooooff"},
  {"GET",    "/api/v1/security/rounds/{id}/export", "SRX", "", "fffnnnnnff"},
  {"GET",    "/api/v1/security/rounds/{id}/schools/{school_id}", "SR1,S1", "", "fffoooooff"},
  {"GET",    "/api/v1/security/rounds/{id}/schools/{school_id}", "SR1,S2", "", "fffooonnff"},
  {"GET",    "/api/v1/security/rounds/{id}/schools/{school_id}", "SRX,X",  "", "fffnnnnnff"},
  {"POST",   "/api/v1/security/rounds/{id}/schools/{school_id}/screen", "SR1,S1", "{}", "fffoffooff"},
  {"POST",   "/api/v1/security/rounds/{id}/schools/{school_id}/screen", "SR1,S2", R"({"evidence":[{"indicator":"guards","note":"x"},{"indicator":"closed_campus","note":"x"},{"indicator":"alarm_video","note":"x"},{"indicator":"gate_duty","note":"x"}]})", "fffoffnnff"},
  {"POST",   "/api/v1/security/rounds/{id}/schools/{school_id}/screen", "SRX,X", R"({"evidence":[{"indicator":"guards","note":"x"},{"indicator":"closed_campus","note":"x"},{"indicator":"alarm_video","note":"x"},{"indicator":"gate_duty","note":"x"}]})", "fffnffnnff"},
  // 吹哨报到: W1 of the own school routed to D1 (the police), W2 of the sibling school to the
  // traffic police, WX of the other district. Departments see only what was routed to them.
  {"GET",    "/api/v1/whistles",               "", "",   "fffooooofo"},
  {"POST",   "/api/v1/whistles",               "", "{}", "ffffffooff"},
  {"POST",   "/api/v1/whistles",               "", R"({"school_id":$S2$,"title":"t","description":"d","category":"traffic","place":"around","location":"门口","severity":"general"})", "ffffffnnff"},
  {"GET",    "/api/v1/whistles/{id}",          "W1", "", "fffooooofo"},
  {"GET",    "/api/v1/whistles/{id}",          "W2", "", "fffooonnfn"},
  {"GET",    "/api/v1/whistles/{id}",          "WX", "", "fffnnnnnfn"},
  {"POST",   "/api/v1/whistles/{id}/acknowledge", "W2", "", "fffffffffn"},
  {"POST",   "/api/v1/whistles/{id}/acknowledge", "W1", "", "fffffffffo"},
  {"POST",   "/api/v1/whistles/{id}/feedback", "W2", R"({"note":"已处理"})", "fffffffffn"},
  {"POST",   "/api/v1/whistles/{id}/feedback", "W1", R"({"note":"已处理"})", "fffffffffo"},
  {"POST",   "/api/v1/whistles/{id}/confirm",  "W1", "", "ffffffooff"},
  {"POST",   "/api/v1/whistles/{id}/confirm",  "W2", "", "ffffffnnff"},
  {"POST",   "/api/v1/whistles/{id}/send-back", "W1", "{}", "ffffffooff"},
  {"POST",   "/api/v1/whistles/{id}/send-back", "W2", R"({"note":"缺少减速带"})", "ffffffnnff"},
  {"POST",   "/api/v1/whistles/{id}/hazard",   "W2", "", "ffffffnnff"},
  {"POST",   "/api/v1/whistles/{id}/hazard",   "W1", "", "ffffffooff"},
  {"POST",   "/api/v1/whistles/{id}/route",    "W1", R"({"department_ids":[$D1$]})", "fffoffffff"},
  {"POST",   "/api/v1/whistles/{id}/route",    "WX", R"({"department_ids":[$D1$]})", "fffnffffff"},
  {"GET",    "/api/v1/whistle-routes",         "", "",   "fffoffffff"},
  {"PUT",    "/api/v1/whistle-routes",         "", "{}", "fffoffffff"},
  {"GET",    "/api/v1/schools/{id}/whistle-reports", "S1", "", "fffooooofn"},
  {"GET",    "/api/v1/schools/{id}/whistle-reports", "S2", "", "fffooonnfn"},
  {"GET",    "/api/v1/schools/{id}/whistle-reports", "X",  "", "fffnnnnnfn"},
  {"POST",   "/api/v1/schools/{id}/whistle-reports", "S1", "{}", "ffffffooff"},
  {"POST",   "/api/v1/schools/{id}/whistle-reports", "S2", "{}", "ffffffnnff"},
  {"GET",    "/api/v1/whistle-reports",        "", "",   "fffooooofo"},
  {"GET",    "/api/v1/whistle-stats",          "", "",   "fffooooofo"},
  {"GET",    "/api/v1/whistle-stats/export",   "", "",   "fffooooofo"},
  // 1530: E1 a class of S1, E2 of S2, EX of the other district. The class teacher checks in;
  // the school's leaders and safety officers and the bureau's office manage classes.
  {"GET",    "/api/v1/edu/classes",            "", "",   "fffoooooof"},
  {"POST",   "/api/v1/edu/classes",            "", "{}", "fffoffooff"},
  {"PUT",    "/api/v1/edu/classes/{id}",       "E1", R"({"grade":1,"name":"1班","version":1})", "fffoffooff"},
  {"PUT",    "/api/v1/edu/classes/{id}",       "E2", R"({"grade":1,"name":"1班","version":1})", "fffoffnnff"},
  {"PUT",    "/api/v1/edu/classes/{id}",       "EX", R"({"grade":1,"name":"1班","version":1})", "fffnffnnff"},
  {"GET",    "/api/v1/edu/classes/import-template", "", "", "fffoffooff"},
  {"POST",   "/api/v1/edu/classes/import",     "", "junk", "fffoffooff"},
  {"GET",    "/api/v1/edu/classes/export",     "", "",   "fffoooooof"},
  {"GET",    "/api/v1/edu/1530/topics",        "", "",   "fffoooooof"},
  {"GET",    "/api/v1/edu/1530/sessions",      "", "",   "ffffffooof"},
  {"POST",   "/api/v1/edu/1530/checkins",      "", "{}", "ffffffooof"},
  {"GET",    "/api/v1/edu/1530/completion",    "", "",   "fffoooooof"},
  {"GET",    "/api/v1/edu/1530/completion/export", "", "", "fffoooooof"},
  // Education records: L1 of S1, L2 of S2, LX of the other district, LD of S2 to delete; read
  // with edu:read, recorded by the bureau's office and the school's leader and safety officer.
  {"GET",    "/api/v1/edu/themes",             "", "",   "fffoooooof"},
  // The 1530 texts: read with edu:read, written by the bureau's safety office for its unit.
  {"GET",    "/api/v1/edu/1530/contents",      "", "",   "fffoooooof"},
  {"PUT",    "/api/v1/edu/1530/contents",      "", "{}", "fffoffffff"},
  {"DELETE", "/api/v1/edu/1530/contents",      "", "",   "fffoffffff"},
  {"GET",    "/api/v1/edu/calendar",           "", "",   "fffoooooof"},
  {"GET",    "/api/v1/edu/lessons",            "", "",   "fffoooooof"},
  {"GET",    "/api/v1/edu/lessons/export",     "", "",   "fffoooooof"},
  {"POST",   "/api/v1/edu/lessons",            "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/edu/lessons/{id}",       "L1", "", "fffoooooof"},
  {"GET",    "/api/v1/edu/lessons/{id}",       "L2", "", "fffooonnnf"},
  {"GET",    "/api/v1/edu/lessons/{id}",       "LX", "", "fffnnnnnnf"},
  {"PUT",    "/api/v1/edu/lessons/{id}",       "L1", R"({"date":"2025-10-10","theme":"other","title":"t","participants":10,"version":1})", "fffoffooff"},
  {"PUT",    "/api/v1/edu/lessons/{id}",       "L2", R"({"date":"2025-10-10","theme":"other","title":"t","participants":10,"version":1})", "fffoffnnff"},
  {"PUT",    "/api/v1/edu/lessons/{id}",       "LX", R"({"date":"2025-10-10","theme":"other","title":"t","participants":10,"version":1})", "fffnffnnff"},
  {"DELETE", "/api/v1/edu/lessons/{id}",       "LX", "", "fffnffnnff"},
  {"DELETE", "/api/v1/edu/lessons/{id}",       "LD", "", "fffoffnnff"},
  // 致家长的一封信: read with edu:read in scope, written with edu:lessons; who confirmed only
  // for the school's own users (the bureau is refused the names); the parents' page is public.
  {"GET",    "/api/v1/edu/letters",            "", "",   "fffoooooof"},
  {"GET",    "/api/v1/edu/letters/board",      "", "",   "fffoooooof"},
  {"POST",   "/api/v1/edu/letters",            "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/edu/letters/{id}",       "P1", "", "fffoooooof"},
  {"GET",    "/api/v1/edu/letters/{id}",       "P2", "", "fffooonnnf"},
  {"GET",    "/api/v1/edu/letters/{id}",       "PX", "", "fffnnnnnnf"},
  {"PUT",    "/api/v1/edu/letters/{id}",       "P1", R"({"title":"t","body":"b","version":1})", "fffoffooff"},
  {"PUT",    "/api/v1/edu/letters/{id}",       "P2", R"({"title":"t","body":"b","version":1})", "fffoffnnff"},
  {"PUT",    "/api/v1/edu/letters/{id}",       "PX", R"({"title":"t","body":"b","version":1})", "fffnffnnff"},
  {"DELETE", "/api/v1/edu/letters/{id}",       "PX", "", "fffnffnnff"},
  {"DELETE", "/api/v1/edu/letters/{id}",       "PLD", "", "fffoffnnff"},
  {"POST",   "/api/v1/edu/letters/{id}/publish", "P1", "", "fffoffooff"},
  {"POST",   "/api/v1/edu/letters/{id}/publish", "PX", "", "fffnffnnff"},
  {"GET",    "/api/v1/edu/letters/{id}/classes", "P1", "", "fffoooooof"},
  {"GET",    "/api/v1/edu/letters/{id}/classes", "P2", "", "fffooonnnf"},
  {"GET",    "/api/v1/edu/letters/{id}/classes", "PX", "", "fffnnnnnnf"},
  {"GET",    "/api/v1/edu/letters/{id}/export", "P1", "", "fffoooooof"},
  {"GET",    "/api/v1/edu/letters/{id}/export", "P2", "", "fffooonnnf"},
  {"GET",    "/api/v1/edu/letters/{id}/export", "PX", "", "fffnnnnnnf"},
  {"GET",    "/api/v1/edu/letters/{id}/receipts", "P1", "", "ffffffooof"},
  {"GET",    "/api/v1/edu/letters/{id}/receipts", "P2", "", "ffffffnnnf"},
  {"GET",    "/api/v1/edu/letters/{id}/receipts", "PX", "", "fffnnnnnnf"},
  {"GET",    "/api/v1/public/letters/{token}", "PT1", "", "oooooooooo"},
  {"POST",   "/api/v1/public/letters/{token}/receipts", "PT1", "{}", "oooooooooo"},
  // 周边水域风险: read with edu:read in scope, recorded with edu:lessons.
  // 防溺水提醒: the class teacher's warnings with edu:checkin; the board and the campaigns read
  // with edu:read; campaigns issued and withdrawn by the bureau (edu:content) in its scope.
  {"GET",    "/api/v1/edu/drowning/warnings",  "", "",   "ffffffooof"},
  {"POST",   "/api/v1/edu/drowning/warnings",  "", "{}", "ffffffooof"},
  {"GET",    "/api/v1/edu/drowning/board",     "", "",   "fffoooooof"},
  {"GET",    "/api/v1/edu/drowning/board/export", "", "", "fffoooooof"},
  {"GET",    "/api/v1/edu/drowning/campaigns", "", "",   "fffoooooof"},
  {"POST",   "/api/v1/edu/drowning/campaigns", "", "{}", "fffoffffff"},
  {"DELETE", "/api/v1/edu/drowning/campaigns/{id}", "DC1", "", "fffoffffff"},
  {"DELETE", "/api/v1/edu/drowning/campaigns/{id}", "DCX", "", "fffnffffff"},
  // 联防联控: listed and read with edu:read (the bureau in its scope; a school sees none) or
  // edu:joint (a department the tasks given to it); issued to departments of the bureau's region
  // and withdrawn with edu:content in scope; reported by a department of the task.
  {"GET",    "/api/v1/edu/joint-tasks",        "", "",   "fffooooooo"},
  {"POST",   "/api/v1/edu/joint-tasks",        "", "{}", "fffoffffff"},
  {"GET",    "/api/v1/edu/joint-tasks/{id}",   "JT1", "", "fffooonnno"},
  {"GET",    "/api/v1/edu/joint-tasks/{id}",   "JTX", "", "fffnnnnnnn"},
  {"PUT",    "/api/v1/edu/joint-tasks/{id}/report", "JT1", R"({"text":"巡查"})", "fffffffffo"},
  {"PUT",    "/api/v1/edu/joint-tasks/{id}/report", "JTX", R"({"text":"巡查"})", "fffffffffn"},
  {"DELETE", "/api/v1/edu/joint-tasks/{id}",   "JTX", "", "fffnffffff"},
  {"DELETE", "/api/v1/edu/joint-tasks/{id}",   "JTD", "", "fffoffffff"},
  // Minors' data: anyone lists their own requests and the kinds; a request needs edu:read (the
  // use case names the missing fields after that); a grant is seen by its grantee and by those who
  // decide (minors:grant, the school's leader) or audit over its school; decided by the school's
  // leader; revoked by its grantee or a decider; the year's report for deciders and the auditor.
  {"GET",    "/api/v1/minors/kinds",           "", "",   "oooooooooo"},
  {"GET",    "/api/v1/minors/grants",          "", "",   "oooooooooo"},
  {"POST",   "/api/v1/minors/grants",          "", "{}", "fffoooooof"},
  {"GET",    "/api/v1/minors/grants/{id}",     "MG1", "", "nnoonnonnn"},
  {"GET",    "/api/v1/minors/grants/{id}",     "999999", "", "nnnnnnnnnn"},
  {"POST",   "/api/v1/minors/grants/{id}/approve", "MG1", "{}", "ffffffofff"},
  {"POST",   "/api/v1/minors/grants/{id}/approve", "999999", "{}", "ffffffnfff"},
  {"POST",   "/api/v1/minors/grants/{id}/refuse", "MG1", R"({"note":"不同意"})", "ffffffofff"},
  {"POST",   "/api/v1/minors/grants/{id}/revoke", "MG1", "{}", "nnfonnonnn"},
  {"GET",    "/api/v1/minors/access-report",   "", "",   "ffofffofff"},
  {"GET",    "/api/v1/minors/access-report/export", "", "", "ffofffofff"},
  {"GET",    "/api/v1/edu/waters",             "", "",   "fffoooooof"},
  {"GET",    "/api/v1/edu/waters/export",      "", "",   "fffoooooof"},
  {"GET",    "/api/v1/edu/waters/board",       "", "",   "fffoooooof"},
  {"POST",   "/api/v1/edu/waters",             "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/edu/waters/{id}",        "WA1", "", "fffoooooof"},
  {"GET",    "/api/v1/edu/waters/{id}",        "WA2", "", "fffooonnnf"},
  {"GET",    "/api/v1/edu/waters/{id}",        "WAX", "", "fffnnnnnnf"},
  {"PUT",    "/api/v1/edu/waters/{id}",        "WA1", R"({"name":"塘","kind":"pond","distance_m":1,"checked_on":"2025-10-10","version":1})", "fffoffooff"},
  {"PUT",    "/api/v1/edu/waters/{id}",        "WA2", R"({"name":"塘","kind":"pond","distance_m":1,"checked_on":"2025-10-10","version":1})", "fffoffnnff"},
  {"PUT",    "/api/v1/edu/waters/{id}",        "WAX", R"({"name":"塘","kind":"pond","distance_m":1,"checked_on":"2025-10-10","version":1})", "fffnffnnff"},
  {"DELETE", "/api/v1/edu/waters/{id}",        "WAX", "", "fffnffnnff"},
  {"DELETE", "/api/v1/edu/waters/{id}",        "WAD", "", "fffoffnnff"},
  {"POST",   "/api/v1/edu/letters/{id}/close", "P2", "", "fffoffnnff"},
  {"POST",   "/api/v1/edu/letters/{id}/close", "PX", "", "fffnffnnff"},
  // 校车台账: bus:read and bus:manage, within the school's scope.
  {"GET",    "/api/v1/bus/survey",             "", "",   "fffoooooff"},
  {"GET",    "/api/v1/bus/survey/export",      "", "",   "fffoooooff"},
  {"GET",    "/api/v1/bus/import-template",    "", "",   "fffoffooff"},
  {"POST",   "/api/v1/bus/import",             "", "junk", "fffoffooff"},
  {"GET",    "/api/v1/bus/export",             "", "",   "fffoooooff"},
  {"GET",    "/api/v1/bus/providers", "", "", "fffoooooff"},
  {"POST",   "/api/v1/bus/providers", "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/bus/providers/{id}", "BP1", "", "fffoooooff"},
  {"PUT",    "/api/v1/bus/providers/{id}", "BP1", R"({"name":"平安校车","version":1})", "fffoffooff"},
  {"GET",    "/api/v1/bus/providers/{id}", "BP2", "", "fffooonnff"},
  {"PUT",    "/api/v1/bus/providers/{id}", "BP2", R"({"name":"平安校车","version":1})", "fffoffnnff"},
  {"GET",    "/api/v1/bus/providers/{id}", "BPX", "", "fffnnnnnff"},
  {"PUT",    "/api/v1/bus/providers/{id}", "BPX", R"({"name":"平安校车","version":1})", "fffnffnnff"},
  {"GET",    "/api/v1/bus/vehicles", "", "", "fffoooooff"},
  {"POST",   "/api/v1/bus/vehicles", "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/bus/vehicles/{id}", "BV1", "", "fffoooooff"},
  {"PUT",    "/api/v1/bus/vehicles/{id}", "BV1", R"({"plate":"浙A90001","seats":19,"version":1})", "fffoffooff"},
  {"GET",    "/api/v1/bus/vehicles/{id}", "BV2", "", "fffooonnff"},
  {"PUT",    "/api/v1/bus/vehicles/{id}", "BV2", R"({"plate":"浙A90002","seats":19,"version":1})", "fffoffnnff"},
  {"GET",    "/api/v1/bus/vehicles/{id}", "BVX", "", "fffnnnnnff"},
  {"PUT",    "/api/v1/bus/vehicles/{id}", "BVX", R"({"plate":"浙A9000X","seats":19,"version":1})", "fffnffnnff"},
  {"GET",    "/api/v1/bus/drivers", "", "", "fffoooooff"},
  {"POST",   "/api/v1/bus/drivers", "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/bus/drivers/{id}", "BD1", "", "fffoooooff"},
  {"PUT",    "/api/v1/bus/drivers/{id}", "BD1", R"({"name":"王建国","birth":"1975-03-18","licence_class":"A1","version":1})", "fffoffooff"},
  {"GET",    "/api/v1/bus/drivers/{id}", "BD2", "", "fffooonnff"},
  {"PUT",    "/api/v1/bus/drivers/{id}", "BD2", R"({"name":"王建国","birth":"1975-03-18","licence_class":"A1","version":1})", "fffoffnnff"},
  {"GET",    "/api/v1/bus/drivers/{id}", "BDX", "", "fffnnnnnff"},
  {"PUT",    "/api/v1/bus/drivers/{id}", "BDX", R"({"name":"王建国","birth":"1975-03-18","licence_class":"A1","version":1})", "fffnffnnff"},
  {"GET",    "/api/v1/bus/monitors", "", "", "fffoooooff"},
  {"POST",   "/api/v1/bus/monitors", "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/bus/monitors/{id}", "BM1", "", "fffoooooff"},
  {"PUT",    "/api/v1/bus/monitors/{id}", "BM1", R"({"name":"赵秀兰","version":1})", "fffoffooff"},
  {"GET",    "/api/v1/bus/monitors/{id}", "BM2", "", "fffooonnff"},
  {"PUT",    "/api/v1/bus/monitors/{id}", "BM2", R"({"name":"赵秀兰","version":1})", "fffoffnnff"},
  {"GET",    "/api/v1/bus/monitors/{id}", "BMX", "", "fffnnnnnff"},
  {"PUT",    "/api/v1/bus/monitors/{id}", "BMX", R"({"name":"赵秀兰","version":1})", "fffnffnnff"},
  {"GET",    "/api/v1/bus/routes", "", "", "fffoooooff"},
  {"POST",   "/api/v1/bus/routes", "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/bus/routes/{id}", "BR1", "", "fffoooooff"},
  {"PUT",    "/api/v1/bus/routes/{id}", "BR1", R"({"name":"一号线","version":1})", "fffoffooff"},
  {"GET",    "/api/v1/bus/routes/{id}", "BR2", "", "fffooonnff"},
  {"PUT",    "/api/v1/bus/routes/{id}", "BR2", R"({"name":"一号线","version":1})", "fffoffnnff"},
  {"GET",    "/api/v1/bus/routes/{id}", "BRX", "", "fffnnnnnff"},
  {"PUT",    "/api/v1/bus/routes/{id}", "BRX", R"({"name":"一号线","version":1})", "fffnffnnff"},
  {"GET",    "/api/v1/bus/outings", "", "", "fffoooooff"},
  {"POST",   "/api/v1/bus/outings", "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/bus/outings/{id}", "BO1", "", "fffoooooff"},
  {"PUT",    "/api/v1/bus/outings/{id}", "BO1", R"({"purpose":"春游","destination":"公园","date":"2027-04-09","vehicle_id":1,"driver_id":1,"version":9})", "fffoffooff"},
  {"GET",    "/api/v1/bus/outings/{id}", "BO2", "", "fffooonnff"},
  {"PUT",    "/api/v1/bus/outings/{id}", "BO2", R"({"purpose":"春游","destination":"公园","date":"2027-04-09","vehicle_id":1,"driver_id":1,"version":9})", "fffoffnnff"},
  {"GET",    "/api/v1/bus/outings/{id}", "BOX", "", "fffnnnnnff"},
  {"PUT",    "/api/v1/bus/outings/{id}", "BOX", R"({"purpose":"春游","destination":"公园","date":"2027-04-09","vehicle_id":1,"driver_id":1,"version":9})", "fffnffnnff"},
  // 校内交通: traffic:read, traffic:manage, and traffic:gate at the school.
  {"GET",    "/api/v1/traffic/gate-refusals",  "", "",   "fffoooooff"},
  {"POST",   "/api/v1/traffic/gate-checks",    "", "{}", "ffffffooff"},
  // 交通安全一校一策: traffic:read to read, traffic:manage to write and publish; the needs go out as a
  // whistle, which takes whistle:raise too (the school's leader and safety officer).
  {"GET",    "/api/v1/traffic/guides", "", "", "fffoooooff"},
  {"GET",    "/api/v1/traffic/guides/export", "", "", "fffoooooff"},
  {"GET",    "/api/v1/traffic/guides/{unit_id}", "S1", "", "fffoooooff"},
  {"GET",    "/api/v1/traffic/guides/{unit_id}", "S2", "", "fffooonnff"},
  {"GET",    "/api/v1/traffic/guides/{unit_id}", "X", "", "fffnnnnnff"},
  {"PUT",    "/api/v1/traffic/guides/{unit_id}", "S1", R"({"version":99})", "fffoffooff"},
  {"PUT",    "/api/v1/traffic/guides/{unit_id}", "S2", R"({"version":99})", "fffoffnnff"},
  {"PUT",    "/api/v1/traffic/guides/{unit_id}", "X", R"({"version":99})", "fffnffnnff"},
  {"POST",   "/api/v1/traffic/guides/{unit_id}/publish", "S1", R"({"version":99})", "fffoffooff"},
  {"POST",   "/api/v1/traffic/guides/{unit_id}/publish", "S2", R"({"version":99})", "fffoffnnff"},
  {"POST",   "/api/v1/traffic/guides/{unit_id}/needs/whistle", "S1", R"({"version":99})", "ffffffooff"},
  {"POST",   "/api/v1/traffic/guides/{unit_id}/needs/whistle", "S2", R"({"version":99})", "ffffffnnff"},
  {"GET",    "/api/v1/emergency/setups", "", "", "fffoooooof"},
  {"GET",    "/api/v1/emergency/setups/export", "", "", "fffoooooof"},
  {"GET",    "/api/v1/emergency/setups/{unit_id}", "S1", "", "fffoooooof"},
  {"GET",    "/api/v1/emergency/setups/{unit_id}", "S2", "", "fffooonnnf"},
  {"GET",    "/api/v1/emergency/setups/{unit_id}", "X", "", "fffnnnnnnf"},
  {"PUT",    "/api/v1/emergency/setups/{unit_id}", "S1", R"({"version":99})", "fffoffooff"},
  {"PUT",    "/api/v1/emergency/setups/{unit_id}", "S2", R"({"version":99})", "fffoffnnff"},
  {"PUT",    "/api/v1/emergency/setups/{unit_id}", "X", R"({"version":99})", "fffnffnnff"},
  {"GET",    "/api/v1/emergency/people/import-template", "", "", "fffoffooff"},
  {"POST",   "/api/v1/emergency/people/import", "", "x", "fffoffooff"},
  {"GET",    "/api/v1/emergency/people/export", "", "", "fffoooooof"},
  // 安全培训: read by the bureau and the school's leaders and officers, written by the safety
  // office and the school's leaders and officers; a teacher has none of it.
  {"GET",    "/api/v1/training/staff", "", "", "fffoooooff"},
  {"GET",    "/api/v1/training/staff?unit_id={id}", "S1", "", "fffoooooff"},
  {"GET",    "/api/v1/training/staff?unit_id={id}", "S2", "", "fffooonnff"},
  {"GET",    "/api/v1/training/staff?unit_id={id}", "X", "", "fffnnnnnff"},
  {"POST",   "/api/v1/training/staff", "", "{}", "fffoffooff"},
  {"PUT",    "/api/v1/training/staff/{id}", "TF1", kStaleStaff, "fffoffooff"},
  {"PUT",    "/api/v1/training/staff/{id}", "TF2", kStaleStaff, "fffoffnnff"},
  {"PUT",    "/api/v1/training/staff/{id}", "TFX", kStaleStaff, "fffnffnnff"},
  {"GET",    "/api/v1/training/sessions", "", "", "fffoooooff"},
  {"GET",    "/api/v1/training/sessions?unit_id={id}", "S2", "", "fffooonnff"},
  {"POST",   "/api/v1/training/sessions", "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/training/sessions/{id}", "TN1", "", "fffoooooff"},
  {"GET",    "/api/v1/training/sessions/{id}", "TN2", "", "fffooonnff"},
  {"GET",    "/api/v1/training/sessions/{id}", "TNX", "", "fffnnnnnff"},
  {"DELETE", "/api/v1/training/sessions/{id}", "TNX", "", "fffnffnnff"},
  {"DELETE", "/api/v1/training/sessions/{id}", "TND", "", "fffoffnnff"},
  {"POST",   "/api/v1/training/sessions/{id}/sign-in", "TN1", "x", "fffoffooff"},
  {"POST",   "/api/v1/training/sessions/{id}/sign-in", "TNX", "x", "fffoffooff"},
  {"GET",    "/api/v1/training/sign-in-template", "", "", "fffoffooff"},
  {"GET",    "/api/v1/training/board", "", "", "fffoooooff"},
  {"GET",    "/api/v1/training/board/export", "", "", "fffoooooff"},
  {"GET",    "/api/v1/staffing/offices/{unit_id}", "S1", "", "fffoooooff"},
  {"GET",    "/api/v1/staffing/offices/{unit_id}", "S2", "", "fffooonnff"},
  {"GET",    "/api/v1/staffing/offices/{unit_id}", "X", "", "fffnnnnnff"},
  {"GET",    "/api/v1/staffing/offices/{unit_id}", "B1", "", "fffooonnff"},
  {"GET",    "/api/v1/staffing/offices/{unit_id}", "D1", "", "fffnnnnnff"},
  {"PUT",    "/api/v1/staffing/offices/{unit_id}", "S1", kStaleOffice, "fffoffooff"},
  {"PUT",    "/api/v1/staffing/offices/{unit_id}", "S2", kStaleOffice, "fffoffnnff"},
  {"PUT",    "/api/v1/staffing/offices/{unit_id}", "X", kStaleOffice, "fffnffnnff"},
  {"PUT",    "/api/v1/staffing/offices/{unit_id}", "B1", kStaleOffice, "fffoffnnff"},
  {"GET",    "/api/v1/staffing/board", "", "", "fffoooooff"},
  {"GET",    "/api/v1/duties/templates", "", "", "fffoooooff"},
  {"PUT",    "/api/v1/duties/templates/{post}", "teacher", R"({"items":["x"],"version":99})", "fffoffffff"},
  {"GET",    "/api/v1/duties/lists", "", "", "fffoooooff"},
  {"GET",    "/api/v1/duties/lists?unit_id={id}", "S1", "", "fffoooooff"},
  {"GET",    "/api/v1/duties/lists?unit_id={id}", "S2", "", "fffooonnff"},
  {"GET",    "/api/v1/duties/lists?unit_id={id}", "X", "", "fffnnnnnff"},
  {"GET",    "/api/v1/duties/lists/export", "", "", "fffoooooff"},
  {"GET",    "/api/v1/duties/lists/export?unit_id={id}", "S1", "", "fffoooooff"},
  {"GET",    "/api/v1/duties/lists/export?unit_id={id}", "X", "", "fffnnnnnff"},
  {"GET",    "/api/v1/duties/lists/import-template", "", "", "ffffffooff"},
  {"POST",   "/api/v1/duties/lists/import", "", "x", "ffffffooff"},
  {"POST",   "/api/v1/duties/lists/import?unit_id={id}", "X", "x", "ffffffooff"},
  {"POST",   "/api/v1/duties/lists", "", R"({"unit_id":$S1$,"user_id":0,"posts":["teacher"]})", "ffffffooff"},
  {"POST",   "/api/v1/duties/lists", "", R"({"unit_id":$S2$,"user_id":0,"posts":["teacher"]})", "ffffffnnff"},
  {"GET",    "/api/v1/duties/lists/{id}", "DL1", "", "nnnoooooon"},
  {"GET",    "/api/v1/duties/lists/{id}", "DL2", "", "nnnooonnnn"},
  {"GET",    "/api/v1/duties/lists/{id}", "DLX", "", "nnnnnnnnnn"},
  {"PUT",    "/api/v1/duties/lists/{id}", "DL1", kStaleDuty, "ffffffooff"},
  {"PUT",    "/api/v1/duties/lists/{id}", "DL2", kStaleDuty, "ffffffnnff"},
  {"PUT",    "/api/v1/duties/lists/{id}", "DLX", kStaleDuty, "ffffffnnff"},
  {"POST",   "/api/v1/duties/lists/{id}/sign", "DL1", R"({"version":99})", "nnnfffffon"},
  {"POST",   "/api/v1/duties/lists/{id}/sign", "DL2", R"({"version":99})", "nnnfffnnnn"},
  {"POST",   "/api/v1/duties/lists/{id}/sign", "DLX", R"({"version":99})", "nnnnnnnnnn"},
  {"GET",    "/api/v1/duties/mine", "", "", "oooooooooo"},
  {"GET",    "/api/v1/duties/areas/{unit_id}", "S1", "", "fffoooooff"},
  {"GET",    "/api/v1/duties/areas/{unit_id}", "S2", "", "fffooonnff"},
  {"GET",    "/api/v1/duties/areas/{unit_id}", "X", "", "fffnnnnnff"},
  {"PUT",    "/api/v1/duties/areas/{unit_id}", "S1", R"({"version":99,"areas":[]})", "ffffffooff"},
  {"PUT",    "/api/v1/duties/areas/{unit_id}", "S2", R"({"version":99,"areas":[]})", "ffffffnnff"},
  {"PUT",    "/api/v1/duties/areas/{unit_id}", "X", R"({"version":99,"areas":[]})", "ffffffnnff"},
  {"GET",    "/api/v1/duties/year", "", "", "fffoooooff"},
  {"GET",    "/api/v1/duties/year?unit_id={id}", "S2", "", "fffooonnff"},
  {"GET",    "/api/v1/duties/year?unit_id={id}", "X", "", "fffnnnnnff"},
  {"GET",    "/api/v1/duties/year/export", "", "", "fffoooooff"},
  {"GET",    "/api/v1/duties/year/export?unit_id={id}", "X", "", "fffnnnnnff"},
  {"GET",    "/api/v1/duties/year/section", "", "", "fffoooffff"},
  {"GET",    "/api/v1/duties/year/section?section_id={id}", "SEC", "", "fffoooffff"},
  {"GET",    "/api/v1/duties/year/section?section_id={id}", "999999", "", "fffnnnffff"},
  {"GET",    "/api/v1/duties/year/section/export", "", "", "fffoooffff"},
  {"GET",    "/api/v1/duties/year/section/export?section_id={id}", "SEC", "", "fffoooffff"},
  {"GET",    "/api/v1/duties/board", "", "", "fffoooooff"},
  {"GET",    "/api/v1/duties/board/export", "", "", "fffoooooff"},
  {"GET",    "/api/v1/duties/supervision", "", "", "fffoooffff"},
  {"GET",    "/api/v1/duties/supervision?section_id=1", "", "", "fffoooffff"},
  {"POST",   "/api/v1/duties/supervision", "", R"({"section_id":0,"kind":"business","title":"x","measures":[1],"post":"科长","person_user_id":0})", "fffoffffff"},
  {"PUT",    "/api/v1/duties/supervision/{id}", "SI1", kStaleSupervision, "fffoffffff"},
  {"PUT",    "/api/v1/duties/supervision/{id}", "999999", kStaleSupervision, "fffnffffff"},
  {"DELETE", "/api/v1/duties/supervision/{id}", "SI1", "", "fffoffffff"},
  {"DELETE", "/api/v1/duties/supervision/{id}?version=99", "SI1", "", "fffoffffff"},
  {"GET",    "/api/v1/duties/supervision/mine", "", "", "oooooooooo"},
  {"GET",    "/api/v1/duties/supervision/coverage", "", "", "fffoooffff"},
  {"GET",    "/api/v1/duties/supervision/coverage/export", "", "", "fffoooffff"},
  {"GET",    "/api/v1/duties/supervision/export", "", "", "fffoooffff"},
  {"GET",    "/api/v1/duties/supervision/import-template", "", "", "fffoffffff"},
  {"POST",   "/api/v1/duties/supervision/import", "", "x", "fffoffffff"},
  {"GET",    "/api/v1/duties/work", "", "", "fffoooffff"},
  {"GET",    "/api/v1/duties/work?kind=key", "", "", "fffoooffff"},
  {"POST",   "/api/v1/duties/work", "", R"({"kind":"key","title":"x","measures":[3],"lead_section_id":0,"targets":[],"schedule":{"repeat":"once","due":"2026-09-10"}})", "fffoffffff"},
  {"GET",    "/api/v1/duties/work/mine", "", "", "fffoooooff"},
  {"GET",    "/api/v1/duties/work/board", "", "", "fffoooffff"},
  {"GET",    "/api/v1/duties/work/export", "", "", "fffoooffff"},
  {"GET",    "/api/v1/duties/work/import-template", "", "", "fffoffffff"},
  {"POST",   "/api/v1/duties/work/import", "", "x", "fffoffffff"},
  {"GET",    "/api/v1/duties/work/{id}", "WI1", "", "fffoooffff"},
  {"GET",    "/api/v1/duties/work/{id}", "999999", "", "fffnnnffff"},
  {"PUT",    "/api/v1/duties/work/{id}", "WI1", kStaleWork, "fffoffffff"},
  {"PUT",    "/api/v1/duties/work/{id}", "999999", kStaleWork, "fffnffffff"},
  {"DELETE", "/api/v1/duties/work/{id}", "WI1", "", "fffoffffff"},
  {"DELETE", "/api/v1/duties/work/{id}?version=99", "WI1", "", "fffoffffff"},
  {"POST",   "/api/v1/duties/work/{id}/reports", "WI1", R"({"due":"2026-09-24"})", "fffffoooff"},
  {"DELETE", "/api/v1/duties/work/{id}/reports/{due}", "WI1,2026-10-23", "", "fffffnnnff"},
  {"GET",    "/api/v1/staffing/board/export", "", "", "fffoooooff"},
  {"GET",    "/api/v1/traffic/import-template", "", "", "fffoffooff"},
  {"POST",   "/api/v1/traffic/import", "", "x", "fffoffooff"},
  {"GET",    "/api/v1/traffic/export", "", "", "fffoooooff"},
  {"GET",    "/api/v1/traffic/vehicles", "", "", "fffoooooff"},
  {"POST",   "/api/v1/traffic/vehicles", "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/traffic/vehicles/{id}", "CV1", "", "fffoooooff"},
  {"PUT",    "/api/v1/traffic/vehicles/{id}", "CV1", R"({"vehicle_class":"staff","plate":"浙A80001","owner":"张老师","version":1})", "fffoffooff"},
  {"GET",    "/api/v1/traffic/vehicles/{id}", "CV2", "", "fffooonnff"},
  {"PUT",    "/api/v1/traffic/vehicles/{id}", "CV2", R"({"vehicle_class":"staff","plate":"浙A80002","owner":"张老师","version":1})", "fffoffnnff"},
  {"GET",    "/api/v1/traffic/vehicles/{id}", "CVX", "", "fffnnnnnff"},
  {"PUT",    "/api/v1/traffic/vehicles/{id}", "CVX", R"({"vehicle_class":"staff","plate":"浙A8000X","owner":"张老师","version":1})", "fffnffnnff"},
  {"GET",    "/api/v1/traffic/ebikes", "", "", "fffoooooff"},
  {"POST",   "/api/v1/traffic/ebikes", "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/traffic/ebikes/{id}", "EB1", "", "fffoooooff"},
  {"PUT",    "/api/v1/traffic/ebikes/{id}", "EB1", R"({"owner":"李老师","version":1})", "fffoffooff"},
  {"GET",    "/api/v1/traffic/ebikes/{id}", "EB2", "", "fffooonnff"},
  {"PUT",    "/api/v1/traffic/ebikes/{id}", "EB2", R"({"owner":"李老师","version":1})", "fffoffnnff"},
  {"GET",    "/api/v1/traffic/ebikes/{id}", "EBX", "", "fffnnnnnff"},
  {"PUT",    "/api/v1/traffic/ebikes/{id}", "EBX", R"({"owner":"李老师","version":1})", "fffnffnnff"},
  {"GET",    "/api/v1/patrol-plans",           "", "",   "fffoooooof"},
  {"POST",   "/api/v1/patrol-plans",           "", "{}", "fffoffooff"},
  {"GET",    "/api/v1/patrol-plans/{id}",      "PP1", "", "fffoooooof"},
  {"GET",    "/api/v1/patrol-plans/{id}",      "PP2", "", "fffooonnnf"},
  {"GET",    "/api/v1/patrol-plans/{id}",      "PPX", "", "fffnnnnnnf"},
  {"PUT",    "/api/v1/patrol-plans/{id}",      "PP1", R"({"key_place_id":1,"template_id":1,"starts_on":"2026-09-01"})", "fffoffooff"},
  {"PUT",    "/api/v1/patrol-plans/{id}",      "PP2", R"({"key_place_id":1,"template_id":1,"starts_on":"2026-09-01"})", "fffoffnnff"},
  {"PUT",    "/api/v1/patrol-plans/{id}",      "PPX", R"({"key_place_id":1,"template_id":1,"starts_on":"2026-09-01"})", "fffnffnnff"},
  {"DELETE", "/api/v1/patrol-plans/{id}",      "PPX", "", "fffnffnnff"},
  {"DELETE", "/api/v1/patrol-plans/{id}",      "PPD", "", "fffoffnnff"},
  {"GET",    "/api/v1/patrol-schedule",        "", "",   "fffoooooof"},
  {"GET",    "/api/v1/patrol-places/{id}",     "KP1", "", "fffoooooof"},
  {"GET",    "/api/v1/patrol-places/{id}",     "KP2", "", "fffooonnnf"},
  {"GET",    "/api/v1/patrol-places/{id}",     "KPX", "", "fffnnnnnnf"},
  {"GET",    "/api/v1/patrol-records",         "", "",   "fffoooooof"},
  {"GET",    "/api/v1/patrol-records/export",  "", "",   "fffoooooof"},
  {"POST",   "/api/v1/patrol-records",         "", "{}", "ffffffooof"},
  {"GET",    "/api/v1/patrol-records/{id}",    "PR1", "", "fffoooooof"},
  {"GET",    "/api/v1/patrol-records/{id}",    "PR2", "", "fffooonnnf"},
  {"GET",    "/api/v1/patrol-records/{id}",    "PRX", "", "fffnnnnnnf"},
  {"POST",   "/api/v1/patrol-records/{id}/hazards", "PR1", R"({"item_key":"C99"})", "ffffffooof"},
  {"POST",   "/api/v1/patrol-records/{id}/hazards", "PRX", R"({"item_key":"C99"})", "ffffffnnnf"},
  // Campaigns: CP1 of the bureau for S1 (assigned to the inspector's team) and S2, CPX of the
  // other district; SH… a self-inspection sheet of each school.
  {"GET",    "/api/v1/campaigns",              "", "",   "fffoooooof"},
  {"POST",   "/api/v1/campaigns",              "", "{}", "fffoffffff"},
  {"GET",    "/api/v1/campaigns/{id}",         "CP1", "", "fffoooooof"},
  {"GET",    "/api/v1/campaigns/{id}",         "CPX", "", "fffnnnnnnf"},
  {"GET",    "/api/v1/campaigns/{id}/schools", "CP1", "", "fffoooooof"},
  {"GET",    "/api/v1/campaigns/{id}/schools", "CPX", "", "fffnnnnnnf"},
  {"GET",    "/api/v1/campaigns/{id}/schools/{school_id}", "CP1,S1", "", "fffoooooof"},
  {"GET",    "/api/v1/campaigns/{id}/schools/{school_id}", "CP1,S2", "", "fffononnnf"},
  {"GET",    "/api/v1/campaigns/{id}/schools/{school_id}", "CPX,X",  "", "fffnnnnnnf"},
  {"POST",   "/api/v1/campaigns/{id}/sheets",  "CP1", R"({"school_id":$S1$,"template_id":1,"answers":[]})", "ffffffooff"},
  {"POST",   "/api/v1/campaigns/{id}/sheets",  "CP1", R"({"school_id":$S2$,"template_id":1,"answers":[]})", "ffffffnnff"},
  {"POST",   "/api/v1/campaigns/{id}/sheets",  "CP1", R"({"school_id":$S1$,"kind":"inspection","template_id":1,"answers":[]})", "fffoofffff"},
  {"POST",   "/api/v1/campaigns/{id}/sheets",  "CP1", R"({"school_id":$S2$,"kind":"inspection","template_id":1,"answers":[]})", "fffonfffff"},
  {"POST",   "/api/v1/campaigns/{id}/sheets",  "CPX", R"({"school_id":$X$,"kind":"inspection","template_id":1,"answers":[]})", "fffnnfffff"},
  {"GET",    "/api/v1/campaign-sheets/{id}",   "SH1", "", "fffoooooof"},
  {"GET",    "/api/v1/campaign-sheets/{id}",   "SH2", "", "fffononnnf"},
  {"GET",    "/api/v1/campaign-sheets/{id}",   "SHX", "", "fffnnnnnnf"},
  {"POST",   "/api/v1/campaigns/{id}/messages", "CP1", R"({"school_id":$S1$,"text":"请整改"})", "fffoofffff"},
  {"POST",   "/api/v1/campaigns/{id}/messages", "CP1", R"({"school_id":$S2$,"text":"请整改"})", "fffonfnnnf"},
  {"POST",   "/api/v1/campaigns/{id}/messages", "CP1", R"({"school_id":$S1$,"kind":"reply","text":"已整改"})", "ffffffooff"},
  {"POST",   "/api/v1/campaigns/{id}/messages", "CPX", R"({"school_id":$X$,"text":"请整改"})", "fffnnnnnnf"},
  {"POST",   "/api/v1/campaigns/{id}/teams",   "CP1", "{}", "fffoffffff"},
  {"POST",   "/api/v1/campaigns/{id}/teams",   "CPX", R"({"name":"检查组","members":["inspector"]})", "fffnffffff"},
  {"POST",   "/api/v1/campaigns/{id}/assignments", "CP1", R"({"school_ids":[1]})", "fffoffffff"},
  {"POST",   "/api/v1/campaigns/{id}/assignments", "CPX", R"({"school_ids":[1]})", "fffnffffff"},
  {"POST",   "/api/v1/campaigns/{id}/schools/{school_id}/submit", "CP1,S1", "", "ffffffooff"},
  {"POST",   "/api/v1/campaigns/{id}/schools/{school_id}/submit", "CP1,S2", "", "ffffffnnff"},
  {"GET",    "/api/v1/campaigns/{id}/board",   "CP1", "", "fffofoffff"},
  {"GET",    "/api/v1/campaigns/{id}/board",   "CPX", "", "fffnnnnnnf"},
  {"GET",    "/api/v1/campaigns/{id}/evaluation", "CP1", "", "fffofoffff"},
  {"GET",    "/api/v1/campaigns/{id}/evaluation", "CPX", "", "fffnnnnnnf"},
  {"GET",    "/api/v1/campaigns/{id}/schools/{school_id}/evaluation", "CP1,S1", "", "fffoooooof"},
  {"GET",    "/api/v1/campaigns/{id}/schools/{school_id}/evaluation", "CP1,S2", "", "fffononnnf"},
  {"GET",    "/api/v1/campaigns/{id}/schools/{school_id}/evaluation", "CPX,X",  "", "fffnnnnnnf"},
  {"GET",    "/api/v1/campaigns/{id}/evaluation/export", "CP1", "", "fffofoffff"},
  {"GET",    "/api/v1/campaigns/{id}/evaluation/export", "CPX", "", "fffnnnnnnf"},
  // Typical problems: the deploying bureau's; H1 is no hazard of the campaign (422), nor marked.
  {"GET",    "/api/v1/campaigns/{id}/hazards", "CP1", "", "fffoffffff"},
  {"GET",    "/api/v1/campaigns/{id}/hazards", "CPX", "", "fffnffffff"},
  {"PUT",    "/api/v1/campaigns/{id}/typical/{hazard_id}", "CP1,H1", "{}", "fffoffffff"},
  {"PUT",    "/api/v1/campaigns/{id}/typical/{hazard_id}", "CPX,HX", "{}", "fffnffffff"},
  {"DELETE", "/api/v1/campaigns/{id}/typical/{hazard_id}", "CP1,H1", "", "fffnffffff"},
  {"DELETE", "/api/v1/campaigns/{id}/typical/{hazard_id}", "CPX,HX", "", "fffnffffff"},
  {"GET",    "/api/v1/campaigns/{id}/briefing/export", "CP1", "", "fffoffffff"},
  {"GET",    "/api/v1/campaigns/{id}/briefing/export", "CPX", "", "fffnffffff"},
  {"POST",   "/api/v1/campaigns/{id}/close",   "CP1", R"({"summary":""})", "fffoffffff"},
  {"POST",   "/api/v1/campaigns/{id}/close",   "CPX", R"({"summary":"结束"})", "fffnffffff"},
  // The plan for a year: read like the plan board, loaded by the bureau's safety office (it has
  // none of its own to remove: 404).
  {"GET",    "/api/v1/plans/{year}",           "2026", "", "fffoooooff"},
  {"GET",    "/api/v1/plans/{year}/export",    "2026", "", "fffoooooff"},
  {"PUT",    "/api/v1/plans/{year}",           "2026", "{}", "fffoffffff"},
  {"POST",   "/api/v1/plans/{year}/import",    "2026", "junk", "fffoffffff"},
  {"DELETE", "/api/v1/plans/{year}",           "2026", "", "fffnffffff"},
  {"GET",    "/api/v1/me/tasks",               "", "",   "oooooooooo"},
  {"GET",    "/api/v1/staff",                  "", "",   "oooooooooo"},
  {"GET",    "/api/v1/notifications",          "", "",   "oooooooooo"},
  {"POST",   "/api/v1/notifications/{id}/read", "999999", "", "oooooooooo"},
  {"POST",   "/api/v1/notifications/read-all", "", "",   "oooooooooo"},
  // Last: ends each user's session.
  {"POST",   "/api/v1/auth/logout",            "", "",   "oooooooooo"},
};
// clang-format on

char Outcome(int status) {
  if ((status >= 200 && status < 300) || status == 409 || status == 422) return 'o';
  if (status == 403) return 'f';
  if (status == 404) return 'n';
  if (status == 401) return 'u';
  return '?';
}

class AuthorizationMatrix : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::FreshDatabase>(GetParam());
    XA_REQUIRE_DB(*db_);
    store_ = testing::OpenStore(db_->url());
    ASSERT_NE(store_, nullptr);
    services_ = std::make_unique<app::Services>(app::Services{*store_, clock_});
    passwords_ = testing::SeedDemoAccounts(*services_, 11);
    ASSERT_FALSE(passwords_.empty());
    // Another district with its bureau, a school and a user there.
    app::RequestContext system;
    ASSERT_TRUE(
        app::CreateRegion(*services_, system, {"990103", "另一区", "990100", "", "", ""}).ok());
    domain::Unit xb;
    xb.kind = "bureau";
    xb.name = "另一区教育局";
    xb.region_code = "990103";
    auto bureau = app::CreateUnit(*services_, system, xb);
    ASSERT_TRUE(bureau.ok());
    targets_["XB"] = std::to_string(bureau->id);
    domain::School x;
    x.unit.code = "X0001";
    x.unit.name = "另一区小学";
    x.unit.region_code = "990103";
    x.unit.parent_id = bureau->id;
    x.profile.stage = "primary";
    x.profile.ownership = "public";
    x.profile.location_type = "urban";
    x.key_places = {{0, "canteen", "学生食堂", std::nullopt}};
    auto school = app::CreateSchool(*services_, system, x);
    ASSERT_TRUE(school.ok());
    targets_["X"] = std::to_string(school->unit.id);
    domain::Unit xd;
    xd.kind = "department";
    xd.department_kind = "natural_resources";
    xd.name = "另一区自然资源局";
    xd.region_code = "990103";
    auto xdept = app::CreateUnit(*services_, system, xd);
    ASSERT_TRUE(xdept.ok()) << xdept.error().message;
    targets_["XD"] = std::to_string(xdept->id);
    auto t =
        app::CreateUser(*services_, system, {"other_teacher", "另一区教师", school->unit.id, {}});
    ASSERT_TRUE(t.ok());
    targets_["T"] = std::to_string(t->user.id);

    // A major hazard with a photo at each of the own school, the sibling school and the other
    // district; each gets a supervision order at once.
    services_->files_dir = files_.path();
    const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + "pixels";
    auto add_hazard = [&](const std::string& school, const std::string& suffix) {
      auto file = app::UploadFile(*services_, system, "p.png", png);
      ASSERT_TRUE(file.ok()) << file.error().message;
      app::HazardInput in;
      in.school_id = std::stoll(school);
      in.domain = "fire";
      in.level = "major";
      in.title = "消防通道堵塞";
      in.file_ids = {file->id};
      auto h = app::ReportHazard(*services_, system, in);
      ASSERT_TRUE(h.ok()) << h.error().message;
      targets_["H" + suffix] = std::to_string(h->hazard.id);
      targets_["F" + suffix] = std::to_string(file->id);
      domain::OrderFilter of_hazard;
      of_hazard.subject_type = "hazard";
      of_hazard.subject_id = h->hazard.id;
      auto orders = app::ListSupervisionOrders(*services_, system, of_hazard, {});
      ASSERT_TRUE(orders.ok());
      ASSERT_EQ(orders->items.size(), 1u);
      targets_["O" + suffix] = std::to_string(orders->items[0].id);
    };
    add_hazard(targets_["X"], "X");

    server_ = std::make_unique<testing::TestServer>(*services_, http::ApiOptions{});
    port_ = server_->port();
    ASSERT_NE(port_, 0);
    for (const auto& u : kUsers) {
      testing::HttpReply reply;
      sessions_[u] = testing::LoginAs(port_, u, passwords_[u], &reply);
      ASSERT_EQ(reply.status, 200) << u;
      unit_of_[u] = json::parse(reply.body).at("unit").at("id").as_int64();
    }
    targets_["S1"] = std::to_string(unit_of_["school1_leader"]);
    targets_["S2"] = std::to_string(
        json::parse(testing::LoginAs(port_, "school2_leader", passwords_["school2_leader"])
                        .Call("GET", "/api/v1/auth/me")
                        .body)
            .at("unit")
            .at("id")
            .as_int64());
    targets_["B1"] = std::to_string(unit_of_["safety_office"]);
    targets_["D1"] = std::to_string(unit_of_["dept1_liaison"]);
    add_hazard(targets_["S1"], "1");
    add_hazard(targets_["S2"], "2");
    // A drill with a problem at the own school, two at the sibling school (one to remove) and
    // one in the other district.
    auto add_drill = [&](const std::string& school, const std::string& key) {
      domain::drill::Drill d;
      d.school_id = std::stoll(school);
      d.kind = "fire";
      d.date = "2026-11-01";
      d.commander = "校长";
      d.students = 100;
      d.problems = {{"疏散指示灯不亮", std::nullopt}};
      auto r = app::RecordDrill(*services_, app::RequestContext{}, d);
      ASSERT_TRUE(r.ok()) << r.error().message;
      targets_[key] = std::to_string(r->drill.id);
    };
    add_drill(targets_["S1"], "DR1");
    add_drill(targets_["S2"], "DR2");
    add_drill(targets_["S2"], "DD");
    add_drill(targets_["X"], "DRX");
    auto add_plan = [&](const std::string& school, const std::string& key) {
      domain::drill::DrillPlan p;
      p.school_id = std::stoll(school);
      p.kind = "fire";
      p.date = "2099-05-01";
      p.commander = "校长";
      auto r = app::CreateDrillPlan(*services_, app::RequestContext{}, p);
      ASSERT_TRUE(r.ok()) << r.error().message;
      targets_[key] = std::to_string(r->plan.id);
    };
    add_plan(targets_["S1"], "PL1");
    add_plan(targets_["S2"], "PL2");
    add_plan(targets_["S2"], "PD");
    add_plan(targets_["X"], "PLX");
    auto add_checklist = [&](const std::string& owner, const std::string& key) {
      domain::checklist::Template t;
      t.name = "本局检查表";
      t.owner_unit_id = std::stoll(owner);
      t.items = {{"A01", "消防通道畅通"}};
      t.items[0].domain = "fire";
      auto r = app::CreateChecklistTemplate(*services_, app::RequestContext{}, t);
      ASSERT_TRUE(r.ok()) << r.error().message;
      targets_[key] = std::to_string(r->tmpl.id);
    };
    add_checklist(targets_["B1"], "CB");
    add_checklist(targets_["XB"], "CX");
    ASSERT_TRUE(store_
                    ->Read([&](domain::Tx& tx) -> Status {
                      XA_ASSIGN_OR_RETURN(auto t, tx.checklists().Latest("fire.dormitory"));
                      if (t) targets_["CL"] = std::to_string(t->id);
                      return {};
                    })
                    .ok());
    // A patrol plan of each school's canteen (KP1, KP2, KPX), each with a patrol (PR…) but the
    // sibling school's second plan (PPD, to remove).
    std::int64_t canteen_checklist = 0;
    ASSERT_TRUE(store_
                    ->Read([&](domain::Tx& tx) -> Status {
                      XA_ASSIGN_OR_RETURN(auto t, tx.checklists().Latest("fire.canteen"));
                      if (t) canteen_checklist = t->id;
                      return {};
                    })
                    .ok());
    auto add_patrol = [&](const std::string& school, const std::string& suffix, bool record) {
      domain::patrol::Plan p;
      p.school_id = std::stoll(school);
      ASSERT_TRUE(store_
                      ->Read([&](domain::Tx& tx) -> Status {
                        XA_ASSIGN_OR_RETURN(auto s, tx.org().FindSchool(p.school_id));
                        for (const auto& k : s->key_places) {
                          if (k.kind == "canteen") p.key_place_id = k.id;
                        }
                        return {};
                      })
                      .ok());
      p.template_id = canteen_checklist;
      p.starts_on = "2026-09-01";
      auto plan = app::CreatePatrolPlan(*services_, app::RequestContext{}, p);
      ASSERT_TRUE(plan.ok()) << plan.error().message;
      targets_["PP" + suffix] = std::to_string(plan->plan.id);
      targets_["KP" + suffix] = std::to_string(p.key_place_id);
      if (!record) return;
      app::PatrolInput in;
      in.plan_id = plan->plan.id;
      for (const char* key : {"C01", "C02", "C03", "C04", "C05", "C06"}) {
        in.answers.push_back({key, "pass"});
      }
      auto done = app::RecordPatrol(*services_, app::RequestContext{}, in);
      ASSERT_TRUE(done.ok()) << done.error().message;
      targets_["PR" + suffix] = std::to_string(done->record.id);
    };
    add_patrol(targets_["S1"], "1", true);
    add_patrol(targets_["S2"], "2", true);
    add_patrol(targets_["S2"], "D", false);
    add_patrol(targets_["X"], "X", true);
    // A whistle of each school: the own school's to the police (the first department, D1), the
    // sibling school's to the traffic police, the other district's to no department.
    auto add_whistle = [&](const std::string& school, const std::string& key,
                           const std::string& category) {
      domain::whistle::Draft d;
      d.title = "校门外风险";
      d.description = "放学时段拥堵";
      d.category = category;
      d.place = "around";
      d.location = "校门外";
      auto w = app::RaiseWhistle(*services_, app::RequestContext{}, std::stoll(school), d, {});
      ASSERT_TRUE(w.ok()) << w.error().message;
      targets_[key] = std::to_string(w->whistle.id);
    };
    add_whistle(targets_["S1"], "W1", "public_order");
    add_whistle(targets_["S2"], "W2", "traffic");
    add_whistle(targets_["X"], "WX", "public_order");
    // A class of each school.
    auto add_class = [&](const std::string& school, const std::string& key) {
      auto c = app::CreateEduClass(*services_, app::RequestContext{}, std::stoll(school),
                                   {1, "1班", ""});
      ASSERT_TRUE(c.ok()) << c.error().message;
      targets_[key] = std::to_string(c->id);
    };
    add_class(targets_["S1"], "E1");
    add_class(targets_["S2"], "E2");
    add_class(targets_["X"], "EX");
    // An education record of each school, and one more of S2 to delete.
    auto add_lesson = [&](const std::string& school, const std::string& key) {
      domain::edu::Lesson l;
      l.school_id = std::stoll(school);
      l.date = "2025-10-10";
      l.theme = "bullying";
      l.title = "防欺凌主题班会";
      l.participants = 40;
      auto r = app::RecordLesson(*services_, app::RequestContext{}, l);
      ASSERT_TRUE(r.ok()) << r.error().message;
      targets_[key] = std::to_string(r->lesson.id);
    };
    add_lesson(targets_["S1"], "L1");
    add_lesson(targets_["S2"], "L2");
    add_lesson(targets_["X"], "LX");
    add_lesson(targets_["S2"], "LD");
    // A parent letter of each school, published (PT1: the link of S1's class), and a draft of S2
    // to delete.
    auto add_letter = [&](const std::string& school, const std::string& key, bool publish) {
      domain::edu::Letter l;
      l.school_id = std::stoll(school);
      l.school_year = 2026;
      l.term = 1;
      l.title = "致家长的一封信";
      l.body = "防溺水";
      auto r = app::CreateLetter(*services_, app::RequestContext{}, l);
      ASSERT_TRUE(r.ok()) << r.error().message;
      targets_[key] = std::to_string(r->letter.id);
      if (publish) {
        ASSERT_TRUE(app::PublishLetter(*services_, app::RequestContext{}, r->letter.id).ok());
      }
    };
    add_letter(targets_["S1"], "P1", true);
    add_letter(targets_["S2"], "P2", true);
    add_letter(targets_["X"], "PX", true);
    add_letter(targets_["S2"], "PLD", false);
    // A water near each school, and one more of S2 to delete.
    auto add_water = [&](const std::string& school, const std::string& key) {
      domain::edu::Water w;
      w.school_id = std::stoll(school);
      w.name = "村东大塘";
      w.kind = "pond";
      w.distance_m = 300;
      w.checked_on = "2025-10-10";
      auto r = app::CreateWater(*services_, app::RequestContext{}, w);
      ASSERT_TRUE(r.ok()) << r.error().message;
      targets_[key] = std::to_string(r->water.id);
    };
    add_water(targets_["S1"], "WA1");
    add_water(targets_["S2"], "WA2");
    add_water(targets_["X"], "WAX");
    add_water(targets_["S2"], "WAD");
    // A provider, vehicle, driver, monitor and route at each school: <kind letter><1|2|X>.
    auto add_bus = [&](const std::string& school, const std::string& n) {
      const auto unit = std::stoll(school);
      const auto meta = [&] {
        domain::traffic::BusRecordMeta m;
        m.unit_id = unit;
        return m;
      };
      domain::traffic::BusProvider p;
      p.meta = meta();
      p.name = "平安校车";
      auto rp = app::SaveBusProvider(*services_, app::RequestContext{}, p);
      ASSERT_TRUE(rp.ok()) << rp.error().message;
      targets_["BP" + n] = std::to_string(rp->record.meta.id);
      domain::traffic::BusVehicle v;
      v.meta = meta();
      v.plate = "浙A9000" + n;
      v.seats = 19;
      auto rv = app::SaveBusVehicle(*services_, app::RequestContext{}, v);
      ASSERT_TRUE(rv.ok()) << rv.error().message;
      targets_["BV" + n] = std::to_string(rv->record.meta.id);
      domain::traffic::BusDriver d;
      d.meta = meta();
      d.name = "王建国";
      d.birth = "1975-03-18";
      d.licence_class = "A1";
      auto rd = app::SaveBusDriver(*services_, app::RequestContext{}, d);
      ASSERT_TRUE(rd.ok()) << rd.error().message;
      targets_["BD" + n] = std::to_string(rd->record.meta.id);
      domain::traffic::BusMonitor m;
      m.meta = meta();
      m.name = "赵秀兰";
      auto rm = app::SaveBusMonitor(*services_, app::RequestContext{}, m);
      ASSERT_TRUE(rm.ok()) << rm.error().message;
      targets_["BM" + n] = std::to_string(rm->record.meta.id);
      domain::traffic::BusRoute r;
      r.meta = meta();
      r.name = "一号线";
      auto rr = app::SaveBusRoute(*services_, app::RequestContext{}, r);
      ASSERT_TRUE(rr.ok()) << rr.error().message;
      targets_["BR" + n] = std::to_string(rr->record.meta.id);
      // An outing, stored as it is (the fixture's vehicle has no permit, so the use case would
      // refuse it).
      domain::traffic::BusOuting o;
      o.meta = meta();
      o.meta.updated_by = "x";
      o.purpose = "春游";
      o.destination = "公园";
      o.date = "2027-04-09";
      o.vehicle_id = rv->record.meta.id;
      o.driver_id = rd->record.meta.id;
      ASSERT_TRUE(
          services_->store.Write([&](domain::Tx& tx) -> Status { return tx.buses().Insert(o); })
              .ok());
      targets_["BO" + n] = std::to_string(o.meta.id);
    };
    add_bus(targets_["S1"], "1");
    add_bus(targets_["S2"], "2");
    add_bus(targets_["X"], "X");
    // A campus vehicle and an e-bike at each school: CV<1|2|X>, EB<1|2|X>.
    auto add_campus = [&](const std::string& school, const std::string& n) {
      domain::traffic::CampusVehicleRecord v;
      v.meta.unit_id = std::stoll(school);
      v.vehicle_class = "staff";
      v.plate = "浙A8000" + n;
      v.owner = "张老师";
      auto rv = app::SaveCampusVehicle(*services_, app::RequestContext{}, v);
      ASSERT_TRUE(rv.ok()) << rv.error().message;
      targets_["CV" + n] = std::to_string(rv->record.meta.id);
      domain::traffic::EbikeRecord e;
      e.meta.unit_id = std::stoll(school);
      e.owner = "李老师";
      auto re = app::SaveEbike(*services_, app::RequestContext{}, e);
      ASSERT_TRUE(re.ok()) << re.error().message;
      targets_["EB" + n] = std::to_string(re->record.meta.id);
    };
    add_campus(targets_["S1"], "1");
    add_campus(targets_["S2"], "2");
    add_campus(targets_["X"], "X");
    {
      auto rows = app::LetterClasses(*services_, app::RequestContext{}, std::stoll(targets_["P1"]));
      ASSERT_TRUE(rows.ok() && !rows->empty() && !rows->front().token.empty());
      targets_["PT1"] = rows->front().token;
    }
    // A campaign of the bureau for both its schools with S1 assigned to the inspector's team, and
    // one of the other district; a self-inspection sheet of the canteen at each school.
    auto add_campaign = [&](const std::string& owner, std::vector<std::string> schools,
                            const std::string& key) {
      app::RequestContext at;
      at.unit_id = std::stoll(owner);
      domain::campaign::Campaign c;
      c.name = "专项行动";
      c.domains = {"fire"};
      c.template_ids = {canteen_checklist};
      for (const auto& sc : schools) c.targets.school_ids.push_back(std::stoll(sc));
      c.self_from = c.inspect_from = "2026-01-01";
      c.self_to = c.inspect_to = "2099-12-31";
      auto r = app::DeployCampaign(*services_, at, c);
      ASSERT_TRUE(r.ok()) << r.error().message;
      targets_[key] = std::to_string(r->campaign.id);
    };
    // A drowning campaign of the bureau, and one of the other district.
    auto add_drowning = [&](const std::string& owner, const std::string& key) {
      app::RequestContext at;
      at.unit_id = std::stoll(owner);
      domain::edu::DrowningCampaign c;
      c.title = "汛期防溺水预警";
      c.text = "不到河边玩耍";
      c.from = *domain::calendar::ParseDate(domain::hazard::ChinaDate(clock_.Now()));
      c.to = c.from + std::chrono::days{30};
      auto r = app::CreateDrowningCampaign(*services_, at, c);
      ASSERT_TRUE(r.ok()) << r.error().message;
      targets_[key] = std::to_string(r->campaign.id);
    };
    // Joint-prevention tasks: one of the bureau for dept1, one of the other district for its own
    // department (neither the bureau nor dept1 sees it), and one of the bureau to withdraw.
    auto add_joint = [&](const std::string& owner, const std::string& dept,
                         const std::string& key) {
      app::RequestContext at;
      at.unit_id = std::stoll(owner);
      domain::edu::JointTask t;
      t.title = "暑期水域巡查";
      t.text = "巡查坑塘";
      t.kinds = {"patrol"};
      t.due_on = *domain::calendar::ParseDate(domain::hazard::ChinaDate(clock_.Now())) +
                 std::chrono::days{10};
      t.department_ids = {std::stoll(dept)};
      auto r = app::CreateJointTask(*services_, at, t);
      ASSERT_TRUE(r.ok()) << r.error().message;
      targets_[key] = std::to_string(r->task.id);
    };
    add_joint(targets_["B1"], targets_["D1"], "JT1");
    add_joint(targets_["XB"], targets_["XD"], "JTX");
    add_joint(targets_["B1"], targets_["D1"], "JTD");
    add_drowning(targets_["B1"], "DC1");
    add_drowning(targets_["XB"], "DCX");
    add_campaign(targets_["B1"], {targets_["S1"], targets_["S2"]}, "CP1");
    add_campaign(targets_["XB"], {targets_["X"]}, "CPX");
    {
      domain::campaign::Team team;
      team.name = "督导组";
      team.members = {"inspector"};
      const auto cp1 = std::stoll(targets_["CP1"]);
      auto t = app::CreateCampaignTeam(*services_, app::RequestContext{}, cp1, team);
      ASSERT_TRUE(t.ok()) << t.error().message;
      ASSERT_TRUE(app::AssignCampaignSchools(*services_, app::RequestContext{}, cp1,
                                             {std::stoll(targets_["S1"])}, t->id)
                      .ok());
    }
    auto add_sheet = [&](const std::string& campaign, const std::string& school,
                         const std::string& place, const std::string& key) {
      app::RequestContext at;
      at.unit_id = std::stoll(school);
      app::SheetInput in;
      in.school_id = std::stoll(school);
      in.template_id = canteen_checklist;
      in.key_place_id = std::stoll(place);
      for (const char* item : {"C01", "C02", "C03", "C04", "C05", "C06"}) {
        in.answers.push_back({item, "pass"});
      }
      auto r = app::FillCampaignSheet(*services_, at, std::stoll(campaign), in);
      ASSERT_TRUE(r.ok()) << r.error().message;
      targets_[key] = std::to_string(r->sheet.id);
    };
    add_sheet(targets_["CP1"], targets_["S1"], targets_["KP1"], "SH1");
    add_sheet(targets_["CP1"], targets_["S2"], targets_["KP2"], "SH2");
    add_sheet(targets_["CPX"], targets_["X"], targets_["KPX"], "SHX");
    // A screening round of each district, open from ten days ago for a month.
    auto add_round = [&](const std::string& owner, std::vector<std::string> schools,
                         const std::string& key) {
      app::RequestContext at;
      at.unit_id = std::stoll(owner);
      const auto today = *domain::calendar::ParseDate(domain::hazard::ChinaDate(clock_.Now()));
      app::RoundInput in;
      in.name = "逐校筛查";
      in.from = domain::calendar::FormatDate(today - std::chrono::days{10});
      in.to = domain::calendar::FormatDate(today + std::chrono::days{30});
      in.school_ids.emplace();
      for (const auto& sc : schools) in.school_ids->push_back(std::stoll(sc));
      auto r = app::OpenSecurityRound(*services_, at, in);
      ASSERT_TRUE(r.ok()) << r.error().message;
      targets_[key] = std::to_string(r->summary.round.id);
    };
    add_round(targets_["B1"], {targets_["S1"], targets_["S2"]}, "SR1");
    add_round(targets_["XB"], {targets_["X"]}, "SRX");
    // A key-post person and a session at each school; TND for the safety office to delete.
    auto add_training = [&](const std::string& school, const std::string& staff_key,
                            const std::string& session_key) {
      domain::training::KeyStaff p;
      p.unit_id = std::stoll(school);
      p.name = "张强";
      p.post = "security";
      p.since = "2024-03-01";
      auto person = app::AddTrainingStaff(*services_, app::RequestContext{}, p);
      ASSERT_TRUE(person.ok()) << person.error().message;
      if (!staff_key.empty()) targets_[staff_key] = std::to_string(person->staff.id);
      domain::training::Session t;
      t.unit_id = p.unit_id;
      t.title = "重点岗位安全轮训";
      t.kind = "rotation";
      t.held_on = "2026-01-05";
      t.hours = 2;
      t.staff_ids = {person->staff.id};
      auto session = app::RecordTrainingSession(*services_, app::RequestContext{}, t);
      ASSERT_TRUE(session.ok()) << session.error().message;
      targets_[session_key] = std::to_string(session->id);
    };
    add_training(targets_["S1"], "TF1", "TN1");
    add_training(targets_["S2"], "TF2", "TN2");
    add_training(targets_["S2"], "", "TND");
    add_training(targets_["X"], "TFX", "TNX");
    // A duty list for a teacher at the own school, the sibling school and the other district.
    auto add_duty = [&](const std::string& school, const std::string& username,
                        const std::string& key) {
      std::optional<domain::User> user;
      ASSERT_TRUE(store_
                      ->Read([&](domain::Tx& tx) -> Status {
                        XA_ASSIGN_OR_RETURN(user, tx.users().FindByUsername(username));
                        return {};
                      })
                      .ok());
      ASSERT_TRUE(user.has_value()) << username;
      domain::duty::DutyList l;
      l.school_id = std::stoll(school);
      l.user_id = user->id;
      l.posts = {"class_teacher", "teacher"};
      auto list = app::SaveDutyList(*services_, app::RequestContext{}, l);
      ASSERT_TRUE(list.ok()) << list.error().message;
      targets_[key] = std::to_string(list->list.id);
    };
    add_duty(targets_["S1"], "school1_teacher", "DL1");
    add_duty(targets_["S2"], "school2_teacher", "DL2");
    add_duty(targets_["X"], "other_teacher", "DLX");
    // A supervision item of the bureau's 基础教育科, assigned to its head.
    {
      std::optional<domain::User> head;
      std::optional<domain::Unit> section;
      ASSERT_TRUE(store_
                      ->Read([&](domain::Tx& tx) -> Status {
                        XA_ASSIGN_OR_RETURN(head, tx.users().FindByUsername("section_basic"));
                        if (head) {
                          XA_ASSIGN_OR_RETURN(section, tx.org().FindUnit(head->unit_id));
                        }
                        return {};
                      })
                      .ok());
      ASSERT_TRUE(head && section && section->parent_id);
      domain::duty::SupervisionItem item;
      item.bureau_id = *section->parent_id;
      item.section_id = section->id;
      item.kind = "stage";
      item.stage = "primary";
      item.title = "督促小学落实1530安全提醒";
      item.measures = {20};
      item.post = "科长";
      item.person_user_id = head->id;
      auto saved = app::SaveSupervisionItem(*services_, app::RequestContext{}, item);
      ASSERT_TRUE(saved.ok()) << saved.error().message;
      targets_["SI1"] = std::to_string(saved->id);
      // A monthly work item deployed to the own school and 基础教育科.
      domain::duty::WorkItem work;
      work.bureau_id = *section->parent_id;
      work.kind = "routine";
      work.title = "每月隐患排查报送";
      work.measures = {3};
      work.lead_section_id = section->id;
      work.targets = {std::stoll(targets_["S1"]), section->id};
      work.schedule.repeat = "monthly";
      work.schedule.day = 25;
      work.schedule.from = domain::calendar::ParseDate("2026-09-01");
      work.schedule.until = domain::calendar::ParseDate("2027-01-31");
      auto deployed = app::SaveWorkItem(*services_, app::RequestContext{}, work);
      ASSERT_TRUE(deployed.ok()) << deployed.error().message;
      targets_["WI1"] = std::to_string(deployed->id);
      targets_["SEC"] = std::to_string(section->id);
    }
    // The bureau's safety office asks to read the own school's parents' receipts (minors' data).
    {
      auto r = sessions_["safety_office"].Call(
          "POST", "/api/v1/minors/grants",
          json::serialize(json::object{{"unit_id", std::stoll(targets_["S1"])},
                                       {"kind", "edu_letter_receipt"},
                                       {"reason", "督导检查家长信回执"},
                                       {"days", 7}}));
      ASSERT_EQ(r.status, 201) << r.body;
      targets_["MG1"] = std::to_string(json::parse(r.body).at("id").as_int64());
    }
    for (const auto& key : {"S1", "S2", "X"}) school_bodies_[key] = WritableSchool(targets_[key]);
  }

  // The school as GET returns it, less the read-only fields: a valid PUT body.
  std::string WritableSchool(const std::string& id) {
    auto r = sessions_["sysadmin"].Call("GET", "/api/v1/schools/" + id);
    auto obj = json::parse(r.body).as_object();
    for (const char* key : {"id", "path", "cluster_name", "created_at", "updated_at"}) {
      obj.erase(key);
    }
    return json::serialize(obj);
  }

  std::unique_ptr<testing::FreshDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  SystemClock clock_;
  testing::TempDir files_;
  std::unique_ptr<app::Services> services_;
  std::unique_ptr<testing::TestServer> server_;
  int port_ = 0;
  std::map<std::string, std::string> passwords_;
  std::map<std::string, testing::WebSession> sessions_;
  std::map<std::string, std::int64_t> unit_of_;
  std::map<std::string, std::string> targets_;
  std::map<std::string, std::string> school_bodies_;
};

TEST_P(AuthorizationMatrix, EveryRouteHasRows) {
  std::set<std::string> covered;
  for (const auto& row : kMatrix) {
    ASSERT_EQ(row.expect.size(), kUsers.size()) << row.method << " " << row.pattern;
    covered.insert(row.method + " " + row.pattern);
  }
  for (const auto& route : server_->api().router().routes()) {
    EXPECT_TRUE(covered.count(route.method + " " + route.pattern))
        << "the authorization matrix has no rows for " << route.method << " " << route.pattern;
  }
}

TEST_P(AuthorizationMatrix, EveryRoleGetsTheExpectedOutcome) {
  int checked = 0;
  for (const auto& row : kMatrix) {
    // Each {…} of the pattern in turn takes the next of the comma-separated targets.
    std::string path = row.pattern;
    std::size_t from = 0;
    for (std::size_t open = path.find('{'); open != std::string::npos; open = path.find('{')) {
      const auto close = path.find('}', open);
      const auto comma = row.target.find(',', from);
      const auto target =
          row.target.substr(from, comma == std::string::npos ? comma : comma - from);
      from = comma == std::string::npos ? row.target.size() : comma + 1;
      const auto it = targets_.find(target);
      path.replace(open, close - open + 1, it != targets_.end() ? it->second : target);
    }
    // $KEY$ in a body is the id of that target.
    std::string body = row.body == "SCHOOL" ? school_bodies_[row.target] : row.body;
    for (const auto& [key, id] : targets_) {
      const std::string token = "$" + key + "$";
      for (auto at = body.find(token); at != std::string::npos; at = body.find(token)) {
        body.replace(at, token.size(), id);
      }
    }
    for (std::size_t u = 0; u < kUsers.size(); ++u) {
      auto reply = sessions_[kUsers[u]].Call(row.method, path, body);
      EXPECT_EQ(Outcome(reply.status), row.expect[u])
          << kUsers[u] << " " << row.method << " " << path << " (" << row.target << ") answered "
          << reply.status << ": " << reply.body.substr(0, 200);
      ++checked;
    }
  }
  EXPECT_EQ(checked, static_cast<int>(kMatrix.size() * kUsers.size()));
}

TEST_P(AuthorizationMatrix, ListsAndExportsHoldOnlyWhatTheScopeCovers) {
  auto total = [&](const std::string& user, const std::string& target) {
    return json::parse(sessions_[user].Call("GET", target).body).at("total").as_int64();
  };
  EXPECT_EQ(total("sysadmin", "/api/v1/schools"), 41);
  EXPECT_EQ(total("safety_office", "/api/v1/schools"), 40);
  EXPECT_EQ(total("section_basic", "/api/v1/schools"), 40);
  // The nine shipped checklists, the demo bureau's two and CB; never the other district's.
  EXPECT_EQ(total("safety_office", "/api/v1/checklist-templates"), 12);
  EXPECT_EQ(total("section_basic", "/api/v1/checklist-templates"), 12);
  EXPECT_EQ(total("school1_teacher", "/api/v1/checklist-templates"), 12);
  EXPECT_EQ(total("school1_safety", "/api/v1/schools"), 1);
  // Campaigns: the bureau's own, never the other district's; a school's; an inspector's team's.
  EXPECT_EQ(total("safety_office", "/api/v1/campaigns"), 1);
  EXPECT_EQ(total("section_basic", "/api/v1/campaigns"), 1);
  EXPECT_EQ(total("school1_teacher", "/api/v1/campaigns"), 1);
  EXPECT_EQ(total("inspector", "/api/v1/campaigns"), 1);
  EXPECT_EQ(total("safety_office", "/api/v1/campaigns/" + targets_["CP1"] + "/schools"), 2);
  EXPECT_EQ(total("section_basic", "/api/v1/campaigns/" + targets_["CP1"] + "/schools"), 2);
  EXPECT_EQ(total("inspector", "/api/v1/campaigns/" + targets_["CP1"] + "/schools"), 1);
  EXPECT_EQ(total("school1_safety", "/api/v1/campaigns/" + targets_["CP1"] + "/schools"), 1);
  EXPECT_EQ(total("school1_teacher", "/api/v1/schools?q=" + targets_["S2"]), 0);
  // The home board counts the same schools as the list: never another district's.
  auto board_total = [&](const std::string& user) {
    const auto body = json::parse(sessions_[user].Call("GET", "/api/v1/boards/home").body);
    const auto& schools = body.at("schools");
    return schools.is_null() ? std::int64_t{-1} : schools.at("total").as_int64();
  };
  EXPECT_EQ(board_total("sysadmin"), 41);
  EXPECT_EQ(board_total("safety_office"), 40);
  EXPECT_EQ(board_total("section_basic"), 40);
  EXPECT_EQ(board_total("school1_safety"), 1);
  EXPECT_EQ(board_total("dept1_liaison"), -1);
  // Sending another unit as a filter does not widen the scope.
  EXPECT_EQ(total("inspector", "/api/v1/units?parent_id=" + targets_["XB"]), 0);
  EXPECT_EQ(total("safety_office", "/api/v1/schools?region_code=990103"), 0);
  auto leader_create = json::parse(school_bodies_["S1"]).as_object();
  leader_create["code"] = "LEAD01";
  leader_create["parent_id"] = std::stoll(targets_["XB"]);
  leader_create["region_code"] = "990103";
  auto refused =
      sessions_["safety_office"].Call("POST", "/api/v1/schools", json::serialize(leader_create));
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("parent_id"), std::string::npos);
  // The export holds the same rows as the list.
  auto csv = sessions_["school1_safety"].Call("GET", "/api/v1/schools/export?format=csv");
  ASSERT_EQ(csv.status, 200);
  std::size_t lines = 0;
  for (char c : csv.body) lines += c == '\n';
  EXPECT_EQ(lines, 2u);  // header + own school
}

INSTANTIATE_TEST_SUITE_P(Stores, AuthorizationMatrix, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace xiaoan
