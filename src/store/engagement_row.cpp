// Validation and classification of engagement rows (see engagement_row.hpp).

#include "store/engagement_row.hpp"

#include "domain/amount.hpp"
#include "domain/ascii.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/renewal.hpp"
#include "domain/suggest.hpp"
#include "store/assessments.hpp"
#include "store/providers.hpp"
#include "store/services.hpp"
#include "store/settings.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

#include <array>

namespace vendorcat::store {

namespace {

// An optional text field: nullopt keeps CURRENT, empty clears it.
void apply_text(std::optional<std::string>& current, const std::optional<std::string>& given)
{
  if (given) {
    current = given->empty() ? std::nullopt : std::optional<std::string>(*given);
  }
}

// A contract value: an amount, named as the field it is.
std::int64_t parse_value(const std::string& text, int digits)
{
  try {
    return domain::parse_amount(text, digits, "value");
  } catch (const ValidationError& error) {
    throw FieldError("value", error.what());
  }
}

// Ten years and a little: longer than any notice period a contract has.
constexpr std::int64_t max_notice_days = 3660;

std::int64_t parse_notice_days(const std::string& text)
{
  const auto value = domain::trim(text);
  if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos) {
    throw FieldError("notice_days",
                     fmt::format("invalid notice days '{}': give a whole number of days, 0 or more", text));
  }
  if (value.size() > 5 || std::stoll(value) > max_notice_days) {
    throw FieldError("notice_days",
                     fmt::format("invalid notice days '{}': at most {} (ten years)", text, max_notice_days));
  }
  return std::stoll(value);
}

// Refuses a notice deadline (END minus NOTICE_DAYS) before the first date
// the catalogue knows, so that no report meets a date it cannot represent.
void check_notice_deadline(const std::string& end, std::int64_t notice_days)
{
  const auto earliest = domain::Date(domain::Date::min_year, 1, 1);
  const auto end_date = domain::Date::parse(end);
  if (end_date.days_since_epoch() - notice_days < earliest.days_since_epoch()) {
    throw FieldError("notice_days", fmt::format("a notice of {} days before the end date {} falls before {}",
                                                notice_days, end, earliest.to_string()));
  }
}

std::int64_t parse_renewal_months(const std::string& text)
{
  const auto value = domain::trim(text);
  if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos || value.size() > 5 ||
      std::stoll(value) < 1 || std::stoll(value) > domain::max_renewal_months) {
    throw FieldError("renewal_months",
                     fmt::format("invalid renewal months '{}': give a whole number of months, 1 to {}", text,
                                 domain::max_renewal_months));
  }
  return std::stoll(value);
}

bool parse_bool(const std::string& text)
{
  const auto value = domain::fold_case(domain::trim(text));
  if (value == "true" || value == "yes" || value == "1") {
    return true;
  }
  if (value.empty() || value == "false" || value == "no" || value == "0") {
    return false;
  }
  throw ValidationError(fmt::format("invalid auto-renew value '{}': expected true or false", text));
}

// Applies a source column (SOURCE_FIELD, e.g. `type_source`) to its value
// (FIELD): derived or assessed means "derive it again" (the value becomes
// empty), explicit needs a value. Problems go to CHECKS.
void settle_source(FieldChecks& checks, const char* source_field, const char* field,
                   const std::optional<std::string>& source, std::optional<std::string>& value)
{
  if (!source) {
    return;
  }
  checks.check(source_field, [&] {
    const auto parsed = domain::parse_source(domain::trim(*source));
    if (parsed != domain::Source::explicit_) {
      value = "";
    } else if (!value || domain::trim(*value).empty()) {
      throw ValidationError(fmt::format("{} explicit needs a {}", source_field, field));
    }
  });
}

} // namespace

EngagementRules::EngagementRules(Catalogue& catalogue)
  : m_catalogue(catalogue), m_reference(Reference::of(catalogue)),
    m_home_country(get_setting(catalogue, SettingKey::home_country)),
    m_base_currency(get_setting(catalogue, SettingKey::base_currency))
{
}

std::string EngagementRules::parse_status(std::string_view text)
{
  static constexpr std::array statuses{"planned", "active", "ended", "terminated"};
  const auto value = domain::fold_case(domain::trim(text));
  for (const char* status : statuses) {
    if (value == status) {
      return value;
    }
  }
  throw ValidationError(
    fmt::format("invalid engagement status '{}': expected planned, active, ended or terminated", text));
}

EngagementRow EngagementRules::current(std::int64_t id) const
{
  Query query(connection(m_catalogue),
              "SELECT e.ref, e.provider_id, e.service_id, s.code, s.default_type, e.title, e.client_unit, "
              "e.delivery_country, e.delivery_model, e.model_source, e.type, e.type_source, e.start_date, "
              "e.end_date, e.notice_days, e.auto_renew, e.value, e.currency, e.status, e.owner, e.notes, "
              "e.renewal_months FROM engagement e JOIN service s ON s.id = e.service_id WHERE e.id = ?",
              id);
  if (!query.next()) {
    throw NotFound(fmt::format("no engagement with id {}", id));
  }
  EngagementRow row;
  row.ref = query.text(0);
  row.provider_id = query.integer(1);
  row.service_id = query.integer(2);
  row.service_type = domain::parse_outsourcing_type(query.text(4));
  row.title = query.optional_text(5);
  row.client_unit = query.optional_text(6);
  row.delivery_country = query.text(7);
  row.delivery_model = domain::parse_delivery_model(query.text(8));
  row.model_source = domain::parse_source(query.text(9));
  row.type = domain::parse_outsourcing_type(query.text(10));
  row.type_source = domain::parse_source(query.text(11));
  row.start_date = query.text(12);
  row.end_date = query.optional_text(13);
  row.notice_days = query.optional_integer(14);
  row.auto_renew = query.integer(15) != 0;
  row.value = query.optional_integer(16);
  row.currency = query.text(17);
  row.status = query.text(18);
  row.owner = query.optional_text(19);
  row.notes = query.optional_text(20);
  row.renewal_months = query.optional_integer(21);
  query.reset();
  row.assessment = assessment_of(m_catalogue, id);
  return row;
}

EngagementRow EngagementRules::resolve(std::optional<std::int64_t> id, const EngagementFields& fields) const
{
  EngagementRow row = id ? current(*id) : EngagementRow{};
  if (!id) {
    for (const auto& [field, name] :
         {std::pair{&fields.ref, "a ref"}, std::pair{&fields.provider, "a provider (--provider)"},
          std::pair{&fields.service, "a service (--service)"},
          std::pair{&fields.delivery_country, "a delivery country (--delivery-country)"},
          std::pair{&fields.start_date, "a start date (--start)"}}) {
      if (!*field || domain::trim(**field).empty()) {
        throw ValidationError(fmt::format("an engagement needs {}", name));
      }
    }
  }
  // Every bad field is reported, not only the first (an import row's cells).
  FieldChecks checks;
  if (fields.ref) {
    checks.check("ref", [&] {
      row.ref = domain::trim(*fields.ref);
      if (row.ref.empty()) {
        throw ValidationError("an engagement ref must not be empty");
      }
      Query duplicate(connection(m_catalogue),
                      "SELECT ref FROM engagement WHERE lower(ref) = lower(?) AND id <> ?", row.ref,
                      id.value_or(0));
      if (duplicate.next()) {
        throw ValidationError(fmt::format("an engagement with ref '{}' already exists", duplicate.text(0)));
      }
    });
  }
  if (fields.provider) {
    checks.check("provider", [&] { row.provider_id = find_provider(m_catalogue, *fields.provider).id; });
  }
  if (fields.service) {
    checks.check("service", [&] {
      const auto service = find_service(m_catalogue, domain::trim(*fields.service));
      row.service_id = service.id;
      row.service_type = service.default_type;
    });
  }
  if (fields.delivery_country) {
    checks.check("delivery_country", [&] {
      row.delivery_country = m_reference.country(domain::trim(*fields.delivery_country)).code;
    });
  }
  bool dates = true;
  if (fields.start_date) {
    dates = checks.check("start_date", [&] {
      row.start_date = domain::Date::parse(domain::trim(*fields.start_date)).to_string();
    });
  }
  if (fields.end_date) {
    dates = checks.check("end_date", [&] {
      const auto end = domain::trim(*fields.end_date);
      row.end_date =
        end.empty() ? std::nullopt : std::optional<std::string>(domain::Date::parse(end).to_string());
    }) && dates;
  }
  if (dates && row.end_date && *row.end_date < row.start_date) {
    checks.check("end_date", [&] {
      throw FieldError("end_date", fmt::format("the end date {} is before the start date {}", *row.end_date,
                                               row.start_date));
    });
  }
  apply_text(row.title, fields.title);
  apply_text(row.client_unit, fields.client_unit);
  apply_text(row.owner, fields.owner);
  apply_text(row.notes, fields.notes);
  bool notice = true;
  if (fields.notice_days) {
    notice = checks.check("notice_days", [&] {
      row.notice_days = domain::trim(*fields.notice_days).empty()
                          ? std::nullopt
                          : std::optional<std::int64_t>(parse_notice_days(*fields.notice_days));
    });
  }
  if (dates && notice && row.end_date && row.notice_days) {
    checks.check("notice_days", [&] { check_notice_deadline(*row.end_date, *row.notice_days); });
  }
  if (fields.renewal_months) {
    checks.check("renewal_months", [&] {
      row.renewal_months = domain::trim(*fields.renewal_months).empty()
                             ? std::nullopt
                             : std::optional<std::int64_t>(parse_renewal_months(*fields.renewal_months));
    });
  }
  if (fields.auto_renew) {
    checks.check("auto_renew", [&] { row.auto_renew = parse_bool(*fields.auto_renew); });
  }
  if (fields.status) {
    checks.check("status", [&] { row.status = parse_status(*fields.status); });
  }

  const int old_digits = row.currency.empty() ? 0 : m_reference.currency(row.currency).minor_units;
  const auto old_value = row.value;
  const bool currency = checks.check("currency", [&] {
    if (fields.currency && !domain::trim(*fields.currency).empty()) {
      row.currency = m_reference.currency(domain::trim(*fields.currency)).code;
    } else if (row.currency.empty()) {
      if (!m_base_currency) {
        throw ValidationError("no currency: pass --currency, or set the catalogue's base currency "
                              "with 'vendorcat config set base-currency CUR'");
      }
      row.currency = *m_base_currency;
    }
  });
  if (currency) {
    checks.check("value", [&] {
      const int digits = m_reference.currency(row.currency).minor_units;
      if (fields.value) {
        const auto value = domain::trim(*fields.value);
        row.value = value.empty() ? std::nullopt : std::optional<std::int64_t>(parse_value(value, digits));
      } else if (old_value && digits != old_digits) {
        row.value = domain::parse_amount(domain::format_amount(*old_value, old_digits), digits);
      }
      if (row.value && *row.value < 0) {
        throw ValidationError("a contract value must not be negative");
      }
    });
  }
  if (fields.delivery_model && !domain::trim(*fields.delivery_model).empty()) {
    checks.check("delivery_model",
                 [&] { domain::parse_delivery_model(domain::trim(*fields.delivery_model)); });
  }
  if (fields.type && !domain::trim(*fields.type).empty()) {
    checks.check("type", [&] { domain::parse_outsourcing_type(domain::trim(*fields.type)); });
  }
  auto classified = fields;
  settle_source(checks, "model_source", "delivery_model", fields.model_source, classified.delivery_model);
  settle_source(checks, "type_source", "type", fields.type_source, classified.type);
  checks.throw_if_any();
  classify(row, classified);
  return row;
}

void EngagementRules::classify(EngagementRow& row, const EngagementFields& fields) const
{
  if (fields.delivery_model) {
    const auto model = domain::trim(*fields.delivery_model);
    row.model_source = model.empty() ? domain::Source::derived : domain::Source::explicit_;
    if (!model.empty()) {
      row.delivery_model = domain::parse_delivery_model(model);
    }
  }
  if (row.model_source == domain::Source::derived) {
    if (!m_home_country) {
      throw ValidationError(
        fmt::format("cannot derive the delivery model of '{}': the catalogue has no home country; run "
                    "'vendorcat config set home-country CC' or pass --model",
                    row.ref));
    }
    const auto& home = m_reference.country(*m_home_country);
    const auto& delivery = m_reference.country(row.delivery_country);
    row.delivery_model = domain::derive_model({home.code, home.region}, {delivery.code, delivery.region});
  }
  if (fields.type) {
    const auto type = domain::trim(*fields.type);
    row.type_source = type.empty() ? domain::Source::derived : domain::Source::explicit_;
    if (!type.empty()) {
      row.type = domain::parse_outsourcing_type(type);
    }
  }
  const auto decision =
    domain::decide_type(row.type_source == domain::Source::explicit_ ? std::optional(row.type) : std::nullopt,
                        row.assessment, row.service_type);
  row.type = decision.type;
  row.type_source = decision.source;
}

} // namespace vendorcat::store
