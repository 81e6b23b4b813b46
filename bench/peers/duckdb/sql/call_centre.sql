-- Call centre: KPI-CATALOG.md section 6, with docs/kpi-choices.md "Call
-- centre (section 6)". Inbound calls only (a missing direction is
-- inbound), each in the period it starts in.

-- @block cc_values
-- @needs calls
-- @provides offered answered abandoned abandonment_rate service_level asa aht
-- offered = inbound calls; abandonment_rate = abandoned / offered;
-- service_level = answered within service_level_seconds (wait_s <= T) /
-- offered; asa, aht = mean wait_s, handle_s of the answered calls.
CREATE TABLE v_cc_values AS
SELECT p.period,
       count(c.call_id)::DOUBLE AS offered,
       count(*) FILTER (WHERE c.outcome = 'answered')::DOUBLE AS answered,
       count(*) FILTER (WHERE c.outcome = 'abandoned')::DOUBLE AS abandoned,
       count(*) FILTER (WHERE c.outcome = 'abandoned') / nullif(count(c.call_id), 0) AS abandonment_rate,
       count(*) FILTER (WHERE c.outcome = 'answered'
                          AND c.wait_s <= getvariable('service_level_seconds'))
           / nullif(count(c.call_id), 0) AS service_level,
       avg(c.wait_s) FILTER (WHERE c.outcome = 'answered') AS asa,
       avg(c.handle_s) FILTER (WHERE c.outcome = 'answered') AS aht
FROM periods p LEFT JOIN calls c ON c.month = p.period AND c.inbound
GROUP BY p.period;

-- @block cc_fcr
-- @needs calls
-- @provides fcr
-- fcr = the answered inbound calls of identified customers with a reason
-- that no other inbound call of the same customer and reason follows in
-- (t, t + repeat_window_days] (answered or not, in P or after), over those
-- calls.
CREATE TABLE v_cc_fcr AS
WITH judged AS (
    SELECT c.month AS period, c.call_id,
           bool_or(r.call_id IS NOT NULL) AS repeated
    FROM calls c
    LEFT JOIN calls r
      ON r.inbound AND r.customer_id = c.customer_id AND r.reason = c.reason
     AND r.started_at > c.started_at
     AND r.started_at <= c.started_at
                         + to_microseconds(round(getvariable('repeat_window_days') * 86400e6)::BIGINT)
    WHERE c.inbound AND c.outcome = 'answered' AND c.customer_id IS NOT NULL AND c.reason IS NOT NULL
    GROUP BY ALL
)
SELECT p.period, count(*) FILTER (WHERE NOT j.repeated) / nullif(count(j.call_id), 0) AS fcr
FROM periods p LEFT JOIN judged j USING (period)
GROUP BY p.period;

-- @block cc_reasons
-- @needs calls
-- The reasons of P's inbound calls: calls, answered, share of all inbound
-- calls of P; most calls first, ties by reason.
CREATE TABLE cc_reasons AS
SELECT reason, count(*) AS calls, count(*) FILTER (WHERE outcome = 'answered') AS answered,
       count(*) / (SELECT count(*) FROM calls WHERE inbound AND month = getvariable('period')) AS share,
       row_number() OVER (ORDER BY count(*) DESC, reason) AS rank
FROM calls
WHERE inbound AND month = getvariable('period') AND reason IS NOT NULL
GROUP BY reason;

-- @block top_reasons
-- @needs cc_reasons
-- @provides top_reasons
CREATE TABLE t_top_reasons AS
SELECT rank, reason, calls, share, rank AS ord
FROM cc_reasons WHERE rank <= getvariable('top_reasons');

-- @block online_reasons
-- @needs cc_reasons
-- @provides online_reasons
-- The first top_reasons reasons of P that are actions of the cost table (a
-- reason with an online equivalent), ranked among themselves; cost at stake
-- = answered calls x unit cost.
CREATE TABLE t_online_reasons AS
SELECT * FROM (
    SELECT row_number() OVER (ORDER BY r.rank) AS rank, r.reason, r.calls, r.share, r.answered,
           a.cost AS unit_cost, (r.answered * a.cost)::DECIMAL(38,4) AS cost_at_stake,
           r.rank AS ord
    FROM cc_reasons r JOIN p_actions a ON a.action = r.reason
)
WHERE rank <= getvariable('top_reasons');
