#include "app/platform/spreadsheet.hpp"

#include <malloc.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "domain/calendar/calendar.hpp"

// jemalloc's control interface, when the program is linked with it (src/CMakeLists.txt).
extern "C" int mallctl(const char* name, void* oldp, std::size_t* oldlenp, void* newp,
                       std::size_t newlen) __attribute__((weak));

namespace xiaoan::app {
namespace {

struct DateTime {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  bool has_time = false;
};

// Reads digits at s[i..] (at most max), advancing i; nothing when there are none.
std::optional<int> Digits(std::string_view s, std::size_t& i, std::size_t max) {
  std::size_t start = i;
  int v = 0;
  while (i < s.size() && i - start < max && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
  if (i == start) return std::nullopt;
  return v;
}

bool Skip(std::string_view s, std::size_t& i, std::string_view token) {
  if (s.substr(i, token.size()) != token) return false;
  i += token.size();
  return true;
}

// 2026-11-03 / 2026/11/3 / 2026.11.3 / 2026年11月3日, optionally followed by a space or T and
// H:MM[:SS]; the whole text must be read.
std::optional<DateTime> ParseLocal(std::string_view s) {
  DateTime out;
  std::size_t i = 0;
  const auto year = Digits(s, i, 4);
  if (!year || i != 4) return std::nullopt;
  out.year = *year;
  const bool chinese = Skip(s, i, "年");
  char sep = 0;
  if (!chinese) {
    if (i >= s.size() || (s[i] != '-' && s[i] != '/' && s[i] != '.')) return std::nullopt;
    sep = s[i++];
  }
  const auto month = Digits(s, i, 2);
  if (!month) return std::nullopt;
  if (chinese ? !Skip(s, i, "月") : !(i < s.size() && s[i++] == sep)) return std::nullopt;
  const auto day = Digits(s, i, 2);
  if (!day) return std::nullopt;
  if (chinese) Skip(s, i, "日");
  out.month = static_cast<unsigned>(*month);
  out.day = static_cast<unsigned>(*day);
  const std::chrono::year_month_day ymd{std::chrono::year(out.year), std::chrono::month(out.month),
                                        std::chrono::day(out.day)};
  if (!ymd.ok()) return std::nullopt;
  if (i == s.size()) return out;
  if (s[i] != ' ' && s[i] != 'T') return std::nullopt;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && s[i] == 'T') ++i;
  const auto hour = Digits(s, i, 2);
  if (!hour || !Skip(s, i, ":")) return std::nullopt;
  const auto minute = Digits(s, i, 2);
  if (!minute) return std::nullopt;
  std::optional<int> second = 0;
  if (Skip(s, i, ":")) second = Digits(s, i, 2);
  if (!second || i != s.size() || *hour > 23 || *minute > 59 || *second > 59) return std::nullopt;
  out.hour = *hour;
  out.minute = *minute;
  out.second = *second;
  out.has_time = true;
  return out;
}

std::string FormatDate(const DateTime& d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buf;
}

}  // namespace

namespace {

std::mutex g_import_mu;
std::condition_variable g_import_cv;
int g_imports = 0;

// Gives the memory an import freed back to the system: jemalloc's purge of every arena when the
// program runs on jemalloc (it links it), else glibc's malloc_trim.
void ReturnFreedMemory() {
  if (mallctl != nullptr) {
    (void)mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);  // 4096: MALLCTL_ARENAS_ALL
  } else {
    (void)malloc_trim(0);
  }
}

}  // namespace

Result<ImportTurn> ImportTurn::Take(std::chrono::milliseconds wait) {
  std::unique_lock lock(g_import_mu);
  if (!g_import_cv.wait_for(lock, wait, [] { return g_imports < kMaxConcurrentImports; })) {
    return FailedPrecondition("import.busy", "同时进行的导入过多，请稍后再试");
  }
  ++g_imports;
  ImportTurn turn;
  turn.held_ = true;
  return turn;
}

void ImportTurn::Release() {
  if (!held_) return;
  held_ = false;
  {
    std::lock_guard lock(g_import_mu);
    --g_imports;
  }
  g_import_cv.notify_one();
  ReturnFreedMemory();
}

ImportTurn& ImportTurn::operator=(ImportTurn&& other) noexcept {
  if (this != &other) {
    Release();
    held_ = other.held_;
    other.held_ = false;
  }
  return *this;
}

ImportTurn::~ImportTurn() { Release(); }

Result<ImportFile> ReadImportFile(std::string_view bytes, const std::string& format) {
  ImportFile file;
  XA_ASSIGN_OR_RETURN(file.turn, ImportTurn::Take());
  XA_ASSIGN_OR_RETURN(file.rows, office::ReadSpreadsheet(bytes, format));
  if (file.rows.empty()) return InvalidArgument("file", "文件为空");
  return file;
}

std::string CellText(const office::Row& row, std::size_t col) {
  return col < row.size() ? std::string(Trim(row[col].text)) : std::string();
}

Status CheckHeaderRow(const std::vector<office::Row>& rows, const std::vector<std::string>& columns,
                      std::string_view hint, std::size_t optional_from) {
  static const office::Row kNoRow;
  const office::Row& header = rows.empty() ? kNoRow : rows.front();
  const auto unstarred = [](std::string text) {
    if (!text.empty() && text.back() == '*') text.pop_back();
    return text;
  };
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const std::string got = unstarred(CellText(header, c));
    if (c >= optional_from && got.empty()) continue;
    const std::string want = unstarred(columns[c]);
    if (got != want) {
      return InvalidArgument("file", "第 1 行第 " + std::to_string(c + 1) + " 列应为“" + want +
                                         "”，" + std::string(hint));
    }
  }
  return {};
}

std::optional<std::string> CellDate(const office::Cell& cell) {
  if (cell.type == office::Cell::Type::kTime) return std::nullopt;
  const auto parsed = ParseLocal(Trim(cell.text));
  if (!parsed) return std::nullopt;
  return FormatDate(*parsed);
}

std::optional<std::string> CellInstant(const office::Cell& cell) {
  const std::string text(Trim(cell.text));
  if (cell.type == office::Cell::Type::kText || cell.type == office::Cell::Type::kEmpty) {
    Instant t;
    if (ParseInstant(text, t)) return FormatInstant(t);
  }
  if (cell.type == office::Cell::Type::kTime) return std::nullopt;
  const auto parsed = ParseLocal(text);
  if (!parsed) return std::nullopt;
  if (!parsed->has_time) return FormatDate(*parsed) + "T01:00:00.000Z";  // 09:00 China time
  using namespace std::chrono;
  const sys_days date{year_month_day{year(parsed->year), month(parsed->month), day(parsed->day)}};
  const Instant local = time_point_cast<milliseconds>(
      date + hours(parsed->hour) + minutes(parsed->minute) + seconds(parsed->second));
  return FormatInstant(local - hours(8));
}

std::vector<DataRow> DataRows(const std::vector<office::Row>& rows, std::size_t columns,
                              const std::function<bool(std::size_t)>& is_date) {
  std::vector<DataRow> out;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    DataRow r{static_cast<int>(i) + 1, {}};
    bool blank = true;
    for (std::size_t c = 0; c < columns; ++c) {
      std::string text = CellText(rows[i], c);
      if (is_date(c) && !text.empty() && c < rows[i].size()) {
        text = CellDate(rows[i][c]).value_or(text);
      }
      blank = blank && text.empty();
      r.cells.push_back(std::move(text));
    }
    if (!blank) out.push_back(std::move(r));
  }
  return out;
}

std::string ChinaDateTimeText(Instant t) {
  const auto local = std::chrono::floor<std::chrono::seconds>(t) + std::chrono::hours(8);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss hms{local - day};
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return domain::calendar::FormatDate(day) + buf;
}

}  // namespace xiaoan::app
