// The products indicator (KPI-CATALOG.md section 8, choices in
// docs/kpi-choices.md "Products (section 8)"): revenue, quantity, margin
// and margin rate by category and by product in P, with their values in
// P', from the order lines. Its options, KPIs and input, each declared
// once; a KPI reads exactly the columns it declares.
#include "products_run.hpp"
#include "vigie/sdk.hpp"

namespace vigie::products {
namespace {

using sdk::table_kpi;
using sdk::value_kpi;

constexpr sdk::Option<Parameters> kOptions[] = {
    sdk::field<&Parameters::top_products>(
        "top_products", "10",
        "rows of the top_products table: the products with the largest "
        "revenue in the period")
        .at_least(1)
        .at_most(1000),
};

// The columns each KPI reads.
constexpr const char* kRevenue[] = {"orders.ordered_at", "orders.amount"};
constexpr const char* kUnits[] = {"orders.ordered_at", "orders.quantity"};
constexpr const char* kProducts[] = {"orders.ordered_at", "orders.product_id",
                                     "orders.amount"};
constexpr const char* kCategories[] = {"orders.ordered_at", "orders.category",
                                       "orders.amount", "orders.quantity",
                                       "orders.margin"};
constexpr const char* kTopProducts[] = {
    "orders.ordered_at", "orders.product_id", "orders.category",
    "orders.amount",     "orders.quantity",   "orders.margin"};

constexpr vigie_column kCategoryColumns[] = {
    sdk::column("category", Type::String),
    sdk::column("revenue", Type::Decimal),
    sdk::column("revenue_share", Type::Double, "ratio"),
    sdk::column("quantity", Type::Int64, "count"),
    sdk::column("margin", Type::Decimal),
    sdk::column("margin_rate", Type::Double, "ratio"),
    sdk::column("previous_revenue", Type::Decimal),
    sdk::column("previous_revenue_share", Type::Double, "ratio"),
    sdk::column("previous_quantity", Type::Int64, "count"),
    sdk::column("previous_margin", Type::Decimal),
    sdk::column("previous_margin_rate", Type::Double, "ratio"),
};
constexpr vigie_column kTopProductColumns[] = {
    sdk::column("rank", Type::Int64),
    sdk::column("product_id", Type::String),
    sdk::column("category", Type::String),
    sdk::column("revenue", Type::Decimal),
    sdk::column("revenue_share", Type::Double, "ratio"),
    sdk::column("quantity", Type::Int64, "count"),
    sdk::column("margin", Type::Decimal),
    sdk::column("margin_rate", Type::Double, "ratio"),
    sdk::column("previous_revenue", Type::Decimal),
    sdk::column("previous_quantity", Type::Int64, "count"),
    sdk::column("previous_margin", Type::Decimal),
    sdk::column("previous_margin_rate", Type::Double, "ratio"),
};

constexpr sdk::Kpi<Run> kKpis[] = {
    value_kpi<Run>("product_revenue", "Product revenue", "currency",
                   "sum of the amounts of the order lines of the period, "
                   "those without a product or category included",
                   &product_revenue)
        .reading(kRevenue),
    value_kpi<Run>("units_sold", "Units sold", "count",
                   "sum of the quantities of the order lines of the period, "
                   "net of returns",
                   &units_sold)
        .reading(kUnits),
    value_kpi<Run>("products_sold", "Products sold", "count",
                   "distinct products with a net revenue > 0 in the period",
                   &products_sold)
        .reading(kProducts),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "sales_by_category", "Sales by category",
                   "",
                   "revenue, share of revenue, quantity, margin and margin "
                   "rate of each category in P and P'",
                   kCategoryColumns, &sales_by_category)
        .reading(kCategories),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "top_products", "Top products", "",
                   "the products with the largest revenue in P: revenue, "
                   "share, quantity, margin, margin rate, and their values "
                   "in P'",
                   kTopProductColumns, &top_products)
        .reading(kTopProducts),
};

constexpr vigie_input kInputs[] = {sdk::input("orders", true)};

}  // namespace
}  // namespace vigie::products

VIGIE_KPI_INDICATOR_PLUGIN(vigie::products::Run, "products", "1.0.0",
                           "Products: revenue, quantity and margin by "
                           "category and product, top products",
                           vigie::products::kOptions, vigie::products::kKpis,
                           vigie::products::kInputs)
