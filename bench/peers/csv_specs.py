#!/usr/bin/python3
"""Writes the demo report specs with every source read from a CSV file.

The peers (DuckDB, pandas) read CSV files; so that Vigie does the same work
from the same bytes, bench/run exports the CRM tables of the demo data to
CSV (crm_tables.sh) and runs these specs: each `crm_sql` source of
report-specs/<name>.yaml becomes a `csv` source reading <table>.csv beside
the others. Everything else (KPIs, layout, parameters) is the spec's own.

    csv_specs.py OUT_DIR report-specs/management.yaml report-specs/operational.yaml
"""
import os
import sys

import yaml


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    out_dir = argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            spec = yaml.safe_load(f)
        for source in spec["sources"]:
            if source["connector"] != "crm_sql":
                continue
            table = source["config"]["table"]
            source["connector"] = "csv"
            source["config"] = {"path": "${VIGIE_DEMO_DATA}/" + table + ".csv"}
        out = os.path.join(out_dir, os.path.basename(path))
        with open(out, "w", encoding="utf-8") as f:
            yaml.safe_dump(spec, f, allow_unicode=True, sort_keys=False)


if __name__ == "__main__":
    main(sys.argv)
