#pragma once
// Test helpers: fresh databases on both stores, temporary directories, a small HTTP client.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <string>

#include "storage/sql_store.hpp"

namespace xiaoan::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// "sqlite" or "postgres". For postgres a new empty database is created on the server named by
// XIAOAN_TEST_PG_URL and dropped afterwards; without that variable the test is skipped, or fails
// when XIAOAN_REQUIRE_PG=1 (as in CI).
class FreshDatabase {
 public:
  explicit FreshDatabase(const std::string& backend);
  ~FreshDatabase();
  bool available() const { return !url_.empty(); }
  const std::string& url() const { return url_; }
  const std::string& skip_reason() const { return skip_reason_; }

 private:
  std::string backend_;
  std::string url_;
  std::string admin_url_;
  std::string db_name_;
  std::string skip_reason_;
  std::unique_ptr<TempDir> dir_;
};

// Skips (or fails in CI) when the backend is unavailable.
#define XA_REQUIRE_DB(db)                                                          \
  do {                                                                             \
    if (!(db).available()) {                                                       \
      const char* req = std::getenv("XIAOAN_REQUIRE_PG");                          \
      if (req != nullptr && std::string(req) == "1") FAIL() << (db).skip_reason(); \
      GTEST_SKIP() << (db).skip_reason();                                          \
    }                                                                              \
  } while (0)

std::unique_ptr<storage::SqlStore> OpenStore(const std::string& url);

// A store that forwards to another and counts the write transactions whose work hashed or
// verified a password (PasswordWorkCount, counted on the thread that runs the work): a signed
// step or a password change must check the password before its transaction, never inside it.
class PasswordWatchStore final : public domain::Store {
 public:
  explicit PasswordWatchStore(domain::Store& inner) : inner_(inner) {}
  Status Read(const std::function<Status(domain::Tx&)>& work) override { return inner_.Read(work); }
  Status Write(const std::function<Status(domain::Tx&)>& work) override;
  bool RunInWriteBatch(std::function<void()> job,
                       std::function<void(const Status& committed)> done) override {
    return inner_.RunInWriteBatch(std::move(job), std::move(done));
  }
  domain::AuditHash audit_hash() const override { return inner_.audit_hash(); }
  std::uint64_t access_epoch() const override { return inner_.access_epoch(); }
  Result<domain::FieldProtectionReport> ProtectFields(
      const std::function<Status(domain::Tx&, const domain::FieldProtectionReport&)>& after)
      override {
    return inner_.ProtectFields(after);
  }
  int writes_with_password_work() const { return hashed_writes_.load(); }
  void Reset() { hashed_writes_ = 0; }

 private:
  domain::Store& inner_;
  std::atomic<int> hashed_writes_{0};
};

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

// A blocking HTTP/1.1 client over one keep-alive connection on loopback.
class HttpClient {
 public:
  explicit HttpClient(int port);
  ~HttpClient();
  HttpReply Request(const std::string& method, const std::string& target,
                    const std::string& body = {},
                    const std::map<std::string, std::string>& headers = {});
  // Sends raw bytes and reads n responses (pipelining tests).
  std::vector<HttpReply> Raw(const std::string& bytes, int n);
  bool connected() const { return fd_ >= 0; }

 private:
  bool ReadReply(HttpReply& out);
  int port_;
  int fd_ = -1;
  std::string buffer_;
};

int FreePort();

// A logged-in browser-like session: the session cookie and the CSRF token.
struct WebSession {
  std::string cookie;
  std::string csrf;
  int port = 0;
  HttpReply Call(const std::string& method, const std::string& target, const std::string& body = {},
                 std::map<std::string, std::string> headers = {}) const;
};
// Logs in over HTTP; the returned session is empty (cookie "") when the login failed.
WebSession LoginAs(int port, const std::string& username, const std::string& password,
                   HttpReply* reply = nullptr);

}  // namespace xiaoan::testing
