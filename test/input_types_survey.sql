-- pgTAP tests of the survey score types of issue 24 (sql/install/
-- 11_survey_input_types.sql, src/survey_input_types.c): nps, csat and ces
-- over smallint, bigint, numeric and double precision scores, and csat/ces
-- with a bigint scale_max.  Expected values are hand-calculated; a
-- differential check against the plain-SQL formulas over random answers,
-- every error with its SQLSTATE, parallel plans and sliding windows.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(63);

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

-- A table as pandas' to_sql makes it: int64 as bigint, a column with a
-- missing answer as double precision; numeric and smallint as migrations
-- and ORMs leave them.
CREATE TABLE answers(i2 smallint, i4 integer, i8 bigint, num numeric, f8 float8);
-- NPS answers 10, 9, 9, 8, 3 and a missing one: 5 responses, 3 promoters,
-- 1 passive, 1 detractor: 100 * (3 - 1) / 5 = 40.
INSERT INTO answers SELECT v, v, v, v, v FROM (VALUES (10), (9), (9), (8), (3), (NULL)) t(v);

-- ===================================================================
-- Every score type resolves without a cast and gives the hand value
-- ===================================================================
SELECT is(nps(i2), 40::float8, 'nps(smallint)') FROM answers;
SELECT is(nps(i8), 40::float8, 'nps(bigint)') FROM answers;
SELECT is(nps(num), 40::float8, 'nps(numeric)') FROM answers;
SELECT is(nps(f8), 40::float8, 'nps(double precision)') FROM answers;
SELECT is(nps(f8::real), 40::float8, 'nps(real) resolves to the double precision form') FROM answers;
SELECT is(nps_breakdown(nps_state(f8))::text, '(5,3,1,1,40)', 'nps_breakdown of nps_state(double precision)') FROM answers;
SELECT is(nps_state(i8)::text, nps_state(i4)::text, 'nps_state(bigint) is the state of the same int answers') FROM answers;

-- The smallint form is its own overload (not the double precision one,
-- which is what the preferred-type rule would pick without it).
SELECT ok(EXISTS (SELECT 1 FROM pg_proc WHERE oid = 'nps(smallint)'::regprocedure), 'nps(smallint) is an overload');
SELECT ok(EXISTS (SELECT 1 FROM pg_proc WHERE oid = 'nps_state(numeric)'::regprocedure), 'nps_state(numeric) exists');

-- CSAT on 1-5: answers 5, 4, 3, 1 and a missing one: 2 of 4 satisfied = 50.
CREATE TABLE csat_answers AS
SELECT v::smallint AS i2, v::int AS i4, v::bigint AS i8, v::numeric AS num, v::float8 AS f8
  FROM (VALUES (5), (4), (3), (1), (NULL)) t(v);
SELECT is(csat(i2), 50::float8, 'csat(smallint)') FROM csat_answers;
SELECT is(csat(i8), 50::float8, 'csat(bigint)') FROM csat_answers;
SELECT is(csat(num), 50::float8, 'csat(numeric)') FROM csat_answers;
SELECT is(csat(f8), 50::float8, 'csat(double precision)') FROM csat_answers;
-- on 1-7 the top two boxes are 6 and 7: none of 5, 4, 3, 1
SELECT is(csat(i8, 7), 0::float8, 'csat(bigint, 7): none of 5, 4, 3, 1 is 6 or 7') FROM csat_answers;
SELECT is(round(csat(num, 4)::numeric, 9), 66.666666667, 'csat(numeric, 4): 4, 3 of 4, 3, 1 are in the top two boxes of 1..4') FROM csat_answers WHERE i4 <= 4 OR i4 IS NULL;
SELECT is(csat_state(f8, 5)::text, csat_state(i4, 5)::text, 'csat_state(double precision, int) is the state of the int answers') FROM csat_answers;

-- CES on 1-7: 5, 4, 3, 1: mean 13 / 4 = 3.25.
SELECT is(ces(i2), 3.25::float8, 'ces(smallint)') FROM csat_answers;
SELECT is(ces(i8), 3.25::float8, 'ces(bigint)') FROM csat_answers;
SELECT is(ces(num), 3.25::float8, 'ces(numeric)') FROM csat_answers;
SELECT is(ces(f8), 3.25::float8, 'ces(double precision)') FROM csat_answers;
SELECT is(ces(f8, 5), 3.25::float8, 'ces(double precision, 5)') FROM csat_answers;
SELECT is(ces(num, 5), 3.25::float8, 'ces(numeric, 5)') FROM csat_answers;
SELECT is(ces_state(i8, 5)::text, ces_state(i4, 5)::text, 'ces_state(bigint, int) is the state of the int answers') FROM csat_answers;

-- Whole numbers written as fractions are whole numbers.
SELECT is(nps(v), 100::float8, 'nps(numeric) takes 9.000 and 1e1') FROM (VALUES (9.000), (1e1)) t(v);
SELECT is(nps(v), -100::float8, 'nps(double precision) takes -0 as 0') FROM (VALUES ('-0'::float8)) t(v);

-- ===================================================================
-- No rows, one row, all NULL
-- ===================================================================
SELECT is(nps(i8), NULL, 'nps(bigint) of no rows is NULL') FROM answers WHERE false;
SELECT is(ces(f8), NULL, 'ces(double precision) of no rows is NULL') FROM answers WHERE false;
SELECT is(nps(f8), NULL, 'nps(double precision) of all-NULL rows is NULL') FROM answers WHERE f8 IS NULL;
SELECT is(ces(num, 5), NULL, 'ces(numeric, 5) of all-NULL rows is NULL') FROM answers WHERE f8 IS NULL;
SELECT is(nps(f8), 100::float8, 'nps(double precision) of one promoter is 100') FROM answers WHERE f8 = 10;
SELECT is(csat(i2), 0::float8, 'csat(smallint) of one 3 is 0') FROM csat_answers WHERE i4 = 3;

-- ===================================================================
-- Bad input: the value is named, the accepted range is in the HINT
-- ===================================================================
SELECT throws_ok($$SELECT nps(7.5)$$, '22023', 'NPS score 7.5 is not a whole number', 'nps(numeric) with a fraction is 22023');
SELECT throws_ok($$SELECT nps(7.5::float8)$$, '22023', 'NPS score 7.5 is not a whole number', 'nps(double precision) with a fraction is 22023');
SELECT throws_ok($$SELECT nps('NaN'::numeric)$$, '22023', 'NPS score NaN is not a whole number', 'nps(numeric NaN) is 22023');
SELECT throws_ok($$SELECT nps('NaN'::float8)$$, '22023', 'NPS score NaN is not a whole number', 'nps(double precision NaN) is 22023');
SELECT throws_ok($$SELECT nps('Infinity'::float8)$$, '22003', 'NPS score Infinity is out of range', 'nps(double precision Infinity) is 22003');
SELECT throws_ok($$SELECT nps('-Infinity'::numeric)$$, '22003', 'NPS score -Infinity is out of range', 'nps(numeric -Infinity) is 22003');
SELECT throws_ok($$SELECT nps(5000000000)$$, '22003', 'NPS score 5000000000 is out of range', 'nps(numeric) beyond int4 is 22003');
SELECT throws_ok($$SELECT nps(5000000000::bigint)$$, '22003', 'NPS score 5000000000 is out of range', 'nps(bigint) beyond int4 is 22003');
SELECT throws_ok($$SELECT nps('-9223372036854775808'::bigint)$$, '22003', 'NPS score -9223372036854775808 is out of range', 'nps(bigint) at its minimum is 22003');
SELECT throws_ok($$SELECT nps(1e300::float8)$$, '22003', 'NPS score 1e+300 is out of range', 'nps(double precision) 1e300 is 22003');
SELECT throws_ok($$SELECT nps(-1::smallint)$$, '22003', 'NPS score -1 is out of range', 'nps(smallint) -1 is 22003');
SELECT throws_ok($$SELECT csat(6::bigint)$$, '22003', 'CSAT score 6 is out of range', 'csat(bigint) 6 is 22003');
SELECT throws_ok($$SELECT csat(0.5::float8, 7)$$, '22023', 'CSAT score 0.5 is not a whole number', 'csat(double precision, 7) with a fraction is 22023');
SELECT throws_ok($$SELECT ces(9e12::numeric, 7)$$, '22003', 'CES score 9000000000000 is out of range', 'ces(numeric, 7) beyond int4 is 22003');
SELECT throws_ok($$SELECT ces(8::bigint, 7)$$, '22003', 'CES score 8 is out of range', 'ces(bigint, 7) 8 on 1..7 is 22003');
SELECT throws_ok($$SELECT ces(3.5, NULL)$$, '22004', 'scale_max must not be null', 'a NULL scale_max is 22004, before the score is looked at');
SELECT throws_ok($$SELECT ces(2.5::float8, 1)$$, '22023', 'scale_max 1 is out of range', 'an int scale_max of 1 is 22023 before a fractional score');
SELECT throws_ok($$SELECT csat(v::bigint, 5 + v::int % 2) FROM (VALUES (1), (2)) t(v)$$, '22023', NULL, 'a scale_max that changes in a group is 22023');
-- Drivers that bind parameters untyped (node-postgres, libpq with no
-- paramTypes) send scale_max as unknown: it must resolve to the one integer
-- form (a bigint overload would make it 42725, not unique).
PREPARE csat_untyped AS SELECT csat(s, $1) FROM (VALUES (5), (4), (3), (1)) v(s);
SELECT results_eq('EXECUTE csat_untyped(''5'')', $$VALUES (50::float8)$$, 'csat: an untyped bound scale_max resolves (top two boxes of 1..5: 2 of 4)');
PREPARE ces_untyped AS SELECT ces(s, $1) FROM (VALUES (1::bigint), (2), (6)) v(s);
SELECT results_eq('EXECUTE ces_untyped(''7'')', $$VALUES (3::float8)$$, 'ces(bigint score): an untyped bound scale_max resolves (mean of 1, 2, 6)');

-- the HINT says what is accepted
CREATE FUNCTION pg_temp.hint_of(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    h text;
BEGIN
    EXECUTE q;
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
    RETURN h;
END
$$;
SELECT is(pg_temp.hint_of($$SELECT nps(7.5)$$),
          'An NPS answer is an integer from 0 to 10. Round the answers first if rounding is what you mean.',
          'the hint of a fractional NPS score gives the scale');
SELECT is(pg_temp.hint_of($$SELECT csat(9e12::numeric, 7)$$),
          'Answers on this scale are integers from 1 to 7.',
          'the hint of a CSAT score beyond int4 gives the scale of the call');

-- ===================================================================
-- Differential check against the plain-SQL formulas (2 000 answers)
-- ===================================================================
SELECT setseed(0.24);
CREATE TABLE survey_rand AS
SELECT g, CASE WHEN random() < 0.1 THEN NULL ELSE floor(random() * 11)::int END AS s
  FROM generate_series(1, 2000) g;
SELECT is(
    (SELECT array_agg(round(v::numeric, 9) ORDER BY k) FROM (
        SELECT g % 7 AS k, nps(s::float8) AS v FROM survey_rand GROUP BY 1) x),
    (SELECT array_agg(round(v, 9) ORDER BY k) FROM (
        SELECT g % 7 AS k, 100.0 * (count(*) FILTER (WHERE s >= 9) - count(*) FILTER (WHERE s <= 6)) / count(s) AS v
          FROM survey_rand GROUP BY 1) y),
    'nps(double precision) by group = 100 * (promoters - detractors) / responses in plain SQL');
SELECT is(
    (SELECT round(csat(s::numeric + 1, 11)::numeric, 9) FROM survey_rand),
    (SELECT round(100.0 * count(*) FILTER (WHERE s + 1 >= 10) / count(s), 9) FROM survey_rand),
    'csat(numeric, 11) = 100 * top two boxes / answers in plain SQL');
SELECT is(
    (SELECT round(ces(s::bigint + 1, 11)::numeric, 9) FROM survey_rand),
    (SELECT round(avg(s + 1), 9) FROM survey_rand),
    'ces(bigint, 11) = avg() in plain SQL');

-- ===================================================================
-- Sliding windows (moving-aggregate inverse through the wrappers)
-- ===================================================================
SELECT is(
    (SELECT array_agg(round(v::numeric, 9) ORDER BY g) FROM (
        SELECT g, nps(s::numeric) OVER (ORDER BY g ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) AS v
          FROM survey_rand WHERE g <= 300) w),
    (SELECT array_agg(round(v, 9) ORDER BY g) FROM (
        SELECT g, 100.0 * (count(*) FILTER (WHERE s >= 9) OVER f - count(*) FILTER (WHERE s <= 6) OVER f)
                   / nullif(count(s) OVER f, 0) AS v
          FROM survey_rand WHERE g <= 300
        WINDOW f AS (ORDER BY g ROWS BETWEEN 4 PRECEDING AND CURRENT ROW)) w),
    'nps(numeric) over a sliding frame = the plain-SQL formula over the frame');
SELECT is(
    (SELECT array_agg(round(v::numeric, 9) ORDER BY g) FROM (
        SELECT g, ces(s::float8 + 1, 11) OVER (ORDER BY g ROWS BETWEEN 3 PRECEDING AND 1 FOLLOWING) AS v
          FROM survey_rand WHERE g <= 300) w),
    (SELECT array_agg(round(v, 9) ORDER BY g) FROM (
        SELECT g, avg(s + 1) OVER (ORDER BY g ROWS BETWEEN 3 PRECEDING AND 1 FOLLOWING) AS v
          FROM survey_rand WHERE g <= 300) w),
    'ces(double precision, 11) over a sliding frame = avg() over the frame');

-- ===================================================================
-- Rollups: states of different score types merge
-- ===================================================================
SELECT is(
    (SELECT nps(st) FROM (SELECT nps_state(i2) AS st FROM answers WHERE i4 >= 9
                          UNION ALL SELECT nps_state(num) FROM answers WHERE i4 < 9
                          UNION ALL SELECT nps_state(f8) FROM answers WHERE i4 IS NULL) x),
    40::float8, 'nps of merged smallint, numeric and double precision states');
SELECT is(
    (SELECT csat(st) FROM (SELECT csat_state(i8, 5) AS st FROM csat_answers WHERE i4 >= 4
                           UNION ALL SELECT csat_state(f8, 5) FROM csat_answers WHERE i4 < 4) x),
    50::float8, 'csat of merged bigint and double precision states with the same scale');

-- ===================================================================
-- Parallel plans equal serial ones
-- ===================================================================
CREATE TABLE survey_big AS
SELECT g, (g * 7 % 11)::float8 AS f8, (1 + g * 3 % 5)::numeric AS num, (1 + g % 7)::bigint AS i8
  FROM generate_series(1, 60000) g;
ANALYZE survey_big;
CREATE TABLE serial_result AS
SELECT nps(f8) AS a, csat(num) AS b, ces(i8, 7) AS c FROM survey_big;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT matches(pg_temp.plan_of('SELECT nps(f8), csat(num), ces(i8, 7) FROM survey_big'),
               'Partial Aggregate', 'the wrapped overloads run as a parallel aggregate');
CREATE TABLE parallel_result AS
SELECT nps(f8) AS a, csat(num) AS b, ces(i8, 7) AS c FROM survey_big;
SELECT is((SELECT (a, b, c)::text FROM parallel_result), (SELECT (a, b, c)::text FROM serial_result),
          'parallel nps(double precision), csat(numeric), ces(bigint, 7) = serial');
SELECT is((SELECT round(a::numeric, 9) FROM parallel_result),
          (SELECT round(100.0 * (count(*) FILTER (WHERE f8 >= 9) - count(*) FILTER (WHERE f8 <= 6)) / count(*), 9) FROM survey_big),
          'parallel nps(double precision) = the plain-SQL formula');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

SELECT * FROM finish();
ROLLBACK;
