-- pgTAP tests of mrr_movements and mrr_movements_state (SPEC section 9):
-- hand-computed vectors for every movement type, the bridge's identities,
-- a differential check against the date-spine + lag() SQL of the dbt
-- mrr-playbook (written out below, with its two traps fixed: no churn for
-- customers still paying in the latest month, reactivations are not new),
-- every key type, float8 against numeric, serial = parallel = merged
-- states (by customer range and by quarter), a window, every error and
-- the state's text form.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(50);
SET LOCAL TimeZone = 'UTC';
SET LOCAL DateStyle = 'ISO, YMD';

-- The SQLSTATE of reading t as a state, or 'accepted'.
CREATE FUNCTION pg_temp.sqlstate_of(t text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    PERFORM t::mrr_movements_state;
    RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END $$;
-- The SQLSTATE of reading bytes b through the receive function (COPY
-- BINARY of a server file), or 'accepted'.
CREATE TEMP TABLE saas_lo AS SELECT lo_create(0) AS lo;
CREATE FUNCTION pg_temp.recv_sqlstate(b bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    path text := format('%s/retention-saas-%s.bin', current_setting('data_directory'), pg_backend_pid());
    fd int := lo_open((SELECT lo FROM saas_lo), 393216);
BEGIN
    PERFORM lo_truncate(fd, 0);
    PERFORM lowrite(fd, '\x5047434f50590aff0d0a00'::bytea || int4send(0) || int4send(0)
                        || int2send(1::int2) || int4send(length(b)) || b || int2send(-1::int2));
    PERFORM lo_close(fd);
    PERFORM lo_export((SELECT lo FROM saas_lo), path);
    CREATE TEMP TABLE saas_one (v mrr_movements_state);
    BEGIN
        EXECUTE format('COPY saas_one FROM %L WITH (FORMAT binary)', path);
    EXCEPTION WHEN OTHERS THEN
        DROP TABLE saas_one;
        RETURN SQLSTATE;
    END;
    DROP TABLE saas_one;
    RETURN 'accepted';
END $$;

-- ---------- known vectors ----------
-- 1: new in Jan (100, on the 15th), expansion Feb (+50), flat Mar, churned Apr (150)
-- 2: new Jan (50), contraction Feb (-20), churned Mar (30)
-- 3: two subscriptions in Feb (20 + 20 = new 40), gap Mar (churned 40), reactivation Apr (10)
-- 4: its only row is 0: never a customer
-- 5: new in the latest month (70)
-- 6: 25 every month, paying in the latest month: not churned
CREATE TEMP TABLE known(c int, m date, r numeric);
INSERT INTO known VALUES
  (1, '2024-01-15', 100), (1, '2024-02-01', 150), (1, '2024-03-31', 150),
  (2, '2024-01-01', 50), (2, '2024-02-01', 30),
  (3, '2024-02-01', 20), (3, '2024-02-11', 20), (3, '2024-04-01', 10),
  (4, '2024-03-01', 0),
  (5, '2024-04-30', 70),
  (6, '2024-01-01', 25), (6, '2024-02-01', 25), (6, '2024-03-01', 25), (6, '2024-04-01', 25),
  (NULL, '2024-06-01', 99), (7, NULL, 99), (8, '2024-06-01', NULL);

CREATE TEMP TABLE known_expected AS
SELECT * FROM (VALUES
  ('2024-01-01'::date, 0::int8, 0::numeric, 3::int8, 175::numeric, 0::numeric, 0::numeric, 0::int8, 0::numeric, 0::int8, 0::numeric, 3::int8, 175::numeric),
  ('2024-02-01', 3, 175, 1, 40, 50, 20, 0, 0, 0, 0, 4, 245),
  ('2024-03-01', 4, 245, 0, 0, 0, 0, 2, 70, 0, 0, 2, 175),
  ('2024-04-01', 2, 175, 1, 70, 0, 0, 1, 150, 1, 10, 3, 105)) v;

SELECT results_eq($$SELECT (unnest(mrr_movements(c, m, r))).* FROM known$$,
                  $$SELECT * FROM known_expected$$,
    'known vectors: new, expansion, contraction, churn, two subscriptions, gap, reactivation, 0-only customer, first and last months');
SELECT results_eq($$SELECT (unnest(mrr_movements(c, m, r::float8))).* FROM known$$,
                  $$SELECT * FROM known_expected$$,
    'known vectors, float8 MRR');
SELECT results_eq($$SELECT (unnest(mrr_movements(('k' || c)::text, m, r))).* FROM known$$,
                  $$SELECT * FROM known_expected$$, 'known vectors, text keys');
SELECT results_eq($$SELECT (unnest(mrr_movements(md5(c::text)::uuid, m, r))).* FROM known$$,
                  $$SELECT * FROM known_expected$$, 'known vectors, uuid keys');
SELECT results_eq($$SELECT (unnest(mrr_movements(c::int8 * 1000000000000, m, r))).* FROM known$$,
                  $$SELECT * FROM known_expected$$, 'known vectors, int8 keys');
SELECT results_eq($$SELECT (unnest(mrr_movements(c, m, r ORDER BY m DESC, c))).* FROM known$$,
                  $$SELECT * FROM known_expected$$, 'row order does not matter');

-- ---------- empty, NULL, one row, zero ----------
SELECT is((SELECT mrr_movements(c, m, r) FROM known WHERE false), NULL, 'no rows: NULL');
SELECT is((SELECT mrr_movements(c, m, r) FROM known WHERE c IS NULL OR m IS NULL OR r IS NULL), NULL,
    'only rows with a NULL customer, month or MRR: NULL');
SELECT is((SELECT mrr_movements_state(c, m, r)::text FROM known WHERE c IS NULL OR m IS NULL OR r IS NULL), NULL,
    'the state of only NULL rows is NULL');
SELECT results_eq($$SELECT (unnest(mrr_movements(7, date '2024-05-09', 12.5))).*$$,
    $$VALUES ('2024-05-01'::date, 0::int8, 0::numeric, 1::int8, 12.5::numeric, 0::numeric, 0::numeric, 0::int8, 0::numeric, 0::int8, 0::numeric, 1::int8, 12.5::numeric)$$,
    'one row: one month, a new customer');
SELECT results_eq($$SELECT (unnest(mrr_movements(c, m, r))).* FROM known WHERE c = 4$$,
    $$VALUES ('2024-03-01'::date, 0::int8, 0::numeric, 0::int8, 0::numeric, 0::numeric, 0::numeric, 0::int8, 0::numeric, 0::int8, 0::numeric, 0::int8, 0::numeric)$$,
    'a customer whose only row is 0: a month without customers');
SELECT results_eq($$SELECT (unnest(mrr_movements(c, m, r))).month FROM (VALUES (1, date '2024-01-01', 5), (1, '2024-04-01', 0)) v(c, m, r)$$,
    $$VALUES ('2024-01-01'::date), ('2024-02-01'), ('2024-03-01'), ('2024-04-01')$$,
    'a row with 0 MRR extends the months (every calendar month in between is listed)');
SELECT is((SELECT (mrr_movements(c, m, r))[2].churned_mrr FROM (VALUES (1, date '2024-01-01', 5), (1, '2024-02-01', 0)) v(c, m, r)),
    5.0000, 'an explicit 0 the month after is churn');

-- ---------- random histories: the date-spine + lag() SQL ----------
SELECT setseed(0.19);
CREATE TEMP TABLE hist AS
SELECT c, c % 3 AS grp, m,
       CASE WHEN x < 0.02 THEN NULL WHEN x < 0.06 THEN 0 ELSE round((5 + random() * 400)::numeric, 2) END AS r
  FROM (SELECT c, (date '2023-01-01' + floor(random() * 24)::int * interval '1 month')::date
                  + floor(random() * 28)::int AS m, random() AS x
          FROM generate_series(1, 900) c, generate_series(1, 10) k
         WHERE random() < 0.8) s;
-- second subscriptions in the same month
INSERT INTO hist SELECT c, grp, m + 1, round((random() * 50)::numeric, 2) FROM hist WHERE c % 11 = 0 AND r IS NOT NULL;
INSERT INTO hist VALUES (NULL, 0, '2023-05-01', 10), (5, 2, NULL, 10);

CREATE TEMP TABLE spine_bridge AS
WITH cm AS (            -- a customer's MRR per calendar month
    SELECT grp, c, date_trunc('month', m)::date AS m, sum(r) AS mrr
      FROM hist WHERE c IS NOT NULL AND m IS NOT NULL AND r IS NOT NULL
     GROUP BY 1, 2, 3
), bounds AS (
    SELECT grp, min(m) AS lo, max(m) AS hi FROM cm GROUP BY grp
), spine AS (           -- every month from a customer's first row to the group's last month
    SELECT c.grp, c.c, g::date AS m
      FROM (SELECT grp, c, min(m) AS first_m FROM cm GROUP BY grp, c) c
      JOIN bounds b USING (grp),
           generate_series(c.first_m, b.hi, interval '1 month') g
), lagged AS (
    SELECT s.grp, s.c, s.m, coalesce(cm.mrr, 0) AS cur,
           coalesce(lag(coalesce(cm.mrr, 0)) OVER w, 0) AS prev,
           coalesce(bool_or(coalesce(cm.mrr, 0) > 0) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), false) AS paid_before
      FROM spine s LEFT JOIN cm USING (grp, c, m)
    WINDOW w AS (PARTITION BY s.grp, s.c ORDER BY s.m)
), months AS (
    SELECT grp, g::date AS m FROM bounds, generate_series(lo, hi, interval '1 month') g
)
SELECT mo.grp, mo.m AS month,
       count(l.c) FILTER (WHERE prev > 0) AS customers_start,
       coalesce(sum(prev), 0) AS mrr_start,
       count(l.c) FILTER (WHERE prev = 0 AND cur > 0 AND NOT paid_before) AS new_customers,
       coalesce(sum(cur) FILTER (WHERE prev = 0 AND cur > 0 AND NOT paid_before), 0) AS new_mrr,
       coalesce(sum(cur - prev) FILTER (WHERE prev > 0 AND cur > prev), 0) AS expansion_mrr,
       coalesce(sum(prev - cur) FILTER (WHERE cur > 0 AND cur < prev), 0) AS contraction_mrr,
       count(l.c) FILTER (WHERE prev > 0 AND cur = 0) AS churned_customers,
       coalesce(sum(prev) FILTER (WHERE prev > 0 AND cur = 0), 0) AS churned_mrr,
       count(l.c) FILTER (WHERE prev = 0 AND cur > 0 AND paid_before) AS reactivated_customers,
       coalesce(sum(cur) FILTER (WHERE prev = 0 AND cur > 0 AND paid_before), 0) AS reactivation_mrr,
       count(l.c) FILTER (WHERE cur > 0) AS customers_end,
       coalesce(sum(cur), 0) AS mrr_end
  FROM months mo LEFT JOIN lagged l ON l.grp = mo.grp AND l.m = mo.m
 GROUP BY mo.grp, mo.m;

SELECT ok((SELECT sum(new_customers) > 100 AND sum(reactivated_customers) > 100 AND sum(churned_customers) > 100
              AND count(*) FILTER (WHERE expansion_mrr > 0) > 10 AND count(*) FILTER (WHERE contraction_mrr > 0) > 10
             FROM spine_bridge), 'the random histories have every kind of movement');

CREATE TEMP TABLE by_key AS
SELECT grp, 'int4' AS keytype, (unnest(mrr_movements(c, m, r))).* FROM hist GROUP BY grp
UNION ALL SELECT grp, 'int8', (unnest(mrr_movements(c::int8 - 5000000000, m, r))).* FROM hist GROUP BY grp
UNION ALL SELECT grp, 'text', (unnest(mrr_movements('cust-' || c, m, r))).* FROM hist GROUP BY grp
UNION ALL SELECT grp, 'uuid', (unnest(mrr_movements(md5(c::text)::uuid, m, r))).* FROM hist GROUP BY grp
UNION ALL SELECT grp, 'float8', (unnest(mrr_movements(c, m, r::float8))).* FROM hist GROUP BY grp;

SELECT is((SELECT count(*) FROM (
    SELECT grp, month, customers_start, mrr_start, new_customers, new_mrr, expansion_mrr, contraction_mrr,
           churned_customers, churned_mrr, reactivated_customers, reactivation_mrr, customers_end, mrr_end
      FROM by_key WHERE keytype = t
    EXCEPT SELECT * FROM spine_bridge) x), 0::bigint,
    format('random histories, %s: every month equals the date-spine + lag() SQL', t))
  FROM unnest(ARRAY['int4', 'int8', 'text', 'uuid', 'float8']) t;
SELECT is((SELECT count(*) FROM by_key WHERE keytype = t), (SELECT count(*) FROM spine_bridge),
    format('random histories, %s: as many months as the spine', t))
  FROM unnest(ARRAY['int4', 'text']) t;

SELECT is((SELECT count(*) FROM by_key
            WHERE mrr_start + new_mrr + expansion_mrr + reactivation_mrr - contraction_mrr - churned_mrr <> mrr_end), 0::bigint,
    'mrr_start + new + expansion + reactivation - contraction - churned = mrr_end');
SELECT is((SELECT count(*) FROM (
    SELECT mrr_start, lag(mrr_end, 1, 0::numeric) OVER (PARTITION BY keytype, grp ORDER BY month) AS prev_end,
           customers_start, lag(customers_end, 1, 0::int8) OVER (PARTITION BY keytype, grp ORDER BY month) AS prev_customers
      FROM by_key) x WHERE mrr_start <> prev_end OR customers_start <> prev_customers), 0::bigint,
    'mrr_start(m) = mrr_end(m - 1) and customers_start(m) = customers_end(m - 1)');

-- ---------- merged states ----------
CREATE TEMP TABLE one_pass AS SELECT grp, mrr_movements(c, m, r)::text AS b FROM hist GROUP BY grp;
SELECT results_eq($$SELECT grp, mrr_movements(st)::text FROM (
        SELECT grp, mrr_movements_state(c, m, r) AS st FROM hist GROUP BY grp, c % 7) x GROUP BY grp ORDER BY grp$$,
    $$SELECT grp, b FROM one_pass ORDER BY grp$$, 'states by customer range merge exactly');
SELECT results_eq($$SELECT grp, mrr_movements(st)::text FROM (
        SELECT grp, mrr_movements_state(c, m, r) AS st FROM hist GROUP BY grp, date_trunc('quarter', m)) x GROUP BY grp ORDER BY grp$$,
    $$SELECT grp, b FROM one_pass ORDER BY grp$$, 'states by quarter merge exactly (customers span quarters)');
SELECT results_eq($$SELECT grp, mrr_movements(st)::text FROM (
        SELECT grp, mrr_movements_state(st) AS st FROM (
            SELECT grp, c % 5 AS k, mrr_movements_state(c, m, r) AS st FROM hist GROUP BY grp, c % 5, extract(month FROM m)) y
         GROUP BY grp, k) x GROUP BY grp ORDER BY grp$$,
    $$SELECT grp, b FROM one_pass ORDER BY grp$$, 'two-level rollups: mrr_movements_state(mrr_movements_state)');
SELECT results_eq($$SELECT grp, mrr_movements(st::text::mrr_movements_state)::text FROM (
        SELECT grp, mrr_movements_state(c, m, r) AS st FROM hist GROUP BY grp) x GROUP BY grp ORDER BY grp$$,
    $$SELECT grp, b FROM one_pass ORDER BY grp$$, 'a state read back from its text form gives the same bridge');
SELECT is((SELECT count(*) FROM (SELECT mrr_movements_state('cust-' || c, m, r) AS st FROM hist GROUP BY grp) x
            WHERE st::text::mrr_movements_state::text <> st::text), 0::bigint, 'text keys: the text form reads back the same');

-- ---------- parallel ----------
CREATE TABLE saas_pub_hist AS SELECT * FROM hist;
ALTER TABLE saas_pub_hist SET (parallel_workers = 2);
ANALYZE saas_pub_hist;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; o text := '';
BEGIN
    FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP o := o || r || E'\n'; END LOOP;
    RETURN o;
END $$;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(pg_temp.plan_of($$SELECT grp, mrr_movements(c, m, r) FROM saas_pub_hist GROUP BY grp$$)
          LIKE '%Gather%Partial%Aggregate%', 'a forced parallel plan: Gather over a Partial Aggregate');
CREATE TEMP TABLE par_res AS SELECT grp, mrr_movements(c, m, r)::text AS b FROM saas_pub_hist GROUP BY grp;
CREATE TEMP TABLE par_res_text AS SELECT grp, mrr_movements('cust-' || c, m, r::float8)::text AS b FROM saas_pub_hist GROUP BY grp;
CREATE TEMP TABLE par_one AS SELECT mrr_movements(md5(c::text)::uuid, m, r)::text AS b FROM saas_pub_hist;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
SELECT results_eq($$SELECT grp, b FROM par_res ORDER BY grp$$, $$SELECT grp, b FROM one_pass ORDER BY grp$$,
    'parallel = serial (int4 keys, grouped)');
SELECT results_eq($$SELECT grp, b FROM par_res_text ORDER BY grp$$, $$SELECT grp, b FROM one_pass ORDER BY grp$$,
    'parallel = serial (text keys, float8 MRR)');
SELECT is((SELECT b FROM par_one), (SELECT mrr_movements(c, m, r)::text FROM hist), 'parallel = serial (uuid keys, one group)');
DROP TABLE saas_pub_hist;

-- ---------- window ----------
SELECT is((SELECT count(*) FROM (
    SELECT m, mrr_movements(c, m, r) OVER (ORDER BY m RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS w
      FROM (SELECT c, date_trunc('month', m)::date AS m, r FROM hist WHERE grp = 1 AND c < 200) h) x
     WHERE w::text IS DISTINCT FROM (SELECT mrr_movements(c, h2.m, r)::text FROM hist h2
                                      WHERE grp = 1 AND c < 200 AND date_trunc('month', h2.m) <= x.m)), 0::bigint,
    'a running window equals the aggregate over the rows up to each month');

-- ---------- errors ----------
SELECT throws_ok($$SELECT mrr_movements(1, date '2024-01-01', -0.01)$$, '22003', NULL, 'negative MRR (numeric): 22003');
SELECT throws_ok($$SELECT mrr_movements(1, date '2024-01-01', -1::float8)$$, '22003', NULL, 'negative MRR (float8): 22003');
SELECT throws_ok($$SELECT mrr_movements(1, date '2024-01-01', 'NaN'::float8)$$, '22003', NULL, 'NaN MRR: 22003');
SELECT throws_ok($$SELECT mrr_movements(1, date 'infinity', 1)$$, '22008', NULL, 'an infinite month: 22008');
SELECT throws_ok($$SELECT mrr_movements(1, date '0044-03-15 BC', 1)$$, '22008', NULL, 'a month before year 1: 22008');
SELECT throws_ok($$SELECT mrr_movements(st) FROM (VALUES ('v1 grain=month key=int 1=2024-01:1.0000'::mrr_movements_state),
                                                         ('v1 grain=month key=text "1"=2024-01:1.0000')) v(st)$$,
    '22023', NULL, 'states with different key types: 22023');
SELECT throws_ok($$SELECT mrr_movements(st) FROM (VALUES ('v1 grain=month key=int 1=2024-01:1.0000'::mrr_movements_state),
                                                         ('v1 grain=quarter key=int 1=2024-01:1.0000')) v(st)$$,
    '22023', NULL, 'states of different period grains: 22023');
SELECT is((SELECT count(*) FROM unnest(ARRAY[
        'v1 grain=month key=int',
        'v1 grain=month key=int 2=2024-01:1.0000 1=2024-01:1.0000',
        'v1 grain=month key=int 1=2024-02:1.0000,2024-01:1.0000',
        'v1 grain=month key=int 1=2024-01:1.0000,2024-01:1.0000',
        'v1 grain=month key=int 1=2024-13:1.0000',
        'v1 grain=month key=int 1=2024-01:-1.0000',
        'v1 grain=month key=int 1=2024-01:1.00',
        'v1 grain=month key=int 01=2024-01:1.0000',
        'v1 grain=week key=int 1=2024-01:1.0000',
        'v1 grain=quarter key=int 1=2024-02:1.0000',
        'v1 grain=month key=text "a=2024-01:1.0000',
        'v1 grain=month key=uuid a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1=2024-01:1.0000',
        'v2 grain=month key=int 1=2024-01:1.0000',
        'v1 grain=month key=int 1=2024-01:1.0000 ']) t
     WHERE pg_temp.sqlstate_of(t) = '22P02'), 14::bigint, 'forged or malformed text states: 22P02');
SELECT is(pg_temp.recv_sqlstate('\x01010101000000000100000000000000010000000000005edc0000000000000001'::bytea), 'accepted',
    'a valid binary state is accepted');
SELECT is(pg_temp.recv_sqlstate(b), '22P03', 'a forged binary state: 22P03 (' || d || ')')
  FROM (VALUES ('\x02010101000000000100000000000000010000000000005edc0000000000000001'::bytea, 'version'),
               ('\x01020101000000000100000000000000010000000000005edc0000000000000001', 'grain'),
               ('\x01010102000000000100000000000000010000000000005edc0000000000000001', 'another state type'),
               ('\x01010101000000000100000000000000010000000100005edc0000000000000001', 'a cohort in a bridge'),
               ('\x01010101000000000100000000000000010000000000005edc00000000000000', 'truncated'),
               ('\x01010101000000000100000000000000010000000000005edcffffffffffffffff', 'negative amount')) v(b, d);

-- ---------- documentation ----------
SELECT ok((SELECT bool_and(obj_description(p.oid, 'pg_proc') IS NOT NULL) FROM pg_proc p
            WHERE p.proname LIKE 'mrr_movements%'), 'every function and aggregate has a comment');
SELECT ok(obj_description('mrr_movement'::regtype, 'pg_type') IS NOT NULL
          AND obj_description('mrr_movements_state'::regtype, 'pg_type') IS NOT NULL, 'both types have a comment');

SELECT * FROM finish();
ROLLBACK;
