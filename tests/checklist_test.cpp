// Checklists: template validation at its edges, applicability, versions and the verdict of an
// answer; every shipped template is valid.
#include <gtest/gtest.h>

#include <set>

#include "domain/checklist/answer_text.hpp"
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

TEST(Checklist, AnAnswerReadsInChineseWithItsUnitAndLimit) {
  Item verdict;
  EXPECT_EQ(AnswerText(verdict, "pass"), "合格");
  EXPECT_EQ(AnswerText(verdict, "fail"), "不合格");
  EXPECT_EQ(AnswerText(verdict, "na"), "不适用");
  EXPECT_EQ(AnswerText(verdict, "maybe"), "maybe");
  Item width;
  width.answer = "number";
  width.unit = "米";
  EXPECT_EQ(AnswerText(width, "1.2"), "1.2米");
  width.min = 1.4;
  EXPECT_EQ(AnswerText(width, "1.2"), "1.2米（应不少于 1.4米）");
  width.max = 3;
  EXPECT_EQ(AnswerText(width, "1.2"), "1.2米（应在 1.4–3米 之间）");
  width.min.reset();
  EXPECT_EQ(AnswerText(width, "3.5"), "3.5米（应不超过 3米）");
  Item text;
  text.answer = "text";
  text.unit = "米";
  EXPECT_EQ(AnswerText(text, "pass"), "pass");
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

TEST(Checklist, WhichEditAChangeIs) {
  const Template stored = Valid();
  EXPECT_EQ(EditOf(stored, stored), Edit::kNone);
  auto renamed = stored;
  renamed.name = "改名";
  EXPECT_EQ(EditOf(stored, renamed), Edit::kText);
  auto described = stored;
  described.description = "说明";
  EXPECT_EQ(EditOf(stored, described), Edit::kText);
  auto item = renamed;  // a name and an item together: a version wins
  item.items[0].text = "疏散通道畅通、不锁闭";
  EXPECT_EQ(EditOf(stored, item), Edit::kNewVersion);
  auto applies = stored;
  applies.applies.boarding = true;
  EXPECT_EQ(EditOf(stored, applies), Edit::kNewVersion);
}

TEST(Checklist, ACopysCodeWithoutItsNumber) {
  EXPECT_EQ(WithoutCopyNumber("u12.fire.dormitory_3"), "u12.fire.dormitory");
  EXPECT_EQ(WithoutCopyNumber("u12.fire.dormitory_10"), "u12.fire.dormitory");
  EXPECT_EQ(WithoutCopyNumber("u12.fire.dormitory"), "u12.fire.dormitory");
  EXPECT_EQ(WithoutCopyNumber("u12.fire_lab"), "u12.fire_lab");
  EXPECT_EQ(WithoutCopyNumber("u12.fire.lab_2b"), "u12.fire.lab_2b");
  EXPECT_EQ(WithoutCopyNumber("u12.a_"), "u12.a_");
  EXPECT_EQ(WithoutCopyNumber("u12._3"), "u12._3");
  EXPECT_EQ(WithoutCopyNumber("_3"), "_3");
  EXPECT_EQ(WithoutCopyNumber("a_3"), "a");
  EXPECT_EQ(WithoutCopyNumber("a_0"), "a");
  EXPECT_EQ(WithoutCopyNumber("a_9"), "a");
  EXPECT_EQ(WithoutCopyNumber("a_/"), "a_/");
  EXPECT_EQ(WithoutCopyNumber("a_:"), "a_:");
  EXPECT_EQ(WithoutCopyNumber("u1.x_2.y"), "u1.x_2.y");
}

// A row of cells in the order of ItemColumns.
std::vector<std::string> Row(std::vector<std::string> cells) {
  cells.resize(ItemColumns().size());
  return cells;
}

TEST(ChecklistSheet, AnItemGoesOutAsLabelsAndComesBackTheSame) {
  ASSERT_EQ(ItemColumns().size(), 11u);
  EXPECT_EQ(ItemColumns()[0], "编号");
  EXPECT_EQ(ItemColumns()[10], "依据");
  Item number;
  number.key = "W1";
  number.text = "疏散走道宽度";
  number.domain = "fire";
  number.place_kind = "dormitory";
  number.answer = "number";
  number.min = 1.4;
  number.max = 12.25;
  number.unit = "米";
  number.photo_required = true;
  number.failure_level = "major";
  number.basis = "GB 50016";
  const auto row = ItemRow(number);
  EXPECT_EQ(row, (std::vector<std::string>{"W1", "疏散走道宽度", "消防安全", "学生宿舍", "数值",
                                           "1.4", "12.25", "米", "是", "重大隐患", "GB 50016"}));
  Item whole;
  whole.key = "W2";
  whole.text = "全校";
  whole.domain = "electrical";
  const auto whole_row = ItemRow(whole);
  EXPECT_EQ(whole_row[3], "全校");
  EXPECT_EQ(whole_row[5], "");
  EXPECT_EQ(whole_row[6], "");
  EXPECT_EQ(whole_row[8], "否");
  const auto back = ItemsFromRows({row, whole_row});
  EXPECT_TRUE(back.errors.empty());
  ASSERT_EQ(back.items.size(), 2u);
  Template a = Valid(), b = Valid();
  a.items = {number, whole};
  b.items = back.items;
  EXPECT_FALSE(NeedsNewVersion(a, b));
  EXPECT_EQ(back.rows, (std::vector<int>{2, 3}));
}

TEST(ChecklistSheet, CodesLabelsDefaultsAndBlankRows) {
  const auto read = ItemsFromRows(
      {Row({"A1", "灭火器", "fire", "canteen", "number", "-2", "0.5", "个", "否", "general", ""}),
       Row({}),
       {"A2", "插座", "用电安全"}});  // a short row
  EXPECT_TRUE(read.errors.empty());
  ASSERT_EQ(read.items.size(), 2u);
  EXPECT_EQ(read.rows, (std::vector<int>{2, 4}));  // the blank row 3 is skipped
  EXPECT_EQ(read.items[0].place_kind, std::optional<std::string>("canteen"));
  EXPECT_EQ(read.items[0].min, std::optional<double>(-2));
  EXPECT_EQ(read.items[0].max, std::optional<double>(0.5));
  EXPECT_FALSE(read.items[0].photo_required);
  const auto& plain = read.items[1];
  EXPECT_EQ(plain.domain, "electrical");
  EXPECT_FALSE(plain.place_kind.has_value());
  EXPECT_EQ(plain.answer, "pass_fail");
  EXPECT_EQ(plain.failure_level, "general");
  EXPECT_FALSE(plain.min.has_value());
  EXPECT_FALSE(plain.max.has_value());
  EXPECT_FALSE(plain.photo_required);
}

TEST(ChecklistSheet, EachWrongCellIsNamedByRowAndColumn) {
  const auto read =
      ItemsFromRows({Row({"A1", "x", "", "屋顶", "选择", "一", "2米", "", "可能", "特大隐患"}),
                     Row({"A2", "y", "消防"})});
  std::vector<std::string> got;
  for (const auto& e : read.errors) got.push_back(std::to_string(e.row) + ":" + e.field);
  EXPECT_EQ(
      got, (std::vector<std::string>{"2:隐患类别", "2:检查部位", "2:回答方式", "2:不合格时隐患等级",
                                     "2:下限", "2:上限", "2:须拍照", "3:隐患类别"}));
  EXPECT_EQ(read.items.size(), 2u);  // read as far as it goes; the errors refuse the file
}

TEST(ChecklistSheet, ATemplateProblemPointsAtItsRowAndColumn) {
  SheetItems sheet;
  sheet.rows = {2, 5, 9};
  EXPECT_EQ(SheetErrorOf({"items[1].text", "请填写检查内容"}, sheet).row, 5);
  EXPECT_EQ(SheetErrorOf({"items[1].text", "请填写检查内容"}, sheet).field, "检查内容");
  EXPECT_EQ(SheetErrorOf({"items[2].unit", "r"}, sheet).field, "单位");
  EXPECT_EQ(SheetErrorOf({"items[2].unit", "r"}, sheet).row, 9);
  EXPECT_EQ(SheetErrorOf({"items[0].key", "r"}, sheet).field, "编号");
  EXPECT_EQ(SheetErrorOf({"items[0].failure_level", "r"}, sheet).field, "不合格时隐患等级");
  EXPECT_EQ(SheetErrorOf({"items[0].photo_required", "r"}, sheet).field, "须拍照");
  EXPECT_EQ(SheetErrorOf({"items[0].place_kind", "r"}, sheet).field, "检查部位");
  EXPECT_EQ(SheetErrorOf({"items[0].basis", "r"}, sheet).field, "依据");
  EXPECT_EQ(SheetErrorOf({"items[0].min", "r"}, sheet).field, "下限");
  EXPECT_EQ(SheetErrorOf({"items[0].max", "r"}, sheet).field, "上限");
  EXPECT_EQ(SheetErrorOf({"items[0].answer", "r"}, sheet).field, "回答方式");
  EXPECT_EQ(SheetErrorOf({"items[0].domain", "r"}, sheet).field, "隐患类别");
  EXPECT_EQ(SheetErrorOf({"items[0].other", "r"}, sheet).field, "other");
  // Not an item, or an item past the sheet: the field as it is, no row.
  EXPECT_EQ(SheetErrorOf({"name", "r"}, sheet).field, "name");
  EXPECT_EQ(SheetErrorOf({"name", "r"}, sheet).row, 0);
  EXPECT_EQ(SheetErrorOf({"items[3].text", "r"}, sheet).row, 0);
  EXPECT_EQ(SheetErrorOf({"items[x].text", "r"}, sheet).row, 0);
  EXPECT_EQ(SheetErrorOf({"items[1]", "r"}, sheet).row, 0);
  EXPECT_EQ(SheetErrorOf({"items[1]text", "r"}, sheet).row, 0);
  EXPECT_EQ(SheetErrorOf({"xitems[1].text", "r"}, sheet).row, 0);
  EXPECT_EQ(SheetErrorOf({"items[1x].text", "r"}, sheet).row, 0);
  EXPECT_EQ(SheetErrorOf({"items[1", "r"}, sheet).row, 0);
}

}  // namespace
}  // namespace xiaoan::domain::checklist
