#pragma once
// 周边水域风险 (docs/education.md): each school keeps the water near it with the measures in place;
// the bureau sees by school where measures are missing, and which rural, township and
// urban-rural-fringe schools have recorded none.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/edu/waters.hpp"

namespace xiaoan::app {

struct WaterView {
  domain::edu::Water water;
  bool can_edit = false;
};

// A school in the caller's scope records a water (edu:lessons); audited as edu.water.create.
Result<WaterView> CreateWater(Services& s, const RequestContext& ctx, domain::edu::Water in);
// Changes it (its school stays); `in.version` is the version read (409 edu_water.stale).
Result<WaterView> EditWater(Services& s, const RequestContext& ctx, std::int64_t id,
                            domain::edu::Water in);
Status DeleteWater(Services& s, const RequestContext& ctx, std::int64_t id);
Result<WaterView> GetWater(Services& s, const RequestContext& ctx, std::int64_t id);
Result<domain::PageResult<WaterView>> ListWaters(Services& s, const RequestContext& ctx,
                                                 const domain::edu::WaterFilter& f,
                                                 const domain::PageRequest& page);
Result<std::string> ExportWaters(Services& s, const RequestContext& ctx,
                                 const domain::edu::WaterFilter& f);

struct WaterBoard {
  int schools = 0;
  int with_waters = 0;
  int waters = 0;
  int with_gaps = 0;
  int priority = 0;
  std::vector<domain::edu::WaterSchoolRow> rows;  // SortWaterBoard's order
};
Result<WaterBoard> GetWaterBoard(Services& s, const RequestContext& ctx);

}  // namespace xiaoan::app
