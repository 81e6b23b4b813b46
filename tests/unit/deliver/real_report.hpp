// A report folder made by the real `vigie` binary: the demo data at a
// small scale and report-specs/management.yaml for 2026-10, made once a
// test process (under a second), in a temporary folder removed at exit.
#pragma once

#include <filesystem>

namespace vigie::deliver::testing {

struct RealReport {
  std::filesystem::path dir;  // the published report folder
  std::filesystem::path kpis_json;
  std::filesystem::path pdf;
};

// Fails the test (and throws) when vigie does not produce it.
const RealReport& real_report();

}  // namespace vigie::deliver::testing
