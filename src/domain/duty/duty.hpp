#pragma once
// 安全责任 (measures 1 and 2): the duty templates of each post written from the plan, each
// person's duty list (一岗双责) from the templates of their posts plus local items, signed by the
// person and signed again when a template or the list changes; the school's business areas each
// with an owner who also holds its safety duty (三管三必须); the rules duty.signed and
// duty.areas. Pure: checks naming the field, the state of a list, the gaps and the verdicts
// (docs/duties.md).
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/duty/supervision.hpp"
#include "domain/duty/work.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
}  // namespace xiaoan::domain

namespace xiaoan::domain::duty {

inline constexpr std::size_t kMaxItems = 40;
inline constexpr std::size_t kMaxItemChars = 200;
inline constexpr std::size_t kMaxPosts = 5;

// party_secretary 党组织书记, principal 校长, safety_vp 分管安全副校长, vice_principal 其他校级
// 领导, middle_manager 中层干部, class_teacher 班主任, teacher 教师, guard 保安员, canteen 食堂
// 从业人员, dormitory 宿舍管理员, lab 实验室管理员.
std::span<const Option> Posts();
std::string_view PostLabel(std::string_view code);  // "" for an unknown code
// teaching 教育教学, student 学生管理, logistics 后勤保障, canteen 食堂, dormitory 学生宿舍, lab
// 实验室, construction 基建工程, transport 交通与校车, security 安全保卫.
std::span<const Option> Areas();
std::string_view AreaLabel(std::string_view code);

// The duties of one post. Version 1 is the one shipped; each change the district makes is a new
// version, and every list holding the post must be signed again.
struct Template {
  std::string post;
  std::vector<std::string> items;
  int version = 1;
  std::string changed_on;  // YYYY-MM-DD of the change; "" as shipped
  std::string updated_by;
  Instant updated_at{};
};
// The shipped templates, version 1, one per post in Posts() order.
const std::vector<Template>& DefaultTemplates();
// The templates in force: the shipped ones with the district's versions over them.
using Templates = std::map<std::string, Template, std::less<>>;
Templates InForce(const std::vector<Template>& stored);
// items[3] naming the field: 1 to kMaxItems items of at most kMaxItemChars, none twice.
std::vector<ErrorDetail> CheckTemplate(const Template& t);

// What a person signed: the list's version and the version of each of its posts' templates.
struct Signing {
  int list_version = 0;
  std::map<std::string, int, std::less<>> template_versions;
  std::int64_t signature_id = 0;
  std::string signed_on;  // YYYY-MM-DD
  Instant signed_at{};
};

// One person's duty list at their school.
struct DutyList {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::string school_name;  // read with the list
  std::int64_t user_id = 0;
  std::string holder_name;  // read with the list: the user's display name
  std::vector<std::string> posts;
  std::vector<std::string> local_items;  // 本岗位补充责任
  int version = 0;                       // 0: not stored yet; +1 on each change
  std::string changed_on;                // YYYY-MM-DD the content last changed
  std::optional<Signing> signing;        // the last signature, if any
  std::string updated_by;
  Instant updated_at{};
};
// posts (1 to kMaxPosts known posts, none twice), local_items like a template's (0 allowed).
std::vector<ErrorDetail> CheckList(const DutyList& l);

// A workbook's cell of posts (校长、分管安全副校长 — labels or codes, separated by 、，, ；; or
// spaces) as codes; a token that names no post is kept as written, for CheckList to name.
std::vector<std::string> PostsFromText(std::string_view text);
// A workbook's cell of local items, one per line or separated by ；or ;.
std::vector<std::string> ItemsFromText(std::string_view text);

// The text the holder signs: each post's duties then the local ones, numbered.
std::string ContentOf(const DutyList& l, const Templates& t);
// The signing of the list as it stands (what Sign records).
Signing SigningOf(const DutyList& l, const Templates& t);

enum class State { kSigned, kUnsigned, kOutdated };
std::string_view StateCode(State s);   // signed | unsigned | outdated
std::string_view StateLabel(State s);  // 已签订 | 未签订 | 待重签
struct ListState {
  State state = State::kUnsigned;
  std::string reason;  // 校长职责已更新为第 3 版 …
  std::string since;   // YYYY-MM-DD since when it waits for a signature; "" when signed
};
// Signed while the signature covers the list's version and the version in force of each of its
// posts' templates; otherwise outdated (signed before a change) or unsigned (never signed).
ListState StateOf(const DutyList& l, const Templates& t);

// 三管三必须: the owner of each business area of a school, who also holds its safety duty.
struct Area {
  std::string area;
  bool applicable = true;          // false: the school has no such area (不涉及)
  std::int64_t owner_user_id = 0;  // 0: nobody named
  std::string owner_name;          // read with the set
};
struct AreaSet {
  std::int64_t school_id = 0;
  std::vector<Area> areas;  // in Areas() order once read or checked
  int version = 0;
  std::string updated_by;
  Instant updated_at{};
};
// Known areas, each once (areas[2].area).
std::vector<ErrorDetail> CheckAreas(const AreaSet& s);

struct Gap {
  std::string area;  // "" for the safety office's oversight
  std::string text;
};
// Each applicable area (an area not written counts as applicable) without an owner, with an
// owner who has no duty list or whose list is not signed as it stands; and no safety office to
// oversee them (监管机构管末端).
std::vector<Gap> AreaGaps(const std::optional<AreaSet>& set, const std::vector<DutyList>& lists,
                          const Templates& t, bool has_safety_office);

std::span<const rules::RuleDecl> RuleDecls();
const rules::RuleDecl& SignedRule();
const rules::RuleDecl& AreasRule();
// duty.signed (each month): the school's principal and party secretary each have a list, and
// every list is signed as it stands; a list waiting fewer than grace_days is a warning, longer a
// failure.
rules::Verdict JudgeSigned(const std::vector<DutyList>& lists, const Templates& t,
                           const std::string& today, const rules::ParamValues& v);
// duty.areas (each month): no gap in 三管三必须.
rules::Verdict JudgeAreas(const std::vector<Gap>& gaps);

class DutyRepository : public SupervisionRepository, public WorkRepository {
 public:
  virtual ~DutyRepository() = default;
  // The district's versions (the shipped ones are not stored).
  virtual Result<std::vector<Template>> Templates() = 0;
  // At the version read (1: the shipped one); false when it changed since. Raises t.version.
  virtual Result<bool> SaveTemplate(Template& t) = 0;
  virtual Result<std::optional<DutyList>> List(std::int64_t id) = 0;
  virtual Result<std::optional<DutyList>> ListOf(std::int64_t user_id) = 0;
  // The lists of the schools in scope, or of one school; by school then holder.
  virtual Result<std::vector<DutyList>> Lists(const ScopeFilter& scope,
                                              std::optional<std::int64_t> school_id) = 0;
  // A new list (version 0 → 1, id set) or the version read; false when it changed since.
  virtual Result<bool> SaveList(DutyList& l) = 0;
  // Records the signing of the list at its version; false when it changed since.
  virtual Result<bool> Sign(std::int64_t id, int version, const Signing& s) = 0;
  virtual Result<std::optional<AreaSet>> AreasOf(std::int64_t school_id) = 0;
  virtual Result<std::vector<AreaSet>> AreaSets(const ScopeFilter& scope) = 0;
  // A new set (version 0) or the version read; false when it changed since.
  virtual Result<bool> SaveAreas(AreaSet& s) = 0;
};

}  // namespace xiaoan::domain::duty
