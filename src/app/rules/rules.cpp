#include "app/rules/rules.hpp"

#include "app/modules.hpp"

namespace xiaoan::app {

Result<std::vector<RuleView>> ListRules(Services& s, std::optional<int> measure) {
  if (measure && (*measure < 1 || *measure > 21)) {
    return InvalidArgument("measure", "措施编号须为 1 到 21");
  }
  std::vector<RuleView> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    for (const auto& m : RuleModules()) {
      domain::rules::ParamValues values;
      if (m.values) {
        XA_ASSIGN_OR_RETURN(values, m.values(tx));
      }
      for (const auto& rule : m.rules) {
        if (measure && rule.measure != *measure) continue;
        RuleView v{&rule, m.module, domain::rules::Defaults(rule), m.configure_path};
        for (auto& [key, value] : v.values) {
          if (const auto it = values.find(key); it != values.end()) value = it->second;
        }
        out.push_back(std::move(v));
      }
    }
    return {};
  }));
  return out;
}

}  // namespace xiaoan::app
