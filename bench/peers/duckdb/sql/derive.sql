-- Derived tables several sections share (KPI-CATALOG.md sections 1, 3 and
-- 8b; docs/data-model.md "Derived datasets"): orders read as purchases, the
-- stitched person of each visitor at the end of each period, sessions, the
-- page classes, and the customer profiles joined to lists.

-- @block order_facts
-- @needs orders
-- DATA-MODEL.md: an order is the lines of one order_id, at the time of its
-- earliest line, for the sum of all its lines (whatever their time); it is a
-- purchase when that total is > 0. Its customer is the customer_id of its
-- earliest identified line (input order on a tie); its channel that of its
-- earliest line with a channel (arg_min skips nulls).
CREATE TABLE order_facts AS
SELECT order_id,
       min(ordered_at) AS ordered_at,
       arg_min(month, (ordered_at, rid)) AS month,
       sum(amount) AS total,
       sum(margin) AS margin,
       arg_min(customer_id, (ordered_at, rid)) AS customer_id,
       arg_min(channel, (ordered_at, rid)) AS channel
FROM orders
GROUP BY order_id;
-- The purchases of identified customers.
CREATE TABLE customer_purchases AS
SELECT customer_id, ordered_at, month, total, margin
FROM order_facts
WHERE total > 0 AND customer_id IS NOT NULL;

-- @block stitching
-- @needs web_events
-- KPI-CATALOG.md section 3, "Identity": at the end of each period, a
-- visitor is the customer its events before then carry most often (ties:
-- the smallest id, in byte order, which is how DuckDB compares VARCHAR). A
-- visitor with no such event is not linked: it is its own person.
-- (Events before the end of a month are those of the months up to it: the
-- identified events are counted by month first.)
CREATE TABLE visitor_persons AS
WITH monthly AS (
    SELECT visitor_id, customer_id, month, count(*) AS events
    FROM web_events
    WHERE customer_id IS NOT NULL
    GROUP BY ALL
),
counts AS (
    SELECT p.period, m.visitor_id, m.customer_id, sum(m.events) AS events
    FROM monthly m JOIN periods p ON m.month <= p.period
    GROUP BY ALL
)
SELECT period, visitor_id, customer_id
FROM counts
QUALIFY row_number() OVER (PARTITION BY period, visitor_id ORDER BY events DESC, customer_id) = 1;

-- @block sessions
-- @needs web_events
-- KPI-CATALOG.md section 3, "Sessions": per visitor, events by time (input
-- order on equal times); a new session at the first event and after a gap
-- longer than report.session_gap_minutes (exactly the gap does not split).
-- A session belongs to the month of its first event; its device and source
-- are its first event's.
--
-- The session of each event, (visitor_id, session_no), is numbered over the
-- narrow (rid, visitor_id, ts) rather than the whole rows. Events of equal
-- time are never split (a gap of 0) and the running count's default RANGE
-- frame gives them the same number, so `ORDER BY ts` needs no tie-break.
CREATE TABLE session_events AS
SELECT rid, visitor_id,
       sum(new_session::INTEGER) OVER (PARTITION BY visitor_id ORDER BY ts) AS session_no
FROM (
    SELECT rid, visitor_id, ts,
           coalesce(ts - lag(ts) OVER (PARTITION BY visitor_id ORDER BY ts)
                    > to_minutes(getvariable('session_gap_minutes')::BIGINT), true) AS new_session
    FROM web_events
);
CREATE TABLE sessions AS
SELECT e.visitor_id, e.session_no,
       min(w.month) AS month,
       min(w.ts) AS started_at,
       max(w.ts) AS ended_at,
       count(*) AS events,
       count(*) FILTER (WHERE w.event_type = 'page_view') AS page_views,
       first(w.device ORDER BY w.ts, w.rid) AS device,
       first(w.source ORDER BY w.ts, w.rid) AS source,
       first(w.event_type ORDER BY w.ts, w.rid) AS first_event_type,
       last(w.event_type ORDER BY w.ts, w.rid) AS last_event_type
FROM session_events e JOIN web_events w USING (rid)
GROUP BY e.visitor_id, e.session_no;

-- @block page_classes
-- @needs web_events
-- The page group of every distinct page: of the alternatives that match it
-- the most specific wins (no `*` first, then more literal characters, then
-- the group name), docs/kpi-choices.md "Page groups". A page matches an
-- alternative when the alternative covers the whole path, `*` any run.
CREATE TABLE page_groups AS
SELECT page, name AS page_group
FROM (SELECT DISTINCT page FROM web_events WHERE page IS NOT NULL) pages
JOIN p_patterns ON family = 'page_groups' AND page LIKE like_pattern ESCAPE '\'
QUALIFY row_number() OVER (PARTITION BY page ORDER BY has_star, literal_characters DESC, name) = 1;

-- @block customer_profiles
-- @needs orders calls surveys order_facts rfm stitching sessions
-- KPI-CATALOG.md section 8b, at as_of = the end of P, one row a customer
-- id of any dataset (docs/kpis.md 8b): value_segment and rfm_score from the
-- RFM ranking; experience_profile from the csat of the year's survey
-- answers and inbound call ratings; consumption_profile, the category of
-- largest net amount over the year; preferred_channel, the channel of most
-- interactions over 90 days (web sessions of the stitched person, `app` or
-- `web` by the session's device; inbound calls as `phone`; purchases by
-- their order's channel); ties by name; "unknown" when none.
CREATE TABLE customer_profiles AS
WITH ids AS (
    SELECT customer_id FROM orders WHERE customer_id IS NOT NULL
    UNION SELECT customer_id FROM calls WHERE customer_id IS NOT NULL
    UNION SELECT customer_id FROM surveys WHERE customer_id IS NOT NULL
    UNION SELECT customer_id FROM web_events WHERE customer_id IS NOT NULL
),
feelings AS (
    SELECT customer_id, avg(csat) AS mean_csat
    FROM (
        SELECT customer_id, csat, ts FROM surveys
        UNION ALL
        SELECT customer_id, csat, started_at FROM calls WHERE inbound
    )
    WHERE customer_id IS NOT NULL AND csat BETWEEN 1 AND 5
      AND ts >= getvariable('as_of') - INTERVAL 365 DAY AND ts < getvariable('as_of')
    GROUP BY customer_id
),
categories AS (
    SELECT customer_id, category, sum(amount) AS net
    FROM orders
    WHERE customer_id IS NOT NULL AND category IS NOT NULL AND category <> ''
      AND ordered_at >= getvariable('as_of') - INTERVAL 365 DAY AND ordered_at < getvariable('as_of')
    GROUP BY customer_id, category
    HAVING net > 0
    QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY net DESC, category) = 1
),
interactions AS (
    SELECT vp.customer_id, CASE WHEN s.device = 'app' THEN 'app' ELSE 'web' END AS channel
    FROM sessions s
    JOIN visitor_persons vp ON vp.visitor_id = s.visitor_id AND vp.period = getvariable('period')
    WHERE s.started_at >= getvariable('as_of') - INTERVAL 90 DAY AND s.started_at < getvariable('as_of')
    UNION ALL
    SELECT customer_id, 'phone'
    FROM calls
    WHERE inbound AND customer_id IS NOT NULL
      AND started_at >= getvariable('as_of') - INTERVAL 90 DAY AND started_at < getvariable('as_of')
    UNION ALL
    SELECT customer_id, channel
    FROM order_facts
    WHERE total > 0 AND customer_id IS NOT NULL AND channel IS NOT NULL AND channel <> ''
      AND ordered_at >= getvariable('as_of') - INTERVAL 90 DAY AND ordered_at < getvariable('as_of')
),
preferred AS (
    SELECT customer_id, channel
    FROM (SELECT customer_id, channel, count(*) AS n FROM interactions GROUP BY ALL)
    QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY n DESC, channel) = 1
)
SELECT ids.customer_id,
       rfm.value_segment,
       rfm.rfm_score,
       CASE WHEN f.mean_csat IS NULL THEN 'unknown'
            WHEN f.mean_csat >= 4.5 THEN 'very positive'
            WHEN f.mean_csat >= 3.5 THEN 'positive'
            WHEN f.mean_csat >= 2.5 THEN 'not very positive'
            ELSE 'very negative' END AS experience_profile,
       coalesce(c.category, 'none') AS consumption_profile,
       coalesce(pr.channel, 'unknown') AS preferred_channel
FROM ids
LEFT JOIN rfm USING (customer_id)
LEFT JOIN feelings f USING (customer_id)
LEFT JOIN categories c USING (customer_id)
LEFT JOIN preferred pr USING (customer_id);
