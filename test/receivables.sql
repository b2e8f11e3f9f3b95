-- pgTAP tests of the receivables metrics (src/receivables.c, SPEC section
-- 12): ar_aging, dso_countback, best_possible_dso and cei, scalar and over
-- invoices (date and timestamptz forms), with their states; and the double
-- precision forms of dso and avg_days_to_pay.  Expected values are worked
-- out by hand in the comments (bucket boundaries, month lengths, days near
-- midnight in two TimeZones) or come from plain SQL over the same rows (the
-- differential checks).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SET LOCAL TimeZone = 'UTC';
SELECT plan(108);

CREATE FUNCTION pg_temp.explain_lines(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q;
END
$$;

-- ===================================================================
-- ar_aging: every bucket boundary, as_of 2024-03-31 (2024 is a leap year)
-- ===================================================================
CREATE TABLE aging (amount numeric, issued_on date, due_on date, paid_on date);
INSERT INTO aging VALUES
    (100, '2024-03-01', '2024-03-31', NULL),           -- 0 days past due: current
    (200, '2024-02-01', '2024-03-30', NULL),           -- 1: 1-30
    (300, '2024-01-01', '2024-03-01', NULL),           -- 30: 1-30
    (400, '2024-01-01', '2024-02-29', NULL),           -- 31: 31-60
    (500, '2023-12-01', '2024-01-31', NULL),           -- 60: 31-60
    (600, '2023-12-01', '2024-01-30', NULL),           -- 61: 61-90
    (700, '2023-11-01', '2024-01-01', NULL),           -- 90: 61-90
    (800, '2023-11-01', '2023-12-31', NULL),           -- 91: over 90
    (900, '2024-03-01', '2024-04-30', '2024-03-31'),   -- paid on as_of: not outstanding
    (1000, '2024-03-01', '2024-04-30', '2024-04-01'),  -- paid the day after: outstanding, current
    (50, '2024-04-01', '2024-04-30', NULL),            -- issued after as_of: not outstanding
    (NULL, '2024-03-01', '2024-03-31', NULL),          -- NULL amount: skipped
    (70, '2024-03-01', NULL, NULL);                    -- NULL due_on: skipped
SELECT is((SELECT ar_aging(amount, issued_on, due_on, paid_on, '2024-03-31') FROM aging)::text,
          '(1100.0000,500.0000,900.0000,1300.0000,800.0000,4600.0000)',
          'ar_aging: buckets at 0, 1, 30, 31, 60, 61, 90, 91 days past due; paid on as_of is not outstanding');
SELECT is((SELECT ar_aging(amount::float8, issued_on, due_on, paid_on, '2024-03-31') FROM aging)::text,
          '(1100.0000,500.0000,900.0000,1300.0000,800.0000,4600.0000)', 'ar_aging: float8 amounts = numeric amounts');
SELECT is((SELECT (ar_aging(amount, issued_on, due_on, paid_on, '2024-03-31')).total FROM aging WHERE amount = 100), 100.0000,
          'ar_aging: one invoice');
SELECT is((SELECT ar_aging(amount, issued_on, due_on, paid_on, '2024-03-31') FROM aging WHERE false), NULL,
          'ar_aging: no rows is NULL');
SELECT is((SELECT ar_aging(amount, issued_on, due_on, paid_on, '2024-03-31') FROM aging WHERE amount IS NULL), NULL,
          'ar_aging: all rows skipped is NULL');
SELECT is((SELECT ar_aging(amount, issued_on, due_on, paid_on, '2024-03-31') FROM aging WHERE amount = 900)::text,
          '(0.0000,0.0000,0.0000,0.0000,0.0000,0.0000)', 'ar_aging: invoices but nothing outstanding is all zeros');
SELECT is((SELECT ar_aging(s)::text FROM (SELECT ar_aging_state(amount, issued_on, due_on, paid_on, '2024-03-31') AS s
                                          FROM aging GROUP BY amount % 300) x),
          '(1100.0000,500.0000,900.0000,1300.0000,800.0000,4600.0000)', 'ar_aging: merged stored states');
SELECT is((SELECT ar_aging_state(s)::text FROM (SELECT ar_aging_state(amount, issued_on, due_on, paid_on, '2024-03-31') AS s
                                                FROM aging GROUP BY amount % 300) x),
          (SELECT ar_aging_state(amount, issued_on, due_on, paid_on, '2024-03-31')::text FROM aging),
          'ar_aging_state(ar_aging_state) = the state of all rows');
SELECT is((SELECT ar_aging_state(amount, issued_on, due_on, paid_on, '2024-03-31')::text FROM aging),
          'v1 invoices=11 current=11000000 days_1_30=5000000 days_31_60=9000000 days_61_90=13000000 days_over_90=8000000 as_of=2024-03-31 zone=none',
          'ar_aging_state text form (zone=none: the date form)');
SELECT throws_ok($$SELECT ar_aging(1, '2024-03-01', '2024-02-01', NULL, '2024-03-31')$$, '22023', NULL, 'ar_aging: due before issue is 22023');
SELECT throws_ok($$SELECT ar_aging(1, '2024-03-01', '2024-03-10', '2024-02-01', '2024-03-31')$$, '22023', NULL, 'ar_aging: paid before issue is 22023');
SELECT throws_ok($$SELECT ar_aging(-1, '2024-03-01', '2024-03-10', NULL, '2024-03-31')$$, '22003', NULL, 'ar_aging: a negative amount is 22003');
SELECT throws_ok($$SELECT ar_aging('NaN'::float8, '2024-03-01', '2024-03-10', NULL, '2024-03-31')$$, '22003', NULL, 'ar_aging: NaN is 22003');
SELECT throws_ok($$SELECT ar_aging(1, '2024-03-01', '2024-03-10', NULL, NULL)$$, '22004', NULL, 'ar_aging: a NULL as_of is 22004');
SELECT throws_ok($$SELECT ar_aging(1, '2024-03-01', '2024-03-10', NULL, d) FROM (VALUES (date '2024-03-31'), ('2024-04-30')) v(d)$$,
                 '22023', NULL, 'ar_aging: as_of changing within a group is 22023');
SELECT throws_ok($$SELECT ar_aging(1, '2024-03-01', '2024-03-10', NULL, 'infinity')$$, '22023', NULL, 'ar_aging: an infinite as_of is 22023');
SELECT throws_ok($$SELECT ar_aging(1, '2024-03-01', 'infinity', NULL, '2024-03-31')$$, '22023', NULL, 'ar_aging: an infinite due date is 22023');
SELECT throws_ok($$SELECT 'v1 invoices=0 current=1 days_1_30=0 days_31_60=0 days_61_90=0 days_over_90=0 as_of=2024-03-31'::ar_aging_state$$,
                 '22P02', NULL, 'ar_aging_state: amounts without invoices are rejected');
SELECT throws_ok($$SELECT 'v1 invoices=1 current=9223372036854775807 days_1_30=1 days_31_60=0 days_61_90=0 days_over_90=0 as_of=2024-03-31'::ar_aging_state$$,
                 '22P02', NULL, 'ar_aging_state: buckets whose total overflows are rejected');

-- ===================================================================
-- dso_countback on figures: months of 31, 29, 31 days, newest first
-- ===================================================================
-- 250: all of month 1 (31 days, 150 left), all of month 2 (29, 50 left), 50/100 of month 3 (15.5) = 75.5
SELECT is(dso_countback(250, '{100,100,100}'::numeric[], '{31,29,31}'), 75.5::float8, 'dso_countback: 31 + 29 + 15.5');
SELECT is(dso_countback(250::float8, '{100,100,100}'::float8[], '{31,29,31}'), 75.5::float8, 'dso_countback: float8 form');
SELECT is(dso_countback(200, '{100,100,100}'::numeric[], '{31,29,31}'), 60::float8, 'dso_countback: receivables absorbed exactly by two months');
SELECT is(dso_countback(0, '{100}'::numeric[], '{30}'), 0::float8, 'dso_countback: no receivables is 0 days');
SELECT is(dso_countback(150, '{0,100,100}'::numeric[], '{30,31,28}'), 75::float8, 'dso_countback: a month without sales counts whole (30 + 31 + 14)');
SELECT throws_ok($$SELECT dso_countback(400, '{100,100,100}'::numeric[], '{31,29,31}')$$, '22023', NULL,
                 'dso_countback: receivables that no month can absorb are 22023');
SELECT throws_ok($$SELECT dso_countback(1, '{100,100}'::numeric[], '{31}')$$, '22023', NULL, 'dso_countback: arrays of different lengths');
SELECT throws_ok($$SELECT dso_countback(1, '{100}'::numeric[], '{0}')$$, '22023', NULL, 'dso_countback: a month of 0 days');
SELECT throws_ok($$SELECT dso_countback(1, '{-100}'::numeric[], '{30}')$$, '22003', NULL, 'dso_countback: negative sales');
SELECT throws_ok($$SELECT dso_countback(-1, '{100}'::numeric[], '{30}')$$, '22003', NULL, 'dso_countback: negative receivables');
SELECT throws_ok($$SELECT dso_countback(1, '{100,NULL}'::numeric[], '{30,31}')$$, '22004', NULL, 'dso_countback: a NULL month');
SELECT is(dso_countback(NULL::numeric, '{100}'::numeric[], '{30}'), NULL, 'dso_countback: NULL receivables is NULL');

-- ===================================================================
-- dso_countback over invoices: calendar months with their real lengths
-- ===================================================================
CREATE TABLE cb (amount numeric, issued_on date, paid_on date);
INSERT INTO cb VALUES
    (300, '2024-04-10', NULL),          -- April sales, outstanding
    (200, '2024-03-15', NULL),          -- March sales, outstanding
    (100, '2024-03-20', '2024-04-05'),  -- March sales, paid
    (400, '2024-02-10', '2024-03-01'),  -- February (29 days) sales, paid
    (100, '2024-01-05', NULL),          -- January sales, outstanding
    (250, '2024-01-25', NULL),          -- January sales, outstanding
    (999, '2024-05-01', NULL);          -- after as_of: ignored
-- receivables at 2024-04-30 = 300 + 200 + 100 + 250 = 850; April: 300 (30 days, 550 left),
-- March: 300 (31, 250 left), February: 250 / 400 * 29 = 18.125; 30 + 31 + 18.125 = 79.125
SELECT is((SELECT dso_countback(amount, issued_on, paid_on, '2024-04-30') FROM cb), 79.125::float8,
          'dso_countback: 30 (April) + 31 (March) + 250/400 of February 2024 (29 days)');
SELECT is((SELECT dso_countback(amount::float8, issued_on, paid_on, '2024-04-30') FROM cb), 79.125::float8,
          'dso_countback over invoices: float8 = numeric');
-- The same invoices a year earlier: February 2023 has 28 days: 30 + 31 + 250/400 * 28 = 78.5
SELECT is((SELECT dso_countback(amount, (issued_on - interval '1 year')::date, (paid_on - interval '1 year')::date, '2023-04-30') FROM cb), 78.5::float8,
          'dso_countback: February 2023 has 28 days');
-- as_of mid-month: April counts 15 days and its sales up to as_of: receivables 300+200+100+100+250 = 950
-- (the 100 paid on 2024-04-05 is outstanding on 04-15? no: paid before), so 300 + 200 + 100 + 250 = 850:
-- April (15 days, sales 300, 550 left), March 31 (300, 250 left), February 250/400*29
SELECT is((SELECT dso_countback(amount, issued_on, paid_on, '2024-04-15') FROM cb), 15 + 31 + 18.125::float8,
          'dso_countback: as_of mid-month counts its month up to as_of');
SELECT is((SELECT dso_countback(s) FROM (SELECT dso_countback_state(amount, issued_on, paid_on, '2024-04-30') AS s FROM cb GROUP BY amount > 200) x),
          79.125::float8, 'dso_countback: merged stored states');
SELECT is((SELECT dso_countback(amount, issued_on, paid_on, '2024-04-30') FROM cb WHERE false), NULL, 'dso_countback: no rows is NULL');
SELECT is((SELECT dso_countback(amount, issued_on, paid_on, '2024-04-30') FROM cb WHERE paid_on IS NOT NULL), 0::float8,
          'dso_countback: all paid is 0 days');
SELECT is((SELECT dso_countback(amount, issued_on, paid_on, '2024-04-30') FROM (VALUES (1::numeric, date '2020-01-01', NULL::date)) v(amount, issued_on, paid_on)),
          NULL, 'dso_countback: receivables beyond 36 months of sales are NULL (documented)');
SELECT throws_ok($$SELECT dso_countback(1, '2024-03-01', '2024-02-01', '2024-04-30')$$, '22023', NULL, 'dso_countback: paid before issue');
SELECT throws_ok($$SELECT dso_countback(1, '2024-03-01', NULL, NULL)$$, '22004', NULL, 'dso_countback: NULL as_of is 22004');

-- ===================================================================
-- best_possible_dso and cei over one period: March 2024 (31 days)
-- ===================================================================
CREATE TABLE inv (amount numeric, issued_on date, due_on date, paid_on date);
INSERT INTO inv VALUES
    (100, '2024-03-10', '2024-04-09', NULL),          -- sale, outstanding, current
    (200, '2024-03-05', '2024-03-20', NULL),          -- sale, outstanding, past due
    (300, '2024-02-15', '2024-03-31', NULL),          -- outstanding at start and end, due on the last day: current
    (400, '2024-03-20', '2024-04-19', '2024-03-31'),  -- sale, paid on the last day
    (500, '2024-03-25', '2024-04-24', '2024-04-01'),  -- sale, outstanding at the end, current
    (600, '2024-01-10', '2024-02-09', '2024-03-15'),  -- outstanding at the start only
    (700, '2024-04-01', '2024-05-01', NULL);          -- after the period
-- current at 03-31: 100 + 300 + 500 = 900; sales 100 + 200 + 400 + 500 = 1200; 900 / 1200 * 31 = 23.25
SELECT is((SELECT best_possible_dso(amount, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01')) FROM inv), 23.25::float8,
          'best_possible_dso: 900 current / 1200 sales * 31 days');
SELECT is((SELECT best_possible_dso(amount::float8, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01')) FROM inv), 23.25::float8,
          'best_possible_dso: float8 = numeric');
SELECT is(best_possible_dso(900, 1200, 31), 23.25::float8, 'best_possible_dso on figures');
-- average days delinquent = DSO - best possible DSO = 1100/1200*31 - 900/1200*31 = 200/1200*31
SELECT ok(abs((SELECT dso(amount, issued_on, paid_on, daterange('2024-03-01', '2024-04-01'))
                    - best_possible_dso(amount, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01')) FROM inv)
              - 200.0 / 1200 * 31) < 1e-12, 'average days delinquent = dso - best_possible_dso (5.1667)');
SELECT is(best_possible_dso(900, 0, 31), NULL, 'best_possible_dso: no credit sales is NULL');
SELECT throws_ok($$SELECT best_possible_dso(-1, 10, 31)$$, '22003', NULL, 'best_possible_dso: negative receivables');
SELECT throws_ok($$SELECT best_possible_dso(1, 10, 0)$$, '22023', NULL, 'best_possible_dso: 0 days');
SELECT throws_ok($$SELECT best_possible_dso(amount, issued_on, due_on, paid_on, NULL::daterange) FROM inv$$, '22004', NULL,
                 'best_possible_dso: a NULL period is 22004');
SELECT throws_ok($$SELECT best_possible_dso(1, '2024-03-05', '2024-03-01', NULL, daterange('2024-03-01', '2024-04-01'))$$, '22023', NULL,
                 'best_possible_dso: due before issue');
SELECT is((SELECT best_possible_dso(s) FROM (SELECT best_possible_dso_state(amount, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01')) AS s
                                             FROM inv GROUP BY amount % 200) x), 23.25::float8, 'best_possible_dso: merged stored states');
-- cei: BR at 02-29 = 300 + 600 = 900; CS = 1200; ETR at 03-31 = 100 + 200 + 300 + 500 = 1100; ECR = 900
-- 100 * (900 + 1200 - 1100) / (900 + 1200 - 900) = 100 * 1000 / 1200
SELECT is((SELECT cei(amount, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01')) FROM inv), 100 * 1000 / 1200::float8,
          'cei over invoices: 100 * (900 + 1200 - 1100) / (900 + 1200 - 900)');
SELECT is((SELECT cei(amount::float8, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01')) FROM inv), 100 * 1000 / 1200::float8,
          'cei over invoices: float8 = numeric');
SELECT is((SELECT cei_state(amount, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01'))::text FROM inv),
          'v1 beginning_receivables=9000000 credit_sales=12000000 ending_receivables=11000000 ending_current_receivables=9000000 period_start=2024-03-01 period_end=2024-04-01 zone=none',
          'cei_state text form');
SELECT is(cei(900, 1200, 1100, 900, 1), 100 * 1000 / 1200::float8, 'cei on figures, one month');
-- a quarter (N = 3): (300000 + 900000/3 - 320000) / (300000 + 900000/3 - 200000) = 280000 / 400000
SELECT is(cei(300000, 900000, 320000, 200000, 3), 70::float8, 'cei on figures, a quarter (N = 3)');
SELECT is(cei(0, 0, 0, 0, 1), NULL, 'cei: a zero denominator is NULL');
SELECT is(cei(100, 0, 0, 0, 1), 100::float8, 'cei: everything collected is 100');
SELECT throws_ok($$SELECT cei(100, 100, 50, 60, 1)$$, '22023', NULL, 'cei: current above total ending receivables');
SELECT throws_ok($$SELECT cei(100, 100, 50, 40, 0)$$, '22023', NULL, 'cei: 0 months');
SELECT throws_ok($$SELECT cei(-1, 100, 50, 40, 1)$$, '22003', NULL, 'cei: negative figures');
SELECT throws_ok($$SELECT 'v1 beginning_receivables=0 credit_sales=0 ending_receivables=1 ending_current_receivables=0 period_start=2024-03-01 period_end=2024-04-01'::cei_state$$,
                 '22P02', NULL, 'cei_state: ending receivables above beginning + sales are rejected');
SELECT throws_ok($$SELECT 'v1 beginning_receivables=5 credit_sales=0 ending_receivables=1 ending_current_receivables=2 period_start=2024-03-01 period_end=2024-04-01'::cei_state$$,
                 '22P02', NULL, 'cei_state: current above total ending receivables is rejected');
SELECT is((SELECT cei(s) FROM (SELECT cei_state(amount, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01')) AS s
                               FROM inv GROUP BY amount % 300) x), 100 * 1000 / 1200::float8, 'cei: merged stored states');

-- ===================================================================
-- double precision amounts for dso and avg_days_to_pay
-- ===================================================================
SELECT is((SELECT dso(amount::float8, issued_on, paid_on, daterange('2024-03-01', '2024-04-01')) FROM inv),
          (SELECT dso(amount, issued_on, paid_on, daterange('2024-03-01', '2024-04-01')) FROM inv), 'dso: float8 = numeric');
SELECT is((SELECT dso(amount::float8, issued_on::timestamptz, paid_on::timestamptz, tstzrange('2024-03-01', '2024-04-01')) FROM inv),
          (SELECT dso(amount, issued_on::timestamptz, paid_on::timestamptz, tstzrange('2024-03-01', '2024-04-01')) FROM inv),
          'dso over tstzrange: float8 = numeric');
SELECT is((SELECT avg_days_to_pay(amount::float8, issued_on, paid_on) FROM inv),
          (SELECT avg_days_to_pay(amount, issued_on, paid_on) FROM inv), 'avg_days_to_pay: float8 = numeric');
SELECT is((SELECT dso_state(amount::float8, issued_on, paid_on, daterange('2024-03-01', '2024-04-01'))::text FROM inv),
          (SELECT dso_state(amount, issued_on, paid_on, daterange('2024-03-01', '2024-04-01'))::text FROM inv), 'dso_state: float8 = numeric');
SELECT throws_ok($$SELECT dso('Infinity'::float8, date '2024-03-01', NULL::date, daterange('2024-03-01', '2024-04-01'))$$, '22003', NULL,
                 'dso: an infinite float8 amount is 22003');

-- ===================================================================
-- Differential check against plain SQL, parallel = serial, windows
-- ===================================================================
SELECT setseed(0.42);
CREATE TABLE rnd AS
SELECT g % 7 AS grp, round((random() * 5000)::numeric, 2) AS amount, d AS issued_on,
       d + (random() * 90)::int AS due_on,
       CASE WHEN random() < 0.3 THEN NULL ELSE d + (random() * 150)::int END AS paid_on
  FROM (SELECT g, date '2023-01-01' + (random() * 540)::int AS d FROM generate_series(1, 20000) g) x;
ANALYZE rnd;
CREATE TABLE plain AS
SELECT grp,
       sum(amount) FILTER (WHERE o AND '2024-03-31' - due_on <= 0) AS cur,
       sum(amount) FILTER (WHERE o AND '2024-03-31' - due_on BETWEEN 1 AND 30) AS d30,
       sum(amount) FILTER (WHERE o AND '2024-03-31' - due_on BETWEEN 31 AND 60) AS d60,
       sum(amount) FILTER (WHERE o AND '2024-03-31' - due_on BETWEEN 61 AND 90) AS d90,
       sum(amount) FILTER (WHERE o AND '2024-03-31' - due_on > 90) AS d91,
       sum(amount) FILTER (WHERE o AND due_on >= '2024-03-31') AS bp_cur,
       sum(amount) FILTER (WHERE issued_on BETWEEN '2024-03-01' AND '2024-03-31') AS sales,
       sum(amount) FILTER (WHERE issued_on <= '2024-02-29' AND (paid_on IS NULL OR paid_on > '2024-02-29')) AS br,
       sum(amount) FILTER (WHERE o) AS etr
  FROM (SELECT *, issued_on <= '2024-03-31' AND (paid_on IS NULL OR paid_on > '2024-03-31') AS o FROM rnd) r
 GROUP BY grp;
CREATE TABLE ext AS
SELECT grp, ar_aging(amount, issued_on, due_on, paid_on, '2024-03-31') AS a,
       best_possible_dso(amount, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01')) AS bp,
       cei(amount, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01')) AS c,
       dso_countback(amount, issued_on, paid_on, '2024-03-31') AS cb
  FROM rnd GROUP BY grp;
SELECT is((SELECT count(*) FROM ext JOIN plain USING (grp)
            WHERE (a).current = coalesce(cur, 0) AND (a).days_1_30 = coalesce(d30, 0) AND (a).days_31_60 = coalesce(d60, 0)
              AND (a).days_61_90 = coalesce(d90, 0) AND (a).days_over_90 = coalesce(d91, 0)
              AND (a).total = coalesce(cur, 0) + coalesce(d30, 0) + coalesce(d60, 0) + coalesce(d90, 0) + coalesce(d91, 0)),
          7::bigint, 'differential: ar_aging = plain SQL over 20 000 random invoices, 7 groups');
SELECT is((SELECT count(*) FROM ext JOIN plain USING (grp) WHERE abs(bp - bp_cur / sales * 31) < 1e-9),
          7::bigint, 'differential: best_possible_dso = plain SQL');
SELECT is((SELECT count(*) FROM ext JOIN plain USING (grp)
            WHERE abs(c - 100 * (br + sales - etr) / (br + sales - bp_cur)) < 1e-9),
          7::bigint, 'differential: cei = plain SQL');
-- the countback in plain SQL: monthly sales newest first, then the scalar form
SELECT is((SELECT count(*) FROM ext e
            WHERE abs(cb - dso_countback(
                      (SELECT coalesce(sum(amount), 0) FROM rnd WHERE grp = e.grp AND issued_on <= '2024-03-31' AND (paid_on IS NULL OR paid_on > '2024-03-31')),
                      ARRAY(SELECT coalesce(sum(r.amount), 0) FROM generate_series(0, 35) k
                              LEFT JOIN rnd r ON r.grp = e.grp AND date_trunc('month', r.issued_on) = date_trunc('month', date '2024-03-31' - k * interval '1 month')
                             GROUP BY k ORDER BY k),
                      ARRAY(SELECT extract(day from date_trunc('month', date '2024-03-31' - k * interval '1 month') + interval '1 month' - interval '1 day')::int
                              FROM generate_series(0, 35) k ORDER BY k))) < 1e-9),
          7::bigint, 'differential: dso_countback over invoices = the scalar countback over plain SQL monthly sales');
-- the countback written out in plain SQL, as_of mid-month (March counts 20 days): months
-- newest first with their sales and days; the first month whose running sales reach the
-- receivables takes the fraction (receivables - sales before it) / its sales of its days
SELECT is((SELECT count(*) FROM (SELECT grp, dso_countback(amount, issued_on, paid_on, '2024-03-20') AS cb FROM rnd GROUP BY grp) e
            WHERE abs(cb - (
                WITH rec AS (SELECT sum(amount) AS r FROM rnd
                              WHERE grp = e.grp AND issued_on <= '2024-03-20' AND (paid_on IS NULL OR paid_on > '2024-03-20')),
                     bounds AS (SELECT k, (date '2024-03-01' - k * interval '1 month')::date AS lo,
                                       CASE WHEN k = 0 THEN date '2024-03-20'
                                            ELSE (date '2024-03-01' - (k - 1) * interval '1 month' - interval '1 day')::date END AS hi
                                  FROM generate_series(0, 35) k),
                     months AS (SELECT k, hi - lo + 1 AS d,
                                       (SELECT coalesce(sum(amount), 0) FROM rnd WHERE grp = e.grp AND issued_on BETWEEN lo AND hi) AS s
                                  FROM bounds),
                     run AS (SELECT k, d, s, sum(s) OVER w AS upto, sum(s) OVER w - s AS before, sum(d) OVER w - d AS days_before
                               FROM months WINDOW w AS (ORDER BY k))
                SELECT days_before + (r - before) / s * d FROM run, rec WHERE upto >= r ORDER BY k LIMIT 1)) < 1e-9),
          7::bigint, 'differential: dso_countback = the countback written in plain SQL (as_of mid-month)');
-- the Credit Research Foundation's CEI for a quarter (N = 3), figures and formula in plain SQL
SELECT is((SELECT count(*) FROM (
              SELECT sum(amount) FILTER (WHERE issued_on <= '2023-12-31' AND (paid_on IS NULL OR paid_on > '2023-12-31')) AS br,
                     sum(amount) FILTER (WHERE issued_on BETWEEN '2024-01-01' AND '2024-03-31') AS cs,
                     sum(amount) FILTER (WHERE issued_on <= '2024-03-31' AND (paid_on IS NULL OR paid_on > '2024-03-31')) AS etr,
                     sum(amount) FILTER (WHERE issued_on <= '2024-03-31' AND (paid_on IS NULL OR paid_on > '2024-03-31')
                                           AND due_on >= '2024-03-31') AS ecr
                FROM rnd GROUP BY grp) q
            WHERE abs(cei(br::float8, cs::float8, etr::float8, ecr::float8, 3) - 100 * (br + cs / 3 - etr) / (br + cs / 3 - ecr)) < 1e-9),
          7::bigint, 'differential: cei(BR, CS, ETR, ECR, 3) = 100 * (BR + CS/3 - ETR) / (BR + CS/3 - ECR) over a quarter, plain SQL');
-- two months, by hand: (1000 + 600/2 - 900) / (1000 + 600/2 - 300) = 400 / 1000
SELECT is(cei(1000, 600, 900, 300, 2), 40::float8, 'cei on figures, two months: 100 * 400 / 1000');
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(EXISTS (SELECT 1 FROM (SELECT pg_temp.explain_lines($$SELECT ar_aging(amount, issued_on, due_on, paid_on, '2024-03-31'), cei(amount, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01')) FROM rnd$$) AS l) x
                  WHERE l LIKE '%Partial Aggregate%'), 'a parallel plan with Partial Aggregate');
CREATE TABLE par AS
SELECT ar_aging(amount, issued_on, due_on, paid_on, '2024-03-31') AS a,
       best_possible_dso(amount, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01')) AS bp,
       cei(amount, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01')) AS c,
       dso_countback(amount, issued_on, paid_on, '2024-03-31') AS cb
  FROM rnd;
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT is((SELECT row(a, bp, c, cb)::text FROM par),
          (SELECT row(ar_aging(amount, issued_on, due_on, paid_on, '2024-03-31'),
                      best_possible_dso(amount, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01')),
                      cei(amount, issued_on, due_on, paid_on, daterange('2024-03-01', '2024-04-01')),
                      dso_countback(amount, issued_on, paid_on, '2024-03-31'))::text FROM rnd),
          'parallel = serial (ar_aging, best_possible_dso, cei, dso_countback)');
-- a sliding window frame: moving-aggregate support gives what a fresh aggregate per frame gives
CREATE TABLE win AS SELECT * FROM rnd WHERE grp = 1 AND issued_on BETWEEN '2024-01-01' AND '2024-02-29';
SELECT is((SELECT count(*) FROM (
              SELECT (ar_aging(amount, issued_on, due_on, paid_on, '2024-03-31') OVER w)::text AS m,
                     cei(amount, issued_on, due_on, paid_on, daterange('2024-01-01', '2024-03-01')) OVER w AS c,
                     (SELECT ar_aging(amount, issued_on, due_on, paid_on, '2024-03-31')::text FROM win r2
                       WHERE r2.issued_on BETWEEN r.issued_on - 10 AND r.issued_on) AS fresh_m,
                     (SELECT cei(amount, issued_on, due_on, paid_on, daterange('2024-01-01', '2024-03-01')) FROM win r2
                       WHERE r2.issued_on BETWEEN r.issued_on - 10 AND r.issued_on) AS fresh_c
                FROM win r
              WINDOW w AS (ORDER BY issued_on RANGE BETWEEN interval '10 days' PRECEDING AND CURRENT ROW)) x
            WHERE m IS DISTINCT FROM fresh_m OR c IS DISTINCT FROM fresh_c),
          0::bigint, 'sliding window frames of ar_aging and cei = the aggregate of each frame');

-- ===================================================================
-- timestamptz forms: each timestamptz counts as its calendar day in the
-- session TimeZone, then the date form's rules apply
-- ===================================================================
-- Three invoices near midnight UTC; their days in UTC | America/New_York
-- (EST, -05, until 2024-03-10, then EDT, -04), worked out by hand:
--   100: issued 02-01 12:00Z (02-01 | 02-01), due 03-01 02:00Z (03-01 | 02-29), unpaid
--   200: issued 03-31 02:00Z (03-31 | 03-30), due 04-30 12:00Z (04-30 | 04-30), paid 04-01 03:00Z (04-01 | 03-31)
--   400: issued 01-10 12:00Z (01-10 | 01-10), due 01-31 03:00Z (01-31 | 01-30), unpaid
-- as_of 03-31 12:00Z is 03-31 in both zones.
CREATE TABLE tz_inv (amount numeric, issued_at timestamptz, due_at timestamptz, paid_at timestamptz);
INSERT INTO tz_inv VALUES
    (100, '2024-02-01 12:00+00', '2024-03-01 02:00+00', NULL),
    (200, '2024-03-31 02:00+00', '2024-04-30 12:00+00', '2024-04-01 03:00+00'),
    (400, '2024-01-10 12:00+00', '2024-01-31 03:00+00', NULL);
CREATE TABLE tz_cb (amount numeric, issued_at timestamptz, paid_at timestamptz);
INSERT INTO tz_cb VALUES
    (300, '2024-03-01 03:00+00', NULL),   -- March in UTC, 02-29 22:00 in New York
    (300, '2024-03-15 12:00+00', NULL);   -- March in both
SET LOCAL TimeZone = 'UTC';
-- UTC: 100 is 30 days past due (1-30), 200 outstanding (paid 04-01) and current, 400 is 60 days (February has 29): 31-60
SELECT is((SELECT ar_aging(amount, issued_at, due_at, paid_at, timestamptz '2024-03-31 12:00+00') FROM tz_inv)::text,
          '(200.0000,100.0000,400.0000,0.0000,0.0000,700.0000)', 'ar_aging timestamptz, UTC: 30 and 60 days past due, one paid after as_of');
-- receivables 600 = March's sales 600: 600 / 600 * 31 days
SELECT is((SELECT dso_countback(amount, issued_at, paid_at, timestamptz '2024-03-31 12:00+00') FROM tz_cb), 31::float8,
          'dso_countback timestamptz, UTC: both invoices in March, 31 days');
-- March in UTC: BR (02-29) = 100 + 400, CS = 200, ETR (03-31) = 700, ECR (due on or after 03-31) = 200
SELECT is((SELECT best_possible_dso(amount, issued_at, due_at, paid_at, tstzrange('2024-03-01 00:00+00', '2024-04-01 00:00+00')) FROM tz_inv),
          31::float8, 'best_possible_dso timestamptz, UTC: 200 current / 200 sales * 31');
SELECT is((SELECT cei(amount, issued_at, due_at, paid_at, tstzrange('2024-03-01 00:00+00', '2024-04-01 00:00+00')) FROM tz_inv),
          0::float8, 'cei timestamptz, UTC: 100 * (500 + 200 - 700) / (500 + 200 - 200)');
SELECT is((SELECT ar_aging_state(amount, issued_at, due_at, paid_at, timestamptz '2024-03-31 12:00+00')::text FROM tz_inv),
          'v1 invoices=3 current=2000000 days_1_30=1000000 days_31_60=4000000 days_61_90=0 days_over_90=0 as_of=2024-03-31 zone=61f19619db2af3fd',
          'ar_aging_state timestamptz: zone is the FNV-1a hash of the name UTC (computed independently)');
CREATE TABLE tz_states AS
SELECT ar_aging_state(amount, issued_at, due_at, paid_at, timestamptz '2024-03-31 12:00+00') AS a,
       cei_state(amount, issued_at, due_at, paid_at, tstzrange('2024-03-01 00:00+00', '2024-04-01 00:00+00')) AS c
  FROM tz_inv;
SET LOCAL TimeZone = 'America/New_York';
-- New York: 100 is 31 days past due (31-60), 200 was paid on as_of, 400 is 61 days (61-90)
SELECT is((SELECT ar_aging(amount, issued_at, due_at, paid_at, timestamptz '2024-03-31 12:00+00') FROM tz_inv)::text,
          '(0.0000,0.0000,100.0000,400.0000,0.0000,500.0000)', 'ar_aging timestamptz, New York: 31 and 61 days past due, one paid on as_of');
SELECT is((SELECT ar_aging(amount::float8, issued_at, due_at, paid_at, timestamptz '2024-03-31 12:00+00') FROM tz_inv)::text,
          '(0.0000,0.0000,100.0000,400.0000,0.0000,500.0000)', 'ar_aging timestamptz: float8 = numeric');
-- March's sales are 300 (31 days, 300 left), February's 300 absorb the rest: 29 days
SELECT is((SELECT dso_countback(amount, issued_at, paid_at, timestamptz '2024-03-31 12:00+00') FROM tz_cb), 60::float8,
          'dso_countback timestamptz, New York: one invoice falls in February, 31 + 29 days');
-- March in New York: BR = 500, CS = 200 (issued 03-30), ETR = 100 + 400 (200 paid 03-31), ECR = 0
SELECT is((SELECT best_possible_dso(amount, issued_at, due_at, paid_at, tstzrange('2024-03-01 00:00-05', '2024-04-01 00:00-04')) FROM tz_inv),
          0::float8, 'best_possible_dso timestamptz, New York: nothing current at 03-31');
SELECT is((SELECT cei(amount, issued_at, due_at, paid_at, tstzrange('2024-03-01', '2024-04-01')) FROM tz_inv),
          100 * 200 / 700::float8, 'cei timestamptz, New York: 100 * (500 + 200 - 500) / (500 + 200 - 0)');
SELECT is((SELECT cei(amount::float8, issued_at, due_at, paid_at, tstzrange('2024-03-01', '2024-04-01')) FROM tz_inv),
          100 * 200 / 700::float8, 'cei timestamptz: float8 = numeric');
SELECT throws_ok($$SELECT cei(amount, issued_at, due_at, paid_at, tstzrange('2024-03-01 00:00+00', '2024-04-01 00:00+00')) FROM tz_inv$$,
                 '22023', NULL, 'cei timestamptz: a period bound that is not a midnight of TimeZone is 22023');
SELECT throws_ok($$SELECT ar_aging(a) FROM (SELECT a FROM tz_states UNION ALL
                                              SELECT ar_aging_state(amount, issued_at, due_at, paid_at, timestamptz '2024-03-31 12:00+00') FROM tz_inv) x$$,
                 '22023', NULL, 'ar_aging_state: states of two TimeZone settings do not merge');
SELECT throws_ok($$SELECT cei(c) FROM (SELECT c FROM tz_states UNION ALL
                                         SELECT cei_state(amount, issued_at::date, due_at::date, paid_at::date, daterange('2024-03-01', '2024-04-01')) FROM tz_inv) x$$,
                 '22023', NULL, 'cei_state: a timestamptz-form state and a date-form state do not merge');
SELECT is((SELECT cei(c) FROM (SELECT c FROM tz_states UNION ALL SELECT c FROM tz_states) x), 0::float8,
          'cei_state: states of one TimeZone merge, whatever the session TimeZone');
SELECT is((SELECT (a::text)::ar_aging_state::text = a::text FROM tz_states), true, 'ar_aging_state timestamptz: text round trip');
SELECT throws_ok($$SELECT 'v1 invoices=0 current=0 days_1_30=0 days_31_60=0 days_61_90=0 days_over_90=0 as_of=2024-03-31 zone=61F19619DB2AF3FD'::ar_aging_state$$,
                 '22P02', NULL, 'ar_aging_state: a zone in upper case is not the canonical spelling');
SELECT throws_ok($$SELECT 'v1 invoices=0 current=0 days_1_30=0 days_31_60=0 days_61_90=0 days_over_90=0 as_of=2024-03-31 zone=0000000000000000'::ar_aging_state$$,
                 '22P02', NULL, 'ar_aging_state: zone 0 is spelled none');
SELECT throws_ok($$SELECT ar_aging(1, timestamptz '2024-03-01 10:00+00', timestamptz '2024-03-01 09:00+00', NULL, timestamptz 'infinity')$$,
                 '22023', NULL, 'ar_aging timestamptz: an infinite as_of is 22023');
SELECT throws_ok($$SELECT ar_aging(1, timestamptz '2024-03-01 10:00+00', timestamptz '2024-03-01 09:00+00', NULL, NULL::timestamptz)$$,
                 '22004', NULL, 'ar_aging timestamptz: a NULL as_of is 22004');
SELECT throws_ok($$SELECT dso_countback(1, timestamptz '2024-03-05 10:00', timestamptz '2024-03-04 23:00', timestamptz '2024-03-31')$$,
                 '22023', NULL, 'dso_countback timestamptz: paid the day before issue is 22023');
-- due at 09:00 on the day of issue at 10:00: the same day, not before it
SELECT is((SELECT (ar_aging(1, timestamptz '2024-03-01 10:00', timestamptz '2024-03-01 09:00', NULL, timestamptz '2024-03-01 12:00')).current),
          1.0000, 'ar_aging timestamptz: due earlier on the day of issue is due that day, current');
SELECT is((SELECT string_agg(p.oid::regprocedure::text, ', ') FROM pg_proc p
            WHERE p.proname ~ '^(ar_aging|dso_countback|best_possible_dso|cei)_tstz_' AND p.provolatile <> 's'),
          NULL, 'the transition functions of the timestamptz forms are STABLE (they read TimeZone)');

-- the timestamptz forms = the date forms on ::date, on random timestamps, under two TimeZones
SELECT setseed(0.17);
CREATE TABLE rnd_tz AS
SELECT g % 5 AS grp, round((random() * 5000)::numeric, 2) AS amount, t AS issued_at,
       t + random() * interval '90 days' AS due_at,
       CASE WHEN random() < 0.3 THEN NULL ELSE t + random() * interval '150 days' END AS paid_at
  FROM (SELECT g, timestamptz '2023-01-01 00:00+00' + random() * interval '540 days' AS t FROM generate_series(1, 10000) g) x;
ANALYZE rnd_tz;
-- each row: grp, then for each of the 8 signatures (4 aggregates x numeric, float8) the
-- timestamptz form's result and the date form's on ::date
CREATE FUNCTION pg_temp.tz_vs_date() RETURNS SETOF text LANGUAGE sql AS $$
SELECT concat_ws(' | ', grp,
       ar_aging(amount, issued_at, due_at, paid_at, timestamptz '2024-03-20 03:00+00')::text,
       ar_aging(amount, issued_at::date, due_at::date, paid_at::date, (timestamptz '2024-03-20 03:00+00')::date)::text,
       ar_aging(amount::float8, issued_at, due_at, paid_at, timestamptz '2024-03-20 03:00+00')::text,
       ar_aging(amount::float8, issued_at::date, due_at::date, paid_at::date, (timestamptz '2024-03-20 03:00+00')::date)::text,
       dso_countback(amount, issued_at, paid_at, timestamptz '2024-03-20 03:00+00'),
       dso_countback(amount, issued_at::date, paid_at::date, (timestamptz '2024-03-20 03:00+00')::date),
       dso_countback(amount::float8, issued_at, paid_at, timestamptz '2024-03-20 03:00+00'),
       dso_countback(amount::float8, issued_at::date, paid_at::date, (timestamptz '2024-03-20 03:00+00')::date),
       best_possible_dso(amount, issued_at, due_at, paid_at, tstzrange('2024-03-01', '2024-04-01')),
       best_possible_dso(amount, issued_at::date, due_at::date, paid_at::date, daterange('2024-03-01', '2024-04-01')),
       best_possible_dso(amount::float8, issued_at, due_at, paid_at, tstzrange('2024-03-01', '2024-04-01')),
       best_possible_dso(amount::float8, issued_at::date, due_at::date, paid_at::date, daterange('2024-03-01', '2024-04-01')),
       cei(amount, issued_at, due_at, paid_at, tstzrange('2024-03-01', '2024-04-01')),
       cei(amount, issued_at::date, due_at::date, paid_at::date, daterange('2024-03-01', '2024-04-01')),
       cei(amount::float8, issued_at, due_at, paid_at, tstzrange('2024-03-01', '2024-04-01')),
       cei(amount::float8, issued_at::date, due_at::date, paid_at::date, daterange('2024-03-01', '2024-04-01')))
  FROM rnd_tz GROUP BY grp ORDER BY grp
$$;
-- the groups where all 8 timestamptz forms equal their date forms
CREATE FUNCTION pg_temp.tz_equal_groups(t text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
    EXECUTE format($q$SELECT count(*) FROM %I WHERE NOT EXISTS (SELECT 1 FROM generate_series(2, 16, 2) i
                                                         WHERE split_part(r, ' | ', i) <> split_part(r, ' | ', i + 1))$q$, t) INTO n;
    RETURN n;
END
$$;
SET LOCAL TimeZone = 'UTC';
CREATE TABLE tz_utc AS SELECT pg_temp.tz_vs_date() AS r;
SELECT is(pg_temp.tz_equal_groups('tz_utc'), 5::bigint,
          'differential, UTC: the 8 timestamptz signatures = their date forms on ::date, 10 000 random invoices in 5 groups');
SET LOCAL TimeZone = 'America/New_York';
CREATE TABLE tz_ny AS SELECT pg_temp.tz_vs_date() AS r;
SELECT is(pg_temp.tz_equal_groups('tz_ny'), 5::bigint,
          'differential, New York: the 8 timestamptz signatures = their date forms on ::date');
SELECT is((SELECT count(*) FROM generate_series(2, 16, 2) i
            WHERE EXISTS (SELECT 1 FROM tz_utc JOIN tz_ny ON split_part(tz_utc.r, ' | ', 1) = split_part(tz_ny.r, ' | ', 1)
                           WHERE split_part(tz_utc.r, ' | ', i) <> split_part(tz_ny.r, ' | ', i))),
          8::bigint, 'each of the 8 gives a different result in the two TimeZones on these data (so the checks above can fail)');
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(EXISTS (SELECT 1 FROM (SELECT pg_temp.explain_lines($$SELECT cei(amount, issued_at, due_at, paid_at, tstzrange('2024-03-01', '2024-04-01')) FROM rnd_tz$$) AS l) x
                  WHERE l LIKE '%Partial Aggregate%'), 'timestamptz forms: a parallel plan with Partial Aggregate');
CREATE TABLE par_tz AS
SELECT row(ar_aging(amount, issued_at, due_at, paid_at, timestamptz '2024-03-20 03:00+00'),
           dso_countback(amount, issued_at, paid_at, timestamptz '2024-03-20 03:00+00'),
           best_possible_dso(amount::float8, issued_at, due_at, paid_at, tstzrange('2024-03-01', '2024-04-01')),
           cei(amount, issued_at, due_at, paid_at, tstzrange('2024-03-01', '2024-04-01')))::text AS r
  FROM rnd_tz;
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT is((SELECT r FROM par_tz),
          (SELECT row(ar_aging(amount, issued_at, due_at, paid_at, timestamptz '2024-03-20 03:00+00'),
                      dso_countback(amount, issued_at, paid_at, timestamptz '2024-03-20 03:00+00'),
                      best_possible_dso(amount::float8, issued_at, due_at, paid_at, tstzrange('2024-03-01', '2024-04-01')),
                      cei(amount, issued_at, due_at, paid_at, tstzrange('2024-03-01', '2024-04-01')))::text FROM rnd_tz),
          'timestamptz forms: parallel = serial');
CREATE TABLE win_tz AS SELECT * FROM rnd_tz WHERE grp = 1 AND issued_at BETWEEN '2024-01-01' AND '2024-02-29';
SELECT is((SELECT count(*) FROM (
              SELECT (ar_aging(amount, issued_at, due_at, paid_at, timestamptz '2024-03-31') OVER w)::text AS m,
                     cei(amount, issued_at, due_at, paid_at, tstzrange('2024-01-01', '2024-03-01')) OVER w AS c,
                     (SELECT ar_aging(amount, issued_at, due_at, paid_at, timestamptz '2024-03-31')::text FROM win_tz r2
                       WHERE r2.issued_at BETWEEN r.issued_at - interval '10 days' AND r.issued_at) AS fresh_m,
                     (SELECT cei(amount, issued_at, due_at, paid_at, tstzrange('2024-01-01', '2024-03-01')) FROM win_tz r2
                       WHERE r2.issued_at BETWEEN r.issued_at - interval '10 days' AND r.issued_at) AS fresh_c
                FROM win_tz r
              WINDOW w AS (ORDER BY issued_at RANGE BETWEEN interval '10 days' PRECEDING AND CURRENT ROW)) x
            WHERE m IS DISTINCT FROM fresh_m OR c IS DISTINCT FROM fresh_c),
          0::bigint, 'timestamptz forms: sliding window frames of ar_aging and cei = the aggregate of each frame');

SELECT * FROM finish();
ROLLBACK;
