#include "domain/duty/duty.hpp"

#include <algorithm>
#include <set>

#include "core/strings.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/platform/field_checks.hpp"

namespace xiaoan::domain::duty {

namespace {

using rules::Outcome;
using rules::ParamValues;
using rules::Verdict;

constexpr Option kPosts[] = {
    {"party_secretary", "党组织书记"},
    {"principal", "校长"},
    {"safety_vp", "分管安全副校长"},
    {"vice_principal", "其他校级领导"},
    {"middle_manager", "中层干部"},
    {"class_teacher", "班主任"},
    {"teacher", "教师"},
    {"guard", "保安员"},
    {"canteen", "食堂从业人员"},
    {"dormitory", "宿舍管理员"},
    {"lab", "实验室管理员"},
};

constexpr Option kAreas[] = {
    {"teaching", "教育教学"},     {"student", "学生管理"},     {"logistics", "后勤保障"},
    {"canteen", "食堂"},          {"dormitory", "学生宿舍"},   {"lab", "实验室"},
    {"construction", "基建工程"}, {"transport", "交通与校车"}, {"security", "安全保卫"},
};

// Written from measures 1 and 2 of the plan (三管三必须、一岗双责) and from the duties the other
// measures give each post.
std::vector<Template> Shipped() {
  const auto t = [](const char* post, std::vector<std::string> items) {
    Template out;
    out.post = post;
    out.items = std::move(items);
    return out;
  };
  return {
      t("party_secretary",
        {"对学校安全工作负全面领导责任，落实党政同责、一岗双责、齐抓共管、失职追责",
         "每学期至少主持召开一次党组织会议专题研究学校安全工作",
         "将安全工作纳入领导班子述职和干部考核内容",
         "支持安全监管机构依法履职，遴选敢担当的人员充实安全监管队伍"}),
      t("principal", {"是学校安全工作第一责任人，对学校安全工作全面负责",
                      "健全“三管三必须”工作机制，组织制定领导班子成员安全工作职责清单并督促签订",
                      "落实安全监管机构管末端、业务机构管前端的协同治理体系",
                      "组织隐患排查整改，对重大隐患挂账销号、签字压责",
                      "保障专职保安员配备、封闭化管理、一键式紧急报警和视频监控、护学岗“四个100%”",
                      "组织制定应急预案，建立应急指挥机制和最小应急单元"}),
      t("safety_vp", {"协助校长具体负责学校安全管理工作，对分管范围内安全工作负直接领导责任",
                      "组织安全监管机构开展监督检查、督促指导、教育培训和建议咨询",
                      "组织日常安全巡查和隐患排查，跟踪隐患整改闭环",
                      "组织每学期至少一次消防应急演练，寄宿制学校每年至少两次夜间演练",
                      "组织重点岗位人员轮训和假期安保培训"}),
      t("vice_principal", {"对分管业务范围内的安全工作负领导责任，管业务必须管安全",
                           "分管业务部署时同步部署安全工作，检查时同步检查安全",
                           "组织分管部门排查风险隐患并督促整改"}),
      t("middle_manager", {"对本部门业务范围内的安全工作负直接责任，业务机构管前端安全",
                           "落实本部门人员一岗双责，组织本部门安全检查和隐患整改",
                           "发现重大风险隐患第一时间报告并采取补救措施"}),
      t("class_teacher",
        {"对本班学生安全教育和管理负直接责任",
         "落实“1530”安全教育提醒：每天放学前1分钟、每周放学前5分钟、节假日放学前30分钟",
         "开展防溺水、交通、防欺凌等专题教育，做好家校沟通",
         "掌握学生到校离校情况，发现异常及时报告"}),
      t("teacher",
        {"对课堂教学和组织的活动中的学生安全负责", "发现安全隐患及时报告，参与应急疏散演练",
         "在突发事件中按应急预案履行疏散引导和救护职责"}),
      t("guard",
        {"落实校门管理，外来人员和车辆登记核验",
         "上下学时段在护学岗值守，每天重点部位巡逻不少于5次",
         "熟练使用防护器械，参加突发冲撞、侵害处置训练", "发现可疑情况立即报警并报告学校"}),
      t("canteen", {"严格执行食品安全操作规范，持有效健康证明上岗",
                    "规范使用燃气和用电设施，下班前检查关闭", "发现食品安全隐患立即报告"}),
      t("dormitory",
        {"落实宿舍查寝、夜间值守和巡查制度", "检查违规用电用火，保持疏散通道和安全出口畅通",
         "组织住宿学生参加夜间疏散演练"}),
      t("lab", {"落实实验室安全管理制度，危险化学品双人双锁管理",
                "定期检查实验设备、通风和消防器材", "指导学生规范操作，发现隐患及时处置和报告"}),
  };
}

std::string Field(const char* list, std::size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

void CheckItems(std::vector<ErrorDetail>& out, const char* field,
                const std::vector<std::string>& items, bool required) {
  if (required && items.empty()) out.push_back({field, "请至少填写一条职责"});
  if (items.size() > kMaxItems) {
    out.push_back({field, "职责不能超过 " + std::to_string(kMaxItems) + " 条"});
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    CheckText(out, Field(field, i), items[i], "职责", kMaxItemChars, true);
    if (!IsBlank(items[i]) && !seen.insert(items[i]).second) {
      out.push_back({Field(field, i), "这条职责重复"});
    }
  }
}

std::vector<rules::RuleDecl> Declare() {
  std::vector<rules::RuleDecl> out;
  out.push_back({"duty.signed",
                 1,
                 1,
                 "安全工作职责清单签订",
                 "school",
                 rules::Period::kMonth,
                 "规范落实年方案措施 1：制定学校党组织书记、校长及其他校领导班子成员安全工作职责"
                 "清单，健全一岗双责工作机制",
                 {{"grace_days", "职责清单新建或变更后几天内签订", "天", 0, 90, 14,
                   "超过仍未签订为不符合，期限内为提醒"}},
                 {}});
  out.push_back({"duty.areas",
                 1,
                 1,
                 "三管三必须业务分工",
                 "school",
                 rules::Period::kMonth,
                 "规范落实年方案措施 1：落实学校内部安全监管机构管末端安全和业务机构管前端安全协同"
                 "治理体系",
                 {},
                 {}});
  out.push_back({"duty.work",
                 1,
                 3,
                 "全区工作按期完成",
                 "school",
                 rules::Period::kMonth,
                 "规范落实年方案措施 3：坚持学校安全工作全区“一盘棋”，明确学校安全共性任务、重点"
                 "事项、常规工作",
                 {},
                 {}});
  return out;
}

const std::vector<rules::RuleDecl>& Decls() {
  static const std::vector<rules::RuleDecl> k = Declare();
  return k;
}

const DutyList* ListOfUser(const std::vector<DutyList>& lists, std::int64_t user_id) {
  for (const auto& l : lists) {
    if (l.user_id == user_id) return &l;
  }
  return nullptr;
}

}  // namespace

std::span<const Option> Posts() { return kPosts; }
std::string_view PostLabel(std::string_view code) { return OptionLabel(kPosts, code); }
std::span<const Option> Areas() { return kAreas; }
std::string_view AreaLabel(std::string_view code) { return OptionLabel(kAreas, code); }

const std::vector<Template>& DefaultTemplates() {
  static const std::vector<Template> k = Shipped();
  return k;
}

Templates InForce(const std::vector<Template>& stored) {
  Templates out;
  for (const auto& t : DefaultTemplates()) out.emplace(t.post, t);
  for (const auto& t : stored) {
    if (const auto it = out.find(t.post); it != out.end()) it->second = t;
  }
  return out;
}

std::vector<ErrorDetail> CheckTemplate(const Template& t) {
  std::vector<ErrorDetail> out;
  if (PostLabel(t.post).empty()) out.push_back({"post", "岗位不存在"});
  CheckItems(out, "items", t.items, true);
  return out;
}

std::vector<ErrorDetail> CheckList(const DutyList& l) {
  std::vector<ErrorDetail> out;
  if (l.posts.empty()) out.push_back({"posts", "请选择至少一个岗位"});
  if (l.posts.size() > kMaxPosts) {
    out.push_back({"posts", "岗位不能超过 " + std::to_string(kMaxPosts) + " 个"});
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < l.posts.size(); ++i) {
    if (PostLabel(l.posts[i]).empty()) {
      out.push_back({Field("posts", i), "岗位不存在"});
    } else if (!seen.insert(l.posts[i]).second) {
      out.push_back({Field("posts", i), "岗位重复"});
    }
  }
  CheckItems(out, "local_items", l.local_items, false);
  return out;
}

namespace {

// Splits at any of the separators (each a whole UTF-8 sequence), dropping blank pieces.
std::vector<std::string> SplitAt(std::string_view text,
                                 std::initializer_list<std::string_view> seps) {
  std::vector<std::string> out;
  std::string piece;
  const auto flush = [&] {
    auto t = std::string(Trim(piece));
    if (!t.empty()) out.push_back(std::move(t));
    piece.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    bool split = false;
    for (const auto sep : seps) {
      if (text.substr(i, sep.size()) == sep) {
        flush();
        i += sep.size();
        split = true;
        break;
      }
    }
    if (!split) piece += text[i++];
  }
  flush();
  return out;
}

}  // namespace

std::vector<std::string> PostsFromText(std::string_view text) {
  auto out = SplitAt(text, {"、", "，", ",", "；", ";", " ", "\n"});
  for (auto& token : out) {
    for (const auto& p : kPosts) {
      if (token == p.label) token = std::string(p.code);
    }
  }
  return out;
}

std::vector<std::string> ItemsFromText(std::string_view text) {
  return SplitAt(text, {"\r\n", "\n", "；", ";"});
}

std::string ContentOf(const DutyList& l, const Templates& t) {
  std::string out = l.holder_name + " 安全工作职责清单\n";
  int n = 0;
  for (const auto& post : l.posts) {
    const auto it = t.find(post);
    if (it == t.end()) continue;
    out += "【" + std::string(PostLabel(post)) + "（第 " + std::to_string(it->second.version) +
           " 版）】\n";
    for (const auto& item : it->second.items) out += std::to_string(++n) + ". " + item + "\n";
  }
  if (!l.local_items.empty()) {
    out += "【本岗位补充职责】\n";
    for (const auto& item : l.local_items) out += std::to_string(++n) + ". " + item + "\n";
  }
  return out;
}

Signing SigningOf(const DutyList& l, const Templates& t) {
  Signing s;
  s.list_version = l.version;
  for (const auto& post : l.posts) {
    if (const auto it = t.find(post); it != t.end()) {
      s.template_versions[post] = it->second.version;
    }
  }
  return s;
}

std::string_view StateCode(State s) {
  switch (s) {
    case State::kSigned:
      return "signed";
    case State::kOutdated:
      return "outdated";
    case State::kUnsigned:
      break;
  }
  return "unsigned";
}

std::string_view StateLabel(State s) {
  switch (s) {
    case State::kSigned:
      return "已签订";
    case State::kOutdated:
      return "待重签";
    case State::kUnsigned:
      break;
  }
  return "未签订";
}

ListState StateOf(const DutyList& l, const Templates& t) {
  if (!l.signing) return {State::kUnsigned, "尚未签订", l.changed_on};
  std::vector<std::string> changes;
  std::string since;
  if (l.signing->list_version != l.version) {
    changes.push_back("清单内容已修改");
    since = l.changed_on;
  }
  for (const auto& post : l.posts) {
    const auto it = t.find(post);
    if (it == t.end()) continue;
    const auto signed_at = l.signing->template_versions.find(post);
    if (signed_at != l.signing->template_versions.end() &&
        signed_at->second == it->second.version) {
      continue;
    }
    if (signed_at == l.signing->template_versions.end()) {
      changes.push_back("新增岗位" + std::string(PostLabel(post)));
      since = std::max(since, l.changed_on);
    } else {
      changes.push_back(std::string(PostLabel(post)) + "职责已更新为第 " +
                        std::to_string(it->second.version) + " 版");
      since = std::max(since, it->second.changed_on);
    }
  }
  if (changes.empty()) return {State::kSigned, "已于 " + l.signing->signed_on + " 签订", ""};
  std::string reason;
  for (const auto& c : changes) reason += (reason.empty() ? "" : "，") + c;
  return {State::kOutdated, reason + "，需重新签订", since};
}

std::vector<ErrorDetail> CheckAreas(const AreaSet& s) {
  std::vector<ErrorDetail> out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < s.areas.size(); ++i) {
    const auto field = Field("areas", i) + ".area";
    if (AreaLabel(s.areas[i].area).empty()) {
      out.push_back({field, "业务领域不存在"});
    } else if (!seen.insert(s.areas[i].area).second) {
      out.push_back({field, "业务领域重复"});
    }
  }
  return out;
}

std::vector<Gap> AreaGaps(const std::optional<AreaSet>& set, const std::vector<DutyList>& lists,
                          const Templates& t, bool has_safety_office) {
  std::vector<Gap> out;
  for (const auto& a : kAreas) {
    const Area* written = nullptr;
    if (set) {
      for (const auto& x : set->areas) {
        if (x.area == a.code) written = &x;
      }
    }
    if (written && !written->applicable) continue;
    const std::string label(a.label);
    if (!written || written->owner_user_id == 0) {
      out.push_back({std::string(a.code), label + "未明确业务负责人"});
      continue;
    }
    const auto* list = ListOfUser(lists, written->owner_user_id);
    if (!list) {
      out.push_back(
          {std::string(a.code), label + "负责人" + written->owner_name + "没有安全工作职责清单"});
    } else if (StateOf(*list, t).state != State::kSigned) {
      out.push_back({std::string(a.code), label + "负责人" + written->owner_name + "的职责清单" +
                                              std::string(StateLabel(StateOf(*list, t).state))});
    }
  }
  if (!has_safety_office) out.push_back({"", "未登记安全监管机构人员，末端监管无人负责"});
  return out;
}

std::span<const rules::RuleDecl> RuleDecls() { return Decls(); }
const rules::RuleDecl& SignedRule() { return Decls()[0]; }
const rules::RuleDecl& AreasRule() { return Decls()[1]; }
const rules::RuleDecl& WorkRule() { return Decls()[2]; }

Verdict JudgeSigned(const std::vector<DutyList>& lists, const Templates& t,
                    const std::string& today, const ParamValues& v) {
  if (lists.empty()) return {Outcome::kFail, "尚未建立安全工作职责清单", {}};
  std::vector<std::string> missing;
  for (const char* post : {"party_secretary", "principal"}) {
    const bool held = std::any_of(lists.begin(), lists.end(), [&](const DutyList& l) {
      return std::find(l.posts.begin(), l.posts.end(), post) != l.posts.end();
    });
    if (!held) missing.push_back(std::string(PostLabel(post)));
  }
  const auto now = calendar::ParseDate(today);
  const int grace = v.at("grace_days");
  int late = 0;
  int waiting = 0;
  int signed_count = 0;
  std::vector<std::int64_t> ids;
  for (const auto& l : lists) {
    const auto st = StateOf(l, t);
    if (st.state == State::kSigned) {
      ++signed_count;
      continue;
    }
    ids.push_back(l.id);
    const auto since = calendar::ParseDate(st.since);
    // Waiting since an unknown day counts as late: nothing says when the grace began.
    if (!now || !since || (*now - *since).count() > grace) {
      ++late;
    } else {
      ++waiting;
    }
  }
  std::string problems;
  for (const auto& m : missing) problems += (problems.empty() ? "" : "；") + m + "未建立职责清单";
  if (late > 0) {
    problems += (problems.empty() ? "" : "；") + std::to_string(late) + " 份职责清单超过 " +
                std::to_string(grace) + " 天未签订";
  }
  const auto counts = std::to_string(signed_count) + "/" + std::to_string(lists.size());
  if (!problems.empty()) return {Outcome::kFail, problems + "（已签 " + counts + "）", ids};
  if (waiting > 0) {
    return {Outcome::kWarn, std::to_string(waiting) + " 份职责清单待签订（已签 " + counts + "）",
            ids};
  }
  return {Outcome::kPass, "职责清单全部签订（" + counts + "）", {}};
}

Verdict JudgeAreas(const std::vector<Gap>& gaps) {
  if (gaps.empty()) return {Outcome::kPass, "各业务领域均有负责人且已签订职责清单", {}};
  std::string reason;
  for (std::size_t i = 0; i < gaps.size() && i < 3; ++i) {
    reason += (reason.empty() ? "" : "；") + gaps[i].text;
  }
  if (gaps.size() > 3) reason += " 等 " + std::to_string(gaps.size()) + " 处";
  return {Outcome::kFail, reason, {}};
}

}  // namespace xiaoan::domain::duty
