"""report.html of both shipped reports on the demo data, opened in
headless Chromium (browser.py: the DevTools protocol on a pipe, the
network cut off): it loads with no console error and no request outside
the file, its tiles show the figures of kpis.json as the locale writes
them, its charts are drawn, a narrow screen scrolls only inside tables, a
click on a header really sorts the table (mouse events through the
protocol, the page's own script doing the work), typing in the box above
a table really filters it (text input through the protocol); the same
data and spec give the same page, and `html: false` leaves it out.

The page is driven through the protocol rather than by a test script put
into it: what is tested is the file a reader opens, byte for byte."""

import json
import re
import unicodedata
import unittest

import browser as chromium
import vigie_testlib as lib
from test_svg_pages import french_value, tile_kpis

SPECS = ("management", "operational")


def plain(text):
    return lib.plain_spaces(text)


def folded(text):
    """As the page's filter compares: no case, no accents."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed
                   if not "\u0300" <= c <= "\u036f").lower()


def french_figure(text):
    """The figure a French cell shows, read from its text alone:
    "1 234,50 €" is 1234.5, "-5,8 %" is -5.8; None for "n/a"."""
    match = re.search(r"(\d+(?: \d{3})*(?:,\d+)?)", plain(text))
    if match is None:
        return None
    sign = -1 if re.search(r"[-\u2212]", text[:match.start()]) else 1
    return sign * float(match.group(1).replace(" ", "").replace(",", "."))


# Every table of the page: its headers, which are numeric, its rows'
# cells and which rows are shown, and the count under its box.
TABLES = """Array.from(document.querySelectorAll(".table-block"), block => ({
  title: (block.querySelector("h3") || {textContent: ""}).textContent,
  header: Array.from(block.querySelectorAll("thead th"), th => th.textContent),
  numeric: Array.from(block.querySelectorAll("thead th"),
                      th => th.classList.contains("num")),
  sort: Array.from(block.querySelectorAll("thead th"),
                   th => th.getAttribute("aria-sort")),
  rows: Array.from(block.querySelectorAll("tbody tr"),
                   tr => Array.from(tr.cells, td => td.textContent)),
  shown: Array.from(block.querySelectorAll("tbody tr"),
                    tr => tr.getClientRects().length > 0),
  tools: !block.querySelector(".table-tools").hidden,
  count: block.querySelector(".row-count").textContent,
}))"""


class HtmlReportTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("html-report")
        data = lib.make_demo_data(cls.dir / "data")
        cls.env = lib.clean_environment(
            VIGIE_DEMO_DATA=data, VIGIE_LIST_KEY="integration-test-list-key")
        cls.runs = {spec: cls.run_spec(spec, cls.dir / spec)
                    for spec in SPECS}
        cls.browser = None
        if chromium.chromium_path() is not None:
            cls.browser = chromium.Browser(cls.dir / "profile")

    @classmethod
    def tearDownClass(cls):
        if cls.browser is not None:
            cls.browser.close()
        lib.remove_temp_dir(cls.dir)

    @classmethod
    def run_spec(cls, spec, out, spec_path=None):
        path = spec_path or lib.source_path("report-specs", f"{spec}.yaml")
        result = lib.run_vigie(["run", path, "--period", lib.DEMO_PERIOD,
                                "--out", out, "-q"], env=cls.env)
        return result, out

    def output(self, spec):
        result, out = self.runs[spec]
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assertTrue((out / "report.html").is_file())
        return out

    def open(self, spec):
        """The spec's report.html loaded in the tab, on a wide screen."""
        self.assertIsNotNone(
            self.browser, "chromium not found: .ci/setup installs Debian's "
            "chromium package")
        self.browser.send("Emulation.clearDeviceMetricsOverride")
        self.browser.open(self.output(spec) / "report.html")
        return self.browser

    def tables(self):
        return self.browser.evaluate(TABLES)

    # ---- loading ---------------------------------------------------------

    def test_it_loads_with_no_error_and_nothing_from_outside_the_file(self):
        for spec in SPECS:
            with self.subTest(spec=spec):
                page = self.open(spec)
                url = (self.output(spec) / "report.html").resolve().as_uri()
                # The script ran: it shows the boxes it makes work.
                tables = self.tables()
                self.assertGreater(len(tables), 0)
                for table in tables:
                    self.assertTrue(table["tools"], table["title"])
                page.drain()
                self.assertEqual(page.console_errors(), [])
                # The file itself; what it holds inline (the template's
                # logo, a data: URI) is no request to anywhere.
                requests = page.requests()
                self.assertEqual(
                    [r for r in requests if not r.startswith("data:")], [url])
                self.assertEqual(
                    [r[:22] for r in requests if r.startswith("data:")],
                    ["data:image/png;base64,"])

    # ---- figures ---------------------------------------------------------

    def test_the_tiles_show_the_figures_of_kpis_json(self):
        checked = 0
        for spec in SPECS:
            with open(self.output(spec) / "kpis.json", encoding="utf-8") as f:
                values = lib.value_kpis(json.load(f))
            page = self.open(spec)
            shown = {tuple(plain(t) for t in tile) for tile in page.evaluate(
                """Array.from(document.querySelectorAll(".tile"), tile => [
                     tile.querySelector(".tile-label").innerText,
                     tile.querySelector(".tile-value").innerText])""")}
            for kpi_id in tile_kpis(spec):
                kpi = values[kpi_id]
                self.assertIsNotNone(kpi["value"], kpi_id)
                tile = (plain(kpi["label"]),
                        french_value(kpi["value"], kpi["unit"]))
                with self.subTest(spec=spec, kpi=kpi_id, tile=tile):
                    self.assertIn(tile, shown)
                    checked += 1
        self.assertGreater(checked, 30)

    def test_every_chart_is_drawn_with_its_text(self):
        page = self.open("management")
        charts = page.evaluate(
            """Array.from(document.querySelectorAll("figure.chart"), f => {
                 const svg = f.querySelector("svg");
                 const box = svg.getBoundingClientRect();
                 return {title: f.getAttribute("aria-label"),
                         width: box.width, height: box.height,
                         texts: Array.from(svg.querySelectorAll("text"),
                                           t => t.textContent),
                         inked: svg.querySelectorAll("path").length};
               })""")
        self.assertGreater(len(charts), 5)
        for chart in charts:
            with self.subTest(chart=chart["title"]):
                self.assertGreater(chart["width"], 300)
                self.assertGreater(chart["height"], 50)
                self.assertIn(chart["title"], chart["texts"])
                self.assertGreater(chart["inked"], 0)
        # The same drawing as the PDF: each chart's title is a line of it.
        pdf = plain(lib.pdf_text(self.output("management") / "report.pdf"))
        for chart in charts:
            self.assertIn(plain(chart["title"]), pdf)

    def test_a_narrow_screen_scrolls_only_inside_the_tables(self):
        page = self.open("management")
        page.set_width(390)
        overflow = page.evaluate(
            """({page: document.documentElement.scrollWidth,
                 screen: window.innerWidth,
                 charts: Math.max(...Array.from(
                   document.querySelectorAll("figure.chart svg"),
                   svg => svg.getBoundingClientRect().right)),
                 tiles: Math.max(...Array.from(
                   document.querySelectorAll(".tile"),
                   tile => tile.getBoundingClientRect().right))})""")
        self.assertLessEqual(overflow["page"], overflow["screen"], overflow)
        self.assertLessEqual(overflow["charts"], overflow["screen"], overflow)
        self.assertLessEqual(overflow["tiles"], overflow["screen"], overflow)

    # ---- sorting and filtering -------------------------------------------

    def largest_table(self, spec):
        """(index, table) of the page's table with the most rows that has
        a numeric column of several figures and a text column."""
        best = None
        for index, table in enumerate(self.tables()):
            columns = self.sortable_columns(table)
            if not columns or all(table["numeric"]):
                continue
            if best is None or len(table["rows"]) > len(best[1]["rows"]):
                best = (index, table)
        self.assertIsNotNone(best, f"{spec}: no table to sort")
        return best

    @staticmethod
    def sortable_columns(table):
        return [c for c, numeric in enumerate(table["numeric"]) if numeric
                and len({french_figure(row[c]) for row in table["rows"]}) >= 3]

    def click_header(self, index, column):
        self.browser.click(
            f'document.querySelectorAll(".table-block")[{index}]'
            f'.querySelectorAll("thead th")[{column}]')
        return self.tables()[index]

    def assert_sorted(self, table, column, descending):
        figures = [french_figure(row[column]) for row in table["rows"]]
        present = [f for f in figures if f is not None]
        # Cells with no figure ("n/a") last, whichever the direction.
        self.assertEqual(figures[:len(present)], present)
        self.assertEqual(present, sorted(present, reverse=descending))

    def test_a_click_on_a_header_sorts_the_table_by_its_column(self):
        for spec in SPECS:
            with self.subTest(spec=spec):
                self.open(spec)
                index, before = self.largest_table(spec)
                self.assertGreaterEqual(len(before["rows"]), 3)
                rows = sorted(map(tuple, before["rows"]))
                for column in self.sortable_columns(before):
                    after = self.click_header(index, column)
                    self.assertEqual(after["sort"][column], "ascending")
                    self.assert_sorted(after, column, descending=False)
                    self.assertEqual(sorted(map(tuple, after["rows"])), rows)
                    again = self.click_header(index, column)
                    self.assertEqual(again["sort"][column], "descending")
                    self.assert_sorted(again, column, descending=True)
                    self.assertEqual(sorted(map(tuple, again["rows"])), rows)
                    # Only one column is the sorted one.
                    self.assertEqual(
                        [s for s in again["sort"] if s in ("ascending",
                                                           "descending")],
                        ["descending"])
                # A text column, in the report's language's order.
                text = before["numeric"].index(False)
                after = self.click_header(index, text)
                self.assertEqual(after["sort"][text], "ascending")
                self.assertEqual(sorted(map(tuple, after["rows"])), rows)
                self.assertTrue(self.browser.evaluate(f"""(() => {{
                    const order = new Intl.Collator(
                        document.documentElement.lang,
                        {{numeric: true, sensitivity: "base"}});
                    const cells = {json.dumps([r[text] for r in after['rows']])}
                        .filter(t => t.trim() !== "");
                    return cells.every((c, i) =>
                        i === 0 || order.compare(cells[i - 1], c) <= 0);
                }})()"""))

    def test_typing_in_the_box_above_a_table_filters_its_rows(self):
        for spec in SPECS:
            with self.subTest(spec=spec):
                self.open(spec)
                index, table = self.largest_table(spec)
                rows = table["rows"]
                total = len(rows)
                self.assertEqual(table["count"],
                                 f"{total} ligne(s) sur {total}")
                # A word some rows hold and others not, typed in capitals
                # without its accents: the filter ignores both.
                needle = self.needle(rows)
                typed = folded(needle).upper()
                box = (f'document.querySelectorAll(".table-block")[{index}]'
                       '.querySelector("input")')
                self.browser.type_into(box, typed)
                after = self.tables()[index]
                expected = [folded(needle) in folded("\n".join(row))
                            for row in after["rows"]]
                self.assertEqual(after["shown"], expected)
                shown = sum(expected)
                self.assertTrue(0 < shown < total, (needle, shown, total))
                self.assertEqual(after["count"],
                                 f"{shown} ligne(s) sur {total}")
                # More typed: fewer rows, down to none.
                self.browser.type_into(box, "§§§")
                none = self.tables()[index]
                self.assertEqual(none["shown"], [False] * total)
                self.assertEqual(none["count"], f"0 ligne(s) sur {total}")

    @staticmethod
    def needle(rows):
        """A cell's word found in some rows but not all, longest first."""
        words = sorted({w for row in rows for cell in row
                        for w in re.findall(r"[^\W\d_]{4,}", cell)},
                       key=lambda w: (-len(w), w))
        for word in words:
            holding = sum(folded(word) in folded("\n".join(row))
                          for row in rows)
            if 0 < holding < len(rows):
                return word
        raise AssertionError("no word tells the rows apart")

    # ---- the file --------------------------------------------------------

    def test_the_same_data_and_spec_give_the_same_page(self):
        first_out = self.output("management")
        result, out = self.run_spec("management", self.dir / "rerun")
        self.assertEqual(result.returncode, 0, lib.describe(result))
        first = (first_out / "report.html").read_bytes()
        second = (out / "report.html").read_bytes()
        if first == second:
            return
        # Otherwise only the printed generation time ("Généré le
        # 2026-11-24 21:51", to the minute) may differ, and it did.
        times = []
        for folder in (first_out, out):
            with open(folder / "kpis.json", encoding="utf-8") as f:
                times.append(json.load(f)["report"]["generated_at"][:16])
        self.assertNotEqual(times[0], times[1],
                            "same generation minute, different page")
        generated = re.compile(rb'<p class="generated">[^<]*</p>')
        self.assertEqual(len(generated.findall(first)), 1)
        self.assertEqual(generated.sub(b"", first), generated.sub(b"", second))

    def test_html_false_leaves_the_page_out(self):
        text = lib.source_path("report-specs", "management.yaml").read_text()
        self.assertIn("html: true", text)
        spec = lib.write_spec(self.dir / "no-html.yaml",
                              text.replace("html: true", "html: false"))
        result, out = self.run_spec("management", self.dir / "no-html", spec)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assertFalse((out / "report.html").exists())
        self.assertTrue((out / "report.pdf").is_file())
        listed = (out / ".vigie-report").read_text()
        self.assertNotIn("report.html", listed)
        self.assertIn("report.html",
                      (self.output("management") / ".vigie-report").read_text())


if __name__ == "__main__":
    lib.main()
