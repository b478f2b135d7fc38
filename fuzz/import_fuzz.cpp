// Fuzzes the whole import of one kind, VENDORCAT_FUZZ_KIND (set by
// fuzz/CMakeLists.txt, which builds this file once per kind), into a
// migrated in-memory catalogue that already holds a few providers,
// locations, a custom service, offerings, engagements E1 to E3, spend lines,
// exchange rates, volumes and assessments, so that rows can refer to, collide with and
// update existing records.
//
// One target per kind rather than one whose first byte picks the kind: each
// kind gets the whole time budget and its own corpus, and its coverage
// feedback is not diluted by the other kinds (a file of one kind is nothing
// but header errors for another).
//
// The first byte picks how the rest is read: even bytes CSV and odd ones
// JSON; byte / 2 % 3 the conflict policy: error, skip or update. So the
// seeds start with '0' (CSV, error), '1' (JSON, error), '2' (CSV, skip),
// '3' (JSON, skip), '4' (CSV, update) or '5' (JSON, update).
//
// Each input is imported inside a WriteTransaction that is never committed,
// so the catalogue is opened and filled once and every input starts from
// the same state. Expected: a summary, or an InputError (ImportFailed, a
// ValidationError from the last checks); any other exception is a finding.
// Properties after a successful import: the catalogue passes `db check`
// (integrity, foreign keys, the spend roll-up) and the kind exports.

#include "domain/errors.hpp"
#include "fuzz_support.hpp"
#include "io/csv_reader.hpp"
#include "io/export.hpp"
#include "io/import.hpp"
#include "io/json_reader.hpp"
#include "store/catalogue.hpp"
#include "store/maintenance.hpp"
#include "store/migrations.hpp"
#include "store/settings.hpp"

#include <array>
#include <memory>
#include <sstream>
#include <string>
#include <utility>

namespace {

using namespace vendorcat;

constexpr std::array<std::pair<io::Kind, std::string_view>, 9> prefill{{
  {io::Kind::providers, "name,hq_country,legal_name,hq_city,website,status,risk,next_review,notes\n"
                        "Acme,FI,Acme Oy,Helsinki,https://acme.example,active,low,2027-01-31,\n"
                        "Baltic Research OÜ,EE,,Tallinn,,active,medium,,\"Research, nearshore\"\n"
                        "Infosys,IN,,Bengaluru,,onboarding,high,,\n"},
  {io::Kind::locations, "provider,country,city,name\n"
                        "Acme,EE,Tallinn,Tallinn centre\n"
                        "Infosys,IN,Pune,\n"},
  {io::Kind::services, "code,name,type,parent\n"
                       "payroll-nordic,Nordic payroll,BPO,payroll\n"},
  {io::Kind::offerings, "provider,service\n"
                        "Acme,customer-service\n"
                        "Infosys,data-analysis\n"},
  {io::Kind::engagements,
   "ref,provider,service,delivery_country,start_date,end_date,title,client_unit,delivery_model,type,"
   "notice_days,auto_renew,value,currency,status,owner,notes\n"
   "E1,Acme,customer-service,EE,2024-01-01,2026-12-31,Help desk,IT,,,90,true,120000.00,EUR,active,Anna,\n"
   "E2,Infosys,data-analysis,IN,2025-01-01,,Analytics,Finance,,,,false,50000.00,USD,active,,\n"
   "E3,Baltic Research "
   "OÜ,payroll-nordic,EE,2025-06-01,2027-05-31,,HR,offshore,KPO,30,,900000,JPY,planned,,\n"},
  {io::Kind::spend, "engagement,date,amount,currency,reference\n"
                    "E1,2026-01-15,1000.00,EUR,INV-1\n"
                    "E2,2026-01-20,250.50,USD,INV-2\n"
                    "E3,2026-02-01,5000,JPY,\n"},
  {io::Kind::fx, "currency,month,rate\n"
                 "USD,2026-01,0.9214\n"
                 "JPY,2026-02,0.0061\n"},
  {io::Kind::volumes, "engagement,month,quantity,unit\n"
                      "E1,2026-01,10,fte\n"
                      "E2,2026-01,0.5,hours\n"},
  {io::Kind::assessments, "engagement,basis,complexity,expertise,arbitrage,driver,coordination,talent,focus\n"
                          "E1,rules,low,process,cost,volume,,,\n"
                          "E2,judgement,high,knowledge,knowledge,insight,high,professional,high\n"},
}};

store::Catalogue prefilled_catalogue()
{
  auto catalogue = store::Catalogue::open_in_memory();
  store::migrate(catalogue);
  store::set_setting(catalogue, store::SettingKey::home_country, "FI");
  store::set_setting(catalogue, store::SettingKey::base_currency, "EUR");
  {
    store::WriteTransaction transaction(catalogue);
    for (const auto& [kind, text] : prefill) {
      std::istringstream in{std::string(text)};
      io::CsvReader reader(in, std::string(io::to_string(kind)));
      io::import_records(catalogue, kind, reader, io::OnConflict::error);
    }
    transaction.commit();
  }
  return catalogue;
}

store::Catalogue& shared_catalogue()
{
  static store::Catalogue catalogue = [] {
    try {
      return prefilled_catalogue();
    } catch (const std::exception& error) {
      fuzz::finding(fmt::format("cannot fill the catalogue: {}", error.what()));
    }
  }();
  return catalogue;
}

constexpr std::array on_conflict_policies{io::OnConflict::error, io::OnConflict::skip,
                                          io::OnConflict::update};

void import(std::uint8_t mode, std::string_view text)
{
  const auto kind = io::parse_kind(VENDORCAT_FUZZ_KIND);
  const bool json = mode % 2 == 1;
  const auto on_conflict = on_conflict_policies[mode / 2 % on_conflict_policies.size()];
  auto& target = shared_catalogue();
  std::istringstream in{std::string(text)};
  store::WriteTransaction transaction(target, store::Workload::bulk_load);
  try {
    std::unique_ptr<io::RecordReader> reader;
    if (json) {
      reader = std::make_unique<io::JsonReader>(in, "fuzz.json");
    } else {
      reader = std::make_unique<io::CsvReader>(in, "fuzz.csv");
    }
    io::import_records(target, kind, *reader, on_conflict);
  } catch (const InputError&) {
    return; // rolled back
  }
  transaction.settle(); // as the commit would, before the rollback
  for (const auto& problem : store::check_catalogue(target)) {
    fuzz::finding(
      fmt::format("the catalogue is damaged after an import: {}: {}", problem.check, problem.detail));
  }
  std::ostringstream exported;
  io::export_records(target, kind, table::Format::csv, exported);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  if (size == 0) {
    return 0;
  }
  return fuzz::run([&] { import(data[0], fuzz::as_text(data + 1, size - 1)); });
}
