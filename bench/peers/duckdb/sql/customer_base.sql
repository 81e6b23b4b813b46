-- Customer base: KPI-CATALOG.md section 1, with the choices of
-- docs/kpi-choices.md "customer_base". Orders and purchases are read by
-- derive.sql (order_facts, customer_purchases). Value KPIs are columns of
-- v_* tables, one row a period of the plan (the trend and P'), each with
-- as_of = its end; tables (t_<kpi>) are for P.

-- @block cb_sales
-- @needs orders order_facts
-- @provides revenue margin margin_rate orders avg_basket
-- revenue, margin = sums of the lines of P (returns and anonymous lines
-- included); orders = purchases (orders of total > 0, at their earliest
-- line) in P, anonymous or not; avg_basket = their totals / orders.
CREATE TABLE v_cb_sales AS
SELECT p.period,
           coalesce(l.revenue, 0)::DOUBLE AS revenue,
           coalesce(l.margin, 0)::DOUBLE AS margin,
           l.margin::DOUBLE / nullif(l.revenue::DOUBLE, 0) AS margin_rate,
           coalesce(o.orders, 0)::DOUBLE AS orders,
           o.totals::DOUBLE / nullif(o.orders, 0) AS avg_basket
    FROM periods p
    LEFT JOIN (SELECT month, sum(amount) AS revenue, sum(margin) AS margin
               FROM orders GROUP BY month) l ON l.month = p.period
    LEFT JOIN (SELECT month, count(*) AS orders, sum(total) AS totals
               FROM order_facts WHERE total > 0 GROUP BY month) o ON o.month = p.period;

-- @block cb_windows
-- @needs order_facts
-- The activity window A of each period, in days: the spec's
-- activity_window, or `auto` = the mean recency (days) at as_of of the
-- customers with a purchase in the 365 days before it, rounded (halves away
-- from zero), at least 1; 90 when nobody bought (kpi-choices.md).
CREATE TABLE cb_windows AS
SELECT p.period, p.start_at, p.end_at,
       CASE WHEN getvariable('activity_window') <> 'auto'
            THEN getvariable('activity_window')::INTEGER
            ELSE coalesce(greatest(round(avg(days_between(r.last_purchase, p.end_at)))::INTEGER, 1), 90)
       END AS a_days,
       CASE WHEN getvariable('activity_window') <> 'auto' OR count(r.customer_id) > 0
            THEN a_days END AS window_days
FROM periods p
LEFT JOIN (
    SELECT p.period, c.customer_id, max(c.ordered_at) AS last_purchase
    FROM periods p JOIN customer_purchases c
      ON c.ordered_at >= p.end_at - INTERVAL 365 DAY AND c.ordered_at < p.end_at
    WHERE getvariable('activity_window') = 'auto'
    GROUP BY ALL
) r ON r.period = p.period
GROUP BY ALL;

-- @block cb_churn
-- @needs order_facts cb_windows
-- Active at t = a purchase in [t - A, t); lost over a month [s, e) =
-- active at s and without a purchase in [e - A, e); churn = lost / active
-- at s. Computed for the periods themselves and for the 12 calendar months
-- ending at each period's as_of (clv_predictive's mean monthly churn), each
-- with the A of the period it serves.
CREATE TABLE cb_churn AS
WITH wanted AS (
    SELECT DISTINCT strftime((w.period || '-01')::DATE - to_months(k), '%Y-%m') AS month, w.a_days
    FROM cb_windows w, range(0, 12) t(k)
),
months AS (
    SELECT month, a_days,
           at_local(first_day, local_shift(first_day)) AS start_at,
           at_local(next_day, local_shift(next_day)) AS end_at
    FROM (SELECT month, a_days, (month || '-01')::TIMESTAMP AS first_day,
                 (month || '-01')::TIMESTAMP + INTERVAL 1 MONTH AS next_day FROM wanted)
),
base AS (
    SELECT m.month, m.a_days, c.customer_id,
           bool_or(c.ordered_at < m.start_at) AS active_at_start,
           bool_or(c.ordered_at >= m.end_at - to_days(m.a_days)) AS active_at_end
    FROM months m JOIN customer_purchases c
      ON c.ordered_at >= m.start_at - to_days(m.a_days) AND c.ordered_at < m.end_at
    GROUP BY ALL
)
SELECT m.month, m.a_days, m.start_at, m.end_at,
       count(b.customer_id) FILTER (WHERE b.active_at_start) AS active_at_start,
       count(b.customer_id) FILTER (WHERE b.active_at_start AND NOT b.active_at_end) AS lost
FROM months m LEFT JOIN base b USING (month, a_days)
GROUP BY ALL;

-- @block cb_customers
-- @needs order_facts cb_windows cb_churn
-- @provides buyers active_customers new_customers recent_customers lost_customers churn_rate net_customer_growth renewal_ratio mean_recency_days clv_historic clv_margin activity_window_days
-- buyers: customers with a purchase in P. active_customers(as_of), and
-- mean_recency_days, the mean of (as_of - last purchase) over them.
-- new_customers: first purchase ever in P; recent_customers: first purchase
-- in the recent_days before as_of. lost, churn from cb_churn.
-- clv_historic / clv_margin: the lines (each under its own customer_id)
-- before as_of of the customers whose first purchase is before as_of, per
-- such customer.
CREATE TABLE v_cb_customers AS
    WITH per_customer AS (
        SELECT w.period, c.customer_id,
               min(c.ordered_at) AS first_purchase,
               max(c.ordered_at) AS last_purchase,
               bool_or(c.ordered_at >= w.start_at) AS bought_in_p,
               bool_or(c.ordered_at >= w.end_at - to_days(w.a_days)) AS active
        FROM cb_windows w JOIN customer_purchases c ON c.ordered_at < w.end_at
        GROUP BY ALL
    ),
    counts AS (
        SELECT w.period,
               count(*) FILTER (WHERE bought_in_p) AS buyers,
               count(*) FILTER (WHERE active) AS active_customers,
               avg(days_between(last_purchase, w.end_at)) FILTER (WHERE active) AS mean_recency_days,
               count(*) FILTER (WHERE first_purchase >= w.start_at) AS new_customers,
               count(*) FILTER (WHERE first_purchase >= w.end_at
                                      - to_days(getvariable('recent_days')::INTEGER)) AS recent_customers,
               count(*) AS buyers_to_date
        FROM cb_windows w LEFT JOIN per_customer USING (period)
        GROUP BY ALL
    ),
    lines AS (   -- the lines of each customer by month, then summed up to as_of
        SELECT customer_id, month, sum(amount) AS amount, sum(margin) AS margin
        FROM orders WHERE customer_id IS NOT NULL GROUP BY ALL
    ),
    to_date AS (
        SELECT p.period, sum(l.amount) AS amount, sum(l.margin) AS margin
        FROM per_customer p
        JOIN lines l ON l.customer_id = p.customer_id AND l.month <= p.period
        GROUP BY p.period
    )
    SELECT w.period,
           c.buyers::DOUBLE AS buyers,
           c.active_customers::DOUBLE AS active_customers,
           c.new_customers::DOUBLE AS new_customers,
           c.recent_customers::DOUBLE AS recent_customers,
           ch.lost::DOUBLE AS lost_customers,
           ch.lost / nullif(ch.active_at_start, 0) AS churn_rate,
           (c.new_customers - ch.lost)::DOUBLE AS net_customer_growth,
           c.new_customers / nullif(ch.lost, 0) AS renewal_ratio,
           c.mean_recency_days,
           t.amount::DOUBLE / nullif(c.buyers_to_date, 0) AS clv_historic,
           t.margin::DOUBLE / nullif(c.buyers_to_date, 0) AS clv_margin,
           w.window_days::DOUBLE AS activity_window_days
    FROM cb_windows w
    JOIN counts c USING (period)
    JOIN cb_churn ch ON ch.month = w.period AND ch.a_days = w.a_days
    LEFT JOIN to_date t USING (period);

-- @block cb_clv_predictive
-- @needs orders order_facts cb_windows cb_churn
-- @provides clv_predictive
-- clv_predictive = m r / (1 + d - r): c = the mean of the churn rates of the
-- 12 calendar months ending at as_of (months nobody was active at the start
-- of left out), r = (1 - c)^12; m = the margin of the lines of the last 365
-- days of the customers active at as_of, per such customer. No value unless
-- the first order line is not after the first of those months.
CREATE TABLE v_cb_clv_predictive AS
WITH churn AS (
    SELECT w.period, avg(ch.lost / nullif(ch.active_at_start, 0)) AS c,
           min(ch.start_at) AS first_month_start
    FROM cb_windows w CROSS JOIN range(0, 12) t(k)
    JOIN cb_churn ch ON ch.month = strftime((w.period || '-01')::DATE - to_months(k), '%Y-%m')
                    AND ch.a_days = w.a_days
    GROUP BY w.period
),
active AS (
    SELECT DISTINCT w.period, w.end_at, c.customer_id
    FROM cb_windows w JOIN customer_purchases c
      ON c.ordered_at >= w.end_at - to_days(w.a_days) AND c.ordered_at < w.end_at
),
m AS (
    SELECT a.period, sum(o.margin)::DOUBLE / count(DISTINCT a.customer_id) AS m
    FROM active a
    LEFT JOIN orders o ON o.customer_id = a.customer_id
                      AND o.ordered_at >= a.end_at - INTERVAL 365 DAY AND o.ordered_at < a.end_at
    GROUP BY a.period
)
SELECT w.period,
       CASE WHEN (SELECT min(ordered_at) FROM orders) <= churn.first_month_start
            THEN m.m * pow(1 - churn.c, 12)
                 / (1 + getvariable('discount_rate') - pow(1 - churn.c, 12)) END AS clv_predictive
FROM cb_windows w
LEFT JOIN churn USING (period)
LEFT JOIN m USING (period);

-- @block cb_cac
-- @needs marketing_spend cb_customers
-- @provides cac clv_to_cac
-- cac = the marketing spend of P's month / new customers;
-- clv_to_cac = clv_margin / cac.
CREATE TABLE v_cb_cac AS
SELECT p.period,
       coalesce(s.spend, 0)::DOUBLE / nullif(c.new_customers, 0) AS cac,
       c.clv_margin / nullif(cac, 0) AS clv_to_cac
FROM periods p
LEFT JOIN (SELECT month, sum(spend) AS spend FROM marketing_spend GROUP BY month) s
       ON s.month = p.period
JOIN v_cb_customers c USING (period);

-- @block rfm
-- @needs orders order_facts
-- The RFM ranking at as_of (KPI-CATALOG.md "Value segments (RFM)"):
-- customers with a purchase in the W days before as_of; R = days since the
-- last purchase, F = purchases in W, M = amount of their lines in W.
-- Ranked by M desc, F desc, customer_id; segment = floor(S r / n). The
-- classic scores rank each dimension alone (R by latest purchase first, F
-- and M descending), ties falling back on the segment rank: 5 - floor(5 r / n).
CREATE TABLE rfm AS
WITH window_purchases AS (
    SELECT customer_id, count(*) AS frequency, max(ordered_at) AS last_purchase
    FROM customer_purchases
    WHERE ordered_at >= getvariable('as_of') - to_days(getvariable('rfm_window_days')::INTEGER)
      AND ordered_at < getvariable('as_of')
    GROUP BY customer_id
),
window_lines AS (
    SELECT customer_id, sum(amount) AS monetary
    FROM orders
    WHERE customer_id IS NOT NULL
      AND ordered_at >= getvariable('as_of') - to_days(getvariable('rfm_window_days')::INTEGER)
      AND ordered_at < getvariable('as_of')
    GROUP BY customer_id
),
ranked AS (
    SELECT f.customer_id, f.frequency, f.last_purchase, coalesce(m.monetary, 0) AS monetary,
           row_number() OVER (ORDER BY coalesce(m.monetary, 0) DESC, f.frequency DESC, f.customer_id) - 1 AS rank,
           count(*) OVER () AS n
    FROM window_purchases f LEFT JOIN window_lines m USING (customer_id)
),
scored AS (
    SELECT *,
           days_between(last_purchase, getvariable('as_of')) AS recency_days,
           (SELECT count(*) FROM p_segment_names) * rank // n AS segment,
           5 - 5 * (row_number() OVER (ORDER BY last_purchase DESC, rank) - 1) // n AS r_score,
           5 - 5 * (row_number() OVER (ORDER BY frequency DESC, rank) - 1) // n AS f_score,
           5 - 5 * rank // n AS m_score
    FROM ranked
)
SELECT s.*, n.name AS value_segment, r_score::VARCHAR || f_score::VARCHAR || m_score::VARCHAR AS rfm_score
FROM scored s JOIN p_segment_names n ON n.pos = s.segment;

-- @block value_segments
-- @needs rfm
-- @provides value_segments
-- One row a segment name, in order, even when empty: customers, revenue
-- (sum of M), its share of all M, mean F, mean basket (sum M / sum F),
-- mean R.
CREATE TABLE t_value_segments AS
SELECT n.name AS segment,
       count(r.customer_id) AS customers,
       coalesce(sum(r.monetary), 0)::DECIMAL(38,4) AS revenue,
       sum(r.monetary)::DOUBLE / nullif((SELECT sum(monetary) FROM rfm)::DOUBLE, 0) AS revenue_share,
       avg(r.frequency) AS mean_frequency,
       sum(r.monetary)::DOUBLE / nullif(sum(r.frequency), 0) AS mean_basket,
       avg(r.recency_days) AS mean_recency_days,
       n.pos AS ord
FROM p_segment_names n LEFT JOIN rfm r ON r.segment = n.pos
GROUP BY n.name, n.pos;

-- @block cac_by_channel
-- @needs customers marketing_spend order_facts
-- @provides cac_by_channel
-- A row a channel with spend in P or new customers in P (by the customer's
-- acquisition_channel), by name: spend, new customers, cac.
CREATE TABLE t_cac_by_channel AS
WITH spend AS (
    SELECT channel, sum(spend) AS spend FROM marketing_spend
    WHERE month = getvariable('period') GROUP BY channel
),
newcomers AS (
    SELECT k.acquisition_channel AS channel, count(*) AS new_customers
    FROM (SELECT customer_id, min(ordered_at) AS first_purchase FROM customer_purchases GROUP BY 1) f
    JOIN customers k USING (customer_id)
    JOIN periods p ON p.period = getvariable('period')
    WHERE f.first_purchase >= p.start_at AND f.first_purchase < p.end_at
      AND k.acquisition_channel IS NOT NULL
    GROUP BY 1
)
SELECT channel,
       coalesce(s.spend, 0)::DECIMAL(38,4) AS spend,
       coalesce(n.new_customers, 0) AS new_customers,
       coalesce(s.spend, 0)::DOUBLE / nullif(n.new_customers, 0) AS cac,
       row_number() OVER (ORDER BY channel) AS ord
FROM spend s FULL JOIN newcomers n USING (channel);

-- @block alerts
-- @needs customers order_facts rfm customer_profiles cb_windows
-- @provides alert_1m alert_2m
-- Inactivity alerts (operational lists): customers whose last purchase
-- before as_of is in [as_of - alert_2m_days, as_of - alert_1m_days)
-- (alert_1m) or [as_of - A, as_of - alert_2m_days) (alert_2m); with their
-- segment, M and F of the RFM window, and the customer profile. Only
-- consenting customers are listed (docs/data-model.md "Personal data"):
-- their id is dropped here (Vigie prints a keyed hash instead).
CREATE TABLE alert_candidates AS
SELECT l.customer_id, l.last_purchase,
       days_between(l.last_purchase, getvariable('as_of')) AS recency_days,
       r.value_segment,
       coalesce(r.monetary, (SELECT sum(amount) FROM orders o
                             WHERE o.customer_id = l.customer_id
                               AND o.ordered_at >= getvariable('as_of') - to_days(getvariable('rfm_window_days')::INTEGER)
                               AND o.ordered_at < getvariable('as_of')), 0)::DECIMAL(38,4) AS monetary,
       coalesce(r.frequency, 0) AS frequency
FROM (SELECT customer_id, max(ordered_at) AS last_purchase FROM customer_purchases
      WHERE ordered_at < getvariable('as_of') GROUP BY customer_id) l
LEFT JOIN rfm r USING (customer_id);
CREATE TABLE t_alert_1m AS
SELECT a.last_purchase, a.recency_days, a.value_segment, a.monetary, a.frequency,
       pr.rfm_score, pr.experience_profile, pr.consumption_profile, pr.preferred_channel,
       row_number() OVER (ORDER BY a.monetary DESC, a.customer_id) AS ord
FROM alert_candidates a
JOIN customers k ON k.customer_id = a.customer_id AND k.consent_marketing
LEFT JOIN customer_profiles pr ON pr.customer_id = a.customer_id
WHERE a.last_purchase >= getvariable('as_of') - to_days(getvariable('alert_2m_days')::INTEGER)
  AND a.last_purchase < getvariable('as_of') - to_days(getvariable('alert_1m_days')::INTEGER);
CREATE TABLE t_alert_2m AS
SELECT a.last_purchase, a.recency_days, a.value_segment, a.monetary, a.frequency,
       pr.rfm_score, pr.experience_profile, pr.consumption_profile, pr.preferred_channel,
       row_number() OVER (ORDER BY a.monetary DESC, a.customer_id) AS ord
FROM alert_candidates a
JOIN customers k ON k.customer_id = a.customer_id AND k.consent_marketing
LEFT JOIN customer_profiles pr ON pr.customer_id = a.customer_id
WHERE a.last_purchase >= getvariable('as_of')
                         - to_days((SELECT a_days FROM cb_windows WHERE period = getvariable('period')))
  AND a.last_purchase < getvariable('as_of') - to_days(getvariable('alert_2m_days')::INTEGER);
