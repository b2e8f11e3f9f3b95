-- Invoices and Days Sales Outstanding, average days to pay, descriptive CLV.
\echo
\echo '=== Receivables: DSO and days to pay; descriptive lifetime value ==='

SELECT setseed(0.3) \g /dev/null
CREATE TABLE invoices AS
SELECT i AS invoice_id, 1 + (random() * 400)::int AS customer_id,
       round((50 + random() * 2000)::numeric, 2) AS amount, issued_on,
       CASE WHEN random() < 0.08 THEN NULL ELSE issued_on + (random() * random() * 90)::int END AS paid_on
FROM (SELECT i, DATE '2025-01-01' + (random() * 364)::int AS issued_on
      FROM generate_series(1, 6000) i) s;

\echo
\echo 'DSO per quarter (receivables at quarter end / credit sales of the quarter x days):'
SELECT to_char(q, 'YYYY-"Q"Q') AS quarter,
       round(dso(amount, issued_on, paid_on, daterange(q::date, (q + interval '3 months')::date))::numeric, 1) AS dso_days
FROM generate_series(timestamp '2025-01-01', '2025-10-01', interval '3 months') q, invoices
GROUP BY q ORDER BY q;

\echo 'Amount-weighted days to pay, by invoice size:'
SELECT CASE WHEN amount < 500 THEN 'under 500' WHEN amount < 1500 THEN '500-1500' ELSE '1500+' END AS size,
       count(*) AS invoices,
       round(avg_days_to_pay(amount, issued_on, paid_on)::numeric, 1) AS avg_days_to_pay
FROM invoices GROUP BY 1 ORDER BY min(amount);

\echo 'Descriptive lifetime value:'
SELECT round(clv_simple(48.50, 6, 3)::numeric, 2) AS clv_simple,
       round(clv_simple(48.50, 6, 3, 0.35)::numeric, 2) AS clv_with_margin,
       round(saas_ltv(99, 2.5)::numeric, 2) AS saas_ltv,
       round(saas_ltv(99, 2.5, 0.8)::numeric, 2) AS saas_ltv_with_margin;
