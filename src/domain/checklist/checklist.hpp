#pragma once
// Checklists (检查表): the templates that self-inspections, bureau and city inspections and
// routine patrols are filled from (measures 6, 7, 11 and 12). A template is a list of check
// items, each with the hazard domain it belongs to, the key place kind it is checked at (or the
// whole school), how it is answered, whether a photo is required and the hazard level a failure
// suggests; the template says which schools it applies to. Templates are versioned: editing one
// makes a new version, and a campaign or patrol keeps the version it started with.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/org/enums.hpp"
#include "domain/org/org.hpp"

namespace xiaoan::domain {
struct PageRequest;
template <typename T>
struct PageResult;
}  // namespace xiaoan::domain

namespace xiaoan::domain::checklist {

EnumTable AnswerKinds();  // pass_fail 合格/不合格/不适用, number 数值, text 文字

struct Item {
  std::string key;                        // stable within the template across versions: "F01"
  std::string text;                       // what to check, as the inspector reads it
  std::string domain;                     // hazard domain (hazard::Domains)
  std::optional<std::string> place_kind;  // key place kind (KeyPlaceKinds); none: whole school
  std::string answer = "pass_fail";       // AnswerKinds
  std::optional<double> min;              // number: the limit it must stay within
  std::optional<double> max;
  std::string unit;  // number: 米, 分钟, 个 …
  bool photo_required = false;
  std::string failure_level = "general";  // hazard level a failure suggests (hazard::Levels)
  std::string basis;                      // the rule or standard it checks
};

// Which schools a template applies to; empty lists and no boarding condition: every school.
struct Applicability {
  std::vector<std::string> stages;
  std::vector<std::string> location_types;
  std::optional<bool> boarding;  // true: boarding schools only; false: day schools only
};

struct Template {
  std::int64_t id = 0;
  std::string code;  // stable across versions: "fire.dormitory"
  std::string name;
  int version = 1;
  std::string description;
  Applicability applies;
  std::vector<Item> items;
  bool shipped = false;  // written from the plan and shipped with Xiaoan
  // The bureau whose own template this is; none for a shipped template (every school sees it).
  std::optional<std::int64_t> owner_unit_id;
  std::string owner_name;  // filled by the repository
  std::string owner_path;
  std::string created_by;
  std::string created_at;
  std::size_t item_count = 0;  // filled by the repository (lists carry no items)
};

// Every problem of a template, each naming its field ("name", "items[2].text", "items[0].max").
std::vector<ErrorDetail> ValidateTemplate(const Template& t);

bool AppliesTo(const Applicability& a, const SchoolProfile& school);

// The items checked at a key place of this kind (those of that kind), or, with no kind, the
// whole-school items.
std::vector<Item> ItemsAt(const Template& t, const std::optional<std::string>& place_kind);

// Whether an edited template differs from the stored version in anything an answer depends on
// (its items, their order or the schools it applies to): then it is saved as a new version and
// the old one stays with the campaigns and patrols that use it. Name and description changes
// alone do not make a version.
bool NeedsNewVersion(const Template& stored, const Template& edited);

// One answer to one item.
struct Answer {
  std::string value;  // pass_fail: pass | fail | na; number: the reading; text: anything
  bool has_photo = false;
};
enum class Verdict { kPass, kFail, kNotApplicable };
// The verdict of an answer: a number outside [min, max] fails, inside passes; text always passes.
// An invalid answer (an unknown pass/fail value, a number that is not one, no photo for an item
// that requires one and was not answered 不适用) is an error naming "value" or "photo".
Result<Verdict> Judge(const Item& item, const Answer& answer);

// The items checked at a key place of this kind (empty: the whole school): those of that kind,
// and the whole-school items when the template has none of that kind.
std::vector<Item> ItemsFor(const Template& t, const std::string& place_kind);

// One item's answer on a filled checklist (a patrol, a campaign's inspection).
struct ItemAnswer {
  std::string item_key;
  std::string value;
  std::string note;
  std::vector<std::int64_t> file_ids;  // photos of this item
  // Filled when judged and stored.
  std::string verdict;  // pass, fail, na
  std::optional<std::int64_t> hazard_id;
};
// Judges every answer against its item (verdicts filled) and returns how many failed; every item
// must be answered once. Problems name answers[i].value / answers[i].photo / answers[i].item_key /
// answers[i].note, and "answers" for an item left out.
Result<int> JudgeAnswers(const std::vector<Item>& items, std::vector<ItemAnswer>& answers);

// The templates written from the plan, shipped with Xiaoan (版本 1 each).
const std::vector<Template>& ShippedTemplates();

struct TemplateFilter {
  std::string q;                    // name or code contains
  bool all_versions = false;        // false: the newest version of each code only
  std::optional<std::string> code;  // the versions of one template
  // Whose templates: the shipped ones always; with all_owners every unit's, otherwise those of
  // the units at owner_paths (exact) and below owner_subtrees (path prefixes).
  bool all_owners = true;
  std::vector<std::string> owner_paths;
  std::vector<std::string> owner_subtrees;
};

// A copy's code without the number a second copy got: "u12.fire.dormitory_3" →
// "u12.fire.dormitory"; a code without one is returned as it is ("fire.lab_2b", "u12._3" keep
// theirs: the number must follow other text and be all digits).
std::string WithoutCopyNumber(const std::string& code);

// Which edit a changed template is: nothing, its name or description only (kept on the stored
// version), or a new version (NeedsNewVersion).
enum class Edit { kNone, kText, kNewVersion };
Edit EditOf(const Template& stored, const Template& edited);

// A template's items as a spreadsheet (the export doubles as the import template): one row per
// item in the columns of ItemColumns, codes written as their Chinese labels.
const std::vector<std::string>& ItemColumns();
std::vector<std::string> ItemRow(const Item& item);
// The items of a sheet's rows (header excluded; row numbers as in the spreadsheet, the header is
// row 1). Labels or codes are accepted; each problem names the row and the column. Blank rows are
// skipped.
struct SheetItems {
  std::vector<Item> items;
  std::vector<int> rows;  // the spreadsheet row of each item
  std::vector<ErrorDetail> errors;
};
SheetItems ItemsFromRows(const std::vector<std::vector<std::string>>& rows);
// A template problem from ValidateTemplate ("items[2].text") as the spreadsheet's row and column
// of that item; other problems (the template's own fields) keep their field with no row.
ErrorDetail SheetErrorOf(const ErrorDetail& e, const SheetItems& sheet);

// Versions are written once and never changed: a new version is a new row.
class TemplateRepository {
 public:
  virtual ~TemplateRepository() = default;
  virtual Status Insert(Template& t) = 0;  // assigns id; a taken (code, version) fails
  virtual Result<std::optional<Template>> Find(std::int64_t id) = 0;  // with its items
  virtual Result<std::optional<Template>> Latest(const std::string& code) = 0;
  // A name or description corrected on a stored version (nothing an answer depends on).
  virtual Status SetText(std::int64_t id, const std::string& name,
                         const std::string& description) = 0;
  // Without items (item_count filled), ordered by code then version.
  virtual Result<PageResult<Template>> List(const TemplateFilter& filter,
                                            const PageRequest& page) = 0;
};

}  // namespace xiaoan::domain::checklist
