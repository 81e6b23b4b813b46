"""What a reader of the output folder finds whatever happens to a run: the
previous report or the new one, whole, never a mix. Runs are killed with
SIGKILL at each stage and during the publication (the test hook
VIGIE_TEST_PAUSE_AT, and strace's fault injection at system calls), two
runs go into one folder, the disk fills up (a small tmpfs when the test
may mount one, and always the LD_PRELOAD library fail_writes.cpp), and
files of an earlier report (page-N.svg, rejects.csv) must not survive
into a new one."""

import csv
import json
import os
import pathlib
import shutil
import signal
import subprocess
import time
import unittest

import vigie_testlib as lib

# A report of one CSV source of canonical orders; {blocks} sets its length.
SPEC = """\
report:
  id: reliability
  title: "Rapport de fiabilité"
  time_zone: Europe/Paris
  reject_threshold: 0.01
  series: 6
sources:
  - id: shop_orders
    connector: csv
    dataset: orders
    config: {{path: "{path}"}}
kpis:
  - {{id: revenue, indicator: customer_base, label: "Chiffre d'affaires"}}
  - {{id: orders, indicator: customer_base, label: "Commandes"}}
  - {{id: buyers, indicator: customer_base, label: "Acheteurs"}}
sections:
  - title: "Ventes"
    blocks:
{blocks}
outputs: {{pdf: true, svg: {svg}, json: true, lists: false}}
"""
SHORT = "      - tiles: [revenue, orders]"
# Enough charts for several pages.
LONG = "\n".join([SHORT] + ["      - line_chart: revenue",
                            "      - line_chart: orders",
                            "      - line_chart: buyers"] * 3)

PREVIOUS_PERIOD = "2026-09"
NEW_PERIOD = "2026-10"
LABELS = {"2026-09": "septembre 2026", "2026-10": "octobre 2026"}
MARKER = ".vigie-report"
NO_SPACE = "No space left on device"

# Where a run can be stopped, in the order a run reaches them: each
# progress stage, then the steps of the publication.
STAGES = ["loading plugins", "reading the spec",
          "reading shop_orders (orders)", "computing the KPIs", "rendering",
          "exporting", "publishing", "publish:staged"]
# Past this point the new report is in place.
AFTER_SWAP = "publish:swapped"


def write_orders(path, bad_every=0):
    """Order lines from July to October 2026, so that both periods and
    their comparisons have figures; with `bad_every`, one line in that many
    has an amount that is no number (a reject)."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["order_id", "customer_id", "ordered_at", "amount"])
        i = 0
        for month in (7, 8, 9, 10):
            for day in range(1, 29):
                for _ in range(4):
                    bad = bad_every and i % bad_every == bad_every - 1
                    out.writerow([f"O{i:05d}", f"K{i % 37:03d}",
                                  f"2026-{month:02d}-{day:02d}T10:00:00",
                                  "12,50 EUR" if bad else f"{10 + i % 7}.25"])
                    i += 1
    return path


def process_state(pid):
    """The state letter of /proc/<pid>/stat ('T' when stopped)."""
    with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
        return f.read().rsplit(")", 1)[1].split()[0]


def full_disk_environment(file_name):
    """The environment of a run whose writes to `file_name` fail with
    ENOSPC (the LD_PRELOAD library fail_writes.cpp). In the sanitizer
    build, ASan must accept a library loaded before it."""
    return lib.clean_environment(
        LD_PRELOAD=lib.PATHS.fail_writes, FAIL_WRITES_TO=file_name,
        ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "")
        + ":verify_asan_link_order=0")


class ReliabilityTest(unittest.TestCase):

    def setUp(self):
        self.dir = lib.make_temp_dir("reliability")
        self.addCleanup(lib.remove_temp_dir, self.dir)
        self.orders = write_orders(self.dir / "orders.csv")
        self.out = self.dir / "out"

    # ---- helpers -------------------------------------------------------

    def spec(self, orders=None, blocks=LONG, svg=True, name="spec.yaml"):
        text = SPEC.format(path=orders or self.orders, blocks=blocks,
                           svg="true" if svg else "false")
        return lib.write_spec(self.dir / name, text)

    def args(self, spec, period, out=None):
        return ["run", spec, "--period", period, "--out", out or self.out,
                "-q"]

    def run_ok(self, spec, period, out=None, env=None):
        result = lib.run_vigie(self.args(spec, period, out), env=env)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        return result

    def start_paused(self, spec, period, point, out=None):
        """Starts a run that stops itself at `point`; returns the process
        once it is stopped there."""
        env = lib.clean_environment(VIGIE_TEST_PAUSE_AT=point)
        process = subprocess.Popen(
            [lib.PATHS.vigie] + [str(a) for a in self.args(spec, period, out)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, errors="replace")
        self.addCleanup(self.reap, process)
        line = process.stderr.readline()
        self.assertIn(f"vigie: paused at {point} (pid {process.pid})", line,
                      f"the run did not stop at {point}: {line}"
                      f"{process.stderr.read() if process.poll() is not None else ''}")
        deadline = time.monotonic() + 30
        while process_state(process.pid) != "T":
            self.assertLess(time.monotonic(), deadline, "never stopped")
            time.sleep(0.01)
        return process

    @staticmethod
    def reap(process):
        if process.poll() is None:
            process.kill()
        process.communicate()

    def kill(self, process):
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        self.assertEqual(process.returncode, -signal.SIGKILL)

    def report(self, out=None):
        """Checks that `out` holds one whole report and returns its period:
        the files are exactly those its marker lists, kpis.json and the PDF
        are of the same period, one SVG a PDF page."""
        out = pathlib.Path(out or self.out)
        marker = (out / MARKER).read_text(encoding="utf-8").splitlines()
        listed = {line for line in marker if not line.startswith("#")}
        present = {str(p.relative_to(out)) for p in out.rglob("*")
                   if p.is_file()} - {MARKER}
        self.assertEqual(present, listed, f"{out} is not the report it lists")
        with open(out / "kpis.json", encoding="utf-8") as f:
            period = json.load(f)["report"]["period"]["id"]
        text = lib.pdf_text(out / "report.pdf")
        self.assertIn(LABELS[period], text)
        for other, label in LABELS.items():
            # The September report compares with August: no October.
            if other > period:
                self.assertNotIn(label, text)
        svgs = sorted(p.name for p in out.glob("page-*.svg"))
        if svgs:
            pages = lib.pdf_page_count(out / "report.pdf")
            self.assertEqual(svgs, sorted(f"page-{i}.svg"
                                          for i in range(1, pages + 1)))
        return period

    def leftovers(self):
        """What runs left beside the report: staging folders, folders put
        aside, evidence."""
        return sorted(p.name for p in self.dir.iterdir()
                      if p.name.startswith(".out.vigie-staging-")
                      or p.name.startswith(".out.vigie-previous-"))

    def previous_report(self, spec=None, out=None):
        self.run_ok(spec or self.spec(), PREVIOUS_PERIOD, out)
        self.assertEqual(self.report(out), PREVIOUS_PERIOD)

    # ---- kill -9 -------------------------------------------------------

    def test_a_run_killed_at_any_stage_leaves_a_whole_report(self):
        spec = self.spec()
        self.previous_report(spec)
        for point in STAGES:
            with self.subTest(killed_at=point):
                run = self.start_paused(spec, NEW_PERIOD, point)
                self.kill(run)
                self.assertEqual(self.report(), PREVIOUS_PERIOD)
                # The killed run left its staging folder, and only it: each
                # run removes those of the runs killed before it.
                self.assertEqual(self.leftovers(),
                                 [f".out.vigie-staging-{run.pid}"])
        run = self.start_paused(spec, NEW_PERIOD, AFTER_SWAP)
        self.kill(run)
        self.assertEqual(self.report(), NEW_PERIOD)
        # The previous report, under the staging name since the exchange.
        self.assertEqual(self.leftovers(), [f".out.vigie-staging-{run.pid}"])
        self.run_ok(spec, PREVIOUS_PERIOD)
        self.assertEqual(self.report(), PREVIOUS_PERIOD)
        self.assertEqual(self.leftovers(), [])

    def test_a_run_killed_at_a_system_call_leaves_a_whole_report(self):
        """strace kills the run as it enters a system call: the exchange of
        the folders, the removal of the old one, the syncs, and writes at
        several points of the run."""
        strace = shutil.which("strace")
        if strace is None:
            self.skipTest("strace is not installed")
        probe = subprocess.run([strace, "-o", "/dev/null", "true"],
                               capture_output=True)
        if probe.returncode != 0:
            self.skipTest("strace cannot trace here (ptrace refused): "
                          + probe.stderr.decode(errors="replace"))
        spec = self.spec()
        self.previous_report(spec)
        # First, while nothing is left beside the report: the first removal
        # of the run is then that of the old report.
        cases = [("unlink,unlinkat,rmdir", 1), ("renameat2", 1), ("fsync", 1),
                 ("fsync", 5)]
        # strace counts the calls of each thread: the SVG pages are written
        # on a thread of their own (about 11 writes, 64 KiB buffers), the
        # main thread writes report.pdf, kpis.json, the marker, then its
        # line on stdout.
        cases += [("write", n) for n in (1, 2, 4, 6, 8, 10, 12)]
        for call, when in cases:
            with self.subTest(call=call, when=when):
                result = subprocess.run(
                    [strace, "-f", "-o", "/dev/null", "-e", f"trace={call}",
                     "-e", f"inject={call}:signal=SIGKILL:when={when}",
                     lib.PATHS.vigie] + [str(a) for a in
                                         self.args(spec, NEW_PERIOD)],
                    env=lib.clean_environment(), capture_output=True,
                    text=True, errors="replace", timeout=300)
                # strace ends with the signal that ended its tracee, or 0
                # when the run ended before the n-th call.
                killed = -signal.SIGKILL
                self.assertIn(result.returncode, (0, killed), result.stderr)
                period = self.report()
                if result.returncode == 0:
                    self.assertEqual(period, NEW_PERIOD)
                if call == "write" and when <= 4:
                    # Both threads write that often: the kill is real.
                    self.assertEqual(result.returncode, killed)
                    self.assertEqual(period, PREVIOUS_PERIOD)
                if call == "renameat2":
                    # Killed before the exchange: the previous report.
                    self.assertEqual(result.returncode, killed)
                    self.assertEqual(period, PREVIOUS_PERIOD)
                if call.startswith("unlink"):
                    # Killed while removing the old report: the new one.
                    self.assertEqual(result.returncode, killed)
                    self.assertEqual(period, NEW_PERIOD)
                if period == NEW_PERIOD:
                    # Back to the previous report for the next case.
                    self.run_ok(spec, PREVIOUS_PERIOD)
        self.run_ok(spec, NEW_PERIOD)
        self.assertEqual(self.leftovers(), [])

    # ---- two runs, one folder ------------------------------------------

    def test_a_second_run_into_the_same_folder_fails_at_once(self):
        spec = self.spec()
        self.previous_report(spec)
        first = self.start_paused(spec, NEW_PERIOD, "computing the KPIs")
        started = time.monotonic()
        second = lib.run_vigie(self.args(spec, PREVIOUS_PERIOD), timeout=60)
        self.assertLess(time.monotonic() - started, 30, "it waited")
        self.assertEqual(second.returncode, 5, lib.describe(second))
        self.assertIn(f"another vigie run (pid {first.pid}) is writing "
                      f"{self.out}", second.stderr)
        # The first run goes on and publishes its report, whole.
        first.send_signal(signal.SIGCONT)
        _, stderr = first.communicate(timeout=120)
        self.assertEqual(first.returncode, 0, stderr)
        self.assertEqual(self.report(), NEW_PERIOD)
        self.assertEqual(self.leftovers(), [])

    def test_runs_started_together_never_mix_their_reports(self):
        spec = self.spec()
        for attempt in range(2):
            with self.subTest(attempt=attempt):
                runs = [subprocess.Popen(
                    [lib.PATHS.vigie] + [str(a) for a in
                                         self.args(spec, period)],
                    env=lib.clean_environment(), stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE, text=True)
                    for period in (PREVIOUS_PERIOD, NEW_PERIOD)]
                codes = []
                for run in runs:
                    _, stderr = run.communicate(timeout=120)
                    codes.append(run.returncode)
                    if run.returncode == 5:
                        self.assertIn("another vigie run", stderr)
                    else:
                        self.assertEqual(run.returncode, 0, stderr)
                self.assertIn(0, codes)
                self.report()
        self.assertEqual(self.leftovers(), [])

    # ---- nothing of an earlier report ----------------------------------

    def test_fewer_pages_or_no_svg_leave_no_old_page(self):
        self.previous_report(self.spec())
        long_pages = lib.pdf_page_count(self.out / "report.pdf")
        self.assertGreater(long_pages, 1)
        self.run_ok(self.spec(blocks=SHORT), NEW_PERIOD)
        self.report()
        short_pages = lib.pdf_page_count(self.out / "report.pdf")
        self.assertLess(short_pages, long_pages)
        self.assertEqual(len(list(self.out.glob("page-*.svg"))), short_pages)
        self.run_ok(self.spec(svg=False), NEW_PERIOD)
        self.report()
        self.assertEqual(list(self.out.glob("page-*.svg")), [])

    def test_a_clean_run_keeps_no_old_rejects(self):
        # 448 lines, one in 150 bad: 2 rejects, under the 1% threshold.
        few = write_orders(self.dir / "few.csv", bad_every=150)
        self.run_ok(self.spec(orders=few), NEW_PERIOD)
        self.assertTrue((self.out / "rejects.csv").is_file())
        self.report()
        self.run_ok(self.spec(), NEW_PERIOD)
        self.report()
        self.assertFalse((self.out / "rejects.csv").exists())

    def test_too_many_rejects_leave_the_report_and_put_the_rows_beside(self):
        spec = self.spec()
        self.previous_report(spec)
        before = sorted(self.out.rglob("*"))
        # One line in 20 bad: 5%, over the 1% threshold.
        many = write_orders(self.dir / "many.csv", bad_every=20)
        result = lib.run_vigie(self.args(self.spec(orders=many, name="bad.yaml"),
                                         NEW_PERIOD))
        self.assertEqual(result.returncode, 3, lib.describe(result))
        evidence = self.dir / "out.rejects.csv"
        self.assertIn(f"the rejected rows are in {evidence}", result.stderr)
        self.assertEqual(self.report(), PREVIOUS_PERIOD)
        self.assertEqual(sorted(self.out.rglob("*")), before)
        with open(evidence, newline="", encoding="utf-8") as f:
            self.assertEqual(len(list(csv.DictReader(f))), 448 // 20)
        # The next report published removes the evidence of the failure.
        self.run_ok(spec, NEW_PERIOD)
        self.assertFalse(evidence.exists())
        self.assertEqual(self.leftovers(), [])

    # ---- a folder that is not Vigie's ----------------------------------

    def test_a_folder_of_other_files_is_never_replaced(self):
        self.out.mkdir()
        (self.out / "notes.txt").write_text("mine")
        result = lib.run_vigie(self.args(self.spec(), NEW_PERIOD))
        self.assertEqual(result.returncode, 5, lib.describe(result))
        self.assertIn("not a Vigie report", result.stderr)
        self.assertEqual([p.name for p in self.out.iterdir()], ["notes.txt"])

    # ---- a full disk ---------------------------------------------------

    def check_full_disk(self, result, file_name, out=None):
        """Exit 5, the file and the system's reason named, and the
        previous report whole."""
        self.assertEqual(result.returncode, 5, lib.describe(result))
        self.assertIn(file_name, result.stderr)
        self.assertIn(NO_SPACE, result.stderr)
        self.assertEqual(self.report(out), PREVIOUS_PERIOD)

    def test_a_write_refused_with_enospc_keeps_the_previous_report(self):
        if not lib.PATHS.fail_writes:
            self.skipTest("no --fail-writes library given")
        spec = self.spec()
        few = self.spec(orders=write_orders(self.dir / "few.csv", 150),
                        name="few.yaml")
        many = self.spec(orders=write_orders(self.dir / "many.csv", 20),
                         name="many.yaml")
        self.previous_report(spec)
        cases = [(spec, "report.pdf"), (spec, "page-2.svg"),
                 (spec, "kpis.json"), (few, "rejects.csv"),
                 (spec, MARKER)]
        for run_spec, file_name in cases:
            with self.subTest(file=file_name):
                env = full_disk_environment(file_name)
                result = lib.run_vigie(self.args(run_spec, NEW_PERIOD),
                                       env=env)
                self.check_full_disk(result, file_name)
                self.assertEqual(self.leftovers(), [])
        with self.subTest(file="out.rejects.csv"):
            env = full_disk_environment("rejects.csv")
            result = lib.run_vigie(self.args(many, NEW_PERIOD), env=env)
            self.check_full_disk(result, "rejects.csv")
            self.assertIn("the run had stopped because", result.stderr)
            self.assertFalse((self.dir / "out.rejects.csv").exists())

    def test_a_full_file_system_keeps_the_previous_report(self):
        mount = self.dir / "small"
        mount.mkdir()
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m",
                                 "tmpfs", str(mount)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            self.skipTest("cannot mount a tmpfs here (needs root or "
                          f"CAP_SYS_ADMIN): {result.stderr.strip()}")
        self.addCleanup(subprocess.run, ["umount", "-l", str(mount)])
        # The mount point itself cannot be swapped: refused at once.
        result = lib.run_vigie(self.args(self.spec(), NEW_PERIOD, mount))
        self.assertEqual(result.returncode, 5, lib.describe(result))
        self.assertIn(f"{mount} is a mount point", result.stderr)
        out = mount / "out"
        spec = self.spec()
        many = self.spec(orders=write_orders(self.dir / "many.csv", 20),
                         name="many.yaml")
        self.run_ok(spec, PREVIOUS_PERIOD, out)
        self.assertEqual(self.report(out), PREVIOUS_PERIOD)
        # Fill what is left of the file system.
        with open(mount / "filler", "wb") as filler:
            try:
                while True:
                    filler.write(b"\0" * 65536)
                    filler.flush()
            except OSError:
                pass
        result = lib.run_vigie(self.args(spec, NEW_PERIOD, out))
        self.check_full_disk(result, str(mount), out)
        result = lib.run_vigie(self.args(many, NEW_PERIOD, out))
        self.check_full_disk(result, "rejects.csv", out)
        self.assertIn("the run had stopped because", result.stderr)
        self.assertEqual(sorted(p.name for p in mount.iterdir()),
                         [".out.vigie-lock", "filler", "out"])
        # With room again, the next run publishes.
        (mount / "filler").unlink()
        self.run_ok(spec, NEW_PERIOD, out)
        self.assertEqual(self.report(out), NEW_PERIOD)


def setUpModule():
    """In the sanitizer build, LeakSanitizer's check at exit is off for
    these runs (ASan and UBSan stay on). Its tracer thread, which stops the
    process with ptrace to scan it, crashed about once in 300 runs here
    ("Tracer caught signal 11 ... LeakSanitizer has encountered a fatal
    error"), and it cannot work at all in a run traced by strace, as the
    fault injections are. This script starts some 50 runs; the leaks of
    the same code paths stay checked by the unit tests (ReportFolderTest,
    FileWriter with /dev/full) and the other integration scripts."""
    options = os.environ.get("ASAN_OPTIONS", "")
    os.environ["ASAN_OPTIONS"] = options + ":detect_leaks=0"


if __name__ == "__main__":
    lib.main()
