#pragma once

// An engagement's current term: its end date rolled forward by whole renewal
// terms when it renews automatically, the notice deadline of that term, and
// where a date D stands against them (CLI.md "Renewals and notice
// deadlines"). Pure: no clock, no catalogue.

#include "domain/date.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace vendorcat::domain {

// The renewal term when an engagement stores none.
inline constexpr int default_renewal_months = 12;

// The longest renewal term accepted: a hundred years.
inline constexpr int max_renewal_months = 1200;

enum class RenewalState
{
  notice_due,    // the notice deadline is on or after D
  notice_missed, // the notice deadline has passed but the term's end is on or after D
  ending,        // no notice period: the term simply ends (on or after D)
  ended,         // the term ended before D and does not renew (not a row of `report renewals`)
};

// notice-due, notice-missed, ending or ended; never fails.
std::string_view to_string(RenewalState state);

// DATE plus MONTHS calendar months, the day clamped to the last day of the
// month reached (2025-01-31 + 1 = 2025-02-28, 2024-02-29 + 12 = 2025-02-28).
// MONTHS may be negative. Throws ValidationError when the result falls
// outside 1900..9999.
Date add_months(const Date& date, int months);

struct RenewalTerm
{
  Date end;                            // the current term's end
  std::optional<Date> notice_deadline; // end minus the notice days, when there is a notice period
  RenewalState state = RenewalState::ending;
  int renewals = 0; // how many times the original end date was rolled forward
};

struct RenewalTerms
{
  std::optional<Date> end_date; // as stored: the original end
  std::optional<std::int64_t> notice_days;
  bool auto_renew = false;
  std::optional<std::int64_t> renewal_months; // nullopt: default_renewal_months
};

// The term current on ON: the stored end date, or, when the engagement
// renews automatically and that date is before ON, the first renewal ending
// on or after ON (the k-th ends k x renewal_months months after the original
// end date, clamped to the month's last day; never chained from a clamped
// date). nullopt when there is no end date, or when the rolled end would fall
// after 9999-12-31. A notice longer than a term gives a deadline before the
// term begins, so a rolled term is then always notice-missed. Throws Error
// when renewal_months is not 1..max_renewal_months.
std::optional<RenewalTerm> current_term(const RenewalTerms& terms, const Date& on);

// Days from ON to what matters next in TERM: the notice deadline while the
// state is notice-due, else the term's end (negative once it has passed);
// never fails.
int days_left(const RenewalTerm& term, const Date& on);

} // namespace vendorcat::domain
