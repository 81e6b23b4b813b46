"""Products: KPI-CATALOG.md section 8 (plugins/indicators/products,
docs/kpi-choices.md "Products (section 8)"). Every order line with
ordered_at in the period, returns included with their sign.

product_revenue, units_sold, products_sold (values)
sales_by_category (table)  per category with a line in P or P' ("(none)"
                           without one): revenue, share, quantity, margin,
                           margin rate, and the same for P'; by revenue in
                           P desc, then name
top_products (table)       the N products of largest revenue > 0 in P
                           (ties: product_id), category of the product's
                           earliest line of P, figures of P and P'
"""
from common import SCALE, dec_text, period_index, ratio


def line_table(ctx):
    def build():
        lines = ctx.data["orders"]
        lines = lines[lines["ordered_at"].notna()]
        lines = lines.assign(p=period_index(lines["ordered_at"].to_numpy(),
                                            ctx.periods))
        return lines[lines["p"] >= 0]
    return ctx.lazy("product_lines", build)


def figures(sums, key, total):
    """revenue, share, quantity, margin, margin_rate cells of one row."""
    if key not in sums.index:
        return ["0", ratio(0, total), 0, "0", None]
    r = sums.loc[key]
    revenue, margin = int(r["amount"]), int(r["margin"])
    return [dec_text(revenue), ratio(revenue, total), int(r["quantity"]),
            dec_text(margin), ratio(margin, revenue)]


def compute(ctx, params, outputs):
    lines = line_table(ctx)
    n = len(ctx.periods)
    by_period = lines.groupby("p")[["amount", "quantity"]].sum().reindex(range(n),
                                                                     fill_value=0)
    out = {}
    if "product_revenue" in outputs:
        out["product_revenue"] = {"kind": "value", "values": [
            int(x) / SCALE for x in by_period["amount"]]}
    if "units_sold" in outputs:
        out["units_sold"] = {"kind": "value", "values": [
            float(x) for x in by_period["quantity"]]}
    has_product = lines["product_id"].fillna("") != ""
    by_product = lines[has_product].groupby(["p", "product_id"])[
        ["amount", "quantity", "margin"]].sum()
    if "products_sold" in outputs:
        sold = (by_product["amount"] > 0).groupby(level="p").sum()
        out["products_sold"] = {"kind": "value", "values": [
            float(sold.get(i, 0)) for i in range(n)]}
    cur, prev = ctx.current, ctx.before
    total, previous_total = int(by_period.loc[cur, "amount"]), \
        int(by_period.loc[prev, "amount"])
    if "sales_by_category" in outputs:
        cat = lines["category"].fillna("").replace("", "(none)")
        sums = lines.assign(category=cat).groupby(["p", "category"])[
            ["amount", "quantity", "margin"]].sum()
        now = sums.loc[cur] if cur in sums.index.get_level_values(0) else sums.iloc[:0]
        before = sums.loc[prev] if prev in sums.index.get_level_values(0) \
            else sums.iloc[:0]
        names = sorted(set(now.index) | set(before.index))
        names.sort(key=lambda c: -int(now["amount"].get(c, 0)))  # stable: name
        out["sales_by_category"] = {
            "kind": "table",
            "columns": ["category", "revenue", "revenue_share", "quantity",
                        "margin", "margin_rate", "previous_revenue",
                        "previous_revenue_share", "previous_quantity",
                        "previous_margin", "previous_margin_rate"],
            "rows": [[c] + figures(now, c, total) + figures(before, c, previous_total)
                     for c in names]}
    if "top_products" in outputs:
        top_n = int(params.get("top_products", 10))
        now = by_product.loc[cur]
        before = by_product.loc[prev] if prev in by_product.index.get_level_values(0) \
            else by_product.iloc[:0]
        sold = now[now["amount"] > 0].reset_index()
        sold = sold.sort_values(["amount", "product_id"],
                                ascending=[False, True]).head(top_n)
        # a product's category: that of its earliest line of P that has one
        in_p = lines[(lines["p"] == cur) & has_product & lines["category"].notna()
                     & (lines["category"] != "")]
        category = in_p.sort_values("ordered_at", kind="stable") \
            .drop_duplicates("product_id").set_index("product_id")["category"]
        rows = []
        for rank, pid in enumerate(sold["product_id"], start=1):
            prev_cells = figures(before, pid, previous_total)
            rows.append([rank, pid, category.get(pid, "(none)")]
                        + figures(now, pid, total)
                        + [prev_cells[0], prev_cells[2], prev_cells[3], prev_cells[4]])
        out["top_products"] = {
            "kind": "table",
            "columns": ["rank", "product_id", "category", "revenue",
                        "revenue_share", "quantity", "margin", "margin_rate",
                        "previous_revenue", "previous_quantity",
                        "previous_margin", "previous_margin_rate"],
            "rows": rows}
    return out
