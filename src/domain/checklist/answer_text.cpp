#include "domain/checklist/answer_text.hpp"

#include <charconv>

namespace xiaoan::domain::checklist {
namespace {

std::string Number(double v) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

}  // namespace

std::string AnswerText(const Item& item, const std::string& value) {
  if (item.answer == "pass_fail") {
    if (value == "pass") return "合格";
    if (value == "fail") return "不合格";
    if (value == "na") return "不适用";
    return value;
  }
  if (item.answer != "number") return value;
  std::string out = value + item.unit;
  if (item.min && item.max) {
    out += "（应在 " + Number(*item.min) + "–" + Number(*item.max) + item.unit + " 之间）";
  } else if (item.min) {
    out += "（应不少于 " + Number(*item.min) + item.unit + "）";
  } else if (item.max) {
    out += "（应不超过 " + Number(*item.max) + item.unit + "）";
  }
  return out;
}

}  // namespace xiaoan::domain::checklist
