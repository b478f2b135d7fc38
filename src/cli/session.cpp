#include "cli/session.hpp"

#include "cli/message.hpp"
#include "report/render.hpp"
#include "store/catalogue_path.hpp"
#include "store/migrations.hpp"

#include <cstdlib>
#include <ostream>

namespace vendorcat::cli {

Session::Session(GlobalOptions options, std::ostream& out, std::ostream& err)
  : m_options(std::move(options)), m_out(out), m_err(err)
{
}

table::Format Session::format() const
{
  return table::parse_format(m_options.format);
}

void Session::open(Needs needs)
{
  if (needs == Needs::nothing) {
    return;
  }
  const auto path =
    store::resolve_catalogue_path(m_options.db, [](const char* name) { return std::getenv(name); });
  const auto access =
    needs == Needs::writing || needs == Needs::initialising ? store::Access::read_write : store::Access::read;
  m_catalogue = store::Catalogue::open(
    path, access, needs == Needs::initialising ? store::EmptyFile::initialise : store::EmptyFile::refuse);
  if (needs != Needs::unmigrated) {
    store::migrate(*m_catalogue);
  }
}

void Session::run(const std::function<void(Session&)>& command)
{
  if (!m_catalogue) {
    command(*this);
    return;
  }
  store::run_guarded(*m_catalogue, [&] { command(*this); });
}

store::Catalogue& Session::catalogue()
{
  return *m_catalogue;
}

void Session::print(const table::Table& table)
{
  report::render(table, format(), m_out);
}

report::RowStream Session::rows(std::vector<table::Column> columns)
{
  return report::RowStream(std::move(columns), format(), m_out);
}

void Session::note(const std::string& message)
{
  if (!m_options.quiet) {
    m_err << "vendorcat: " << printable_message(message) << '\n';
  }
}

} // namespace vendorcat::cli
