// Importers for the small kinds: providers, locations, services, offerings,
// engagements and exchange rates. They go through the same store functions
// as the single-record commands, so an imported row is validated, derived
// and audited exactly like one added by hand.

#include "io/import_kinds.hpp"

#include "domain/errors.hpp"
#include "store/engagement_row.hpp"
#include "store/engagements.hpp"
#include "store/fx.hpp"
#include "store/locations.hpp"
#include "store/providers.hpp"
#include "store/services.hpp"

#include <fmt/format.h>

namespace vendorcat::io {

namespace {

const std::string& required(const Row& row, std::size_t index, const char* column)
{
  if (!row[index] || row[index]->empty()) {
    throw FieldError(column, "a value is required");
  }
  return *row[index];
}

// An absent or empty cell leaves an optional field unset.
std::optional<std::string> given(const Row& row, std::size_t index)
{
  if (!row[index] || row[index]->empty()) {
    return std::nullopt;
  }
  return row[index];
}

// A row whose key (in COLUMN) is already in the catalogue.
[[noreturn]] void conflict(const char* column, const std::string& what)
{
  throw FieldError(column, fmt::format("{} already exists (use --on-conflict skip or update)", what));
}

// What every importer of a small kind holds.
class StoreImporter : public KindImporter
{
public:
  StoreImporter(store::Catalogue& catalogue, OnConflict on_conflict)
    : m_catalogue(catalogue), m_on_conflict(on_conflict)
  {
  }

protected:
  store::Catalogue& m_catalogue;
  OnConflict m_on_conflict;
};

class ProviderImporter : public StoreImporter
{
public:
  using StoreImporter::StoreImporter;

  Outcome import(const Row& row, std::size_t /*line*/) override
  {
    store::ProviderFields fields{required(row, 0, "name"), required(row, 1, "hq_country"),
                                 given(row, 2), given(row, 3), given(row, 4), given(row, 5),
                                 given(row, 6), given(row, 7), given(row, 8)};
    const auto existing = store::find_provider_by_name(m_catalogue, *fields.name);
    if (!existing) {
      store::add_provider(m_catalogue, fields);
      return Outcome::created;
    }
    if (m_on_conflict == OnConflict::error) {
      conflict("name", fmt::format("provider '{}'", existing->name));
    }
    if (m_on_conflict == OnConflict::skip) {
      return Outcome::skipped;
    }
    store::update_provider(m_catalogue, existing->id, fields);
    return Outcome::updated;
  }
};

class LocationImporter : public StoreImporter
{
public:
  using StoreImporter::StoreImporter;

  // A location's key is provider, country and city: the same centre twice is
  // a conflict; update has nothing to change, so it skips.
  Outcome import(const Row& row, std::size_t /*line*/) override
  {
    const auto provider = store::find_provider(m_catalogue, required(row, 0, "provider"));
    const auto& country = required(row, 1, "country");
    if (store::find_location(m_catalogue, provider.id, country, given(row, 2))) {
      if (m_on_conflict == OnConflict::error) {
        conflict("city", fmt::format("location {} {} of '{}'", country, given(row, 2).value_or(""), provider.name));
      }
      return Outcome::skipped;
    }
    store::add_location(m_catalogue, provider.id, country, given(row, 2), given(row, 3));
    return Outcome::created;
  }
};

// A service's key is its code. With update, the row replaces the service's
// name, type and parent (an empty parent makes it top-level).
class ServiceImporter : public StoreImporter
{
public:
  using StoreImporter::StoreImporter;

  Outcome import(const Row& row, std::size_t /*line*/) override
  {
    const auto& code = required(row, 0, "code");
    const auto& name = required(row, 1, "name");
    const auto type = domain::parse_outsourcing_type(required(row, 2, "type"));
    const auto parent = given(row, 3).value_or("");
    const auto existing = store::find_service_by_code(m_catalogue, code);
    if (!existing) {
      store::add_service(m_catalogue, code, name, type, parent);
      return Outcome::created;
    }
    if (m_on_conflict == OnConflict::error) {
      conflict("code", fmt::format("service '{}'", existing->code));
    }
    if (m_on_conflict == OnConflict::skip) {
      return Outcome::skipped;
    }
    store::update_service(m_catalogue, existing->id, name, type, parent);
    return Outcome::updated;
  }
};

class OfferingImporter : public StoreImporter
{
public:
  using StoreImporter::StoreImporter;

  Outcome import(const Row& row, std::size_t /*line*/) override
  {
    const auto provider = store::find_provider(m_catalogue, required(row, 0, "provider"));
    const auto service = store::find_service(m_catalogue, required(row, 1, "service"));
    if (!store::list_offerings(m_catalogue, provider.id, service.id).empty()) {
      if (m_on_conflict == OnConflict::error) {
        conflict("service", fmt::format("offering of {} by '{}'", service.code, provider.name));
      }
      return Outcome::skipped;
    }
    store::add_offering(m_catalogue, provider.id, service.id);
    return Outcome::created;
  }
};

class EngagementImporter : public StoreImporter
{
public:
  EngagementImporter(store::Catalogue& catalogue, OnConflict on_conflict)
    : StoreImporter(catalogue, on_conflict), m_rules(catalogue)
  {
  }

  // delivery_model and type: empty means derived, as export writes them.
  Outcome import(const Row& row, std::size_t /*line*/) override
  {
    store::EngagementFields fields{required(row, 0, "ref"), required(row, 1, "provider"),
                                   required(row, 2, "service"), required(row, 3, "delivery_country"),
                                   required(row, 4, "start_date"), row[5], row[6], row[7],
                                   row[8].value_or(""), row[9].value_or(""), row[10], row[11],
                                   row[12], row[13], given(row, 14), row[15], row[16]};
    const auto existing = store::find_engagement_id(m_catalogue, *fields.ref);
    if (!existing) {
      store::add_engagement(m_catalogue, m_rules, fields);
      return Outcome::created;
    }
    if (m_on_conflict == OnConflict::error) {
      conflict("ref", fmt::format("engagement '{}'", *fields.ref));
    }
    if (m_on_conflict == OnConflict::skip) {
      return Outcome::skipped;
    }
    store::update_engagement(m_catalogue, m_rules, *existing, fields);
    return Outcome::updated;
  }

private:
  store::EngagementRules m_rules;
};

class FxImporter : public StoreImporter
{
public:
  using StoreImporter::StoreImporter;

  Outcome import(const Row& row, std::size_t /*line*/) override
  {
    const auto& currency = required(row, 0, "currency");
    const auto& month = required(row, 1, "month");
    const auto& rate = required(row, 2, "rate");
    const auto existing = store::find_fx_rate(m_catalogue, currency, month);
    if (existing && m_on_conflict != OnConflict::update) {
      if (m_on_conflict == OnConflict::error) {
        conflict("month", fmt::format("a rate for {} in {}", existing->currency, existing->month));
      }
      return Outcome::skipped;
    }
    store::set_fx_rate(m_catalogue, currency, month, rate);
    return existing ? Outcome::updated : Outcome::created;
  }
};

} // namespace

std::unique_ptr<KindImporter> make_importer(store::Catalogue& catalogue, Kind kind, OnConflict on_conflict)
{
  switch (kind) {
  case Kind::providers:
    return std::make_unique<ProviderImporter>(catalogue, on_conflict);
  case Kind::locations:
    return std::make_unique<LocationImporter>(catalogue, on_conflict);
  case Kind::services:
    return std::make_unique<ServiceImporter>(catalogue, on_conflict);
  case Kind::offerings:
    return std::make_unique<OfferingImporter>(catalogue, on_conflict);
  case Kind::engagements:
    return std::make_unique<EngagementImporter>(catalogue, on_conflict);
  case Kind::fx:
    return std::make_unique<FxImporter>(catalogue, on_conflict);
  case Kind::spend:
    return make_spend_importer(catalogue, on_conflict);
  }
  throw Error("unknown import kind");
}

} // namespace vendorcat::io
