#include "domain/edu/letters.hpp"

#include <algorithm>

#include "core/strings.hpp"

namespace xiaoan::domain::edu {

namespace {

constexpr Relation kRelations[] = {{"father", "父亲"},
                                   {"mother", "母亲"},
                                   {"grandparent", "祖父母/外祖父母"},
                                   {"guardian", "其他监护人"}};

constexpr std::string_view kTokenAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
static_assert(kTokenAlphabet.size() == 32);

// The code points of valid UTF-8 (the caller checked it).
std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 1;
    char32_t cp = c;
    if (c >= 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else if (c >= 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xC0) {
      len = 2;
      cp = c & 0x1F;
    }
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

bool IsHan(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

bool IsLatin(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// The joining marks of names: · (U+00B7), • (U+2022), ・ (U+30FB), . and -.
bool IsJoiner(char32_t c) {
  return c == 0x00B7 || c == 0x2022 || c == 0x30FB || c == '.' || c == '-';
}

}  // namespace

std::string_view LetterStatusCode(LetterStatus s) {
  switch (s) {
    case LetterStatus::kDraft:
      return "draft";
    case LetterStatus::kPublished:
      return "published";
    case LetterStatus::kClosed:
      return "closed";
  }
  return "draft";
}

std::string_view LetterStatusLabel(LetterStatus s) {
  switch (s) {
    case LetterStatus::kDraft:
      return "草稿";
    case LetterStatus::kPublished:
      return "已发布";
    case LetterStatus::kClosed:
      return "已截止";
  }
  return "";
}

std::optional<LetterStatus> ParseLetterStatus(std::string_view code) {
  for (const auto s : {LetterStatus::kDraft, LetterStatus::kPublished, LetterStatus::kClosed}) {
    if (LetterStatusCode(s) == code) return s;
  }
  return std::nullopt;
}

std::span<const Relation> Relations() { return kRelations; }

const Relation* FindRelation(std::string_view code) {
  for (const auto& r : kRelations) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

std::vector<ErrorDetail> CheckLetter(const Letter& l) {
  std::vector<ErrorDetail> out;
  if (l.school_year < 2000 || l.school_year > 2100) {
    out.push_back({"school_year", "学年须为 2000 到 2100 之间的年份（2026 即 2026—2027学年）"});
  }
  if (l.term != 1 && l.term != 2) {
    out.push_back({"term", "学期须为 1（第一学期）或 2（第二学期）"});
  }
  const auto text = [&](const char* field, const std::string& value, const char* what,
                        std::size_t max) {
    if (const auto problem = TextProblem(value); !problem.empty()) {
      out.push_back({field, std::string(what) + problem});
    } else if (IsBlank(value)) {
      out.push_back({field, std::string("请填写") + what});
    } else if (Utf8Length(value).value_or(0) > max) {
      out.push_back({field, std::string(what) + "不能超过 " + std::to_string(max) + " 个字"});
    }
  };
  text("title", l.title, "标题", kMaxLetterTitleChars);
  text("body", l.body, "信的正文", kMaxLetterBodyChars);
  if (!l.closes_on.empty() && !calendar::ParseDate(l.closes_on)) {
    out.push_back({"closes_on", "回执截止日期须为 YYYY-MM-DD 格式的日期"});
  }
  return out;
}

TermKey TermAround(calendar::Date day) {
  const std::chrono::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  const unsigned month = static_cast<unsigned>(ymd.month());
  if (month >= 8) return {year, 1};
  if (month == 1) return {year - 1, 1};
  return {year - 1, 2};
}

bool TextEditable(LetterStatus s) { return s == LetterStatus::kDraft; }

bool TakesReceipts(const Letter& l, calendar::Date today) {
  if (l.status != LetterStatus::kPublished) return false;
  if (l.closes_on.empty()) return true;
  const auto last = calendar::ParseDate(l.closes_on);
  return last && today <= *last;
}

std::string NormalizeStudentName(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = name[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (name.compare(i, 3, "\u3000") == 0) {
      i += 2;
      continue;
    }
    if (name.compare(i, 2, "\u00A0") == 0) {
      i += 1;
      continue;
    }
    out += c;
  }
  return out;
}

std::vector<ErrorDetail> CheckReceipt(std::string_view student_name, std::string_view relation) {
  std::vector<ErrorDetail> out;
  if (const auto problem = TextProblem(student_name); !problem.empty()) {
    out.push_back({"student_name", "学生姓名" + problem});
  } else if (student_name.empty()) {
    out.push_back({"student_name", "请填写学生姓名"});
  } else if (Utf8Length(student_name).value_or(0) > kMaxStudentNameChars) {
    out.push_back(
        {"student_name", "学生姓名不能超过 " + std::to_string(kMaxStudentNameChars) + " 个字"});
  } else {
    const auto cps = CodePoints(student_name);
    const bool letters_only = std::all_of(
        cps.begin(), cps.end(), [](char32_t c) { return IsHan(c) || IsLatin(c) || IsJoiner(c); });
    if (!letters_only || IsJoiner(cps.front()) || IsJoiner(cps.back())) {
      out.push_back(
          {"student_name", "学生姓名只能由汉字或字母组成（可含间隔号·），不能含数字或符号"});
    }
  }
  if (relation.empty()) {
    out.push_back({"relation", "请选择您与学生的关系"});
  } else if (!FindRelation(relation)) {
    out.push_back({"relation", "与学生的关系须为 父亲、母亲、祖父母/外祖父母 或 其他监护人"});
  }
  return out;
}

int ReceiptCap(int students) {
  return students > 0 ? students + kSpareReceipts : kUnknownSizeReceipts;
}

std::optional<double> ReceiptTally::Rate() const {
  if (expected <= 0) return std::nullopt;
  return static_cast<double>(counted) / expected;
}

void AddClass(ReceiptTally& t, int students, int received) {
  // A class of unknown size (0) adds to neither.
  const int size = std::max(students, 0);
  ++t.classes;
  t.received += received;
  t.expected += size;
  t.counted += std::min(size, received);
}

std::string TokenFromBytes(std::string_view random_bytes) {
  std::string out;
  out.reserve(kLetterTokenChars);
  for (std::size_t i = 0; i < kLetterTokenChars && i < random_bytes.size(); ++i) {
    out += kTokenAlphabet[static_cast<unsigned char>(random_bytes[i]) % kTokenAlphabet.size()];
  }
  return out;
}

bool IsLetterToken(std::string_view text) {
  return text.size() == kLetterTokenChars && std::all_of(text.begin(), text.end(), [](char c) {
           return kTokenAlphabet.find(c) != std::string_view::npos;
         });
}

}  // namespace xiaoan::domain::edu
