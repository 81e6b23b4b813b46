-- Funnel: KPI-CATALOG.md section 4, with docs/kpi-choices.md "Funnel
-- (section 4)". The steps are the spec's `steps` (p_funnel_steps):
-- event:TYPE (any event of that type), page:PATTERN (a page_view of a
-- matching page), action:CODE (an `action` event of that code), purchase
-- (a purchase of DATA-MODEL.md, at its order's time, for its customer).

-- @block funnel_counts
-- @needs web_events orders order_facts stitching
-- A person is the stitched person at the end of the period (a customer,
-- else the visitor itself); a purchase is its customer's. Within P, step k
-- is reached with events e1..ek of P, e1.ts <= ... <= ek.ts, each taken
-- greedily: the earliest event of step k at or after step k - 1's.
-- (Vigie also makes the k events distinct when one event matches two
-- steps; the steps of these specs never share an event.)
CREATE TABLE funnel_hits AS
WITH pages AS (
    SELECT DISTINCT pages.page, s.step
    FROM (SELECT DISTINCT page FROM web_events WHERE event_type = 'page_view') pages
    JOIN p_funnel_pages s ON pages.page LIKE s.like_pattern ESCAPE '\'
),
web_hits AS (
    SELECT w.month AS period, w.visitor_id, w.ts, s.step
    FROM web_events w JOIN p_funnel_steps s
      ON (s.kind = 'event' AND w.event_type = s.value)
      OR (s.kind = 'action' AND w.event_type = 'action' AND w.action = s.value)
    UNION ALL
    SELECT w.month, w.visitor_id, w.ts, g.step
    FROM web_events w JOIN pages g ON g.page = w.page
    WHERE w.event_type = 'page_view'
)
SELECT h.period, coalesce('customer ' || vp.customer_id, 'visitor ' || h.visitor_id) AS person, h.ts, h.step
FROM web_hits h
JOIN periods p ON p.period = h.period
LEFT JOIN visitor_persons vp ON vp.period = h.period AND vp.visitor_id = h.visitor_id
UNION ALL
SELECT o.month, 'customer ' || o.customer_id, o.ordered_at, s.step
FROM order_facts o JOIN periods p ON p.period = o.month
JOIN p_funnel_steps s ON s.kind = 'purchase'
WHERE o.total > 0 AND o.customer_id IS NOT NULL;

CREATE TABLE funnel_counts AS
WITH RECURSIVE reached(period, person, step, ts) AS (
    SELECT period, person, 1, min(ts) FROM funnel_hits WHERE step = 1 GROUP BY ALL
    UNION ALL
    SELECT r.period, r.person, r.step + 1, min(h.ts)
    FROM reached r
    JOIN funnel_hits h ON h.period = r.period AND h.person = r.person
                      AND h.step = r.step + 1 AND h.ts >= r.ts
    GROUP BY r.period, r.person, r.step
)
SELECT p.period, s.step, s.name, count(r.person) AS persons
FROM periods p CROSS JOIN p_funnel_steps s
LEFT JOIN reached r ON r.period = p.period AND r.step = s.step
GROUP BY ALL;

-- @block funnel_values
-- @needs funnel_counts
-- @provides funnel_conversion funnel_completions
-- funnel_conversion = persons of the last step / persons of step 1.
CREATE TABLE v_funnel AS
SELECT period,
       max(persons) FILTER (WHERE step = (SELECT max(step) FROM p_funnel_steps))
           / nullif(max(persons) FILTER (WHERE step = 1), 0) AS funnel_conversion,
       max(persons) FILTER (WHERE step = (SELECT max(step) FROM p_funnel_steps))::DOUBLE
           AS funnel_completions
FROM funnel_counts GROUP BY period;

-- @block funnel_steps
-- @needs funnel_counts
-- @provides funnel_steps
-- One row a step: persons, step conversion (over the step before; none for
-- step 1), overall conversion (over step 1), persons in P'.
CREATE TABLE t_funnel_steps AS
SELECT c.step, c.name, c.persons,
       CASE WHEN c.step > 1 THEN c.persons / nullif(lag(c.persons) OVER (ORDER BY c.step), 0) END
           AS step_conversion,
       c.persons / nullif(first_value(c.persons) OVER (ORDER BY c.step), 0) AS overall_conversion,
       q.persons AS previous_persons,
       c.step AS ord
FROM funnel_counts c
LEFT JOIN funnel_counts q ON q.period = getvariable('previous') AND q.step = c.step
WHERE c.period = getvariable('period');
