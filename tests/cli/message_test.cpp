#include "cli/message.hpp"

#include <gtest/gtest.h>

using vendorcat::cli::printable_message;

TEST(PrintableMessage, KeepsOrdinaryMessages)
{
  EXPECT_EQ(printable_message("no provider 'Transcom' (did you mean 'Transcom AB'?)"),
            "no provider 'Transcom' (did you mean 'Transcom AB'?)");
}

TEST(PrintableMessage, ShortensLongQuotedValues)
{
  const std::string value(300'000, 'x');
  const auto message = printable_message("f.csv:3: name: no provider '" + value + "'");
  EXPECT_EQ(message, "f.csv:3: name: no provider '" + std::string(79, 'x') + "\xE2\x80\xA6'");
}

TEST(PrintableMessage, EscapesWhatCouldDriveTheTerminalAndStaysOneLine)
{
  EXPECT_EQ(printable_message("no provider 'a\x1b]0;pwned\x07"
                              "b'\nsecond"),
            "no provider 'a\\x1b]0;pwned\\x07b'\\nsecond");
}

TEST(PrintableMessage, IsBoundedEvenWithoutQuotes)
{
  EXPECT_LE(printable_message(std::string(100'000, 'y')).size(), 1003u);
}
