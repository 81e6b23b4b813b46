"""A real shop's data: the UCI "Online Retail" file (541 909 invoice lines
of a UK online shop, Dec 2010 - Dec 2011), read by the csv connector with a
mapping, and the customer_base KPIs of November 2011 checked against
figures computed here, independently, from the same file with exact
decimals, following KPI-CATALOG.md section 1, DATA-MODEL.md ("order",
"purchase") and docs/kpi-choices.md (customer_base)."""

import csv
import decimal
import gzip
import json
import pathlib
import unittest

import vigie_testlib as lib

SPEC = """\
report:
  id: online_retail
  title: "Online retail, monthly"
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
kpis:
  - {{id: revenue, indicator: customer_base}}
  - {{id: orders, indicator: customer_base}}
  - {{id: buyers, indicator: customer_base}}
  - {{id: new_customers, indicator: customer_base}}
  - {{id: active_customers, indicator: customer_base}}
sections:
  - title: "Sales"
    blocks:
      - tiles: [revenue, orders, buyers, new_customers, active_customers]
outputs: {{pdf: false, svg: false, html: false, json: true, lists: false}}
"""

# November 2011 in Europe/London: GMT all month, so local text compares
# directly; InvoiceDate is "YYYY-MM-DD HH:MM:SS" local time.
MONTH_START = "2011-11-01 00:00:00"
MONTH_END = "2011-12-01 00:00:00"
# active_customers at as_of = 2011-12-01 00:00 GMT with the default
# window A = 90 days counted in real time: as_of - 90 * 24 h is
# 2011-09-02 00:00 UTC, which is 01:00 on the London clock (BST, UTC+1).
ACTIVE_FROM = "2011-09-02 01:00:00"


def expected_figures(path):
    """The November 2011 KPIs of the file, by the catalogue's rules."""
    revenue = decimal.Decimal(0)
    orders = {}  # InvoiceNo -> {"time", "total", "customer", "customer_time"}
    lines = 0
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lines += 1
            # amount = Quantity * UnitPrice, exact (UnitPrice has up to 3
            # decimals in the file).
            amount = decimal.Decimal(row["Quantity"]) * decimal.Decimal(row["UnitPrice"])
            when = row["InvoiceDate"]
            # revenue: every line in the month, returns (negative
            # quantities, "C" invoices) and anonymous lines included.
            if MONTH_START <= when < MONTH_END:
                revenue += amount
            # integer(CustomerID): "17850.0" -> "17850"; empty: anonymous.
            customer = row["CustomerID"].strip()
            customer = str(int(decimal.Decimal(customer))) if customer else None
            order = orders.setdefault(row["InvoiceNo"], {
                "time": when, "total": decimal.Decimal(0), "customer": None,
                "customer_time": None})
            # An order's time is its earliest line's; its total the sum of
            # all its lines, whatever their time.
            order["time"] = min(order["time"], when)
            order["total"] += amount
            # Its customer: that of its earliest identified line, the first
            # in file order on a tie (strictly earlier replaces).
            if customer is not None and (order["customer_time"] is None
                                         or when < order["customer_time"]):
                order["customer"], order["customer_time"] = customer, when

    # A purchase is an order whose total is > 0.
    purchases = [o for o in orders.values() if o["total"] > 0]
    in_month = [o for o in purchases if MONTH_START <= o["time"] < MONTH_END]
    first_purchase, last_purchase = {}, {}
    for o in purchases:
        c = o["customer"]
        if c is None:
            continue
        first_purchase[c] = min(first_purchase.get(c, o["time"]), o["time"])
        if o["time"] < MONTH_END:
            last_purchase[c] = max(last_purchase.get(c, o["time"]), o["time"])
    return {
        "lines": lines,
        "first": min(o["time"] for o in orders.values()),
        "last": max(o["time"] for o in orders.values()),
        "revenue": revenue,
        # orders counts purchases, anonymous ones too (kpi-choices.md).
        "orders": len(in_month),
        # buyers: customers with a purchase in the month.
        "buyers": len({o["customer"] for o in in_month
                       if o["customer"] is not None}),
        # new_customers: customers whose first purchase ever is in it.
        "new_customers": sum(1 for t in first_purchase.values()
                             if MONTH_START <= t < MONTH_END),
        # active_customers(as_of): last purchase before as_of within A.
        "active_customers": sum(1 for t in last_purchase.values()
                                if ACTIVE_FROM <= t),
    }


class RealShopTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.data = pathlib.Path(lib.PATHS.shared_dir, "realdata",
                                "online_retail", "online_retail.csv.gz")
        if not cls.data.is_file():
            raise unittest.SkipTest(f"{cls.data} is not there")
        cls.dir = lib.make_temp_dir("shop")
        cls.addClassCleanup(lib.remove_temp_dir, cls.dir)
        spec = lib.write_spec(cls.dir / "online_retail.yaml",
                              SPEC.format(path=cls.data))
        cls.out = cls.dir / "out"
        cls.result = lib.run_vigie(["run", spec, "--period", "2011-11", "--out",
                                 cls.out, "-q"], timeout=840)
        cls.expected = expected_figures(cls.data)

    def kpis(self):
        self.assertEqual(self.result.returncode, 0, lib.describe(self.result))
        with open(self.out / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def test_only_the_json_is_written(self):
        self.kpis()
        # kpis.json, beside the marker that makes the folder a report.
        self.assertEqual(sorted(p.name for p in self.out.iterdir()),
                         [".vigie-report", "kpis.json"])

    def test_every_line_is_read_and_none_rejected(self):
        quality = self.kpis()["data_quality"]
        self.assertEqual(quality["rows_rejected"], 0)
        # The time range found: the file's first and last InvoiceDate, both
        # in winter (GMT, offset +00:00 in Europe/London).
        self.assertEqual(quality["sources"],
                         [{"source": "invoices",
                           "rows_read": self.expected["lines"],
                           "rows_rejected": 0,
                           "first": self.expected["first"].replace(" ", "T")
                           + "+00:00",
                           "last": self.expected["last"].replace(" ", "T")
                           + "+00:00"}])

    def test_the_period_is_november_2011_in_london(self):
        report = self.kpis()["report"]
        self.assertEqual(report["time_zone"], "Europe/London")
        self.assertEqual(report["period"]["start"], "2011-11-01T00:00:00+00:00")
        self.assertEqual(report["period"]["end"], "2011-12-01T00:00:00+00:00")
        self.assertEqual(report["comparison"]["id"], "2011-10")

    def test_revenue_to_the_cent(self):
        revenue = lib.value_kpis(self.kpis())["revenue"]["value"]
        cents = decimal.Decimal("0.01")
        self.assertEqual(decimal.Decimal(str(revenue)).quantize(cents),
                         self.expected["revenue"].quantize(cents))

    def test_customer_counts(self):
        values = lib.value_kpis(self.kpis())
        for kpi in ["orders", "buyers", "new_customers", "active_customers"]:
            with self.subTest(kpi=kpi):
                self.assertEqual(values[kpi]["value"], self.expected[kpi])
        # Sanity of the independent figures themselves: fewer buyers than
        # purchases, and new customers are buyers of the month.
        self.assertLess(self.expected["buyers"], self.expected["orders"])
        self.assertLess(self.expected["new_customers"], self.expected["buyers"])


if __name__ == "__main__":
    lib.main()
