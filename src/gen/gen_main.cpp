// vendorcat-gen: writes deterministic import files of any size (providers,
// locations, offerings, engagements, spend, fx) for benchmarks and large
// tests. main() only forwards to run(), which owns the one try/catch that
// turns errors into `vendorcat-gen: error: ...` and an exit status.

#include "domain/errors.hpp"
#include "gen/generate.hpp"
#include "gen/options.hpp"

#include <CLI/CLI.hpp>

#include <cctype>
#include <iostream>
#include <string>

namespace vendorcat::gen {

namespace {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_bad_input = 2;

int report_error(std::string message, int status)
{
  if (!message.empty()) {
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  for (auto& c : message) {
    if (c == '\n') {
      c = ' ';
    }
  }
  std::cerr << "vendorcat-gen: error: " << message << '\n';
  return status;
}

int run(int argc, char** argv)
{
  CLI::App app("vendorcat-gen: deterministic vendorcat import files of any size, for benchmarks "
               "and large tests.\nRates in fx.csv are to EUR: import into a catalogue whose base "
               "currency is EUR.\nExample: vendorcat-gen --out /tmp/big --spend 10000000",
               "vendorcat-gen");
  Options options;
  setup_options(app, options);
  try {
    app.parse(argc, argv);
    const auto settings = resolve(options);
    const auto counts = generate(settings);
    std::cerr << "vendorcat-gen: " << summary(counts, settings.out) << '\n';
    return exit_ok;
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      return app.exit(error);
    }
    return report_error(error.what(), exit_bad_input);
  } catch (const InputError& error) {
    return report_error(error.what(), exit_bad_input);
  } catch (const std::exception& error) {
    return report_error(error.what(), exit_failure);
  }
}

} // namespace

} // namespace vendorcat::gen

int main(int argc, char** argv)
{
  return vendorcat::gen::run(argc, argv);
}
