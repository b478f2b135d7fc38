// Fuzzes io::CsvReader with the input as a whole CSV file: the header, then
// every record, going on after a record with the wrong number of fields as
// an import does. Expected: records, BadRecord, and InputError for a file
// that cannot be read on. Properties: every record has as many values as the
// header, all present, on strictly increasing lines within the file; and
// the same input read in chunks of 1 byte and of a few bytes gives the same
// header, records and errors as with the default chunk size. With 1-byte
// chunks no piece is a whole line, so every field goes through libcsv: this
// compares the quote-free fast path with libcsv.

#include "domain/errors.hpp"
#include "fuzz_support.hpp"
#include "io/csv_reader.hpp"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace vendorcat;

// What reading a file gives: the header, then per record its line and
// values, or line 0 and the message of a BadRecord; then the error that
// stopped the reading, if any.
struct Reading
{
  std::vector<std::string> columns;
  std::vector<std::pair<std::size_t, std::vector<std::string>>> records;
  std::string error;

  bool operator==(const Reading&) const = default;
};

// The number of physical lines of TEXT as the reader counts them (CRLF,
// CR and LF each end one line).
std::size_t line_count(std::string_view text)
{
  std::size_t lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++lines;
    }
  }
  return lines;
}

// Checks RECORD, read after a record on line PREVIOUS (the header's line
// for the first).
void check_record(std::string_view text, const Reading& reading, const io::Record& record,
                  std::size_t previous)
{
  if (record.values.size() != reading.columns.size() || record.present.size() != record.values.size() ||
      !std::all_of(record.present.begin(), record.present.end(), [](bool present) { return present; })) {
    fuzz::finding(fmt::format("record at line {} has {} values ({} present flags) for {} columns",
                              record.line, record.values.size(), record.present.size(),
                              reading.columns.size()));
  }
  if (record.line <= previous || record.line > line_count(text)) {
    fuzz::finding(fmt::format("record at line {} after line {} in a file of {} lines", record.line, previous,
                              line_count(text)));
  }
}

Reading read_all(std::string_view text, std::size_t chunk_size)
{
  Reading reading;
  std::istringstream in{std::string(text)};
  try {
    io::CsvReader reader(in, "fuzz.csv", chunk_size);
    reading.columns = reader.columns();
    io::Record record;
    std::size_t previous = 1; // the header starts on line 1 at the earliest
    while (true) {
      try {
        if (!reader.next(record)) {
          break;
        }
      } catch (const io::BadRecord& error) {
        reading.records.push_back({0, {error.what()}});
        continue;
      }
      check_record(text, reading, record, previous);
      previous = record.line;
      reading.records.push_back({record.line, record.values});
    }
  } catch (const InputError& error) {
    reading.error = error.what();
  }
  return reading;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  return fuzz::run([text = fuzz::as_text(data, size)] {
    const auto reading = read_all(text, io::CsvReader::default_chunk_size);
    for (const std::size_t chunk_size : {std::size_t{1}, 2 + text.size() % 15}) {
      if (read_all(text, chunk_size) != reading) {
        fuzz::finding(
          fmt::format("reading in chunks of {} bytes differs from the default chunk size", chunk_size));
      }
    }
  });
}
