#!/usr/bin/env bash
# Exports the tables of a demo CRM database (crm.sqlite) as CSV files beside
# it, with a header line: customers.csv, orders.csv, surveys.csv,
# marketing_spend.csv. The peers and Vigie's CSV specs read these.
#   bench/peers/crm_tables.sh DATA_DIR
set -euo pipefail
dir=$1
for table in customers orders surveys marketing_spend; do
  sqlite3 -header -csv "$dir/crm.sqlite" "SELECT * FROM $table" >"$dir/$table.csv.tmp"
  mv "$dir/$table.csv.tmp" "$dir/$table.csv"
done
