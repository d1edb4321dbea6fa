#include "jobs/scheduler.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace xiaoan::jobs {

void Scheduler::Start() {
  if (jobs_.empty() || thread_.joinable()) return;
  thread_ = std::thread([this] {
    using Clock = std::chrono::steady_clock;
    std::vector<Clock::time_point> due(jobs_.size());
    for (std::size_t i = 0; i < jobs_.size(); ++i) due[i] = Clock::now() + jobs_[i].interval;
    std::unique_lock lock(mu_);
    while (!stop_) {
      auto next = *std::min_element(due.begin(), due.end());
      if (cv_.wait_until(lock, next, [this] { return stop_; })) break;
      for (std::size_t i = 0; i < jobs_.size(); ++i) {
        if (Clock::now() < due[i]) continue;
        lock.unlock();
        try {
          jobs_[i].run();
        } catch (const std::exception& e) {
          spdlog::error("job {} failed: {}", jobs_[i].name, e.what());
        }
        lock.lock();
        due[i] = Clock::now() + jobs_[i].interval;
      }
    }
  });
}

void Scheduler::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace xiaoan::jobs
