-- Receivables beyond the simple DSO, over the invoices of 40_dso.sql: the
-- aging report, countback DSO, best possible DSO, average days delinquent
-- and the collection effectiveness index.  Leaves aging_monthly for the
-- HTML report (the aging report at each month end, a stacked bar).
\echo
\echo '=== Receivables: aging, countback DSO, best possible DSO, CEI ==='

-- Net-30 terms for most customers, net-60 for every fifth one.
ALTER TABLE invoices ADD COLUMN due_on date;
UPDATE invoices SET due_on = issued_on + CASE WHEN customer_id % 5 = 0 THEN 60 ELSE 30 END;

\echo
\echo 'Aging report at 2025-12-31 (amounts outstanding by days past due):'
SELECT (a).* FROM (SELECT ar_aging(amount, issued_on, due_on, paid_on, '2025-12-31') AS a FROM invoices) x;

CREATE TABLE aging_monthly AS
SELECT m AS month, (a).current, (a).days_1_30, (a).days_31_60, (a).days_61_90, (a).days_over_90, (a).total
FROM (SELECT m, ar_aging(amount, issued_on, due_on, paid_on, m) AS a
      FROM (SELECT (d + interval '1 month' - interval '1 day')::date AS m
            FROM generate_series(date '2025-01-01', date '2025-12-01', interval '1 month') d) months, invoices
      GROUP BY m) x;

\echo 'Per quarter: DSO, countback DSO at the quarter end, best possible DSO, average days delinquent, CEI:'
SELECT to_char(q, 'YYYY-"Q"Q') AS quarter,
       round(dso(amount, issued_on, paid_on, p)::numeric, 1) AS dso,
       round(dso_countback(amount, issued_on, paid_on, upper(p) - 1)::numeric, 1) AS countback_dso,
       round(best_possible_dso(amount, issued_on, due_on, paid_on, p)::numeric, 1) AS best_possible_dso,
       round((dso(amount, issued_on, paid_on, p) - best_possible_dso(amount, issued_on, due_on, paid_on, p))::numeric, 1) AS avg_days_delinquent,
       round(cei(amount, issued_on, due_on, paid_on, p)::numeric, 1) AS cei
FROM (SELECT q, daterange(q::date, (q + interval '3 months')::date) AS p
      FROM generate_series(timestamp '2025-01-01', '2025-10-01', interval '3 months') q) qs, invoices
GROUP BY q, p ORDER BY q;
