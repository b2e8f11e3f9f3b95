-- pgTAP tests of clv_state's canonical text (issue 25 item 6): one
-- spelling per value.  Every forged or non-canonical spelling is 22P02 with
-- a detail naming the piece at fault, and 22P03 through recv (the binary
-- form is the text, read by the same parser); random states read back to
-- the same text through out -> in and send -> recv; version 1 text (what
-- 1.1 stored) still reads.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(50);

SET LOCAL TimeZone = 'UTC';

-- SQLSTATE and detail of reading a text as clv_state, or 'ok: <text out>'.
CREATE FUNCTION pg_temp.read_text(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    out text;
    detail text;
BEGIN
    out := t::clv_state::text;
    RETURN 'ok: ' || out;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
    RETURN SQLSTATE || ': ' || detail;
END
$$;

CREATE FUNCTION pg_temp.datafile(name text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT current_setting('data_directory') || '/' || name
$$;

CREATE TEMP TABLE recv_back (x clv_state);

-- The same text given to clv_state's recv: the binary form of a text
-- column is its bytes, which is what clv_state_send writes.
CREATE FUNCTION pg_temp.read_binary(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    file text := pg_temp.datafile('retention_clv_state_text.bin');
    back text;
    detail text;
BEGIN
    EXECUTE format('COPY (SELECT %L::text) TO %L (FORMAT binary)', t, file);
    TRUNCATE recv_back;
    EXECUTE format('COPY recv_back FROM %L (FORMAT binary)', file);
    SELECT x::text INTO back FROM recv_back;
    RETURN 'ok: ' || back;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
    RETURN SQLSTATE || ': ' || detail;
END
$$;

-- Forged and non-canonical spellings, and what the detail says.  Each
-- differs from a valid state by one piece.
CREATE TEMP TABLE forged(label text, input text, detail text);
INSERT INTO forged VALUES
  ('version v02', 'v02 key=int8 horizon_days=7 orders=2024-01-01:10:0100000000000000', 'It does not start with a version "v1" to "v2".'),
  ('version v+2', 'v+2 key=int8 horizon_days=7 orders=2024-01-01:10:0100000000000000', 'It does not start with a version "v1" to "v2".'),
  ('version v3', 'v3', 'It does not start with a version "v1" to "v2".'),
  ('a leading space', ' v2 key=int8 horizon_days=7 orders=2024-01-01:10:0100000000000000', 'It does not start with a version "v1" to "v2".'),
  ('two spaces', 'v2 key=int8  horizon_days=7 orders=2024-01-01:10:0100000000000000', 'The fields are not separated by single spaces.'),
  ('a trailing space', 'v2 key=int8 horizon_days=7 orders=2024-01-01:10:0100000000000000 ', 'The fields are not separated by single spaces.'),
  ('the empty state with a space', 'v2 ', 'The fields are not separated by single spaces.'),
  ('fields out of order', 'v2 horizon_days=7 key=int8 orders=', 'Expected field "key".'),
  ('no horizon', 'v2 key=int8 orders=', 'Expected field "horizon_days".'),
  ('no orders field', 'v2 key=int8 horizon_days=7', 'Expected field "orders".'),
  ('an unknown key type', 'v2 key=int4 horizon_days=7 orders=', 'key "int4" is not int8, text or uuid.'),
  ('horizon +7', 'v2 key=int8 horizon_days=+7 orders=', 'horizon_days "+7" is not a positive number in its shortest spelling.'),
  ('horizon 07', 'v2 key=int8 horizon_days=07 orders=', 'horizon_days "07" is not a positive number in its shortest spelling.'),
  ('horizon 7.0', 'v2 key=int8 horizon_days=7.0 orders=', 'horizon_days "7.0" is not a positive number in its shortest spelling.'),
  ('horizon 0', 'v2 key=int8 horizon_days=0 orders=', 'horizon_days "0" is not a positive number in its shortest spelling.'),
  ('amount +10', 'v2 key=int8 horizon_days=7 orders=2024-01-01:+10:0100000000000000', 'Order 1 "2024-01-01:+10:0100000000000000": the amount is not a finite number in its shortest spelling.'),
  ('amount 010', 'v2 key=int8 horizon_days=7 orders=2024-01-01:010:0100000000000000', 'Order 1 "2024-01-01:010:0100000000000000": the amount is not a finite number in its shortest spelling.'),
  ('amount 1e16', 'v2 key=int8 horizon_days=7 orders=2024-01-01:1e16:0100000000000000', 'Order 1 "2024-01-01:1e16:0100000000000000": the amount is not a finite number in its shortest spelling.'),
  ('amount NaN', 'v2 key=int8 horizon_days=7 orders=2024-01-01:NaN:0100000000000000', 'Order 1 "2024-01-01:NaN:0100000000000000": the amount is not a finite number in its shortest spelling.'),
  ('amount -0', 'v2 key=int8 horizon_days=7 orders=2024-01-01:-0:0100000000000000', 'Order 1 "2024-01-01:-0:0100000000000000": the amount -0 is written 0.'),
  ('day 2024-1-1', 'v2 key=int8 horizon_days=7 orders=2024-1-1:10:0100000000000000', 'Order 1 "2024-1-1:10:0100000000000000": the day is not YYYY-MM-DD.'),
  ('day +2024-01-01', 'v2 key=int8 horizon_days=7 orders=+2024-01-01:10:0100000000000000', 'Order 1 "+2024-01-01:10:0100000000000000": the day is not YYYY-MM-DD.'),
  ('day 02024-01-01', 'v2 key=int8 horizon_days=7 orders=02024-01-01:10:0100000000000000', 'Order 1 "02024-01-01:10:0100000000000000": the day is not YYYY-MM-DD.'),
  ('day 2023-02-29', 'v2 key=int8 horizon_days=7 orders=2023-02-29:10:0100000000000000', 'Order 1 "2023-02-29:10:0100000000000000": the day is not YYYY-MM-DD.'),
  ('an empty order (,,)', 'v2 key=int8 horizon_days=7 orders=2024-01-01:10:0100000000000000,,2024-01-02:10:0100000000000000', 'Order 2 "": the order is empty.'),
  ('a trailing comma', 'v2 key=int8 horizon_days=7 orders=2024-01-01:10:0100000000000000,', 'Order 2 "": the order is empty.'),
  ('a leading comma', 'v2 key=int8 horizon_days=7 orders=,2024-01-01:10:0100000000000000', 'Order 1 "": the order is empty.'),
  ('a fourth part', 'v2 key=int8 horizon_days=7 orders=2024-01-01:10:0100000000000000:1', 'Order 1 "2024-01-01:10:0100000000000000:1": an order is day:amount:hexkey.'),
  ('upper-case hexadecimal', 'v2 key=int8 horizon_days=7 orders=2024-01-01:10:01000000000000AB', 'Order 1 "2024-01-01:10:01000000000000AB": the customer key is not lower-case hexadecimal.'),
  ('a short int8 key', 'v2 key=int8 horizon_days=7 orders=2024-01-01:10:01', 'Order 1 "2024-01-01:10:01": an int8 key is 16 hexadecimal digits.'),
  ('an int8 key as uuid', 'v2 key=uuid horizon_days=7 orders=2024-01-01:10:0100000000000000', 'Order 1 "2024-01-01:10:0100000000000000": a uuid key is 32 hexadecimal digits.'),
  ('an odd text key', 'v2 key=text horizon_days=7 orders=2024-01-01:10:414', 'Order 1 "2024-01-01:10:414": a text key is an even number of hexadecimal digits.'),
  ('days out of order', 'v2 key=int8 horizon_days=7 orders=2024-01-02:10:0100000000000000,2024-01-01:10:0100000000000000', 'Order 2 "2024-01-01:10:0100000000000000": it comes before the previous order: the orders are sorted by customer key, day and amount.'),
  ('amounts out of order', 'v2 key=int8 horizon_days=7 orders=2024-01-01:10:0100000000000000,2024-01-01:9:0100000000000000', 'Order 2 "2024-01-01:9:0100000000000000": it comes before the previous order: the orders are sorted by customer key, day and amount.'),
  ('keys out of order (a customer split)', 'v2 key=int8 horizon_days=7 orders=2024-01-01:10:0100000000000000,2024-01-01:10:0200000000000000,2024-01-02:10:0100000000000000', 'Order 3 "2024-01-02:10:0100000000000000": it comes before the previous order: the orders are sorted by customer key, day and amount.'),
  ('a longer text key first', 'v2 key=text horizon_days=7 orders=2024-01-01:10:4142,2024-01-01:10:43', 'Order 2 "2024-01-01:10:43": it comes before the previous order: the orders are sorted by customer key, day and amount.');

SELECT is(pg_temp.read_text(input), '22P02: ' || detail, 'text: ' || label) FROM forged ORDER BY label;
SELECT is_empty($$SELECT label || ': ' || pg_temp.read_binary(input) FROM forged
                   WHERE pg_temp.read_binary(input) IS DISTINCT FROM '22P03: ' || detail$$,
                'recv: every forged spelling is 22P03 with the same detail');

-- Valid edge cases read back as written.
SELECT is(pg_temp.read_text(t), 'ok: ' || t, 'reads back: ' || t) FROM (VALUES
  ('v2'),
  ('v2 key=int8 horizon_days=7 orders='),
  ('v2 key=text horizon_days=7 orders=2024-01-01:10:'),
  ('v2 key=int8 horizon_days=7 orders=2024-01-01:10:0100000000000000,2024-01-01:10:0100000000000000'),
  ('v2 key=int8 horizon_days=0.5 orders=10000-01-01:1e+300:0000000000000080,-4712-11-24:-1.5:ffffffffffffffff')) v(t);

-- Version 1 (1.1's text, orders in arrival order, a -0 amount as 1.1 wrote
-- it) reads, to the canonical version 2.
SELECT is(pg_temp.read_text('v1 key=int8 horizon_days=7 orders=2024-01-02:-0:0100000000000000,2024-01-01:10:0100000000000000'),
          'ok: v2 key=int8 horizon_days=7 orders=2024-01-01:10:0100000000000000,2024-01-02:0:0100000000000000',
          'version 1 text reads, sorted, with -0 as 0');

-- A -0 amount is stored as 0, so rows 0 and -0 have one text whatever
-- order they arrive in.
SELECT is((SELECT clv_state(1, t, a, '1 week' ORDER BY a::text)::text
             FROM (VALUES (timestamptz '2024-01-01', '-0'::float8), ('2024-01-01', 0)) v(t, a)),
          'v2 key=int8 horizon_days=7 orders=2024-01-01:0:0100000000000000,2024-01-01:0:0100000000000000',
          'a -0 amount is stored as 0');
SELECT is((SELECT clv_state(1, t, a, '1 week' ORDER BY a::text DESC)::text
             FROM (VALUES (timestamptz '2024-01-01', '-0'::float8), ('2024-01-01', 0)) v(t, a)),
          'v2 key=int8 horizon_days=7 orders=2024-01-01:0:0100000000000000,2024-01-01:0:0100000000000000',
          'the same text in the other arrival order');

-- Random states: int8, text and uuid keys, amounts of every sign and
-- magnitude (0 and -0 included), days from 4713 BC to year 294276, merged
-- from parts.  out -> in -> out and send -> recv give the same text.
SELECT setseed(0.25);
CREATE TEMP TABLE rand_orders AS
SELECT g % 40 AS grp, (random() * 30)::int AS c,
       timestamptz '2024-01-01' + (random() - 0.5) * interval '3000 years' AS t,
       CASE g % 7 WHEN 0 THEN 0 WHEN 1 THEN '-0'::float8 WHEN 2 THEN -random() * 1e6
                  WHEN 3 THEN random() * 1e-300 WHEN 4 THEN random() * 1e300 ELSE round((random() * 500)::numeric, 2)::float8 END AS a
  FROM generate_series(1, 4000) g;
INSERT INTO rand_orders VALUES (40, 1, timestamptz '4713-11-24 00:00+00 BC', 1), (40, 1, timestamptz '294276-12-31 23:59:59+00', 2);
CREATE TEMP TABLE rand_states AS
SELECT grp, clv_state(c, t, a, '13 weeks') AS s8, clv_state(c::text || 'x', t, a, '13 weeks') AS st,
       clv_state(md5(c::text)::uuid, t, a::numeric, '1 day') AS su
  FROM rand_orders GROUP BY grp
UNION ALL
SELECT -1, clv_state(s8), clv_state(st), clv_state(su)
  FROM (SELECT grp, clv_state(c, t, a, '13 weeks') AS s8, clv_state(c::text || 'x', t, a, '13 weeks') AS st,
               clv_state(md5(c::text)::uuid, t, a::numeric, '1 day') AS su FROM rand_orders GROUP BY grp) parts;
SELECT is((SELECT count(*)::int FROM rand_states), 42, '41 random states and their merge');
SELECT is_empty($$SELECT grp FROM rand_states
                   WHERE s8::text::clv_state::text <> s8::text OR st::text::clv_state::text <> st::text
                      OR su::text::clv_state::text <> su::text$$,
                'out -> in -> out: the same text for every random state');
SELECT is_empty($$SELECT grp FROM rand_states
                   WHERE pg_temp.read_binary(s8::text) <> 'ok: ' || s8::text OR pg_temp.read_binary(st::text) <> 'ok: ' || st::text
                      OR pg_temp.read_binary(su::text) <> 'ok: ' || su::text$$,
                'send -> recv: the same text for every random state');
SELECT is((SELECT s8::text FROM rand_states WHERE grp = -1),
          (SELECT clv_state(c, t, a, '13 weeks')::text FROM rand_orders),
          'the merged state has the text of the state built in one pass');
SELECT ok((SELECT bool_and(s8::text !~ ':-0:' AND s8::text ~ ':0:') FROM rand_states WHERE grp = -1),
          'the random orders hold 0 amounts, none written -0');

SELECT * FROM finish();
ROLLBACK;
