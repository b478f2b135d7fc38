#pragma once

// The reference tables (countries, currencies), loaded once into memory so
// that validation and bulk imports resolve codes without a query per row.

#include "store/catalogue.hpp"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::store {

struct Country
{
  std::string code;
  std::string name;
  std::string region;     // UN M49 region; empty for Antarctica
  std::string sub_region; // UN M49 sub-region
};

struct Currency
{
  std::string code;
  std::string name;
  int minor_units = 2;
};

class Reference
{
public:
  explicit Reference(Catalogue& catalogue);

  // The catalogue's reference data, read from it once and then kept with the
  // connection (migrations are the only writers of these tables).
  static const Reference& of(Catalogue& catalogue);

  // The country with CODE (any letter case). Throws ValidationError naming
  // the code, with a suggestion, when there is none.
  const Country& country(std::string_view code) const;

  // The currency with CODE (any letter case); throws ValidationError when unknown.
  const Currency& currency(std::string_view code) const;

  // Whether CODE (any letter case) is a currency of the list; never fails.
  bool has_currency(std::string_view code) const;

  // True when NAME is a UN M49 region or sub-region (any letter case).
  bool is_region(std::string_view name) const;

  // The codes of the countries in region or sub-region NAME (any letter
  // case), by code; empty when there is no such region.
  std::vector<std::string> countries_in(std::string_view name) const;

private:
  std::map<std::string, Country, std::less<>> m_countries;
  std::map<std::string, Currency, std::less<>> m_currencies;
};

// Where Reference::of keeps a catalogue's reference data once loaded.
std::shared_ptr<const Reference>& reference_cache(Catalogue& catalogue);

// CODE in upper case (ASCII).
std::string upper_code(std::string_view code);

} // namespace vendorcat::store
