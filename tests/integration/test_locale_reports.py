"""Both demo reports in French (the shipped specs, fr_FR) and in English
(the same specs made English: en_GB, pounds sterling, the spec's own words
translated and the labels it gives left out, so that the catalog's are
printed), read back with pdftotext: no code of the catalog (a KPI id, a
column name, an action or channel code) is printed raw, no word of the
other language is printed, months, percents and money are written each
language's way, every tile shows its kpis.json value formatted in the
report's locale, and the codes of the data are shown with their labels.

The catalog's words are read from its source (engine/src/locale/catalog*.cpp),
so that an entry added there is checked here too."""

import decimal
import json
import re
import unittest

import vigie_testlib as lib

SPECS = ("management", "operational")
LIST_KEY = "locale-test-list-key-0123456789"

# The report's own words of the shipped specs, and their English. Labels
# the specs give their KPIs, titles of their blocks and headers of their
# columns are left out of the English spec instead: the catalog's words
# are printed then.
ENGLISH_WORDS = {
    'title: "Relation client : tableau de bord mensuel"':
        'title: "Customer relationship: monthly dashboard"',
    'title: "Relation client : listes d\'action"':
        'title: "Customer relationship: action lists"',
    # Section titles.
    '- title: "Activité commerciale"': '- title: "Sales"',
    'confidentiality: "Confidentiel — diffusion restreinte"':
        'confidentiality: "Confidential — restricted circulation"',
    'confidentiality: "Usage interne — données personnelles"':
        'confidentiality: "Internal use — personal data"',
    '- title: "Base clients"': '- title: "Customer base"',
    '- title: "Valeur et acquisition"': '- title: "Value and acquisition"',
    '- title: "Selfcare"': '- title: "Self-care"',
    '- title: "Tunnel d\'achat et attribution"':
        '- title: "Purchase funnel and attribution"',
    '- title: "Centre d\'appels"': '- title: "Call centre"',
    '- title: "Expérience client"': '- title: "Customer experience"',
    '- title: "Produits"': '- title: "Products"',
    '- title: "Parcours selfcare en échec"':
        '- title: "Failed self-care journeys"',
    '- title: "Moments de vie"': '- title: "Life moments"',
    '- title: "Clients à relancer"': '- title: "Customers to win back"',
    '- title: "Irritants et appels évitables"':
        '- title: "Irritants and avoidable calls"',
    # Labels of the KPIs written in the spec (metrics have no catalog
    # label: without one they would show their id).
    'label: "Chiffre d\'affaires du mois par segment de valeur"':
        'label: "Revenue of the month by value segment"',
    'label: "Chiffre d\'affaires du mois par canal préféré"':
        'label: "Revenue of the month by preferred channel"',
    'label: "Pages vues"': 'label: "Page views"',
    'label: "Pages vues sur mobile et tablette"':
        'label: "Page views on mobile and tablet"',
    'label: "Part mobile des pages vues"':
        'label: "Mobile share of page views"',
    'label: "Chiffre d\'affaires par visite"': 'label: "Revenue per visit"',
    'label: "Chiffre d\'affaires cumulé sur 12 mois"':
        'label: "Revenue, running total over 12 months"',
    # A note, the suggested actions, funnel steps and page groups.
    'note: "Le taux de rebond ne porte que sur les appels identifiés '
    '(voir « Appels identifiés »)."':
        'note: "The rebound rate counts identified calls only."',
    '"Proposer le transfert du contrat à la nouvelle adresse"':
        '"Offer to move the contract to the new address"',
    '"Appeler pour proposer une offre de fidélité"':
        '"Call with a loyalty offer"',
    'step_names: ["Produit", "Panier", "Commande", "Achat"]':
        'step_names: ["Product", "Basket", "Checkout", "Purchase"]',
    '    accueil: "/"': '    home: "/"',
    '    produits: "/produits/*|/offres"':
        '    products: "/produits/*|/offres"',
    '    achat: "/panier|': '    checkout: "/panier|',
    '    espace-client: "': '    account: "',
    '    aide: "/aide|': '    help: "/aide|',
    '    inscription: "/inscription"': '    sign-up: "/inscription"',
}

# An entry of the catalog: {"id", "french", "english"}, each text one or
# more adjacent string literals.
_LITERALS = r'((?:"(?:[^"\\]|\\.)*"\s*)+)'
_ENTRY = re.compile(r'\{"([a-z_]+\.[^"]+)",\s*' + _LITERALS + r',\s*' +
                    _LITERALS + r'\}')


def _literal_text(literals):
    """The text of adjacent C++ string literals (UTF-8 source, \\uXXXX
    escapes)."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', literals)
    return re.sub(r"\\(u[0-9a-fA-F]{4}|.)",
                  lambda m: chr(int(m.group(1)[1:], 16))
                  if m.group(1).startswith("u") and len(m.group(1)) == 5
                  else m.group(1), "".join(parts))


def read_catalog():
    """{id: (french, english)} of every catalog*.cpp of the locale module."""
    entries = {}
    for path in sorted(lib.source_path("engine", "src", "locale").glob(
            "catalog*.cpp")):
        for match in _ENTRY.finditer(path.read_text(encoding="utf-8")):
            entries[match.group(1)] = (_literal_text(match.group(2)),
                                       _literal_text(match.group(3)))
    return entries


def english_spec(text):
    """A shipped spec made English (see the module's comment)."""
    for old, new in ENGLISH_WORDS.items():
        text = text.replace(old, new)
    text = text.replace("  locale: fr_FR\n",
                        "  locale: en_GB\n  currency: GBP\n")
    head, sections = text.split("\nsections:", 1)
    sections, tail = re.split(r"\n(?=outputs:)", sections, maxsplit=1)
    before, kpis = head.split("\nkpis:", 1)
    # The labels of the indicators' KPIs (an entry of the list naming an
    # indicator): the catalog's instead.
    entries = re.split(r"\n(?=  - )", kpis)
    kpis = "\n".join(re.sub(r',\s*label: "[^"]*"', "", e)
                     if "indicator:" in e else e for e in entries)
    # Block titles (a section's title is "- title:") and column headers.
    sections = re.sub(r',\s*title: "[^"]*"', "", sections)
    sections = re.sub(r'\n\s+title: "[^"]*"', "", sections)
    sections = re.sub(r'(\n {10,}- \w+): "[^"]*"', r"\1", sections)
    return (before + "\nkpis:" + kpis + "\nsections:" + sections + "\n" +
            tail)


def squeezed(text):
    """The text without any space: pdftotext drops the narrow ones."""
    return re.sub(r"\s+", "", text)


def squeezed_words(text):
    """squeezed() without hyphens either: pdftotext joins a word broken
    after its hyphen at the end of a line ("multi-" "appareils")."""
    return squeezed(text).replace("-", "")


def _rounded(value, decimals):
    # The double's exact binary value, rounded half-even: what the engine
    # prints (2.675 is 2.67499... and gives 2.67).
    step = decimal.Decimal(1).scaleb(-decimals)
    return decimal.Decimal(value).quantize(step,
                                           rounding=decimal.ROUND_HALF_EVEN)


def formatted(value, unit, french, currency_sign):
    """A value of kpis.json as the report prints it, from first principles:
    currency 2 decimals with its sign, count none, ratio a percentage with
    1 decimal, days 1 decimal, anything else up to 2 decimals, trailing
    zeros dropped; French digits grouped by spaces with a decimal comma,
    English by commas with a decimal point. Spaces are left out (see
    squeezed())."""
    if value is None:
        return "n/a"
    decimals = {"currency": 2, "count": 0, "ratio": 1, "days": 1}.get(unit, 2)
    number = _rounded(value * 100 if unit == "ratio" else value, decimals)
    if number == 0:
        number = abs(number)
    text = f"{abs(number):.{decimals}f}"
    if unit not in ("currency", "count", "ratio", "days") and "." in text:
        text = text.rstrip("0").rstrip(".")
    integer, _, fraction = text.partition(".")
    grouped = f"{int(integer):,}"
    sign = "-" if number < 0 else ""
    if french:
        digits = grouped.replace(",", "") + (
            "," + fraction if fraction else "")
    else:
        digits = grouped + ("." + fraction if fraction else "")
    if unit == "ratio":
        return sign + digits + "%"
    if unit == "currency":
        return (sign + digits + currency_sign if french
                else sign + currency_sign + digits)
    return sign + digits


class LocaleReportsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("locale")
        data = lib.make_demo_data(cls.dir / "data")
        env = lib.clean_environment(VIGIE_DEMO_DATA=data,
                                    VIGIE_LIST_KEY=LIST_KEY)
        cls.catalog = read_catalog()
        cls.reports = {}
        for name in SPECS:
            shipped = lib.source_path("report-specs", f"{name}.yaml")
            english = lib.write_spec(
                cls.dir / f"{name}-en.yaml",
                english_spec(shipped.read_text(encoding="utf-8")))
            for language, spec in (("fr", shipped), ("en", english)):
                out = cls.dir / f"{name}-{language}"
                result = lib.run_vigie(["run", spec, "--period",
                                        lib.DEMO_PERIOD, "--out", out],
                                       env=env)
                cls.reports[name, language] = (result, out, spec)

    @classmethod
    def tearDownClass(cls):
        lib.remove_temp_dir(cls.dir)

    def report(self, name, language):
        result, out, _ = self.reports[name, language]
        self.assertEqual(result.returncode, 0, lib.describe(result))
        return out

    def text(self, name, language):
        return lib.pdf_text(self.report(name, language) / "report.pdf")

    def kpis(self, name, language):
        path = self.report(name, language) / "kpis.json"
        return json.loads(path.read_text(encoding="utf-8"))

    @staticmethod
    def every_report():
        return [(name, language) for name in SPECS
                for language in ("fr", "en")]

    # ---- the catalog is read ---------------------------------------------

    def test_the_catalog_is_read_from_its_source(self):
        self.assertGreater(len(self.catalog), 300)
        self.assertEqual(self.catalog["term.change_address"],
                         ("Changement d'adresse", "Change of address"))
        self.assertEqual(self.catalog["punctuation.colon"],
                         ("\u00a0: ", ": "))

    def test_the_english_spec_keeps_no_french_of_its_own(self):
        spec = self.reports["management", "en"][2].read_text(encoding="utf-8")
        body = "\n".join(line for line in spec.splitlines()
                         if not line.lstrip().startswith("#"))
        self.assertIn("locale: en_GB", body)
        self.assertNotIn('label: "Chiffre', body)
        self.assertNotIn('"Canal préféré"', body)
        self.assertNotIn("Synthèse", body)

    # ---- no raw id -------------------------------------------------------

    def snake_case_ids(self):
        """The codes of the catalog that are snake_case: KPI ids, column
        names, codes of the data, dataset names."""
        ids = set()
        for entry in self.catalog:
            code = entry.split(".")[-1]
            if "_" in code and re.fullmatch(r"[a-z0-9_]+", code):
                ids.add(code)
        return ids

    def test_no_snake_case_id_of_the_catalog_is_printed(self):
        ids = self.snake_case_ids()
        self.assertIn("change_address", ids)
        self.assertIn("marketing_spend", ids)
        self.assertIn("self_care_savings", ids)
        for name, language in self.every_report():
            with self.subTest(report=name, language=language):
                text = self.text(name, language)
                words = set(re.findall(r"[a-z0-9_]+", text))
                self.assertEqual(sorted(words & ids), [])

    def test_no_snake_case_word_is_printed_outside_file_names(self):
        for name, language in self.every_report():
            with self.subTest(report=name, language=language):
                text = self.text(name, language)
                # The note under a shortened list names its CSV file.
                text = re.sub(r"\S+\.(csv|json)\b", "", text)
                self.assertEqual(re.findall(r"\b[a-z]+_[a-z_]+\b", text), [])

    # ---- one language ----------------------------------------------------

    def words_of(self, language):
        """The catalog's words of one language that the other language
        writes otherwise, without values to fill in; a single word the
        other language also uses ("CSAT", "Action") is left out."""
        index = 0 if language == "fr" else 1
        other = set()
        for texts in self.catalog.values():
            other.update(re.findall(r"\w[\w'-]*", texts[1 - index]))
            other.add(texts[1 - index].strip())
        out = set()
        for texts in self.catalog.values():
            own = texts[index].strip()
            if "{" in own or len(own) <= 2 or own in other:
                continue
            out.add(own)
        return out

    def assert_absent(self, words, text):
        found = [w for w in sorted(words)
                 if re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text)]
        self.assertEqual(found, [])

    def test_the_english_reports_print_no_french_of_the_catalog(self):
        french = self.words_of("fr")
        self.assertIn("Changement d'adresse", french)
        self.assertIn("Précédent", french)
        for name in SPECS:
            with self.subTest(report=name):
                self.assert_absent(french, self.text(name, "en"))

    def test_the_french_reports_print_no_english_of_the_catalog(self):
        english = self.words_of("en")
        self.assertIn("Change of address", english)
        for name in SPECS:
            with self.subTest(report=name):
                self.assert_absent(english, self.text(name, "fr"))

    # ---- months, percents, money -----------------------------------------

    def test_months_are_named_in_the_language(self):
        fr = self.text("management", "fr")
        self.assertIn("octobre 2026 (comparé à septembre 2026)", fr)
        self.assertIn("oct. 26", fr)
        en = self.text("management", "en")
        self.assertIn("October 2026 (vs September 2026)", en)
        self.assertIn("Oct 26", en)
        self.assertNotIn("octobre", en)
        self.assertNotIn("October", fr)

    def test_percents_and_money_are_written_the_languages_way(self):
        fr = squeezed(self.text("management", "fr"))
        self.assertRegex(fr, r"\d,\d%")
        self.assertRegex(fr, r"\d,\d\d€")
        self.assertNotRegex(fr, r"\d\.\d%")
        self.assertNotIn("£", fr)
        en = squeezed(self.text("management", "en"))
        self.assertRegex(en, r"\d\.\d%")
        # currency: GBP, the sign before the figure.
        self.assertRegex(en, r"£\d{1,3}(,\d{3})*\.\d\d")
        self.assertNotIn("€", en)
        self.assertNotRegex(en, r"\d,\d%")
        # A change of a ratio is in points.
        self.assertRegex(fr, r"[+-]\d+,\dpt")
        self.assertRegex(en, r"[+-]\d+\.\dpts")

    # ---- tiles -----------------------------------------------------------

    def tile_kpis(self, name):
        spec = lib.source_path("report-specs", f"{name}.yaml").read_text(
            encoding="utf-8")
        return [k.strip() for line in re.findall(r"- tiles: \[([^\]]*)\]",
                                                 spec)
                for k in line.split(",")]

    def test_every_tile_shows_its_kpis_json_value_in_the_locale(self):
        for name, language in self.every_report():
            with self.subTest(report=name, language=language):
                french = language == "fr"
                sign = "€" if french else "£"
                previous = "Précédent:" if french else "Previous:"
                text = squeezed(self.text(name, language))
                values = lib.value_kpis(self.kpis(name, language))
                tiles = self.tile_kpis(name)
                self.assertGreater(len(tiles), 1)
                for kpi in tiles:
                    k = values[kpi]
                    self.assertIn(squeezed_words(k["label"]),
                                  text.replace("-", ""), kpi)
                    unit = k["unit"]
                    self.assertIn(formatted(k["value"], unit, french, sign),
                                  text, kpi)
                    self.assertIn(previous + formatted(k["previous"], unit,
                                                       french, sign),
                                  text, kpi)

    def test_the_english_tiles_have_the_catalogs_labels(self):
        values = lib.value_kpis(self.kpis("management", "en"))
        self.assertEqual(values["revenue"]["label"],
                         self.catalog["kpi.customer_base.revenue"][1])
        self.assertEqual(values["self_care_savings"]["label"],
                         self.catalog["kpi.self_care.self_care_savings"][1])

    # ---- codes of the data -----------------------------------------------

    def test_codes_of_the_data_are_shown_with_their_labels(self):
        """Every code of a management table kpis.json gives that the
        catalog knows is printed with its label (those tables are shown
        whole), while kpis.json keeps the code."""
        for language in ("fr", "en"):
            with self.subTest(language=language):
                index = 0 if language == "fr" else 1
                text = squeezed(self.text("management", language))
                codes = set()
                for k in self.kpis("management", language)["kpis"]:
                    for row in k.get("rows", []):
                        codes.update(v for v in row if isinstance(v, str))
                terms = {c for c in codes if f"term.{c}" in self.catalog}
                self.assertIn("change_address", terms)
                self.assertIn("time_decay", terms)
                for code in sorted(terms):
                    label = self.catalog[f"term.{code}"][index]
                    self.assertIn(squeezed(label), text, code)

    def test_the_data_quality_appendix_names_sources_by_their_dataset(self):
        fr = self.text("management", "fr")
        en = self.text("management", "en")
        self.assertIn("Dépenses marketing", fr)
        self.assertIn("Événements web (web)", fr)
        self.assertIn("Marketing spend", en)
        self.assertIn("Web events (web)", en)


if __name__ == "__main__":
    lib.main()
