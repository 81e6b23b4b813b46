#include "plugin_harness.hpp"

#include <dlfcn.h>

#include <stdexcept>

namespace customer_base_test {
namespace {

// dlopen directly: the test exercises the plugin's C ABI exactly as built,
// without the engine's loader in between.
const vigie_plugin_info& plugin() {
  static const vigie_plugin_info* info = [] {
    void* library = dlopen(VIGIE_PLUGIN_DIR "/vigie_customer_base.so",
                           RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) throw std::runtime_error(dlerror());
    auto fn = reinterpret_cast<vigie_plugin_info_fn>(
        dlsym(library, VIGIE_PLUGIN_INFO_SYMBOL));
    if (fn == nullptr) throw std::runtime_error(dlerror());
    return fn();
  }();
  return *info;
}

const vigie_indicator_api& api() {
  return *static_cast<const vigie_indicator_api*>(plugin().api);
}

struct Config {
  std::vector<vigie_kv> items;
  vigie_config config;
  explicit Config(const std::map<std::string, std::string>& parameters) {
    for (const auto& [k, v] : parameters)
      items.push_back(vigie_kv{k.c_str(), v.c_str()});
    config = vigie_config{sizeof(vigie_config),
                          static_cast<uint32_t>(items.size()), items.data()};
  }
};

void on_value(void* context, const char* kpi, uint32_t period,
              int32_t has_value, double value) {
  auto* r = static_cast<Result*>(context);
  r->values[kpi][period] =
      has_value ? std::optional<double>(value) : std::nullopt;
}

void on_table(void* context, const char* kpi, ArrowSchema* schema,
              ArrowArray* array) {
  auto* r = static_cast<Result*>(context);
  auto owned = std::make_unique<Result::Owned>();
  owned->schema = *schema;
  owned->array = *array;
  schema->release = nullptr;  // moved
  array->release = nullptr;
  owned->view =
      std::make_unique<vigie::TableView>(&owned->schema, &owned->array);
  r->tables[kpi] = std::move(owned);
}

void on_note(void*, const char*, const char*) {}

struct Exported {
  ArrowSchema schema;
  ArrowArray array;
  explicit Exported(vigie::Table&& t) {
    vigie::export_table(std::move(t), &array, &schema);
  }
  ~Exported() {
    array.release(&array);
    schema.release(&schema);
  }
};

}  // namespace

Datasets::Datasets()
    : customer_ids_(std::make_shared<vigie::StringPool>()),
      order_ids_(std::make_shared<vigie::StringPool>()),
      texts_(std::make_shared<vigie::StringPool>()) {}

int32_t Datasets::code(std::shared_ptr<vigie::StringPool>& pool,
                       std::map<std::string, int32_t, std::less<>>& codes,
                       std::string_view text) {
  auto it = codes.find(text);
  if (it != codes.end()) return it->second;
  int32_t c = pool->append(text);
  codes.emplace(std::string(text), c);
  return c;
}

void Datasets::order_line(std::string_view order_id, std::string_view customer,
                          int64_t ordered_at, double amount, double margin) {
  Line l{code(order_ids_, order_codes_, order_id), std::nullopt, ordered_at,
         money(amount), money(margin)};
  if (!customer.empty())
    l.customer = code(customer_ids_, customer_codes_, customer);
  lines_.push_back(l);
}

void Datasets::customer(std::string_view id, std::optional<std::string> channel,
                        std::optional<bool> consent) {
  has_customers = true;
  Customer c{code(customer_ids_, customer_codes_, id), std::nullopt, consent};
  if (channel) c.channel = code(texts_, text_codes_, *channel);
  customers_.push_back(c);
}

void Datasets::spend(std::string_view month, std::string_view channel,
                     double amount) {
  has_spend = true;
  spend_.push_back(Spend{code(texts_, text_codes_, month),
                         code(texts_, text_codes_, channel), money(amount)});
}

vigie::Table Datasets::orders_table() const {
  vigie::Table t;
  auto& order_id = t.add("order_id", vigie::Type::Dictionary);
  order_id.dictionary = order_ids_;
  auto& customer_id = t.add("customer_id", vigie::Type::Dictionary);
  customer_id.dictionary = customer_ids_;
  auto& ordered_at = t.add("ordered_at", vigie::Type::Timestamp);
  auto& amount = t.add("amount", vigie::Type::Decimal);
  for (const Line& l : lines_) {
    order_id.push_code(l.order);
    if (l.customer)
      customer_id.push_code(*l.customer);
    else
      customer_id.push_null();
    ordered_at.push_int(l.at);
    amount.push_int(l.amount);
  }
  if (with_margin) {
    auto& margin = t.add("margin", vigie::Type::Decimal);
    for (const Line& l : lines_) margin.push_int(l.margin);
  }
  return t;
}

vigie::Table Datasets::customers_table() const {
  vigie::Table t;
  auto& id = t.add("customer_id", vigie::Type::Dictionary);
  id.dictionary = customer_ids_;
  auto& created_at = t.add("created_at", vigie::Type::Timestamp);
  auto& channel = t.add("acquisition_channel", vigie::Type::Dictionary);
  channel.dictionary = texts_;
  auto& consent = t.add("consent_marketing", vigie::Type::Bool);
  for (const Customer& c : customers_) {
    id.push_code(c.id);
    created_at.push_int(kEpoch2026);
    if (c.channel)
      channel.push_code(*c.channel);
    else
      channel.push_null();
    if (c.consent)
      consent.push_bool(*c.consent);
    else
      consent.push_null();
  }
  return t;
}

vigie::Table Datasets::spend_table() const {
  vigie::Table t;
  auto& month = t.add("month", vigie::Type::Dictionary);
  month.dictionary = texts_;
  auto& channel = t.add("channel", vigie::Type::Dictionary);
  channel.dictionary = texts_;
  auto& amount = t.add("spend", vigie::Type::Decimal);
  for (const Spend& s : spend_) {
    month.push_code(s.month);
    channel.push_code(s.channel);
    amount.push_int(s.amount);
  }
  return t;
}

Result::Owned::~Owned() {
  view.reset();
  if (array.release) array.release(&array);
  if (schema.release) schema.release(&schema);
}

std::optional<double> Result::value(const std::string& kpi,
                                    uint32_t period) const {
  auto k = values.find(kpi);
  if (k == values.end()) throw std::runtime_error("no value KPI " + kpi);
  auto p = k->second.find(period);
  if (p == k->second.end())
    throw std::runtime_error("no period " + std::to_string(period) + " of " +
                             kpi);
  return p->second;
}

const vigie::TableView& Result::table(const std::string& kpi) const {
  auto it = tables.find(kpi);
  if (it == tables.end()) throw std::runtime_error("no table " + kpi);
  return *it->second->view;
}

Result run(const Datasets& data, const RunSpec& r) {
  Config config(r.parameters);
  void* instance = nullptr;
  vigie_error error{};
  if (api().create(&config.config, &instance, &error) != VIGIE_OK)
    throw std::runtime_error(error.message);

  std::vector<std::unique_ptr<Exported>> exported;
  std::vector<vigie_dataset> datasets;
  auto add = [&](const char* name, vigie::Table&& t) {
    exported.push_back(std::make_unique<Exported>(std::move(t)));
    datasets.push_back(
        vigie_dataset{name, &exported.back()->schema, &exported.back()->array});
  };
  add("orders", data.orders_table());
  if (data.has_customers) add("customers", data.customers_table());
  if (data.has_spend) add("marketing_spend", data.spend_table());

  std::vector<const char*> kpis;
  for (const auto& k : r.kpis) kpis.push_back(k.c_str());
  vigie_compute_request request{sizeof(vigie_compute_request),
                                static_cast<uint32_t>(datasets.size()),
                                datasets.data(),
                                static_cast<uint32_t>(r.periods.size()),
                                r.periods.data(),
                                r.current,
                                static_cast<uint32_t>(kpis.size()),
                                kpis.data()};
  Result result;
  vigie_result_sink sink{sizeof(vigie_result_sink), &result, &on_value,
                         &on_table, &on_note};
  int32_t status = api().compute(instance, &request, &sink, &error);
  api().destroy(instance);
  if (status != VIGIE_OK) throw std::runtime_error(error.message);
  return result;
}

std::string create_error(const std::map<std::string, std::string>& parameters) {
  Config config(parameters);
  void* instance = nullptr;
  vigie_error error{};
  if (api().create(&config.config, &instance, &error) != VIGIE_OK)
    return error.message;
  api().destroy(instance);
  return {};
}

}  // namespace customer_base_test
