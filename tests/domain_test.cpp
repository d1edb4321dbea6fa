// Pure domain rules: regions, units, schools, the audit chain; and the config loader and router.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include "cli/config.hpp"
#include "core/clock.hpp"
#include "core/field_cipher.hpp"
#include "core/password.hpp"
#include "domain/audit/audit.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/enums.hpp"
#include "domain/org/org.hpp"
#include "domain/org/school_stats.hpp"
#include "domain/platform/personal_info.hpp"
#include "domain/store.hpp"
#include "http/json/hazard_json.hpp"
#include "http/json/writer.hpp"
#include "http/router.hpp"

namespace xiaoan {
namespace {

using namespace domain;

bool HasField(const std::vector<ErrorDetail>& ds, const std::string& field) {
  for (const auto& d : ds) {
    if (d.field == field) return true;
  }
  return false;
}

TEST(Region, LevelFromCode) {
  EXPECT_EQ(RegionLevel("330000"), "province");
  EXPECT_EQ(RegionLevel("330100"), "city");
  EXPECT_EQ(RegionLevel("330106"), "county");
}

TEST(Region, CodeMustBeSixDigits) {
  EXPECT_TRUE(HasField(ValidateRegion({"33010", "杭州", {}, "", "", ""}), "code"));
  EXPECT_TRUE(HasField(ValidateRegion({"33a106", "x", {}, "", "", ""}), "code"));
  EXPECT_TRUE(HasField(ValidateRegion({"330106", "", {}, "", "", ""}), "name"));
  EXPECT_TRUE(ValidateRegion({"330106", "西湖区", std::string("330100"), "", "", ""}).empty());
}

TEST(Region, ParentMustBeTheLevelAboveWithTheSamePrefix) {
  const Region province{"330000", "浙江省", {}, "province", "", ""};
  const Region city{"330100", "杭州市", std::string("330000"), "city", "", ""};
  const Region other_city{"320100", "南京市", std::string("320000"), "city", "", ""};
  Region county{"330106", "西湖区", std::string("330100"), "county", "", ""};
  EXPECT_FALSE(CheckRegionParent(county, &city).has_value());
  EXPECT_TRUE(CheckRegionParent(county, &other_city).has_value());
  // 省直辖县级: a county directly under its province.
  Region direct{"419001", "济源市", std::string("410000"), "county", "", ""};
  const Region henan{"410000", "河南省", {}, "province", "", ""};
  EXPECT_FALSE(CheckRegionParent(direct, &henan).has_value());
  EXPECT_TRUE(CheckRegionParent(county, nullptr).has_value());
  EXPECT_FALSE(CheckRegionParent(province, nullptr).has_value());
  EXPECT_TRUE(CheckRegionParent(province, &city).has_value());
}

TEST(Unit, ParentKinds) {
  Unit bureau;
  bureau.kind = "bureau";
  Unit department;
  department.kind = "department";
  EXPECT_FALSE(CheckUnitParent("bureau", nullptr).has_value());
  EXPECT_FALSE(CheckUnitParent("section", &bureau).has_value());
  EXPECT_TRUE(CheckUnitParent("section", nullptr).has_value());
  EXPECT_TRUE(CheckUnitParent("school", &department).has_value());
  EXPECT_FALSE(CheckUnitParent("department", &department).has_value());
  EXPECT_TRUE(CheckUnitParent("department", &bureau).has_value());
}

School ValidSchool() {
  School s;
  s.unit.kind = "school";
  s.unit.code = "3301060001";
  s.unit.name = "西湖小学";
  s.unit.region_code = "330106";
  s.profile.stage = "primary";
  s.profile.ownership = "public";
  s.profile.location_type = "urban";
  s.profile.students = 900;
  s.profile.staff = 70;
  s.buildings = {{0, "教学楼", 5}};
  s.key_places = {{0, "lab", "实验室", std::string("教学楼")}};
  return s;
}

TEST(School, ValidSchoolPasses) { EXPECT_TRUE(ValidateSchool(ValidSchool()).empty()); }

TEST(School, EachRuleNamesItsField) {
  auto s = ValidSchool();
  s.profile.stage = "college";
  EXPECT_TRUE(HasField(ValidateSchool(s), "stage"));
  s = ValidSchool();
  s.profile.boarders = 10;  // not boarding
  EXPECT_TRUE(HasField(ValidateSchool(s), "boarders"));
  s = ValidSchool();
  s.profile.boarding = true;  // boarding without boarders
  EXPECT_TRUE(HasField(ValidateSchool(s), "boarders"));
  s = ValidSchool();
  s.profile.boarding = true;
  s.profile.boarders = 1000;  // more than students
  EXPECT_TRUE(HasField(ValidateSchool(s), "boarders"));
  s = ValidSchool();
  s.buildings.push_back({0, "教学楼", 3});
  EXPECT_TRUE(HasField(ValidateSchool(s), "buildings[1].name"));
  s = ValidSchool();
  s.key_places[0].building = "图书馆";
  EXPECT_TRUE(HasField(ValidateSchool(s), "key_places[0].building"));
  s = ValidSchool();
  s.key_places[0].kind = "roof";
  EXPECT_TRUE(HasField(ValidateSchool(s), "key_places[0].kind"));
  s = ValidSchool();
  s.unit.phone = "call me";
  EXPECT_TRUE(HasField(ValidateSchool(s), "phone"));
  s = ValidSchool();
  s.unit.code.reset();
  EXPECT_TRUE(HasField(ValidateSchool(s), "code"));
  s = ValidSchool();
  s.buildings[0].floors = 0;
  EXPECT_TRUE(HasField(ValidateSchool(s), "buildings[0].floors"));
  s = ValidSchool();
  s.unit.name = std::string(101, 'x');
  EXPECT_TRUE(HasField(ValidateSchool(s), "name"));
}

TEST(School, EditedPlacesKeepTheirIds) {
  const std::vector<Building> buildings = {{11, "教学楼", 4}, {12, "宿舍楼", 6}};
  const std::vector<KeyPlace> places = {{21, "canteen", "食堂", std::nullopt},
                                        {22, "lab", "实验室", "教学楼"},
                                        {23, "lab", "库房", {}}};
  // Sent back as read, with a change of floors and a rename by id.
  auto b = buildings;
  b[0].floors = 5;
  auto k = places;
  k[1].name = "化学实验室";
  auto same = PlanPlaceChanges(buildings, places, b, k);
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->removed_buildings.empty());
  EXPECT_TRUE(same->removed_key_places.empty());
  EXPECT_EQ(same->buildings[0].id, 11);
  EXPECT_EQ(same->buildings[0].floors, 5);
  EXPECT_EQ(same->key_places[1].id, 22);
  EXPECT_EQ(same->key_places[1].name, "化学实验室");

  // Without ids (an import): matched by name, or kind and name; a new entry gets none; what is
  // not sent is removed.
  std::vector<Building> nb = {{0, "宿舍楼", 6}, {0, "体育馆", 1}};
  std::vector<KeyPlace> nk = {{0, "lab", "实验室", std::nullopt},
                              {0, "canteen", "实验室", std::nullopt},
                              {0, "canteen", "食堂", std::nullopt}};
  auto plan = PlanPlaceChanges(buildings, places, nb, nk);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->buildings[0].id, 12);
  EXPECT_EQ(plan->buildings[1].id, 0);
  EXPECT_EQ(plan->removed_buildings, std::vector<std::int64_t>({11}));
  EXPECT_EQ(plan->key_places[0].id, 22);
  EXPECT_EQ(plan->key_places[1].id, 0);  // same name, other kind: new
  EXPECT_EQ(plan->key_places[2].id, 21);
  EXPECT_EQ(plan->removed_key_places, std::vector<std::int64_t>({23}));

  // An entry with an id claims it even after an id-less one of the same name came first.
  std::vector<KeyPlace> both = {{0, "canteen", "食堂", std::nullopt},
                                {21, "canteen", "食堂", std::nullopt}};
  auto claimed = PlanPlaceChanges(buildings, places, buildings, both);
  ASSERT_TRUE(claimed.ok());
  EXPECT_EQ(claimed->key_places[0].id, 0);
  EXPECT_EQ(claimed->key_places[1].id, 21);

  // Ids of another school, or sent twice, are refused and named.
  std::vector<Building> foreign = {{99, "教学楼", 4}};
  std::vector<KeyPlace> twice = {{21, "canteen", "食堂", std::nullopt},
                                 {21, "canteen", "食堂2", std::nullopt}};
  auto refused = PlanPlaceChanges(buildings, places, foreign, twice);
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().details.size(), 2u);
  EXPECT_EQ(refused.error().details[0].field, "buildings[0].id");
  EXPECT_EQ(refused.error().details[1].field, "key_places[1].id");

  // A new school: everything new, nothing removed.
  auto fresh = PlanPlaceChanges({}, {}, nb, nk);
  ASSERT_TRUE(fresh.ok());
  EXPECT_TRUE(fresh->removed_key_places.empty());
  EXPECT_EQ(fresh->key_places[2].id, 0);
}

TEST(Supervision, AnOrderIsRepliedThenClosedAndStaysClosed) {
  SupervisionOrder o;
  o.subject_type = "whistle";
  o.subject_id = 5;
  // Not replied yet: cannot be closed.
  auto early = CloseOrder(o, "bureau", "2026-11-02");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(early.error().details.at(0).field, "supervision.state");
  EXPECT_NE(early.error().message.find("尚未回复"), std::string::npos) << early.error().message;
  EXPECT_EQ(o.state, OrderState::kOpen);
  ASSERT_TRUE(ReplyToOrder(o, "已整改", "school", "2026-11-03").ok());
  EXPECT_EQ(o.state, OrderState::kReplied);
  EXPECT_EQ(o.replied_by, "school");
  // A second reply replaces the first while the order is open.
  ASSERT_TRUE(ReplyToOrder(o, "已整改并复查", "school2", "2026-11-04").ok());
  EXPECT_EQ(o.reply, "已整改并复查");
  EXPECT_EQ(o.replied_at.value_or(""), "2026-11-04");
  ASSERT_TRUE(CloseOrder(o, "bureau", "2026-11-05").ok());
  EXPECT_EQ(o.state, OrderState::kClosed);
  EXPECT_EQ(o.closed_by, "bureau");
  // Closed: neither a reply nor a second close.
  EXPECT_FALSE(ReplyToOrder(o, "再次回复", "school", "2026-11-06").ok());
  auto again = CloseOrder(o, "bureau", "2026-11-06");
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("已办结"), std::string::npos) << again.error().message;
  EXPECT_EQ(o.reply, "已整改并复查");
  EXPECT_EQ(o.closed_at.value_or(""), "2026-11-05");
  for (auto st : {OrderState::kOpen, OrderState::kReplied, OrderState::kClosed}) {
    EXPECT_EQ(OrderStateFromCode(OrderStateCode(st)), st);
  }
  EXPECT_FALSE(OrderStateFromCode("done").has_value());
}

TEST(Enums, LabelsAndCodes) {
  EXPECT_EQ(LabelOf(SchoolStages(), "nine_year"), "九年一贯制");
  EXPECT_EQ(CodeFromText(LocationTypes(), "城乡结合部").value_or(""), "fringe");
  EXPECT_EQ(CodeFromText(LocationTypes(), " rural ").value_or(""), "rural");
  EXPECT_FALSE(CodeFromText(KeyPlaceKinds(), "屋顶").has_value());
  EXPECT_EQ(KeyPlaceKinds().size(), 12u);
  EXPECT_EQ(DepartmentKinds().size(), 11u);
}

TEST(JsonWriter, WritesWhatTheDocumentSerializerWrites) {
  std::string out;
  http::JsonWriter w(out);
  w.BeginObject();
  w.Field("text", std::string_view("引号\"反斜杠\\换行\n制表\t\x01\x1f结束"));
  w.Key("list");
  w.BeginArray();
  w.Int(-9007199254740993);
  w.Bool(false);
  w.Null();
  w.BeginObject();
  w.EndObject();
  w.EndArray();
  w.Field("none", std::optional<std::string>());
  w.Field("n", std::optional<std::int64_t>(7));
  w.EndObject();
  EXPECT_EQ(out, boost::json::serialize(boost::json::parse(out)));
  EXPECT_EQ(boost::json::parse(out).at("text").as_string(),
            "引号\"反斜杠\\换行\n制表\t\x01\x1f结束");
  EXPECT_EQ(boost::json::parse(out).at("list").as_array().at(0).as_int64(), -9007199254740993);
}

TEST(JsonWriter, EscapesEveryByteThatNeedsItWhereverItStands) {
  // Text is scanned eight bytes at a time: put each ASCII byte at each ASCII place of a 19-byte
  // string mixing ASCII and UTF-8 (places 0-7 and 8-15 are whole words, 16-18 the tail) and
  // compare with the document serializer.
  const std::string base =
      "ab示范cd\xe2\x80\x9c"
      "efghij";
  ASSERT_EQ(base.size(), 19u);
  int compared = 0;
  for (int byte = 0; byte < 0x80; ++byte) {
    for (std::size_t at = 0; at < base.size(); ++at) {
      if (static_cast<unsigned char>(base[at]) >= 0x80) continue;  // inside a character
      std::string text = base;
      text[at] = static_cast<char>(byte);
      std::string out;
      http::JsonWriter w(out);
      w.String(text);
      ASSERT_EQ(out, boost::json::serialize(boost::json::string(text)))
          << "byte " << byte << " at " << at;
      ++compared;
    }
  }
  EXPECT_EQ(compared, 128 * 10);
}

TEST(JsonWriter, AHazardAsTextIsTheSameAsItsDocument) {
  domain::hazard::Hazard h;
  h.id = 42;
  h.school_id = 7;
  h.school_name = "示范\"第一\"小学";
  h.key_place_id = 3;
  h.domain = "fire";
  h.level = "major";
  h.title = "灭火器\n过期";
  h.description = "\\ 说明 \x02";
  h.source = "self_inspection";
  h.deadline = "2026-12-01";
  h.five.measures = "措施";
  h.state = domain::hazard::State::kRectifying;
  h.rework_count = 2;
  h.supervised = true;
  for (int variant = 0; variant < 2; ++variant) {
    if (variant == 1) {
      h.key_place_id.reset();
      h.deadline.reset();
      h.closed_at = "2026-12-02T00:00:00.000Z";
      h.supervised = false;
    }
    std::string text;
    http::JsonWriter w(text);
    http::WriteJson(w, h);
    EXPECT_EQ(text, boost::json::serialize(http::ToJson(h))) << variant;
  }
}

// A hazard's page as text has the members, order and escaping of the same page built as a
// document with boost::json: the record's members, then the timeline (a signature attached to
// the event that names it, null elsewhere), files, escalations, actions and the two figures.
TEST(JsonWriter, AHazardPageAsTextIsTheSameAsItsDocument) {
  namespace json = boost::json;
  app::HazardDetail d;
  d.hazard.id = 9;
  d.hazard.school_id = 7;
  d.hazard.title = "楼梯\"扶手\"松动";
  d.hazard.state = domain::hazard::State::kVerified;
  d.hazard.deadline = "2026-12-01";
  domain::hazard::HazardEvent reported{
      1,  9,          "2026-11-01T00:00:00.000Z", "school1_safety", "report",
      "", "reported", "第一行\n第二行",           std::nullopt,     {3, 4}};
  domain::hazard::HazardEvent approved{
      2,  9, "2026-11-03T00:00:00.000Z", "school1_leader", "approve", "submitted", "verified", "",
      11, {}};
  d.events = {reported, approved};
  domain::StoredFile file{3,
                          "照片.jpg",
                          "image/jpeg",
                          1024,
                          "ab",
                          "school1_safety",
                          7,
                          "2026-11-01T00:00:00.000Z",
                          "hazard",
                          9};
  domain::StoredFile loose = file;
  loose.id = 4;
  loose.subject_type.reset();
  loose.subject_id.reset();
  d.files = {file, loose};
  d.escalations = {{1, 9, "hazard.overdue", "bureau", true, "逾期 3 天", "2026-11-05"}};
  domain::Signature other;
  other.id = 10;
  domain::Signature sig;
  sig.id = 11;
  sig.username = "school1_leader";
  sig.method = "password";
  sig.signed_at = "2026-11-03T00:00:00.000Z";
  sig.content_hash = "cafe";
  d.signatures = {other, sig};
  d.actions = {"close", "reopen"};
  d.default_deadline_days = 30;
  d.days_overdue = 2;
  d.names = {{"school1_leader", "李校长"}};  // the finder has no display name

  auto expected = http::ToJson(d.hazard).as_object();
  expected["found_by_name"] = "";
  expected["owner_name"] = "";
  expected["rectifier_name"] = "";
  json::array timeline;
  for (const auto& e : d.events) {
    json::array ids;
    for (auto id : e.file_ids) ids.push_back(id);
    json::value signature = nullptr;
    if (e.signature_id) {
      signature = json::object{{"id", sig.id},
                               {"username", sig.username},
                               {"method", sig.method},
                               {"signed_at", sig.signed_at},
                               {"content_hash", sig.content_hash}};
    }
    timeline.push_back(json::object{{"id", e.id},
                                    {"at", e.at},
                                    {"actor", e.actor},
                                    {"actor_name", e.actor == "school1_leader" ? "李校长" : ""},
                                    {"action", e.action},
                                    {"from_state", e.from_state},
                                    {"to_state", e.to_state},
                                    {"note", e.note},
                                    {"signature", std::move(signature)},
                                    {"file_ids", std::move(ids)}});
  }
  json::array files;
  for (const auto& f : d.files) files.push_back(http::ToJson(f));
  expected["timeline"] = std::move(timeline);
  expected["files"] = std::move(files);
  expected["escalations"] = json::array{json::object{{"rule", "hazard.overdue"},
                                                     {"target", "bureau"},
                                                     {"supervision", true},
                                                     {"reason", "逾期 3 天"},
                                                     {"fired_at", "2026-11-05"},
                                                     {"rule_version", 0}}};
  expected["actions"] = json::array{"close", "reopen"};
  expected["default_deadline_days"] = 30;
  expected["days_overdue"] = 2;
  EXPECT_EQ(http::DetailJson(d), json::serialize(expected));
  EXPECT_EQ(json::serialize(http::ToJson(file)),
            "{\"id\":3,\"name\":\"照片.jpg\",\"content_type\":\"image/jpeg\",\"size\":1024,"
            "\"sha256\":\"ab\",\"uploaded_by\":\"school1_safety\",\"uploaded_at\":"
            "\"2026-11-01T00:00:00.000Z\",\"subject_type\":\"hazard\",\"subject_id\":9,"
            "\"hazard_id\":9,\"url\":\"/api/v1/files/3\"}");
}

TEST(ScopeFilter, RootsDropPathsInsideAnother) {
  const domain::ScopeFilter f{false, false, {"/1/2/30/", "/1/20/", "/1/2/", "/5/", "/1/2/"}};
  EXPECT_EQ(f.Roots(), (std::vector<std::string>{"/1/2/", "/1/20/", "/5/"}));
  EXPECT_TRUE(domain::ScopeFilter({false, false, {}}).Roots().empty());
}

TEST(Enums, EveryPermissionAndScopeKindHasALabel) {
  const auto labels = PermissionLabels();
  const auto& all = AllPermissions();
  ASSERT_EQ(labels.size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(labels[i].code, all[i]) << "PermissionLabels() follows AllPermissions()";
    EXPECT_FALSE(labels[i].label.empty()) << all[i];
    EXPECT_FALSE(labels[i].group.empty()) << all[i];
  }
  ASSERT_EQ(AllScopeKinds().size(), 5u);
  for (auto kind : AllScopeKinds()) {
    EXPECT_FALSE(ScopeKindLabel(kind).empty()) << ScopeKindName(kind);
    EXPECT_EQ(ScopeKindFromName(ScopeKindName(kind)), kind);
  }
  EXPECT_EQ(ScopeKindLabel(ScopeKind::kOwn), "本人");
  EXPECT_EQ(ScopeKindLabel(ScopeKind::kOwnUnit), "本单位");
  EXPECT_EQ(ScopeKindLabel(ScopeKind::kUnitAndBelow), "本单位及下级");
  EXPECT_EQ(ScopeKindLabel(ScopeKind::kCustom), "自定义");
  EXPECT_EQ(ScopeKindLabel(ScopeKind::kAll), "全部");
}

std::int64_t CountOf(const std::vector<CodeCount>& counts, const std::string& code) {
  for (const auto& c : counts) {
    if (c.code == code) return c.count;
  }
  return -1;
}

TEST(SchoolStats, FoldsGroupedRowsIntoEveryCategory) {
  const auto empty = SummariseSchools({});
  EXPECT_EQ(empty.total, 0);
  EXPECT_EQ(empty.boarding, 0);
  ASSERT_EQ(empty.by_stage.size(), SchoolStages().size());
  ASSERT_EQ(empty.by_location_type.size(), LocationTypes().size());
  ASSERT_EQ(empty.by_ownership.size(), Ownerships().size());
  EXPECT_EQ(empty.by_stage[0].code, "kindergarten");
  EXPECT_EQ(empty.by_stage[0].label, "幼儿园");
  EXPECT_EQ(empty.by_stage[0].count, 0);

  const auto stats = SummariseSchools({{"primary", "urban", "public", false, 5},
                                       {"primary", "rural", "public", true, 2},
                                       {"senior", "urban", "public", true, 3},
                                       {"kindergarten", "urban", "private", false, 4}});
  EXPECT_EQ(stats.total, 14);
  EXPECT_EQ(stats.boarding, 5);
  EXPECT_EQ(CountOf(stats.by_stage, "primary"), 7);
  EXPECT_EQ(CountOf(stats.by_stage, "senior"), 3);
  EXPECT_EQ(CountOf(stats.by_stage, "kindergarten"), 4);
  EXPECT_EQ(CountOf(stats.by_stage, "special"), 0);
  EXPECT_EQ(CountOf(stats.by_location_type, "urban"), 12);
  EXPECT_EQ(CountOf(stats.by_location_type, "rural"), 2);
  EXPECT_EQ(CountOf(stats.by_location_type, "fringe"), 0);
  EXPECT_EQ(CountOf(stats.by_ownership, "public"), 10);
  EXPECT_EQ(CountOf(stats.by_ownership, "private"), 4);
  EXPECT_EQ(stats.by_stage.size(), SchoolStages().size());  // zeros stay, nothing added
  EXPECT_EQ(stats.by_location_type[2].label, "乡村");

  // A stored code the table lacks still counts, after the known ones, labelled with itself.
  const auto odd = SummariseSchools({{"legacy", "urban", "public", false, 1}});
  ASSERT_EQ(odd.by_stage.size(), SchoolStages().size() + 1);
  EXPECT_EQ(odd.by_stage.back().code, "legacy");
  EXPECT_EQ(odd.by_stage.back().label, "legacy");
  EXPECT_EQ(odd.by_stage.back().count, 1);
  EXPECT_EQ(odd.total, 1);
}

std::vector<AuditRecord> Chain(int n, AuditHash algo) {
  std::vector<AuditRecord> out;
  std::string prev = kAuditGenesis;
  for (int i = 1; i <= n; ++i) {
    AuditRecord r;
    r.id = i;
    r.entry.at = "2026-11-30T00:00:0" + std::to_string(i) + ".000Z";
    r.entry.actor = "u";
    r.entry.action = "school.update";
    r.entry.object_type = "school";
    r.entry.object_id = std::to_string(i);
    r.entry.result = "ok";
    r.entry.summary = "change " + std::to_string(i);
    r.prev_hash = prev;
    r.hash = AuditRecordHash(r.entry, r.id, prev, algo);
    prev = r.hash;
    out.push_back(r);
  }
  return out;
}

std::optional<ChainBreak> Verify(const std::vector<AuditRecord>& records, AuditHash algo) {
  std::string prev = kAuditGenesis;
  std::int64_t prev_id = 0;
  return VerifyAuditChain(records, prev, prev_id, algo);
}

// The anchored head: a cut tail, a replaced record at the head, a record past it for a minute.
TEST(AuditChain, TheAnchoredHeadAtItsEdges) {
  const domain::AuditHead head{10, "h10"};
  const std::string now = "2026-12-04T08:00:00.000Z";
  EXPECT_FALSE(domain::CheckAnchoredHead(head, 10, std::string("h10"), std::nullopt, now, 60));
  auto cut = domain::CheckAnchoredHead(head, 9, std::nullopt, std::nullopt, now, 60);
  ASSERT_TRUE(cut.has_value());
  EXPECT_EQ(cut->id, 10);
  EXPECT_EQ(cut->reason.rfind("记录 10 已不在表中", 0), 0u) << cut->reason;
  auto cut3 = domain::CheckAnchoredHead(head, 7, std::nullopt, std::nullopt, now, 60);
  ASSERT_TRUE(cut3.has_value());
  EXPECT_EQ(cut3->id, 8);
  EXPECT_EQ(cut3->reason.rfind("记录 8–10 已不在表中", 0), 0u) << cut3->reason;
  auto replaced = domain::CheckAnchoredHead(head, 10, std::string("other"), std::nullopt, now, 60);
  ASSERT_TRUE(replaced.has_value());
  EXPECT_EQ(replaced->id, 10);
  // The record at the head was archived: nothing to compare, the rest still holds.
  EXPECT_FALSE(domain::CheckAnchoredHead(head, 12, std::nullopt, std::nullopt, now, 60));
  domain::AuditRecord past;
  past.id = 11;
  past.entry.at = "2026-12-04T07:59:00.001Z";  // 59.999 s ago: a commit still being anchored
  EXPECT_FALSE(domain::CheckAnchoredHead(head, 11, std::string("h10"), past, now, 60));
  past.entry.at = "2026-12-04T07:59:00.000Z";  // a full minute
  auto forged = domain::CheckAnchoredHead(head, 11, std::string("h10"), past, now, 60);
  ASSERT_TRUE(forged.has_value());
  EXPECT_EQ(forged->id, 11);
  past.entry.at = "not a time";
  EXPECT_TRUE(domain::CheckAnchoredHead(head, 11, std::string("h10"), past, now, 60));
}

TEST(AuditChain, ACheckpointCountsOnlyWhenTheChainRecordsIt) {
  domain::AuditRecord r;
  r.id = 8;
  r.entry.action = "audit.archive";
  r.entry.object_id = "7";
  r.entry.summary = "归档审计记录 1–7 至 /a/x.jsonl（SHA-256 abcd）";
  EXPECT_TRUE(domain::RecordsArchive(r, 7, "abcd"));
  EXPECT_FALSE(domain::RecordsArchive(r, 7, "abce"));
  EXPECT_FALSE(domain::RecordsArchive(r, 7, ""));
  EXPECT_FALSE(domain::RecordsArchive(r, 6, "abcd"));
  r.id = 7;  // not past the checkpoint
  EXPECT_FALSE(domain::RecordsArchive(r, 7, "abcd"));
  r.id = 8;
  r.entry.action = "audit.export";
  EXPECT_FALSE(domain::RecordsArchive(r, 7, "abcd"));
}

// Which refusals the audit log keeps: every 403; on writes 404 and 409; never 401 or 422.
TEST(AuditRefusals, ForbiddenAlwaysOutOfReachAndRuleRefusalsOnWrites) {
  for (const bool write : {false, true}) {
    EXPECT_TRUE(domain::RefusalIsAudited(write, ErrorCode::kPermissionDenied));
    EXPECT_EQ(domain::RefusalIsAudited(write, ErrorCode::kNotFound), write);
    EXPECT_EQ(domain::RefusalIsAudited(write, ErrorCode::kFailedPrecondition), write);
    EXPECT_EQ(domain::RefusalIsAudited(write, ErrorCode::kAlreadyExists), write);
    EXPECT_FALSE(domain::RefusalIsAudited(write, ErrorCode::kUnauthenticated));
    EXPECT_FALSE(domain::RefusalIsAudited(write, ErrorCode::kInvalidArgument));
    EXPECT_FALSE(domain::RefusalIsAudited(write, ErrorCode::kInternal));
  }
}

TEST(AuditChain, IntactChainVerifies) {
  EXPECT_FALSE(Verify(Chain(5, AuditHash::kSha256), AuditHash::kSha256).has_value());
  EXPECT_FALSE(Verify(Chain(5, AuditHash::kSm3), AuditHash::kSm3).has_value());
  // The algorithms differ: an SM3 chain does not verify as SHA-256.
  EXPECT_TRUE(Verify(Chain(3, AuditHash::kSm3), AuditHash::kSha256).has_value());
}

TEST(AuditChain, EditDeleteAndReorderAreFoundAtTheRightRecord) {
  auto edited = Chain(5, AuditHash::kSha256);
  edited[2].entry.summary = "tampered";
  EXPECT_EQ(Verify(edited, AuditHash::kSha256)->id, 3);
  auto deleted = Chain(5, AuditHash::kSha256);
  deleted.erase(deleted.begin() + 1);
  EXPECT_EQ(Verify(deleted, AuditHash::kSha256)->id, 3);
  auto reordered = Chain(5, AuditHash::kSha256);
  std::swap(reordered[1], reordered[3]);
  EXPECT_EQ(Verify(reordered, AuditHash::kSha256)->id, 4);
  // Moving text between fields changes the hash (fields are length-prefixed).
  auto moved = Chain(2, AuditHash::kSha256);
  moved[0].entry.actor = "us";
  moved[0].entry.action = "chool.update";
  EXPECT_EQ(Verify(moved, AuditHash::kSha256)->id, 1);
}

TEST(Config, DefaultsFileEnvironmentAndOptionsInOrder) {
  cli::Config cfg;
  ASSERT_TRUE(cli::ApplyIni(cfg,
                            "# comment\n[server]\nlisten = 0.0.0.0:9000\nthreads = 3\n"
                            "[database]\npool_size = 8\nsqlite_cache_mib = 128\n",
                            "test.ini")
                  .ok());
  EXPECT_EQ(cfg.listen, "0.0.0.0:9000");
  EXPECT_EQ(cfg.threads, 3);
  EXPECT_EQ(cfg.pool_size, 8);
  EXPECT_EQ(cfg.sqlite_cache_mib, 128);
  EXPECT_EQ(cli::ApplyIni(cfg, "[database]\nsqlite_cache_mib = 0\n", "test.ini")
                .error()
                .details.at(0)
                .field,
            "database.sqlite_cache_mib");
  auto unknown = cli::ApplyIni(cfg, "[server]\ncolour = red\n", "test.ini");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().details.at(0).field, "server.colour");
  auto bad = cli::ApplyIni(cfg, "[server]\nthreads = many\n", "test.ini");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().details.at(0).field, "server.threads");

  cli::CommonOptions o;
  const cli::Environment env = {{"XIAOAN_SERVER_LISTEN", "127.0.0.1:7000"},
                                {"XIAOAN_DATABASE_POOL_SIZE", "2"},
                                {"XIAOAN_TEST_PG_URL", "not a setting"}};
  auto loaded = cli::LoadConfig(o, env);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->listen, "127.0.0.1:7000");
  EXPECT_EQ(loaded->pool_size, 2);
  EXPECT_EQ(loaded->DatabaseUrl(), "sqlite:./var/xiaoan.db");
  o.listen = "127.0.0.1:7001";
  o.data_dir = "/srv/x";
  EXPECT_EQ(cli::LoadConfig(o, env)->listen, "127.0.0.1:7001");
  EXPECT_EQ(cli::LoadConfig(o, env)->DatabaseUrl(), "sqlite:/srv/x/xiaoan.db");
}

TEST(Config, ListenAddressesAreReadWhole) {
  struct Good {
    const char* text;
    const char* host;
    unsigned short port;
  };
  for (const Good& g : {Good{"127.0.0.1:8080", "127.0.0.1", 8080}, Good{"0.0.0.0:0", "0.0.0.0", 0},
                        Good{"[::1]:9000", "::1", 9000}, Good{"localhost:80", "127.0.0.1", 80},
                        Good{"10.1.2.3:65535", "10.1.2.3", 65535}}) {
    auto parsed = cli::ParseListen(g.text);
    ASSERT_TRUE(parsed.ok()) << g.text << ": " << parsed.error().message;
    EXPECT_EQ(parsed->host, g.host) << g.text;
    EXPECT_EQ(parsed->port, g.port) << g.text;
  }
  for (const char* bad :
       {"127.0.0.1:80a", "127.0.0.1:65536", "127.0.0.1:99999", "127.0.0.1:", ":8080", "8080",
        "127.0.0.1:-1", "127.0.0.1:+80", "127.0.0.1: 80", "127.0.0.1:123456", "example:80",
        "1.2.3:80", "::1:80", "[::1:80", "[zz]:80", "127.0.0.1:8080 ", ""}) {
    auto parsed = cli::ParseListen(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().details.at(0).field, "server.listen") << bad;
  }
}

// Each kind of value, malformed, from each of the three sources: refused, naming the setting and
// where it came from; a good value from a later source still wins over an earlier one.
TEST(Config, MalformedValuesAreRefusedNamingSettingAndSource) {
  struct Case {
    const char* key;
    const char* value;
  };
  const Case cases[] = {
      {"server.listen", "127.0.0.1:80a"},
      {"server.listen", "127.0.0.1:70000"},
      {"server.threads", "4x"},
      {"server.threads", "257"},
      {"server.threads", "-1"},
      {"server.max_body_bytes", "1e6"},
      {"database.pool_size", ""},
      {"database.busy_timeout_ms", "600001"},
      {"server.secure_cookies", "maybe"},
      {"server.trust_forwarded_for", "TRUE!"},
      {"log.level", "verbose"},
      {"audit.hash", "md5"},
      {"security.password_hash", "bcrypt"},
      {"database.url", "mysql://x"},
      {"paths.data_dir", ""},
      {"audit.retention_days", "179"},
  };
  for (const Case& c : cases) {
    const std::string key = c.key;
    const std::string section = key.substr(0, key.find('.'));
    const std::string name = key.substr(key.find('.') + 1);
    // INI file
    cli::Config cfg;
    auto ini =
        cli::ApplyIni(cfg, "[" + section + "]\n\n" + name + " = " + c.value + "\n", "xiaoan.ini");
    ASSERT_FALSE(ini.ok()) << key << "=" << c.value;
    EXPECT_EQ(ini.error().details.at(0).field, key);
    EXPECT_NE(ini.error().message.find("xiaoan.ini 第 3 行"), std::string::npos)
        << ini.error().message;
    EXPECT_NE(ini.error().message.find(key), std::string::npos) << ini.error().message;
    // Environment
    std::string variable = "XIAOAN_" + key;
    for (char& ch : variable) ch = ch == '.' ? '_' : static_cast<char>(std::toupper(ch));
    auto env = cli::LoadConfig({}, {{variable, c.value}});
    ASSERT_FALSE(env.ok()) << variable << "=" << c.value;
    EXPECT_EQ(env.error().details.at(0).field, key);
    EXPECT_NE(env.error().message.find("环境变量 " + variable), std::string::npos)
        << env.error().message;
  }
  // The command line's own values.
  struct Option {
    std::optional<std::string> cli::CommonOptions::*field;
    const char* option;
    const char* key;
    const char* value;
  };
  for (const Option& op :
       {Option{&cli::CommonOptions::listen, "--listen", "server.listen", "127.0.0.1:80a"},
        Option{&cli::CommonOptions::listen, "--listen", "server.listen", "127.0.0.1:65536"},
        Option{&cli::CommonOptions::database, "--database", "database.url", "mysql://x"},
        Option{&cli::CommonOptions::data_dir, "--data-dir", "paths.data_dir", ""}}) {
    cli::CommonOptions o;
    o.*op.field = op.value;
    auto loaded = cli::LoadConfig(o, {});
    ASSERT_FALSE(loaded.ok()) << op.option << " " << op.value;
    EXPECT_EQ(loaded.error().details.at(0).field, op.key);
    EXPECT_NE(loaded.error().message.find(std::string("命令行 ") + op.option), std::string::npos)
        << loaded.error().message;
  }
  // A bad value in the environment is refused even when the command line would override it: a
  // value is read whole wherever it is given.
  cli::CommonOptions o;
  o.listen = "127.0.0.1:9000";
  EXPECT_FALSE(cli::LoadConfig(o, {{"XIAOAN_SERVER_LISTEN", "127.0.0.1:80a"}}).ok());
  // The upper and lower bounds themselves are taken.
  auto bounds = cli::LoadConfig({}, {{"XIAOAN_SERVER_THREADS", "256"},
                                     {"XIAOAN_AUDIT_RETENTION_DAYS", "180"},
                                     {"XIAOAN_SERVER_SECURE_COOKIES", "yes"},
                                     {"XIAOAN_LOG_LEVEL", "warn"}});
  ASSERT_TRUE(bounds.ok()) << bounds.error().message;
  EXPECT_EQ(bounds->threads, 256);
  EXPECT_EQ(bounds->audit_retention_days, 180);
  EXPECT_TRUE(bounds->secure_cookies);
  EXPECT_EQ(bounds->log_level, "warn");
}

TEST(Config, UnknownKeysAreRefusedInTheFileAndTheEnvironment) {
  cli::Config cfg;
  auto ini = cli::ApplyIni(cfg, "[server]\nlisten_port = 80\n", "xiaoan.ini");
  ASSERT_FALSE(ini.ok());
  EXPECT_EQ(ini.error().details.at(0).field, "server.listen_port");
  EXPECT_NE(ini.error().message.find("xiaoan.ini 第 2 行"), std::string::npos);
  auto section = cli::ApplyIni(cfg, "[sever]\nlisten = 127.0.0.1:1\n", "xiaoan.ini");
  ASSERT_FALSE(section.ok());
  EXPECT_EQ(section.error().details.at(0).field, "sever.listen");
  EXPECT_FALSE(cli::ApplyIni(cfg, "listen = 127.0.0.1:1\n", "xiaoan.ini").ok());
  for (const char* variable : {"XIAOAN_SERVER_LISTEN_PORT", "XIAOAN_DATABASE_POOL",
                               "XIAOAN_LOG_LEVELS", "XIAOAN_SECURITY_PASSWORD"}) {
    auto env = cli::LoadConfig({}, {{variable, "1"}});
    ASSERT_FALSE(env.ok()) << variable;
    EXPECT_EQ(env.error().details.at(0).field, variable);
    EXPECT_NE(env.error().message.find("环境变量"), std::string::npos);
  }
  // Variables outside the settings' sections belong to scripts and tests.
  EXPECT_TRUE(cli::LoadConfig({}, {{"XIAOAN_TEST_PG_URL", "x"}, {"XIAOAN_BIN", "y"}}).ok());
}

TEST(Router, MatchesParamsAndReportsWrongMethod) {
  http::Router r;
  r.Add("GET", "/api/v1/schools", http::Access::Public(), nullptr);
  r.Add("GET", "/api/v1/schools/{id}", http::Access::Public(), nullptr);
  r.Add("GET", "/api/v1/schools/export", http::Access::Public(), nullptr);
  auto m = r.Find("GET", "/api/v1/schools/42");
  ASSERT_EQ(m.kind, http::Router::MatchKind::kFound);
  EXPECT_EQ(m.params["id"], "42");
  EXPECT_EQ(r.Find("DELETE", "/api/v1/schools/42").kind, http::Router::MatchKind::kWrongMethod);
  EXPECT_EQ(r.Find("GET", "/api/v1/schoolz").kind, http::Router::MatchKind::kNoPath);
  EXPECT_EQ(r.Find("HEAD", "/api/v1/schools").kind, http::Router::MatchKind::kFound);
}

TEST(Core, InstantFormatRoundTripsAndPasswordsHash) {
  Instant t{std::chrono::milliseconds(1796000000123)};
  const std::string text = FormatInstant(t);
  EXPECT_EQ(text.size(), 24u);
  Instant back;
  ASSERT_TRUE(ParseInstant(text, back));
  EXPECT_EQ(back, t);
  const std::string hash = HashPassword("Xiaoan#2026");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(hash, "Xiaoan#2026"));
  EXPECT_FALSE(VerifyPassword(hash, "xiaoan#2026"));
  const std::string generated = GeneratePassword(16);
  EXPECT_EQ(generated.size(), 16u);
  EXPECT_NE(generated, GeneratePassword(16));
}

// Hashes run on the password threads; callers on many threads at once each get their own answer,
// and each caller's thread counts its own work (the count the API tests check writes by).
TEST(Core, PasswordsHashFromManyThreadsAtOnce) {
  constexpr int kCallers = 6;
  std::vector<std::thread> callers;
  std::vector<int> ok(kCallers, 0);
  std::vector<std::uint64_t> counted(kCallers, 0);
  for (int i = 0; i < kCallers; ++i) {
    callers.emplace_back([i, &ok, &counted] {
      const auto before = PasswordWorkCount();
      const std::string password = "Xiaoan#2026-" + std::to_string(i);
      const std::string hash = HashPassword(password);
      ok[i] = VerifyPassword(hash, password) && !VerifyPassword(hash, password + "x");
      counted[i] = PasswordWorkCount() - before;
    });
  }
  for (auto& t : callers) t.join();
  for (int i = 0; i < kCallers; ++i) {
    EXPECT_EQ(ok[i], 1) << i;
    EXPECT_EQ(counted[i], 3u) << i;
  }
}

// Phone and ID-card numbers in lists and exports under the GM profile.
TEST(PersonalInfo, MasksKeepTheEndsAndTheSeparators) {
  EXPECT_EQ(domain::MaskPhone("13812345678"), "138****5678");
  EXPECT_EQ(domain::MaskPhone("0571-81234567"), "057*-****4567");
  EXPECT_EQ(domain::MaskPhone("12345678"), "123*5678");  // 8: one masked
  EXPECT_EQ(domain::MaskPhone("1234567"), "*****67");    // 7: all but the last 2
  EXPECT_EQ(domain::MaskPhone("12"), "12");
  EXPECT_EQ(domain::MaskPhone("123"), "*23");
  EXPECT_EQ(domain::MaskPhone(""), "");
  EXPECT_EQ(domain::MaskIdCard("33010220080101123X"), "330102********123X");
  EXPECT_EQ(domain::MaskIdCard("12345678901"), "123456*8901");  // 11: one masked
  EXPECT_EQ(domain::MaskIdCard("1234567890"), "********90");    // 10: all but the last 2
  // Digits and letters between the ends are masked, every other character is kept: the edges
  // of each range and the characters just outside them.
  EXPECT_EQ(domain::MaskIdCard("123456/09:@AZ[`az{1234"), "123456/**:@**[`**{1234");
}

TEST(PersonalInfo, AMaskSentBackKeepsTheStoredValue) {
  const auto keep = [](const std::string& in, const std::string& stored) {
    return domain::KeepUnlessMasked(in, stored, domain::MaskPhone);
  };
  EXPECT_EQ(keep("138****5678", "13812345678"), "13812345678");
  EXPECT_EQ(keep("13899995678", "13812345678"), "13899995678");  // a new number
  EXPECT_EQ(keep("138****5679", "13812345678"), "138****5679");  // not its mask: validated later
  EXPECT_EQ(keep("", "13812345678"), "");                        // cleared
  EXPECT_EQ(keep("*", ""), "*");
  EXPECT_EQ(keep("1234", "1234"), "1234");  // no star: the incoming value, equal or not
}

TEST(PersonalInfo, AMobileNumberIsElevenDigitsFromThirteenToNineteen) {
  EXPECT_TRUE(domain::IsMobileNumber("13812345678"));
  EXPECT_TRUE(domain::IsMobileNumber("19900000000"));   // the second digit's upper edge
  EXPECT_FALSE(domain::IsMobileNumber("12812345678"));  // second digit below 3
  EXPECT_FALSE(domain::IsMobileNumber("10812345678"));
  EXPECT_FALSE(domain::IsMobileNumber("23812345678"));   // not from 1
  EXPECT_FALSE(domain::IsMobileNumber("1381234567"));    // 10 digits
  EXPECT_FALSE(domain::IsMobileNumber("138123456789"));  // 12 digits
  EXPECT_FALSE(domain::IsMobileNumber("1381234567a"));
  EXPECT_FALSE(domain::IsMobileNumber("138-1234-567"));
  EXPECT_FALSE(domain::IsMobileNumber("1381234567/"));  // just below '0'
  EXPECT_FALSE(domain::IsMobileNumber("1381234567:"));  // just above '9'
  EXPECT_FALSE(domain::IsMobileNumber(""));
}

std::shared_ptr<const FieldCipher> Cipher(const std::string& text, bool sealing = true) {
  auto c = FieldCipher::FromKeyText(text, "keys", sealing);
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
  return c.ok() ? *c : nullptr;
}

TEST(FieldCipher, SealsOpensAndFindsTampering) {
  const std::string k1 = "# comment\n\n1 " + std::string(64, '0') + "\n";
  auto c = Cipher(k1);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->current_version(), 1);
  const auto a = c->Seal("13812345678");
  const auto b = c->Seal("13812345678");
  EXPECT_NE(a, b);  // a fresh counter block each time
  EXPECT_EQ(a.rfind("sm4:1:", 0), 0u);
  EXPECT_EQ(a.size(), 6 + 2 * (16 + 11 + 16));
  EXPECT_TRUE(IsSealedField(a));
  EXPECT_FALSE(IsSealedField("13812345678"));
  EXPECT_FALSE(IsSealedField("sm3:1:00"));
  EXPECT_EQ(*c->Open(a), "13812345678");
  EXPECT_EQ(*c->Open(b), "13812345678");
  EXPECT_EQ(*c->Open("0571-1234"), "0571-1234");  // plain text passes
  EXPECT_EQ(c->Seal(""), "");
  EXPECT_TRUE(c->SealedWithCurrent(a));
  EXPECT_FALSE(c->SealedWithCurrent("13812345678"));
  // Any changed digit of counter, cipher text or tag is found.
  for (std::size_t i = 6; i < a.size(); ++i) {
    std::string t = a;
    t[i] = t[i] == '0' ? '1' : '0';
    EXPECT_FALSE(c->Open(t).ok()) << i;
  }
  EXPECT_FALSE(c->Open("sm4:1:" + a.substr(6, 2 * 31)).ok());  // shorter than counter and tag
  EXPECT_FALSE(c->Open("sm4:1:" + a.substr(6, 2 * 32)).ok());  // empty text, tag of another
  EXPECT_FALSE(c->Open("sm4:x:" + a.substr(6)).ok());
  EXPECT_FALSE(c->Open("sm4:" + a.substr(6)).ok());
  EXPECT_FALSE(c->Open(a.substr(0, a.size() - 1)).ok());  // odd hex
  // The version is covered by the tag: relabelled as version 2 under a file holding 2, refused.
  auto both = Cipher(k1 + "2 " + std::string(64, '1') + "\n");
  EXPECT_EQ(*both->Open(a), "13812345678");
  EXPECT_FALSE(both->Open("sm4:2:" + a.substr(6)).ok());
  EXPECT_FALSE(both->SealedWithCurrent(a));
  EXPECT_EQ(both->Seal("x").rfind("sm4:2:", 0), 0u);
  // Only the second key: version 1 values no longer open.
  auto second = Cipher("2 " + std::string(64, '1') + "\n");
  auto gone = second->Open(a);
  ASSERT_FALSE(gone.ok());
  EXPECT_NE(gone.error().message.find("第 1 版"), std::string::npos);
  // Another key of the same version: the tag does not match.
  EXPECT_FALSE(Cipher("1 " + std::string(64, '2') + "\n")->Open(a).ok());
  // A cipher that only opens still seals nothing on its own; sealing is the store's choice.
  EXPECT_FALSE(Cipher(k1, false)->sealing());
  EXPECT_TRUE(c->sealing());
}

TEST(FieldCipher, TheBlindIndexIsKeyedAndNormalised) {
  auto c = Cipher("1 " + std::string(64, 'a') + "\n");
  auto d = Cipher("1 " + std::string(64, 'b') + "\n");
  EXPECT_EQ(c->Index("0571-8123 4567"), c->Index("057181234567"));
  EXPECT_EQ(c->Index("33010220080101123x"), c->Index("33010220080101123X"));
  EXPECT_NE(c->Index("057181234567"), c->Index("057181234568"));
  EXPECT_NE(c->Index("057181234567"), d->Index("057181234567"));
  EXPECT_EQ(c->Index("057181234567").size(), 32u);
  EXPECT_EQ(c->Index(" - "), "");
  EXPECT_EQ(FieldIndex(nullptr, "0571-81234567"), FieldIndex(nullptr, "057181234567"));
  EXPECT_NE(FieldIndex(nullptr, "057181234567"), c->Index("057181234567"));
  EXPECT_EQ(FieldIndex(c.get(), "057181234567"), c->Index("057181234567"));
  EXPECT_EQ(FieldIndex(nullptr, ""), "");
  EXPECT_EQ(NormaliseForIndex("a-b c\td"), "ABCD");
}

// The seal's shape is read exactly: what is refused as malformed says so, and is never looked
// up as a key version or checked as a tag.
TEST(FieldCipher, MalformedSealsAreRefusedAsSuch) {
  auto c = Cipher("9 " + std::string(64, '0') + "\n10 " + std::string(64, '1') + "\n123456 " +
                  std::string(64, '2') + "\n");
  ASSERT_NE(c, nullptr);
  const auto hex = c->Seal("13812345678").substr(std::string("sm4:123456:").size());
  const auto message = [&](const std::string& stored) {
    auto r = c->Open(stored);
    return r.ok() ? std::string("opened: ") + *r : r.error().message;
  };
  const std::string malformed = "格式无效";
  EXPECT_NE(message("sm4::" + hex).find(malformed), std::string::npos);
  EXPECT_NE(message("sm4:1234567:" + hex).find(malformed), std::string::npos);
  EXPECT_NE(message("sm4:1a:" + hex).find(malformed), std::string::npos);
  EXPECT_NE(message("sm4:/:" + hex).find(malformed), std::string::npos);
  EXPECT_NE(message("sm4:" + hex).find(malformed), std::string::npos);
  EXPECT_NE(message("sm4:9:" + hex.substr(0, 62)).find(malformed), std::string::npos);
  // 32 bytes (a counter and a tag, nothing between) are a seal whose tag is checked.
  EXPECT_NE(message("sm4:9:" + hex.substr(0, 64)).find("校验失败"), std::string::npos);
  // Versions of one digit, of two with a 0, and of six digits all seal and open.
  EXPECT_EQ(message(c->Seal("x")), "opened: x");
  for (const std::string v : {"9", "10"}) {
    auto only = Cipher(v + " " + std::string(64, v == "9" ? '0' : '1') + "\n");
    const auto sealed = only->Seal("y");
    EXPECT_EQ(sealed.rfind("sm4:" + v + ":", 0), 0u);
    EXPECT_EQ(message(sealed), "opened: y");
  }
  // Key hex is read in either case; one bad digit of a pair is enough to refuse it.
  const std::string lower = "abcdef0123456789" + std::string(48, 'f');
  std::string upper = lower;
  for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  auto a = Cipher("1 " + lower + "\n");
  auto b = Cipher("1 " + upper + "\n");
  EXPECT_EQ(*b->Open(a->Seal("z")), "z");
  for (const std::string bad : {"g0", "0g", "G0", "0G", "/0", ":0", "@0", "`0"}) {
    EXPECT_FALSE(FieldCipher::FromKeyText("1 " + bad + std::string(62, '0'), "k", true).ok())
        << bad;
  }
  // A whole number of bytes, but not 32 of them.
  EXPECT_FALSE(FieldCipher::FromKeyText("1 " + std::string(62, '0'), "k", true).ok());
  EXPECT_FALSE(FieldCipher::FromKeyText("1 " + std::string(66, '0'), "k", true).ok());
  // Lower-case letters up to z are upper-cased for the index.
  EXPECT_EQ(a->Index("z"), a->Index("Z"));
  EXPECT_EQ(a->Index("a"), a->Index("A"));
}

TEST(FieldCipher, KeyFilesAreCheckedLineByLine) {
  const std::string k(64, 'c');
  const auto error_of = [](const std::string& text) {
    auto c = FieldCipher::FromKeyText(text, "f.key", true);
    return c.ok() ? std::string() : c.error().message;
  };
  EXPECT_EQ(error_of("1 " + k + "\n2 " + k), "");
  EXPECT_NE(error_of(""), "");
  EXPECT_NE(error_of("# only a comment\n").find("没有密钥"), std::string::npos);
  EXPECT_NE(error_of("2 " + k + "\n1 " + k).find("第 2 行"), std::string::npos);  // decreasing
  EXPECT_NE(error_of("1 " + k + "\n1 " + k).find("递增"), std::string::npos);     // repeated
  EXPECT_NE(error_of("0 " + k).find("正整数"), std::string::npos);
  EXPECT_NE(error_of("x " + k).find("正整数"), std::string::npos);
  EXPECT_NE(error_of("1 " + k.substr(1)).find("64"), std::string::npos);
  EXPECT_NE(error_of("1 " + k + "c").find("64"), std::string::npos);
  EXPECT_NE(error_of("1 " + k.substr(2) + "zz").find("64"), std::string::npos);
  EXPECT_NE(error_of("1" + k).find("版本号"), std::string::npos);
  EXPECT_NE(error_of("1234567 " + k).find("正整数"), std::string::npos);
  EXPECT_EQ(error_of("123456 " + k), "");
  // The key file is created 0600 when asked to, and then read back.
  const std::string path = ::testing::TempDir() + "/field-" + std::to_string(::getpid()) + ".key";
  std::remove(path.c_str());
  EXPECT_FALSE(FieldCipher::OpenKeyFile(path, false, true).ok());
  auto made = FieldCipher::OpenKeyFile(path, true, true);
  ASSERT_TRUE(made.ok()) << made.error().message;
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  auto again = FieldCipher::OpenKeyFile(path, true, true);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*(*again)->Open((*made)->Seal("x")), "x");  // the same key, not a new one
  std::remove(path.c_str());
}

}  // namespace
}  // namespace xiaoan
