// A connector that misbehaves on demand, to check that the engine names the
// plugin and the source instead of going down: `mode` is one of
//   throw_on_create  the constructor throws
//   throw_on_open    open() throws
//   retryable_open   open() throws a retryable error
//   bad_batch        a batch with fewer columns than its schema declares
//   short_column     a batch whose column is shorter than the batch
#include <cstring>

#include "vigie/sdk.hpp"

namespace {

std::string g_mode;

// The one reader that bypasses the SDK's exporter to hand over a batch
// that lies about its shape.
int bad_get_schema(ArrowArrayStream*, ArrowSchema* out) {
  vigie::Table t;
  t.add("a", vigie::Type::String);
  t.add("b", vigie::Type::String);
  ArrowArray unused;
  vigie::export_table(std::move(t), &unused, out);
  unused.release(&unused);
  return 0;
}

int bad_get_next(ArrowArrayStream* s, ArrowArray* out) {
  auto* done = static_cast<bool*>(s->private_data);
  if (*done) {
    out->release = nullptr;
    return 0;
  }
  *done = true;
  vigie::Table t;
  t.add("a", vigie::Type::String).push_string("x");
  if (g_mode == "short_column")
    t.add("b", vigie::Type::String);
  else if (g_mode != "bad_batch")
    t.add("b", vigie::Type::String).push_string("y");
  ArrowSchema unused;
  vigie::export_table(std::move(t), out, &unused);
  unused.release(&unused);
  return 0;
}

const char* bad_last_error(ArrowArrayStream*) { return nullptr; }
void bad_release(ArrowArrayStream* s) {
  delete static_cast<bool*>(s->private_data);
  s->release = nullptr;
}

int32_t create(const vigie_config* config, void** instance,
               vigie_error* error) {
  g_mode.clear();
  for (uint32_t i = 0; i < config->count; ++i)
    if (std::strcmp(config->items[i].key, "mode") == 0)
      g_mode = config->items[i].value;
  if (g_mode == "throw_on_create") {
    vigie::sdk::write_error(error, "cannot start: failing on purpose");
    return VIGIE_ERROR;
  }
  *instance = &g_mode;
  return VIGIE_OK;
}

int32_t open(void*, ArrowArrayStream* out, vigie_error* error) {
  if (g_mode == "throw_on_open") {
    vigie::sdk::write_error(error, "no such file: failing on purpose");
    return VIGIE_ERROR;
  }
  if (g_mode == "retryable_open") {
    vigie::sdk::write_error(error, "connection refused: failing on purpose");
    return VIGIE_RETRYABLE;
  }
  *out = ArrowArrayStream{&bad_get_schema, &bad_get_next, &bad_last_error,
                          &bad_release, new bool(false)};
  return VIGIE_OK;
}

const char* origin(void*) { return "failing"; }
void destroy(void*) {}

const vigie_connector_api kApi{sizeof(vigie_connector_api), &create, &open,
                               &origin, &destroy};
constexpr vigie_option kOptions[] = {vigie::sdk::option(
    VIGIE_OPTION_STRING, "mode", "bad_batch", false, "how to fail")};

const vigie_plugin_info kInfo{sizeof(vigie_plugin_info),
                              VIGIE_ABI_MAJOR,
                              VIGIE_ABI_MINOR,
                              VIGIE_KIND_CONNECTOR,
                              "failing",
                              "1.0.0",
                              "Fails on demand (tests)",
                              1,
                              kOptions,
                              0,
                              nullptr,
                              0,
                              nullptr,
                              &kApi};

}  // namespace

extern "C" __attribute__((visibility("default"))) const vigie_plugin_info*
vigie_get_plugin_info(void) {
  return &kInfo;
}
