#pragma once
// The school calendar's store: holiday notices, semesters, exceptions and dismissal times.
#include "domain/calendar/calendar.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlCalendarRepository final : public domain::calendar::CalendarRepository {
 public:
  explicit SqlCalendarRepository(sql::Connection& conn) : conn_(conn) {}
  Result<std::vector<domain::calendar::HolidayYear>> HolidayYears() override;
  Status ReplaceHolidayYear(const domain::calendar::HolidayYear& notice) override;
  Result<std::vector<domain::calendar::Term>> TermsOf(
      const std::vector<std::int64_t>& units) override;
  Result<std::vector<domain::calendar::DayException>> ExceptionsOf(
      const std::vector<std::int64_t>& units) override;
  Result<std::vector<domain::calendar::Dismissal>> DismissalsOf(
      const std::vector<std::int64_t>& units) override;
  Status ReplaceTerms(std::int64_t unit, const std::vector<domain::calendar::Term>& terms) override;
  Status ReplaceExceptions(std::int64_t unit,
                           const std::vector<domain::calendar::DayException>& days) override;
  Status ReplaceDismissals(std::int64_t unit,
                           const std::vector<domain::calendar::Dismissal>& times) override;

 private:
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
