#pragma once
// 安全监管机构和队伍 (measure 18): the safety office of the bureau and of each school — its name
// and its members, each full or part time with their qualifications — and the rule
// staffing.office (a school's office has enough members, enough of them full time). Pure: checks
// naming the field and the verdict (docs/training.md).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
}  // namespace xiaoan::domain

namespace xiaoan::domain::staffing {

inline constexpr std::size_t kMaxMembers = 50;
inline constexpr std::size_t kMaxNameChars = 20;
inline constexpr std::size_t kMaxOfficeChars = 40;
inline constexpr std::size_t kMaxPostChars = 40;
inline constexpr std::size_t kMaxQualificationChars = 100;

struct Member {
  std::string name;
  std::string post;  // 职务: 主任, 专职安全员 …
  bool full_time = false;
  std::string qualifications;  // 注册安全工程师、消防设施操作员 …
  std::string phone;
};

// One office per unit (a bureau or a school), stored whole.
struct SafetyOffice {
  std::int64_t unit_id = 0;
  std::string unit_name;  // read with the office
  std::string unit_kind;  // read with the office: bureau or school
  std::string name;       // 安全办公室, 安全保卫处 …
  std::vector<Member> members;
  int version = 0;  // 0: not stored yet
  std::string updated_by;
  Instant updated_at{};
};

// What is entered, each problem naming its field (members[2].phone): the office's name required,
// at most kMaxMembers members, each named once, lengths bounded, phones reachable when given.
std::vector<ErrorDetail> CheckOffice(const SafetyOffice& o);

struct Counts {
  int members = 0;
  int full_time = 0;
  int qualified = 0;  // with a qualification written
};
Counts CountsOf(const SafetyOffice& o);

std::span<const rules::RuleDecl> RuleDecls();
const rules::RuleDecl& OfficeRule();
// staffing.office (each month): the school's safety office has at least min_members members, at
// least min_full_time of them full time; failed when it has none recorded.
rules::Verdict JudgeOffice(const std::optional<SafetyOffice>& o, const rules::ParamValues& v);

class StaffingRepository {
 public:
  virtual ~StaffingRepository() = default;
  virtual Result<std::optional<SafetyOffice>> Office(std::int64_t unit_id) = 0;
  // Every office of the units in scope.
  virtual Result<std::vector<SafetyOffice>> Offices(const ScopeFilter& scope) = 0;
  // A new office (version 0) or the version read; false when it changed since.
  virtual Result<bool> Save(SafetyOffice& o) = 0;
};

}  // namespace xiaoan::domain::staffing
