-- Products: KPI-CATALOG.md section 8, with docs/kpi-choices.md "Products
-- (section 8)". Order lines in the period of their own time, returns with
-- their sign; P' is the month before P.

-- @block product_values
-- @needs orders
-- @provides product_revenue units_sold products_sold
CREATE TABLE v_products AS
SELECT p.period,
       coalesce(sum(o.amount), 0)::DOUBLE AS product_revenue,
       coalesce(sum(o.quantity), 0)::DOUBLE AS units_sold,
       (SELECT count(*) FROM (SELECT product_id FROM orders x
                              WHERE x.month = p.period AND x.product_id <> ''
                              GROUP BY product_id HAVING sum(amount) > 0))::DOUBLE AS products_sold
FROM periods p LEFT JOIN orders o ON o.month = p.period
GROUP BY p.period;

-- @block sales_by_category
-- @needs orders
-- @provides sales_by_category
-- One row a category with a line in P or P' ("(none)" for lines without
-- one): revenue, share of the period's revenue, quantity, margin, margin
-- rate, for P and P'; by revenue in P descending, then category.
CREATE TABLE t_sales_by_category AS
WITH lines AS (
    SELECT coalesce(nullif(category, ''), '(none)') AS category, month, amount, quantity, margin
    FROM orders WHERE month IN (getvariable('period'), getvariable('previous'))
),
figures AS (
    SELECT category,
           coalesce(sum(amount) FILTER (WHERE month = getvariable('period')), 0) AS revenue,
           coalesce(sum(quantity) FILTER (WHERE month = getvariable('period')), 0) AS quantity,
           coalesce(sum(margin) FILTER (WHERE month = getvariable('period')), 0) AS margin,
           coalesce(sum(amount) FILTER (WHERE month = getvariable('previous')), 0) AS previous_revenue,
           coalesce(sum(quantity) FILTER (WHERE month = getvariable('previous')), 0) AS previous_quantity,
           coalesce(sum(margin) FILTER (WHERE month = getvariable('previous')), 0) AS previous_margin
    FROM lines GROUP BY category
)
SELECT category,
       revenue, revenue::DOUBLE / nullif(sum(revenue) OVER (), 0)::DOUBLE AS revenue_share,
       quantity, margin, margin::DOUBLE / nullif(revenue, 0)::DOUBLE AS margin_rate,
       previous_revenue,
       previous_revenue::DOUBLE / nullif(sum(previous_revenue) OVER (), 0)::DOUBLE AS previous_revenue_share,
       previous_quantity, previous_margin,
       previous_margin::DOUBLE / nullif(previous_revenue, 0)::DOUBLE AS previous_margin_rate,
       row_number() OVER (ORDER BY revenue DESC, category) AS ord
FROM figures;

-- @block top_products
-- @needs orders
-- @provides top_products
-- The top_products products of largest revenue > 0 in P (ties by
-- product_id), ranked 1..N: category (of the product's earliest line of P
-- that has one), revenue, share of P's revenue, quantity, margin, margin
-- rate, and the same in P'.
CREATE TABLE t_top_products AS
WITH p AS (
    SELECT product_id,
           arg_min(nullif(category, ''), (ordered_at, rid)) AS category,
           sum(amount) AS revenue, sum(quantity) AS quantity, sum(margin) AS margin
    FROM orders
    WHERE month = getvariable('period') AND product_id <> ''
    GROUP BY product_id
    HAVING sum(amount) > 0
),
q AS (
    SELECT product_id, sum(amount) AS revenue, sum(quantity) AS quantity, sum(margin) AS margin
    FROM orders WHERE month = getvariable('previous') GROUP BY product_id
),
ranked AS (
    SELECT *, row_number() OVER (ORDER BY revenue DESC, product_id) AS rank FROM p
)
SELECT r.rank, r.product_id, coalesce(r.category, '(none)') AS category,
       r.revenue,
       r.revenue::DOUBLE / (SELECT sum(amount) FROM orders WHERE month = getvariable('period'))::DOUBLE
           AS revenue_share,
       r.quantity, r.margin, r.margin::DOUBLE / r.revenue::DOUBLE AS margin_rate,
       coalesce(q.revenue, 0) AS previous_revenue,
       coalesce(q.quantity, 0) AS previous_quantity,
       coalesce(q.margin, 0) AS previous_margin,
       q.margin::DOUBLE / nullif(q.revenue, 0)::DOUBLE AS previous_margin_rate,
       r.rank AS ord
FROM ranked r LEFT JOIN q USING (product_id)
WHERE r.rank <= getvariable('top_products');
