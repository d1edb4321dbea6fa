#include "core/password.hpp"

#include <sodium.h>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/crypto.hpp"
#include "core/strings.hpp"

namespace xiaoan {
namespace {
void EnsureSodium() {
  static const int init = sodium_init();
  if (init < 0) throw std::runtime_error("libsodium failed to initialise");
}
}  // namespace

namespace {
std::atomic<PasswordAlgorithm> g_algorithm{PasswordAlgorithm::kArgon2id};
thread_local std::uint64_t t_work = 0;
constexpr std::string_view kSm3Prefix = "$pbkdf2-sm3$";
constexpr int kSm3Iterations = 100000;
std::atomic<bool> g_minimal_cost{false};

std::string FromHex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  }
  return out;
}
// Password hashing runs on a few threads of its own at a lower priority (nice 10): each Argon2id
// run takes about 0.2 s of CPU and 64 MiB of memory, so running as many at once as there are
// callers (16 people signing, a morning's logins) would take every core from the requests and
// writes around them and a gigabyte of memory. Half the cores, at least one, keep both bounded;
// on an idle machine the lower priority costs nothing.
class PasswordWorkers {
 public:
  PasswordWorkers() {
    const unsigned n = std::max(1u, std::thread::hardware_concurrency() / 2);
    for (unsigned i = 0; i < n; ++i) threads_.emplace_back([this] { Loop(); });
  }
  ~PasswordWorkers() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }
  template <typename R>
  R Run(std::function<R()> work) {
    auto promise = std::make_shared<std::promise<R>>();
    auto result = promise->get_future();
    {
      std::lock_guard lock(mu_);
      queue_.emplace_back([promise, work = std::move(work)] {
        try {
          promise->set_value(work());
        } catch (...) {
          promise->set_exception(std::current_exception());
        }
      });
    }
    cv_.notify_one();
    return result.get();
  }

 private:
  void Loop() {
    // Lowering a thread's own priority needs no privilege; failing to is harmless.
    (void)setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      job();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

PasswordWorkers& Workers() {
  static PasswordWorkers workers;
  return workers;
}

std::string HashOnWorker(PasswordAlgorithm algorithm, std::string_view password);
bool VerifyOnWorker(std::string_view hash, std::string_view password);

}  // namespace

void SetPasswordAlgorithm(PasswordAlgorithm algorithm) { g_algorithm = algorithm; }

std::string HashPassword(std::string_view password) {
  return HashPasswordWith(g_algorithm.load(), password);
}

std::uint64_t PasswordWorkCount() { return t_work; }

void UseMinimalPasswordCostForTests() { g_minimal_cost = true; }

std::string HashPasswordWith(PasswordAlgorithm algorithm, std::string_view password) {
  ++t_work;  // counted on the caller's thread (see PasswordWorkCount)
  const std::string copy(password);
  return Workers().Run<std::string>([algorithm, &copy] { return HashOnWorker(algorithm, copy); });
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  ++t_work;
  const std::string h(hash);
  const std::string p(password);
  return Workers().Run<bool>([&h, &p] { return VerifyOnWorker(h, p); });
}

namespace {

std::string HashOnWorker(PasswordAlgorithm algorithm, std::string_view password) {
  if (algorithm == PasswordAlgorithm::kPbkdf2Sm3) {
    const std::string salt = RandomBytes(16);
    const std::string key = Pbkdf2Sm3(password, salt, kSm3Iterations, 32);
    return std::string(kSm3Prefix) + "i=" + std::to_string(kSm3Iterations) + "$" +
           ToHex(reinterpret_cast<const unsigned char*>(salt.data()), salt.size()) + "$" +
           ToHex(reinterpret_cast<const unsigned char*>(key.data()), key.size());
  }
  EnsureSodium();
  char out[crypto_pwhash_STRBYTES];
  const bool minimal = g_minimal_cost.load();
  if (crypto_pwhash_str_alg(
          out, password.data(), password.size(),
          minimal ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
          minimal ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE,
          crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool VerifyOnWorker(std::string_view hash, std::string_view password) {
  EnsureSodium();
  if (hash.rfind(kSm3Prefix, 0) == 0) {
    // $pbkdf2-sm3$i=N$salt$key
    const auto parts = Split(hash.substr(kSm3Prefix.size()), '$');
    if (parts.size() != 3 || parts[0].rfind("i=", 0) != 0) return false;
    const auto iterations = ParseInt(parts[0].substr(2));
    if (!iterations || *iterations < 1 || *iterations > 10000000) return false;
    const std::string expected = FromHex(parts[2]);
    const std::string key =
        Pbkdf2Sm3(password, FromHex(parts[1]), static_cast<int>(*iterations), expected.size());
    return !expected.empty() && sodium_memcmp(key.data(), expected.data(), key.size()) == 0;
  }
  const std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

}  // namespace

std::string GeneratePassword(std::size_t length) {
  EnsureSodium();
  static constexpr std::string_view kClasses[] = {
      "ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!@#%^*-_=+"};
  std::string out;
  for (std::size_t i = 0; i < length; ++i) {
    // The first four characters cover every class; the rest are drawn from all of them.
    const auto& cls = kClasses[i < 4 ? i : randombytes_uniform(4)];
    out += cls[randombytes_uniform(static_cast<std::uint32_t>(cls.size()))];
  }
  // Shuffle so the class order does not leak.
  for (std::size_t i = out.size() - 1; i > 0; --i) {
    std::swap(out[i], out[randombytes_uniform(static_cast<std::uint32_t>(i + 1))]);
  }
  return out;
}

std::string RandomBytes(std::size_t count) {
  EnsureSodium();
  std::string buf(count, '\0');
  randombytes_buf(buf.data(), count);
  return buf;
}

std::string RandomHex(std::size_t bytes) {
  EnsureSodium();
  std::string buf(bytes, '\0');
  randombytes_buf(buf.data(), bytes);
  return ToHex(reinterpret_cast<const unsigned char*>(buf.data()), bytes);
}

}  // namespace xiaoan
