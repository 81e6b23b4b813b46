"""Shared helpers of the integration tests: they drive the real `vigie`
binary, its plugins and the real tools (pdftotext, PostgreSQL, ...).

Every script takes the paths it needs as options (see `parse_arguments`),
then runs unittest on the rest of its command line, so that one test can be
picked by name:

    /usr/bin/python3 test_cli.py --vigie build/bin/vigie ... CliTest.test_help
"""

import argparse
import codecs
import collections
import csv
import decimal
import hashlib
import hmac
import io
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import unittest

import xlsx_reader

# Filled by parse_arguments() before the tests run.
PATHS = argparse.Namespace(vigie=None, source_dir=None, test_plugins=None,
                           shared_dir=None, fail_writes=None, build_dir=None,
                           keep=False)

# Small enough for the sanitizer run, large enough for every KPI to have
# values (about 1000 customers, 7000 order lines).
DEMO_SCALE = "0.05"
DEMO_PERIOD = "2026-10"

# The characters a number may be grouped or spaced with in French
# typography: narrow no-break space, no-break space.
_FRENCH_SPACES = {"\u202f": " ", "\u00a0": " "}


def parse_arguments():
    """Reads the path options, leaves the rest to unittest."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--vigie", required=True, help="the vigie binary")
    parser.add_argument("--source-dir", help="the repository root")
    parser.add_argument("--test-plugins", help="BUILD/test-plugins")
    parser.add_argument("--shared-dir", help="the shared contract folder")
    parser.add_argument("--fail-writes",
                        help="the LD_PRELOAD library that fails writes "
                             "with ENOSPC (fail_writes.cpp)")
    parser.add_argument("--build-dir",
                        help="the build tree `cmake --install` reads (the "
                             "SDK tests install from it)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary folders (debugging)")
    known, rest = parser.parse_known_args()
    for name, value in vars(known).items():
        setattr(PATHS, name, value)
    PATHS.vigie = str(pathlib.Path(PATHS.vigie).resolve())
    return [sys.argv[0]] + rest


def main():
    argv = parse_arguments()
    unittest.main(argv=argv, verbosity=2)


def source_path(*parts):
    return pathlib.Path(PATHS.source_dir, *parts)


def make_temp_dir(test_name):
    """A fresh folder of this process: tests run in parallel (ctest -j)."""
    path = pathlib.Path(tempfile.mkdtemp(prefix=f"vigie-it-{test_name}-"))
    return path


def remove_temp_dir(path):
    if not PATHS.keep:
        shutil.rmtree(path, ignore_errors=True)


def clean_environment(**extra):
    """The caller's environment without any Vigie variable, plus `extra`.

    A developer's VIGIE_PLUGIN_PATH or VIGIE_LIST_KEY must not change what a
    test sees. The sanitizers must not stop a run at exit on a leak that is
    not ours (fontconfig's caches): ASAN_OPTIONS keeps the caller's choice.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIGIE_")}
    env.setdefault("LC_ALL", "C.UTF-8")
    env.update({k: str(v) for k, v in extra.items()})
    return env


def run_vigie(args, env=None, timeout=600, cwd=None):
    """Runs vigie; returns the CompletedProcess (text stdout and stderr)."""
    return subprocess.run(
        [PATHS.vigie] + [str(a) for a in args],
        env=env if env is not None else clean_environment(), cwd=cwd,
        capture_output=True, text=True, errors="replace", timeout=timeout)


def describe(result):
    """What a failed assertion prints about a vigie run."""
    return (f"\n$ {' '.join(result.args)}\nexit {result.returncode}\n"
            f"--- stdout\n{result.stdout[-4000:]}\n"
            f"--- stderr\n{result.stderr[-4000:]}")


def make_demo_data(folder, scale=DEMO_SCALE):
    result = run_vigie(["demo-data", "--out", folder, "--scale", scale])
    if result.returncode != 0:
        raise RuntimeError("vigie demo-data failed" + describe(result))
    return pathlib.Path(folder)


def run_tool(args, timeout=120, **kwargs):
    """Runs an external tool that must succeed; returns its stdout."""
    result = subprocess.run([str(a) for a in args], capture_output=True,
                            text=True, errors="replace", timeout=timeout,
                            **kwargs)
    if result.returncode != 0:
        raise RuntimeError(f"{args[0]} failed ({result.returncode}): "
                           f"{result.stderr[-2000:]}")
    return result.stdout


def pdf_text(pdf):
    """The PDF's text as pdftotext reads it, French spaces made plain."""
    text = run_tool(["pdftotext", "-enc", "UTF-8", pdf, "-"])
    return plain_spaces(text)


def pdf_page_count(pdf):
    info = run_tool(["pdfinfo", pdf])
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    if not match:
        raise RuntimeError("pdfinfo gave no page count:\n" + info)
    return int(match.group(1))


def pdf_page_size(pdf):
    """(width, height) in points of the PDF's first page."""
    info = run_tool(["pdfinfo", pdf])
    match = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info,
                      re.MULTILINE)
    if not match:
        raise RuntimeError("pdfinfo gave no page size:\n" + info)
    return float(match.group(1)), float(match.group(2))


def pdf_fonts(pdf):
    """pdffonts' rows as dicts: name, emb, sub, uni ('yes'/'no').

    The type column may hold spaces ("CID TrueType"), so the flags are read
    from the right end, where each column is one word:
    ... emb sub uni object generation."""
    rows = []
    for line in run_tool(["pdffonts", pdf]).splitlines()[2:]:
        words = line.split()
        rows.append({"name": words[0], "emb": words[-5], "sub": words[-4],
                     "uni": words[-3]})
    return rows


def plain_spaces(text):
    for special, plain in _FRENCH_SPACES.items():
        text = text.replace(special, plain)
    return text


def french_currency(value):
    """A euro amount the way a French report prints it, from first
    principles: two decimals rounded half-even on the exact decimal value,
    digits grouped by three with a (narrow no-break) space, a decimal
    comma, then a space and the euro sign: 1234567.891 -> "1 234 567,89 €".
    The spaces are plain here: compare with plain_spaces() text."""
    amount = decimal.Decimal(str(value)).quantize(decimal.Decimal("0.01"),
                                                  rounding=decimal.ROUND_HALF_EVEN)
    sign = "-" if amount < 0 else ""
    integer, cents = f"{abs(amount):.2f}".split(".")
    groups = []
    while integer:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    return f"{sign}{' '.join(groups)},{cents} €"


def pseudonym(key, customer_id):
    """The key a list gives a customer: HMAC-SHA256(key, id), first 16
    bytes in hexadecimal (32 characters)."""
    digest = hmac.new(key.encode(), customer_id.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def free_port():
    """A TCP port nobody listens on now: the kernel's choice for port 0."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def files_under(folder):
    return sorted(p for p in pathlib.Path(folder).rglob("*") if p.is_file())


def readable_text(path):
    """A file's text for a leak check: PDF through pdftotext (its streams
    are compressed), XLSX as the text of its XML parts (a zip), anything
    else as UTF-8 with errors replaced."""
    path = pathlib.Path(path)
    if path.suffix == ".pdf":
        return pdf_text(path)
    if path.suffix == ".xlsx":
        return xlsx_reader.Workbook(path).text()
    return path.read_bytes().decode("utf-8", errors="replace")


ListCsv = collections.namedtuple("ListCsv", "bom separator header rows")


def read_list_csv(path):
    """A list CSV in whichever dialect Vigie wrote it
    (docs/spec-reference.md, "The list files"): whether it starts with a
    UTF-8 byte order mark, its separator, its header and its rows (lists
    of texts, quotes undone). Column names hold no separator, so the
    separator is the first of ',', ';', tab or '|' in the header line (a
    list of one column has none: ','). The decimal mark cannot be told
    from the file; the caller knows the report's locale."""
    data = pathlib.Path(path).read_bytes()
    bom = data.startswith(codecs.BOM_UTF8)
    text = data[len(codecs.BOM_UTF8) if bom else 0:].decode("utf-8")
    header_line = text.split("\r\n", 1)[0]
    separator = next((c for c in header_line if c in ",;\t|"), ",")
    rows = list(csv.reader(io.StringIO(text, newline=""),
                           delimiter=separator))
    return ListCsv(bom, separator, rows[0], rows[1:])


def value_kpis(kpis_json):
    """{id: kpi} of the value KPIs of a kpis.json document."""
    return {k["id"]: k for k in kpis_json["kpis"] if k["kind"] == "value"}


def sha256_of(path):
    """The SHA-256 of a file, in hexadecimal."""
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def write_spec(path, text):
    path = pathlib.Path(path)
    path.write_text(text, encoding="utf-8")
    return path
