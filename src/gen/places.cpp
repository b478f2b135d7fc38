// Countries and currencies. The country weights roughly follow where
// outsourcing providers are headquartered and deliver from (India and the
// Philippines first, then Central and Eastern Europe, Latin America, Africa
// and South-east Asia); the EUR rates are round late-2020s values that the fx
// generator then lets drift.

#include "gen/tables.hpp"

#include <array>

namespace vendorcat::gen {

namespace {

constexpr std::array countries = {
  Country{"IN", 140, "INR", "Pvt. Ltd.", "Bengaluru|Pune|Hyderabad|Chennai|Gurugram|Noida|Mumbai"},
  Country{"PH", 100, "PHP", "Inc.", "Manila|Cebu City|Makati|Quezon City|Davao City"},
  Country{"US", 80, "USD", ", Inc.", "Austin|Dallas|Phoenix|Tampa|Charlotte|New York"},
  Country{"PL", 60, "PLN", "Sp. z o.o.", "Kraków|Wrocław|Warsaw|Łódź|Gdańsk|Poznań"},
  Country{"GB", 50, "GBP", "Ltd", "London|Manchester|Glasgow|Belfast|Leeds"},
  Country{"DE", 40, "EUR", "GmbH", "Berlin|Leipzig|Munich|Hamburg|Düsseldorf"},
  Country{"RO", 40, "RON", "S.R.L.", "Bucharest|Cluj-Napoca|Iași|Timișoara|Brașov"},
  Country{"MX", 40, "MXN", "S.A. de C.V.", "Guadalajara|Monterrey|Mexico City|Querétaro"},
  Country{"BR", 30, "BRL", "Ltda.", "São Paulo|Curitiba|Florianópolis|Recife"},
  Country{"ZA", 30, "ZAR", "(Pty) Ltd", "Cape Town|Johannesburg|Durban"},
  Country{"VN", 30, "VND", "JSC", "Ho Chi Minh City|Hanoi|Da Nang"},
  Country{"KE", 20, "KES", "Ltd", "Nairobi|Mombasa"},
  Country{"EG", 20, "EGP", "S.A.E.", "Cairo|Alexandria"},
  Country{"MY", 20, "MYR", "Sdn. Bhd.", "Kuala Lumpur|Penang|Cyberjaya"},
  Country{"FI", 20, "EUR", "Oy", "Helsinki|Tampere|Oulu|Espoo"},
  Country{"SE", 20, "SEK", "AB", "Stockholm|Göteborg|Malmö|Umeå"},
  Country{"IE", 20, "EUR", "Ltd", "Dublin|Cork|Galway"},
  Country{"PT", 20, "EUR", "Lda.", "Lisbon|Porto|Braga"},
  Country{"CO", 20, "COP", "S.A.S.", "Bogotá|Medellín|Cali"},
  Country{"BG", 15, "BGN", "EOOD", "Sofia|Plovdiv|Varna"},
  Country{"CA", 15, "CAD", "Inc.", "Toronto|Montréal|Vancouver"},
  Country{"CR", 10, "CRC", "S.A.", "San José|Heredia"},
  Country{"EE", 10, "EUR", "OÜ", "Tallinn|Tartu"},
  Country{"CZ", 10, "CZK", "s.r.o.", "Prague|Brno"},
  Country{"LT", 10, "EUR", "UAB", "Vilnius|Kaunas"},
  Country{"ES", 10, "EUR", "S.L.", "Madrid|Barcelona|Málaga"},
  Country{"AR", 10, "ARS", "S.R.L.", "Buenos Aires|Córdoba|Rosario"},
  Country{"CN", 10, "CNY", "Co., Ltd.", "Dalian|Shenzhen|Chengdu"},
  Country{"LK", 8, "LKR", "(Pvt) Ltd", "Colombo|Kandy"},
  Country{"MA", 8, "MAD", "SARL", "Casablanca|Rabat"},
  Country{"NG", 8, "NGN", "Ltd", "Lagos|Abuja"},
  Country{"SG", 8, "SGD", "Pte. Ltd.", "Singapore"},
  Country{"AU", 6, "AUD", "Pty Ltd", "Sydney|Melbourne|Brisbane"},
};

constexpr auto weights = [] {
  std::array<unsigned, countries.size()> result{};
  for (std::size_t i = 0; i < countries.size(); ++i) {
    result[i] = countries[i].weight;
  }
  return result;
}();

// Only currencies with 2 minor digits, so every amount is written with 2 decimals.
constexpr std::array currencies = {
  Currency{"EUR", 1'000'000}, Currency{"USD", 920'000}, Currency{"GBP", 1'170'000},
  Currency{"SEK", 87'000},    Currency{"INR", 11'000},  Currency{"PHP", 16'000},
  Currency{"PLN", 231'000},   Currency{"RON", 201'000}, Currency{"MXN", 50'000},
  Currency{"BRL", 170'000},   Currency{"ZAR", 50'000},  Currency{"KES", 7'100},
  Currency{"EGP", 19'000},    Currency{"MYR", 200'000}, Currency{"CZK", 40'000},
  Currency{"DKK", 134'000},   Currency{"NOK", 85'000},  Currency{"CHF", 1'050'000},
  Currency{"CAD", 680'000},   Currency{"AUD", 610'000}, Currency{"CNY", 128'000},
  Currency{"SGD", 690'000},   Currency{"HUF", 2'500},   Currency{"BGN", 511'292},
  Currency{"CRC", 1'800},
};

} // namespace

std::span<const Country> country_table()
{
  return countries;
}

std::span<const unsigned> country_weights()
{
  return weights;
}

std::span<const Currency> currency_table()
{
  return currencies;
}

std::size_t city_count(const Country& country)
{
  std::size_t count = 1;
  for (auto c : country.cities) {
    if (c == '|') {
      ++count;
    }
  }
  return count;
}

std::string_view city(const Country& country, std::size_t index)
{
  std::string_view rest = country.cities;
  for (; index > 0; --index) {
    rest.remove_prefix(rest.find('|') + 1);
  }
  return rest.substr(0, rest.find('|'));
}

} // namespace vendorcat::gen
