// Reads untrusted .xlsx uploads. The zip is opened from memory and its declared sizes are checked
// against the limits before any entry is decompressed; every XML part is streamed through expat
// with DOCTYPE and entity declarations refused, which rules out billion-laughs and XXE.
#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/strings.hpp"
#include "office/internal.hpp"
#include "office/table.hpp"

namespace xiaoan::office {
namespace {

using internal::FileError;

constexpr std::size_t kChunkSize = 64 * 1024;
constexpr std::size_t kExcelMaxRows = 1048576;
constexpr std::size_t kExcelMaxColumns = 16384;

Error NotExcel(std::string_view why = {}) {
  std::string message = "文件不是有效的 Excel 文件";
  if (!why.empty()) message += "（" + std::string(why) + "）";
  return FileError(std::move(message));
}

Error UnsafeXml() {
  return FileError(
      "文件不是有效的 Excel 文件：包含不安全的 XML 内容（DOCTYPE 或实体声明），已拒绝读取");
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Element and attribute names without their namespace prefix: generators differ in prefixes
// ("x:row", "r:id") but not in local names.
std::string_view LocalName(std::string_view name) {
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

const char* FindAttr(const char** attrs, std::string_view local_name) {
  for (std::size_t i = 0; attrs[i] != nullptr; i += 2) {
    if (LocalName(attrs[i]) == local_name) return attrs[i + 1];
  }
  return nullptr;
}

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::optional<char32_t> OoxmlEscapeAt(std::string_view s, std::size_t i) {
  if (s.size() - i < 7 || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return std::nullopt;
  char32_t value = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    if (!IsHex(s[k])) return std::nullopt;
    const char c = s[k];
    value = value * 16 + static_cast<char32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return value;
}

// Excel stores characters XML cannot carry (CR, control characters, a literal "_x" sequence as
// _x005F_) as "_xHHHH_" escapes in string text.
std::string DecodeOoxmlEscapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::optional<char32_t> cp = OoxmlEscapeAt(s, i);
    std::size_t len = 7;
    if (cp && *cp >= 0xD800 && *cp <= 0xDBFF) {  // UTF-16 pair written as two escapes
      const std::optional<char32_t> low = OoxmlEscapeAt(s, i + 7);
      if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
        cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
        len = 14;
      } else {
        cp.reset();
      }
    } else if (cp && *cp >= 0xDC00 && *cp <= 0xDFFF) {
      cp.reset();  // a lone low surrogate is no character; keep the text as written
    }
    if (cp) {
      internal::AppendUtf8(out, *cp);
      i += len;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// Number cells keep the text Excel stored, except that integer values lose their fraction or
// exponent ("12.0", "1.2E1" -> "12"), which is how they display and how codes are compared.
std::string NormalizeNumber(std::string_view text) {
  text = Trim(text);
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  // Beyond 1e15 doubles no longer hold every integer exactly, so keep what Excel wrote.
  if (ec == std::errc{} && ptr == end && std::isfinite(value) && value == std::trunc(value) &&
      std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  return std::string(text);
}

std::optional<std::size_t> ParseIndex(std::string_view text) {
  text = Trim(text);
  std::size_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end || text.empty()) return std::nullopt;
  return value;
}

struct CellRef {
  std::size_t col = 0;  // 1-based
  std::size_t row = 0;  // 1-based, 0 when the reference has no row part
};

// "C5" -> column 3, row 5; bounded by Excel's grid so later arithmetic cannot overflow.
std::optional<CellRef> ParseCellRef(std::string_view ref) {
  CellRef out;
  std::size_t i = 0;
  for (; i < ref.size() && i < 4; ++i) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    out.col = out.col * 26 + static_cast<std::size_t>(c - 'A' + 1);
  }
  if (i == 0 || out.col > kExcelMaxColumns) return std::nullopt;
  if (i < ref.size()) {
    const std::optional<std::size_t> row = ParseIndex(ref.substr(i));
    if (!row || *row == 0 || *row > kExcelMaxRows || !IsAllDigits(ref.substr(i))) {
      return std::nullopt;
    }
    out.row = *row;
  }
  return out;
}

// Resolves a relationship target against the folder of the part that owns it ("xl/"); absolute
// targets start at the package root. nullopt when ".." climbs out of the package.
std::optional<std::string> ResolveTarget(std::string_view base_dir, std::string_view target) {
  std::string joined = !target.empty() && target.front() == '/'
                           ? std::string(target.substr(1))
                           : std::string(base_dir) + std::string(target);
  std::vector<std::string> parts;
  for (std::string& part : Split(joined, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
      continue;
    }
    parts.push_back(std::move(part));
  }
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

std::string DirOf(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

// "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"
std::string RelsPathOf(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::size_t name_start = slash == std::string_view::npos ? 0 : slash + 1;
  return DirOf(path) + "_rels/" + std::string(path.substr(name_start)) + ".rels";
}

// ---- Streaming XML --------------------------------------------------------------------------

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void OnStart(std::string_view name, const char** attrs) = 0;
  virtual void OnEnd(std::string_view name) = 0;
  virtual void OnText(std::string_view /*text*/) {}

  // Keeps the first failure and stops expat; later callbacks are ignored (expat may still deliver
  // a few from the current buffer).
  void Fail(Error error) {
    if (!error_) error_ = std::move(error);
    if (parser_ != nullptr) XML_StopParser(parser_, XML_FALSE);
  }
  bool failed() const { return error_.has_value(); }
  std::optional<Error>& error() { return error_; }
  void set_parser(XML_Parser parser) { parser_ = parser; }

 private:
  XML_Parser parser_ = nullptr;
  std::optional<Error> error_;
};

void XMLCALL OnStartElement(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* handler = static_cast<XmlHandler*>(data);
  if (!handler->failed()) handler->OnStart(LocalName(name), attrs);
}

void XMLCALL OnEndElement(void* data, const XML_Char* name) {
  auto* handler = static_cast<XmlHandler*>(data);
  if (!handler->failed()) handler->OnEnd(LocalName(name));
}

void XMLCALL OnCharacterData(void* data, const XML_Char* text, int len) {
  auto* handler = static_cast<XmlHandler*>(data);
  if (!handler->failed()) handler->OnText(std::string_view(text, static_cast<std::size_t>(len)));
}

// No legitimate OOXML part has a DOCTYPE; refusing it outright blocks entity expansion bombs and
// external entities (XXE) regardless of expat's own protections.
void XMLCALL OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  static_cast<XmlHandler*>(data)->Fail(UnsafeXml());
}

void XMLCALL OnEntityDecl(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                          const XML_Char*, const XML_Char*, const XML_Char*) {
  static_cast<XmlHandler*>(data)->Fail(UnsafeXml());
}

struct ZipDiscard {
  void operator()(zip_t* zip) const { zip_discard(zip); }
};
struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
struct XmlParserFree {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

class ZipPackage {
 public:
  static Result<ZipPackage> Open(std::string_view bytes, const ReadLimits& limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
      zip_error_fini(&error);
      return Internal("无法读取上传的文件");
    }
    zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (zip == nullptr) {
      zip_source_free(source);  // only owned by the archive once opening succeeded
      return NotExcel();
    }
    ZipPackage package;
    package.zip_.reset(zip);

    const zip_int64_t count = zip_get_num_entries(zip, 0);
    if (count < 0) return NotExcel();
    if (static_cast<std::uint64_t>(count) > limits.max_entries) {
      return FileError("文件不是有效的 Excel 文件：压缩包内条目过多（最多 " +
                       std::to_string(limits.max_entries) + " 个）");
    }
    // The declared sizes are all checked before anything is decompressed; reading later never
    // goes past them, so the sum also bounds the work done.
    std::uint64_t total = 0;
    package.sizes_.resize(static_cast<std::size_t>(count));
    for (zip_int64_t i = 0; i < count; ++i) {
      zip_stat_t stat;
      zip_stat_init(&stat);
      if (zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &stat) != 0 ||
          (stat.valid & ZIP_STAT_SIZE) == 0) {
        return NotExcel();
      }
      if (stat.size > limits.max_uncompressed || total + stat.size > limits.max_uncompressed) {
        return FileError("文件解压后超过大小上限（最大 " +
                         internal::FormatSize(limits.max_uncompressed) + "）");
      }
      total += stat.size;
      package.sizes_[static_cast<std::size_t>(i)] = stat.size;
    }
    return package;
  }

  // Part names are case-insensitive in OPC packages.
  std::optional<zip_uint64_t> Find(const std::string& name) const {
    const zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    return static_cast<zip_uint64_t>(index);
  }

  // Streams one entry through expat in chunks, never reading more than its declared size.
  Status Parse(zip_uint64_t index, std::string_view name, XmlHandler& handler) const {
    std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen_index(zip_.get(), index, 0));
    if (!file) return NotExcel(std::string(name) + " 无法解压");
    std::unique_ptr<XML_ParserStruct, XmlParserFree> parser(XML_ParserCreate(nullptr));
    if (!parser) return Internal("无法创建 XML 解析器");
    XML_Parser p = parser.get();
    XML_SetUserData(p, &handler);
    XML_SetElementHandler(p, OnStartElement, OnEndElement);
    XML_SetCharacterDataHandler(p, OnCharacterData);
    XML_SetStartDoctypeDeclHandler(p, OnDoctype);
    XML_SetEntityDeclHandler(p, OnEntityDecl);
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
    handler.set_parser(p);

    const std::uint64_t declared = sizes_[index];
    std::uint64_t read = 0;
    std::vector<char> buffer(kChunkSize);
    bool done = false;
    while (!done) {
      // Ask for one byte more than may remain so an entry longer than declared is noticed.
      const std::uint64_t left = declared - read;
      const std::uint64_t want = left >= kChunkSize ? kChunkSize : left + 1;
      const zip_int64_t got = zip_fread(file.get(), buffer.data(), want);
      if (got < 0) return NotExcel(std::string(name) + " 已损坏");
      read += static_cast<std::uint64_t>(got);
      if (read > declared) return NotExcel(std::string(name) + " 的实际大小与声明不符");
      done = got == 0;
      if (XML_Parse(p, buffer.data(), static_cast<int>(got), done ? XML_TRUE : XML_FALSE) !=
          XML_STATUS_OK) {
        if (handler.failed()) return std::move(*handler.error());
        return NotExcel(std::string(name) + " 第 " + std::to_string(XML_GetCurrentLineNumber(p)) +
                        " 行 XML 格式错误");
      }
      if (handler.failed()) return std::move(*handler.error());
    }
    return {};
  }

  Status Parse(const std::string& name, XmlHandler& handler) const {
    const std::optional<zip_uint64_t> index = Find(name);
    if (!index) return NotExcel("缺少 " + name);
    return Parse(*index, name, handler);
  }

 private:
  std::unique_ptr<zip_t, ZipDiscard> zip_;
  std::vector<std::uint64_t> sizes_;
};

// ---- Package parts ---------------------------------------------------------------------------

struct Relationship {
  std::string type;
  std::string target;
  bool external = false;
};

class RelsHandler : public XmlHandler {
 public:
  void OnStart(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = FindAttr(attrs, "Id");
    const char* target = FindAttr(attrs, "Target");
    if (id == nullptr || target == nullptr) return;
    const char* type = FindAttr(attrs, "Type");
    const char* mode = FindAttr(attrs, "TargetMode");
    rels_.emplace(id, Relationship{type ? type : "", target,
                                   mode != nullptr && std::string_view(mode) == "External"});
  }
  void OnEnd(std::string_view) override {}

  std::unordered_map<std::string, Relationship> rels_;
};

class WorkbookHandler : public XmlHandler {
 public:
  void OnStart(std::string_view name, const char** attrs) override {
    if (name == "workbookPr") {
      const char* v = FindAttr(attrs, "date1904");
      date1904_ = v != nullptr && (std::string_view(v) == "1" || std::string_view(v) == "true");
    }
    if (name == "sheets") in_sheets_ = true;
    if (name != "sheet" || !in_sheets_) return;
    const char* id = FindAttr(attrs, "id");  // r:id
    if (id != nullptr) sheet_ids_.emplace_back(id);
  }
  void OnEnd(std::string_view name) override {
    if (name == "sheets") in_sheets_ = false;
  }

  bool in_sheets_ = false;
  bool date1904_ = false;
  std::vector<std::string> sheet_ids_;  // in workbook order
};

// xl/styles.xml: what each cell format (the s attribute of a cell indexes cellXfs) shows a
// number as, from its built-in format id or its custom format code.
class StylesHandler : public XmlHandler {
 public:
  void OnStart(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const char* id = FindAttr(attrs, "numFmtId");
      const char* code = FindAttr(attrs, "formatCode");
      if (id != nullptr && code != nullptr) {
        if (auto n = ParseIndex(id)) custom_[*n] = internal::CustomFormatKind(code);
      }
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = FindAttr(attrs, "numFmtId");
      const std::optional<std::size_t> n =
          id != nullptr ? ParseIndex(id) : std::optional<std::size_t>(0);
      internal::DateKind kind = internal::DateKind::kNone;
      if (n) {
        const auto it = custom_.find(*n);
        kind = it != custom_.end()
                   ? it->second
                   : internal::BuiltinFormatKind(static_cast<int>(std::min<std::size_t>(*n, 1000)));
      }
      kinds_.push_back(kind);
    }
  }
  void OnEnd(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }

  std::vector<internal::DateKind> kinds_;  // by cell format index

 private:
  bool in_cell_xfs_ = false;
  std::unordered_map<std::size_t, internal::DateKind> custom_;
};

// All strings in one buffer: a file of many tiny <si/> would otherwise cost a std::string each.
class SharedStrings {
 public:
  void Add(std::string_view text) {
    pool_ += text;
    ends_.push_back(pool_.size());
  }
  std::size_t size() const { return ends_.size(); }
  std::string_view Get(std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(pool_).substr(begin, ends_[i] - begin);
  }

 private:
  std::string pool_;
  std::vector<std::size_t> ends_;
};

// Tracks where text belongs inside <si> / <is>: every <t> counts (rich text runs are
// concatenated) except those under <rPh>, which hold phonetic guides, not cell text.
class StringItemText {
 public:
  void Start(std::string_view name) {
    if (name == "t") {
      in_t_ = true;
    } else if (name == "rPh") {
      ++rph_depth_;
    }
  }
  void End(std::string_view name) {
    if (name == "t") {
      in_t_ = false;
    } else if (name == "rPh" && rph_depth_ > 0) {
      --rph_depth_;
    }
  }
  void Text(std::string_view text) {
    if (in_t_ && rph_depth_ == 0) text_ += text;
  }
  std::string Take() {
    std::string out = DecodeOoxmlEscapes(text_);
    text_.clear();
    in_t_ = false;
    rph_depth_ = 0;
    return out;
  }

 private:
  std::string text_;
  bool in_t_ = false;
  int rph_depth_ = 0;
};

class SharedStringsHandler : public XmlHandler {
 public:
  explicit SharedStringsHandler(SharedStrings& out) : out_(out) {}
  void OnStart(std::string_view name, const char**) override {
    if (name == "si") {
      in_si_ = true;
    } else if (in_si_) {
      item_.Start(name);
    }
  }
  void OnEnd(std::string_view name) override {
    if (name == "si") {
      in_si_ = false;
      out_.Add(item_.Take());
    } else if (in_si_) {
      item_.End(name);
    }
  }
  void OnText(std::string_view text) override {
    if (in_si_) item_.Text(text);
  }

 private:
  SharedStrings& out_;
  StringItemText item_;
  bool in_si_ = false;
};

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const SharedStrings& strings, const std::vector<internal::DateKind>& formats,
               bool date1904, const ReadLimits& limits)
      : strings_(strings), formats_(formats), date1904_(date1904), limits_(limits) {}

  void OnStart(std::string_view name, const char** attrs) override {
    if (name == "sheetData") {
      in_sheet_data_ = true;
      return;
    }
    if (!in_sheet_data_) return;
    if (name == "row") {
      if (const char* r = FindAttr(attrs, "r")) {
        const std::optional<std::size_t> row = ParseIndex(r);
        if (!row || *row == 0 || *row > kExcelMaxRows) return Fail(NotExcel("行号无效"));
        row_ = *row;
      } else {
        ++row_;  // rows without r follow the previous one
      }
      col_ = 0;
      return;
    }
    if (name == "c") {
      StartCell(attrs);
      return;
    }
    if (!in_cell_) return;
    if (name == "v") {
      in_v_ = true;
    } else if (name == "is") {
      in_is_ = true;
      has_is_ = true;
    } else if (in_is_) {
      inline_text_.Start(name);
    }
  }

  void OnEnd(std::string_view name) override {
    if (name == "sheetData") {
      in_sheet_data_ = false;
    } else if (name == "c") {
      if (in_cell_) EndCell();
      in_cell_ = false;
    } else if (name == "v") {
      in_v_ = false;
    } else if (name == "is") {
      in_is_ = false;
    } else if (in_is_) {
      inline_text_.End(name);
    }
  }

  void OnText(std::string_view text) override {
    if (!in_cell_) return;
    if (in_v_) {
      value_ += text;
    } else if (in_is_) {
      inline_text_.Text(text);
    }
  }

  std::vector<Row> TakeRows() { return std::move(rows_); }

 private:
  void StartCell(const char** attrs) {
    in_cell_ = true;
    in_v_ = in_is_ = has_is_ = false;
    value_.clear();
    inline_text_.Take();
    const char* type = FindAttr(attrs, "t");
    type_ = type != nullptr ? type : "";
    const char* style = FindAttr(attrs, "s");
    const std::optional<std::size_t> format = style != nullptr ? ParseIndex(style) : std::nullopt;
    date_kind_ =
        format && *format < formats_.size() ? formats_[*format] : internal::DateKind::kNone;
    if (const char* r = FindAttr(attrs, "r")) {
      const std::optional<CellRef> ref = ParseCellRef(r);
      if (!ref) return Fail(NotExcel(std::string("单元格引用 ") + r + " 无效"));
      col_ = ref->col;
      if (ref->row != 0) row_ = ref->row;
    } else {
      ++col_;  // cells without r follow the previous one
    }
    if (row_ == 0) row_ = 1;
  }

  void EndCell() {
    Cell cell;
    if (type_ == "s") {
      const std::optional<std::size_t> index = ParseIndex(value_);
      if (!index || *index >= strings_.size()) return Fail(NotExcel("共享字符串索引无效"));
      cell = Cell::Of(Cell::Type::kText, std::string(strings_.Get(*index)));
    } else if (type_ == "inlineStr" || (type_.empty() && has_is_)) {
      cell = Cell::Of(Cell::Type::kText, inline_text_.Take());
    } else if (type_ == "str") {
      cell = Cell::Of(Cell::Type::kText, DecodeOoxmlEscapes(value_));
    } else if (type_ == "b") {
      cell = Cell::Of(Cell::Type::kBoolean, value_ == "1"   ? "TRUE"
                                            : value_ == "0" ? "FALSE"
                                                            : value_);
    } else if (type_ == "e") {
      // #N/A, #DIV/0! and friends carry no data worth importing.
    } else if (type_ == "n" || type_.empty()) {
      cell = NumberCell(value_);
    } else if (type_ == "d") {
      cell = IsoDateCell(value_);
    } else {
      cell = Cell::Of(Cell::Type::kText, value_);  // unknown types keep their text
    }
    if (cell.empty()) return;  // empty cells never grow the table, so trailing rows vanish
    // Limits are checked only for cells with content: Excel often leaves styled but empty cells
    // far to the right or bottom, and those must not make a normal file fail.
    if (row_ > limits_.max_rows) {
      return Fail(FileError("行数超过上限（最多 " + std::to_string(limits_.max_rows) + " 行）"));
    }
    if (col_ > limits_.max_columns) {
      return Fail(FileError("第 " + std::to_string(row_) + " 行的列数超过上限（最多 " +
                            std::to_string(limits_.max_columns) + " 列）"));
    }
    if (rows_.size() < row_) rows_.resize(row_);
    Row& row = rows_[row_ - 1];
    if (row.size() < col_) row.resize(col_);
    row[col_ - 1] = std::move(cell);
  }

  // A number, or the date or time its cell format shows.
  Cell NumberCell(std::string_view value) const {
    if (date_kind_ != internal::DateKind::kNone) {
      double serial = 0;
      const std::string_view v = Trim(value);
      const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), serial);
      if (ec == std::errc{} && ptr == v.data() + v.size()) {
        if (auto date = internal::CellFromSerial(serial, date_kind_, date1904_)) return *date;
      }
    }
    return Cell::Of(Cell::Type::kNumber, NormalizeNumber(value));
  }

  // t="d": an ISO 8601 date or date-time as text ("2026-11-20", "2026-11-20T08:30:00Z").
  static Cell IsoDateCell(std::string_view value) {
    value = Trim(value);
    if (value.size() == 10) return Cell::Of(Cell::Type::kDate, std::string(value));
    if (value.size() >= 19 && value[10] == 'T') {
      return Cell::Of(Cell::Type::kDateTime,
                      std::string(value.substr(0, 10)) + " " + std::string(value.substr(11, 8)));
    }
    return Cell::Of(Cell::Type::kText, std::string(value));
  }

  const SharedStrings& strings_;
  const std::vector<internal::DateKind>& formats_;
  bool date1904_ = false;
  const ReadLimits& limits_;
  std::vector<Row> rows_;
  internal::DateKind date_kind_ = internal::DateKind::kNone;
  bool in_sheet_data_ = false;
  bool in_cell_ = false;
  bool in_v_ = false;
  bool in_is_ = false;
  bool has_is_ = false;
  std::size_t row_ = 0;  // 1-based, 0 before the first row
  std::size_t col_ = 0;  // 1-based, 0 before the first cell of a row
  std::string type_;
  std::string value_;
  StringItemText inline_text_;
};

Result<std::unordered_map<std::string, Relationship>> ReadRels(const ZipPackage& package,
                                                               const std::string& path) {
  RelsHandler handler;
  XA_TRY(package.Parse(path, handler));
  return std::move(handler.rels_);
}

}  // namespace

Result<std::vector<Row>> ReadXlsx(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return FileError("文件超过大小上限（最大 " + internal::FormatSize(limits.max_bytes) + "）");
  }
  if (DetectFormat(bytes) != "xlsx") return NotExcel();
  XA_ASSIGN_OR_RETURN(const ZipPackage package, ZipPackage::Open(bytes, limits));

  // The package's root relationships name the workbook part; xl/workbook.xml is the usual place
  // and the fallback when a generator left them out.
  std::string workbook_path = "xl/workbook.xml";
  if (package.Find("_rels/.rels")) {
    XA_ASSIGN_OR_RETURN(const auto root_rels, ReadRels(package, "_rels/.rels"));
    for (const auto& [id, rel] : root_rels) {
      if (!rel.external && EndsWith(rel.type, "/officeDocument")) {
        if (auto path = ResolveTarget("", rel.target)) workbook_path = *path;
      }
    }
  }
  WorkbookHandler workbook;
  XA_TRY(package.Parse(workbook_path, workbook));
  XA_ASSIGN_OR_RETURN(const auto rels, ReadRels(package, RelsPathOf(workbook_path)));
  const std::string base_dir = DirOf(workbook_path);

  // The first <sheet> whose relationship is a worksheet: a chartsheet listed first has no cells.
  std::optional<std::string> sheet_path;
  for (const std::string& id : workbook.sheet_ids_) {
    const auto it = rels.find(id);
    if (it == rels.end() || it->second.external) continue;
    const Relationship& rel = it->second;
    const bool is_worksheet = rel.type.empty() ? rel.target.find("worksheets/") != std::string::npos
                                               : EndsWith(rel.type, "/worksheet");
    if (!is_worksheet) continue;
    sheet_path = ResolveTarget(base_dir, rel.target);
    if (!sheet_path) return NotExcel("工作表路径无效");
    break;
  }
  if (!sheet_path) return NotExcel("没有找到工作表");

  SharedStrings strings;
  std::optional<std::string> strings_path;
  for (const auto& [id, rel] : rels) {
    if (!rel.external && EndsWith(rel.type, "/sharedStrings")) {
      strings_path = ResolveTarget(base_dir, rel.target);
    }
  }
  if (!strings_path && package.Find(base_dir + "sharedStrings.xml")) {
    strings_path = base_dir + "sharedStrings.xml";
  }
  // A dangling sharedStrings relationship is tolerated: cells that need it fail on their own.
  if (strings_path && package.Find(*strings_path)) {
    SharedStringsHandler handler(strings);
    XA_TRY(package.Parse(*strings_path, handler));
  }

  // Cell formats, to tell dates from numbers; a workbook without styles has none.
  StylesHandler styles;
  std::optional<std::string> styles_path;
  for (const auto& [id, rel] : rels) {
    if (!rel.external && EndsWith(rel.type, "/styles"))
      styles_path = ResolveTarget(base_dir, rel.target);
  }
  if (!styles_path && package.Find(base_dir + "styles.xml")) styles_path = base_dir + "styles.xml";
  if (styles_path && package.Find(*styles_path)) XA_TRY(package.Parse(*styles_path, styles));

  SheetHandler sheet(strings, styles.kinds_, workbook.date1904_, limits);
  XA_TRY(package.Parse(*sheet_path, sheet));
  return sheet.TakeRows();
}

}  // namespace xiaoan::office
