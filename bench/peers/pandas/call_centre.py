"""Call centre: KPI-CATALOG.md section 6 (plugins/indicators/call_centre,
docs/kpi-choices.md "Call centre (section 6)"). Inbound calls only (a null
direction is inbound), by started_at.

offered, answered, abandoned, abandonment_rate
service_level    answered with wait_s <= T / offered
asa, aht         mean wait_s / handle_s of the answered calls
fcr              answered calls of identified customers with a reason not
                 followed by another inbound call of the same customer and
                 reason within (t, t + 7 d] / those calls
top_reasons (table), online_reasons (table: the first N reasons that are
                 actions of `action_costs`, cost at stake = answered x cost)
"""
import pandas as pd

from common import NS_PER_DAY, dec_text, parse_cost, period_index, ratio
from derive import inbound_calls


def compute(ctx, params, outputs):
    calls = inbound_calls(ctx)
    n = len(ctx.periods)
    threshold = int(params.get("service_level_seconds", 20))
    window = int(round(float(params.get("repeat_window_days", 7)) * NS_PER_DAY))
    top_n = int(params.get("top_reasons", 5))
    calls = calls.assign(p=period_index(calls["started_at"].to_numpy(), ctx.periods))
    in_p = calls[calls["p"] >= 0]
    answered = in_p["outcome"] == "answered"
    g = in_p.assign(answered=answered,
                    abandoned=in_p["outcome"] == "abandoned",
                    within=answered & (in_p["wait_s"] <= threshold).fillna(False),
                    wait=in_p["wait_s"].where(answered),
                    handle=in_p["handle_s"].where(answered)) \
        .groupby("p").agg(offered=("p", "size"), answered=("answered", "sum"),
                          abandoned=("abandoned", "sum"), within=("within", "sum"),
                          asa=("wait", "mean"), aht=("handle", "mean"))
    g = g.reindex(range(n))
    offered = g["offered"].fillna(0)
    values = {
        "offered": [float(x) for x in offered],
        "answered": [float(x) for x in g["answered"].fillna(0)],
        "abandoned": [float(x) for x in g["abandoned"].fillna(0)],
        "abandonment_rate": [ratio(a, o) for a, o in zip(g["abandoned"].fillna(0), offered)],
        "service_level": [ratio(w, o) for w, o in zip(g["within"].fillna(0), offered)],
        "asa": [None if pd.isna(x) else float(x) for x in g["asa"]],
        "aht": [None if pd.isna(x) else float(x) for x in g["aht"]],
    }
    if "fcr" in outputs:
        values["fcr"] = first_contact_resolution(calls, n, window)
    out = {k: {"kind": "value", "values": v} for k, v in values.items()
           if k in outputs}

    now = in_p[in_p["p"] == ctx.current]
    total = len(now)
    ranking = now.groupby("reason").agg(calls=("reason", "size"),
                                        answered=("outcome",
                                                  lambda o: int((o == "answered").sum())))
    ranking = ranking.reset_index().sort_values(["calls", "reason"],
                                                ascending=[False, True])
    if "top_reasons" in outputs:
        top = ranking.head(top_n)
        out["top_reasons"] = {
            "kind": "table", "columns": ["rank", "reason", "calls", "share"],
            "rows": [[i + 1, r, int(c), ratio(c, total)] for i, (r, c) in
                     enumerate(zip(top["reason"], top["calls"]))]}
    if "online_reasons" in outputs:
        costs = {a: parse_cost(c) for a, c in
                 (params.get("action_costs") or {}).items()}
        online = ranking[ranking["reason"].isin(costs)].head(top_n)
        out["online_reasons"] = {
            "kind": "table",
            "columns": ["rank", "reason", "calls", "share", "answered",
                        "unit_cost", "cost_at_stake"],
            "rows": [[i + 1, r, int(c), ratio(c, total), int(a),
                      dec_text(costs[r]), dec_text(int(a) * costs[r])]
                     for i, (r, c, a) in enumerate(zip(
                         online["reason"], online["calls"], online["answered"]))]}
    return out


def first_contact_resolution(calls, n, window):
    """By period: judged = answered inbound calls with a customer and a
    reason; resolved when the customer's next inbound call with the same
    reason, strictly after, is later than t + window (or never comes)."""
    with_reason = calls[(calls["cust"] >= 0) & calls["reason"].notna()]
    later = pd.DataFrame({"cust": with_reason["cust"].to_numpy(),
                          "reason": with_reason["reason"].to_numpy(),
                          "next_at": pd.to_datetime(with_reason["started_at"]
                                                    .to_numpy())})
    judged = with_reason[(with_reason["p"] >= 0)
                         & (with_reason["outcome"] == "answered")]
    judged = pd.DataFrame({"cust": judged["cust"].to_numpy(),
                           "reason": judged["reason"].to_numpy(),
                           "p": judged["p"].to_numpy(),
                           "at": pd.to_datetime(judged["started_at"].to_numpy())})
    merged = pd.merge_asof(judged.sort_values("at"), later.sort_values("next_at"),
                           left_on="at", right_on="next_at",
                           by=["cust", "reason"], direction="forward",
                           allow_exact_matches=False)
    repeated = (merged["next_at"] - merged["at"]) <= pd.Timedelta(window)
    g = merged.assign(resolved=~repeated).groupby("p")["resolved"] \
        .agg(["sum", "size"]).reindex(range(n), fill_value=0)
    return [ratio(g.loc[i, "sum"], g.loc[i, "size"]) for i in range(n)]
