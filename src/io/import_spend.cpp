// The spend importer: each row's cells go to the store's bulk loader, which
// resolves, checks and writes them (see store/spend_load.hpp).

#include "io/import_kinds.hpp"
#include "store/spend_load.hpp"

namespace vendorcat::io {

namespace {

class SpendImporter : public KindImporter
{
public:
  SpendImporter(store::Catalogue& catalogue, OnConflict on_conflict) : m_load(catalogue, on_conflict) {}

  Outcome import(const Row& row, std::size_t line) override
  {
    return m_load.add({row[0], row[1], row[2], row[3], row[4]}, line);
  }

  void check(const LateError& report) override { m_load.check(report); }

  void finish(const ImportSummary& summary) override { m_load.finish(summary); }

private:
  store::SpendLoad m_load;
};

} // namespace

std::unique_ptr<KindImporter> make_spend_importer(store::Catalogue& catalogue, OnConflict on_conflict)
{
  return std::make_unique<SpendImporter>(catalogue, on_conflict);
}

} // namespace vendorcat::io
