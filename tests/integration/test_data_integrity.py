"""Nothing read is silently lost or wrong: each way input data can be
damaged (a gzip file cut short, a NUL byte, bytes that are not UTF-8, sums
past the range of exact decimals, a CRM file that is not there, a source
with no rows, a connection string that can never work) ends in an exit
code and a message naming the source, or in a reject naming source:line
and column, through the real `vigie` binary and its plugins."""

import csv
import gzip
import json
import pathlib
import sqlite3
import unittest

import vigie_testlib as lib

HEADER = ["order_id", "customer_id", "ordered_at", "amount"]

# One tile over canonical orders, from the sources given.
SPEC = """\
report:
  id: integrity
  title: "Integrity"
  locale: en_GB
  time_zone: Europe/Paris
  reject_threshold: {threshold}
sources:
{sources}
kpis:
  - {{id: revenue, indicator: customer_base}}
  - {{id: orders, indicator: customer_base}}
sections:
  - title: "Sales"
    blocks:
      - tiles: [revenue, orders]
outputs: {{pdf: true, svg: false, json: true, lists: false}}
"""


def csv_source(source_id, path, dataset="orders"):
    return (f"  - id: {source_id}\n    connector: csv\n    dataset: {dataset}\n"
            f"    config: {{path: \"{path}\"}}\n")


def crm_source(source_id, url, table, dataset):
    return (f"  - id: {source_id}\n    connector: crm_sql\n"
            f"    dataset: {dataset}\n"
            f"    config: {{url: \"{url}\", table: {table}}}\n")


def order_rows(count, amount="12.50"):
    """`count` order lines in October 2026, 40 customers."""
    return [[f"O{i:05d}", f"K{i % 40:03d}",
             f"2026-10-{1 + i % 28:02d}T10:00:00", amount]
            for i in range(count)]


def write_csv_bytes(path, rows):
    """Rows of bytes or str fields, written as they are (no quoting
    needed: no field holds a comma, quote or line break)."""
    with open(path, "wb") as f:
        for row in [HEADER] + rows:
            fields = [v if isinstance(v, bytes) else v.encode() for v in row]
            f.write(b",".join(fields) + b"\n")
    return path


def read_rejects(folder):
    with open(folder / "rejects.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


class DataIntegrityTest(unittest.TestCase):

    def setUp(self):
        self.dir = lib.make_temp_dir("integrity")
        self.addCleanup(lib.remove_temp_dir, self.dir)
        self.out = self.dir / "out"

    def run_sources(self, *sources, threshold="0.01"):
        spec = lib.write_spec(self.dir / "spec.yaml", SPEC.format(
            threshold=threshold, sources="".join(sources)))
        return lib.run_vigie(["run", spec, "--period", "2026-10", "--out",
                              self.out, "-q"])

    def kpis_json(self):
        with open(self.out / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def assert_no_report(self, result):
        self.assertNotIn("internal error", result.stderr)
        self.assertFalse((self.out / "report.pdf").exists(),
                         lib.describe(result))

    # ---- truncated or corrupt gzip ---------------------------------------

    def test_a_truncated_gzip_file_fails_naming_it(self):
        plain = write_csv_bytes(self.dir / "orders.csv", order_rows(20000))
        whole = gzip.compress(plain.read_bytes())
        cut = self.dir / "orders.csv.gz"
        cut.write_bytes(whole[:len(whole) // 2])

        result = self.run_sources(csv_source("shop_orders", cut))
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assertIn("source 'shop_orders'", result.stderr)
        self.assertIn(f"{cut}: the gzip data ends early", result.stderr)
        self.assert_no_report(result)

    def test_a_truncated_copy_of_the_real_shop_file_fails(self):
        real = lib.PATHS.shared_dir and (
            pathlib.Path(lib.PATHS.shared_dir) /
            "realdata/online_retail/online_retail.csv.gz")
        if not real or not real.exists():
            self.skipTest("shared/realdata is not there")
        cut = self.dir / "online_retail.csv.gz"
        data = real.read_bytes()
        cut.write_bytes(data[:len(data) * 2 // 5])
        source = csv_source("invoices", cut) + (
            "    mapping:\n"
            "      order_id: InvoiceNo\n"
            "      ordered_at: InvoiceDate\n"
            "      amount: \"Quantity * UnitPrice\"\n"
            "      customer_id: \"integer(CustomerID)\"\n")
        result = self.run_sources(source)
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assertIn("the gzip data ends early", result.stderr)
        self.assertIn("source 'invoices'", result.stderr)

    # ---- bytes that are not text -----------------------------------------

    def test_a_nul_byte_is_a_reject_naming_line_and_column(self):
        rows = order_rows(400)
        rows[10][1] = b"K0\x0001"  # data row 10 is on line 12
        orders = write_csv_bytes(self.dir / "orders.csv", rows)
        result = self.run_sources(csv_source("shop_orders", orders))
        self.assertEqual(result.returncode, 0, lib.describe(result))
        rejects = read_rejects(self.out)
        self.assertEqual(len(rejects), 1)
        self.assertEqual(rejects[0]["source"], "shop_orders")
        self.assertEqual(rejects[0]["line"], "12")
        self.assertEqual(rejects[0]["reason"],
                         "column 'customer_id': the value holds a NUL "
                         "character at position 3")
        self.assertEqual(self.kpis_json()["data_quality"]["rows_rejected"], 1)

    def test_invalid_utf8_in_the_crm_is_a_reject_and_the_run_ends_well(self):
        crm = self.dir / "crm.sqlite"
        with sqlite3.connect(crm) as db:
            db.execute("CREATE TABLE customers (customer_id TEXT, "
                       "created_at TEXT, region TEXT)")
            for i in range(40):
                region = "Île-de-France" if i != 7 else None
                db.execute("INSERT INTO customers VALUES (?, ?, ?)",
                           (f"K{i:03d}", "2025-01-01", region))
            # Latin-1 "Cafe" with an acute e: TEXT holding bytes that are
            # not UTF-8, as a CRM fed by an old system stores them.
            db.execute("UPDATE customers SET region = CAST(? AS TEXT) "
                       "WHERE customer_id = 'K007'", (b"Caf\xe9",))
        db.close()
        orders = write_csv_bytes(self.dir / "orders.csv", order_rows(200))
        result = self.run_sources(
            crm_source("crm", f"sqlite3://db={crm}", "customers",
                       "customers"),
            csv_source("shop_orders", orders), threshold="0.05")
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assertNotIn("internal error", result.stderr)
        rejects = read_rejects(self.out)
        self.assertEqual(len(rejects), 1)
        self.assertEqual(rejects[0]["source"], "crm")
        self.assertEqual(rejects[0]["line"], "8")  # the 8th row read
        self.assertEqual(rejects[0]["reason"],
                         "column 'region': the value is not valid UTF-8 "
                         "(byte 0xE9 at position 4)")
        doc = self.kpis_json()  # valid JSON, valid UTF-8
        sources = {s["source"]: s for s in doc["data_quality"]["sources"]}
        self.assertEqual(sources["crm"]["rows_read"], 40)
        self.assertEqual(sources["crm"]["rows_rejected"], 1)

    def test_real_asterisk_caller_names_that_are_not_utf8_are_rejects(self):
        # A production PBX's cdr_csv output (shared/realdata): some caller
        # names hold bytes that are not UTF-8. cdr_csv writes no header:
        # the copy here gets one, in the 21-column order of the file.
        real = lib.PATHS.shared_dir and (
            pathlib.Path(lib.PATHS.shared_dir) /
            "realdata/asterisk/prod_21col_Master.csv")
        if not real or not real.exists():
            self.skipTest("shared/realdata is not there")
        columns = ["accountcode", "src", "dst", "dcontext", "clid",
                   "channel", "dstchannel", "lastapp", "lastdata", "start",
                   "answer", "end", "duration", "billsec", "disposition",
                   "amaflags", "uniqueid", "userfield", "peeraccount",
                   "linkedid", "sequence"]
        data = real.read_bytes()
        calls = self.dir / "Master.csv"
        calls.write_bytes(",".join(columns).encode() + b"\n" + data)
        # Expected, read here independently: the file lines (after the
        # added header) whose caller name does not decode as UTF-8.
        expected = []
        for number, record in enumerate(
                csv.reader(data.decode("latin-1").splitlines()), start=2):
            try:
                record[4].encode("latin-1").decode("utf-8")
            except UnicodeDecodeError:
                expected.append(str(number))
        self.assertGreater(len(expected), 0)
        orders = write_csv_bytes(self.dir / "orders.csv", order_rows(100))
        source = csv_source("pbx", calls, dataset="calls") + (
            "    mapping:\n"
            "      call_id: uniqueid\n"
            "      started_at: start\n"
            "      outcome: disposition\n"
            "      customer_id: clid\n")
        result = self.run_sources(csv_source("shop_orders", orders), source,
                                  threshold="0.2")
        self.assertEqual(result.returncode, 0, lib.describe(result))
        rejects = [r for r in read_rejects(self.out) if r["source"] == "pbx"]
        self.assertEqual([r["line"] for r in rejects], expected)
        for r in rejects:
            self.assertRegex(r["reason"],
                             r"^column 'customer_id': the value is not valid "
                             r"UTF-8 \(byte 0x[0-9A-F]{2} at position \d+\)$")
        sources = {s["source"]: s
                   for s in self.kpis_json()["data_quality"]["sources"]}
        self.assertEqual(sources["pbx"]["rows_rejected"], len(expected))

    # ---- numbers past the range of exact decimals ------------------------

    def test_revenue_past_the_decimal_range_fails_naming_the_kpi(self):
        # Three lines of 500 trillion: their sum passes the int64 range of
        # decimals at 10^4 (about 922 trillion); it used to come out as a
        # negative revenue with exit 0.
        orders = write_csv_bytes(self.dir / "orders.csv",
                                 order_rows(3, "500000000000000"))
        result = self.run_sources(csv_source("shop_orders", orders))
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assertIn("plugin 'customer_base'", result.stderr)
        self.assertIn("revenue: the exact total is beyond the range",
                      result.stderr)
        self.assert_no_report(result)

    def test_an_amount_past_the_decimal_range_is_a_reject(self):
        rows = order_rows(400)
        rows[5][3] = "99999999999999999999"  # line 7
        orders = write_csv_bytes(self.dir / "orders.csv", rows)
        result = self.run_sources(csv_source("shop_orders", orders))
        self.assertEqual(result.returncode, 0, lib.describe(result))
        rejects = read_rejects(self.out)
        self.assertEqual([r["line"] for r in rejects], ["7"])
        self.assertIn("column 'amount'", rejects[0]["reason"])
        self.assertIn("922,337,203,685,477.5807", rejects[0]["reason"])
        revenue = lib.value_kpis(self.kpis_json())["revenue"]["value"]
        self.assertAlmostEqual(revenue, 399 * 12.5)

    # ---- a CRM file that is not there ------------------------------------

    def test_a_missing_crm_file_is_named_and_not_created(self):
        missing = self.dir / "crm-typo.sqlite"
        orders = write_csv_bytes(self.dir / "orders.csv", order_rows(10))
        result = self.run_sources(
            crm_source("crm", f"sqlite3://db={missing}", "customers",
                       "customers"),
            csv_source("shop_orders", orders))
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assertIn("source 'crm'", result.stderr)
        self.assertIn(f"CRM database file {missing} does not exist",
                      result.stderr)
        self.assertNotIn("no such table", result.stderr)
        # One attempt: the engine logs each retry of an open.
        self.assertNotIn("retrying", result.stderr)
        self.assertFalse(missing.exists())

    # ---- connection strings: fatal at once, transient retried -------------

    def test_a_malformed_connection_string_fails_at_once(self):
        # A URL libpq's parser refuses fails with the configuration; one
        # the backend refuses, when it connects: never retried.
        for url, says in [
                ("postgresql://host=127.0.0.1 port=1 dbnme=crm",
                 'invalid connection option "dbnme"'),
                ("no_such_backend://db=crm", "cannot connect to the database")]:
            with self.subTest(url=url):
                result = self.run_sources(
                    crm_source("crm", url, "customers", "customers"))
                self.assertEqual(result.returncode, 4, lib.describe(result))
                self.assertIn("source 'crm'", result.stderr)
                self.assertIn(says, result.stderr)
                # One attempt: the engine logs each retry of an open.
                self.assertNotIn("retrying", result.stderr)

    def test_a_refused_connection_is_retried_three_times(self):
        url = f"postgresql://host=127.0.0.1 port={lib.free_port()} dbname=crm"
        result = self.run_sources(
            crm_source("crm", url, "customers", "customers"))
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assertIn("attempt 1 of 3, retrying", result.stderr)
        self.assertIn("attempt 2 of 3, retrying", result.stderr)
        self.assertNotIn("attempt 3 of 3", result.stderr)

    # ---- a source with no rows -------------------------------------------

    def test_a_source_with_a_header_only_is_reported(self):
        orders = write_csv_bytes(self.dir / "orders.csv", order_rows(100))
        empty = write_csv_bytes(self.dir / "web_orders.csv", [])
        result = self.run_sources(csv_source("shop_orders", orders),
                                  csv_source("web_orders", empty))
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assertIn(f"source 'web_orders' ({empty}) has no rows",
                      result.stderr)
        quality = self.kpis_json()["data_quality"]
        sources = {s["source"]: s for s in quality["sources"]}
        self.assertEqual(sources["web_orders"],
                         {"source": "web_orders", "rows_read": 0,
                          "rows_rejected": 0})
        self.assertEqual(sources["shop_orders"]["rows_read"], 100)
        # The report names a source by its dataset, then its id.
        self.assertIn("Data quality: source Orders (web_orders) has no rows.",
                      quality["notes"])
        self.assertIn("web_orders", lib.pdf_text(self.out / "report.pdf"))


if __name__ == "__main__":
    lib.main()
