// Micro-benchmarks (Google Benchmark) of the hot domain code: escalation rule evaluation, JSON
// encoding of a hazard list page and the authorization checks every request makes.
#include <benchmark/benchmark.h>

#include <boost/json/serialize.hpp>
#include <chrono>

#include "app/context.hpp"
#include "domain/auth/auth.hpp"
#include "domain/hazard/hazard.hpp"
#include "http/json/hazard_json.hpp"
#include "http/json/writer.hpp"

namespace {

namespace hz = xiaoan::domain::hazard;
using xiaoan::Instant;

Instant At(int days_ago) {
  return Instant{std::chrono::sys_days{std::chrono::year{2026} / 11 / 30}} -
         std::chrono::days{days_ago};
}

// An open, overdue, reworked hazard at a school with a year of self-inspections and closed
// hazards: every rule has something to look at.
void BM_EvaluateRules(benchmark::State& state) {
  const int history = static_cast<int>(state.range(0));
  hz::HazardSnapshot h;
  h.id = 1;
  h.state = hz::State::kRectifying;
  h.major = false;
  h.domain = "fire";
  h.source = "bureau_inspection";
  h.key_place_id = 7;
  h.found_at = At(20);
  h.deadline = "2026-11-20";
  h.rework_count = 2;
  hz::EscalationInputs in;
  for (int i = 0; i < history; ++i) {
    in.self_checks.push_back({i % 5 == 0 ? std::optional<std::int64_t>{7} : std::nullopt,
                              i % 2 == 0 ? "fire" : "electrical", At(i % 365), std::nullopt});
    in.closed_before.push_back(
        {i, i % 3 == 0 ? std::optional<std::int64_t>{7} : std::nullopt, "fire", At(i % 365)});
  }
  const hz::EscalationRules rules;
  const Instant now = At(0);
  for (auto _ : state) {
    auto fired = hz::Evaluate(h, in, now, rules);
    benchmark::DoNotOptimize(fired);
  }
}
BENCHMARK(BM_EvaluateRules)->Arg(10)->Arg(100)->Arg(1000);

hz::Hazard SampleHazard(std::int64_t id) {
  hz::Hazard h;
  h.id = id;
  h.school_id = 100 + id % 40;
  h.school_name = "示范区第一实验小学";
  h.key_place_id = 12;
  h.place = "学生食堂";
  h.domain = "fire";
  h.level = id % 17 == 0 ? "major" : "general";
  h.title = "厨房灭火器压力不足";
  h.description = "厨房灭火器压力不足，已设置警示标识（演示数据）";
  h.found_at = "2026-11-02T01:30:00Z";
  h.found_by = "school1_safety";
  h.source = "self_inspection";
  h.responsible = "张校长";
  h.owner = "school1_safety";
  h.deadline = "2026-11-17";
  h.interim_measures = "设置警示标识，专人看管";
  h.state = hz::State::kRectifying;
  h.created_at = h.found_at;
  h.updated_at = "2026-11-03T02:00:00Z";
  return h;
}

// One page of the ledger as the list endpoint sends it.
void BM_EncodeHazardPage(benchmark::State& state) {
  std::vector<hz::Hazard> page;
  for (int i = 0; i < state.range(0); ++i) page.push_back(SampleHazard(i + 1));
  std::size_t bytes = 0;
  for (auto _ : state) {
    // As the list endpoint writes it: text straight from the records.
    std::string body;
    body.reserve(64 + page.size() * 1536);
    xiaoan::http::JsonWriter w(body);
    w.BeginObject();
    w.Key("items");
    w.BeginArray();
    for (const auto& h : page) xiaoan::http::WriteJson(w, h);
    w.EndArray();
    w.Field("total", std::int64_t{1000000});
    w.EndObject();
    bytes = body.size();
    benchmark::DoNotOptimize(body);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
}
BENCHMARK(BM_EncodeHazardPage)->Arg(20)->Arg(100);

xiaoan::app::Principal BureauPrincipal() {
  xiaoan::app::Principal p;
  p.user_id = 5;
  p.username = "safety_office";
  p.unit_path = "/1/2/";
  for (const auto& role : xiaoan::domain::BuiltinRoles()) {
    if (role.code == "bureau_safety_office") {
      for (const auto& perm : role.permissions) p.permissions.emplace(perm);
    }
  }
  p.scope = {xiaoan::domain::ScopeKind::kUnitAndBelow, {"/1/2/"}};
  return p;
}

// The permission check of the route guard.
void BM_PermissionCheck(benchmark::State& state) {
  const auto p = BureauPrincipal();
  const std::string wanted = "hazard:verify";
  for (auto _ : state) benchmark::DoNotOptimize(p.Can(wanted));
}
BENCHMARK(BM_PermissionCheck);

// The data-scope check of a record's unit (custom scope with several roots).
void BM_ScopeCovers(benchmark::State& state) {
  xiaoan::domain::DataScope scope{xiaoan::domain::ScopeKind::kCustom, {}};
  for (int i = 0; i < state.range(0); ++i) {
    scope.paths.push_back("/1/" + std::to_string(2 + i) + "/");
  }
  const std::string unit = "/1/" + std::to_string(1 + state.range(0)) + "/77/301/";
  for (auto _ : state) benchmark::DoNotOptimize(scope.Covers(unit));
}
BENCHMARK(BM_ScopeCovers)->Arg(1)->Arg(25);

// What every authenticated request builds: the use case's context from the principal.
void BM_ContextForRequest(benchmark::State& state) {
  const auto p = BureauPrincipal();
  for (auto _ : state) {
    auto ctx = xiaoan::app::ContextFor(p, "127.0.0.1", "0000000100000001");
    benchmark::DoNotOptimize(ctx);
  }
}
BENCHMARK(BM_ContextForRequest);

}  // namespace

BENCHMARK_MAIN();
