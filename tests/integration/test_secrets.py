"""No secret is ever printed: a planted secret, in each spec field that may
carry one, is looked for in everything a run leaves behind (stdout, stderr,
every file of the output folder, report.pdf read back by pdftotext), on
failing runs and on a run that succeeds."""

import pathlib
import unittest

import vigie_testlib as lib

# Every planted value contains this marker, and nothing else does.
MARK = "PlantedSecret"

# One CSV of canonical orders, enough for the report to be drawn.
ORDERS = """order_id,customer_id,ordered_at,amount
O1,K1,2026-10-02T10:00:00,12.50
O2,K2,2026-10-03T10:00:00,20.00
"""

REPORT_SPEC = """\
report: {{id: secrets, title: "{title}", time_zone: "{time_zone}"}}
sources:
{sources}
kpis:
  - {{id: revenue, indicator: customer_base, label: "Revenue"}}
sections:
  - title: "Sales"
    blocks:
      - tiles: [revenue]
outputs: {{pdf: true, svg: true, json: true, lists: false}}
"""


class SecretTest(unittest.TestCase):

    def setUp(self):
        self.dir = lib.make_temp_dir("secrets")
        self.addCleanup(lib.remove_temp_dir, self.dir)
        self.out = self.dir / "out"
        # A data folder whose name is itself a secret: a path taken from the
        # environment is secret like any other value from it.
        self.data = self.dir / f"data-{MARK}-folder"
        self.data.mkdir()
        (self.data / "orders.csv").write_text(ORDERS, encoding="utf-8")

    def spec(self, sources, title="Secrets", time_zone="Europe/Paris"):
        text = REPORT_SPEC.format(sources=sources, title=title,
                                  time_zone=time_zone)
        return lib.write_spec(self.dir / "spec.yaml", text)

    def run_spec(self, spec, **env):
        environment = lib.clean_environment(DATA=self.data, **env)
        return lib.run_vigie(["run", spec, "--period", "2026-10", "--out",
                              self.out], env=environment)

    def assert_nowhere(self, result, *also):
        """MARK is in no message, log line or file of the run."""
        places = {"stdout": result.stdout, "stderr": result.stderr}
        if self.out.exists():
            for f in lib.files_under(self.out):
                places[str(f)] = lib.readable_text(f)
        for name, text in places.items():
            for secret in (MARK,) + also:
                self.assertNotIn(secret, text,
                                 f"secret in {name}" + lib.describe(result))

    def csv_source(self, path="${DATA}/orders.csv", mapping=""):
        return (f"  - id: shop\n    connector: csv\n    dataset: orders\n"
                f"    config: {{path: \"{path}\"}}\n{mapping}")

    # ---- a run that succeeds ---------------------------------------------

    def test_a_path_from_the_environment_stays_out_of_every_output(self):
        result = self.run_spec(self.spec(self.csv_source()))
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assertTrue((self.out / "report.pdf").exists())
        self.assertIn("page-1.svg", {p.name for p in lib.files_under(self.out)})
        self.assert_nowhere(result)

    # ---- failing runs, one a field -----------------------------------------

    def test_a_csv_path(self):
        result = self.run_spec(self.spec(self.csv_source("${DATA}/none.csv")))
        self.assertEqual(result.returncode, 4, lib.describe(result))
        # The message still says which file: by the variable's name.
        self.assertIn("${DATA}/none.csv", result.stderr)
        self.assert_nowhere(result)

    def test_a_mapping_expression(self):
        mapping = "    mapping: {amount: \"${EXPR}\"}\n"
        result = self.run_spec(self.spec(self.csv_source(mapping=mapping)),
                               EXPR=f"amount * {MARK}(")
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertIn("spec.yaml:7:", result.stderr)
        self.assert_nowhere(result)

    def test_the_time_zone(self):
        result = self.run_spec(self.spec(self.csv_source(),
                                         time_zone="${ZONE}"),
                               ZONE=f"Europe/{MARK}")
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertIn("time_zone", result.stderr)
        self.assert_nowhere(result)

    def test_the_title(self):
        result = self.run_spec(self.spec(self.csv_source(),
                                         title="Report ${TITLE}"),
                               TITLE=f"{MARK} title")
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertIn("spec.yaml:1:", result.stderr)
        self.assertIn("may only be used in a plugin option", result.stderr)
        self.assert_nowhere(result)

    def test_a_query(self):
        crm = self.data / "crm.sqlite"
        lib.run_tool(["sqlite3", crm, "CREATE TABLE orders(order_id TEXT);"])
        source = ("  - id: crm\n    connector: crm_sql\n    dataset: orders\n"
                  "    config:\n"
                  "      url: \"sqlite3://db=${DATA}/crm.sqlite\"\n"
                  "      query: \"SELECT * FROM orders WHERE token = "
                  "'${TOKEN}' AND\"\n")
        result = self.run_spec(self.spec(source), TOKEN=f"{MARK}-token")
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assert_nowhere(result)

    def test_a_postgresql_url_with_its_password(self):
        # Nobody listens on that port: the connection is refused, retried
        # as transient, and each attempt is logged.
        port = lib.free_port()
        for url, env in [
                (f"postgresql://report:{MARK}pw@127.0.0.1:{port}/crm", {}),
                (f"postgresql://report:${{PW}}@127.0.0.1:{port}/crm",
                 {"PW": f"{MARK}env"}),
                (f"postgresql://host=127.0.0.1 port={port} dbname=crm "
                 f"user=report password={MARK}kw", {})]:
            with self.subTest(url=url):
                source = ("  - id: crm\n    connector: crm_sql\n"
                          "    dataset: orders\n    config:\n"
                          f"      url: \"{url}\"\n      table: orders\n")
                result = self.run_spec(self.spec(source), **env)
                self.assertEqual(result.returncode, 4, lib.describe(result))
                self.assertIn("127.0.0.1", result.stderr)
                self.assert_nowhere(result)

    def test_a_password_option_from_the_environment(self):
        port = lib.free_port()
        source = ("  - id: crm\n    connector: crm_sql\n    dataset: orders\n"
                  "    config:\n"
                  f"      url: \"postgresql://report@127.0.0.1:{port}/crm\"\n"
                  "      password: ${CRM_PASSWORD}\n      table: orders\n")
        result = self.run_spec(self.spec(source),
                               CRM_PASSWORD=f"{MARK}-option")
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assert_nowhere(result)

    def test_validate_never_quotes_a_secret(self):
        spec = self.spec(self.csv_source("${DATA}/orders.csv"),
                         time_zone="${ZONE}")
        result = lib.run_vigie(["validate", spec], env=lib.clean_environment(
            DATA=self.data, ZONE=f"Mars/{MARK}"))
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assert_nowhere(result)


if __name__ == "__main__":
    lib.main()
