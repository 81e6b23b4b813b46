// An indicator whose compute throws (or emits what it did not declare), to
// check that the SDK turns the exception into an error the engine reports
// with the plugin's name. `mode`: throw | undeclared_kpi | bad_period, or
// ok (42 a period), message (ok, and notes as catalog message ids and as
// prose naming the request's locale and time zone), unknown_message (a
// message id the engine's catalog lacks), missing_value (a message without
// the value it needs), or

// table | table_missing_column | table_wrong_type | table_extra_column for
// its table KPI `listing`, whose columns are declared (ABI 1.1).
#include <stdexcept>

#include "vigie/sdk.hpp"

namespace {

class ThrowingIndicator : public vigie::sdk::Indicator {
 public:
  explicit ThrowingIndicator(const vigie::sdk::Config& config)
      : mode_(config.string("mode", "throw")) {}
  void compute(const vigie::sdk::Request& request,
               const vigie::sdk::Sink& sink) override {
    if (mode_ == "undeclared_kpi") return sink.value("not_declared", 0, 1.0);
    if (mode_ == "bad_period")
      return sink.value("answer", static_cast<uint32_t>(request.periods.size()),
                        1.0);
    if (mode_ == "unknown_message")
      return sink.message("answer", "throwing.no_such_note");
    if (mode_ == "missing_value")
      return sink.message("answer", "privacy.withheld");
    if (mode_.rfind("table", 0) == 0) return sink.table("listing", listing());
    if (mode_ == "ok" || mode_ == "message") {
      for (uint32_t p = 0; p < request.periods.size(); ++p)
        sink.value("answer", p, 42.0);
    }
    if (mode_ == "message") {
      sink.message("answer", "privacy.withheld",
                   {vigie::sdk::arg::count("count", 1234)});
      sink.message("answer", "tile.note",
                   {vigie::sdk::arg::text("label", "Last call"),
                    vigie::sdk::arg::timestamp("note", 1793489400000000)});
      sink.note("answer", request.locale + " " + request.time_zone);
    }
    if (mode_ == "ok" || mode_ == "message") return;
    throw std::runtime_error("division by zero in the test indicator");
  }

 private:
  // The declared columns name (string) and amount (decimal), or a table
  // that breaks the declaration the way `mode_` says.
  vigie::Table listing() const {
    vigie::Table t;
    t.add("name", vigie::Type::String).push_string("a");
    if (mode_ == "table_missing_column") return t;
    auto type = mode_ == "table_wrong_type" ? vigie::Type::Double
                                            : vigie::Type::Decimal;
    auto& amount = t.add("amount", type);
    if (type == vigie::Type::Double)
      amount.push_double(1.5);
    else
      amount.push_int(15000);
    if (mode_ == "table_extra_column")
      t.add("note", vigie::Type::String).push_string("x");
    return t;
  }

  std::string mode_;
};

constexpr vigie_option kOptions[] = {
    vigie::sdk::option(VIGIE_OPTION_STRING, "mode", "throw", false,
                       "throw | undeclared_kpi | bad_period | ok | message | "
                       "unknown_message | missing_value | table...")};
constexpr vigie_column kListingColumns[] = {
    vigie::sdk::column("name", vigie::Type::String),
    vigie::sdk::column("amount", vigie::Type::Decimal, "currency")};

constexpr vigie_output listing_output() {
  vigie_output o = vigie::sdk::output(VIGIE_OUTPUT_TABLE, "listing", "Listing",
                                      "", "one row");
  o.column_count = 2;
  o.columns = kListingColumns;
  return o;
}

constexpr vigie_output kOutputs[] = {
    vigie::sdk::output(VIGIE_OUTPUT_VALUE, "answer", "The answer", "count",
                       "always 42"),
    listing_output()};

}  // namespace

VIGIE_INDICATOR_PLUGIN(ThrowingIndicator, "throwing", "1.0.0",
                       "Throws on demand (tests)", kOptions, kOutputs, nullptr)
