#include "domain/emergency/people_sheet.hpp"

#include "core/strings.hpp"

namespace xiaoan::domain::emergency {

namespace {

const std::vector<std::string> kColumns = {"学校代码", "学校名称",   "名单",    "职责",
                                           "姓名",     "职务或单位", "联系电话"};

std::string Cell(const std::vector<std::string>& cells, std::size_t i) {
  return i < cells.size() ? std::string(Trim(cells[i])) : std::string();
}

std::string Labels(std::span<const Option> options) {
  std::string out;
  for (const auto& o : options) out += (out.empty() ? "" : "、") + std::string(o.label);
  return out;
}

}  // namespace

std::string_view PeopleListLabel(PeopleList list) {
  return list == PeopleList::kCommand ? "应急指挥体系" : "最小应急单元";
}

const std::vector<std::string>& PeopleColumns() { return kColumns; }

std::vector<std::pair<std::string, std::string>> PeopleColumnNotes() {
  return {
      {"学校代码", "必填，学校名册中的学校代码"},
      {"学校名称", "仅供核对，导入时不读取"},
      {"名单",
       "必填，应急指挥体系 或 最小应急单元；文件中出现的学校，其出现的名单整体替换为文件中的人员"},
      {"职责",
       "必填。应急指挥体系：" + Labels(CommandRoles()) + "；最小应急单元：" + Labels(UnitRoles())},
      {"姓名", "必填，不超过 " + std::to_string(kMaxNameChars) + " 个字"},
      {"职务或单位", "可留空；周边商户志愿者填所在商户"},
      {"联系电话",
       "11 位手机号或固定电话，如 "
       "0571-87654321；最小应急单元中没有有效电话的人员，规则判为未达标"}};
}

std::vector<std::string> PeopleCells(PeopleList list, const Member& m) {
  const auto role = list == PeopleList::kCommand ? CommandRoleLabel(m.role) : UnitRoleLabel(m.role);
  return {std::string(PeopleListLabel(list)), std::string(role), m.name, m.post, m.phone};
}

Result<PeopleRow> ParsePeopleRow(int row, const std::vector<std::string>& cells) {
  std::vector<ErrorDetail> problems;
  const auto fail = [&](const char* column, std::string reason) {
    problems.push_back({column, std::move(reason), row});
  };
  PeopleRow out;
  out.row = row;
  out.school_code = Cell(cells, 0);
  if (out.school_code.empty()) fail("学校代码", "请填写学校代码");
  const auto list = Cell(cells, 2);
  std::span<const Option> roles;
  if (list == PeopleListLabel(PeopleList::kCommand)) {
    out.list = PeopleList::kCommand;
    roles = CommandRoles();
  } else if (list == PeopleListLabel(PeopleList::kUnit)) {
    out.list = PeopleList::kUnit;
    roles = UnitRoles();
  } else {
    fail("名单", "须为 应急指挥体系 或 最小应急单元");
  }
  const auto role = Cell(cells, 3);
  if (!roles.empty()) {
    for (const auto& o : roles) {
      if (o.label == role) out.member.role = std::string(o.code);
    }
    if (out.member.role.empty()) {
      fail("职责", std::string(PeopleListLabel(out.list)) + "的职责须为 " + Labels(roles));
    }
  }
  out.member.name = Cell(cells, 4);
  if (out.member.name.empty()) fail("姓名", "请填写姓名");
  out.member.post = Cell(cells, 5);
  out.member.phone = Cell(cells, 6);
  if (!problems.empty()) return Error{ErrorCode::kInvalidArgument, "数据行有误", problems};
  return out;
}

std::string PeopleColumnOf(std::string_view field) {
  const auto dot = field.rfind('.');
  if (dot == std::string_view::npos) return {};
  const auto name = field.substr(dot + 1);
  if (name == "role") return "职责";
  if (name == "name") return "姓名";
  if (name == "post") return "职务或单位";
  if (name == "phone") return "联系电话";
  return {};
}

}  // namespace xiaoan::domain::emergency
