# Every library comes from Debian packages (.ci/setup installs them). See
# ../shared/STACK-NOTES.md for how each one is found and its traps.
find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED CONFIG COMPONENTS program_options)
find_package(yaml-cpp 0.7 REQUIRED CONFIG)
find_package(fmt 9 REQUIRED CONFIG)
find_package(spdlog 1.10 REQUIRED CONFIG)
find_package(date 3 REQUIRED CONFIG)
find_package(ZLIB REQUIRED)
# The GA4 export's NDJSON (plugins/connectors/ga4_export).
find_package(simdjson 3 REQUIRED CONFIG)
find_package(SQLite3 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf cairo-png fontconfig)
# Metric KPIs' expressions (spec/reader_metrics.cpp, compute/metric_references.cpp).
pkg_check_modules(MUPARSER REQUIRED IMPORTED_TARGET muparser)
# The string tables' hash (table/string_hash.hpp): header-only use
# (XXH_INLINE_ALL), so only the include directory is needed.
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)

# SOCI 4.0 ships neither a CMake config nor a .pc file.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
add_library(Soci::core UNKNOWN IMPORTED)
set_target_properties(Soci::core PROPERTIES
  IMPORTED_LOCATION ${SOCI_CORE_LIBRARY}
  INTERFACE_INCLUDE_DIRECTORIES ${SOCI_INCLUDE_DIR})
# Two backends the crm_sql connector reaches into, for what SOCI does not
# expose: SQLite's progress handler (a query time-out) and ODBC's
# connection handle (fetching with SQLGetData, see odbc_reader.cpp). The
# others load by name at run time.
find_package(ODBC REQUIRED)
foreach(backend sqlite3 odbc)
  find_library(SOCI_${backend}_LIBRARY soci_${backend} REQUIRED)
  add_library(Soci::${backend} UNKNOWN IMPORTED)
  set_target_properties(Soci::${backend} PROPERTIES
    IMPORTED_LOCATION ${SOCI_${backend}_LIBRARY}
    INTERFACE_LINK_LIBRARIES Soci::core)
endforeach()
