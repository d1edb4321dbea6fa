// The autumn fire-safety campaign of the demo district, as it stands today: deployed two and a
// half weeks ago to every school of the bureau with the shipped canteen checklist, the
// self-inspection window closing in a few days and the bureau's inspection still to come. Most
// schools have inspected their canteen and gas room and submitted (the odd item failed and in
// the ledger); a few are still at it — the first account school among them, so its safety officer
// finds the campaign waiting — and one or two have not started. Each step goes through the
// campaign's own use cases at the time it happened.

#include <chrono>

#include "app/campaigns/campaigns.hpp"
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/hazard/hazard.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace cp = domain::campaign;

namespace {

// 10:00 in China on the day `days` from today.
Instant MorningOf(cal::Date today, int days) {
  return Instant{std::chrono::sys_days{today + std::chrono::days{days}}.time_since_epoch()} +
         std::chrono::hours{2};
}

constexpr const char* kFailNotes[] = {"已通知后勤处维修", "现场拍照，限期整改", "责任人已签字确认"};

}  // namespace

Result<int> SeedCampaignHistory(Services& s, std::uint64_t seed, domain::UnitId bureau,
                                const std::vector<domain::UnitId>& schools,
                                const std::vector<domain::UnitId>& account_schools,
                                const std::string& office_user) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today || schools.empty()) return 0;
  DemoRng rnd(seed, 0x3C6EF372FE94F82BULL);
  std::int64_t template_id = 0;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto t, tx.checklists().Latest("fire.canteen"));
    if (!t) return Internal("shipped checklist fire.canteen missing");
    template_id = t->id;
    return {};
  }));
  FixedClock clock(MorningOf(*today, -18));
  Services at{s.store, clock};
  at.files_dir = s.files_dir;

  RequestContext office;
  office.actor = office_user;
  office.unit_id = bureau;
  cp::Campaign c;
  c.name = "2026年秋冬季校园消防安全专项行动";
  c.domains = {"fire", "gas", "electrical"};
  c.template_ids = {template_id};
  c.description =
      "入冬前开展校园消防和燃气安全专项检查：学校对照检查表逐部位自查，教育局督导组随后抽查，"
      "发现问题纳入隐患台账限期整改。";
  c.targets.school_ids = schools;
  c.self_from = cal::FormatDate(*today - std::chrono::days{11});
  c.self_to = cal::FormatDate(*today + std::chrono::days{3});
  c.inspect_from = cal::FormatDate(*today + std::chrono::days{4});
  c.inspect_to = cal::FormatDate(*today + std::chrono::days{14});
  XA_ASSIGN_OR_RETURN(auto deployed, DeployCampaign(at, office, c));
  const auto id = deployed.campaign.id;
  {
    cp::Team team;
    team.name = "第一督导组";
    team.members = {"inspector"};
    XA_ASSIGN_OR_RETURN(auto t, CreateCampaignTeam(at, office, id, team));
    std::vector<std::int64_t> assigned(schools.begin(),
                                       schools.begin() + std::min<std::size_t>(schools.size(), 10));
    XA_TRY(AssignCampaignSchools(at, office, id, assigned, t.id));
  }

  int sheets = 0;
  for (std::size_t n = 0; n < schools.size(); ++n) {
    const auto school = schools[n];
    const bool first_account = !account_schools.empty() && school == account_schools[0];
    const bool second_account = account_schools.size() > 1 && school == account_schools[1];
    // Most schools finish; one in ten is still at it, one in twenty has not started.
    const int roll = rnd.Between(0, 99);
    if (!first_account && !second_account && roll < 5) continue;
    const bool finishes = second_account || (!first_account && roll >= 15);
    RequestContext staff;
    staff.actor = first_account ? "school1_safety" : second_account ? "school2_safety" : "demo";
    staff.unit_id = school;
    clock.Set(MorningOf(*today, -10 + rnd.Between(0, 7)) +
              std::chrono::minutes{rnd.Between(0, 420)});
    XA_ASSIGN_OR_RETURN(auto view, GetCampaignSchool(at, staff, id, school));
    for (std::size_t d = 0; d < view.due.size(); ++d) {
      // An unfinished school has done its first sheet only.
      if (!finishes && d > 0) break;
      const auto& due = view.due[d];
      SheetInput in;
      in.school_id = school;
      in.template_id = due.due.template_id;
      in.key_place_id = due.due.place.key_place_id;
      for (const auto& item : due.items) {
        domain::checklist::ItemAnswer a;
        a.item_key = item.key;
        const bool fail = (second_account && item.key == "C04") || rnd.Chance(3);
        a.value = fail ? "fail" : "pass";
        if (fail) a.note = kFailNotes[rnd.Between(0, 2)];
        in.answers.push_back(std::move(a));
      }
      XA_TRY(FillCampaignSheet(at, staff, id, std::move(in)));
      ++sheets;
      clock.Set(clock.Now() + std::chrono::minutes{rnd.Between(5, 30)});
    }
    if (finishes) {
      XA_TRY(SubmitSelfInspection(at, staff, id, school));
    }
  }
  // The bureau picks three of the hazards found as typical problems for the video meeting.
  static constexpr const char* kTypicalNotes[] = {
      "多所学校食堂存在同类问题，请各校对照自查，本周内整改到位。",
      "安全出口被占用属于严重违规，通报后由督导组复查。",
      "请分管校长牵头，举一反三，排查全部重点部位。"};
  clock.Set(MorningOf(*today, -1));
  XA_ASSIGN_OR_RETURN(auto found, CampaignHazards(at, office, id, false));
  for (std::size_t k = 0; k < std::size(kTypicalNotes) && k < found.size(); ++k) {
    const auto& pick = found[k * found.size() / std::size(kTypicalNotes)];
    XA_TRY(MarkTypical(at, office, id, pick.hazard.id, kTypicalNotes[k]));
  }
  return sheets;
}

}  // namespace xiaoan::app
