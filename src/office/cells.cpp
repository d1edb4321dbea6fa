// Typed cells: the canonical text of each type, Excel's date serial numbers in both date systems,
// which number formats are dates or times, and the one entry the imports read through.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "office/internal.hpp"
#include "office/table.hpp"

namespace xiaoan::office {

Cell Cell::Of(Type type, std::string text) {
  Cell c;
  c.type = text.empty() ? Type::kEmpty : type;
  c.text = std::move(text);
  return c;
}

Cell Cell::Date(std::string iso_date) { return Of(Type::kDate, std::move(iso_date)); }

Cell Cell::DateTime(std::string iso_date_time) {
  return Of(Type::kDateTime, std::move(iso_date_time));
}

Row TextRow(const std::vector<std::string>& texts) { return Row(texts.begin(), texts.end()); }

namespace internal {
namespace {

// Days since 1970-01-01 of a civil date, and back (proleptic Gregorian; H. Hinnant's algorithms).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void CivilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
}

// Day 0 of each date system: serial n is this date plus n days (1900: from 1900-03-01 on, where
// Excel's phantom 1900-02-29 no longer shifts the count).
const std::int64_t k1900Base = DaysFromCivil(1899, 12, 30);
const std::int64_t k1904Base = DaysFromCivil(1904, 1, 1);
constexpr double kMaxSerial = 2958466;  // 10000-01-01 in the 1900 system: Excel's end of time

}  // namespace

std::optional<Cell> CellFromSerial(double serial, DateKind kind, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial >= kMaxSerial) return std::nullopt;
  auto whole = static_cast<std::int64_t>(std::floor(serial));
  auto seconds = static_cast<std::int64_t>(std::llround((serial - std::floor(serial)) * 86400));
  if (seconds >= 86400) {  // 23:59:59.9 rounds into the next day
    seconds -= 86400;
    ++whole;
  }
  char time[32];
  std::snprintf(time, sizeof time, "%02d:%02d:%02d", static_cast<int>(seconds / 3600),
                static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
  if (kind == DateKind::kTime) return Cell::Of(Cell::Type::kTime, time);
  std::int64_t days = 0;
  if (date1904) {
    days = k1904Base + whole;
  } else {
    // Serial 60 is Excel's 1900-02-29, which never was, and 0 its 1900-01-00; before 60 every
    // serial is one day later than the count from the base.
    if (whole > 60) {
      days = k1900Base + whole;
    } else if (whole < 60 && whole > 0) {
      days = k1900Base + whole + 1;
    } else {
      return std::nullopt;
    }
  }
  std::int64_t y = 0;
  unsigned m = 0;
  unsigned d = 0;
  CivilFromDays(days, y, m, d);
  char date[48];
  std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(y), m, d);
  if (kind == DateKind::kDate) return Cell::Of(Cell::Type::kDate, date);
  return Cell::Of(Cell::Type::kDateTime, std::string(date) + " " + time);
}

std::optional<double> SerialFromText(std::string_view text) {
  // "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" (the canonical texts); 1900 date system.
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  int hh = 0;
  int mm = 0;
  int ss = 0;
  char tail = 0;
  const std::string s(text);
  int n = 0;
  if (s.size() == 10) {
    n = std::sscanf(s.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail);
    if (n != 3) return std::nullopt;
  } else if (s.size() == 19) {
    n = std::sscanf(s.c_str(), "%4d-%2u-%2u %2d:%2d:%2d%c", &y, &m, &d, &hh, &mm, &ss, &tail);
    if (n != 6 || hh > 23 || mm > 59 || ss > 59 || hh < 0 || mm < 0 || ss < 0) return std::nullopt;
  } else {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                        std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;  // 2026-02-30 and the like
  const std::int64_t days = DaysFromCivil(y, m, d);
  std::int64_t serial = days - k1900Base;
  if (serial < 61) return std::nullopt;  // before 1900-03-01 the 1900 system is not linear
  return static_cast<double>(serial) + (hh * 3600 + mm * 60 + ss) / 86400.0;
}

DateKind BuiltinFormatKind(int id) {
  if (id >= 14 && id <= 17) return DateKind::kDate;
  if (id >= 18 && id <= 21) return DateKind::kTime;
  if (id == 22) return DateKind::kDateTime;
  if (id >= 45 && id <= 47) return DateKind::kTime;
  // East Asian built-ins as Excel in Chinese defines them: 27–31, 36, 50–54, 57, 58 dates
  // (yyyy"年"m"月" …), 32–35 and 55–56 times (h"时"mm"分" …).
  if ((id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) || id == 57 || id == 58) {
    return DateKind::kDate;
  }
  if ((id >= 32 && id <= 35) || id == 55 || id == 56) return DateKind::kTime;
  return DateKind::kNone;
}

DateKind CustomFormatKind(std::string_view code) {
  bool date = false;
  bool time = false;
  bool month_or_minute = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') break;  // the first section formats positive numbers: dates are positive
    if (c == '"') {       // quoted literal text
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {  // escaped character, padding, fill
      ++i;
      continue;
    }
    if (c == '[') {  // [Red], [$-804], [>100]; but [h] [mm] [ss] are elapsed times
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) {
        time = true;
      }
      i = close;
      continue;
    }
    switch (c | 0x20) {
      case 'y':
      case 'd':
        date = true;
        break;
      case 'h':
      case 's':
        time = true;
        break;
      case 'm':
        month_or_minute = true;
        break;
      default:
        break;
    }
  }
  if (month_or_minute && !time) date = true;  // "mmm" alone is a month
  if (date && time) return DateKind::kDateTime;
  if (date) return DateKind::kDate;
  if (time) return DateKind::kTime;
  return DateKind::kNone;
}

}  // namespace internal

std::string_view DetectFormat(std::string_view bytes) {
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return "xlsx";
  if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) return "xls";
  return "csv";
}

Result<std::vector<Row>> ReadSpreadsheet(std::string_view bytes, std::string_view format,
                                         const ReadLimits& limits) {
  const std::string_view f = format.empty() ? DetectFormat(bytes) : format;
  if (f == "xlsx") return ReadXlsx(bytes, limits);
  if (f == "xls") {
    const std::string helper = XlsHelper();
    return helper.empty() ? ReadXls(bytes, limits) : ReadXlsInChild(helper, bytes, limits);
  }
  if (f == "csv") return ReadCsv(bytes, limits);
  return InvalidArgument("format", "格式须为 xlsx、xls 或 csv");
}

}  // namespace xiaoan::office
