# vigie_add_plugin(NAME [TESTING] SOURCES file... [LIBRARIES lib...])
# Builds a plugin as a loadable module named vigie_<NAME>.so. In the Vigie
# tree it lands in the plugin directory beside the `vigie` binary
# (TESTING: in build/test-plugins, never found by default); in a project of
# its own (find_package(Vigie)) in ${CMAKE_BINARY_DIR}/plugins, or
# VIGIE_PLUGIN_OUTPUT_DIR if set. Only vigie_get_plugin_info is exported;
# everything else stays hidden. The target is vigie_plugin_<NAME> (a test
# of the module depends on it and takes $<TARGET_FILE:vigie_plugin_<NAME>>).
# Installed with the SDK: keep it self-contained.
function(vigie_add_plugin name)
  cmake_parse_arguments(ARG "TESTING" "" "SOURCES;LIBRARIES" ${ARGN})
  set(output_dir ${VIGIE_PLUGIN_OUTPUT_DIR})
  if(NOT output_dir)
    set(output_dir ${CMAKE_BINARY_DIR}/plugins)
  endif()
  if(ARG_TESTING)
    set(output_dir ${VIGIE_TEST_PLUGIN_OUTPUT_DIR})
  endif()
  set(target vigie_plugin_${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME vigie_${name}
    LIBRARY_OUTPUT_DIRECTORY ${output_dir}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_link_libraries(${target} PRIVATE Vigie::sdk ${ARG_LIBRARIES})
  target_link_options(${target} PRIVATE -Wl,--no-undefined)
  # The engine refuses a plugin file or folder its group or others may write
  # (unless the group is the owner's user private group). Under a umask of
  # 002 the linker and CMake make both group-writable: take that right back.
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND chmod go-w $<TARGET_FILE:${target}> $<TARGET_FILE_DIR:${target}>
    VERBATIM)
  if(COMMAND vigie_warnings)  # the Vigie tree's own warning policy
    vigie_warnings(${target})
  endif()
  set_property(GLOBAL APPEND PROPERTY VIGIE_PLUGIN_TARGETS ${target})
  if(NOT ARG_TESTING AND VIGIE_INSTALL_PLUGINS)
    install(TARGETS ${target} LIBRARY DESTINATION lib/vigie/plugins)
  endif()
endfunction()
