#include <gtest/gtest.h>
#include <zip.h>

#include <string>
#include <utility>
#include <vector>

#include "office/table.hpp"

namespace xiaoan::office {
namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;
using Texts = std::vector<std::vector<std::string>>;

// The rows as text, to compare with what a reader should have seen whatever the cell types.
Texts TextsOf(const std::vector<Row>& rows) {
  Texts out;
  for (const auto& row : rows) {
    out.emplace_back();
    for (const auto& cell : row) out.back().push_back(cell.text);
  }
  return out;
}

// Builds a zip archive in memory with libzip, so malicious packages need no fixture files.
std::string MakeZip(const Entries& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  EXPECT_NE(source, nullptr);
  zip_t* zip = zip_open_from_source(source, ZIP_TRUNCATE, &error);
  EXPECT_NE(zip, nullptr);
  zip_source_keep(source);  // keep the written bytes after zip_close
  for (const auto& [name, data] : entries) {
    zip_source_t* file = zip_source_buffer(zip, data.data(), data.size(), 0);
    EXPECT_GE(zip_file_add(zip, name.c_str(), file, ZIP_FL_ENC_UTF_8), 0) << name;
  }
  EXPECT_EQ(zip_close(zip), 0);
  std::string out;
  EXPECT_EQ(zip_source_open(source), 0);
  char buffer[4096];
  for (zip_int64_t n; (n = zip_source_read(source, buffer, sizeof buffer)) > 0;) {
    out.append(buffer, static_cast<std::size_t>(n));
  }
  zip_source_close(source);
  zip_source_free(source);
  zip_error_fini(&error);
  return out;
}

// One entry of a zip held in memory, or "<missing>".
std::string ZipEntry(const std::string& bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (zip == nullptr) {
    zip_source_free(source);
    return "<not a zip>";
  }
  std::string out = "<missing>";
  if (zip_file_t* file = zip_fopen(zip, name.c_str(), 0)) {
    out.clear();
    char buffer[4096];
    for (zip_int64_t n; (n = zip_fread(file, buffer, sizeof buffer)) > 0;) {
      out.append(buffer, static_cast<std::size_t>(n));
    }
    zip_fclose(file);
  }
  zip_discard(zip);
  return out;
}

constexpr char kWorkbook[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>)";

constexpr char kWorkbookRels[] =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>)";

std::string SheetXml(const std::string& sheet_data) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         sheet_data + "</sheetData></worksheet>";
}

// A minimal hand-written package: just what a reader needs, like many non-Excel generators emit.
std::string MakeXlsx(const std::string& sheet_data, const std::string& shared_strings = {}) {
  Entries entries = {{"xl/workbook.xml", kWorkbook},
                     {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                     {"xl/worksheets/sheet1.xml", SheetXml(sheet_data)}};
  if (!shared_strings.empty()) {
    entries.emplace_back(
        "xl/sharedStrings.xml",
        R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
            shared_strings + "</sst>");
  }
  return MakeZip(entries);
}

void ExpectFileError(const Error& error, const std::string& message_part) {
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_NE(error.message.find(message_part), std::string::npos) << error.message;
  ASSERT_EQ(error.details.size(), 1u);
  EXPECT_EQ(error.details[0].field, "file");
}

// ---- the .xls child's answer -----------------------------------------------------------------

TEST(XlsChildAnswer, RowsOfEveryTypeAndErrorsGoThroughAndDamageIsRefused) {
  using T = Cell::Type;
  const std::vector<Row> rows = {
      {Cell::Of(T::kText, "消防\n通道"), Cell::Of(T::kNumber, "12"), Cell::Of(T::kBoolean, "TRUE"),
       Cell::Of(T::kDate, "2026-11-20"), Cell::Of(T::kTime, "08:30:00"),
       Cell::Of(T::kDateTime, "2026-11-20 08:30:00"), Cell()},
      {},
      {Cell("R1\nC2\nL3")}};
  const auto back = DecodeRows(EncodeRows(rows));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, rows);
  EXPECT_TRUE(DecodeRows("")->empty());
  const auto error = DecodeRows(EncodeRows(Result<std::vector<Row>>(
      Error{ErrorCode::kInvalidArgument, "行数超过上限", {{"file", "行数超过上限", 0}}})));
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.error().message, "行数超过上限");
  EXPECT_EQ(error.error().details.at(0).field, "file");
  const std::string good = EncodeRows(rows);
  for (const std::string& bad :
       {good.substr(0, good.size() - 1), std::string("R1\nC7\nL0\n"), std::string("R1\nC0\nL5\nab"),
        std::string("R\n"), std::string("X1\n"), std::string("R1x\n"), std::string("E3\nab"),
        good + "R"}) {
    const auto r = DecodeRows(bad);
    EXPECT_FALSE(r.ok()) << bad;
  }
}

// ---- xlsx ----------------------------------------------------------------------------------

TEST(XlsxTest, RoundTripKeepsTextExactly) {
  std::string chinese_long;
  for (int i = 0; i < 2000; ++i) chinese_long += "安全检查记录";
  const std::vector<Row> rows = {
      {"学号", "姓名", "班级", "备注"},
      {"0123", "张三", "", "消防通道畅通"},
      {"007", "李四", "三年级（2）班", chinese_long},
      {"12.0", "=SUM(A1:A2)", "+86 138 0000 0000", " 前后空格 "},
      {"第一行\r\n第二行", "tab\there", "_x0041_ 字面", "控制\x01字符"},
      {"", "", "", "only last"},
      {std::string("nul\0byte", 8), "\x7F", "_x005F_"},
  };
  const auto bytes = WriteXlsx({Sheet{"学生台账", rows}, Sheet{"第二页", {{"不读"}}}});
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  EXPECT_EQ(DetectFormat(*bytes), "xlsx");

  const auto read = ReadXlsx(*bytes);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(*read, rows);
}

TEST(XlsxTest, WriterStylesHeaderFreezesItAndFitsWidths) {
  const auto bytes = WriteXlsx({Sheet{"台账", {{"姓名", "code", ""}, {"张三丰", "A1", "x"}}},
                                Sheet{"台账", {{"a"}}}, Sheet{"a/b:c", {{"b"}}}});
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;

  const std::string workbook = ZipEntry(*bytes, "xl/workbook.xml");
  EXPECT_NE(workbook.find(R"(name="台账")"), std::string::npos) << workbook;
  EXPECT_NE(workbook.find(R"x(name="台账 (2)")x"), std::string::npos) << workbook;
  EXPECT_NE(workbook.find(R"(name="a_b_c")"), std::string::npos) << workbook;

  const std::string sheet = ZipEntry(*bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find(R"(state="frozen")"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find(R"(ySplit="1")"), std::string::npos) << sheet;
  // "张三丰" is 3 CJK characters = 6 units + 2 padding; "code" is 4 + 2 = 6 (the minimum).
  EXPECT_NE(sheet.find(R"(<col min="1" max="1" width="8.7109375")"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find(R"(<col min="2" max="2" width="6.7109375")"), std::string::npos) << sheet;
  // Every value is a shared string (t="s"), never a number.
  EXPECT_EQ(sheet.find("<c r=\"B2\" s=\"2\"><v>"), std::string::npos);
  EXPECT_NE(sheet.find(R"(t="s")"), std::string::npos);

  const std::string styles = ZipEntry(*bytes, "xl/styles.xml");
  EXPECT_NE(styles.find("<b/>"), std::string::npos) << styles;
  EXPECT_NE(styles.find(R"(rgb="FFDDEBF7")"), std::string::npos) << styles;
  EXPECT_NE(styles.find(R"(numFmtId="49")"), std::string::npos) << styles;  // "@" = text
}

TEST(XlsxTest, WriterRejectsBadInput) {
  EXPECT_FALSE(WriteXlsx({}).ok());
  const auto bad_utf8 = WriteXlsx({Sheet{"s", {{"ok", "\xC3\x28"}}}});
  ASSERT_FALSE(bad_utf8.ok());
  ExpectFileError(bad_utf8.error(), "B1");
  const auto too_long = WriteXlsx({Sheet{"s", {{std::string(32768, 'a')}}}});
  ASSERT_FALSE(too_long.ok());
  ExpectFileError(too_long.error(), "32767");
  // Exactly at the limit is fine, and CJK counts characters, not bytes.
  std::string cjk;
  for (int i = 0; i < 32767; ++i) cjk += "字";
  EXPECT_TRUE(WriteXlsx({Sheet{"s", {{cjk}}}}).ok());
}

TEST(XlsxTest, ReaderHonoursReferencesTypesAndRichText) {
  const std::string strings =
      R"(<si><t>姓名</t></si>)"
      R"(<si><r><rPr><b/></rPr><t xml:space="preserve">富 </t></r><r><t>文本</t></r>)"
      R"(<rPh sb="0" eb="1"><t>フリガナ</t></rPh></si>)"
      R"(<si><t>A_x000D_
B</t></si>)";
  const std::string data =
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>)"
      R"(<row r="2"><c r="A2" t="inlineStr"><is><t>内联</t></is></c><c r="B2" t="str"><f>A2</f><v>公式</v></c>)"
      R"(<c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="s"><v>2</v></c></row>)"
      R"(<row r="4"><c r="A4"><v>12.0</v></c><c r="B4" t="n"><v>1.2E1</v></c><c r="C4"><v>0.5</v></c>)"
      R"(<c r="D4"><v>-3</v></c><c r="E4"><v>13800138000</v></c><c r="F4" s="3"/></row>)"
      R"(<row><c><v>7</v></c><c><v>8</v></c></row>)"
      R"(<row r="9"><c r="A9" s="1"/><c r="B9" t="s"><v>0</v></c></row>)"
      R"(<row r="20"><c r="XFD20" s="1"/><c r="A20" t="str"><v></v></c></row>)";
  const auto read = ReadXlsx(MakeXlsx(data, strings));
  ASSERT_TRUE(read.ok()) << read.error().message;
  const Texts expected = {
      {"姓名", "", "富 文本"},
      {"内联", "公式", "TRUE", "", "A\r\nB"},
      {},
      {"12", "12", "0.5", "-3", "13800138000"},
      {"7", "8"},
      {},
      {},
      {},
      {"", "姓名"},
  };
  EXPECT_EQ(TextsOf(*read), expected);
  using T = Cell::Type;
  EXPECT_EQ(read->at(0).at(0).type, T::kText);
  EXPECT_EQ(read->at(0).at(1).type, T::kEmpty);
  EXPECT_EQ(read->at(1).at(1).type, T::kText);  // a formula's cached text
  EXPECT_EQ(read->at(1).at(2).type, T::kBoolean);
  EXPECT_EQ(read->at(1).at(3).type, T::kEmpty);  // #N/A
  EXPECT_EQ(read->at(3).at(0).type, T::kNumber);
  EXPECT_EQ(read->at(3).at(2).type, T::kNumber);
}

TEST(XlsxTest, ReaderFollowsWorkbookOrderAndAbsoluteTargets) {
  // The first sheet in workbook order is rId7 (an absolute target), not the one named sheet1.
  const std::string workbook =
      R"(<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets>)"
      R"(<x:sheet name="图表" sheetId="3" rel:id="rId3"/>)"
      R"(<x:sheet name="第一" sheetId="2" rel:id="rId7"/><x:sheet name="第二" sheetId="1" rel:id="rId1"/>)"
      R"(</x:sheets></x:workbook>)";
  const std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
      R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>)"
      R"(<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>)"
      R"(</Relationships>)";
  const std::string root_rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
      R"(</Relationships>)";
  const auto bytes = MakeZip(
      {{"_rels/.rels", root_rels},
       {"xl/workbook.xml", workbook},
       {"xl/_rels/workbook.xml.rels", rels},
       {"xl/chartsheets/sheet1.xml", "<chartsheet/>"},
       {"xl/worksheets/sheet1.xml",
        SheetXml(R"(<row><c t="inlineStr"><is><t>错</t></is></c></row>)")},
       {"xl/worksheets/data.xml",
        R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
        R"(<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>对</x:t></x:is></x:c></x:row>)"
        R"(</x:sheetData></x:worksheet>)"}});
  const auto read = ReadXlsx(bytes);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(*read, (std::vector<Row>{{}, {"", "对"}}));
}

TEST(XlsxTest, RefusesNonZipAndBrokenPackages) {
  std::string random;
  unsigned state = 12345;
  for (int i = 0; i < 4096; ++i) {
    state = state * 1103515245u + 12345u;
    random += static_cast<char>(state >> 16);
  }
  random[0] = 'Z';  // make sure the prefix is not accidentally a zip signature
  const auto not_zip = ReadXlsx(random);
  ASSERT_FALSE(not_zip.ok());
  ExpectFileError(not_zip.error(), "文件不是有效的 Excel 文件");

  const auto truncated = ReadXlsx(std::string("PK\x03\x04", 4) + random);
  ASSERT_FALSE(truncated.ok());
  ExpectFileError(truncated.error(), "文件不是有效的 Excel 文件");

  const auto half = MakeXlsx(R"(<row><c><v>1</v></c></row>)");
  const auto cut = ReadXlsx(half.substr(0, half.size() / 2));
  ASSERT_FALSE(cut.ok());
  ExpectFileError(cut.error(), "文件不是有效的 Excel 文件");

  const auto empty_zip = ReadXlsx(MakeZip({{"hello.txt", "hi"}}));
  ASSERT_FALSE(empty_zip.ok());
  ExpectFileError(empty_zip.error(), "xl/workbook.xml");

  const auto bad_xml = ReadXlsx(MakeXlsx(R"(<row><c><v>1</v></row>)"));
  ASSERT_FALSE(bad_xml.ok());
  ExpectFileError(bad_xml.error(), "XML");

  const auto bad_index =
      ReadXlsx(MakeXlsx(R"(<row><c t="s"><v>5</v></c></row>)", "<si><t>a</t></si>"));
  ASSERT_FALSE(bad_index.ok());
  ExpectFileError(bad_index.error(), "共享字符串");

  const auto bad_ref = ReadXlsx(MakeXlsx(R"(<row><c r="AAAA1"><v>1</v></c></row>)"));
  ASSERT_FALSE(bad_ref.ok());
  ExpectFileError(bad_ref.error(), "AAAA1");
}

TEST(XlsxTest, RefusesTooManyEntries) {
  Entries entries;
  for (int i = 0; i < 1001; ++i) entries.emplace_back("junk/" + std::to_string(i) + ".xml", "<a/>");
  const auto read = ReadXlsx(MakeZip(entries));
  ASSERT_FALSE(read.ok());
  ExpectFileError(read.error(), "条目过多");

  entries.resize(1000);
  const auto at_limit = ReadXlsx(MakeZip(entries));
  ASSERT_FALSE(at_limit.ok());  // still no workbook, but refused for that reason, not the count
  EXPECT_EQ(at_limit.error().message.find("条目过多"), std::string::npos);
}

TEST(XlsxTest, RefusesZipBombByDeclaredSize) {
  // 20 MB of spaces deflates to about 20 KB; the declared size alone must stop it.
  const std::string bomb = MakeXlsx("<row><c><v>1</v></c></row>" + std::string(20 << 20, ' '));
  ASSERT_LT(bomb.size(), 1u << 20);
  ReadLimits limits;
  limits.max_uncompressed = 10 << 20;
  const auto read = ReadXlsx(bomb, limits);
  ASSERT_FALSE(read.ok());
  ExpectFileError(read.error(), "解压后超过大小上限");
  EXPECT_TRUE(ReadXlsx(bomb).ok());  // the default 200 MB allows it
}

TEST(XlsxTest, RefusesEntryLongerThanDeclared) {
  // Shrink the declared uncompressed size of the (stored) sheet entry in both the local header and
  // the central directory; the reader must stop at the declared size instead of trusting the data.
  std::string bytes = MakeXlsx("<row><c><v>1</v></c></row>" + std::string(1000, ' '));
  const std::string name = "xl/worksheets/sheet1.xml";
  std::size_t patched = 0;
  for (std::size_t pos = bytes.find(name); pos != std::string::npos;
       pos = bytes.find(name, pos + 1)) {
    const bool central = bytes.compare(pos - 46, 4, "PK\x01\x02", 4) == 0;
    const bool local = bytes.compare(pos - 30, 4, "PK\x03\x04", 4) == 0;
    const std::size_t size_field = central ? pos - 46 + 24 : local ? pos - 30 + 22 : 0;
    if (size_field == 0) continue;
    bytes[size_field] = 10;
    bytes[size_field + 1] = bytes[size_field + 2] = bytes[size_field + 3] = 0;
    ++patched;
  }
  ASSERT_EQ(patched, 2u);
  const auto read = ReadXlsx(bytes);
  ASSERT_FALSE(read.ok());
  ExpectFileError(read.error(), "文件不是有效的 Excel 文件");
}

TEST(XlsxTest, RefusesDoctypeEntitiesAndXxe) {
  const std::string laughs =
      R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">)"
      R"(<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">)"
      R"(<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>)"
      R"(<sst><si><t>&lol2;</t></si></sst>)";
  const auto bomb = ReadXlsx(MakeZip({{"xl/workbook.xml", kWorkbook},
                                      {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                                      {"xl/sharedStrings.xml", laughs},
                                      {"xl/worksheets/sheet1.xml", SheetXml("")}}));
  ASSERT_FALSE(bomb.ok());
  ExpectFileError(bomb.error(), "DOCTYPE");

  const std::string xxe =
      R"(<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)"
      R"(<worksheet><sheetData><row><c t="str"><v>&xxe;</v></c></row></sheetData></worksheet>)";
  const auto leak = ReadXlsx(MakeZip({{"xl/workbook.xml", kWorkbook},
                                      {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                                      {"xl/worksheets/sheet1.xml", xxe}}));
  ASSERT_FALSE(leak.ok());
  ExpectFileError(leak.error(), "DOCTYPE");

  // A bare DOCTYPE without entities in the workbook part is refused as well.
  const auto doctype = ReadXlsx(
      MakeZip({{"xl/workbook.xml",
                "<!DOCTYPE workbook>" +
                    std::string(kWorkbook).substr(std::string_view(kWorkbook).find("<workbook"))},
               {"xl/_rels/workbook.xml.rels", kWorkbookRels},
               {"xl/worksheets/sheet1.xml", SheetXml("")}}));
  ASSERT_FALSE(doctype.ok());
  ExpectFileError(doctype.error(), "DOCTYPE");
}

TEST(XlsxTest, EnforcesSizeRowAndColumnLimits) {
  const auto bytes = WriteXlsx({Sheet{"s", {{"a", "b", "c"}, {"1", "2", "3"}, {"4", "5", "6"}}}});
  ASSERT_TRUE(bytes.ok());

  ReadLimits small;
  small.max_bytes = bytes->size() - 1;
  const auto too_big = ReadXlsx(*bytes, small);
  ASSERT_FALSE(too_big.ok());
  ExpectFileError(too_big.error(), "文件超过大小上限");

  ReadLimits rows;
  rows.max_rows = 2;
  const auto too_many_rows = ReadXlsx(*bytes, rows);
  ASSERT_FALSE(too_many_rows.ok());
  ExpectFileError(too_many_rows.error(), "行数超过上限");
  rows.max_rows = 3;
  EXPECT_TRUE(ReadXlsx(*bytes, rows).ok());

  ReadLimits columns;
  columns.max_columns = 2;
  const auto too_many_columns = ReadXlsx(*bytes, columns);
  ASSERT_FALSE(too_many_columns.ok());
  ExpectFileError(too_many_columns.error(), "列数超过上限");

  // Styled but empty cells far out (as Excel leaves them) do not count against the limits.
  const auto styled =
      ReadXlsx(MakeXlsx(R"(<row r="1"><c r="A1"><v>1</v></c><c r="ZZ1" s="1"/></row>)"
                        R"(<row r="1048576"><c r="A1048576" s="1"/></row>)"),
               columns);
  ASSERT_TRUE(styled.ok()) << styled.error().message;
  EXPECT_EQ(TextsOf(*styled), (Texts{{"1"}}));
}

// ---- CSV -----------------------------------------------------------------------------------

TEST(CsvTest, WritesBomCrlfQuotesAndInjectionGuard) {
  const std::string csv = WriteCsv({{"姓名", "备注"},
                                    {"张三", "含,逗号"},
                                    {"say \"hi\"", "两\n行"},
                                    {"=1+1", "+86 138"},
                                    {"-5", "@SUM(A1)"},
                                    {"=a,b", ""},
                                    {"a=b", "0123"}});
  EXPECT_EQ(csv,
            "\xEF\xBB\xBF"
            "姓名,备注\r\n"
            "张三,\"含,逗号\"\r\n"
            "\"say \"\"hi\"\"\",\"两\n行\"\r\n"
            "'=1+1,'+86 138\r\n"
            "'-5,'@SUM(A1)\r\n"
            "\"'=a,b\",\r\n"
            "a=b,0123\r\n");
}

TEST(CsvTest, RoundTrip) {
  const std::vector<Row> rows = {{"学号", "姓名", "备注"},
                                 {"0123", "张三", "多行\r\n文本"},
                                 {"=HYPERLINK(\"x\")", "", "-1"},
                                 {"'already quoted", "a\"b", ""}};
  const auto read = ReadCsv(WriteCsv(rows));
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(*read, rows);
}

TEST(CsvTest, ReadsLfQuotesAndBlankLines) {
  const auto read = ReadCsv("a,\"b\"\"c\",\"d\ne\"\n\n1,,3\n\"x\"y,z\n\n\n");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(*read, (std::vector<Row>{{"a", "b\"c", "d\ne"}, {}, {"1", "", "3"}, {"xy", "z"}}));

  const auto no_final_newline = ReadCsv("\xEF\xBB\xBF\xE5\xA7\x93\xE5\x90\x8D,x\r\n1,");
  ASSERT_TRUE(no_final_newline.ok());
  EXPECT_EQ(*no_final_newline, (std::vector<Row>{{"姓名", "x"}, {"1", ""}}));

  const auto empty = ReadCsv("");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST(CsvTest, ReadsGbkAndRefusesTextInNoKnownEncodingNamingTheLine) {
  // "张三" in GBK, as Excel's plain "CSV" export writes it on Chinese Windows.
  const auto gbk = ReadCsv("name,class\r\n\xD5\xC5\xC8\xFD,1\r\n");
  ASSERT_TRUE(gbk.ok()) << gbk.error().message;
  EXPECT_EQ(TextsOf(*gbk), (Texts{{"name", "class"}, {"张三", "1"}}));

  // After a UTF-8 BOM, a bad byte is damage, not another encoding.
  const auto damaged = ReadCsv(
      "\xEF\xBB\xBF"
      "a\n\xD5\xC5");
  ASSERT_FALSE(damaged.ok());
  ExpectFileError(damaged.error(), "UTF-8");
  ExpectFileError(damaged.error(), "第 2 行");
  // 0xFF is neither UTF-8 nor GB18030; nor is a GBK lead byte cut off at the end.
  const auto quoted = ReadCsv("a\n\"x\ny\"\n\xFF");
  ASSERT_FALSE(quoted.ok());
  ExpectFileError(quoted.error(), "第 4 行");
  ExpectFileError(quoted.error(), "GBK");
  EXPECT_FALSE(ReadCsv("a\n\xD5").ok());
  EXPECT_FALSE(ReadCsv("\xD5\x7F").ok());

  const auto xls = ReadCsv(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest");
  ASSERT_FALSE(xls.ok());
  ExpectFileError(xls.error(), ".xls");
}

TEST(CsvTest, EnforcesLimitsAndRefusesUnclosedQuote) {
  ReadLimits limits;
  limits.max_bytes = 10;
  const auto big = ReadCsv("0123456789,", limits);
  ASSERT_FALSE(big.ok());
  ExpectFileError(big.error(), "文件超过大小上限");

  limits = {};
  limits.max_rows = 2;
  EXPECT_TRUE(ReadCsv("a\nb\n\n\n", limits).ok());  // trailing blank lines are not rows
  const auto rows = ReadCsv("a\nb\nc\n", limits);
  ASSERT_FALSE(rows.ok());
  ExpectFileError(rows.error(), "行数超过上限");

  limits = {};
  limits.max_columns = 3;
  EXPECT_TRUE(ReadCsv("a,b,c\n", limits).ok());
  const auto columns = ReadCsv("a,b,c\n1,2,3,4\n", limits);
  ASSERT_FALSE(columns.ok());
  ExpectFileError(columns.error(), "第 2 行的列数超过上限");

  const auto unclosed = ReadCsv("a,b\n\"open,c\nd\n");
  ASSERT_FALSE(unclosed.ok());
  ExpectFileError(unclosed.error(), "第 2 行的引号没有闭合");
}

TEST(DetectFormatTest, LooksAtContentOnly) {
  EXPECT_EQ(DetectFormat(std::string("PK\x03\x04rest", 8)), "xlsx");
  EXPECT_EQ(DetectFormat("PK"), "csv");
  EXPECT_EQ(DetectFormat(""), "csv");
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBFname,class"), "csv");
  EXPECT_EQ(DetectFormat(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "x"), "xls");
  EXPECT_EQ(DetectFormat(std::string("\xD0\xCF\x11\xE0", 4)), "csv");
}

}  // namespace
}  // namespace xiaoan::office
