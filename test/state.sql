-- pgTAP tests of the shared fixed-size state machinery (src/state.c), through
-- the survey states: text input validation, binary send/receive, combine.
BEGIN;
SELECT plan(41);

-- ---------- malformed text: every one is 22P02 ----------
SELECT throws_ok(format('SELECT %L::nps_state', t), '22P02', NULL, 'nps_state rejects ' || d)
FROM (VALUES
  ('', 'an empty string'),
  ('   ', 'blanks'),
  ('v1', 'no fields'),
  ('v2 promoters=1 passives=0 detractors=0', 'an unknown version'),
  ('v promoters=1 passives=0 detractors=0', 'a version without a number'),
  ('v1x promoters=1 passives=0 detractors=0', 'a version with trailing text'),
  ('promoters=1 passives=0 detractors=0', 'no version'),
  ('v1 promoters=1 passives=0', 'a missing field'),
  ('v1 promoters=1 passives=0 detractors=0 promoters=2', 'a duplicate field'),
  ('v1 promoters=1 passives=0 detractors=0 respondents=3', 'an unknown field'),
  ('v1 promoters=1 passives=0 detractors', 'a field without a value'),
  ('v1 promoters= passives=0 detractors=0', 'an empty value'),
  ('v1 promoters=x passives=0 detractors=0', 'a value that is not a number'),
  ('v1 promoters=1.5 passives=0 detractors=0', 'a fractional count'),
  ('v1 promoters=-1 passives=0 detractors=0', 'a negative count'),
  ('v1 promoters=9223372036854775808 passives=0 detractors=0', 'a count past INT64_MAX'),
  ('v1 promoters=1 passives=0 detractors=0 =', 'trailing garbage'),
  ('v1 promoters=1 passives=0 detractors=0 scale_max=5', 'a parameter it does not have')
) v(t, d);

SELECT throws_ok(format('SELECT %L::csat_state', t), '22P02', NULL, 'csat_state rejects ' || d)
FROM (VALUES
  ('v1 responses=2 satisfied=3 scale_max=5', 'more satisfied than responses'),
  ('v1 responses=2 satisfied=1', 'responses without a scale'),
  ('v1 responses=2 satisfied=1 scale_max=1', 'a scale of 1'),
  ('v1 responses=2 satisfied=1 scale_max=-3', 'a negative scale'),
  ('v1 responses=2 satisfied=1 scale_max=2147483648', 'a scale past INT_MAX')
) v(t, d);

SELECT throws_ok(format('SELECT %L::ces_state', t), '22P02', NULL, 'ces_state rejects ' || d)
FROM (VALUES
  ('v1 responses=2 total=1 scale_max=7', 'a total below one per answer'),
  ('v1 responses=2 total=15 scale_max=7', 'a total above scale_max per answer'),
  ('v1 responses=1 total=1 scale_max=0', 'the boolean marker, which CES has not'),
  ('v1 responses=0 total=3', 'a total without responses')
) v(t, d);

SELECT is('  v1   promoters=1	passives=2 detractors=3 '::nps_state::text, 'v1 promoters=1 passives=2 detractors=3',
          'white space between fields is free');
SELECT is('v1 responses=0 satisfied=0'::csat_state::text, 'v1 responses=0 satisfied=0',
          'an empty state may have no scale');

-- ---------- binary send/receive ----------
-- Round trip through COPY (FORMAT binary), which uses send and receive.
CREATE TEMP TABLE st (n nps_state, c csat_state, e ces_state);
INSERT INTO st SELECT nps_state(s), csat_state(1 + s % 5), ces_state(1 + s % 7) FROM generate_series(0, 10) s;
INSERT INTO st SELECT nps_state(s), csat_state(s IS NULL), ces_state(2, 3) FROM (VALUES (NULL::int)) v(s);
SELECT lives_ok($$COPY st TO '/tmp/retention_state_test.bin' (FORMAT binary)$$, 'binary COPY out');
CREATE TEMP TABLE st2 (LIKE st);
SELECT lives_ok($$COPY st2 FROM '/tmp/retention_state_test.bin' (FORMAT binary)$$, 'binary COPY in');
SELECT is((SELECT array_agg(row(n, c, e)::text ORDER BY n::text, c::text) FROM st2),
          (SELECT array_agg(row(n, c, e)::text ORDER BY n::text, c::text) FROM st),
          'states survive the binary round trip unchanged');

-- Forged binary values: a binary COPY file built byte by byte, one nps_state
-- column whose value is the given bytes.
CREATE TEMP TABLE forged (n nps_state);
CREATE FUNCTION pg_temp.copy_forged(value bytea) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  file bytea := '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
                || '\x0001'::bytea || int4send(length(value)) || value || '\xffff'::bytea;
  lo oid := lo_from_bytea(0, file);
BEGIN
  PERFORM lo_export(lo, '/tmp/retention_state_forged.bin');
  PERFORM lo_unlink(lo);
  COPY forged FROM '/tmp/retention_state_forged.bin' (FORMAT binary);
END $$;

-- version 1, flags 0, 3 fields, then three int64
-- header bytes: version, flags, field count (int16); then the int64 fields
CREATE FUNCTION pg_temp.st(head text, VARIADIC f int8[]) RETURNS bytea LANGUAGE sql AS $$
  SELECT decode(head, 'hex') || coalesce((SELECT string_agg(int8send(x), ''::bytea ORDER BY o)
                                          FROM unnest(f) WITH ORDINALITY u(x, o)), ''::bytea) $$;
SELECT lives_ok($$SELECT pg_temp.copy_forged(pg_temp.st('01000003', 1, 2, 3))$$,
                'a well-formed binary nps_state is accepted');
SELECT is((SELECT n::text FROM forged), 'v1 promoters=1 passives=2 detractors=3', 'and reads back as its text');
SELECT throws_ok($$SELECT pg_temp.copy_forged(pg_temp.st('02000003', 1, 2, 3))$$,
                 '22P03', NULL, 'binary: an unknown version is rejected');
SELECT throws_ok($$SELECT pg_temp.copy_forged(pg_temp.st('01800003', 1, 2, 3))$$,
                 '22P03', NULL, 'binary: unknown flags are rejected');
SELECT throws_ok($$SELECT pg_temp.copy_forged(pg_temp.st('01000004', 1, 2, 3, 4))$$,
                 '22P03', NULL, 'binary: a wrong field count is rejected');
SELECT throws_ok($$SELECT pg_temp.copy_forged(substr(pg_temp.st('01000003', 1, 2, 3), 1, 20))$$,
                 '08P01', NULL, 'binary: a truncated value is rejected');
SELECT throws_ok($$SELECT pg_temp.copy_forged(pg_temp.st('01000003', 1, 2, 3) || '\xff'::bytea)$$,
                 '08P01', NULL, 'binary: trailing bytes are rejected');
SELECT throws_ok($$SELECT pg_temp.copy_forged(pg_temp.st('01000003', -1, 2, 3))$$,
                 '22P03', NULL, 'binary: a negative count is rejected');
SELECT throws_ok($$SELECT pg_temp.copy_forged(''::bytea)$$, '08P01', NULL, 'binary: an empty value is rejected');

SELECT * FROM finish();
ROLLBACK;
