#pragma once

// One record shown whole (`provider show`, `engagement show`): its fields and
// named sections of related rows (locations, offerings, ...).

#include "report/render.hpp"
#include "table/format.hpp"
#include "table/table.hpp"

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace vendorcat::report {

// How a section appears in json and jsonl.
enum class SectionShape
{
  objects, // an array of objects, one per row
  values,  // an array of the cells of the table's one column (`offerings: ["payroll"]`)
};

struct Section
{
  Section(std::string name_, table::Table table_, SectionShape shape_ = SectionShape::objects)
    : name(std::move(name_)), table(std::move(table_)), shape(shape_)
  {
  }

  std::string name;
  table::Table table;
  SectionShape shape = SectionShape::objects;
};

struct Record
{
  std::vector<std::pair<std::string, table::Value>> fields;
  std::vector<Section> sections;
  std::vector<std::string> notes; // explanations shown under the fields (table format)
};

// Writes RECORD in FORMAT: table prints `key: value` lines, the notes and each
// section as a titled table; json and jsonl one object whose sections are
// arrays (of objects, or of values as the section's shape says) (and notes an array of strings under
// "explanations"); csv the fields as one row under a header (sections are left out: csv has no nesting).
// The table format is laid out by LAYOUT (render.hpp): a value or an explanation wider than its
// width goes on in lines of its own, and each section is fitted as render_table fits a table; what
// the sections left out is returned. Throws IoError when OUT fails.
TableFit render_record(const Record& record, table::Format format, std::ostream& out,
                       const TableLayout& layout = {});

// RECORD as one JSON object (json and jsonl of render_record); INDENT -1 is compact.
void render_record_json(const Record& record, std::ostream& out, int indent);

} // namespace vendorcat::report
