#include "support/test_store.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <random>

#include "app/accounts/accounts.hpp"
#include "app/calendar/calendar.hpp"
#include "core/clock.hpp"
#include "core/password.hpp"

namespace xiaoan::testing {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "xiaoan-test-XXXXXX").string();
  path_ = ::mkdtemp(tmpl.data());
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

namespace {
std::string RandomSuffix() {
  std::random_device rd;
  return std::to_string(rd()) + std::to_string(::getpid());
}

// Replaces the database name (last path segment before any '?') of a PostgreSQL URI.
std::string WithDatabase(const std::string& url, const std::string& db) {
  const auto q = url.find('?');
  const std::string base = url.substr(0, q);
  const std::string rest = q == std::string::npos ? "" : url.substr(q);
  const auto slash = base.rfind('/');
  return base.substr(0, slash + 1) + db + rest;
}
}  // namespace

FreshDatabase::FreshDatabase(const std::string& backend) : backend_(backend) {
  // Every test that opens a database may create accounts: their passwords cost microseconds here,
  // not the 0.2 s a deployment spends (the algorithm and its checks are the same).
  UseMinimalPasswordCostForTests();
  if (backend == "sqlite") {
    dir_ = std::make_unique<TempDir>();
    url_ = "sqlite:" + dir_->path() + "/test.db";
    return;
  }
  const char* pg = std::getenv("XIAOAN_TEST_PG_URL");
  if (pg == nullptr || *pg == '\0') {
    skip_reason_ = "XIAOAN_TEST_PG_URL is not set (run the tests through scripts/test.sh)";
    return;
  }
  admin_url_ = pg;
  db_name_ = "xiaoan_t_" + RandomSuffix();
  auto pool = sql::OpenPool(admin_url_, {1, 1000});
  if (!pool.ok()) {
    skip_reason_ = "cannot reach PostgreSQL: " + pool.error().message;
    return;
  }
  auto conn = (*pool)->Acquire();
  if (!conn.ok() || !(*conn)->Exec("CREATE DATABASE " + db_name_).ok()) {
    skip_reason_ = "cannot create a test database";
    return;
  }
  url_ = WithDatabase(admin_url_, db_name_);
}

FreshDatabase::~FreshDatabase() {
  if (backend_ == "postgres" && !url_.empty()) {
    auto pool = sql::OpenPool(admin_url_, {1, 1000});
    if (pool.ok()) {
      auto conn = (*pool)->Acquire();
      if (conn.ok()) (void)(*conn)->Exec("DROP DATABASE IF EXISTS " + db_name_ + " WITH (FORCE)");
    }
  }
}

Status PasswordWatchStore::Write(const std::function<Status(domain::Tx&)>& work) {
  return inner_.Write([&](domain::Tx& tx) -> Status {
    const auto before = PasswordWorkCount();
    Status st = work(tx);
    if (PasswordWorkCount() != before) ++hashed_writes_;
    return st;
  });
}

std::unique_ptr<storage::SqlStore> OpenStore(const std::string& url) {
  auto pool = sql::OpenPool(url, {4, 5000});
  EXPECT_TRUE(pool.ok()) << (pool.ok() ? "" : pool.error().message);
  if (!pool.ok()) return nullptr;
  auto migrated = storage::Migrate(**pool, FormatInstant(SystemClock().Now()));
  EXPECT_TRUE(migrated.ok()) << (migrated.ok() ? "" : migrated.error().message);
  auto store =
      std::make_unique<storage::SqlStore>(std::move(pool).value(), domain::AuditHash::kSha256);
  SystemClock clock;
  app::Services services{*store, clock};
  auto roles = app::EnsureReferenceData(services);
  EXPECT_TRUE(roles.ok()) << (roles.ok() ? "" : roles.error().message);
  return store;
}

HttpReply WebSession::Call(const std::string& method, const std::string& target,
                           const std::string& body,
                           std::map<std::string, std::string> headers) const {
  if (!cookie.empty()) headers["Cookie"] = std::string("xiaoan_session=") + cookie;
  if (!csrf.empty()) headers["X-CSRF-Token"] = csrf;
  HttpClient c(port);
  return c.Request(method, target, body, headers);
}

WebSession LoginAs(int port, const std::string& username, const std::string& password,
                   HttpReply* reply) {
  HttpClient c(port);
  std::string body = "{\"username\":\"" + username + "\",\"password\":\"";
  for (char ch : password) {
    if (ch == '"' || ch == '\\') body += '\\';
    body += ch;
  }
  body += "\"}";
  HttpReply r = c.Request("POST", "/api/v1/auth/login", body);
  if (reply != nullptr) *reply = r;
  WebSession s;
  s.port = port;
  if (r.status != 200) return s;
  const std::string set_cookie = r.headers["set-cookie"];
  const auto eq = set_cookie.find('=');
  s.cookie = set_cookie.substr(eq + 1, set_cookie.find(';') - eq - 1);
  const auto key = r.body.find("\"csrf_token\":\"");
  if (key != std::string::npos) s.csrf = r.body.substr(key + 14, 32);
  return s;
}

int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const int port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

HttpClient::HttpClient(int port) : port_(port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port_));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd_);
    fd_ = -1;
    return;
  }
  const int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  timeval tv{10, 0};
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

HttpClient::~HttpClient() {
  if (fd_ >= 0) ::close(fd_);
}

HttpReply HttpClient::Request(const std::string& method, const std::string& target,
                              const std::string& body,
                              const std::map<std::string, std::string>& headers) {
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT") {
    if (headers.count("Content-Type") == 0) req += "Content-Type: application/json\r\n";
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  req += "\r\n" + body;
  auto replies = Raw(req, 1);
  return replies.empty() ? HttpReply{} : replies[0];
}

std::vector<HttpReply> HttpClient::Raw(const std::string& bytes, int n) {
  std::vector<HttpReply> out;
  if (fd_ < 0) return out;
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const auto w = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (w <= 0) return out;
    sent += static_cast<std::size_t>(w);
  }
  for (int i = 0; i < n; ++i) {
    HttpReply r;
    if (!ReadReply(r)) break;
    out.push_back(std::move(r));
  }
  return out;
}

bool HttpClient::ReadReply(HttpReply& out) {
  auto fill = [&]() -> bool {
    char buf[65536];
    const auto r = ::recv(fd_, buf, sizeof buf, 0);
    if (r <= 0) return false;
    buffer_.append(buf, static_cast<std::size_t>(r));
    return true;
  };
  std::size_t end;
  while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill()) return false;
  }
  const std::string head = buffer_.substr(0, end);
  buffer_.erase(0, end + 4);
  out.status = std::atoi(head.substr(9, 3).c_str());
  std::size_t pos = head.find("\r\n");
  while (pos != std::string::npos) {
    const auto next = head.find("\r\n", pos + 2);
    const std::string line =
        head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      out.headers[name] = value;
    }
    pos = next;
  }
  const std::size_t length =
      static_cast<std::size_t>(std::atoll(out.headers["content-length"].c_str()));
  while (buffer_.size() < length) {
    if (!fill()) return false;
  }
  out.body = buffer_.substr(0, length);
  buffer_.erase(0, length);
  return true;
}

}  // namespace xiaoan::testing
