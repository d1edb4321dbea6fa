#pragma once
// Inspection campaigns (专项行动, measures 6, 7 and 12): deployed by a bureau to its schools,
// self-inspected by each school place by place, inspected by the teams assigned, fed back and
// replied to, evaluated with weighted scores and closed with a summary; every failed item is a
// hazard in the ledger, an item the school passed that an inspector fails is flagged 自查未发现
// and escalated by hazard.missed (docs/campaigns.md).
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/platform/platform.hpp"
#include "domain/campaign/campaign.hpp"
#include "domain/hazard/ledger.hpp"

namespace xiaoan::app {

// Who the caller is to a campaign.
struct CampaignRoles {
  bool manage = false;   // campaign:manage at the deploying bureau (or above)
  bool inspect = false;  // may inspect: a manager with campaign:inspect, or a team member
  bool fill = false;     // campaign:fill at a school of the campaign
  std::optional<std::int64_t> school_id;  // the caller's own school in the campaign
  std::vector<std::int64_t> team_ids;     // the teams the caller is on
};

struct TemplateRef {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  int version = 0;
};

struct CampaignView {
  domain::campaign::Campaign campaign;
  std::vector<TemplateRef> templates;
  std::vector<domain::campaign::Team> teams;
  CampaignRoles roles;
};

// Deploys a campaign from the caller's bureau (campaign:manage) to the schools in scope its
// targets select (none: error naming "targets"); the schools' leaders and safety officers are
// notified. Errors name the fields of ValidateCampaign and template_ids[i] for a template the
// bureau cannot use.
Result<CampaignView> DeployCampaign(Services& s, const RequestContext& ctx,
                                    domain::campaign::Campaign in);
// Campaigns the caller sees: a bureau's in its scope, a school's own, an inspector's teams'.
Result<domain::PageResult<domain::campaign::Campaign>> ListCampaigns(
    Services& s, const RequestContext& ctx, domain::campaign::CampaignFilter f,
    const domain::PageRequest& page);
Result<CampaignView> GetCampaign(Services& s, const RequestContext& ctx, std::int64_t id);
// The schools the caller sees in the campaign: all for a manager, those assigned to the caller's
// teams for an inspector, the caller's own for a school.
Result<std::vector<domain::campaign::Target>> CampaignSchools(Services& s,
                                                              const RequestContext& ctx,
                                                              std::int64_t id);

Result<domain::campaign::Team> CreateCampaignTeam(Services& s, const RequestContext& ctx,
                                                  std::int64_t campaign_id,
                                                  domain::campaign::Team in);
// Assigns the campaign's schools to a team (none: unassigns them).
Result<std::vector<domain::campaign::Target>> AssignCampaignSchools(
    Services& s, const RequestContext& ctx, std::int64_t campaign_id,
    const std::vector<std::int64_t>& school_ids, std::optional<std::int64_t> team_id);

// One school in a campaign: what its self-inspection owes and has filled, the inspections, the
// feedback and replies.
struct CampaignSchoolView {
  domain::campaign::Target target;
  struct DueSheet {
    domain::campaign::Due due;
    std::string template_name;
    std::vector<domain::checklist::Item> items;
    std::optional<std::int64_t> sheet_id;  // the school's sheet when filled
  };
  std::vector<DueSheet> due;
  std::vector<domain::campaign::Sheet> sheets;  // self and inspections, with answers
  std::vector<domain::campaign::Message> messages;
  bool can_fill = false;      // the school may still fill and submit
  bool can_inspect = false;   // the caller may inspect this school now
  bool can_feedback = false;  // the caller may send feedback
  bool can_reply = false;     // the caller may reply
};
Result<CampaignSchoolView> GetCampaignSchool(Services& s, const RequestContext& ctx,
                                             std::int64_t campaign_id, std::int64_t school_id);

struct SheetInput {
  std::int64_t school_id = 0;
  std::string kind = "self";  // self, or an inspection: bureau / city (from the caller's team)
  std::int64_t template_id = 0;
  std::optional<std::int64_t> key_place_id;
  std::string note;
  std::vector<domain::checklist::ItemAnswer> answers;  // file_ids: the caller's uploads
};
struct SheetDetail {
  domain::campaign::Sheet sheet;
  std::vector<domain::checklist::Item> items;
  std::vector<domain::StoredFile> files;
};
// Fills one checklist at one place. Each failed item becomes a hazard (source by kind, in the
// campaign, at the place, with copies of the item's photos); an inspection's failed item that the
// school's own sheet passed is flagged 自查未发现 and its hazard escalated by hazard.missed.
Result<SheetDetail> FillCampaignSheet(Services& s, const RequestContext& ctx,
                                      std::int64_t campaign_id, SheetInput in);
Result<SheetDetail> GetCampaignSheet(Services& s, const RequestContext& ctx, std::int64_t sheet_id);
// The school submits its self-inspection: every due sheet filled (409 campaign.sheets_missing
// listing what is not).
Result<domain::campaign::Target> SubmitSelfInspection(Services& s, const RequestContext& ctx,
                                                      std::int64_t campaign_id,
                                                      std::int64_t school_id);

// Feedback by the bureau (or an inspector of the school), a reply by the school.
Result<domain::campaign::Message> PostCampaignMessage(Services& s, const RequestContext& ctx,
                                                      std::int64_t campaign_id,
                                                      domain::campaign::Message in);

struct CampaignBoard {
  domain::campaign::Progress progress;
  int schools = 0;
};
Result<CampaignBoard> GetCampaignBoard(Services& s, const RequestContext& ctx, std::int64_t id);

struct Evaluation {
  domain::campaign::Weights weights;
  std::vector<domain::campaign::Score> scores;  // ranked
  int ranked = 0;                               // the schools ranked
};
// The scores as of now, with the campaign's weights (the bureau, not an inspector).
Result<Evaluation> EvaluateCampaign(Services& s, const RequestContext& ctx, std::int64_t id);
// One school's score with its rank among all of the campaign's schools (scores: that one), for
// whoever sees the school in the campaign: the school itself, the bureau, its inspectors.
Result<Evaluation> EvaluateCampaignSchool(Services& s, const RequestContext& ctx, std::int64_t id,
                                          std::int64_t school_id);
// The evaluation as a sheet (.xlsx): the ranking, then the parts of each school's score.
Result<std::string> ExportEvaluation(Services& s, const RequestContext& ctx, std::int64_t id);
// A hazard of the campaign for the bureau's typical problems (典型问题) and the briefing.
struct CampaignHazard {
  domain::hazard::Hazard hazard;
  std::optional<domain::campaign::Typical> typical;  // when marked
  std::vector<domain::StoredFile> photos;            // the images attached to the hazard
};
// The campaign's hazards (the bureau): every one, or only the typical problems in the briefing's
// order (major first, then by school, then the earliest found).
Result<std::vector<CampaignHazard>> CampaignHazards(Services& s, const RequestContext& ctx,
                                                    std::int64_t id, bool typical_only);
// Marks a hazard of the campaign typical with the bureau's note (again: replaces the note), or
// unmarks it; a hazard of another campaign answers 422 naming hazard_id.
Result<CampaignHazard> MarkTypical(Services& s, const RequestContext& ctx, std::int64_t id,
                                   std::int64_t hazard_id, const std::string& note);
Status UnmarkTypical(Services& s, const RequestContext& ctx, std::int64_t id,
                     std::int64_t hazard_id);
// The briefing for the district's video meeting as a sheet (.xlsx): each typical problem with its
// school, place, problem, level, state, deadline, the bureau's note and its photos' names.
Result<std::string> ExportBriefing(Services& s, const RequestContext& ctx, std::int64_t id);
// Closes the campaign with its summary (required): no sheets, feedback or replies after.
Result<CampaignView> CloseCampaign(Services& s, const RequestContext& ctx, std::int64_t id,
                                   const std::string& summary);

// Whether the caller may read a sheet (who may download its photos).
FileSubject CampaignFileSubject();

}  // namespace xiaoan::app
