# Writes the SHELL_NAME completion script that BINARY prints (`vendorcat
# completion SHELL_NAME`) to OUTPUT, whole or not at all; run at build time
# by the vendorcat_completions target, so the installed scripts come from the
# built binary's own command tree.
get_filename_component(folder "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${folder}")
execute_process(COMMAND "${BINARY}" completion "${SHELL_NAME}"
  OUTPUT_FILE "${OUTPUT}.tmp" RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "vendorcat completion ${SHELL_NAME} failed (${status}): ${errors}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
