#include "cli/run.hpp"

int main(int argc, char** argv)
{
  return vendorcat::cli::run(argc, argv);
}
