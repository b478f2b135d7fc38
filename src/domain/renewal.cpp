// Renewal terms (see renewal.hpp). Every renewal is counted from the original
// end date, so a clamped 28 February never drags later terms to the 28th.

#include "domain/renewal.hpp"

#include "domain/errors.hpp"

#include <fmt/format.h>

namespace vendorcat::domain {

std::string_view to_string(RenewalState state)
{
  switch (state) {
  case RenewalState::notice_due:
    return "notice-due";
  case RenewalState::notice_missed:
    return "notice-missed";
  case RenewalState::ending:
    return "ending";
  case RenewalState::ended:
    break;
  }
  return "ended";
}

Date add_months(const Date& date, int months)
{
  const int index = Month(date.year(), date.month()).index() + months;
  const auto month = Month::from_index(index);
  const int last = month.last_day().day();
  return Date(month.year(), month.month(), date.day() < last ? date.day() : last);
}

std::optional<RenewalTerm> current_term(const RenewalTerms& terms, const Date& on)
{
  if (!terms.end_date) {
    return std::nullopt;
  }
  const std::int64_t months = terms.renewal_months.value_or(default_renewal_months);
  if (months < 1 || months > max_renewal_months) {
    throw Error(fmt::format("renewal months {} outside 1..{}", months, max_renewal_months));
  }
  const auto original = *terms.end_date;
  RenewalTerm term;
  term.end = original;
  if (terms.auto_renew && original < on) {
    // The month distance is a lower bound for k x months; one or two steps
    // more reach the first end on or after ON.
    const int gap = Month::of(on).index() - Month::of(original).index();
    const auto step = static_cast<int>(months);
    int k = gap / step;
    if (k < 1) {
      k = 1;
    }
    const int last_index = Month(Date::max_year, 12).index() - Month::of(original).index();
    while (true) {
      if (static_cast<std::int64_t>(k) * step > last_index) {
        return std::nullopt;
      }
      term.end = add_months(original, k * step);
      if (term.end >= on) {
        break;
      }
      ++k;
    }
    term.renewals = k;
  }
  if (terms.notice_days) {
    term.notice_deadline = term.end.add_days(-static_cast<int>(*terms.notice_days));
  }
  if (term.end < on) {
    term.state = RenewalState::ended;
  } else if (!term.notice_deadline) {
    term.state = RenewalState::ending;
  } else {
    term.state = *term.notice_deadline >= on ? RenewalState::notice_due : RenewalState::notice_missed;
  }
  return term;
}

int days_left(const RenewalTerm& term, const Date& on)
{
  const auto next = term.state == RenewalState::notice_due ? *term.notice_deadline : term.end;
  return next.days_since_epoch() - on.days_since_epoch();
}

} // namespace vendorcat::domain
