"""The controller's recomputation of section 3 (web_crosscheck.py) on a
hand-made web_events.csv whose every expected figure is worked out by hand
below, one boundary of KPI-CATALOG.md section 3 / docs/kpi-choices.md
("Web analytics (section 3)") at a time. It checks the checker, so it
needs no vigie binary; ctest passes the common path options, which are
ignored.

The report period P is October 2026 (Europe/Paris), P' September 2026.
October holds the change back to winter time (Sunday 25 October), so
as_of = 1 November 00:00 CET = 31 October 23:00 UTC, and as_of - 14 days
(14 * 86400 s) = 17 October 23:00 UTC = 18 October 01:00 local (CEST),
not 18 October 00:00.
"""

import argparse
import sys
import unittest

import kpi_crosscheck as xcheck
import vigie_testlib as lib
import web_crosscheck as web

PARAMETERS = {
    "session_gap_minutes": 30,
    "life_moment_days": 14,
    "page_groups": {
        "home": "/",
        "shop": "/shop/*|/offers",
        "account": "/account|/account/*",
        # /account/help is also in `account` (by "/account/*"): a pattern
        # without "*" beats one with, so it is `help`.
        "help": "/help|/help/*|/account/help",
    },
    "life_moments": {
        "moving": "/account/moving|/help/moving",
        "termination": "/account/close",
    },
    "life_moment_actions": {
        "moving": "Offer to move the contract",
        "termination": "Call with a loyalty offer",
    },
}

# Rows grouped by visitor, not in time order: the checker sorts them.
# The names in the last column are the ones the comments below use.
EVENTS = """\
ts,visitor_id,customer_id,event_type,page,action,device,source,load_time_ms
2026-09-10T09:00:00,V1,C9,page_view,/account,,desktop,direct,300
2026-10-20T10:00:00,V1,C10,page_view,/account,,desktop,direct,200
2026-10-20T10:30:00,V1,,page_view,/account/help,,desktop,direct,400
2026-10-20T11:00:01,V1,,page_view,/account/moving,,desktop,direct,
2026-11-02T09:00:00,V1,C9,page_view,/account,,desktop,direct,600
2026-10-19T07:59:30,V3,C10,page_view,/help/moving,,mobile,app/push,
2026-10-21T08:00:00,V3,,action,,change_address,mobile,app/push,
2026-10-31T23:50:00,V5,,page_view,/,,tablet,google/organic,800
2026-11-01T00:10:00,V5,,page_view,/offers,,tablet,google/organic,900
2026-11-01T00:15:00,V5,C5,conversion,,,tablet,google/organic,
2026-09-30T23:45:00,V6,,page_view,/,,mobile,google/organic,500
2026-10-01T00:05:00,V6,,page_view,/shop/phone,,mobile,google/organic,700
2026-10-18T01:00:00,V8,C20,page_view,/help/moving,,,direct,
2026-09-15T12:00:00,V9,C21,page_view,/account/close,,app,direct,
2026-10-18T00:59:59,V9,C21,page_view,/account/close,,app,direct,250
2026-10-18T01:05:00,V9,,action,,cancel_contract,app,direct,
2026-10-12T10:00:00,V10,,page_view,/,,desktop,direct,1000
2026-10-12T10:01:00,V10,,page_view,/shop/phone,,desktop,direct,1100
2026-10-12T10:02:00,V10,,page_view,/shop/tv,,desktop,direct,1200
2026-10-12T10:03:00,V10,,page_view,/unlisted,,desktop,direct,1300
2026-10-12T10:04:00,V10,,page_view,/account,,desktop,direct,50
2026-10-12T10:05:00,V10,,page_view,/help,,desktop,direct,
2026-10-12T10:06:00,V10,,page_view,/,,desktop,direct,
2026-10-12T10:07:00,V10,,action,,download_invoice,desktop,direct,
"""

# The sessions, by hand (gap 30 min; first event's device):
#   V1  Sep 10 09:00                     1 page_view            desktop (P')
#   V1  Oct 20 10:00, 10:30              2 page_views, 1800 s    desktop
#       (a gap of exactly 30 min does not split)
#   V1  Oct 20 11:00:01                  1 page_view: bounce     desktop
#       (30 min + 1 s after 10:30 splits)
#   V1  Nov 2 09:00                      1 page_view             (November)
#   V3  Oct 19 07:59:30                  1 page_view: bounce     mobile
#   V3  Oct 21 08:00                     1 action: not a bounce  mobile
#   V5  Oct 31 23:50 -> Nov 1 00:15      2 page_views + conversion, 1500 s,
#       an October visit: its November events count for it    tablet
#   V6  Sep 30 23:45 -> Oct 1 00:05      2 page_views, 1200 s    (P')
#       a September visit, though its second event is in October
#   V8  Oct 18 01:00                     1 page_view: bounce     (none)
#   V9  Sep 15 12:00                     1 page_view: bounce     (P')
#   V9  Oct 18 00:59:59 -> 01:05         page_view + action, 301 s  app
#   V10 Oct 12 10:00 -> 10:07            7 page_views + action, 420 s
#                                                                desktop
# October visits: V1 x2, V3 x2, V5, V8, V9, V10 = 8.
#
# Stitching at as_of = 1 Nov 00:00: V1 has C9 once (Sep 10) and C10 once
# (Oct 20) before it, a tie: "C10" < "C9" in byte order ('1' < '9'), so V1
# is C10 (its C9 event of 2 November is after as_of and does not count).
# V3 -> C10, V8 -> C20, V9 -> C21; V5's only customer_id (C5) is on
# 1 November, after as_of: V5 is itself; V6, V10 are themselves.
# At the end of September: V1 -> C9 (only Sep 10), V9 -> C21, V6 itself.
# At the end of November: V1 has C9 twice, C10 once -> C9; V5 -> C5.


def load(folder):
    path = folder / "web_events.csv"
    path.write_text(EVENTS, encoding="utf-8")
    return web.WebLog(path, PARAMETERS["session_gap_minutes"])


class FixtureTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("web-crosscheck")
        cls.log = load(cls.dir)
        cls.october = web.Period(2026, 10)
        cls.september = web.Period(2026, 9)
        cls.result = web.web_analytics(cls.log, cls.october, cls.september,
                                       PARAMETERS)
        cls.p = cls.result["value"]
        cls.previous = cls.result["previous"]

    @classmethod
    def tearDownClass(cls):
        lib.remove_temp_dir(cls.dir)

    def test_sessions_split_after_more_than_the_gap_only(self):
        # 8 sessions start in October (table above): splitting at exactly
        # 30 min would give 9, not splitting at 30 min + 1 s 7; counting
        # V6's session (begun in September) 9.
        self.assertEqual(self.p["visits"], 8)

    def test_visit_figures_follow_the_session_into_the_next_period(self):
        # Bounces: V1 11:00:01, V3 Oct 19, V8 (one page_view each); V3's
        # lone action is not one; V9's page_view is followed by an action.
        self.assertEqual(self.p["bounce_rate"], 3 / 8)
        # Page views of October's sessions: V1 2 + 1, V3 1 + 0, V5 2 (one
        # of them on 1 November), V8 1, V9 1, V10 7 = 15. V6's October page
        # view belongs to its September session.
        self.assertEqual(self.p["pages_per_visit"], 15 / 8)
        # Durations: 1800 + 0 + 0 + 0 + 1500 (V5 23:50 -> 00:15 CET)
        # + 0 + 301 + 420 = 4021 s over 8 visits.
        self.assertEqual(self.p["avg_visit_duration"], 4021 / 8)

    def test_visitors_and_people_count_events_in_the_period(self):
        # Visitors with an event in October: V1, V3, V5, V6 (its 00:05
        # event), V8, V9, V10 = 7.
        self.assertEqual(self.p["unique_visitors"], 7)
        # People: C10 (V1 and V3), V5, V6, C20, C21, V10 = 6; linking V1 to
        # C9 (the tie the other way) would give 7.
        self.assertEqual(self.p["unique_people"], 6)

    def test_load_time_percentiles_by_nearest_rank(self):
        # October page_views with a load time: 700 (V6, in October though
        # its session is September's), 200, 400 (V1), 800 (V5 23:50; its
        # 900 is November's), 250 (V9), 1000, 1100, 1200, 1300, 50 (V10):
        # n = 10; sorted 50 200 250 400 700 800 1000 1100 1200 1300.
        # p50: rank ceil(5) = 5 -> 700; p95: rank ceil(9.5) = 10 -> 1300.
        self.assertEqual(self.p["load_time_p50"], 700)
        self.assertEqual(self.p["load_time_p95"], 1300)
        # By group, in group name order; /unlisted (1300) is in none:
        #   account: /account 200, /account/close 250, /account 50:
        #     n = 3, sorted 50 200 250, p50 rank 2 -> 200, p95 rank 3 -> 250
        #   help: /account/help 400 (the page in two groups): n = 1, both
        #     ranks 1 -> 400
        #   home: 800, 1000: n = 2, p50 rank ceil(1) = 1 -> 800, p95 rank
        #     ceil(1.9) = 2 -> 1000
        #   shop: /shop/phone 700 and 1100, /shop/tv 1200: n = 3 -> 1100,
        #     1200
        self.assertEqual(self.p["load_time_by_group"], [
            {"group": "account", "page_views": 3, "p50": 200, "p95": 250},
            {"group": "help", "page_views": 1, "p50": 400, "p95": 400},
            {"group": "home", "page_views": 2, "p50": 800, "p95": 1000},
            {"group": "shop", "page_views": 3, "p50": 1100, "p95": 1200},
        ])

    def test_visits_by_device_of_the_first_event(self):
        # desktop: V1 x2, V10; mobile: V3 x2; then one each, by name in
        # byte order: "(none)" (V8, no device) < "app" (V9) < "tablet"
        # (V5).
        self.assertEqual(
            [(r["device"], r["visits"], r["share"])
             for r in self.p["visits_by_device"]],
            [("desktop", 3, 3 / 8), ("mobile", 2, 2 / 8),
             ("(none)", 1, 1 / 8), ("app", 1, 1 / 8), ("tablet", 1, 1 / 8)])

    def test_cross_device_customers_are_stitched_people(self):
        # Customers with events in October: C10 (desktop through V1,
        # mobile through V3), C20 (no device), C21 (app). Only C10 has two
        # devices. V5 is not C5 at as_of, so it is no customer.
        self.assertEqual(self.p["cross_device_customers"], 1)
        self.assertEqual(self.p["cross_device_share"], 1 / 3)

    def test_life_moments_count_customers_in_both_periods(self):
        # October: moving: C10 (V1 Oct 20, V3 Oct 19), C20 (V8);
        # termination: C21 (V9 Oct 18 00:59:59, in P though out of the
        # list's window). September: termination C21 (Sep 15).
        self.assertEqual(self.result["life_moments"], [
            {"moment": "moving", "customers": 2, "previous_customers": 0},
            {"moment": "termination", "customers": 1,
             "previous_customers": 1},
        ])

    def test_life_moment_list_window_is_fourteen_real_days(self):
        # Window [18 Oct 01:00:00 CEST, 1 Nov 00:00 CET): V8's view at
        # exactly 01:00:00 is in; V9's at 00:59:59 is out (a window counted
        # in local calendar days, from 18 Oct 00:00, would keep it). C10's
        # last moving view is V1's of Oct 20 11:00:01, after V3's of
        # Oct 19.
        self.assertEqual(
            [(r["customer_id"], r["moment"], web.local_text(
                web.to_micros(r["last_visit"])), r["suggested_action"])
             for r in self.p["life_moment_list"]],
            [("C10", "moving", "2026-10-20T11:00:01",
              "Offer to move the contract"),
             ("C20", "moving", "2026-10-18T01:00:00",
              "Offer to move the contract")])

    def test_top_paths(self):
        # Paths of October's sessions:
        #   V1 10:00: account > help          ends on a page_view
        #   V1 11:00:01: account              ends on a page_view
        #   V3 Oct 19: help; V8: help         end on a page_view
        #   V3 Oct 21: only an action: no path
        #   V5: home > shop (/offers on 1 Nov), ends on a conversion
        #   V9: account                        ends on an action
        #   V10: home > shop > shop > (/unlisted dropped) > account > help
        #        > home -> home > shop > account > help after collapsing
        #        and the cut after 4; ends on an action.
        # Order: sessions descending, then the text in byte order.
        self.assertEqual(
            [(r["path"], r["sessions"], r["share"], r["ending_share"])
             for r in self.p["top_paths"]],
            [("account", 2, 2 / 8, 1 / 2),
             ("help", 2, 2 / 8, 0.0),
             ("account > help", 1, 1 / 8, 0.0),
             ("home > shop", 1, 1 / 8, 1.0),
             ("home > shop > account > help", 1, 1 / 8, 1.0)])

    def test_previous_period(self):
        # September: sessions V1 Sep 10 (bounce), V9 Sep 15 (bounce), V6
        # Sep 30 23:45 -> Oct 1 00:05 (2 page_views, 1200 s).
        previous = self.previous
        self.assertEqual(previous["visits"], 3)
        self.assertEqual(previous["unique_visitors"], 3)
        # V1 -> C9, V9 -> C21, V6 itself.
        self.assertEqual(previous["unique_people"], 3)
        self.assertEqual(previous["bounce_rate"], 2 / 3)
        self.assertEqual(previous["pages_per_visit"], 4 / 3)
        self.assertEqual(previous["avg_visit_duration"], 1200 / 3)
        # Load times in September: 300, 500 (V6's 700 is October's).
        self.assertEqual(previous["load_time_p50"], 300)
        self.assertEqual(previous["load_time_p95"], 500)
        # C9 (desktop) and C21 (app): no one on two devices; 0 of 2 is a
        # value, 0.
        self.assertEqual(previous["cross_device_customers"], 0)
        self.assertEqual(previous["cross_device_share"], 0.0)
        self.assertEqual(previous["life_moment_list"], [])

    def test_stitching_moves_with_as_of(self):
        # November (as_of 1 Dec): V1 has C9 twice (Sep 10, Nov 2) and C10
        # once -> C9; V5's conversion of Nov 1 carries C5 -> C5.
        november = web.figures(self.log, web.Period(2026, 11), PARAMETERS)
        # The one session begun in November is V1's of Nov 2 (V5's began on
        # 31 October), yet V5 is a visitor of November.
        self.assertEqual(november["visits"], 1)
        self.assertEqual(november["unique_visitors"], 2)
        self.assertEqual(november["unique_people"], 2)
        # C9 (desktop), C5 (tablet): 0 of 2.
        self.assertEqual(november["cross_device_share"], 0.0)
        # 600 (V1), 900 (V5): n = 2.
        self.assertEqual(november["load_time_p50"], 600)
        self.assertEqual(november["load_time_p95"], 900)

    def test_an_empty_period_has_no_rate(self):
        empty = web.figures(self.log, web.Period(2026, 1), PARAMETERS)
        self.assertEqual(empty["visits"], 0)
        for kpi in ("bounce_rate", "pages_per_visit", "avg_visit_duration",
                    "load_time_p50", "load_time_p95", "cross_device_share"):
            self.assertIsNone(empty[kpi], kpi)
        self.assertEqual(empty["top_paths"], [])


class RulesTest(unittest.TestCase):

    def test_nearest_rank_at_small_and_round_n(self):
        # Values 10, 20, ..., 10n: the value at rank r is 10r.
        # n = 1: ranks 1, 1. n = 2: p50 ceil(1) = 1, p95 ceil(1.9) = 2.
        # n = 10: ceil(5) = 5, ceil(9.5) = 10. n = 20: ceil(10) = 10,
        # ceil(19) = 19 exactly (not 20).
        for n, p50, p95 in [(1, 10, 10), (2, 10, 20), (10, 50, 100),
                            (20, 100, 190)]:
            values = [10 * r for r in range(1, n + 1)]
            with self.subTest(n=n):
                self.assertEqual(web.nearest_rank(values, 50), p50)
                self.assertEqual(web.nearest_rank(values, 95), p95)
        self.assertIsNone(web.nearest_rank([], 50))

    def test_the_most_specific_pattern_wins(self):
        groups = web.PatternMap({"alpha": "/x/*", "Zulu": "/x/*",
                                 "long": "/x/ab*", "exact": "/x/abc|/y",
                                 "abc_star": "/x/abc*"})
        # No "*" beats "*": "/x/abc*" (matching with "*" empty) has as many
        # literal characters and a smaller name, yet "exact" wins.
        self.assertEqual(groups.best("/x/abc"), "exact")
        # Both with "*": 5 literal characters ("/x/ab") beat 3 ("/x/"),
        # and 6 ("/x/abc") beat 5.
        self.assertEqual(groups.best("/x/abd"), "long")
        self.assertEqual(groups.best("/x/abcd"), "abc_star")
        # Equal patterns: the group name in byte order ("Z" < "a").
        self.assertEqual(groups.best("/x/q"), "Zulu")
        # "*" runs over slashes and may be empty; the whole path must match.
        self.assertEqual(groups.best("/x/a/b/c"), "Zulu")
        self.assertEqual(groups.best("/x/"), "Zulu")
        self.assertIsNone(groups.best("/x"))
        self.assertIsNone(groups.best("/y/"))
        self.assertEqual(groups.best("/y"), "exact")

    def test_life_moment_pages_may_be_in_several_moments(self):
        moments = web.PatternMap({"moving": "/a/*", "termination": "/a/b"})
        self.assertEqual(moments.matching("/a/b"), ("moving", "termination"))
        self.assertEqual(moments.matching("/a"), ())

    def test_local_times_are_read_as_paris_time(self):
        # Summer time (UTC+2) before 25 Oct 2026 03:00, winter time after;
        # in the repeated hour 02:00-03:00 the first (summer) one.
        for local, utc in [("2026-10-18T01:00:00", "2026-10-17T23:00:00"),
                           ("2026-10-25T02:30:00", "2026-10-25T00:30:00"),
                           ("2026-10-25T03:00:00", "2026-10-25T02:00:00"),
                           ("2026-11-01T00:00:00", "2026-10-31T23:00:00")]:
            with self.subTest(local=local):
                self.assertEqual(
                    web.from_micros(web.micros(local)).replace(tzinfo=None)
                    .isoformat(), utc)
                self.assertEqual(web.micros(local),
                                 web.to_micros(xcheck.instant(local)))


if __name__ == "__main__":
    # ctest passes the common path options; this test needs none of them.
    parser = argparse.ArgumentParser(add_help=False)
    for option in ("--vigie", "--source-dir", "--test-plugins",
                   "--shared-dir"):
        parser.add_argument(option)
    parser.add_argument("--keep", action="store_true")
    known, rest = parser.parse_known_args()
    lib.PATHS.keep = known.keep
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
