#!/usr/bin/python3
"""Checks a peer's figures against Vigie's kpis.json, KPI by KPI.

A peer (DuckDB, pandas) writes its figures in kpis.json's own shape
(docs/kpis-json.md): {"kpis": [{"id", "kind", "value", "previous",
"series": [{"period", "value"}], "columns": [{"name"}], "rows": [[...]]}]}.
This script says, for each KPI of Vigie's file, whether the peer found the
same: so that the side-by-side timing compares equal work.

    check.py VIGIE_KPIS_JSON PEER_JSON [--quiet]

Rules:
- numbers are equal within a relative 1e-9 (absolute 1e-9 near zero): sums
  of doubles in another order differ in their last bits, never more;
  decimal cells (strings in kpis.json) are compared as numbers;
- a `timestamp` column is compared as an instant (the peer may write UTC
  or any offset);
- table and list rows are compared as multisets (ties may be ordered
  differently); a list's `customer_key` column is left out, being a keyed
  hash (VIGIE_LIST_KEY) that only Vigie computes: the other columns of
  every row must match;
- a KPI the peer did not compute is "missing", which fails the check.
Exit status: 0 when every KPI matches, 1 otherwise.
"""
import json
import math
import sys
from collections import Counter
from datetime import datetime, timezone

REL = 1e-9
ABS = 1e-9


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=REL, abs_tol=ABS)


def instant(text):
    if text is None:
        return None
    t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if t.tzinfo is None:
        t = t.replace(tzinfo=timezone.utc)
    return t.timestamp()


def normalised_cell(value, kind):
    """A hashable form of a cell: numbers rounded to 9 significant digits
    (exact equality is then checked by close() on the matched rows)."""
    if value is None:
        return None
    if kind == "timestamp":
        return ("t", round(instant(value), 3))
    if kind in ("int", "double", "decimal"):
        v = float(value)
        return ("n", float(f"{v:.9g}"))
    if kind == "bool":
        return ("b", bool(value))
    return ("s", str(value))


def compare_rows(kpi, peer):
    columns = [c["name"] for c in kpi["columns"]]
    kinds = {c["name"]: c["type"] for c in kpi["columns"]}
    peer_columns = [c["name"] if isinstance(c, dict) else c
                    for c in peer.get("columns", [])]
    kept = [c for c in columns
            if not (kpi["kind"] == "list" and c == "customer_key")]
    missing = [c for c in kept if c not in peer_columns]
    if missing:
        return f"columns missing: {', '.join(missing)}"
    ours = Counter(
        tuple(normalised_cell(row[columns.index(c)], kinds[c]) for c in kept)
        for row in kpi["rows"])
    theirs = Counter(
        tuple(normalised_cell(row[peer_columns.index(c)], kinds[c])
              for c in kept)
        for row in peer.get("rows", []))
    if ours == theirs:
        return None
    only_ours = ours - theirs
    only_theirs = theirs - ours
    example = ""
    if only_ours:
        example += f"; e.g. Vigie's {next(iter(only_ours))}"
    if only_theirs:
        example += f"; the peer's {next(iter(only_theirs))}"
    return (f"{len(kpi['rows'])} rows against {len(peer.get('rows', []))}; "
            f"{sum(only_ours.values())} of Vigie's not found{example}")


def compare_value(kpi, peer):
    problems = []
    for key in ("value", "previous"):
        if not close(kpi.get(key), peer.get(key)):
            problems.append(f"{key} {kpi.get(key)!r} against {peer.get(key)!r}")
    ours = {p["period"]: p["value"] for p in kpi.get("series") or []}
    theirs = {p["period"]: p["value"] for p in peer.get("series") or []}
    for period, value in ours.items():
        if period not in theirs:
            problems.append(f"series {period} missing")
        elif not close(value, theirs[period]):
            problems.append(
                f"series {period} {value!r} against {theirs[period]!r}")
    return "; ".join(problems[:4]) or None


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    quiet = "--quiet" in argv
    if len(args) != 2:
        sys.exit(__doc__)
    with open(args[0], encoding="utf-8") as f:
        vigie = json.load(f)["kpis"]
    with open(args[1], encoding="utf-8") as f:
        peer = {k["id"]: k for k in json.load(f)["kpis"]}
    failed = 0
    for kpi in vigie:
        other = peer.get(kpi["id"])
        if other is None:
            problem = "missing"
        elif kpi["kind"] == "value":
            problem = compare_value(kpi, other)
        else:
            problem = compare_rows(kpi, other)
        if problem:
            failed += 1
            print(f"{kpi['id']}: {problem}")
        elif not quiet:
            print(f"{kpi['id']}: same")
    print(f"{len(vigie) - failed} of {len(vigie)} KPIs the same")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
