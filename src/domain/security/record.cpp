#include "domain/security/record.hpp"

#include <algorithm>
#include <set>

namespace xiaoan::domain::security {

namespace {

std::string At(const char* list, std::size_t i, const char* field) {
  return std::string(list) + "[" + std::to_string(i) + "]." + field;
}

// Characters, counting a Chinese character once.
std::size_t Chars(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void Text(std::vector<ErrorDetail>& out, const std::string& field, const std::string& value,
          bool required, std::size_t max) {
  if (required && value.empty()) {
    out.push_back({field, "必填"});
  } else if (Chars(value) > max) {
    out.push_back({field, "不能超过 " + std::to_string(max) + " 个字"});
  }
}

void NotAfter(std::vector<ErrorDetail>& out, const std::string& field,
              const std::optional<calendar::Date>& day, calendar::Date today) {
  if (day && *day > today) out.push_back({field, "不能晚于今天"});
}

void Count(std::vector<ErrorDetail>& out, const char* field, std::size_t n) {
  if (n > kMaxEntries) {
    out.push_back({field, "不能超过 " + std::to_string(kMaxEntries) + " 条"});
  }
}

template <typename T>
bool Known(std::span<const T> list, const std::string& code) {
  return std::any_of(list.begin(), list.end(), [&](const T& x) { return x.code == code; });
}

template <typename T>
void Ids(std::vector<ErrorDetail>& out, const char* list, const std::vector<T>& stored,
         const std::vector<T>& sent) {
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < sent.size(); ++i) {
    const auto id = sent[i].id;
    if (id == 0) continue;
    const bool own =
        std::any_of(stored.begin(), stored.end(), [&](const T& x) { return x.id == id; });
    if (!own) {
      out.push_back({At(list, i, "id"), "不是本校已登记的条目"});
    } else if (!seen.insert(id).second) {
      out.push_back({At(list, i, "id"), "重复"});
    }
  }
}

}  // namespace

std::vector<ErrorDetail> Validate(const SchoolSecurity& d, calendar::Date today) {
  std::vector<ErrorDetail> out;
  Count(out, "guards", d.guards.size());
  Count(out, "alarms", d.alarms.size());
  Count(out, "posts", d.posts.size());
  for (std::size_t i = 0; i < d.guards.size(); ++i) {
    const auto& g = d.guards[i];
    Text(out, At("guards", i, "name"), g.name, true, 30);
    Text(out, At("guards", i, "license_no"), g.license_no, false, 40);
    Text(out, At("guards", i, "employer"), g.employer, false, 60);
    Text(out, At("guards", i, "shifts"), g.shifts, false, 60);
    if (g.birth_date && AgeOn(*g.birth_date, today) < 16) {
      out.push_back({At("guards", i, "birth_date"), "保安员须年满 16 周岁"});
    }
  }
  for (std::size_t i = 0; i < d.alarms.size(); ++i) {
    Text(out, At("alarms", i, "location"), d.alarms[i].location, true, 60);
    NotAfter(out, At("alarms", i, "last_test"), d.alarms[i].last_test, today);
  }
  for (std::size_t i = 0; i < d.video.areas.size(); ++i) {
    const auto& code = d.video.areas[i];
    if (!Known(VideoAreas(), code)) {
      out.push_back({"video.areas[" + std::to_string(i) + "]", "没有这个监控区域"});
    }
  }
  if (d.video.retention_days < 0 || d.video.retention_days > 3650) {
    out.push_back({"video.retention_days", "须在 0 到 3650 天之间"});
  }
  NotAfter(out, "video.open_fault_since", d.video.open_fault_since, today);
  NotAfter(out, "video.last_repair", d.video.last_repair, today);
  for (std::size_t i = 0; i < d.posts.size(); ++i) {
    const auto& p = d.posts[i];
    Text(out, At("posts", i, "gate"), p.gate, true, 30);
    if (p.peak != "morning" && p.peak != "afternoon") {
      out.push_back({At("posts", i, "peak"), "须为 morning（上学）或 afternoon（放学）"});
    }
    if (p.people < 0 || p.people > 100) {
      out.push_back({At("posts", i, "people"), "须在 0 到 100 人之间"});
    }
    for (std::size_t k = 0; k < p.kinds.size(); ++k) {
      if (!Known(PostKinds(), p.kinds[k])) {
        out.push_back({At("posts", i, "kinds") + "[" + std::to_string(k) + "]", "没有这类人员"});
      }
    }
  }
  if (d.patrols_per_day < 0 || d.patrols_per_day > 100) {
    out.push_back({"patrols_per_day", "须在 0 到 100 次之间"});
  }
  return out;
}

std::vector<ErrorDetail> CheckEntryIds(const SchoolSecurity& stored, const SchoolSecurity& sent) {
  std::vector<ErrorDetail> out;
  Ids(out, "guards", stored.guards, sent.guards);
  Ids(out, "alarms", stored.alarms, sent.alarms);
  Ids(out, "posts", stored.posts, sent.posts);
  return out;
}

}  // namespace xiaoan::domain::security
