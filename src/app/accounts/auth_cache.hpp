#pragma once
// A short-lived, in-process cache of signed-in sessions, so that an authenticated request does
// not read the session, user, roles and policy from the database every time.
//
// An entry is used only while the store's access epoch is the one it was loaded under (any
// committed change to users, roles, scopes, ended sessions, tokens, the policy or units moves
// the epoch, see domain::Store::access_epoch) and for at most `ttl` (changes made by another
// process, such as `xiaoan recover-account`, are seen within that time). Every check that
// depends on the time (idle and absolute session expiry, lockout, password expiry) is still
// made on every request from the cached records.
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/context.hpp"

namespace xiaoan::app {

class AuthCache {
 public:
  struct Entry {
    domain::Session session;
    domain::User user;
    domain::PasswordPolicy policy;
    Principal principal;
    std::uint64_t epoch = 0;
    std::chrono::steady_clock::time_point loaded{};
  };

  explicit AuthCache(std::chrono::milliseconds ttl = std::chrono::seconds(2),
                     std::size_t max_entries = 20000)
      : ttl_(ttl), max_entries_(max_entries) {}

  // Entries are shared and never changed once stored: the lock covers finding the entry, not
  // copying it (every request of every thread passes here).
  std::shared_ptr<const Entry> Find(const std::string& session_hash, std::uint64_t epoch) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mu_);
    auto it = entries_.find(session_hash);
    if (it == entries_.end()) return nullptr;
    if (it->second->epoch != epoch || now - it->second->loaded > ttl_) {
      entries_.erase(it);
      return nullptr;
    }
    return it->second;
  }

  void Put(const std::string& session_hash, Entry entry) {
    entry.loaded = std::chrono::steady_clock::now();
    auto stored = std::make_shared<const Entry>(std::move(entry));
    std::lock_guard lock(mu_);
    // Bounded: when full, start over (entries are cheap to load again).
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_[session_hash] = std::move(stored);
  }

  // At most once a minute per session: the entry is replaced by a copy.
  void Touched(const std::string& session_hash, Instant at) {
    std::lock_guard lock(mu_);
    auto it = entries_.find(session_hash);
    if (it == entries_.end()) return;
    auto copy = std::make_shared<Entry>(*it->second);
    copy->session.last_seen_at = at;
    it->second = std::move(copy);
  }

  void Forget(const std::string& session_hash) {
    std::lock_guard lock(mu_);
    entries_.erase(session_hash);
  }

 private:
  std::chrono::milliseconds ttl_;
  std::size_t max_entries_;
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> entries_;
};

}  // namespace xiaoan::app
