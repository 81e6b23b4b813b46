#!/usr/bin/python3
"""The pictures of docs/templates.md, drawn from tests/golden/templates.yaml.

Pages of the two shipped reports (report-specs/) on the same data show the
report templates: docs/images/report_<spec>_page<N>.png. Each section of
the spec (one chart block) is run on its own, by `vigie run`
on the demo data, and page 2 of its PDF (the section, after the cover) is
rasterised by pdftoppm and cut to the chart by `vigie_golden crop`, above
the data-quality appendix that follows it: docs/images/<section title>.png.

    tests/golden/docs_pictures.py --vigie build/release/bin/vigie \
        --golden build/release/bin/vigie_golden --out docs/images
"""

import argparse
import os
import pathlib
import re
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
DPI = 96
PERIOD = "2026-10"
# The pages of the shipped reports that show their template, and the
# resolution a whole page is shown at.
REPORT_PAGES = {"management": (1, 2, 5), "operational": (2,)}
PAGE_DPI = 40


def split_sections(text):
    """The spec before `sections:`, and each section's lines by title."""
    head, _, rest = text.partition("\nsections:\n")
    sections = {}
    title = None
    for line in rest.splitlines(keepends=True):
        match = re.match(r"  - title: (\S+)", line)
        if match:
            title = match.group(1)
            sections[title] = ""
        if title is not None:
            sections[title] += line
    return head + "\n", sections


def appendix_top(pdf):
    """Where the data-quality appendix starts on page 2, in points from the
    page's top; None when it is not on that page."""
    words = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", "-bbox", str(pdf), "-"],
        check=True, capture_output=True, text=True).stdout
    for match in re.finditer(
            r'<word xMin="([0-9.]+)" yMin="([0-9.]+)"[^>]*>Qualité</word>',
            words):
        if float(match.group(1)) < 50:  # a section title, at the margin
            return float(match.group(2)) - 10
    return None


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed:\n{result.stderr}")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vigie", required=True)
    parser.add_argument("--golden", required=True)
    parser.add_argument("--spec", default=str(HERE / "templates.yaml"))
    parser.add_argument("--out", default=str(HERE.parent.parent / "docs" /
                                             "images"))
    args = parser.parse_args()
    head, sections = split_sections(pathlib.Path(args.spec).read_text())
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        run([args.vigie, "demo-data", "--out", tmp / "data", "--scale",
             "0.05"])
        env = dict(os.environ, VIGIE_DEMO_DATA=str(tmp / "data"))
        for title, section in sections.items():
            spec = tmp / f"{title}.yaml"
            spec.write_text(head + "sections:\n" + section)
            report = tmp / "out" / title
            run([args.vigie, "run", spec, "--period", PERIOD, "--out", report,
                 "--quiet"], env=env)
            page = tmp / f"{title}-page"
            run(["pdftoppm", "-r", str(DPI), "-f", "2", "-l", "2",
                 "-singlefile", "-png", report / "report.pdf", page])
            crop = [args.golden, "crop", f"{page}.png", out / f"{title}.png",
                    "--dpi", str(DPI)]
            bottom = appendix_top(report / "report.pdf")
            if bottom is not None:
                crop += ["--bottom", str(bottom)]
            run(crop)
            print(f"wrote {out / (title + '.png')}")
        env["VIGIE_LIST_KEY"] = "docs-pictures-key"
        for name, pages in REPORT_PAGES.items():
            spec = HERE.parent.parent / "report-specs" / f"{name}.yaml"
            report = tmp / "out" / name
            run([args.vigie, "run", spec, "--period", PERIOD, "--out", report,
                 "--quiet"], env=env)
            for number in pages:
                picture = out / f"report_{name}_page{number}"
                run(["pdftoppm", "-r", str(PAGE_DPI), "-f", str(number), "-l",
                     str(number), "-singlefile", "-png",
                     report / "report.pdf", picture])
                print(f"wrote {picture}.png")


if __name__ == "__main__":
    main()
