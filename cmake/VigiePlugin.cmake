# vigie_add_plugin(NAME SOURCES file... [LIBRARIES lib...])
# Builds a plugin as a loadable module named vigie_<NAME>.so in the plugin
# directory beside the `vigie` binary. Only vigie_get_plugin_info is
# exported; everything else stays hidden.
function(vigie_add_plugin name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  set(target vigie_plugin_${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME vigie_${name}
    LIBRARY_OUTPUT_DIRECTORY ${VIGIE_PLUGIN_OUTPUT_DIR}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_link_libraries(${target} PRIVATE Vigie::sdk ${ARG_LIBRARIES})
  target_link_options(${target} PRIVATE -Wl,--no-undefined)
  vigie_warnings(${target})
  set_property(GLOBAL APPEND PROPERTY VIGIE_PLUGINS ${target})
endfunction()
