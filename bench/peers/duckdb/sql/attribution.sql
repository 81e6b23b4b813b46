-- Attribution: KPI-CATALOG.md section 5, with docs/kpi-choices.md
-- "attribution".

-- @block conversions
-- @needs order_facts
-- @provides conversions
-- Conversions = purchases of identified customers, in the period of their
-- order's time.
CREATE TABLE v_conversions AS
SELECT p.period, count(c.customer_id)::DOUBLE AS conversions
FROM periods p LEFT JOIN customer_purchases c ON c.month = p.period
GROUP BY p.period;

-- @block attribution_by_channel
-- @needs web_events orders order_facts sessions stitching customers marketing_spend
-- @provides attribution_by_channel
-- The conversions of P, each with its touchpoints: the sessions of its
-- customer (every visitor stitched to it at the end of P) starting in
-- [c - window_days, c), in time order (equal starts: the visitor seen
-- first in the web data first). Each model splits one credit a conversion:
-- first, last, linear, time_decay (2^(-age / half-life), normalised),
-- position_based (40/20/40; one touchpoint 100 %, two 50/50). A touchpoint's
-- channel is its session's source (mapped by source_channels; no source:
-- "(no source)"); a conversion without touchpoint credits "(none)".
-- Rows: per model, the channels a conversion reached and those with spend
-- in P, by name; revenue = credit x order total; roas = revenue / spend,
-- roi = (credit x order margin - spend) / spend, long_term_value =
-- clv_margin x new customers of that acquisition_channel / spend.
CREATE TABLE attribution_credit AS
WITH conversions AS (
    SELECT row_number() OVER () AS conversion, c.customer_id, c.ordered_at AS at,
           c.total, c.margin
    FROM customer_purchases c WHERE c.month = getvariable('period')
),
visitor_codes AS (   -- the order in which visitors first appear in the data
    SELECT visitor_id, min(rid) AS code FROM web_events GROUP BY visitor_id
),
touchpoints AS (
    SELECT c.conversion, c.at, c.total, c.margin,
           coalesce(sc.channel, s.source, '(no source)') AS channel,
           row_number() OVER (PARTITION BY c.conversion ORDER BY s.started_at, v.code) AS i,
           count(*) OVER (PARTITION BY c.conversion) AS n,
           pow(2, -(epoch_us(c.at) - epoch_us(s.started_at))
                / (getvariable('half_life_days') * 86400e6)) AS decay
    FROM conversions c
    JOIN visitor_persons vp ON vp.period = getvariable('period') AND vp.customer_id = c.customer_id
    JOIN sessions s ON s.visitor_id = vp.visitor_id
                   AND s.started_at >= c.at - to_days(getvariable('window_days')::INTEGER)
                   AND s.started_at < c.at
    JOIN visitor_codes v ON v.visitor_id = s.visitor_id
    LEFT JOIN p_source_channels sc ON sc.source = s.source
),
weights AS (
    SELECT channel, total, margin, 'first' AS model, CASE WHEN i = 1 THEN 1.0 ELSE 0 END AS w FROM touchpoints
    UNION ALL
    SELECT channel, total, margin, 'last', CASE WHEN i = n THEN 1.0 ELSE 0 END FROM touchpoints
    UNION ALL
    SELECT channel, total, margin, 'linear', 1.0 / n FROM touchpoints
    UNION ALL
    SELECT channel, total, margin, 'time_decay', decay / sum(decay) OVER (PARTITION BY conversion)
    FROM touchpoints
    UNION ALL
    SELECT channel, total, margin, 'position_based',
           CASE WHEN n = 1 THEN 1.0 WHEN n = 2 THEN 0.5
                WHEN i = 1 OR i = n THEN 0.4 ELSE 0.2 / (n - 2) END
    FROM touchpoints
    UNION ALL
    SELECT '(none)', c.total, c.margin, m.model, 1.0
    FROM conversions c
    CROSS JOIN (VALUES ('first'), ('last'), ('linear'), ('time_decay'), ('position_based')) m(model)
    WHERE NOT EXISTS (SELECT 1 FROM touchpoints t WHERE t.conversion = c.conversion)
)
SELECT model, channel,
       sum(w) AS conversions,
       sum(w * total::DOUBLE) AS revenue,
       sum(w * margin::DOUBLE) AS margin
FROM weights GROUP BY ALL;

CREATE TABLE t_attribution_by_channel AS
WITH models(model, pos) AS (
    VALUES ('first', 1), ('last', 2), ('linear', 3), ('time_decay', 4), ('position_based', 5)
),
spend AS (
    SELECT channel, sum(spend) AS spend FROM marketing_spend
    WHERE month = getvariable('period') GROUP BY channel
),
channels AS (
    SELECT DISTINCT channel FROM attribution_credit UNION SELECT channel FROM spend
),
clv_margin AS (   -- customer_base's clv_margin at the end of P
    SELECT sum(o.margin)::DOUBLE / (SELECT count(DISTINCT customer_id) FROM customer_purchases
                                    WHERE ordered_at < getvariable('as_of')) AS clv_margin
    FROM orders o
    WHERE o.ordered_at < getvariable('as_of')
      AND o.customer_id IN (SELECT customer_id FROM customer_purchases WHERE ordered_at < getvariable('as_of'))
),
newcomers AS (
    SELECT k.acquisition_channel AS channel, count(*) AS new_customers
    FROM (SELECT customer_id, min(ordered_at) AS first_purchase FROM customer_purchases GROUP BY 1) f
    JOIN customers k USING (customer_id)
    JOIN periods p ON p.period = getvariable('period')
    WHERE f.first_purchase >= p.start_at AND f.first_purchase < p.end_at
    GROUP BY 1
)
SELECT m.model, ch.channel,
       coalesce(a.conversions, 0) AS conversions,
       coalesce(a.revenue, 0) AS revenue,
       s.spend::DECIMAL(38,4) AS spend,
       coalesce(a.revenue, 0) / nullif(s.spend::DOUBLE, 0) AS roas,
       (coalesce(a.margin, 0) - s.spend::DOUBLE) / nullif(s.spend::DOUBLE, 0) AS roi,
       (SELECT clv_margin FROM clv_margin) * coalesce(n.new_customers, 0) / nullif(s.spend::DOUBLE, 0)
           AS long_term_value,
       row_number() OVER (ORDER BY m.pos, ch.channel) AS ord
FROM models m CROSS JOIN channels ch
LEFT JOIN attribution_credit a ON a.model = m.model AND a.channel = ch.channel
LEFT JOIN spend s ON s.channel = ch.channel
LEFT JOIN newcomers n ON n.channel = ch.channel;
