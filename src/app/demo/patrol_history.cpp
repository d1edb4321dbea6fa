// Routine patrols at the demo schools with accounts: the canteen patrolled every school day by
// its manager after lunch. Four weeks of patrols with the odd item failed (not yet raised as a
// hazard) and a day now and then missed — the first school missed yesterday's canteen patrol — then
// the weeks judged on patrol.done, so the boards show them.

#include "app/calendar/calendar.hpp"
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/rules/rules.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/patrol/patrol.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace pt = domain::patrol;

namespace {

constexpr const char* kNotes[] = {"已现场提醒整改", "已报告后勤处", "拍照留存，待维修",
                                  "责任人已签字确认"};

}  // namespace

Result<int> SeedPatrolHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                              const std::vector<domain::UnitId>& schools) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today) return 0;
  DemoRng rnd(seed, 0xA24BAED4963EE407ULL);
  XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
  XA_ASSIGN_OR_RETURN(auto listed, tx.checklists().Latest("fire.canteen"));
  if (!listed) return Internal("shipped checklist fire.canteen missing");
  XA_ASSIGN_OR_RETURN(auto list, tx.checklists().Find(listed->id));
  if (!list) return Internal("shipped checklist fire.canteen missing");
  const std::string now = FormatInstant(s.clock.Now());
  const cal::Date from = *today - std::chrono::days{28};
  int written = 0;
  for (std::size_t n = 0; n < schools.size(); ++n) {
    const auto id = schools[n];
    XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(id));
    if (!school) continue;
    XA_ASSIGN_OR_RETURN(auto data, LoadSchoolTerms(tx, school->unit));
    const cal::SchoolCalendar calendar(holidays, data.terms, data.exceptions);
    for (const auto& place : school->key_places) {
      if (place.kind != "canteen") continue;
      pt::Plan p;
      p.school_id = id;
      p.key_place_id = place.id;
      p.template_id = list->id;
      p.frequency = "daily";
      p.patroller = "食堂管理员 孙师傅";
      p.starts_on = "2026-09-01";
      p.note = "午餐后关火断气时巡查";
      p.created_by = "demo";
      p.created_at = now;
      p.updated_at = now;
      XA_TRY(tx.patrols().InsertPlan(p));
      const auto items = pt::ItemsFor(*list, place.kind);
      for (const auto& slot : pt::SlotsBetween(p, calendar, from, *today - std::chrono::days{1})) {
        // The first school missed yesterday's canteen patrol; otherwise now and then (3 %).
        const bool yesterday = slot.date == *today - std::chrono::days{1};
        if ((n == 0 && yesterday) || rnd.Chance(3)) continue;
        pt::Record r;
        r.plan_id = p.id;
        r.school_id = id;
        r.key_place_id = place.id;
        r.template_id = p.template_id;
        r.date = cal::FormatDate(slot.date);
        r.shift = slot.shift;
        r.patrolled_at = r.date + "T04:50:00Z";
        r.patroller = "孙师傅";
        r.username = "demo";
        for (const auto& item : items) {
          pt::ItemAnswer a;
          a.item_key = item.key;
          // A failure of an item that asks for a photo would need one: those pass in the demo.
          const bool fail = !item.photo_required && rnd.Chance(2);
          if (item.answer == "number") {
            const double base = item.min ? *item.min : 1;
            a.value = fail ? "0.9" : std::to_string(static_cast<int>(base) + 1);
          } else {
            a.value = fail ? "fail" : "pass";
          }
          if (fail) a.note = kNotes[rnd.Between(0, 3)];
          r.answers.push_back(std::move(a));
        }
        XA_TRY(pt::JudgeAnswers(items, r));
        XA_TRY(tx.patrols().InsertRecord(r));
        ++written;
      }
    }
    // The weeks judged as the daily job would have.
    for (cal::Date d = from; d <= *today; d += std::chrono::days{7}) {
      XA_TRY(EvaluateSchool(s, tx, id, d));
    }
    XA_TRY(EvaluateSchool(s, tx, id, *today));
  }
  return written;
}

}  // namespace xiaoan::app
