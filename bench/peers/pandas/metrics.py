"""Metrics written in the spec: KPI-CATALOG.md section 9 (docs/kpis.md
section 9, engine/src/compute/metric_*.cpp).

aggregate   count, count_distinct, sum, mean, min, max, percentile of a
            dataset's column over the rows whose time is in the period and
            that pass every filter condition (a null never passes);
            with `by` (a column, or a customer-profile column at the end of
            P: "(none)" for a row without one) a table of P and P';
            with `series` (day, week, month) a table of the sub-periods
            starting in P
ratio       a / b of two value KPIs (no value over 0)
expression  arithmetic over value KPIs (muparser syntax)
cumulative  running total over the trend's periods, oldest first
"""
import math
import re

import numpy as np
import pandas as pd

from common import SCALE, MONEY, TIME_COLUMN, Period, period_index, ratio
from derive import PROFILE_COLUMNS, customer_profiles

OPS = {"=": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge"}


def row_times(ctx, dataset):
    df = ctx.data[dataset]
    if dataset == "marketing_spend":
        months = df["month"].str[:7]
        starts = {m: pd.Timestamp(m + "-01", tz=ctx.tz).value
                  for m in months.dropna().unique()}
        return months.map(starts).to_numpy(dtype=np.int64)
    return df[TIME_COLUMN[dataset]].to_numpy()


def passing(ctx, dataset, conditions):
    """Rows passing every filter condition (as a boolean array)."""
    df = ctx.data[dataset]
    keep = np.ones(len(df), dtype=bool)
    money = MONEY.get(dataset, [])
    for column, condition in (conditions or {}).items():
        values = df[column]
        scale = SCALE if column in money else 1
        if not isinstance(condition, dict):
            condition = {"=": condition}
        ok = values.notna().to_numpy()
        for op, target in condition.items():
            targets = target if isinstance(target, list) else [target]
            if values.dtype == object or str(values.dtype) == "category":
                targets = [str(t) for t in targets]
            else:
                targets = [float(t) * scale for t in targets]
            if op in ("=", "!="):
                hit = values.isin(targets).to_numpy()
                ok &= hit if op == "=" else ~hit
            else:
                cmp = getattr(values, OPS[op])(targets[0]).fillna(False)
                ok &= cmp.to_numpy(dtype=bool)
        keep &= ok
    return keep


def aggregate(values, metric, scale):
    """One period's figure from its passing rows' values (nulls dropped
    except for a plain count)."""
    kind = metric["aggregate"]
    if kind == "count":
        return float(len(values))
    v = values.dropna()
    if kind == "count_distinct":
        return float(v.nunique())
    if kind == "sum":
        return int(v.sum()) / scale if scale != 1 else float(v.sum())
    if len(v) == 0:
        return None
    if kind == "mean":
        return float(int(v.sum()) / len(v) / scale)
    if kind == "min":
        return float(v.min()) / scale
    if kind == "max":
        return float(v.max()) / scale
    if kind == "percentile":
        s = np.sort(v.to_numpy(dtype=np.int64))
        p = round(float(metric["percentile"]) * 10000)
        rank = max(-(-p * len(s) // (100 * 10000)), 1)
        return float(s[rank - 1]) / scale
    raise SystemExit(f"aggregate {kind}: unknown")


def metric_values(ctx, metric, periods):
    dataset = metric["dataset"]
    df = ctx.data[dataset]
    column = metric.get("column")
    scale = SCALE if column in MONEY.get(dataset, []) else 1
    p = period_index(row_times(ctx, dataset), periods)
    keep = passing(ctx, dataset, metric.get("filter")) & (p >= 0)
    values = df[column] if column else pd.Series(0, index=df.index)
    groups = values[keep].groupby(p[keep])
    out = []
    for i in range(len(periods)):
        v = groups.get_group(i) if i in groups.groups else values.iloc[:0]
        out.append(aggregate(v, metric, scale))
    return out


def by_table(ctx, metric):
    dataset = metric["dataset"]
    df = ctx.data[dataset]
    by = metric["by"]
    column = metric.get("column")
    scale = SCALE if column in MONEY.get(dataset, []) else 1
    both = [ctx.P, ctx.Pprev]
    p = period_index(row_times(ctx, dataset), sorted(both, key=lambda q: q.start))
    slot = {i: (0 if q is ctx.P else 1) for i, q in
            enumerate(sorted(both, key=lambda q: q.start))}
    keep = passing(ctx, dataset, metric.get("filter")) & (p >= 0)
    if by in PROFILE_COLUMNS and by not in df:
        profiles = customer_profiles(ctx)[by]
        cust = df["cust"]
        key = pd.Series(np.where(cust >= 0, profiles.reindex(cust).to_numpy(),
                                 None), index=df.index).fillna("(none)")
    else:
        key = df[by].astype(object)
        keep &= key.notna().to_numpy()
        key = key.astype(str)
    values = df[column] if column else pd.Series(0, index=df.index)
    rows = pd.DataFrame({"key": key[keep], "slot": [slot[i] for i in p[keep]],
                         "v": values[keep]})
    table = []
    for k, g in rows.groupby("key"):
        now = aggregate(g.loc[g["slot"] == 0, "v"], metric, scale)
        before = aggregate(g.loc[g["slot"] == 1, "v"], metric, scale)
        table.append([k, now, before,
                      now - before if now is not None and before is not None
                      else None])
    table.sort(key=lambda r: r[0])
    table.sort(key=lambda r: (r[1] is None, -(r[1] or 0)))
    return {"kind": "table", "columns": [by, "value", "previous", "change"],
            "rows": table}


def series_table(ctx, metric):
    grain = metric["series"]
    P = ctx.P
    start = pd.Timestamp(P.start, tz="UTC").tz_convert(ctx.tz).tz_localize(None)
    end = pd.Timestamp(P.end, tz="UTC").tz_convert(ctx.tz).tz_localize(None)
    if grain == "day":
        firsts = pd.date_range(start, end, freq="D", inclusive="left")
        step = pd.DateOffset(days=1)
    elif grain == "week":
        firsts = pd.date_range(start, end, freq="W-MON", inclusive="left")
        step = pd.DateOffset(weeks=1)
    else:
        firsts = pd.date_range(start, end, freq="MS", inclusive="left")
        step = pd.DateOffset(months=1)
    subs = []
    for f in firsts:
        if grain == "week":
            iso = f.isocalendar()
            pid = f"{iso[0]:04d}-W{iso[1]:02d}"
        elif grain == "day":
            pid = f.strftime("%Y-%m-%d")
        else:
            pid = f.strftime("%Y-%m")
        subs.append(Period(pid, f.tz_localize(ctx.tz).value,
                           (f + step).tz_localize(ctx.tz).value))
    values = metric_values(ctx, metric, subs)
    return {"kind": "table", "columns": ["period", "value"],
            "rows": [[s.id, v] for s, v in zip(subs, values)]}


def expression_values(expression, variables, n):
    text = expression.replace("^", "**")
    code = compile(text, "<expression>", "eval")
    funcs = {"min": min, "max": max, "abs": abs, "sqrt": math.sqrt,
             "exp": math.exp, "ln": math.log, "log": math.log10,
             "log10": math.log10, "log2": math.log2, "sign": np.sign,
             "rint": round, "_pi": math.pi, "_e": math.e}
    out = []
    for i in range(n):
        env = {k: v[i] for k, v in variables.items()}
        if any(x is None for x in env.values()):
            out.append(None)
            continue
        try:
            r = float(eval(code, {"__builtins__": {}}, {**funcs, **env}))
        except ZeroDivisionError:
            r = math.inf
        out.append(r if math.isfinite(r) else None)
    return out


def cumulative_values(ctx, values):
    n = len(ctx.periods)
    first = ctx.current + 1 - min(len(ctx.shown), ctx.current + 1)
    # the consecutive periods ending with P, from the trend's first
    while first < ctx.current and ctx.periods[first].end != ctx.periods[first + 1].start:
        first += 1
    out = [None] * n
    total = None
    for i in range(first, ctx.current + 1):
        if values[i] is not None:
            total = (total or 0.0) + values[i]
        out[i] = total
    return out


def references(metric):
    if "ratio" in metric:
        return list(metric["ratio"])
    if "cumulative" in metric:
        return [metric["cumulative"]]
    if "expression" in metric:
        return re.findall(r"[A-Za-z_][A-Za-z0-9_]*", metric["expression"])
    return []


def compute(ctx, results):
    pending = [k for k in ctx.spec["kpis"] if "metric" in k]
    n = len(ctx.periods)
    while pending:
        progressed = False
        for k in list(pending):
            m = k["metric"]
            refs = [r for r in references(m) if any(x["id"] == r for x in
                                                     ctx.spec["kpis"])]
            if any(r not in results for r in refs):
                continue
            if "aggregate" in m:
                if m.get("by"):
                    results[k["id"]] = by_table(ctx, m)
                elif m.get("series"):
                    results[k["id"]] = series_table(ctx, m)
                else:
                    results[k["id"]] = {"kind": "value",
                                        "values": metric_values(ctx, m, ctx.periods)}
            elif "ratio" in m:
                a, b = (results[r]["values"] for r in m["ratio"])
                results[k["id"]] = {"kind": "value",
                                    "values": [ratio(x, y) if x is not None else None
                                               for x, y in zip(a, b)]}
            elif "expression" in m:
                variables = {r: results[r]["values"] for r in refs}
                results[k["id"]] = {"kind": "value", "values": expression_values(
                    m["expression"], variables, n)}
            elif "cumulative" in m:
                results[k["id"]] = {"kind": "value", "values": cumulative_values(
                    ctx, results[m["cumulative"]]["values"])}
            pending.remove(k)
            progressed = True
        if not progressed:
            raise SystemExit("metrics refer to each other in a cycle")
