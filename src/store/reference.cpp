#include "store/reference.hpp"

#include "domain/errors.hpp"
#include "domain/suggest.hpp"
#include "store/sql.hpp"

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
  Query countries(connection(catalogue),
                  "SELECT code, name, coalesce(region, ''), coalesce(sub_region, '') FROM country");
  while (countries.next()) {
    Country c{countries.text(0), countries.text(1), countries.text(2), countries.text(3)};
    m_countries.emplace(c.code, std::move(c));
  }
  Query currencies(connection(catalogue), "SELECT code, name, minor_units FROM currency");
  while (currencies.next()) {
    Currency c{currencies.text(0), currencies.text(1), static_cast<int>(currencies.integer(2))};
    m_currencies.emplace(c.code, std::move(c));
  }
}

const Reference& Reference::of(Catalogue& catalogue)
{
  auto& cache = reference_cache(catalogue);
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
  throw ValidationError(
    fmt::format("unknown country code '{}': use an ISO 3166-1 alpha-2 code such as FI, IN or US", code));
}

const Currency& Reference::currency(std::string_view code) const
{
  if (auto it = m_currencies.find(upper_code(code)); it != m_currencies.end()) {
    return it->second;
  }
  throw ValidationError(
    fmt::format("unknown currency code '{}': use an ISO 4217 code such as EUR, USD or JPY", code));
}

bool Reference::has_currency(std::string_view code) const
{
  return m_currencies.find(upper_code(code)) != m_currencies.end();
}

bool Reference::is_region(std::string_view name) const
{
  const auto wanted = domain::fold_case(name);
  return std::any_of(m_countries.begin(), m_countries.end(), [&](const auto& entry) {
    return domain::fold_case(entry.second.region) == wanted ||
           domain::fold_case(entry.second.sub_region) == wanted;
  });
}

std::vector<std::string> Reference::countries_in(std::string_view name) const
{
  const auto wanted = domain::fold_case(name);
  std::vector<std::string> codes;
  for (const auto& [code, country] : m_countries) {
    if (domain::fold_case(country.region) == wanted || domain::fold_case(country.sub_region) == wanted) {
      codes.push_back(code);
    }
  }
  return codes;
}

} // namespace vendorcat::store
