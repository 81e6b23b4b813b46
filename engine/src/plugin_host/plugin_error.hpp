// A plugin failed or was refused. The message names the plugin (and its
// file or source) so that the run's error says who and where.
#pragma once

#include <stdexcept>

namespace vigie::plugin_host {

class PluginError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The plugin asked to be retried (a server not up yet, a locked file).
class RetryablePluginError : public PluginError {
 public:
  using PluginError::PluginError;
};

}  // namespace vigie::plugin_host
