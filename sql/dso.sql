-- Days Sales Outstanding, days to pay and descriptive CLV: the documented
-- examples, their errors, and a parallel plan.
SET DateStyle = ISO;
SET IntervalStyle = postgres;
CREATE TABLE invoices (id int, customer int, amount numeric, issued_on date, paid_on date);
INSERT INTO invoices VALUES
  (1, 1, 100.00, '2024-01-05', '2024-01-20'),
  (2, 1, 200.00, '2024-01-10', NULL),
  (3, 2,  50.50, '2023-12-20', '2024-02-03'),
  (4, 2, 300.00, '2024-01-31', '2024-02-01'),
  (5, 3,   NULL, '2024-01-15', NULL),
  (6, 3,  75.00, '2024-02-10', '2024-03-01');
-- receivables at 2024-02-01: 200 + 50.50 + 300 = 550.50; January sales 600
SELECT dso(amount, issued_on, paid_on, '[2024-01-01,2024-02-01)') FROM invoices;
SELECT dso(550.50, 600, 31);
SELECT dso_state(amount, issued_on, paid_on, '[2024-01-01,2024-02-01)') FROM invoices;
SELECT customer, dso(amount, issued_on, paid_on, '[2024-01-01,2024-02-01)')
FROM invoices GROUP BY customer ORDER BY customer;
-- timestamptz form: days are 86 400 s
SELECT dso(amount, issued_on::timestamptz, paid_on::timestamptz,
           tstzrange('2024-01-01 00:00+00', '2024-02-01 00:00+00'))
FROM invoices;
SELECT dso_state(amount, issued_on::timestamptz, paid_on::timestamptz,
                 tstzrange('2024-01-01 00:00+00', '2024-01-16 12:00+00'))
FROM invoices;
-- (100*15 + 50.50*45 + 300*1 + 75*20) / 525.50
SELECT round(avg_days_to_pay(amount, issued_on, paid_on)::numeric, 6) FROM invoices;
SELECT avg_days_to_pay_state(amount, issued_on, paid_on) FROM invoices;
-- a sliding window
SELECT id, round(avg_days_to_pay(amount, issued_on, paid_on)
                 OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)::numeric, 4)
FROM invoices ORDER BY id;
-- empty input, NULL
SELECT dso(amount, issued_on, paid_on, '[2024-01-01,2024-02-01)') FROM invoices WHERE false;
SELECT dso(amount, issued_on, paid_on, '[2025-01-01,2025-02-01)') FROM invoices;
SELECT dso(10, 0, 30);
-- errors
SELECT dso(-1, DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)');
SELECT dso(1, DATE '2024-01-10', DATE '2024-01-09', '[2024-01-01,2024-02-01)');
SELECT dso(1, DATE '2024-01-10', NULL, '[2024-01-01,)');
SELECT dso(1, DATE '2024-01-10', NULL, 'empty');
SELECT dso(1, now(), NULL, tstzrange('2024-01-01', '2024-02-01', '[]'));
SELECT dso(amount, issued_on, paid_on, daterange('2024-01-01', '2024-02-01'::date + id % 2)) FROM invoices;
SELECT dso(1, -1, 30);
SELECT dso(1, 2, 0);
SELECT 'v1 receivables=1 credit_sales=2 period_start=2024-01-01'::dso_state;
-- parallel plan
ALTER TABLE invoices SET (parallel_workers = 2);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT dso(amount, issued_on, paid_on, '[2024-01-01,2024-02-01)') FROM invoices;
SELECT dso(amount, issued_on, paid_on, '[2024-01-01,2024-02-01)') FROM invoices;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- descriptive customer lifetime value
SELECT clv_simple(50, 4, 3) AS clv, clv_simple(50, 4, 3, 0.6) AS clv_margin;
SELECT saas_ltv(100, 5) AS ltv, saas_ltv(100, 5, 0.8) AS ltv_margin, saas_ltv(100, 0) AS no_churn;
SELECT clv_simple(50, -4, 3);
SELECT clv_simple(50, 4, 3, 60);
SELECT saas_ltv(100, 120);
SELECT saas_ltv(100, 'NaN');
DROP TABLE invoices;
