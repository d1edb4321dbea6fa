// Checklists: template validation at its edges, applicability, versions and the verdict of an
// answer; every shipped template is valid.
#include <gtest/gtest.h>

#include <set>

#include "domain/checklist/checklist.hpp"

namespace xiaoan::domain::checklist {
namespace {

Template Valid() {
  Template t;
  t.code = "fire.test";
  t.name = "测试检查表";
  Item a;
  a.key = "A01";
  a.text = "疏散通道畅通";
  a.domain = "fire";
  t.items.push_back(a);
  return t;
}

std::string Fields(const Template& t) {
  std::string out;
  for (const auto& d : ValidateTemplate(t)) out += d.field + ";";
  return out;
}

TEST(Checklist, EveryShippedTemplateIsValidAndDistinct) {
  const auto& all = ShippedTemplates();
  ASSERT_GE(all.size(), 9u);
  std::set<std::string> codes;
  std::set<std::string> places;
  std::size_t items = 0;
  for (const auto& t : all) {
    EXPECT_EQ(Fields(t), "") << t.code;
    EXPECT_TRUE(codes.insert(t.code).second) << t.code;
    EXPECT_EQ(t.version, 1);
    for (const auto& i : t.items) {
      if (i.place_kind) places.insert(*i.place_kind);
    }
    items += t.items.size();
  }
  EXPECT_GE(items, 50u);
  // The key places the plan names for fire patrols each have items of their own.
  for (const char* kind :
       {"dormitory", "canteen", "lab", "gym", "library", "storeroom", "hazmat_store",
        "training_base", "school_gate", "special_equipment", "power", "gas"}) {
    EXPECT_TRUE(places.count(kind)) << kind;
  }
  SchoolProfile day_school{"primary", "public", false};
  SchoolProfile boarding{"junior", "public", true};
  for (const auto& t : all) {
    if (t.code == "fire.dormitory") {
      EXPECT_FALSE(AppliesTo(t.applies, day_school));
      EXPECT_TRUE(AppliesTo(t.applies, boarding));
    } else {
      EXPECT_TRUE(AppliesTo(t.applies, day_school)) << t.code;
    }
  }
}

TEST(Checklist, ValidationNamesTheFieldAtEachEdge) {
  EXPECT_EQ(Fields(Valid()), "");
  auto t = Valid();
  t.name = "";
  t.code = "Fire";
  t.version = 0;
  EXPECT_EQ(Fields(t), "code;name;version;");
  t = Valid();
  t.name = std::string(100 * 3, '\0');
  for (std::size_t i = 0; i < 100; ++i) t.name.replace(i * 3, 3, "表");
  EXPECT_EQ(Fields(t), "");  // 100 characters
  t.name += "表";
  EXPECT_EQ(Fields(t), "name;");
  t = Valid();
  t.code = std::string(64, 'a');
  EXPECT_EQ(Fields(t), "");
  t.code += "a";
  EXPECT_EQ(Fields(t), "code;");
  t.code = "a.b_c9";
  EXPECT_EQ(Fields(t), "");
  t.code = "a-b";
  EXPECT_EQ(Fields(t), "code;");
  t.code = "";
  EXPECT_EQ(Fields(t), "code;");

  t = Valid();
  t.items[0].key = std::string(16, 'K');
  EXPECT_EQ(Fields(t), "");
  t.items[0].key += "K";
  EXPECT_EQ(Fields(t), "items[0].key;");
  t.items[0].key = "a-Z_9";
  EXPECT_EQ(Fields(t), "");
  t.items[0].key = "a.b";
  EXPECT_EQ(Fields(t), "items[0].key;");
  t.items[0].key = "";
  EXPECT_EQ(Fields(t), "items[0].key;");

  t = Valid();
  t.items.push_back(t.items[0]);
  EXPECT_EQ(Fields(t), "items[1].key;");  // repeated
  t.items.clear();
  EXPECT_EQ(Fields(t), "items;");
  for (int i = 0; i < 200; ++i) {
    auto item = Valid().items[0];
    item.key = "K" + std::to_string(i);
    t.items.push_back(item);
  }
  EXPECT_EQ(Fields(t), "");
  t.items.push_back(Valid().items[0]);
  EXPECT_EQ(Fields(t), "items;");

  t = Valid();
  auto& i = t.items[0];
  i.text = "";
  i.domain = "weather";
  i.place_kind = "roof";
  i.failure_level = "critical";
  EXPECT_EQ(Fields(t), "items[0].text;items[0].domain;items[0].place_kind;items[0].failure_level;");
  i = Valid().items[0];
  i.answer = "photo";
  EXPECT_EQ(Fields(t), "items[0].answer;");
  i.answer = "number";
  EXPECT_EQ(Fields(t), "items[0].max;items[0].unit;");
  i.unit = "米";
  i.min = 1.1;
  EXPECT_EQ(Fields(t), "");
  i.max = 1.1;
  EXPECT_EQ(Fields(t), "");  // min equal to max
  i.max = 1.0;
  EXPECT_EQ(Fields(t), "items[0].max;");
  i.min.reset();
  EXPECT_EQ(Fields(t), "");  // an upper limit alone
  i.answer = "pass_fail";
  EXPECT_EQ(Fields(t), "items[0].max;");
  i.max.reset();
  EXPECT_EQ(Fields(t), "items[0].unit;");
  i.unit.clear();
  i.min = 0;
  EXPECT_EQ(Fields(t), "items[0].min;");
  i.min.reset();
  i.text = std::string(500, 'x');
  EXPECT_EQ(Fields(t), "");
  i.text += "x";
  EXPECT_EQ(Fields(t), "items[0].text;");
  i.text = "x";
  i.basis = std::string(200, 'b');
  EXPECT_EQ(Fields(t), "");
  i.basis += "b";
  EXPECT_EQ(Fields(t), "items[0].basis;");

  t = Valid();
  t.applies.stages = {"primary", "college"};
  t.applies.location_types = {"urban", "island"};
  EXPECT_EQ(Fields(t), "applies.stages;applies.location_types;");
  t = Valid();
  t.description = std::string(1000, 'd');
  EXPECT_EQ(Fields(t), "");
  t.description += "d";
  EXPECT_EQ(Fields(t), "description;");
}

TEST(Checklist, ApplicabilityByStageLocationAndBoarding) {
  Applicability any;
  SchoolProfile s{"primary", "public", false};
  s.location_type = "rural";
  EXPECT_TRUE(AppliesTo(any, s));
  Applicability a{{"junior", "primary"}, {"rural", "fringe"}, std::nullopt};
  EXPECT_TRUE(AppliesTo(a, s));
  s.stage = "senior";
  EXPECT_FALSE(AppliesTo(a, s));
  s.stage = "primary";
  s.location_type = "urban";
  EXPECT_FALSE(AppliesTo(a, s));
  s.location_type = "fringe";
  a.boarding = true;
  EXPECT_FALSE(AppliesTo(a, s));
  s.boarding = true;
  EXPECT_TRUE(AppliesTo(a, s));
  a.boarding = false;
  EXPECT_FALSE(AppliesTo(a, s));
}

TEST(Checklist, ItemsAtAPlaceAndForTheWholeSchool) {
  const auto& all = ShippedTemplates();
  const Template* life = nullptr;
  for (const auto& t : all) {
    if (t.code == "passage.life") life = &t;
  }
  ASSERT_NE(life, nullptr);
  const auto whole = ItemsAt(*life, std::nullopt);
  const auto gym = ItemsAt(*life, std::string("gym"));
  EXPECT_EQ(gym.size(), 1u);
  EXPECT_EQ(gym[0].key, "P03");
  EXPECT_EQ(whole.size() + gym.size() + ItemsAt(*life, std::string("library")).size(),
            life->items.size());
  EXPECT_TRUE(ItemsAt(*life, std::string("canteen")).empty());
}

TEST(Checklist, OnlyWhatAnAnswerDependsOnMakesANewVersion) {
  const auto stored = Valid();
  auto edited = stored;
  edited.name = "改名";
  edited.description = "说明";
  EXPECT_FALSE(NeedsNewVersion(stored, edited));
  for (int change = 0; change < 14; ++change) {
    edited = stored;
    auto& i = edited.items[0];
    switch (change) {
      case 0:
        i.key = "A02";
        break;
      case 1:
        i.text = "改";
        break;
      case 2:
        i.domain = "gas";
        break;
      case 3:
        i.place_kind = "gym";
        break;
      case 4:
        i.answer = "text";
        break;
      case 5:
        i.min = 1;
        break;
      case 6:
        i.max = 1;
        break;
      case 7:
        i.unit = "米";
        break;
      case 8:
        i.photo_required = true;
        break;
      case 9:
        i.failure_level = "major";
        break;
      case 10:
        i.basis = "依据";
        break;
      case 11:
        edited.items.push_back(i);
        break;
      case 12:
        edited.applies.stages = {"primary"};
        break;
      case 13:
        edited.applies.boarding = true;
        break;
    }
    EXPECT_TRUE(NeedsNewVersion(stored, edited)) << change;
  }
  edited = stored;
  edited.applies.location_types = {"rural"};
  EXPECT_TRUE(NeedsNewVersion(stored, edited));
  // The same items in another order are another version (answers follow the order on a phone).
  auto two = Valid();
  two.items.push_back(two.items[0]);
  two.items[1].key = "A02";
  auto swapped = two;
  std::swap(swapped.items[0], swapped.items[1]);
  EXPECT_TRUE(NeedsNewVersion(two, swapped));
  EXPECT_FALSE(NeedsNewVersion(two, two));
}

std::string VerdictOf(const Item& item, const std::string& value, bool photo = false) {
  auto v = Judge(item, Answer{value, photo});
  if (!v.ok()) return "error:" + v.error().details.at(0).field;
  switch (*v) {
    case Verdict::kPass:
      return "pass";
    case Verdict::kFail:
      return "fail";
    case Verdict::kNotApplicable:
      return "na";
  }
  return "?";
}

TEST(Checklist, TheVerdictOfAnAnswer) {
  Item pf = Valid().items[0];
  EXPECT_EQ(VerdictOf(pf, "pass"), "pass");
  EXPECT_EQ(VerdictOf(pf, "fail"), "fail");
  EXPECT_EQ(VerdictOf(pf, "na"), "na");
  EXPECT_EQ(VerdictOf(pf, "ok"), "error:value");
  EXPECT_EQ(VerdictOf(pf, ""), "error:value");
  pf.photo_required = true;
  EXPECT_EQ(VerdictOf(pf, "pass"), "error:photo");
  EXPECT_EQ(VerdictOf(pf, "fail"), "error:photo");
  EXPECT_EQ(VerdictOf(pf, "fail", true), "fail");
  EXPECT_EQ(VerdictOf(pf, "na"), "na");  // nothing to photograph

  Item n = pf;
  n.photo_required = false;
  n.answer = "number";
  n.min = 1.1;
  n.unit = "米";
  EXPECT_EQ(VerdictOf(n, "1.1"), "pass");
  EXPECT_EQ(VerdictOf(n, "1.0999"), "fail");
  EXPECT_EQ(VerdictOf(n, "25"), "pass");
  n.max = 2;
  EXPECT_EQ(VerdictOf(n, "2"), "pass");
  EXPECT_EQ(VerdictOf(n, "2.0001"), "fail");
  n.min.reset();
  EXPECT_EQ(VerdictOf(n, "-40"), "pass");
  EXPECT_EQ(VerdictOf(n, "abc"), "error:value");
  EXPECT_EQ(VerdictOf(n, "1.5米"), "error:value");
  EXPECT_EQ(VerdictOf(n, ""), "error:value");
  EXPECT_EQ(VerdictOf(n, "1e400"), "error:value");
  EXPECT_EQ(VerdictOf(n, "nan"), "error:value");
  EXPECT_EQ(VerdictOf(n, "na"), "na");

  Item t = pf;
  t.photo_required = false;
  t.answer = "text";
  EXPECT_EQ(VerdictOf(t, "已检查，情况良好"), "pass");
  EXPECT_EQ(VerdictOf(t, ""), "error:value");
}

}  // namespace
}  // namespace xiaoan::domain::checklist
