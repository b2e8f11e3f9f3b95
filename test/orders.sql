-- pgTAP tests of the order metrics (SPEC section 4): repeat_purchase_ratio,
-- loyal_customer_rate, purchase_frequency, time_between_purchases (timestamptz
-- and date), stickiness on the distinct-customer set (src/keyset.c) for int4,
-- int8, text and uuid keys, and return_rate / conversion_rate on the fixed
-- counters.  Edge cases, every error with its SQLSTATE, differential checks
-- against GROUP BY customer SQL on a skewed random order table, parallel and
-- partitionwise plans, window frames against a per-frame recomputation,
-- rollups, state text round trips and forged states.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(110);
SET LOCAL TimeZone = 'UTC';

-- The EXPLAIN (COSTS OFF) text of a query.
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

-- ~20k orders, skewed: 20 heavy customers take 30% of the orders, the rest
-- spread (random()*random() favours small ids) over ~8000 customers, most
-- of whom buy once; 1% of customer ids are NULL.
SELECT setseed(0.4242);
CREATE TABLE orders AS
SELECT i AS order_id,
       CASE WHEN i % 101 = 0 THEN NULL
            WHEN r < 0.3 THEN 1 + floor(random() * 20)::int8
            ELSE 1000 + floor(random() * random() * 16000)::int8 END AS customer_id,
       timestamptz '2024-01-01' + random() * interval '365 days' AS purchased_at,
       floor(random() * 5)::int8 AS units_sold,
       CASE WHEN random() < 0.1 THEN 1 ELSE 0 END::int8 AS units_returned,
       CASE WHEN i % 37 = 0 THEN NULL ELSE random() < 0.07 END AS returned,
       CASE WHEN i % 41 = 0 THEN NULL ELSE random() < 0.03 END AS converted
FROM (SELECT i, random() AS r FROM generate_series(1, 20000) i) s;
ALTER TABLE orders ADD COLUMN c4 int4, ADD COLUMN ctext text, ADD COLUMN cuuid uuid;
UPDATE orders SET c4 = customer_id::int4, ctext = 'cust-' || customer_id,
    cuuid = md5(customer_id::text)::uuid;
ANALYZE orders;

-- The metrics by month (and a NULL month: the whole table) for key column k.
CREATE FUNCTION pg_temp.q_ext(k text) RETURNS text LANGUAGE sql AS $$
SELECT format($q$
SELECT date_trunc('month', purchased_at) m,
       round(repeat_purchase_ratio(%1$s)::numeric, 9),
       round(loyal_customer_rate(%1$s, 3)::numeric, 9),
       round(purchase_frequency(%1$s)::numeric, 9),
       round(extract(epoch FROM time_between_purchases(%1$s, purchased_at)), 6),
       round(extract(epoch FROM time_between_purchases(%1$s, purchased_at::date)), 6),
       round(stickiness(%1$s, purchased_at::date)::numeric, 9)
FROM orders GROUP BY ROLLUP (1) ORDER BY 1$q$, k)
$$;

-- The same from GROUP BY customer SQL.
CREATE FUNCTION pg_temp.q_ref(k text) RETURNS text LANGUAGE sql AS $$
SELECT format($q$
WITH c AS (
    SELECT date_trunc('month', purchased_at) m, %1$s k, count(*) n,
           min(purchased_at) f, max(purchased_at) l,
           min(purchased_at::date) fd, max(purchased_at::date) ld
    FROM orders WHERE %1$s IS NOT NULL GROUP BY GROUPING SETS ((1, 2), (2))),
d AS (
    SELECT date_trunc('month', purchased_at) m, %1$s k, purchased_at::date d
    FROM orders WHERE %1$s IS NOT NULL GROUP BY GROUPING SETS ((1, 2, 3), (2, 3))),
s AS (
    SELECT m, 100.0 * (count(*)::numeric / (max(d) - min(d) + 1)) / count(DISTINCT k) st
    FROM d GROUP BY m)
SELECT c.m,
       round(100.0 * count(*) FILTER (WHERE n >= 2) / count(*), 9),
       round(100.0 * count(*) FILTER (WHERE n >= 3) / count(*), 9),
       round(sum(n)::numeric / count(*), 9),
       round(sum(extract(epoch FROM l - f)) FILTER (WHERE n >= 2) / nullif(sum(n - 1), 0), 6),
       round(sum((ld - fd) * 86400::numeric) FILTER (WHERE n >= 2) / nullif(sum(n - 1), 0), 6),
       round(s.st, 9)
FROM c JOIN s ON s.m IS NOT DISTINCT FROM c.m
GROUP BY c.m, s.st ORDER BY 1$q$, k)
$$;

-- ===================================================================
-- Differential checks against GROUP BY customer, every key type
-- ===================================================================
SELECT results_eq(pg_temp.q_ext('customer_id'), pg_temp.q_ref('customer_id'), 'int8 keys: monthly and total metrics equal the GROUP BY customer SQL');
SELECT results_eq(pg_temp.q_ext('c4'), pg_temp.q_ref('c4'), 'int4 keys: monthly and total metrics equal the GROUP BY customer SQL');
SELECT results_eq(pg_temp.q_ext('ctext'), pg_temp.q_ref('ctext'), 'text keys: monthly and total metrics equal the GROUP BY customer SQL');
SELECT results_eq(pg_temp.q_ext('cuuid'), pg_temp.q_ref('cuuid'), 'uuid keys: monthly and total metrics equal the GROUP BY customer SQL');
SELECT ok((SELECT count(*) FROM orders WHERE customer_id IS NULL) > 100
          AND (SELECT count(*) FROM (SELECT customer_id FROM orders GROUP BY 1 HAVING count(*) = 1) s) > 1000
          AND (SELECT max(n) FROM (SELECT count(*) n FROM orders GROUP BY customer_id) s) > 200,
          'the data is skewed: NULL customers, many one-time buyers, heavy buyers');
SELECT is((SELECT ARRAY[round(return_rate(units_sold, units_returned)::numeric, 9),
                        round(return_rate(returned)::numeric, 9),
                        round(conversion_rate(converted)::numeric, 9),
                        round(conversion_rate(units_returned, units_sold)::numeric, 9)] FROM orders),
          (SELECT ARRAY[round(100.0 * sum(units_returned) / sum(units_sold), 9),
                        round(100.0 * count(*) FILTER (WHERE returned) / count(returned), 9),
                        round(100.0 * count(*) FILTER (WHERE converted) / count(converted), 9),
                        round(100.0 * sum(units_returned) / sum(units_sold), 9)] FROM orders),
          'return_rate and conversion_rate equal the plain-SQL formulas');

-- ===================================================================
-- No rows, one row, all NULL, NULLs mixed in
-- ===================================================================
SELECT is((SELECT ARRAY[repeat_purchase_ratio(customer_id), loyal_customer_rate(customer_id, 2),
                        purchase_frequency(customer_id), stickiness(customer_id, purchased_at::date),
                        return_rate(units_sold, units_returned), return_rate(returned),
                        conversion_rate(converted), conversion_rate(units_returned, units_sold)]
           FROM orders WHERE false), ARRAY[NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL]::float8[],
          'no rows: every rate is NULL');
SELECT is((SELECT time_between_purchases(customer_id, purchased_at) FROM orders WHERE false), NULL, 'time_between_purchases: no rows is NULL');
SELECT is((SELECT repeat_purchase_ratio_state(customer_id)::text FROM orders WHERE false), NULL, 'repeat_purchase_ratio_state: no rows is NULL');
SELECT is((SELECT ARRAY[repeat_purchase_ratio(c), loyal_customer_rate(c, 1), purchase_frequency(c),
                        stickiness(c, d)]
           FROM (VALUES (7::int8, date '2024-05-01')) v(c, d)), ARRAY[0, 100, 1, 100]::float8[],
          'one row: repeat 0, loyal(1) 100, frequency 1, stickiness 100');
SELECT is((SELECT time_between_purchases(c, t) FROM (VALUES (7::int8, now())) v(c, t)), NULL, 'time_between_purchases: one order is NULL');
SELECT is((SELECT ARRAY[repeat_purchase_ratio(c), purchase_frequency(c), stickiness(c, d)]
           FROM (VALUES (NULL::text, NULL::date), (NULL, NULL)) v(c, d)), ARRAY[NULL, NULL, NULL]::float8[],
          'all NULL customers: NULL, never one customer');
SELECT is((SELECT time_between_purchases(c, t) FROM (VALUES (1, NULL::timestamptz), (1, NULL)) v(c, t)), NULL, 'time_between_purchases: NULL times are skipped');
SELECT is((SELECT ARRAY[repeat_purchase_ratio(c), purchase_frequency(c)]
           FROM (VALUES (1), (NULL), (1), (NULL), (2)) v(c)), ARRAY[50, 1.5]::float8[],
          'NULLs mixed in are skipped');
SELECT is((SELECT time_between_purchases(c, t) FROM (VALUES (1, date '2024-01-01'), (1, date '2024-01-11'), (1, NULL), (NULL, date '2020-01-01'), (2, date '2024-03-01')) v(c, t)),
          interval '10 days', 'time_between_purchases(date): NULLs skipped, 10 days');
SELECT is((SELECT time_between_purchases(c, t) FROM (VALUES (1, date '2024-01-01'), (1, date '2024-01-02'), (1, date '2024-01-04'), (2, date '2024-01-01'), (2, date '2024-01-02')) v(c, t)),
          interval '1 day 08:00', 'time_between_purchases: pooled (3 + 1 days) / (2 + 1) gaps');
SELECT is((SELECT stickiness(u, d) FROM (VALUES (1, date '2024-01-01'), (1, date '2024-01-01'), (2, date '2024-01-01'), (1, date '2024-01-04'), (NULL, date '2024-01-02'), (3, NULL)) v(u, d)),
          (100.0 * (3.0 / 4) / 2)::float8, 'stickiness: 3 user-days over 4 days (an idle day counts 0) / 2 users');
SELECT is((SELECT ARRAY[return_rate(s, r), conversion_rate(r, s)] FROM (VALUES (NULL::int8, 1::int8), (2, NULL), (0, 0)) v(s, r)), ARRAY[NULL, NULL]::float8[],
          'return_rate/conversion_rate: NULL pairs skipped, zero sold is NULL');
SELECT is((SELECT ARRAY[return_rate(b), conversion_rate(b)] FROM (VALUES (true), (NULL), (false), (false)) v(b)), ARRAY[100.0 / 3, 100.0 / 3]::float8[],
          'boolean forms: 100 * true / non-NULL');

-- ===================================================================
-- Errors
-- ===================================================================
SELECT throws_ok($$SELECT loyal_customer_rate(c, 0) FROM (VALUES (1)) v(c)$$, '22023', NULL, 'loyal_customer_rate: min_orders 0 is 22023');
SELECT throws_ok($$SELECT loyal_customer_rate(c, m) FROM (VALUES (1, 2), (2, 3)) v(c, m)$$, '22023', NULL, 'loyal_customer_rate: min_orders changing in a group is 22023');
SELECT throws_ok($$SELECT loyal_customer_rate(c, NULL) FROM (VALUES (1)) v(c)$$, '22004', NULL, 'loyal_customer_rate: NULL min_orders is 22004');
SELECT throws_ok($$SELECT loyal_customer_rate(s) FROM (SELECT loyal_customer_rate_state(1, 2) UNION ALL SELECT loyal_customer_rate_state(1, 3)) v(s)$$, '22023', NULL, 'loyal_customer_rate: merging states with different min_orders is 22023');
SELECT throws_ok($$SELECT return_rate(-1, 0)$$, '22003', NULL, 'return_rate: negative units sold is 22003');
SELECT throws_ok($$SELECT return_rate(1, -1)$$, '22003', NULL, 'return_rate: negative units returned is 22003');
SELECT throws_ok($$SELECT conversion_rate(-1, 5)$$, '22003', NULL, 'conversion_rate: negative conversions is 22003');
SELECT throws_ok($$SELECT conversion_rate(1, -5)$$, '22003', NULL, 'conversion_rate: negative visitors is 22003');
SELECT throws_ok($$SELECT time_between_purchases(1, timestamptz 'infinity')$$, '22008', NULL, 'time_between_purchases: infinite time is 22008');
SELECT throws_ok($$SELECT time_between_purchases(1, date '-infinity')$$, '22008', NULL, 'time_between_purchases: infinite date is 22008');
SELECT throws_ok($$SELECT stickiness(1, date 'infinity')$$, '22008', NULL, 'stickiness: infinite date is 22008');
SELECT throws_ok($$SELECT repeat_purchase_ratio(s) FROM (SELECT repeat_purchase_ratio_state(1) UNION ALL SELECT repeat_purchase_ratio_state('a'::text)) v(s)$$, '22023', NULL, 'merging int and text key states is 22023');
SELECT CASE WHEN EXISTS (SELECT FROM pg_collation WHERE collname = 'und-x-icu')
       THEN throws_ok($$CREATE COLLATION pg_temp.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
                        SELECT repeat_purchase_ratio(c COLLATE pg_temp.ci) FROM (VALUES ('a'::text)) v(c)$$,
                      '0A000', NULL, 'text keys in a nondeterministic collation are refused')
       ELSE skip('no ICU', 1) END;
SELECT throws_ok($$SELECT repeat_purchase_ratio_state_uncombine(repeat_purchase_ratio_state(1), repeat_purchase_ratio_state(2))$$, '22023', NULL, 'uncombine of a customer never added is 22023');
SELECT throws_ok($$SELECT purchase_frequency_state_combine('v1 int {1:9223372036854775807}', 'v1 int {1:1}')$$, '22003', NULL, 'a count overflowing int8 is 22003');

-- ===================================================================
-- Extreme values and the stored size
-- ===================================================================
SELECT is((SELECT repeat_purchase_ratio_state(c)::text FROM (VALUES (-9223372036854775808), (9223372036854775807), (0), (0)) v(c)),
          'v1 int {-9223372036854775808:1,0:2,9223372036854775807:1}', 'int8 extremes keep their order and value');
SELECT is((SELECT repeat_purchase_ratio_state(c)::text FROM (VALUES (-2147483648), (2147483647)) v(c)),
          'v1 int {-2147483648:1,2147483647:1}', 'int4 extremes');
SELECT is((SELECT repeat_purchase_ratio_state(c)::text FROM (VALUES (''), ('a"b\c'), ('é')) v(c)),
          'v1 text {"":1,"a\"b\\c":1,"é":1}', 'text keys: empty, quotes and backslashes escaped, multibyte');
SELECT ok(pg_column_size('v1 int {-9223372036854775808:4611686018427387903,9223372036854775807:4611686018427387904}'::purchase_frequency_state) <= 24 + 2 * 16,
          'worst case: at most 16 bytes per int8 customer with its count');
SELECT ok((SELECT pg_column_size(purchase_frequency_state(customer_id)) <= 24 + 16 * count(DISTINCT customer_id) FROM orders),
          '20k orders: at most 16 bytes per customer stored');
SELECT ok((SELECT pg_column_size(purchase_frequency_state(customer_id)) <= 24 + 4 * count(DISTINCT customer_id) FROM orders),
          '20k orders: dense ids take at most 4 bytes per customer');
-- Spans and dates at the int64 limit.  The longest span is 2^63 - 1
-- microseconds = 106751991 days 04:00:54.775807 (by hand: 86400e6 *
-- 106751991 = 9223372022400000000, and 14454775807 us remain); one
-- microsecond more overflows (PostgreSQL 15's own timestamptz subtraction
-- wraps there silently, so it cannot serve as the reference).
SELECT throws_ok($$SELECT time_between_purchases(c, t) FROM (VALUES (1, timestamptz '4713-11-24 00:00:00+00 BC'), (1, timestamptz '294276-12-31 23:59:59+00')) v(c, t)$$,
                 '22003', NULL, 'time_between_purchases: a span over the whole timestamptz range is 22003');
SELECT throws_ok($$SELECT time_between_purchases(c, t) FROM (VALUES (1, date '4713-11-24 BC'), (1, date '294276-12-31')) v(c, t)$$,
                 '22003', NULL, 'time_between_purchases(date): a span over the whole range is 22003');
SELECT throws_ok($$SELECT time_between_purchases(1, date '300000-01-01')$$, '22008', NULL,
                 'time_between_purchases(date): a date beyond the timestamp range is 22008');
SELECT throws_ok($$SELECT time_between_purchases(1, date '294277-01-01')$$, '22008', NULL,
                 'time_between_purchases(date): the first date beyond the timestamp range is 22008');
SELECT is((SELECT time_between_purchases(c, t) FROM (VALUES (1, date '4713-11-24 BC'), (1, date '294276-12-31'), (1, date '4713-11-24 BC')) v(c, t) WHERE false), NULL,
          'time_between_purchases(date): the extreme dates themselves are accepted (no rows)');
SELECT is((SELECT time_between_purchases(c, t) FROM (VALUES (1, date '4713-11-24 BC'), (1, date '4713-11-25 BC'), (2, date '294276-12-30'), (2, date '294276-12-31')) v(c, t)),
          interval '1 day', 'time_between_purchases(date): the first and last dates of the range');
SELECT is(time_between_purchases('v1 int {1:2:-211813488000000000:9011558548854775807}'::time_between_purchases_state),
          interval '106751991 days 04:00:54.775807', 'time_between_purchases: the longest span, 2^63 - 1 microseconds');
SELECT throws_ok($$SELECT 'v1 int {1:2:-211813488000000000:9011558548854775808}'::time_between_purchases_state$$, '22P02', NULL,
                 'forged: a span of 2^63 microseconds');
SELECT throws_ok($$SELECT time_between_purchases(s) FROM (VALUES ('v1 int {1:1:-211813488000000000:-211813488000000000}'::time_between_purchases_state),
                                                                  ('v1 int {1:1:9223371331199999999:9223371331199999999}')) v(s)$$,
                 '22003', NULL, 'time_between_purchases: merging two valid states into an overflowing span is 22003');
SELECT throws_ok($$SELECT time_between_purchases_state(s) FROM (VALUES ('v1 int {1:1:-211813488000000000:-211813488000000000}'::time_between_purchases_state),
                                                                        ('v1 int {1:1:9011558548854775808:9011558548854775808}')) v(s)$$,
                 '22003', NULL, 'time_between_purchases_state: merging into a span of 2^63 microseconds is 22003');
SELECT is((SELECT time_between_purchases(s) FROM (VALUES ('v1 int {1:1:-211813488000000000:-211813488000000000}'::time_between_purchases_state),
                                                         ('v1 int {1:1:9011558548854775807:9011558548854775807}')) v(s)),
          interval '106751991 days 04:00:54.775807', 'time_between_purchases: merging into the longest span');

-- ===================================================================
-- State text round trips and forged states
-- ===================================================================
SELECT is((SELECT s::text::repeat_purchase_ratio_state::text = s::text FROM (SELECT repeat_purchase_ratio_state(customer_id) s FROM orders) q), true, 'repeat_purchase_ratio_state text round trip (int8)');
CREATE TEMP TABLE stored AS SELECT stickiness_state(ctext, purchased_at::date) s FROM orders;
SELECT is((SELECT s::text FROM stored), (SELECT stickiness_state(ctext, purchased_at::date)::text FROM orders),
          'a state larger than a page is stored (toasted) and read back');
SELECT is((SELECT s::text::loyal_customer_rate_state::text = s::text FROM (SELECT loyal_customer_rate_state(cuuid, 4) s FROM orders) q), true, 'loyal_customer_rate_state text round trip (uuid)');
SELECT is((SELECT s::text::purchase_frequency_state::text = s::text FROM (SELECT purchase_frequency_state(ctext) s FROM orders) q), true, 'purchase_frequency_state text round trip (text)');
SELECT is((SELECT s::text::time_between_purchases_state::text = s::text FROM (SELECT time_between_purchases_state(c4, purchased_at) s FROM orders) q), true, 'time_between_purchases_state text round trip (int4)');
SELECT is((SELECT s::text::stickiness_state::text = s::text FROM (SELECT stickiness_state(ctext, purchased_at::date) s FROM orders) q), true, 'stickiness_state text round trip (text)');
SELECT is((SELECT s::text::stickiness_state::text = s::text FROM (SELECT stickiness_state(customer_id, purchased_at::date) s FROM orders) q), true, 'stickiness_state text round trip (int8)');
SELECT throws_ok($$SELECT ' v1  int { 3:1 , 1:2 } '::repeat_purchase_ratio_state$$, '22P02', NULL, 'text input: spaces and any order are not the canonical form');
SELECT is('v1 empty {}'::repeat_purchase_ratio_state::text, 'v1 empty {}', 'empty state round trip');
SELECT is(repeat_purchase_ratio('v1 int {1:2,3:1}'::repeat_purchase_ratio_state), 50::float8, 'a state typed in gives the metric');
SELECT ok(length(repeat_purchase_ratio_state_send('v1 int {1:2,3:1}')) > 24, 'binary send');
SELECT throws_ok($$SELECT 'v2 int {1:1}'::repeat_purchase_ratio_state$$, '22P02', NULL, 'forged: unknown version');
SELECT throws_ok($$SELECT 'v1 float {1:1}'::repeat_purchase_ratio_state$$, '22P02', NULL, 'forged: unknown key kind');
SELECT throws_ok($$SELECT 'v1 int {1:0}'::repeat_purchase_ratio_state$$, '22P02', NULL, 'forged: zero count');
SELECT throws_ok($$SELECT 'v1 int {1:-3}'::repeat_purchase_ratio_state$$, '22P02', NULL, 'forged: negative count');
SELECT throws_ok($$SELECT 'v1 int {1:1,1:2}'::repeat_purchase_ratio_state$$, '22P02', NULL, 'forged: duplicate customer');
SELECT throws_ok($$SELECT 'v1 int {1:1}x'::repeat_purchase_ratio_state$$, '22P02', NULL, 'forged: trailing text');
SELECT throws_ok($$SELECT 'v1 int {1:1'::repeat_purchase_ratio_state$$, '22P02', NULL, 'forged: unterminated');
SELECT throws_ok($$SELECT 'v1 int {9223372036854775808:1}'::repeat_purchase_ratio_state$$, '22P02', NULL, 'forged: key beyond int8');
SELECT throws_ok($$SELECT 'v1 int {}'::repeat_purchase_ratio_state$$, '22P02', NULL, 'forged: a key kind without entries');
SELECT throws_ok($$SELECT 'v1 empty {1:1}'::repeat_purchase_ratio_state$$, '22P02', NULL, 'forged: entries in an empty state');
SELECT throws_ok($$SELECT 'v1 text {"abc:1}'::repeat_purchase_ratio_state$$, '22P02', NULL, 'forged: unterminated text key');
SELECT throws_ok($$SELECT 'v1 text {abc:1}'::repeat_purchase_ratio_state$$, '22P02', NULL, 'forged: unquoted text key');
SELECT throws_ok($$SELECT 'v1 uuid {not-a-uuid-at-all-not-a-uuid-at-all:1}'::repeat_purchase_ratio_state$$, '22P02', NULL, 'forged: bad uuid');
SELECT throws_ok($$SELECT 'v1 int {1:1}'::loyal_customer_rate_state$$, '22P02', NULL, 'forged: loyal state without min_orders');
SELECT throws_ok($$SELECT 'v1 int min_orders=0 {1:1}'::loyal_customer_rate_state$$, '22P02', NULL, 'forged: min_orders 0');
SELECT throws_ok($$SELECT 'v1 int {1:2:100:50}'::time_between_purchases_state$$, '22P02', NULL, 'forged: first purchase after last');
SELECT throws_ok($$SELECT 'v1 int {1:2}'::time_between_purchases_state$$, '22P02', NULL, 'forged: span state without times');
SELECT throws_ok($$SELECT 'v1 int {1:2:0:9223372036854775807}'::time_between_purchases_state$$, '22P02', NULL, 'forged: purchase time out of range');
SELECT throws_ok($$SELECT 'v1 int {1@2024-02-30:1}'::stickiness_state$$, '22P02', NULL, 'forged: invalid day');
SELECT throws_ok($$SELECT 'v1 int {1:1}'::stickiness_state$$, '22P02', NULL, 'forged: stickiness entry without a day');

-- Binary send/receive through COPY (FORMAT binary), and forged binary states:
-- the file is read back, one byte changed, and written again.
CREATE FUNCTION pg_temp.bin_path() RETURNS text LANGUAGE sql AS
$$ SELECT '/tmp/retention_orders_' || pg_backend_pid() || '.bin' $$;
CREATE FUNCTION pg_temp.copy_out(q text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN EXECUTE format('COPY (%s) TO %L (FORMAT binary)', q, pg_temp.bin_path()); END $$;
CREATE FUNCTION pg_temp.copy_in(typ text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
    EXECUTE format('CREATE TEMP TABLE bin_rt (s %s)', typ);
    EXECUTE format('COPY bin_rt FROM %L (FORMAT binary)', pg_temp.bin_path());
    SELECT s::text INTO r FROM bin_rt;
    DROP TABLE bin_rt;
    RETURN r;
END $$;
-- Rewrite the file with byte pos (0-based, of the whole COPY file) set to val.
CREATE FUNCTION pg_temp.forge(pos int, val int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE b bytea := set_byte(pg_read_binary_file(pg_temp.bin_path()), pos, val);
BEGIN
    EXECUTE format('COPY (SELECT %L) TO PROGRAM %L', translate(encode(b, 'base64'), E'\n', ''),
                   'base64 -d > ' || pg_temp.bin_path());
END $$;
DO $d$ BEGIN PERFORM pg_temp.copy_out($$SELECT stickiness_state(cuuid, purchased_at::date) FROM orders WHERE order_id < 500$$); END $d$;
SELECT is(pg_temp.copy_in('stickiness_state'),
          (SELECT stickiness_state(cuuid, purchased_at::date)::text FROM orders WHERE order_id < 500), 'binary round trip (stickiness_state, uuid)');
DO $d$ BEGIN PERFORM pg_temp.copy_out($$SELECT time_between_purchases_state(customer_id, purchased_at) FROM orders$$); END $d$;
SELECT is(pg_temp.copy_in('time_between_purchases_state'),
          (SELECT time_between_purchases_state(customer_id, purchased_at)::text FROM orders), 'binary round trip (time_between_purchases_state, int8)');
SELECT throws_ok($$SELECT pg_temp.copy_in('repeat_purchase_ratio_state')$$, '22P03', NULL, 'forged binary: a state of another type');
-- COPY header 19 bytes, field count 2, length 4: the state starts at byte 25:
-- version, layout, key kind, flags, param (4), reserved (4), entries (8),
-- then for v1 int {1:2,3:1}: first key (10-byte varint), count, delta, count.
DO $d$ BEGIN PERFORM pg_temp.copy_out($$SELECT 'v1 int {1:2,3:1}'::repeat_purchase_ratio_state$$); END $d$;
SELECT is(pg_temp.copy_in('repeat_purchase_ratio_state'), 'v1 int {1:2,3:1}', 'binary round trip (repeat_purchase_ratio_state)');
DO $d$ BEGIN PERFORM pg_temp.forge(25, 9); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in('repeat_purchase_ratio_state')$$, '22P03', NULL, 'forged binary: unknown version');
DO $d$ BEGIN PERFORM pg_temp.forge(25, 1), pg_temp.forge(27, 7); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in('repeat_purchase_ratio_state')$$, '22P03', NULL, 'forged binary: unknown key kind');
DO $d$ BEGIN PERFORM pg_temp.forge(27, 1), pg_temp.forge(44, 3); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in('repeat_purchase_ratio_state')$$, '22P03', NULL, 'forged binary: more entries than data');
DO $d$ BEGIN PERFORM pg_temp.forge(44, 2), pg_temp.forge(55, 0); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in('repeat_purchase_ratio_state')$$, '22P03', NULL, 'forged binary: zero count');
DO $d$ BEGIN PERFORM pg_temp.forge(55, 2), pg_temp.forge(56, 0); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in('repeat_purchase_ratio_state')$$, '22P03', NULL, 'forged binary: keys not increasing');
DO $d$ BEGIN PERFORM pg_temp.forge(56, 128); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in('repeat_purchase_ratio_state')$$, '22P03', NULL, 'forged binary: truncated varint');
DO $d$ BEGIN PERFORM pg_temp.forge(56, 2); END $d$;
SELECT is(pg_temp.copy_in('repeat_purchase_ratio_state'), 'v1 int {1:2,3:1}', 'the repaired file reads back (the forgeries hit the intended bytes)');
DO $$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'cat >/dev/null; rm -f ' || pg_temp.bin_path()); END $$;

-- ===================================================================
-- Rollups: daily states merged per month equal the monthly metric
-- ===================================================================
CREATE TEMP TABLE daily AS
SELECT purchased_at::date AS d,
       repeat_purchase_ratio_state(customer_id) rpr, loyal_customer_rate_state(ctext, 3) loyal,
       purchase_frequency_state(cuuid) pf, time_between_purchases_state(c4, purchased_at) tbp,
       stickiness_state(customer_id, purchased_at::date) st
FROM orders GROUP BY 1;
SELECT results_eq(
    $$SELECT date_trunc('month', d), repeat_purchase_ratio(rpr), loyal_customer_rate(loyal), purchase_frequency(pf),
             time_between_purchases(tbp), stickiness(st)
      FROM daily GROUP BY 1 ORDER BY 1$$,
    $$SELECT date_trunc('month', purchased_at::date), repeat_purchase_ratio(customer_id), loyal_customer_rate(ctext, 3),
             purchase_frequency(cuuid), time_between_purchases(c4, purchased_at), stickiness(customer_id, purchased_at::date)
      FROM orders GROUP BY 1 ORDER BY 1$$,
    'rollup: daily states merged per month give the monthly metrics');
SELECT results_eq(
    $$SELECT date_trunc('month', d), repeat_purchase_ratio_state(rpr)::text, loyal_customer_rate_state(loyal)::text,
             purchase_frequency_state(pf)::text, time_between_purchases_state(tbp)::text, stickiness_state(st)::text
      FROM daily GROUP BY 1 ORDER BY 1$$,
    $$SELECT date_trunc('month', purchased_at::date), repeat_purchase_ratio_state(customer_id)::text, loyal_customer_rate_state(ctext, 3)::text,
             purchase_frequency_state(cuuid)::text, time_between_purchases_state(c4, purchased_at)::text,
             stickiness_state(customer_id, purchased_at::date)::text
      FROM orders GROUP BY 1 ORDER BY 1$$,
    'rollup: merged daily states are identical to the monthly states');
SELECT is((SELECT repeat_purchase_ratio(s) FROM (SELECT repeat_purchase_ratio_state(c) s
           FROM (VALUES (date '2024-01-01', 1), (date '2024-01-02', 1), (date '2024-01-02', 2)) v(d, c) GROUP BY d) q),
          50::float8, 'rollup: a customer buying on two days is a repeat buyer of the month');
SELECT is((SELECT return_rate(s) FROM (SELECT return_rate_state(units_sold, units_returned) s FROM orders GROUP BY purchased_at::date) q),
          (SELECT return_rate(units_sold, units_returned) FROM orders), 'rollup: return_rate from daily states');
SELECT is((SELECT conversion_rate(s) FROM (SELECT conversion_rate_state(converted) s FROM orders GROUP BY purchased_at::date) q),
          (SELECT conversion_rate(converted) FROM orders), 'rollup: conversion_rate from daily states');
-- sliding 7-day windows over daily states (uncombine) against the direct metric
SELECT results_eq(
    $$SELECT d, round(repeat_purchase_ratio(rpr) OVER w::numeric, 9), round(purchase_frequency(pf) OVER w::numeric, 9),
             round(stickiness(st) OVER w::numeric, 9), time_between_purchases(tbp) OVER w
      FROM daily WINDOW w AS (ORDER BY d ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) ORDER BY d$$,
    $$SELECT d, (SELECT round(repeat_purchase_ratio(customer_id)::numeric, 9) FROM orders WHERE purchased_at::date BETWEEN d - 6 AND d),
             (SELECT round(purchase_frequency(cuuid)::numeric, 9) FROM orders WHERE purchased_at::date BETWEEN d - 6 AND d),
             (SELECT round(stickiness(customer_id, purchased_at::date)::numeric, 9) FROM orders WHERE purchased_at::date BETWEEN d - 6 AND d),
             (SELECT time_between_purchases(c4, purchased_at) FROM orders WHERE purchased_at::date BETWEEN d - 6 AND d)
      FROM daily ORDER BY d$$,
    'window over stored daily states (7 rows sliding) equals the direct metric of each 7 days');

-- A frame of 12000 rows holds thousands of customers: the keyset then
-- inserts rows in prefetched batches (tables of 8192 slots and more) while
-- the inverse transition removes the oldest row, and every read of the
-- frame's value must see the batch; time_between_purchases batches first
-- and last purchase too.  Checked at every 1000th row.
SELECT results_eq(
    $$SELECT order_id, r, l, p, t FROM (
        SELECT order_id, round(repeat_purchase_ratio(customer_id) OVER f::numeric, 9) r,
               round(loyal_customer_rate(ctext, 3) OVER f::numeric, 9) l,
               round(purchase_frequency(cuuid) OVER f::numeric, 9) p,
               round(extract(epoch FROM time_between_purchases(ctext, purchased_at) OVER f), 6) t
        FROM orders WINDOW f AS (ORDER BY order_id ROWS BETWEEN 11999 PRECEDING AND CURRENT ROW)) x
      WHERE order_id % 1000 = 0 AND order_id >= 12000 ORDER BY 1$$,
    $$SELECT o.order_id,
             (SELECT round(100.0 * count(*) FILTER (WHERE n >= 2) / count(*), 9) FROM
                (SELECT count(*) n FROM orders x WHERE x.order_id BETWEEN o.order_id - 11999 AND o.order_id AND customer_id IS NOT NULL GROUP BY customer_id) s),
             (SELECT round(100.0 * count(*) FILTER (WHERE n >= 3) / count(*), 9) FROM
                (SELECT count(*) n FROM orders x WHERE x.order_id BETWEEN o.order_id - 11999 AND o.order_id AND ctext IS NOT NULL GROUP BY ctext) s),
             (SELECT round(sum(n)::numeric / count(*), 9) FROM
                (SELECT count(*) n FROM orders x WHERE x.order_id BETWEEN o.order_id - 11999 AND o.order_id AND cuuid IS NOT NULL GROUP BY cuuid) s),
             (SELECT round(sum(extract(epoch FROM l - f)) FILTER (WHERE n >= 2) / nullif(sum(n - 1), 0), 6) FROM
                (SELECT count(*) n, min(purchased_at) f, max(purchased_at) l FROM orders x
                 WHERE x.order_id BETWEEN o.order_id - 11999 AND o.order_id AND ctext IS NOT NULL GROUP BY ctext) s)
      FROM orders o WHERE o.order_id % 1000 = 0 AND o.order_id >= 12000 ORDER BY 1$$,
    'ROWS 11999 PRECEDING sliding window (thousands of customers per frame) equals the plain SQL at every 1000th row');
SELECT ok((SELECT count(DISTINCT customer_id) FROM orders WHERE order_id <= 12000) > 3072,
          'a 12000-row frame has over 3072 customers, so its table has 8192 slots or more and inserts in batches');

-- ===================================================================
-- Window frames against the plain-SQL recomputation of each frame
-- ===================================================================
CREATE TEMP TABLE w AS SELECT * FROM orders WHERE order_id <= 3000;
SELECT results_eq(
    $$SELECT order_id, round(repeat_purchase_ratio(customer_id) OVER f::numeric, 9),
             round(loyal_customer_rate(ctext, 2) OVER f::numeric, 9), round(purchase_frequency(cuuid) OVER f::numeric, 9),
             round(extract(epoch FROM time_between_purchases(c4, purchased_at) OVER f), 6),
             round(stickiness(customer_id, purchased_at::date) OVER f::numeric, 9)
      FROM w WINDOW f AS (ORDER BY order_id ROWS BETWEEN 40 PRECEDING AND CURRENT ROW) ORDER BY 1$$,
    $$SELECT o.order_id,
             (SELECT round(100.0 * count(*) FILTER (WHERE n >= 2) / nullif(count(*), 0), 9) FROM
                (SELECT count(*) n FROM w x WHERE x.order_id BETWEEN o.order_id - 40 AND o.order_id AND customer_id IS NOT NULL GROUP BY customer_id) s),
             (SELECT round(100.0 * count(*) FILTER (WHERE n >= 2) / nullif(count(*), 0), 9) FROM
                (SELECT count(*) n FROM w x WHERE x.order_id BETWEEN o.order_id - 40 AND o.order_id AND ctext IS NOT NULL GROUP BY ctext) s),
             (SELECT round(sum(n)::numeric / nullif(count(*), 0), 9) FROM
                (SELECT count(*) n FROM w x WHERE x.order_id BETWEEN o.order_id - 40 AND o.order_id AND cuuid IS NOT NULL GROUP BY cuuid) s),
             (SELECT round(sum(extract(epoch FROM l - f)) FILTER (WHERE n >= 2) / nullif(sum(n - 1), 0), 6) FROM
                (SELECT count(*) n, min(purchased_at) f, max(purchased_at) l FROM w x WHERE x.order_id BETWEEN o.order_id - 40 AND o.order_id AND c4 IS NOT NULL GROUP BY c4) s),
             (SELECT round(100.0 * (count(*)::numeric / (max(d) - min(d) + 1)) / nullif(count(DISTINCT customer_id), 0), 9) FROM
                (SELECT DISTINCT customer_id, purchased_at::date d FROM w x WHERE x.order_id BETWEEN o.order_id - 40 AND o.order_id AND customer_id IS NOT NULL) s)
      FROM w o ORDER BY 1$$,
    'ROWS 40 PRECEDING sliding window equals the plain SQL of each frame');
SELECT results_eq(
    $$SELECT order_id, round(repeat_purchase_ratio(customer_id) OVER f::numeric, 9),
             round(extract(epoch FROM time_between_purchases(customer_id, purchased_at) OVER f), 6),
             round(stickiness(ctext, purchased_at::date) OVER f::numeric, 9),
             round(return_rate(units_sold, units_returned) OVER f::numeric, 9), round(conversion_rate(converted) OVER f::numeric, 9)
      FROM w WINDOW f AS (ORDER BY purchased_at RANGE BETWEEN interval '5 days' PRECEDING AND CURRENT ROW) ORDER BY 1$$,
    $$SELECT o.order_id,
             (SELECT round(100.0 * count(*) FILTER (WHERE n >= 2) / nullif(count(*), 0), 9) FROM
                (SELECT count(*) n FROM w x WHERE x.purchased_at BETWEEN o.purchased_at - interval '5 days' AND o.purchased_at AND customer_id IS NOT NULL GROUP BY customer_id) s),
             (SELECT round(sum(extract(epoch FROM l - f)) FILTER (WHERE n >= 2) / nullif(sum(n - 1), 0), 6) FROM
                (SELECT count(*) n, min(purchased_at) f, max(purchased_at) l FROM w x WHERE x.purchased_at BETWEEN o.purchased_at - interval '5 days' AND o.purchased_at AND customer_id IS NOT NULL GROUP BY customer_id) s),
             (SELECT round(100.0 * (count(*)::numeric / (max(d) - min(d) + 1)) / nullif(count(DISTINCT ctext), 0), 9) FROM
                (SELECT DISTINCT ctext, purchased_at::date d FROM w x WHERE x.purchased_at BETWEEN o.purchased_at - interval '5 days' AND o.purchased_at AND ctext IS NOT NULL) s),
             (SELECT round(100.0 * sum(units_returned) / nullif(sum(units_sold), 0), 9) FROM w x WHERE x.purchased_at BETWEEN o.purchased_at - interval '5 days' AND o.purchased_at),
             (SELECT round(100.0 * count(*) FILTER (WHERE converted) / nullif(count(converted), 0), 9) FROM w x WHERE x.purchased_at BETWEEN o.purchased_at - interval '5 days' AND o.purchased_at)
      FROM w o ORDER BY 1$$,
    'RANGE 5 days PRECEDING window equals the plain SQL of each frame');

-- ===================================================================
-- Many groups: HashAgg (also spilling to disk) equals sorted GroupAggregate
-- ===================================================================
CREATE TEMP TABLE grouped_sorted AS
SELECT customer_id % 997 AS g, repeat_purchase_ratio_state(ctext)::text a,
       time_between_purchases_state(customer_id, purchased_at)::text b,
       stickiness_state(cuuid, purchased_at::date)::text c
FROM orders GROUP BY 1;
SET LOCAL enable_sort = off;
SET LOCAL work_mem = '64kB';
SELECT matches(pg_temp.plan_of($$SELECT customer_id % 997, repeat_purchase_ratio_state(ctext) FROM orders GROUP BY 1$$),
               'HashAggregate', 'many groups: the plan is a HashAggregate');
SELECT results_eq(
    $$SELECT customer_id % 997, repeat_purchase_ratio_state(ctext)::text,
             time_between_purchases_state(customer_id, purchased_at)::text,
             stickiness_state(cuuid, purchased_at::date)::text FROM orders GROUP BY 1 ORDER BY 1$$,
    $$SELECT * FROM grouped_sorted ORDER BY 1$$,
    'many groups: HashAggregate spilling to disk gives the sorted GroupAggregate states');
RESET enable_sort;
RESET work_mem;

-- ===================================================================
-- Forced parallel plans give the serial results (states compared exactly)
-- ===================================================================
CREATE TEMP TABLE serial AS
SELECT repeat_purchase_ratio_state(customer_id)::text a, loyal_customer_rate_state(ctext, 2)::text b,
       purchase_frequency_state(cuuid)::text c, time_between_purchases_state(c4, purchased_at)::text d,
       stickiness_state(ctext, purchased_at::date)::text e, return_rate_state(units_sold, units_returned)::text f,
       conversion_rate_state(converted)::text g, repeat_purchase_ratio(customer_id) h
FROM orders;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
ALTER TABLE orders SET (parallel_workers = 2);
SELECT matches(pg_temp.plan_of($$SELECT repeat_purchase_ratio_state(customer_id) FROM orders$$),
               'Partial Aggregate.*Parallel Seq Scan', 'parallel: plan has Partial Aggregate over a parallel scan');
SELECT results_eq(
    $$SELECT repeat_purchase_ratio_state(customer_id)::text, loyal_customer_rate_state(ctext, 2)::text,
       purchase_frequency_state(cuuid)::text, time_between_purchases_state(c4, purchased_at)::text,
       stickiness_state(ctext, purchased_at::date)::text, return_rate_state(units_sold, units_returned)::text,
       conversion_rate_state(converted)::text, repeat_purchase_ratio(customer_id) FROM orders$$,
    $$SELECT * FROM serial$$, 'parallel: every state and metric identical to serial');
SELECT results_eq(pg_temp.q_ext('ctext'), pg_temp.q_ref('ctext'), 'parallel: grouped metrics equal the GROUP BY customer SQL');
RESET max_parallel_workers_per_gather;

-- ===================================================================
-- Partitionwise aggregation merges partition states
-- ===================================================================
CREATE TABLE orders_p (LIKE orders) PARTITION BY RANGE (purchased_at);
CREATE TABLE orders_p1 PARTITION OF orders_p FOR VALUES FROM ('2024-01-01') TO ('2024-05-01');
CREATE TABLE orders_p2 PARTITION OF orders_p FOR VALUES FROM ('2024-05-01') TO ('2024-09-01');
CREATE TABLE orders_p3 PARTITION OF orders_p FOR VALUES FROM ('2024-09-01') TO ('2025-01-01');
INSERT INTO orders_p SELECT * FROM orders;
ANALYZE orders_p;
SET LOCAL enable_partitionwise_aggregate = on;
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT matches(pg_temp.plan_of($$SELECT repeat_purchase_ratio_state(customer_id) FROM orders_p$$),
               'Finalize Aggregate.*Partial Aggregate.*Partial Aggregate', 'partitionwise: partial aggregates per partition');
SELECT results_eq(
    $$SELECT repeat_purchase_ratio_state(customer_id)::text, loyal_customer_rate_state(ctext, 2)::text,
       purchase_frequency_state(cuuid)::text, time_between_purchases_state(c4, purchased_at)::text,
       stickiness_state(ctext, purchased_at::date)::text, return_rate_state(units_sold, units_returned)::text,
       conversion_rate_state(converted)::text, repeat_purchase_ratio(customer_id) FROM orders_p$$,
    $$SELECT * FROM serial$$, 'partitionwise: every state and metric identical to serial');

SELECT * FROM finish();
ROLLBACK;
