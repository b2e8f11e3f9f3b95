-- Property test (issue 25 item 5): every value an aggregate of the
-- extension can produce reads back.  test/sh/state_extremes.psql builds
-- states of every state type from extreme inputs (the first and last dates
-- and timestamps, BC, the year 10000 and beyond, amounts and counts near
-- the float8, numeric and bigint limits, odd keys); each value is then
-- round-tripped out -> in and send -> recv (COPY ... (FORMAT binary)) and
-- must come back with the same text.  An aggregate may instead refuse an
-- input with a data exception (22xxx, 54000: a total that would overflow
-- is 22003 at transition, not a value that cannot be read back).
-- Failures in families this test does not own are marked TODO with the
-- reason, so that they show without failing the suite.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SET LOCAL TimeZone = 'UTC';
SET LOCAL client_min_messages = warning;
\ir sh/state_extremes.psql

-- Known failures, by case label (the owner's family is not this test's to fix).
CREATE TEMP TABLE known_failures (label text PRIMARY KEY, reason text NOT NULL);
INSERT INTO known_failures VALUES
    ('clv_fit_state: extreme summaries', 'clv: a fit state of extreme (finite) summaries is written, then rejected as text and binary'),
    ('clv_summary: float8 total beyond the limit', 'clv: an Infinity total is written, then rejected (issue 25 item 5)');

SELECT plan((SELECT count(*)::int * 3 + 2 FROM state_cases));

-- Server-side files in the data directory of the throw-away cluster.
CREATE FUNCTION pg_temp.datafile(name text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT current_setting('data_directory') || '/' || name
$$;

-- 'ok', or what went wrong, for the text round trip of one case's value.
CREATE FUNCTION pg_temp.text_round_trip(c state_cases) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    original text;
    back text;
BEGIN
    EXECUTE format('SELECT %I::text FROM extreme_states WHERE label = %L', c.typ::text, c.label) INTO original;
    BEGIN
        EXECUTE format('SELECT %L::%s::text', original, c.typ) INTO back;
    EXCEPTION WHEN OTHERS THEN
        RETURN 'in: ' || SQLSTATE || ' ' || SQLERRM || ' for ' || left(original, 200);
    END;
    IF back IS DISTINCT FROM original THEN
        RETURN 'in: reads back as ' || left(back, 200) || ' from ' || left(original, 200);
    END IF;
    RETURN 'ok';
END
$$;

-- The same through send and recv: COPY the value out in binary and back in.
CREATE FUNCTION pg_temp.binary_round_trip(c state_cases) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    original text;
    back text;
    file text := pg_temp.datafile('retention_state_roundtrip.bin');
BEGIN
    EXECUTE format('SELECT %I::text FROM extreme_states WHERE label = %L', c.typ::text, c.label) INTO original;
    BEGIN
        EXECUTE format('COPY (SELECT %I FROM extreme_states WHERE label = %L) TO %L (FORMAT binary)',
                       c.typ::text, c.label, file);
        EXECUTE format('CREATE TEMP TABLE rt_back (x %s)', c.typ);
        EXECUTE format('COPY rt_back FROM %L (FORMAT binary)', file);
        SELECT x::text INTO back FROM rt_back;
        DROP TABLE rt_back;
    EXCEPTION WHEN OTHERS THEN
        RETURN 'recv: ' || SQLSTATE || ' ' || SQLERRM || ' for ' || left(original, 200);
    END;
    IF back IS DISTINCT FROM original THEN
        RETURN 'recv: reads back as ' || left(back, 200) || ' from ' || left(original, 200);
    END IF;
    RETURN 'ok';
END
$$;

-- Three tests per case: a value or a clean refusal, then the two round trips
-- (TODO for a known failure).
CREATE FUNCTION pg_temp.run_cases() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
    c state_cases;
    why text;
    result text;
BEGIN
    FOR c IN SELECT * FROM state_cases ORDER BY label LOOP
        RETURN NEXT ok(c.outcome = 'value' OR c.outcome LIKE 'refused %',
                       format('%s (%s): a value or a clean refusal [%s]', c.label, c.typ, c.outcome));
        SELECT reason INTO why FROM known_failures k WHERE k.label = c.label;
        IF why IS NOT NULL THEN
            PERFORM todo(why, 2);
        END IF;
        IF c.outcome = 'value' THEN
            result := pg_temp.text_round_trip(c);
            RETURN NEXT is(result, 'ok', format('%s (%s): out -> in', c.label, c.typ));
            result := pg_temp.binary_round_trip(c);
            RETURN NEXT is(result, 'ok', format('%s (%s): send -> recv', c.label, c.typ));
        ELSE
            RETURN NEXT pass(format('%s (%s): out -> in (nothing to read back: %s)', c.label, c.typ, c.outcome));
            RETURN NEXT pass(format('%s (%s): send -> recv (nothing to read back: %s)', c.label, c.typ, c.outcome));
        END IF;
    END LOOP;
END
$$;
SELECT * FROM pg_temp.run_cases();

-- Every state type of the extension is driven here (a new type needs cases).
SELECT is(ARRAY(SELECT t.oid::regtype::text
                  FROM pg_type t JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid
                                                 AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
                  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'retention'
                 WHERE t.typtype = 'b' AND t.typinput <> 0 AND t.typcategory <> 'A'
                   AND t.oid NOT IN (SELECT typ FROM state_cases)
                 ORDER BY 1), '{}'::text[],
          'every state type of the extension has cases here');
SELECT cmp_ok((SELECT count(*) FROM state_cases WHERE outcome = 'value'), '>=',
              (SELECT count(*) FROM state_cases) * 3 / 4, 'most cases produce a value to read back');

DO $$
BEGIN
    EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', format('cat >/dev/null; rm -f %s',
                   pg_temp.datafile('retention_state_roundtrip.bin')));
END
$$;
SELECT * FROM finish();
ROLLBACK;
