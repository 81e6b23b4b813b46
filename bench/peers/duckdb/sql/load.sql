-- Reading the CSV files of the data folder into DuckDB tables, one block a
-- dataset (run.mjs runs the blocks of the datasets the spec's sources name,
-- with {{path}} the source's file).
--
-- Times. The files hold local wall-clock times of report.time_zone without
-- an offset (docs/data-model.md, "Timestamps"). Each table keeps the text's
-- local time (`*_local`), the local month it falls in (`month`, the id of
-- the monthly period holding it: a period is [local midnight of the 1st,
-- local midnight of the next 1st)) and the instant (`TIMESTAMPTZ`; the
-- session's TimeZone is UTC, so that `t - INTERVAL 90 DAY` is 90 x 86400 s,
-- the catalog's "N days").
--
-- The zone changes its offset only on the hour, so a local time is turned
-- into an instant through its local hour: each distinct hour of a file is
-- converted once (ICU conversions are the slow part of a million rows).
-- In the hour repeated when clocks go back DuckDB (ICU) takes the later
-- instant, Vigie the earlier one (data-model.md: `2026-10-25 02:30` is
-- 00:30Z); a skipped hour is read with the offset before the change by
-- both (`2026-03-29 02:30` is 01:30Z).
--
-- `rid` is the row's place in its file: "input order" settles the ties the
-- catalog settles that way (an order's customer, a session's first event).

-- @block macros
CREATE MACRO local_shift(h) AS (
    CASE WHEN timezone(getvariable('tz'), timezone(getvariable('tz'), h) - INTERVAL 1 HOUR) = h
         THEN timezone(getvariable('tz'), h) - INTERVAL 1 HOUR
         ELSE timezone(getvariable('tz'), h)
    END - h::TIMESTAMPTZ);
-- The instant of a local time, given the shift of its hour.
CREATE MACRO at_local(t, shift) AS t::TIMESTAMPTZ + shift;
-- A duration in days, not rounded: seconds / 86400 (KPI-CATALOG "Time").
CREATE MACRO days_between(a, b) AS (epoch_us(b) - epoch_us(a)) / 86400e6;

-- @block customers
CREATE TABLE customers_raw AS
SELECT * FROM read_csv('{{path}}', header = true, auto_detect = false, columns = {
    'customer_id': 'VARCHAR', 'created_at': 'TIMESTAMP', 'acquisition_channel': 'VARCHAR',
    'region': 'VARCHAR', 'birth_year': 'BIGINT', 'consent_marketing': 'VARCHAR',
    'email': 'VARCHAR'});
CREATE TABLE customers AS
WITH shifts AS (
    SELECT h, local_shift(h) AS shift
    FROM (SELECT DISTINCT date_trunc('hour', created_at) AS h FROM customers_raw)
)
SELECT c.rowid AS rid, c.customer_id, at_local(c.created_at, s.shift) AS created_at,
       c.created_at AS created_local, strftime(c.created_at, '%Y-%m') AS month,
       c.acquisition_channel, c.region, c.birth_year,
       -- no value means no consent (docs/data-model.md, "Personal data")
       coalesce(lower(c.consent_marketing) IN ('1', 'true', 'yes'), false) AS consent_marketing
FROM customers_raw c LEFT JOIN shifts s ON date_trunc('hour', c.created_at) = s.h;
DROP TABLE customers_raw;

-- @block orders
CREATE TABLE orders_raw AS
SELECT * FROM read_csv('{{path}}', header = true, auto_detect = false, columns = {
    'order_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'ordered_at': 'TIMESTAMP',
    'amount': 'DECIMAL(18,4)', 'margin': 'DECIMAL(18,4)', 'quantity': 'BIGINT',
    'product_id': 'VARCHAR', 'category': 'VARCHAR', 'channel': 'VARCHAR'});
CREATE TABLE orders AS
WITH shifts AS (
    SELECT h, local_shift(h) AS shift
    FROM (SELECT DISTINCT date_trunc('hour', ordered_at) AS h FROM orders_raw)
)
SELECT o.rowid AS rid,
       -- a line without an order_id is an order of its own (kpi-choices.md)
       coalesce(o.order_id, '#line ' || o.rowid) AS order_id,
       o.customer_id, o.ordered_at AS ordered_local, strftime(o.ordered_at, '%Y-%m') AS month,
       at_local(o.ordered_at, s.shift) AS ordered_at,
       coalesce(o.amount, 0) AS amount, coalesce(o.margin, 0) AS margin,
       coalesce(o.quantity, 0) AS quantity, o.product_id, o.category, o.channel
FROM orders_raw o JOIN shifts s ON date_trunc('hour', o.ordered_at) = s.h
WHERE o.ordered_at IS NOT NULL;   -- a line without a time belongs to no period
DROP TABLE orders_raw;

-- @block marketing_spend
CREATE TABLE marketing_spend AS
SELECT left(month, 7) AS month, channel, spend
FROM read_csv('{{path}}', header = true, auto_detect = false, columns = {
    'month': 'VARCHAR', 'channel': 'VARCHAR', 'spend': 'DECIMAL(18,4)'});

-- @block web_events
CREATE TABLE web_raw AS
SELECT * FROM read_csv('{{path}}', header = true, auto_detect = false, columns = {
    'ts': 'TIMESTAMP', 'visitor_id': 'VARCHAR', 'customer_id': 'VARCHAR',
    'event_type': 'VARCHAR', 'page': 'VARCHAR', 'action': 'VARCHAR',
    'device': 'VARCHAR', 'source': 'VARCHAR', 'load_time_ms': 'BIGINT'});
CREATE TABLE web_events AS
WITH shifts AS (
    SELECT h, local_shift(h) AS shift
    FROM (SELECT DISTINCT date_trunc('hour', ts) AS h FROM web_raw)
)
SELECT w.rowid AS rid, at_local(w.ts, s.shift) AS ts, w.ts AS ts_local,
       strftime(w.ts, '%Y-%m') AS month,
       w.visitor_id, w.customer_id, w.event_type, w.page, w.action, w.device,
       w.source, w.load_time_ms
FROM web_raw w JOIN shifts s ON date_trunc('hour', w.ts) = s.h
WHERE w.ts IS NOT NULL AND w.visitor_id IS NOT NULL;
DROP TABLE web_raw;

-- @block calls
CREATE TABLE calls_raw AS
SELECT * FROM read_csv('{{path}}', header = true, auto_detect = false, columns = {
    'call_id': 'VARCHAR', 'started_at': 'TIMESTAMP', 'customer_id': 'VARCHAR',
    'direction': 'VARCHAR', 'queue': 'VARCHAR', 'reason': 'VARCHAR', 'outcome': 'VARCHAR',
    'wait_s': 'BIGINT', 'handle_s': 'BIGINT', 'csat': 'BIGINT'});
CREATE TABLE calls AS
WITH shifts AS (
    SELECT h, local_shift(h) AS shift
    FROM (SELECT DISTINCT date_trunc('hour', started_at) AS h FROM calls_raw)
)
SELECT c.rowid AS rid, c.call_id, at_local(c.started_at, s.shift) AS started_at,
       c.started_at AS started_local, strftime(c.started_at, '%Y-%m') AS month,
       c.customer_id,
       -- "inbound unless said": a missing direction is inbound (DATA-MODEL.md)
       coalesce(c.direction = 'inbound', true) AS inbound,
       c.queue, c.reason, c.outcome, c.wait_s, c.handle_s, c.csat
FROM calls_raw c JOIN shifts s ON date_trunc('hour', c.started_at) = s.h
WHERE c.started_at IS NOT NULL;
DROP TABLE calls_raw;

-- @block surveys
CREATE TABLE surveys_raw AS
SELECT * FROM read_csv('{{path}}', header = true, auto_detect = false, columns = {
    'customer_id': 'VARCHAR', 'ts': 'TIMESTAMP', 'step': 'VARCHAR', 'channel': 'VARCHAR',
    'csat': 'BIGINT', 'nps': 'BIGINT'});
CREATE TABLE surveys AS
WITH shifts AS (
    SELECT h, local_shift(h) AS shift
    FROM (SELECT DISTINCT date_trunc('hour', ts) AS h FROM surveys_raw)
)
SELECT r.rowid AS rid, r.customer_id, at_local(r.ts, s.shift) AS ts, r.ts AS ts_local,
       strftime(r.ts, '%Y-%m') AS month, r.step, r.channel, r.csat, r.nps
FROM surveys_raw r JOIN shifts s ON date_trunc('hour', r.ts) = s.h
WHERE r.ts IS NOT NULL;
DROP TABLE surveys_raw;
