-- pgTAP tests of the customer key types of issue 24
-- (sql/install/71_customer_key_types.sql, 78_customer_key_types_more.sql,
-- src/customer_key_extra.c).  First, driven by retention_catalog, every keyed
-- aggregate (first argument customer_id or user_id) resolves for every key
-- type and gives the int8 form's result; then, for the order metrics and
-- cohort_retention in detail: hand values, the same customer under
-- every integer type, merged states, every error with its SQLSTATE,
-- extremes, a differential check against plain SQL, parallel plans and a
-- sliding window.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(51);
-- The SQLSTATE a statement raises, NULL when it runs.
CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END $$;

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

-- Every keyed aggregate of retention_catalog, for every key type users'
-- tables have: the call resolves (no 42725 "not unique", no 42883 "does not
-- exist"), and over the same customers it gives what the int8 form gives.
-- Driven by the catalog, so an aggregate added later without these key
-- types fails here.  Each argument gets a value by its name (an argument
-- name not in the list below fails the test, so the list grows with the
-- aggregates); the key is k under each type.
-- Orders of 300 customers shaped as BG/NBD assumes (each buys at a random
-- rate until a random end), so that clv's fit converges; a customer's
-- cohort is the month of their first order.
SELECT setseed(0.24);
CREATE TABLE key_rows AS
WITH c AS (SELECT g AS k, date '2024-01-01' + floor(random() * 90)::int AS first,
                  -ln(random()) * 0.05 AS rate, -ln(random()) * 150 AS life, 5 + random() * 60 AS spend
             FROM generate_series(1, 300) g)
SELECT k, date_trunc('month', first)::date AS cs, d, (d + time '10:00')::timestamptz AS ts,
       round((spend * (0.5 + random()))::numeric, 2) AS amount
  FROM (SELECT k, first, first AS d, spend FROM c
        UNION ALL
        SELECT k, first, first + floor(random() * life)::int, spend
          FROM c, generate_series(1, floor(c.rate * c.life)::int)) s;
INSERT INTO key_rows VALUES (NULL, date '2024-01-01', date '2024-02-01', timestamptz '2024-02-03', 5);

CREATE FUNCTION pg_temp.keyed_call(agg regprocedure, keytype text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    p pg_proc;
    args text[] := '{}';
    i int;
    t text;
    expr text;
BEGIN
    SELECT * INTO p FROM pg_proc WHERE oid = agg;
    FOR i IN 1 .. p.pronargs - 1 LOOP
        t := format_type(p.proargtypes[i], NULL);
        expr := CASE p.proargnames[i + 1]
            WHEN 'cohort_start' THEN 'cs'
            WHEN 'month' THEN 'date_trunc(''month'', d)::date'
            WHEN 'active_on' THEN 'd'
            WHEN 'purchased_on' THEN 'd'
            WHEN 'active_at' THEN CASE WHEN t = 'date' THEN 'd' ELSE 'ts' END
            WHEN 'purchased_at' THEN CASE WHEN t = 'date' THEN 'd' ELSE 'ts' END
            WHEN 'ordered_at' THEN CASE WHEN t = 'date' THEN 'd' ELSE 'ts' END
            WHEN 'observed_until' THEN '''2024-12-31'''
            WHEN 'origin' THEN '''2024-01-01'''
            WHEN 'period' THEN CASE WHEN t = 'interval' THEN '''1 month''' ELSE '''[2024-03-01, 2024-04-01)''' END
            WHEN 'mode' THEN '''on_or_after'''
            WHEN 'brackets' THEN '''{0 days, 30 days, 90 days}'''
            WHEN 'mrr' THEN 'amount'
            WHEN 'amount' THEN 'amount'
            WHEN 'gross' THEN 'false'
            WHEN 'horizon' THEN '''52 weeks'''
            WHEN 'model' THEN '''mbgnbd'''
            WHEN 'min_orders' THEN '2'
        END;
        IF expr IS NULL THEN
            RAISE EXCEPTION 'keyed_call: no value for argument % of %', p.proargnames[i + 1], agg;
        END IF;
        args := args || format('(%s)::%s', expr, t);
    END LOOP;
    RETURN format('SELECT %I(%s)::text FROM key_rows', p.proname,
                  array_to_string(ARRAY[CASE keytype WHEN 'uuid' THEN 'lpad(to_hex(k), 32, ''0'')::uuid'
                                                     ELSE 'k::' || keytype END] || args, ', '));
END
$$;

-- The int8 form of every keyed aggregate, and its result on key_rows.
CREATE TEMP TABLE keyed AS
SELECT c.metric, c.kind, c.signature::regprocedure AS agg
  FROM retention_catalog c JOIN pg_proc p ON p.oid = c.signature::regprocedure
 WHERE c.kind IN ('aggregate', 'state') AND p.proargnames[1] IN ('customer_id', 'user_id')
   AND p.proargtypes[0] = 'int8'::regtype;
CREATE FUNCTION pg_temp.keyed_results() RETURNS TABLE(agg regprocedure, kind text, keytype text, result text, error text)
LANGUAGE plpgsql AS $$
DECLARE
    r record;
    kt text;
BEGIN
    FOR r IN SELECT x.* FROM keyed x ORDER BY x.agg::text LOOP
        FOREACH kt IN ARRAY ARRAY['int2', 'int4', 'int8', 'numeric', 'text', 'varchar', 'uuid'] LOOP
            agg := r.agg;
            kind := r.kind;
            keytype := kt;
            error := NULL;
            result := NULL;
            BEGIN
                EXECUTE pg_temp.keyed_call(r.agg, kt) INTO result;
            EXCEPTION WHEN OTHERS THEN
                error := SQLSTATE || ': ' || SQLERRM;
            END;
            RETURN NEXT;
        END LOOP;
    END LOOP;
END
$$;
SET client_min_messages = error;
CREATE TEMP TABLE keyed_result AS SELECT * FROM pg_temp.keyed_results();
RESET client_min_messages;

SELECT cmp_ok((SELECT count(DISTINCT agg)::int FROM keyed), '>=', 50,
              'retention_catalog lists the int8 form of at least 50 keyed aggregates (the test is not vacuous)');
SELECT is_empty($$SELECT agg::text || ' with a ' || keytype || ' key gives NULL' FROM keyed_result WHERE result IS NULL$$,
                'every keyed aggregate has a result on key_rows (clv''s fit converges), so the comparisons below compare values');
SELECT is_empty($$SELECT agg::text || ' with a ' || keytype || ' key: ' || error FROM keyed_result WHERE error IS NOT NULL$$,
                'every keyed aggregate resolves and runs for int2, int4, int8, numeric, text, varchar and uuid keys');
-- Integer keys are one customer whatever their type: the same result, the
-- same stored state.
SELECT is_empty($$SELECT r.agg::text || ' with a ' || r.keytype || ' key' FROM keyed_result r JOIN keyed_result b USING (agg)
                  WHERE b.keytype = 'int8' AND r.keytype IN ('int2', 'int4', 'numeric') AND r.result IS DISTINCT FROM b.result$$,
                'int2, int4 and numeric keys give the int8 form''s result (and state) for every keyed aggregate');
-- Text, varchar and uuid keys: the same metric (their states hold other
-- key bytes, so only the metrics are compared); varchar is text, states
-- included.
SELECT is_empty($$SELECT r.agg::text || ' with a ' || r.keytype || ' key' FROM keyed_result r JOIN keyed_result b USING (agg)
                  WHERE (b.keytype = 'int8' AND r.kind = 'aggregate' AND r.keytype IN ('text', 'varchar', 'uuid')
                         OR b.keytype = 'text' AND r.keytype = 'varchar')
                    AND r.result IS DISTINCT FROM b.result
                    -- clv sums its customers in key order: the last digit may differ
                    AND NOT (r.result ~ '^[0-9.e+-]+$' AND b.result ~ '^[0-9.e+-]+$'
                             AND abs(r.result::float8 - b.result::float8) <= 1e-12 * abs(b.result::float8))$$,
                'text, varchar and uuid keys give the int8 form''s metric, and varchar the text form''s state, for every keyed aggregate');

-- clv on the shared customer-key entry points: an integer key of any type
-- is stored as the int8 it equals (the state a bigint 42 gives, the form
-- 1.1 wrote), a numeric key that is not a whole number or beyond bigint is
-- an error naming it, and a 1.1 state (version 1 text) merges with states
-- built from smallint and numeric keys.
SELECT is(clv_state(k, timestamptz '2024-01-02 10:00', 5::float8, interval '1 week')::text,
          'v2 key=int8 horizon_days=7 orders=2024-01-02:5:2a00000000000000',
          'clv_state(numeric 42.0): the int8 key 42 (little-endian bytes 2a00..)')
  FROM (VALUES (42.0::numeric)) v(k);
SELECT is((SELECT clv_state(st)::text FROM (
              SELECT 'v1 key=int8 horizon_days=7 orders=2024-01-03:6:2a00000000000000'::clv_state AS st
              UNION ALL SELECT clv_state(42::smallint, timestamptz '2024-01-01 10:00', 4::float8, interval '1 week')
              UNION ALL SELECT clv_state(42::numeric, timestamptz '2024-01-02 10:00', 5::numeric, interval '1 week')
              UNION ALL SELECT clv_state(42, timestamptz '2024-01-04 10:00', 7::float8, interval '1 week')) x),
          'v2 key=int8 horizon_days=7 orders=2024-01-01:4:2a00000000000000,2024-01-02:5:2a00000000000000,2024-01-03:6:2a00000000000000,2024-01-04:7:2a00000000000000',
          'a 1.1 clv_state merges with smallint, numeric and integer 42: one customer');
SELECT throws_ok($$SELECT clv(1.5, now(), 1::float8, '1 week')$$, '22023', 'customer_id 1.5 is not a whole number', 'clv: a fractional numeric key is 22023');
SELECT throws_ok($$SELECT clv_state(1e19, now(), 1::numeric, '1 week')$$, '22003', 'customer_id 10000000000000000000 is out of range', 'clv_state: a numeric key beyond bigint is 22003');

-- Numeric keys are read in place (base-10000 digits, no numeric
-- arithmetic): at every edge of that reading, a whole number within bigint
-- is the customer PostgreSQL's own ::bigint cast gives, and anything else
-- is the error the slow path names.
SELECT is((SELECT count(*)::int FROM unnest(ARRAY[
             '0', '-0.000', '1.0000', '-1', '9999', '10000', '10001', '99999999', '100000000',
             '100000000.00000000', '12345678901234', '-12345678901234.0',
             '9223372036854775807', '9223372036854775807.000', '-9223372036854775808',
             '922337203685477580', '-9223372036854775807', '1e18', '-1e18']) k
           WHERE (SELECT purchase_frequency_state(v)::text FROM (VALUES (k::numeric)) n(v)) IS DISTINCT FROM
                 (SELECT purchase_frequency_state(v)::text FROM (VALUES (k::numeric::bigint)) n(v))), 0,
          'numeric keys at every digit-group edge and at the ends of bigint are the customer ::bigint gives');
SELECT is((SELECT string_agg(k || ' ' || coalesce(e, 'accepted'), ', ' ORDER BY o) FROM
             unnest(ARRAY['9223372036854775808', '-9223372036854775809', '1e19', 'Infinity', '-Infinity',
                          '0.5', '-0.0001', '1.00000001', '9223372036854775807.5', 'NaN', '1e-20']) WITH ORDINALITY u(k, o)
             LEFT JOIN LATERAL (SELECT pg_temp.sqlstate_of(format('SELECT purchase_frequency(%s::numeric)', quote_literal(k))) AS e) x ON true),
          '9223372036854775808 22003, -9223372036854775809 22003, 1e19 22003, Infinity 22003, -Infinity 22003, '
          '0.5 22023, -0.0001 22023, 1.00000001 22023, 9223372036854775807.5 22023, NaN 22023, 1e-20 22023',
          'numeric keys beyond bigint are 22003, fractions and NaN 22023');

-- Orders as a migration leaves them: numeric and smallint customer keys.
-- Customer 1: 3 orders (Jan 1, Jan 11, Jan 31), customer 2: 1 order,
-- customer 3: 2 orders (Jan 5, Jan 7), and a row without a customer.
CREATE TABLE orders_keys(kn numeric, k2 smallint, k4 int, at timestamptz);
INSERT INTO orders_keys VALUES
    (1, 1, 1, '2024-01-01'), (1, 1, 1, '2024-01-11'), (1, 1, 1, '2024-01-31'),
    (2, 2, 2, '2024-01-03'),
    (3, 3, 3, '2024-01-05'), (3, 3, 3, '2024-01-07'),
    (NULL, NULL, NULL, '2024-01-09');

-- repeat purchase ratio: 2 of 3 customers = 66.67; loyal (3 orders): 1 of
-- 3 = 33.33; frequency: 6 rows / 3 customers = 2; time between purchases:
-- (30 + 2 days) / (2 + 1 gaps) = 10 days 16 hours.
SELECT is(round(repeat_purchase_ratio(kn)::numeric, 6), 66.666667, 'repeat_purchase_ratio(numeric)') FROM orders_keys;
SELECT is(round(repeat_purchase_ratio(k2)::numeric, 6), 66.666667, 'repeat_purchase_ratio(smallint) resolves (it was ambiguous)') FROM orders_keys;
SELECT is(round(loyal_customer_rate(kn, 3)::numeric, 6), 33.333333, 'loyal_customer_rate(numeric, 3)') FROM orders_keys;
SELECT is(round(loyal_customer_rate(k2, 3)::numeric, 6), 33.333333, 'loyal_customer_rate(smallint, 3)') FROM orders_keys;
SELECT is(purchase_frequency(kn), 2::float8, 'purchase_frequency(numeric)') FROM orders_keys;
SELECT is(purchase_frequency(k2), 2::float8, 'purchase_frequency(smallint)') FROM orders_keys;
SELECT is(time_between_purchases(kn, at), interval '10 days 16 hours', 'time_between_purchases(numeric, timestamptz)') FROM orders_keys;
SELECT is(time_between_purchases(k2, at::date), interval '10 days 16 hours', 'time_between_purchases(smallint, date)') FROM orders_keys;
SELECT is(time_between_purchases(kn, at::timestamp), interval '10 days 16 hours', 'time_between_purchases(numeric, timestamp) resolves to the timestamptz form') FROM orders_keys;
-- stickiness: days Jan 1 .. Jan 31 (31 days), 6 (user, day) pairs:
-- mean daily active users 6 / 31, over 3 users = 100 * 6 / 93.
SELECT is(round(stickiness(kn, at::date)::numeric, 9), round(600.0 / 93, 9), 'stickiness(numeric, date)') FROM orders_keys;
SELECT is(round(stickiness(k2, at::date)::numeric, 9), round(600.0 / 93, 9), 'stickiness(smallint, date)') FROM orders_keys;
-- cohort of Jan 1, weekly periods: customer 1 active in weeks 0, 1, 4;
-- 2 in week 0; 3 in week 0: [100, 33.33, 0, 0, 33.33].
SELECT is((SELECT array_agg(round(x::numeric, 2)) FROM unnest(cohort_retention(kn, timestamptz '2024-01-01', at, interval '1 week')) x),
          ARRAY[100, 33.33, 0, 0, 33.33]::numeric[], 'cohort_retention(numeric, timestamptz, ...)') FROM orders_keys;
SELECT is((SELECT array_agg(round(x::numeric, 2)) FROM unnest(cohort_retention(k2, date '2024-01-01', at::date, interval '1 week')) x),
          ARRAY[100, 33.33, 0, 0, 33.33]::numeric[], 'cohort_retention(smallint, date, ...)') FROM orders_keys;

-- varchar keys resolve to the text forms.
SELECT is(round(repeat_purchase_ratio(kn::varchar)::numeric, 6), 66.666667, 'repeat_purchase_ratio(varchar) uses the text form') FROM orders_keys;

-- One customer whatever the integer type: 42 as numeric, smallint, int and
-- bigint is one customer with 4 orders; states merge across the types.
SELECT is(repeat_purchase_ratio_state(k)::text, repeat_purchase_ratio_state(k::int)::text,
          'repeat_purchase_ratio_state(numeric) is the state of the same int keys')
  FROM (VALUES (42::numeric), (7), (42)) v(k);
SELECT is((SELECT loyal_customer_rate(st) FROM (
              SELECT loyal_customer_rate_state(42::numeric, 4) AS st
              UNION ALL SELECT loyal_customer_rate_state(42::smallint, 4)
              UNION ALL SELECT loyal_customer_rate_state(42::int, 4)
              UNION ALL SELECT loyal_customer_rate_state(42::bigint, 4)) x),
          100::float8, 'numeric, smallint, int and bigint 42 merge into one customer with 4 orders');
SELECT is(repeat_purchase_ratio(k), 0::float8, '1.000 and 2.0 are two customers with one order each')
  FROM (VALUES (1.000), (2.0)) v(k);
SELECT is(repeat_purchase_ratio(k), 100::float8, '1.000 and 1e0 are the same customer')
  FROM (VALUES (1.000), (1e0)) v(k);

-- No rows, all NULL.
SELECT is(repeat_purchase_ratio(kn), NULL, 'no rows: NULL') FROM orders_keys WHERE false;
SELECT is(time_between_purchases(k2, at), NULL, 'all NULL keys: NULL') FROM orders_keys WHERE kn IS NULL;
SELECT is(stickiness(kn, at::date), NULL, 'all NULL keys: stickiness NULL') FROM orders_keys WHERE kn IS NULL;

-- Extremes.
SELECT is(purchase_frequency(k), 1::float8, 'smallint keys at both ends of the range')
  FROM (VALUES ((-32768)::smallint), (32767::smallint)) v(k);
SELECT is(purchase_frequency(k), 1::float8, 'numeric keys at both ends of bigint')
  FROM (VALUES ('-9223372036854775808'::numeric), (9223372036854775807::numeric)) v(k);

-- Errors: never round two customers into one.
SELECT throws_ok($$SELECT repeat_purchase_ratio(1.5)$$, '22023', 'customer_id 1.5 is not a whole number', 'a fractional numeric key is 22023');
SELECT throws_ok($$SELECT stickiness(0.1, date '2024-01-01')$$, '22023', 'user_id 0.1 is not a whole number', 'stickiness names user_id');
SELECT throws_ok($$SELECT purchase_frequency('NaN'::numeric)$$, '22023', 'customer_id NaN is not a whole number', 'a NaN key is 22023');
SELECT throws_ok($$SELECT loyal_customer_rate(9223372036854775808::numeric, 2)$$, '22003', 'customer_id 9223372036854775808 is out of range', 'a numeric key beyond bigint is 22003');
SELECT throws_ok($$SELECT time_between_purchases('-Infinity'::numeric, now())$$, '22003', 'customer_id -Infinity is out of range', 'an infinite key is 22003');
SELECT throws_ok($$SELECT cohort_retention(1e30, now(), now(), '1 month')$$, '22003', 'customer_id 1000000000000000000000000000000 is out of range', 'cohort_retention: a key beyond bigint is 22003');
SELECT throws_ok($$SELECT loyal_customer_rate(1::smallint, 0)$$, '22023', 'min_orders 0 is out of range', 'the checks of the integer form still apply');
SELECT throws_ok($$SELECT loyal_customer_rate(k, NULL) FROM (VALUES (1::numeric)) v(k)$$, '22004', NULL, 'a NULL min_orders is still 22004');
-- Drivers that bind parameters untyped (node-postgres, libpq with no
-- paramTypes) send min_orders as unknown: it must resolve to the one integer
-- form (a bigint overload would make it 42725, not unique).
PREPARE loyal_untyped AS SELECT loyal_customer_rate(c, $1) FROM (VALUES (1), (1), (2)) v(c);
SELECT results_eq('EXECUTE loyal_untyped(''2'')', $$VALUES (50::float8)$$, 'an untyped bound min_orders resolves (customer 1 of 2 has 2 orders)');
PREPARE loyal_untyped_text AS SELECT loyal_customer_rate(c, $1) FROM (VALUES ('a'), ('a'), ('b'), ('c')) v(c);
SELECT results_eq('EXECUTE loyal_untyped_text(''2'')', $$VALUES (100::float8 / 3)$$, 'an untyped bound min_orders resolves with text keys');

-- Differential check against plain SQL: 3 000 random orders.
SELECT setseed(0.71);
CREATE TABLE orders_rand AS
SELECT g, (random() * 400)::int::numeric AS kn, timestamptz '2024-01-01' + random() * interval '300 days' AS at
  FROM generate_series(1, 3000) g;
SELECT is(
    (SELECT round(repeat_purchase_ratio(kn)::numeric, 9) FROM orders_rand),
    (SELECT round(100.0 * count(*) FILTER (WHERE n >= 2) / count(*), 9) FROM (SELECT kn, count(*) n FROM orders_rand GROUP BY kn) c),
    'repeat_purchase_ratio(numeric) = plain SQL');
SELECT is(
    (SELECT round(loyal_customer_rate(kn::smallint, 9)::numeric, 9) FROM orders_rand),
    (SELECT round(100.0 * count(*) FILTER (WHERE n >= 9) / count(*), 9) FROM (SELECT kn, count(*) n FROM orders_rand GROUP BY kn) c),
    'loyal_customer_rate(smallint, 9) = plain SQL');
SELECT is(
    (SELECT round(extract(epoch FROM time_between_purchases(kn, at)), 3) FROM orders_rand),
    (SELECT round(sum(extract(epoch FROM l - f)) / sum(n - 1), 3) FROM (SELECT kn, min(at) f, max(at) l, count(*) n FROM orders_rand GROUP BY kn HAVING count(*) > 1) c),
    'time_between_purchases(numeric, timestamptz) = plain SQL (to the millisecond)');

-- Sliding window: each frame against the plain-SQL ratio of its rows.
SELECT is(
    (SELECT array_agg(round(v::numeric, 9) ORDER BY g) FROM (
        SELECT g, repeat_purchase_ratio(kn % 7) OVER (ORDER BY g ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS v
          FROM orders_rand WHERE g <= 200) w),
    (SELECT array_agg(round(v, 9) ORDER BY g) FROM (
        SELECT o.g, (SELECT 100.0 * count(*) FILTER (WHERE n >= 2) / count(*)
                       FROM (SELECT kn % 7, count(*) n FROM orders_rand i WHERE i.g BETWEEN o.g - 9 AND o.g GROUP BY 1) c) AS v
          FROM orders_rand o WHERE o.g <= 200) w),
    'repeat_purchase_ratio(numeric) over a sliding frame = plain SQL per frame');

-- Parallel = serial.
CREATE TABLE orders_big AS
SELECT g, (g % 5000)::numeric AS kn, (g % 30000)::smallint AS k2 FROM generate_series(1, 80000) g;
ANALYZE orders_big;
CREATE TABLE keys_serial AS SELECT repeat_purchase_ratio(kn) a, purchase_frequency(k2) b FROM orders_big;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT matches(pg_temp.plan_of('SELECT repeat_purchase_ratio(kn), purchase_frequency(k2) FROM orders_big'),
               'Partial Aggregate', 'numeric and smallint keys run as a parallel aggregate');
CREATE TABLE keys_parallel AS SELECT repeat_purchase_ratio(kn) a, purchase_frequency(k2) b FROM orders_big;
SELECT is((SELECT (a, b)::text FROM keys_parallel), (SELECT (a, b)::text FROM keys_serial), 'parallel = serial');
-- 80 000 rows over 5 000 customers, 16 each: all repeat; 30 000 smallint
-- keys: 80 000 / 30 000 rows per customer.
SELECT is((SELECT (a, round(b::numeric, 9))::text FROM keys_parallel), (100::float8, round(80000 / 30000.0, 9))::text, 'parallel = the hand values');

SELECT * FROM finish();
ROLLBACK;
