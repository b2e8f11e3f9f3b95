-- The helpers the state families share (src/state.c).  The binary framing:
-- a binary value that ends early, inside its header or inside its entries,
-- or that has bytes after its end, is 22P03 (invalid_binary_representation)
-- naming the type, never 08P01 (the protocol error pq_getmsg* raises when a
-- message ends early, which says nothing of the value).  The scanners of
-- integers and uuids: one spelling per value in the SaaS and funnel states
-- too.  And the 22P02 / 22P03 message of a long text form quotes at most
-- 200 bytes of it, in whole characters.
--
-- Receive functions take `internal`, so the values go through COPY ...
-- (FORMAT binary), as a client or a Citus worker sends them.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(54);

-- Write bytes b to a server file through one large object, reused.
CREATE TEMP TABLE sb_lo AS SELECT lo_create(0) AS lo;
CREATE FUNCTION pg_temp.sb_write(path text, b bytea) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    fd int := lo_open((SELECT lo FROM sb_lo), 393216);	-- INV_READ | INV_WRITE
BEGIN
    PERFORM lo_truncate(fd, 0);
    PERFORM lowrite(fd, b);
    PERFORM lo_close(fd);
    PERFORM lo_export((SELECT lo FROM sb_lo), path);
END $$;

-- 'accepted', or 'SQLSTATE: message / detail' of reading bytes b as one
-- value of typ through COPY BINARY (a file of one row, one column).
CREATE FUNCTION pg_temp.sb_recv(typ regtype, b bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    path text := format('%s/retention-state-binary-%s.bin', current_setting('data_directory'), pg_backend_pid());
    detail text;
BEGIN
    PERFORM pg_temp.sb_write(path, '\x5047434f50590aff0d0a00'::bytea || int4send(0) || int4send(0)
                                   || int2send(1::int2) || int4send(length(b)) || b || int2send(-1::int2));
    EXECUTE format('CREATE TEMP TABLE sb_one (v %s)', typ);
    BEGIN
        EXECUTE format('COPY sb_one FROM %L WITH (FORMAT binary)', path);
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
        DROP TABLE sb_one;
        RETURN SQLSTATE || ': ' || SQLERRM || ' / ' || coalesce(detail, '');
    END;
    DROP TABLE sb_one;
    RETURN 'accepted';
END $$;

-- The samples: a valid value of each framing, its header's length in bytes
-- (the fixed part before any entry), by the layout in the C sources.
CREATE TEMP TABLE sb_sample (typ regtype, b bytea, header int);
INSERT INTO sb_sample VALUES
    -- keyset: version, layout, key kind, flags, param (4), reserved (4), entries (8)
    ('repeat_purchase_ratio_state', repeat_purchase_ratio_state_send('v1 int {1:2,3:1}'), 20),
    ('time_between_purchases_state', time_between_purchases_state_send('v1 int {1:2:10:20}'), 20),
    ('stickiness_state', stickiness_state_send('v1 text {"a"@2024-01-01:1}'), 20),
    ('cohort_retention_state', cohort_retention_state_send('v1 int period=1mon {1:2:0:101,3:1:0:1}'), 20),
    -- RetState: version, flags, fields (2), then 8 bytes a field
    ('nps_state', nps_state_send('v1 promoters=1 passives=0 detractors=2'), 4),
    -- window_funnel_state: version, flags, steps, window (8), events (8)
    ('window_funnel_state', window_funnel_state_send('v1 window=3600000000us steps=2 {0:1,5:3}'), 19),
    -- the cohort wrappers: version, kind, flags, mode, observed (8), then brackets, then a keyset
    ('cohort_periods_state', cohort_periods_state_send('v1 mode=on | v1 int period=1mon {1:2:0:11}'), 12),
    ('cohort_retention_brackets_state',
     cohort_retention_brackets_state_send('v1 brackets=0:0:0,0:7:0,1:0:0 | v1 int period=1us {1:2:0:11}'), 12);

-- The controls: every sample as sent reads back.
SELECT is(pg_temp.sb_recv(typ, b), 'accepted', typ || ': the value as sent is accepted')
FROM sb_sample ORDER BY typ::text;

-- Every proper prefix (0 bytes up to all but the last) is 22P03 naming the
-- type; past a cohort wrapper's header, the wrapped cohort_retention_state
-- it reads next.
SELECT is((SELECT string_agg(DISTINCT CASE WHEN r LIKE '22P03: %' || typ || '%' OR
                                                (k >= header AND typ::text LIKE 'cohort_%' AND
                                                 r LIKE '22P03: %cohort_retention_state%')
                                           THEN 'ok' ELSE k || ' bytes: ' || r END, '; ')
             FROM generate_series(0, length(b) - 1) k, pg_temp.sb_recv(typ, substr(b, 1, k)) r),
          'ok', typ || ': every truncated value is 22P03 naming the type')
FROM sb_sample ORDER BY typ::text;

-- Inside the header it is the shared reader's error, exactly.
SELECT is((SELECT string_agg(DISTINCT r, '; ')
             FROM generate_series(0, header - 1) k, pg_temp.sb_recv(typ, substr(b, 1, k)) r),
          format('22P03: invalid binary %s value / The value ends too early.', typ),
          typ || ': a value shorter than its header ends too early (22P03)')
FROM sb_sample ORDER BY typ::text;

-- A byte after the end is 22P03 naming the type.
SELECT matches(pg_temp.sb_recv(typ, b || '\x00'::bytea), '^22P03: .*' || typ,
               typ || ': a byte after the end is 22P03 naming the type')
FROM sb_sample WHERE typ IN ('repeat_purchase_ratio_state', 'nps_state', 'window_funnel_state');

-- ---------- the shared scanners in the SaaS states' text ----------
-- mrr_movements_state and cohort_revenue_retention_state read integer keys,
-- uuids and month offsets with state_scan_int64 / state_scan_uuid: the one
-- spelling reads back, every other is 22P02.
SELECT is(t::mrr_movements_state::text, t, 'mrr_movements_state: ' || t || ' reads back')
FROM (VALUES ('v1 grain=month key=uuid a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11=2024-01:1.0000'),
             ('v1 grain=month key=int -9223372036854775808=2024-01:1.0000'),
             ('v1 grain=month key=int 0=2024-01:1.0000')) v(t);
SELECT throws_ok(format($$SELECT %L::mrr_movements_state$$, t), '22P02', NULL, 'mrr_movements_state: ' || why || ' is 22P02')
FROM (VALUES ('v1 grain=month key=uuid A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11=2024-01:1.0000', 'an upper-case uuid'),
             ('v1 grain=month key=uuid a0eebc999c0b4ef8bb6d6bb9bd380a11=2024-01:1.0000', 'a uuid without hyphens'),
             ('v1 grain=month key=int -0=2024-01:1.0000', 'key -0'),
             ('v1 grain=month key=int +1=2024-01:1.0000', 'key +1'),
             ('v1 grain=month key=int 9223372036854775808=2024-01:1.0000', 'a key beyond bigint')) v(t, why);
SELECT is('v1 retention=net key=int 1@2024-01=0:1.0000,1:1.0000'::cohort_revenue_retention_state::text,
          'v1 retention=net key=int 1@2024-01=0:1.0000,1:1.0000', 'cohort_revenue_retention_state: month offsets 0 and 1 read back');
SELECT throws_ok(format($$SELECT %L::cohort_revenue_retention_state$$, t), '22P02', NULL, 'cohort_revenue_retention_state: ' || why || ' is 22P02')
FROM (VALUES ('v1 retention=net key=int 1@2024-01=-1:1.0000', 'month offset -1'),
             ('v1 retention=net key=int 1@2024-01=01:1.0000', 'month offset 01'),
             ('v1 retention=net key=int 1@2024-01=-0:1.0000', 'month offset -0')) v(t, why);

-- window_funnel_state reads its numbers with the same scanners (and
-- state_scan_uint64 for a step mask): "03600000000", "00", "-0", "+1" and a
-- mask beyond 2^64 - 1 were read by strtoi64 / strtou64 before, a second
-- spelling of a value, or none.
SELECT is(t::window_funnel_state::text, t, 'window_funnel_state: ' || t || ' reads back')
FROM (VALUES ('v1 window=3600000000us steps=64 {-5:18446744073709551615,0:1,5:3}'),
             ('v1 window=1us steps=1 {0:1}')) v(t);
SELECT throws_ok(format($$SELECT %L::window_funnel_state$$, t), '22P02', NULL, 'window_funnel_state: ' || why || ' is 22P02')
FROM (VALUES ('v1 window=03600000000us steps=2 {0:1}', 'a window with a leading zero'),
             ('v1 window=3600000000us steps=02 {0:1}', 'steps with a leading zero'),
             ('v1 window=3600000000us steps=2 {00:1}', 'a time 00'),
             ('v1 window=3600000000us steps=2 {-0:1}', 'a time -0'),
             ('v1 window=3600000000us steps=2 {+5:1}', 'a time +5'),
             ('v1 window=3600000000us steps=2 {0:01}', 'a step mask 01'),
             ('v1 window=3600000000us steps=2 {0:-1}', 'a step mask -1'),
             ('v1 window=3600000000us steps=64 {0:18446744073709551616}', 'a step mask of 2^64')) v(t, why);

-- ---------- long texts in messages ----------
-- A text form of several kilobytes (one entry per customer) is quoted by its
-- first 200 bytes; "v1 " and 200 two-byte characters: 3 + 2 * 98 = 199 bytes
-- of whole characters, where a cut at 200 bytes would split the 99th.
SELECT throws_ok(format($$SELECT %L::clv_fit_state$$, 'v1 ' || repeat('é', 200)), '22P02',
                 'invalid input syntax for type clv_fit_state: "v1 ' || repeat('é', 98) || '"',
                 'clv_fit_state: a long text is quoted by its first 200 bytes, whole characters');
SELECT throws_ok(format($$SELECT %L::clv_fit_state$$, 'v1 ' || repeat('x', 300)), '22P02',
                 'invalid input syntax for type clv_fit_state: "v1 ' || repeat('x', 197) || '"',
                 'clv_fit_state: a long ASCII text is quoted by its first 200 bytes');
-- The same error from a receive function (the binary form is the text) is 22P03.
SELECT is(split_part(pg_temp.sb_recv('sbg_model', convert_to('{"alpha": ' || repeat('1', 300) || '}', 'UTF8')), ' / ', 1),
          '22P03: invalid input syntax for type sbg_model: "{"alpha": ' || repeat('1', 190) || '"',
          'sbg_model binary: a malformed text is 22P03, quoted by its first 200 bytes');

-- ---------- cohort_retention_brackets_state: the members' bits ----------
-- A valid three-bracket state whose customer is active in bracket 2; the
-- same bytes with the header saying two brackets and the last one dropped
-- (observed, 8 bytes at offset 4; 16 bytes a bracket from offset 12) leave
-- that customer active beyond the brackets: 22P03 on receive, as 22P02 on
-- input (test/product_retention.sql).
CREATE TEMP TABLE sb_brackets AS
SELECT cohort_retention_brackets_state_send('v1 brackets=0:0:0,0:7:0,0:9:0 | v1 int period=1us {1:2:0:101}') AS b;
SELECT is(pg_temp.sb_recv('cohort_retention_brackets_state', b), 'accepted',
          'cohort_retention_brackets_state: control, a customer in the last of three brackets') FROM sb_brackets;
SELECT is(pg_temp.sb_recv('cohort_retention_brackets_state',
                          substr(b, 1, 4) || int8send(2) || substr(b, 13, 32) || substr(b, 61)),
          '22P03: invalid cohort_retention_brackets_state value / A customer is active in a bracket beyond the brackets.',
          'cohort_retention_brackets_state: a customer beyond two brackets is 22P03 on receive') FROM sb_brackets;

DO $$
BEGIN
    EXECUTE format('COPY (SELECT 1) TO PROGRAM %L',
                   format('cat >/dev/null; rm -f %s/retention-state-binary-%s.bin',
                          current_setting('data_directory'), pg_backend_pid()));
END
$$;
SELECT * FROM finish();
ROLLBACK;
