# The C ABI stops at the plugin host: fails when a file of engine/src
# outside engine/src/plugin_host includes vigie/plugin.h, so that the
# engine above it works with its own types (plugin_host/descriptor.hpp).
# With BINARY_DIR and NINJA, the dependencies ninja recorded when it built
# tell the same through every header: no object of engine/src outside
# plugin_host was compiled with vigie/plugin.h, even included indirectly.
# Run as: cmake -DSOURCE_DIR=<project> [-DBINARY_DIR=<build> -DNINJA=<ninja>]
#         -P abi_boundary.cmake
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "abi_boundary.cmake: set SOURCE_DIR to the project")
endif()
file(GLOB_RECURSE files LIST_DIRECTORIES false
     RELATIVE ${SOURCE_DIR}
     ${SOURCE_DIR}/engine/src/*.cpp ${SOURCE_DIR}/engine/src/*.hpp
     ${SOURCE_DIR}/engine/src/*.h)
list(LENGTH files count)
if(count EQUAL 0)
  message(FATAL_ERROR "abi_boundary.cmake: no source under "
                      "${SOURCE_DIR}/engine/src")
endif()
set(offenders "")
foreach(file IN LISTS files)
  if(file MATCHES "^engine/src/plugin_host/")
    continue()
  endif()
  file(STRINGS ${SOURCE_DIR}/${file} lines
       REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]vigie/plugin\\.h[>\"]")
  if(lines)
    list(APPEND offenders ${file})
  endif()
endforeach()
if(BINARY_DIR AND NINJA)
  execute_process(COMMAND ${NINJA} -C ${BINARY_DIR} -t deps
                  OUTPUT_VARIABLE deps RESULT_VARIABLE failed)
  if(failed OR deps STREQUAL "")
    message(FATAL_ERROR "abi_boundary.cmake: ninja -t deps gave nothing "
                        "in ${BINARY_DIR}")
  endif()
  string(REPLACE "\n" ";" deps "${deps}")
  set(object "")
  foreach(line IN LISTS deps)
    if(line MATCHES "^([^ ].*): #deps")
      set(object ${CMAKE_MATCH_1})
    elseif(line MATCHES "vigie/plugin\\.h$"
           AND object MATCHES "^engine/src/"
           AND NOT object MATCHES "^engine/src/plugin_host/")
      list(APPEND offenders "${object} (through its headers)")
    endif()
  endforeach()
endif()
if(offenders)
  list(JOIN offenders "\n  " listed)
  message(FATAL_ERROR "these files include the plugin ABI (vigie/plugin.h) "
                      "outside engine/src/plugin_host; use the engine's "
                      "types of plugin_host/descriptor.hpp instead:\n  "
                      "${listed}")
endif()
message(STATUS "abi_boundary: ${count} files of engine/src checked")
