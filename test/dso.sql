-- pgTAP tests of dso (date and timestamptz forms), dso on known figures,
-- avg_days_to_pay, clv_simple and saas_ltv.
BEGIN;
SELECT plan(120);

-- EXPLAIN output as rows, to look for Partial Aggregate.
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q; END $$;

-- Deterministic random invoices: 3000 rows over 2024, amounts with two
-- decimals, 20 % unpaid, paid 0-89 days after issue.
SELECT setseed(0.42);
CREATE TABLE inv (id int PRIMARY KEY, customer int, amount numeric, issued date, paid date);
INSERT INTO inv
SELECT i, 1 + (random() * 19)::int, round((random() * 1000)::numeric, 2), d,
       CASE WHEN random() < 0.2 THEN NULL ELSE d + (random() * 89)::int END
FROM (SELECT i, DATE '2024-01-01' + (random() * 365)::int AS d FROM generate_series(1, 3000) i) s;
-- a few NULLs mixed in
UPDATE inv SET amount = NULL WHERE id % 97 = 0;
UPDATE inv SET issued = NULL WHERE id % 89 = 0;
ANALYZE inv;

-- The plain-SQL DSO of one period.
CREATE FUNCTION pg_temp.dso_sql(lo date, hi date) RETURNS float8 LANGUAGE sql AS $$
  SELECT (sum(amount) FILTER (WHERE issued < hi AND (paid IS NULL OR paid >= hi))
          / NULLIF(sum(amount) FILTER (WHERE issued >= lo AND issued < hi), 0)
          * (hi - lo))::float8
  FROM inv WHERE amount IS NOT NULL AND issued IS NOT NULL $$;

-- ---------- no rows, one row, NULLs ----------
SELECT is((SELECT dso(amount, issued, paid, '[2024-01-01,2024-02-01)') FROM inv WHERE false),
          NULL, 'dso: no rows is NULL');
SELECT is((SELECT avg_days_to_pay(amount, issued, paid) FROM inv WHERE false),
          NULL, 'avg_days_to_pay: no rows is NULL');
SELECT is(dso(100, DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)'), 31::float8,
          'dso: one unpaid invoice issued in the period is 31 days');
SELECT is(dso(100, DATE '2024-01-10', DATE '2024-01-20', '[2024-01-01,2024-02-01)'), 0::float8,
          'dso: one invoice paid inside the period is 0');
SELECT is(dso(100, DATE '2024-01-10', DATE '2024-02-01', '[2024-01-01,2024-02-01)'), 31::float8,
          'dso: paid on the end day is still outstanding at the end');
SELECT is(dso(100, DATE '2023-12-10', NULL, '[2024-01-01,2024-02-01)'), NULL,
          'dso: receivables without credit sales is NULL');
SELECT is(dso(100, DATE '2024-02-01', NULL, '[2024-01-01,2024-02-01)'), NULL,
          'dso: an invoice issued after the period counts nowhere');
SELECT is(avg_days_to_pay(100, DATE '2024-01-10', DATE '2024-01-25'), 15::float8,
          'avg_days_to_pay: one row');
SELECT is(avg_days_to_pay(100, DATE '2024-01-10', NULL), NULL,
          'avg_days_to_pay: only unpaid invoices is NULL');
SELECT is(avg_days_to_pay(0, DATE '2024-01-10', DATE '2024-01-12'), NULL,
          'avg_days_to_pay: zero paid amount is NULL');
SELECT is((SELECT dso(a, i, p, '[2024-01-01,2024-02-01)')
           FROM (VALUES (NULL::numeric, NULL::date, NULL::date), (NULL, NULL, NULL)) v(a, i, p)),
          NULL, 'dso: all NULL is NULL');
SELECT is((SELECT avg_days_to_pay(a, i, p)
           FROM (VALUES (NULL::numeric, NULL::date, NULL::date), (NULL, NULL, NULL)) v(a, i, p)),
          NULL, 'avg_days_to_pay: all NULL is NULL');
SELECT is((SELECT dso(a, i, p, '[2024-01-01,2024-02-01)')
           FROM (VALUES (100::numeric, DATE '2024-01-05', DATE '2024-01-20'), (NULL, DATE '2024-01-05', NULL),
                        (200, NULL, NULL), (200, DATE '2024-01-10', NULL), (50.5, DATE '2023-12-20', DATE '2024-02-03'),
                        (300, DATE '2024-01-31', DATE '2024-02-01')) v(a, i, p)),
          ((200 + 50.5 + 300) / 600.0 * 31)::float8, 'dso: NULLs mixed in are skipped, hand-computed value');
SELECT is((SELECT avg_days_to_pay(a, i, p)
           FROM (VALUES (100::numeric, DATE '2024-01-05', DATE '2024-01-20'), (NULL, DATE '2024-01-05', DATE '2024-01-06'),
                        (200, NULL, DATE '2024-01-06'), (200, DATE '2024-01-10', NULL), (50.5, DATE '2023-12-20', DATE '2024-02-03'),
                        (300, DATE '2024-01-31', DATE '2024-02-01')) v(a, i, p))::numeric(20, 12),
          ((100 * 15 + 50.5 * 45 + 300 * 1) / 450.5)::numeric(20, 12),
          'avg_days_to_pay: NULLs mixed in are skipped, hand-computed value');

-- ---------- timestamptz form ----------
SELECT is((SELECT dso(amount, issued::timestamptz, paid::timestamptz, tstzrange('2024-03-01', '2024-04-01'))
           FROM inv)::numeric(20, 9),
          pg_temp.dso_sql('2024-03-01', '2024-04-01')::numeric(20, 9),
          'dso tstz: dates at midnight give the date form''s value');
SELECT is(dso(10, TIMESTAMPTZ '2024-01-01 06:00+00', NULL, tstzrange('2024-01-01 00:00+00', '2024-01-01 12:00+00')),
          0.5::float8, 'dso tstz: a half-day period counts 0.5 days');
SELECT is(dso(10, TIMESTAMPTZ '2024-01-01 06:00+00', TIMESTAMPTZ '2024-01-01 11:59:59.999999+00',
              tstzrange('2024-01-01 00:00+00', '2024-01-01 12:00+00')),
          0::float8, 'dso tstz: paid a microsecond before the end is not outstanding');

-- ---------- bad input ----------
SELECT throws_ok($$SELECT dso(-1, DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)')$$, '22003', NULL,
                 'dso: negative amount is 22003');
SELECT throws_ok($$SELECT dso(-0.00001, DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)')$$, '22003', NULL,
                 'dso: a tiny negative amount is 22003');
SELECT throws_ok($$SELECT dso('NaN', DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)')$$, '22003', NULL,
                 'dso: NaN amount is 22003');
SELECT throws_ok($$SELECT dso('Infinity', DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)')$$, '22003', NULL,
                 'dso: infinite amount is 22003');
SELECT throws_ok($$SELECT dso(922337203685478, DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)')$$, '22003', NULL,
                 'dso: an amount above the fixed-point range is 22003');
SELECT throws_ok($$SELECT dso(a, DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)')
                   FROM (VALUES (922337203685477::numeric), (1)) v(a)$$, '22003', NULL,
                 'dso: a sum overflowing the fixed-point range is 22003');
SELECT throws_ok($$SELECT dso(1, DATE '2024-01-10', DATE '2024-01-09', '[2024-01-01,2024-02-01)')$$, '22023',
                 'payment on 2024-01-09 is before the invoice''s issue on 2024-01-10',
                 'dso: payment before issue is 22023');
SELECT throws_ok($$SELECT dso(1, TIMESTAMPTZ '2024-01-10 12:00+00', TIMESTAMPTZ '2024-01-10 11:00+00', tstzrange('2024-01-01', '2024-02-01'))$$,
                 '22023', NULL, 'dso tstz: payment before issue is 22023');
SELECT throws_ok($$SELECT dso(1, DATE '2024-01-10', NULL, 'empty')$$, '22023', 'period must not be empty',
                 'dso: empty period is 22023');
SELECT throws_ok($$SELECT dso(1, DATE '2024-01-10', NULL, '[2024-01-01,)')$$, '22023', 'period [2024-01-01,) is unbounded',
                 'dso: unbounded period is 22023');
SELECT throws_ok($$SELECT dso(1, DATE '2024-01-10', NULL, '[-infinity,2024-02-01)')$$, '22023', 'period [-infinity,2024-02-01) is unbounded',
                 'dso: infinite period bound is 22023');
-- the messages print the period in the session's time zone
SET TimeZone = 'UTC';
SELECT throws_ok($$SELECT dso(1, TIMESTAMPTZ '2024-01-10', NULL, tstzrange('2024-01-01', '2024-02-01', '[]'))$$, '22023',
                 'period ["2024-01-01 00:00:00+00","2024-02-01 00:00:00+00"] is not of the form [start, end)', 'dso tstz: a [] period is 22023');
SELECT throws_ok($$SELECT dso(1, TIMESTAMPTZ '2024-01-10', NULL, tstzrange('2024-01-01', 'infinity'))$$, '22023',
                 'period ["2024-01-01 00:00:00+00",infinity) is unbounded', 'dso tstz: an infinite bound is 22023');
RESET TimeZone;
SELECT throws_ok($$SELECT dso(1, DATE '2024-01-10', NULL, daterange('2024-01-01', '10000-01-01'))$$, '22023',
                 'period [2024-01-01,10000-01-01) is outside the years 1 to 9999', 'dso: a period beyond the year 9999 is 22023');
SELECT throws_ok($$SELECT dso(1, DATE '2024-01-10', NULL, NULL::daterange)$$, '22004', NULL,
                 'dso: NULL period is 22004');
SELECT throws_ok($$SELECT dso(1, d, NULL, daterange(DATE '2024-01-01', d + 1))
                   FROM (VALUES (DATE '2024-01-10'), (DATE '2024-01-11')) v(d)$$, '22023', NULL,
                 'dso: a period changing within a group is 22023');
SELECT throws_ok($$SELECT dso_state_combine(dso_state(1, DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)'),
                                            dso_state(1, DATE '2024-01-10', NULL, '[2024-01-01,2024-03-01)'))$$, '22023', NULL,
                 'dso: merging states of different periods is 22023');
SELECT throws_ok($$SELECT avg_days_to_pay(1, DATE '2024-01-10', DATE '2024-01-09')$$, '22023', NULL,
                 'avg_days_to_pay: payment before issue is 22023');
SELECT throws_ok($$SELECT avg_days_to_pay(-5, DATE '2024-01-10', DATE '2024-01-19')$$, '22003', NULL,
                 'avg_days_to_pay: negative amount is 22003');
SELECT throws_ok($$SELECT avg_days_to_pay(1, DATE '2024-01-10', 'infinity')$$, '22023', NULL,
                 'avg_days_to_pay: infinite payment date is 22023');
SELECT throws_ok($$SELECT avg_days_to_pay(922337203685477, DATE '2024-01-10', DATE '2024-01-12')$$, '22003', NULL,
                 'avg_days_to_pay: amount * days overflowing is 22003');

-- ---------- extreme values ----------
SELECT is(dso_state(0.00005, DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)')::text,
          'v1 receivables=1 credit_sales=1 period_start=2024-01-01 period_end=2024-02-01',
          'dso: half a unit rounds away from zero');
SELECT is(dso_state(0.00004, DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)')::text,
          'v1 receivables=0 credit_sales=0 period_start=2024-01-01 period_end=2024-02-01',
          'dso: below half a unit rounds to zero');
SELECT is(dso(922337203685477, DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)'), 31::float8,
          'dso: the largest amount is accepted');
SELECT is(dso(0, DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)'), NULL,
          'dso: zero credit sales is NULL');
SELECT is(dso(1, DATE '0001-01-01', NULL, daterange('0001-01-01', '9999-12-31')),
          (DATE '9999-12-31' - DATE '0001-01-01')::float8, 'dso: the widest date period (years 1 to 9999)');

-- ---------- dso(receivables, credit_sales, days) ----------
SELECT is(dso(550.5, 600, 31), 550.5 / 600 * 31::float8, 'dso figures: the formula');
SELECT is(dso(10, 0, 31), NULL, 'dso figures: zero credit sales is NULL');
SELECT is(dso(NULL, 10, 31), NULL, 'dso figures: NULL in, NULL out');
SELECT throws_ok($$SELECT dso(-1, 10, 31)$$, '22003', NULL, 'dso figures: negative receivables is 22003');
SELECT throws_ok($$SELECT dso(1, -10, 31)$$, '22003', NULL, 'dso figures: negative credit sales is 22003');
SELECT throws_ok($$SELECT dso('NaN', 10, 31)$$, '22003', NULL, 'dso figures: NaN is 22003');
SELECT throws_ok($$SELECT dso(1, 10, 0)$$, '22023', NULL, 'dso figures: zero days is 22023');
SELECT throws_ok($$SELECT dso(1, 10, 'Infinity')$$, '22023', NULL, 'dso figures: infinite days is 22023');
SELECT throws_ok($$SELECT dso(1e300, 1e-300, 10)$$, '22003', NULL, 'dso figures: an overflowing result is 22003');
SELECT is((SELECT dso(sum(amount) FILTER (WHERE issued < '2024-07-01' AND (paid IS NULL OR paid >= '2024-07-01')),
                      sum(amount) FILTER (WHERE issued >= '2024-06-01' AND issued < '2024-07-01'), 30)
           FROM inv WHERE amount IS NOT NULL)::numeric(20, 9),
          (SELECT dso(amount, issued, paid, '[2024-06-01,2024-07-01)') FROM inv)::numeric(20, 9),
          'dso figures equal the aggregate on the same invoices');

-- ---------- differential check against plain SQL, every month ----------
SELECT is((SELECT count(*) FROM generate_series(DATE '2024-01-01', '2024-12-01', '1 month') m,
                  LATERAL (SELECT dso(amount, issued, paid, daterange(m::date, (m + '1 month')::date)) AS v FROM inv) a
           WHERE a.v::numeric(20, 9) IS DISTINCT FROM pg_temp.dso_sql(m::date, (m + '1 month')::date)::numeric(20, 9)),
          0::bigint, 'dso equals the plain-SQL formula for every month of random invoices');
SELECT is((SELECT avg_days_to_pay(amount, issued, paid)::numeric(20, 9) FROM inv),
          (SELECT (sum(amount * (paid - issued)) / sum(amount))::numeric(20, 9)
           FROM inv WHERE amount IS NOT NULL AND issued IS NOT NULL AND paid IS NOT NULL),
          'avg_days_to_pay equals the plain-SQL weighted mean on random invoices');
SELECT is((SELECT count(*) FROM (
             SELECT customer, avg_days_to_pay(amount, issued, paid) AS v,
                    sum(amount * (paid - issued)) FILTER (WHERE paid IS NOT NULL AND issued IS NOT NULL)
                      / NULLIF(sum(amount) FILTER (WHERE paid IS NOT NULL AND issued IS NOT NULL), 0) AS w
             FROM inv GROUP BY customer) s
           WHERE v::numeric(20, 9) IS DISTINCT FROM w::numeric(20, 9)),
          0::bigint, 'avg_days_to_pay per customer equals plain SQL');

-- groups with different periods, rows interleaved (the period cache must follow)
SELECT is((SELECT count(*) FROM (
             SELECT customer % 3 AS g,
                    dso(amount, issued, paid, daterange(DATE '2024-01-01' + 40 * (customer % 3), DATE '2024-02-01' + 40 * (customer % 3))) AS v,
                    (sum(amount) FILTER (WHERE issued < DATE '2024-02-01' + 40 * (customer % 3)
                                          AND (paid IS NULL OR paid >= DATE '2024-02-01' + 40 * (customer % 3)))
                     / sum(amount) FILTER (WHERE issued >= DATE '2024-01-01' + 40 * (customer % 3)
                                            AND issued < DATE '2024-02-01' + 40 * (customer % 3)) * 31)::float8 AS p
             FROM inv WHERE amount IS NOT NULL AND issued IS NOT NULL GROUP BY customer % 3) a
           WHERE v::numeric(20, 9) IS DISTINCT FROM p::numeric(20, 9)),
          0::bigint, 'dso: one period per group, rows of the groups interleaved, equals plain SQL');

-- ---------- parallel plan ----------
ALTER TABLE inv SET (parallel_workers = 2);
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(EXISTS (SELECT 1 FROM pg_temp.plan_of($$SELECT dso(amount, issued, paid, '[2024-05-01,2024-06-01)') FROM inv$$) p
                  WHERE p LIKE '%Partial Aggregate%'), 'dso: parallel plan with Partial Aggregate');
SELECT is((SELECT dso(amount, issued, paid, '[2024-05-01,2024-06-01)') FROM inv)::numeric(20, 9),
          pg_temp.dso_sql('2024-05-01', '2024-06-01')::numeric(20, 9), 'dso: parallel equals serial plain SQL');
SELECT ok(EXISTS (SELECT 1 FROM pg_temp.plan_of($$SELECT dso(amount, issued::timestamptz, paid::timestamptz, tstzrange('2024-05-01', '2024-06-01')) FROM inv$$) p
                  WHERE p LIKE '%Partial Aggregate%'), 'dso tstz: parallel plan with Partial Aggregate');
SELECT is((SELECT dso(amount, issued::timestamptz, paid::timestamptz, tstzrange('2024-05-01', '2024-06-01')) FROM inv)::numeric(20, 9),
          pg_temp.dso_sql('2024-05-01', '2024-06-01')::numeric(20, 9), 'dso tstz: parallel equals serial plain SQL');
SELECT ok(EXISTS (SELECT 1 FROM pg_temp.plan_of($$SELECT avg_days_to_pay(amount, issued, paid) FROM inv$$) p
                  WHERE p LIKE '%Partial Aggregate%'), 'avg_days_to_pay: parallel plan with Partial Aggregate');
SELECT is((SELECT avg_days_to_pay(amount, issued, paid) FROM inv)::numeric(20, 9),
          (SELECT (sum(amount * (paid - issued)) / sum(amount))::numeric(20, 9)
           FROM inv WHERE amount IS NOT NULL AND issued IS NOT NULL AND paid IS NOT NULL),
          'avg_days_to_pay: parallel equals serial plain SQL');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- ---------- partitionwise aggregate ----------
CREATE TABLE inv_p (customer int, amount numeric, issued date, paid date) PARTITION BY HASH (customer);
CREATE TABLE inv_p0 PARTITION OF inv_p FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE inv_p1 PARTITION OF inv_p FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO inv_p SELECT customer, amount, issued, paid FROM inv;
ANALYZE inv_p;
SET LOCAL enable_partitionwise_aggregate = on;
SELECT ok(EXISTS (SELECT 1 FROM pg_temp.plan_of($$SELECT dso(amount, issued, paid, '[2024-05-01,2024-06-01)') FROM inv_p$$) p
                  WHERE p LIKE '%Partial Aggregate%'), 'dso: partitionwise plan with Partial Aggregate');
SELECT is((SELECT dso(amount, issued, paid, '[2024-05-01,2024-06-01)') FROM inv_p)::numeric(20, 9),
          pg_temp.dso_sql('2024-05-01', '2024-06-01')::numeric(20, 9), 'dso: partitionwise equals plain SQL');
SELECT is((SELECT avg_days_to_pay(amount, issued, paid) FROM inv_p)::numeric(20, 9),
          (SELECT avg_days_to_pay(amount, issued, paid) FROM inv)::numeric(20, 9), 'avg_days_to_pay: partitionwise equals serial');
RESET enable_partitionwise_aggregate;

-- ---------- window frames (moving aggregate) against plain SQL per frame ----------
SELECT is((SELECT count(*) FROM (
             SELECT id, dso(amount, issued, paid, '[2024-03-01,2024-04-01)') OVER (ORDER BY id ROWS BETWEEN 24 PRECEDING AND CURRENT ROW) AS w
             FROM inv WHERE id <= 600) a,
           LATERAL (SELECT (sum(amount) FILTER (WHERE issued < '2024-04-01' AND (paid IS NULL OR paid >= '2024-04-01'))
                            / NULLIF(sum(amount) FILTER (WHERE issued >= '2024-03-01' AND issued < '2024-04-01'), 0) * 31)::float8 AS p
                    FROM inv i WHERE i.id BETWEEN a.id - 24 AND a.id AND i.amount IS NOT NULL AND i.issued IS NOT NULL) b
           WHERE a.w::numeric(20, 9) IS DISTINCT FROM b.p::numeric(20, 9)),
          0::bigint, 'dso: ROWS sliding frame equals plain SQL per frame');
SELECT is((SELECT count(*) FROM (
             SELECT id, issued, avg_days_to_pay(amount, issued, paid) OVER (ORDER BY issued RANGE BETWEEN '10 days' PRECEDING AND CURRENT ROW) AS w
             FROM inv WHERE issued IS NOT NULL) a,
           LATERAL (SELECT (sum(amount * (paid - issued)) / NULLIF(sum(amount), 0))::float8 AS p
                    FROM inv i WHERE i.issued BETWEEN a.issued - 10 AND a.issued
                      AND i.amount IS NOT NULL AND i.paid IS NOT NULL) b
           WHERE a.w::numeric(20, 9) IS DISTINCT FROM b.p::numeric(20, 9)),
          0::bigint, 'avg_days_to_pay: RANGE interval frame equals plain SQL per frame');
SELECT is((SELECT count(*) FROM (
             SELECT id, issued, dso(amount, issued::timestamptz, paid::timestamptz, tstzrange('2024-06-01', '2024-07-01'))
                      OVER (ORDER BY issued::timestamptz RANGE BETWEEN '20 days' PRECEDING AND CURRENT ROW) AS w
             FROM inv WHERE issued IS NOT NULL) a,
           LATERAL (SELECT (sum(amount) FILTER (WHERE issued < '2024-07-01' AND (paid IS NULL OR paid >= '2024-07-01'))
                            / NULLIF(sum(amount) FILTER (WHERE issued >= '2024-06-01' AND issued < '2024-07-01'), 0) * 30)::float8 AS p
                    FROM inv i WHERE i.issued BETWEEN a.issued - 20 AND a.issued AND i.amount IS NOT NULL) b
           WHERE a.w::numeric(20, 9) IS DISTINCT FROM b.p::numeric(20, 9)),
          0::bigint, 'dso tstz: RANGE interval frame equals plain SQL per frame');

-- ---------- rollups: daily states merged per month equal the direct metric ----------
CREATE TEMP TABLE dso_daily AS
SELECT m::date AS month, issued AS day, dso_state(amount, issued, paid, daterange(m::date, (m + '1 month')::date)) AS st
FROM generate_series(DATE '2024-01-01', '2024-12-01', '1 month') m
JOIN inv ON inv.issued < (m + '1 month')::date
GROUP BY 1, 2;
SELECT is((SELECT count(*) FROM (SELECT month, dso(st) AS v FROM dso_daily GROUP BY month) r
           WHERE v::numeric(20, 9) IS DISTINCT FROM pg_temp.dso_sql(month, (month + '1 month'::interval)::date)::numeric(20, 9)),
          0::bigint, 'dso: daily states merged per month equal the monthly metric');
SELECT is((SELECT count(*) FROM (SELECT month, dso(wst) AS v FROM (SELECT month, date_trunc('week', day) AS week, dso_state(st) AS wst
                                                           FROM dso_daily GROUP BY 1, 2) w GROUP BY month) r
           WHERE v::numeric(20, 9) IS DISTINCT FROM pg_temp.dso_sql(month, (month + '1 month'::interval)::date)::numeric(20, 9)),
          0::bigint, 'dso: daily states merged per week, then per month, equal the monthly metric');
CREATE TEMP TABLE adp_daily AS
SELECT paid AS day, avg_days_to_pay_state(amount, issued, paid) AS st FROM inv GROUP BY paid;
SELECT is((SELECT count(*) FROM (SELECT date_trunc('month', day) AS m, avg_days_to_pay(st) AS v FROM adp_daily GROUP BY 1) r
           FULL JOIN (SELECT date_trunc('month', paid) AS m, avg_days_to_pay(amount, issued, paid) AS w FROM inv GROUP BY 1) d USING (m)
           WHERE v::numeric(20, 9) IS DISTINCT FROM w::numeric(20, 9)),
          0::bigint, 'avg_days_to_pay: daily states merged per month equal the monthly metric');
SELECT is((SELECT count(*) FROM (
             SELECT day, avg_days_to_pay(st) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS v,
                    row_number() OVER (ORDER BY day) AS rn
             FROM adp_daily WHERE day IS NOT NULL) a,
           LATERAL (SELECT avg_days_to_pay(st) AS w FROM (
                      SELECT st, row_number() OVER (ORDER BY day) AS rn FROM adp_daily WHERE day IS NOT NULL) d
                    WHERE d.rn BETWEEN a.rn - 6 AND a.rn) b
           WHERE v::numeric(20, 9) IS DISTINCT FROM w::numeric(20, 9)),
          0::bigint, 'avg_days_to_pay: sliding window over stored states (uncombine) equals re-merging each frame');

-- ---------- state text round trip and forged states ----------
SELECT is((SELECT count(*) FROM dso_daily WHERE st::text::dso_state::text <> st::text), 0::bigint,
          'dso_state: text round trip');
SELECT is((SELECT dso(st::text::dso_state) FROM dso_daily WHERE month = '2024-04-01')::numeric(20, 9),
          pg_temp.dso_sql('2024-04-01', '2024-05-01')::numeric(20, 9), 'dso_state: metric of round-tripped states');
SELECT is(dso_state(1.5, TIMESTAMPTZ '2024-01-10 00:00+00', NULL, tstzrange('2024-01-01 00:00:00.25+00', '2024-02-01 00:00+00'))::text,
          'v1 receivables=15000 credit_sales=15000 period_start=2024-01-01T00:00:00.250000 period_end=2024-02-01',
          'dso_tstz_state: readable text form in UTC');
SELECT is(('v1 receivables=15000 credit_sales=15000 period_start=2024-01-01T00:00:00.250000 period_end=2024-02-01T12:30:00'::dso_tstz_state)::text,
          'v1 receivables=15000 credit_sales=15000 period_start=2024-01-01T00:00:00.250000 period_end=2024-02-01T12:30:00',
          'dso_tstz_state: text round trip');
SELECT is(dso('v1 receivables=5 credit_sales=10 period_start=2024-01-01 period_end=2024-01-31'::dso_state), 15::float8,
          'dso_state: a hand-written state');
SELECT is(avg_days_to_pay_state(2, DATE '2024-01-01', DATE '2024-01-04')::text, 'v1 paid_amount=20000 amount_days=60000',
          'avg_days_to_pay_state: text form');
SELECT is(dso('v1 receivables=0 credit_sales=0'::dso_state), NULL, 'dso_state: an empty state is NULL');
SELECT throws_ok($$SELECT 'v1 receivables=-1 credit_sales=0 period_start=2024-01-01 period_end=2024-02-01'::dso_state$$, '22P02', NULL,
                 'dso_state: negative sum rejected');
SELECT throws_ok($$SELECT 'v1 receivables=1 credit_sales=0'::dso_state$$, '22P02', NULL,
                 'dso_state: sums without a period rejected');
SELECT throws_ok($$SELECT 'v1 receivables=1 credit_sales=0 period_start=2024-02-01 period_end=2024-02-01'::dso_state$$, '22P02', NULL,
                 'dso_state: empty period rejected');
SELECT throws_ok($$SELECT 'v1 receivables=1 credit_sales=0 period_start=2024-02-30 period_end=2024-03-01'::dso_state$$, '22P02', NULL,
                 'dso_state: invalid date rejected');
SELECT throws_ok($$SELECT 'v1 receivables=1 credit_sales=0 period_start=2024-2-1 period_end=2024-03-01'::dso_state$$, '22P02', NULL,
                 'dso_state: non-canonical date rejected');
SELECT throws_ok($$SELECT 'v1 receivables=1 credit_sales=0 period_start=2024-02-01'::dso_state$$, '22P02', NULL,
                 'dso_state: half a period rejected');
SELECT throws_ok($$SELECT 'v1 receivables=1 period_start=2024-02-01 period_end=2024-03-01'::dso_state$$, '22P02', NULL,
                 'dso_state: missing field rejected');
SELECT throws_ok($$SELECT 'v2 receivables=1 credit_sales=0'::dso_state$$, '22P02', NULL,
                 'dso_state: unknown version rejected');
SELECT throws_ok($$SELECT 'v1 receivables=1 credit_sales=1 period_start=2024-01-01T25:00:00 period_end=2024-02-01'::dso_tstz_state$$,
                 '22P02', NULL, 'dso_tstz_state: invalid time rejected');
SELECT throws_ok($$SELECT 'v1 receivables=1 credit_sales=1 period_start=2024-01-01T00:00:00 period_end=2024-02-01'::dso_tstz_state$$,
                 '22P02', NULL, 'dso_tstz_state: a midnight not written as a date rejected (one text form)');
SELECT throws_ok($$SELECT 'v1 receivables=1 credit_sales=1 period_start=2024-01-01T12:00:00 period_end=2024-02-01'::dso_state$$,
                 '22P02', NULL, 'dso_state: a bound that is not a date rejected');
SELECT throws_ok($$SELECT 'v1 paid_amount=0 amount_days=5'::avg_days_to_pay_state$$, '22P02', NULL,
                 'avg_days_to_pay_state: amount_days without paid amount rejected');
SELECT throws_ok($$SELECT dso_state_uncombine(dso_state(1, DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)'),
                                              dso_state(2, DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)'))$$, '22023', NULL,
                 'dso_state: removing more than was added is an error');

-- binary send/receive: the server writes the send() bytes with binary COPY
-- and reads them back into a state column, which calls receive()
CREATE FUNCTION pg_temp.recv(typ text, b bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  f text := current_setting('data_directory') || '/retention_recv_test.bin';
  t text := 'recv_' || typ;
  r text;
BEGIN
  IF to_regclass('pg_temp.' || t) IS NULL THEN
    EXECUTE format('CREATE TEMP TABLE %I (st %s)', t, typ);
  END IF;
  EXECUTE format('TRUNCATE pg_temp.%I', t);
  EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', b, f);
  EXECUTE format('COPY pg_temp.%I FROM %L (FORMAT binary)', t, f);
  EXECUTE format('SELECT st::text FROM pg_temp.%I', t) INTO r;
  RETURN r;
END $$;
SELECT is(pg_temp.recv('dso_state', dso_state_send(st)), st::text, 'dso_state: binary round trip')
FROM (SELECT dso_state(1.5, DATE '2024-01-10', NULL, '[2024-01-01,2024-02-01)') AS st) s;
SELECT is(pg_temp.recv('dso_tstz_state', dso_tstz_state_send(st)), st::text, 'dso_tstz_state: binary round trip')
FROM (SELECT dso_state(1.5, TIMESTAMPTZ '2024-01-10', NULL, tstzrange('2024-01-01', '2024-02-01')) AS st) s;
SELECT is(pg_temp.recv('avg_days_to_pay_state', avg_days_to_pay_state_send(st)), st::text, 'avg_days_to_pay_state: binary round trip')
FROM (SELECT avg_days_to_pay_state(1.5, DATE '2024-01-10', DATE '2024-01-12') AS st) s;
SELECT throws_ok($$SELECT pg_temp.recv('dso_state', '\x01010004ffffffffffffffff0000000000003a98000000000000223e000000000000225d')$$,
                 '22P03', NULL, 'dso_state: binary state with a negative sum rejected');
SELECT throws_ok($$SELECT pg_temp.recv('dso_state', '\x010100040000000000003a980000000000003a98000000000000225d000000000000223e')$$,
                 '22P03', NULL, 'dso_state: binary state with start after end rejected');
SELECT throws_ok($$SELECT pg_temp.recv('dso_state', '\x010000040000000000003a980000000000003a9800000000000000000000000000000000')$$,
                 '22P03', NULL, 'dso_state: binary state with sums but no period rejected');
SELECT throws_ok($$SELECT pg_temp.recv('dso_state', '\x010100030000000000003a980000000000003a98000000000000223e')$$,
                 '22P03', NULL, 'dso_state: binary state with the wrong field count rejected');
SELECT throws_ok($$SELECT pg_temp.recv('dso_state', '\x010100040000000000003a98')$$,
                 '22P03', NULL, 'dso_state: truncated binary state rejected');

-- ---------- clv_simple and saas_ltv ----------
SELECT is(clv_simple(50, 4, 3), 600::float8, 'clv_simple: the product');
SELECT is(clv_simple(50, 4, 3, 0.25), 150::float8, 'clv_simple: with gross margin as a fraction');
SELECT is(clv_simple(NULL, 4, 3), NULL, 'clv_simple: NULL in, NULL out');
SELECT is(clv_simple(0, 4, 3), 0::float8, 'clv_simple: zero order value is 0');
SELECT throws_ok($$SELECT clv_simple(-1, 4, 3)$$, '22003', NULL, 'clv_simple: negative order value is 22003');
SELECT throws_ok($$SELECT clv_simple(1, 'NaN', 3)$$, '22003', NULL, 'clv_simple: NaN is 22003');
SELECT throws_ok($$SELECT clv_simple(1, 4, 'Infinity')$$, '22003', NULL, 'clv_simple: infinity is 22003');
SELECT throws_ok($$SELECT clv_simple(1, 4, 3, 70)$$, '22003', NULL, 'clv_simple: margin above 1 (a percentage) is 22003');
SELECT throws_ok($$SELECT clv_simple(1e200, 1e200, 1)$$, '22003', NULL, 'clv_simple: overflow is 22003');
SELECT is(saas_ltv(100, 5), 2000::float8, 'saas_ltv: arpa / churn');
SELECT is(saas_ltv(100, 5, 0.8), 1600::float8, 'saas_ltv: with gross margin');
SELECT is(saas_ltv(100, 0), NULL, 'saas_ltv: zero churn is NULL');
SELECT is(saas_ltv(100, 100), 100::float8, 'saas_ltv: full churn is one period of revenue');
SELECT throws_ok($$SELECT saas_ltv(100, -1)$$, '22003', NULL, 'saas_ltv: negative churn is 22003');
SELECT throws_ok($$SELECT saas_ltv(100, 101)$$, '22003', NULL, 'saas_ltv: churn above 100 is 22003');
SELECT throws_ok($$SELECT saas_ltv(-100, 5)$$, '22003', NULL, 'saas_ltv: negative arpa is 22003');
SELECT throws_ok($$SELECT saas_ltv(100, 5, -0.1)$$, '22003', NULL, 'saas_ltv: negative margin is 22003');
SELECT throws_ok($$SELECT saas_ltv(1e308, 1e-300)$$, '22003', NULL, 'saas_ltv: overflow is 22003');
SELECT is((SELECT count(*) FROM (SELECT random() * 500 AS a, random() * 12 AS p, random() * 10 AS y, random() AS g,
                                        1 + random() * 99 AS c FROM generate_series(1, 2000)) r
           WHERE abs(clv_simple(a, p, y, g) - a * p * y * g) > 1e-9 * (1 + a * p * y)
              OR abs(saas_ltv(a, c, g) - a * g / (c / 100)) > 1e-9 * (1 + a * 100 / c)),
          0::bigint, 'clv_simple and saas_ltv equal their formulas on random figures');

SELECT * FROM finish();
ROLLBACK;
