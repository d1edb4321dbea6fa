#include "app/org/org_use_cases.hpp"

namespace xiaoan::app {

Result<HomeBoard> GetHomeBoard(Services& s, const RequestContext& ctx) {
  HomeBoard board;
  board.generated_at = s.Now();
  if (ctx.principal) {
    board.scope_kind = ctx.principal->scope.kind;
    board.unit_name = ctx.principal->unit_name;
  }
  const bool schools = !ctx.principal || ctx.principal->Can(domain::perm::kSchoolRead);
  if (!schools) return board;
  // The same scope as ListSchools: the board counts exactly the schools the list shows.
  const domain::ScopeFilter scope = ctx.Scope();
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto rows, tx.org().CountSchools(scope));
    board.schools = domain::SummariseSchools(rows);
    return {};
  }));
  return board;
}

}  // namespace xiaoan::app
