-- Experience: KPI-CATALOG.md section 7, with docs/kpi-choices.md
-- "Experience (section 7)". An answer is a survey row with a csat 1..5 or
-- an nps 0..10 (a score out of range is no score); the csat of an inbound
-- call is an answer of step `support`, channel `phone`, without nps.

-- @block ex_answers
-- @needs surveys calls
CREATE TABLE ex_answers AS
SELECT month AS period, step, channel,
       CASE WHEN csat BETWEEN 1 AND 5 THEN csat END AS csat,
       CASE WHEN nps BETWEEN 0 AND 10 THEN nps END AS nps
FROM surveys
WHERE csat BETWEEN 1 AND 5 OR nps BETWEEN 0 AND 10
UNION ALL
SELECT month, 'support', 'phone', csat, NULL
FROM calls
WHERE inbound AND csat BETWEEN 1 AND 5;

-- @block ex_values
-- @needs ex_answers
-- @provides nps csat
-- nps = 100 x (answers 9-10 - answers 0-6) / answers with an nps;
-- csat = answers 4-5 / answers with a csat.
CREATE TABLE v_ex_values AS
SELECT p.period,
       100.0 * (count(*) FILTER (WHERE a.nps >= 9) - count(*) FILTER (WHERE a.nps <= 6))
           / nullif(count(a.nps), 0) AS nps,
       count(*) FILTER (WHERE a.csat >= 4) / nullif(count(a.csat), 0) AS csat
FROM periods p LEFT JOIN ex_answers a ON a.period = p.period
GROUP BY p.period;

-- @block journey_curve
-- @needs ex_answers
-- @provides journey_curve
-- One row a step of journey_steps, in that order, for P and P': answers
-- (of a cell: a step and a channel), csat, nps.
CREATE TABLE t_journey_curve AS
WITH cells AS (
    SELECT period, step,
           count(*) AS answers,
           count(*) FILTER (WHERE csat >= 4) / nullif(count(csat), 0) AS csat,
           100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6))
               / nullif(count(nps), 0) AS nps
    FROM ex_answers
    WHERE step IS NOT NULL AND channel IS NOT NULL
      AND period IN (getvariable('period'), getvariable('previous'))
    GROUP BY ALL
)
SELECT j.step,
       coalesce(now.answers, 0) AS answers, now.csat, now.nps,
       coalesce(before.answers, 0) AS previous_answers,
       before.csat AS previous_csat, before.nps AS previous_nps,
       j.pos AS ord
FROM p_journey_steps j
LEFT JOIN cells now ON now.step = j.step AND now.period = getvariable('period')
LEFT JOIN cells before ON before.step = j.step AND before.period = getvariable('previous');

-- @block irritants
-- @needs ex_answers web_events sessions calls order_facts
-- @provides irritants
-- The touchpoint matrix of P, step x channel: answers and csat, and the
-- volume of the cell: web sessions of P touching the step (a page of
-- step_pages or an action of step_actions; `app` sessions on channel app,
-- the others on web), inbound calls at the step of their reason
-- (step_call_reasons, channel phone), purchases of P at the step of their
-- order channel (step_order_channels, on that channel). A value maps to the
-- step of its most specific matching alternative (no `*` first, more
-- literal characters, then the step name). Irritants: the cells whose csat
-- is below irritant_csat_below (compared in integers) with at least
-- irritant_min_answers csat answers; worst csat first, then the larger
-- volume, then matrix order (journey steps, then channel name).
CREATE TABLE t_irritants AS
WITH best_step AS (   -- the step each distinct page, action, reason, channel maps to
    SELECT family, value, step
    FROM (
        SELECT 'step_pages' AS family, page AS value FROM (SELECT DISTINCT page FROM web_events) t
        UNION ALL SELECT 'step_actions', action FROM (SELECT DISTINCT action FROM web_events) t
        UNION ALL SELECT 'step_call_reasons', reason FROM (SELECT DISTINCT reason FROM calls) t
        UNION ALL SELECT 'step_order_channels', channel FROM (SELECT DISTINCT channel FROM order_facts) t
    ) v
    JOIN (SELECT family, name AS step, like_pattern, has_star, literal_characters FROM p_patterns) p
      USING (family)
    WHERE v.value LIKE p.like_pattern ESCAPE '\'
    QUALIFY row_number() OVER (PARTITION BY family, value
                               ORDER BY has_star, literal_characters DESC, step) = 1
),
volume AS (
    SELECT step, channel, count(*) AS volume
    FROM (
        SELECT DISTINCT s.visitor_id, s.session_no, b.step,
               CASE WHEN s.device = 'app' THEN 'app' ELSE 'web' END AS channel
        FROM sessions s
        JOIN session_events e USING (visitor_id, session_no)
        JOIN web_events w USING (rid)
        JOIN best_step b ON (b.family = 'step_pages' AND b.value = w.page)
                         OR (b.family = 'step_actions' AND b.value = w.action)
        WHERE s.month = getvariable('period')
        UNION ALL
        SELECT NULL, NULL, b.step, 'phone'
        FROM calls c JOIN best_step b ON b.family = 'step_call_reasons' AND b.value = c.reason
        WHERE c.inbound AND c.month = getvariable('period')
        UNION ALL
        SELECT NULL, NULL, b.step, o.channel
        FROM order_facts o JOIN best_step b ON b.family = 'step_order_channels' AND b.value = o.channel
        WHERE o.total > 0 AND o.month = getvariable('period')
    )
    GROUP BY ALL
),
cells AS (
    SELECT step, channel,
           count(csat) AS csat_answers,
           count(*) FILTER (WHERE csat >= 4) AS satisfied,
           count(*) FILTER (WHERE csat >= 4) / nullif(count(csat), 0) AS csat,
           100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6))
               / nullif(count(nps), 0) AS nps
    FROM ex_answers
    WHERE period = getvariable('period') AND step IS NOT NULL AND channel IS NOT NULL
    GROUP BY ALL
),
step_order AS (   -- journey_steps, then the data's other steps by name
    SELECT step, row_number() OVER (ORDER BY pos NULLS LAST, step) AS pos
    FROM (SELECT DISTINCT step FROM cells) c FULL JOIN p_journey_steps j USING (step)
)
SELECT c.step, c.channel, c.csat, c.csat_answers, c.nps, coalesce(v.volume, 0) AS volume,
       row_number() OVER (ORDER BY c.satisfied / c.csat_answers, coalesce(v.volume, 0) DESC,
                          o.pos, c.channel) AS ord
FROM cells c
JOIN step_order o USING (step)
LEFT JOIN volume v USING (step, channel)
WHERE c.csat_answers >= getvariable('irritant_min_answers')
  AND c.satisfied * 10000 < round(getvariable('irritant_csat_below') * 10000) * c.csat_answers;
