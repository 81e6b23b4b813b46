"""Report templates as a reader of the PDF sees them: both shipped reports
on the demo data have their template's page (pdfinfo), header and footer
(pdftotext on each page), the management report its executive summary
with the headline figures and the KPIs off target of its kpis.json, each
of its sections on a page of its own; a spec changes the template's
values under report.theme; a template is found by name in
VIGIE_TEMPLATE_PATH; a mistaken template name or template file stops the
run before anything is written, with the file:line:column of the
mistake."""

import json
import re
import unittest

import vigie_testlib as lib
from test_locale_reports import read_catalog
from test_pages import outline
from test_svg_pages import french_value, tile_kpis

A4 = (595.276, 841.89)
SPEC_LINE = re.compile(r"^  template: \w+\n", re.MULTILINE)


def page_text(pdf, number):
    return lib.plain_spaces(lib.run_tool(
        ["pdftotext", "-layout", "-f", number, "-l", number, pdf, "-"]))


def lines_of(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


class TemplatesTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("templates")
        cls.data = lib.make_demo_data(cls.dir / "data")
        cls.env = lib.clean_environment(
            VIGIE_DEMO_DATA=cls.data, VIGIE_LIST_KEY="integration-test-key")
        cls.catalog = read_catalog()
        cls.specs = {}
        cls.runs = {}
        for name in ("management", "operational"):
            text = lib.source_path("report-specs", f"{name}.yaml").read_text(
                encoding="utf-8")
            cls.specs[name] = text
            cls.runs[name] = cls.run_spec(name, text)

    @classmethod
    def tearDownClass(cls):
        lib.remove_temp_dir(cls.dir)

    @classmethod
    def run_spec(cls, name, text, env=None):
        spec = lib.write_spec(cls.dir / f"{name}.yaml", text)
        out = cls.dir / f"out-{name}"
        result = lib.run_vigie(["run", spec, "--period", lib.DEMO_PERIOD,
                                "--out", out, "-q"], env=env or cls.env)
        return result, out

    def pdf(self, name):
        result, out = self.runs[name]
        self.assertEqual(result.returncode, 0, lib.describe(result))
        return out / "report.pdf"

    def kpis(self, name):
        result, out = self.runs[name]
        with open(out / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    # ---- the shipped templates ------------------------------------------

    def test_management_is_landscape_and_operational_portrait(self):
        width, height = lib.pdf_page_size(self.pdf("management"))
        self.assertEqual((round(width, 2), round(height, 2)),
                         (round(A4[1], 2), round(A4[0], 2)))
        width, height = lib.pdf_page_size(self.pdf("operational"))
        self.assertEqual((round(width, 2), round(height, 2)),
                         (round(A4[0], 2), round(A4[1], 2)))

    def test_header_and_footer_on_every_page(self):
        # The management template has the mark in its footer, the
        # operational one in its header (not drawn on the cover).
        marks = {"management": ("Confidentiel — diffusion restreinte", 1),
                 "operational": ("Usage interne — données personnelles", 2)}
        for name, (mark, first_marked) in marks.items():
            pdf = self.pdf(name)
            title = re.search(r'^  title: "([^"]*)"', self.specs[name],
                              re.MULTILINE).group(1)
            count = lib.pdf_page_count(pdf)
            for number in range(1, count + 1):
                lines = lines_of(page_text(pdf, number))
                where = f"{name} page {number}"
                # The footer is the page's last line: the number right.
                self.assertRegex(lines[-1], rf"page {number} / {count}$",
                                 where)
                if number >= first_marked:
                    self.assertIn(mark, page_text(pdf, number), where)
                # The header is the first line of every page but the
                # cover's: the title left, the period.
                if number > 1:
                    self.assertTrue(lines[0].startswith(title), where)
                    self.assertIn("octobre 2026", lines[0], where)

    def test_the_executive_summary_shows_the_headline_and_what_is_off(self):
        pdf = self.pdf("management")
        marks = outline(pdf)
        summary = self.catalog["summary.title"][0]
        self.assertEqual(marks[0], (summary, 2))
        text = page_text(pdf, 2)
        values = lib.value_kpis(self.kpis("management"))
        # The first eight KPIs of the spec's tile blocks, each with its
        # value as its tile writes it.
        headline = tile_kpis("management")[:8]
        for kpi_id in headline:
            kpi = values[kpi_id]
            self.assertIn(kpi["label"], text, kpi_id)
            self.assertIn(french_value(kpi["value"], kpi["unit"]), text,
                          kpi_id)
        # The table of the KPIs off target: those in their alert zone, then
        # those in their warning zone, as kpis.json says.
        self.assertIn(self.catalog["summary.attention"][0], text)
        off = [k for k in values.values() if k["status"] == "alert"] + \
              [k for k in values.values() if k["status"] == "warning"]
        self.assertGreater(len(off), 0, "the demo data has KPIs off target")
        table = text[text.index(self.catalog["summary.attention"][0]):]
        rows = [line for line in lines_of(table)
                if any(line.startswith(k["label"]) for k in off)]
        self.assertEqual(len(rows), min(len(off), 6), table)
        for row, kpi in zip(rows, off):
            self.assertTrue(row.startswith(kpi["label"]), (row, kpi["id"]))
            self.assertIn(french_value(kpi["value"], kpi["unit"]), row)

    def test_each_management_section_opens_a_page(self):
        pages = [page for _, page in outline(self.pdf("management"))]
        self.assertEqual(len(pages), len(set(pages)), pages)
        # The operational template puts sections one after the other.
        pages = [page for _, page in outline(self.pdf("operational"))]
        self.assertLess(len(set(pages)), len(pages), pages)

    def test_the_logo_is_on_the_cover(self):
        for name in ("management", "operational"):
            images = lib.run_tool(["pdfimages", "-list", self.pdf(name)])
            # One image (and its alpha channel, a soft mask), on page 1.
            rows = [line.split() for line in images.splitlines()[2:]
                    if line.split()[2] == "image"]
            self.assertEqual([row[0] for row in rows], ["1"], images)
            # logo.png: 360 x 96 pixels.
            self.assertEqual(rows[0][3:5], ["360", "96"], images)

    # ---- a spec over its template ----------------------------------------

    def test_the_specs_theme_goes_over_the_template(self):
        mark = '    confidentiality: "Usage interne — données personnelles"\n'
        self.assertIn(mark, self.specs["operational"])
        text = self.specs["operational"].replace(
            mark,
            mark + "    page: {orientation: landscape, margins: 20mm}\n"
            "    cover: false\n"
            "    footer: {left: \"Réf. {{period}}\", right: \"{{page}}\"}\n",
            1)
        result, out = self.run_spec("override", text)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        pdf = out / "report.pdf"
        width, height = lib.pdf_page_size(pdf)
        self.assertGreater(width, height)
        first = lines_of(page_text(pdf, 1))
        # No cover: page 1 opens with the header, then the first section.
        self.assertNotIn(self.catalog["cover.contents"][0], first)
        self.assertEqual(outline(pdf)[0][1], 1)
        self.assertRegex(first[-1], r"^Réf\. octobre 2026 .*page 1 / \d+$")
        # Words keep 20 mm from the left edge.
        bbox = lib.run_tool(["pdftotext", "-f", 1, "-l", 1, "-bbox", pdf, "-"])
        lefts = [float(x) for x in re.findall(r'<word xMin="([\d.]+)"', bbox)]
        self.assertGreaterEqual(min(lefts), 20 * 72 / 25.4 - 1)

    def test_a_template_is_found_by_name_in_vigie_template_path(self):
        folder = self.dir / "looks"
        folder.mkdir(exist_ok=True)
        (folder / "board.yaml").write_text(
            "page: {size: A3, orientation: landscape}\n"
            "cover: false\n"
            "footer: {right: \"Board — {{page}}\"}\n", encoding="utf-8")
        text = SPEC_LINE.sub("  template: board\n",
                             self.specs["operational"], count=1)
        env = dict(self.env, VIGIE_TEMPLATE_PATH=str(folder))
        result, out = self.run_spec("board", text, env=env)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        width, height = lib.pdf_page_size(out / "report.pdf")
        self.assertEqual((round(width), round(height)), (1191, 842))
        self.assertRegex(lines_of(page_text(out / "report.pdf", 1))[-1],
                         r"Board — page 1 / \d+$")

    # ---- mistakes --------------------------------------------------------

    def assert_refused(self, result, out, pattern):
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertRegex(result.stderr, pattern)
        self.assertFalse(out.exists(), "nothing is written")

    def test_an_unknown_template_is_an_error_at_its_place(self):
        text = SPEC_LINE.sub("  template: managment\n",
                             self.specs["management"], count=1)
        line = text[:text.index("  template: managment")].count("\n") + 1
        result, out = self.run_spec("unknown", text)
        self.assert_refused(
            result, out,
            rf"unknown\.yaml:{line}:13: report\.template: unknown template "
            r"'managment'; did you mean 'management'\? available: "
            r"management, operational")

    def test_a_mistaken_template_is_an_error_at_its_own_line(self):
        (self.dir / "look-broken.yaml").write_text(
            "page:\n  orientation: sideways\n"
            "footer: {right: \"{{pages}}\"}\n", encoding="utf-8")
        text = SPEC_LINE.sub("  template: look-broken.yaml\n",
                             self.specs["operational"], count=1)
        result, out = self.run_spec("broken", text)
        self.assert_refused(
            result, out,
            r"look-broken\.yaml:2:16: page\.orientation: expected one of "
            r"portrait, landscape")
        self.assertRegex(result.stderr,
                         r"look-broken\.yaml:3:17: footer\.right: unknown "
                         r"variable \{\{pages\}\}; did you mean 'page'\?")


if __name__ == "__main__":
    lib.main()
