#pragma once
// 交通安全一校一策 (measure 15, docs/traffic.md): each school writes its guide for arrival and
// dismissal, publishes it each semester (rule traffic.guide), prints it for parents, and sends
// its road-facility needs to the traffic police as one whistle; the bureau sees which schools
// have a current guide.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/platform/platform.hpp"
#include "domain/traffic/guide.hpp"

namespace xiaoan::app {

struct GuideView {
  domain::traffic::TrafficGuide guide;  // version 0: not written yet
  domain::traffic::GuideState state = domain::traffic::GuideState::kNone;
  std::string term_label;  // the semester the state is judged for ("" outside every term)
  int unsent_needs = 0;
  bool can_edit = false;        // traffic:manage over the school
  bool can_send_needs = false;  // and whistle:raise, with needs not yet sent
};

// traffic:read over the school.
Result<GuideView> GetTrafficGuide(Services& s, const RequestContext& ctx, std::int64_t unit_id);
// Saves the whole guide (traffic:manage) with the version read (0 for a new one; 409
// traffic.stale when it changed since). A need already sent keeps its text and whistle (422 on
// needs[i] otherwise); leaving one out removes it from the guide, not the whistle. Audited
// traffic.guide.edit.
Result<GuideView> SaveTrafficGuide(Services& s, const RequestContext& ctx,
                                   domain::traffic::TrafficGuide in);
// Publishes the version read (422 naming what is missing, CheckPublishable), dated today in
// China; the school is judged on traffic.guide at once. Audited traffic.guide.publish.
Result<GuideView> PublishTrafficGuide(Services& s, const RequestContext& ctx, std::int64_t unit_id,
                                      int version);
// Sends every need not yet sent as one whistle of the category traffic around the school (the
// bureau's routing table takes it to the traffic police) and records its number on each, in one
// write (traffic:manage and whistle:raise; 409 traffic.guide.no_needs when none is left).
Result<GuideView> SendGuideNeeds(Services& s, const RequestContext& ctx, std::int64_t unit_id,
                                 int version);

// The district's overview: every school in scope with its guide's state.
struct GuideOverview {
  struct Row {
    std::int64_t unit_id = 0;
    std::string unit_name;
    domain::traffic::GuideState state = domain::traffic::GuideState::kNone;
    std::string term_label;
    std::string published_on;
    int gates = 0;
    int posts = 0;
    int needs = 0;
    int needs_sent = 0;
  };
  std::vector<Row> rows;
  std::map<std::string, int> counts;  // per state code
};
Result<GuideOverview> GetGuideOverview(Services& s, const RequestContext& ctx,
                                       const std::optional<std::string>& state);
Result<std::string> ExportGuideOverview(Services& s, const RequestContext& ctx);

// 我的待办 for a school's traffic:manage holder: the guide not published this semester (or
// changed since), and needs not yet sent to the traffic police (with whistle:raise). Items name
// the subject traffic_guide with the school's id.
TaskSource GuideTaskSource();

}  // namespace xiaoan::app
