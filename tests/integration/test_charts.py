"""Every chart block of a spec, end to end: tests/golden/templates.yaml run
on the demo data draws each chart in the PDF and as real <text> in the SVG
pages, with the figures of kpis.json (shares, conversions, totals) written
as the locale writes them; a month before the data starts still gives a
whole report, French and English; and docs/templates.md quotes the spec's
lines exactly."""

import decimal
import json
import re
import unittest
import xml.etree.ElementTree as ET

import vigie_testlib as lib
from test_locale_reports import read_catalog

SVG = "{http://www.w3.org/2000/svg}"
SPEC = ("tests", "golden", "templates.yaml")


def grouped(number):
    """"1234567,8" from "1234567.8": digits by three, decimal comma."""
    integer, _, decimals = number.partition(".")
    groups = []
    while integer:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    return " ".join(groups) + ("," + decimals if decimals else "")


def percent(share):
    return grouped(f"{share * 100:.1f}") + " %"


_CATALOG = {}


def term(code):
    """A code of the data as the French report writes it (locale::term)."""
    if not _CATALOG:
        _CATALOG.update(read_catalog())
    return _CATALOG.get(f"term.{code}", (code, code))[0]


def table(kpis, kpi_id):
    """The rows of a table KPI of kpis.json, as dictionaries by column."""
    for kpi in kpis["kpis"]:
        if kpi["id"] == kpi_id:
            names = [column["name"] for column in kpi["columns"]]
            return [dict(zip(names, row)) for row in kpi["rows"]]
    raise KeyError(kpi_id)


class ChartsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("charts")
        data = lib.make_demo_data(cls.dir / "data")
        cls.env = lib.clean_environment(VIGIE_DEMO_DATA=data)
        cls.spec = lib.source_path(*SPEC)
        cls.out = cls.dir / "october"
        cls.result = lib.run_vigie(
            ["run", cls.spec, "--period", lib.DEMO_PERIOD, "--out", cls.out],
            env=cls.env)

    @classmethod
    def tearDownClass(cls):
        lib.remove_temp_dir(cls.dir)

    def setUp(self):
        self.assertEqual(self.result.returncode, 0, lib.describe(self.result))

    def svg_runs(self, out):
        runs = []
        for path in sorted(out.glob("page-*.svg")):
            root = ET.parse(path).getroot()
            runs += [lib.plain_spaces("".join(t.itertext()))
                     for t in root.iter(f"{SVG}text")]
        return runs

    def kpis(self):
        with open(self.out / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def assert_drawn(self, texts, runs, pdf):
        """Each text as one <text> run of the SVG pages and in the PDF."""
        for text in texts:
            with self.subTest(text=text):
                self.assertIn(text, runs)
                self.assertIn(text, pdf)

    def test_every_chart_is_drawn_with_its_title(self):
        titles = re.findall(r'title: "([^"]+)"', self.spec.read_text())
        titles.remove("Modèles de graphiques")  # the report's
        self.assertGreaterEqual(len(titles), 14)
        self.assert_drawn(titles, self.svg_runs(self.out),
                          lib.plain_spaces(lib.pdf_text(self.out / "report.pdf")))

    def test_the_figures_are_those_of_kpis_json(self):
        kpis = self.kpis()
        runs = self.svg_runs(self.out)
        pdf = lib.plain_spaces(lib.pdf_text(self.out / "report.pdf"))
        # Donut: each device's share of the visits.
        devices = table(kpis, "visits_by_device")
        total = sum(row["visits"] for row in devices)
        self.assert_drawn([term(row["device"]) for row in devices] +
                          [percent(row["visits"] / total) for row in devices] +
                          [grouped(str(total))], runs, pdf)
        # Funnel: each step against the step before and the first.
        steps = table(kpis, "funnel_steps")
        first = steps[0]["persons"]
        for before, step in zip(steps, steps[1:]):
            self.assert_drawn(
                [term(step["name"]),
                 percent(step["persons"] / before["persons"]) +
                 " de l'étape précédente",
                 percent(step["persons"] / first) + " de la première"],
                runs, pdf)
        # Waterfall: the total of the savings, each step signed.
        actions = table(kpis, "self_care_by_action")
        # Decimals are exact text in kpis.json.
        savings = [decimal.Decimal(row["savings"]) for row in actions]
        self.assert_drawn(["Total", grouped(f"{sum(savings):.2f}") + " €"] +
                          ["+" + grouped(f"{s:.2f}") + " €"
                           for s in savings if s > 0], runs, pdf)
        # Heatmap: every step and channel of the touchpoint matrix.
        cells = table(kpis, "touchpoints")
        self.assert_drawn(sorted({term(c["step"]) for c in cells} |
                                 {term(c["channel"]) for c in cells}),
                          runs, pdf)
        # Legends, comparison and axes' titles.
        self.assert_drawn(["En ligne", "Par téléphone", "Période précédente",
                           "Visites", "Visiteurs uniques", "Mois",
                           "Montant (€)", "Étape", "Canal", "Indicateur",
                           "Objectif : 95 000,00 €"], runs, pdf)

    def test_a_month_without_data_is_still_a_whole_report(self):
        """Before the demo data starts, every chart has nothing or zeros to
        draw: the run succeeds and says so, in French and in English."""
        english = self.dir / "english.yaml"
        english.write_text(self.spec.read_text().replace(
            "locale: fr_FR", "locale: en_GB"))
        for spec, words in ((self.spec, "Aucune donnée pour cette période"),
                            (english, "No data for this period")):
            with self.subTest(spec=spec.name):
                out = self.dir / f"empty-{spec.stem}"
                result = lib.run_vigie(
                    ["run", spec, "--period", "2024-06", "--out", out],
                    env=self.env)
                self.assertEqual(result.returncode, 0, lib.describe(result))
                self.assertIn(words, self.svg_runs(out))
                self.assertIn(words, lib.pdf_text(out / "report.pdf"))

    def test_the_documentation_quotes_the_spec(self):
        """Each YAML excerpt of docs/templates.md's chart templates is lines
        of the spec its pictures were drawn from, and each picture it shows
        exists. (Its report templates part quotes report-specs/, which
        test_templates.py runs.)"""
        doc = lib.source_path("docs", "templates.md").read_text()
        doc = doc[doc.index("\n# Chart templates"):]
        spec = self.spec.read_text()
        excerpts = re.findall(r"```yaml\n(.*?)```", doc, re.DOTALL)
        self.assertGreaterEqual(len(excerpts), 14)
        for excerpt in excerpts:
            with self.subTest(excerpt=excerpt.splitlines()[0]):
                # Quoted without the indentation the spec nests it in.
                self.assertTrue(any(
                    "".join(" " * indent + line
                            for line in excerpt.splitlines(keepends=True))
                    in spec for indent in range(0, 9, 2)), excerpt)
        pictures = re.findall(r"\]\((images/[^)]+\.png)\)", doc)
        self.assertGreaterEqual(len(pictures), 14)
        for picture in pictures:
            with self.subTest(picture=picture):
                self.assertTrue(lib.source_path("docs", picture).is_file())


if __name__ == "__main__":
    lib.main()
