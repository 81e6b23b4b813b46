"""`vigie plugins new`: what an IT team does with an installed Vigie.

Vigie is installed into a temporary prefix (`cmake --install`); the
prefix's own `vigie`, in a clean environment, writes a connector project
and an indicator project; each is built against the prefix with CMake
(warnings as errors), its test passes with ctest, and the prefix's `vigie`
loads the module with `plugins info --plugin-path` and runs the report of
its README.md (the spec block of "Try it in a report", as printed) with it.
The figures of those reports are the README's, which come from the sample
files counted by hand:

- connector: tests/data/sample_calls.csv has 4 rows (lines 2, 3, 4, 6), the
  row of line 4 a field too many: offered 3 (C001, C002, C004), answered 2,
  abandoned 1, one reject at line 4;
- indicator: tests/data/sample_calls.csv has 5 calls in October 2026 whose
  waits are 12, 75, 130, none and 60 s, and one in September of 61 s:
  long_waits (> 60 s) is 2 for October and 1 for September.

Bad names, an unknown kind, a name taken by an installed plugin and an
existing folder are refused with exit 2, writing nothing.

The projects are named with six letters (ticket, queues), as long as the
templates' `@name@`, so that the written C++ keeps the templates' layout:
it must pass the repository's clang-format check as it is written.
"""

import csv
import json
import pathlib
import re
import shutil
import subprocess
import sys
import unittest

import vigie_testlib as lib



def run(args, cwd=None, timeout=600, env=None):
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env,
                          capture_output=True, text=True, errors="replace",
                          timeout=timeout)


def must(result):
    """The result of a tool that must succeed."""
    if result.returncode != 0:
        raise AssertionError(lib.describe(result))
    return result


def readme_spec(project):
    """The YAML block of the README's "Try it in a report"."""
    text = (project / "README.md").read_text(encoding="utf-8")
    section = text.split("## 2. Try it in a report", 1)[1]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


class PluginScaffoldTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("scaffold")
        cls.addClassCleanup(lib.remove_temp_dir, cls.dir)
        cls.prefix = cls.dir / "prefix"
        must(run(["cmake", "--install", lib.PATHS.build_dir,
                  "--prefix", cls.prefix]))
        cls.vigie = cls.prefix / "bin" / "vigie"
        cls.env = lib.clean_environment()
        cls.projects = cls.dir / "projects"
        cls.projects.mkdir()

    def vigie_in(self, cwd, *args):
        """The prefix's vigie, in a clean environment."""
        return run([self.vigie, *args], cwd=cwd, env=self.env)

    def scaffold_build_and_test(self, kind, name):
        """Writes the project, builds it against the prefix and runs its
        tests; returns (project folder, ctest output)."""
        result = self.vigie_in(self.projects, "plugins", "new", kind, name)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        project = self.projects / name
        self.assertIn(f"{kind} project '{name}' written in {name}",
                      result.stdout)
        self.assertIn(f"-DCMAKE_PREFIX_PATH={self.prefix}", result.stdout)
        build = project / "build"
        must(run(["cmake", "-S", project, "-B", build,
                  f"-DCMAKE_PREFIX_PATH={self.prefix}",
                  "-DCMAKE_BUILD_TYPE=Release",
                  "-DCMAKE_CXX_FLAGS=-Wall -Wextra -Werror"]))
        must(run(["cmake", "--build", build, "-j2"]))
        tested = must(run(["ctest", "--test-dir", build,
                           "--output-on-failure"]))
        self.assertIn("100% tests passed", tested.stdout)
        return project, tested.stdout

    def plugin_info(self, project, name):
        result = self.vigie_in(project, "plugins", "info", name,
                               "--plugin-path", project / "build" / "plugins")
        self.assertEqual(result.returncode, 0, lib.describe(result))
        return result.stdout

    def run_readme_report(self, project):
        (project / "try.yaml").write_text(readme_spec(project),
                                          encoding="utf-8")
        result = self.vigie_in(project, "run", "try.yaml", "--period",
                               "2026-10", "--out", "out", "--plugin-path",
                               project / "build" / "plugins", "-q")
        self.assertEqual(result.returncode, 0, lib.describe(result))
        with open(project / "out" / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def assert_formatted(self, project):
        clang_format = shutil.which("clang-format")
        if clang_format is None:
            self.skipTest("no clang-format")
        style = f"--style=file:{lib.source_path('.clang-format')}"
        for source in sorted(project.rglob("*.[ch]pp")):
            if "build" in source.relative_to(project).parts:
                continue
            result = run([clang_format, style, "--dry-run", "--Werror",
                          source])
            self.assertEqual(result.returncode, 0, lib.describe(result))

    def test_connector_project(self):
        project, tested = self.scaffold_build_and_test("connector", "ticket")
        # The seven tests of the template ran (discovered one by one).
        self.assertIn("0 tests failed out of 7", tested)
        for name in ["CMakeLists.txt", "README.md", ".gitignore",
                     "src/ticket_connector.cpp", "tests/CMakeLists.txt",
                     "tests/ticket_connector_test.cpp",
                     "tests/plugin_loader.hpp", "tests/data/sample_calls.csv"]:
            self.assertTrue((project / name).is_file(), name)
        self.assertEqual(list(project.rglob("*.in")), [])
        self.assertNotIn("@", (project / "src" / "ticket_connector.cpp")
                         .read_text(encoding="utf-8"))

        info = self.plugin_info(project, "ticket")
        module = project / "build" / "plugins" / "vigie_ticket.so"
        self.assertRegex(info.splitlines()[0],
                         rf"^connector +ticket +0\.1\.0 +ABI 1\.2 +"
                         rf"{re.escape(str(module))}$")
        self.assertRegex(info, r"path +string +required")
        self.assertRegex(info, r"delimiter .*\n.*\n +accepts one of ,, ;, tab")

        kpis = self.run_readme_report(project)
        values = {k["id"]: k["value"] for k in kpis["kpis"]}
        self.assertEqual(values, {"offered": 3, "answered": 2,
                                  "abandoned": 1})
        self.assertEqual(kpis["data_quality"]["sources"][0]["rows_read"], 4)
        self.assertEqual(
            kpis["data_quality"]["sources"][0]["rows_rejected"], 1)
        with open(project / "out" / "rejects.csv", encoding="utf-8",
                  newline="") as f:
            rejects = [(r["source"], r["line"], r["reason"])
                       for r in csv.DictReader(f)]
        self.assertEqual(rejects,
                         [("sample", "4", "expected 5 fields, found 6")])
        self.assert_formatted(project)

    def test_indicator_project(self):
        project, tested = self.scaffold_build_and_test("indicator", "queues")
        self.assertIn("0 tests failed out of 5", tested)
        info = self.plugin_info(project, "queues")
        self.assertRegex(info.splitlines()[0],
                         r"^indicator +queues +0\.1\.0 +ABI 1\.2 ")
        self.assertRegex(info, r"threshold_seconds +int +optional, "
                               r"default 60\n.*\n +accepts an integer >= 0")
        self.assertRegex(info, r"long_waits +value +count +Long waits")

        kpis = self.run_readme_report(project)
        [long_waits] = kpis["kpis"]
        self.assertEqual((long_waits["id"], long_waits["value"],
                          long_waits["previous"]), ("long_waits", 2, 1))
        self.assert_formatted(project)

    def test_refusals_write_nothing(self):
        folder = self.dir / "refusals"
        folder.mkdir()
        existing = folder / "taken"
        existing.mkdir()
        (existing / "keep.txt").write_text("mine\n", encoding="utf-8")
        cases = [
            (["connector", "9lives"], "does not start with a lower-case"),
            (["connector", "Tickets"], "does not start with a lower-case"),
            (["connector", "my-tickets"], "holds '-'"),
            (["indicator", "x" * 65], "65 characters, more than 64"),
            (["gadget", "tickets"], "the kind is connector or indicator"),
            # A built-in plugin of the prefix has the name.
            (["connector", "csv"], "a plugin named 'csv' exists already ("
                                   f"{self.prefix}/lib/vigie/plugins/"
                                   "vigie_csv.so)"),
            (["connector", "tickets", "--dir", "taken"],
             "taken exists already: a new project is never written into an "
             "existing folder"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                result = self.vigie_in(folder, "plugins", "new", *args)
                self.assertEqual(result.returncode, 2, lib.describe(result))
                self.assertIn(message, result.stderr)
        self.assertEqual(sorted(p.relative_to(folder).as_posix()
                                for p in folder.rglob("*")),
                         ["taken", "taken/keep.txt"])
        self.assertEqual((existing / "keep.txt").read_text(encoding="utf-8"),
                         "mine\n")


if __name__ == "__main__":
    lib.main()
