-- Predictive customer lifetime value: clv_summary, clv_fit
-- and the clv_model type, the per-customer predictions, and clv().

-- One customer's calibration summary, the result of clv_summary().
CREATE TYPE @extschema@.clv_customer AS (
    frequency pg_catalog.int4,
    recency pg_catalog.float8,
    age pg_catalog.float8,
    monetary pg_catalog.float8);
COMMENT ON TYPE @extschema@.clv_customer IS
    'A customer''s (frequency, recency, age, monetary) summary, as returned by clv_summary';

-- clv_summary ------------------------------------------------------------
CREATE TYPE @extschema@.clv_summary_state;

CREATE FUNCTION @extschema@.clv_summary_state_in(pg_catalog.cstring)
RETURNS @extschema@.clv_summary_state AS 'MODULE_PATHNAME', 'clv_summary_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clv_summary_state_out(@extschema@.clv_summary_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'clv_summary_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clv_summary_state_recv(pg_catalog.internal)
RETURNS @extschema@.clv_summary_state AS 'MODULE_PATHNAME', 'clv_summary_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clv_summary_state_send(@extschema@.clv_summary_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'clv_summary_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.clv_summary_state (
    INPUT = @extschema@.clv_summary_state_in,
    OUTPUT = @extschema@.clv_summary_state_out,
    RECEIVE = @extschema@.clv_summary_state_recv,
    SEND = @extschema@.clv_summary_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.clv_summary_state IS
    'Partial clv_summary: the customer''s distinct purchase days, total and first-day amounts, observed_until and time unit';
COMMENT ON FUNCTION @extschema@.clv_summary_state_in(pg_catalog.cstring) IS
    'Input function of clv_summary_state (validates everything)';
COMMENT ON FUNCTION @extschema@.clv_summary_state_out(@extschema@.clv_summary_state) IS
    'Output function of clv_summary_state';
COMMENT ON FUNCTION @extschema@.clv_summary_state_recv(pg_catalog.internal) IS
    'Binary input function of clv_summary_state (validates everything)';
COMMENT ON FUNCTION @extschema@.clv_summary_state_send(@extschema@.clv_summary_state) IS
    'Binary output function of clv_summary_state';

CREATE FUNCTION @extschema@.clv_summary_state_combine(@extschema@.clv_summary_state, @extschema@.clv_summary_state)
RETURNS @extschema@.clv_summary_state AS 'MODULE_PATHNAME', 'clv_summary_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_summary_state_combine(@extschema@.clv_summary_state, @extschema@.clv_summary_state) IS
    'Merges two clv_summary_state values (the combine function of every aggregate over clv_summary_state)';

CREATE FUNCTION @extschema@.clv_summary_state_uncombine(@extschema@.clv_summary_state, @extschema@.clv_summary_state)
RETURNS @extschema@.clv_summary_state AS 'MODULE_PATHNAME', 'clv_summary_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_summary_state_uncombine(@extschema@.clv_summary_state, @extschema@.clv_summary_state) IS
    'Removes the second clv_summary_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.clv_summary_state(@extschema@.clv_summary_state) (
    SFUNC = @extschema@.clv_summary_state_combine,
    STYPE = @extschema@.clv_summary_state,
    COMBINEFUNC = @extschema@.clv_summary_state_combine,
    MSFUNC = @extschema@.clv_summary_state_combine,
    MINVFUNC = @extschema@.clv_summary_state_uncombine,
    MSTYPE = @extschema@.clv_summary_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_summary_state(@extschema@.clv_summary_state) IS
    'Merges stored clv_summary_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.clv_summary_final(@extschema@.clv_summary_state)
RETURNS @extschema@.clv_customer AS 'MODULE_PATHNAME', 'clv_summary_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_summary_final(@extschema@.clv_summary_state) IS
    'A customer''s (frequency, recency, age, monetary) summary, from a clv_summary_state';

CREATE AGGREGATE @extschema@.clv_summary(@extschema@.clv_summary_state) (
    SFUNC = @extschema@.clv_summary_state_combine,
    STYPE = @extschema@.clv_summary_state,
    FINALFUNC = @extschema@.clv_summary_final,
    COMBINEFUNC = @extschema@.clv_summary_state_combine,
    MSFUNC = @extschema@.clv_summary_state_combine,
    MINVFUNC = @extschema@.clv_summary_state_uncombine,
    MSTYPE = @extschema@.clv_summary_state,
    MFINALFUNC = @extschema@.clv_summary_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_summary(@extschema@.clv_summary_state) IS
    'A customer''s (frequency, recency, age, monetary) summary, merging stored clv_summary_state values';

CREATE FUNCTION @extschema@.clv_summary_sfunc(@extschema@.clv_summary_state, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval)
RETURNS @extschema@.clv_summary_state AS 'MODULE_PATHNAME', 'clv_summary_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_summary_sfunc(@extschema@.clv_summary_state, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval) IS
    'Adds a row (purchased_at timestamptz, amount float8, observed_until timestamptz, time_unit interval) to a clv_summary_state';

CREATE FUNCTION @extschema@.clv_summary_inv(@extschema@.clv_summary_state, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval)
RETURNS @extschema@.clv_summary_state AS 'MODULE_PATHNAME', 'clv_summary_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_summary_inv(@extschema@.clv_summary_state, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval) IS
    'Removes a row (purchased_at timestamptz, amount float8, observed_until timestamptz, time_unit interval) from a clv_summary_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv_summary(purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval) (
    SFUNC = @extschema@.clv_summary_sfunc,
    STYPE = @extschema@.clv_summary_state,
    FINALFUNC = @extschema@.clv_summary_final,
    COMBINEFUNC = @extschema@.clv_summary_state_combine,
    MSFUNC = @extschema@.clv_summary_sfunc,
    MINVFUNC = @extschema@.clv_summary_inv,
    MSTYPE = @extschema@.clv_summary_state,
    MFINALFUNC = @extschema@.clv_summary_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_summary(purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval) IS
    'A customer''s (frequency, recency, age, monetary) summary over their orders up to observed_until, in time_unit units; same-day purchases (session time zone) count as one';

CREATE AGGREGATE @extschema@.clv_summary_state(purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval) (
    SFUNC = @extschema@.clv_summary_sfunc,
    STYPE = @extschema@.clv_summary_state,
    COMBINEFUNC = @extschema@.clv_summary_state_combine,
    MSFUNC = @extschema@.clv_summary_sfunc,
    MINVFUNC = @extschema@.clv_summary_inv,
    MSTYPE = @extschema@.clv_summary_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_summary_state(purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval) IS
    'The clv_summary_state of rows (purchased_at timestamptz, amount float8, observed_until timestamptz, time_unit interval), for rollups: store it, then read the metric with its aggregate over clv_summary_state, or merge states with clv_summary_state(clv_summary_state)';

CREATE FUNCTION @extschema@.clv_summary_date_sfunc(@extschema@.clv_summary_state, purchased_at pg_catalog.date, amount pg_catalog.float8, observed_until pg_catalog.date, time_unit pg_catalog.interval)
RETURNS @extschema@.clv_summary_state AS 'MODULE_PATHNAME', 'clv_summary_date_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_summary_date_sfunc(@extschema@.clv_summary_state, purchased_at pg_catalog.date, amount pg_catalog.float8, observed_until pg_catalog.date, time_unit pg_catalog.interval) IS
    'Adds a row (purchased_at date, amount float8, observed_until date, time_unit interval) to a clv_summary_state';

CREATE FUNCTION @extschema@.clv_summary_date_inv(@extschema@.clv_summary_state, purchased_at pg_catalog.date, amount pg_catalog.float8, observed_until pg_catalog.date, time_unit pg_catalog.interval)
RETURNS @extschema@.clv_summary_state AS 'MODULE_PATHNAME', 'clv_summary_date_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_summary_date_inv(@extschema@.clv_summary_state, purchased_at pg_catalog.date, amount pg_catalog.float8, observed_until pg_catalog.date, time_unit pg_catalog.interval) IS
    'Removes a row (purchased_at date, amount float8, observed_until date, time_unit interval) from a clv_summary_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv_summary(purchased_at pg_catalog.date, amount pg_catalog.float8, observed_until pg_catalog.date, time_unit pg_catalog.interval) (
    SFUNC = @extschema@.clv_summary_date_sfunc,
    STYPE = @extschema@.clv_summary_state,
    FINALFUNC = @extschema@.clv_summary_final,
    COMBINEFUNC = @extschema@.clv_summary_state_combine,
    MSFUNC = @extschema@.clv_summary_date_sfunc,
    MINVFUNC = @extschema@.clv_summary_date_inv,
    MSTYPE = @extschema@.clv_summary_state,
    MFINALFUNC = @extschema@.clv_summary_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_summary(purchased_at pg_catalog.date, amount pg_catalog.float8, observed_until pg_catalog.date, time_unit pg_catalog.interval) IS
    'A customer''s (frequency, recency, age, monetary) summary over their orders up to observed_until, in time_unit units; same-day purchases count as one';

CREATE AGGREGATE @extschema@.clv_summary_state(purchased_at pg_catalog.date, amount pg_catalog.float8, observed_until pg_catalog.date, time_unit pg_catalog.interval) (
    SFUNC = @extschema@.clv_summary_date_sfunc,
    STYPE = @extschema@.clv_summary_state,
    COMBINEFUNC = @extschema@.clv_summary_state_combine,
    MSFUNC = @extschema@.clv_summary_date_sfunc,
    MINVFUNC = @extschema@.clv_summary_date_inv,
    MSTYPE = @extschema@.clv_summary_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_summary_state(purchased_at pg_catalog.date, amount pg_catalog.float8, observed_until pg_catalog.date, time_unit pg_catalog.interval) IS
    'The clv_summary_state of rows (purchased_at date, amount float8, observed_until date, time_unit interval), for rollups: store it, then read the metric with its aggregate over clv_summary_state, or merge states with clv_summary_state(clv_summary_state)';

-- numeric amounts (the usual money column): the same summary as amount::float8
-- gives, without the cast's detour through text.
CREATE FUNCTION @extschema@.clv_summary_numeric_sfunc(@extschema@.clv_summary_state, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval)
RETURNS @extschema@.clv_summary_state AS 'MODULE_PATHNAME', 'clv_summary_numeric_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_summary_numeric_sfunc(@extschema@.clv_summary_state, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval) IS
    'Adds a row (purchased_at timestamptz, amount numeric, observed_until timestamptz, time_unit interval) to a clv_summary_state';

CREATE FUNCTION @extschema@.clv_summary_inv(@extschema@.clv_summary_state, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval)
RETURNS @extschema@.clv_summary_state AS 'MODULE_PATHNAME', 'clv_summary_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_summary_inv(@extschema@.clv_summary_state, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval) IS
    'Removes a row (purchased_at timestamptz, amount numeric, observed_until timestamptz, time_unit interval) from a clv_summary_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv_summary(purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval) (
    SFUNC = @extschema@.clv_summary_numeric_sfunc,
    STYPE = @extschema@.clv_summary_state,
    FINALFUNC = @extschema@.clv_summary_final,
    COMBINEFUNC = @extschema@.clv_summary_state_combine,
    MSFUNC = @extschema@.clv_summary_numeric_sfunc,
    MINVFUNC = @extschema@.clv_summary_inv,
    MSTYPE = @extschema@.clv_summary_state,
    MFINALFUNC = @extschema@.clv_summary_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_summary(purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval) IS
    'A customer''s (frequency, recency, age, monetary) summary over their orders up to observed_until, in time_unit units; same-day purchases (session time zone) count as one';

CREATE AGGREGATE @extschema@.clv_summary_state(purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval) (
    SFUNC = @extschema@.clv_summary_numeric_sfunc,
    STYPE = @extschema@.clv_summary_state,
    COMBINEFUNC = @extschema@.clv_summary_state_combine,
    MSFUNC = @extschema@.clv_summary_numeric_sfunc,
    MINVFUNC = @extschema@.clv_summary_inv,
    MSTYPE = @extschema@.clv_summary_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_summary_state(purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval) IS
    'The clv_summary_state of rows (purchased_at timestamptz, amount numeric, observed_until timestamptz, time_unit interval), for rollups: store it, then read the metric with its aggregate over clv_summary_state, or merge states with clv_summary_state(clv_summary_state)';

CREATE FUNCTION @extschema@.clv_summary_date_numeric_sfunc(@extschema@.clv_summary_state, purchased_at pg_catalog.date, amount pg_catalog.numeric, observed_until pg_catalog.date, time_unit pg_catalog.interval)
RETURNS @extschema@.clv_summary_state AS 'MODULE_PATHNAME', 'clv_summary_date_numeric_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_summary_date_numeric_sfunc(@extschema@.clv_summary_state, purchased_at pg_catalog.date, amount pg_catalog.numeric, observed_until pg_catalog.date, time_unit pg_catalog.interval) IS
    'Adds a row (purchased_at date, amount numeric, observed_until date, time_unit interval) to a clv_summary_state';

CREATE FUNCTION @extschema@.clv_summary_date_inv(@extschema@.clv_summary_state, purchased_at pg_catalog.date, amount pg_catalog.numeric, observed_until pg_catalog.date, time_unit pg_catalog.interval)
RETURNS @extschema@.clv_summary_state AS 'MODULE_PATHNAME', 'clv_summary_date_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_summary_date_inv(@extschema@.clv_summary_state, purchased_at pg_catalog.date, amount pg_catalog.numeric, observed_until pg_catalog.date, time_unit pg_catalog.interval) IS
    'Removes a row (purchased_at date, amount numeric, observed_until date, time_unit interval) from a clv_summary_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv_summary(purchased_at pg_catalog.date, amount pg_catalog.numeric, observed_until pg_catalog.date, time_unit pg_catalog.interval) (
    SFUNC = @extschema@.clv_summary_date_numeric_sfunc,
    STYPE = @extschema@.clv_summary_state,
    FINALFUNC = @extschema@.clv_summary_final,
    COMBINEFUNC = @extschema@.clv_summary_state_combine,
    MSFUNC = @extschema@.clv_summary_date_numeric_sfunc,
    MINVFUNC = @extschema@.clv_summary_date_inv,
    MSTYPE = @extschema@.clv_summary_state,
    MFINALFUNC = @extschema@.clv_summary_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_summary(purchased_at pg_catalog.date, amount pg_catalog.numeric, observed_until pg_catalog.date, time_unit pg_catalog.interval) IS
    'A customer''s (frequency, recency, age, monetary) summary over their orders up to observed_until, in time_unit units; same-day purchases count as one';

CREATE AGGREGATE @extschema@.clv_summary_state(purchased_at pg_catalog.date, amount pg_catalog.numeric, observed_until pg_catalog.date, time_unit pg_catalog.interval) (
    SFUNC = @extschema@.clv_summary_date_numeric_sfunc,
    STYPE = @extschema@.clv_summary_state,
    COMBINEFUNC = @extschema@.clv_summary_state_combine,
    MSFUNC = @extschema@.clv_summary_date_numeric_sfunc,
    MINVFUNC = @extschema@.clv_summary_date_inv,
    MSTYPE = @extschema@.clv_summary_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_summary_state(purchased_at pg_catalog.date, amount pg_catalog.numeric, observed_until pg_catalog.date, time_unit pg_catalog.interval) IS
    'The clv_summary_state of rows (purchased_at date, amount numeric, observed_until date, time_unit interval), for rollups: store it, then read the metric with its aggregate over clv_summary_state, or merge states with clv_summary_state(clv_summary_state)';

-- clv_model -------------------------------------------------------------

CREATE TYPE @extschema@.clv_model;

CREATE FUNCTION @extschema@.clv_model_in(pg_catalog.cstring) RETURNS @extschema@.clv_model
    AS 'MODULE_PATHNAME', 'clv_model_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clv_model_out(@extschema@.clv_model) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'clv_model_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clv_model_recv(pg_catalog.internal) RETURNS @extschema@.clv_model
    AS 'MODULE_PATHNAME', 'clv_model_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clv_model_send(@extschema@.clv_model) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'clv_model_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.clv_model (
    INPUT = @extschema@.clv_model_in, OUTPUT = @extschema@.clv_model_out,
    RECEIVE = @extschema@.clv_model_recv, SEND = @extschema@.clv_model_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.clv_model IS
    'Fitted BG/NBD (r, alpha, a, b) and Gamma-Gamma (p, q, v) parameters; text form is a JSON object';
COMMENT ON FUNCTION @extschema@.clv_model_in(pg_catalog.cstring) IS
    'Input function of clv_model (JSON text)';
COMMENT ON FUNCTION @extschema@.clv_model_out(@extschema@.clv_model) IS
    'Output function of clv_model (JSON text)';
COMMENT ON FUNCTION @extschema@.clv_model_recv(pg_catalog.internal) IS
    'Binary input function of clv_model';
COMMENT ON FUNCTION @extschema@.clv_model_send(@extschema@.clv_model) IS
    'Binary output function of clv_model';

CREATE FUNCTION @extschema@.clv_model_params(model @extschema@.clv_model) RETURNS pg_catalog.jsonb
    AS 'MODULE_PATHNAME', 'clv_model_params' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_model_params(@extschema@.clv_model) IS
    'The model''s parameters, customer count, convergence flag and log-likelihoods as jsonb';

-- clv_fit ---------------------------------------------------------------
CREATE TYPE @extschema@.clv_fit_state;

CREATE FUNCTION @extschema@.clv_fit_state_in(pg_catalog.cstring)
RETURNS @extschema@.clv_fit_state AS 'MODULE_PATHNAME', 'clv_fit_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clv_fit_state_out(@extschema@.clv_fit_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'clv_fit_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clv_fit_state_recv(pg_catalog.internal)
RETURNS @extschema@.clv_fit_state AS 'MODULE_PATHNAME', 'clv_fit_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clv_fit_state_send(@extschema@.clv_fit_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'clv_fit_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.clv_fit_state (
    INPUT = @extschema@.clv_fit_state_in,
    OUTPUT = @extschema@.clv_fit_state_out,
    RECEIVE = @extschema@.clv_fit_state_recv,
    SEND = @extschema@.clv_fit_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.clv_fit_state IS
    'Partial clv_fit: customers as weighted (frequency, recency, age) and (frequency, monetary) lists';
COMMENT ON FUNCTION @extschema@.clv_fit_state_in(pg_catalog.cstring) IS
    'Input function of clv_fit_state (validates everything)';
COMMENT ON FUNCTION @extschema@.clv_fit_state_out(@extschema@.clv_fit_state) IS
    'Output function of clv_fit_state';
COMMENT ON FUNCTION @extschema@.clv_fit_state_recv(pg_catalog.internal) IS
    'Binary input function of clv_fit_state (validates everything)';
COMMENT ON FUNCTION @extschema@.clv_fit_state_send(@extschema@.clv_fit_state) IS
    'Binary output function of clv_fit_state';

CREATE FUNCTION @extschema@.clv_fit_state_combine(@extschema@.clv_fit_state, @extschema@.clv_fit_state)
RETURNS @extschema@.clv_fit_state AS 'MODULE_PATHNAME', 'clv_fit_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_fit_state_combine(@extschema@.clv_fit_state, @extschema@.clv_fit_state) IS
    'Merges two clv_fit_state values (the combine function of every aggregate over clv_fit_state)';

CREATE FUNCTION @extschema@.clv_fit_state_uncombine(@extschema@.clv_fit_state, @extschema@.clv_fit_state)
RETURNS @extschema@.clv_fit_state AS 'MODULE_PATHNAME', 'clv_fit_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_fit_state_uncombine(@extschema@.clv_fit_state, @extschema@.clv_fit_state) IS
    'Removes the second clv_fit_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.clv_fit_state(@extschema@.clv_fit_state) (
    SFUNC = @extschema@.clv_fit_state_combine,
    STYPE = @extschema@.clv_fit_state,
    COMBINEFUNC = @extschema@.clv_fit_state_combine,
    MSFUNC = @extschema@.clv_fit_state_combine,
    MINVFUNC = @extschema@.clv_fit_state_uncombine,
    MSTYPE = @extschema@.clv_fit_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_fit_state(@extschema@.clv_fit_state) IS
    'Merges stored clv_fit_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.clv_fit_final(@extschema@.clv_fit_state)
RETURNS @extschema@.clv_model AS 'MODULE_PATHNAME', 'clv_fit_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_fit_final(@extschema@.clv_fit_state) IS
    'BG/NBD and Gamma-Gamma models fitted by maximum likelihood, from a clv_fit_state';

CREATE AGGREGATE @extschema@.clv_fit(@extschema@.clv_fit_state) (
    SFUNC = @extschema@.clv_fit_state_combine,
    STYPE = @extschema@.clv_fit_state,
    FINALFUNC = @extschema@.clv_fit_final,
    COMBINEFUNC = @extschema@.clv_fit_state_combine,
    MSFUNC = @extschema@.clv_fit_state_combine,
    MINVFUNC = @extschema@.clv_fit_state_uncombine,
    MSTYPE = @extschema@.clv_fit_state,
    MFINALFUNC = @extschema@.clv_fit_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_fit(@extschema@.clv_fit_state) IS
    'BG/NBD and Gamma-Gamma models fitted by maximum likelihood, merging stored clv_fit_state values';

CREATE FUNCTION @extschema@.clv_fit_sfunc(@extschema@.clv_fit_state, frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8, monetary pg_catalog.float8)
RETURNS @extschema@.clv_fit_state AS 'MODULE_PATHNAME', 'clv_fit_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_fit_sfunc(@extschema@.clv_fit_state, frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8, monetary pg_catalog.float8) IS
    'Adds a row (frequency float8, recency float8, age float8, monetary float8) to a clv_fit_state';

CREATE FUNCTION @extschema@.clv_fit_inv(@extschema@.clv_fit_state, frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8, monetary pg_catalog.float8)
RETURNS @extschema@.clv_fit_state AS 'MODULE_PATHNAME', 'clv_fit_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_fit_inv(@extschema@.clv_fit_state, frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8, monetary pg_catalog.float8) IS
    'Removes a row (frequency float8, recency float8, age float8, monetary float8) from a clv_fit_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv_fit(frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8, monetary pg_catalog.float8) (
    SFUNC = @extschema@.clv_fit_sfunc,
    STYPE = @extschema@.clv_fit_state,
    FINALFUNC = @extschema@.clv_fit_final,
    COMBINEFUNC = @extschema@.clv_fit_state_combine,
    MSFUNC = @extschema@.clv_fit_sfunc,
    MINVFUNC = @extschema@.clv_fit_inv,
    MSTYPE = @extschema@.clv_fit_state,
    MFINALFUNC = @extschema@.clv_fit_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_fit(frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8, monetary pg_catalog.float8) IS
    'BG/NBD (all customers) and Gamma-Gamma (customers with frequency > 0) models fitted by maximum likelihood, as a clv_model';

CREATE AGGREGATE @extschema@.clv_fit_state(frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8, monetary pg_catalog.float8) (
    SFUNC = @extschema@.clv_fit_sfunc,
    STYPE = @extschema@.clv_fit_state,
    COMBINEFUNC = @extschema@.clv_fit_state_combine,
    MSFUNC = @extschema@.clv_fit_sfunc,
    MINVFUNC = @extschema@.clv_fit_inv,
    MSTYPE = @extschema@.clv_fit_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_fit_state(frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8, monetary pg_catalog.float8) IS
    'The clv_fit_state of rows (frequency float8, recency float8, age float8, monetary float8), for rollups: store it, then read the metric with its aggregate over clv_fit_state, or merge states with clv_fit_state(clv_fit_state)';

-- per customer ----------------------------------------------------------

CREATE FUNCTION @extschema@.clv_expected_purchases(model @extschema@.clv_model, t pg_catalog.float8,
    frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_expected_purchases'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_expected_purchases(@extschema@.clv_model, pg_catalog.float8,
    pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'BG/NBD expected number of purchases in the next t time units of a customer with this frequency, recency and age';

CREATE FUNCTION @extschema@.clv_p_alive(model @extschema@.clv_model,
    frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_p_alive'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_p_alive(@extschema@.clv_model,
    pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'BG/NBD probability (0 to 1) that a customer with this frequency, recency and age is still active';

CREATE FUNCTION @extschema@.clv_expected_order_value(model @extschema@.clv_model,
    frequency pg_catalog.float8, monetary pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_expected_order_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_expected_order_value(@extschema@.clv_model,
    pg_catalog.float8, pg_catalog.float8) IS
    'Gamma-Gamma expected value of a future order of a customer with this frequency and mean repeat order value';

CREATE FUNCTION @extschema@.clv_predict(model @extschema@.clv_model, t pg_catalog.float8,
    frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8,
    monetary pg_catalog.float8, discount_rate pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_predict'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_predict(@extschema@.clv_model, pg_catalog.float8,
    pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'Expected value of a customer over the next t time units: expected purchases per unit, discounted by (1 + discount_rate) per unit, times the expected order value';

-- clv(customer_id, purchased_at, amount, horizon) -------------------------
CREATE TYPE @extschema@.clv_state;

CREATE FUNCTION @extschema@.clv_state_in(pg_catalog.cstring)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clv_state_out(@extschema@.clv_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'clv_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clv_state_recv(pg_catalog.internal)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clv_state_send(@extschema@.clv_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'clv_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.clv_state (
    INPUT = @extschema@.clv_state_in,
    OUTPUT = @extschema@.clv_state_out,
    RECEIVE = @extschema@.clv_state_recv,
    SEND = @extschema@.clv_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.clv_state IS
    'Partial clv: the group''s orders (customer key, day, amount) and the horizon';
COMMENT ON FUNCTION @extschema@.clv_state_in(pg_catalog.cstring) IS
    'Input function of clv_state (validates everything)';
COMMENT ON FUNCTION @extschema@.clv_state_out(@extschema@.clv_state) IS
    'Output function of clv_state';
COMMENT ON FUNCTION @extschema@.clv_state_recv(pg_catalog.internal) IS
    'Binary input function of clv_state (validates everything)';
COMMENT ON FUNCTION @extschema@.clv_state_send(@extschema@.clv_state) IS
    'Binary output function of clv_state';

CREATE FUNCTION @extschema@.clv_state_combine(@extschema@.clv_state, @extschema@.clv_state)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_state_combine(@extschema@.clv_state, @extschema@.clv_state) IS
    'Merges two clv_state values (the combine function of every aggregate over clv_state)';

CREATE FUNCTION @extschema@.clv_state_uncombine(@extschema@.clv_state, @extschema@.clv_state)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_state_uncombine(@extschema@.clv_state, @extschema@.clv_state) IS
    'Removes the second clv_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.clv_state(@extschema@.clv_state) (
    SFUNC = @extschema@.clv_state_combine,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_state_combine,
    MINVFUNC = @extschema@.clv_state_uncombine,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(@extschema@.clv_state) IS
    'Merges stored clv_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.clv_final(@extschema@.clv_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_final(@extschema@.clv_state) IS
    'Mean predicted customer value over the horizon, from a clv_state';

CREATE AGGREGATE @extschema@.clv(@extschema@.clv_state) (
    SFUNC = @extschema@.clv_state_combine,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_state_combine,
    MINVFUNC = @extschema@.clv_state_uncombine,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(@extschema@.clv_state) IS
    'Mean predicted customer value over the horizon, merging stored clv_state values';

CREATE FUNCTION @extschema@.clv_int8_sfunc(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_int8_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_int8_sfunc(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Adds a row (customer_id int8, purchased_at timestamptz, amount float8, horizon interval) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Removes a row (customer_id int8, purchased_at timestamptz, amount float8, horizon interval) from a clv_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_int8_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_int8_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_int8_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_int8_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'The clv_state of rows (customer_id int8, purchased_at timestamptz, amount float8, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';

CREATE FUNCTION @extschema@.clv_text_sfunc(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_text_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_text_sfunc(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Adds a row (customer_id text, purchased_at timestamptz, amount float8, horizon interval) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Removes a row (customer_id text, purchased_at timestamptz, amount float8, horizon interval) from a clv_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_text_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_text_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_text_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_text_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'The clv_state of rows (customer_id text, purchased_at timestamptz, amount float8, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';

CREATE FUNCTION @extschema@.clv_uuid_sfunc(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_uuid_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_uuid_sfunc(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Adds a row (customer_id uuid, purchased_at timestamptz, amount float8, horizon interval) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Removes a row (customer_id uuid, purchased_at timestamptz, amount float8, horizon interval) from a clv_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_uuid_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_uuid_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_uuid_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_uuid_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'The clv_state of rows (customer_id uuid, purchased_at timestamptz, amount float8, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';

-- numeric amounts (the usual money column): the same value as amount::float8
-- gives, without the cast's detour through text.
CREATE FUNCTION @extschema@.clv_int8_numeric_sfunc(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_int8_numeric_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_int8_numeric_sfunc(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Adds a row (customer_id int8, purchased_at timestamptz, amount numeric, horizon interval) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Removes a row (customer_id int8, purchased_at timestamptz, amount numeric, horizon interval) from a clv_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_int8_numeric_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_int8_numeric_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_int8_numeric_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_int8_numeric_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'The clv_state of rows (customer_id int8, purchased_at timestamptz, amount numeric, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';

CREATE FUNCTION @extschema@.clv_text_numeric_sfunc(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_text_numeric_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_text_numeric_sfunc(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Adds a row (customer_id text, purchased_at timestamptz, amount numeric, horizon interval) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Removes a row (customer_id text, purchased_at timestamptz, amount numeric, horizon interval) from a clv_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_text_numeric_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_text_numeric_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_text_numeric_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_text_numeric_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'The clv_state of rows (customer_id text, purchased_at timestamptz, amount numeric, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';

CREATE FUNCTION @extschema@.clv_uuid_numeric_sfunc(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_uuid_numeric_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_uuid_numeric_sfunc(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Adds a row (customer_id uuid, purchased_at timestamptz, amount numeric, horizon interval) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Removes a row (customer_id uuid, purchased_at timestamptz, amount numeric, horizon interval) from a clv_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_uuid_numeric_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_uuid_numeric_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_uuid_numeric_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_uuid_numeric_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'The clv_state of rows (customer_id uuid, purchased_at timestamptz, amount numeric, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';
