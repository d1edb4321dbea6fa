// The kill test: a client writes records, the server is killed with SIGKILL mid-stream and
// restarted; every acknowledged record must be there and the database must open cleanly.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <mutex>
#include <thread>

#include "support/test_store.hpp"

#ifndef XIAOAN_BINARY
#error "XIAOAN_BINARY must name the xiaoan executable"
#endif

namespace xiaoan {
namespace {

namespace json = boost::json;

pid_t Spawn(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

int RunToEnd(const std::vector<std::string>& args) {
  const pid_t pid = Spawn(args);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool WaitHealthy(int port) {
  for (int i = 0; i < 200; ++i) {
    testing::HttpClient c(port);
    if (c.connected() && c.Request("GET", "/api/v1/health").status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

class KillTest : public ::testing::TestWithParam<std::string> {};

TEST_P(KillTest, AcknowledgedWritesSurviveSigkill) {
  testing::FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  testing::TempDir dir;
  const std::string bin = XIAOAN_BINARY;
  const std::vector<std::string> common = {"--data-dir", dir.path(), "--database", db.url()};
  auto with = [&](std::vector<std::string> head) {
    head.insert(head.begin(), bin);
    head.insert(head.end(), common.begin(), common.end());
    return head;
  };
  ASSERT_EQ(RunToEnd(with({"demo", "--seed", "5"})), 0);
  const int port = testing::FreePort();
  const std::string listen = "127.0.0.1:" + std::to_string(port);
  pid_t server = Spawn(with({"serve", "--listen", listen}));
  ASSERT_TRUE(WaitHealthy(port));

  // The demo wrote its accounts (with generated passwords) next to the database.
  std::string password;
  {
    std::ifstream in(dir.path() + "/demo-accounts.txt");
    std::string line;
    while (std::getline(in, line)) {
      if (line.find("用户名 sysadmin\t") != std::string::npos) {
        password = line.substr(line.find("密码 ") + std::string("密码 ").size());
      }
    }
  }
  ASSERT_FALSE(password.empty());
  const auto session = testing::LoginAs(port, "sysadmin", password);
  ASSERT_FALSE(session.cookie.empty());
  std::int64_t bureau = 0;
  {
    auto r = session.Call("GET", "/api/v1/units?kind=bureau");
    bureau = json::parse(r.body).at("items").at(0).at("id").as_int64();
  }
  // Two writers on their own keep-alive connections until the server dies under them.
  std::mutex mu;
  std::vector<std::int64_t> acknowledged;
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  for (int w = 0; w < 2; ++w) {
    writers.emplace_back([&, w] {
      testing::HttpClient c(port);
      for (int i = 0; !stop; ++i) {
        json::object body{{"kind", "section"},
                          {"name", "科室-" + std::to_string(w) + "-" + std::to_string(i)},
                          {"region_code", "990102"},
                          {"parent_id", bureau}};
        auto r = c.Request(
            "POST", "/api/v1/units", json::serialize(body),
            {{"Cookie", "xiaoan_session=" + session.cookie}, {"X-CSRF-Token", session.csrf}});
        if (r.status != 201) return;  // the server is gone
        std::lock_guard lock(mu);
        acknowledged.push_back(json::parse(r.body).at("id").as_int64());
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  ::kill(server, SIGKILL);
  int status = 0;
  ::waitpid(server, &status, 0);
  stop = true;
  for (auto& t : writers) t.join();
  ASSERT_GT(acknowledged.size(), 10u) << "the writers should have been acknowledged some writes";

  server = Spawn(with({"serve", "--listen", listen}));
  ASSERT_TRUE(WaitHealthy(port));
  // The session itself was committed before the kill: it survives the restart too.
  std::size_t missing = 0;
  for (auto id : acknowledged) {
    if (session.Call("GET", "/api/v1/units/" + std::to_string(id)).status != 200) ++missing;
  }
  EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged writes";
  ::kill(server, SIGTERM);
  ::waitpid(server, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "graceful stop after SIGTERM";
  // The database opens cleanly and the audit chain is intact.
  EXPECT_EQ(RunToEnd(with({"verify-audit"})), 0);
}

TEST_P(KillTest, SigtermFinishesInFlightRequestsAndExitsCleanly) {
  testing::FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  testing::TempDir dir;
  const std::string bin = XIAOAN_BINARY;
  const int port = testing::FreePort();
  pid_t server = Spawn({bin, "serve", "--data-dir", dir.path(), "--database", db.url(), "--listen",
                        "127.0.0.1:" + std::to_string(port)});
  ASSERT_TRUE(WaitHealthy(port));
  testing::HttpClient idle(port);  // an idle keep-alive connection must not hold the shutdown
  ASSERT_EQ(idle.Request("GET", "/api/v1/health").status, 200);
  const auto start = std::chrono::steady_clock::now();
  ::kill(server, SIGTERM);
  int status = 0;
  ::waitpid(server, &status, 0);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_LT(took, std::chrono::seconds(5));
  testing::HttpClient after(port);
  EXPECT_FALSE(after.connected()) << "nothing listens after shutdown";
}

INSTANTIATE_TEST_SUITE_P(Stores, KillTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace xiaoan
