# vendorcat_embed(OUT_VAR BASE_DIR FILE...) generates a C++ source that holds
# each file's bytes and a table from its path (relative to BASE_DIR) to them,
# read through store/embedded.hpp. The source is regenerated when a file changes.
function(vendorcat_embed out_var base_dir)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_files.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DBASE=${base_dir}
            "-DFILES=${ARGN}" -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedScript.cmake"
    DEPENDS ${ARGN} "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedScript.cmake"
    COMMENT "Embedding migrations, seed data and resources"
    VERBATIM)
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
