"""The SVG pages of both shipped reports on the demo data: XML that a
parser reads, the report's text as real <text> (the KPI tiles' labels and
values of kpis.json found there), small files with no glyph outlines, and
each page drawn as the same page of the PDF (both rasterised, compared
pixel by pixel)."""

import json
import math
import re
import shutil
import unittest
import xml.etree.ElementTree as ET

import raster
import vigie_testlib as lib

SVG = "{http://www.w3.org/2000/svg}"
SPECS = ("management", "operational")

# Rasterised at 50 dpi, as pdftoppm -r 50 does: an A4 page is 414 x 585
# (portrait).
DPI = "50"
# Where the two renderings may differ, measured on both reports (17
# pages): the mean difference of the samples was 0.4 % to 2.4 % (small
# type is all edges, anti-aliased differently by Poppler and librsvg), and
# at most 0.036 % of the pixels were unmatched (raster.compare: off by more
# than a quarter of the range once blurred). A page must stay under 4 %
# and 0.1 % (242 of the 242 190 pixels): room for what another version of
# either tool does to an edge, none for a run, a rule or a fill missing,
# recoloured or misplaced. The same pages moved by one pixel (1.4 pt) had
# 0.21 % to 4.2 % of their pixels unmatched, moved by 2 px down and right
# 2.7 % to 8 %: test_a_page_moved_by_two_pixels_does_not_pass checks the
# latter on every page.
MAX_MEAN_DIFFERENCE = 0.04
MAX_UNMATCHED_SHARE = 0.001

# Cairo 1.16's SVG surface, which wrote these pages before, drew text as
# glyph outlines (<symbol> + <use> for every character): on the same demo
# data at lib.DEMO_SCALE, its pages weighed 106 KB to 309 KB (management
# 2 568 154 bytes for 12 pages, operational 1 206 065 for 5: the files'
# sizes on the commit before the SVG canvas). With <text>, they weigh 3 KB
# to 36 KB (185 486 and 108 389 bytes), 7 to 9 % of that. A page over
# 64 KB, above half of Cairo's smallest, would mean something other than
# text and shapes got in.
MAX_PAGE_BYTES = 64 * 1024

# Elements that carry drawn glyphs or pictures rather than text.
OUTLINE_ELEMENTS = {"symbol", "glyph", "font", "font-face", "use", "image"}


def plain(text):
    return lib.plain_spaces(text)


def grouped(number):
    """"-1234567,89" from "-1234567.89": digits grouped by three with a
    space (the report's narrow no-break one, made plain), decimal comma."""
    sign = "-" if number.startswith("-") else ""
    integer, _, decimals = number.lstrip("-").partition(".")
    if float(number) == 0:
        sign = ""  # a value that rounds to zero has no sign
    groups = []
    while integer:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    return sign + " ".join(groups) + ("," + decimals if decimals else "")


def french_value(value, unit):
    """A tile's value as the French report writes it, by the rules of
    docs/kpis-json.md and locale/number_format.hpp, from first principles:
    currency with two decimals and " €", count without decimals, ratio as
    a percentage with one decimal, days with one, anything else with up
    to two (trailing zeros dropped). Rounded on the double's exact value,
    as Python's format does."""
    if unit == "currency":
        return grouped(f"{value:.2f}") + " €"
    if unit == "count":
        return grouped(f"{value:.0f}")
    if unit == "ratio":
        return grouped(f"{value * 100:.1f}") + " %"
    if unit == "days":
        return grouped(f"{value:.1f}")
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return grouped(text)


def tile_kpis(spec):
    """The ids of every `- tiles: [...]` block of a shipped spec, read from
    its text so that a tile added there is checked."""
    text = lib.source_path("report-specs", f"{spec}.yaml").read_text()
    ids = []
    for block in re.findall(r"-\s*tiles:\s*\[([^\]]*)\]", text):
        ids += [kpi.strip() for kpi in block.split(",")]
    return ids


def runs_of(page):
    """Each <text> of a parsed page, in drawing order, spaces made plain."""
    return [plain("".join(t.itertext())) for t in page.iter(f"{SVG}text")]


def joined(lines):
    """Lines of a wrapped label as one text: a line ending in a hyphen
    ("multi-") was broken inside the word."""
    text = ""
    for line in lines:
        text += line if not text or text.endswith("-") else " " + line
    return text


def has_tile(runs, label, value):
    """Whether `label` is drawn as one run or as consecutive runs (wrapped
    onto lines), the next run being `value`: a tile draws its label, then
    its value."""
    for start in range(len(runs)):
        for end in range(start + 1, min(start + 4, len(runs))):
            if joined(runs[start:end]) == label and runs[end] == value:
                return True
    return False


class SvgPagesTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("svg-pages")
        data = lib.make_demo_data(cls.dir / "data")
        env = lib.clean_environment(VIGIE_DEMO_DATA=data,
                                    VIGIE_LIST_KEY="integration-test-list-key")
        cls.runs = {}
        cls.rasters = {}
        for spec in SPECS:
            out = cls.dir / spec
            result = lib.run_vigie(
                ["run", lib.source_path("report-specs", f"{spec}.yaml"),
                 "--period", lib.DEMO_PERIOD, "--out", out], env=env)
            cls.runs[spec] = (result, out)

    @classmethod
    def tearDownClass(cls):
        lib.remove_temp_dir(cls.dir)

    def output(self, spec):
        result, out = self.runs[spec]
        self.assertEqual(result.returncode, 0, lib.describe(result))
        return out

    def pages(self, spec):
        """[(path, parsed root)] of a report's SVG pages, in page order;
        as many as the PDF has pages."""
        out = self.output(spec)
        count = lib.pdf_page_count(out / "report.pdf")
        paths = [out / f"page-{n}.svg" for n in range(1, count + 1)]
        self.assertEqual(sorted(out.glob("page-*.svg")), sorted(paths))
        return [(path, ET.parse(path).getroot()) for path in paths]

    # ---- XML and text ----------------------------------------------------

    def test_every_page_is_svg_text_and_shapes_without_outlines(self):
        for spec in SPECS:
            for path, root in self.pages(spec):
                with self.subTest(page=path.name, spec=spec):
                    self.assertEqual(root.tag, f"{SVG}svg")
                    self.assertEqual(root.get("version"), "1.1")
                    # The page of the spec's template, as the PDF's.
                    width, height = lib.pdf_page_size(
                        self.output(spec) / "report.pdf")
                    self.assertEqual(root.get("viewBox"),
                                     f"0 0 {width:g} {height:g}")
                    names = {e.tag.removeprefix(SVG) for e in root.iter()}
                    self.assertEqual(names & OUTLINE_ELEMENTS - {"image"},
                                     set())
                    self.assertLessEqual(
                        names, {"svg", "text", "path", "g", "clipPath", "rect",
                                "image"})
                    # One image, the template's logo, on the cover only, and
                    # inside the page: no file beside it. (Cairo's surface
                    # would write glyphs as images too.)
                    images = list(root.iter(f"{SVG}image"))
                    self.assertLessEqual(len(images), 1 if path.name ==
                                         "page-1.svg" else 0)
                    for image in images:
                        self.assertTrue(image.get("href").startswith(
                            "data:image/png;base64,"))
                    # A footer at least, on every page.
                    self.assertGreater(len(runs_of(root)), 0)
                    # Every run carries its size, colour and measured width.
                    for text in root.iter(f"{SVG}text"):
                        self.assertRegex(text.get("fill"), r"^#[0-9a-f]{6}$")
                        self.assertGreater(float(text.get("font-size")), 0)
                        self.assertGreater(float(text.get("textLength")), 0)
                        self.assertEqual(text.get("lengthAdjust"),
                                         "spacingAndGlyphs")

    def test_the_family_is_the_one_the_pdf_embeds(self):
        out = self.output("management")
        # "ABCDEF+DejaVuSans-Bold" -> "DejaVuSans"
        embedded = {re.sub(r"^[A-Z]{6}\+|-[A-Za-z]+$", "", font["name"])
                    for font in lib.pdf_fonts(out / "report.pdf")}
        for path, root in self.pages("management"):
            family = root.get("font-family")
            first, _, fallback = family.partition(",")
            with self.subTest(page=path.name):
                self.assertEqual({first.strip("'\" ").replace(" ", "")},
                                 embedded)
                self.assertEqual(fallback.strip(), "sans-serif")

    def test_every_tile_shows_its_label_and_value_as_text(self):
        checked = 0
        for spec in SPECS:
            with open(self.output(spec) / "kpis.json", encoding="utf-8") as f:
                values = lib.value_kpis(json.load(f))
            pages = [(path.name, runs_of(root))
                     for path, root in self.pages(spec)]
            for kpi_id in tile_kpis(spec):
                kpi = values[kpi_id]
                label = kpi["label"]
                self.assertIsNotNone(kpi["value"], kpi_id)
                value = french_value(kpi["value"], kpi["unit"])
                with self.subTest(spec=spec, kpi=kpi_id, label=label,
                                  value=value):
                    # Once in its section, and again on the executive
                    # summary when it is a headline figure.
                    found = [name for name, runs in pages
                             if has_tile(runs, label, value)]
                    self.assertIn(len(found), (1, 2), found)
                    checked += 1
        self.assertGreater(checked, 30)

    # ---- size ------------------------------------------------------------

    def test_pages_are_small(self):
        for spec in SPECS:
            for path, _ in self.pages(spec):
                with self.subTest(page=path.name, spec=spec):
                    self.assertLess(path.stat().st_size, MAX_PAGE_BYTES)

    # ---- drawing ---------------------------------------------------------

    def rasterise(self, spec, number):
        """(the PDF's page, the SVG page) as Images, both at DPI; made once
        a page for the tests that use them."""
        key = (spec, number)
        if key not in self.rasters:
            self.rasters[key] = self.make_rasters(spec, number)
        return self.rasters[key]

    def make_rasters(self, spec, number):
        for tool in ("pdftoppm", "rsvg-convert"):
            self.assertIsNotNone(
                shutil.which(tool),
                f"{tool} not found: .ci/setup installs it (poppler-utils, "
                "librsvg2-bin)")
        out = self.output(spec)
        folder = self.dir / f"raster-{spec}"
        folder.mkdir(exist_ok=True)
        pdf_png = folder / f"pdf-{number}"
        lib.run_tool(["pdftoppm", "-r", DPI, "-png", "-f", number, "-l",
                      number, "-singlefile", out / "report.pdf", pdf_png])
        svg_png = folder / f"svg-{number}.png"
        # White paper under the page, as a PDF page has.
        lib.run_tool(["rsvg-convert", "--dpi-x", DPI, "--dpi-y", DPI,
                      "--background-color", "white",
                      out / f"page-{number}.svg", "-o", svg_png])
        return (raster.read_png(f"{pdf_png}.png"), raster.read_png(svg_png))

    def assert_alike(self, comparison, what):
        self.assertLess(comparison.mean_difference, MAX_MEAN_DIFFERENCE, what)
        self.assertLessEqual(comparison.unmatched_share, MAX_UNMATCHED_SHARE,
                             what)

    def alike(self, comparison):
        return (comparison.mean_difference < MAX_MEAN_DIFFERENCE and
                comparison.unmatched_share <= MAX_UNMATCHED_SHARE)

    def test_each_page_looks_like_the_same_page_of_the_pdf(self):
        for spec in SPECS:
            for number in range(1, len(self.pages(spec)) + 1):
                pdf, svg = self.rasterise(spec, number)
                width, height = lib.pdf_page_size(
                    self.output(spec) / "report.pdf")
                self.assertEqual((pdf.width, pdf.height),
                                 (math.ceil(width * int(DPI) / 72),
                                  math.ceil(height * int(DPI) / 72)))
                comparison = raster.compare(pdf, svg)
                self.assert_alike(comparison, f"{spec} page {number}: "
                                  f"{comparison}")

    def test_a_page_moved_by_two_pixels_does_not_pass(self):
        # The comparison above can fail: each page, its SVG raster moved by
        # 2 px (2.9 pt) down and right, is told apart from its PDF page.
        for spec in SPECS:
            for number in range(1, len(self.pages(spec)) + 1):
                pdf, svg = self.rasterise(spec, number)
                moved = raster.compare(pdf, raster.shifted(svg, 2, 2))
                self.assertFalse(self.alike(moved),
                                 f"{spec} page {number}: {moved}")
        # And a blank page is not taken for the cover.
        pdf, _ = self.rasterise("management", 1)
        blank = raster.Image(pdf.width, pdf.height,
                             b"\xff" * (3 * pdf.width * pdf.height))
        self.assertFalse(self.alike(raster.compare(pdf, blank)))


if __name__ == "__main__":
    lib.main()
