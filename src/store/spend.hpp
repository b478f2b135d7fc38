#pragma once

// Spend lines (invoices and credit notes), one at a time: adding, removing
// (audited, with the monthly roll-up kept in the same transaction), and
// reading them back. Bulk loads go through SpendLoad (spend_load.hpp).

#include "domain/amount.hpp"
#include "domain/date.hpp"
#include "store/catalogue.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vendorcat::store {

struct SpendLine
{
  std::int64_t id = 0;
  std::string engagement; // ref
  domain::Date date;
  domain::Amount amount;
  std::string currency;
  std::optional<std::string> reference;
};

struct SpendFilter
{
  std::string engagement{};
  std::string provider{};
  std::string from{};
  std::string to{};
};

// Adds one spend line to engagement ENGAGEMENT (id or ref), audited. CURRENCY
// defaults to the engagement's. Throws ValidationError for a bad date, an
// amount with too many decimals, an unknown currency or a duplicate invoice
// reference on the engagement; NotFound for an unknown engagement.
SpendLine add_spend(Catalogue& catalogue, const std::string& engagement, const std::string& date,
                    const std::string& amount, const std::optional<std::string>& currency,
                    const std::optional<std::string>& reference);

// Removes spend line ID, audited; NotFound when there is none.
void remove_spend(Catalogue& catalogue, std::int64_t id);

// Spend lines matching FILTER, by date then id.
std::vector<SpendLine> list_spend(Catalogue& catalogue, const SpendFilter& filter);

enum class SpendOrder
{
  by_date,     // then by id
  as_recorded, // by id: no sort, however many lines (exports)
};

// Calls VISIT for each spend line matching FILTER, in ORDER, without holding
// them all in memory (exports of millions of lines).
void each_spend(Catalogue& catalogue, const SpendFilter& filter,
                const std::function<void(const SpendLine&)>& visit, SpendOrder order = SpendOrder::by_date);

// Differences between the roll-up and the raw lines, one text per
// (engagement, month, currency) that disagrees; empty when consistent.
std::vector<std::string> check_spend_rollup(Catalogue& catalogue);

} // namespace vendorcat::store
