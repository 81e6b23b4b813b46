"""The pages of both shipped reports on the demo data, as a reader's tools
see them: the PDF's outline has a bookmark a section, opening the page
where pdftotext finds its title; its metadata name the report, who
publishes it and the period; it is tagged, with a heading a section; a
table longer than a page says on each page which rows it holds; no word
lies outside the page's margins; and the PNG previews asked for
(`outputs.png`) are the PDF's pages, as pdftoppm draws them."""

import math
import re
import unicodedata
import unittest
import xml.etree.ElementTree as ET

import yaml

import raster
import vigie_testlib as lib
from test_locale_reports import read_catalog

SPECS = ("management", "operational")
DPI = 50
# Two rasterisers of one page (Cairo's image surface, Poppler's Splash):
# as test_svg_pages.py's limits, but the share of unmatched pixels, where
# the management report's page 5 (a line chart's antialiased strokes)
# measured 0.1003 %: 0.5 % leaves room for that and none for a page moved
# by two pixels (2.7 % and more in test_svg_pages.py) or another page.
MAX_MEAN_DIFFERENCE = 0.04
MAX_UNMATCHED_SHARE = 0.005
# Points a unit of a template's lengths (docs/templates.md).
UNITS = {"pt": 1, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72}
# Nothing is drawn this close to the paper's edge, headers and footers
# included.
EDGE = 12


def length(value):
    """A template's length in points: a number, or a text with its unit."""
    if isinstance(value, (int, float)):
        return float(value)
    number, unit = re.fullmatch(r"([\d.]+)\s*(pt|mm|cm|in)", value).groups()
    return float(number) * UNITS[unit]


def template(spec_text):
    """The shipped template a spec names (report.template), as YAML."""
    name = re.search(r"^  template: (\w+)$", spec_text, re.MULTILINE).group(1)
    path = lib.source_path("templates", "report", f"{name}.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def margins(spec_text):
    """{side: points} of the spec's template."""
    given = template(spec_text)["page"]["margins"]
    return {side: length(given[side])
            for side in ("top", "right", "bottom", "left")}


def with_previews(text):
    """A shipped spec asking for PNG previews at DPI, its SVG pages off."""
    one_line = re.compile(r"^outputs: \{pdf: true, svg: true,", re.MULTILINE)
    if one_line.search(text):
        return one_line.sub(
            f"outputs: {{pdf: true, svg: false, png: true, png_dpi: {DPI},",
            text)
    block = re.compile(r"^  svg: true$", re.MULTILINE)
    assert block.search(text), "no outputs.svg in the spec"
    return block.sub(f"  svg: false\n  png: true\n  png_dpi: {DPI}", text)


def section_titles(text):
    """The `- title:` of each section under `sections:`, from the spec's
    text, in order."""
    start = text.index("\nsections:") + len("\nsections:")
    sections = text[start:]
    end = re.search(r"^\S", sections, re.MULTILINE)
    if end:
        sections = sections[:end.start()]
    return [m.group(1) for m in
            re.finditer(r'^  - title: "([^"]*)"', sections, re.MULTILINE)]


def outline(pdf):
    """[(title, page)] of the PDF's bookmarks, as pdftohtml reads them."""
    xml = lib.run_tool(["pdftohtml", "-xml", "-i", "-stdout", "-q", pdf])
    root = ET.fromstring(xml)
    return [("".join(item.itertext()), int(item.get("page")))
            for item in root.iter("item")]


def structure(pdf):
    """[(depth, type, text)] of the PDF's structure elements, in the tree's
    order, as `pdfinfo -struct-text` prints them: a type on a line of its
    own indented two spaces a level, its text quoted a level deeper."""
    elements = []
    for line in lib.run_tool(["pdfinfo", "-struct-text", pdf]).splitlines():
        stripped = line.lstrip(" ")
        if not stripped:
            continue
        depth = (len(line) - len(stripped)) // 2
        if stripped.startswith('"'):
            # The text of the innermost element above, one level up.
            for i in range(len(elements) - 1, -1, -1):
                if elements[i][0] < depth:
                    d, kind, text = elements[i]
                    elements[i] = (d, kind, text + stripped[1:-1])
                    break
            continue
        elements.append((depth, stripped.split(" ")[0], ""))
    return elements


def squeezed(text):
    """`text` without spaces, its ligatures spelt out (NFKC: "ﬀ" is
    "ff"): how a title and its heading's text in the structure compare."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_info(pdf):
    info = {}
    for line in lib.run_tool(["pdfinfo", pdf]).splitlines():
        key, _, value = line.partition(":")
        info[key] = value.strip()
    return info


class PagesTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("pages")
        data = lib.make_demo_data(cls.dir / "data")
        env = lib.clean_environment(VIGIE_DEMO_DATA=data,
                                    VIGIE_LIST_KEY="integration-test-list-key")
        cls.catalog = read_catalog()
        cls.specs = {}
        cls.runs = {}
        for name in SPECS:
            text = lib.source_path("report-specs", f"{name}.yaml").read_text(
                encoding="utf-8")
            cls.specs[name] = text
            spec = lib.write_spec(cls.dir / f"{name}.yaml", with_previews(text))
            out = cls.dir / name
            result = lib.run_vigie(["run", spec, "--period", lib.DEMO_PERIOD,
                                    "--out", out, "-q"], env=env)
            cls.runs[name] = (result, out)

    @classmethod
    def tearDownClass(cls):
        lib.remove_temp_dir(cls.dir)

    def output(self, name):
        result, out = self.runs[name]
        self.assertEqual(result.returncode, 0, lib.describe(result))
        return out

    def page_text(self, pdf, number):
        return lib.plain_spaces(lib.run_tool(
            ["pdftotext", "-layout", "-f", number, "-l", number, pdf, "-"]))

    def test_the_outline_has_a_bookmark_a_section_at_its_page(self):
        appendix = self.catalog["quality.title"][0]
        summary = self.catalog["summary.title"][0]
        for name in SPECS:
            pdf = self.output(name) / "report.pdf"
            marks = outline(pdf)
            # The executive summary first when the template has one.
            first = [summary] if template(self.specs[name]).get("summary") \
                else []
            self.assertEqual([title for title, _ in marks],
                             first + section_titles(self.specs[name]) +
                             [appendix], name)
            pages = lib.pdf_page_count(pdf)
            previous = 2
            for title, page in marks:
                # In order, from page 2 (the cover has none), each title at
                # the top of the text of the page it opens.
                self.assertGreaterEqual(page, previous, title)
                self.assertLessEqual(page, pages, title)
                self.assertIn(lib.plain_spaces(title),
                              self.page_text(pdf, page), f"{name}: {title}")
                previous = page

    def test_the_metadata_name_the_report_its_author_and_period(self):
        for name in SPECS:
            info = pdf_info(self.output(name) / "report.pdf")
            spec = self.specs[name]
            title = re.search(r'^  title: "([^"]*)"', spec, re.MULTILINE)
            author = re.search(r'^  author: "([^"]*)"', spec, re.MULTILINE)
            self.assertEqual(info["Title"], title.group(1))
            self.assertEqual(info["Author"], author.group(1))
            self.assertIn("octobre 2026", info["Subject"])
            self.assertIn("septembre 2026", info["Subject"])
            self.assertEqual(info["Creator"], "Vigie")

    def test_the_pdf_is_tagged_with_a_heading_a_section(self):
        # One Document holds the structure; the report's title (the
        # cover's) then each bookmarked section are headings (H1), the
        # blocks' titles H2, the tables Tables.
        for name in SPECS:
            pdf = self.output(name) / "report.pdf"
            info = pdf_info(pdf)
            self.assertEqual(info["Tagged"], "yes", name)
            elements = structure(pdf)
            self.assertEqual([kind for depth, kind, _ in elements
                              if depth == 0], ["Document"], name)
            headings = [text for _, kind, text in elements if kind == "H1"]
            titles = [info["Title"]] + [title for title, _ in outline(pdf)]
            self.assertEqual(len(headings), len(titles), (name, headings))
            for heading, title in zip(headings, titles):
                # Poppler 22.12 stops an element's text at a ligature
                # (Cairo's /ActualText span in it): the heading's text is
                # the start of the title, at least a letter of it.
                self.assertTrue(squeezed(heading), (name, title))
                self.assertTrue(squeezed(title).startswith(squeezed(heading)),
                                (name, heading, title))
            kinds = [kind for _, kind, _ in elements]
            self.assertIn("Table", kinds, name)
            self.assertIn("H2", kinds, name)
        # The operational report is lists alone; the management one has
        # charts.
        kinds = [kind for _, kind, _ in
                 structure(self.output("management") / "report.pdf")]
        self.assertIn("Figure", kinds)

    def test_a_table_over_pages_says_which_rows_each_page_holds(self):
        # The operational report's lists run over pages: every page of a
        # list after its first says "(suite)", and the rows of its pages
        # follow one another to the list's total.
        pdf = self.output("operational") / "report.pdf"
        ranges = []
        for number in range(2, lib.pdf_page_count(pdf) + 1):
            ranges += [tuple(int(n.replace(" ", "")) for n in m.groups())
                       for m in re.finditer(
                           r"lignes ([\d ]+)–([\d ]+) sur ([\d ]+)",
                           self.page_text(pdf, number))]
        self.assertGreater(len(ranges), 1, "no table over pages")
        expected_first = 1
        for first, last, total in ranges:
            self.assertEqual(first, expected_first, ranges)
            self.assertLessEqual(first, last)
            self.assertLessEqual(last, total)
            expected_first = 1 if last == total else last + 1
        self.assertEqual(expected_first, 1, "a table stopped before its end")

    def test_no_word_lies_outside_the_margins(self):
        # Left and right, the margins of the spec's template; the header
        # and the footer are drawn in the top and bottom ones.
        for name in SPECS:
            pdf = self.output(name) / "report.pdf"
            width, height = lib.pdf_page_size(pdf)
            margin = margins(self.specs[name])
            html = lib.run_tool(["pdftotext", "-bbox", pdf, "-"])
            words = re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                r'yMax="([\d.]+)">([^<]*)</word>', html)
            self.assertGreater(len(words), 100, name)
            for x0, y0, x1, y1, word in words:
                box = [float(v) for v in (x0, y0, x1, y1)]
                where = f"{name}: '{word}' at {box}"
                self.assertGreaterEqual(box[0], margin["left"] - 1, where)
                self.assertLessEqual(box[2], width - margin["right"] + 1,
                                     where)
                self.assertGreaterEqual(box[1], EDGE, where)
                self.assertLessEqual(box[3], height - EDGE, where)

    def test_each_preview_is_its_pdf_page(self):
        for name in SPECS:
            out = self.output(name)
            pages = lib.pdf_page_count(out / "report.pdf")
            width, height = lib.pdf_page_size(out / "report.pdf")
            # ceil(595.276 * 50 / 72) by ceil(841.89 * 50 / 72) on A4
            # portrait, the other way round on landscape.
            pixels = (math.ceil(width * DPI / 72), math.ceil(height * DPI / 72))
            previews = sorted(out.glob("page-*.png"))
            self.assertEqual(len(previews), pages, name)
            self.assertFalse(list(out.glob("page-*.svg")), "svg: false")
            for number in range(1, pages + 1):
                reference = self.dir / f"{name}-pdf-{number}"
                lib.run_tool(["pdftoppm", "-r", DPI, "-png", "-f", number,
                              "-l", number, "-singlefile", out / "report.pdf",
                              reference])
                pdf = raster.read_png(f"{reference}.png")
                png = raster.read_png(out / f"page-{number}.png")
                self.assertEqual((png.width, png.height), pixels)
                self.assertEqual((pdf.width, pdf.height), pixels)
                comparison = raster.compare(pdf, png)
                where = f"{name} page {number}: {comparison}"
                self.assertLess(comparison.mean_difference,
                                MAX_MEAN_DIFFERENCE, where)
                self.assertLessEqual(comparison.unmatched_share,
                                     MAX_UNMATCHED_SHARE, where)
                # A preview of the wrong page would not pass.
                if number > 1:
                    other = raster.read_png(out / f"page-{number - 1}.png")
                    moved = raster.compare(pdf, other)
                    self.assertFalse(
                        moved.mean_difference < MAX_MEAN_DIFFERENCE and
                        moved.unmatched_share <= MAX_UNMATCHED_SHARE, where)


if __name__ == "__main__":
    lib.main()
