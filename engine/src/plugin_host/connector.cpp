#include "plugin_host/connector.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "plugin_host/arrow_import.hpp"
#include "plugin_host/plugin_config.hpp"
#include "plugin_host/plugin_error.hpp"

namespace vigie::plugin_host {

Batch::Batch(std::shared_ptr<const Library> library,
             std::shared_ptr<const ArrowSchema> schema, ArrowArray array)
    : library_(std::move(library)), schema_(std::move(schema)), array_(array) {
  try {
    view_ = TableView(schema_.get(), &array_);
  } catch (...) {
    array_.release(&array_);
    throw;
  }
}

Batch::~Batch() {
  if (array_.release) array_.release(&array_);
}

Connector::Connector(std::shared_ptr<const Library> library,
                     const std::map<std::string, std::string>& config,
                     std::string source)
    : library_(std::move(library)),
      api_(static_cast<const vigie_connector_api*>(library_->info().api)),
      source_(std::move(source)) {
  if (library_->info().kind != VIGIE_KIND_CONNECTOR)
    throw PluginError(fmt::format("{}: is not a connector", who()));
  PluginConfig c(config);
  vigie_error error{};
  int32_t status = api_->create(c.get(), &instance_, &error);
  if (status != VIGIE_OK)
    throw PluginError(fmt::format("{}: rejected its configuration: {}", who(),
                                  error.message));
  const char* origin = api_->origin(instance_);
  origin_ = origin ? origin : "";
}

Connector::~Connector() {
  if (instance_) api_->destroy(instance_);
}

std::string Connector::who() const {
  if (origin_.empty())
    return fmt::format("plugin '{}' (source '{}')", library_->name(), source_);
  return fmt::format("plugin '{}' (source '{}', {})", library_->name(), source_,
                     origin_);
}

Connector::Stream Connector::open() {
  vigie_error error{};
  ArrowArrayStream stream{};
  int32_t status = api_->open(instance_, &stream, &error);
  if (status == VIGIE_RETRYABLE)
    throw RetryablePluginError(
        fmt::format("{}: cannot open: {}", who(), error.message));
  if (status != VIGIE_OK)
    throw PluginError(fmt::format("{}: cannot open: {}", who(), error.message));
  return Stream(this, stream);
}

Connector::Stream::Stream(const Connector* owner, ArrowArrayStream stream)
    : owner_(owner), stream_(stream) {
  auto* schema = new ArrowSchema{};
  schema_ = std::shared_ptr<ArrowSchema>(schema, [](ArrowSchema* s) {
    if (s->release) s->release(s);
    delete s;
  });
  if (stream_.get_schema(&stream_, schema) != 0) {
    const char* msg = stream_.get_last_error(&stream_);
    std::string text = msg ? msg : "no reason given";
    stream_.release(&stream_);
    throw PluginError(
        fmt::format("{}: gave no schema: {}", owner_->who(), text));
  }
  if (std::string_view(schema->format) != "+s") {
    stream_.release(&stream_);
    throw PluginError(
        fmt::format("{}: its schema is not a record batch", owner_->who()));
  }
}

Connector::Stream::Stream(Stream&& other) noexcept
    : owner_(other.owner_),
      stream_(other.stream_),
      schema_(std::move(other.schema_)),
      batches_(other.batches_) {
  other.stream_.release = nullptr;
}

Connector::Stream::~Stream() {
  if (stream_.release) stream_.release(&stream_);
}

std::unique_ptr<Batch> Connector::Stream::next() {
  ArrowArray array{};
  int rc = stream_.get_next(&stream_, &array);
  if (rc != 0) {
    const char* msg = stream_.get_last_error(&stream_);
    std::string text = msg ? msg : std::strerror(rc);
    if (rc == EAGAIN)
      throw RetryablePluginError(fmt::format("{}: {}", owner_->who(), text));
    throw PluginError(
        fmt::format("{}: failed while reading: {}", owner_->who(), text));
  }
  if (array.release == nullptr) return nullptr;  // end of stream
  ++batches_;
  try {
    check_batch(*schema_, array);
  } catch (const std::exception& e) {
    array.release(&array);
    throw PluginError(
        fmt::format("{}: batch {} does not match its declared schema: {}",
                    owner_->who(), batches_, e.what()));
  }
  return std::make_unique<Batch>(owner_->library_, schema_, array);
}

}  // namespace vigie::plugin_host
