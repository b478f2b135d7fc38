#pragma once

// Engagements: contracts with a provider for a service, with the delivery
// model and outsourcing type derived (or set explicitly), validated, audited.

#include "domain/amount.hpp"
#include "domain/classification.hpp"
#include "domain/date.hpp"
#include "store/catalogue.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::store {

struct Engagement
{
  std::int64_t id = 0;
  std::string ref;
  std::string provider; // name
  std::string service;  // code
  std::string delivery_country;
  domain::Date start_date;
  std::optional<domain::Date> end_date;
  std::optional<std::string> title;
  std::optional<std::string> client_unit;
  domain::DeliveryModel delivery_model = domain::DeliveryModel::onshore;
  domain::OutsourcingType type = domain::OutsourcingType::bpo;
  std::optional<std::int64_t> notice_days;
  bool auto_renew = false;
  std::optional<domain::Amount> value; // in the engagement's currency
  std::string currency;
  std::string status;
  std::optional<std::string> owner;
  std::optional<std::string> notes;
  std::optional<std::int64_t> renewal_months; // nullopt: domain::default_renewal_months
  domain::Source model_source = domain::Source::derived;
  domain::Source type_source = domain::Source::derived;
};

// The fields of an add or update, as text (from flags or import columns):
// nullopt leaves a field as it is; an empty string clears an optional field,
// and for delivery_model and type means "derive it".
struct EngagementFields
{
  std::optional<std::string> ref;
  std::optional<std::string> provider;
  std::optional<std::string> service;
  std::optional<std::string> delivery_country;
  std::optional<std::string> start_date;
  std::optional<std::string> end_date;
  std::optional<std::string> title;
  std::optional<std::string> client_unit;
  std::optional<std::string> delivery_model;
  std::optional<std::string> type;
  std::optional<std::string> notice_days;
  std::optional<std::string> auto_renew;
  std::optional<std::string> value;
  std::optional<std::string> currency;
  std::optional<std::string> status;
  std::optional<std::string> owner;
  std::optional<std::string> notes;
  std::optional<std::string> renewal_months;
  // Where delivery_model and type come from (an import's columns): `derived`
  // or `assessed` derives the value again whatever its cell says,
  // `explicit` sets it from its cell.
  std::optional<std::string> model_source;
  std::optional<std::string> type_source;
};

struct EngagementFilter
{
  std::string provider{};                    // id or name
  std::optional<std::int64_t> provider_id{}; // instead of provider, for a caller that has the record
  std::string service{};
  std::string type{};
  std::string model{};
  std::string type_source{}; // derived, explicit or assessed
  std::string status{};
  std::string active_on{};              // start <= date and (no end or end >= date)
  std::optional<int> expiring_within{}; // end date or notice deadline within DAYS of `on`
  bool overdue = false;                 // active, not renewing, and ended before `on`
  std::string on{};                     // replaces today for expiring_within and overdue
};

// True when ENGAGEMENT is overdue on ON: still active, but its term has ended
// (its end date is before ON) and it does not renew automatically; it should
// be marked ended. Never fails.
bool is_overdue(const Engagement& engagement, const domain::Date& on);

// Adds an engagement: derives the delivery model (home country vs delivery
// country) and the type (the service's default) unless given. Throws
// ValidationError or NotFound on any bad field, before writing.
Engagement add_engagement(Catalogue& catalogue, const EngagementFields& fields);

// Changes the given fields of engagement ID; derived values follow a changed
// delivery country or service. Validation as add_engagement.
Engagement update_engagement(Catalogue& catalogue, std::int64_t id, const EngagementFields& fields);

// Removes engagement ID; refused (ValidationError) while spend refers to it.
void remove_engagement(Catalogue& catalogue, std::int64_t id);

// The engagement with id or ref TEXT (any letter case); NotFound otherwise.
Engagement find_engagement(Catalogue& catalogue, std::string_view text);

// The engagement with id ID; throws NotFound when there is none.
Engagement engagement_by_id(Catalogue& catalogue, std::int64_t id);

// The id of the engagement with ref REF (any letter case), if there is one.
std::optional<std::int64_t> find_engagement_id(Catalogue& catalogue, std::string_view ref);

// Engagements matching FILTER, by ref.
std::vector<Engagement> list_engagements(Catalogue& catalogue, const EngagementFilter& filter);

// Calls VISIT for each engagement list_engagements would return, in its
// order, one at a time (listings and exports stream).
void each_engagement(Catalogue& catalogue, const EngagementFilter& filter,
                     const std::function<void(const Engagement&)>& visit);

// One line per classification saying why it is what it is, e.g.
// "nearshore: delivered from EE, home country FI, both in Europe" and
// "type KPO (assessed): 6 of 8 criteria point to KPO: judgement, ...".
std::vector<std::string> explain_engagement(Catalogue& catalogue, const Engagement& engagement);

// Derives every derived delivery model again from the current home country,
// in the caller's transaction; returns how many changed. Throws
// ValidationError when derived engagements exist and no home country is set.
int rederive_delivery_models(Catalogue& catalogue);

// Derives the type of every engagement of service SERVICE_ID whose type is
// not set by hand again (the assessment, else the service's default type),
// in the caller's transaction; returns how many changed.
int rederive_types(Catalogue& catalogue, std::int64_t service_id);

// Derives engagement ID's type again (after its assessment changed) unless
// it is set by hand, in the caller's transaction, audited; returns whether
// it changed.
bool rederive_type(Catalogue& catalogue, std::int64_t id);

} // namespace vendorcat::store
