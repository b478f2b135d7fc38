#include "cli/session.hpp"

#include "cli/message.hpp"
#include "cli/terminal.hpp"
#include "report/render.hpp"
#include "store/catalogue_path.hpp"
#include "store/migrations.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <ostream>
#include <string_view>

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

report::TableLayout Session::table_layout() const
{
  // Only the process's own stdout can be a terminal.
  if (&m_out != &std::cout) {
    return {};
  }
  return choose_layout(stdout_facts(), m_options.wide);
}

void Session::print(const table::Table& table)
{
  const auto layout = table_layout();
  note_left_out(report::render(table, format(), m_out, layout), layout);
}

void Session::print(const report::Record& record)
{
  const auto layout = table_layout();
  note_left_out(report::render_record(record, format(), m_out, layout), layout);
}

report::RowStream Session::rows(std::vector<table::Column> columns)
{
  const auto layout = table_layout();
  return report::RowStream(std::move(columns), format(), m_out, layout,
                           [this, layout](const report::TableFit& fit) { note_left_out(fit, layout); });
}

void Session::note_left_out(const report::TableFit& fit, const report::TableLayout& layout)
{
  // `3 columns left out (risk, next_review, notes); --wide shows them`, its
  // names cut to `…` until the note fits the terminal too.
  const auto& left_out = fit.left_out;
  if (left_out.empty()) {
    return;
  }
  const auto message = [&](std::size_t named) {
    std::string names;
    for (std::size_t i = 0; i < named; ++i) {
      names += (i == 0 ? "" : ", ") + left_out[i];
    }
    if (named < left_out.size()) {
      names += named == 0 ? "\u2026" : ", \u2026";
    }
    return fmt::format("{} column{} left out ({}); --wide shows {}", left_out.size(),
                       left_out.size() == 1 ? "" : "s", names, left_out.size() == 1 ? "it" : "them");
  };
  std::size_t named = left_out.size();
  const std::size_t prefix = std::string_view("vendorcat: ").size();
  while (named > 0 && prefix + report::display_width(message(named)) > layout.width) {
    --named;
  }
  note(message(named));
}

void Session::note(const std::string& message)
{
  if (!m_options.quiet) {
    m_err << "vendorcat: " << printable_message(message) << '\n';
  }
}

} // namespace vendorcat::cli
