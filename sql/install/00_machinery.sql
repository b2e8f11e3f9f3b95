\echo Use "CREATE EXTENSION retention" to load this file. \quit

-- retention install script, built by the Makefile from sql/install/*.sql in
-- name order.  This first part defines the helpers that declare a metric's
-- state type and aggregates, so that every metric family below is a few
-- lines of declaration; 99_end.sql drops them again.
--
-- Every metric m with state type m_state gets (SPEC section 1):
--   m(args)             the metric                  (sfunc, inverse, final)
--   m_state(args)       the state, for rollups      (sfunc, inverse)
--   m(m_state)          the metric of merged states (combine, uncombine, final)
--   m_state(m_state)    merged state                (combine, uncombine)
-- each with a combine function, moving-aggregate support and PARALLEL SAFE.

-- The script runs as a superuser even when a database owner creates the
-- extension (retention.control says trusted), with the search_path of the
-- one who runs it: a schema of theirs, first in that path, could hold a
-- format(text, text, text) or an operator that matches an unqualified call
-- better than pg_catalog's and would then run as the superuser.  So the
-- helpers run with search_path = pg_catalog, pg_temp, and everything the
-- script calls outside them is qualified (pg_catalog.format,
-- OPERATOR(pg_catalog.||)); test/sh/privileges.sh installs under a hostile
-- schema.

-- A state type <state> with validated text and binary I/O, its combine and
-- uncombine functions, and the merge aggregate <state>(<state>).
CREATE FUNCTION @extschema@.retention_define_state(state pg_catalog.text, description pg_catalog.text)
RETURNS pg_catalog.void LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $def$
DECLARE
    s pg_catalog.text := pg_catalog.quote_ident(state);
BEGIN
    EXECUTE format('CREATE TYPE @extschema@.%s', s);
    EXECUTE format($f$CREATE FUNCTION @extschema@.%1$s(pg_catalog.cstring) RETURNS @extschema@.%2$s
        AS 'MODULE_PATHNAME', %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$,
        quote_ident(state || '_in'), s, state || '_in');
    EXECUTE format($f$CREATE FUNCTION @extschema@.%1$s(@extschema@.%2$s) RETURNS pg_catalog.cstring
        AS 'MODULE_PATHNAME', %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$,
        quote_ident(state || '_out'), s, state || '_out');
    EXECUTE format($f$CREATE FUNCTION @extschema@.%1$s(pg_catalog.internal) RETURNS @extschema@.%2$s
        AS 'MODULE_PATHNAME', %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$,
        quote_ident(state || '_recv'), s, state || '_recv');
    EXECUTE format($f$CREATE FUNCTION @extschema@.%1$s(@extschema@.%2$s) RETURNS pg_catalog.bytea
        AS 'MODULE_PATHNAME', %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$,
        quote_ident(state || '_send'), s, state || '_send');
    EXECUTE format($f$CREATE TYPE @extschema@.%1$s (
        INPUT = @extschema@.%2$s, OUTPUT = @extschema@.%3$s,
        RECEIVE = @extschema@.%4$s, SEND = @extschema@.%5$s,
        INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain)$f$,
        s, quote_ident(state || '_in'), quote_ident(state || '_out'),
        quote_ident(state || '_recv'), quote_ident(state || '_send'));
    EXECUTE format('COMMENT ON TYPE @extschema@.%s IS %L', s, description);

    -- combine merges two partial states; uncombine removes one from another
    -- (exact: every field is an integer), so windows over stored states slide.
    EXECUTE format($f$CREATE FUNCTION @extschema@.%1$s(@extschema@.%2$s, @extschema@.%2$s)
        RETURNS @extschema@.%2$s AS 'MODULE_PATHNAME', %3$L
        LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$,
        quote_ident(state || '_combine'), s, state || '_combine');
    EXECUTE format('COMMENT ON FUNCTION @extschema@.%s(@extschema@.%s, @extschema@.%s) IS %L',
        quote_ident(state || '_combine'), s, s,
        format('Merges two %s values (the combine function of every aggregate over %s)', state, state));
    EXECUTE format($f$CREATE FUNCTION @extschema@.%1$s(@extschema@.%2$s, @extschema@.%2$s)
        RETURNS @extschema@.%2$s AS 'MODULE_PATHNAME', %3$L
        LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$,
        quote_ident(state || '_uncombine'), s, state || '_uncombine');
    EXECUTE format('COMMENT ON FUNCTION @extschema@.%s(@extschema@.%s, @extschema@.%s) IS %L',
        quote_ident(state || '_uncombine'), s, s,
        format('Removes the second %s from the first (inverse of the combine, for sliding windows)', state));

    EXECUTE format($f$CREATE AGGREGATE @extschema@.%1$s(@extschema@.%1$s) (
        SFUNC = @extschema@.%2$s, STYPE = @extschema@.%1$s,
        COMBINEFUNC = @extschema@.%2$s,
        MSFUNC = @extschema@.%2$s, MINVFUNC = @extschema@.%3$s, MSTYPE = @extschema@.%1$s,
        PARALLEL = SAFE)$f$,
        s, quote_ident(state || '_combine'), quote_ident(state || '_uncombine'));
    EXECUTE format('COMMENT ON AGGREGATE @extschema@.%1$s(@extschema@.%1$s) IS %2$L', s,
        format('Merges stored %s values into one (multi-level rollups)', state));
END
$def$;

-- The final function <final>(<state>) returning rettype, and the aggregate
-- <metric>(<state>) that computes the metric from stored states.
CREATE FUNCTION @extschema@.retention_define_final(metric pg_catalog.text,
    state pg_catalog.text, final pg_catalog.text, rettype pg_catalog.text, description pg_catalog.text)
RETURNS pg_catalog.void LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $def$
DECLARE
    s pg_catalog.text := pg_catalog.quote_ident(state);
BEGIN
    EXECUTE format($f$CREATE FUNCTION @extschema@.%1$s(@extschema@.%2$s) RETURNS %3$s
        AS 'MODULE_PATHNAME', %4$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$,
        quote_ident(final), s, rettype, final);
    EXECUTE format('COMMENT ON FUNCTION @extschema@.%s(@extschema@.%s) IS %L',
        quote_ident(final), s, description || ', from a ' || state);
    EXECUTE format($f$CREATE AGGREGATE @extschema@.%1$s(@extschema@.%2$s) (
        SFUNC = @extschema@.%3$s, STYPE = @extschema@.%2$s,
        FINALFUNC = @extschema@.%4$s, COMBINEFUNC = @extschema@.%3$s,
        MSFUNC = @extschema@.%3$s, MINVFUNC = @extschema@.%5$s, MSTYPE = @extschema@.%2$s,
        MFINALFUNC = @extschema@.%4$s, PARALLEL = SAFE)$f$,
        quote_ident(metric), s, quote_ident(state || '_combine'), quote_ident(final),
        quote_ident(state || '_uncombine'));
    EXECUTE format('COMMENT ON AGGREGATE @extschema@.%s(@extschema@.%s) IS %L',
        quote_ident(metric), s, description || ', merging stored ' || state || ' values');
END
$def$;

-- The transition function sfunc(state, args) and its inverse invfunc (C
-- symbols of the same names), the aggregate <metric>(args) with the final
-- function final, and the state aggregate <state>(args).  args is an
-- argument list such as 'score pg_catalog.int4'.  Several metrics may share
-- a state and its transition functions (churn_rate and retention_rate): the
-- shared parts are declared by whichever call comes first, and replaced
-- with the same definition by the next.
CREATE FUNCTION @extschema@.retention_define_metric(metric pg_catalog.text,
    args pg_catalog.text, state pg_catalog.text, sfunc pg_catalog.text, invfunc pg_catalog.text,
    final pg_catalog.text, description pg_catalog.text)
RETURNS pg_catalog.void LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $def$
DECLARE
    s pg_catalog.text := pg_catalog.quote_ident(state);
BEGIN
    EXECUTE format($f$CREATE OR REPLACE FUNCTION @extschema@.%1$s(@extschema@.%2$s, %3$s)
        RETURNS @extschema@.%2$s AS 'MODULE_PATHNAME', %4$L
        LANGUAGE C IMMUTABLE PARALLEL SAFE$f$, quote_ident(sfunc), s, args, sfunc);
    EXECUTE format('COMMENT ON FUNCTION @extschema@.%s(@extschema@.%s, %s) IS %L',
        quote_ident(sfunc), s, args, format('Adds a row (%s) to a %s', args, state));
    EXECUTE format($f$CREATE OR REPLACE FUNCTION @extschema@.%1$s(@extschema@.%2$s, %3$s)
        RETURNS @extschema@.%2$s AS 'MODULE_PATHNAME', %4$L
        LANGUAGE C IMMUTABLE PARALLEL SAFE$f$, quote_ident(invfunc), s, args, invfunc);
    EXECUTE format('COMMENT ON FUNCTION @extschema@.%s(@extschema@.%s, %s) IS %L',
        quote_ident(invfunc), s, args,
        format('Removes a row (%s) from a %s: the inverse transition, for sliding windows', args, state));

    EXECUTE format($f$CREATE AGGREGATE @extschema@.%1$s(%2$s) (
        SFUNC = @extschema@.%3$s, STYPE = @extschema@.%4$s,
        FINALFUNC = @extschema@.%5$s, COMBINEFUNC = @extschema@.%6$s,
        MSFUNC = @extschema@.%3$s, MINVFUNC = @extschema@.%7$s, MSTYPE = @extschema@.%4$s,
        MFINALFUNC = @extschema@.%5$s, PARALLEL = SAFE)$f$,
        quote_ident(metric), args, quote_ident(sfunc), s, quote_ident(final),
        quote_ident(state || '_combine'), quote_ident(invfunc));
    EXECUTE format('COMMENT ON AGGREGATE @extschema@.%s(%s) IS %L',
        quote_ident(metric), args, description);

    EXECUTE format($f$CREATE OR REPLACE AGGREGATE @extschema@.%1$s(%2$s) (
        SFUNC = @extschema@.%3$s, STYPE = @extschema@.%1$s,
        COMBINEFUNC = @extschema@.%4$s,
        MSFUNC = @extschema@.%3$s, MINVFUNC = @extschema@.%5$s, MSTYPE = @extschema@.%1$s,
        PARALLEL = SAFE)$f$,
        s, args, quote_ident(sfunc), quote_ident(state || '_combine'), quote_ident(invfunc));
    EXECUTE format('COMMENT ON AGGREGATE @extschema@.%s(%s) IS %L',
        s, args, format('The %s of rows (%s), for rollups: store it, then read the metric with its '
                        'aggregate over %s, or merge states with %s(%s)', state, args, state, state, state));
END
$def$;
