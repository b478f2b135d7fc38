// `vendorcat fx import-ecb FILE [--rate average|month-end]`: the ECB's
// historical reference rates as one rate per currency and month. The file
// is read and checked whole before the write transaction; inside it the
// rates are computed in the base currency and written as one import batch
// (kind `fx-ecb`), which is the command's audit entry and what `import
// undo` takes back (the rates it created; those it replaced stay replaced).

#include "cli/nouns.hpp"
#include "domain/counted.hpp"
#include "domain/errors.hpp"
#include "io/ecb_file.hpp"
#include "io/sha256.hpp"
#include "store/fx.hpp"
#include "store/import_batches.hpp"
#include "store/reference.hpp"

#include <fmt/format.h>

#include <fstream>
#include <limits>
#include <set>

namespace vendorcat::cli {

namespace {

struct EcbOptions
{
  std::string file;
  std::string rate = "average";
};

// What the write did, for the notes.
struct EcbWritten
{
  std::int64_t batch = 0;
  store::LoadSummary summary;
  domain::MonthlyRates monthly;
};

std::string joined(const std::vector<std::string>& codes)
{
  std::string text;
  for (const auto& code : codes) {
    text += fmt::format("{}{}", text.empty() ? "" : ", ", code);
  }
  return text;
}

EcbWritten write_rates(store::Catalogue& catalogue, const io::EcbFile& file, const std::string& sha256)
{
  EcbWritten written;
  written.monthly = io::ecb_rates_in(file, store::rate_base_currency(catalogue));
  store::ImportBatchScope batch(catalogue, "fx-ecb", file.name, sha256);
  written.batch = batch.id();
  for (const auto& rate : written.monthly.rates) {
    switch (store::put_fx_rate(catalogue, {rate.currency, rate.month, rate.rate})) {
    case store::FxChange::created:
      ++written.summary.created;
      break;
    case store::FxChange::replaced:
      ++written.summary.updated;
      break;
    case store::FxChange::unchanged:
      ++written.summary.skipped;
      break;
    }
  }
  batch.finish(written.monthly.rates.size(), written.summary, sha256);
  return written;
}

void run_fx_import_ecb(Session& session, const EcbOptions& options)
{
  const auto method = domain::parse_monthly_rate(options.rate);
  std::ifstream stream(options.file, std::ios::binary);
  if (!stream) {
    throw UsageError(fmt::format("cannot read '{}': no such file or not readable", options.file));
  }
  io::HashingBuffer hashed(stream);
  std::istream in(&hashed);
  const auto& reference = store::Reference::of(session.catalogue());
  const auto file = io::read_ecb_file(
    in, options.file, method, [&reference](std::string_view code) { return reference.has_currency(code); });
  in.ignore(std::numeric_limits<std::streamsize>::max());
  const auto sha256 = hashed.hex();

  const auto written =
    session.write([&](store::Catalogue& catalogue) { return write_rates(catalogue, file, sha256); });
  if (!file.skipped.empty()) {
    session.note(
      fmt::format("skipped {} of currencies the catalogue does not list (withdrawn from ISO 4217): {}",
                  domain::counted(file.skipped.size(), "column"), joined(file.skipped)));
  }
  if (const auto& months = written.monthly.months_without_base; !months.empty()) {
    session.note(fmt::format("no rates for {} without a quote of the base currency ({} to {})",
                             domain::counted(months.size(), "month"), months.front().to_string(),
                             months.back().to_string()));
  }
  const auto& rates = written.monthly.rates;
  std::set<std::string> currencies;
  auto first = rates.front().month;
  auto last = rates.front().month;
  for (const auto& rate : rates) {
    currencies.insert(rate.currency);
    first = std::min(first, rate.month);
    last = std::max(last, rate.month);
  }
  const auto& summary = written.summary;
  const bool wrote = summary.created + summary.updated > 0;
  session.note(fmt::format(
    "{}: set {} for {}, {} to {} ({} new, {} replaced, {} unchanged)",
    wrote ? fmt::format("import batch {} ({})", written.batch, options.file) : options.file,
    domain::counted(rates.size(), "rate"), domain::counted(currencies.size(), "currency", "currencies"),
    first.to_string(), last.to_string(), domain::grouped(summary.created), domain::grouped(summary.updated),
    domain::grouped(summary.skipped)));
}

} // namespace

void setup_fx_import_ecb(CLI::App& noun, CommandSlot& slot)
{
  auto options = std::make_shared<EcbOptions>();
  auto* app = add_verb<EcbOptions>(
    noun, slot, "import-ecb",
    "Set one rate per currency and month from the ECB's historical reference rates (eurofxref-hist.csv, "
    "1 EUR = x CUR), through EUR into the base currency, rounded half-even to 10 significant digits (and "
    "at most 10 decimals); replaces the rates of those months, all or nothing, as one import batch.\n"
    "Example: vendorcat fx import-ecb eurofxref-hist.csv --rate month-end",
    Needs::writing, run_fx_import_ecb, options);
  app->add_option("FILE", options->file, "The ECB's eurofxref-hist.csv (unzipped)")->required();
  app->add_option("--rate", options->rate,
                  "average (the default): the mean of the month's daily rates; month-end: its last one");
}

} // namespace vendorcat::cli
