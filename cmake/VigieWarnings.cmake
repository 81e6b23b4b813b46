# Warnings are errors on the project's own code (not on third-party headers,
# which are included as SYSTEM).
function(vigie_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                         -Wnon-virtual-dtor -Wold-style-cast -Werror)
  # GCC 12 reports std::string copies inside std::variant and inlined
  # memcpy at -O2/-O3 as maybe-uninitialized / overlapping: false positives
  # in libstdc++ itself (GCC bugs 105562, 105329), not in our code.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized
                           -Wno-restrict)
  endif()
endfunction()

# vigie_add_module(NAME SOURCES file... [LIBRARIES lib...])
# One engine module: engine/src/NAME/, a static library vigie_NAME whose
# headers are included as "NAME/header.hpp".
function(vigie_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  add_library(vigie_${name} STATIC ${ARG_SOURCES})
  target_include_directories(vigie_${name} PUBLIC ${VIGIE_ENGINE_SRC})
  target_link_libraries(vigie_${name} PUBLIC Vigie::sdk ${ARG_LIBRARIES})
  vigie_warnings(vigie_${name})
endfunction()
