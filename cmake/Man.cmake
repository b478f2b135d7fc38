# The man page vendorcat(1), built from docs/vendorcat.md with pandoc (Debian's
# `pandoc` package) and installed into share/man/man1. VENDORCAT_MAN is AUTO
# (the default: built when pandoc is found, else skipped with a note), ON
# (pandoc is required: configuring fails without it) or OFF. Sets
# VENDORCAT_MAN_PAGE to the page's path in the build tree when it is built.
set(VENDORCAT_MAN AUTO CACHE STRING "Build the man page with pandoc: AUTO, ON or OFF")
set_property(CACHE VENDORCAT_MAN PROPERTY STRINGS AUTO ON OFF)

set(VENDORCAT_MAN_PAGE "")
if(NOT VENDORCAT_MAN STREQUAL "OFF")
  find_program(PANDOC_EXECUTABLE pandoc)
  if(NOT PANDOC_EXECUTABLE)
    if(VENDORCAT_MAN STREQUAL "ON")
      message(FATAL_ERROR "VENDORCAT_MAN=ON needs pandoc to build the man page from docs/vendorcat.md: "
                          "install Debian's pandoc package (scripts/bootstrap does), or configure with "
                          "-DVENDORCAT_MAN=OFF")
    endif()
    message(STATUS "pandoc not found: the man page vendorcat(1) is not built (VENDORCAT_MAN=AUTO)")
  else()
    set(VENDORCAT_MAN_PAGE "${CMAKE_CURRENT_BINARY_DIR}/man/vendorcat.1")
    set(man_source "${CMAKE_CURRENT_SOURCE_DIR}/docs/vendorcat.md")
    # No smart punctuation (-- stays two hyphens), no $...$ maths, no ~sub~ or ^super^.
    add_custom_command(
      OUTPUT "${VENDORCAT_MAN_PAGE}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/man"
      COMMAND "${PANDOC_EXECUTABLE}" --standalone
              --from markdown-smart-tex_math_dollars-subscript-superscript --to man
              --metadata "footer=vendorcat ${PROJECT_VERSION}"
              --output "${VENDORCAT_MAN_PAGE}" "${man_source}"
      DEPENDS "${man_source}"
      COMMENT "Building the man page vendorcat(1) from docs/vendorcat.md"
      VERBATIM)
    add_custom_target(vendorcat_man ALL DEPENDS "${VENDORCAT_MAN_PAGE}")
    install(FILES "${VENDORCAT_MAN_PAGE}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
  endif()
endif()
