// Reading eurofxref-hist.csv (see ecb_file.hpp) through the CSV reader with
// its trailing comma dropped. Every bad cell is collected, as in an import,
// and the first is reported with the count of the others, so that one line
// says where to look; no rate is computed until the whole file is good.

#include "io/ecb_file.hpp"

#include "domain/ascii.hpp"
#include "domain/counted.hpp"
#include "domain/errors.hpp"
#include "io/csv_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

namespace vendorcat::io {

namespace {

// Problems in file order; the first is the message, the rest are counted.
class Problems
{
public:
  void add(std::string message)
  {
    if (m_first.empty()) {
      m_first = std::move(message);
    }
    ++m_count;
  }

  void throw_if_any() const
  {
    if (m_count == 0) {
      return;
    }
    throw ValidationError(
      m_count == 1 ? m_first
                   : fmt::format("{} (and {})", m_first, domain::counted(m_count - 1, "more error")));
  }

private:
  std::string m_first;
  std::size_t m_count = 0;
};

bool is_code(std::string_view text)
{
  return text.size() == 3 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

struct Header
{
  std::optional<std::size_t> date;
  std::vector<std::pair<std::size_t, std::string>> read; // column index, code
};

Header read_header(const CsvReader& reader, const std::function<bool(std::string_view)>& known,
                   EcbFile& rates, Problems& problems)
{
  Header header;
  const auto where = reader.location(1);
  const auto& columns = reader.columns();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto name = domain::trim(columns[i]);
    if (domain::ascii_lower(name) == "date") {
      header.date = i;
      continue;
    }
    std::string code;
    for (const char c : name) {
      code += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    if (!is_code(code)) {
      problems.add(
        fmt::format("{}: column '{}' is not a currency code (three letters, ISO 4217)", where, columns[i]));
    } else if (code == domain::ecb_reference_currency) {
      problems.add(fmt::format("{}: column '{}': the ECB quotes every currency against EUR, which has no "
                               "column of its own",
                               where, columns[i]));
    } else if (!known(code)) {
      rates.skipped.push_back(code);
    } else {
      header.read.emplace_back(i, code);
      rates.currencies.push_back(code);
    }
  }
  if (!header.date) {
    problems.add(fmt::format("{}: no Date column: expected the ECB's eurofxref-hist.csv, whose header is "
                             "Date,USD,JPY,...",
                             where));
  }
  return header;
}

} // namespace

EcbFile read_ecb_file(std::istream& in, const std::string& name, domain::MonthlyRate method,
                      const std::function<bool(std::string_view)>& known)
{
  CsvReader reader(in, name, CsvReader::default_chunk_size, TrailingComma::drop);
  EcbFile rates{name, domain::EcbQuotes(method), {}, {}, 0};
  Problems problems;
  const auto header = read_header(reader, known, rates, problems);
  problems.throw_if_any();

  auto& quotes = rates.quotes;
  std::map<domain::Date, std::size_t> lines; // of each date, for a repeated one
  const auto& columns = reader.columns();
  Record record;
  while (true) {
    try {
      if (!reader.next(record)) {
        break;
      }
    } catch (const BadRecord& error) {
      problems.add(error.what());
      continue;
    } catch (const InputError& error) {
      problems.add(error.what());
      break;
    }
    ++rates.days;
    const auto where = reader.location(record.line);
    domain::Date day;
    try {
      day = domain::Date::parse(domain::trim(record.values[*header.date]));
    } catch (const ValidationError& error) {
      problems.add(fmt::format("{}: {}: {}", where, columns[*header.date], error.what()));
      continue;
    }
    if (const auto [at, added] = lines.emplace(day, record.line); !added) {
      problems.add(fmt::format("{}: {}: {} appears twice, first on line {}", where, columns[*header.date],
                               day.to_string(), at->second));
      continue;
    }
    for (const auto& [index, code] : header.read) {
      const auto value = domain::trim(record.values[index]);
      if (value.empty() || value == "N/A") {
        continue;
      }
      try {
        quotes.add(code, day, domain::parse_quote(value));
      } catch (const ValidationError& error) {
        problems.add(fmt::format("{}: {}: {}", where, columns[index], error.what()));
      }
    }
  }
  problems.throw_if_any();
  if (lines.empty() || rates.currencies.empty()) {
    throw ValidationError(fmt::format("{}: no rates to import: the file has no {}", name,
                                      lines.empty() ? "dates" : "currency the catalogue knows"));
  }
  return rates;
}

domain::MonthlyRates ecb_rates_in(const EcbFile& file, const std::string& base)
{
  if (base != domain::ecb_reference_currency &&
      std::find(file.currencies.begin(), file.currencies.end(), base) == file.currencies.end()) {
    throw ValidationError(fmt::format("{}:1: no {} column: rates in the base currency {} are converted "
                                      "through EUR and need its quotes",
                                      file.name, base, base));
  }
  domain::MonthlyRates monthly;
  try {
    monthly = file.quotes.rates_in(base);
  } catch (const ValidationError& error) {
    throw ValidationError(fmt::format("{}: {}", file.name, error.what()));
  }
  if (monthly.rates.empty()) {
    throw ValidationError(fmt::format("{}: no rates to import: {}", file.name,
                                      monthly.months_without_base.empty()
                                        ? std::string("every value is N/A")
                                        : fmt::format("no month has a {} quote to convert through", base)));
  }
  return monthly;
}

} // namespace vendorcat::io
