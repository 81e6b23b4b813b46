"""One customer id space across the CRM, the calls and the web: a spec's
`lookups:` read from the CRM (SQLite, through crm_sql) turn a caller's
number (normalised to E.164 on both sides, whatever the way it was
written) and a web user id that is the SHA-256 of an e-mail address into
the CRM's customer id; the ids no customer matches are counted in
kpis.json and in a note of the report.

The expected figures are worked out by hand on the few rows written here:
C1's two billing calls three days apart make the first one not resolved at
first contact, C1's second and C2's call are; the call from an unknown
number has no customer (and so no first-contact figure), the anonymous
one no number at all. fcr = 2 / 3."""

import hashlib
import json
import sqlite3
import unittest

import vigie_testlib as lib

SPEC = """\
report:
  id: identity
  title: "One customer id space"
  locale: en_GB
  time_zone: Europe/Paris
lookups:
  - id: phones
    connector: crm_sql
    config: {{url: "sqlite3://db={crm}", query: "SELECT phone, customer_id FROM customer_phones"}}
    key: "e164(phone, 'FR')"
    value: customer_id
  - id: emails
    connector: crm_sql
    config: {{url: "sqlite3://db={crm}", table: customers}}
    key: "sha256(lower(trim(email)))"
    value: customer_id
sources:
  - id: customers
    connector: crm_sql
    dataset: customers
    config: {{url: "sqlite3://db={crm}", table: customers}}
  - id: calls
    connector: csv
    dataset: calls
    config: {{path: "{calls}"}}
    mapping:
      customer_id: "lookup('phones', e164(caller, 'FR'))"
  - id: web
    connector: csv
    dataset: web_events
    config: {{path: "{web}"}}
    mapping:
      customer_id: "lookup('emails', user_hash)"
kpis:
  - {{id: offered, indicator: call_centre}}
  - {{id: fcr, indicator: call_centre}}
  - {{id: visits, indicator: web_analytics}}
sections:
  - title: Calls
    blocks:
      - tiles: [offered, fcr, visits]
outputs: {{pdf: false, svg: false, html: false, json: true, lists: false}}
"""

CALLS = """\
call_id,started_at,caller,reason,outcome,direction
k1,2026-10-02 10:00:00,+33612345678,billing,answered,inbound
k2,2026-10-05 11:00:00,06 12 34 56 78,billing,answered,inbound
k3,2026-10-10 09:30:00,00442079460018,moving,answered,inbound
k4,2026-10-11 15:00:00,+33 7 00 00 00 01,billing,answered,inbound
k5,2026-10-12 16:00:00,anonymous,billing,answered,inbound
"""


def sha(email):
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


class IdentityTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("identity")
        cls.addClassCleanup(lib.remove_temp_dir, cls.dir)
        crm = cls.dir / "crm.sqlite"
        with sqlite3.connect(crm) as db:
            db.executescript("""
              CREATE TABLE customers (customer_id TEXT, created_at TEXT, email TEXT);
              INSERT INTO customers VALUES
                ('C1', '2024-01-05 10:00:00', 'Alice@Example.com'),
                ('C2', '2024-02-07 10:00:00', 'bob@example.org');
              CREATE TABLE customer_phones (customer_id TEXT, phone TEXT);
              INSERT INTO customer_phones VALUES
                ('C1', '06 12 34 56 78'), ('C2', '+44 20 7946 0018');
            """)
        calls = cls.dir / "calls.csv"
        calls.write_text(CALLS)
        web = cls.dir / "web.csv"
        web.write_text(
            "ts,visitor_id,event_type,page,user_hash\n"
            f"2026-10-03 08:00:00,v1,page_view,/,{sha(' alice@example.com')}\n"
            f"2026-10-04 08:00:00,v2,page_view,/,{sha('bob@example.org')}\n"
            f"2026-10-04 09:00:00,v3,page_view,/,{sha('eve@example.net')}\n"
            "2026-10-04 10:00:00,v4,page_view,/,\n")
        spec = lib.write_spec(cls.dir / "identity.yaml",
                              SPEC.format(crm=crm, calls=calls, web=web))
        cls.out = cls.dir / "out"
        cls.result = lib.run_vigie(["run", spec, "--period", "2026-10", "--out",
                                 cls.out])

    def kpis(self):
        self.assertEqual(self.result.returncode, 0, lib.describe(self.result))
        with open(self.out / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def test_callers_become_customers_whatever_the_number_format(self):
        values = lib.value_kpis(self.kpis())
        self.assertEqual(values["offered"]["value"], 5)
        self.assertAlmostEqual(values["fcr"]["value"], 2 / 3, places=12)

    def test_unmatched_ids_are_counted_by_source(self):
        sources = {s["source"]: s
                   for s in self.kpis()["data_quality"]["sources"]}
        # calls: the unknown number only (anonymous has no number at all);
        # web: eve's hash only (v4 has no user id). The CRM reads no lookup.
        self.assertEqual(sources["calls"]["unmatched_ids"], 1)
        self.assertEqual(sources["web"]["unmatched_ids"], 1)
        self.assertNotIn("unmatched_ids", sources["customers"])
        notes = self.kpis()["data_quality"]["notes"]
        self.assertIn("Data quality: 1 id(s) of source Calls (of 5 rows) "
                      "match no customer.", notes)

    def test_an_unknown_lookup_is_an_error_at_its_place(self):
        spec = (self.dir / "identity.yaml").read_text().replace(
            "lookup('phones',", "lookup('phone',")
        path = lib.write_spec(self.dir / "bad.yaml", spec)
        # Line 27 of the spec, column 20: the mapping's value.
        expected = (f"{path}:27:20: sources[1].mapping.customer_id: unknown "
                    "lookup 'phone'; did you mean 'phones'? the spec's "
                    "lookups: emails, phones")
        for args in (["validate", path],
                     ["run", path, "--period", "2026-10", "--out",
                      self.dir / "out-bad"]):
            run = lib.run_vigie(args)
            self.assertEqual(run.returncode, 2, lib.describe(run))
            self.assertIn(expected, run.stdout + run.stderr)


if __name__ == "__main__":
    lib.main()
