"""The command line as a user meets it: help, exit codes, the plugin
catalogue, plugins refused for their ABI, their file or their folder, and
`vigie validate` on a spec full of mistakes."""

import os
import pathlib
import re
import shutil
import struct
import unittest

import vigie_testlib as lib

# Each command and options its --help must name.
COMMAND_OPTIONS = {
    "run": ["--period", "--as-of", "--out", "--plugin-path", "--quiet",
            "--run-id", "--burst"],
    "validate": ["--plugin-path"],
    "plugins": ["list", "info", "--plugin-path"],
    "demo-data": ["--out", "--scale", "--seed", "--end-month"],
    "schedule": ["--count", "--from", "--plugin-path"],
    "serve": ["--specs", "--out", "--state", "--concurrency", "--poll",
              "--grace", "--once", "--as-of", "--since", "--plugin-path"],
    "send": ["--to", "--report", "--plugin-path"],
    "history": ["--state", "--specs", "--report", "--failed", "--limit"],
}

BUILT_IN_PLUGINS = {"csv": "connector", "crm_sql": "connector",
                    "customer_base": "indicator", "self_care": "indicator",
                    "web_analytics": "indicator", "report_usage": "indicator",
                    "funnel": "indicator", "attribution": "indicator",
                    "call_centre": "indicator", "experience": "indicator",
                    "products": "indicator"}


class HelpTest(unittest.TestCase):

    def test_top_level_help_names_every_command(self):
        result = lib.run_vigie(["--help"])
        self.assertEqual(result.returncode, 0, lib.describe(result))
        for command in ["run", "validate", "plugins list", "plugins info",
                        "demo-data", "schedule", "serve", "send", "history"]:
            self.assertIn(command, result.stdout)

    def test_each_command_help_names_its_options(self):
        for command, options in COMMAND_OPTIONS.items():
            with self.subTest(command=command):
                result = lib.run_vigie([command, "--help"])
                self.assertEqual(result.returncode, 0, lib.describe(result))
                self.assertIn(f"usage: vigie {command}", result.stdout)
                for option in options:
                    self.assertIn(option, result.stdout)

    def test_unknown_command_is_a_usage_error(self):
        result = lib.run_vigie(["frobnicate"])
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertIn("frobnicate", result.stderr)

    def test_unknown_option_is_a_usage_error(self):
        result = lib.run_vigie(["run", "spec.yaml", "--no-such-option"])
        self.assertEqual(result.returncode, 2, lib.describe(result))


class PluginCatalogueTest(unittest.TestCase):

    def test_list_shows_the_built_in_plugins_with_their_abi(self):
        result = lib.run_vigie(["plugins", "list"])
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assertIn("engine plugin ABI 1.2", result.stdout)
        for name, kind in BUILT_IN_PLUGINS.items():
            with self.subTest(plugin=name):
                line = re.search(rf"^{kind}\s+{name}\s.*$", result.stdout,
                                 re.MULTILINE)
                self.assertIsNotNone(line, result.stdout)
                self.assertIn("ABI 1.2", line.group(0))
                self.assertIn(f"vigie_{name}.so", line.group(0))

    def test_info_lists_options_and_kpis(self):
        result = lib.run_vigie(["plugins", "info", "customer_base"])
        self.assertEqual(result.returncode, 0, lib.describe(result))
        out = result.stdout
        self.assertIn("config options:", out)
        for option in ["activity_window", "alert_1m_days", "alert_2m_days",
                       "rfm_window_days", "segment_names", "discount_rate"]:
            self.assertRegex(out, rf"(?m)^\s+{option}\s")
        self.assertIn("KPIs:", out)
        # Each KPI with its kind, as the spec must use it.
        for kpi, kind in [("revenue", "value"), ("orders", "value"),
                          ("new_customers", "value"), ("churn_rate", "value"),
                          ("value_segments", "table"), ("alert_1m", "list")]:
            self.assertRegex(out, rf"(?m)^\s+{kpi}\s+{kind}\b")
        self.assertRegex(out, r"(?m)^\s+orders\s+required")
        # ABI 1.1: what an option accepts, and a table's declared columns.
        self.assertIn("accepts auto, or a number >= 1", out)
        self.assertIn("columns: channel (string), spend (decimal), "
                      "new_customers (int), cac (double)", out)

    def test_info_of_a_connector_marks_its_secret_options(self):
        result = lib.run_vigie(["plugins", "info", "crm_sql"])
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assertRegex(result.stdout, r"(?m)^\s+password\s.*secret")

    def test_info_of_an_unknown_plugin_is_a_usage_error(self):
        result = lib.run_vigie(["plugins", "info", "no_such_plugin"])
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertIn("no_such_plugin", result.stderr)

    def test_the_binary_links_no_plugin(self):
        # Plugins are loaded at run time: none may be a link-time
        # dependency of the engine.
        libraries = lib.run_tool(["ldd", lib.PATHS.vigie])
        self.assertNotRegex(libraries, r"vigie_\w+\.so")

    def test_a_plugin_for_another_abi_is_refused_by_name(self):
        plugins = pathlib.Path(lib.PATHS.test_plugins)
        refused = plugins / "vigie_abi_mismatch.so"
        self.assertTrue(refused.is_file(), refused)
        result = lib.run_vigie(["plugins", "list", "--plugin-path", plugins])
        self.assertEqual(result.returncode, 0, lib.describe(result))
        message = [line for line in result.stderr.splitlines()
                   if "vigie_abi_mismatch.so" in line]
        self.assertTrue(message, lib.describe(result))
        # The test plugin declares the engine's major + 1: 2.0 against 1.2.
        self.assertIn("refused", message[0])
        self.assertIn("ABI 2.0", message[0])
        self.assertIn("ABI 1.2", message[0])
        self.assertNotRegex(result.stdout, r"(?m)^\S+\s+abi_mismatch\s")
        # The valid test plugins of that folder are listed next to it.
        self.assertRegex(result.stdout, r"(?m)^connector\s+failing\s")

    def test_plugin_path_from_the_environment(self):
        env = lib.clean_environment(VIGIE_PLUGIN_PATH=lib.PATHS.test_plugins)
        result = lib.run_vigie(["plugins", "list"], env=env)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assertRegex(result.stdout, r"(?m)^indicator\s+throwing\s")


def elf_layout(data):
    """(e_phoff, e_phnum, [(p_type, p_offset, p_filesz)]) of a 64-bit
    little-endian ELF file's bytes."""
    phoff, = struct.unpack_from("<Q", data, 32)
    phentsize, phnum = struct.unpack_from("<HH", data, 54)
    segments = []
    for i in range(phnum):
        p_type, _, p_offset = struct.unpack_from("<IIQ", data,
                                                 phoff + i * phentsize)
        p_filesz, = struct.unpack_from("<Q", data, phoff + i * phentsize + 32)
        segments.append((p_type, p_offset, p_filesz))
    return phoff, phnum, segments


class PluginFolderTest(unittest.TestCase):
    """Bad files and unsafe folders on --plugin-path: each is refused with
    its reason, and no command dies of it (a truncated library used to kill
    every command with SIGBUS inside dlopen)."""

    def setUp(self):
        self.dir = lib.make_temp_dir("plugin-folder")  # mode 0700
        self.addCleanup(lib.remove_temp_dir, self.dir)
        self.memory = (pathlib.Path(lib.PATHS.test_plugins)
                       / "vigie_memory.so").read_bytes()

    def list_plugins(self):
        result = lib.run_vigie(["plugins", "list", "--plugin-path", self.dir])
        self.assertEqual(result.returncode, 0, lib.describe(result))
        return result

    def refusal(self, result, file_name):
        lines = [line for line in result.stderr.splitlines()
                 if line.startswith("refused: ") and f"/{file_name}:" in line]
        self.assertEqual(len(lines), 1, lib.describe(result))
        return lines[0]

    def test_truncated_plugins_are_listed_as_refused(self):
        phoff, phnum, segments = elf_layout(self.memory)
        load_end = max(offset + size for kind, offset, size in segments
                       if kind == 1)  # PT_LOAD
        cuts = {"vigie_header.so": 40,
                "vigie_phdrs.so": phoff + 56 + 10,
                "vigie_segment.so": load_end - 100}
        for name, size in cuts.items():
            (self.dir / name).write_bytes(self.memory[:size])
        result = self.list_plugins()
        self.assertIn("truncated: the ELF header needs 64 bytes but the file "
                      "has 40 bytes", self.refusal(result, "vigie_header.so"))
        self.assertIn(f"truncated: the program headers end at byte "
                      f"{phoff + 56 * phnum}",
                      self.refusal(result, "vigie_phdrs.so"))
        self.assertRegex(self.refusal(result, "vigie_segment.so"),
                         rf"truncated: segment \d+ \(PT_LOAD\) ends at byte "
                         rf"\d+ but the file has {load_end - 100} bytes")
        # The built-in plugins are listed all the same.
        self.assertRegex(result.stdout, r"(?m)^connector\s+csv\s")

    def test_files_that_are_no_library_for_this_engine_say_why(self):
        (self.dir / "vigie_empty.so").write_bytes(b"")
        (self.dir / "vigie_text.so").write_text("not a library\n")
        foreign = bytearray(self.memory)
        struct.pack_into("<H", foreign, 18, 183)  # e_machine: AArch64
        (self.dir / "vigie_foreign.so").write_bytes(bytes(foreign))
        shutil.copy(pathlib.Path(lib.PATHS.test_plugins)
                    / "vigie_unresolved.so", self.dir)
        result = self.list_plugins()
        self.assertIn("empty file (0 bytes)",
                      self.refusal(result, "vigie_empty.so"))
        self.assertIn("does not start with the ELF magic number",
                      self.refusal(result, "vigie_text.so"))
        self.assertIn("built for another machine: AArch64 (e_machine 183)",
                      self.refusal(result, "vigie_foreign.so"))
        self.assertIn("undefined symbol: vigie_testing_function_nobody_defines",
                      self.refusal(result, "vigie_unresolved.so"))
        self.assertNotIn("Bad file descriptor", result.stderr)

    def test_a_spec_naming_a_refused_plugin_says_why(self):
        (self.dir / "vigie_memory.so").write_bytes(self.memory[:2000])
        spec = lib.write_spec(self.dir / "spec.yaml", MEMORY_SPEC)
        result = lib.run_vigie(["validate", spec, "--plugin-path", self.dir])
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertRegex(
            result.stderr,
            r"spec\.yaml:\d+:\d+: .*connector 'memory' was not loaded: "
            r"plugin \S+/vigie_memory\.so: cannot be loaded: truncated")
        # `plugins info` names the refusal too, as a plugin error.
        result = lib.run_vigie(["plugins", "info", "memory", "--plugin-path",
                                self.dir])
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assertIn("vigie_memory.so: cannot be loaded: truncated",
                      result.stderr)

    def test_a_folder_writable_by_others_is_refused(self):
        (self.dir / "vigie_memory.so").write_bytes(self.memory)
        os.chmod(self.dir, 0o777)
        result = self.list_plugins()
        line = self.refusal(result, "vigie_memory.so")
        self.assertIn(f"the plugin folder {self.dir} is writable by anyone "
                      f"(mode 0777)", line)
        self.assertIn(f"chmod go-w {self.dir}", line)
        self.assertNotRegex(result.stdout, r"(?m)^connector\s+memory\s")
        os.chmod(self.dir, 0o755)
        result = self.list_plugins()
        self.assertRegex(result.stdout, r"(?m)^connector\s+memory\s")

    def test_a_second_plugin_of_a_name_is_reported(self):
        built_in = pathlib.Path(lib.PATHS.vigie).parent / "plugins"
        shutil.copy(built_in / "vigie_csv.so", self.dir)
        result = self.list_plugins()
        self.assertIn(f"two plugins are named 'csv': {self.dir}/vigie_csv.so "
                      f"is used, {built_in}/vigie_csv.so (found later) is "
                      f"ignored", result.stderr)


# A spec whose only source is read by the memory test plugin.
MEMORY_SPEC = """\
report:
  id: memory
  title: "Memory"
sources:
  - id: mem
    connector: memory
    dataset: orders
    config: {columns: [order_id]}
kpis:
  - {id: orders, indicator: customer_base}
sections:
  - title: "S"
    blocks:
      - tiles: [orders]
"""


class ValidateTest(unittest.TestCase):
    # Values that come through the environment; none may be printed.
    SECRETS = {"SERIES_TEXT": "Hunter2-series-9f1c",
               "DB_SECRET": "/srv/Hunter2-db-77aa.sqlite",
               "PW_SECRET": "Hunter2-password-5e3b"}

    # Eight mistakes, one a line; their positions are checked below.
    SPEC = """\
report:
  id: broken
  title: "Broken"
  series: ${SERIES_TEXT}
  comparison: sideways
sources:
  - id: crm
    connector: crm_sql
    dataset: orders
    config: {url: "sqlite3://db=${DB_SECRET}", table: orders, pasword: "${PW_SECRET}"}
  - id: web
    connector: csvv
    dataset: web_events
kpis:
  - {id: revenu, indicator: customer_base}
  - {id: orders, indicator: customer_base, target: {value: 10, direction: up}}
sections:
  - title: "S"
    blocks:
      - tiles: [orders]
outputs: {pdf: maybe}
"""

    def setUp(self):
        self.dir = lib.make_temp_dir("validate")
        self.addCleanup(lib.remove_temp_dir, self.dir)

    def validate(self, text, name="broken.yaml"):
        spec = lib.write_spec(self.dir / name, text)
        env = lib.clean_environment(**self.SECRETS)
        return lib.run_vigie(["validate", spec.name], env=env, cwd=self.dir)

    def test_every_error_is_reported_with_its_position(self):
        result = self.validate(self.SPEC)
        self.assertEqual(result.returncode, 2, lib.describe(result))
        errors = [line for line in result.stderr.splitlines()
                  if line.startswith("broken.yaml:")]
        for line in errors:
            self.assertRegex(line, r"^broken\.yaml:\d+:\d+: \S+: ")
        positions = {tuple(map(int, line.split(":")[1:3])) for line in errors}
        # (line, column) of each mistaken value, counted from 1 in SPEC:
        # `series` value at 4:11, `sideways` 5:15, the `pasword` key 10:63,
        # `csvv` 12:16, `revenu` 15:10, `up` 16:75, `maybe` 21:16.
        for where in [(4, 11), (5, 15), (10, 63), (12, 16), (15, 10),
                      (16, 75), (21, 16)]:
            self.assertIn(where, positions, result.stderr)

    def test_misspelt_names_come_with_a_suggestion(self):
        result = self.validate(self.SPEC)
        self.assertIn("did you mean 'password'?", result.stderr)
        self.assertIn("did you mean 'csv'?", result.stderr)
        self.assertIn("did you mean 'revenue'?", result.stderr)

    def test_values_from_the_environment_are_never_printed(self):
        result = self.validate(self.SPEC)
        output = result.stdout + result.stderr
        for name, value in self.SECRETS.items():
            self.assertNotIn(value, output, name)
        self.assertNotIn("Hunter2", output)
        # The message still says what is wrong with the value.
        self.assertRegex(result.stderr,
                         r"broken\.yaml:4:11: report\.series: .*environment")

    def test_an_unset_variable_is_named(self):
        text = self.SPEC.replace("${SERIES_TEXT}", "${VIGIE_IT_UNSET_VAR}")
        result = self.validate(text)
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertRegex(result.stderr,
                         r"broken\.yaml:4:\d+: .*VIGIE_IT_UNSET_VAR")

    def test_a_yaml_syntax_error_is_reported_at_its_position(self):
        result = self.validate("report:\n  id: [unclosed\n  title: x\n")
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertRegex(result.stderr, r"broken\.yaml:\d+:\d+: ")

    def test_a_tab_in_the_indentation_is_named(self):
        result = self.validate("report:\n  id: r\n\ttitle: T\n")
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertIn("broken.yaml:3:1: invalid YAML: a tab character is "
                      "used for indentation; YAML indents with spaces",
                      result.stderr)

    def test_an_unclosed_quote_is_reported_where_it_opens(self):
        result = self.validate("report:\n  id: r\n  title: \"Monthly\n"
                               "sources: []\n")
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertIn("broken.yaml:3:10: invalid YAML: the quote (\") "
                      "opened here is never closed", result.stderr)

    def test_an_alias_bomb_is_stopped_at_the_alias(self):
        # Nine levels of ten aliases in a map parameter: 10^9 values.
        lines = ["    l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in range(1, 9):
            aliases = ", ".join([f"*l{level - 1}"] * 10)
            lines.append(f"    l{level}: &l{level} [{aliases}]")
        text = ("report: {id: r, title: T}\nsources: []\n"
                "kpis:\n  - {id: self_care_savings, indicator: self_care}\n"
                "sections: []\nparameters:\n  action_costs:\n"
                + "\n".join(lines) + "\n")
        result = self.validate(text)
        self.assertEqual(result.returncode, 2, lib.describe(result))
        # Line 12 is level 4, whose 8th alias (column 49) passes the bound.
        self.assertIn("broken.yaml:12:49: aliases expand the document by "
                      "more than 100000 nodes", result.stderr)

    def test_a_spec_over_one_mebibyte_is_refused_by_name(self):
        text = "report: {id: r, title: T}\n" + "# padding\n" * 200000
        result = self.validate(text)
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertRegex(result.stderr,
                         r"broken\.yaml: the spec is \S+ MiB \(2000026 "
                         r"bytes\); a spec may be at most 1 MiB")

    def test_series_locale_and_nested_map_parameters_are_checked(self):
        text = ("report: {id: r, title: T, series: 100000, locale: en_GX}\n"
                "sources: []\n"
                "kpis:\n  - {id: self_care_savings, indicator: self_care}\n"
                "sections: []\n"
                "parameters:\n  action_costs:\n    call: {cost: 4}\n")
        result = self.validate(text)
        self.assertEqual(result.returncode, 2, lib.describe(result))
        # "report: {id: r, title: T, series: " is 34 characters.
        self.assertIn("broken.yaml:1:35: report.series: expected between 1 "
                      "and 120 periods", result.stderr)
        self.assertIn("broken.yaml:1:51: report.locale: expected one of "
                      "fr_FR, fr, en_GB, en_US, en, got 'en_GX'; did you "
                      "mean 'en_GB'?", result.stderr)
        self.assertIn("broken.yaml:8:11: parameters.action_costs.call: "
                      "expected a single value (a map option holds key: "
                      "value), got a map", result.stderr)

    def test_the_shipped_specs_are_valid(self):
        env = lib.clean_environment(VIGIE_DEMO_DATA=self.dir,
                                    VIGIE_STATE_DB=self.dir / "state.sqlite")
        specs = sorted(lib.source_path("report-specs").glob("*.yaml"))
        self.assertGreaterEqual(len(specs), 2)
        result = lib.run_vigie(["validate"] + specs, env=env)
        self.assertEqual(result.returncode, 0, lib.describe(result))

    # A block naming a column its KPI's table does not declare, over a
    # source file that does not exist: reading it would fail with exit 4.
    WRONG_COLUMN_SPEC = """\
report: {id: wrong_column, title: "W"}
sources:
  - {id: orders, connector: csv, dataset: orders,
     config: {path: /nonexistent/orders.csv}}
kpis:
  - {id: value_segments, indicator: customer_base}
sections:
  - title: "S"
    blocks:
      - bar_chart: {kpi: value_segments, label: segment, value: revenu}
"""

    def test_a_block_naming_an_undeclared_column_fails_before_any_data(self):
        spec = lib.write_spec(self.dir / "wrong_column.yaml",
                              self.WRONG_COLUMN_SPEC)
        env = lib.clean_environment()
        expected = (
            "wrong_column.yaml:10:65: sections[0].blocks[0].bar_chart.value: "
            "KPI 'value_segments' has no column 'revenu'; did you mean "
            "'revenue'? its columns: segment, customers, revenue, "
            "revenue_share, mean_frequency, mean_basket, mean_recency_days")
        result = lib.run_vigie(["validate", spec.name], env=env, cwd=self.dir)
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertIn(expected, result.stderr)
        out = self.dir / "out"
        result = lib.run_vigie(["run", spec.name, "--period", "2026-10",
                                "--out", out, "--quiet"], env=env,
                               cwd=self.dir)
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertIn(expected, result.stderr)
        self.assertNotIn("nonexistent", result.stderr)
        self.assertFalse(out.exists())


class RunPeriodTest(unittest.TestCase):
    """The report period is checked before any data is read: an empty or
    malformed value, or a year outside 1900..2200, is a usage error and
    nothing is written."""

    def setUp(self):
        self.dir = lib.make_temp_dir("run_period")
        self.addCleanup(lib.remove_temp_dir, self.dir)

    def run_with(self, *options):
        env = lib.clean_environment(VIGIE_DEMO_DATA=self.dir)
        spec = lib.source_path("report-specs", "management.yaml")
        out = self.dir / "out"
        result = lib.run_vigie(["run", spec, "--out", out, "--quiet",
                                *options], env=env)
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertFalse(out.exists())
        return result.stderr

    def test_an_empty_period_is_not_the_default_month(self):
        self.assertIn("--period is empty: expected YYYY-MM",
                      self.run_with("--period", ""))
        self.assertIn("--as-of is empty: expected YYYY-MM-DD",
                      self.run_with("--as-of", ""))

    def test_years_outside_1900_to_2200_are_refused(self):
        for period in ["0000-01", "9999-12"]:
            with self.subTest(period=period):
                self.assertIn(f"--period {period}: the year must be between "
                              "1900 and 2200", self.run_with("--period",
                                                             period))
        self.assertIn("--period expects YYYY-MM, got '-474-11'",
                      self.run_with("--period", "-474-11"))

    def test_the_whole_plan_must_stay_in_range(self):
        # The 12 months of the trend ending in March 1900 start in April
        # 1899.
        self.assertIn("the report's 12 months run from 1899-04 to 1900-03",
                      self.run_with("--period", "1900-03"))


if __name__ == "__main__":
    lib.main()
