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

-- cohort_retention(..., period, mode [, observed_until]) and cohort_periods(...):
-- the state wraps a cohort_retention_state (filled by cohort.c) with the mode
-- and observed_until (src/cohort_modes.c).  Periods and observed_until are
-- measured in the session time zone: the functions that read them are STABLE.
CREATE TYPE @extschema@.cohort_period AS (period pg_catalog.int4, customers pg_catalog.int8, active pg_catalog.int8, rate pg_catalog.float8);
COMMENT ON TYPE @extschema@.cohort_period IS
    'One period of a cohort (from 0): customers counted, customers retained, and the rate (percent, NULL when no customer counts)';

CREATE TYPE @extschema@.cohort_periods_state;

CREATE FUNCTION @extschema@.cohort_periods_state_in(pg_catalog.cstring)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cohort_periods_state_out(@extschema@.cohort_periods_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'cohort_periods_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cohort_periods_state_recv(pg_catalog.internal)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cohort_periods_state_send(@extschema@.cohort_periods_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'cohort_periods_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.cohort_periods_state (
    INPUT = @extschema@.cohort_periods_state_in,
    OUTPUT = @extschema@.cohort_periods_state_out,
    RECEIVE = @extschema@.cohort_periods_state_recv,
    SEND = @extschema@.cohort_periods_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.cohort_periods_state IS
    'Partial cohort retention with a mode (on, on_or_after) and an optional observed_until: a cohort_retention_state inside';
COMMENT ON FUNCTION @extschema@.cohort_periods_state_in(pg_catalog.cstring) IS
    'Input function of cohort_periods_state (validates everything)';
COMMENT ON FUNCTION @extschema@.cohort_periods_state_out(@extschema@.cohort_periods_state) IS
    'Output function of cohort_periods_state';
COMMENT ON FUNCTION @extschema@.cohort_periods_state_recv(pg_catalog.internal) IS
    'Binary input function of cohort_periods_state (validates everything)';
COMMENT ON FUNCTION @extschema@.cohort_periods_state_send(@extschema@.cohort_periods_state) IS
    'Binary output function of cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_state_combine(@extschema@.cohort_periods_state, @extschema@.cohort_periods_state)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_state_combine(@extschema@.cohort_periods_state, @extschema@.cohort_periods_state) IS
    'Merges two cohort_periods_state values (the combine function of every aggregate over cohort_periods_state)';

CREATE FUNCTION @extschema@.cohort_periods_retention_final(@extschema@.cohort_periods_state)
RETURNS pg_catalog.float8[] AS 'MODULE_PATHNAME', 'cohort_periods_retention_final'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_retention_final(@extschema@.cohort_periods_state) IS
    'Cohort retention (percent) per period in the state''s mode, from a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_final(@extschema@.cohort_periods_state)
RETURNS @extschema@.cohort_period[] AS 'MODULE_PATHNAME', 'cohort_periods_final'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_final(@extschema@.cohort_periods_state) IS
    'The long form of cohort retention, one cohort_period per period, from a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Adds a row (customer_id int4, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'Adds a row (customer_id int4, cohort_start timestamptz, active_at timestamptz, period interval, mode text) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'Adds a row (customer_id int4, cohort_start timestamptz, active_at timestamptz, period interval, mode text, observed_until timestamptz) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'Cohort retention (percent) per period, by mode: ''on'' counts the customers active in period k - 1, ''on_or_after'' those active in it or any later period';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'Cohort retention (percent) per period, by mode, counting a customer in a period only once that period has ended by observed_until (NULL where no customer has)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The long form of cohort retention: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The cohort_periods_state of rows (customer_id int4, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'The long form of cohort retention, by mode: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'The cohort_periods_state of rows (customer_id int4, cohort_start timestamptz, active_at timestamptz, period interval, mode text), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'The long form of cohort retention, by mode, each period counted once it has ended by observed_until: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'The cohort_periods_state of rows (customer_id int4, cohort_start timestamptz, active_at timestamptz, period interval, mode text, observed_until timestamptz), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Adds a row (customer_id int4, cohort_start date, active_at date, period interval) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'Adds a row (customer_id int4, cohort_start date, active_at date, period interval, mode text) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'Adds a row (customer_id int4, cohort_start date, active_at date, period interval, mode text, observed_until date) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'Cohort retention (percent) per period, from dates, by mode: ''on'' counts the customers active in period k - 1, ''on_or_after'' those active in it or any later period';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'Cohort retention (percent) per period, from dates, by mode, counting a customer in a period only once that period has ended by observed_until (NULL where no customer has)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The long form of cohort retention, from dates: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The cohort_periods_state of rows (customer_id int4, cohort_start date, active_at date, period interval), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'The long form of cohort retention, from dates, by mode: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'The cohort_periods_state of rows (customer_id int4, cohort_start date, active_at date, period interval, mode text), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'The long form of cohort retention, from dates, by mode, each period counted once it has ended by observed_until: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'The cohort_periods_state of rows (customer_id int4, cohort_start date, active_at date, period interval, mode text, observed_until date), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Adds a row (customer_id int8, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'Adds a row (customer_id int8, cohort_start timestamptz, active_at timestamptz, period interval, mode text) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'Adds a row (customer_id int8, cohort_start timestamptz, active_at timestamptz, period interval, mode text, observed_until timestamptz) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'Cohort retention (percent) per period, by mode: ''on'' counts the customers active in period k - 1, ''on_or_after'' those active in it or any later period';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'Cohort retention (percent) per period, by mode, counting a customer in a period only once that period has ended by observed_until (NULL where no customer has)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The long form of cohort retention: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The cohort_periods_state of rows (customer_id int8, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'The long form of cohort retention, by mode: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'The cohort_periods_state of rows (customer_id int8, cohort_start timestamptz, active_at timestamptz, period interval, mode text), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'The long form of cohort retention, by mode, each period counted once it has ended by observed_until: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'The cohort_periods_state of rows (customer_id int8, cohort_start timestamptz, active_at timestamptz, period interval, mode text, observed_until timestamptz), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Adds a row (customer_id int8, cohort_start date, active_at date, period interval) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'Adds a row (customer_id int8, cohort_start date, active_at date, period interval, mode text) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'Adds a row (customer_id int8, cohort_start date, active_at date, period interval, mode text, observed_until date) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'Cohort retention (percent) per period, from dates, by mode: ''on'' counts the customers active in period k - 1, ''on_or_after'' those active in it or any later period';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'Cohort retention (percent) per period, from dates, by mode, counting a customer in a period only once that period has ended by observed_until (NULL where no customer has)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The long form of cohort retention, from dates: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The cohort_periods_state of rows (customer_id int8, cohort_start date, active_at date, period interval), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'The long form of cohort retention, from dates, by mode: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'The cohort_periods_state of rows (customer_id int8, cohort_start date, active_at date, period interval, mode text), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'The long form of cohort retention, from dates, by mode, each period counted once it has ended by observed_until: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'The cohort_periods_state of rows (customer_id int8, cohort_start date, active_at date, period interval, mode text, observed_until date), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Adds a row (customer_id text, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'Adds a row (customer_id text, cohort_start timestamptz, active_at timestamptz, period interval, mode text) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'Adds a row (customer_id text, cohort_start timestamptz, active_at timestamptz, period interval, mode text, observed_until timestamptz) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'Cohort retention (percent) per period, by mode: ''on'' counts the customers active in period k - 1, ''on_or_after'' those active in it or any later period';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'Cohort retention (percent) per period, by mode, counting a customer in a period only once that period has ended by observed_until (NULL where no customer has)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The long form of cohort retention: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The cohort_periods_state of rows (customer_id text, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'The long form of cohort retention, by mode: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'The cohort_periods_state of rows (customer_id text, cohort_start timestamptz, active_at timestamptz, period interval, mode text), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'The long form of cohort retention, by mode, each period counted once it has ended by observed_until: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'The cohort_periods_state of rows (customer_id text, cohort_start timestamptz, active_at timestamptz, period interval, mode text, observed_until timestamptz), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Adds a row (customer_id text, cohort_start date, active_at date, period interval) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'Adds a row (customer_id text, cohort_start date, active_at date, period interval, mode text) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'Adds a row (customer_id text, cohort_start date, active_at date, period interval, mode text, observed_until date) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'Cohort retention (percent) per period, from dates, by mode: ''on'' counts the customers active in period k - 1, ''on_or_after'' those active in it or any later period';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'Cohort retention (percent) per period, from dates, by mode, counting a customer in a period only once that period has ended by observed_until (NULL where no customer has)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The long form of cohort retention, from dates: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The cohort_periods_state of rows (customer_id text, cohort_start date, active_at date, period interval), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'The long form of cohort retention, from dates, by mode: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'The cohort_periods_state of rows (customer_id text, cohort_start date, active_at date, period interval, mode text), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'The long form of cohort retention, from dates, by mode, each period counted once it has ended by observed_until: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'The cohort_periods_state of rows (customer_id text, cohort_start date, active_at date, period interval, mode text, observed_until date), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Adds a row (customer_id uuid, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'Adds a row (customer_id uuid, cohort_start timestamptz, active_at timestamptz, period interval, mode text) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'Adds a row (customer_id uuid, cohort_start timestamptz, active_at timestamptz, period interval, mode text, observed_until timestamptz) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'Cohort retention (percent) per period, by mode: ''on'' counts the customers active in period k - 1, ''on_or_after'' those active in it or any later period';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'Cohort retention (percent) per period, by mode, counting a customer in a period only once that period has ended by observed_until (NULL where no customer has)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The long form of cohort retention: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The cohort_periods_state of rows (customer_id uuid, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'The long form of cohort retention, by mode: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'The cohort_periods_state of rows (customer_id uuid, cohort_start timestamptz, active_at timestamptz, period interval, mode text), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'The long form of cohort retention, by mode, each period counted once it has ended by observed_until: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'The cohort_periods_state of rows (customer_id uuid, cohort_start timestamptz, active_at timestamptz, period interval, mode text, observed_until timestamptz), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Adds a row (customer_id uuid, cohort_start date, active_at date, period interval) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'Adds a row (customer_id uuid, cohort_start date, active_at date, period interval, mode text) to a cohort_periods_state';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'Adds a row (customer_id uuid, cohort_start date, active_at date, period interval, mode text, observed_until date) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'Cohort retention (percent) per period, from dates, by mode: ''on'' counts the customers active in period k - 1, ''on_or_after'' those active in it or any later period';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'Cohort retention (percent) per period, from dates, by mode, counting a customer in a period only once that period has ended by observed_until (NULL where no customer has)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The long form of cohort retention, from dates: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The cohort_periods_state of rows (customer_id uuid, cohort_start date, active_at date, period interval), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'The long form of cohort retention, from dates, by mode: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'The cohort_periods_state of rows (customer_id uuid, cohort_start date, active_at date, period interval, mode text), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'The long form of cohort retention, from dates, by mode, each period counted once it has ended by observed_until: one (period, customers, active, rate) per period from 0';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'The cohort_periods_state of rows (customer_id uuid, cohort_start date, active_at date, period interval, mode text, observed_until date), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_retention(@extschema@.cohort_periods_state) (
    SFUNC = @extschema@.cohort_periods_state_combine,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(@extschema@.cohort_periods_state) IS
    'Cohort retention (percent) per period in the states'' mode, merging stored cohort_periods_state values';

CREATE AGGREGATE @extschema@.cohort_periods(@extschema@.cohort_periods_state) (
    SFUNC = @extschema@.cohort_periods_state_combine,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(@extschema@.cohort_periods_state) IS
    'The long form of cohort retention, merging stored cohort_periods_state values';

CREATE AGGREGATE @extschema@.cohort_periods_state(@extschema@.cohort_periods_state) (
    SFUNC = @extschema@.cohort_periods_state_combine,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(@extschema@.cohort_periods_state) IS
    'Merges stored cohort_periods_state values into one (multi-level rollups)';

-- recurring_retention(customer_id, active_at, period, origin): the state wraps
-- a cohort_retention_state in which every customer starts at the origin.
CREATE TYPE @extschema@.recurring_retention_state;

CREATE FUNCTION @extschema@.recurring_retention_state_in(pg_catalog.cstring)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.recurring_retention_state_out(@extschema@.recurring_retention_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'recurring_retention_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.recurring_retention_state_recv(pg_catalog.internal)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.recurring_retention_state_send(@extschema@.recurring_retention_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'recurring_retention_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.recurring_retention_state (
    INPUT = @extschema@.recurring_retention_state_in,
    OUTPUT = @extschema@.recurring_retention_state_out,
    RECEIVE = @extschema@.recurring_retention_state_recv,
    SEND = @extschema@.recurring_retention_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.recurring_retention_state IS
    'Partial recurring retention: per customer the periods after the origin it was active in (a cohort_retention_state inside)';
COMMENT ON FUNCTION @extschema@.recurring_retention_state_in(pg_catalog.cstring) IS
    'Input function of recurring_retention_state (validates everything)';
COMMENT ON FUNCTION @extschema@.recurring_retention_state_out(@extschema@.recurring_retention_state) IS
    'Output function of recurring_retention_state';
COMMENT ON FUNCTION @extschema@.recurring_retention_state_recv(pg_catalog.internal) IS
    'Binary input function of recurring_retention_state (validates everything)';
COMMENT ON FUNCTION @extschema@.recurring_retention_state_send(@extschema@.recurring_retention_state) IS
    'Binary output function of recurring_retention_state';

CREATE FUNCTION @extschema@.recurring_retention_state_combine(@extschema@.recurring_retention_state, @extschema@.recurring_retention_state)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recurring_retention_state_combine(@extschema@.recurring_retention_state, @extschema@.recurring_retention_state) IS
    'Merges two recurring_retention_state values (the combine function of every aggregate over recurring_retention_state)';

CREATE FUNCTION @extschema@.recurring_retention_final(@extschema@.recurring_retention_state)
RETURNS pg_catalog.float8[] AS 'MODULE_PATHNAME', 'recurring_retention_final'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recurring_retention_final(@extschema@.recurring_retention_state) IS
    'Recurring retention (percent) per lag, from a recurring_retention_state';

CREATE FUNCTION @extschema@.recurring_retention_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.int4, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recurring_retention_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.int4, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'Adds a row (customer_id int4, active_at timestamptz, period interval, origin timestamptz) to a recurring_retention_state';

CREATE AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.int4, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) (
    SFUNC = @extschema@.recurring_retention_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    FINALFUNC = @extschema@.recurring_retention_final,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.int4, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'Recurring retention (percent): element k = 100 * customers active in both period j and period j + k - 1 after the origin / customers active in period j, summed over every j';

CREATE AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.int4, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) (
    SFUNC = @extschema@.recurring_retention_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.int4, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'The recurring_retention_state of rows (customer_id int4, active_at timestamptz, period interval, origin timestamptz), for rollups: store it, then read it with recurring_retention(recurring_retention_state)';

CREATE FUNCTION @extschema@.recurring_retention_date_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.int4, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_date_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recurring_retention_date_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.int4, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'Adds a row (customer_id int4, active_at date, period interval, origin date) to a recurring_retention_state';

CREATE AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.int4, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) (
    SFUNC = @extschema@.recurring_retention_date_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    FINALFUNC = @extschema@.recurring_retention_final,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.int4, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'Recurring retention (percent), from dates: element k = 100 * customers active in both period j and period j + k - 1 after the origin / customers active in period j, summed over every j';

CREATE AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.int4, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) (
    SFUNC = @extschema@.recurring_retention_date_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.int4, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'The recurring_retention_state of rows (customer_id int4, active_at date, period interval, origin date), for rollups: store it, then read it with recurring_retention(recurring_retention_state)';

CREATE FUNCTION @extschema@.recurring_retention_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.int8, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_sfunc_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recurring_retention_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.int8, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'Adds a row (customer_id int8, active_at timestamptz, period interval, origin timestamptz) to a recurring_retention_state';

CREATE AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.int8, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) (
    SFUNC = @extschema@.recurring_retention_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    FINALFUNC = @extschema@.recurring_retention_final,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.int8, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'Recurring retention (percent): element k = 100 * customers active in both period j and period j + k - 1 after the origin / customers active in period j, summed over every j';

CREATE AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.int8, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) (
    SFUNC = @extschema@.recurring_retention_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.int8, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'The recurring_retention_state of rows (customer_id int8, active_at timestamptz, period interval, origin timestamptz), for rollups: store it, then read it with recurring_retention(recurring_retention_state)';

CREATE FUNCTION @extschema@.recurring_retention_date_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.int8, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_date_sfunc_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recurring_retention_date_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.int8, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'Adds a row (customer_id int8, active_at date, period interval, origin date) to a recurring_retention_state';

CREATE AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.int8, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) (
    SFUNC = @extschema@.recurring_retention_date_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    FINALFUNC = @extschema@.recurring_retention_final,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.int8, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'Recurring retention (percent), from dates: element k = 100 * customers active in both period j and period j + k - 1 after the origin / customers active in period j, summed over every j';

CREATE AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.int8, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) (
    SFUNC = @extschema@.recurring_retention_date_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.int8, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'The recurring_retention_state of rows (customer_id int8, active_at date, period interval, origin date), for rollups: store it, then read it with recurring_retention(recurring_retention_state)';

CREATE FUNCTION @extschema@.recurring_retention_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.text, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_sfunc_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recurring_retention_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.text, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'Adds a row (customer_id text, active_at timestamptz, period interval, origin timestamptz) to a recurring_retention_state';

CREATE AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.text, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) (
    SFUNC = @extschema@.recurring_retention_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    FINALFUNC = @extschema@.recurring_retention_final,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.text, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'Recurring retention (percent): element k = 100 * customers active in both period j and period j + k - 1 after the origin / customers active in period j, summed over every j';

CREATE AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.text, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) (
    SFUNC = @extschema@.recurring_retention_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.text, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'The recurring_retention_state of rows (customer_id text, active_at timestamptz, period interval, origin timestamptz), for rollups: store it, then read it with recurring_retention(recurring_retention_state)';

CREATE FUNCTION @extschema@.recurring_retention_date_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.text, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_date_sfunc_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recurring_retention_date_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.text, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'Adds a row (customer_id text, active_at date, period interval, origin date) to a recurring_retention_state';

CREATE AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.text, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) (
    SFUNC = @extschema@.recurring_retention_date_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    FINALFUNC = @extschema@.recurring_retention_final,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.text, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'Recurring retention (percent), from dates: element k = 100 * customers active in both period j and period j + k - 1 after the origin / customers active in period j, summed over every j';

CREATE AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.text, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) (
    SFUNC = @extschema@.recurring_retention_date_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.text, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'The recurring_retention_state of rows (customer_id text, active_at date, period interval, origin date), for rollups: store it, then read it with recurring_retention(recurring_retention_state)';

CREATE FUNCTION @extschema@.recurring_retention_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.uuid, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_sfunc_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recurring_retention_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.uuid, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'Adds a row (customer_id uuid, active_at timestamptz, period interval, origin timestamptz) to a recurring_retention_state';

CREATE AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.uuid, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) (
    SFUNC = @extschema@.recurring_retention_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    FINALFUNC = @extschema@.recurring_retention_final,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.uuid, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'Recurring retention (percent): element k = 100 * customers active in both period j and period j + k - 1 after the origin / customers active in period j, summed over every j';

CREATE AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.uuid, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) (
    SFUNC = @extschema@.recurring_retention_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.uuid, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'The recurring_retention_state of rows (customer_id uuid, active_at timestamptz, period interval, origin timestamptz), for rollups: store it, then read it with recurring_retention(recurring_retention_state)';

CREATE FUNCTION @extschema@.recurring_retention_date_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.uuid, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_date_sfunc_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recurring_retention_date_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.uuid, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'Adds a row (customer_id uuid, active_at date, period interval, origin date) to a recurring_retention_state';

CREATE AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.uuid, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) (
    SFUNC = @extschema@.recurring_retention_date_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    FINALFUNC = @extschema@.recurring_retention_final,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.uuid, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'Recurring retention (percent), from dates: element k = 100 * customers active in both period j and period j + k - 1 after the origin / customers active in period j, summed over every j';

CREATE AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.uuid, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) (
    SFUNC = @extschema@.recurring_retention_date_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.uuid, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'The recurring_retention_state of rows (customer_id uuid, active_at date, period interval, origin date), for rollups: store it, then read it with recurring_retention(recurring_retention_state)';

CREATE AGGREGATE @extschema@.recurring_retention(@extschema@.recurring_retention_state) (
    SFUNC = @extschema@.recurring_retention_state_combine,
    STYPE = @extschema@.recurring_retention_state,
    FINALFUNC = @extschema@.recurring_retention_final,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention(@extschema@.recurring_retention_state) IS
    'Recurring retention (percent) per lag, merging stored recurring_retention_state values';

CREATE AGGREGATE @extschema@.recurring_retention_state(@extschema@.recurring_retention_state) (
    SFUNC = @extschema@.recurring_retention_state_combine,
    STYPE = @extschema@.recurring_retention_state,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention_state(@extschema@.recurring_retention_state) IS
    'Merges stored recurring_retention_state values into one (multi-level rollups)';

-- cohort_retention_brackets(customer_id, cohort_start, active_at, brackets): the
-- state wraps the brackets and a cohort_retention_state in which bit k marks
-- activity in bracket k (bit 0: the customer belongs to the cohort).
CREATE TYPE @extschema@.cohort_retention_brackets_state;

CREATE FUNCTION @extschema@.cohort_retention_brackets_state_in(pg_catalog.cstring)
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cohort_retention_brackets_state_out(@extschema@.cohort_retention_brackets_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'cohort_retention_brackets_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cohort_retention_brackets_state_recv(pg_catalog.internal)
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cohort_retention_brackets_state_send(@extschema@.cohort_retention_brackets_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'cohort_retention_brackets_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.cohort_retention_brackets_state (
    INPUT = @extschema@.cohort_retention_brackets_state_in,
    OUTPUT = @extschema@.cohort_retention_brackets_state_out,
    RECEIVE = @extschema@.cohort_retention_brackets_state_recv,
    SEND = @extschema@.cohort_retention_brackets_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.cohort_retention_brackets_state IS
    'Partial bracket retention: the brackets and, per customer, its cohort start and the brackets it was active in (a cohort_retention_state inside)';
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_state_in(pg_catalog.cstring) IS
    'Input function of cohort_retention_brackets_state (validates everything)';
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_state_out(@extschema@.cohort_retention_brackets_state) IS
    'Output function of cohort_retention_brackets_state';
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_state_recv(pg_catalog.internal) IS
    'Binary input function of cohort_retention_brackets_state (validates everything)';
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_state_send(@extschema@.cohort_retention_brackets_state) IS
    'Binary output function of cohort_retention_brackets_state';

CREATE FUNCTION @extschema@.cohort_retention_brackets_state_combine(@extschema@.cohort_retention_brackets_state, @extschema@.cohort_retention_brackets_state)
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_state_combine(@extschema@.cohort_retention_brackets_state, @extschema@.cohort_retention_brackets_state) IS
    'Merges two cohort_retention_brackets_state values (the combine function of every aggregate over cohort_retention_brackets_state)';

CREATE FUNCTION @extschema@.cohort_retention_brackets_final(@extschema@.cohort_retention_brackets_state)
RETURNS pg_catalog.float8[] AS 'MODULE_PATHNAME', 'cohort_retention_brackets_final'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_final(@extschema@.cohort_retention_brackets_state) IS
    'Bracket retention (percent) per bracket, from a cohort_retention_brackets_state';

CREATE FUNCTION @extschema@.cohort_retention_brackets_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[])
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'Adds a row (customer_id int4, cohort_start timestamptz, active_at timestamptz, brackets interval[]) to a cohort_retention_brackets_state';

CREATE AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    FINALFUNC = @extschema@.cohort_retention_brackets_final,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'Bracket retention (percent): element k = 100 * the cohort''s customers active in [cohort_start + brackets[k], cohort_start + brackets[k + 1]) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'The cohort_retention_brackets_state of rows (customer_id int4, cohort_start timestamptz, active_at timestamptz, brackets interval[]), for rollups: store it, then read it with cohort_retention_brackets(cohort_retention_brackets_state)';

CREATE FUNCTION @extschema@.cohort_retention_brackets_date_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[])
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_date_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_date_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'Adds a row (customer_id int4, cohort_start date, active_at date, brackets interval[]) to a cohort_retention_brackets_state';

CREATE AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_date_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    FINALFUNC = @extschema@.cohort_retention_brackets_final,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'Bracket retention (percent), from dates: element k = 100 * the cohort''s customers active in [cohort_start + brackets[k], cohort_start + brackets[k + 1]) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_date_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'The cohort_retention_brackets_state of rows (customer_id int4, cohort_start date, active_at date, brackets interval[]), for rollups: store it, then read it with cohort_retention_brackets(cohort_retention_brackets_state)';

CREATE FUNCTION @extschema@.cohort_retention_brackets_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[])
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_sfunc_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'Adds a row (customer_id int8, cohort_start timestamptz, active_at timestamptz, brackets interval[]) to a cohort_retention_brackets_state';

CREATE AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    FINALFUNC = @extschema@.cohort_retention_brackets_final,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'Bracket retention (percent): element k = 100 * the cohort''s customers active in [cohort_start + brackets[k], cohort_start + brackets[k + 1]) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'The cohort_retention_brackets_state of rows (customer_id int8, cohort_start timestamptz, active_at timestamptz, brackets interval[]), for rollups: store it, then read it with cohort_retention_brackets(cohort_retention_brackets_state)';

CREATE FUNCTION @extschema@.cohort_retention_brackets_date_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[])
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_date_sfunc_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_date_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'Adds a row (customer_id int8, cohort_start date, active_at date, brackets interval[]) to a cohort_retention_brackets_state';

CREATE AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_date_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    FINALFUNC = @extschema@.cohort_retention_brackets_final,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'Bracket retention (percent), from dates: element k = 100 * the cohort''s customers active in [cohort_start + brackets[k], cohort_start + brackets[k + 1]) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_date_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'The cohort_retention_brackets_state of rows (customer_id int8, cohort_start date, active_at date, brackets interval[]), for rollups: store it, then read it with cohort_retention_brackets(cohort_retention_brackets_state)';

CREATE FUNCTION @extschema@.cohort_retention_brackets_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[])
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_sfunc_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'Adds a row (customer_id text, cohort_start timestamptz, active_at timestamptz, brackets interval[]) to a cohort_retention_brackets_state';

CREATE AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    FINALFUNC = @extschema@.cohort_retention_brackets_final,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'Bracket retention (percent): element k = 100 * the cohort''s customers active in [cohort_start + brackets[k], cohort_start + brackets[k + 1]) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'The cohort_retention_brackets_state of rows (customer_id text, cohort_start timestamptz, active_at timestamptz, brackets interval[]), for rollups: store it, then read it with cohort_retention_brackets(cohort_retention_brackets_state)';

CREATE FUNCTION @extschema@.cohort_retention_brackets_date_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[])
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_date_sfunc_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_date_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'Adds a row (customer_id text, cohort_start date, active_at date, brackets interval[]) to a cohort_retention_brackets_state';

CREATE AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_date_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    FINALFUNC = @extschema@.cohort_retention_brackets_final,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'Bracket retention (percent), from dates: element k = 100 * the cohort''s customers active in [cohort_start + brackets[k], cohort_start + brackets[k + 1]) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_date_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'The cohort_retention_brackets_state of rows (customer_id text, cohort_start date, active_at date, brackets interval[]), for rollups: store it, then read it with cohort_retention_brackets(cohort_retention_brackets_state)';

CREATE FUNCTION @extschema@.cohort_retention_brackets_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[])
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_sfunc_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'Adds a row (customer_id uuid, cohort_start timestamptz, active_at timestamptz, brackets interval[]) to a cohort_retention_brackets_state';

CREATE AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    FINALFUNC = @extschema@.cohort_retention_brackets_final,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'Bracket retention (percent): element k = 100 * the cohort''s customers active in [cohort_start + brackets[k], cohort_start + brackets[k + 1]) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'The cohort_retention_brackets_state of rows (customer_id uuid, cohort_start timestamptz, active_at timestamptz, brackets interval[]), for rollups: store it, then read it with cohort_retention_brackets(cohort_retention_brackets_state)';

CREATE FUNCTION @extschema@.cohort_retention_brackets_date_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[])
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_date_sfunc_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_date_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'Adds a row (customer_id uuid, cohort_start date, active_at date, brackets interval[]) to a cohort_retention_brackets_state';

CREATE AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_date_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    FINALFUNC = @extschema@.cohort_retention_brackets_final,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'Bracket retention (percent), from dates: element k = 100 * the cohort''s customers active in [cohort_start + brackets[k], cohort_start + brackets[k + 1]) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_date_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'The cohort_retention_brackets_state of rows (customer_id uuid, cohort_start date, active_at date, brackets interval[]), for rollups: store it, then read it with cohort_retention_brackets(cohort_retention_brackets_state)';

CREATE AGGREGATE @extschema@.cohort_retention_brackets(@extschema@.cohort_retention_brackets_state) (
    SFUNC = @extschema@.cohort_retention_brackets_state_combine,
    STYPE = @extschema@.cohort_retention_brackets_state,
    FINALFUNC = @extschema@.cohort_retention_brackets_final,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets(@extschema@.cohort_retention_brackets_state) IS
    'Bracket retention (percent), merging stored cohort_retention_brackets_state values';

CREATE AGGREGATE @extschema@.cohort_retention_brackets_state(@extschema@.cohort_retention_brackets_state) (
    SFUNC = @extschema@.cohort_retention_brackets_state_combine,
    STYPE = @extschema@.cohort_retention_brackets_state,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets_state(@extschema@.cohort_retention_brackets_state) IS
    'Merges stored cohort_retention_brackets_state values into one (multi-level rollups)';
