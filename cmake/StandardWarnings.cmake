# Warnings for our own code only; third-party headers are included as system
# headers by their imported targets.
add_library(standard_warnings INTERFACE)
target_compile_options(standard_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
if(VENDORCAT_WERROR)
  target_compile_options(standard_warnings INTERFACE -Werror)
endif()
