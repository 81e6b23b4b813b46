"""The funnel (KPI-CATALOG.md section 4) on the demo data: a small spec
with one shop funnel (a product page, the basket, the checkout page, a
purchase) run by vigie for October 2026, and the same funnel recomputed
here from web_events.csv and crm.sqlite, straight from the catalog and
docs/kpi-choices.md ("Funnel (section 4)"): each person (the visitor's
stitched customer at the end of the period, or the visitor itself; a
purchase is its customer's) reaches step k within the period when k
distinct events of that period, matching steps 1..k, have non-decreasing
times. A second funnel (sign-up) in the same spec, under ids of its own
(`output:`). Also the refusals of a bad step predicate."""

import itertools
import json
import unittest

import kpi_crosscheck as xcheck
import vigie_testlib as lib
import web_crosscheck as web

STEPS = ["page:/produits/*", "page:/panier", "page:/commande", "purchase"]
NAMES = ["Produit", "Panier", "Commande", "Achat"]
# A second funnel of the same spec, under ids of its own (`output:`): the
# demo's sign-up sessions view /inscription, then convert.
SIGNUP_STEPS = ["page:/inscription", "event:conversion"]

SPEC = """\
report:
  id: funnel
  title: "Tunnel d'achat"
  locale: fr_FR
  time_zone: Europe/Paris
  period: month
  comparison: previous
  series: 3

sources:
  - id: orders
    connector: crm_sql
    dataset: orders
    config: {{url: "sqlite3://db=${{VIGIE_DEMO_DATA}}/crm.sqlite", table: orders}}
  - id: web
    connector: csv
    dataset: web_events
    config: {{path: "${{VIGIE_DEMO_DATA}}/web_events.csv"}}

parameters:
  steps: {steps}
  step_names: {names}

kpis:
  - id: funnel_conversion
    indicator: funnel
  - id: funnel_completions
    indicator: funnel
  - id: funnel_steps
    indicator: funnel
  - id: signup_conversion
    output: funnel_conversion
    indicator: funnel
    parameters:
      steps: {signup}
      step_names: ["Inscription", "Conversion"]
  - id: signup_steps
    output: funnel_steps
    indicator: funnel
    parameters:
      steps: {signup}
      step_names: ["Inscription", "Conversion"]

sections:
  - title: "Tunnel"
    blocks:
      - tiles: [funnel_conversion, funnel_completions]
      - table: {{kpi: funnel_steps, columns: [name, persons, step_conversion, overall_conversion, previous_persons]}}
      - table: {{kpi: signup_steps, columns: [name, persons, step_conversion]}}
"""


def spec_text(steps=STEPS, names=NAMES):
    return SPEC.format(steps=json.dumps(steps, ensure_ascii=False),
                       names=json.dumps(names, ensure_ascii=False),
                       signup=json.dumps(SIGNUP_STEPS))


def step_matcher(step):
    """Whether an event (t, customer, type, page, ...) of WebLog matches a
    web step; purchases are matched apart."""
    kind, _, value = step.partition(":")
    if kind == "page":
        alternatives = value.split("|")
        return lambda e: e[2] == "page_view" and any(
            web._alternative_matches(a, e[3]) for a in alternatives)
    if kind == "event":
        return lambda e: e[2] == value
    return lambda e: False


def reach(hits, step_count):
    """How many steps the hits [(t, frozenset of steps)] reach. Times are
    walked in order; at each time, the longest run of next steps that
    distinct hits of that time can take, found by trying every order of
    those hits (a handful at most), then the greedy earliest match."""
    hits = sorted(hits, key=lambda h: h[0])
    reached = 0
    for _, group in itertools.groupby(hits, key=lambda h: h[0]):
        group = [steps for _, steps in group][:7]
        best = 0
        for order in itertools.permutations(group):
            run = 0
            for steps in order:
                if reached + run < step_count and reached + run in steps:
                    run += 1
                else:
                    break
            best = max(best, run)
        reached += best
    return reached


def funnel_counts(log, book, period, steps=STEPS):
    """count(k) of each step in the period, k = 1..len(steps)."""
    start, end = web.bounds(period)
    matchers = [step_matcher(s) for s in steps]
    purchase_steps = frozenset(
        k for k, s in enumerate(steps) if s == "purchase")
    hits = {}
    for visitor_id, visitor in log.visitors.items():
        for event in visitor.events_in(start, end):
            matched = frozenset(
                k for k, match in enumerate(matchers) if match(event))
            if not matched:
                continue
            customer = visitor.person(end)
            who = ("customer", customer) if customer else (
                "visitor", visitor_id)
            hits.setdefault(who, []).append((event[0], matched))
    if purchase_steps:
        for customer, time, _ in book.purchases:
            t = web.to_micros(time)
            if customer and start <= t < end:
                hits.setdefault(("customer", str(customer)), []).append(
                    (t, purchase_steps))
    counts = [0] * len(steps)
    for person_hits in hits.values():
        for k in range(reach(person_hits, len(steps))):
            counts[k] += 1
    return counts


class FunnelDemoTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("funnel")
        cls.data = lib.make_demo_data(cls.dir / "data")
        cls.env = lib.clean_environment(VIGIE_DEMO_DATA=cls.data)
        cls.spec = lib.write_spec(cls.dir / "funnel.yaml", spec_text())
        cls.result = lib.run_vigie(["run", cls.spec, "--period", lib.DEMO_PERIOD,
                                 "--out", cls.dir / "out"], env=cls.env)

    @classmethod
    def tearDownClass(cls):
        lib.remove_temp_dir(cls.dir)

    def kpis(self):
        self.assertEqual(self.result.returncode, 0, lib.describe(self.result))
        with open(self.dir / "out" / "kpis.json", encoding="utf-8") as f:
            return {k["id"]: k for k in json.load(f)["kpis"]}

    def test_the_funnel_matches_the_controllers_recomputation(self):
        kpis = self.kpis()
        log = web.WebLog(self.data / "web_events.csv")
        book = xcheck.OrderBook(self.data / "crm.sqlite")
        october = funnel_counts(log, book, xcheck.Period(2026, 10))
        september = funnel_counts(log, book, xcheck.Period(2026, 9))
        # The demo's purchase sessions walk product, basket, checkout and
        # end at the order: every step has persons.
        self.assertTrue(all(c > 0 for c in october), october)

        table = kpis["funnel_steps"]
        columns = [c["name"] for c in table["columns"]]
        rows = [dict(zip(columns, row)) for row in table["rows"]]
        self.assertEqual([r["name"] for r in rows], NAMES)
        self.assertEqual([r["step"] for r in rows], [1, 2, 3, 4])
        self.assertEqual([r["persons"] for r in rows], october)
        self.assertEqual([r["previous_persons"] for r in rows], september)
        self.assertIsNone(rows[0]["step_conversion"])
        for k in range(1, 4):
            self.assertAlmostEqual(rows[k]["step_conversion"],
                                   october[k] / october[k - 1], places=12)
            self.assertAlmostEqual(rows[k]["overall_conversion"],
                                   october[k] / october[0], places=12)

        conversion = kpis["funnel_conversion"]
        self.assertAlmostEqual(conversion["value"], october[3] / october[0],
                               places=12)
        self.assertAlmostEqual(conversion["previous"],
                               september[3] / september[0], places=12)
        self.assertEqual(len(conversion["series"]), 3)
        self.assertEqual(kpis["funnel_completions"]["value"], october[3])

    def test_a_second_funnel_under_ids_of_its_own(self):
        kpis = self.kpis()
        log = web.WebLog(self.data / "web_events.csv")
        book = xcheck.OrderBook(self.data / "crm.sqlite")
        october = funnel_counts(log, book, xcheck.Period(2026, 10),
                                SIGNUP_STEPS)
        self.assertTrue(all(c > 0 for c in october), october)
        table = kpis["signup_steps"]
        columns = [c["name"] for c in table["columns"]]
        rows = [dict(zip(columns, row)) for row in table["rows"]]
        self.assertEqual([r["name"] for r in rows],
                         ["Inscription", "Conversion"])
        self.assertEqual([r["persons"] for r in rows], october)
        self.assertAlmostEqual(kpis["signup_conversion"]["value"],
                               october[1] / october[0], places=12)
        # The shop funnel's figures are not the sign-up's.
        self.assertNotEqual(kpis["funnel_steps"]["rows"][0][2], october[0])

    def test_a_spec_whose_steps_are_not_a_list_is_refused_at_its_place(self):
        text = spec_text().replace(
            "  steps: " + json.dumps(STEPS), '  steps: "page:/panier"')
        spec = lib.write_spec(self.dir / "not-a-list.yaml", text)
        result = lib.run_vigie(["validate", spec], env=self.env)
        self.assertNotEqual(result.returncode, 0, lib.describe(result))
        line = text.splitlines().index('  steps: "page:/panier"') + 1
        self.assertIn(f"not-a-list.yaml:{line}:", result.stderr,
                      lib.describe(result))

    def test_a_bad_step_predicate_stops_the_run_naming_it(self):
        spec = lib.write_spec(self.dir / "bad-step.yaml", spec_text(
            steps=["page:/produits/*", "pnaier", "page:/commande",
                   "purchase"]))
        result = lib.run_vigie(["run", spec, "--period", lib.DEMO_PERIOD,
                                "--out", self.dir / "bad"], env=self.env)
        self.assertNotEqual(result.returncode, 0, lib.describe(result))
        self.assertIn("option 'steps.1' must be a funnel step: event:TYPE, "
                      "page:PATTERN, action:CODE or purchase, got 'pnaier'",
                      result.stderr, lib.describe(result))


if __name__ == "__main__":
    lib.main()
