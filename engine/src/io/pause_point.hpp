// A test hook for the fault tests (tests/integration/test_reliability.py):
// when the environment variable VIGIE_TEST_PAUSE_AT names a point the run
// reaches, the run says so on stderr ("vigie: paused at <point> (pid N)")
// and stops itself with SIGSTOP. The test then kills it there with
// SIGKILL, or lets it go on with SIGCONT, and checks what a reader of the
// output folder finds. The points are the progress stages ("rendering",
// ...) and the steps of the publication ("publish:staged", ...). Unset
// (always, outside those tests), a point costs one comparison.
#pragma once

#include <string_view>

namespace vigie::io {

void pause_point(std::string_view point);

}  // namespace vigie::io
