-- Subscription metrics: customer churn and retention over
-- activity ranges, and revenue retention over (start_mrr, end_mrr).

-- ---------- churn_rate, retention_rate ----------
CREATE TYPE @extschema@.churn_state;

CREATE FUNCTION @extschema@.churn_state_in(pg_catalog.cstring)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.churn_state_out(@extschema@.churn_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'churn_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.churn_state_recv(pg_catalog.internal)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.churn_state_send(@extschema@.churn_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'churn_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.churn_state (
    INPUT = @extschema@.churn_state_in,
    OUTPUT = @extschema@.churn_state_out,
    RECEIVE = @extschema@.churn_state_recv,
    SEND = @extschema@.churn_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.churn_state IS
    'Partial customer churn/retention of one period: customers active at the period''s start, retained (also active at its end), active at its end, and the period';
COMMENT ON FUNCTION @extschema@.churn_state_in(pg_catalog.cstring) IS
    'Input function of churn_state (validates everything)';
COMMENT ON FUNCTION @extschema@.churn_state_out(@extschema@.churn_state) IS
    'Output function of churn_state';
COMMENT ON FUNCTION @extschema@.churn_state_recv(pg_catalog.internal) IS
    'Binary input function of churn_state (validates everything)';
COMMENT ON FUNCTION @extschema@.churn_state_send(@extschema@.churn_state) IS
    'Binary output function of churn_state';

CREATE FUNCTION @extschema@.churn_state_combine(@extschema@.churn_state, @extschema@.churn_state)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_state_combine(@extschema@.churn_state, @extschema@.churn_state) IS
    'Merges two churn_state values (the combine function of every aggregate over churn_state)';

CREATE FUNCTION @extschema@.churn_state_uncombine(@extschema@.churn_state, @extschema@.churn_state)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_state_uncombine(@extschema@.churn_state, @extschema@.churn_state) IS
    'Removes the second churn_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.churn_state(@extschema@.churn_state) (
    SFUNC = @extschema@.churn_state_combine,
    STYPE = @extschema@.churn_state,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_state_combine,
    MINVFUNC = @extschema@.churn_state_uncombine,
    MSTYPE = @extschema@.churn_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.churn_state(@extschema@.churn_state) IS
    'Merges stored churn_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.churn_rate_final(@extschema@.churn_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'churn_rate_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_rate_final(@extschema@.churn_state) IS
    'Customer churn rate (percent): 100 * (at start - retained) / at start, from a churn_state';

CREATE AGGREGATE @extschema@.churn_rate(@extschema@.churn_state) (
    SFUNC = @extschema@.churn_state_combine,
    STYPE = @extschema@.churn_state,
    FINALFUNC = @extschema@.churn_rate_final,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_state_combine,
    MINVFUNC = @extschema@.churn_state_uncombine,
    MSTYPE = @extschema@.churn_state,
    MFINALFUNC = @extschema@.churn_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.churn_rate(@extschema@.churn_state) IS
    'Customer churn rate (percent): 100 * (at start - retained) / at start, merging stored churn_state values';

CREATE FUNCTION @extschema@.retention_rate_final(@extschema@.churn_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'retention_rate_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_rate_final(@extschema@.churn_state) IS
    'Customer retention rate (percent): 100 * retained / at start, from a churn_state';

CREATE AGGREGATE @extschema@.retention_rate(@extschema@.churn_state) (
    SFUNC = @extschema@.churn_state_combine,
    STYPE = @extschema@.churn_state,
    FINALFUNC = @extschema@.retention_rate_final,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_state_combine,
    MINVFUNC = @extschema@.churn_state_uncombine,
    MSTYPE = @extschema@.churn_state,
    MFINALFUNC = @extschema@.retention_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.retention_rate(@extschema@.churn_state) IS
    'Customer retention rate (percent): 100 * retained / at start, merging stored churn_state values';

CREATE FUNCTION @extschema@.churn_sfunc(@extschema@.churn_state, activity pg_catalog.daterange, period pg_catalog.daterange)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_sfunc(@extschema@.churn_state, activity pg_catalog.daterange, period pg_catalog.daterange) IS
    'Adds a row (activity daterange, period daterange) to a churn_state';

CREATE FUNCTION @extschema@.churn_inv(@extschema@.churn_state, activity pg_catalog.daterange, period pg_catalog.daterange)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_inv(@extschema@.churn_state, activity pg_catalog.daterange, period pg_catalog.daterange) IS
    'Removes a row (activity daterange, period daterange) from a churn_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.churn_rate(activity pg_catalog.daterange, period pg_catalog.daterange) (
    SFUNC = @extschema@.churn_sfunc,
    STYPE = @extschema@.churn_state,
    FINALFUNC = @extschema@.churn_rate_final,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_sfunc,
    MINVFUNC = @extschema@.churn_inv,
    MSTYPE = @extschema@.churn_state,
    MFINALFUNC = @extschema@.churn_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.churn_rate(activity pg_catalog.daterange, period pg_catalog.daterange) IS
    'Customer churn rate (percent) of a period [start, end): 100 * (customers active at start - those also active at end) / customers active at start';

CREATE AGGREGATE @extschema@.churn_state(activity pg_catalog.daterange, period pg_catalog.daterange) (
    SFUNC = @extschema@.churn_sfunc,
    STYPE = @extschema@.churn_state,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_sfunc,
    MINVFUNC = @extschema@.churn_inv,
    MSTYPE = @extschema@.churn_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.churn_state(activity pg_catalog.daterange, period pg_catalog.daterange) IS
    'The churn_state of rows (activity daterange, period daterange), for rollups: store it, then read the metric with its aggregate over churn_state, or merge states with churn_state(churn_state)';

CREATE FUNCTION @extschema@.churn_sfunc(@extschema@.churn_state, activity pg_catalog.tsrange, period pg_catalog.tsrange)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_sfunc(@extschema@.churn_state, activity pg_catalog.tsrange, period pg_catalog.tsrange) IS
    'Adds a row (activity tsrange, period tsrange) to a churn_state';

CREATE FUNCTION @extschema@.churn_inv(@extschema@.churn_state, activity pg_catalog.tsrange, period pg_catalog.tsrange)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_inv(@extschema@.churn_state, activity pg_catalog.tsrange, period pg_catalog.tsrange) IS
    'Removes a row (activity tsrange, period tsrange) from a churn_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.churn_rate(activity pg_catalog.tsrange, period pg_catalog.tsrange) (
    SFUNC = @extschema@.churn_sfunc,
    STYPE = @extschema@.churn_state,
    FINALFUNC = @extschema@.churn_rate_final,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_sfunc,
    MINVFUNC = @extschema@.churn_inv,
    MSTYPE = @extschema@.churn_state,
    MFINALFUNC = @extschema@.churn_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.churn_rate(activity pg_catalog.tsrange, period pg_catalog.tsrange) IS
    'Customer churn rate (percent) of a period [start, end): 100 * (customers active at start - those also active at end) / customers active at start';

CREATE AGGREGATE @extschema@.churn_state(activity pg_catalog.tsrange, period pg_catalog.tsrange) (
    SFUNC = @extschema@.churn_sfunc,
    STYPE = @extschema@.churn_state,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_sfunc,
    MINVFUNC = @extschema@.churn_inv,
    MSTYPE = @extschema@.churn_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.churn_state(activity pg_catalog.tsrange, period pg_catalog.tsrange) IS
    'The churn_state of rows (activity tsrange, period tsrange), for rollups: store it, then read the metric with its aggregate over churn_state, or merge states with churn_state(churn_state)';

CREATE FUNCTION @extschema@.churn_sfunc(@extschema@.churn_state, activity pg_catalog.tstzrange, period pg_catalog.tstzrange)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_sfunc(@extschema@.churn_state, activity pg_catalog.tstzrange, period pg_catalog.tstzrange) IS
    'Adds a row (activity tstzrange, period tstzrange) to a churn_state';

CREATE FUNCTION @extschema@.churn_inv(@extschema@.churn_state, activity pg_catalog.tstzrange, period pg_catalog.tstzrange)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_inv(@extschema@.churn_state, activity pg_catalog.tstzrange, period pg_catalog.tstzrange) IS
    'Removes a row (activity tstzrange, period tstzrange) from a churn_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.churn_rate(activity pg_catalog.tstzrange, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.churn_sfunc,
    STYPE = @extschema@.churn_state,
    FINALFUNC = @extschema@.churn_rate_final,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_sfunc,
    MINVFUNC = @extschema@.churn_inv,
    MSTYPE = @extschema@.churn_state,
    MFINALFUNC = @extschema@.churn_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.churn_rate(activity pg_catalog.tstzrange, period pg_catalog.tstzrange) IS
    'Customer churn rate (percent) of a period [start, end): 100 * (customers active at start - those also active at end) / customers active at start';

CREATE AGGREGATE @extschema@.churn_state(activity pg_catalog.tstzrange, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.churn_sfunc,
    STYPE = @extschema@.churn_state,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_sfunc,
    MINVFUNC = @extschema@.churn_inv,
    MSTYPE = @extschema@.churn_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.churn_state(activity pg_catalog.tstzrange, period pg_catalog.tstzrange) IS
    'The churn_state of rows (activity tstzrange, period tstzrange), for rollups: store it, then read the metric with its aggregate over churn_state, or merge states with churn_state(churn_state)';

CREATE FUNCTION @extschema@.churn_multi_sfunc(@extschema@.churn_state, activity pg_catalog.datemultirange, period pg_catalog.daterange)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_multi_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_multi_sfunc(@extschema@.churn_state, activity pg_catalog.datemultirange, period pg_catalog.daterange) IS
    'Adds a row (activity datemultirange, period daterange) to a churn_state';

CREATE FUNCTION @extschema@.churn_multi_inv(@extschema@.churn_state, activity pg_catalog.datemultirange, period pg_catalog.daterange)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_multi_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_multi_inv(@extschema@.churn_state, activity pg_catalog.datemultirange, period pg_catalog.daterange) IS
    'Removes a row (activity datemultirange, period daterange) from a churn_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.churn_rate(activity pg_catalog.datemultirange, period pg_catalog.daterange) (
    SFUNC = @extschema@.churn_multi_sfunc,
    STYPE = @extschema@.churn_state,
    FINALFUNC = @extschema@.churn_rate_final,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_multi_sfunc,
    MINVFUNC = @extschema@.churn_multi_inv,
    MSTYPE = @extschema@.churn_state,
    MFINALFUNC = @extschema@.churn_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.churn_rate(activity pg_catalog.datemultirange, period pg_catalog.daterange) IS
    'Customer churn rate (percent) of a period [start, end): 100 * (customers active at start - those also active at end) / customers active at start';

CREATE AGGREGATE @extschema@.churn_state(activity pg_catalog.datemultirange, period pg_catalog.daterange) (
    SFUNC = @extschema@.churn_multi_sfunc,
    STYPE = @extschema@.churn_state,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_multi_sfunc,
    MINVFUNC = @extschema@.churn_multi_inv,
    MSTYPE = @extschema@.churn_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.churn_state(activity pg_catalog.datemultirange, period pg_catalog.daterange) IS
    'The churn_state of rows (activity datemultirange, period daterange), for rollups: store it, then read the metric with its aggregate over churn_state, or merge states with churn_state(churn_state)';

CREATE FUNCTION @extschema@.churn_multi_sfunc(@extschema@.churn_state, activity pg_catalog.tsmultirange, period pg_catalog.tsrange)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_multi_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_multi_sfunc(@extschema@.churn_state, activity pg_catalog.tsmultirange, period pg_catalog.tsrange) IS
    'Adds a row (activity tsmultirange, period tsrange) to a churn_state';

CREATE FUNCTION @extschema@.churn_multi_inv(@extschema@.churn_state, activity pg_catalog.tsmultirange, period pg_catalog.tsrange)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_multi_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_multi_inv(@extschema@.churn_state, activity pg_catalog.tsmultirange, period pg_catalog.tsrange) IS
    'Removes a row (activity tsmultirange, period tsrange) from a churn_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.churn_rate(activity pg_catalog.tsmultirange, period pg_catalog.tsrange) (
    SFUNC = @extschema@.churn_multi_sfunc,
    STYPE = @extschema@.churn_state,
    FINALFUNC = @extschema@.churn_rate_final,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_multi_sfunc,
    MINVFUNC = @extschema@.churn_multi_inv,
    MSTYPE = @extschema@.churn_state,
    MFINALFUNC = @extschema@.churn_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.churn_rate(activity pg_catalog.tsmultirange, period pg_catalog.tsrange) IS
    'Customer churn rate (percent) of a period [start, end): 100 * (customers active at start - those also active at end) / customers active at start';

CREATE AGGREGATE @extschema@.churn_state(activity pg_catalog.tsmultirange, period pg_catalog.tsrange) (
    SFUNC = @extschema@.churn_multi_sfunc,
    STYPE = @extschema@.churn_state,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_multi_sfunc,
    MINVFUNC = @extschema@.churn_multi_inv,
    MSTYPE = @extschema@.churn_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.churn_state(activity pg_catalog.tsmultirange, period pg_catalog.tsrange) IS
    'The churn_state of rows (activity tsmultirange, period tsrange), for rollups: store it, then read the metric with its aggregate over churn_state, or merge states with churn_state(churn_state)';

CREATE FUNCTION @extschema@.churn_multi_sfunc(@extschema@.churn_state, activity pg_catalog.tstzmultirange, period pg_catalog.tstzrange)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_multi_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_multi_sfunc(@extschema@.churn_state, activity pg_catalog.tstzmultirange, period pg_catalog.tstzrange) IS
    'Adds a row (activity tstzmultirange, period tstzrange) to a churn_state';

CREATE FUNCTION @extschema@.churn_multi_inv(@extschema@.churn_state, activity pg_catalog.tstzmultirange, period pg_catalog.tstzrange)
RETURNS @extschema@.churn_state AS 'MODULE_PATHNAME', 'churn_multi_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_multi_inv(@extschema@.churn_state, activity pg_catalog.tstzmultirange, period pg_catalog.tstzrange) IS
    'Removes a row (activity tstzmultirange, period tstzrange) from a churn_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.churn_rate(activity pg_catalog.tstzmultirange, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.churn_multi_sfunc,
    STYPE = @extschema@.churn_state,
    FINALFUNC = @extschema@.churn_rate_final,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_multi_sfunc,
    MINVFUNC = @extschema@.churn_multi_inv,
    MSTYPE = @extschema@.churn_state,
    MFINALFUNC = @extschema@.churn_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.churn_rate(activity pg_catalog.tstzmultirange, period pg_catalog.tstzrange) IS
    'Customer churn rate (percent) of a period [start, end): 100 * (customers active at start - those also active at end) / customers active at start';

CREATE AGGREGATE @extschema@.churn_state(activity pg_catalog.tstzmultirange, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.churn_multi_sfunc,
    STYPE = @extschema@.churn_state,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_multi_sfunc,
    MINVFUNC = @extschema@.churn_multi_inv,
    MSTYPE = @extschema@.churn_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.churn_state(activity pg_catalog.tstzmultirange, period pg_catalog.tstzrange) IS
    'The churn_state of rows (activity tstzmultirange, period tstzrange), for rollups: store it, then read the metric with its aggregate over churn_state, or merge states with churn_state(churn_state)';

CREATE AGGREGATE @extschema@.retention_rate(activity pg_catalog.daterange, period pg_catalog.daterange) (
    SFUNC = @extschema@.churn_sfunc,
    STYPE = @extschema@.churn_state,
    FINALFUNC = @extschema@.retention_rate_final,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_sfunc,
    MINVFUNC = @extschema@.churn_inv,
    MSTYPE = @extschema@.churn_state,
    MFINALFUNC = @extschema@.retention_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.retention_rate(activity pg_catalog.daterange, period pg_catalog.daterange) IS
    'Customer retention rate (percent) of a period [start, end): 100 * customers active at start and at end / customers active at start';

CREATE AGGREGATE @extschema@.retention_rate(activity pg_catalog.tsrange, period pg_catalog.tsrange) (
    SFUNC = @extschema@.churn_sfunc,
    STYPE = @extschema@.churn_state,
    FINALFUNC = @extschema@.retention_rate_final,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_sfunc,
    MINVFUNC = @extschema@.churn_inv,
    MSTYPE = @extschema@.churn_state,
    MFINALFUNC = @extschema@.retention_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.retention_rate(activity pg_catalog.tsrange, period pg_catalog.tsrange) IS
    'Customer retention rate (percent) of a period [start, end): 100 * customers active at start and at end / customers active at start';

CREATE AGGREGATE @extschema@.retention_rate(activity pg_catalog.tstzrange, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.churn_sfunc,
    STYPE = @extschema@.churn_state,
    FINALFUNC = @extschema@.retention_rate_final,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_sfunc,
    MINVFUNC = @extschema@.churn_inv,
    MSTYPE = @extschema@.churn_state,
    MFINALFUNC = @extschema@.retention_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.retention_rate(activity pg_catalog.tstzrange, period pg_catalog.tstzrange) IS
    'Customer retention rate (percent) of a period [start, end): 100 * customers active at start and at end / customers active at start';

CREATE AGGREGATE @extschema@.retention_rate(activity pg_catalog.datemultirange, period pg_catalog.daterange) (
    SFUNC = @extschema@.churn_multi_sfunc,
    STYPE = @extschema@.churn_state,
    FINALFUNC = @extschema@.retention_rate_final,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_multi_sfunc,
    MINVFUNC = @extschema@.churn_multi_inv,
    MSTYPE = @extschema@.churn_state,
    MFINALFUNC = @extschema@.retention_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.retention_rate(activity pg_catalog.datemultirange, period pg_catalog.daterange) IS
    'Customer retention rate (percent) of a period [start, end): 100 * customers active at start and at end / customers active at start';

CREATE AGGREGATE @extschema@.retention_rate(activity pg_catalog.tsmultirange, period pg_catalog.tsrange) (
    SFUNC = @extschema@.churn_multi_sfunc,
    STYPE = @extschema@.churn_state,
    FINALFUNC = @extschema@.retention_rate_final,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_multi_sfunc,
    MINVFUNC = @extschema@.churn_multi_inv,
    MSTYPE = @extschema@.churn_state,
    MFINALFUNC = @extschema@.retention_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.retention_rate(activity pg_catalog.tsmultirange, period pg_catalog.tsrange) IS
    'Customer retention rate (percent) of a period [start, end): 100 * customers active at start and at end / customers active at start';

CREATE AGGREGATE @extschema@.retention_rate(activity pg_catalog.tstzmultirange, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.churn_multi_sfunc,
    STYPE = @extschema@.churn_state,
    FINALFUNC = @extschema@.retention_rate_final,
    COMBINEFUNC = @extschema@.churn_state_combine,
    MSFUNC = @extschema@.churn_multi_sfunc,
    MINVFUNC = @extschema@.churn_multi_inv,
    MSTYPE = @extschema@.churn_state,
    MFINALFUNC = @extschema@.retention_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.retention_rate(activity pg_catalog.tstzmultirange, period pg_catalog.tstzrange) IS
    'Customer retention rate (percent) of a period [start, end): 100 * customers active at start and at end / customers active at start';

CREATE FUNCTION @extschema@.churn_breakdown(state @extschema@.churn_state,
    OUT at_start pg_catalog.int8, OUT retained pg_catalog.int8, OUT churned pg_catalog.int8,
    OUT at_end pg_catalog.int8, OUT new_or_returning pg_catalog.int8)
RETURNS pg_catalog.record AS 'MODULE_PATHNAME', 'churn_breakdown'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_breakdown(@extschema@.churn_state) IS
    'Customers at start, retained, churned (at start - retained), at end and new or returning '
    '(at end - retained) of a churn_state, as one record';

-- ---------- revenue retention ----------
CREATE TYPE @extschema@.revenue_state;

CREATE FUNCTION @extschema@.revenue_state_in(pg_catalog.cstring)
RETURNS @extschema@.revenue_state AS 'MODULE_PATHNAME', 'revenue_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.revenue_state_out(@extschema@.revenue_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'revenue_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.revenue_state_recv(pg_catalog.internal)
RETURNS @extschema@.revenue_state AS 'MODULE_PATHNAME', 'revenue_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.revenue_state_send(@extschema@.revenue_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'revenue_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.revenue_state (
    INPUT = @extschema@.revenue_state_in,
    OUTPUT = @extschema@.revenue_state_out,
    RECEIVE = @extschema@.revenue_state_recv,
    SEND = @extschema@.revenue_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.revenue_state IS
    'Partial revenue retention: customers with revenue at start, and the exact sums (in 1/10000 units) of revenue at start, at end and lost (max(start - end, 0))';
COMMENT ON FUNCTION @extschema@.revenue_state_in(pg_catalog.cstring) IS
    'Input function of revenue_state (validates everything)';
COMMENT ON FUNCTION @extschema@.revenue_state_out(@extschema@.revenue_state) IS
    'Output function of revenue_state';
COMMENT ON FUNCTION @extschema@.revenue_state_recv(pg_catalog.internal) IS
    'Binary input function of revenue_state (validates everything)';
COMMENT ON FUNCTION @extschema@.revenue_state_send(@extschema@.revenue_state) IS
    'Binary output function of revenue_state';

CREATE FUNCTION @extschema@.revenue_state_combine(@extschema@.revenue_state, @extschema@.revenue_state)
RETURNS @extschema@.revenue_state AS 'MODULE_PATHNAME', 'revenue_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.revenue_state_combine(@extschema@.revenue_state, @extschema@.revenue_state) IS
    'Merges two revenue_state values (the combine function of every aggregate over revenue_state)';

CREATE FUNCTION @extschema@.revenue_state_uncombine(@extschema@.revenue_state, @extschema@.revenue_state)
RETURNS @extschema@.revenue_state AS 'MODULE_PATHNAME', 'revenue_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.revenue_state_uncombine(@extschema@.revenue_state, @extschema@.revenue_state) IS
    'Removes the second revenue_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.revenue_state(@extschema@.revenue_state) (
    SFUNC = @extschema@.revenue_state_combine,
    STYPE = @extschema@.revenue_state,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_state_combine,
    MINVFUNC = @extschema@.revenue_state_uncombine,
    MSTYPE = @extschema@.revenue_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.revenue_state(@extschema@.revenue_state) IS
    'Merges stored revenue_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.net_revenue_retention_final(@extschema@.revenue_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'net_revenue_retention_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_revenue_retention_final(@extschema@.revenue_state) IS
    'Net revenue retention (percent): 100 * sum(end) / sum(start), from a revenue_state';

CREATE AGGREGATE @extschema@.net_revenue_retention(@extschema@.revenue_state) (
    SFUNC = @extschema@.revenue_state_combine,
    STYPE = @extschema@.revenue_state,
    FINALFUNC = @extschema@.net_revenue_retention_final,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_state_combine,
    MINVFUNC = @extschema@.revenue_state_uncombine,
    MSTYPE = @extschema@.revenue_state,
    MFINALFUNC = @extschema@.net_revenue_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.net_revenue_retention(@extschema@.revenue_state) IS
    'Net revenue retention (percent): 100 * sum(end) / sum(start), merging stored revenue_state values';

CREATE FUNCTION @extschema@.gross_revenue_retention_final(@extschema@.revenue_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'gross_revenue_retention_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gross_revenue_retention_final(@extschema@.revenue_state) IS
    'Gross revenue retention (percent): 100 * sum(min(start, end)) / sum(start), from a revenue_state';

CREATE AGGREGATE @extschema@.gross_revenue_retention(@extschema@.revenue_state) (
    SFUNC = @extschema@.revenue_state_combine,
    STYPE = @extschema@.revenue_state,
    FINALFUNC = @extschema@.gross_revenue_retention_final,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_state_combine,
    MINVFUNC = @extschema@.revenue_state_uncombine,
    MSTYPE = @extschema@.revenue_state,
    MFINALFUNC = @extschema@.gross_revenue_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.gross_revenue_retention(@extschema@.revenue_state) IS
    'Gross revenue retention (percent): 100 * sum(min(start, end)) / sum(start), merging stored revenue_state values';

CREATE FUNCTION @extschema@.revenue_churn_rate_final(@extschema@.revenue_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'revenue_churn_rate_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.revenue_churn_rate_final(@extschema@.revenue_state) IS
    'Revenue churn rate (percent): 100 * sum(max(start - end, 0)) / sum(start), from a revenue_state';

CREATE AGGREGATE @extschema@.revenue_churn_rate(@extschema@.revenue_state) (
    SFUNC = @extschema@.revenue_state_combine,
    STYPE = @extschema@.revenue_state,
    FINALFUNC = @extschema@.revenue_churn_rate_final,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_state_combine,
    MINVFUNC = @extschema@.revenue_state_uncombine,
    MSTYPE = @extschema@.revenue_state,
    MFINALFUNC = @extschema@.revenue_churn_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.revenue_churn_rate(@extschema@.revenue_state) IS
    'Revenue churn rate (percent): 100 * sum(max(start - end, 0)) / sum(start), merging stored revenue_state values';

CREATE FUNCTION @extschema@.revenue_churn_final(@extschema@.revenue_state)
RETURNS pg_catalog.numeric AS 'MODULE_PATHNAME', 'revenue_churn_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.revenue_churn_final(@extschema@.revenue_state) IS
    'Revenue lost (churned and contracted): sum(max(start - end, 0)), from a revenue_state';

CREATE AGGREGATE @extschema@.revenue_churn(@extschema@.revenue_state) (
    SFUNC = @extschema@.revenue_state_combine,
    STYPE = @extschema@.revenue_state,
    FINALFUNC = @extschema@.revenue_churn_final,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_state_combine,
    MINVFUNC = @extschema@.revenue_state_uncombine,
    MSTYPE = @extschema@.revenue_state,
    MFINALFUNC = @extschema@.revenue_churn_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.revenue_churn(@extschema@.revenue_state) IS
    'Revenue lost (churned and contracted): sum(max(start - end, 0)), merging stored revenue_state values';

CREATE FUNCTION @extschema@.revenue_numeric_sfunc(@extschema@.revenue_state, start_mrr pg_catalog.numeric, end_mrr pg_catalog.numeric)
RETURNS @extschema@.revenue_state AS 'MODULE_PATHNAME', 'revenue_numeric_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.revenue_numeric_sfunc(@extschema@.revenue_state, start_mrr pg_catalog.numeric, end_mrr pg_catalog.numeric) IS
    'Adds a row (start_mrr numeric, end_mrr numeric) to a revenue_state';

CREATE FUNCTION @extschema@.revenue_numeric_inv(@extschema@.revenue_state, start_mrr pg_catalog.numeric, end_mrr pg_catalog.numeric)
RETURNS @extschema@.revenue_state AS 'MODULE_PATHNAME', 'revenue_numeric_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.revenue_numeric_inv(@extschema@.revenue_state, start_mrr pg_catalog.numeric, end_mrr pg_catalog.numeric) IS
    'Removes a row (start_mrr numeric, end_mrr numeric) from a revenue_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.net_revenue_retention(start_mrr pg_catalog.numeric, end_mrr pg_catalog.numeric) (
    SFUNC = @extschema@.revenue_numeric_sfunc,
    STYPE = @extschema@.revenue_state,
    FINALFUNC = @extschema@.net_revenue_retention_final,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_numeric_sfunc,
    MINVFUNC = @extschema@.revenue_numeric_inv,
    MSTYPE = @extschema@.revenue_state,
    MFINALFUNC = @extschema@.net_revenue_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.net_revenue_retention(start_mrr pg_catalog.numeric, end_mrr pg_catalog.numeric) IS
    'Net revenue retention (percent) of one row per customer: 100 * sum(end_mrr) / sum(start_mrr); NULL or 0 start_mrr = not a customer at start, NULL end_mrr = 0';

CREATE AGGREGATE @extschema@.revenue_state(start_mrr pg_catalog.numeric, end_mrr pg_catalog.numeric) (
    SFUNC = @extschema@.revenue_numeric_sfunc,
    STYPE = @extschema@.revenue_state,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_numeric_sfunc,
    MINVFUNC = @extschema@.revenue_numeric_inv,
    MSTYPE = @extschema@.revenue_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.revenue_state(start_mrr pg_catalog.numeric, end_mrr pg_catalog.numeric) IS
    'The revenue_state of rows (start_mrr numeric, end_mrr numeric), for rollups: store it, then read the metric with its aggregate over revenue_state, or merge states with revenue_state(revenue_state)';

CREATE FUNCTION @extschema@.revenue_float8_sfunc(@extschema@.revenue_state, start_mrr pg_catalog.float8, end_mrr pg_catalog.float8)
RETURNS @extschema@.revenue_state AS 'MODULE_PATHNAME', 'revenue_float8_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.revenue_float8_sfunc(@extschema@.revenue_state, start_mrr pg_catalog.float8, end_mrr pg_catalog.float8) IS
    'Adds a row (start_mrr float8, end_mrr float8) to a revenue_state';

CREATE FUNCTION @extschema@.revenue_float8_inv(@extschema@.revenue_state, start_mrr pg_catalog.float8, end_mrr pg_catalog.float8)
RETURNS @extschema@.revenue_state AS 'MODULE_PATHNAME', 'revenue_float8_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.revenue_float8_inv(@extschema@.revenue_state, start_mrr pg_catalog.float8, end_mrr pg_catalog.float8) IS
    'Removes a row (start_mrr float8, end_mrr float8) from a revenue_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.net_revenue_retention(start_mrr pg_catalog.float8, end_mrr pg_catalog.float8) (
    SFUNC = @extschema@.revenue_float8_sfunc,
    STYPE = @extschema@.revenue_state,
    FINALFUNC = @extschema@.net_revenue_retention_final,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_float8_sfunc,
    MINVFUNC = @extschema@.revenue_float8_inv,
    MSTYPE = @extschema@.revenue_state,
    MFINALFUNC = @extschema@.net_revenue_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.net_revenue_retention(start_mrr pg_catalog.float8, end_mrr pg_catalog.float8) IS
    'Net revenue retention (percent) of one row per customer: 100 * sum(end_mrr) / sum(start_mrr); NULL or 0 start_mrr = not a customer at start, NULL end_mrr = 0';

CREATE AGGREGATE @extschema@.revenue_state(start_mrr pg_catalog.float8, end_mrr pg_catalog.float8) (
    SFUNC = @extschema@.revenue_float8_sfunc,
    STYPE = @extschema@.revenue_state,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_float8_sfunc,
    MINVFUNC = @extschema@.revenue_float8_inv,
    MSTYPE = @extschema@.revenue_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.revenue_state(start_mrr pg_catalog.float8, end_mrr pg_catalog.float8) IS
    'The revenue_state of rows (start_mrr float8, end_mrr float8), for rollups: store it, then read the metric with its aggregate over revenue_state, or merge states with revenue_state(revenue_state)';

CREATE AGGREGATE @extschema@.gross_revenue_retention(start_mrr pg_catalog.numeric, end_mrr pg_catalog.numeric) (
    SFUNC = @extschema@.revenue_numeric_sfunc,
    STYPE = @extschema@.revenue_state,
    FINALFUNC = @extschema@.gross_revenue_retention_final,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_numeric_sfunc,
    MINVFUNC = @extschema@.revenue_numeric_inv,
    MSTYPE = @extschema@.revenue_state,
    MFINALFUNC = @extschema@.gross_revenue_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.gross_revenue_retention(start_mrr pg_catalog.numeric, end_mrr pg_catalog.numeric) IS
    'Gross revenue retention (percent): 100 * sum(min(start_mrr, end_mrr)) / sum(start_mrr) of one row per customer; NULL or 0 start_mrr = not a customer at start, NULL end_mrr = 0';

CREATE AGGREGATE @extschema@.gross_revenue_retention(start_mrr pg_catalog.float8, end_mrr pg_catalog.float8) (
    SFUNC = @extschema@.revenue_float8_sfunc,
    STYPE = @extschema@.revenue_state,
    FINALFUNC = @extschema@.gross_revenue_retention_final,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_float8_sfunc,
    MINVFUNC = @extschema@.revenue_float8_inv,
    MSTYPE = @extschema@.revenue_state,
    MFINALFUNC = @extschema@.gross_revenue_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.gross_revenue_retention(start_mrr pg_catalog.float8, end_mrr pg_catalog.float8) IS
    'Gross revenue retention (percent): 100 * sum(min(start_mrr, end_mrr)) / sum(start_mrr) of one row per customer; NULL or 0 start_mrr = not a customer at start, NULL end_mrr = 0';

CREATE AGGREGATE @extschema@.revenue_churn_rate(start_mrr pg_catalog.numeric, end_mrr pg_catalog.numeric) (
    SFUNC = @extschema@.revenue_numeric_sfunc,
    STYPE = @extschema@.revenue_state,
    FINALFUNC = @extschema@.revenue_churn_rate_final,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_numeric_sfunc,
    MINVFUNC = @extschema@.revenue_numeric_inv,
    MSTYPE = @extschema@.revenue_state,
    MFINALFUNC = @extschema@.revenue_churn_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.revenue_churn_rate(start_mrr pg_catalog.numeric, end_mrr pg_catalog.numeric) IS
    'Revenue churn rate (percent), lost and contracted revenue: 100 * sum(max(start_mrr - end_mrr, 0)) / sum(start_mrr) of one row per customer; NULL or 0 start_mrr = not a customer at start, NULL end_mrr = 0';

CREATE AGGREGATE @extschema@.revenue_churn_rate(start_mrr pg_catalog.float8, end_mrr pg_catalog.float8) (
    SFUNC = @extschema@.revenue_float8_sfunc,
    STYPE = @extschema@.revenue_state,
    FINALFUNC = @extschema@.revenue_churn_rate_final,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_float8_sfunc,
    MINVFUNC = @extschema@.revenue_float8_inv,
    MSTYPE = @extschema@.revenue_state,
    MFINALFUNC = @extschema@.revenue_churn_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.revenue_churn_rate(start_mrr pg_catalog.float8, end_mrr pg_catalog.float8) IS
    'Revenue churn rate (percent), lost and contracted revenue: 100 * sum(max(start_mrr - end_mrr, 0)) / sum(start_mrr) of one row per customer; NULL or 0 start_mrr = not a customer at start, NULL end_mrr = 0';

CREATE AGGREGATE @extschema@.revenue_churn(start_mrr pg_catalog.numeric, end_mrr pg_catalog.numeric) (
    SFUNC = @extschema@.revenue_numeric_sfunc,
    STYPE = @extschema@.revenue_state,
    FINALFUNC = @extschema@.revenue_churn_final,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_numeric_sfunc,
    MINVFUNC = @extschema@.revenue_numeric_inv,
    MSTYPE = @extschema@.revenue_state,
    MFINALFUNC = @extschema@.revenue_churn_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.revenue_churn(start_mrr pg_catalog.numeric, end_mrr pg_catalog.numeric) IS
    'Revenue lost, churned and contracted (numeric, exact to 0.0001): sum(max(start_mrr - end_mrr, 0)) of one row per customer; NULL or 0 start_mrr = not a customer at start, NULL end_mrr = 0';

CREATE AGGREGATE @extschema@.revenue_churn(start_mrr pg_catalog.float8, end_mrr pg_catalog.float8) (
    SFUNC = @extschema@.revenue_float8_sfunc,
    STYPE = @extschema@.revenue_state,
    FINALFUNC = @extschema@.revenue_churn_final,
    COMBINEFUNC = @extschema@.revenue_state_combine,
    MSFUNC = @extschema@.revenue_float8_sfunc,
    MINVFUNC = @extschema@.revenue_float8_inv,
    MSTYPE = @extschema@.revenue_state,
    MFINALFUNC = @extschema@.revenue_churn_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.revenue_churn(start_mrr pg_catalog.float8, end_mrr pg_catalog.float8) IS
    'Revenue lost, churned and contracted (numeric, exact to 0.0001): sum(max(start_mrr - end_mrr, 0)) of one row per customer; NULL or 0 start_mrr = not a customer at start, NULL end_mrr = 0';

