-- pgTAP tests of byte keys of every length in the distinct-customer set
-- (src/keyset.c): a text key of up to 19 bytes is kept in its hash slot,
-- a longer one in the set's arena.  Keys of 1 to 45 bytes (and, with a day
-- appended, 5 to 49) are mixed in one set, so that both forms meet in the
-- same probe runs, backward-shift deletions, growth, merges, flattening and
-- arena compaction.  Each customer id maps to one text key, so every metric
-- over the text keys must equal the metric over the int8 ids (checked
-- against plain SQL in test/orders.sql), and the stored forms must be the
-- keys sorted by their bytes.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(18);
SET LOCAL TimeZone = 'UTC';

-- ~20k orders from ~8000 customers, skewed as in test/orders.sql.  The
-- text key repeats 'x' (id % 41) times before the id: 1 to 45 bytes, and no
-- two ids share a key ('x' is never a digit).
SELECT setseed(0.1919);
CREATE TABLE orders AS
SELECT i AS order_id,
       CASE WHEN i % 101 = 0 THEN NULL
            WHEN r < 0.3 THEN 1 + floor(random() * 20)::int8
            ELSE 1000 + floor(random() * random() * 16000)::int8 END AS customer_id,
       timestamptz '2024-01-01' + random() * interval '365 days' AS purchased_at
FROM (SELECT i, random() AS r FROM generate_series(1, 20000) i) s;
ALTER TABLE orders ADD COLUMN ck text;
UPDATE orders SET ck = repeat('x', (customer_id % 41)::int) || customer_id;
ANALYZE orders;

SELECT ok((SELECT count(DISTINCT octet_length(ck)) FILTER (WHERE octet_length(ck) <= 19) > 10
                  AND count(DISTINCT octet_length(ck)) FILTER (WHERE octet_length(ck) > 19) > 10
                  AND count(DISTINCT ck) = count(DISTINCT customer_id)
           FROM orders), 'keys of many lengths on both sides of 19 bytes, one per customer');

-- ===================================================================
-- Metrics: text keys give the int8 keys' numbers
-- ===================================================================
CREATE FUNCTION pg_temp.q(k text) RETURNS text LANGUAGE sql AS $$
SELECT format($q$
SELECT date_trunc('month', purchased_at) m,
       repeat_purchase_ratio(%1$s), loyal_customer_rate(%1$s, 3), purchase_frequency(%1$s),
       time_between_purchases(%1$s, purchased_at), time_between_purchases(%1$s, purchased_at::date),
       stickiness(%1$s, purchased_at::date)
FROM orders GROUP BY ROLLUP (1) ORDER BY 1$q$, k)
$$;
SELECT results_eq(pg_temp.q('ck'), pg_temp.q('customer_id'), 'grouped metrics: text keys of 1 to 45 bytes equal int8 keys');

-- The stored form holds the keys sorted by their bytes.
SELECT is((SELECT purchase_frequency_state(ck)::text FROM orders),
          (SELECT 'v1 text {' || string_agg(format('"%s":%s', ck, n), ',' ORDER BY ck COLLATE "C") || '}'
           FROM (SELECT ck, count(*) n FROM orders WHERE ck IS NOT NULL GROUP BY ck) s),
          'purchase_frequency_state: every key and count, sorted by bytes');
SELECT is((SELECT time_between_purchases_state(ck, purchased_at)::text FROM orders),
          (SELECT 'v1 text {' || string_agg(format('"%s":%s:%s:%s', ck, n,
                                                   (extract(epoch FROM f) * 1000000 - 946684800000000)::int8,
                                                   (extract(epoch FROM l) * 1000000 - 946684800000000)::int8),
                                            ',' ORDER BY ck COLLATE "C") || '}'
           FROM (SELECT ck, count(*) n, min(purchased_at) f, max(purchased_at) l
                 FROM orders WHERE ck IS NOT NULL GROUP BY ck) s),
          'time_between_purchases_state: every key, count and span, sorted by bytes');
SELECT is((SELECT s::text::stickiness_state::text = s::text FROM (SELECT stickiness_state(ck, purchased_at::date) s FROM orders) q),
          true, 'stickiness_state text round trip (keys with a day of 5 to 49 bytes)');
SELECT is((SELECT s::text::time_between_purchases_state::text = s::text FROM (SELECT time_between_purchases_state(ck, purchased_at) s FROM orders) q),
          true, 'time_between_purchases_state text round trip');

-- ===================================================================
-- Merging: rollups, HashAggregate spilling, parallel plans
-- ===================================================================
CREATE TEMP TABLE daily AS
SELECT purchased_at::date AS d, purchase_frequency_state(ck) pf,
       time_between_purchases_state(ck, purchased_at) tbp, stickiness_state(ck, purchased_at::date) st
FROM orders GROUP BY 1;
SELECT results_eq(
    $$SELECT date_trunc('month', d), purchase_frequency_state(pf)::text, time_between_purchases_state(tbp)::text,
             stickiness_state(st)::text FROM daily GROUP BY 1 ORDER BY 1$$,
    $$SELECT date_trunc('month', purchased_at::date), purchase_frequency_state(ck)::text,
             time_between_purchases_state(ck, purchased_at)::text, stickiness_state(ck, purchased_at::date)::text
      FROM orders GROUP BY 1 ORDER BY 1$$,
    'rollup: merged daily states are identical to the monthly states');

CREATE TEMP TABLE grouped_sorted AS
SELECT customer_id % 97 AS g, repeat_purchase_ratio_state(ck)::text a,
       time_between_purchases_state(ck, purchased_at)::text b, stickiness_state(ck, purchased_at::date)::text c
FROM orders GROUP BY 1;
SET LOCAL enable_sort = off;
SET LOCAL work_mem = '64kB';
SELECT results_eq(
    $$SELECT customer_id % 97, repeat_purchase_ratio_state(ck)::text,
             time_between_purchases_state(ck, purchased_at)::text,
             stickiness_state(ck, purchased_at::date)::text FROM orders GROUP BY 1 ORDER BY 1$$,
    $$SELECT * FROM grouped_sorted ORDER BY 1$$,
    'many groups: HashAggregate spilling to disk gives the sorted GroupAggregate states');
RESET enable_sort;
RESET work_mem;

CREATE TEMP TABLE serial AS
SELECT purchase_frequency_state(ck)::text a, time_between_purchases_state(ck, purchased_at)::text b,
       stickiness_state(ck, purchased_at::date)::text c
FROM orders;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
ALTER TABLE orders SET (parallel_workers = 2);
SELECT results_eq(
    $$SELECT purchase_frequency_state(ck)::text, time_between_purchases_state(ck, purchased_at)::text,
             stickiness_state(ck, purchased_at::date)::text FROM orders$$,
    $$SELECT * FROM serial$$, 'parallel: every state identical to serial');
RESET max_parallel_workers_per_gather;

-- ===================================================================
-- Sliding windows: entries deleted (backward shift over both key forms)
-- ===================================================================
CREATE TEMP TABLE w AS SELECT * FROM orders WHERE order_id <= 4000;
SELECT results_eq(
    $$SELECT order_id, repeat_purchase_ratio(ck) OVER f, loyal_customer_rate(ck, 2) OVER f,
             time_between_purchases(ck, purchased_at) OVER f, stickiness(ck, purchased_at::date) OVER f
      FROM w WINDOW f AS (ORDER BY order_id ROWS BETWEEN 40 PRECEDING AND CURRENT ROW) ORDER BY 1$$,
    $$SELECT order_id, repeat_purchase_ratio(customer_id) OVER f, loyal_customer_rate(customer_id, 2) OVER f,
             time_between_purchases(customer_id, purchased_at) OVER f, stickiness(customer_id, purchased_at::date) OVER f
      FROM w WINDOW f AS (ORDER BY order_id ROWS BETWEEN 40 PRECEDING AND CURRENT ROW) ORDER BY 1$$,
    'ROWS 40 PRECEDING: text keys equal int8 keys');
SELECT results_eq(
    $$SELECT order_id, purchase_frequency(ck) OVER f, stickiness(ck, purchased_at::date) OVER f
      FROM w WINDOW f AS (ORDER BY purchased_at RANGE BETWEEN interval '5 days' PRECEDING AND CURRENT ROW) ORDER BY 1$$,
    $$SELECT order_id, purchase_frequency(customer_id) OVER f, stickiness(customer_id, purchased_at::date) OVER f
      FROM w WINDOW f AS (ORDER BY purchased_at RANGE BETWEEN interval '5 days' PRECEDING AND CURRENT ROW) ORDER BY 1$$,
    'RANGE 5 days PRECEDING: text keys equal int8 keys');

-- 120 000 rows, each customer on two consecutive rows, a 100-row frame:
-- 60 000 long keys (40 bytes) leave the frame, 2.4 MB of dead arena bytes,
-- so the arena is compacted while the frame slides; short keys alongside.
CREATE TEMP TABLE slide AS
SELECT i, i / 2 AS c, CASE WHEN i % 6 < 2 THEN 's' || i / 2 ELSE lpad((i / 2)::text, 40, 'y') END AS ck,
       date '2024-01-01' + i / 500 AS d
FROM generate_series(1, 120000) i;
SELECT is((SELECT count(*) FROM (
              SELECT purchase_frequency(ck) OVER f a, purchase_frequency(c) OVER f b,
                     repeat_purchase_ratio(ck) OVER f x, repeat_purchase_ratio(c) OVER f y,
                     stickiness(ck, d) OVER f s, stickiness(c, d) OVER f t
              FROM slide WINDOW f AS (ORDER BY i ROWS BETWEEN 99 PRECEDING AND CURRENT ROW)) q
           WHERE a IS DISTINCT FROM b OR x IS DISTINCT FROM y OR s IS DISTINCT FROM t), 0::int8,
          'a long sliding window (arena compaction): text keys equal int8 keys on every row');

-- ===================================================================
-- Inside a parallel query a set is flattened in (hash, key) order, written
-- from the table's slot order: entries of a probe run that reaches the end
-- of the table continue at its start, and inside a run a later entry may
-- have a lower hash.  Sets of every size from 1 to 300 (tables of 16 to 512
-- slots, many with such runs) go from the workers to the leader in that
-- form, which the leader reads (refusing entries out of order) and merges;
-- outside a parallel query (a stored rollup) the form is in key order.
-- ===================================================================
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q; END $$;
CREATE TABLE small_orders AS
SELECT n, k FROM generate_series(1, 300) n, generate_series(1, n) k, generate_series(1, 2) twice;
ANALYZE small_orders;
CREATE TEMP TABLE small_serial AS
SELECT n, purchase_frequency_state(k) AS i, purchase_frequency_state(k::text) AS t,
       purchase_frequency_state(md5(k::text)::uuid) AS u,
       time_between_purchases_state(k, timestamptz '2024-01-01' + k * interval '1 hour') AS s
FROM small_orders GROUP BY n;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
ALTER TABLE small_orders SET (parallel_workers = 2);
SELECT matches((SELECT string_agg(p, ' ') FROM pg_temp.plan_of(
                    'SELECT n, purchase_frequency_state(k) FROM small_orders GROUP BY n') p),
               'Partial .*Aggregate.*Parallel Seq Scan', 'small sets: the plan merges partial states from parallel workers');
SELECT results_eq(
    $$SELECT n, purchase_frequency_state(k)::text, purchase_frequency_state(k::text)::text,
             purchase_frequency_state(md5(k::text)::uuid)::text,
             time_between_purchases_state(k, timestamptz '2024-01-01' + k * interval '1 hour')::text
      FROM small_orders GROUP BY n ORDER BY n$$,
    $$SELECT n, i::text, t::text, u::text, s::text FROM small_serial ORDER BY n$$,
    'small sets: int, text, uuid and span sets of 1 to 300 customers merged from parallel workers equal serial');
RESET max_parallel_workers_per_gather;
SELECT is((SELECT count(*) FROM (SELECT n FROM small_serial GROUP BY n
                                  HAVING purchase_frequency(i) = 2 AND purchase_frequency(t) = 2
                                     AND purchase_frequency(u) = 2 AND time_between_purchases(s) = interval '0') q),
          300::bigint, 'small sets: the metrics of the stored sets');
-- merging stored sets (flat + flat, in key order) equals the set of the union
SELECT is((SELECT purchase_frequency_state(t)::text FROM small_serial),
          (SELECT purchase_frequency_state(k::text)::text FROM small_orders),
          'small sets: merged stored text sets equal the set of all their rows');

-- ===================================================================
-- Cohort layout
-- ===================================================================
CREATE TEMP TABLE ev AS
SELECT customer_id, ck, purchased_at, min(purchased_at) OVER (PARTITION BY customer_id) AS s
FROM orders WHERE customer_id IS NOT NULL;
SELECT results_eq(
    $$SELECT date_trunc('month', s), cohort_retention(ck, s, purchased_at, '1 week') FROM ev GROUP BY 1 ORDER BY 1$$,
    $$SELECT date_trunc('month', s), cohort_retention(customer_id, s, purchased_at, '1 week') FROM ev GROUP BY 1 ORDER BY 1$$,
    'cohort_retention: text keys equal int8 keys');
SELECT is((SELECT s::text::cohort_retention_state::text = s::text
           FROM (SELECT cohort_retention_state(ck, s, purchased_at, '1 day') s FROM ev) q),
          true, 'cohort_retention_state text round trip');

SELECT * FROM finish();
ROLLBACK;
