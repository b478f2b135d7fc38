// Fuzzes io::JsonReader with the input as a whole JSON import file and reads
// every record. Expected: records, or an InputError for a file that is not
// an array of flat objects; an exception of nlohmann-json or any other type
// escaping is a finding. Properties: the column names are unique; every
// record has a value and a present flag per column (an absent value is
// empty), on non-decreasing lines within the file.

#include "domain/errors.hpp"
#include "fuzz_support.hpp"
#include "io/json_reader.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>
#include <string>

namespace {

using namespace vendorcat;

// Reads TEXT with READER (a JsonReader or a JsonLinesReader) and checks what
// every record must be.
template<typename Reader>
void read_all(std::string_view text)
{
  std::istringstream in{std::string(text)};
  std::optional<Reader> reader;
  try {
    reader.emplace(in, "fuzz.json");
  } catch (const InputError&) {
    return;
  }
  const auto& columns = reader->columns();
  if (std::set<std::string>(columns.begin(), columns.end()).size() != columns.size()) {
    fuzz::finding("the columns repeat a name");
  }
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  io::Record record;
  std::size_t previous = 1;
  while (true) {
    try {
      if (!reader->next(record)) {
        break;
      }
    } catch (const InputError&) {
      return; // a later JSON Lines line is bad: reading stops there
    }
    if (record.values.size() != columns.size() || record.present.size() != columns.size()) {
      fuzz::finding(fmt::format("record at line {} has {} values and {} present flags for {} columns",
                                record.line, record.values.size(), record.present.size(), columns.size()));
    }
    if (record.line < previous || record.line > lines) {
      fuzz::finding(
        fmt::format("record at line {} after line {} in a file of {} lines", record.line, previous, lines));
    }
    previous = record.line;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (!record.present[i] && !record.values[i].empty()) {
        fuzz::finding(fmt::format("record at line {}: absent '{}' has the value '{}'", record.line,
                                  columns[i], record.values[i]));
      }
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  return fuzz::run([text = fuzz::as_text(data, size)] {
    read_all<io::JsonReader>(text);
    read_all<io::JsonLinesReader>(text);
  });
}
