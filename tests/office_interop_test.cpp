// The readers against files written by other programs (openpyxl and xlwt, from Debian, run by
// tests/fixtures/spreadsheets.py), the import cell helpers, and a mutation run over every format.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "app/platform/spreadsheet.hpp"
#include "office/internal.hpp"
#include "office/table.hpp"

namespace xiaoan::office {

void PrintTo(const Cell& c, std::ostream* os) {
  *os << "Cell{" << static_cast<int>(c.type) << ", \"" << c.text << "\"}";
}

namespace {

using T = Cell::Type;

class InteropTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    char pattern[] = "/tmp/xiaoan-office-XXXXXX";
    dir_ = ::mkdtemp(pattern);
    const std::string cmd =
        "/usr/bin/python3 " XIAOAN_SOURCE_DIR "/tests/fixtures/spreadsheets.py make " + dir_;
    made_ = std::system(cmd.c_str()) == 0;
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
  void SetUp() override {
    ASSERT_TRUE(made_) << "tests/fixtures/spreadsheets.py failed: python3-openpyxl and "
                          "python3-xlwt come with scripts/setup.sh";
  }
  static std::string Bytes(const std::string& name) {
    std::ifstream in(dir_ + "/" + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  static std::string dir_;
  static bool made_;
};
std::string InteropTest::dir_;
bool InteropTest::made_ = false;

void ExpectDatesSheet(const std::vector<Row>& rows) {
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].at(1), Cell("日期"));
  const std::vector<Row> expected = {
      {Cell::Of(T::kText, "灭火器过期"), Cell::Of(T::kDate, "2026-11-20"),
       Cell::Of(T::kDateTime, "2026-11-20 08:30:00"), Cell::Of(T::kTime, "17:45:30"),
       Cell::Of(T::kDate, "2026-02-28"), Cell::Of(T::kDate, "2026-12-31"),
       Cell::Of(T::kNumber, "1200"), Cell::Of(T::kText, "0123"), Cell::Of(T::kNumber, "3.25"),
       Cell::Of(T::kBoolean, "TRUE")},
      {Cell::Of(T::kText, "跨年"), Cell::Of(T::kDate, "2027-01-01"),
       Cell::Of(T::kDateTime, "2026-12-31 23:59:59"), Cell::Of(T::kTime, "00:00:01"),
       Cell::Of(T::kDate, "2024-02-29"), Cell::Of(T::kDate, "1999-01-01"),
       Cell::Of(T::kNumber, "-5"), Cell::Of(T::kText, "42"), Cell::Of(T::kNumber, "0.5"),
       Cell::Of(T::kBoolean, "FALSE")},
  };
  EXPECT_EQ(rows[1], expected[0]);
  EXPECT_EQ(rows[2], expected[1]);
}

TEST_F(InteropTest, XlsxDatesInThe1900System) {
  const auto rows = ReadXlsx(Bytes("dates-1900.xlsx"));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ExpectDatesSheet(*rows);
}

TEST_F(InteropTest, XlsxDatesInThe1904System) {
  const auto rows = ReadXlsx(Bytes("dates-1904.xlsx"));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ExpectDatesSheet(*rows);
}

TEST_F(InteropTest, XlsLedger) {
  const auto rows = ReadSpreadsheet(Bytes("ledger.xls"), "");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 5u);
  EXPECT_EQ(rows->at(0), (Row{"学校", "发现时间", "整改期限", "数量", "备注"}));
  EXPECT_EQ(rows->at(1),
            (Row{"第一小学", Cell::DateTime("2026-11-03 09:15:00"), Cell::Date("2026-11-20"),
                 Cell::Of(T::kNumber, "3"), "消防通道堵塞"}));
  EXPECT_EQ(rows->at(2), (Row{"第二中学", Cell::DateTime("2026-10-30 00:00:00"),
                              Cell::Date("2027-01-15"), Cell::Of(T::kNumber, "12.5")}));
  EXPECT_TRUE(rows->at(3).empty());
  EXPECT_EQ(rows->at(4), (Row{"空行之后"}));
}

// .xls in a child process (the server's way): the same rows and the same refusals as in
// process; a child that fails or faults costs the import only. freexl-overread.xls is what the
// fuzzer found: FreeXL reads past a stack buffer while converting its text.
TEST_F(InteropTest, XlsReadInAChildProcessGivesTheSameRowsAndSurvivesAFault) {
  const std::string xls = Bytes("ledger.xls");
  const auto here = ReadXls(xls);
  const auto child = ReadXlsInChild(XIAOAN_BINARY, xls);
  ASSERT_TRUE(here.ok() && child.ok()) << (child.ok() ? "" : child.error().message);
  EXPECT_EQ(*child, *here);
  ReadLimits limits;
  limits.max_rows = 4;
  const auto refused = ReadXlsInChild(XIAOAN_BINARY, xls, limits);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("行数超过上限"), std::string::npos);
  EXPECT_EQ(refused.error().details.at(0).field, "file");

  std::ifstream in(XIAOAN_SOURCE_DIR "/tests/fixtures/freexl-overread.xls", std::ios::binary);
  const std::string fault{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  ASSERT_FALSE(fault.empty());
  const auto faulted = ReadXlsInChild(XIAOAN_BINARY, fault);
#if defined(__SANITIZE_ADDRESS__)
  // The child is built with AddressSanitizer too: the over-read ends it, and only it.
  ASSERT_FALSE(faulted.ok());
  EXPECT_NE(faulted.error().message.find("无法读取该 .xls 文件"), std::string::npos);
#endif
  if (!faulted.ok()) {
    EXPECT_EQ(faulted.error().details.at(0).field, "file");
  }

  // ReadSpreadsheet goes through the helper once one is named: a helper that fails shows it.
  UseXlsHelper("/bin/false");
  const auto through = ReadSpreadsheet(xls, "");
  UseXlsHelper("");
  ASSERT_FALSE(through.ok());
  EXPECT_NE(through.error().message.find("无法读取该 .xls 文件"), std::string::npos);
  EXPECT_TRUE(ReadSpreadsheet(xls, "").ok());
}

TEST_F(InteropTest, XlsLimitsAndDamage) {
  const std::string xls = Bytes("ledger.xls");
  ReadLimits limits;
  limits.max_rows = 4;
  const auto rows = ReadXls(xls, limits);
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.error().message.find("行数超过上限"), std::string::npos);
  limits = {};
  limits.max_columns = 4;
  const auto columns = ReadXls(xls, limits);
  ASSERT_FALSE(columns.ok());
  EXPECT_NE(columns.error().message.find("列数超过上限"), std::string::npos);
  limits = {};
  limits.max_cells = 10;  // the sheet declares 5 rows × 5 columns
  const auto cells = ReadXls(xls, limits);
  ASSERT_FALSE(cells.ok());
  EXPECT_NE(cells.error().message.find("单元格数超过上限"), std::string::npos);
  limits = {};
  limits.max_bytes = xls.size() - 1;
  EXPECT_FALSE(ReadXls(xls, limits).ok());
  // Cut in half: the compound document's sectors are missing.
  const auto cut = ReadXls(xls.substr(0, xls.size() / 2));
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.error().details.at(0).field, "file");
  EXPECT_NE(cut.error().message.find(".xls"), std::string::npos) << cut.error().message;
  EXPECT_FALSE(ReadXls("not a spreadsheet").ok());
}

TEST_F(InteropTest, CsvInGbkAndUtf16) {
  const std::vector<std::vector<std::string>> want = {{"学校", "发现时间", "备注"},
                                                      {"第一小学", "2026/11/3", "含,逗号"}};
  for (const char* name : {"gbk.csv", "utf16le.csv", "utf16be.csv"}) {
    const auto rows = ReadSpreadsheet(Bytes(name), "");
    ASSERT_TRUE(rows.ok()) << name << ": " << rows.error().message;
    std::vector<std::vector<std::string>> got;
    for (const auto& row : *rows) {
      got.emplace_back();
      for (const auto& cell : row) got.back().push_back(cell.text);
    }
    EXPECT_EQ(got, want) << name;
  }
  // A UTF-16 file with an unpaired surrogate or an odd length is refused.
  EXPECT_FALSE(ReadCsv(std::string("\xFF\xFE\x00\xD8\x41\x00", 6)).ok());
  EXPECT_FALSE(ReadCsv(std::string("\xFF\xFE\x41", 3)).ok());
}

// Every format, each file damaged at random many times: an answer (rows or a file error), never
// a crash, a hang or another kind of error. Run under the sanitizer preset it also catches
// memory errors in the readers and in FreeXL's handling of what they pass it.
TEST_F(InteropTest, DamagedFilesGetAnAnswer) {
  std::mt19937 rng(20261203);
  for (const char* name :
       {"dates-1900.xlsx", "dates-1904.xlsx", "ledger.xls", "gbk.csv", "utf16le.csv"}) {
    const std::string original = Bytes(name);
    ASSERT_FALSE(original.empty()) << name;
    int answered = 0;
    for (int round = 0; round < 300; ++round) {
      std::string bytes = original;
      const int flips = 1 + static_cast<int>(rng() % 8);
      for (int k = 0; k < flips; ++k) {
        // Keep the signature so that the format's own reader is the one exercised.
        const std::size_t at = 8 + rng() % (bytes.size() - 8);
        bytes[at] = static_cast<char>(rng());
      }
      if (rng() % 10 == 0) bytes.resize(8 + rng() % (bytes.size() - 8));
      const auto rows = ReadSpreadsheet(bytes, "");
      if (!rows.ok()) {
        EXPECT_EQ(rows.error().code, ErrorCode::kInvalidArgument)
            << name << " " << rows.error().message;
        ASSERT_FALSE(rows.error().details.empty());
        EXPECT_EQ(rows.error().details[0].field, "file");
      }
      ++answered;
    }
    EXPECT_EQ(answered, 300);
  }
}

TEST(SerialTest, BothDateSystemsAtTheirEdges) {
  using internal::CellFromSerial;
  using internal::DateKind;
  const auto date = [](double serial, bool d1904) {
    auto c = CellFromSerial(serial, DateKind::kDate, d1904);
    return c ? c->text : std::string("-");
  };
  EXPECT_EQ(date(1, false), "1900-01-01");
  EXPECT_EQ(date(59, false), "1900-02-28");
  EXPECT_EQ(date(60, false), "-");  // Excel's 1900-02-29, which never was
  EXPECT_EQ(date(61, false), "1900-03-01");
  EXPECT_EQ(date(0, false), "-");
  EXPECT_EQ(date(-1, false), "-");
  EXPECT_EQ(date(std::nan(""), false), "-");
  EXPECT_EQ(date(-std::numeric_limits<double>::infinity(), false), "-");
  EXPECT_EQ(date(46346, false), "2026-11-20");
  EXPECT_EQ(date(46346.99999, false), "2026-11-20");  // the date format shows the day only
  EXPECT_EQ(date(2958465, false), "9999-12-31");
  EXPECT_EQ(date(2958466, false), "-");
  EXPECT_EQ(date(0, true), "1904-01-01");
  EXPECT_EQ(date(44884, true), "2026-11-20");
  const auto at = [](double serial) {
    return CellFromSerial(serial, DateKind::kDateTime, false)->text;
  };
  EXPECT_EQ(at(46346.5), "2026-11-20 12:00:00");
  EXPECT_EQ(at(46346.999999), "2026-11-21 00:00:00");  // rounds to the next day's midnight
  EXPECT_EQ(CellFromSerial(0.75, DateKind::kTime, false)->text, "18:00:00");
  EXPECT_EQ(internal::SerialFromText("2026-11-20"), 46346.0);
  EXPECT_EQ(internal::SerialFromText("2026-11-20 12:00:00"), 46346.5);
  EXPECT_EQ(internal::SerialFromText("1900-03-01"), 61.0);
  EXPECT_FALSE(internal::SerialFromText("1900-02-28"));
  EXPECT_FALSE(internal::SerialFromText("2026-02-29"));
  EXPECT_FALSE(internal::SerialFromText("2026-11-20 24:00:00"));
  EXPECT_EQ(internal::SerialFromText("2026-11-20 23:59:59"), 46346.0 + 86399 / 86400.0);
  EXPECT_EQ(internal::SerialFromText("2026-11-20 00:00:00"), 46346.0);
  EXPECT_FALSE(internal::SerialFromText("2026-11-20 12:60:00"));
  EXPECT_FALSE(internal::SerialFromText("2026-11-20 12:00:60"));
  EXPECT_FALSE(internal::SerialFromText("2026-11-20 -1:00:00"));
  EXPECT_FALSE(internal::SerialFromText("2026-11-20 00:-1:00"));
  EXPECT_FALSE(internal::SerialFromText("2026-11-20 00:00:-1"));
  EXPECT_FALSE(internal::SerialFromText("2026-00-20"));
  EXPECT_FALSE(internal::SerialFromText("2026-13-01"));
  EXPECT_FALSE(internal::SerialFromText("2026-11-00"));
  EXPECT_FALSE(internal::SerialFromText("2026-11-31"));
  EXPECT_EQ(internal::SerialFromText("2026-12-31"), 46387.0);
  EXPECT_FALSE(internal::SerialFromText("2026-11-2"));
}

TEST(SerialTest, FormatsThatShowDatesOrTimes) {
  using internal::CustomFormatKind;
  using internal::DateKind;
  EXPECT_EQ(internal::BuiltinFormatKind(14), DateKind::kDate);
  EXPECT_EQ(internal::BuiltinFormatKind(13), DateKind::kNone);
  EXPECT_EQ(internal::BuiltinFormatKind(17), DateKind::kDate);
  EXPECT_EQ(internal::BuiltinFormatKind(18), DateKind::kTime);
  EXPECT_EQ(internal::BuiltinFormatKind(21), DateKind::kTime);
  EXPECT_EQ(internal::BuiltinFormatKind(22), DateKind::kDateTime);
  EXPECT_EQ(internal::BuiltinFormatKind(23), DateKind::kNone);
  EXPECT_EQ(internal::BuiltinFormatKind(44), DateKind::kNone);
  EXPECT_EQ(internal::BuiltinFormatKind(45), DateKind::kTime);
  EXPECT_EQ(internal::BuiltinFormatKind(47), DateKind::kTime);
  EXPECT_EQ(internal::BuiltinFormatKind(48), DateKind::kNone);
  EXPECT_EQ(internal::BuiltinFormatKind(49), DateKind::kNone);  // text
  EXPECT_EQ(internal::BuiltinFormatKind(26), DateKind::kNone);
  EXPECT_EQ(internal::BuiltinFormatKind(27), DateKind::kDate);
  EXPECT_EQ(internal::BuiltinFormatKind(31), DateKind::kDate);
  EXPECT_EQ(internal::BuiltinFormatKind(32), DateKind::kTime);
  EXPECT_EQ(internal::BuiltinFormatKind(35), DateKind::kTime);
  EXPECT_EQ(internal::BuiltinFormatKind(36), DateKind::kDate);
  EXPECT_EQ(internal::BuiltinFormatKind(37), DateKind::kNone);
  EXPECT_EQ(internal::BuiltinFormatKind(50), DateKind::kDate);
  EXPECT_EQ(internal::BuiltinFormatKind(54), DateKind::kDate);
  EXPECT_EQ(internal::BuiltinFormatKind(55), DateKind::kTime);
  EXPECT_EQ(internal::BuiltinFormatKind(56), DateKind::kTime);
  EXPECT_EQ(internal::BuiltinFormatKind(57), DateKind::kDate);
  EXPECT_EQ(internal::BuiltinFormatKind(58), DateKind::kDate);
  EXPECT_EQ(internal::BuiltinFormatKind(59), DateKind::kNone);
  EXPECT_EQ(CustomFormatKind("yyyy/m/d"), DateKind::kDate);
  EXPECT_EQ(CustomFormatKind("yyyy-mm-dd hh:mm"), DateKind::kDateTime);
  EXPECT_EQ(CustomFormatKind("h:mm AM/PM"), DateKind::kTime);
  EXPECT_EQ(CustomFormatKind("[h]:mm:ss"), DateKind::kTime);
  EXPECT_EQ(CustomFormatKind("mm:ss"), DateKind::kTime);
  EXPECT_EQ(CustomFormatKind("mmm"), DateKind::kDate);
  EXPECT_EQ(CustomFormatKind("[$-804]yyyy\"年\"m\"月\"d\"日\""), DateKind::kDate);
  EXPECT_EQ(CustomFormatKind("[Red]0.00;[Blue]-0.00"), DateKind::kNone);
  EXPECT_EQ(CustomFormatKind("#,##0 \"天数\""), DateKind::kNone);
  EXPECT_EQ(CustomFormatKind("0.00E+00"), DateKind::kNone);
  EXPECT_EQ(CustomFormatKind("General"), DateKind::kNone);
  EXPECT_EQ(CustomFormatKind("\\d\\a\\y 0"), DateKind::kNone);
  EXPECT_EQ(CustomFormatKind("0;\"yes\";\"no\""), DateKind::kNone);
  EXPECT_EQ(CustomFormatKind("_(* #,##0_)"), DateKind::kNone);
  EXPECT_EQ(CustomFormatKind("0_y"), DateKind::kNone);  // _ pads the width of the next character
  EXPECT_EQ(CustomFormatKind("0*d"), DateKind::kNone);  // * fills with it
  EXPECT_EQ(CustomFormatKind("\"年\"yyyy"), DateKind::kDate);
  EXPECT_EQ(CustomFormatKind("\"hh"), DateKind::kNone);  // an unclosed quote ends the format
}

// At most two imports at once: a third waits for a turn and, past its wait, is told to come
// back (409 import.busy); a turn ends with its import, also when it is moved.
TEST(ImportTurns, AtMostTwoImportsRunAtOnce) {
  using namespace std::chrono_literals;
  auto first = app::ImportTurn::Take(10ms);
  auto second = app::ImportTurn::Take(10ms);
  ASSERT_TRUE(first.ok() && second.ok());
  auto third = app::ImportTurn::Take(30ms);
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(third.error().details.at(0).field, "import.busy");
  {
    app::ImportTurn moved = std::move(*first);  // the turn goes with the move, not twice
  }
  auto again = app::ImportTurn::Take(10ms);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(app::ImportTurn::Take(10ms).ok());
  // A waiting import gets the turn as soon as one ends.
  std::thread waiter([&] { EXPECT_TRUE(app::ImportTurn::Take(2s).ok()); });
  std::this_thread::sleep_for(50ms);
  *second = app::ImportTurn();
  waiter.join();
  // Reading a file takes a turn and gives it back with the rows.
  *again = app::ImportTurn();
  {
    auto file = app::ReadImportFile("名称,数量\n消防,1\n", "csv");
    ASSERT_TRUE(file.ok());
    EXPECT_EQ(file->rows.size(), 2u);
    auto one = app::ImportTurn::Take(10ms);
    EXPECT_TRUE(one.ok());
    EXPECT_FALSE(app::ImportTurn::Take(10ms).ok());
  }
  EXPECT_TRUE(app::ImportTurn::Take(10ms).ok());
}

TEST(ImportCellTest, DatesAndInstantsFromAnyCell) {
  EXPECT_EQ(app::CellDate(Cell::Date("2026-11-20")), "2026-11-20");
  EXPECT_EQ(app::CellDate(Cell::DateTime("2026-11-20 23:30:00")), "2026-11-20");
  EXPECT_EQ(app::CellDate(Cell("2026/11/3")), "2026-11-03");
  EXPECT_EQ(app::CellDate(Cell("2026.1.3")), "2026-01-03");
  EXPECT_EQ(app::CellDate(Cell("2026年11月3日")), "2026-11-03");
  EXPECT_EQ(app::CellDate(Cell(" 2026-11-03 ")), "2026-11-03");
  EXPECT_FALSE(app::CellDate(Cell("2026-02-29")));
  EXPECT_FALSE(app::CellDate(Cell("2026-13-01")));
  EXPECT_FALSE(app::CellDate(Cell("2026/11-03")));
  EXPECT_FALSE(app::CellDate(Cell("46346")));
  EXPECT_FALSE(app::CellDate(Cell::Of(Cell::Type::kTime, "08:30:00")));
  EXPECT_FALSE(app::CellDate(Cell("2026-11-03x")));
  // China Standard Time to the stored UTC instant; a bare date is 09:00 that day.
  EXPECT_EQ(app::CellInstant(Cell::DateTime("2026-11-20 08:30:00")), "2026-11-20T00:30:00.000Z");
  EXPECT_EQ(app::CellInstant(Cell::DateTime("2026-11-20 07:59:59")), "2026-11-19T23:59:59.000Z");
  EXPECT_EQ(app::CellInstant(Cell("2026/11/20 8:30")), "2026-11-20T00:30:00.000Z");
  EXPECT_EQ(app::CellInstant(Cell::Date("2026-11-20")), "2026-11-20T01:00:00.000Z");
  EXPECT_EQ(app::CellInstant(Cell("2026-11-20T03:04:05.000Z")), "2026-11-20T03:04:05.000Z");
  EXPECT_FALSE(app::CellInstant(Cell("2026-11-20 24:00")));
  EXPECT_FALSE(app::CellInstant(Cell("2026-11-20 8")));
  EXPECT_FALSE(app::CellInstant(Cell("")));
}

}  // namespace
}  // namespace xiaoan::office
