#pragma once
// The demo's deterministic random numbers. Each history draws from its own stream (the seed mixed
// with a salt of its own), so that drawing more in one module leaves the others' data as they
// were.
#include <cstdint>
#include <random>

namespace xiaoan::app {

class DemoRng {
 public:
  DemoRng(std::uint64_t seed, std::uint64_t salt) : gen_(seed ^ salt) {}
  int Between(int lo, int hi) { return lo + static_cast<int>(gen_() % std::uint64_t(hi - lo + 1)); }
  bool Chance(int percent) { return Between(1, 100) <= percent; }

 private:
  std::mt19937_64 gen_;
};

}  // namespace xiaoan::app
