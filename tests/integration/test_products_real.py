"""A real shop's products: the UCI "Online Retail" file (541 909 invoice
lines of a UK online shop, Dec 2010 - Dec 2011), read by the csv connector
with a mapping, and the products KPIs of November 2011 (P' October 2011)
checked against figures computed here, independently, from the same file,
following KPI-CATALOG.md section 8 and docs/kpi-choices.md "Products
(section 8)".

How the expected figures are made: the gzip file is read with csv and
every line's amount is Quantity * UnitPrice in decimal.Decimal (exact:
UnitPrice has at most 3 decimals, so no rounding happens anywhere). A line
belongs to the month whose local text range "YYYY-MM-01 00:00:00" <=
InvoiceDate < next month's holds it (InvoiceDate is London local time, the
report's zone). Per StockCode the month's amounts are added; a product is
sold when its sum is > 0; the top 5 are the sold ones by sum descending,
then StockCode in byte order (Python compares str by code point, which for
these ASCII codes is byte order). kpis.json gives decimal cells as exact
strings, so revenues in the tables are compared exactly; value KPIs are
doubles, compared to the cent.

Mapping choices: product_id is StockCode; the file has no product
category and no margin, so neither is mapped (Country or Description are
no category): every line is in the "(none)" category row and the margin
cells are null, which this test checks too. Cancellations ("C" invoices,
negative Quantity) are lines like any other and lower their product's
revenue; postage and fee codes (POST, M, DOT, ...) are products of the
file as it stands."""

import csv
import decimal
import gzip
import json
import pathlib
import unittest

import vigie_testlib as lib

TOP = 5

SPEC = """\
report:
  id: online_retail_products
  title: "Online retail, products"
  locale: en_GB
  time_zone: Europe/London
  # The file is clean for these columns: any reject would be a bug.
  reject_threshold: 0.001
sources:
  - id: invoices
    connector: csv
    dataset: orders
    config: {{path: "{path}"}}
    mapping:
      order_id: InvoiceNo
      ordered_at: InvoiceDate
      amount: "Quantity * UnitPrice"
      quantity: Quantity
      product_id: StockCode
      customer_id: "integer(CustomerID)"
parameters: {{top_products: {top}}}
kpis:
  - {{id: product_revenue, indicator: products}}
  - {{id: products_sold, indicator: products}}
  - {{id: units_sold, indicator: products}}
  - {{id: sales_by_category, indicator: products}}
  - {{id: top_products, indicator: products}}
sections:
  - title: "Products"
    blocks:
      - tiles: [product_revenue, products_sold, units_sold]
      - table: {{kpi: top_products, columns: [rank, product_id, revenue]}}
      - table: sales_by_category
outputs: {{pdf: false, svg: false, html: false, json: true, lists: false}}
"""

MONTHS = {"P": ("2011-11-01 00:00:00", "2011-12-01 00:00:00"),
          "P'": ("2011-10-01 00:00:00", "2011-11-01 00:00:00")}


def expected_figures(path):
    """The products figures of November and October 2011, by the rules."""
    revenue = {m: {} for m in MONTHS}   # month -> StockCode -> Decimal
    quantity = {m: {} for m in MONTHS}  # month -> StockCode -> int
    total = {m: decimal.Decimal(0) for m in MONTHS}
    units = {m: 0 for m in MONTHS}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            when = row["InvoiceDate"]
            month = next((m for m, (start, end) in MONTHS.items()
                          if start <= when < end), None)
            if month is None:
                continue
            amount = (decimal.Decimal(row["Quantity"])
                      * decimal.Decimal(row["UnitPrice"]))
            code = row["StockCode"]
            total[month] += amount
            units[month] += int(row["Quantity"])
            revenue[month][code] = revenue[month].get(code, 0) + amount
            quantity[month][code] = (quantity[month].get(code, 0)
                                     + int(row["Quantity"]))
    sold = [c for c, r in revenue["P"].items() if r > 0]
    top = sorted(sold, key=lambda c: (-revenue["P"][c], c))[:TOP]
    return {"total": total, "units": units,
            "products_sold": {m: sum(1 for r in revenue[m].values() if r > 0)
                              for m in MONTHS},
            "top": [(c, revenue["P"][c], quantity["P"][c],
                     revenue["P'"].get(c, decimal.Decimal(0)),
                     quantity["P'"].get(c, 0)) for c in top]}


class ProductsRealTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.data = pathlib.Path(lib.PATHS.shared_dir, "realdata",
                                "online_retail", "online_retail.csv.gz")
        if not cls.data.is_file():
            raise unittest.SkipTest(f"{cls.data} is not there")
        cls.dir = lib.make_temp_dir("products")
        cls.addClassCleanup(lib.remove_temp_dir, cls.dir)
        spec = lib.write_spec(cls.dir / "products.yaml",
                              SPEC.format(path=cls.data, top=TOP))
        cls.out = cls.dir / "out"
        cls.result = lib.run_vigie(["run", spec, "--period", "2011-11", "--out",
                                    cls.out, "-q"], timeout=840)
        cls.expected = expected_figures(cls.data)

    def kpis(self):
        self.assertEqual(self.result.returncode, 0, lib.describe(self.result))
        with open(self.out / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def table(self, kpi):
        """The rows of a table KPI as dicts by column name."""
        found = [k for k in self.kpis()["kpis"] if k["id"] == kpi]
        self.assertEqual(len(found), 1, kpi)
        names = [c["name"] for c in found[0]["columns"]]
        return [dict(zip(names, row)) for row in found[0]["rows"]]

    def test_month_revenue_to_the_cent(self):
        values = lib.value_kpis(self.kpis())
        cents = decimal.Decimal("0.01")
        value = values["product_revenue"]
        self.assertEqual(decimal.Decimal(str(value["value"])).quantize(cents),
                         self.expected["total"]["P"].quantize(cents))
        self.assertEqual(
            decimal.Decimal(str(value["previous"])).quantize(cents),
            self.expected["total"]["P'"].quantize(cents))

    def test_counts(self):
        values = lib.value_kpis(self.kpis())
        self.assertEqual(values["products_sold"]["value"],
                         self.expected["products_sold"]["P"])
        self.assertEqual(values["products_sold"]["previous"],
                         self.expected["products_sold"]["P'"])
        self.assertEqual(values["units_sold"]["value"],
                         self.expected["units"]["P"])

    def test_top_products_exactly(self):
        rows = self.table("top_products")
        self.assertEqual(len(rows), TOP)
        for rank, (row, want) in enumerate(zip(rows, self.expected["top"]), 1):
            code, revenue, quantity, previous, previous_quantity = want
            with self.subTest(rank=rank, product=code):
                self.assertEqual(row["rank"], rank)
                self.assertEqual(row["product_id"], code)
                self.assertEqual(decimal.Decimal(row["revenue"]), revenue)
                self.assertEqual(row["quantity"], quantity)
                self.assertEqual(decimal.Decimal(row["previous_revenue"]),
                                 previous)
                self.assertEqual(row["previous_quantity"], previous_quantity)
                self.assertAlmostEqual(
                    row["revenue_share"],
                    float(revenue / self.expected["total"]["P"]), places=12)
                # No category and no margin in the file.
                self.assertEqual(row["category"], "(none)")
                self.assertIsNone(row["margin"])
                self.assertIsNone(row["margin_rate"])
        # Sanity of the independent figures: a real ranking, not ties.
        revenues = [t[1] for t in self.expected["top"]]
        self.assertEqual(revenues, sorted(revenues, reverse=True))
        self.assertGreater(revenues[-1], 0)

    def test_one_category_row_holds_the_whole_month(self):
        rows = self.table("sales_by_category")
        self.assertEqual(len(rows), 1)
        row = rows[0]
        self.assertEqual(row["category"], "(none)")
        self.assertEqual(decimal.Decimal(row["revenue"]),
                         self.expected["total"]["P"])
        self.assertEqual(decimal.Decimal(row["previous_revenue"]),
                         self.expected["total"]["P'"])
        self.assertEqual(row["revenue_share"], 1.0)
        self.assertEqual(row["quantity"], self.expected["units"]["P"])


if __name__ == "__main__":
    lib.main()
