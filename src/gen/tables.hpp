#pragma once

// The fixed vocabulary the generator draws from: countries with their cities,
// currencies with a plausible rate to EUR, the service taxonomy and the words
// names, titles and notes are made of.

#include <cstdint>
#include <span>
#include <string_view>

namespace vendorcat::gen {

struct Country
{
  std::string_view code;       // ISO 3166-1 alpha-2
  unsigned weight;             // how often it is drawn
  std::string_view currency;   // the local ISO 4217 currency
  std::string_view legal_form; // appended to make a legal name
  std::string_view cities;     // '|'-separated, UTF-8
};

struct Currency
{
  std::string_view code;
  std::int64_t micro_eur; // 1 unit = micro_eur / 1e6 EUR (2 minor digits each)
};

struct Service
{
  std::string_view code;
  std::string_view title; // used in engagement titles
  unsigned weight;
};

std::span<const Country> country_table();
std::span<const unsigned> country_weights();
std::span<const Currency> currency_table();
std::span<const Service> service_table();
std::span<const unsigned> service_weights();

// The number of cities of COUNTRY and its INDEX-th city.
std::size_t city_count(const Country& country);
std::string_view city(const Country& country, std::size_t index);

// Word lists; each is non-empty.
struct Words
{
  std::span<const std::string_view> name_prefixes; // ASCII
  std::span<const std::string_view> name_cores;    // ASCII, lower case
  std::span<const std::string_view> descriptors;   // ASCII
  std::span<const std::string_view> surnames;      // UTF-8
  std::span<const std::string_view> surname_slugs; // ASCII, same order
  std::span<const std::string_view> plain_notes;
  std::span<const std::string_view> tricky_notes; // commas, quotes, line breaks, UTF-8
  std::span<const std::string_view> client_units;
  std::span<const std::string_view> owners;
  std::span<const std::string_view> programmes;
};

const Words& words();

} // namespace vendorcat::gen
