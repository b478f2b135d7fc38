#pragma once

// The rules that turn an engagement's fields (text from flags or an import
// file) into a stored row: references resolved, values parsed and checked,
// delivery model and type classified. Shared by add, update, import and the
// re-derivation after a change of home country.

#include "domain/assessment.hpp"
#include "domain/classification.hpp"
#include "store/catalogue.hpp"
#include "store/engagements.hpp"
#include "store/reference.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace vendorcat::store {

struct EngagementRow
{
  std::string ref;
  std::int64_t provider_id = 0;
  std::int64_t service_id = 0;
  domain::OutsourcingType service_type = domain::OutsourcingType::bpo;
  std::optional<std::string> title;
  std::optional<std::string> client_unit;
  std::string delivery_country;
  domain::DeliveryModel delivery_model = domain::DeliveryModel::onshore;
  domain::Source model_source = domain::Source::derived;
  domain::OutsourcingType type = domain::OutsourcingType::bpo;
  domain::Source type_source = domain::Source::derived;
  domain::Assessment assessment; // the stored answers, which classify() reads
  std::string start_date;
  std::optional<std::string> end_date;
  std::optional<std::int64_t> notice_days;
  bool auto_renew = false;
  std::optional<std::int64_t> value; // minor units of currency
  std::string currency;
  std::string status = "active";
  std::optional<std::string> owner;
  std::optional<std::string> notes;
  std::optional<std::int64_t> renewal_months;
};

class EngagementRules
{
public:
  // Loads the reference data and settings once.
  explicit EngagementRules(Catalogue& catalogue);

  // The row for engagement ID (nullopt: a new one) with FIELDS applied, fully
  // validated and classified. Throws ValidationError or NotFound naming the
  // bad field and value; never writes.
  EngagementRow resolve(std::optional<std::int64_t> id, const EngagementFields& fields) const;

  // An engagement status in stored form; throws ValidationError.
  static std::string parse_status(std::string_view text);

private:
  EngagementRow current(std::int64_t id) const;
  void classify(EngagementRow& row, const EngagementFields& fields) const;

  Catalogue& m_catalogue;
  const Reference& m_reference;
  std::optional<std::string> m_home_country;
  std::optional<std::string> m_base_currency;
};

// add_engagement and update_engagement with rules loaded once, for bulk work.
Engagement add_engagement(Catalogue& catalogue, const EngagementRules& rules, const EngagementFields& fields);
Engagement update_engagement(Catalogue& catalogue, const EngagementRules& rules, std::int64_t id,
                             const EngagementFields& fields);

} // namespace vendorcat::store
