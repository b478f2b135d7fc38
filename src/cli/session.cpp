#include "cli/session.hpp"

#include "cli/message.hpp"
#include "cli/terminal.hpp"
#include "domain/errors.hpp"
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

std::optional<table::Format> Session::named_format() const
{
  if (m_options.format) {
    return table::parse_format(*m_options.format);
  }
  if (writes_file()) {
    try {
      return table::format_of_file(*m_options.output);
    } catch (const UsageError&) {
      return std::nullopt;
    }
  }
  return table::Format::table;
}

table::Format Session::format() const
{
  if (const auto named = named_format()) {
    return *named;
  }
  return table::format_of_file(*m_options.output); // throws, naming the extension
}

void Session::open(Needs needs, Prints prints)
{
  const bool to_file = writes_file();
  if (to_file && (needs == Needs::writing || needs == Needs::initialising)) {
    throw UsageError(fmt::format("-o writes what a listing or report prints; '{}' changes the catalogue and "
                                 "prints no listing to write",
                                 m_command));
  }
  if (to_file && prints == Prints::nothing) {
    throw nothing_to_write();
  }
  std::vector<std::filesystem::path> protected_files;
  if (needs != Needs::nothing) {
    const auto path =
      store::resolve_catalogue_path(m_options.db, [](const char* name) { return std::getenv(name); });
    const auto access = needs == Needs::writing || needs == Needs::initialising ? store::Access::read_write
                                                                                : store::Access::read;
    m_catalogue = store::Catalogue::open(
      path, access, needs == Needs::initialising ? store::EmptyFile::initialise : store::EmptyFile::refuse);
    if (needs != Needs::unmigrated) {
      store::migrate(*m_catalogue);
    }
    protected_files = io::catalogue_files(m_catalogue->path());
  }
  if (to_file) {
    m_file = std::make_unique<io::OutputFile>(
      *m_options.output, protected_files,
      io::OutputPolicy{m_options.force ? io::Replace::yes : io::Replace::no, io::NonRegular::write_through,
                       io::FileMode::user_umask});
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

bool Session::collecting() const
{
  const auto chosen = named_format();
  return m_file && (chosen == table::Format::html || chosen == table::Format::xlsx);
}

void Session::add_sheet(report::Sheet sheet)
{
  m_used = true;
  m_rows += sheet.table.rows.size();
  m_sheets.push_back(std::move(sheet));
}

void Session::finish()
{
  if (!m_file) {
    return;
  }
  if (!m_used) {
    throw nothing_to_write();
  }
  if (collecting()) {
    if (format() == table::Format::xlsx) {
      report::write_xlsx(m_sheets, m_file->temporary_path().empty() ? std::filesystem::path(*m_options.output)
                                                                    : m_file->temporary_path());
    } else {
      m_file->write([&](std::ostream& out) { report::render_html_tables(m_sheets, m_command, out); });
    }
  }
  m_file->commit();
  if (!m_written.empty()) {
    note(fmt::format("wrote {} to '{}'", m_written, *m_options.output));
  } else if (m_text) {
    note(fmt::format("wrote '{}'", *m_options.output));
  } else {
    const auto sheets = m_sheets.size() > 1 ? fmt::format(" in {} sheets", m_sheets.size()) : std::string();
    note(fmt::format("wrote {} row{}{} to '{}'", m_rows, m_rows == 1 ? "" : "s", sheets, *m_options.output));
  }
}

UsageError Session::nothing_to_write() const
{
  return UsageError(fmt::format("'{}' prints nothing to write to '{}': -o is for listings and reports",
                                m_command, *m_options.output));
}

store::Catalogue& Session::catalogue()
{
  return *m_catalogue;
}

report::TableLayout Session::table_layout() const
{
  // Only the process's own stdout can be a terminal.
  if (&m_out != &std::cout || m_file) {
    return {};
  }
  return choose_layout(stdout_facts(), m_options.wide);
}

void Session::print(const table::Table& table)
{
  if (collecting()) {
    add_sheet({m_command, table});
    return;
  }
  m_rows += table.rows.size();
  const auto layout = table_layout();
  note_left_out(report::render(table, format(), stream(), layout), layout);
}

void Session::print_record(const report::Record& record)
{
  if (collecting()) {
    for (auto& sheet : report::record_sheets(record, m_command)) {
      add_sheet(std::move(sheet));
    }
    return;
  }
  if (m_written.empty()) {
    m_written = "1 record";
  }
  const auto layout = table_layout();
  note_left_out(report::render_record(record, format(), stream(), layout), layout);
}

report::RowStream Session::rows(std::vector<table::Column> columns)
{
  if (collecting()) {
    m_used = true;
    return report::RowStream(std::move(columns), format(), m_out, {}, {},
                             [this](table::Table&& table, std::size_t) {
                               add_sheet({m_command, std::move(table)});
                             });
  }
  const auto layout = table_layout();
  return report::RowStream(
    std::move(columns), format(), stream(), layout,
    [this, layout](const report::TableFit& fit) { note_left_out(fit, layout); },
    [this](table::Table&&, std::size_t rows) { m_rows += rows; });
}

io::OutputFile& Session::output_file(table::Format format, std::string what)
{
  if (!m_file) {
    throw UsageError(fmt::format("'{}' writes a file: give -o FILE", m_command));
  }
  if (const auto named = named_format(); named && *named != format) {
    throw UsageError(fmt::format("'{}' writes {} {} file: name it .{}", m_command,
                                 format == table::Format::html ? "an" : "a", table::to_string(format),
                                 table::to_string(format)));
  }
  m_used = true;
  m_written = std::move(what);
  return *m_file;
}

std::ostream& Session::stream()
{
  if (!m_file) {
    return m_out;
  }
  m_used = true;
  return m_file->stream();
}

std::ostream& Session::out()
{
  if (!m_file) {
    return m_out;
  }
  if (collecting()) {
    throw UsageError(
      fmt::format("'{}' writes text, which an {} file cannot hold: name the file .txt, .csv or "
                  ".json",
                  m_command, table::to_string(format())));
  }
  m_text = true;
  return stream();
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
