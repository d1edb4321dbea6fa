#include "app/checklist/checklists.hpp"

namespace xiaoan::app {

Result<int> EnsureShippedChecklists(Services& s) {
  int written = 0;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    written = 0;
    for (const auto& shipped : domain::checklist::ShippedTemplates()) {
      XA_ASSIGN_OR_RETURN(auto existing, tx.checklists().Latest(shipped.code));
      if (existing) continue;
      auto t = shipped;
      t.shipped = true;
      t.created_by = "system";
      t.created_at = s.Now();
      XA_TRY(tx.checklists().Insert(t));
      ++written;
    }
    return {};
  }));
  return written;
}

}  // namespace xiaoan::app
