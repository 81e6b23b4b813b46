"""Customer base: KPI-CATALOG.md section 1 (plugins/indicators/customer_base,
docs/kpi-choices.md "customer_base").

revenue, margin_rate           sum of amount / margin of the lines of P
orders, avg_basket             purchases (orders of total > 0, anonymous
                               ones too) at their earliest line's time
buyers, new_customers          customers with a purchase in P / whose
                               first purchase ever is in P
active_customers, mean_recency customers whose last purchase before as_of
                               is in [as_of - A, as_of)
lost_customers, churn_rate     active at start, none in [end - A, end)
net_customer_growth, renewal_ratio
clv_historic                   amount to date of the customers who bought
clv_predictive                 m r / (1 + d - r) over the 12 local months
cac, clv_to_cac                spend of the months of P / new customers
value_segments (table)         RFM ranking at as_of over W
cac_by_channel (table)
alert_1m, alert_2m (lists)     last purchase in [as_of-60d, as_of-30d) /
                               [as_of-A, as_of-60d)
"""
import numpy as np
import pandas as pd

from common import NS_PER_DAY, SCALE, dec_text, iso_utc, period_index, \
    ratio, twelve_months_to
from derive import DEFAULT_SEGMENTS, first_purchase, identified_lines, \
    order_book, protect_list, purchases, rfm_ranking

YEAR = 365 * NS_PER_DAY


def activity_window_days(ctx, params, as_of):
    """A in days: the parameter, or `auto` (mean recency over 365 days)."""
    text = str(params.get("activity_window", "90"))
    if text != "auto":
        return int(text)
    p = purchases(ctx)
    w = p[(p["time"] >= as_of - YEAR) & (p["time"] < as_of)]
    last = w.groupby("buyer")["time"].max()
    if last.empty:
        return 90
    mean = ((as_of - last) / NS_PER_DAY).mean()
    return max(1, int(np.floor(mean + 0.5)))


def active_last(p, t, window):
    """Last purchase before t of the customers active at t."""
    w = p[(p["time"] >= t - window) & (p["time"] < t)]
    return w.groupby("buyer")["time"].max()


def lost_and_active(p, start, end, window):
    at_start = set(active_last(p, start, window).index)
    still = set(p.loc[(p["time"] >= end - window) & (p["time"] < end), "buyer"])
    return len(at_start - still), len(at_start)


def month_ids(period):
    return [period.id]  # a month report: P is one month


def spend_of(ctx, months):
    """Marketing spend rows of the given months ('YYYY-MM')."""
    spend = ctx.data.get("marketing_spend")
    if spend is None:
        return None
    return spend[spend["month"].str[:7].isin(months)]


def compute(ctx, params, outputs):
    names = list(params.get("segment_names") or DEFAULT_SEGMENTS)
    rfm_days = int(params.get("rfm_window_days", 365))
    discount = float(params.get("discount_rate", 0.10))
    recent_days = int(params.get("recent_days", 180))
    lines = ctx.data["orders"]
    lines = lines[lines["ordered_at"].notna()]
    book = order_book(ctx)
    p = purchases(ctx)
    first = first_purchase(ctx)
    ident = identified_lines(ctx)
    has_margin = "margin" in lines
    results = {}

    # ---- sums of lines and purchases by period ------------------------------
    n = len(ctx.periods)
    money = ["amount", "margin"] if has_margin else ["amount"]
    sums = lines.groupby(period_index(lines["ordered_at"].to_numpy(), ctx.periods))[
        money].sum().reindex(range(n), fill_value=0)
    bought = book[book["purchase"]]  # anonymous purchases count here
    by_order = bought.groupby(period_index(bought["time"].to_numpy(), ctx.periods))[
        "total"].agg(["size", "sum"]).reindex(range(n), fill_value=0)
    revenue = [int(x) for x in sums["amount"]]
    margin = [int(x) for x in sums["margin"]] if has_margin else [None] * n
    n_orders = [int(x) for x in by_order["size"]]
    totals = [int(x) for x in by_order["sum"]]
    results["revenue"] = [r / SCALE for r in revenue]
    results["margin"] = [m / SCALE if m is not None else None for m in margin]
    results["margin_rate"] = [ratio(m / SCALE, r / SCALE) if m is not None
                              else None for m, r in zip(margin, revenue)]
    results["orders"] = [float(x) for x in n_orders]
    results["avg_basket"] = [ratio(t / SCALE, x) for t, x in zip(totals, n_orders)]

    # ---- customer KPIs, one pass a period -------------------------------------
    churn_cache = {}

    def churn(start, end, window):
        key = (start, end, window)
        if key not in churn_cache:
            lost, active = lost_and_active(p, start, end, window)
            churn_cache[key] = ratio(lost, active)
        return churn_cache[key]

    keys = ["buyers", "active_customers", "new_customers", "recent_customers",
            "lost_customers", "churn_rate", "net_customer_growth",
            "renewal_ratio", "mean_recency_days", "activity_window_days",
            "clv_historic", "clv_margin", "clv_predictive", "cac",
            "clv_to_cac"]
    values = {k: [] for k in keys}
    wants_predictive = "clv_predictive" in outputs
    first_line = lines["ordered_at"].min() if len(lines) else None
    for q in (ctx.periods if set(keys) & set(outputs) else []):
        start, end, as_of = q.start, q.end, q.end
        days = activity_window_days(ctx, params, as_of)
        window = days * NS_PER_DAY
        values["activity_window_days"].append(float(days))
        in_p = p[(p["time"] >= start) & (p["time"] < end)]
        values["buyers"].append(float(in_p["buyer"].nunique()))
        last = active_last(p, as_of, window)
        values["active_customers"].append(float(len(last)))
        values["mean_recency_days"].append(
            float(((as_of - last) / NS_PER_DAY).mean()) if len(last) else None)
        new = int(((first >= start) & (first < end)).sum())
        values["new_customers"].append(float(new))
        values["recent_customers"].append(float(
            ((first >= as_of - recent_days * NS_PER_DAY) & (first < as_of)).sum()))
        lost, active_at_start = lost_and_active(p, start, end, window)
        values["lost_customers"].append(float(lost))
        values["churn_rate"].append(ratio(lost, active_at_start))
        values["net_customer_growth"].append(float(new - lost))
        values["renewal_ratio"].append(ratio(new, lost))
        # lifetime value: every line up to as_of of the customers who bought
        buyers_to_date = first.index[first < as_of]
        to_date = ident[(ident["ordered_at"] < as_of)
                        & ident["cust"].isin(buyers_to_date)]
        values["clv_historic"].append(
            ratio(int(to_date["amount"].sum()) / SCALE, len(buyers_to_date)))
        clv_margin = (ratio(int(to_date["margin"].sum()) / SCALE,
                            len(buyers_to_date)) if has_margin else None)
        values["clv_margin"].append(clv_margin)
        # predictive CLV
        predictive = None
        if wants_predictive and has_margin:
            months = twelve_months_to(as_of, ctx.tz)
            if first_line is not None and first_line <= months[0]:
                rates = [churn(months[k], months[k + 1], window)
                         for k in range(12)]
                rates = [r for r in rates if r is not None]
                active_now = last.index
                if rates and len(active_now):
                    c = sum(rates) / len(rates)
                    retention = (1.0 - c) ** 12.0
                    year_lines = ident[(ident["ordered_at"] >= as_of - YEAR)
                                       & (ident["ordered_at"] < as_of)
                                       & ident["cust"].isin(active_now)]
                    m = (int(year_lines["margin"].sum()) / SCALE) / len(active_now)
                    predictive = m * retention / (1.0 + discount - retention)
        values["clv_predictive"].append(predictive)
        # acquisition cost
        spend = spend_of(ctx, month_ids(q))
        cac = None
        if spend is not None:
            cac = ratio(int(spend["spend"].sum()) / SCALE, new)
        values["cac"].append(cac)
        values["clv_to_cac"].append(
            ratio(clv_margin, cac) if clv_margin is not None and cac else None)
    results.update(values)

    out = {}
    for name in outputs:
        if name in results:
            out[name] = {"kind": "value", "values": results[name]}
    as_of = ctx.P.end
    if "value_segments" in outputs:
        out["value_segments"] = value_segments(ctx, as_of, rfm_days, names)
    if "cac_by_channel" in outputs:
        out["cac_by_channel"] = cac_by_channel(ctx, first)
    if "alert_1m" in outputs or "alert_2m" in outputs:
        a1 = int(params.get("alert_1m_days", 30)) * NS_PER_DAY
        a2 = int(params.get("alert_2m_days", 60)) * NS_PER_DAY
        window = activity_window_days(ctx, params, as_of) * NS_PER_DAY
        if "alert_1m" in outputs:
            out["alert_1m"] = alert_list(ctx, as_of - a2, as_of - a1,
                                         rfm_days, names)
        if "alert_2m" in outputs:
            out["alert_2m"] = alert_list(ctx, as_of - window, as_of - a2,
                                         rfm_days, names)
    return out


def value_segments(ctx, as_of, rfm_days, names):
    r = rfm_ranking(ctx, as_of, rfm_days, names)
    all_m = int(r["monetary"].sum())
    g = r.groupby("segment")
    rows = []
    for s, name in enumerate(names):
        if s in g.groups:
            part = g.get_group(s)
            n = len(part)
            m = int(part["monetary"].sum())
            f = int(part["frequency"].sum())
            rows.append([name, n, dec_text(m), ratio(m, all_m), f / n,
                         ratio(m / SCALE, f), float(part["recency_days"].sum()) / n])
        else:
            rows.append([name, 0, "0", ratio(0, all_m), None, None, None])
    return {"kind": "table",
            "columns": ["segment", "customers", "revenue", "revenue_share",
                        "mean_frequency", "mean_basket", "mean_recency_days"],
            "rows": rows}


def cac_by_channel(ctx, first):
    P = ctx.P
    spend = spend_of(ctx, month_ids(P))
    by_spend = (spend.groupby("channel")["spend"].sum() if spend is not None
                else pd.Series(dtype=np.int64))
    new = first[(first >= P.start) & (first < P.end)].index
    customers = ctx.data.get("customers")
    if customers is not None and "acquisition_channel" in customers:
        channel = customers.set_index("cust")["acquisition_channel"]
        new_by = channel.reindex(new).dropna().value_counts()
    else:
        new_by = pd.Series(dtype=np.int64)
    rows = []
    for name in sorted(set(by_spend.index) | set(new_by.index)):
        s = int(by_spend.get(name, 0))
        n = int(new_by.get(name, 0))
        rows.append([name, dec_text(s), n, ratio(s / SCALE, n)])
    return {"kind": "table",
            "columns": ["channel", "spend", "new_customers", "cac"],
            "rows": rows}


def alert_list(ctx, band_from, band_to, rfm_days, names):
    """Customers whose last purchase before as_of is in [from, to): last
    purchase, recency, segment, M and F over the RFM window."""
    as_of = ctx.P.end
    p = purchases(ctx)
    last = p[p["time"] < as_of].groupby("buyer")["time"].max()
    last = last[(last >= band_from) & (last < band_to)]
    r = rfm_ranking(ctx, as_of, rfm_days, names).set_index("cust")
    rows = pd.DataFrame({"cust": last.index, "last_purchase": last.to_numpy()})
    rows["recency_days"] = (as_of - rows["last_purchase"]) / NS_PER_DAY
    rows["value_segment"] = r["segment_name"].reindex(rows["cust"]).to_numpy()
    monetary = r["monetary"].reindex(rows["cust"])
    if monetary.isna().any():  # a band older than W: M of W all the same
        ident = identified_lines(ctx)
        w = ident[(ident["ordered_at"] >= as_of - rfm_days * NS_PER_DAY)
                  & (ident["ordered_at"] < as_of)]
        monetary = monetary.fillna(w.groupby("cust")["amount"].sum()).fillna(0)
    rows["monetary"] = monetary.astype(np.int64).to_numpy()
    rows["frequency"] = r["frequency"].reindex(rows["cust"]).fillna(0) \
        .astype(np.int64).to_numpy()
    rows = rows.sort_values(["monetary", "cust"], ascending=[False, True])
    rows["last_purchase"] = rows["last_purchase"].map(iso_utc)
    rows["monetary"] = rows["monetary"].map(dec_text)
    columns, rows = protect_list(ctx, rows)
    return {"kind": "list", "columns": columns,
            "rows": rows.astype(object).where(rows.notna(), None).values.tolist()}
