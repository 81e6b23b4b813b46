// A log line never carries a registered secret nor a written credential.
#include "secrets/redacting_sink.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

#include "secrets/redactor.hpp"

namespace vigie::secrets {
namespace {

TEST(RedactingSink, LogLinesAreRedactedBeforeTheTargetSink) {
  clear_for_tests();
  add("token-12345", "${API_TOKEN}");
  std::ostringstream written;
  auto target = std::make_shared<spdlog::sinks::ostream_sink_mt>(written);
  spdlog::logger logger("test", redacting_sink(target));
  logger.set_pattern("%l %v");
  logger.warn("retrying with token-12345 on postgresql://u:pw99@h/db");
  logger.flush();
  EXPECT_EQ(written.str(),
            "warning retrying with ${API_TOKEN} on postgresql://u:***@h/db\n");
  clear_for_tests();
}

}  // namespace
}  // namespace vigie::secrets
