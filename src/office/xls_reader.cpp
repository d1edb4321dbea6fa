// Reads Excel 97–2003 (.xls, BIFF) uploads through FreeXL. FreeXL reads only from a path, so the
// bytes go to a private temporary file that is always deleted. The declared size of the first
// worksheet is checked (with FreeXL's metadata-only open) before its cells are loaded.
#include <freexl.h>
#include <stdlib.h>  // mkstemp
#include <unistd.h>  // write, close, unlink

#include <charconv>
#include <cmath>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "office/internal.hpp"
#include "office/table.hpp"

namespace xiaoan::office {
namespace {

using internal::FileError;

Error NotXls(std::string_view why = {}) {
  std::string message = "文件不是有效的 Excel 97-2003（.xls）文件";
  if (!why.empty()) message += "（" + std::string(why) + "）";
  return FileError(std::move(message));
}

// The bytes in a mkstemp file, deleted on every path out.
class TempCopy {
 public:
  TempCopy(const TempCopy&) = delete;
  TempCopy& operator=(const TempCopy&) = delete;
  TempCopy() = default;
  ~TempCopy() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  Status Write(std::string_view bytes) {
    std::error_code ec;
    std::string dir = std::filesystem::temp_directory_path(ec).string();
    if (ec || dir.empty()) dir = "/tmp";
    std::string pattern = dir + "/xiaoan-xls-XXXXXX";
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) return Internal("无法创建临时文件以读取 Excel 文件");
    path_ = pattern;
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n <= 0) {
        ::close(fd);
        return Internal("无法写入读取 Excel 文件所需的临时文件");
      }
      done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return {};
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class Handle {
 public:
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle() = default;
  ~Handle() {
    if (handle_ != nullptr) freexl_close(handle_);
  }
  const void** out() { return &handle_; }
  const void* get() const { return handle_; }

 private:
  const void* handle_ = nullptr;
};

Error OpenError(int code) {
  switch (code) {
    case FREEXL_INSUFFICIENT_MEMORY:
      return FileError("Excel 文件过大，无法读取");
    case FREEXL_INVALID_CHARACTER:
      return NotXls("含有无法转换的字符");
    default:
      return NotXls("文件已损坏或不是 Excel 格式，错误码 " + std::to_string(code));
  }
}

// Shortest text that reads back as the same double; integers without a fraction ("12").
std::string NumberText(double v) {
  if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 1e15) {
    return std::to_string(static_cast<long long>(v));
  }
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc{} ? std::string(buf, end) : std::string();
}

// Opens the file, refuses it when encrypted, selects the first worksheet and returns its size.
Status OpenFirstSheet(Handle& h, const std::string& path, bool info_only, unsigned int& rows,
                      unsigned short& columns) {
  const int opened =
      info_only ? freexl_open_info(path.c_str(), h.out()) : freexl_open(path.c_str(), h.out());
  if (opened != FREEXL_OK) return OpenError(opened);
  unsigned int value = 0;
  if (freexl_get_info(h.get(), FREEXL_BIFF_PASSWORD, &value) == FREEXL_OK &&
      value == FREEXL_BIFF_OBFUSCATED) {
    return FileError("Excel 文件设置了密码，请取消密码后再上传");
  }
  unsigned int sheets = 0;
  if (freexl_get_info(h.get(), FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK || sheets == 0) {
    return NotXls("没有找到工作表");
  }
  if (freexl_select_active_worksheet(h.get(), 0) != FREEXL_OK) return NotXls("无法打开工作表");
  if (freexl_worksheet_dimensions(h.get(), &rows, &columns) != FREEXL_OK) {
    return NotXls("无法读取工作表的大小");
  }
  return {};
}

}  // namespace

Result<std::vector<Row>> ReadXls(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return FileError("文件超过大小上限（最大 " + internal::FormatSize(limits.max_bytes) + "）");
  }
  if (DetectFormat(bytes) != "xls") return NotXls();
  TempCopy file;
  XA_TRY(file.Write(bytes));

  unsigned int rows = 0;
  unsigned short columns = 0;
  {
    Handle info;
    XA_TRY(OpenFirstSheet(info, file.path(), true, rows, columns));
  }
  // FreeXL keeps a value for every cell of the declared size: refuse a size that would not fit
  // the limits before loading.
  if (static_cast<std::size_t>(rows) * columns > limits.max_cells) {
    return FileError("工作表声明的单元格数超过上限（最多 " + std::to_string(limits.max_cells) +
                     " 个）");
  }
  Handle h;
  XA_TRY(OpenFirstSheet(h, file.path(), false, rows, columns));

  std::vector<Row> out;
  for (unsigned int r = 0; r < rows; ++r) {
    Row row;
    for (unsigned short c = 0; c < columns; ++c) {
      FreeXL_CellValue v;
      if (freexl_get_cell_value(h.get(), r, c, &v) != FREEXL_OK) {
        return NotXls("第 " + std::to_string(r + 1) + " 行的单元格无法读取");
      }
      Cell cell;
      switch (v.type) {
        case FREEXL_CELL_INT:
          cell = Cell::Of(Cell::Type::kNumber, std::to_string(v.value.int_value));
          break;
        case FREEXL_CELL_DOUBLE:
          cell = Cell::Of(Cell::Type::kNumber, NumberText(v.value.double_value));
          break;
        case FREEXL_CELL_TEXT:
        case FREEXL_CELL_SST_TEXT:
          cell = Cell::Of(Cell::Type::kText, v.value.text_value ? v.value.text_value : "");
          break;
        case FREEXL_CELL_DATE:
          cell = Cell::Of(Cell::Type::kDate, v.value.text_value ? v.value.text_value : "");
          break;
        case FREEXL_CELL_DATETIME:
          cell = Cell::Of(Cell::Type::kDateTime, v.value.text_value ? v.value.text_value : "");
          break;
        case FREEXL_CELL_TIME:
          cell = Cell::Of(Cell::Type::kTime, v.value.text_value ? v.value.text_value : "");
          break;
        default:
          break;  // FREEXL_CELL_NULL
      }
      if (cell.empty()) continue;
      if (internal::FindInvalidUtf8(cell.text) != std::string_view::npos) {
        return NotXls("第 " + std::to_string(r + 1) + " 行含有无效的文本");
      }
      // As for .xlsx: the limits apply to cells with content, not to the declared size.
      if (r + 1 > limits.max_rows) {
        return FileError("行数超过上限（最多 " + std::to_string(limits.max_rows) + " 行）");
      }
      if (static_cast<std::size_t>(c) + 1 > limits.max_columns) {
        return FileError("第 " + std::to_string(r + 1) + " 行的列数超过上限（最多 " +
                         std::to_string(limits.max_columns) + " 列）");
      }
      if (row.size() < static_cast<std::size_t>(c) + 1) row.resize(static_cast<std::size_t>(c) + 1);
      row[c] = std::move(cell);
    }
    if (!row.empty()) {
      out.resize(r);  // rows skipped since the last one with content stay empty
      out.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace xiaoan::office
