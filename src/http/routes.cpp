// The whole route table of the API: one line per area.
#include "http/api.hpp"

namespace xiaoan::http {

void AddRoutes(Router& router, app::Services& services, const ApiOptions& options) {
  AddSystemRoutes(router, options);
  AddOrgRoutes(router, services, options);
}

}  // namespace xiaoan::http
