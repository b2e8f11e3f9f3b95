-- pgTAP tests of the shared state machinery (src/state.c) through the
-- survey state types nps_state, csat_state and ces_state: text and binary
-- round trips, malformed and forged states (text 22P02, binary 22P03), and
-- the combine / uncombine functions called directly.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(119);

-- ===================================================================
-- Text round trip
-- ===================================================================
SELECT is('v1 promoters=1 passives=0 detractors=2'::nps_state::text, 'v1 promoters=1 passives=0 detractors=2',
          'nps_state text is read back unchanged');
SELECT throws_ok($$SELECT ' v1   detractors=2	promoters=1 passives=0 '::nps_state$$, '22P02', NULL,
          'nps_state text: fields out of order or with other whitespace are not the canonical form (22P02)');
SELECT is('v1 responses=3 satisfied=2 scale_max=5'::csat_state::text, 'v1 responses=3 satisfied=2 scale_max=5',
          'csat_state text round trip');
SELECT is('v1 responses=3 satisfied=2 scale_max=0'::csat_state::text, 'v1 responses=3 satisfied=2 scale_max=0',
          'csat_state text round trip, boolean answers (scale_max=0)');
SELECT is('v1 responses=0 satisfied=0'::csat_state::text, 'v1 responses=0 satisfied=0',
          'csat_state text round trip, no scale yet');
SELECT is('v1 responses=3 total=10 scale_max=7'::ces_state::text, 'v1 responses=3 total=10 scale_max=7',
          'ces_state text round trip');
SELECT is('v1 responses=0 total=0'::ces_state::text, 'v1 responses=0 total=0', 'ces_state text round trip, no scale yet');
SELECT is(csat_state(b)::text, 'v1 responses=3 satisfied=2 scale_max=0', 'csat_state(boolean) is printed with scale_max=0')
FROM (VALUES (true), (false), (NULL), (true)) v(b);
SELECT is(csat_state(s)::text, 'v1 responses=3 satisfied=2 scale_max=5', 'csat_state(int) is printed with the default scale 5')
FROM (VALUES (5), (4), (NULL), (1)) v(s);
SELECT is(ces_state(s)::text, 'v1 responses=2 total=8 scale_max=7', 'ces_state(int) is printed with the default scale 7')
FROM (VALUES (1), (7), (NULL)) v(s);
SELECT is(nps_state(s)::text, 'v1 promoters=0 passives=0 detractors=0', 'nps_state of all NULL is an empty state, not NULL')
FROM (VALUES (NULL::int)) v(s);
SELECT is('v1 promoters=9223372036854775807 passives=0 detractors=0'::nps_state::text,
          'v1 promoters=9223372036854775807 passives=0 detractors=0', 'nps_state: a count of INT8_MAX round trips');
SELECT is('v1 responses=1 total=2147483647 scale_max=2147483647'::ces_state::text,
          'v1 responses=1 total=2147483647 scale_max=2147483647', 'ces_state: scale_max INT_MAX round trips');

-- Every state of a random data set survives text and back.
SELECT setseed(0.17);
CREATE TABLE raw AS
SELECT i % 40 AS g,
       CASE WHEN random() < 0.1 THEN NULL ELSE floor(random() * 11)::int END AS s,
       CASE WHEN random() < 0.1 THEN NULL ELSE 1 + floor(random() * 7)::int END AS c7,
       CASE WHEN random() < 0.1 THEN NULL ELSE random() < 0.6 END AS cb
FROM generate_series(1, 2000) i;
CREATE TABLE states AS
SELECT g, nps_state(s) AS n, csat_state(c7, 7) AS c, csat_state(cb) AS b, ces_state(c7) AS e,
       nps(s) AS nps, csat(c7, 7) AS csat, csat(cb) AS csatb, ces(c7) AS ces
FROM raw GROUP BY g;
SELECT is((SELECT count(*) FROM states
           WHERE n::text::nps_state::text = n::text AND c::text::csat_state::text = c::text
             AND b::text::csat_state::text = b::text AND e::text::ces_state::text = e::text
             AND nps_final(n::text::nps_state) = nps AND csat_final(c::text::csat_state) = csat
             AND csat_final(b::text::csat_state) = csatb AND ces_final(e::text::ces_state) = ces), 40::bigint,
          'text round trip of 40 random states of each type keeps the text and the metric');

-- ===================================================================
-- Binary round trip (send, then COPY ... FROM (FORMAT binary) calls receive)
-- ===================================================================
-- Server-side files in the data directory of the throw-away cluster.
CREATE FUNCTION pg_temp.datafile(name text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT current_setting('data_directory') || '/' || name
$$;
CREATE TABLE states_back (g int, n nps_state, c csat_state, b csat_state, e ces_state);
DO $$
BEGIN
    EXECUTE format('COPY (SELECT g, n, c, b, e FROM states) TO %L (FORMAT binary)',
                   pg_temp.datafile('retention_test_states.bin'));
    EXECUTE format('COPY states_back FROM %L (FORMAT binary)', pg_temp.datafile('retention_test_states.bin'));
END
$$;
SELECT is((SELECT count(*) FROM states JOIN states_back k USING (g)
           WHERE k.n::text = states.n::text AND k.c::text = states.c::text
             AND k.b::text = states.b::text AND k.e::text = states.e::text), 40::bigint,
          'binary round trip of 40 states of each type through COPY (FORMAT binary)');
SELECT is(nps_state_send('v1 promoters=1 passives=2 detractors=3'),
          '\x01000003000000000000000100000000000000020000000000000003'::bytea,
          'nps_state binary form: version, flags, field count, int8 values');
SELECT is(csat_state_send('v1 responses=3 satisfied=2 scale_max=5'),
          '\x01010003000000000000000300000000000000020000000000000005'::bytea,
          'csat_state binary form: flag 1 = scale set');

-- A forged binary value: write the bytes as a bytea column (whose binary
-- form is the bytes themselves) and read them back as the state type.
CREATE FUNCTION pg_temp.recv(typ text, bytes bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    result text;
BEGIN
    EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', bytes, pg_temp.datafile('retention_test_forged.bin'));
    EXECUTE format('CREATE TEMP TABLE forged (x %s) ON COMMIT DROP', typ);
    EXECUTE format('COPY forged FROM %L (FORMAT binary)', pg_temp.datafile('retention_test_forged.bin'));
    SELECT x::text INTO result FROM forged;
    DROP TABLE forged;
    RETURN result;
END
$$;
SELECT is(pg_temp.recv('nps_state', '\x01000003000000000000000100000000000000020000000000000003'),
          'v1 promoters=1 passives=2 detractors=3', 'binary: a valid nps_state is received');
SELECT is(pg_temp.recv('ces_state', '\x01010003000000000000000300000000000000070000000000000003'),
          'v1 responses=3 total=7 scale_max=3', 'binary: a valid ces_state is received');
SELECT throws_ok($$SELECT pg_temp.recv('nps_state', '\x02000003000000000000000100000000000000020000000000000003')$$,
                 '22P03', NULL, 'binary: version 2 is 22P03');
SELECT throws_ok($$SELECT pg_temp.recv('nps_state', '\x01800003000000000000000100000000000000020000000000000003')$$,
                 '22P03', NULL, 'binary: unknown flags are 22P03');
SELECT throws_ok($$SELECT pg_temp.recv('nps_state', '\x010000020000000000000001000000000000000200')$$,
                 '22P03', NULL, 'binary: a field count other than 3 is 22P03');
SELECT throws_ok($$SELECT pg_temp.recv('nps_state', '\x0100000300000000000000010000000000000002ffffffffffffffff')$$,
                 '22P03', NULL, 'binary: a negative count is 22P03');
SELECT throws_ok($$SELECT pg_temp.recv('nps_state', '\x01000003' || '\x7fffffffffffffff7fffffffffffffff0000000000000000'::bytea)$$,
                 '22P03', NULL, 'binary: counts whose total overflows are 22P03');
SELECT throws_ok($$SELECT pg_temp.recv('csat_state', '\x01010003000000000000000200000000000000030000000000000005')$$,
                 '22P03', NULL, 'binary: satisfied > responses is 22P03');
SELECT throws_ok($$SELECT pg_temp.recv('csat_state', '\x01000003000000000000000200000000000000010000000000000000')$$,
                 '22P03', NULL, 'binary: responses without a scale is 22P03');
SELECT throws_ok($$SELECT pg_temp.recv('csat_state', '\x01000003000000000000000000000000000000000000000000000005')$$,
                 '22P03', NULL, 'binary: a scale value with the scale flag unset is 22P03');
SELECT throws_ok($$SELECT pg_temp.recv('csat_state', '\x01010003000000000000000100000000000000010000000000000001')$$,
                 '22P03', NULL, 'binary: scale 1 is 22P03');
SELECT throws_ok($$SELECT pg_temp.recv('ces_state', '\x01010003000000000000000300000000000000020000000000000007')$$,
                 '22P03', NULL, 'binary: a CES total below responses is 22P03');
SELECT throws_ok($$SELECT pg_temp.recv('ces_state', '\x01010003000000000000000300000000000000160000000000000007')$$,
                 '22P03', NULL, 'binary: a CES total above responses * scale is 22P03');
SELECT throws_ok($$SELECT pg_temp.recv('ces_state', '\x01010003000000000000000300000000000000060000000000000000')$$,
                 '22P03', NULL, 'binary: a CES state with the boolean scale is 22P03');
-- Short or long messages are rejected by PostgreSQL's message reader.
SELECT throws_ok($$SELECT pg_temp.recv('nps_state', '\x010000030000000000000001000000000000000200000000000000')$$,
                 '22P03', NULL, 'binary: a truncated value is rejected (22P03)');
SELECT throws_ok($$SELECT pg_temp.recv('nps_state', '\x0100000300000000000000010000000000000002000000000000000300')$$,
                 '22P03', NULL, 'binary: trailing bytes are rejected (22P03)');
SELECT throws_ok($$SELECT pg_temp.recv('nps_state', '\x')$$, '22P03', NULL, 'binary: an empty value is rejected (22P03)');
DO $$
BEGIN
    EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', format('cat >/dev/null; rm -f %s %s',
                   pg_temp.datafile('retention_test_states.bin'), pg_temp.datafile('retention_test_forged.bin')));
END
$$;

-- ===================================================================
-- Malformed and forged text (22P02)
-- ===================================================================
SELECT throws_ok($$SELECT ''::nps_state$$, '22P02', NULL, 'text: empty is 22P02');
SELECT throws_ok($$SELECT 'promoters=1 passives=0 detractors=2'::nps_state$$, '22P02', NULL, 'text: no version is 22P02');
SELECT throws_ok($$SELECT 'v2 promoters=1 passives=0 detractors=2'::nps_state$$, '22P02',
                 'invalid input syntax for type nps_state: "v2 promoters=1 passives=0 detractors=2"', 'text: version 2 is 22P02');
SELECT throws_ok($$SELECT 'v0 promoters=1 passives=0 detractors=2'::nps_state$$, '22P02', NULL, 'text: version 0 is 22P02');
SELECT throws_ok($$SELECT 'vx promoters=1 passives=0 detractors=2'::nps_state$$, '22P02', NULL, 'text: version vx is 22P02');
SELECT throws_ok($$SELECT 'v1x promoters=1 passives=0 detractors=2'::nps_state$$, '22P02', NULL, 'text: version v1x is 22P02');
SELECT throws_ok($$SELECT 'v1 promoters=1 passives=0'::nps_state$$, '22P02', NULL, 'text: a missing field is 22P02');
SELECT throws_ok($$SELECT 'v1'::nps_state$$, '22P02', NULL, 'text: only a version is 22P02');
SELECT throws_ok($$SELECT 'v1 promoters=1 passives=0 detractors=2 promoters=1'::nps_state$$, '22P02', NULL,
                 'text: a duplicate field is 22P02');
SELECT throws_ok($$SELECT 'v1 promoters=1 passives=0 detractors=2 neutrals=0'::nps_state$$, '22P02', NULL,
                 'text: an unknown field is 22P02');
SELECT throws_ok($$SELECT 'v1 promoters=1 passives=0 detractors=2 scale_max=5'::nps_state$$, '22P02', NULL,
                 'text: a field of another state type is 22P02');
SELECT throws_ok($$SELECT 'v1 promoters=-1 passives=0 detractors=2'::nps_state$$, '22P02', NULL,
                 'text: a negative count is 22P02');
SELECT throws_ok($$SELECT 'v1 promoters=1 passives=0 detractors=2 x'::nps_state$$, '22P02', NULL,
                 'text: trailing garbage is 22P02');
SELECT throws_ok($$SELECT 'v1 promoters=1 passives=0 detractors=2x'::nps_state$$, '22P02', NULL,
                 'text: a value with trailing characters is 22P02');
SELECT throws_ok($$SELECT 'v1 promoters= passives=0 detractors=2'::nps_state$$, '22P02', NULL, 'text: an empty value is 22P02');
SELECT throws_ok($$SELECT 'v1 promoters=1.5 passives=0 detractors=2'::nps_state$$, '22P02', NULL, 'text: a fraction is 22P02');
SELECT throws_ok($$SELECT 'v1 promoters=9223372036854775808 passives=0 detractors=2'::nps_state$$, '22P02', NULL,
                 'text: a count beyond INT8_MAX is 22P02');
SELECT throws_ok($$SELECT 'v1 promoters=9223372036854775807 passives=1 detractors=0'::nps_state$$, '22P02', NULL,
                 'text: counts whose total overflows are 22P02');
SELECT throws_ok($$SELECT 'v1 responses=2 satisfied=3 scale_max=5'::csat_state$$, '22P02',
                 'invalid input syntax for type csat_state: "v1 responses=2 satisfied=3 scale_max=5"',
                 'text: satisfied > responses is 22P02');
SELECT throws_ok($$SELECT 'v1 responses=2 satisfied=1'::csat_state$$, '22P02', NULL, 'text: responses without a scale is 22P02');
SELECT throws_ok($$SELECT 'v1 responses=2 satisfied=1 scale_max=1'::csat_state$$, '22P02', NULL, 'text: csat scale 1 is 22P02');
SELECT throws_ok($$SELECT 'v1 responses=2 satisfied=1 scale_max=-5'::csat_state$$, '22P02', NULL, 'text: csat scale -5 is 22P02');
SELECT throws_ok($$SELECT 'v1 responses=2 satisfied=1 scale_max=2147483648'::csat_state$$, '22P02', NULL,
                 'text: csat scale beyond INT_MAX is 22P02');
SELECT throws_ok($$SELECT 'v1 responses=3 total=2 scale_max=7'::ces_state$$, '22P02', NULL,
                 'text: CES total below responses is 22P02');
SELECT throws_ok($$SELECT 'v1 responses=3 total=22 scale_max=7'::ces_state$$, '22P02', NULL,
                 'text: CES total above responses * scale is 22P02');
SELECT is('v1 responses=3 total=21 scale_max=7'::ces_state::text, 'v1 responses=3 total=21 scale_max=7',
          'text: CES total = responses * scale is accepted');
SELECT throws_ok($$SELECT 'v1 responses=0 total=1'::ces_state$$, '22P02', NULL, 'text: a CES total without responses is 22P02');
SELECT throws_ok($$SELECT 'v1 responses=3 total=6 scale_max=1'::ces_state$$, '22P02', NULL, 'text: CES scale 1 is 22P02');
SELECT throws_ok($$SELECT 'v1 responses=3 total=6 scale_max=0'::ces_state$$, '22P02', NULL, 'text: CES scale 0 is 22P02');
-- The survey states have one parameter each, so a half-given parameter
-- list cannot be written; the nearest forgeries are these.
SELECT throws_ok($$SELECT 'v1 scale_max=5'::csat_state$$, '22P02', NULL, 'text: a scale without the counts is 22P02');
SELECT throws_ok($$SELECT 'v1 responses=1 satisfied=1 scale_max=5 scale_max=5'::csat_state$$, '22P02', NULL,
                 'text: a duplicate parameter is 22P02');
SELECT throws_ok($$SELECT 'v1 responses=1 satisfied=1 scale_max=five'::csat_state$$, '22P02', NULL,
                 'text: a parameter that is not a number is 22P02');

-- ===================================================================
-- combine and uncombine called directly
-- ===================================================================
SELECT is(nps_state_combine('v1 promoters=1 passives=2 detractors=3', 'v1 promoters=10 passives=20 detractors=30')::text,
          'v1 promoters=11 passives=22 detractors=33', 'combine adds the counts');
SELECT is(nps_state_uncombine('v1 promoters=11 passives=22 detractors=33', 'v1 promoters=10 passives=20 detractors=30')::text,
          'v1 promoters=1 passives=2 detractors=3', 'uncombine removes what combine added');
SELECT is(csat_state_combine('v1 responses=0 satisfied=0', 'v1 responses=2 satisfied=1 scale_max=7')::text,
          'v1 responses=2 satisfied=1 scale_max=7', 'combine: a state without scale takes the other''s');
SELECT is(ces_state_uncombine('v1 responses=3 total=10 scale_max=7', 'v1 responses=3 total=10 scale_max=7')::text,
          'v1 responses=0 total=0 scale_max=7', 'uncombine down to nothing keeps the scale');
SELECT throws_ok($$SELECT nps_state_uncombine('v1 promoters=1 passives=0 detractors=0', 'v1 promoters=0 passives=1 detractors=0')$$,
                 '22023', 'cannot remove a nps_state that was not added', 'uncombine of a state that was not added is 22023');
SELECT throws_ok($$SELECT ces_state_uncombine('v1 responses=3 total=4 scale_max=7', 'v1 responses=1 total=7 scale_max=7')$$,
                 '22023', NULL, 'uncombine of a larger total is 22023');
SELECT throws_ok($$SELECT csat_state_uncombine('v1 responses=2 satisfied=2 scale_max=5', 'v1 responses=1 satisfied=0 scale_max=5')$$,
                 '22023', 'cannot remove a csat_state that was not added',
                 'uncombine leaving satisfied > responses is 22023, not a CSAT of 200');
SELECT throws_ok($$SELECT ces_state_uncombine('v1 responses=3 total=3 scale_max=7', 'v1 responses=1 total=2 scale_max=7')$$,
                 '22023', NULL, 'uncombine leaving a CES total below the responses is 22023');
SELECT is(csat_state_uncombine('v1 responses=2 satisfied=1 scale_max=5', 'v1 responses=1 satisfied=0 scale_max=5')::text,
          'v1 responses=1 satisfied=1 scale_max=5', 'uncombine of a part that was added');
SELECT throws_ok($$SELECT csat_state_combine('v1 responses=1 satisfied=1 scale_max=5', 'v1 responses=1 satisfied=1 scale_max=7')$$,
                 '22023', 'csat_state scale changes within one group: 1..5 and 1..7', 'combine of different scales is 22023');
SELECT throws_ok($$SELECT csat_state_uncombine('v1 responses=1 satisfied=1 scale_max=5', 'v1 responses=1 satisfied=1 scale_max=0')$$,
                 '22023', NULL, 'uncombine of a different scale is 22023');
SELECT throws_ok($$SELECT ces_state_combine('v1 responses=1 total=7 scale_max=7', 'v1 responses=1 total=10 scale_max=10')$$,
                 '22023', NULL, 'ces combine of different scales is 22023');
SELECT throws_ok($$SELECT nps_state_combine('v1 promoters=9223372036854775807 passives=0 detractors=0', 'v1 promoters=1 passives=0 detractors=0')$$,
                 '22003', NULL, 'combine beyond INT8_MAX is 22003');
-- Called outside an aggregate, combine must not change its stored argument.
CREATE TABLE kept (x nps_state);
INSERT INTO kept VALUES ('v1 promoters=1 passives=0 detractors=0');
SELECT is((SELECT nps_state_combine(x, x)::text || ' / ' || x::text FROM kept),
          'v1 promoters=2 passives=0 detractors=0 / v1 promoters=1 passives=0 detractors=0',
          'combine outside an aggregate leaves its argument unchanged');
SELECT is((SELECT csat_sfunc(NULL, 4, 5)::text), 'v1 responses=1 satisfied=1 scale_max=5',
          'a transition function called directly from a NULL state');
SELECT is((SELECT ces_inv('v1 responses=2 total=9 scale_max=7', 2)::text), 'v1 responses=1 total=7 scale_max=7',
          'an inverse transition called directly');
SELECT throws_ok($$SELECT ces_inv('v1 responses=1 total=1 scale_max=7', 2)$$, '22023', NULL,
                 'an inverse transition removing an answer that is not there is 22023');
SELECT throws_ok($$SELECT csat_inv('v1 responses=2 satisfied=2 scale_max=5', 3)$$, '22023', NULL,
                 'csat inverse of an unsatisfied answer that is not there is 22023, not a CSAT of 200');
SELECT throws_ok($$SELECT csat_bool_inv('v1 responses=2 satisfied=2 scale_max=0', false)$$, '22023', NULL,
                 'csat(bool) inverse of a false that is not there is 22023');
SELECT throws_ok($$SELECT ces_inv('v1 responses=2 total=14 scale_max=7', 1)$$, '22023', NULL,
                 'ces inverse leaving a mean above the scale is 22023');
SELECT throws_ok($$SELECT nps_inv('v1 promoters=0 passives=0 detractors=0', 10)$$, '22023',
                 'cannot remove a row that was not added', 'nps inverse on an empty state is 22023');

-- Stored states merged by the aggregates, including a NULL state.
SELECT is((SELECT nps_state(x)::text FROM (VALUES ('v1 promoters=1 passives=2 detractors=3'::nps_state), (NULL),
                                                  ('v1 promoters=4 passives=5 detractors=6')) v(x)),
          'v1 promoters=5 passives=7 detractors=9', 'nps_state(nps_state) merges and skips NULL');
SELECT is((SELECT nps(x) FROM (VALUES ('v1 promoters=1 passives=2 detractors=3'::nps_state), (NULL)) v(x)),
          -100.0::float8 / 3, 'nps(nps_state) of one stored state');
SELECT is((SELECT ces(x) FROM (VALUES ('v1 responses=0 total=0'::ces_state), ('v1 responses=2 total=9 scale_max=7')) v(x)),
          4.5::float8, 'ces(ces_state) merges a state without answers');

-- ===================================================================
-- Issue 25 item 6: one canonical text form, every invariant checked
-- ===================================================================
SELECT throws_ok($$SELECT 'v1 promoters=+1 passives=0 detractors=0'::nps_state$$, '22P02', NULL, 'text: "+1" is not canonical');
SELECT throws_ok($$SELECT 'v1 promoters=01 passives=0 detractors=0'::nps_state$$, '22P02', NULL, 'text: a leading zero is not canonical');
SELECT throws_ok($$SELECT 'v1 promoters=-0 passives=0 detractors=0'::nps_state$$, '22P02', NULL, 'text: "-0" is not canonical');
SELECT throws_ok($$SELECT 'v01 promoters=1 passives=0 detractors=0'::nps_state$$, '22P02', NULL, 'text: "v01" is not canonical');
SELECT throws_ok($$SELECT 'v+1 promoters=1 passives=0 detractors=0'::nps_state$$, '22P02', NULL, 'text: "v+1" is not canonical');
SELECT throws_ok($$SELECT 'v1  promoters=1 passives=0 detractors=0'::nps_state$$, '22P02', NULL, 'text: two spaces are not canonical');
SELECT throws_ok($$SELECT 'v1 promoters=1 passives=0 detractors=0 '::nps_state$$, '22P02', NULL, 'text: a trailing space is not canonical');
SELECT throws_ok($$SELECT 'v1 passives=0 promoters=1 detractors=0'::nps_state$$, '22P02', NULL, 'text: fields out of order are not canonical');
SELECT throws_ok($$SELECT 'v1 promoters=1 passives=0 detractors=0 detractors=0'::nps_state$$, '22P02', NULL, 'text: a field twice');
SELECT throws_ok($$SELECT 'v1 promoters=1 passives=0 detractors=9223372036854775808'::nps_state$$, '22P02', NULL, 'text: a count beyond int64');
SELECT throws_ok($$SELECT 'v1 responses=1 satisfied=1 scale_max=05'::csat_state$$, '22P02', NULL, 'text: a parameter with a leading zero');
SELECT is('v1 customers=0 start_mrr=0 end_mrr=0 lost_mrr=0'::revenue_state::text, 'v1 customers=0 start_mrr=0 end_mrr=0 lost_mrr=0',
          'text: zeros round trip');
-- revenue_state: GRR <= NRR, that is lost >= start - end
SELECT throws_ok($$SELECT 'v1 customers=1 start_mrr=1000000 end_mrr=0 lost_mrr=0'::revenue_state$$, '22P02', NULL,
                 'revenue_state: NRR 0 with GRR 100 (lost < start - end) is rejected');
SELECT is('v1 customers=1 start_mrr=1000000 end_mrr=0 lost_mrr=1000000'::revenue_state::text,
          'v1 customers=1 start_mrr=1000000 end_mrr=0 lost_mrr=1000000', 'revenue_state: a customer lost entirely is valid');
SELECT is('v1 customers=2 start_mrr=30 end_mrr=25 lost_mrr=10'::revenue_state::text,
          'v1 customers=2 start_mrr=30 end_mrr=25 lost_mrr=10', 'revenue_state: lost above start - end (expansion elsewhere) is valid');
SELECT throws_ok($$SELECT pg_temp.recv('revenue_state',
                 '\x010000040000000000000001000000000000000a00000000000000040000000000000001')$$,
                 '22P03', NULL, 'revenue_state binary: lost < start - end is 22P03');
-- avg_days_to_pay_state: amount_days <= paid_amount * the longest possible wait
SELECT throws_ok($$SELECT 'v1 paid_amount=1 amount_days=9223372036854775807'::avg_days_to_pay_state$$, '22P02', NULL,
                 'avg_days_to_pay_state: 9.2e18 days for one unit is rejected');
SELECT is('v1 paid_amount=1 amount_days=2147483493'::avg_days_to_pay_state::text, 'v1 paid_amount=1 amount_days=2147483493',
          'avg_days_to_pay_state: the longest possible wait (4714-11-24 BC to 5874897-12-31) is valid');
SELECT throws_ok($$SELECT 'v1 paid_amount=1 amount_days=2147483494'::avg_days_to_pay_state$$, '22P02', NULL,
                 'avg_days_to_pay_state: one day more is rejected');
SELECT is(avg_days_to_pay_state(1.0, date '4714-11-24 BC', date '5874897-12-31')::text,
          'v1 paid_amount=10000 amount_days=21474834930000', 'avg_days_to_pay_state of the longest wait reads back')
FROM (SELECT 1) x;
SELECT is(avg_days_to_pay_state(1.0, date '4714-11-24 BC', date '5874897-12-31')::text::avg_days_to_pay_state::text,
          'v1 paid_amount=10000 amount_days=21474834930000', 'avg_days_to_pay_state of the longest wait reads back');
SELECT throws_ok($$SELECT pg_temp.recv('avg_days_to_pay_state', '\x0100000200000000000000017fffffffffffffff')$$,
                 '22P03', NULL, 'avg_days_to_pay_state binary: 9.2e18 days is 22P03');

-- Issue 25 item 11: a NULL period is 22004 everywhere, whatever else the row has
SELECT throws_ok($$SELECT dso(a, d, d, NULL::daterange) FROM (VALUES (1.0, date '2024-01-01')) v(a, d)$$, '22004', NULL,
                 'dso(a, d, d, NULL::daterange) is 22004');
SELECT throws_ok($$SELECT dso(NULL::numeric, NULL::date, NULL::date, NULL::daterange)$$, '22004', NULL,
                 'dso of a row that is all NULL, period included, is 22004 too');
SELECT throws_ok($$SELECT dso(NULL::numeric, NULL::timestamptz, NULL::timestamptz, NULL::tstzrange)$$, '22004', NULL,
                 'dso over tstzrange with a NULL period is 22004');
SELECT throws_ok($$SELECT dso_state(a, d, d, NULL::daterange) FROM (VALUES (1.0, date '2024-01-01')) v(a, d)$$, '22004', NULL,
                 'dso_state with a NULL period is 22004');
SELECT throws_ok($$SELECT churn_rate(r, NULL::daterange) FROM (VALUES (daterange('2024-01-01', '2024-03-01'))) v(r)$$, '22004', NULL,
                 'churn_rate with a NULL period is 22004');
SELECT throws_ok($$SELECT retention_rate(NULL::datemultirange, NULL::daterange)$$, '22004', NULL,
                 'retention_rate over a multirange with NULL activity and period is 22004');
SELECT throws_ok($$SELECT churn_rate(r, NULL::tstzrange) FROM (VALUES (tstzrange('2024-01-01', '2024-03-01'))) v(r)$$, '22004', NULL,
                 'churn_rate over tstzrange with a NULL period is 22004');

SELECT * FROM finish();
ROLLBACK;
