#pragma once
// The clock is injected so tests can pin time.
#include <chrono>
#include <cstdint>
#include <string>

namespace xiaoan {

using Instant = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(Instant now) : now_(now) {}
  Instant Now() const override { return now_; }
  void Advance(std::chrono::milliseconds d) { now_ += d; }
  void Set(Instant now) { now_ = now; }

 private:
  Instant now_;
};

// "2026-11-30T05:25:54.123Z"; sortable as text.
std::string FormatInstant(Instant t);
bool ParseInstant(const std::string& text, Instant& out);

}  // namespace xiaoan
