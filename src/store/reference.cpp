#include "store/reference.hpp"

#include "domain/errors.hpp"
#include "domain/suggest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace vendorcat::store {

std::string upper_code(std::string_view code)
{
  std::string out(code);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

Reference::Reference(Catalogue& catalogue)
{
  SQLite::Statement countries(catalogue.db(),
                              "SELECT code, name, coalesce(region, ''), coalesce(sub_region, '') "
                              "FROM country");
  while (countries.executeStep()) {
    Country c{countries.getColumn(0).getString(), countries.getColumn(1).getString(),
              countries.getColumn(2).getString(), countries.getColumn(3).getString()};
    m_countries.emplace(c.code, std::move(c));
  }
  SQLite::Statement currencies(catalogue.db(), "SELECT code, name, minor_units FROM currency");
  while (currencies.executeStep()) {
    Currency c{currencies.getColumn(0).getString(), currencies.getColumn(1).getString(),
               currencies.getColumn(2).getInt()};
    m_currencies.emplace(c.code, std::move(c));
  }
}

const Reference& Reference::of(Catalogue& catalogue)
{
  auto& cache = catalogue.reference_cache();
  if (!cache) {
    cache = std::make_shared<const Reference>(catalogue);
  }
  return *cache;
}

const Country& Reference::country(std::string_view code) const
{
  if (auto it = m_countries.find(upper_code(code)); it != m_countries.end()) {
    return it->second;
  }
  for (const auto& [key, country] : m_countries) {
    if (domain::fold_case(country.name) == domain::fold_case(code)) {
      throw ValidationError(
        fmt::format("unknown country code '{}' (did you mean '{}'?)", code, country.code));
    }
  }
  throw ValidationError(fmt::format(
    "unknown country code '{}': use an ISO 3166-1 alpha-2 code such as FI, IN or US", code));
}

const Currency& Reference::currency(std::string_view code) const
{
  if (auto it = m_currencies.find(upper_code(code)); it != m_currencies.end()) {
    return it->second;
  }
  throw ValidationError(fmt::format(
    "unknown currency code '{}': use an ISO 4217 code such as EUR, USD or JPY", code));
}

bool Reference::is_region(std::string_view name) const
{
  const auto wanted = domain::fold_case(name);
  return std::any_of(m_countries.begin(), m_countries.end(), [&](const auto& entry) {
    return domain::fold_case(entry.second.region) == wanted ||
           domain::fold_case(entry.second.sub_region) == wanted;
  });
}

} // namespace vendorcat::store
