// compare_names over ICU's root collator, opened once for the process.
// Comparing with a collator is safe from several threads at once; a
// collator that cannot be opened (ICU without its data) leaves the order
// bytewise.

#include "domain/name_order.hpp"

#include <climits>
#include <unicode/ucol.h>

namespace vendorcat::domain {

namespace {

UCollator* open_collator()
{
  UErrorCode status = U_ZERO_ERROR;
  UCollator* collator = ucol_open("", &status); // the root locale
  if (U_FAILURE(status)) {
    if (collator != nullptr) {
      ucol_close(collator);
    }
    return nullptr;
  }
  return collator;
}

const UCollator* root_collator()
{
  static const UCollator* const collator = open_collator();
  return collator;
}

int compare_bytes(std::string_view a, std::string_view b)
{
  const int order = a.compare(b);
  return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

} // namespace

int compare_names(std::string_view a, std::string_view b)
{
  const auto* collator = root_collator();
  if (collator != nullptr && a.size() <= INT_MAX && b.size() <= INT_MAX) {
    UErrorCode status = U_ZERO_ERROR;
    const auto order = ucol_strcollUTF8(collator, a.data(), static_cast<int32_t>(a.size()), b.data(),
                                        static_cast<int32_t>(b.size()), &status);
    if (U_SUCCESS(status) && order != UCOL_EQUAL) {
      return order == UCOL_LESS ? -1 : 1;
    }
  }
  return compare_bytes(a, b);
}

} // namespace vendorcat::domain
