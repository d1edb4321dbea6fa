#pragma once
// A rule's verdict in JSON, as every module's reply writes it: outcome, its label, the reason.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "domain/rules/rules.hpp"

namespace xiaoan::http {

inline boost::json::object VerdictJson(const domain::rules::Verdict& v) {
  return {{"outcome", std::string(domain::rules::OutcomeCode(v.outcome))},
          {"outcome_label", std::string(domain::rules::OutcomeLabel(v.outcome))},
          {"reason", v.reason}};
}

// null when there is no verdict.
inline boost::json::value VerdictJson(const std::optional<domain::rules::Verdict>& v) {
  if (!v) return nullptr;
  return VerdictJson(*v);
}

}  // namespace xiaoan::http
