#include "domain/auth/auth.hpp"

#include <algorithm>
#include <cctype>

namespace xiaoan::domain {

const std::vector<std::string>& AllPermissions() {
  static const std::vector<std::string> kAll = {
      perm::kRegionRead,       perm::kRegionWrite,     perm::kUnitRead,
      perm::kUnitWrite,        perm::kDepartmentRead,  perm::kDepartmentWrite,
      perm::kSchoolRead,       perm::kSchoolWrite,     perm::kSchoolImport,
      perm::kSchoolExport,     perm::kUserRead,        perm::kUserWrite,
      perm::kRoleRead,         perm::kRoleWrite,       perm::kPolicyRead,
      perm::kPolicyWrite,      perm::kAuditRead,       perm::kAuditExport,
      perm::kHazardRead,       perm::kHazardReport,    perm::kHazardAssign,
      perm::kHazardRectify,    perm::kHazardVerify,    perm::kHazardClose,
      perm::kHazardReopen,     perm::kHazardSupervise, perm::kHazardReply,
      perm::kHazardConfigure,  perm::kCalendarRead,    perm::kCalendarWrite,
      perm::kCalendarHolidays, perm::kRulesRead,       perm::kRulesConfigure,
      perm::kDrillRead,        perm::kDrillRecord,     perm::kChecklistRead,
      perm::kChecklistManage,  perm::kPatrolRead,      perm::kPatrolManage,
      perm::kPatrolRecord,     perm::kCampaignRead,    perm::kCampaignManage,
      perm::kCampaignInspect,  perm::kCampaignFill,    perm::kSecurityRead,
      perm::kSecurityRecord,   perm::kWhistleRead,     perm::kWhistleRaise,
      perm::kWhistleRespond,   perm::kWhistleRoute,    perm::kEduRead,
      perm::kEduClasses,       perm::kEduCheckIn,      perm::kEduLessons,
      perm::kEduContent,       perm::kEduJoint,        perm::kBusRead,
      perm::kBusManage,        perm::kTrafficRead,     perm::kTrafficManage,
      perm::kTrafficGate,      perm::kEmergencyRead,   perm::kEmergencyManage,
      perm::kTrainingRead,     perm::kTrainingManage,  perm::kDutyRead,
      perm::kDutyManage,       perm::kDutyTemplate,    perm::kMinorsGrant};
  return kAll;
}

std::span<const PermissionLabel> PermissionLabels() {
  static constexpr PermissionLabel kLabels[] = {
      {perm::kRegionRead, "查看行政区划", "行政区划"},
      {perm::kRegionWrite, "管理行政区划", "行政区划"},
      {perm::kUnitRead, "查看单位", "单位"},
      {perm::kUnitWrite, "管理单位", "单位"},
      {perm::kDepartmentRead, "查看相关部门", "相关部门"},
      {perm::kDepartmentWrite, "管理相关部门", "相关部门"},
      {perm::kSchoolRead, "查看学校", "学校"},
      {perm::kSchoolWrite, "编辑学校", "学校"},
      {perm::kSchoolImport, "导入学校", "学校"},
      {perm::kSchoolExport, "导出学校", "学校"},
      {perm::kUserRead, "查看用户", "用户"},
      {perm::kUserWrite, "管理用户", "用户"},
      {perm::kRoleRead, "查看角色", "角色"},
      {perm::kRoleWrite, "管理角色", "角色"},
      {perm::kPolicyRead, "查看安全策略", "安全策略"},
      {perm::kPolicyWrite, "修改安全策略", "安全策略"},
      {perm::kAuditRead, "查看审计日志", "审计"},
      {perm::kAuditExport, "导出审计日志", "审计"},
      {perm::kHazardRead, "查看隐患台账", "隐患排查"},
      {perm::kHazardReport, "上报隐患", "隐患排查"},
      {perm::kHazardAssign, "交办隐患", "隐患排查"},
      {perm::kHazardRectify, "整改隐患", "隐患排查"},
      {perm::kHazardVerify, "验收隐患", "隐患排查"},
      {perm::kHazardClose, "隐患销号", "隐患排查"},
      {perm::kHazardReopen, "重新打开隐患", "隐患排查"},
      {perm::kHazardSupervise, "督办隐患", "隐患排查"},
      {perm::kHazardReply, "回复督办单", "隐患排查"},
      {perm::kHazardConfigure, "配置隐患规则", "隐患排查"},
      {perm::kCalendarRead, "查看校历", "校历"},
      {perm::kCalendarWrite, "设置学期、放假调整和放学时间", "校历"},
      {perm::kCalendarHolidays, "导入国家节假日安排", "校历"},
      {perm::kRulesRead, "查看规则判定结果和看板", "规则"},
      {perm::kRulesConfigure, "配置规则参数并重新判定", "规则"},
      {perm::kDrillRead, "查看应急演练", "应急演练"},
      {perm::kDrillRecord, "记录应急演练", "应急演练"},
      {perm::kChecklistRead, "查看检查表", "检查表"},
      {perm::kChecklistManage, "编制和修订检查表", "检查表"},
      {perm::kPatrolRead, "查看日常巡查", "日常巡查"},
      {perm::kPatrolManage, "安排巡查计划", "日常巡查"},
      {perm::kPatrolRecord, "填写巡查记录", "日常巡查"},
      {perm::kCampaignRead, "查看专项行动", "专项行动"},
      {perm::kCampaignManage, "部署和评价专项行动", "专项行动"},
      {perm::kCampaignInspect, "督导检查学校", "专项行动"},
      {perm::kCampaignFill, "填写学校自查", "专项行动"},
      {perm::kSecurityRead, "查看四个100%安防台账和看板", "四个100%"},
      {perm::kSecurityRecord, "填报学校安防台账", "四个100%"},
      {perm::kWhistleRead, "查看吹哨事项和部门统计", "吹哨报到"},
      {perm::kWhistleRaise, "学校吹哨、确认办结或退回", "吹哨报到"},
      {perm::kWhistleRespond, "部门报到和反馈", "吹哨报到"},
      {perm::kWhistleRoute, "设置派送规则、增派部门", "吹哨报到"},
      {perm::kEduRead, "查看1530安全提醒和完成情况", "安全教育"},
      {perm::kEduClasses, "管理班级和班主任", "安全教育"},
      {perm::kEduCheckIn, "1530安全提醒打卡", "安全教育"},
      {perm::kEduLessons, "记录安全教育活动（开学第一课、专题教育、主题日）", "安全教育"},
      {perm::kEduContent, "编辑本单位的1530提醒内容、防溺水预警和联防联控任务", "安全教育"},
      {perm::kEduJoint, "部门报告联防联控任务", "安全教育"},
      {perm::kBusRead, "查看校车台账和底数", "校车"},
      {perm::kBusManage, "登记校车服务单位、车辆、驾驶人、照管人员和线路", "校车"},
      {perm::kTrafficRead, "查看校内车辆、电动自行车登记和门岗拒入记录", "校园交通"},
      {perm::kTrafficManage, "登记校内车辆和电动自行车", "校园交通"},
      {perm::kTrafficGate, "门岗核验车辆，记录拒绝进入", "校园交通"},
      {perm::kEmergencyRead, "查看应急指挥体系、最小应急单元和应急预案", "应急处置"},
      {perm::kEmergencyManage, "维护应急指挥体系、最小应急单元和应急预案", "应急处置"},
      {perm::kTrainingRead, "查看重点岗位人员、培训记录、安全监管机构和看板", "安全培训与队伍"},
      {perm::kTrainingManage, "登记重点岗位人员、培训和安全监管机构人员，导入签到表",
       "安全培训与队伍"},
      {perm::kDutyRead, "查看安全工作职责清单、三管三必须分工和责任落实看板", "安全责任"},
      {perm::kDutyManage, "建立和修改本校职责清单，维护三管三必须分工", "安全责任"},
      {perm::kDutyTemplate, "修订各岗位安全职责模板", "安全责任"},
      {perm::kMinorsGrant, "审批上级单位查阅本校学生个人信息（家长回执名单等）", "未成年人信息"}};
  return kLabels;
}

std::span<const ScopeKind> AllScopeKinds() {
  static constexpr ScopeKind kKinds[] = {ScopeKind::kOwn, ScopeKind::kOwnUnit,
                                         ScopeKind::kUnitAndBelow, ScopeKind::kCustom,
                                         ScopeKind::kAll};
  return kKinds;
}

std::string_view ScopeKindLabel(ScopeKind kind) {
  switch (kind) {
    case ScopeKind::kOwn:
      return "本人";
    case ScopeKind::kOwnUnit:
      return "本单位";
    case ScopeKind::kUnitAndBelow:
      return "本单位及下级";
    case ScopeKind::kCustom:
      return "自定义";
    case ScopeKind::kAll:
      return "全部";
  }
  return "";
}

std::string_view ScopeKindName(ScopeKind kind) {
  switch (kind) {
    case ScopeKind::kOwn:
      return "own";
    case ScopeKind::kOwnUnit:
      return "own_unit";
    case ScopeKind::kUnitAndBelow:
      return "unit_and_below";
    case ScopeKind::kCustom:
      return "custom";
    case ScopeKind::kAll:
      return "all";
  }
  return "own_unit";
}

std::optional<ScopeKind> ScopeKindFromName(std::string_view name) {
  for (auto k : AllScopeKinds()) {
    if (ScopeKindName(k) == name) return k;
  }
  return std::nullopt;
}

bool DataScope::Covers(const std::string& unit_path) const {
  if (kind == ScopeKind::kAll) return true;
  for (const auto& p : paths) {
    if (kind == ScopeKind::kOwn || kind == ScopeKind::kOwnUnit) {
      if (unit_path == p) return true;
    } else if (unit_path.rfind(p, 0) == 0) {
      return true;
    }
  }
  return false;
}

DataScope DataScope::Union(const DataScope& a, const DataScope& b) {
  if (a.kind == ScopeKind::kAll || b.kind == ScopeKind::kAll) return {ScopeKind::kAll, {}};
  auto subtree = [](ScopeKind k) {
    return k == ScopeKind::kUnitAndBelow || k == ScopeKind::kCustom;
  };
  DataScope out;
  // A subtree scope covers the exact-unit one when it holds its path; mixing kinds otherwise
  // keeps the narrower reading (exact units) for safety.
  if (subtree(a.kind) || subtree(b.kind)) {
    out.kind = ScopeKind::kCustom;
    for (const auto* s : {&a, &b}) {
      if (subtree(s->kind)) out.paths.insert(out.paths.end(), s->paths.begin(), s->paths.end());
    }
    return out;
  }
  out.kind = ScopeKind::kOwnUnit;
  out.paths = a.paths;
  out.paths.insert(out.paths.end(), b.paths.begin(), b.paths.end());
  return out;
}

const std::vector<BuiltinRole>& BuiltinRoles() {
  using namespace perm;
  static const std::vector<BuiltinRole> kRoles = {
      {"bureau_safety_office",
       "教育局安全科",
       ScopeKind::kUnitAndBelow,
       {kRegionRead,      kUnitRead,        kDepartmentRead,  kSchoolRead,      kSchoolWrite,
        kSchoolImport,    kSchoolExport,    kHazardRead,      kHazardReport,    kHazardAssign,
        kHazardVerify,    kHazardReopen,    kHazardSupervise, kHazardConfigure, kCalendarRead,
        kCalendarWrite,   kRulesRead,       kRulesConfigure,  kDrillRead,       kDrillRecord,
        kChecklistRead,   kChecklistManage, kPatrolRead,      kPatrolManage,    kCampaignRead,
        kCampaignManage,  kCampaignInspect, kSecurityRead,    kSecurityRecord,  kWhistleRead,
        kWhistleRoute,    kEduRead,         kEduClasses,      kEduLessons,      kEduContent,
        kBusRead,         kBusManage,       kTrafficRead,     kTrafficManage,   kEmergencyRead,
        kEmergencyManage, kTrainingRead,    kTrainingManage,  kDutyRead,        kDutyTemplate},
       false},
      {"bureau_section",
       "教育局内设科室",
       ScopeKind::kCustom,
       {kRegionRead, kUnitRead,     kDepartmentRead, kSchoolRead,   kSchoolExport,
        kHazardRead, kCalendarRead, kRulesRead,      kDrillRead,    kChecklistRead,
        kPatrolRead, kCampaignRead, kSecurityRead,   kWhistleRead,  kEduRead,
        kBusRead,    kTrafficRead,  kEmergencyRead,  kTrainingRead, kDutyRead},
       false},
      {"district_leader",
       "区县分管领导",
       ScopeKind::kUnitAndBelow,
       {kRegionRead, kUnitRead, kDepartmentRead, kSchoolRead, kHazardRead, kCalendarRead,
        kRulesRead, kDrillRead, kCampaignRead, kSecurityRead, kWhistleRead, kEduRead, kBusRead,
        kTrafficRead, kEmergencyRead, kTrainingRead, kDutyRead},
       false},
      {"inspector",
       "督查检查人员",
       ScopeKind::kUnitAndBelow,
       {kRegionRead,    kUnitRead,      kDepartmentRead,  kSchoolRead,   kHazardRead,
        kHazardReport,  kHazardVerify,  kHazardSupervise, kCalendarRead, kRulesRead,
        kDrillRead,     kChecklistRead, kPatrolRead,      kCampaignRead, kCampaignInspect,
        kSecurityRead,  kWhistleRead,   kEduRead,         kBusRead,      kTrafficRead,
        kEmergencyRead, kTrainingRead,  kDutyRead},
       false},
      {"school_leader",
       "学校领导",
       ScopeKind::kOwnUnit,
       {kRegionRead,    kSchoolRead,      kSchoolWrite,   kSchoolExport,   kHazardRead,
        kHazardReport,  kHazardAssign,    kHazardRectify, kHazardVerify,   kHazardClose,
        kHazardReply,   kCalendarRead,    kCalendarWrite, kRulesRead,      kDrillRead,
        kDrillRecord,   kChecklistRead,   kPatrolRead,    kPatrolManage,   kPatrolRecord,
        kCampaignRead,  kCampaignFill,    kSecurityRead,  kSecurityRecord, kWhistleRead,
        kWhistleRaise,  kEduRead,         kEduClasses,    kEduCheckIn,     kEduLessons,
        kBusRead,       kBusManage,       kTrafficRead,   kTrafficManage,  kTrafficGate,
        kEmergencyRead, kEmergencyManage, kTrainingRead,  kTrainingManage, kDutyRead,
        kDutyManage,    kMinorsGrant},
       false},
      {"school_safety_officer",
       "学校安全干部",
       ScopeKind::kOwnUnit,
       {kRegionRead,    kSchoolRead,     kSchoolExport, kHazardRead,    kHazardReport,
        kHazardAssign,  kHazardRectify,  kHazardVerify, kHazardReply,   kCalendarRead,
        kCalendarWrite, kRulesRead,      kDrillRead,    kDrillRecord,   kChecklistRead,
        kPatrolRead,    kPatrolManage,   kPatrolRecord, kCampaignRead,  kCampaignFill,
        kSecurityRead,  kSecurityRecord, kWhistleRead,  kWhistleRaise,  kEduRead,
        kEduClasses,    kEduCheckIn,     kEduLessons,   kBusRead,       kBusManage,
        kTrafficRead,   kTrafficManage,  kTrafficGate,  kEmergencyRead, kEmergencyManage,
        kTrainingRead,  kTrainingManage, kDutyRead,     kDutyManage},
       false},
      {"teacher",
       "教师/班主任",
       ScopeKind::kOwnUnit,
       {kRegionRead, kSchoolRead, kHazardRead, kHazardReport, kHazardRectify, kCalendarRead,
        kDrillRead, kChecklistRead, kPatrolRead, kPatrolRecord, kCampaignRead, kEduRead,
        kEduCheckIn, kEmergencyRead},
       false},
      {"department_liaison",
       "部门联络员",
       ScopeKind::kOwnUnit,
       {kRegionRead, kDepartmentRead, kWhistleRead, kWhistleRespond, kEduJoint},
       false},
      {"system_admin",
       "系统管理员",
       ScopeKind::kAll,
       {kRegionRead, kRegionWrite, kUnitRead, kUnitWrite, kDepartmentRead, kDepartmentWrite,
        kSchoolRead, kSchoolWrite, kSchoolImport, kSchoolExport, kUserRead, kUserWrite,
        kCalendarRead, kCalendarHolidays},
       true},
      {"security_admin",
       "安全管理员",
       ScopeKind::kAll,
       {kRoleRead, kRoleWrite, kPolicyRead, kPolicyWrite, kUserRead},
       true},
      {"audit_admin", "审计管理员", ScopeKind::kAll, {kAuditRead, kAuditExport}, true},
  };
  return kRoles;
}

const BuiltinRole* FindBuiltinRole(std::string_view code) {
  for (const auto& r : BuiltinRoles()) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

std::string_view AdminAreaOf(std::string_view permission) {
  std::string_view area;
  for (const auto& r : BuiltinRoles()) {
    if (std::find(r.permissions.begin(), r.permissions.end(), permission) == r.permissions.end()) {
      continue;
    }
    if (!r.administrator || !area.empty()) return {};  // held by another role too
    area = r.code;
  }
  return area;
}

std::vector<std::string_view> AdminAreasOf(const std::vector<std::string>& permissions) {
  std::set<std::string_view> areas;
  for (const auto& p : permissions) {
    if (const auto a = AdminAreaOf(p); !a.empty()) areas.insert(a);
  }
  return {areas.begin(), areas.end()};
}

bool HoldsAdministratorPermission(const std::set<std::string>& permissions) {
  return std::any_of(permissions.begin(), permissions.end(),
                     [](const std::string& p) { return !AdminAreaOf(p).empty(); });
}

std::optional<ErrorDetail> CheckSeparationOfDuties(
    const std::vector<std::vector<std::string>>& role_permissions, const std::string& field) {
  std::vector<std::string> all;
  for (const auto& perms : role_permissions) all.insert(all.end(), perms.begin(), perms.end());
  const auto areas = AdminAreasOf(all);
  if (areas.size() > 1) {
    std::string names;
    for (const auto a : areas) {
      const auto* r = FindBuiltinRole(a);
      names += (names.empty() ? "" : "、") + std::string(r ? r->name : a);
    }
    return ErrorDetail{
        field, "系统管理员、安全管理员、审计管理员的权限不能由同一账号兼有（涉及 " + names + "）"};
  }
  return std::nullopt;
}

std::vector<ErrorDetail> CheckPasswordStrength(const PasswordPolicy& policy,
                                               std::string_view password,
                                               std::string_view username) {
  std::vector<ErrorDetail> out;
  if (static_cast<int>(password.size()) < policy.min_length) {
    out.push_back({"password", "密码长度至少 " + std::to_string(policy.min_length) + " 位"});
  }
  if (password.size() > 128) out.push_back({"password", "密码长度不能超过 128 位"});
  bool lower = false, upper = false, digit = false, other = false;
  for (unsigned char c : password) {
    lower |= std::islower(c) != 0;
    upper |= std::isupper(c) != 0;
    digit |= std::isdigit(c) != 0;
    other |= std::isalnum(c) == 0;
  }
  if (lower + upper + digit + other < policy.min_classes) {
    out.push_back({"password", "密码须包含大写字母、小写字母、数字、符号中的至少 " +
                                   std::to_string(policy.min_classes) + " 类"});
  }
  std::string lower_pw(password), lower_user(username);
  for (auto* s : {&lower_pw, &lower_user}) {
    std::transform(s->begin(), s->end(), s->begin(),
                   [](unsigned char c) { return std::tolower(c); });
  }
  if (!lower_user.empty() && lower_pw.find(lower_user) != std::string::npos) {
    out.push_back({"password", "密码不能包含用户名"});
  }
  if (IsCommonPassword(password)) out.push_back({"password", "该密码过于常见，请换一个"});
  return out;
}

std::chrono::milliseconds SessionTouchInterval(const PasswordPolicy& policy) {
  const std::chrono::milliseconds quarter =
      std::chrono::milliseconds(std::chrono::minutes(policy.idle_minutes)) / 4;
  return std::min<std::chrono::milliseconds>(std::chrono::seconds(60), quarter);
}

SessionState EvaluateSession(const Session& s, Instant now, const PasswordPolicy& policy) {
  if (s.ended_at) return SessionState::kEnded;
  if (now - s.created_at >= std::chrono::hours(policy.absolute_hours)) {
    return SessionState::kAbsoluteExpired;
  }
  if (now - s.last_seen_at >= std::chrono::minutes(policy.idle_minutes)) {
    return SessionState::kIdleExpired;
  }
  return SessionState::kActive;
}

SessionPurge SessionPurgeAt(Instant now, const PasswordPolicy& policy) {
  const Instant kept_from = now - kSessionRecordRetention;
  return SessionPurge{kept_from, kept_from - std::chrono::minutes(policy.idle_minutes),
                      kept_from - std::chrono::hours(policy.absolute_hours), kept_from};
}

LoginGate CheckAccount(const std::string& status, std::optional<Instant> locked_until,
                       std::optional<Instant> expires_at, Instant now) {
  if (status == "disabled") return {false, "disabled", "账号已停用，请联系系统管理员"};
  if (status == "locked" || (locked_until && *locked_until > now)) {
    return {false, "locked", "密码错误次数过多，账号已锁定，请稍后再试或联系系统管理员"};
  }
  if (expires_at && *expires_at <= now) return {false, "expired", "账号已过有效期"};
  return {};
}

FailureOutcome RecordFailure(int failures_before, std::optional<Instant> locked_until, Instant now,
                             const PasswordPolicy& policy, int threshold) {
  FailureOutcome out;
  if (locked_until && *locked_until <= now) failures_before = 0;
  out.failures = failures_before + 1;
  if (out.failures >= (threshold > 0 ? threshold : policy.lockout_threshold)) {
    out.locked_until = now + std::chrono::minutes(policy.lockout_minutes);
  }
  return out;
}

int AccountLockoutThreshold(const PasswordPolicy& policy) { return 4 * policy.lockout_threshold; }

PairFailures RecordPairFailure(PairFailures before, Instant now, const PasswordPolicy& policy) {
  PairFailures out = before;
  if (out.locked_until && *out.locked_until <= now) {  // the lock ran out: count afresh
    out.failures = 0;
    out.locked_until.reset();
  }
  if (out.last_lock && now - *out.last_lock >= std::chrono::hours(24)) out.locks = 0;
  out.failures += 1;
  if (out.failures >= policy.lockout_threshold) {
    constexpr long long kDayMinutes = 24 * 60;
    const int doublings = std::min(out.locks, 20);  // 2^20 minutes is far past a day already
    const long long minutes =
        std::min(kDayMinutes, static_cast<long long>(policy.lockout_minutes) << doublings);
    out.locked_until = now + std::chrono::minutes(minutes);
    out.last_lock = now;
    out.locks += 1;
  }
  return out;
}

bool PairLocked(const PairFailures& pair, Instant now) {
  return pair.locked_until && *pair.locked_until > now;
}

bool PasswordExpired(Instant changed_at, Instant now, const PasswordPolicy& policy) {
  return policy.max_age_days > 0 && now - changed_at >= std::chrono::days(policy.max_age_days);
}

}  // namespace xiaoan::domain
