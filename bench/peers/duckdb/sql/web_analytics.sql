-- Web analytics: KPI-CATALOG.md section 3, with docs/kpi-choices.md "Web
-- analytics (section 3)". Sessions, stitched persons and page groups come
-- from derive.sql. A session counts, whole, in the month of its first
-- event; an event in the month of its own time.

-- @block wa_sessions
-- @needs sessions
-- @provides visits bounce_rate pages_per_visit avg_visit_duration
-- visits = sessions of P; bounce_rate = sessions of one event, a
-- page_view / visits; pages_per_visit = page views of those sessions (after
-- the end of P too) / visits; avg_visit_duration = mean of last - first
-- event, in seconds.
CREATE TABLE v_wa_sessions AS
SELECT p.period,
       count(s.visitor_id)::DOUBLE AS visits,
       count(*) FILTER (WHERE s.events = 1 AND s.first_event_type = 'page_view')
           / nullif(count(s.visitor_id), 0) AS bounce_rate,
       sum(s.page_views) / nullif(count(s.visitor_id), 0) AS pages_per_visit,
       sum(epoch_us(s.ended_at) - epoch_us(s.started_at)) / 1e6 / nullif(count(s.visitor_id), 0)
           AS avg_visit_duration
FROM periods p LEFT JOIN sessions s ON s.month = p.period
GROUP BY p.period;

-- @block wa_events
-- @needs web_events stitching
-- @provides unique_visitors unique_people load_time_p50 load_time_p95 cross_device_customers cross_device_share
-- unique_visitors = distinct visitor_id with an event in P; unique_people =
-- distinct persons stitched at the end of P (a customer, else the visitor:
-- the two kinds kept apart). Load times: nearest rank (the value at rank
-- ceil(p n / 100) of the sorted load times of P's page views that have one).
-- cross_device_customers: customers with events in P on two or more
-- distinct non-empty devices; its share of the customers with an event in P.
CREATE TABLE v_wa_events AS
WITH people AS (
    SELECT w.month AS period,
           count(DISTINCT w.visitor_id) AS unique_visitors,
           count(DISTINCT CASE WHEN vp.customer_id IS NOT NULL THEN 'customer ' || vp.customer_id
                               ELSE 'visitor ' || w.visitor_id END) AS unique_people
    FROM web_events w
    LEFT JOIN visitor_persons vp ON vp.period = w.month AND vp.visitor_id = w.visitor_id
    GROUP BY w.month
),
load_times AS (
    SELECT month AS period, load_time_ms,
           row_number() OVER (PARTITION BY month ORDER BY load_time_ms) AS rank,
           count(*) OVER (PARTITION BY month) AS n
    FROM web_events
    WHERE event_type = 'page_view' AND load_time_ms IS NOT NULL
),
percentiles AS (
    SELECT period,
           max(load_time_ms) FILTER (WHERE rank = greatest((50 * n + 99) // 100, 1)) AS load_time_p50,
           max(load_time_ms) FILTER (WHERE rank = greatest((95 * n + 99) // 100, 1)) AS load_time_p95
    FROM load_times GROUP BY period
),
devices AS (
    SELECT w.month AS period, vp.customer_id,
           count(DISTINCT nullif(w.device, '')) AS devices
    FROM web_events w
    JOIN visitor_persons vp ON vp.period = w.month AND vp.visitor_id = w.visitor_id
    GROUP BY ALL
)
SELECT p.period,
       coalesce(pe.unique_visitors, 0)::DOUBLE AS unique_visitors,
       coalesce(pe.unique_people, 0)::DOUBLE AS unique_people,
       pc.load_time_p50::DOUBLE AS load_time_p50,
       pc.load_time_p95::DOUBLE AS load_time_p95,
       (SELECT count(*) FILTER (WHERE devices >= 2) FROM devices d WHERE d.period = p.period)::DOUBLE
           AS cross_device_customers,
       (SELECT count(*) FILTER (WHERE devices >= 2) / nullif(count(*), 0) FROM devices d
        WHERE d.period = p.period) AS cross_device_share
FROM periods p
LEFT JOIN people pe USING (period)
LEFT JOIN percentiles pc USING (period);

-- @block load_time_by_group
-- @needs web_events page_classes
-- @provides load_time_by_group
-- Per page group (pages in no group left out), P's page views with a load
-- time: their number, p50 and p95 (nearest rank); by group name.
CREATE TABLE t_load_time_by_group AS
WITH ranked AS (
    SELECT g.page_group, w.load_time_ms,
           row_number() OVER (PARTITION BY g.page_group ORDER BY w.load_time_ms) AS rank,
           count(*) OVER (PARTITION BY g.page_group) AS n
    FROM web_events w JOIN page_groups g USING (page)
    WHERE w.month = getvariable('period') AND w.event_type = 'page_view'
      AND w.load_time_ms IS NOT NULL
)
SELECT page_group AS "group", any_value(n) AS page_views,
       max(load_time_ms) FILTER (WHERE rank = greatest((50 * n + 99) // 100, 1)) AS p50,
       max(load_time_ms) FILTER (WHERE rank = greatest((95 * n + 99) // 100, 1)) AS p95,
       row_number() OVER (ORDER BY page_group) AS ord
FROM ranked GROUP BY page_group;

-- @block visits_by_device
-- @needs sessions
-- @provides visits_by_device
-- P's visits by the device of their first event ("(none)" without one),
-- with their share; most visits first, then device.
CREATE TABLE t_visits_by_device AS
SELECT coalesce(nullif(device, ''), '(none)') AS device,
       count(*) AS visits,
       count(*) / sum(count(*)) OVER () AS share,
       row_number() OVER (ORDER BY count(*) DESC, coalesce(nullif(device, ''), '(none)')) AS ord
FROM sessions
WHERE month = getvariable('period')
GROUP BY 1;

-- @block life_moment_pages
-- @needs web_events
-- The life moments of each page (a page may be in several).
CREATE TABLE life_moment_pages AS
SELECT pages.page, m.name AS moment
FROM (SELECT DISTINCT page FROM web_events WHERE event_type = 'page_view') pages
JOIN p_patterns m ON m.family = 'life_moments' AND pages.page LIKE m.like_pattern ESCAPE '\'
GROUP BY ALL;

-- @block life_moments
-- @needs web_events stitching life_moment_pages
-- @provides life_moments
-- Per life moment of the spec (every one a row, by name): the distinct
-- customers (stitched at the end of each period) with a page_view in P on
-- a page of the moment, and the same for P'.
CREATE TABLE t_life_moments AS
WITH viewers AS (
    SELECT w.month AS period, m.moment, count(DISTINCT vp.customer_id) AS customers
    FROM web_events w
    JOIN life_moment_pages m USING (page)
    JOIN visitor_persons vp ON vp.period = w.month AND vp.visitor_id = w.visitor_id
    WHERE w.event_type = 'page_view' AND w.month IN (getvariable('period'), getvariable('previous'))
    GROUP BY ALL
)
SELECT moments.name AS moment,
       coalesce(max(v.customers) FILTER (WHERE v.period = getvariable('period')), 0) AS customers,
       coalesce(max(v.customers) FILTER (WHERE v.period = getvariable('previous')), 0) AS previous_customers,
       row_number() OVER (ORDER BY moments.name) AS ord
FROM (SELECT DISTINCT name FROM p_patterns WHERE family = 'life_moments') moments
LEFT JOIN viewers v ON v.moment = moments.name
GROUP BY moments.name;

-- @block life_moment_list
-- @needs web_events customers stitching customer_profiles life_moment_pages
-- @provides life_moment_list
-- The customers (stitched at as_of) who viewed a page of a moment in the
-- life_moment_days before as_of: moment, latest such view, the moment's
-- suggested action; consenting customers only, with their profile.
CREATE TABLE t_life_moment_list AS
SELECT m.moment, max(w.ts) AS last_visit, a.suggested_action,
       pr.value_segment, pr.rfm_score, pr.experience_profile, pr.consumption_profile,
       pr.preferred_channel,
       row_number() OVER (ORDER BY vp.customer_id, m.moment) AS ord
FROM web_events w
JOIN life_moment_pages m USING (page)
JOIN visitor_persons vp ON vp.period = getvariable('period') AND vp.visitor_id = w.visitor_id
JOIN customers k ON k.customer_id = vp.customer_id AND k.consent_marketing
LEFT JOIN p_life_moment_actions a ON a.moment = m.moment
LEFT JOIN customer_profiles pr ON pr.customer_id = vp.customer_id
WHERE w.event_type = 'page_view'
  AND w.ts >= getvariable('as_of') - to_days(getvariable('life_moment_days')::INTEGER)
  AND w.ts < getvariable('as_of')
GROUP BY vp.customer_id, m.moment, a.suggested_action, pr.value_segment, pr.rfm_score,
         pr.experience_profile, pr.consumption_profile, pr.preferred_channel;

-- @block top_paths
-- @needs sessions page_classes
-- @provides top_paths
-- Each session of P: the page groups of its page views in time order,
-- pages in no group dropped, consecutive repeats collapsed, the first
-- path_length kept. The top_paths most frequent paths (ties: path text),
-- with their share of P's visits and the share of their sessions whose last
-- event is an `action` or a `conversion`.
CREATE TABLE t_top_paths AS
WITH grouped AS (
    SELECT e.visitor_id, e.session_no, w.ts, w.rid, g.page_group,
           lag(g.page_group) OVER (PARTITION BY e.visitor_id, e.session_no ORDER BY w.ts, w.rid) AS before
    FROM sessions s
    JOIN session_events e USING (visitor_id, session_no)
    JOIN web_events w USING (rid)
    JOIN page_groups g USING (page)
    WHERE s.month = getvariable('period') AND w.event_type = 'page_view'
),
steps AS (
    SELECT visitor_id, session_no, page_group,
           row_number() OVER (PARTITION BY visitor_id, session_no ORDER BY ts, rid) AS step
    FROM grouped
    WHERE before IS DISTINCT FROM page_group
),
paths AS (
    SELECT visitor_id, session_no, string_agg(page_group, ' > ' ORDER BY step) AS path
    FROM steps
    WHERE step <= getvariable('path_length')
    GROUP BY ALL
)
SELECT p.path,
       count(*) AS sessions,
       count(*) / (SELECT count(*) FROM sessions WHERE month = getvariable('period')) AS share,
       count(*) FILTER (WHERE s.last_event_type IN ('action', 'conversion')) / count(*) AS ending_share,
       row_number() OVER (ORDER BY count(*) DESC, p.path) AS ord
FROM paths p JOIN sessions s USING (visitor_id, session_no)
GROUP BY p.path
QUALIFY ord <= getvariable('top_paths');
