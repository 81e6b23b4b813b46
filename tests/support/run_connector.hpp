// A connector plugin run end to end through plugin_host::Connector, as the
// engine runs a source: create, open, read every (checked) batch. What it
// gave, or where and why it failed, is kept for the test to assert on.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "vigie/sdk/column.hpp"

namespace vigie::testing {

// The step a connector run stopped at.
enum class ConnectorStep { kNone, kCreate, kOpen, kRead };

struct ConnectorRun {
  ConnectorStep failed_at = ConnectorStep::kNone;
  // The failure was a plugin_host::RetryablePluginError (VIGIE_RETRYABLE
  // from open, EAGAIN from a read).
  bool retryable = false;
  // The PluginError's whole text, naming the plugin and its origin.
  std::string message;
  // The same without the host's leading "<who>: ": what the step and the
  // plugin said, so that a search in it does not hit the origin's words.
  std::string reason;
  std::string origin;
  // Declared by the stream's schema, in order: names and Arrow formats.
  std::vector<std::string> columns;
  std::vector<std::string> formats;
  // Every batch, copied out of Arrow in reading order.
  std::vector<Table> batches;

  int64_t rows() const;
};

// Runs the built plugin vigie_<plugin>.so on `config` (passed as given: the
// plugin's own checks are under test, not the engine's option resolution).
// A failure to load the library throws; the plugin's failures are recorded.
ConnectorRun run_connector(const std::string& plugin,
                           const std::map<std::string, std::string>& config);

}  // namespace vigie::testing
