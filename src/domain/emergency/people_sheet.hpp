#pragma once
// The people of the schools' emergency setups in and out of Excel: one row per person (学校代码
// and 学校名称 first, then 名单 — 应急指挥体系 or 最小应急单元 — 职责, 姓名, 职务或单位, 联系电话),
// a person's cells, a row's person with its problems named by column, and the column a setup's
// check names. Pure; the app reads the file, replaces the lists of each school it names and
// checks the result (docs/emergency.md).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/emergency/emergency.hpp"

namespace xiaoan::domain::emergency {

enum class PeopleList { kCommand, kUnit };
std::string_view PeopleListLabel(PeopleList list);  // 应急指挥体系, 最小应急单元
const std::vector<std::string>& PeopleColumns();
// How to fill each column (the template's second sheet): column, note.
std::vector<std::pair<std::string, std::string>> PeopleColumnNotes();

// A person's cells after 学校代码 and 学校名称: the list's and the role's labels, name, post,
// phone.
std::vector<std::string> PeopleCells(PeopleList list, const Member& m);

struct PeopleRow {
  int row = 0;  // 1-based, as in the file
  std::string school_code;
  PeopleList list = PeopleList::kCommand;
  Member member;
};
// The row's person, or its problems (field: the column's name, row: the row's number): a school
// code, a list and a role among the labels, a name. Length and phone checks are the setup's
// (CheckSetup), named back by PeopleColumnOf.
Result<PeopleRow> ParsePeopleRow(int row, const std::vector<std::string>& cells);
// The column a setup check's field names (command[2].phone → 联系电话; "" for another field).
std::string PeopleColumnOf(std::string_view field);

}  // namespace xiaoan::domain::emergency
