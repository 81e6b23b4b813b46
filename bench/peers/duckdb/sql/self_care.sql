-- Self-care: KPI-CATALOG.md section 2, with docs/kpi-choices.md
-- "self_care". The actions are those of the spec's action_costs
-- (p_actions); an action code is both the web `action` and the call
-- `reason`. Costs are DECIMAL(18,4), so savings and costs are exact sums.

-- @block sc_acts
-- @needs web_events calls
-- online(a) = `action` events with action a in P (anonymous or not);
-- offline(a) = inbound answered calls with reason a in P.
CREATE TABLE sc_acts AS
WITH online AS (
    SELECT month AS period, action, count(*) AS n
    FROM web_events WHERE event_type = 'action' GROUP BY ALL
),
offline AS (
    SELECT month AS period, reason AS action, count(*) AS n
    FROM calls WHERE inbound AND outcome = 'answered' GROUP BY ALL
)
SELECT p.period, a.action, a.cost, a.online_cost,
       coalesce(o.n, 0) AS online, coalesce(f.n, 0) AS offline
FROM periods p CROSS JOIN p_actions a
LEFT JOIN online o ON o.period = p.period AND o.action = a.action
LEFT JOIN offline f ON f.period = p.period AND f.action = a.action;

-- @block sc_values
-- @needs sc_acts calls
-- @provides self_care_savings digital_adoption avoidable_calls avoidable_cost online_actions identified_call_share
-- self_care_savings = sum of online(a) x (cost(a) - online_cost(a));
-- digital_adoption = sum online / (sum online + sum offline);
-- avoidable_calls = sum offline; avoidable_cost = sum offline(a) x cost(a);
-- identified_call_share = inbound calls of P with a customer_id / inbound
-- calls of P (whatever their outcome and reason).
CREATE TABLE v_sc_values AS
WITH acts AS (
    SELECT period,
           sum(online * (cost - online_cost)) AS savings,
           sum(online) AS online, sum(offline) AS offline,
           sum(offline * cost) AS avoidable_cost
    FROM sc_acts GROUP BY period
),
inbound AS (
    SELECT month AS period, count(*) AS calls, count(customer_id) AS identified
    FROM calls WHERE inbound GROUP BY month
)
SELECT a.period,
       a.savings::DOUBLE AS self_care_savings,
       a.online / nullif(a.online + a.offline, 0) AS digital_adoption,
       a.offline::DOUBLE AS avoidable_calls,
       a.avoidable_cost::DOUBLE AS avoidable_cost,
       a.online::DOUBLE AS online_actions,
       i.identified / nullif(i.calls, 0) AS identified_call_share
FROM acts a LEFT JOIN inbound i USING (period);

-- @block sc_rebound
-- @needs web_events calls stitching
-- Channel rebound. A touch: a web event of P on topic a (an `action` event
-- of action a, or a page_view of a page topic_pages maps to a; a page may
-- be on several topics), counted for the event's person stitched at the
-- end of P (an unlinked visitor forms no pair). A pair (customer, a) of P
-- rebounds when an inbound call of that customer with reason a starts in
-- (t, t + rebound_hours] after one of its touches t (answered or not, in P
-- or after it).
CREATE TABLE sc_touches AS
WITH topic_pages AS (
    SELECT pages.page, t.name AS action
    FROM (SELECT DISTINCT page FROM web_events WHERE event_type = 'page_view') pages
    JOIN p_patterns t ON t.family = 'topic_pages' AND pages.page LIKE t.like_pattern ESCAPE '\'
    JOIN p_actions a ON a.action = t.name
    GROUP BY ALL
),
touches AS (
    SELECT w.month AS period, w.visitor_id, w.ts, w.action
    FROM web_events w JOIN p_actions a ON a.action = w.action
    WHERE w.event_type = 'action'
    UNION ALL
    SELECT w.month, w.visitor_id, w.ts, t.action
    FROM web_events w JOIN topic_pages t ON t.page = w.page
    WHERE w.event_type = 'page_view'
)
SELECT t.period, vp.customer_id, t.action, t.ts
FROM touches t
JOIN periods p ON p.period = t.period
JOIN visitor_persons vp ON vp.period = t.period AND vp.visitor_id = t.visitor_id;

CREATE TABLE sc_pairs AS
WITH followed AS (   -- each touch, and the first call that follows it within the window
    SELECT t.period, t.customer_id, t.action, t.ts,
           min(c.started_at) AS call_at
    FROM sc_touches t
    LEFT JOIN calls c
      ON c.inbound AND c.customer_id = t.customer_id AND c.reason = t.action
     AND c.started_at > t.ts
     AND c.started_at <= t.ts + to_microseconds(round(getvariable('rebound_hours') * 3600e6)::BIGINT)
    GROUP BY ALL
)
SELECT period, customer_id, action,
       -- the latest touch that a call followed, and that call
       max(ts) FILTER (WHERE call_at IS NOT NULL) AS last_web_event,
       arg_max(call_at, ts) FILTER (WHERE call_at IS NOT NULL) AS call_at
FROM followed
GROUP BY ALL;

-- @block sc_rebound_rate
-- @needs sc_rebound
-- @provides rebound_rate
-- rebound_rate = rebounded pairs / pairs, over the table's actions.
CREATE TABLE v_sc_rebound_rate AS
SELECT p.period, count(call_at) / nullif(count(s.action), 0) AS rebound_rate
FROM periods p LEFT JOIN sc_pairs s USING (period)
GROUP BY p.period;

-- @block self_care_by_action
-- @needs sc_acts sc_rebound
-- @provides self_care_by_action
-- One row an action of the cost table, by action code, for P.
CREATE TABLE t_self_care_by_action AS
SELECT a.action, a.online, a.offline,
       a.online / nullif(a.online + a.offline, 0) AS digital_adoption,
       a.cost AS unit_cost,
       (a.online * (a.cost - a.online_cost))::DECIMAL(38,4) AS savings,
       (a.offline * a.cost)::DECIMAL(38,4) AS avoidable_cost,
       count(s.customer_id) AS pairs,
       count(s.call_at) AS rebounded,
       count(s.call_at) / nullif(count(s.customer_id), 0) AS rebound_rate,
       row_number() OVER (ORDER BY a.action) AS ord
FROM sc_acts a
LEFT JOIN sc_pairs s ON s.period = a.period AND s.action = a.action
WHERE a.period = getvariable('period')
GROUP BY a.action, a.online, a.offline, a.cost, a.online_cost;

-- @block failed_journeys
-- @needs customers sc_rebound customer_profiles
-- @provides failed_journeys
-- The rebounded pairs of P: action, the latest web event a call followed,
-- that call, the hours between; consenting customers only, with their
-- profile.
CREATE TABLE t_failed_journeys AS
SELECT s.action, s.last_web_event, s.call_at,
       (epoch_us(s.call_at) - epoch_us(s.last_web_event)) / 3600e6 AS hours_between,
       pr.value_segment, pr.rfm_score, pr.experience_profile, pr.consumption_profile,
       pr.preferred_channel,
       row_number() OVER (ORDER BY s.customer_id, s.action) AS ord
FROM sc_pairs s
JOIN customers k ON k.customer_id = s.customer_id AND k.consent_marketing
LEFT JOIN customer_profiles pr ON pr.customer_id = s.customer_id
WHERE s.period = getvariable('period') AND s.call_at IS NOT NULL;
