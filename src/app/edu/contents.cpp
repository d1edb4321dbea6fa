#include "app/edu/contents.hpp"

#include <map>

#include "app/calendar/calendar.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/org.hpp"

namespace xiaoan::app {

namespace edu = domain::edu;
namespace perm = domain::perm;

namespace {

Result<domain::Unit> CallerUnit(domain::Tx& tx, const RequestContext& ctx) {
  if (!ctx.unit_id) return FailedPrecondition("edu_content.no_unit", "您的账号不属于任何单位");
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(*ctx.unit_id));
  if (!unit) return NotFound("单位不存在");
  return std::move(*unit);
}

struct Library {
  domain::Unit unit;
  std::vector<std::int64_t> nearest;
  std::vector<edu::ContentEdit> edits;
  std::map<std::int64_t, std::string> names;  // of the units above with an edit
};

Result<Library> LoadLibrary(domain::Tx& tx, const RequestContext& ctx) {
  Library out;
  XA_ASSIGN_OR_RETURN(out.unit, CallerUnit(tx, ctx));
  out.nearest = UnitsNearestFirst(out.unit);
  XA_ASSIGN_OR_RETURN(out.edits, tx.edu_contents().EditsOf(out.nearest));
  for (const auto& e : out.edits) {
    if (out.names.count(e.unit_id)) continue;
    XA_ASSIGN_OR_RETURN(auto u, tx.org().FindUnit(e.unit_id));
    out.names[e.unit_id] = u ? u->name : "";
  }
  return out;
}

ContentItem ItemOf(const Library& lib, edu::Topic topic, edu::AgeGroup age) {
  const auto in_force = edu::TextInForce(lib.edits, lib.nearest, topic, age);
  ContentItem item{topic, age, in_force.text, "shipped", "", 0, "", std::nullopt};
  if (const auto* e = in_force.edit) {
    const bool own = e->unit_id == lib.unit.id;
    item.source = own ? "own" : "inherited";
    item.source_unit_name = lib.names.count(e->unit_id) ? lib.names.at(e->unit_id) : "";
    item.version = own ? e->version : 0;
    item.updated_by = e->updated_by;
    item.updated_at = e->updated_at;
  }
  return item;
}

Result<std::pair<edu::Topic, edu::AgeGroup>> ParsePair(const std::string& topic,
                                                       const std::string& age_group) {
  std::vector<ErrorDetail> problems;
  const auto t = edu::ParseTopic(topic);
  const auto a = edu::ParseAgeGroup(age_group);
  if (!t) problems.push_back({"topic", "没有这个提醒主题"});
  if (!a) problems.push_back({"age_group", "没有这个年龄段"});
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  return std::pair{*t, *a};
}

std::string Label(edu::Topic t, edu::AgeGroup a) {
  return std::string(edu::TopicLabel(t)) + "（" + std::string(edu::AgeGroupLabel(a)) + "）";
}

}  // namespace

Result<ContentsView> ListEduContents(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看1530提醒内容"));
  ContentsView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto lib, LoadLibrary(tx, ctx));
    out.unit_id = lib.unit.id;
    out.unit_name = lib.unit.name;
    out.can_edit = ctx.Can(perm::kEduContent);
    for (const auto t : edu::AllTopics()) {
      for (const auto a : edu::AllAgeGroups()) out.items.push_back(ItemOf(lib, t, a));
    }
    return {};
  }));
  return out;
}

Result<ContentItem> SetEduContent(Services& s, const RequestContext& ctx, const std::string& topic,
                                  const std::string& age_group, const std::string& text,
                                  int version) {
  XA_TRY(RequirePermission(ctx, perm::kEduContent, "修改1530提醒内容"));
  XA_ASSIGN_OR_RETURN(const auto pair, ParsePair(topic, age_group));
  auto problems = edu::CheckContentText(text);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  ContentItem out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto unit, CallerUnit(tx, ctx));
    edu::ContentEdit e{unit.id,   pair.first,    pair.second,         text,
                       ctx.actor, s.clock.Now(), std::max(version, 0)};
    XA_ASSIGN_OR_RETURN(const bool saved, tx.edu_contents().Save(e));
    if (!saved) {
      return FailedPrecondition("edu_content.stale", "这条提醒内容刚被他人修改，请刷新后再试");
    }
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, "edu.content.edit", "edu_content",
        std::string(edu::TopicCode(pair.first)) + "/" + std::string(edu::AgeGroupCode(pair.second)),
        "修改1530提醒内容：" + Label(pair.first, pair.second))));
    XA_ASSIGN_OR_RETURN(auto lib, LoadLibrary(tx, ctx));
    out = ItemOf(lib, pair.first, pair.second);
    return {};
  }));
  return out;
}

Result<ContentItem> ResetEduContent(Services& s, const RequestContext& ctx,
                                    const std::string& topic, const std::string& age_group) {
  XA_TRY(RequirePermission(ctx, perm::kEduContent, "恢复1530提醒内容"));
  XA_ASSIGN_OR_RETURN(const auto pair, ParsePair(topic, age_group));
  ContentItem out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto unit, CallerUnit(tx, ctx));
    XA_ASSIGN_OR_RETURN(const bool removed,
                        tx.edu_contents().Remove(unit.id, pair.first, pair.second));
    if (removed) {
      XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.content.reset", "edu_content",
                                       std::string(edu::TopicCode(pair.first)) + "/" +
                                           std::string(edu::AgeGroupCode(pair.second)),
                                       "恢复1530提醒内容：" + Label(pair.first, pair.second))));
    }
    XA_ASSIGN_OR_RETURN(auto lib, LoadLibrary(tx, ctx));
    out = ItemOf(lib, pair.first, pair.second);
    return {};
  }));
  return out;
}

}  // namespace xiaoan::app
