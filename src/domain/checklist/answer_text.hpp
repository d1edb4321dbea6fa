#pragma once
// How an answer to a check item reads in Chinese where a person reads it (a hazard's
// description): 合格 / 不合格 / 不适用, a number with its unit and its limit, or the text given.
#include <string>

#include "domain/checklist/checklist.hpp"

namespace xiaoan::domain::checklist {

std::string AnswerText(const Item& item, const std::string& value);

}  // namespace xiaoan::domain::checklist
