-- pgTAP tests of the whole-number spellings of integer parameters
-- (sql/install/79_whole_number_parameters.sql,
-- src/whole_number_parameters.c): loyal_customer_rate's min_orders and the
-- scale_max of csat and ces given as bigint, numeric, double precision or an
-- untyped parameter, for every key or score type.  Expected values are
-- worked by hand on tiny data; each form must also equal its int4 form
-- (results and states), refuse a fraction, NaN, infinity or a value beyond
-- int4 with 22023, and treat NULL and out-of-range values like the int4 form.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(71);

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

-- Orders: customer 1 three rows, customer 2 one, customer 3 two.  With
-- min_orders 2, customers 1 and 3 are loyal: 100 * 2 / 3.
CREATE TEMP TABLE o(c int) ;
INSERT INTO o VALUES (1), (1), (1), (2), (3), (3);
-- Answers: csat on 1..5 {5, 4, 3, 1}: top two boxes 2 of 4 = 50;
-- ces on 1..7 {1, 2, 6}: mean 3.
CREATE TEMP TABLE s5(x int);
INSERT INTO s5 VALUES (5), (4), (3), (1);
CREATE TEMP TABLE s7(x int);
INSERT INTO s7 VALUES (1), (2), (6);

-- loyal_customer_rate(key, min_orders bigint), every key type.
SELECT is((SELECT loyal_customer_rate(c::int2, 2::int8) FROM o)::numeric(12,9), 66.666666667, 'loyal_customer_rate(int2, int8) is 200/3');
SELECT is((SELECT loyal_customer_rate(c, 2::int8) FROM o)::numeric(12,9), 66.666666667, 'loyal_customer_rate(int4, int8) is 200/3');
SELECT is((SELECT loyal_customer_rate(c::int8, 2::int8) FROM o)::numeric(12,9), 66.666666667, 'loyal_customer_rate(int8, int8) is 200/3');
SELECT is((SELECT loyal_customer_rate(c::numeric, 2::int8) FROM o)::numeric(12,9), 66.666666667, 'loyal_customer_rate(numeric, int8) is 200/3');
SELECT is((SELECT loyal_customer_rate(c::text, 2::int8) FROM o)::numeric(12,9), 66.666666667, 'loyal_customer_rate(text, int8) is 200/3');
SELECT is((SELECT loyal_customer_rate(('00000000-0000-0000-0000-00000000000' || c)::uuid, 2::int8) FROM o)::numeric(12,9), 66.666666667, 'loyal_customer_rate(uuid, int8) is 200/3');
SELECT is((SELECT loyal_customer_rate(c, 3::int8) FROM o)::numeric(12,9), 33.333333333, 'loyal_customer_rate(int4, 3::int8) is 100/3 (only customer 1)');
SELECT is((SELECT loyal_customer_rate(c, 1::int8) FROM o), 100::float8, 'loyal_customer_rate(int4, 1::int8) is 100');
SELECT is((SELECT loyal_customer_rate(c, 2::int8) FROM o WHERE false), NULL, 'loyal_customer_rate(int4, int8) of no rows is NULL');
SELECT is((SELECT loyal_customer_rate(NULL::int, 2::int8) FROM o), NULL, 'loyal_customer_rate(int4, int8) of all-NULL keys is NULL');
-- A bigint column, not only a literal.
SELECT is((SELECT loyal_customer_rate(c, m) FROM o, (VALUES (2::int8)) p(m))::numeric(12,9), 66.666666667, 'loyal_customer_rate(int4, bigint column) is 200/3');

-- The state of the bigint form is the state of the int4 form.
SELECT is((SELECT loyal_customer_rate_state(c, 2::int8)::text FROM o), (SELECT loyal_customer_rate_state(c, 2)::text FROM o), 'loyal_customer_rate_state(int4, int8) equals the int4 form');
SELECT is((SELECT loyal_customer_rate_state(c::text, 2::int8)::text FROM o), (SELECT loyal_customer_rate_state(c::text, 2)::text FROM o), 'loyal_customer_rate_state(text, int8) equals the int4 form');
SELECT is((SELECT loyal_customer_rate_state(c::numeric, 2::int8)::text FROM o), (SELECT loyal_customer_rate_state(c::int8, 2)::text FROM o), 'loyal_customer_rate_state(numeric, int8) equals the int8-key int4 form');
-- Merged: customers 1, 2 by the bigint form, 3 (twice) by the int4 form.
SELECT is((SELECT loyal_customer_rate(st) FROM (
             SELECT loyal_customer_rate_state(c, 2::int8) st FROM o WHERE c < 3
             UNION ALL SELECT loyal_customer_rate_state(c, 2) FROM o WHERE c = 3) u)::numeric(12,9),
          66.666666667, 'bigint and int4 states merge');
-- Window frame: rows 1..3 of customer 1 then 2, 3, 3; sliding frame of 3 rows.
SELECT is((SELECT array_agg(r::numeric(6,2) ORDER BY i) FROM (
             SELECT i, loyal_customer_rate(c, 2::int8) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) r
             FROM (SELECT row_number() OVER () i, c FROM o) n) w),
          ARRAY[0, 100, 100, 50, 0, 50]::numeric(6,2)[], 'loyal_customer_rate(int4, int8) over a sliding frame');

-- Errors: the same SQLSTATEs as the int4 form.
SELECT throws_ok($$SELECT loyal_customer_rate(c, 5000000000::int8) FROM (VALUES (1)) v(c)$$, '22023', 'min_orders 5000000000 is out of range', 'loyal_customer_rate: min_orders 5000000000 is 22023 naming it');
SELECT throws_ok($$SELECT loyal_customer_rate(c::text, -5000000000::int8) FROM (VALUES (1)) v(c)$$, '22023', 'min_orders -5000000000 is out of range', 'loyal_customer_rate(text): min_orders -5000000000 is 22023');
SELECT throws_ok($$SELECT loyal_customer_rate(c::uuid, 5000000000::int8) FROM (VALUES ('00000000-0000-0000-0000-000000000001')) v(c)$$, '22023', NULL, 'loyal_customer_rate(uuid): min_orders 5000000000 is 22023');
SELECT throws_ok($$SELECT loyal_customer_rate(c, 0::int8) FROM (VALUES (1)) v(c)$$, '22023', 'min_orders 0 is out of range', 'loyal_customer_rate: min_orders 0::int8 is 22023 like 0');
SELECT throws_ok($$SELECT loyal_customer_rate(c, NULL::int8) FROM (VALUES (1)) v(c)$$, '22004', 'min_orders must not be null', 'loyal_customer_rate: NULL::int8 min_orders is 22004 like NULL');
SELECT throws_ok($$SELECT loyal_customer_rate(c, m) FROM (VALUES (1, 2::int8), (2, 3::int8)) v(c, m)$$, '22023', NULL, 'loyal_customer_rate: bigint min_orders changing in a group is 22023');
SELECT throws_ok($$SELECT loyal_customer_rate_state(c, 5000000000::int8) FROM (VALUES (1)) v(c)$$, '22023', NULL, 'loyal_customer_rate_state: min_orders 5000000000 is 22023');

-- csat(score, scale_max bigint), every score type.
SELECT is((SELECT csat(x::int2, 5::int8) FROM s5), 50::float8, 'csat(int2, int8) is 50');
SELECT is((SELECT csat(x, 5::int8) FROM s5), 50::float8, 'csat(int4, int8) is 50');
SELECT is((SELECT csat(x::int8, 5::int8) FROM s5), 50::float8, 'csat(int8, int8) is 50');
SELECT is((SELECT csat(x::numeric, 5::int8) FROM s5), 50::float8, 'csat(numeric, int8) is 50');
SELECT is((SELECT csat(x::float8, 5::int8) FROM s5), 50::float8, 'csat(float8, int8) is 50');
SELECT is((SELECT csat(x, 5::int8) FROM s5 WHERE false), NULL, 'csat(int4, int8) of no rows is NULL');
SELECT is((SELECT csat(x, 5::int8) FROM s5 WHERE x = 5), 100::float8, 'csat(int4, int8) of one top answer is 100');
SELECT is((SELECT csat_state(x, 5::int8)::text FROM s5), (SELECT csat_state(x, 5)::text FROM s5), 'csat_state(int4, int8) equals the int4 form');
SELECT is((SELECT csat_state(x::float8, 5::int8)::text FROM s5), (SELECT csat_state(x::float8, 5)::text FROM s5), 'csat_state(float8, int8) equals the int4 form');
SELECT is((SELECT csat(st) FROM (SELECT csat_state(x, 5::int8) st FROM s5 WHERE x > 3
                                 UNION ALL SELECT csat_state(x, 5) FROM s5 WHERE x <= 3) u), 50::float8, 'csat bigint and int4 states merge');

-- ces(score, scale_max bigint), every score type.
SELECT is((SELECT ces(x::int2, 7::int8) FROM s7), 3::float8, 'ces(int2, int8) is 3');
SELECT is((SELECT ces(x, 7::int8) FROM s7), 3::float8, 'ces(int4, int8) is 3');
SELECT is((SELECT ces(x::int8, 7::int8) FROM s7), 3::float8, 'ces(int8, int8) is 3');
SELECT is((SELECT ces(x::numeric, 7::int8) FROM s7), 3::float8, 'ces(numeric, int8) is 3');
SELECT is((SELECT ces(x::float8, 7::int8) FROM s7), 3::float8, 'ces(float8, int8) is 3');
SELECT is((SELECT ces_state(x, 7::int8)::text FROM s7), (SELECT ces_state(x, 7)::text FROM s7), 'ces_state(int4, int8) equals the int4 form');
SELECT is((SELECT ces_state(x::numeric, 7::int8)::text FROM s7), (SELECT ces_state(x::numeric, 7)::text FROM s7), 'ces_state(numeric, int8) equals the int4 form');
SELECT is((SELECT array_agg(r ORDER BY x) FROM (
             SELECT x, ces(x, 7::int8) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) r FROM s7) w),
          ARRAY[1, 1.5, 4]::float8[], 'ces(int4, int8) over a sliding frame');

-- survey errors: the same SQLSTATEs as the int4 form.
SELECT throws_ok($$SELECT csat(x, 5000000000::int8) FROM (VALUES (1)) v(x)$$, '22023', 'scale_max 5000000000 is out of range', 'csat: scale_max 5000000000 is 22023 naming it');
SELECT throws_ok($$SELECT csat(x::float8, -5000000000::int8) FROM (VALUES (1)) v(x)$$, '22023', NULL, 'csat(float8): scale_max -5000000000 is 22023');
SELECT throws_ok($$SELECT ces(x, 5000000000::int8) FROM (VALUES (1)) v(x)$$, '22023', 'scale_max 5000000000 is out of range', 'ces: scale_max 5000000000 is 22023 naming it');
SELECT throws_ok($$SELECT ces_state(x::numeric, 5000000000::int8) FROM (VALUES (1)) v(x)$$, '22023', NULL, 'ces_state(numeric): scale_max 5000000000 is 22023');
SELECT throws_ok($$SELECT csat(x, 1::int8) FROM (VALUES (1)) v(x)$$, '22023', 'scale_max 1 is out of range', 'csat: scale_max 1::int8 is 22023 like 1');
SELECT throws_ok($$SELECT ces(x, 1::int8) FROM (VALUES (1)) v(x)$$, '22023', NULL, 'ces: scale_max 1::int8 is 22023 like 1');
SELECT throws_ok($$SELECT csat(x, NULL::int8) FROM (VALUES (1)) v(x)$$, '22004', 'scale_max must not be null', 'csat: NULL::int8 scale_max is 22004 like NULL');
SELECT throws_ok($$SELECT ces(x::int2, NULL::int8) FROM (VALUES (1)) v(x)$$, '22004', NULL, 'ces(int2): NULL::int8 scale_max is 22004');
SELECT throws_ok($$SELECT csat(x, 5::int8) FROM (VALUES (6)) v(x)$$, '22003', NULL, 'csat(int4, int8): score 6 on 1..5 is 22003 like the int4 form');

-- Other spellings of a whole number: numeric, double precision, untyped.
SELECT is((SELECT loyal_customer_rate(c, 2.0) FROM o)::numeric(12,9), 66.666666667, 'loyal_customer_rate(int4, numeric 2.0) is 200/3');
SELECT is((SELECT loyal_customer_rate(c::text, 2::float8) FROM o)::numeric(12,9), 66.666666667, 'loyal_customer_rate(text, float8 2) is 200/3');
SELECT is((SELECT loyal_customer_rate(c, '2') FROM o)::numeric(12,9), 66.666666667, 'loyal_customer_rate(int4, untyped ''2'') resolves and is 200/3');
SELECT is((SELECT csat(x, 5.0) FROM s5), 50::float8, 'csat(int4, numeric 5.0) is 50');
SELECT is((SELECT ces(x::int8, '7') FROM s7), 3::float8, 'ces(int8, untyped ''7'') resolves and is 3');
SELECT is((SELECT csat(NULL::int, NULL) FROM s5), NULL, 'csat(all NULL, untyped NULL) resolves (not ambiguous) and is NULL, as in 1.1');
SELECT throws_ok($$SELECT csat(x, NULL) FROM s5$$, '22004', 'scale_max must not be null', 'csat(int4, untyped NULL) is 22004, as in 1.1');
SELECT throws_ok($$SELECT loyal_customer_rate(c, 2.5) FROM (VALUES (1)) v(c)$$, '22023', 'min_orders 2.5 is out of range', 'loyal_customer_rate: min_orders 2.5 is 22023 naming it');
SELECT throws_ok($$SELECT loyal_customer_rate(c, 'NaN'::float8) FROM (VALUES (1)) v(c)$$, '22023', 'min_orders NaN is out of range', 'loyal_customer_rate: min_orders NaN is 22023');
SELECT throws_ok($$SELECT csat(x, 'Infinity'::float8) FROM (VALUES (1)) v(x)$$, '22023', 'scale_max Infinity is out of range', 'csat: scale_max Infinity is 22023');
SELECT throws_ok($$SELECT ces(x, 6.5) FROM (VALUES (1)) v(x)$$, '22023', 'scale_max 6.5 is out of range', 'ces: scale_max 6.5 is 22023 naming it');

-- Forced parallel plan: the bigint forms combine like the int4 forms.
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
-- Temp tables are never scanned in parallel: use a regular one.
CREATE TABLE whole_number_parameters_big AS SELECT g % 1000 AS c, 1 + g % 5 AS x FROM generate_series(1, 20000) g;
ANALYZE whole_number_parameters_big;
SELECT matches(pg_temp.plan_of($$SELECT loyal_customer_rate(c, 21::int8), csat(x, 5::int8), ces(x, 5::int8) FROM whole_number_parameters_big$$),
               'Gather.*Partial Aggregate', 'the bigint forms get a parallel plan (Gather, Partial Aggregate)');
-- Each customer has 20 rows: min_orders 20 makes all loyal, 21 none;
-- answers 1..5 evenly: csat 40, ces 3.
SELECT is((SELECT ARRAY[loyal_customer_rate(c, 20::int8), loyal_customer_rate(c, 21::int8), csat(x, 5::int8), ces(x, 5::int8)] FROM whole_number_parameters_big),
          ARRAY[100, 0, 40, 3]::float8[], 'bigint forms under a parallel plan');

-- ---------- scalar functions: the predictions and cei ----------
-- Each integer argument also takes bigint, numeric and double precision
-- (and an untyped parameter): the same value as the int4 form, which the
-- model tests check against the literature; NULL gives NULL (STRICT).
CREATE TEMP TABLE wm AS SELECT '{"alpha": 0.704, "beta": 1.182}'::sbg_model AS sbg,
    '{"alpha": 1.204, "beta": 0.750, "gamma": 0.657, "delta": 2.783}'::bgbb_model AS bgbb,
    '{"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}'::clv_model AS clv;
SELECT is((SELECT count(*)::int FROM wm, LATERAL (VALUES
             ('sbg_survival', sbg_survival(sbg, 3), sbg_survival(sbg, 3::bigint), sbg_survival(sbg, 3.0), sbg_survival(sbg, 3::float8)),
             ('sbg_retention', sbg_retention(sbg, 4), sbg_retention(sbg, 4::bigint), sbg_retention(sbg, 4.0), sbg_retention(sbg, 4::float8)),
             ('sbg_derl', sbg_derl(sbg, 0.1, 2), sbg_derl(sbg, 0.1, 2::bigint), sbg_derl(sbg, 0.1, 2.0), sbg_derl(sbg, 0.1, 2::float8)),
             ('bgbb_p_alive', bgbb_p_alive(bgbb, 3, 5, 6), bgbb_p_alive(bgbb, 3::bigint, 5::bigint, 6::bigint),
              bgbb_p_alive(bgbb, 3.0, 5, 6), bgbb_p_alive(bgbb, 3, 5::float8, 6)),
             ('bgbb_expected_purchases', bgbb_expected_purchases(bgbb, 5, 3, 5, 6), bgbb_expected_purchases(bgbb, 5::bigint, 3, 5, 6),
              bgbb_expected_purchases(bgbb, 5, 3, 5, 6.0), bgbb_expected_purchases(bgbb, 5::float8, 3::float8, 5::float8, 6::float8)),
             ('bgbb_dert', bgbb_dert(bgbb, 0.1, 3, 5, 6), bgbb_dert(bgbb, 0.1, 3::bigint, 5, 6), bgbb_dert(bgbb, 0.1, 3, 5.0, 6),
              bgbb_dert(bgbb, 0.1, 3, 5, 6::float8)),
             ('clv_purchase_probability', clv_purchase_probability(clv, 39, 1), clv_purchase_probability(clv, 39, 1::bigint),
              clv_purchase_probability(clv, 39, 1.0), clv_purchase_probability(clv, 39, 1::float8)),
             ('cei', cei(100, 50, 80, 60, 1), cei(100, 50, 80, 60, 1::bigint), cei(100, 50, 80, 60, 1.0), cei(100, 50, 80, 60, 1::float8))
           ) v(f, i4, i8, num, f8)
           WHERE i4 IS NULL OR i8 IS DISTINCT FROM i4 OR num IS DISTINCT FROM i4 OR f8 IS DISTINCT FROM i4), 0,
          'the predictions and cei: bigint, numeric and double precision integer arguments give the int4 form''s value');
SELECT is((SELECT sbg_survival(sbg, NULL) IS NULL AND bgbb_p_alive(bgbb, NULL, 1, 2) IS NULL AND cei(1, 1, 1, 1, NULL) IS NULL FROM wm), true,
          'a NULL integer argument gives NULL, as the int4 forms do');
SELECT is((SELECT sbg_survival(sbg, '3') FROM wm), (SELECT sbg_survival(sbg, 3) FROM wm),
          'an untyped argument resolves (to the double precision form) and gives the int4 form''s value');
SELECT throws_ok($$SELECT sbg_survival('{"alpha": 0.704, "beta": 1.182}', 2.5)$$, '22023', 't 2.5 is out of range',
                 'sbg_survival: a fractional period is 22023 naming it');
SELECT throws_ok($$SELECT bgbb_p_alive('{"alpha": 1.204, "beta": 0.750, "gamma": 0.657, "delta": 2.783}', 3, 5, 1e10)$$, '22023',
                 'periods 10000000000 is out of range', 'bgbb_p_alive: periods beyond int4 is 22023 naming it');
SELECT throws_ok($$SELECT clv_purchase_probability('{"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}', 39, 'NaN'::float8)$$, '22023',
                 'n NaN is out of range', 'clv_purchase_probability: NaN purchases is 22023');
SELECT throws_ok($$SELECT cei(100, 50, 80, 60, 0::bigint)$$, '22023', 'months 0 is out of range',
                 'cei: 0 months as bigint is the int4 form''s 22023');
SELECT throws_ok($$SELECT sbg_survival('{"alpha": 0.704, "beta": 1.182}', -1::bigint)$$, '22023', 'sbg_survival period -1 is negative',
                 'sbg_survival: a negative bigint period is the int4 form''s error');

SELECT * FROM finish();
ROLLBACK;
