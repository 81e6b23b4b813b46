"""The crm_sql connector's other roads to a database, on a real PostgreSQL
server (postgres_server.py) and Debian's ODBC drivers (odbc-postgresql,
libsqliteodbc, registered in /etc/odbcinst.ini by their packages):

- the demo management report read through ODBC, by connection string
  (the PostgreSQL Unicode driver, then the SQLite3 driver on crm.sqlite)
  and by a DSN of an odbc.ini, gives the same kpis.json figures as the
  SQLite file read by SOCI's sqlite3 backend (and so as PostgreSQL read
  by libpq, test_postgresql.py);
- pushdown: a `query` that filters in the database (the 15 months the
  report needs, out of a table that also holds older rows) or aggregates
  there (order lines summed into one row an order) gives the same KPIs
  as reading the lines whole, from fewer rows;
- a statement that runs past `timeout` is stopped by the database, through
  libpq and through ODBC;
- the connector never writes: a statement that is not a read is refused
  before the database is reached, and a data-modifying WITH clause, which
  that check cannot see, is refused by the read-only session;
- a failed connection and a missing column name the source and never the
  password."""

import json
import shutil
import sqlite3
import unittest

import vigie_testlib as lib
from postgres_server import DATABASE, PASSWORD, PG_BIN, USER, PostgresServer
from test_postgresql import copy_sqlite_to_postgres

SQLITE_URL = 'url: "sqlite3://db=${VIGIE_DEMO_DATA}/crm.sqlite"'

# Orders placed before the 15 months a report of 2026-10 reads (its 13
# months of series and the same month a year before): a warehouse keeps
# years of them. They are copies of demo lines moved 3 years back.
ARCHIVE_SQL = """
CREATE TABLE orders_history AS SELECT * FROM orders;
INSERT INTO orders_history
SELECT 'A' || order_id, customer_id, ordered_at - interval '3 years', amount,
       margin, quantity, product_id, category, channel
FROM orders WHERE ordered_at < timestamp '2025-10-01';
"""
WINDOW_START = "2025-08-01"

# The order lines summed into one row an order: what a warehouse hands
# over when only orders matter. An order's time is its earliest line's,
# its channel that of its lines (one per order in the demo data).
ORDERS_SUMMED = (
    "SELECT order_id, min(customer_id) AS customer_id, "
    "min(ordered_at) AS ordered_at, sum(amount) AS amount, "
    "sum(margin) AS margin, sum(quantity) AS quantity, "
    "min(channel) AS channel FROM orders "
    f"WHERE ordered_at >= timestamp '{WINDOW_START}' GROUP BY order_id")

# customer_base's KPIs that read orders as orders, not as lines: equal
# whether the lines come one by one or summed an order.
ORDER_LEVEL_KPIS = [
    "revenue", "margin_rate", "orders", "avg_basket", "buyers",
    "active_customers", "new_customers", "lost_customers", "churn_rate",
    "mean_recency_days", "clv_historic",
]


def odbc_postgres_url(port):
    return (f"odbc://DRIVER={{PostgreSQL Unicode}};SERVER=127.0.0.1;"
            f"PORT={port};DATABASE={DATABASE};UID={USER}")


@unittest.skipUnless((PG_BIN / "initdb").exists(), "PostgreSQL 15 not installed")
class SqlSourcesTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("sql")
        cls.addClassCleanup(lib.remove_temp_dir, cls.dir)
        cls.data = lib.make_demo_data(cls.dir / "data")
        (cls.dir / "server").mkdir()
        cls.server = PostgresServer(cls.dir / "server")
        cls.addClassCleanup(cls.server.stop)
        cls.server.init()
        cls.server.start()
        copy_sqlite_to_postgres(cls.data / "crm.sqlite", cls.server, cls.dir)
        # The archive is a table of its own, so that the other runs read
        # the demo orders as they are.
        cls.server.psql(DATABASE, stdin=ARCHIVE_SQL)
        cls.env = lib.clean_environment(VIGIE_DEMO_DATA=cls.data,
                                        PGPASS=PASSWORD)
        cls.spec_text = lib.source_path("report-specs",
                                        "management.yaml").read_text()
        assert cls.spec_text.count(SQLITE_URL) == 4, "management.yaml changed"
        cls.baseline = cls.run_spec("sqlite", cls.spec_text)

    @classmethod
    def run_spec(cls, name, text, period=lib.DEMO_PERIOD, env=None):
        spec = lib.write_spec(cls.dir / f"{name}.yaml", text)
        out = cls.dir / f"out-{name}"
        result = lib.run_vigie(["run", spec, "--period", period, "--out", out],
                               env=env or cls.env)
        result.out = out
        return result

    @classmethod
    def with_crm_url(cls, url):
        """management.yaml with every CRM source at `url`."""
        return cls.spec_text.replace(SQLITE_URL, url)

    def kpis(self, run):
        self.assertEqual(run.returncode, 0, lib.describe(run))
        with open(run.out / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def assert_same_figures(self, run):
        """Every KPI of `run` (values, previous, series, tables) equals the
        SQLite run's: same data, exact sums, so equal and not close."""
        expected = self.kpis(self.baseline)
        got = self.kpis(run)
        self.assertEqual(got["kpis"], expected["kpis"])
        self.assertGreater(len(got["kpis"]), 30)
        self.assertEqual(
            [(s["source"], s["rows_read"]) for s in got["data_quality"]["sources"]],
            [(s["source"], s["rows_read"])
             for s in expected["data_quality"]["sources"]])

    # -- ODBC ---------------------------------------------------------------

    def test_odbc_postgresql_by_connection_string(self):
        run = self.run_spec("odbc-pg", self.with_crm_url(
            f'url: "{odbc_postgres_url(self.server.port)}", '
            'password: "${PGPASS}", batch_rows: 700'))
        self.assert_same_figures(run)
        self.assertNotIn(PASSWORD, run.stdout + run.stderr)

    def test_odbc_postgresql_by_dsn(self):
        ini = self.dir / "odbc.ini"
        ini.write_text(
            "[vigie_crm]\nDriver = PostgreSQL Unicode\nServername = 127.0.0.1\n"
            f"Port = {self.server.port}\nDatabase = {DATABASE}\n")
        env = dict(self.env, ODBCINI=str(ini))
        run = self.run_spec("odbc-dsn", self.with_crm_url(
            f'url: "odbc://DSN=vigie_crm;UID={USER}", password: "${{PGPASS}}"'),
            env=env)
        self.assert_same_figures(run)

    def test_odbc_sqlite_driver(self):
        run = self.run_spec("odbc-sqlite", self.with_crm_url(
            'url: "odbc://DRIVER={SQLite3};Database=${VIGIE_DEMO_DATA}/crm.sqlite"'))
        self.assert_same_figures(run)

    # -- pushdown -----------------------------------------------------------

    def test_a_filter_in_the_database_reads_only_the_window(self):
        pg = f'url: "{self.server.url()}", password: "${{PGPASS}}"'
        text = self.with_crm_url(pg).replace(
            f'{pg}, table: orders',
            f'{pg}, query: "SELECT * FROM orders_history '
            f"WHERE ordered_at >= timestamp '{WINDOW_START}'\"")
        self.assertIn("orders_history", text)
        run = self.run_spec("pushdown-filter", text)
        self.assert_same_figures(run)

    def test_orders_summed_in_the_database_give_the_same_order_kpis(self):
        pg = f'url: "{self.server.url()}", password: "${{PGPASS}}"'
        text = self.with_crm_url(pg).replace(
            f'{pg}, table: orders', f'{pg}, query: "{ORDERS_SUMMED}"')
        self.assertIn("GROUP BY order_id", text)
        run = self.run_spec("pushdown-sum", text)
        expected = lib.value_kpis(self.kpis(self.baseline))
        got = lib.value_kpis(self.kpis(run))
        for kpi in ORDER_LEVEL_KPIS:
            with self.subTest(kpi=kpi):
                self.assertIsNotNone(expected[kpi]["value"])
                self.assertEqual(got[kpi]["value"], expected[kpi]["value"])
                self.assertEqual(got[kpi]["series"], expected[kpi]["series"])
        # The database did the summing: one row an order came over.
        with sqlite3.connect(self.data / "crm.sqlite") as db:
            (orders,) = db.execute(
                "SELECT count(DISTINCT order_id) FROM orders").fetchone()
            (lines,) = db.execute("SELECT count(*) FROM orders").fetchone()
        read = {s["source"]: s["rows_read"]
                for s in self.kpis(run)["data_quality"]["sources"]}
        self.assertEqual(read["orders"], orders)
        self.assertLess(orders, lines)

    # -- time-out -----------------------------------------------------------

    def slow_customers(self, url):
        return self.spec_text.replace(
            f'{SQLITE_URL}, table: customers',
            f'url: "{url}", password: "${{PGPASS}}", timeout: 1, query: '
            '"SELECT c.* FROM customers c, pg_sleep(4)"', 1)

    def test_a_statement_past_the_timeout_is_stopped_through_libpq(self):
        run = self.run_spec("timeout-pg", self.slow_customers(self.server.url()))
        self.assertEqual(run.returncode, 4, lib.describe(run))
        self.assertIn("statement timeout", run.stderr)
        self.assertIn("customers", run.stderr)
        self.assertFalse((run.out / "kpis.json").exists())

    def test_a_statement_past_the_timeout_is_stopped_through_odbc(self):
        run = self.run_spec("timeout-odbc", self.slow_customers(
            odbc_postgres_url(self.server.port)))
        self.assertEqual(run.returncode, 4, lib.describe(run))
        self.assertIn("customers", run.stderr)
        self.assertRegex(run.stderr, "(?i)timeout|cancel")

    # -- read-only ----------------------------------------------------------

    def count_customers(self):
        return int(self.server.psql(DATABASE, "-tA", "-c",
                                    "SELECT count(*) FROM customers").strip())

    def test_a_statement_that_writes_is_refused_before_the_database(self):
        before = self.count_customers()
        text = self.spec_text.replace(
            f'{SQLITE_URL}, table: customers',
            f'url: "{self.server.url()}", password: "${{PGPASS}}", '
            'query: "DELETE FROM customers"', 1)
        run = self.run_spec("delete", text)
        self.assertNotEqual(run.returncode, 0)
        self.assertIn("must be one statement that reads", run.stderr)
        self.assertEqual(self.count_customers(), before)

    def test_a_writing_with_clause_is_refused_by_the_read_only_session(self):
        before = self.count_customers()
        for name, url in [("libpq", self.server.url()),
                          ("odbc", odbc_postgres_url(self.server.port))]:
            with self.subTest(road=name):
                text = self.spec_text.replace(
                    f'{SQLITE_URL}, table: customers',
                    f'url: "{url}", password: "${{PGPASS}}", query: '
                    '"WITH gone AS (DELETE FROM customers RETURNING *) '
                    'SELECT * FROM gone"', 1)
                run = self.run_spec(f"cte-{name}", text)
                self.assertEqual(run.returncode, 4, lib.describe(run))
                # libpq: a cursor refuses a writing WITH before the READ
                # ONLY transaction would; ODBC: the READ ONLY transaction.
                self.assertRegex(
                    run.stderr, "read-only transaction|DECLARE CURSOR must "
                    "not contain data-modifying statements")
                self.assertEqual(self.count_customers(), before)

    # -- failures -----------------------------------------------------------

    def test_a_wrong_password_names_the_source_not_the_password(self):
        wrong = "Wrong-Pw-93f1"
        for name, url in [("libpq", self.server.url()),
                          ("odbc", odbc_postgres_url(self.server.port))]:
            with self.subTest(road=name):
                text = self.with_crm_url(
                    f'url: "{url}", password: "{wrong}"')
                run = self.run_spec(f"wrong-{name}", text)
                self.assertEqual(run.returncode, 4, lib.describe(run))
                self.assertIn("cannot connect", run.stderr)
                self.assertIn("customers", run.stderr)
                self.assertNotIn(wrong, run.stdout + run.stderr)

    def test_a_missing_column_names_the_source(self):
        url = odbc_postgres_url(self.server.port)
        text = self.spec_text.replace(
            f'{SQLITE_URL}, table: customers',
            f'url: "{url}", password: "${{PGPASS}}", '
            'query: "SELECT customer_id, region FROM customers"', 1)
        run = self.run_spec("missing-column", text)
        self.assertNotEqual(run.returncode, 0, lib.describe(run))
        self.assertIn("created_at", run.stderr)
        self.assertIn("customers", run.stderr)
        self.assertNotIn(PASSWORD, run.stdout + run.stderr)


if __name__ == "__main__":
    lib.main()
