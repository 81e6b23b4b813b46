"""`vigie serve` end to end, against a real SMTP server (Debian's aiosmtpd,
tests/support/smtp_sink.py) on a loopback port and, for two schedulers on
several machines, a real PostgreSQL server: each slot runs once, each
recipient gets the report once (the PDF byte-identical), a 451 is retried,
a 550 is recorded with its text, a server down at first gets the message
when it comes back, a scheduler killed mid-delivery is taken over without a
second Message-ID, and a burst delivers each value's report on its own.

Every scheduler here runs with --once (one pass, then exit), except where
a resident one is the point (kill -9, SIGTERM, reloading specs). A slot is
made due by recording, in the state database, that the report has been
served for 40 days: the slot of the 1st at 07:00 was then missed while
nothing ran, and `catch_up: latest` runs it."""

import html as html_module
import json
import re
import pathlib
import signal
import sqlite3
import subprocess
import time
import unittest

import vigie_testlib as lib
from postgres_server import PASSWORD, PG_BIN, PostgresServer

RECIPIENTS = ["ceo@example.com", "cfo@example.com"]


def previous_month():
    """The month the slot of the 1st at 07:00 covers: the one before this
    one (the tests run after 07:00 on the 1st, or any other day)."""
    today = time.gmtime()
    year, month = (today.tm_year, today.tm_mon - 1) if today.tm_mon > 1 \
        else (today.tm_year - 1, 12)
    return f"{year:04d}-{month:02d}"


PERIOD = previous_month()


class Sink:
    """The SMTP server of one test: a process storing what it accepts."""

    def __init__(self, folder, *options, port=None):
        self.folder = pathlib.Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        command = ["/usr/bin/python3",
                   lib.source_path("tests", "support", "smtp_sink.py"),
                   "--dir", self.folder] + list(options)
        if port:
            command += ["--port", str(port)]
        self.process = subprocess.Popen([str(c) for c in command],
                                        stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("PORT "):
            raise RuntimeError(f"the SMTP sink did not start: {line!r}")
        self.port = int(line.split()[1])

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process.stdout.close()

    def messages(self):
        """Each message accepted: its envelope and parts (smtp_sink.py)."""
        out = []
        for summary in sorted(self.folder.glob("*.json")):
            message = json.loads(summary.read_text(encoding="utf-8"))
            message["stem"] = summary.with_suffix("")
            out.append(message)
        return out

    def by_recipient(self):
        counts = {}
        for m in self.messages():
            for to in m["rcpt_tos"]:
                counts.setdefault(to, []).append(m)
        return counts


def watch_spec(folder, port, target, send_when, timeout="10m",
               with_list=False):
    """A one-KPI report (revenue, on a target) sent only when `send_when`
    says so; `with_list` adds a list of inactive customers."""
    list_kpi = "  - {id: alert_1m, indicator: customer_base}\n" if with_list else ""
    list_block = "      - list: alert_1m\n" if with_list else ""
    text = f"""report: {{id: watch, title: "Veille du chiffre d'affaires"}}
sources:
  - {{id: customers, connector: crm_sql, dataset: customers,
     config: {{url: "sqlite3://db=${{VIGIE_DEMO_DATA}}/crm.sqlite",
              table: customers}}}}
  - {{id: orders, connector: crm_sql, dataset: orders,
     config: {{url: "sqlite3://db=${{VIGIE_DEMO_DATA}}/crm.sqlite",
              table: orders}}}}
kpis:
  - id: revenue
    indicator: customer_base
    target: {{value: {target}, direction: higher, alert: {target}}}
{list_kpi}sections:
  - title: CA
    blocks:
      - tiles: [revenue]
{list_block}schedule: {{cron: "0 7 1 * *", max_age: 40d, timeout: {timeout},
           retries: 1, retry_delay: 1s, retry_max_delay: 1s}}
delivery:
  smtp: {{url: "smtp://127.0.0.1:{port}", starttls: never,
         from: "Vigie <reports@vigie.test>"}}
  to: [ceo@example.com]
  send_when: {send_when}
"""
    specs = pathlib.Path(folder) / "specs"
    specs.mkdir(parents=True, exist_ok=True)
    lib.write_spec(specs / "watch.yaml", text)
    return specs


def scheduled_spec(folder, port, extra="", to=RECIPIENTS):
    """management.yaml, scheduled at 07:00 on the 1st, e-mailed through the
    sink; retries within seconds so that the tests need not wait."""
    text = lib.source_path("report-specs", "management.yaml").read_text()
    # Its own schedule and delivery (the demo's) are replaced by the test's.
    text = text[:text.index("\n# Unattended")]
    text += f"""
schedule:
  cron: "0 7 1 * *"
  catch_up: latest
  max_age: 40d
  timeout: 10m
  retries: 2
  retry_delay: 1s
  retry_max_delay: 1s
delivery:
  smtp: {{url: "smtp://127.0.0.1:{port}", starttls: never,
         from: "Vigie <reports@vigie.test>", timeout: 20s}}
  to: [{", ".join(to)}]
""" + extra
    specs = pathlib.Path(folder) / "specs"
    specs.mkdir(parents=True, exist_ok=True)
    lib.write_spec(specs / "management.yaml", text)
    return specs


class ServeTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("serve")
        cls.addClassCleanup(lib.remove_temp_dir, cls.dir)
        cls.data = lib.make_demo_data(cls.dir / "data")
        cls.env = lib.clean_environment(
            VIGIE_DEMO_DATA=cls.data,
            VIGIE_LIST_KEY="vigie-demo-key-not-for-production")
        cls.count = 0

    def setUp(self):
        type(self).count += 1
        self.here = self.dir / f"case-{self.count}"
        self.here.mkdir()
        self.sinks = []

    def tearDown(self):
        for sink in self.sinks:
            sink.stop()

    def sink(self, *options, port=None):
        sink = Sink(self.here / f"mail-{len(self.sinks)}", *options, port=port)
        self.sinks.append(sink)
        return sink

    def state_args(self, specs):
        return ["--specs", specs]

    def missed(self, specs, state=None, report="management"):
        """Records that the report has been served for 40 days."""
        created = lib.run_vigie(["history"] + (["--state", state] if state
                                               else ["--specs", specs]),
                                env=self.env)
        self.assertEqual(created.returncode, 0, lib.describe(created))
        since = int(time.time()) - 40 * 86400
        with sqlite3.connect(specs / "vigie-state.sqlite") as db:
            db.execute("INSERT INTO vigie_reports VALUES (?, ?)",
                       (report, since))

    def serve_once(self, specs, *extra):
        return lib.run_vigie(["serve", "--once", "--specs", specs, "--out",
                              self.here / "reports"] + list(extra),
                             env=self.env)

    def history(self, specs, *extra):
        result = lib.run_vigie(["history", "--specs", specs] + list(extra),
                               env=self.env)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        return result.stdout

    def runs(self, specs):
        with sqlite3.connect(specs / "vigie-state.sqlite") as db:
            return db.execute("SELECT report_id, slot, status, attempts, "
                              "report_dir FROM vigie_runs").fetchall()

    def deliveries(self, specs):
        with sqlite3.connect(specs / "vigie-state.sqlite") as db:
            rows = db.execute("SELECT instance, recipient, status, attempts, "
                              "last_code, last_reply, message_id FROM "
                              "vigie_deliveries").fetchall()
        return {(r[0], r[1]): r[2:] for r in rows}

    def test_the_slot_runs_once_and_each_recipient_gets_it_once(self):
        sink = self.sink()
        specs = scheduled_spec(self.here, sink.port)
        self.missed(specs)
        first = self.serve_once(specs)
        self.assertEqual(first.returncode, 0, lib.describe(first))
        runs = self.runs(specs)
        self.assertEqual(len(runs), 1, runs)
        report_id, slot, status, attempts, report_dir = runs[0]
        self.assertEqual((status, attempts), ("succeeded", 1))
        self.assertTrue(slot.endswith("-01T06:00:00Z"), slot)  # 07:00 CET
        # Once at the server for each recipient, the PDF as written.
        received = sink.by_recipient()
        self.assertEqual(sorted(received), sorted(RECIPIENTS))
        pdf = pathlib.Path(report_dir) / "report.pdf"
        kpis = json.loads((pathlib.Path(report_dir) / "kpis.json").read_text())
        for to, messages in received.items():
            self.assertEqual(len(messages), 1, to)
            parts = messages[0]["parts"]
            attached = [p for p in parts if p.get("filename") == "report.pdf"]
            self.assertEqual(len(attached), 1)
            self.assertEqual(attached[0]["sha256"],
                             lib.sha256_of(pdf), to)
            html = next(p["text"] for p in parts
                        if p["content_type"] == "text/html")
            self.assertIn(kpis["report"]["period"]["label"], html)
            for kpi in list(lib.value_kpis(kpis).values())[:3]:
                self.assertIn(kpi["label"].replace("'", "&#39;"), html)
        # A second pass: the slot is done, nothing is sent again.
        again = self.serve_once(specs)
        self.assertEqual(again.returncode, 0, lib.describe(again))
        self.assertEqual(len(sink.messages()), 2)
        self.assertEqual(len(self.runs(specs)), 1)
        history = self.history(specs)
        self.assertIn("succeeded", history)
        self.assertEqual(history.count("delivered"), 2, history)
        self.assertIn("250 2.0.0 OK", history)

    def test_a_weekly_report_runs_on_monday_for_the_week_before(self):
        sink = self.sink()
        specs = scheduled_spec(self.here, sink.port)
        spec = specs / "management.yaml"
        text = spec.read_text()
        for old, new in [("period: month", "period: week"),
                         ('cron: "0 7 1 * *"', 'cron: "0 7 * * 1"')]:
            self.assertIn(old, text)
            text = text.replace(old, new)
        spec.write_text(text)
        # Monday 26 October 2026, 07:00 in Paris (winter time since the
        # 25th) is 06:00 UTC: 30 seconds later the slot is on time.
        result = self.serve_once(specs, "--as-of", "2026-10-26T06:00:30Z")
        self.assertEqual(result.returncode, 0, lib.describe(result))
        runs = self.runs(specs)
        self.assertEqual(len(runs), 1, runs)
        _, slot, status, _, report_dir = runs[0]
        self.assertEqual((slot, status), ("2026-10-26T06:00:00Z", "succeeded"))
        kpis = json.loads((pathlib.Path(report_dir) / "kpis.json").read_text())
        self.assertEqual(kpis["report"]["period"]["id"], "2026-W43")
        self.assertIn("2026-W43", report_dir)
        self.assertEqual(sorted(sink.by_recipient()), sorted(RECIPIENTS))

    def two_schedulers_at_once(self, specs, *extra):
        commands = [[lib.PATHS.vigie, "serve", "--once", "--specs", str(specs),
                     "--out", str(self.here / "reports")] + list(extra)
                    for _ in range(2)]
        processes = [subprocess.Popen(c, env=self.env, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True)
                     for c in commands]
        for p in processes:
            out, err = p.communicate(timeout=600)
            self.assertEqual(p.returncode, 0, err)

    def test_two_schedulers_on_one_sqlite_file_run_the_slot_once(self):
        sink = self.sink()
        specs = scheduled_spec(self.here, sink.port)
        self.missed(specs)
        self.two_schedulers_at_once(specs)
        self.assertEqual(len(self.runs(specs)), 1)
        received = sink.by_recipient()
        self.assertEqual({to: len(m) for to, m in received.items()},
                         {to: 1 for to in RECIPIENTS})

    def test_a_451_is_retried_and_delivered_once(self):
        sink = self.sink("--rcpt", "cfo@example.com=451,250")
        specs = scheduled_spec(self.here, sink.port)
        self.missed(specs)
        first = self.serve_once(specs)
        self.assertEqual(first.returncode, 0, lib.describe(first))
        state = self.deliveries(specs)
        self.assertEqual(state[("", "ceo@example.com")][0], "delivered")
        status, attempts, code, reply, _ = state[("", "cfo@example.com")]
        self.assertEqual((status, attempts, code), ("pending", 1, 451))
        self.assertIn("Greylisted", reply)
        time.sleep(1.5)  # the back-off: at most 1 s
        second = self.serve_once(specs)
        self.assertEqual(second.returncode, 0, lib.describe(second))
        status, attempts, code, reply, _ = self.deliveries(specs)[
            ("", "cfo@example.com")]
        self.assertEqual((status, attempts, code), ("delivered", 2, 250))
        self.assertEqual({to: len(m) for to, m in sink.by_recipient().items()},
                         {to: 1 for to in RECIPIENTS})

    def test_a_server_down_at_first_gets_it_when_it_comes_back(self):
        down = self.sink("--down")
        specs = scheduled_spec(self.here, down.port)
        self.missed(specs)
        first = self.serve_once(specs)
        self.assertEqual(first.returncode, 0, lib.describe(first))
        for to in RECIPIENTS:
            status, attempts, code, reply, _ = self.deliveries(specs)[("", to)]
            self.assertEqual((status, attempts, code), ("pending", 1, None))
            self.assertIn("connect", reply.lower())
        down.stop()
        back = self.sink(port=down.port)
        time.sleep(1.5)
        second = self.serve_once(specs)
        self.assertEqual(second.returncode, 0, lib.describe(second))
        self.assertEqual({to: len(m) for to, m in back.by_recipient().items()},
                         {to: 1 for to in RECIPIENTS})
        for to in RECIPIENTS:
            self.assertEqual(self.deliveries(specs)[("", to)][:2],
                             ("delivered", 2))

    def test_a_550_is_recorded_as_failed_with_its_text_and_not_retried(self):
        sink = self.sink("--rcpt", "cfo@example.com=550")
        specs = scheduled_spec(self.here, sink.port)
        self.missed(specs)
        self.assertEqual(self.serve_once(specs).returncode, 0)
        time.sleep(1.5)
        self.assertEqual(self.serve_once(specs).returncode, 0)
        state = self.deliveries(specs)
        self.assertEqual(state[("", "ceo@example.com")][0], "delivered")
        status, attempts, code, reply, _ = state[("", "cfo@example.com")]
        self.assertEqual((status, attempts, code), ("failed", 1, 550))
        failed = self.history(specs, "--failed")
        self.assertIn("cfo@example.com", failed)
        self.assertIn("550 5.1.1 Mailbox unknown", failed)
        self.assertNotIn("ceo@example.com", failed)
        self.assertEqual(list(sink.by_recipient()), ["ceo@example.com"])
        # The report of the reporting (report_usage), on this history: the
        # run counts in the month of its slot.
        slot = self.runs(specs)[0][1]
        env = dict(self.env, VIGIE_STATE_DB=specs / "vigie-state.sqlite")
        usage = lib.run_vigie(
            ["run", lib.source_path("report-specs", "report_usage.yaml"),
             "--period", slot[:7], "--out", self.here / "usage"], env=env)
        self.assertEqual(usage.returncode, 0, lib.describe(usage))
        kpis = json.loads((self.here / "usage" / "kpis.json").read_text())
        values = {k: v["value"] for k, v in lib.value_kpis(kpis).items()}
        self.assertEqual(values, {
            "reports_generated": 1, "runs_failed": 0,
            "deliveries_delivered": 1, "deliveries_failed": 1,
            "recipients_reached": 1, "delivery_rate": 0.5})
        table = next(k for k in kpis["kpis"] if k["id"] == "usage_by_report")
        self.assertEqual(table["rows"], [["management", 1, 1, 0, 1, 1, 1]])

    def test_kill_9_mid_delivery_then_a_restart_delivers_without_a_new_id(self):
        # The server stores each message, then waits 4 s before its 250: a
        # scheduler killed then has delivered without knowing it.
        sink = self.sink("--hold-data", "4")
        specs = scheduled_spec(self.here, sink.port)
        self.missed(specs)
        resident = subprocess.Popen(
            [lib.PATHS.vigie, "serve", "--specs", str(specs), "--out",
             str(self.here / "reports"), "--poll", "1s"],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 120
        while not sink.messages() and time.time() < deadline:
            time.sleep(0.1)
        self.assertTrue(sink.messages(), "nothing reached the server")
        resident.kill()
        resident.wait(timeout=10)
        restart = self.serve_once(specs)
        self.assertEqual(restart.returncode, 0, lib.describe(restart))
        self.assertIn("is gone: its runs and e-mails are taken over",
                      restart.stderr)
        received = sink.by_recipient()
        self.assertEqual(sorted(received), sorted(RECIPIENTS))
        for to, messages in received.items():
            ids = {m["message_id"] for m in messages}
            self.assertEqual(len(ids), 1, f"{to}: {ids}")
        for to in RECIPIENTS:
            self.assertEqual(self.deliveries(specs)[("", to)][0], "delivered")
        self.assertEqual(len(self.runs(specs)), 1)

    def test_a_burst_delivers_each_value_on_its_own(self):
        values = {"Bretagne": "bzh@example.com", "Occitanie": "oc@example.com",
                  "Grand Est": "ge@example.com"}
        sink = self.sink("--rcpt", "oc@example.com=550")
        burst = "burst:\n  by: customers.region\n  values:\n" + "".join(
            f'    "{v}": [{to}]\n' for v, to in values.items())
        specs = scheduled_spec(self.here, sink.port, extra=burst, to=[])
        self.missed(specs)
        result = self.serve_once(specs)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        state = self.deliveries(specs)
        self.assertEqual(state[("Bretagne", "bzh@example.com")][0],
                         "delivered")
        self.assertEqual(state[("Grand Est", "ge@example.com")][0],
                         "delivered")
        self.assertEqual(state[("Occitanie", "oc@example.com")][:3],
                         ("failed", 1, 550))
        received = sink.by_recipient()
        self.assertEqual(sorted(received), ["bzh@example.com",
                                            "ge@example.com"])
        # Each value's own report, its value on the cover and in the mail.
        run_dir = pathlib.Path(self.runs(specs)[0][4])
        for value, to in [("Bretagne", "bzh@example.com"),
                          ("Grand Est", "ge@example.com")]:
            message = received[to][0]
            self.assertIn(value, message["subject"])
            pdf = next(p for p in message["parts"]
                       if p.get("filename") == "report.pdf")
            folder = next(d for d in run_dir.iterdir()
                          if d.name.startswith(value.replace(" ", "_")))
            self.assertEqual(pdf["sha256"],
                             lib.sha256_of(folder / "report.pdf"))
            self.assertIn(value, lib.pdf_text(folder / "report.pdf"))
        history = self.history(specs)
        self.assertIn("[Occitanie] oc@example.com", history)

    def test_send_when_alert_sends_only_a_report_in_alert(self):
        # The demo data ends in October: the revenue of the month covered
        # is 0, in alert below a target of 1000, not below a target of 0.
        sink = self.sink()
        for target, sent in [(1000, True), (0, False)]:
            with self.subTest(target=target):
                folder = self.here / f"target-{target}"
                specs = watch_spec(folder, sink.port, target, "alert")
                self.missed(specs, report="watch")
                result = lib.run_vigie(["serve", "--once", "--specs", specs,
                                        "--out", folder / "reports"],
                                       env=self.env)
                self.assertEqual(result.returncode, 0, lib.describe(result))
                history = self.history(specs)
                self.assertIn("succeeded", history)
                if sent:
                    self.assertIn("delivered", history)
                else:
                    self.assertIn("not sent (the report): no KPI in its "
                                  "alert band", history)
                    self.assertNotIn("delivered", history)
        messages = sink.messages()
        self.assertEqual(len(messages), 1)
        text = next(p["text"] for p in messages[0]["parts"]
                    if p["content_type"] == "text/plain")
        # The KPI in alert is listed first, under the title and period.
        alerts = text.replace("\r\n", "\n").split("\n\n")[1]
        self.assertIn("Chiffre d'affaires", alerts)

    def test_a_report_too_large_goes_as_a_link_and_the_history_says_why(self):
        sink = self.sink()
        specs = scheduled_spec(
            self.here, sink.port, to=["ceo@example.com"],
            extra="  max_message_size: 60KB\n"
                  "  report_url: https://reports.example.com/\n")
        self.missed(specs)
        result = self.serve_once(specs)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        message = sink.messages()[0]
        self.assertFalse([p for p in message["parts"] if p.get("filename")])
        self.assertLess(message["size"], 60000)
        html = next(p["text"] for p in message["parts"]
                    if p["content_type"] == "text/html")
        link = f"https://reports.example.com/management/{PERIOD}/report.pdf"
        self.assertIn(link, html_module.unescape(html), "link not in the body")
        history = self.history(specs)
        self.assertRegex(history, r"note: report\.pdf left out: [0-9]+ kB "
                                  r"encoded, over the limit of 60 kB; the "
                                  r"message links to " + re.escape(link))

    def test_sigterm_during_a_run_abandons_it_and_the_next_one_runs_it(self):
        sink = self.sink()
        specs = scheduled_spec(self.here, sink.port)
        self.missed(specs)
        # The run stops itself at this stage (io/pause_point.hpp).
        paused = dict(self.env, VIGIE_TEST_PAUSE_AT="computing the KPIs")
        resident = subprocess.Popen(
            [lib.PATHS.vigie, "serve", "--specs", str(specs), "--out",
             str(self.here / "reports"), "--poll", "1s", "--grace", "1s"],
            env=paused, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True)
        deadline = time.time() + 60
        while not self.runs(specs) and time.time() < deadline:
            time.sleep(0.2)
        time.sleep(2)
        resident.send_signal(signal.SIGTERM)
        _, err = resident.communicate(timeout=60)
        self.assertEqual(resident.returncode, 0, err)
        self.assertIn("abandoned at shutdown", err)
        (_, _, status, attempts, _), = self.runs(specs)
        self.assertEqual((status, attempts), ("abandoned", 1))
        self.assertIn("stopped: the scheduler was shut down",
                      self.history(specs))
        self.assertEqual(sink.messages(), [])
        again = self.serve_once(specs)
        self.assertEqual(again.returncode, 0, lib.describe(again))
        (_, _, status, attempts, _), = self.runs(specs)
        self.assertEqual((status, attempts), ("succeeded", 2))
        self.assertEqual(len(sink.messages()), 2)

    def test_a_run_past_its_time_out_is_stopped_and_tried_again(self):
        sink = self.sink()
        specs = watch_spec(self.here, sink.port, 1000, "always",
                           timeout="2s")
        self.missed(specs, report="watch")
        paused = dict(self.env, VIGIE_TEST_PAUSE_AT="computing the KPIs")
        first = lib.run_vigie(["serve", "--once", "--specs", specs, "--out",
                               self.here / "reports"], env=paused)
        self.assertEqual(first.returncode, 0, lib.describe(first))
        (_, _, status, attempts, _), = self.runs(specs)
        self.assertEqual((status, attempts), ("waiting", 1))
        self.assertIn("stopped after its time-out of 2 s", self.history(specs))
        # The retry must not race the same 2 s on a loaded machine (under
        # the sanitizers a run takes longer): the spec is given room, which
        # a scheduler reads anew at each pass.
        spec = specs / "watch.yaml"
        spec.write_text(spec.read_text().replace("timeout: 2s",
                                                 "timeout: 10m"))
        time.sleep(1.5)
        second = self.serve_once(specs)
        self.assertEqual(second.returncode, 0, lib.describe(second))
        (_, _, status, attempts, _), = self.runs(specs)
        self.assertEqual((status, attempts), ("succeeded", 2))
        self.assertEqual(len(sink.messages()), 1)

    def test_a_spec_error_at_run_time_fails_at_once(self):
        sink = self.sink()
        specs = watch_spec(self.here, sink.port, 1000, "always",
                           with_list=True)
        self.missed(specs, report="watch")
        # The list key is missing: `vigie run` refuses (exit 2), which no
        # retry would change.
        env = {k: v for k, v in self.env.items() if k != "VIGIE_LIST_KEY"}
        result = lib.run_vigie(["serve", "--once", "--specs", specs, "--out",
                                self.here / "reports"], env=env)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        (_, _, status, attempts, _), = self.runs(specs)
        self.assertEqual((status, attempts), ("failed", 1))
        failed = self.history(specs, "--failed")
        self.assertIn("exit 2", failed)
        self.assertIn("VIGIE_LIST_KEY", failed)

    def test_a_burst_takes_its_recipients_from_a_query(self):
        agencies = self.here / "agencies.sqlite"
        with sqlite3.connect(agencies) as db:
            db.execute("CREATE TABLE agency (region TEXT, email TEXT)")
            db.executemany("INSERT INTO agency VALUES (?, ?)", [
                ("Bretagne", "rennes@example.com"),
                ("Bretagne", "brest@example.com"),
                ("Occitanie", "toulouse@example.com"),
                ("Normandie", "caen@example.com")])  # not a value: unused
        sink = self.sink()
        burst = ("burst:\n  by: customers.region\n"
                 "  values: [Bretagne, Occitanie]\n"
                 "  recipients_query:\n"
                 f"    url: \"sqlite3://{agencies}\"\n"
                 "    sql: \"SELECT region, email FROM agency\"\n")
        specs = scheduled_spec(self.here, sink.port, extra=burst,
                               to=["ceo@example.com"])
        self.missed(specs)
        result = self.serve_once(specs)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        received = {to: [m["subject"] for m in ms]
                    for to, ms in sink.by_recipient().items()}
        self.assertEqual(sorted(received), [
            "brest@example.com", "ceo@example.com", "rennes@example.com",
            "toulouse@example.com"])
        self.assertIn("Bretagne", received["rennes@example.com"][0])
        self.assertIn("Occitanie", received["toulouse@example.com"][0])
        # `to` gets every value's report.
        self.assertEqual(len(received["ceo@example.com"]), 2)

    def test_schedule_lists_the_next_runs_in_local_time_and_utc(self):
        specs = scheduled_spec(self.here, 25)
        result = lib.run_vigie(["schedule", specs / "management.yaml",
                                "--count", "3", "--from",
                                "2026-03-01T00:00:00Z"], env=self.env)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        rows = [line.split() for line in result.stdout.splitlines()[2:]]
        # 07:00 in Paris: UTC+1 in winter, UTC+2 from the spring change.
        self.assertEqual(rows, [
            ["2026-03-01", "07:00", "CET", "(+01:00)", "2026-03-01T06:00:00Z",
             "2026-02"],
            ["2026-04-01", "07:00", "CEST", "(+02:00)",
             "2026-04-01T05:00:00Z", "2026-03"],
            ["2026-05-01", "07:00", "CEST", "(+02:00)",
             "2026-05-01T05:00:00Z", "2026-04"]])
        self.assertIn('"0 7 1 * *" in Europe/Paris, covers previous_month, '
                      "catch-up latest (max age 40d)",
                      result.stdout.splitlines()[0])

    def test_send_prints_the_servers_replies(self):
        sink = self.sink("--rcpt", "nobody@example.com=550")
        specs = scheduled_spec(self.here, sink.port)
        ok = lib.run_vigie(["send", specs / "management.yaml", "--to",
                            "it@example.com"], env=self.env)
        self.assertEqual(ok.returncode, 0, lib.describe(ok))
        self.assertRegex(ok.stdout, r"S: 220 ")
        self.assertIn("C: RCPT TO:<it@example.com>", ok.stdout)
        self.assertIn("delivered to it@example.com: 250", ok.stdout)
        refused = lib.run_vigie(["send", specs / "management.yaml", "--to",
                                 "nobody@example.com"], env=self.env)
        self.assertEqual(refused.returncode, 6, lib.describe(refused))
        self.assertIn("S: 550 5.1.1 Mailbox unknown", refused.stdout)
        self.assertIn("not delivered to nobody@example.com (permanent)",
                      refused.stderr)
        self.assertEqual(list(sink.by_recipient()), ["it@example.com"])

    def test_sigterm_stops_cleanly_and_a_bad_spec_keeps_its_last_version(self):
        sink = self.sink()
        specs = scheduled_spec(self.here, sink.port)
        resident = subprocess.Popen(
            [lib.PATHS.vigie, "serve", "--specs", str(specs), "--out",
             str(self.here / "reports"), "--poll", "1s"],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True)
        time.sleep(2)
        spec = specs / "management.yaml"
        spec.write_text(spec.read_text().replace('cron: "0 7 1 * *"',
                                                 'cron: "0 7 1 * FOO"'))
        time.sleep(2.5)
        resident.send_signal(signal.SIGTERM)
        _, err = resident.communicate(timeout=60)
        self.assertEqual(resident.returncode, 0, err)
        self.assertIn("does not validate (management keeps its last good "
                      "version)", err)
        self.assertIn("schedule.cron", err)
        self.assertIn("SIGTERM received: stopping", err)
        self.assertTrue(err.rstrip().endswith("stopped"), err[-500:])


@unittest.skipUnless((PG_BIN / "initdb").exists(), "PostgreSQL 15 not installed")
class ServeOnPostgresqlTest(unittest.TestCase):
    """Two schedulers, as on two machines, sharing one PostgreSQL state
    database: the slot runs once and each recipient gets it once."""

    def test_two_schedulers_on_one_postgresql_server(self):
        folder = lib.make_temp_dir("serve-pg")
        self.addCleanup(lib.remove_temp_dir, folder)
        data = lib.make_demo_data(folder / "data")
        env = lib.clean_environment(
            VIGIE_DEMO_DATA=data, PGPASSWORD=PASSWORD,
            VIGIE_LIST_KEY="vigie-demo-key-not-for-production")
        (folder / "server").mkdir()
        server = PostgresServer(folder / "server")
        self.addCleanup(server.stop)
        server.init()
        server.start()
        sink = Sink(folder / "mail")
        self.addCleanup(sink.stop)
        specs = scheduled_spec(folder, sink.port)
        server.psql("postgres", "-c", "CREATE DATABASE vigie")
        state = server.url()
        created = lib.run_vigie(["history", "--state", state], env=env)
        self.assertEqual(created.returncode, 0, lib.describe(created))
        server.psql("vigie", "-c",
                    "INSERT INTO vigie_reports VALUES ('management', "
                    f"{int(time.time()) - 40 * 86400})")
        processes = [subprocess.Popen(
            [lib.PATHS.vigie, "serve", "--once", "--specs", str(specs),
             "--out", str(folder / f"reports-{i}"), "--state", state],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for i in range(2)]
        for p in processes:
            _, err = p.communicate(timeout=600)
            self.assertEqual(p.returncode, 0, err)
        runs = server.psql("vigie", "-t", "-A", "-c",
                           "SELECT count(*), min(status) FROM vigie_runs")
        self.assertEqual(runs.strip(), "1|succeeded")
        self.assertEqual({to: len(m) for to, m in sink.by_recipient().items()},
                         {to: 1 for to in RECIPIENTS})
        history = lib.run_vigie(["history", "--state", state], env=env)
        self.assertEqual(history.stdout.count("delivered"), 2,
                         lib.describe(history))


if __name__ == "__main__":
    lib.main()
