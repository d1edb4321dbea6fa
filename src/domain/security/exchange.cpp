#include "domain/security/exchange.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>

#include "domain/security/record.hpp"

namespace xiaoan::domain::security {

namespace {

// Columns of each list; the school's code and name come first in all three.
constexpr std::size_t kCode = 0;
constexpr std::size_t kFirst = 2;  // the first column of the entry

const std::vector<std::string> kGuardColumns = {"学校代码",     "学校名称", "姓名",     "是否专职",
                                                "保安员证编号", "出生日期", "所属单位", "班次"};
const std::vector<std::string> kAlarmColumns = {"学校代码", "学校名称",   "安装位置",
                                                "联网110",  "联网教育局", "最近测试日期"};
const std::vector<std::string> kPostColumns = {"学校代码", "学校名称", "校门",
                                               "时段",     "人数",     "人员类别"};

// The record's field of each column after the school's, per list.
const std::vector<std::string> kGuardFields = {"name",       "full_time", "license_no",
                                               "birth_date", "employer",  "shifts"};
const std::vector<std::string> kAlarmFields = {"location", "linked_110", "linked_bureau",
                                               "last_test"};
const std::vector<std::string> kPostFields = {"gate", "peak", "people", "kinds"};

const std::vector<std::string>& FieldsOf(ListKind kind) {
  switch (kind) {
    case ListKind::kGuards:
      return kGuardFields;
    case ListKind::kAlarms:
      return kAlarmFields;
    case ListKind::kPosts:
      break;
  }
  return kPostFields;
}

std::string Cell(const ListRow& r, std::size_t col) {
  return col < r.cells.size() ? r.cells[col] : std::string();
}

// ASCII letters in lower case (tolower in the "C" locale leaves other bytes alone).
std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::optional<bool> YesNo(const std::string& text) {
  const auto t = Lower(text);
  if (t == "是" || t == "y" || t == "yes" || t == "true" || t == "1") return true;
  if (t == "否" || t == "n" || t == "no" || t == "false" || t == "0") return false;
  return std::nullopt;
}

std::optional<std::string> Peak(const std::string& text) {
  const auto t = Lower(text);
  if (t == "上学" || t == "上学高峰" || t == "早高峰" || t == "morning") return "morning";
  if (t == "放学" || t == "放学高峰" || t == "晚高峰" || t == "afternoon") return "afternoon";
  return std::nullopt;
}

std::string PeakLabel(const std::string& code) {
  return code == "morning" ? "上学" : code == "afternoon" ? "放学" : code;
}

std::optional<int> Whole(const std::string& text) {
  int n = 0;
  const char* end = text.data() + text.size();
  const auto [p, ec] = std::from_chars(text.data(), end, n);
  if (ec != std::errc() || p != end) return std::nullopt;  // empty text: invalid_argument
  return n;
}

// Pieces of `text` between the separators 、 , ， ; ； and spaces.
std::vector<std::string> Split(const std::string& text) {
  static const std::vector<std::string> seps = {"、", "，", "；", ",", ";", " ", "　"};
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < text.size();) {
    bool cut = false;
    for (const auto& sep : seps) {
      if (text.compare(i, sep.size(), sep) == 0) {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
        i += sep.size();
        cut = true;
        break;
      }
    }
    if (!cut) cur += text[i++];
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string KindNames() {
  std::string out;
  for (const auto& k : PostKinds()) out += (out.empty() ? "" : "、") + std::string(k.label);
  return out;
}

std::optional<std::string> KindOf(const std::string& text) {
  for (const auto& k : PostKinds()) {
    if (text == k.label || text == k.code) return std::string(k.code);
  }
  return std::nullopt;
}

struct RowReader {
  ListKind kind;
  const ListRow& row;
  std::vector<ErrorDetail>& errors;

  void Fail(std::size_t col, std::string reason) {
    errors.push_back({ListColumns(kind)[col], std::move(reason), row.row});
  }
  bool Flag(std::size_t col) {
    const auto v = YesNo(Cell(row, col));
    if (!v) Fail(col, "须为“是”或“否”");
    return v.value_or(false);
  }
  std::optional<calendar::Date> Day(std::size_t col) {
    const auto text = Cell(row, col);
    if (text.empty()) return std::nullopt;
    const auto d = calendar::ParseDate(text);
    if (!d) Fail(col, "“" + text + "”不是日期，请写成 2026-03-01 的样式");
    return d;
  }
};

}  // namespace

std::optional<ListKind> ListKindOf(std::string_view code) {
  if (code == "guards") return ListKind::kGuards;
  if (code == "alarms") return ListKind::kAlarms;
  if (code == "posts") return ListKind::kPosts;
  return std::nullopt;
}

std::string_view ListLabel(ListKind kind) {
  switch (kind) {
    case ListKind::kGuards:
      return "保安员";
    case ListKind::kAlarms:
      return "一键报警";
    case ListKind::kPosts:
      break;
  }
  return "护学岗";
}

std::string_view ListKey(ListKind kind) {
  switch (kind) {
    case ListKind::kGuards:
      return "guards";
    case ListKind::kAlarms:
      return "alarms";
    case ListKind::kPosts:
      break;
  }
  return "posts";
}

const std::vector<std::string>& ListColumns(ListKind kind) {
  switch (kind) {
    case ListKind::kGuards:
      return kGuardColumns;
    case ListKind::kAlarms:
      return kAlarmColumns;
    case ListKind::kPosts:
      break;
  }
  return kPostColumns;
}

ParsedList ParseList(ListKind kind, const std::vector<ListRow>& rows) {
  ParsedList out;
  std::map<std::string, std::size_t> index;  // code → position in out.schools
  for (const auto& r : rows) {
    if (std::all_of(r.cells.begin(), r.cells.end(), [](const auto& c) { return c.empty(); })) {
      continue;
    }
    RowReader rd{kind, r, out.errors};
    const auto code = Cell(r, kCode);
    if (code.empty()) rd.Fail(kCode, "必填");
    const auto before = out.errors.size();
    Guard g;
    Alarm a;
    GatePost p;
    switch (kind) {
      case ListKind::kGuards:
        g.name = Cell(r, kFirst);
        g.full_time = rd.Flag(kFirst + 1);
        g.license_no = Cell(r, kFirst + 2);
        g.birth_date = rd.Day(kFirst + 3);
        g.employer = Cell(r, kFirst + 4);
        g.shifts = Cell(r, kFirst + 5);
        break;
      case ListKind::kAlarms:
        a.location = Cell(r, kFirst);
        a.linked_110 = rd.Flag(kFirst + 1);
        a.linked_bureau = rd.Flag(kFirst + 2);
        a.last_test = rd.Day(kFirst + 3);
        break;
      case ListKind::kPosts: {
        p.gate = Cell(r, kFirst);
        const auto peak = Peak(Cell(r, kFirst + 1));
        if (peak) {
          p.peak = *peak;
        } else {
          rd.Fail(kFirst + 1, "须为“上学”或“放学”");
        }
        const auto people = Whole(Cell(r, kFirst + 2));
        if (people) {
          p.people = *people;
        } else {
          rd.Fail(kFirst + 2, "须为整数");
        }
        for (const auto& piece : Split(Cell(r, kFirst + 3))) {
          const auto k = KindOf(piece);
          if (k) {
            if (std::find(p.kinds.begin(), p.kinds.end(), *k) == p.kinds.end()) {
              p.kinds.push_back(*k);
            }
          } else {
            rd.Fail(kFirst + 3, "“" + piece + "”不是人员类别，可填：" + KindNames());
          }
        }
        break;
      }
    }
    if (code.empty() || out.errors.size() != before) continue;
    auto [it, fresh] = index.emplace(code, out.schools.size());
    if (fresh) out.schools.push_back(SchoolList{code, {}, {}, {}, {}});
    auto& school = out.schools[it->second];
    school.rows.push_back(r.row);
    switch (kind) {
      case ListKind::kGuards:
        school.guards.push_back(std::move(g));
        break;
      case ListKind::kAlarms:
        school.alarms.push_back(std::move(a));
        break;
      case ListKind::kPosts:
        school.posts.push_back(std::move(p));
        break;
    }
  }
  return out;
}

namespace {

template <typename T, typename Key>
Merge Replace(std::vector<T>& stored, const std::vector<T>& sent, Key key) {
  Merge m;
  std::set<std::int64_t> taken;
  std::vector<T> next;
  next.reserve(sent.size());
  for (T entry : sent) {
    entry.id = 0;
    for (const auto& old : stored) {
      if (key(old) == key(entry) && !taken.contains(old.id)) {
        entry.id = old.id;
        taken.insert(old.id);
        break;
      }
    }
    if (entry.id != 0) {
      ++m.kept;
    } else {
      ++m.added;
    }
    next.push_back(std::move(entry));
  }
  m.removed = static_cast<int>(stored.size() - taken.size());
  stored = std::move(next);
  return m;
}

}  // namespace

Merge ReplaceList(ListKind kind, SchoolSecurity& data, const SchoolList& sent) {
  switch (kind) {
    case ListKind::kGuards:
      return Replace(data.guards, sent.guards, [](const Guard& g) { return g.name; });
    case ListKind::kAlarms:
      return Replace(data.alarms, sent.alarms, [](const Alarm& a) { return a.location; });
    case ListKind::kPosts:
      break;
  }
  return Replace(data.posts, sent.posts,
                 [](const GatePost& p) { return std::make_pair(p.gate, p.peak); });
}

ErrorDetail RowErrorOf(ListKind kind, const SchoolList& sent, const ErrorDetail& e) {
  const std::string key(ListKey(kind));
  const auto& columns = ListColumns(kind);
  if (e.field == key) {
    // Too many entries: the first row beyond the limit.
    const int row = sent.rows.size() > kMaxEntries ? sent.rows[kMaxEntries] : 0;
    return {columns[kCode], "学校“" + sent.code + "”的" + std::string(ListLabel(kind)) + e.reason,
            row};
  }
  if (e.field.rfind(key + "[", 0) != 0) return {e.field, e.reason, 0};
  const auto close = e.field.find("].", key.size());
  if (close == std::string::npos) return {e.field, e.reason, 0};
  // No index or a negative one: past every row.
  const auto at = static_cast<std::size_t>(
      Whole(e.field.substr(key.size() + 1, close - key.size() - 1)).value_or(-1));
  if (at >= sent.rows.size()) return {e.field, e.reason, 0};
  const auto rest = e.field.substr(close + 2);
  const auto& fields = FieldsOf(kind);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (rest.rfind(fields[i], 0) == 0) {
      return {columns[kFirst + i], e.reason, sent.rows[at]};
    }
  }
  return {e.field, e.reason, sent.rows[at]};
}

std::vector<std::vector<std::string>> ListCells(ListKind kind, const SchoolSecurity& data) {
  std::vector<std::vector<std::string>> out;
  const auto day = [](const std::optional<calendar::Date>& d) {
    return d ? calendar::FormatDate(*d) : std::string();
  };
  const auto yes = [](bool b) { return std::string(b ? "是" : "否"); };
  switch (kind) {
    case ListKind::kGuards:
      for (const auto& g : data.guards) {
        out.push_back(
            {g.name, yes(g.full_time), g.license_no, day(g.birth_date), g.employer, g.shifts});
      }
      break;
    case ListKind::kAlarms:
      for (const auto& a : data.alarms) {
        out.push_back({a.location, yes(a.linked_110), yes(a.linked_bureau), day(a.last_test)});
      }
      break;
    case ListKind::kPosts:
      for (const auto& p : data.posts) {
        std::string kinds;
        for (const auto& k : p.kinds) {
          std::string label = k;
          for (const auto& pk : PostKinds()) {
            if (pk.code == k) label = pk.label;
          }
          kinds += (kinds.empty() ? "" : "、") + label;
        }
        out.push_back({p.gate, PeakLabel(p.peak), std::to_string(p.people), kinds});
      }
      break;
  }
  return out;
}

}  // namespace xiaoan::domain::security
