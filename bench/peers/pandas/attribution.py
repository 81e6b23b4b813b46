"""Attribution: KPI-CATALOG.md section 5 (plugins/indicators/attribution,
docs/kpi-choices.md "attribution").

conversions   purchases in P of identified customers
attribution_by_channel (table)
    touchpoints of a conversion at c: the sessions of its customer (every
    visitor stitched to it at the end of P) starting in [c - 30 d, c),
    ordered by start (equal starts: visitor order); five models share one
    credit among them (first, last, linear, time_decay with a 7-day
    half-life, position_based 40/20/40); a session's channel is its
    source (through `source_channels`), "(no source)" without one; a
    conversion without touchpoint credits "(none)". Per model and channel:
    conversions, revenue (credit x order total), spend of the months of
    P, roas, roi (credit x order margin - spend) / spend, long_term_value
    = clv_margin x new customers of the acquisition channel / spend.
"""
import numpy as np
import pandas as pd

from common import NS_PER_DAY, SCALE, dec_text, period_index, ratio
from customer_base import spend_of
from derive import first_purchase, identified_lines, persons_at, purchases, \
    sessions

MODELS = ["first", "last", "linear", "time_decay", "position_based"]


def clv_margin(ctx, as_of):
    first = first_purchase(ctx)
    buyers = first.index[first < as_of]
    ident = identified_lines(ctx)
    lines = ident[(ident["ordered_at"] < as_of) & ident["cust"].isin(buyers)]
    return ratio(int(lines["margin"].sum()) / SCALE, len(buyers))


def credits(ctx, params):
    """One row a (conversion, touchpoint) with each model's weight."""
    P = ctx.P
    window = int(params.get("window_days", 30)) * NS_PER_DAY
    half_life = float(params.get("half_life_days", 7)) * NS_PER_DAY
    mapping = params.get("source_channels") or {}
    p = purchases(ctx)
    conv = p[(p["time"] >= P.start) & (p["time"] < P.end)]
    conv = pd.DataFrame({"conversion": np.arange(len(conv)),
                         "cust": conv["buyer"].to_numpy(),
                         "time": conv["time"].to_numpy(),
                         "total": conv["total"].to_numpy(),
                         "margin": conv["margin"].to_numpy()})
    s = sessions(ctx)
    s = s[(s["started_at"] >= P.start - window) & (s["started_at"] < P.end)]
    s = pd.DataFrame({"cust": persons_at(ctx, P.end)[s["vcode"].to_numpy()],
                      "started_at": s["started_at"].to_numpy(),
                      "vcode": s["vcode"].to_numpy(),
                      "source": s["source"].astype(object).to_numpy()})
    s = s[s["cust"] >= 0]
    touch = conv.merge(s, on="cust")
    touch = touch[(touch["started_at"] >= touch["time"] - window)
                  & (touch["started_at"] < touch["time"])]
    touch = touch.sort_values(["conversion", "started_at", "vcode"])
    g = touch.groupby("conversion")
    n = g["cust"].transform("size").to_numpy()
    pos = g.cumcount().to_numpy()
    touch["channel"] = touch["source"].map(lambda x: mapping.get(x, x)) \
        .fillna("(no source)")
    touch["first"] = (pos == 0).astype(float)
    touch["last"] = (pos == n - 1).astype(float)
    touch["linear"] = 1.0 / n
    decay = np.exp2(-(touch["time"] - touch["started_at"]).to_numpy() / half_life)
    touch["time_decay"] = decay / pd.Series(decay, index=touch.index) \
        .groupby(touch["conversion"]).transform("sum").to_numpy()
    middle = 0.2 / np.maximum(n - 2, 1)
    touch["position_based"] = np.where(
        n == 1, 1.0, np.where(n == 2, 0.5,
                              np.where((pos == 0) | (pos == n - 1), 0.4, middle)))
    # conversions without touchpoint: a whole credit to "(none)"
    alone = conv[~conv["conversion"].isin(touch["conversion"])]
    alone = alone.assign(channel="(none)", **{m: 1.0 for m in MODELS})
    columns = ["conversion", "channel", "total", "margin"] + MODELS
    return pd.concat([touch[columns], alone[columns]], ignore_index=True)


def compute(ctx, params, outputs):
    out = {}
    if "conversions" in outputs:
        p = purchases(ctx)
        per = pd.Series(period_index(p["time"].to_numpy(), ctx.periods))
        counts = per[per >= 0].value_counts()
        out["conversions"] = {"kind": "value", "values": [
            float(counts.get(i, 0)) for i in range(len(ctx.periods))]}
    if "attribution_by_channel" not in outputs:
        return out
    P = ctx.P
    c = credits(ctx, params)
    rows_by = []
    for m in MODELS:
        rows_by.append(pd.DataFrame({
            "model": m, "channel": c["channel"], "conversions": c[m],
            "revenue": c[m] * c["total"] / SCALE,
            "margin": c[m] * c["margin"] / SCALE}))
    credited = pd.concat(rows_by).groupby(["model", "channel"])[
        ["conversions", "revenue", "margin"]].sum()
    spend = spend_of(ctx, [P.id])
    by_spend = spend.groupby("channel")["spend"].sum() if spend is not None \
        else pd.Series(dtype=np.int64)
    channels = sorted(set(c["channel"]) | set(by_spend.index))
    clv = clv_margin(ctx, P.end)
    first = first_purchase(ctx)
    new = first[(first >= P.start) & (first < P.end)].index
    customers = ctx.data.get("customers")
    new_by = (customers.set_index("cust")["acquisition_channel"].reindex(new)
              .dropna().value_counts() if customers is not None
              else pd.Series(dtype=np.int64))
    rows = []
    for m in MODELS:
        for ch in channels:
            if (m, ch) in credited.index:
                conv, rev, mar = credited.loc[(m, ch)]
            else:
                conv, rev, mar = 0.0, 0.0, 0.0
            if ch not in by_spend.index:
                rows.append([m, ch, float(conv), float(rev), None, None, None, None])
                continue
            amount = int(by_spend[ch]) / SCALE
            rows.append([m, ch, float(conv), float(rev), dec_text(by_spend[ch]),
                         ratio(rev, amount), ratio(mar - amount, amount),
                         ratio(clv * int(new_by.get(ch, 0)), amount)
                         if clv is not None else None])
    out["attribution_by_channel"] = {
        "kind": "table",
        "columns": ["model", "channel", "conversions", "revenue", "spend",
                    "roas", "roi", "long_term_value"],
        "rows": rows}
    return out
