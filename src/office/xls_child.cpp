// The .xls reader in a child process: FreeXL is a C library parsing untrusted binary files, and
// a fault in it (the fuzzers found a stack over-read in its text conversion) must cost one
// import, not the server. The child is the xiaoan program itself (`xiaoan read-xls`), started
// with posix_spawn (no fork of a threaded server), given the file in a private temporary file;
// it answers the rows on its standard output in a length-prefixed form.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <mutex>
#include <string>

#include "office/internal.hpp"
#include "office/table.hpp"

extern char** environ;

namespace xiaoan::office {
namespace {

std::mutex g_helper_mu;
std::string g_helper;  // empty: read in this process

Error Unreadable() {
  return internal::FileError(
      "无法读取该 .xls 文件（文件已损坏或不是 Excel 97-2003 格式），"
      "请用 Excel 另存为 .xlsx 后再上传");
}

void PutNumber(std::string& out, char tag, std::size_t n) {
  out += tag;
  out += std::to_string(n);
  out += '\n';
}

}  // namespace

void UseXlsHelper(std::string program) {
  std::lock_guard lock(g_helper_mu);
  g_helper = std::move(program);
}

std::string XlsHelper() {
  std::lock_guard lock(g_helper_mu);
  return g_helper;
}

std::string EncodeRows(const Result<std::vector<Row>>& rows) {
  std::string out;
  if (!rows.ok()) {
    const std::string& m = rows.error().message;
    PutNumber(out, 'E', m.size());
    out += m;
    return out;
  }
  for (const auto& row : *rows) {
    PutNumber(out, 'R', row.size());
    for (const auto& c : row) {
      PutNumber(out, 'C', static_cast<std::size_t>(c.type));
      PutNumber(out, 'L', c.text.size());
      out += c.text;
    }
  }
  return out;
}

Result<std::vector<Row>> DecodeRows(std::string_view in) {
  std::vector<Row> rows;
  std::size_t pos = 0;
  auto number = [&](char tag, std::size_t& n) -> bool {
    if (pos >= in.size() || in[pos] != tag) return false;
    const auto nl = in.find('\n', pos);
    if (nl == std::string_view::npos || nl == pos + 1 || nl - pos > 21) return false;
    n = 0;
    for (std::size_t i = pos + 1; i < nl; ++i) {
      if (in[i] < '0' || in[i] > '9') return false;
      n = n * 10 + static_cast<std::size_t>(in[i] - '0');
    }
    pos = nl + 1;
    return true;
  };
  std::size_t n = 0;
  if (number('E', n)) {
    if (pos + n != in.size()) return Unreadable();
    return internal::FileError(std::string(in.substr(pos, n)));
  }
  while (pos < in.size()) {
    std::size_t cells = 0;
    if (!number('R', cells) || cells > in.size()) return Unreadable();
    Row row;
    row.reserve(cells);
    for (std::size_t i = 0; i < cells; ++i) {
      std::size_t type = 0;
      std::size_t len = 0;
      if (!number('C', type) || type > static_cast<std::size_t>(Cell::Type::kDateTime) ||
          !number('L', len) || len > in.size() - pos) {
        return Unreadable();
      }
      row.push_back(Cell::Of(static_cast<Cell::Type>(type), std::string(in.substr(pos, len))));
      pos += len;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<Row>> ReadXlsInChild(const std::string& program, std::string_view bytes,
                                        const ReadLimits& limits) {
  if (bytes.size() > limits.max_bytes) return ReadXls(bytes, limits);  // refused by size alone
  const char* tmpdir = std::getenv("TMPDIR");
  std::string path =
      std::string(tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp") + "/xiaoan-xls-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) return Internal("无法创建临时文件");
  struct Cleanup {
    std::string path;
    ~Cleanup() { ::unlink(path.c_str()); }
  } cleanup{path};
  for (std::size_t written = 0; written < bytes.size();) {
    const auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) {
      ::close(fd);
      return Internal("无法写入临时文件");
    }
    written += static_cast<std::size_t>(n);
  }
  ::close(fd);

  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) return Internal("无法启动 .xls 读取进程");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  const std::string rows = std::to_string(limits.max_rows);
  const std::string columns = std::to_string(limits.max_columns);
  const std::string cells = std::to_string(limits.max_cells);
  std::vector<std::string> args = {program,         "read-xls", path,          "--max-rows", rows,
                                   "--max-columns", columns,    "--max-cells", cells};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  if (spawned != 0) {
    ::close(out[0]);
    return Internal("无法启动 .xls 读取进程：" + std::string(std::strerror(spawned)));
  }
  // The answer, within 60 seconds and a bound on its size.
  std::string answer;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  const std::size_t max_answer = limits.max_bytes * 8 + (64u << 20);
  bool failed = false;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    pollfd p{out[0], POLLIN, 0};
    if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) {
      failed = true;
      break;
    }
    char buf[65536];
    const auto n = ::read(out[0], buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      failed = true;
      break;
    }
    answer.append(buf, static_cast<std::size_t>(n));
    if (answer.size() > max_answer) {
      failed = true;
      break;
    }
  }
  ::close(out[0]);
  if (failed) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (failed || !WIFEXITED(status) || (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 2)) {
    return Unreadable();
  }
  return DecodeRows(answer);
}

}  // namespace xiaoan::office
