-- pgTAP tests of how the distinct-customer sets (src/keyset.c) merge, on
-- data large enough to take each path:
--   * the table: rows inserted into the hash table (batched once it holds
--     8192 slots), and states merged into it (windows, expanded states);
--   * the k-way merge of flat runs without a table: a parallel leader
--     merging its workers' hash-ordered partial states, and an aggregate
--     over stored states, in key order or in 1.1's hash order;
-- each checked against serial plans and plain GROUP BY customer SQL, with
-- real parallel plans (EXPLAIN ANALYZE of CREATE TABLE AS shows the workers
-- launched; a pgTAP cursor never runs in parallel).  And the stored form is
-- canonical: a rollup filled by a parallel query stores the same bytes as
-- one filled serially.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(29);
SET LOCAL TimeZone = 'UTC';

-- The EXPLAIN (ANALYZE) text of a statement, run.
CREATE FUNCTION pg_temp.run_plan(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    line text;
    result text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
        result := result || line || E'\n';
    END LOOP;
    RETURN result;
END $$;

-- 1.1's hash order, to write hash-ordered states as 1.1 stored them from
-- parallel plans: murmur3's 64-bit finaliser (low 32 bits) in numeric
-- arithmetic modulo 2^64, checked against an independent Python
-- implementation: fmix(1) = 885181228, fmix(-1) = 1266835233.
CREATE FUNCTION pg_temp.mul64(x int8, c numeric) RETURNS int8 LANGUAGE sql IMMUTABLE AS $$
SELECT (CASE WHEN m >= 9223372036854775808 THEN m - 18446744073709551616 ELSE m END)::int8
FROM (SELECT (((x::numeric + 18446744073709551616) % 18446744073709551616) * c) % 18446744073709551616 AS m) s $$;
CREATE FUNCTION pg_temp.fmix(k int8) RETURNS int8 LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE x int8 := k;
BEGIN
    x := x # ((x >> 33) & 2147483647);
    x := pg_temp.mul64(x, 18397679294719823053);
    x := x # ((x >> 33) & 2147483647);
    x := pg_temp.mul64(x, 14181476777654086739);
    x := x # ((x >> 33) & 2147483647);
    RETURN x & 4294967295;
END $$;
-- A LEB128 varint, and zigzag of a signed value.
CREATE FUNCTION pg_temp.varint(u numeric) RETURNS bytea LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE r bytea := '';
BEGIN
    WHILE u >= 128 LOOP
        r := r || decode(lpad(to_hex((u % 128 + 128)::int), 2, '0'), 'hex');
        u := floor(u / 128);
    END LOOP;
    RETURN r || decode(lpad(to_hex(u::int), 2, '0'), 'hex');
END $$;
CREATE FUNCTION pg_temp.zigzag(k int8) RETURNS numeric LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN k >= 0 THEN 2 * k::numeric ELSE -2 * k::numeric - 1 END $$;
SELECT is(ARRAY[pg_temp.fmix(1), pg_temp.fmix(2), pg_temp.fmix(-1), pg_temp.fmix(1000)],
          ARRAY[885181228, 1694925799, 1266835233, 1215879745]::int8[], 'the SQL finaliser matches Python''s');

-- ~40k orders of ~14k customers over 400 days (skewed: a few heavy
-- customers, most buying once or twice), 1% NULL customers.
SELECT setseed(0.777);
CREATE TABLE morders AS
SELECT i AS order_id,
       CASE WHEN i % 97 = 0 THEN NULL
            WHEN r < 0.2 THEN 1 + floor(random() * 30)::int8
            ELSE 100 + floor(random() * random() * 40000)::int8 END AS c,
       timestamptz '2024-01-01' + random() * interval '400 days' AS t
FROM (SELECT i, random() AS r FROM generate_series(1, 40000) i) s;
-- the day and the month as columns, so that the planner knows how few
-- groups there are (and aggregates partially in the workers)
ALTER TABLE morders ADD COLUMN ctext text, ADD COLUMN d date, ADD COLUMN mo timestamptz;
UPDATE morders SET ctext = 'customer-' || c, d = t::date, mo = date_trunc('month', t);
ALTER TABLE morders SET (parallel_workers = 2);
ANALYZE morders;
SELECT ok((SELECT count(DISTINCT c) > 8192 * 3 / 4 FROM morders), 'more customers than a table of 8192 slots holds: the batched inserts run');

-- The metrics in plain SQL, by month and over everything (m NULL).
CREATE TABLE expected AS
SELECT m,
       round(100.0 * count(*) FILTER (WHERE n >= 2) / count(*), 9) rpr,
       round(100.0 * count(*) FILTER (WHERE n >= 3) / count(*), 9) loyal,
       round(sum(n)::numeric / count(*), 9) pf,
       round(extract(epoch FROM sum(l - f) / nullif(sum(n - 1), 0))::numeric, 3) tbp
FROM (SELECT date_trunc('month', t) m, c, count(*) n, min(t) f, max(t) l FROM morders WHERE c IS NOT NULL GROUP BY 1, 2
      UNION ALL
      SELECT NULL, c, count(*), min(t), max(t) FROM morders WHERE c IS NOT NULL GROUP BY 2) s
GROUP BY m;

-- The metrics of the extension, from rows (k: the key column) or merged
-- from stored states (table src).
-- grp: 'month' (by month), or 'all' (one row, m NULL); a query that can
-- run in parallel (a grouping set cannot).
CREATE FUNCTION pg_temp.metrics_sql(k text, grp text DEFAULT NULL) RETURNS text LANGUAGE sql AS $$
SELECT CASE grp
    WHEN 'month' THEN format($q$
SELECT mo m, round(repeat_purchase_ratio(%1$s)::numeric, 9) rpr,
       round(loyal_customer_rate(%1$s, 3)::numeric, 9) loyal, round(purchase_frequency(%1$s)::numeric, 9) pf,
       round(extract(epoch FROM time_between_purchases(%1$s, t))::numeric, 3) tbp
FROM morders GROUP BY 1$q$, k)
    WHEN 'all' THEN format($q$
SELECT NULL::timestamptz m, round(repeat_purchase_ratio(%1$s)::numeric, 9) rpr,
       round(loyal_customer_rate(%1$s, 3)::numeric, 9) loyal, round(purchase_frequency(%1$s)::numeric, 9) pf,
       round(extract(epoch FROM time_between_purchases(%1$s, t))::numeric, 3) tbp
FROM morders$q$, k)
    ELSE format($q$
SELECT date_trunc('month', t) m, round(repeat_purchase_ratio(%1$s)::numeric, 9) rpr,
       round(loyal_customer_rate(%1$s, 3)::numeric, 9) loyal, round(purchase_frequency(%1$s)::numeric, 9) pf,
       round(extract(epoch FROM time_between_purchases(%1$s, t))::numeric, 3) tbp
FROM morders GROUP BY ROLLUP (1)$q$, k) END $$;
CREATE FUNCTION pg_temp.merged_sql(src text) RETURNS text LANGUAGE sql AS $$
SELECT format($q$
SELECT date_trunc('month', d) m, round(repeat_purchase_ratio(rpr)::numeric, 9) rpr,
       round(loyal_customer_rate(loyal)::numeric, 9) loyal, round(purchase_frequency(pf)::numeric, 9) pf,
       round(extract(epoch FROM time_between_purchases(tbp))::numeric, 3) tbp
FROM %s GROUP BY ROLLUP (1)$q$, src) $$;
CREATE FUNCTION pg_temp.diff(a text, b text) RETURNS SETOF record LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format('(SELECT * FROM %1$s EXCEPT ALL SELECT * FROM %2$s) UNION ALL (SELECT * FROM %2$s EXCEPT ALL SELECT * FROM %1$s)', a, b);
END $$;

-- ===================================================================
-- Serial: rows into the table, states merged from stored key-ordered runs
-- ===================================================================
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT results_eq(pg_temp.metrics_sql('c') || ' ORDER BY 1', 'SELECT * FROM expected ORDER BY 1', 'serial: int8 keys equal plain SQL');
SELECT results_eq(pg_temp.metrics_sql('ctext') || ' ORDER BY 1', 'SELECT * FROM expected ORDER BY 1', 'serial: text keys equal plain SQL');
CREATE TABLE daily_serial AS
SELECT d, repeat_purchase_ratio_state(c) rpr, loyal_customer_rate_state(c, 3) loyal,
       purchase_frequency_state(c) pf, time_between_purchases_state(c, t) tbp,
       stickiness_state(c, t::date) st
FROM morders GROUP BY 1;
CREATE TABLE daily_serial_text AS
SELECT d, repeat_purchase_ratio_state(ctext) rpr, loyal_customer_rate_state(ctext, 3) loyal,
       purchase_frequency_state(ctext) pf, time_between_purchases_state(ctext, t) tbp
FROM morders GROUP BY 1;
SELECT results_eq(pg_temp.merged_sql('daily_serial') || ' ORDER BY 1', 'SELECT * FROM expected ORDER BY 1',
                  'stored states (key order, int8) merged by month equal plain SQL');
SELECT results_eq(pg_temp.merged_sql('daily_serial_text') || ' ORDER BY 1', 'SELECT * FROM expected ORDER BY 1',
                  'stored states (key order, text) merged by month equal plain SQL');
SELECT is((SELECT repeat_purchase_ratio_state(rpr)::text FROM daily_serial), (SELECT repeat_purchase_ratio_state(c)::text FROM morders),
          'stored states merged: the same state as from the rows');
SELECT is((SELECT time_between_purchases_state(tbp)::text FROM daily_serial), (SELECT time_between_purchases_state(c, t)::text FROM morders),
          'stored span states merged: the same state as from the rows');

-- ===================================================================
-- Stored states in 1.1's hash order (what a parallel rollup stored then),
-- written through binary input, merged
-- ===================================================================
-- version 2, count layout (1), int keys (1), no flags, no parameter,
-- seed 0 (1.1's unseeded hash), the entries in (hash, key) order.
CREATE TABLE v2_bytes AS
SELECT d, '\x02010100'::bytea || int4send(0) || int4send(0) || int8send(count(*)) ||
          string_agg(pg_temp.varint(pg_temp.zigzag(c)) || pg_temp.varint(n), ''::bytea ORDER BY pg_temp.fmix(c), c) AS b
FROM (SELECT t::date d, c, count(*) n FROM morders WHERE c IS NOT NULL GROUP BY 1, 2) s GROUP BY d;
CREATE FUNCTION pg_temp.bin_path() RETURNS text LANGUAGE sql AS
$$ SELECT current_setting('data_directory') || '/retention_orders_merge.bin' $$;
DO $$ BEGIN EXECUTE format('COPY (SELECT b FROM v2_bytes ORDER BY d) TO %L (FORMAT binary)', pg_temp.bin_path()); END $$;
CREATE TABLE daily_v2 (rpr repeat_purchase_ratio_state);
DO $$ BEGIN EXECUTE format('COPY daily_v2 FROM %L (FORMAT binary)', pg_temp.bin_path()); END $$;
DO $$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'cat >/dev/null; rm -f ' || pg_temp.bin_path()); END $$;
SELECT is((SELECT count(*) FROM daily_v2), (SELECT count(DISTINCT t::date) FROM morders), 'one hash-ordered state per day, read back');
SELECT is((SELECT round(repeat_purchase_ratio(rpr)::numeric, 9) FROM daily_v2), (SELECT rpr FROM expected WHERE m IS NULL),
          'hash-ordered stored states merged: plain SQL''s repeat purchase ratio');
SELECT is((SELECT repeat_purchase_ratio_state(rpr)::text FROM daily_v2), (SELECT repeat_purchase_ratio_state(c)::text FROM morders),
          'hash-ordered stored states merged: the same state as from the rows');
SELECT is((SELECT repeat_purchase_ratio_state(rpr)::text FROM (SELECT rpr FROM daily_v2 UNION ALL SELECT rpr FROM daily_serial) s),
          (SELECT repeat_purchase_ratio_state(c)::text FROM morders, generate_series(1, 2)), 'hash-ordered and key-ordered stored states mixed');
-- 1.1 merged n hash-ordered states pairwise, O(n * entries): 400 states
-- took seconds there.  Three copies of each (1 200 states) now take well
-- under a second; the bound leaves room for a loaded machine.
SET LOCAL statement_timeout = '20s';
SELECT is((SELECT md5(repeat_purchase_ratio_state(rpr)::text) FROM (SELECT rpr FROM daily_v2, generate_series(1, 3)) s),
          (SELECT md5(repeat_purchase_ratio_state(c)::text) FROM morders, generate_series(1, 3)), '1 200 hash-ordered stored states merge in time');
RESET statement_timeout;

-- ===================================================================
-- Parallel plans, run for real (CREATE TABLE AS under EXPLAIN ANALYZE)
-- ===================================================================
-- (parallel_tuple_cost stays: free tuples would gather the rows unaggregated)
SET LOCAL parallel_setup_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
-- the leader only merges: every partial state reaches it flat, from a
-- worker, and the k-way merge of their runs makes the result
SET LOCAL parallel_leader_participation = off;
SELECT matches(pg_temp.run_plan('CREATE TABLE par_noleader AS ' || pg_temp.metrics_sql('c', 'month')),
               'Finalize.*Gather.*Workers Launched: [12].*Partial', 'parallel by month, leader not participating: workers launched');
SELECT matches(pg_temp.run_plan('CREATE TABLE par_noleader_all AS ' || pg_temp.metrics_sql('c', 'all')),
               'Finalize.*Gather.*Workers Launched: [12].*Partial', 'parallel over all rows, leader not participating: workers launched');
SELECT is_empty($$SELECT * FROM pg_temp.diff('(SELECT * FROM par_noleader UNION ALL SELECT * FROM par_noleader_all) x', 'expected')
                  AS (m timestamptz, a numeric, b numeric, c numeric, d numeric)$$,
                'parallel, leader not participating: the metrics equal plain SQL');
SELECT matches(pg_temp.run_plan('CREATE TABLE par_noleader_text AS ' || pg_temp.metrics_sql('ctext', 'all')),
               'Finalize.*Gather.*Workers Launched: [12].*Partial', 'parallel text keys, leader not participating: workers launched');
SELECT is_empty($$SELECT * FROM pg_temp.diff('par_noleader_text', '(SELECT * FROM expected WHERE m IS NULL) x')
                  AS (m timestamptz, a numeric, b numeric, c numeric, d numeric)$$,
                'parallel text keys, leader not participating: the metrics equal plain SQL');
RESET parallel_leader_participation;
SELECT matches(pg_temp.run_plan('CREATE TABLE par_leader AS ' || pg_temp.metrics_sql('c', 'month')),
               'Finalize.*Gather.*Workers Launched: [12].*Partial', 'parallel, leader participating: workers launched');
SELECT is_empty($$SELECT * FROM pg_temp.diff('par_leader', '(SELECT * FROM expected WHERE m IS NOT NULL) x')
                  AS (m timestamptz, a numeric, b numeric, c numeric, d numeric)$$,
                'parallel, leader participating: the metrics equal plain SQL');

-- A rollup filled by a parallel query stores what a serial one stores.
SELECT matches(pg_temp.run_plan($$CREATE TABLE daily_par AS
    SELECT d, repeat_purchase_ratio_state(c) rpr, loyal_customer_rate_state(c, 3) loyal,
           purchase_frequency_state(c) pf, time_between_purchases_state(c, t) tbp, stickiness_state(c, t::date) st
    FROM morders GROUP BY 1$$), 'Workers Launched: [12]', 'parallel rollup: workers launched');
SELECT is_empty($$SELECT d, pg_column_size(rpr), pg_column_size(loyal), pg_column_size(pf), pg_column_size(tbp), pg_column_size(st),
                         rpr::text, loyal::text, pf::text, tbp::text, st::text FROM daily_par
                  EXCEPT
                  SELECT d, pg_column_size(rpr), pg_column_size(loyal), pg_column_size(pf), pg_column_size(tbp), pg_column_size(st),
                         rpr::text, loyal::text, pf::text, tbp::text, st::text FROM daily_serial$$,
                'parallel rollup: every state stored with the size and value of the serial one');
-- One state over all rows: the case where a single partial state reaches
-- the leader (1.1 stored it as it came, in hash order: 1.2 kB against
-- 192 kB for 50 000 sequential keys).
CREATE TABLE seqkeys AS SELECT i::int8 AS c, timestamptz '2024-01-01' + i * interval '1 minute' AS t FROM generate_series(1, 50000) i;
ALTER TABLE seqkeys SET (parallel_workers = 2);
SELECT matches(pg_temp.run_plan($$CREATE TABLE seq_par AS SELECT repeat_purchase_ratio_state(c) rpr, time_between_purchases_state(c, t) tbp FROM seqkeys$$),
               'Workers Launched: [12]', 'parallel single state: workers launched');
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE seq_ser AS SELECT repeat_purchase_ratio_state(c) rpr, time_between_purchases_state(c, t) tbp FROM seqkeys;
SELECT is((SELECT pg_column_size(rpr) FROM seq_par), (SELECT pg_column_size(rpr) FROM seq_ser), 'parallel single state: the serial size');
SELECT ok((SELECT pg_column_size(rpr) < 5000 FROM seq_par), '50 000 sequential keys stored in under 5 kB');
SELECT is((SELECT (pg_column_size(tbp), tbp::text) FROM seq_par), (SELECT (pg_column_size(tbp), tbp::text) FROM seq_ser),
          'parallel single span state: the serial size and value');

-- ===================================================================
-- Hash flooding: keys made by inverting 1.1's unseeded finaliser so that
-- every one hashes to 0 put 1.1's table into one probe chain (50 000 of
-- them took 10.5 s, against 0.4 s for 196 000 ordinary keys); the hash is
-- seeded per statement now
-- ===================================================================
CREATE FUNCTION pg_temp.unfmix(y int8) RETURNS int8 LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE x int8 := y;
BEGIN
    x := x # ((x >> 33) & 2147483647);
    x := pg_temp.mul64(x, 11291846944257947611);	-- the inverse of 0xc4ceb9fe1a85ec53
    x := x # ((x >> 33) & 2147483647);
    x := pg_temp.mul64(x, 5725274745694666757);	-- the inverse of 0xff51afd7ed558ccd
    x := x # ((x >> 33) & 2147483647);
    RETURN x;
END $$;
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE flood AS SELECT pg_temp.unfmix(i::int8 << 32) AS k FROM generate_series(1, 50000) i;
SELECT is((SELECT count(*) FROM flood WHERE pg_temp.fmix(k) = 0 AND k IS NOT NULL), 50000::int8,
          '50 000 distinct keys whose unseeded hash is 0');
SET LOCAL statement_timeout = '5s';
SELECT is((SELECT repeat_purchase_ratio(k) FROM flood), 0::float8, 'the flooding keys are counted in time (5 s; 1.1 took 10.5 s)');
SELECT is((SELECT purchase_frequency(k::text) FROM flood), 1::float8, 'the same keys as text are counted in time');
RESET statement_timeout;

SELECT * FROM finish();
ROLLBACK;
