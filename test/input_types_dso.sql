-- pgTAP tests of dso and avg_days_to_pay over double precision amounts
-- (issue 24; the overloads are declared in sql/install/50_receivables.sql).
-- Hand values, the same state as amount::numeric, errors with SQLSTATE,
-- NULLs, a differential check against plain SQL, a sliding window and a
-- parallel plan.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(20);

CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    result text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        result := result || line || E'\n';
    END LOOP;
    RETURN result;
END
$$;

-- Invoices as pandas writes them: amounts as double precision.
CREATE TABLE invoices_f8(amount float8, issued_on date, paid_on date);
INSERT INTO invoices_f8 VALUES
    (100.5, '2024-01-05', '2024-02-10'),
    (200, '2024-01-20', NULL),
    (50.25, '2023-12-20', '2024-01-10'),
    (NULL, '2024-01-02', '2024-01-03');
-- January: receivables at Feb 1 = 100.5 + 200 (issued before, unpaid then);
-- credit sales = 100.5 + 200 (issued in January): DSO = 300.5 / 300.5 * 31.
SELECT is(dso(amount, issued_on, paid_on, daterange('2024-01-01', '2024-02-01')), 31::float8, 'dso(double precision, date, date, daterange)') FROM invoices_f8;
-- To Feb 15: the 100.5 invoice is paid by then; receivables 200 of sales
-- 300.5 over 45 days.
SELECT is(round(dso(amount, issued_on, paid_on, daterange('2024-01-01', '2024-02-15'))::numeric, 9), round(200 / 300.5 * 45, 9),
          'dso(double precision) with a payment inside the period') FROM invoices_f8;
SELECT is(round(dso(amount, issued_on::timestamptz, paid_on::timestamptz, tstzrange('2024-01-01', '2024-02-01'))::numeric, 9), 31::numeric,
          'dso(double precision, timestamptz, timestamptz, tstzrange)') FROM invoices_f8;
-- paid: 100.5 after 36 days, 50.25 after 21: (3618 + 1055.25) / 150.75 = 31
SELECT is(avg_days_to_pay(amount, issued_on, paid_on), 31::float8, 'avg_days_to_pay(double precision, date, date)') FROM invoices_f8;
SELECT is(avg_days_to_pay(amount::real, issued_on, paid_on), 31::float8, 'avg_days_to_pay(real) resolves to the double precision form') FROM invoices_f8;

-- The state is the one amount::numeric gives.
SELECT is(dso_state(amount, issued_on, paid_on, daterange('2024-01-01', '2024-02-01'))::text,
          dso_state(amount::numeric, issued_on, paid_on, daterange('2024-01-01', '2024-02-01'))::text,
          'dso_state(double precision) = dso_state(amount::numeric)') FROM invoices_f8;
SELECT is(avg_days_to_pay_state(amount, issued_on, paid_on)::text, avg_days_to_pay_state(amount::numeric, issued_on, paid_on)::text,
          'avg_days_to_pay_state(double precision) = avg_days_to_pay_state(amount::numeric)') FROM invoices_f8;
SELECT is(avg_days_to_pay(a + b, date '2024-01-01', date '2024-01-03'), 2::float8, '0.1 + 0.2 as a double precision amount')
  FROM (VALUES (0.1::float8, 0.2::float8)) v(a, b);

-- No rows, all NULL.
SELECT is(dso(amount, issued_on, paid_on, daterange('2024-01-01', '2024-02-01')), NULL, 'no rows: NULL') FROM invoices_f8 WHERE false;
SELECT is(avg_days_to_pay(amount, issued_on, paid_on), NULL, 'all NULL amounts: NULL') FROM invoices_f8 WHERE amount IS NULL;

-- Errors, named, from the numeric path.
SELECT throws_ok($$SELECT dso(-1::float8, date '2024-01-01', NULL, daterange('2024-01-01', '2024-02-01'))$$, '22003', 'amount -1 is negative', 'a negative amount is 22003');
SELECT throws_ok($$SELECT avg_days_to_pay('NaN'::float8, date '2024-01-01', date '2024-01-02')$$, '22003', 'amount NaN is not a finite amount', 'NaN is 22003');
SELECT throws_ok($$SELECT avg_days_to_pay('Infinity'::float8, date '2024-01-01', date '2024-01-02')$$, '22003', 'amount Infinity is not a finite amount', 'Infinity is 22003');
SELECT throws_ok($$SELECT dso(1e300::float8, date '2024-01-01', NULL, daterange('2024-01-01', '2024-02-01'))$$, '22003', NULL, 'an amount beyond the range is 22003');
SELECT throws_ok($$SELECT avg_days_to_pay(1::float8, date '2024-01-02', date '2024-01-01')$$, '22023', NULL, 'a payment before the issue is 22023');

-- Differential check against plain SQL over 2 000 random invoices.
SELECT setseed(0.41);
CREATE TABLE inv_rand AS
SELECT g, round((random() * 1000)::numeric, 2)::float8 AS amount,
       date '2024-01-01' + (random() * 90)::int AS issued_on,
       CASE WHEN random() < 0.3 THEN NULL ELSE (random() * 60)::int END AS lag
  FROM generate_series(1, 2000) g;
ALTER TABLE inv_rand ADD paid_on date;
UPDATE inv_rand SET paid_on = issued_on + lag;
SELECT is(
    (SELECT round(dso(amount, issued_on, paid_on, daterange('2024-02-01', '2024-03-01'))::numeric, 9) FROM inv_rand),
    (SELECT round(sum(amount::numeric) FILTER (WHERE issued_on < '2024-03-01' AND (paid_on IS NULL OR paid_on >= '2024-03-01'))
                  / sum(amount::numeric) FILTER (WHERE issued_on >= '2024-02-01' AND issued_on < '2024-03-01') * 29, 9) FROM inv_rand),
    'dso(double precision) = plain SQL');
SELECT is(
    (SELECT round(avg_days_to_pay(amount, issued_on, paid_on)::numeric, 9) FROM inv_rand),
    (SELECT round(sum(amount::numeric * (paid_on - issued_on)) / sum(amount::numeric), 9) FROM inv_rand WHERE paid_on IS NOT NULL),
    'avg_days_to_pay(double precision) = plain SQL');

-- Sliding window: the inverse transition through the wrapper.
SELECT is(
    (SELECT array_agg(round(v::numeric, 9) ORDER BY g) FROM (
        SELECT g, avg_days_to_pay(amount, issued_on, paid_on) OVER (ORDER BY g ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) AS v
          FROM inv_rand WHERE g <= 300) w),
    (SELECT array_agg(round(v, 9) ORDER BY g) FROM (
        SELECT g, sum(CASE WHEN paid_on IS NOT NULL THEN amount::numeric * (paid_on - issued_on) END) OVER f
                  / nullif(sum(CASE WHEN paid_on IS NOT NULL THEN amount::numeric END) OVER f, 0) AS v
          FROM inv_rand WHERE g <= 300
        WINDOW f AS (ORDER BY g ROWS BETWEEN 5 PRECEDING AND CURRENT ROW)) w),
    'avg_days_to_pay(double precision) over a sliding frame = plain SQL per frame');

-- Parallel = serial.
CREATE TABLE inv_big AS SELECT g, amount, issued_on, paid_on FROM inv_rand, generate_series(1, 30) g2;
ANALYZE inv_big;
CREATE TABLE dso_serial AS SELECT dso(amount, issued_on, paid_on, daterange('2024-02-01', '2024-03-01')) a, avg_days_to_pay(amount, issued_on, paid_on) b FROM inv_big;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT matches(pg_temp.plan_of($$SELECT dso(amount, issued_on, paid_on, daterange('2024-02-01', '2024-03-01')), avg_days_to_pay(amount, issued_on, paid_on) FROM inv_big$$),
               'Partial Aggregate', 'double precision amounts run as a parallel aggregate');
CREATE TABLE dso_parallel AS SELECT dso(amount, issued_on, paid_on, daterange('2024-02-01', '2024-03-01')) a, avg_days_to_pay(amount, issued_on, paid_on) b FROM inv_big;
SELECT is((SELECT (a, b)::text FROM dso_parallel), (SELECT (a, b)::text FROM dso_serial), 'parallel = serial');

SELECT * FROM finish();
ROLLBACK;
