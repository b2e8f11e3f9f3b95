-- pgTAP tests of the predictive CLV: clv_summary, clv_fit / clv_model, the
-- per-customer predictions and clv().  Deterministic data from setseed();
-- floating results compared with a tolerance.
BEGIN;
SELECT plan(242);
SET LOCAL TimeZone = 'UTC';

-- Orders of 600 customers: a first purchase in Q1 1997, then a Poisson-like
-- number of purchases spread over an exponential lifetime (so some customers
-- visibly drop out, which BG/NBD needs to identify its dropout parameters).
SELECT setseed(0.5);
CREATE TABLE o AS
WITH c AS (SELECT g AS cust, '1997-01-01'::date + floor(random() * 90)::int AS first,
                  -ln(random()) * 0.05 AS rate, -ln(random()) * 150 AS life, 5 + random() * 60 AS spend
           FROM generate_series(1, 600) g)
SELECT row_number() OVER (ORDER BY cust, d, amount) AS id, cust, d, amount
FROM (SELECT cust, d, round((spend * (0.5 + random()))::numeric, 2)::float8 AS amount
      FROM (SELECT cust, first AS d, spend FROM c
            UNION ALL
            SELECT cust, first + floor(random() * life)::int, spend
            FROM c, generate_series(1, floor(c.rate * c.life)::int)) s) s2;
ALTER TABLE o SET (parallel_workers = 2);
ANALYZE o;

-- helpers ------------------------------------------------------------------
-- The summary in plain SQL (7-day unit), from a frame's days and amounts.
CREATE FUNCTION pg_temp.plain_summary(ds date[], am float8[], obs date) RETURNS clv_customer
LANGUAGE sql AS $$
    WITH dd AS (SELECT d, sum(a) AS s FROM unnest(ds, am) u(d, a)
                WHERE d <= obs AND d IS NOT NULL AND a IS NOT NULL GROUP BY d),
         f AS (SELECT min(d) AS first, max(d) AS last, count(*) AS n, sum(s) AS tot FROM dd)
    SELECT CASE WHEN n = 0 THEN NULL::clv_customer
           ELSE ROW((n - 1)::int, (last - first) / 7.0, (obs - first) / 7.0,
                    CASE WHEN n = 1 THEN 0 ELSE (tot - (SELECT s FROM dd WHERE d = first)) / (n - 1) END
                   )::clv_customer END
    FROM f
$$;
-- Two summaries equal within 1e-9 (both NULL counts as equal).
CREATE FUNCTION pg_temp.same(x clv_customer, y clv_customer) RETURNS boolean
LANGUAGE sql AS $$
    SELECT (x IS NULL AND y IS NULL) OR
           (x.frequency = y.frequency AND abs(x.recency - y.recency) < 1e-9
            AND abs(x.age - y.age) < 1e-9 AND abs(x.monetary - y.monetary) < 1e-9)
$$;
-- Does the plan of q contain pat?
\ir sh/plan_has.psql
CREATE FUNCTION pg_temp.par(k text) RETURNS float8 LANGUAGE sql AS $$ SELECT 0::float8 $$;

-- ===================== clv_summary =====================

SELECT is((SELECT clv_summary(d, amount, '1997-09-30'::date, '1 week') FROM o WHERE false),
          NULL, 'clv_summary: no rows gives NULL');
SELECT is((SELECT clv_summary(d, amount, '1997-09-30'::date, '1 week')
           FROM (VALUES ('1997-03-04'::date, 10.0::float8)) v(d, amount))::text,
          '(0,0,30,0)', 'clv_summary: one row has frequency 0, recency 0, monetary 0');
SELECT is((SELECT clv_summary(d, amount, '1997-09-30'::date, '1 week')
           FROM (VALUES (NULL::date, 1.0::float8), ('1997-01-01', NULL)) v(d, amount)),
          NULL, 'clv_summary: all-NULL rows give NULL');
SELECT is((SELECT clv_summary(d, amount, '1997-01-29'::date, '1 week')
           FROM (VALUES ('1997-01-01'::date, 10.0::float8), ('1997-01-01', 5), (NULL, 7), ('1997-01-08', NULL),
                        ('1997-01-15', 4), ('1997-01-15', 6), ('1997-01-22', 20), ('1997-02-01', 99)) v(d, amount))::text,
          '(2,3,4,15)', 'clv_summary: same-day purchases merged, NULLs skipped, rows after observed_until ignored');
SELECT is((SELECT clv_summary(d, amount, '1997-01-29 00:00+00'::timestamptz, '1 day')
           FROM (VALUES ('1997-01-01 08:00+00'::timestamptz, 10.0::float8), ('1997-01-01 23:00+00', 5),
                        ('1997-01-15 12:00+00', 4), ('1997-01-29 00:00+00', 6), ('1997-01-29 00:00:01+00', 50)) v(d, amount))::text,
          '(2,28,28,5)', 'clv_summary (timestamptz): days of the session time zone, observed_until inclusive');
SELECT is((SELECT (clv_summary(d, amount, '1997-12-31'::date, '1 mon')).age
           FROM (VALUES ('1997-12-01'::date, 1.0::float8)) v(d, amount)),
          1.0::float8, 'clv_summary: a month unit is 30 days');
SELECT is((SELECT (clv_summary(d, amount, '1997-12-31'::date, '1 week')).monetary
           FROM (VALUES ('1997-12-01'::date, 1e300::float8), ('1997-12-02', 1e300), ('1997-12-03', -1e300)) v(d, amount)),
          0::float8, 'clv_summary: extreme amounts stay finite');

SELECT throws_ok($$SELECT clv_summary(d, 1, NULL::date, '1 week') FROM (VALUES ('1997-01-01'::date)) v(d)$$,
                 '22004', NULL, 'clv_summary: NULL observed_until is 22004');
SELECT throws_ok($$SELECT clv_summary(d, 1, '1997-09-30'::date, NULL) FROM (VALUES ('1997-01-01'::date)) v(d)$$,
                 '22004', NULL, 'clv_summary: NULL time_unit is 22004');
SELECT throws_ok($$SELECT clv_summary(d, 1, '1997-09-30'::date, '0 days') FROM (VALUES ('1997-01-01'::date)) v(d)$$,
                 '22023', 'time_unit must be positive: 0 days', 'clv_summary: zero time_unit is 22023');
SELECT throws_ok($$SELECT clv_summary(d, 1, '1997-09-30'::date, '-1 week') FROM (VALUES ('1997-01-01'::date)) v(d)$$,
                 '22023', NULL, 'clv_summary: negative time_unit is 22023');
SELECT throws_ok($$SELECT clv_summary(d, 1, 'infinity'::date, '1 week') FROM (VALUES ('1997-01-01'::date)) v(d)$$,
                 '22023', NULL, 'clv_summary: infinite observed_until is 22023');
SELECT throws_ok($$SELECT clv_summary(d, 'NaN', '1997-09-30'::date, '1 week') FROM (VALUES ('1997-01-01'::date)) v(d)$$,
                 '22003', NULL, 'clv_summary: NaN amount is 22003');
SELECT throws_ok($$SELECT clv_summary(d, 1, '1997-09-30'::date, '1 week') FROM (VALUES ('-infinity'::date)) v(d)$$,
                 '22003', NULL, 'clv_summary: -infinity purchase is 22003');
SELECT throws_ok($$SELECT clv_summary(d, 1, d + 30, '1 week') FROM (VALUES ('1997-01-01'::date), ('1997-01-02')) v(d)$$,
                 '22023', 'observed_until changes within one group', 'clv_summary: observed_until changing in a group is 22023');

-- calendar days in zones with DST, half-hour offsets and historical changes
SET LOCAL TimeZone = 'America/St_Johns';
SELECT is((SELECT count(*) FROM (
              SELECT t, (clv_summary(t, 1, '2100-01-01', '1 day')).age AS a FROM
              generate_series('1996-01-01 00:00+00'::timestamptz, '1999-01-01', '97 minutes') t GROUP BY t) s
           WHERE '2100-01-01'::timestamptz::date - a::int <> t::date),
          0::bigint, 'clv_summary: the day of every timestamp is its date in the session time zone (St Johns, DST)');
SET LOCAL TimeZone = 'Europe/London';
SELECT is((SELECT count(*) FROM (
              SELECT t, (clv_summary(t, 1, '2100-01-01', '1 day')).age AS a FROM
              generate_series('1966-01-01 00:00+00'::timestamptz, '1973-01-01', '173 minutes') t GROUP BY t) s
           WHERE '2100-01-01'::timestamptz::date - a::int <> t::date),
          0::bigint, 'clv_summary: ... and across London''s 1968-71 British Standard Time');
SET LOCAL TimeZone = 'UTC';

-- differential against plain SQL, every customer
SELECT is((SELECT count(*) FROM (
              SELECT cust, clv_summary(d, amount, '1997-09-30'::date, '1 week') AS s,
                     pg_temp.plain_summary(array_agg(d), array_agg(amount), '1997-09-30') AS p
              FROM o GROUP BY cust) x WHERE pg_temp.same(s, p)),
          600::bigint, 'clv_summary: every customer equals the plain-SQL summary');

-- numeric amounts: the same summary as the ::float8 cast, for both forms
SELECT is((SELECT count(*) FROM (
              SELECT cust, clv_summary(d, amount::numeric, '1997-09-30'::date, '1 week') AS n,
                     clv_summary(d, amount::numeric::float8, '1997-09-30'::date, '1 week') AS f,
                     clv_summary(d::timestamptz, -amount::numeric, '1997-09-30'::timestamptz, '1 week') AS tn,
                     clv_summary(d::timestamptz, (-amount::numeric)::float8, '1997-09-30'::timestamptz, '1 week') AS tf
              FROM o GROUP BY cust) x WHERE n::text = f::text AND tn::text = tf::text),
          600::bigint, 'clv_summary (numeric amount): every customer equals the ::float8 cast, date and timestamptz forms, negative amounts too');
-- the in-place decoding gives the double the cast gives, for every magnitude
-- and scale (the monetary value of a customer whose repeat day spends x is x)
SELECT is((SELECT count(*) FILTER (WHERE (s).monetary IS DISTINCT FROM x::float8) FROM (
              SELECT g, x, clv_summary(d, a, '2000-01-31'::date, '1 day') AS s
              FROM (SELECT g, (CASE g % 6
                               WHEN 0 THEN round((random() * 1000)::numeric, g % 5)
                               WHEN 1 THEN round((random() - 0.5)::numeric * 1e12, 4)
                               WHEN 2 THEN random()::numeric * 10 ^ (g % 40 - 20)
                               WHEN 3 THEN round(random()::numeric * 1e20)
                               WHEN 4 THEN trunc(random()::numeric, 17) * 1e-5
                               ELSE floor(random() * 9007199254740992)::numeric / 10 ^ (g % 30) END) AS x
                    FROM generate_series(1, 20000) g) nx,
                   LATERAL (VALUES ('2000-01-01'::date, 0::numeric), ('2000-01-02', x)) v(d, a)
              GROUP BY g, x) t),
          0::bigint, 'clv_summary (numeric amount): 20000 numerics of 1e-25 to 1e20, 0 to 17 decimals, give the double of ::float8');
SELECT throws_ok($$SELECT clv_summary(d, 'NaN'::numeric, '1997-09-30'::date, '1 week') FROM (VALUES ('1997-01-01'::date)) v(d)$$,
                 '22003', 'order amount NaN is out of range', 'clv_summary: NaN numeric amount is 22003');
SELECT throws_ok($$SELECT clv_summary(d::timestamptz, '-Infinity'::numeric, '1997-09-30'::timestamptz, '1 week') FROM (VALUES ('1997-01-01'::date)) v(d)$$,
                 '22003', 'order amount -Infinity is out of range', 'clv_summary: infinite numeric amount is 22003');
SELECT throws_ok($$SELECT clv_summary(d, 1e400, '1997-09-30'::date, '1 week') FROM (VALUES ('1997-01-01'::date)) v(d)$$,
                 '22003', NULL, 'clv_summary: a numeric amount beyond double precision is 22003, as the cast');

SELECT is((SELECT clv_summary(d, amount::numeric, '1997-09-30'::date, '1 week') FROM o WHERE false),
          NULL, 'clv_summary (numeric amount): no rows gives NULL');
SELECT is((SELECT clv_summary(d, a, '1997-09-30'::date, '1 week')
           FROM (VALUES ('1997-01-01'::date, NULL::numeric), ('1997-01-05', NULL)) v(d, a)),
          NULL, 'clv_summary (numeric amount): all-NULL amounts give NULL');
SELECT is((SELECT clv_summary(d, a, '1997-01-29'::date, '1 week')
           FROM (VALUES ('1997-01-01'::date, 10::numeric), ('1997-01-08', NULL), ('1997-01-15', 20.5),
                        (NULL, 7)) v(d, a)),
          '(1,2,4,20.5)', 'clv_summary (numeric amount): rows with a NULL amount or day are skipped');
SELECT is((SELECT count(*) FILTER (WHERE n::text <> f::text) FROM (
              SELECT clv_summary(d, amount::numeric, '1997-09-30'::date, '1 week') OVER w AS n,
                     clv_summary(d, amount::numeric::float8, '1997-09-30'::date, '1 week') OVER w AS f
              FROM o WINDOW w AS (PARTITION BY cust ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) x),
          0::bigint, 'clv_summary (numeric amount): ROWS sliding frames equal the float8 form''s');
CREATE TEMP TABLE daily_numeric AS
SELECT cust, d, clv_summary_state(d, amount::numeric, '1997-09-30'::date, '1 week') AS st FROM o GROUP BY cust, d;
SELECT is((SELECT count(*) FROM (
              SELECT cust, clv_summary(st) AS s FROM daily_numeric GROUP BY cust) a
           JOIN (SELECT cust, clv_summary(d, amount, '1997-09-30'::date, '1 week') AS s FROM o GROUP BY cust) b
           USING (cust) WHERE pg_temp.same(a.s, b.s)),
          600::bigint, 'clv_summary (numeric amount): daily states merged per customer equal the direct summary');
-- windows: ROWS sliding and RANGE with an interval, against the frame recomputed in SQL
SELECT is((SELECT count(*) FILTER (WHERE NOT pg_temp.same(s, p)) FROM (
              SELECT clv_summary(d, amount, '1997-09-30'::date, '1 week') OVER w AS s,
                     pg_temp.plain_summary(array_agg(d) OVER w, array_agg(amount) OVER w, '1997-09-30') AS p
              FROM o WINDOW w AS (PARTITION BY cust ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) x),
          0::bigint, 'clv_summary: ROWS sliding frames equal plain SQL');
SELECT is((SELECT count(*) FILTER (WHERE NOT pg_temp.same(s, p)) FROM (
              SELECT clv_summary(d, amount, '1997-09-30'::date, '1 week') OVER w AS s,
                     pg_temp.plain_summary(array_agg(d) OVER w, array_agg(amount) OVER w, '1997-09-30') AS p
              FROM o WINDOW w AS (PARTITION BY cust ORDER BY d RANGE BETWEEN '30 days' PRECEDING AND CURRENT ROW)) x),
          0::bigint, 'clv_summary: RANGE interval frames equal plain SQL');

-- rollups: daily states merged per customer
CREATE TEMP TABLE daily AS
SELECT cust, d, clv_summary_state(d, amount, '1997-09-30'::date, '1 week') AS st FROM o GROUP BY cust, d;
SELECT is((SELECT count(*) FROM (
              SELECT cust, clv_summary(st) AS s FROM daily GROUP BY cust) a
           JOIN (SELECT cust, clv_summary(d, amount, '1997-09-30'::date, '1 week') AS s FROM o GROUP BY cust) b
           USING (cust) WHERE pg_temp.same(a.s, b.s)),
          600::bigint, 'clv_summary: daily states merged per customer equal the direct summary');
SELECT is((SELECT count(*) FROM (
              SELECT cust, clv_summary_final(clv_summary_state(st)) AS s FROM daily GROUP BY cust) a
           JOIN (SELECT cust, clv_summary(d, amount, '1997-09-30'::date, '1 week') AS s FROM o GROUP BY cust) b
           USING (cust) WHERE pg_temp.same(a.s, b.s)),
          600::bigint, 'clv_summary: clv_summary_state(state) merges, too');

-- text round trip, forged states
SELECT is((SELECT count(*) FROM daily WHERE st::text::clv_summary_state::text <> st::text),
          0::bigint, 'clv_summary_state: text round trip');
SELECT is((SELECT clv_summary_state(d, amount, '1997-01-29'::date, '1 week')::text
           FROM (VALUES ('1997-01-08'::date, 5.0::float8), ('1997-01-01', 10.0), ('1997-01-01', 2.5)) v(d, amount)),
          'v2 form=date observed_until=1997-01-29 unit_days=7 first_amount=12.5 repeat_amount=5 days=1997-01-01,1997-01-08',
          'clv_summary_state: readable text form');
SELECT is(clv_summary_state_combine(
              'v2 form=date observed_until=1997-09-30 unit_days=7 first_amount=1 repeat_amount=2 days=1997-01-02,1997-01-05,1997-01-09',
              'v2 form=date observed_until=1997-09-30 unit_days=7 first_amount=4 repeat_amount=6 days=1997-01-01,1997-01-05,1997-01-10')::text,
          'v2 form=date observed_until=1997-09-30 unit_days=7 first_amount=4 repeat_amount=9 days=1997-01-01,1997-01-02,1997-01-05,1997-01-09,1997-01-10',
          'clv_summary_state: combine merges overlapping day sets, first day from the earlier state');
SELECT throws_ok($$SELECT 'v3'::clv_summary_state$$, '22P02', NULL, 'clv_summary_state: unknown version is 22P02');
SELECT throws_ok($$SELECT 'v2 form=date observed_until=1997-01-29 unit_days=0 first_amount=0 repeat_amount=0 days='::clv_summary_state$$,
                 '22P02', NULL, 'clv_summary_state: zero unit is 22P02');
SELECT throws_ok($$SELECT 'v2 form=date observed_until=1997-01-29 unit_days=7 first_amount=1 repeat_amount=0 days=1997-01-08,1997-01-01'::clv_summary_state$$,
                 '22P02', NULL, 'clv_summary_state: unsorted days are 22P02');
SELECT throws_ok($$SELECT 'v2 form=date observed_until=1997-01-29 unit_days=7 first_amount=1 repeat_amount=0 days=1997-02-08'::clv_summary_state$$,
                 '22P02', NULL, 'clv_summary_state: a day after observed_until is 22P02');
SELECT throws_ok($$SELECT 'v2 form=date observed_until=1997-02-30 unit_days=7 first_amount=0 repeat_amount=0 days='::clv_summary_state$$,
                 '22P02', NULL, 'clv_summary_state: an impossible date is 22P02');
SELECT throws_ok($$SELECT 'v2 form=date observed_until=1997-01-29 unit_days=7 first_amount=1 repeat_amount=2 days=1997-01-01'::clv_summary_state$$,
                 '22P02', NULL, 'clv_summary_state: repeat amounts with one day are 22P02');
-- version 1 (1.1's text: total and first-day amount) still reads
SELECT is('v1 form=date observed_until=1997-09-30 unit_days=7 total=13 first_amount=4 days=1997-01-01,1997-01-02,1997-01-05'::clv_summary_state::text,
          'v2 form=date observed_until=1997-09-30 unit_days=7 first_amount=4 repeat_amount=9 days=1997-01-01,1997-01-02,1997-01-05',
          'clv_summary_state: version 1 text reads (repeat = total - first)');
SELECT throws_ok($$SELECT 'v1 form=date observed_until=1997-01-29 unit_days=7 total=1 first_amount=2 days=1997-01-01'::clv_summary_state$$,
                 '22P02', NULL, 'clv_summary_state: version 1 with inconsistent amounts is 22P02');
-- a value stored by 1.1 in a table (version 1's layout, little-endian
-- x86-64 bytes written by hand): read as it was, merged with a new one
CREATE FUNCTION pg_temp.raw_summary_state(bytea) RETURNS clv_summary_state
    LANGUAGE internal IMMUTABLE STRICT AS 'byteasend';	-- a copy of the bytes
SELECT is(pg_temp.raw_summary_state(decode('010300000300000003000000c9fcffff0000000000609a1054bfffff0000000000001c400000000000002a400000000000001040b9fbffffbafbffffbdfbffff', 'hex'))::text,
          'v2 form=date observed_until=1997-09-30 unit_days=7 first_amount=4 repeat_amount=9 days=1997-01-01,1997-01-02,1997-01-05',
          'clv_summary_state: a version 1 value stored by 1.1 reads (repeat = total - first)');
SELECT is(clv_summary_state_combine(pg_temp.raw_summary_state(decode('010300000300000003000000c9fcffff0000000000609a1054bfffff0000000000001c400000000000002a400000000000001040b9fbffffbafbffffbdfbffff', 'hex')),
                                    'v2 form=date observed_until=1997-09-30 unit_days=7 first_amount=2 repeat_amount=0 days=1996-12-31')::text,
          'v2 form=date observed_until=1997-09-30 unit_days=7 first_amount=2 repeat_amount=13 days=1996-12-31,1997-01-01,1997-01-02,1997-01-05',
          'clv_summary_state: a stored version 1 value merges with a version 2 one');
SELECT throws_ok($$SELECT pg_temp.raw_summary_state(decode('010300000300000004000000c9fcffff0000000000609a1054bfffff0000000000001c400000000000002a400000000000001040b9fbffffbafbffffbdfbffff', 'hex'))::text$$,
                 'XX001', NULL, 'clv_summary_state: a stored version 1 value of the wrong size is XX001');
-- canonical text: one spelling per value
SELECT throws_ok($$SELECT 'v2 form=date observed_until=1997-01-29 unit_days=7 first_amount=+1 repeat_amount=0 days=1997-01-01'::clv_summary_state$$,
                 '22P02', NULL, 'clv_summary_state: +1 is 22P02');
SELECT throws_ok($$SELECT 'v2 form=date observed_until=1997-01-29 unit_days=7 first_amount=1 repeat_amount=0 days=1997-1-1'::clv_summary_state$$,
                 '22P02', NULL, 'clv_summary_state: 1997-1-1 is 22P02');
SELECT throws_ok($$SELECT 'v2 form=date observed_until=1997-01-29 unit_days=7 first_amount=1 repeat_amount=1 days=1997-01-01,,1997-01-02'::clv_summary_state$$,
                 '22P02', NULL, 'clv_summary_state: ,, is 22P02');
SELECT throws_ok($$SELECT 'v2 form=date observed_until=1997-01-29 unit_days=7 first_amount=1 repeat_amount=1:0 days=1997-01-01,1997-01-02'::clv_summary_state$$,
                 '22P02', NULL, 'clv_summary_state: a zero remainder written out is 22P02');
SELECT throws_ok($$SELECT 'v2 form=date observed_until=1997-01-29 unit_days=7 first_amount=1 repeat_amount=1:1 days=1997-01-01,1997-01-02'::clv_summary_state$$,
                 '22P02', NULL, 'clv_summary_state: a remainder that is not below half a unit in the last place is 22P02');
SELECT throws_ok($$SELECT 'v2 form=date observed_until=1997-01-29 unit_days=7 first_amount=-0 repeat_amount=0 days=1997-01-01'::clv_summary_state$$,
                 '22P02', NULL, 'clv_summary_state: -0 is 22P02');
SELECT throws_ok($$SELECT 'v2 form=timestamptz observed_until=+86400000000 observed_day=2000-01-02 unit_days=7 first_amount=0 repeat_amount=0 days='::clv_summary_state$$,
                 '22P02', NULL, 'clv_summary_state: +86400000000 microseconds is 22P02');
SELECT is('v2 form=date observed_until=1997-01-29 unit_days=7 first_amount=1e+16 repeat_amount=0.1:5.551115123125783e-18 days=1997-01-01,1997-01-02'::clv_summary_state::text,
          'v2 form=date observed_until=1997-01-29 unit_days=7 first_amount=1e+16 repeat_amount=0.1:5.551115123125783e-18 days=1997-01-01,1997-01-02',
          'clv_summary_state: a sum with its remainder reads back');
-- the repeat amount is summed itself (no cancellation against the first day)
SELECT is((SELECT (clv_summary(d, a, date '2024-12-31', '1 week')).monetary
             FROM (VALUES (date '2024-01-01', 1e16::float8), (date '2024-03-01', 1.0)) v(d, a)),
          1::float8, 'clv_summary: a 1e16 first order does not cancel a repeat amount of 1');
SELECT is((SELECT (clv_summary(d, a, date '2024-12-31', '1 week')).monetary
             FROM (VALUES (date '2024-03-01', 1.0::float8), (date '2024-01-01', 1e16)) v(d, a)),
          1::float8, 'clv_summary: the same when the earlier day arrives second');
SELECT is((SELECT (clv_summary(d, a, date '2024-12-31', '1 week')).monetary
             FROM (VALUES (date '2024-01-01', 1e16::float8), (date '2024-03-01', 0.1), (date '2024-03-01', 0.2), (date '2024-05-01', 0.3)) v(d, a)),
          0.3::float8, 'clv_summary: repeat amounts summed to the nearest double ((0.1 + 0.2 + 0.3) / 2)');
SELECT lives_ok($$SELECT clv(c, d, a, '10 weeks')
             FROM (VALUES (1, '2024-01-01'::timestamptz, 1e16::float8), (1, '2024-03-01', 1.0), (2, '2024-01-05', 5), (2, '2024-02-01', 7), (3, '2024-02-01', 3)) v(c, d, a)$$,
          'clv: repeat amounts are summed themselves (no "monetary value 0" refusal)');
SELECT throws_ok($$SELECT clv_summary_state(d, a, date '2024-12-31', '1 week')
                   FROM (VALUES (date '2024-01-01', 1e308::float8), (date '2024-03-01', 1e308), (date '2024-03-01', 1e308)) v(d, a)$$,
                 '22003', NULL, 'clv_summary_state: amounts summing past the double range are 22003 (never an unreadable Infinity)');
-- every day the aggregate accepts reads back: year 10000+, BC dates before 1000 BC
SELECT is((SELECT clv_summary_state(d, 1.0::float8, date '10001-01-01', '1 week')::text::clv_summary_state::text
             FROM (VALUES (date '10000-01-01')) v(d)),
          'v2 form=date observed_until=10001-01-01 unit_days=7 first_amount=1 repeat_amount=0 days=10000-01-01',
          'clv_summary_state: year 10000 reads back');
SELECT is((SELECT clv_summary_state(d, 1.0::float8, date '0500-01-01 BC', '1 week')::text::clv_summary_state::text
             FROM (VALUES (date '4000-01-01 BC'), (date '1000-06-01 BC')) v(d)),
          'v2 form=date observed_until=-499-01-01 unit_days=7 first_amount=1 repeat_amount=1 days=-3999-01-01,-999-06-01',
          'clv_summary_state: BC dates (year 0 is 1 BC) read back');
SELECT is((SELECT clv_summary_state(d, 1.0::float8, date '5874897-12-31', '1 week')::text::clv_summary_state::text
             FROM (VALUES (date '4713-11-24 BC'), (date '5874897-12-31')) v(d)),
          'v2 form=date observed_until=5874897-12-31 unit_days=7 first_amount=1 repeat_amount=1 days=-4712-11-24,5874897-12-31',
          'clv_summary_state: the first and last dates read back');
SELECT is((SELECT clv_summary_state(t, 1.0::float8, timestamptz '294276-12-31 23:59:59+00', '1 week')::text::clv_summary_state::text
             FROM (VALUES (timestamptz '4713-11-24 00:00+00 BC'), (timestamptz '294276-12-31 23:59:59+00')) v(t)),
          (SELECT clv_summary_state(t, 1.0::float8, timestamptz '294276-12-31 23:59:59+00', '1 week')::text
             FROM (VALUES (timestamptz '4713-11-24 00:00+00 BC'), (timestamptz '294276-12-31 23:59:59+00')) v(t)),
          'clv_summary_state (timestamptz): the first and last timestamps read back');
SELECT is((SELECT clv_state(c, t, a, '1 week')::text::clv_state::text
             FROM (VALUES (1, timestamptz '4713-11-24 00:00+00 BC', 1e308::float8), (1, timestamptz '294276-12-31 23:59:59+00', -1e308),
                          (2, timestamptz '10000-01-01 00:00+00', 5e-324), (2, timestamptz '0999-01-01 00:00+00 BC', 1)) v(c, t, a)),
          (SELECT clv_state(c, t, a, '1 week')::text
             FROM (VALUES (1, timestamptz '4713-11-24 00:00+00 BC', 1e308::float8), (1, timestamptz '294276-12-31 23:59:59+00', -1e308),
                          (2, timestamptz '10000-01-01 00:00+00', 5e-324), (2, timestamptz '0999-01-01 00:00+00 BC', 1)) v(c, t, a)),
          'clv_state: extreme days and amounts read back');

-- ===================== clv_fit / clv_model =====================

CREATE TABLE os AS SELECT cust, (clv_summary(d, amount, '1997-09-30'::date, '1 week')).* FROM o GROUP BY cust;
ALTER TABLE os SET (parallel_workers = 2);
ANALYZE os;
CREATE TEMP TABLE fm AS SELECT clv_fit(frequency, recency, age, monetary) AS m FROM os;
CREATE TEMP TABLE fj AS SELECT clv_model_params(m) AS j FROM fm;

SELECT is((SELECT clv_fit(frequency, recency, age, monetary)::text FROM os WHERE false), NULL, 'clv_fit: no rows gives NULL');
SELECT is((SELECT clv_fit(f, r, a, m)::text FROM (VALUES (NULL::float8, 1::float8, 2::float8, 1::float8), (1, NULL, 2, 1), (1, 1, NULL, 1)) v(f, r, a, m)),
          NULL, 'clv_fit: all-NULL rows give NULL');
SELECT is((SELECT clv_model_params(clv_fit(0, 0, 10, 0))->>'converged'), 'false',
          'clv_fit: one customer without repeat purchases cannot be fitted, and says so');
SELECT is((SELECT clv_model_params(clv_fit(0, 0, 10, 0))->>'customers'), '1', 'clv_fit: one row counts one customer');
SELECT is((SELECT j->>'converged' FROM fj), 'true', 'clv_fit: converges on the test customers');
SELECT is((SELECT j->>'customers' FROM fj), '600', 'clv_fit: counts 600 customers');
SELECT ok((SELECT (j->>'r')::float8 > 0 AND (j->>'alpha')::float8 > 0 AND (j->>'a')::float8 > 0 AND (j->>'b')::float8 > 0
                  AND (j->>'p')::float8 > 0 AND (j->>'q')::float8 > 0 AND (j->>'v')::float8 > 0 FROM fj),
          'clv_fit: all parameters positive');
SELECT is((SELECT clv_model_params(clv_fit(frequency, recency, age, NULL))->>'p' FROM os), NULL,
          'clv_fit: NULL monetary fits BG/NBD only');
SELECT is((SELECT clv_model_params(clv_fit(frequency, recency, age, CASE WHEN cust % 7 = 0 THEN NULL ELSE monetary END))->'ll_bgnbd' FROM os),
          (SELECT j->'ll_bgnbd' FROM fj), 'clv_fit: ... and leaves BG/NBD unchanged');

SELECT is((SELECT clv_fit(frequency, recency, age, monetary)::text
           FROM (SELECT frequency, recency, age, monetary FROM os
                 UNION ALL SELECT NULL, 1, 2, 3 UNION ALL SELECT 1, NULL, 2, 3 UNION ALL SELECT 1, 1, NULL, 3) s),
          (SELECT m::text FROM fm), 'clv_fit: rows with a NULL frequency, recency or age are skipped');
SELECT throws_ok($$SELECT clv_fit(-1, 0, 10, 0)$$, '22023', 'frequency -1 is not a non-negative integer', 'clv_fit: negative frequency is 22023');
SELECT throws_ok($$SELECT clv_fit(1.5, 1, 10, 5)$$, '22023', NULL, 'clv_fit: fractional frequency is 22023');
SELECT throws_ok($$SELECT clv_fit(1, 11, 10, 5)$$, '22023', 'recency 11 is outside 0 .. age 10', 'clv_fit: recency greater than age is 22023');
SELECT throws_ok($$SELECT clv_fit(0, 0, -1, 0)$$, '22023', 'age -1 is negative or not finite', 'clv_fit: negative age is 22023');
SELECT throws_ok($$SELECT clv_fit(1, 0, 0, 5)$$, '22023', 'frequency 1 at age 0', 'clv_fit: repeat purchases at age 0 are 22023');
-- age 0 (first seen at the end of the observation) has likelihood 1 under
-- every model: skipped, so clv_summary's rows need no filter
SELECT is((SELECT clv_fit(0, 0, 0, 0)::text), NULL, 'clv_fit: a lone age-0 customer is skipped (NULL)');
SELECT is((SELECT clv_fit(frequency, recency, age, monetary)::text
           FROM (SELECT frequency, recency, age, monetary FROM os
                 UNION ALL SELECT 0, 0, 0, CASE WHEN g % 2 = 0 THEN 0 END FROM generate_series(1, 50) g) s),
          (SELECT m::text FROM fm), 'clv_fit: age-0 customers are skipped');
SELECT throws_ok($$SELECT clv_fit(2, 5, 10, -0.5)$$, '22023', 'monetary value -0.5 of a repeat customer is negative or not finite', 'clv_fit: negative monetary of a repeat customer is 22023');
SELECT throws_ok($$SELECT clv_fit(2, 5, 'Infinity', 10)$$, '22023', NULL, 'clv_fit: infinite age is 22023');
SELECT throws_ok($$SELECT clv_fit(0, 3, 10, 0)$$, '22023', NULL, 'clv_fit: recency without frequency is 22023');

-- duplicates are weighted, not repeated
SELECT is((SELECT clv_fit_state(f, r, a, m)::text FROM (VALUES (0::float8, 0::float8, 10::float8, 0::float8), (0, 0, 10, 0), (2, 5, 10, 7.5), (2, 5, 10, 7.5), (1, 2, 10, 3)) v(f, r, a, m)),
          'v1 bgnbd=0:0:10:2,1:2:10:1,2:5:10:2 gg=1:3:1,2:7.5:2', 'clv_fit_state: identical customers are one weighted entry');
-- 20000 rows and 3000 distinct customers: the state compacts itself each
-- time its arrays fill (sorting the new rows, merging them into the
-- compacted ones), and must end up as GROUP BY would count
CREATE TABLE dup AS
SELECT f, CASE WHEN f = 0 THEN 0 ELSE round((random() * 20)::numeric, 1)::float8 END AS r,
       20 + floor(random() * 5)::float8 AS a, CASE WHEN f = 0 THEN 0 ELSE 1 + floor(random() * 3)::float8 END AS m
FROM (SELECT floor(random() * 4)::float8 AS f FROM generate_series(1, 20000)) g;
ALTER TABLE dup SET (parallel_workers = 2);
ANALYZE dup;
CREATE TEMP VIEW dup_plain AS
SELECT 'v1 bgnbd=' || (SELECT string_agg(format('%s:%s:%s:%s', f, r, a, n), ',' ORDER BY f, r, a)
                       FROM (SELECT f, r, a, count(*) n FROM dup GROUP BY 1, 2, 3) t)
       || ' gg=' || (SELECT string_agg(format('%s:%s:%s', f, m, n), ',' ORDER BY f, m)
                     FROM (SELECT f, m, count(*) n FROM dup WHERE f > 0 GROUP BY 1, 2) p) AS s;
SELECT is((SELECT clv_fit_state(f, r, a, m)::text FROM dup), (SELECT s FROM dup_plain),
          'clv_fit_state: 20000 rows, compacted as they come, equal GROUP BY (frequency, recency, age) and (frequency, monetary)');
SELECT is((SELECT clv_fit(st)::text FROM (SELECT clv_fit_state(frequency, recency, age, monetary)::text::clv_fit_state AS st FROM os) s),
          (SELECT m::text FROM fm), 'clv_fit_state: text round trip fits the same model');
SELECT throws_ok($$SELECT 'v1 bgnbd=0:0:10:0 gg='::clv_fit_state$$, '22P02', NULL, 'clv_fit_state: zero weight is 22P02');
SELECT throws_ok($$SELECT 'v1 bgnbd=1:11:10:1 gg='::clv_fit_state$$, '22P02', NULL, 'clv_fit_state: recency > age is 22P02');
SELECT throws_ok($$SELECT 'v1 bgnbd=0:0:10:1 gg=1:5:1'::clv_fit_state$$, '22P02', NULL, 'clv_fit_state: more gg than repeat customers is 22P02');
SELECT throws_ok($$SELECT 'v1 bgnbd=0:0:x:1 gg='::clv_fit_state$$, '22P02', NULL, 'clv_fit_state: garbage is 22P02');
SELECT throws_ok($$SELECT clv_fit('v1 bgnbd=0:0:10:9000000000000000000,0:0:11:9000000000000000000 gg='::clv_fit_state)$$,
                 '22003', NULL, 'clv_fit_state: weights that overflow are 22003, not a wrong number');
SELECT throws_ok($$SELECT 'v1 gg= bgnbd='::clv_fit_state$$, '22P02', NULL, 'clv_fit_state: fields out of order are 22P02');

-- rollups: states per customer bucket, merged
SELECT is((SELECT clv_fit(st)::text FROM (SELECT cust % 10 AS k, clv_fit_state(frequency, recency, age, monetary) AS st FROM os GROUP BY 1) s),
          (SELECT m::text FROM fm), 'clv_fit: merged bucket states fit the same model');
SELECT is((SELECT clv_fit_final(clv_fit_state(st))::text FROM (SELECT cust % 10 AS k, clv_fit_state(frequency, recency, age, monetary) AS st FROM os GROUP BY 1) s),
          (SELECT m::text FROM fm), 'clv_fit: clv_fit_state(state) merges, too');
-- the combine function called directly (no aggregate: a new state, the
-- arguments untouched, even the same value twice)
SELECT is((SELECT (SELECT clv_fit(c) FROM (SELECT clv_fit_state_combine(a, b) AS c) x)::text || (a::text = a0) || (b::text = b0)
           FROM (SELECT a, b, a::text AS a0, b::text AS b0
                 FROM (SELECT clv_fit_state(frequency, recency, age, monetary) FILTER (WHERE cust % 2 = 0) AS a,
                              clv_fit_state(frequency, recency, age, monetary) FILTER (WHERE cust % 2 = 1) AS b FROM os) h) s),
          (SELECT m::text || true || true FROM fm), 'clv_fit_state_combine: called directly, merges and leaves its arguments alone');
SELECT is((SELECT clv_fit_state_combine(a, a)::text FROM (SELECT clv_fit_state(f, r, a, m) AS a FROM (VALUES (0::float8, 0::float8, 10::float8, 0::float8), (2, 5, 10, 7.5)) v(f, r, a, m)) s),
          'v1 bgnbd=0:0:10:2,2:5:10:2 gg=2:7.5:2', 'clv_fit_state_combine: a state merged with itself doubles its weights');

-- a growing frame keeps one state: each row's value reads (and compacts)
-- it, and the next rows append to it; compared with the prefix aggregated
-- directly at every 50th customer, then fitted at two of them
SELECT is((SELECT count(*) FROM (SELECT cust, clv_fit_state(frequency, recency, age, monetary) OVER (ORDER BY cust)::text AS st FROM os) w
           WHERE cust % 50 = 0
             AND st = (SELECT clv_fit_state(frequency, recency, age, monetary)::text FROM os p WHERE p.cust <= w.cust)),
          12::bigint, 'clv_fit_state: a growing window frame equals each prefix aggregated directly');
SELECT is((SELECT count(*) FROM (SELECT cust, clv_fit(frequency, recency, age, monetary) OVER (ORDER BY cust)::text AS m FROM os WHERE cust <= 300) w
           WHERE cust IN (150, 300)
             AND m = (SELECT clv_fit(frequency, recency, age, monetary)::text FROM os p WHERE p.cust <= w.cust)),
          2::bigint, 'clv_fit: a growing window frame equals each prefix fitted directly');

-- window: a sliding frame of 300 customers equals the frame fitted directly
SELECT is((SELECT m::text FROM (SELECT cust, clv_fit(frequency, recency, age, monetary)
                                OVER (ORDER BY cust ROWS BETWEEN 99 PRECEDING AND CURRENT ROW) AS m FROM os WHERE cust <= 110) s WHERE cust = 105),
          (SELECT clv_fit(frequency, recency, age, monetary)::text FROM os WHERE cust BETWEEN 6 AND 105),
          'clv_fit: ROWS sliding frame equals the frame fitted directly');

-- the analytic gradients the fit uses agree with central differences of the
-- likelihoods (Richardson-extrapolated; relative to max(|gradient|, 1e-3)):
-- a test hook of the library, declared only here (the transaction rolls back)
CREATE FUNCTION clv_fit_gradient_check(clv_fit_state, clv_model) RETURNS float8
    AS '$libdir/retention', 'clv_fit_gradient_check' LANGUAGE C STRICT;
SELECT ok((SELECT clv_fit_gradient_check(clv_fit_state(frequency, recency, age, monetary),
                                         '{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"p":6.25,"q":3.74,"v":15.44}') < 1e-5 FROM os),
          'clv_fit: analytic gradients = central differences on the test customers');
SELECT ok((SELECT clv_fit_gradient_check(clv_fit_state(frequency, recency, age, monetary), (SELECT m FROM fm)) < 1e-5 FROM os),
          'clv_fit: ... and at their optimum');
SELECT ok((SELECT max(clv_fit_gradient_check(st, m::clv_model)) < 1e-5
           FROM (SELECT clv_fit_state(f, r, a, m) AS st
                 FROM (VALUES (221::float8, 103.43::float8, 103.57::float8, 20::float8), (0, 0, 50, 0), (0, 0, 3, 0),
                              (3, 10, 50, 5), (1, 2, 30, 7), (1, 0.01, 0.02, 1e4)) v(f, r, a, m)) s,
                (VALUES ('{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"p":6.25,"q":3.74,"v":15.44}'),
                        ('{"r":50,"alpha":0.01,"a":10,"b":0.1,"p":0.05,"q":100,"v":0.01}'),
                        ('{"r":0.01,"alpha":500,"a":0.01,"b":100,"p":300,"q":0.5,"v":1e4}'),
                        ('{"r":1,"alpha":1,"a":1,"b":1}')) p(m)),
          'clv_fit: ... and for a heavy buyer (221, 103.43, 103.57) at extreme parameters');

-- clv_model text
SELECT is('{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"p":6.25,"q":3.74,"v":15.44}'::clv_model::text,
          '{"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "p": 6.25, "q": 3.74, "v": 15.44, "customers": null, "converged": null, "ll_bgnbd": null, "ll_gg": null, "spend_excluded": null}',
          'clv_model: hand-written with the 7 parameters');
SELECT is((SELECT m::text::clv_model::text FROM fm), (SELECT m::text FROM fm), 'clv_model: text round trip of a fitted model');
SELECT is(clv_model_params('{"r":1,"alpha":2,"a":3,"b":4}')->>'p', NULL, 'clv_model: BG/NBD only');
SELECT throws_ok($$SELECT '{"r":0,"alpha":4.414,"a":0.793,"b":2.426}'::clv_model$$, '22023', 'clv_model parameter r = 0 is not positive', 'clv_model: zero parameter is 22023');
SELECT throws_ok($$SELECT '{"r":1,"alpha":-4,"a":0.793,"b":2.426}'::clv_model$$, '22023', NULL, 'clv_model: negative parameter is 22023');
SELECT throws_ok($$SELECT '{"r":1,"alpha":4,"a":0.793}'::clv_model$$, '22P02', NULL, 'clv_model: missing parameter is 22P02');
SELECT throws_ok($$SELECT '{"r":1,"alpha":4,"a":0.793,"b":1,"zeta":1}'::clv_model$$, '22P02', NULL, 'clv_model: unknown key is 22P02');
SELECT throws_ok($$SELECT '{"r":1,"alpha":4,"a":0.793,"b":1,"p":1}'::clv_model$$, '22P02', NULL, 'clv_model: partial Gamma-Gamma is 22P02');
SELECT throws_ok($$SELECT '{"r":1,'::clv_model$$, '22P02', NULL, 'clv_model: malformed JSON is 22P02');
SELECT throws_ok($$SELECT '[1,2]'::clv_model$$, '22P02', NULL, 'clv_model: not an object is 22P02');
SELECT throws_ok($$SELECT '{"r":"1","alpha":4,"a":0.793,"b":1}'::clv_model$$, '22P02', NULL, 'clv_model: a string parameter is 22P02');

-- ===================== predictions =====================
CREATE TEMP TABLE hm AS SELECT '{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"p":6.25,"q":3.74,"v":15.44}'::clv_model AS m;

-- finite numbers, NULL where documented, or 22003 (references from mpmath's
-- hyp2f1 at 80 digits, 700 for r = 1e-300)
SET LOCAL statement_timeout = '5s';
SELECT ok(abs(clv_expected_purchases('{"r":0.243,"alpha":4.4,"a":1e12,"b":2.4}', 1, 0, 0, 38) / 0.005648578613848133112 - 1) < 1e-12,
          'expected purchases with a = 1e12: the convergent form (no 100 M terms), equals the mpmath reference');
SELECT ok(abs(clv_expected_purchases('{"r":1e-300,"alpha":4.4,"a":0.8,"b":2.4}', 39, 0, 0, 38) / 8.3463878836047736098e-301 - 1) < 1e-12,
          'expected purchases with r = 1e-300: positive, equals the mpmath reference (was -1.8e-15)');
SELECT ok((SELECT abs(clv_expected_purchases(m, 1e-9, 2, 30.43, 38.86) / 3.7660390365616091875e-11 - 1) < 1e-12 FROM hm),
          'expected purchases over a horizon of 1e-9: exact (log(1 - z) by log1p)');
RESET statement_timeout;
SELECT throws_ok($$SELECT clv_expected_purchases(m, 1e15, 221, 103.43, 103.57) FROM hm$$, '22003', NULL,
                 'expected purchases: a horizon of 1e15 weeks is refused before summing (22003)');
SELECT throws_ok($$SELECT clv_expected_order_value('{"r":1,"alpha":1,"a":1,"b":1,"p":1e300,"q":2,"v":1e300}', 0, 0)$$, '22003', NULL,
                 'expected order value beyond double precision is 22003, not Infinity');
SELECT throws_ok($$SELECT clv_predict('{"r":1,"alpha":1,"a":1,"b":1,"p":1e300,"q":2,"v":1e300}', 10, 2, 5, 10, 3, 0)$$, '22003', NULL,
                 'clv_predict beyond double precision is 22003, not Infinity');
SELECT is(clv_simple(1e200, 1e200, 0), 0::float8, 'clv_simple: a zero lifespan gives 0, not NaN');
SELECT throws_ok($$SELECT clv_simple(1e200, 1e200, 1)$$, '22003', NULL, 'clv_simple: an overflowing product is 22003');
SELECT is(saas_ltv(0, 1e-322), 0::float8, 'saas_ltv: no revenue gives 0, not NaN, even for a subnormal churn rate');
SELECT throws_ok($$SELECT saas_ltv(1, 1e-322)$$, '22003', NULL, 'saas_ltv: an overflowing value is 22003');
-- P(X(t) = n) of a new customer (Fader, Hardie & Lee 2005, eq. 8): the
-- references from mpmath at 50 digits; the probabilities add up to 1 and
-- their mean is the expected number of purchases of a new customer
SELECT ok((SELECT bool_and(abs(clv_purchase_probability('{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}', t, n) / want - 1) < 1e-12)
             FROM (VALUES (39::float8, 0, 0.57378635209600940476), (39, 1, 0.19939528083591145379), (39, 2, 0.085429759539060758698),
                          (39, 5, 0.017965493866579043835), (78, 10, 0.0061178230208274377527), (39, 60, 9.1458756711653898883e-7),
                          (1e-6, 1, 5.5052093339165267483e-8)) v(t, n, want)),
          'clv_purchase_probability: equals the mpmath evaluation of the published formula (7 cases)');
SELECT ok((SELECT abs(sum(clv_purchase_probability('{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}', 39, n)) - 1) < 1e-12
                  AND abs(sum(n * clv_purchase_probability('{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}', 39, n))
                          / clv_expected_purchases('{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}', 39, 0, 0, 0) - 1) < 1e-12
             FROM generate_series(0, 3000) n),
          'clv_purchase_probability: sums to 1 over n, and its mean is clv_expected_purchases of a new customer');
SELECT is(clv_purchase_probability('{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}', 0, 0), 1::float8, 'clv_purchase_probability: t = 0 and n = 0 is 1');
SELECT is(clv_purchase_probability('{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}', 0, 3), 0::float8, 'clv_purchase_probability: t = 0 and n > 0 is 0');
SELECT is(clv_purchase_probability('{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}', 39, NULL), NULL, 'clv_purchase_probability: NULL n gives NULL');
SELECT throws_ok($$SELECT clv_purchase_probability('{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}', 39, -1)$$, '22023',
                 'number of purchases n = -1 is negative', 'clv_purchase_probability: negative n is 22023');
SELECT throws_ok($$SELECT clv_purchase_probability('{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}', -1, 1)$$, '22023', NULL,
                 'clv_purchase_probability: negative t is 22023');
SELECT is(clv_purchase_probability('{"r":1,"alpha":1,"a":0.5,"b":1,"converged":false}', 10, 1), NULL,
          'clv_purchase_probability of an unconverged model is NULL');
SELECT ok((SELECT clv_purchase_probability(m, 39, 1000000) BETWEEN 0 AND 1e-10 FROM hm),
          'clv_purchase_probability: a million purchases is a finite, tiny probability');
-- "ll" in clv_model_params: the purchase model's log-likelihood
SELECT is((SELECT (j->>'ll')::float8 = (j->>'ll_bgnbd')::float8 FROM fj), true, 'clv_model_params: "ll" is the BG/NBD log-likelihood');
SELECT is((SELECT clv_model_params(m)->'ll' FROM hm), 'null'::jsonb, 'clv_model_params: "ll" is null for a hand-written model');
-- a model whose fit did not converge predicts NULL (with a WARNING), as clv() does
SELECT is(clv_p_alive('{"r":1,"alpha":1,"a":1,"b":1,"converged":false}', 1, 1, 2), NULL, 'P(alive) of an unconverged model is NULL');
SELECT is(clv_expected_purchases('{"r":1,"alpha":1,"a":0.5,"b":1,"converged":false}', 10, 1, 1, 2), NULL,
          'expected purchases of an unconverged model are NULL');
SELECT is(clv_expected_order_value('{"r":1,"alpha":1,"a":1,"b":1,"p":1,"q":2,"v":1,"converged":false}', 1, 2), NULL,
          'expected order value of an unconverged model is NULL');
SELECT is(clv_predict('{"r":1,"alpha":1,"a":0.5,"b":1,"p":1,"q":2,"v":1,"converged":false}', 10, 1, 1, 2, 3, 0), NULL,
          'clv_predict of an unconverged model is NULL');
SELECT ok(clv_p_alive('{"r":1,"alpha":1,"a":1,"b":1,"converged":true}', 1, 1, 2) > 0
          AND clv_p_alive('{"r":1,"alpha":1,"a":1,"b":1}', 1, 1, 2) > 0, 'a converged or hand-written model predicts');
SELECT throws_ok($$SELECT clv_p_alive('{"r":1,"alpha":1,"a":1,"b":1,"converged":false}', -1, 1, 2)$$, '22023', NULL,
                 'an unconverged model still checks its arguments');
-- messages: short, exact numbers
SELECT throws_ok($$SELECT '{"r":1e400,"alpha":4.4,"a":0.8,"b":2.4}'::clv_model$$, '22P02', NULL,
                 'clv_model: a parameter beyond double precision is 22P02');
CREATE FUNCTION pg_temp.error_of(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    RETURN SQLERRM;
END $$;
SELECT ok(length(pg_temp.error_of($q$SELECT ('{"r":1' || repeat('0', 400) || ',"alpha":4.4,"a":0.8,"b":2.4}')::clv_model$q$)) < 300,
          'clv_model: a 401-digit parameter gives a short message');
SELECT is(pg_temp.error_of($q$SELECT clv_summary(d, 1.0::float8, date '2024-12-31', u) FROM (VALUES (date '2024-01-01', interval '1 week'), (date '2024-02-01', interval '1 week 0.0001 seconds')) v(d, u)$q$),
          'time_unit changes within one group: 7 and 7.0000000011574075 days',
          'clv_summary: a time-unit mismatch names both units exactly (not "7 and 7 days")');

SELECT is((SELECT round(clv_expected_purchases(m, 39, 221, 103.43, 103.57)::numeric, 9) FROM hm), 70.178468668,
          'heavy buyer (221, 103.43, 103.57): finite, equals a 400-digit reference');
SELECT is((SELECT round(clv_expected_purchases(m, 1e6, 221, 103.43, 103.57)::numeric, 6) FROM hm), 6022.624625,
          'heavy buyer over a million weeks: equals the 400-digit reference');
SELECT is((SELECT clv_expected_purchases(m, 0, 3, 5, 10) FROM hm), 0::float8, 'expected purchases over t = 0 is 0');
SELECT is((SELECT clv_expected_purchases(m, NULL, 3, 5, 10) FROM hm), NULL, 'expected purchases: NULL argument gives NULL');
SELECT is((SELECT clv_p_alive(m, 0, 0, 50) FROM hm), 1::float8, 'P(alive) without repeat purchases is 1');
SELECT is((SELECT clv_p_alive(m, 0, 0, 0) FROM hm), 1::float8, 'P(alive) of a new customer (age 0) is 1');
SELECT throws_ok($$SELECT clv_expected_purchases(m, 39, 1, 0, 0) FROM hm$$, '22023', 'frequency 1 at age 0',
                 'expected purchases: repeat purchases at age 0 are 22023');
SELECT throws_ok($$SELECT clv_p_alive(m, 0, 0, -0.5) FROM hm$$, '22023', 'age -0.5 is negative or not finite',
                 'P(alive): negative age is 22023');
SELECT ok((SELECT clv_p_alive(m, 5, 10, 50) < clv_p_alive(m, 5, 40, 50) FROM hm), 'P(alive) grows with recency');
SELECT ok((SELECT clv_p_alive(m, 100000, 1, 100000) BETWEEN 0 AND 1e-300 FROM hm), 'P(alive) of an extreme gap underflows to 0, not NaN');
SELECT is((SELECT round(clv_expected_order_value(m, 2, 30)::numeric, 10) FROM hm),
          round((6.25 * (15.44 + 2 * 30) / (6.25 * 2 + 3.74 - 1))::numeric, 10), 'expected order value: Gamma-Gamma formula');
SELECT is((SELECT round(clv_expected_order_value(m, 0, 0)::numeric, 10) FROM hm),
          round((6.25 * 15.44 / (3.74 - 1))::numeric, 10), 'expected order value without repeat purchases: population mean');
SELECT is(clv_expected_order_value('{"r":1,"alpha":1,"a":1,"b":1}', 2, 30), NULL, 'expected order value of a BG/NBD-only model is NULL');
SELECT is(clv_expected_order_value('{"r":1,"alpha":1,"a":1,"b":1,"p":1,"q":0.5,"v":1}', 0, 0), NULL, 'expected order value with an infinite mean is NULL');
SELECT is((SELECT round(clv_predict(m, 39, 2, 30.43, 38.86, 30, 0)::numeric, 9) FROM hm),
          (SELECT round((clv_expected_purchases(m, 39, 2, 30.43, 38.86) * clv_expected_order_value(m, 2, 30))::numeric, 9) FROM hm),
          'clv_predict undiscounted = expected purchases * expected order value');
SELECT ok((SELECT clv_predict(m, 39, 2, 30.43, 38.86, 30, 0.01) < clv_predict(m, 39, 2, 30.43, 38.86, 30, 0) FROM hm),
          'clv_predict: discounting lowers the value');
SELECT is((SELECT round(clv_predict(m, 2.5, 2, 30.43, 38.86, 30, 0.1)::numeric, 9) FROM hm),
          (SELECT round((clv_expected_order_value(m, 2, 30) * (
                  clv_expected_purchases(m, 1, 2, 30.43, 38.86) / 1.1
                + (clv_expected_purchases(m, 2, 2, 30.43, 38.86) - clv_expected_purchases(m, 1, 2, 30.43, 38.86)) / 1.21
                + (clv_expected_purchases(m, 2.5, 2, 30.43, 38.86) - clv_expected_purchases(m, 2, 2, 30.43, 38.86)) / 1.1 ^ 2.5))::numeric, 9) FROM hm),
          'clv_predict: discounted per unit, as the plain-SQL sum');
SELECT ok(abs(clv_expected_purchases('{"r":0.5,"alpha":4,"a":1,"b":2.5}', 39, 3, 20, 38)
              - (clv_expected_purchases('{"r":0.5,"alpha":4,"a":0.999,"b":2.5}', 39, 3, 20, 38)
                 + clv_expected_purchases('{"r":0.5,"alpha":4,"a":1.001,"b":2.5}', 39, 3, 20, 38)) / 2) < 1e-6,
          'expected purchases is continuous at a = 1');
SELECT throws_ok($$SELECT clv_expected_purchases(m, 1e12, 0, 0, 38) FROM hm$$, '22003', NULL,
                 'expected purchases: an absurd horizon is 22003, not a long hang');
SELECT ok((SELECT clv_expected_purchases(m, 1e6, 0, 0, 38) > clv_expected_purchases(m, 1e5, 0, 0, 38) FROM hm),
          'expected purchases grows with a long horizon');
SELECT throws_ok($$SELECT clv_expected_purchases(m, -1, 3, 5, 10) FROM hm$$, '22023', NULL, 'expected purchases: negative t is 22023');
SELECT throws_ok($$SELECT clv_p_alive(m, 3, 11, 10) FROM hm$$, '22023', NULL, 'P(alive): recency > age is 22023');
SELECT throws_ok($$SELECT clv_predict(m, 39, 2, 5, 10, -1, 0) FROM hm$$, '22023', NULL, 'clv_predict: negative monetary of a repeat customer is 22023');
SELECT throws_ok($$SELECT clv_predict(m, 39, 2, 5, 10, 10, -0.1) FROM hm$$, '22023', NULL, 'clv_predict: negative discount is 22023');

-- differential: expected purchases against the original (untransformed)
-- hypergeometric series summed in plain SQL, on the test customers
SELECT is((SELECT count(*) FROM (SELECT frequency, recency, age FROM os
                                  UNION ALL SELECT 0, 0, 0) os, fm,
           LATERAL (SELECT (clv_model_params(m)->>'r')::float8 AS r, (clv_model_params(m)->>'alpha')::float8 AS al,
                           (clv_model_params(m)->>'a')::float8 AS a, (clv_model_params(m)->>'b')::float8 AS b) p,
           LATERAL (SELECT 10.0::float8 AS t) h,
           LATERAL (SELECT sum(exp(lt)) AS f FROM (
                SELECT sum(ln((p.r + frequency + j) * (p.b + frequency + j) / ((p.a + p.b + frequency - 1 + j) * (j + 1))
                              * (h.t / (p.al + age + h.t)))) OVER (ORDER BY j) AS lt
                FROM generate_series(0, 400) j) s) hy
           WHERE abs(clv_expected_purchases(m, h.t, frequency, recency, age)
                     - ((p.a + p.b + frequency - 1) / (p.a - 1)
                        * (1 - ((p.al + age) / (p.al + age + h.t)) ^ (p.r + frequency) * (1 + hy.f))
                        / (1 + CASE WHEN frequency > 0 THEN p.a / (p.b + frequency - 1)
                                    * ((p.al + age) / (p.al + recency)) ^ (p.r + frequency) ELSE 0 END)))
                 < 1e-9 * (1 + clv_expected_purchases(m, h.t, frequency, recency, age))),
          601::bigint, 'expected purchases equals the plain-SQL series for every test customer and a new one (age 0)');

-- ===================== clv() =====================
CREATE TEMP TABLE cv AS SELECT clv(cust, d, amount, '39 weeks') AS v FROM o;
SELECT is((SELECT clv(cust, d, amount, '39 weeks') FROM o WHERE false), NULL, 'clv: no rows gives NULL');
SELECT is((SELECT clv(1, now(), 10, '1 week')), NULL, 'clv: one order (nothing to fit) gives NULL');
SELECT ok((SELECT v > 0 FROM cv), 'clv: a positive mean value');
-- the same from the parts: summaries up to the last purchase, fit, predict
SELECT ok((WITH s AS (SELECT cust, (clv_summary(d, amount, (SELECT max(d) FROM o), '1 week')).* FROM o GROUP BY cust),
               m AS (SELECT clv_fit(frequency, recency, age, monetary) AS m FROM s)
           SELECT abs(avg(clv_expected_order_value(m, frequency, monetary)
                          * clv_expected_purchases(m, 39, frequency, recency, age)) - (SELECT v FROM cv)) < 1e-9
           FROM s, m),
          'clv: equals clv_summary + clv_fit + predictions composed in SQL');
-- with customers first seen on the last day (age 0): in the mean, not the fit
SELECT ok((WITH o2 AS (SELECT cust, d, amount FROM o
                       UNION ALL SELECT 100000 + g, (SELECT max(d) FROM o), 10 FROM generate_series(1, 40) g),
               s AS (SELECT cust, (clv_summary(d, amount, (SELECT max(d) FROM o2), '1 week')).* FROM o2 GROUP BY cust),
               m AS (SELECT clv_fit(frequency, recency, age, monetary) AS m FROM s)
           SELECT count(*) FILTER (WHERE age = 0) = 40
                  AND abs(avg(clv_expected_order_value(m, frequency, monetary)
                              * clv_expected_purchases(m, 39, frequency, recency, age))
                          - (SELECT clv(cust, d, amount, '39 weeks') FROM o2)) < 1e-9
           FROM s, m),
          'clv: with age-0 customers, equals the composition over every customer');
SELECT ok(abs((SELECT clv(cust::text, d, amount, '39 weeks') FROM o) - (SELECT v FROM cv)) < 1e-12, 'clv: text customer keys');
SELECT ok(abs((SELECT clv(md5(cust::text)::uuid, d, amount, '39 weeks') FROM o) - (SELECT v FROM cv)) < 1e-12, 'clv: uuid customer keys');
SELECT ok(abs((SELECT clv(cust::int, d, amount, '39 weeks') FROM o) - (SELECT v FROM cv)) < 1e-12, 'clv: int4 customer keys');
-- numeric amounts (a money column), decoded in place: the float8 form's value
-- (the overloads exist, so the calls below resolve to them, not to a cast)
SELECT has_function('clv', ARRAY['bigint', 'timestamp with time zone', 'numeric', 'interval'], 'clv(int8, timestamptz, numeric, interval) exists');
SELECT has_function('clv', ARRAY['text', 'timestamp with time zone', 'numeric', 'interval'], 'clv(text, timestamptz, numeric, interval) exists');
SELECT has_function('clv_state', ARRAY['uuid', 'timestamp with time zone', 'numeric', 'interval'], 'clv_state(uuid, timestamptz, numeric, interval) exists');
SELECT is((SELECT clv(cust, d, amount::numeric, '39 weeks') FROM o), (SELECT v FROM cv),
          'clv (numeric amount): the value of the float8 form');
SELECT is((SELECT clv(cust::text, d, amount::numeric(12, 2), '39 weeks') FROM o),
          (SELECT clv(cust::text, d, amount, '39 weeks') FROM o), 'clv (numeric amount): text customer keys');
SELECT is((SELECT clv(md5(cust::text)::uuid, d, amount::numeric, '39 weeks') FROM o),
          (SELECT clv(md5(cust::text)::uuid, d, amount, '39 weeks') FROM o), 'clv (numeric amount): uuid customer keys');
SELECT is((SELECT clv_state(cust, d, amount::numeric, '39 weeks')::text FROM o WHERE cust <= 20),
          (SELECT clv_state(cust, d, amount, '39 weeks')::text FROM o WHERE cust <= 20),
          'clv_state (numeric amount): the same state as the float8 form');
SELECT is((SELECT clv(cust, d, CASE WHEN id % 7 = 0 THEN NULL ELSE amount::numeric END, '39 weeks') FROM o),
          (SELECT clv(cust, d, CASE WHEN id % 7 = 0 THEN NULL ELSE amount END, '39 weeks') FROM o),
          'clv (numeric amount): NULL amounts are skipped as in the float8 form');
SELECT is((SELECT clv(cust, d, amount::numeric, '39 weeks') FROM o WHERE false), NULL, 'clv (numeric amount): no rows gives NULL');
SELECT throws_ok($$SELECT clv(1, now(), 'NaN'::numeric, '1 week')$$, '22003', 'order amount NaN is out of range',
                 'clv (numeric amount): NaN is 22003');
SELECT throws_ok($$SELECT clv('a', now(), 'Infinity'::numeric, '1 week')$$, '22003', 'order amount Infinity is out of range',
                 'clv (numeric amount): infinity is 22003');
SELECT ok(abs((SELECT clv(st) FROM (SELECT date_trunc('month', d), clv_state(cust, d, amount, '39 weeks') AS st FROM o GROUP BY 1) s)
              - (SELECT v FROM cv)) < 1e-12, 'clv: monthly states merged equal the direct value');
SELECT ok(abs((SELECT clv(st::text::clv_state) FROM (SELECT clv_state(cust, d, amount, '39 weeks') AS st FROM o) s)
              - (SELECT v FROM cv)) < 1e-12, 'clv_state: text round trip');
SELECT ok((SELECT abs((SELECT clv(c) FROM (SELECT clv_state_combine(a, b) AS c) x) - (SELECT v FROM cv)) < 1e-12 AND a::text = a0 AND b::text = b0
           FROM (SELECT a, b, a::text AS a0, b::text AS b0
                 FROM (SELECT clv_state(cust, d, amount, '39 weeks') FILTER (WHERE cust % 2 = 0) AS a,
                              clv_state(cust, d, amount, '39 weeks') FILTER (WHERE cust % 2 = 1) AS b FROM o) h) s),
          'clv_state_combine: called directly, merges and leaves its arguments alone');
SELECT is((SELECT (st::text)::clv_state::text = st::text FROM (SELECT clv_state(cust, d, amount, '39 weeks') AS st FROM o WHERE cust < 5) s),
          true, 'clv_state: text input reads back to the same text');
-- one canonical text whatever order the rows or merged states arrive in
-- (Citus's coordinator reads back the text its workers send)
SELECT is((SELECT clv_state(cust, d, amount, '39 weeks' ORDER BY d DESC, amount DESC)::text FROM o WHERE cust < 30),
          (SELECT clv_state(cust, d, amount, '39 weeks' ORDER BY cust, d)::text FROM o WHERE cust < 30),
          'clv_state: the same text whatever order the rows arrive in');
SELECT is((SELECT clv_state(st ORDER BY m DESC)::text FROM (SELECT date_trunc('month', d) m, clv_state(cust, d, amount, '39 weeks') AS st FROM o WHERE cust < 30 GROUP BY 1) s),
          (SELECT clv_state(cust, d, amount, '39 weeks')::text FROM o WHERE cust < 30),
          'clv_state: merged monthly states have the text of the direct state');
SELECT is((SELECT clv_state(c, t, a, '1 week')::text
             FROM (VALUES (2::int8, '1997-01-02'::timestamptz, 1.5::float8), (1, '1997-01-03', 2), (1, '1997-01-01', 3)) v(c, t, a)),
          'v2 key=int8 horizon_days=7 orders=1997-01-01:3:0100000000000000,1997-01-03:2:0100000000000000,1997-01-02:1.5:0200000000000000',
          'clv_state: version 2 text, orders sorted by key bytes, day, amount');
SELECT is('v1 key=int8 horizon_days=7 orders=1997-01-03:2:0100000000000000,1997-01-01:3:0100000000000000'::clv_state::text,
          'v2 key=int8 horizon_days=7 orders=1997-01-01:3:0100000000000000,1997-01-03:2:0100000000000000',
          'clv_state: version 1 text (orders in arrival order, as 1.1 wrote it) still reads');
SELECT is('v2'::clv_state::text, 'v2', 'clv_state: the empty state');
SELECT throws_ok($$SELECT 'v2 key=int8 horizon_days=7 orders=1997-01-03:2:0100000000000000,1997-01-01:3:0100000000000000'::clv_state$$,
                 '22P02', NULL, 'clv_state: version 2 with unsorted orders is 22P02');
SELECT throws_ok($$SELECT 'v2 key=int8 horizon_days=7 orders=1997-01-01:+3:0100000000000000'::clv_state$$,
                 '22P02', NULL, 'clv_state: a non-canonical amount (+3) is 22P02');
SELECT throws_ok($$SELECT 'v2 key=int8 horizon_days=7 orders=1997-01-01:3.0:0100000000000000'::clv_state$$,
                 '22P02', NULL, 'clv_state: a non-canonical amount (3.0) is 22P02');
SELECT throws_ok($$SELECT 'v02 key=int8 horizon_days=7 orders=1997-01-01:3:0100000000000000'::clv_state$$,
                 '22P02', NULL, 'clv_state: version v02 is 22P02');
SELECT throws_ok($$SELECT 'v2 key=int8 horizon_days=7 orders=1997-1-1:3:0100000000000000'::clv_state$$,
                 '22P02', NULL, 'clv_state: a non-canonical day (1997-1-1) is 22P02');
SELECT throws_ok($$SELECT 'v2 key=int8 horizon_days=7 orders=@ 1997-01-01:3:0100000000000000'::clv_state$$,
                 '22P02', NULL, 'clv_state: a day with a prefix is 22P02');
SELECT throws_ok($$SELECT 'v2 key=int8 horizon_days=7 orders=1997-01-01:3:0100000000000000,,1997-01-02:3:0100000000000000'::clv_state$$,
                 '22P02', NULL, 'clv_state: an empty order (,,) is 22P02');
SELECT throws_ok($$SELECT 'v2 key=int8 horizon_days=7 orders=1997-01-01:3:0100000000000000,'::clv_state$$,
                 '22P02', NULL, 'clv_state: a trailing comma is 22P02');
SELECT throws_ok($$SELECT 'v2 key=int8  horizon_days=7 orders=1997-01-01:3:0100000000000000'::clv_state$$,
                 '22P02', NULL, 'clv_state: two spaces between fields is 22P02');
SELECT throws_ok($$SELECT 'v2 key=int8 horizon_days=7 orders=1997-01-01:3:01000000000000AB'::clv_state$$,
                 '22P02', NULL, 'clv_state: upper-case hexadecimal is 22P02');
SELECT throws_ok($$SELECT 'v2 key=int8 horizon_days=7.0 orders='::clv_state$$,
                 '22P02', NULL, 'clv_state: a non-canonical horizon is 22P02');
SELECT throws_ok($$SELECT 'v2 '::clv_state$$, '22P02', NULL, 'clv_state: a trailing space is 22P02');
-- as a window aggregate: the state lives in the window's context; a
-- partition-wide frame equals the grouped value
SELECT is((SELECT count(*) FROM (SELECT DISTINCT cust % 2 AS k, clv(cust, d, amount, '39 weeks') OVER (PARTITION BY cust % 2) AS w FROM o) x
           JOIN (SELECT cust % 2 AS k, clv(cust, d, amount, '39 weeks') AS g FROM o GROUP BY 1) y USING (k)
           WHERE w IS NOT DISTINCT FROM g AND g IS NOT NULL),
          2::bigint, 'clv: over a partition-wide window frame equals GROUP BY');
SELECT is((SELECT count(*) FROM (SELECT DISTINCT cust % 2 AS k, clv(cust, d, amount::numeric, '39 weeks') OVER (PARTITION BY cust % 2) AS w FROM o) x
           JOIN (SELECT cust % 2 AS k, clv(cust, d, amount, '39 weeks') AS g FROM o GROUP BY 1) y USING (k)
           WHERE w IS NOT DISTINCT FROM g AND g IS NOT NULL),
          2::bigint, 'clv (numeric amount): over a partition-wide window frame equals the float8 form by GROUP BY');
SELECT ok(abs((SELECT clv(cust, d, amount, '39 weeks') FROM
                 (SELECT cust, d::timestamptz AS d, amount FROM o
                  UNION ALL SELECT NULL, '1997-01-01', 5 UNION ALL SELECT 1, NULL, 5 UNION ALL SELECT 1, '1997-01-01', NULL) s)
              - (SELECT v FROM cv)) < 1e-12, 'clv: rows with NULLs are skipped');
SELECT throws_ok($$SELECT clv(c, t, -1, '1 week') FROM (VALUES (1, '1997-01-01'::timestamptz), (1, '1997-02-01'), (2, '1997-01-01')) v(c, t)$$,
                 '22023', NULL, 'clv: a repeat customer with negative amounts is 22023');
SELECT throws_ok($$SELECT clv(1, now(), 10, NULL)$$, '22004', NULL, 'clv: NULL horizon is 22004');
SELECT throws_ok($$SELECT clv(1, now(), 10, '-1 day')$$, '22023', NULL, 'clv: negative horizon is 22023');
SELECT throws_ok($$SELECT 'v1 key=int8 horizon_days=7 orders=1997-01-01:5:01'::clv_state$$, '22P02', NULL, 'clv_state: short int8 key is 22P02');
SELECT throws_ok($$SELECT 'v1 key=blob horizon_days=7 orders='::clv_state$$, '22P02', NULL, 'clv_state: unknown key type is 22P02');
-- the customer-key rules of the order metrics: text keys in a
-- nondeterministic collation are refused, and a long key is a key
SELECT CASE WHEN EXISTS (SELECT FROM pg_collation WHERE collname = 'und-x-icu')
       THEN throws_ok($$CREATE COLLATION pg_temp.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
                        SELECT clv(c COLLATE pg_temp.ci, t, 1, '1 week') FROM (VALUES ('A'::text, '2024-01-01'::timestamptz), ('a', '2024-01-02')) v(c, t)$$,
                      '0A000', NULL, 'clv: text keys in a nondeterministic collation are refused (0A000), as the order metrics refuse them')
       ELSE skip('no ICU', 1) END;
SELECT is((SELECT clv_state(c, t, a, '1 week')::text::clv_state::text = clv_state(c, t, a, '1 week')::text
             FROM (VALUES (repeat('k', 5000), '2024-01-01'::timestamptz, 2::float8), (repeat('k', 5000), '2024-02-01', 3)) v(c, t, a)),
          true, 'clv_state: a text key of 5000 bytes is kept and reads back (no 1024-byte limit)');

-- timestamptz-form state text, and binary send/receive of every type (COPY BINARY)
SELECT is((SELECT st::text::clv_summary_state::text FROM
              (SELECT clv_summary_state(d::timestamptz, amount, '1997-09-30 12:00+00', '1 week') AS st FROM o WHERE cust = 7) s),
          (SELECT clv_summary_state(d::timestamptz, amount, '1997-09-30 12:00+00', '1 week')::text FROM o WHERE cust = 7),
          'clv_summary_state (timestamptz form): text round trip');
SELECT throws_ok($$SELECT 'v2 form=timestamptz observed_until=0 observed_day=2001-01-01 unit_days=7 first_amount=0 repeat_amount=0 days='::clv_summary_state$$,
                 '22P02', NULL, 'clv_summary_state: observed_day far from observed_until is 22P02');
CREATE TEMP TABLE bin_out AS
SELECT (SELECT m FROM fm) AS m,
       (SELECT clv_summary_state(d, amount, '1997-09-30'::date, '1 week') FROM o WHERE cust = 7) AS ss,
       (SELECT clv_fit_state(frequency, recency, age, monetary) FROM os) AS fs,
       (SELECT clv_state(cust::text, d, amount, '39 weeks') FROM o WHERE cust < 20) AS cs;
CREATE TEMP TABLE bin_in (LIKE bin_out);
\copy bin_out TO '/tmp/retention_clv_test.bin' (FORMAT binary)
\copy bin_in FROM '/tmp/retention_clv_test.bin' (FORMAT binary)
\! rm -f /tmp/retention_clv_test.bin
SELECT is((SELECT (m::text, ss::text, fs::text, cs::text) FROM bin_in),
          (SELECT (m::text, ss::text, fs::text, cs::text) FROM bin_out),
          'binary send/receive round trip of clv_model, clv_summary_state, clv_fit_state and clv_state');

-- ===================== parallel and partitionwise =====================
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(pg_temp.plan_has('SELECT clv_fit(frequency, recency, age, monetary) FROM os', 'Partial Aggregate'),
          'clv_fit: parallel plan with Partial Aggregate');
SELECT is((SELECT clv_fit(frequency, recency, age, monetary)::text FROM os), (SELECT m::text FROM fm),
          'clv_fit: parallel result equals serial');
SELECT ok(pg_temp.plan_has('SELECT clv_fit_state(f, r, a, m) FROM dup', 'Partial Aggregate'),
          'clv_fit_state: parallel plan with Partial Aggregate over the 20000 rows');
SELECT is((SELECT clv_fit_state(f, r, a, m)::text FROM dup), (SELECT s FROM dup_plain),
          'clv_fit_state: the workers'' states merged equal GROUP BY');
SELECT ok(pg_temp.plan_has('SELECT clv_summary(d, amount, ''1997-09-30''::date, ''1 week'') FROM o', 'Partial Aggregate'),
          'clv_summary: parallel plan with Partial Aggregate');
SELECT ok(pg_temp.same((SELECT clv_summary(d, amount, '1997-09-30'::date, '1 week') FROM o),
                       (SELECT pg_temp.plain_summary(array_agg(d), array_agg(amount), '1997-09-30') FROM o)),
          'clv_summary: parallel result over all orders equals plain SQL');
SELECT ok(pg_temp.plan_has('SELECT clv_summary(d, amount::numeric, ''1997-09-30''::date, ''1 week'') FROM o', 'Partial Aggregate'),
          'clv_summary (numeric amount): parallel plan with Partial Aggregate');
SELECT ok(pg_temp.same((SELECT clv_summary(d, amount::numeric, '1997-09-30'::date, '1 week') FROM o),
                       (SELECT pg_temp.plain_summary(array_agg(d), array_agg(amount), '1997-09-30') FROM o)),
          'clv_summary (numeric amount): parallel result over all orders equals plain SQL');
SELECT ok(pg_temp.plan_has('SELECT clv(cust, d, amount, ''39 weeks'') FROM o', 'Partial Aggregate'),
          'clv: parallel plan with Partial Aggregate');
SELECT ok(abs((SELECT clv(cust, d, amount, '39 weeks') FROM o) - (SELECT v FROM cv)) < 1e-9,
          'clv: parallel result equals serial');
SELECT ok(pg_temp.plan_has('SELECT clv(cust, d, amount::numeric, ''39 weeks'') FROM o', 'Partial Aggregate'),
          'clv (numeric amount): parallel plan with Partial Aggregate');
SELECT ok(abs((SELECT clv(cust, d, amount::numeric, '39 weeks') FROM o) - (SELECT v FROM cv)) < 1e-9,
          'clv (numeric amount): parallel result equals serial');

-- monetary values do not depend on the plan: 5000 customers' orders of
-- wildly different sizes, shuffled so that each customer's rows reach
-- several workers; serial and parallel agree to the bit, and both equal
-- the exact (numeric) mean repeat amount to within rounding
SELECT setseed(0.25);
CREATE TABLE mon AS
SELECT c, d, an::float8 AS a, an
  FROM (SELECT c, '2024-01-01'::date + (random() * 300)::int AS d,
               round((random() * 10 ^ (random() * 16 - 4))::numeric, 4) AS an
          FROM generate_series(1, 5000) c, generate_series(1, 8) k ORDER BY random()) x;
ALTER TABLE mon SET (parallel_workers = 2);
ANALYZE mon;
SELECT ok(pg_temp.plan_has('SELECT c, clv_summary(d, a, ''2024-12-31''::date, ''1 week'') FROM mon GROUP BY c', 'Partial'),
          'clv_summary by customer: a parallel plan with partial aggregation');
CREATE TEMP TABLE mon_par AS SELECT c, (clv_summary(d, a, '2024-12-31'::date, '1 week')).monetary FROM mon GROUP BY c;
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE mon_ser AS SELECT c, (clv_summary(d, a, '2024-12-31'::date, '1 week')).monetary FROM mon GROUP BY c;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT is((SELECT count(*) FROM mon_par p JOIN mon_ser s USING (c) WHERE p.monetary = s.monetary), 5000::bigint,
          'clv_summary: serial and parallel monetary values are equal for all 5000 customers');
SELECT is((SELECT count(*) FROM mon_ser s JOIN
             (SELECT c, ((sum(an) FILTER (WHERE d > first)) / nullif(count(DISTINCT d) - 1, 0))::float8 AS m
                FROM (SELECT c, d, an, min(d) OVER (PARTITION BY c) AS first FROM mon) x GROUP BY c) e USING (c)
           WHERE abs(s.monetary - coalesce(e.m, 0)) <= 2e-15 * abs(e.m) OR s.monetary = coalesce(e.m, 0)),
          5000::bigint, 'clv_summary: monetary equals the numeric mean of the repeat amounts (to the amounts'' rounding to double)');
SELECT is((SELECT clv_summary_state(st ORDER BY k DESC)::text
             FROM (SELECT k, clv_summary_state(d, a, '2024-12-31'::date, '1 week') AS st
                     FROM mon, LATERAL (SELECT (extract(doy FROM d)::int % 5) AS k) kk WHERE c = 17 GROUP BY k) s),
          (SELECT clv_summary_state(d, a, '2024-12-31'::date, '1 week' ORDER BY a)::text FROM mon WHERE c = 17),
          'clv_summary_state: merged partial states have the text of the direct state');

CREATE TABLE op (LIKE o) PARTITION BY RANGE (d);
CREATE TABLE op1 PARTITION OF op FOR VALUES FROM (MINVALUE) TO ('1997-04-01');
CREATE TABLE op2 PARTITION OF op FOR VALUES FROM ('1997-04-01') TO (MAXVALUE);
INSERT INTO op SELECT * FROM o;
ANALYZE op;
SET LOCAL enable_partitionwise_aggregate = on;
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT ok(pg_temp.plan_has('SELECT cust, clv_summary(d, amount, ''1997-09-30''::date, ''1 week'') FROM op GROUP BY cust', 'Partial'),
          'clv_summary: partitionwise plan aggregates partially per partition');
SELECT is((SELECT count(*) FROM (SELECT cust, clv_summary(d, amount, '1997-09-30'::date, '1 week') AS s FROM op GROUP BY cust) a
           JOIN (SELECT cust, clv_summary(d, amount, '1997-09-30'::date, '1 week') AS s FROM o GROUP BY cust) b USING (cust)
           WHERE pg_temp.same(a.s, b.s)),
          600::bigint, 'clv_summary: partitionwise result equals the plain table');

CREATE TABLE osp (LIKE os) PARTITION BY RANGE (cust);
CREATE TABLE osp1 PARTITION OF osp FOR VALUES FROM (MINVALUE) TO (300);
CREATE TABLE osp2 PARTITION OF osp FOR VALUES FROM (300) TO (MAXVALUE);
INSERT INTO osp SELECT * FROM os;
ANALYZE osp;
SELECT ok(pg_temp.plan_has('SELECT clv_fit(frequency, recency, age, monetary) FROM osp', 'Partial Aggregate'),
          'clv_fit: partitionwise plan aggregates partially per partition');
SELECT is((SELECT clv_fit(frequency, recency, age, monetary)::text FROM osp), (SELECT m::text FROM fm),
          'clv_fit: partitionwise result equals the plain table');

SELECT * FROM finish();
ROLLBACK;
