-- Product-analytics retention and funnels (SPEC section 10; reference:
-- docs/reference/product-retention.md).

-- window_funnel(window, ts, VARIADIC steps): per user, the longest chain of
-- steps within the window, as ClickHouse's windowFunnel.  The state holds
-- the window, the number of steps and, per distinct time, the steps its
-- events satisfy (src/funnel.c).
CREATE TYPE @extschema@.window_funnel_state;

CREATE FUNCTION @extschema@.window_funnel_state_in(pg_catalog.cstring)
RETURNS @extschema@.window_funnel_state AS 'MODULE_PATHNAME', 'window_funnel_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.window_funnel_state_out(@extschema@.window_funnel_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'window_funnel_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.window_funnel_state_recv(pg_catalog.internal)
RETURNS @extschema@.window_funnel_state AS 'MODULE_PATHNAME', 'window_funnel_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.window_funnel_state_send(@extschema@.window_funnel_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'window_funnel_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.window_funnel_state (
    INPUT = @extschema@.window_funnel_state_in,
    OUTPUT = @extschema@.window_funnel_state_out,
    RECEIVE = @extschema@.window_funnel_state_recv,
    SEND = @extschema@.window_funnel_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.window_funnel_state IS
    'Partial window funnel: the window, the number of steps and, per distinct event time, the steps satisfied then';
COMMENT ON FUNCTION @extschema@.window_funnel_state_in(pg_catalog.cstring) IS
    'Input function of window_funnel_state (validates everything)';
COMMENT ON FUNCTION @extschema@.window_funnel_state_out(@extschema@.window_funnel_state) IS
    'Output function of window_funnel_state';
COMMENT ON FUNCTION @extschema@.window_funnel_state_recv(pg_catalog.internal) IS
    'Binary input function of window_funnel_state (validates everything)';
COMMENT ON FUNCTION @extschema@.window_funnel_state_send(@extschema@.window_funnel_state) IS
    'Binary output function of window_funnel_state';

CREATE FUNCTION @extschema@.window_funnel_state_combine(@extschema@.window_funnel_state, @extschema@.window_funnel_state)
RETURNS @extschema@.window_funnel_state AS 'MODULE_PATHNAME', 'window_funnel_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.window_funnel_state_combine(@extschema@.window_funnel_state, @extschema@.window_funnel_state) IS
    'Merges two window_funnel_state values (the combine function of every aggregate over window_funnel_state)';

CREATE FUNCTION @extschema@.window_funnel_final(@extschema@.window_funnel_state)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'window_funnel_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.window_funnel_final(@extschema@.window_funnel_state) IS
    'The funnel level (steps reached in order within the window) of a window_funnel_state';

CREATE FUNCTION @extschema@.window_funnel_sfunc(@extschema@.window_funnel_state, "window" pg_catalog.interval, ts pg_catalog.timestamptz, steps pg_catalog.bool[])
RETURNS @extschema@.window_funnel_state AS 'MODULE_PATHNAME', 'window_funnel_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.window_funnel_sfunc(@extschema@.window_funnel_state, "window" pg_catalog.interval, ts pg_catalog.timestamptz, steps pg_catalog.bool[]) IS
    'Adds an event (window interval, ts timestamptz, steps boolean[]) to a window_funnel_state';

CREATE AGGREGATE @extschema@.window_funnel("window" pg_catalog.interval, ts pg_catalog.timestamptz, VARIADIC steps pg_catalog.bool[]) (
    SFUNC = @extschema@.window_funnel_sfunc,
    STYPE = @extschema@.window_funnel_state,
    FINALFUNC = @extschema@.window_funnel_final,
    COMBINEFUNC = @extschema@.window_funnel_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.window_funnel("window" pg_catalog.interval, ts pg_catalog.timestamptz, VARIADIC steps pg_catalog.bool[]) IS
    'Funnel level per user: the longest chain of events satisfying steps 1, 2, ... in time order (ties allowed) with the last within window of the first; 0 when no event satisfies step 1 (ClickHouse windowFunnel)';

CREATE AGGREGATE @extschema@.window_funnel_state("window" pg_catalog.interval, ts pg_catalog.timestamptz, VARIADIC steps pg_catalog.bool[]) (
    SFUNC = @extschema@.window_funnel_sfunc,
    STYPE = @extschema@.window_funnel_state,
    COMBINEFUNC = @extschema@.window_funnel_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.window_funnel_state("window" pg_catalog.interval, ts pg_catalog.timestamptz, VARIADIC steps pg_catalog.bool[]) IS
    'The window_funnel_state of events (window interval, ts timestamptz, steps boolean[]), for rollups: store it, then read the level with window_funnel(window_funnel_state), or merge states with window_funnel_state(window_funnel_state)';

CREATE AGGREGATE @extschema@.window_funnel(@extschema@.window_funnel_state) (
    SFUNC = @extschema@.window_funnel_state_combine,
    STYPE = @extschema@.window_funnel_state,
    FINALFUNC = @extschema@.window_funnel_final,
    COMBINEFUNC = @extschema@.window_funnel_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.window_funnel(@extschema@.window_funnel_state) IS
    'Funnel level per user, merging stored window_funnel_state values';

CREATE AGGREGATE @extschema@.window_funnel_state(@extschema@.window_funnel_state) (
    SFUNC = @extschema@.window_funnel_state_combine,
    STYPE = @extschema@.window_funnel_state,
    COMBINEFUNC = @extschema@.window_funnel_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.window_funnel_state(@extschema@.window_funnel_state) IS
    'Merges stored window_funnel_state values into one (multi-level rollups)';
