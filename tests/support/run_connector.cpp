#include "support/run_connector.hpp"

#include <memory>
#include <optional>
#include <stdexcept>

#include "plugin_host/arrow_import.hpp"
#include "plugin_host/connector.hpp"
#include "plugin_host/plugin_error.hpp"
#include "support/load_plugin.hpp"

namespace vigie::testing {
namespace {

constexpr const char* kSource = "test";

void record(ConnectorRun& run, ConnectorStep step, const std::string& who,
            const plugin_host::PluginError& error) {
  run.failed_at = step;
  run.retryable =
      dynamic_cast<const plugin_host::RetryablePluginError*>(&error) != nullptr;
  run.message = error.what();
  const std::string prefix = who + ": ";
  if (run.message.rfind(prefix, 0) != 0)
    throw std::logic_error("a plugin error not led by '" + prefix +
                           "': " + run.message);
  run.reason = run.message.substr(prefix.size());
}

}  // namespace

int64_t ConnectorRun::rows() const {
  int64_t n = 0;
  for (const Table& batch : batches) n += batch.rows();
  return n;
}

ConnectorRun run_connector(const std::string& plugin,
                           const std::map<std::string, std::string>& config) {
  auto library = load_plugin(plugin);
  ConnectorRun run;
  std::unique_ptr<plugin_host::Connector> connector;
  try {
    connector =
        std::make_unique<plugin_host::Connector>(library, config, kSource);
  } catch (const plugin_host::PluginError& e) {
    // No connector to ask who() of: the origin is not known yet.
    record(run, ConnectorStep::kCreate,
           "plugin '" + plugin + "' (source '" + kSource + "')", e);
    return run;
  }
  run.origin = connector->origin();
  std::optional<plugin_host::Connector::Stream> stream;
  try {
    stream.emplace(connector->open());
  } catch (const plugin_host::PluginError& e) {
    record(run, ConnectorStep::kOpen, connector->who(), e);
    return run;
  }
  const ArrowSchema& schema = stream->schema();
  for (int64_t i = 0; i < schema.n_children; ++i) {
    run.columns.emplace_back(schema.children[i]->name);
    run.formats.emplace_back(schema.children[i]->format);
  }
  try {
    while (auto batch = stream->next())
      run.batches.push_back(plugin_host::copy_table(batch->view()));
  } catch (const plugin_host::PluginError& e) {
    record(run, ConnectorStep::kRead, connector->who(), e);
  }
  return run;
}

}  // namespace vigie::testing
