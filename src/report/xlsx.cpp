// write_xlsx: the sheets through libxlsxwriter, each cell typed as
// document.hpp's table says. The workbook is written to the path it is given
// (the output file's temporary, renamed over the target on commit).

#include "domain/counted.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/utf8.hpp"
#include "report/document.hpp"
#include "report/render.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <type_traits>

namespace vendorcat::report {

namespace {

constexpr std::size_t max_sheet_name = 31;
constexpr std::size_t max_significant_digits = 15;
constexpr double max_column_width = 60;

// The workbook, closed (and so written) exactly once.
class Workbook
{
public:
  explicit Workbook(const std::filesystem::path& path) : m_path(path)
  {
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    m_workbook = workbook_new_opt(path.c_str(), &options);
    if (m_workbook == nullptr) {
      throw IoError(fmt::format("cannot write '{}': could not create the workbook", path.string()));
    }
    m_bold = workbook_add_format(m_workbook);
    format_set_bold(m_bold);
    m_date = workbook_add_format(m_workbook);
    format_set_num_format(m_date, "yyyy-mm-dd");
    m_ratio = workbook_add_format(m_workbook);
    format_set_num_format(m_ratio, "0.0000");
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  ~Workbook()
  {
    if (m_workbook != nullptr) {
      workbook_close(m_workbook);
    }
  }

  lxw_worksheet* add_sheet(const std::string& name)
  {
    return workbook_add_worksheet(m_workbook, name.c_str());
  }
  lxw_format* bold() const { return m_bold; }
  lxw_format* date() const { return m_date; }
  lxw_format* ratio() const { return m_ratio; }

  // `#,##0.00` for DECIMALS 2: the format of a figure written with that many.
  lxw_format* figure(std::size_t decimals)
  {
    auto& format = m_figures[decimals];
    if (format == nullptr) {
      format = workbook_add_format(m_workbook);
      const auto pattern = decimals == 0 ? std::string("#,##0") : "#,##0." + std::string(decimals, '0');
      format_set_num_format(format, pattern.c_str());
    }
    return format;
  }

  void close()
  {
    const auto error = workbook_close(m_workbook);
    m_workbook = nullptr;
    if (error != LXW_NO_ERROR) {
      throw IoError(fmt::format("cannot write '{}': {}", m_path.string(), lxw_strerror(error)));
    }
  }

private:
  std::filesystem::path m_path;
  lxw_workbook* m_workbook = nullptr;
  lxw_format* m_bold = nullptr;
  lxw_format* m_date = nullptr;
  lxw_format* m_ratio = nullptr;
  std::map<std::size_t, lxw_format*> m_figures;
};

// NAME as a valid, unused sheet name: no `[]:*?/\`, at most 31 characters
// (domain::shorten), not empty, unique among TAKEN.
std::string sheet_name(const std::string& name, std::set<std::string>& taken)
{
  std::string base;
  for (const char c : name) {
    base += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
  }
  base = domain::shorten(base.empty() ? std::string("sheet") : base, max_sheet_name);
  auto candidate = base;
  for (int n = 2; taken.contains(candidate); ++n) {
    const auto suffix = fmt::format(" ({})", n);
    candidate = domain::shorten(base, max_sheet_name - suffix.size()) + suffix;
  }
  taken.insert(candidate);
  return candidate;
}

std::size_t significant_digits(std::string_view decimal)
{
  std::size_t count = 0;
  bool leading = true;
  for (const char c : decimal) {
    if (c >= '1' && c <= '9') {
      leading = false;
    }
    if (c >= '0' && c <= '9' && !leading) {
      ++count;
    }
  }
  return count;
}

std::optional<domain::Date> date_of(std::string_view text)
{
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  try {
    return domain::Date::parse(text);
  } catch (const ValidationError&) {
    return std::nullopt;
  }
}

void check(lxw_error error, const std::filesystem::path& path)
{
  if (error != LXW_NO_ERROR) {
    throw IoError(fmt::format("cannot write '{}': {}", path.string(), lxw_strerror(error)));
  }
}

// Writes one text cell, typed as document.hpp says; returns its width.
std::size_t write_text(Workbook& book, lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col,
                       const table::Column& column, const std::string& text,
                       const std::filesystem::path& path)
{
  if (column.align == table::Align::right && column.content == table::Content::text &&
      is_decimal_text(text) && significant_digits(text) <= max_significant_digits) {
    double number = 0;
    std::from_chars(text.data(), text.data() + text.size(), number);
    const auto point = text.find('.');
    const auto decimals = point == std::string::npos ? 0 : text.size() - point - 1;
    check(worksheet_write_number(sheet, row, col, number, book.figure(decimals)), path);
    return text.size() + text.size() / 3;
  }
  if (const auto date = date_of(text); date && column.content == table::Content::text) {
    lxw_datetime value{date->year(), date->month(), date->day(), 0, 0, 0.0};
    check(worksheet_write_datetime(sheet, row, col, &value, book.date()), path);
    return text.size();
  }
  check(worksheet_write_string(sheet, row, col, text.c_str(), nullptr), path);
  return display_width(text);
}

void write_sheet(Workbook& book, lxw_worksheet* sheet, const table::Table& table,
                 const std::filesystem::path& path)
{
  std::vector<std::size_t> widths;
  for (lxw_col_t col = 0; col < table.columns.size(); ++col) {
    check(worksheet_write_string(sheet, 0, col, table.columns[col].key.c_str(), book.bold()), path);
    widths.push_back(display_width(table.columns[col].key));
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (lxw_col_t col = 0; col < table.columns.size(); ++col) {
      const auto& value = table.rows[r][col];
      std::size_t width = 0;
      if (const auto* text = std::get_if<std::string>(&value)) {
        width = write_text(book, sheet, row, col, table.columns[col], *text, path);
      } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        check(worksheet_write_number(sheet, row, col, static_cast<double>(*integer), nullptr), path);
        width = std::to_string(*integer).size();
      } else if (const auto* ratio = std::get_if<double>(&value)) {
        check(worksheet_write_number(sheet, row, col, *ratio, book.ratio()), path);
        width = 6;
      } else if (const auto* flag = std::get_if<bool>(&value)) {
        check(worksheet_write_boolean(sheet, row, col, *flag ? 1 : 0, nullptr), path);
        width = 5;
      }
      widths[col] = std::max(widths[col], width);
    }
  }
  for (lxw_col_t col = 0; col < widths.size(); ++col) {
    const double width = std::min(max_column_width, static_cast<double>(widths[col]) + 2);
    check(worksheet_set_column(sheet, col, col, width, nullptr), path);
  }
  worksheet_freeze_panes(sheet, 1, 0);
}

} // namespace

static_assert(max_sheet_rows == LXW_ROW_MAX - 1);

void check_sheet_rows(std::string_view what, std::size_t rows)
{
  if (rows > max_sheet_rows) {
    throw UsageError(fmt::format("{} has more rows than a worksheet holds ({}): write .csv instead", what,
                                 domain::grouped(max_sheet_rows)));
  }
}

void write_xlsx(const std::vector<Sheet>& sheets, const std::filesystem::path& path)
{
  for (const auto& sheet : sheets) {
    table::check_shape(sheet.table);
    check_sheet_rows(fmt::format("'{}'", sheet.name), sheet.table.rows.size());
    if (sheet.table.columns.size() > LXW_COL_MAX) {
      throw UsageError(fmt::format("'{}' has more columns than a worksheet holds", sheet.name));
    }
  }
  Workbook book(path);
  std::set<std::string> taken;
  if (sheets.empty()) {
    book.add_sheet(sheet_name("empty", taken));
  }
  for (const auto& sheet : sheets) {
    auto* worksheet = book.add_sheet(sheet_name(sheet.name, taken));
    if (worksheet == nullptr) {
      throw IoError(
        fmt::format("cannot write '{}': could not add the sheet '{}'", path.string(), sheet.name));
    }
    write_sheet(book, worksheet, sheet.table, path);
  }
  book.close();
}

} // namespace vendorcat::report
