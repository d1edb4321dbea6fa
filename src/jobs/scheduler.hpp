#pragma once
// Scheduled work: each job runs on a fixed interval on one background thread, and calls app/
// use cases like any other entry point.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/context.hpp"

namespace xiaoan::jobs {

struct Job {
  std::string name;
  std::chrono::seconds interval;
  std::function<void()> run;
};

class Scheduler {
 public:
  Scheduler() = default;
  ~Scheduler() { Stop(); }
  void Add(Job job) { jobs_.push_back(std::move(job)); }
  void Start();
  void Stop();

 private:
  std::vector<Job> jobs_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
};

// Re-verifies the audit hash chain and logs an error naming the first broken record.
Job VerifyAuditJob(app::Services& services, std::chrono::seconds interval);

// Evaluates the hazard escalation rules (overdue, repeat, …) on every open hazard; each rule fires
// once per hazard.
Job HazardEscalationJob(app::Services& services, std::chrono::seconds interval);

// Tells the bureau of each whistle a department did not acknowledge or report on in time (once
// per missed deadline).
Job WhistleEscalationJob(app::Services& services, std::chrono::seconds interval);

// Judges every school on the rules engine's school rules for yesterday's and today's periods, so
// that a period that ended turns what was due into a failure.
Job RulesEvaluationJob(app::Services& services, std::chrono::seconds interval);

// Deletes session and API token records that stopped working more than 30 days ago.
Job SessionPurgeJob(app::Services& services, std::chrono::seconds interval);

}  // namespace xiaoan::jobs
