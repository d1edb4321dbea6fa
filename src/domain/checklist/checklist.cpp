#include "domain/checklist/checklist.hpp"

#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "domain/hazard/hazard.hpp"

namespace xiaoan::domain::checklist {
namespace {

constexpr EnumEntry kAnswerKinds[] = {
    {"pass_fail", "合格/不合格/不适用"}, {"number", "数值"}, {"text", "文字"}};

constexpr std::size_t kMaxItems = 200;

// Characters, counting each UTF-8 sequence once.
std::size_t Chars(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool CodeChars(std::string_view s, bool dots) {
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                    (dots && c == '.') || (!dots && (c == '-' || (c >= 'A' && c <= 'Z')));
    if (!ok) return false;
  }
  return true;
}

std::optional<double> ParseReading(std::string_view text) {
  double v = 0;
  const auto* end = text.data() + text.size();
  const auto [p, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || p != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

void CheckItem(std::vector<ErrorDetail>& out, const Item& item, const std::string& at) {
  const auto bad = [&](const std::string& field, std::string reason) {
    out.push_back({at + "." + field, std::move(reason)});
  };
  if (item.key.empty() || item.key.size() > 16 || !CodeChars(item.key, false)) {
    bad("key", "须为 1–16 位字母、数字、- 或 _");
  }
  if (item.text.empty()) bad("text", "请填写检查内容");
  if (Chars(item.text) > 500) bad("text", "不能超过 500 个字");
  if (!HasCode(hazard::Domains(), item.domain)) {
    bad("domain", "取值须为：" + JoinLabels(hazard::Domains()));
  }
  if (item.place_kind && !HasCode(KeyPlaceKinds(), *item.place_kind)) {
    bad("place_kind", "取值须为：" + JoinLabels(KeyPlaceKinds()));
  }
  if (!HasCode(AnswerKinds(), item.answer)) {
    bad("answer", "取值须为：" + JoinLabels(AnswerKinds()));
  } else if (item.answer == "number") {
    if (!item.min && !item.max) bad("max", "数值类检查项须填写下限或上限");
    if (item.min && item.max && *item.min > *item.max) bad("max", "上限不能小于下限");
    if (item.unit.empty()) bad("unit", "数值类检查项须填写单位");
  } else if (item.min || item.max || !item.unit.empty()) {
    bad(item.min ? "min" : item.max ? "max" : "unit", "只有数值类检查项才有上下限和单位");
  }
  if (!HasCode(hazard::Levels(), item.failure_level)) {
    bad("failure_level", "取值须为：" + JoinLabels(hazard::Levels()));
  }
  if (Chars(item.basis) > 200) bad("basis", "不能超过 200 个字");
}

}  // namespace

EnumTable AnswerKinds() { return kAnswerKinds; }

std::vector<ErrorDetail> ValidateTemplate(const Template& t) {
  std::vector<ErrorDetail> out;
  if (t.code.empty() || t.code.size() > 64 || !CodeChars(t.code, true)) {
    out.push_back({"code", "须为 1–64 位小写字母、数字、. 或 _"});
  }
  if (t.name.empty()) out.push_back({"name", "请填写检查表名称"});
  if (Chars(t.name) > 100) out.push_back({"name", "不能超过 100 个字"});
  if (t.version < 1) out.push_back({"version", "版本号从 1 开始"});
  if (Chars(t.description) > 1000) out.push_back({"description", "不能超过 1000 个字"});
  for (const auto& s : t.applies.stages) {
    if (!HasCode(SchoolStages(), s)) {
      out.push_back({"applies.stages", "“" + s + "”不是学段，可选：" + JoinLabels(SchoolStages())});
    }
  }
  for (const auto& l : t.applies.location_types) {
    if (!HasCode(LocationTypes(), l)) {
      out.push_back({"applies.location_types",
                     "“" + l + "”不是城乡类型，可选：" + JoinLabels(LocationTypes())});
    }
  }
  if (t.items.empty()) out.push_back({"items", "检查表至少要有一个检查项"});
  if (t.items.size() > kMaxItems) {
    out.push_back({"items", "检查项不能超过 " + std::to_string(kMaxItems) + " 个"});
  }
  std::set<std::string> keys;
  for (std::size_t i = 0; i < t.items.size(); ++i) {
    const std::string at = "items[" + std::to_string(i) + "]";
    CheckItem(out, t.items[i], at);
    if (!t.items[i].key.empty() && !keys.insert(t.items[i].key).second) {
      out.push_back({at + ".key", "检查项编号“" + t.items[i].key + "”重复"});
    }
  }
  return out;
}

bool AppliesTo(const Applicability& a, const SchoolProfile& school) {
  const auto listed = [](const std::vector<std::string>& list, const std::string& v) {
    if (list.empty()) return true;
    for (const auto& x : list) {
      if (x == v) return true;
    }
    return false;
  };
  if (a.boarding && *a.boarding != school.boarding) return false;
  return listed(a.stages, school.stage) && listed(a.location_types, school.location_type);
}

std::vector<Item> ItemsAt(const Template& t, const std::optional<std::string>& place_kind) {
  std::vector<Item> out;
  for (const auto& item : t.items) {
    if (item.place_kind == place_kind) out.push_back(item);
  }
  return out;
}

std::vector<Item> ItemsFor(const Template& t, const std::string& place_kind) {
  auto items = ItemsAt(t, place_kind.empty() ? std::nullopt : std::optional(place_kind));
  if (items.empty()) items = ItemsAt(t, std::nullopt);
  return items;
}

Result<int> JudgeAnswers(const std::vector<Item>& items, std::vector<ItemAnswer>& answers) {
  std::vector<ErrorDetail> problems;
  std::map<std::string, const Item*> by_key;
  for (const auto& item : items) by_key.emplace(item.key, &item);
  std::set<std::string> answered;
  int failed = 0;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    auto& a = answers[i];
    const auto field = "answers[" + std::to_string(i) + "].";
    const auto it = by_key.find(a.item_key);
    if (it == by_key.end()) {
      problems.push_back({field + "item_key", "检查表中这个部位没有检查项 " + a.item_key});
      continue;
    }
    if (!answered.insert(a.item_key).second) {
      problems.push_back({field + "item_key", "检查项 " + a.item_key + " 填写了两次"});
      continue;
    }
    if (Chars(a.note) > 500) problems.push_back({field + "note", "说明不能超过 500 个字"});
    const auto verdict = Judge(*it->second, {a.value, !a.file_ids.empty()});
    if (!verdict) {
      for (const auto& d : verdict.error().details) problems.push_back({field + d.field, d.reason});
      continue;
    }
    switch (*verdict) {
      case Verdict::kPass:
        a.verdict = "pass";
        break;
      case Verdict::kFail:
        a.verdict = "fail";
        ++failed;
        break;
      case Verdict::kNotApplicable:
        a.verdict = "na";
        break;
    }
  }
  for (const auto& item : items) {
    if (!answered.contains(item.key)) {
      problems.push_back({"answers", "检查项 " + item.key + "（" + item.text + "）未填写"});
    }
  }
  if (!problems.empty()) return ValidationError(std::move(problems));
  return failed;
}

bool NeedsNewVersion(const Template& stored, const Template& edited) {
  const auto same_item = [](const Item& a, const Item& b) {
    return a.key == b.key && a.text == b.text && a.domain == b.domain &&
           a.place_kind == b.place_kind && a.answer == b.answer && a.min == b.min &&
           a.max == b.max && a.unit == b.unit && a.photo_required == b.photo_required &&
           a.failure_level == b.failure_level && a.basis == b.basis;
  };
  if (stored.items.size() != edited.items.size()) return true;
  for (std::size_t i = 0; i < stored.items.size(); ++i) {
    if (!same_item(stored.items[i], edited.items[i])) return true;
  }
  return stored.applies.stages != edited.applies.stages ||
         stored.applies.location_types != edited.applies.location_types ||
         stored.applies.boarding != edited.applies.boarding;
}

std::string WithoutCopyNumber(const std::string& code) {
  const auto underscore = code.rfind('_');
  if (underscore == std::string::npos || underscore + 1 == code.size()) return code;
  for (std::size_t i = underscore + 1; i < code.size(); ++i) {
    if (code[i] < '0' || code[i] > '9') return code;
  }
  if (underscore == 0 || code[underscore - 1] == '.') return code;
  return code.substr(0, underscore);
}

Edit EditOf(const Template& stored, const Template& edited) {
  if (NeedsNewVersion(stored, edited)) return Edit::kNewVersion;
  if (stored.name != edited.name || stored.description != edited.description) return Edit::kText;
  return Edit::kNone;
}

Result<Verdict> Judge(const Item& item, const Answer& answer) {
  if (answer.value == "na") return Verdict::kNotApplicable;
  Verdict verdict = Verdict::kPass;
  if (item.answer == "pass_fail") {
    if (answer.value == "fail") {
      verdict = Verdict::kFail;
    } else if (answer.value != "pass") {
      return InvalidArgument("value", "须为 合格(pass)、不合格(fail) 或 不适用(na)");
    }
  } else if (item.answer == "number") {
    const auto reading = ParseReading(answer.value);
    if (!reading) return InvalidArgument("value", "请填写数值（" + item.unit + "）");
    if ((item.min && *reading < *item.min) || (item.max && *reading > *item.max)) {
      verdict = Verdict::kFail;
    }
  } else if (answer.value.empty()) {
    return InvalidArgument("value", "请填写检查情况");
  }
  if (item.photo_required && !answer.has_photo) {
    return InvalidArgument("photo", "此检查项须拍照");
  }
  return verdict;
}

}  // namespace xiaoan::domain::checklist
