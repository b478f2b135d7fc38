#pragma once

namespace vendorcat::cli {

// Parses the command line, runs the command and returns the exit status:
// 0 ok, 2 bad input (nothing written), 1 anything else. Errors are printed
// to stderr as one line, `vendorcat: error: ...`.
int run(int argc, char** argv);

} // namespace vendorcat::cli
