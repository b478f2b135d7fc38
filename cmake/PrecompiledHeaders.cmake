# Precompiled headers (VENDORCAT_PCH, on by default): the standard and
# third-party headers that nearly every file of a target includes are parsed
# once per target instead of once per file. tests/store/spend_test.cpp
# spent 3.9 of its 6.5 s parsing the headers it includes (gtest.h, fmt, the
# standard library) and compiled in 3.1 s with them precompiled, so this
# shortens a cold build, CI's three above all. Only headers most of the target's files include: a header the
# file does not need costs more to load than it saves. Our own headers stay
# out, so editing one rebuilds only the files that include it.
option(VENDORCAT_PCH "Precompile the common standard and third-party headers" ON)

# Precompiles HEADERS (`<name>` each) for TARGET's own sources.
function(vendorcat_precompile target)
  if(VENDORCAT_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()
