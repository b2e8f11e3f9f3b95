-- Cohort retention.  The state is the distinct-customer
-- set of src/keyset.c in its cohort layout: per customer its cohort start
-- and a bitmap of the periods it was active in.  One overload per customer
-- key type (int4, int8, text, uuid) and per time type (timestamptz, date),
-- all sharing one C transition function per time type.
CREATE TYPE @extschema@.cohort_retention_state;

CREATE FUNCTION @extschema@.cohort_retention_state_in(pg_catalog.cstring)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cohort_retention_state_out(@extschema@.cohort_retention_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'cohort_retention_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cohort_retention_state_recv(pg_catalog.internal)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cohort_retention_state_send(@extschema@.cohort_retention_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'cohort_retention_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.cohort_retention_state (
    INPUT = @extschema@.cohort_retention_state_in,
    OUTPUT = @extschema@.cohort_retention_state_out,
    RECEIVE = @extschema@.cohort_retention_state_recv,
    SEND = @extschema@.cohort_retention_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.cohort_retention_state IS
    'Partial cohort retention: the period and, per distinct customer, its cohort start and the periods it was active in';
COMMENT ON FUNCTION @extschema@.cohort_retention_state_in(pg_catalog.cstring) IS
    'Input function of cohort_retention_state (validates everything)';
COMMENT ON FUNCTION @extschema@.cohort_retention_state_out(@extschema@.cohort_retention_state) IS
    'Output function of cohort_retention_state';
COMMENT ON FUNCTION @extschema@.cohort_retention_state_recv(pg_catalog.internal) IS
    'Binary input function of cohort_retention_state (validates everything)';
COMMENT ON FUNCTION @extschema@.cohort_retention_state_send(@extschema@.cohort_retention_state) IS
    'Binary output function of cohort_retention_state';

CREATE FUNCTION @extschema@.cohort_retention_state_combine(@extschema@.cohort_retention_state, @extschema@.cohort_retention_state)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_state_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_state_combine(@extschema@.cohort_retention_state, @extschema@.cohort_retention_state) IS
    'Merges two cohort_retention_state values (the combine function of every aggregate over cohort_retention_state)';

CREATE FUNCTION @extschema@.cohort_retention_state_uncombine(@extschema@.cohort_retention_state, @extschema@.cohort_retention_state)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_state_uncombine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_state_uncombine(@extschema@.cohort_retention_state, @extschema@.cohort_retention_state) IS
    'Removes the second cohort_retention_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.cohort_retention_state(@extschema@.cohort_retention_state) (
    SFUNC = @extschema@.cohort_retention_state_combine,
    STYPE = @extschema@.cohort_retention_state,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_state_combine,
    MINVFUNC = @extschema@.cohort_retention_state_uncombine,
    MSTYPE = @extschema@.cohort_retention_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(@extschema@.cohort_retention_state) IS
    'Merges stored cohort_retention_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.cohort_retention_final(@extschema@.cohort_retention_state)
RETURNS pg_catalog.float8[] AS 'MODULE_PATHNAME', 'cohort_retention_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_final(@extschema@.cohort_retention_state) IS
    'Cohort retention, percent of the cohort''s customers active in each period after their cohort start, from a cohort_retention_state';

CREATE AGGREGATE @extschema@.cohort_retention(@extschema@.cohort_retention_state) (
    SFUNC = @extschema@.cohort_retention_state_combine,
    STYPE = @extschema@.cohort_retention_state,
    FINALFUNC = @extschema@.cohort_retention_final,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_state_combine,
    MINVFUNC = @extschema@.cohort_retention_state_uncombine,
    MSTYPE = @extschema@.cohort_retention_state,
    MFINALFUNC = @extschema@.cohort_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(@extschema@.cohort_retention_state) IS
    'Cohort retention, percent of the cohort''s customers active in each period after their cohort start, merging stored cohort_retention_state values';

CREATE FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Adds a row (customer_id int4, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_retention_state';

CREATE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Removes a row (customer_id int4, cohort_start timestamptz, active_at timestamptz, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    FINALFUNC = @extschema@.cohort_retention_final,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    MFINALFUNC = @extschema@.cohort_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Cohort retention (percent) per period: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id int4, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';

CREATE FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_sfunc_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Adds a row (customer_id int8, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_retention_state';

CREATE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Removes a row (customer_id int8, cohort_start timestamptz, active_at timestamptz, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    FINALFUNC = @extschema@.cohort_retention_final,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    MFINALFUNC = @extschema@.cohort_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Cohort retention (percent) per period: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id int8, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';

CREATE FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_sfunc_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Adds a row (customer_id text, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_retention_state';

CREATE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Removes a row (customer_id text, cohort_start timestamptz, active_at timestamptz, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    FINALFUNC = @extschema@.cohort_retention_final,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    MFINALFUNC = @extschema@.cohort_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Cohort retention (percent) per period: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id text, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';

CREATE FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_sfunc_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Adds a row (customer_id uuid, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_retention_state';

CREATE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Removes a row (customer_id uuid, cohort_start timestamptz, active_at timestamptz, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    FINALFUNC = @extschema@.cohort_retention_final,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    MFINALFUNC = @extschema@.cohort_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Cohort retention (percent) per period: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id uuid, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';

CREATE FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_date_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Adds a row (customer_id int4, cohort_start date, active_at date, period interval) to a cohort_retention_state';

CREATE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Removes a row (customer_id int4, cohort_start date, active_at date, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_date_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    FINALFUNC = @extschema@.cohort_retention_final,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_date_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    MFINALFUNC = @extschema@.cohort_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Cohort retention (percent) per period, from dates: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_date_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_date_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id int4, cohort_start date, active_at date, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';

CREATE FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_date_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Adds a row (customer_id int8, cohort_start date, active_at date, period interval) to a cohort_retention_state';

CREATE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Removes a row (customer_id int8, cohort_start date, active_at date, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_date_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    FINALFUNC = @extschema@.cohort_retention_final,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_date_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    MFINALFUNC = @extschema@.cohort_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Cohort retention (percent) per period, from dates: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_date_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_date_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id int8, cohort_start date, active_at date, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';

CREATE FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_date_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Adds a row (customer_id text, cohort_start date, active_at date, period interval) to a cohort_retention_state';

CREATE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Removes a row (customer_id text, cohort_start date, active_at date, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_date_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    FINALFUNC = @extschema@.cohort_retention_final,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_date_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    MFINALFUNC = @extschema@.cohort_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Cohort retention (percent) per period, from dates: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_date_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_date_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id text, cohort_start date, active_at date, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';

CREATE FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_date_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Adds a row (customer_id uuid, cohort_start date, active_at date, period interval) to a cohort_retention_state';

CREATE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Removes a row (customer_id uuid, cohort_start date, active_at date, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_date_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    FINALFUNC = @extschema@.cohort_retention_final,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_date_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    MFINALFUNC = @extschema@.cohort_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Cohort retention (percent) per period, from dates: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers';

CREATE AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_date_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_date_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id uuid, cohort_start date, active_at date, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';

-- The per-customer inverse cannot undo a row (a period's bit may come from
-- several rows): it returns NULL, and a sliding window restarts its frame.
COMMENT ON FUNCTION @extschema@.cohort_retention_state_uncombine(@extschema@.cohort_retention_state,
    @extschema@.cohort_retention_state) IS
    'Returns NULL: a union of bitmaps cannot be taken back, so a sliding window over stored cohort_retention_state values restarts its frame';

