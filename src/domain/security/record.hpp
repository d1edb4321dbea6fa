#pragma once
// A school's security record (学校安防台账, measure 4): what it keeps on its guards, campus
// closure, one-key alarms, video and 护学岗 posts, as the school last saved it; its checks and
// the repository port (migration 0025). The rules that judge it are in indicators.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/security/indicators.hpp"
#include "domain/security/screening.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
}  // namespace xiaoan::domain

namespace xiaoan::domain::security {

struct Record {
  std::int64_t school_id = 0;
  std::string school_name;  // read-only, filled by queries
  std::string school_path;  // likewise
  // The school's size comes from its profile (students, staff, boarding, boarders); the rest is
  // the record's own.
  SchoolSecurity data;
  int version = 0;  // 0: never saved
  std::string updated_at;
  std::string updated_by;
};

// Limits of one record, so a mistaken import cannot fill the database.
inline constexpr std::size_t kMaxEntries = 200;

// What is wrong with a record as saved on `today` (every problem, each naming its field:
// guards[2].name, posts[0].peak, video.retention_days …); empty when it may be stored.
std::vector<ErrorDetail> Validate(const SchoolSecurity& data, calendar::Date today);

// The id an entry sent back keeps must be one of the school's stored entries of that list;
// errors name guards[i].id and so on.
std::vector<ErrorDetail> CheckEntryIds(const SchoolSecurity& stored, const SchoolSecurity& sent);

class SecurityRepository {
 public:
  virtual ~SecurityRepository() = default;
  // The school's record with its guards, alarms and posts; nullopt when never saved. Only the
  // record's own fields are filled (not the size from the profile).
  virtual Result<std::optional<Record>> Find(std::int64_t school_id) = 0;
  // Stores the record as the school's whole record: entries with an id keep it, entries without
  // one get new ids, stored entries not sent are removed. `record.version` is the version read;
  // false when another save came first (nothing written). On success the record carries its new
  // version and the entries their ids.
  virtual Result<bool> Save(Record& record) = 0;
  // Every saved record of the schools in scope, by school name.
  virtual Result<std::vector<Record>> List(const ScopeFilter& scope) = 0;

  // ---- Screening rounds (逐校筛查, migration 0027) ----
  // Stores a round with its schools; assigns its id.
  virtual Status InsertRound(Round& round, const std::vector<std::int64_t>& school_ids) = 0;
  virtual Result<std::optional<Round>> FindRound(std::int64_t id) = 0;
  // The rounds that include a school in scope, the latest first.
  virtual Result<std::vector<Round>> ListRounds(const ScopeFilter& scope) = 0;
  // A round's schools in scope by name: id and name.
  virtual Result<std::vector<std::pair<std::int64_t, std::string>>> RoundSchools(
      std::int64_t round_id, const ScopeFilter& scope) = 0;
  // Stores a screening with its evidence (notes and file ids); assigns its id. False when the
  // school was already screened in the round (nothing written).
  virtual Result<bool> InsertScreening(Screening& screening) = 0;
  // One school's screening in a round with its evidence and hazards.
  virtual Result<std::optional<Screening>> FindScreening(std::int64_t round_id,
                                                         std::int64_t school_id) = 0;
  virtual Result<std::optional<Screening>> FindScreeningById(std::int64_t id) = 0;
  // A round's screenings of schools in scope with their hazards (no evidence), by school name.
  virtual Result<std::vector<Screening>> Screenings(std::int64_t round_id,
                                                    const ScopeFilter& scope) = 0;
  virtual Status LinkHazard(std::int64_t screening_id, const std::string& indicator,
                            std::int64_t hazard_id) = 0;
  // The school's hazards raised by screenings that are not closed, each once.
  virtual Result<std::vector<ScreenedHazard>> OpenScreeningHazards(std::int64_t school_id) = 0;
};

}  // namespace xiaoan::domain::security
