-- Survey metrics: NPS, CSAT, CES.
CREATE TYPE @extschema@.nps_state;

CREATE FUNCTION @extschema@.nps_state_in(pg_catalog.cstring)
RETURNS @extschema@.nps_state AS 'MODULE_PATHNAME', 'nps_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.nps_state_out(@extschema@.nps_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'nps_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.nps_state_recv(pg_catalog.internal)
RETURNS @extschema@.nps_state AS 'MODULE_PATHNAME', 'nps_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.nps_state_send(@extschema@.nps_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'nps_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.nps_state (
    INPUT = @extschema@.nps_state_in,
    OUTPUT = @extschema@.nps_state_out,
    RECEIVE = @extschema@.nps_state_recv,
    SEND = @extschema@.nps_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.nps_state IS
    'Partial Net Promoter Score: counts of promoters (9-10), passives (7-8) and detractors (0-6)';
COMMENT ON FUNCTION @extschema@.nps_state_in(pg_catalog.cstring) IS
    'Input function of nps_state (validates everything)';
COMMENT ON FUNCTION @extschema@.nps_state_out(@extschema@.nps_state) IS
    'Output function of nps_state';
COMMENT ON FUNCTION @extschema@.nps_state_recv(pg_catalog.internal) IS
    'Binary input function of nps_state (validates everything)';
COMMENT ON FUNCTION @extschema@.nps_state_send(@extschema@.nps_state) IS
    'Binary output function of nps_state';

CREATE FUNCTION @extschema@.nps_state_combine(@extschema@.nps_state, @extschema@.nps_state)
RETURNS @extschema@.nps_state AS 'MODULE_PATHNAME', 'nps_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_state_combine(@extschema@.nps_state, @extschema@.nps_state) IS
    'Merges two nps_state values (the combine function of every aggregate over nps_state)';

CREATE FUNCTION @extschema@.nps_state_uncombine(@extschema@.nps_state, @extschema@.nps_state)
RETURNS @extschema@.nps_state AS 'MODULE_PATHNAME', 'nps_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_state_uncombine(@extschema@.nps_state, @extschema@.nps_state) IS
    'Removes the second nps_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.nps_state(@extschema@.nps_state) (
    SFUNC = @extschema@.nps_state_combine,
    STYPE = @extschema@.nps_state,
    COMBINEFUNC = @extschema@.nps_state_combine,
    MSFUNC = @extschema@.nps_state_combine,
    MINVFUNC = @extschema@.nps_state_uncombine,
    MSTYPE = @extschema@.nps_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_state(@extschema@.nps_state) IS
    'Merges stored nps_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.nps_final(@extschema@.nps_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'nps_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_final(@extschema@.nps_state) IS
    'Net Promoter Score, -100 to 100, from a nps_state';

CREATE AGGREGATE @extschema@.nps(@extschema@.nps_state) (
    SFUNC = @extschema@.nps_state_combine,
    STYPE = @extschema@.nps_state,
    FINALFUNC = @extschema@.nps_final,
    COMBINEFUNC = @extschema@.nps_state_combine,
    MSFUNC = @extschema@.nps_state_combine,
    MINVFUNC = @extschema@.nps_state_uncombine,
    MSTYPE = @extschema@.nps_state,
    MFINALFUNC = @extschema@.nps_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps(@extschema@.nps_state) IS
    'Net Promoter Score, -100 to 100, merging stored nps_state values';

CREATE FUNCTION @extschema@.nps_sfunc(@extschema@.nps_state, score pg_catalog.int4)
RETURNS @extschema@.nps_state AS 'MODULE_PATHNAME', 'nps_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_sfunc(@extschema@.nps_state, score pg_catalog.int4) IS
    'Adds a row (score int4) to a nps_state';

CREATE FUNCTION @extschema@.nps_inv(@extschema@.nps_state, score pg_catalog.int4)
RETURNS @extschema@.nps_state AS 'MODULE_PATHNAME', 'nps_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_inv(@extschema@.nps_state, score pg_catalog.int4) IS
    'Removes a row (score int4) from a nps_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.nps(score pg_catalog.int4) (
    SFUNC = @extschema@.nps_sfunc,
    STYPE = @extschema@.nps_state,
    FINALFUNC = @extschema@.nps_final,
    COMBINEFUNC = @extschema@.nps_state_combine,
    MSFUNC = @extschema@.nps_sfunc,
    MINVFUNC = @extschema@.nps_inv,
    MSTYPE = @extschema@.nps_state,
    MFINALFUNC = @extschema@.nps_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps(score pg_catalog.int4) IS
    'Net Promoter Score (-100 to 100) of answers on the 0-10 scale: 100 * (promoters - detractors) / responses';

CREATE AGGREGATE @extschema@.nps_state(score pg_catalog.int4) (
    SFUNC = @extschema@.nps_sfunc,
    STYPE = @extschema@.nps_state,
    COMBINEFUNC = @extschema@.nps_state_combine,
    MSFUNC = @extschema@.nps_sfunc,
    MINVFUNC = @extschema@.nps_inv,
    MSTYPE = @extschema@.nps_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_state(score pg_catalog.int4) IS
    'The nps_state of rows (score int4), for rollups: store it, then read the metric with its aggregate over nps_state, or merge states with nps_state(nps_state)';

CREATE FUNCTION @extschema@.nps_breakdown(state @extschema@.nps_state,
    OUT responses pg_catalog.int8, OUT promoters pg_catalog.int8, OUT passives pg_catalog.int8,
    OUT detractors pg_catalog.int8, OUT nps pg_catalog.float8)
RETURNS pg_catalog.record AS 'MODULE_PATHNAME', 'nps_breakdown'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_breakdown(@extschema@.nps_state) IS
    'Responses, promoters, passives, detractors and NPS of an nps_state, as one record';

CREATE TYPE @extschema@.csat_state;

CREATE FUNCTION @extschema@.csat_state_in(pg_catalog.cstring)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.csat_state_out(@extschema@.csat_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'csat_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.csat_state_recv(pg_catalog.internal)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.csat_state_send(@extschema@.csat_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'csat_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.csat_state (
    INPUT = @extschema@.csat_state_in,
    OUTPUT = @extschema@.csat_state_out,
    RECEIVE = @extschema@.csat_state_recv,
    SEND = @extschema@.csat_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.csat_state IS
    'Partial Customer Satisfaction: responses, satisfied responses and the scale';
COMMENT ON FUNCTION @extschema@.csat_state_in(pg_catalog.cstring) IS
    'Input function of csat_state (validates everything)';
COMMENT ON FUNCTION @extschema@.csat_state_out(@extschema@.csat_state) IS
    'Output function of csat_state';
COMMENT ON FUNCTION @extschema@.csat_state_recv(pg_catalog.internal) IS
    'Binary input function of csat_state (validates everything)';
COMMENT ON FUNCTION @extschema@.csat_state_send(@extschema@.csat_state) IS
    'Binary output function of csat_state';

CREATE FUNCTION @extschema@.csat_state_combine(@extschema@.csat_state, @extschema@.csat_state)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_combine(@extschema@.csat_state, @extschema@.csat_state) IS
    'Merges two csat_state values (the combine function of every aggregate over csat_state)';

CREATE FUNCTION @extschema@.csat_state_uncombine(@extschema@.csat_state, @extschema@.csat_state)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state_uncombine(@extschema@.csat_state, @extschema@.csat_state) IS
    'Removes the second csat_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.csat_state(@extschema@.csat_state) (
    SFUNC = @extschema@.csat_state_combine,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_state_combine,
    MINVFUNC = @extschema@.csat_state_uncombine,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(@extschema@.csat_state) IS
    'Merges stored csat_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.csat_final(@extschema@.csat_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'csat_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_final(@extschema@.csat_state) IS
    'Customer Satisfaction, percent of satisfied responses, from a csat_state';

CREATE AGGREGATE @extschema@.csat(@extschema@.csat_state) (
    SFUNC = @extschema@.csat_state_combine,
    STYPE = @extschema@.csat_state,
    FINALFUNC = @extschema@.csat_final,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_state_combine,
    MINVFUNC = @extschema@.csat_state_uncombine,
    MSTYPE = @extschema@.csat_state,
    MFINALFUNC = @extschema@.csat_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(@extschema@.csat_state) IS
    'Customer Satisfaction, percent of satisfied responses, merging stored csat_state values';

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int4)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int4) IS
    'Adds a row (score int4) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int4)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int4) IS
    'Removes a row (score int4) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.int4) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    FINALFUNC = @extschema@.csat_final,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    MFINALFUNC = @extschema@.csat_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.int4) IS
    'Customer Satisfaction (percent) of answers on the 1-5 scale: 100 * answers of 4 or 5 / answers';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.int4) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.int4) IS
    'The csat_state of rows (score int4), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int4, scale_max pg_catalog.int4)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int4, scale_max pg_catalog.int4) IS
    'Adds a row (score int4, scale_max int4) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int4, scale_max pg_catalog.int4)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int4, scale_max pg_catalog.int4) IS
    'Removes a row (score int4, scale_max int4) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.int4, scale_max pg_catalog.int4) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    FINALFUNC = @extschema@.csat_final,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    MFINALFUNC = @extschema@.csat_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.int4, scale_max pg_catalog.int4) IS
    'Customer Satisfaction (percent) of answers on a 1..scale_max scale: 100 * the top two boxes / answers';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.int4, scale_max pg_catalog.int4) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.int4, scale_max pg_catalog.int4) IS
    'The csat_state of rows (score int4, scale_max int4), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE FUNCTION @extschema@.csat_bool_sfunc(@extschema@.csat_state, satisfied pg_catalog.bool)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_bool_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_bool_sfunc(@extschema@.csat_state, satisfied pg_catalog.bool) IS
    'Adds a row (satisfied bool) to a csat_state';

CREATE FUNCTION @extschema@.csat_bool_inv(@extschema@.csat_state, satisfied pg_catalog.bool)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_bool_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_bool_inv(@extschema@.csat_state, satisfied pg_catalog.bool) IS
    'Removes a row (satisfied bool) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(satisfied pg_catalog.bool) (
    SFUNC = @extschema@.csat_bool_sfunc,
    STYPE = @extschema@.csat_state,
    FINALFUNC = @extschema@.csat_final,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_bool_sfunc,
    MINVFUNC = @extschema@.csat_bool_inv,
    MSTYPE = @extschema@.csat_state,
    MFINALFUNC = @extschema@.csat_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(satisfied pg_catalog.bool) IS
    'Customer Satisfaction (percent) of yes/no answers: 100 * true / non-NULL answers';

CREATE AGGREGATE @extschema@.csat_state(satisfied pg_catalog.bool) (
    SFUNC = @extschema@.csat_bool_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_bool_sfunc,
    MINVFUNC = @extschema@.csat_bool_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(satisfied pg_catalog.bool) IS
    'The csat_state of rows (satisfied bool), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE TYPE @extschema@.ces_state;

CREATE FUNCTION @extschema@.ces_state_in(pg_catalog.cstring)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ces_state_out(@extschema@.ces_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'ces_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ces_state_recv(pg_catalog.internal)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ces_state_send(@extschema@.ces_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'ces_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.ces_state (
    INPUT = @extschema@.ces_state_in,
    OUTPUT = @extschema@.ces_state_out,
    RECEIVE = @extschema@.ces_state_recv,
    SEND = @extschema@.ces_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.ces_state IS
    'Partial Customer Effort Score: responses, the sum of the answers and the scale';
COMMENT ON FUNCTION @extschema@.ces_state_in(pg_catalog.cstring) IS
    'Input function of ces_state (validates everything)';
COMMENT ON FUNCTION @extschema@.ces_state_out(@extschema@.ces_state) IS
    'Output function of ces_state';
COMMENT ON FUNCTION @extschema@.ces_state_recv(pg_catalog.internal) IS
    'Binary input function of ces_state (validates everything)';
COMMENT ON FUNCTION @extschema@.ces_state_send(@extschema@.ces_state) IS
    'Binary output function of ces_state';

CREATE FUNCTION @extschema@.ces_state_combine(@extschema@.ces_state, @extschema@.ces_state)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_combine(@extschema@.ces_state, @extschema@.ces_state) IS
    'Merges two ces_state values (the combine function of every aggregate over ces_state)';

CREATE FUNCTION @extschema@.ces_state_uncombine(@extschema@.ces_state, @extschema@.ces_state)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state_uncombine(@extschema@.ces_state, @extschema@.ces_state) IS
    'Removes the second ces_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.ces_state(@extschema@.ces_state) (
    SFUNC = @extschema@.ces_state_combine,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_state_combine,
    MINVFUNC = @extschema@.ces_state_uncombine,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(@extschema@.ces_state) IS
    'Merges stored ces_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.ces_final(@extschema@.ces_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'ces_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_final(@extschema@.ces_state) IS
    'Customer Effort Score, the mean answer, from a ces_state';

CREATE AGGREGATE @extschema@.ces(@extschema@.ces_state) (
    SFUNC = @extschema@.ces_state_combine,
    STYPE = @extschema@.ces_state,
    FINALFUNC = @extschema@.ces_final,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_state_combine,
    MINVFUNC = @extschema@.ces_state_uncombine,
    MSTYPE = @extschema@.ces_state,
    MFINALFUNC = @extschema@.ces_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces(@extschema@.ces_state) IS
    'Customer Effort Score, the mean answer, merging stored ces_state values';

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int4)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int4) IS
    'Adds a row (score int4) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int4)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int4) IS
    'Removes a row (score int4) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.int4) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    FINALFUNC = @extschema@.ces_final,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    MFINALFUNC = @extschema@.ces_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.int4) IS
    'Customer Effort Score: the mean of answers on the 1-7 scale';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.int4) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.int4) IS
    'The ces_state of rows (score int4), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int4, scale_max pg_catalog.int4)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int4, scale_max pg_catalog.int4) IS
    'Adds a row (score int4, scale_max int4) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int4, scale_max pg_catalog.int4)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int4, scale_max pg_catalog.int4) IS
    'Removes a row (score int4, scale_max int4) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.int4, scale_max pg_catalog.int4) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    FINALFUNC = @extschema@.ces_final,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    MFINALFUNC = @extschema@.ces_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.int4, scale_max pg_catalog.int4) IS
    'Customer Effort Score: the mean of answers on a 1..scale_max scale';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.int4, scale_max pg_catalog.int4) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.int4, scale_max pg_catalog.int4) IS
    'The ces_state of rows (score int4, scale_max int4), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';
