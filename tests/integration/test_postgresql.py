"""The crm_sql connector against a real PostgreSQL server: the demo CRM
loaded into PostgreSQL gives the same KPIs as from SQLite, the password
(given through the environment) is never printed nor written, and a server
that is down fails the run with exit 4 after the retries.

The server: postgres_server.py."""

import csv
import json
import pathlib
import sqlite3
import unittest

import vigie_testlib as lib
from postgres_server import DATABASE, PASSWORD, PG_BIN, PostgresServer

# The demo CRM in PostgreSQL types: times as timestamp (local, like the
# SQLite text), amounts as numeric(12,2).
SCHEMA = """
CREATE TABLE customers (customer_id text PRIMARY KEY, created_at timestamp NOT NULL,
  acquisition_channel text, region text, birth_year integer,
  consent_marketing integer, email text);
CREATE TABLE orders (order_id text NOT NULL, customer_id text,
  ordered_at timestamp NOT NULL, amount numeric(12,2) NOT NULL,
  margin numeric(12,2), quantity integer, product_id text, category text,
  channel text);
CREATE TABLE marketing_spend (month text NOT NULL, channel text NOT NULL,
  spend numeric(12,2) NOT NULL);
CREATE TABLE surveys (customer_id text, ts timestamp NOT NULL, step text,
  channel text, csat integer, nps integer);
"""
TABLES = ["customers", "orders", "marketing_spend", "surveys"]


def copy_sqlite_to_postgres(sqlite_path, server, folder):
    """Each demo table through a CSV file and psql's \\copy (client side).
    A NULL becomes an empty unquoted field, which COPY reads as NULL."""
    server.psql("postgres", "-c", f"CREATE DATABASE {DATABASE}")
    server.psql(DATABASE, stdin=SCHEMA)
    with sqlite3.connect(sqlite_path) as db:
        for table in TABLES:
            cursor = db.execute(f"SELECT * FROM {table}")
            path = pathlib.Path(folder) / f"{table}.csv"
            with open(path, "w", newline="", encoding="utf-8") as f:
                out = csv.writer(f)
                out.writerow([c[0] for c in cursor.description])
                out.writerows(cursor)
            server.psql(DATABASE, "-c",
                        f"\\copy {table} FROM '{path}' WITH (FORMAT csv, HEADER)")


@unittest.skipUnless((PG_BIN / "initdb").exists(), "PostgreSQL 15 not installed")
class PostgresqlTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("pg")
        cls.addClassCleanup(lib.remove_temp_dir, cls.dir)
        cls.data = lib.make_demo_data(cls.dir / "data")
        (cls.dir / "server").mkdir()
        cls.server = PostgresServer(cls.dir / "server")
        # Registered before the start: the server is stopped whatever
        # happens next.
        cls.addClassCleanup(cls.server.stop)
        cls.server.init()
        cls.server.start()
        copy_sqlite_to_postgres(cls.data / "crm.sqlite", cls.server, cls.dir)

        spec = lib.source_path("report-specs", "management.yaml").read_text()
        sqlite_url = 'url: "sqlite3://db=${VIGIE_DEMO_DATA}/crm.sqlite"'
        assert spec.count(sqlite_url) == 4, "management.yaml changed shape"
        # batch_rows 1000: the connector's server-side cursor fetches orders
        # in 7 steps, and customers (exactly 1000 rows at scale 0.05) in one
        # full step then an empty one.
        pg_spec = spec.replace(
            sqlite_url, f'url: "{cls.server.url()}", password: "${{PGPASS}}", '
            'batch_rows: 1000')
        cls.spec = lib.write_spec(cls.dir / "management-pg.yaml", pg_spec)

        env = lib.clean_environment(VIGIE_DEMO_DATA=cls.data, PGPASS=PASSWORD)
        cls.sqlite_out = cls.dir / "out-sqlite"
        cls.sqlite_run = lib.run_vigie(
            ["run", lib.source_path("report-specs", "management.yaml"),
             "--period", lib.DEMO_PERIOD, "--out", cls.sqlite_out], env=env)
        cls.pg_out = cls.dir / "out-pg"
        cls.pg_run = lib.run_vigie(["run", cls.spec, "--period",
                                    lib.DEMO_PERIOD, "--out", cls.pg_out],
                                   env=env)
        # The URI form, password inside the URL written in the spec.
        uri_spec = spec.replace(
            sqlite_url, f'url: "{cls.server.uri(PASSWORD)}", batch_rows: 1000')
        cls.uri_spec = lib.write_spec(cls.dir / "management-uri.yaml", uri_spec)
        cls.uri_out = cls.dir / "out-uri"
        cls.uri_run = lib.run_vigie(["run", cls.uri_spec, "--period",
                                     lib.DEMO_PERIOD, "--out", cls.uri_out],
                                    env=env)
        # Then the same run with the server down.
        cls.server.stop()
        cls.down_out = cls.dir / "out-down"
        cls.down_run = lib.run_vigie(["run", cls.spec, "--period",
                                      lib.DEMO_PERIOD, "--out", cls.down_out],
                                     env=env)

    def load(self, out):
        with open(out / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def test_the_postgresql_run_succeeds(self):
        self.assertEqual(self.sqlite_run.returncode, 0,
                         lib.describe(self.sqlite_run))
        self.assertEqual(self.pg_run.returncode, 0, lib.describe(self.pg_run))
        for file in ["report.pdf", "kpis.json", "page-1.svg"]:
            self.assertTrue((self.pg_out / file).is_file(), file)

    def test_every_value_kpi_equals_the_sqlite_one(self):
        self.assertEqual(self.pg_run.returncode, 0, lib.describe(self.pg_run))
        sqlite_doc = self.load(self.sqlite_out)
        pg_doc = self.load(self.pg_out)
        sqlite_values = lib.value_kpis(sqlite_doc)
        pg_values = lib.value_kpis(pg_doc)
        self.assertEqual(sorted(pg_values), sorted(sqlite_values))
        self.assertGreater(len(pg_values), 15)
        # Same data, same exact sums: the figures are equal, not close.
        for kpi_id, expected in sqlite_values.items():
            with self.subTest(kpi=kpi_id):
                got = pg_values[kpi_id]
                self.assertEqual(got["value"], expected["value"])
                self.assertEqual(got["previous"], expected["previous"])
                self.assertEqual(got["series"], expected["series"])
        self.assertIsNotNone(pg_values["revenue"]["value"])
        # The tables too (segments, CAC by channel).
        sqlite_tables = {k["id"]: k for k in sqlite_doc["kpis"]
                         if k["kind"] != "value"}
        for kpi in pg_doc["kpis"]:
            if kpi["kind"] != "value":
                self.assertEqual(kpi["rows"], sqlite_tables[kpi["id"]]["rows"],
                                 kpi["id"])
        # Every CRM row was read from PostgreSQL.
        read = {s["source"]: s["rows_read"]
                for s in pg_doc["data_quality"]["sources"]}
        with sqlite3.connect(self.data / "crm.sqlite") as db:
            for table in ["customers", "orders", "marketing_spend", "surveys"]:
                (count,) = db.execute(f"SELECT count(*) FROM {table}").fetchone()
                self.assertEqual(read[table], count, table)

    def test_the_uri_form_reads_the_same_figures(self):
        self.assertEqual(self.uri_run.returncode, 0,
                         lib.describe(self.uri_run))
        self.assertEqual(lib.value_kpis(self.load(self.uri_out)),
                         lib.value_kpis(self.load(self.pg_out)))

    def test_the_password_is_never_printed_nor_written(self):
        for run in (self.pg_run, self.down_run, self.uri_run):
            self.assertNotIn(PASSWORD, run.stdout + run.stderr)
        files = lib.files_under(self.pg_out) + lib.files_under(self.uri_out)
        self.assertTrue(files)
        for path in files:
            with self.subTest(file=path.name):
                self.assertNotIn(PASSWORD.encode(), path.read_bytes())
                self.assertNotIn(PASSWORD, lib.readable_text(path))

    def test_a_server_down_fails_after_retrying(self):
        run = self.down_run
        self.assertEqual(run.returncode, 4, lib.describe(run))
        # Each failed attempt but the last is logged, then the error.
        output = run.stdout + run.stderr
        self.assertIn("attempt 1 of 3, retrying", output)
        self.assertIn("attempt 2 of 3, retrying", output)
        self.assertIn("plugin 'crm_sql'", run.stderr)
        self.assertIn("customers", run.stderr)
        self.assertNotIn(PASSWORD, run.stdout + run.stderr)
        self.assertFalse((self.down_out / "report.pdf").exists())


if __name__ == "__main__":
    lib.main()
