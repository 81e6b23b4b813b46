// A connector plugin bound to one source of a spec, as the engine sees it:
// open a stream, read checked batches. Holds its library.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "plugin_host/library.hpp"
#include "vigie/sdk/arrow_view.hpp"

struct vigie_connector_api;  // vigie/plugin.h, complete in connector.cpp

namespace vigie::plugin_host {

// One batch as the plugin handed it; released when this goes.
class Batch {
 public:
  // The library stays loaded while the batch lives: its release callback
  // is the plugin's code.
  Batch(std::shared_ptr<const Library> library,
        std::shared_ptr<const ArrowSchema> schema, ArrowArray array);
  ~Batch();
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;
  const TableView& view() const { return view_; }

 private:
  std::shared_ptr<const Library> library_;
  std::shared_ptr<const ArrowSchema> schema_;
  ArrowArray array_;
  TableView view_;
};

class Connector {
 public:
  // Binds the plugin to `config` (already checked against its options).
  // `source` names the spec's source in messages. Throws PluginError.
  Connector(std::shared_ptr<const Library> library,
            const std::map<std::string, std::string>& config,
            std::string source);
  ~Connector();
  Connector(const Connector&) = delete;
  Connector& operator=(const Connector&) = delete;

  // What is read, as the plugin says (never a secret).
  const std::string& origin() const { return origin_; }
  // "plugin 'csv' (source 'orders', data/orders.csv)": for messages.
  std::string who() const;

  class Stream {
   public:
    ~Stream();
    Stream(Stream&&) noexcept;
    Stream(const Stream&) = delete;
    Stream& operator=(const Stream&) = delete;
    // The declared schema: every batch has these columns and formats.
    const ArrowSchema& schema() const { return *schema_; }
    // The next checked batch, or nothing at the end. Throws PluginError.
    std::unique_ptr<Batch> next();

   private:
    friend class Connector;
    Stream(const Connector* owner, ArrowArrayStream stream);
    const Connector* owner_;
    ArrowArrayStream stream_;
    std::shared_ptr<ArrowSchema> schema_;
    int64_t batches_ = 0;
  };

  // Throws RetryablePluginError when the plugin says it may be retried.
  Stream open();

 private:
  std::shared_ptr<const Library> library_;
  const vigie_connector_api* api_;
  void* instance_ = nullptr;
  std::string source_;
  std::string origin_;
};

}  // namespace vigie::plugin_host
