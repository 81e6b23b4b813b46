#!/usr/bin/python3
"""The pandas peer of Vigie's benchmark: computes every KPI of a report
spec from the CSV files, for the period, its comparison period and the
trend series, and writes them in kpis.json's shape.

    /usr/bin/python3 bench/peers/pandas/run.py --data DIR --spec SPEC.yaml \
        --period YYYY-MM --out PEER.json

The CSV files are read with pd.read_csv on every run (no cache). The wall
time of reading and of computing goes to stderr.
"""
import argparse
import json
import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import yaml  # noqa: E402

import attribution  # noqa: E402
import call_centre  # noqa: E402
import customer_base  # noqa: E402
import experience  # noqa: E402
import funnel  # noqa: E402
import metrics  # noqa: E402
import products  # noqa: E402
import self_care  # noqa: E402
import web_analytics  # noqa: E402
from common import plan_periods, read_dataset  # noqa: E402
from derive import Ctx  # noqa: E402

INDICATORS = {
    "customer_base": customer_base.compute,
    "self_care": self_care.compute,
    "web_analytics": web_analytics.compute,
    "funnel": funnel.compute,
    "attribution": attribution.compute,
    "call_centre": call_centre.compute,
    "experience": experience.compute,
    "products": products.compute,
}


def source_path(source, data_dir):
    path = (source.get("config") or {}).get("path")
    if path and "${VIGIE_DEMO_DATA}" in path:
        return path.replace("${VIGIE_DEMO_DATA}", data_dir)
    if path and os.path.isabs(path):
        return path
    return os.path.join(data_dir, source["dataset"] + ".csv")


def read_data(spec, data_dir, tz):
    data = {}
    for source in spec["sources"]:
        dataset = source["dataset"]
        if dataset in data:
            raise SystemExit(f"two sources fill {dataset}: not supported")
        data[dataset] = read_dataset(source_path(source, data_dir), dataset, tz)
    return data


def compute_all(ctx):
    """Every KPI of the spec, by id: {"kind", "values" | "columns", "rows"}."""
    spec = ctx.spec
    report_params = spec.get("parameters") or {}
    runs = {}  # (indicator, parameters) -> [(kpi id, output)]
    for k in spec["kpis"]:
        if "metric" in k:
            continue
        params = dict(report_params)
        params.update(k.get("parameters") or {})
        key = (k["indicator"], json.dumps(params, sort_keys=True, default=str))
        runs.setdefault(key, (params, []))[1].append(
            (k["id"], k.get("output", k["id"])))
    results = {}
    for (indicator, _), (params, members) in runs.items():
        if indicator not in INDICATORS:
            raise SystemExit(f"indicator {indicator}: not implemented")
        outputs = [o for _, o in members]
        out = INDICATORS[indicator](ctx, params, outputs)
        for kpi_id, output in members:
            results[kpi_id] = out[output]
    metrics.compute(ctx, results)
    return results


def kpis_json(ctx, results):
    out = []
    for k in ctx.spec["kpis"]:
        r = results[k["id"]]
        entry = {"id": k["id"], "kind": r["kind"]}
        if r["kind"] == "value":
            v = r["values"]
            entry["value"] = v[ctx.current]
            entry["previous"] = v[ctx.previous]
            entry["series"] = [{"period": ctx.periods[i].id, "value": v[i]}
                               for i in ctx.shown]
        else:
            entry["columns"] = [{"name": c} for c in r["columns"]]
            entry["rows"] = r["rows"]
        out.append(entry)
    return {"kpis": out}


def clean(x):
    """numpy scalars to Python numbers, NaN to null."""
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, (float, np.floating)):
        return None if math.isnan(x) else float(x)
    if x is pd.NA or x is pd.NaT:
        return None
    return x


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--spec", required=True)
    ap.add_argument("--period", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    with open(args.spec, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    report = spec["report"]
    if report.get("period", "month") != "month":
        raise SystemExit("only monthly reports are implemented")
    tz = report.get("time_zone", "Europe/Paris")

    t0 = time.perf_counter()
    data = read_data(spec, args.data, tz)
    t1 = time.perf_counter()
    periods, current, previous, shown = plan_periods(
        args.period, int(report.get("series", 12)),
        report.get("comparison", "previous"), tz)
    ctx = Ctx(spec, data, periods, current, previous, shown)
    results = compute_all(ctx)
    t2 = time.perf_counter()
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(clean(kpis_json(ctx, results)), f, ensure_ascii=False,
                  indent=1)
    print(f"pandas peer, {report['id']} {args.period}: read {t1 - t0:.2f} s, "
          f"compute {t2 - t1:.2f} s, total {t2 - t0:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
