-- Survey scores of the column types users' tools create (issue 24):
-- smallint, bigint, numeric and double precision besides integer (pandas
-- writes int64 as bigint, and a column with missing answers as double
-- precision).  Each overload has its own C entry
-- point in src/survey_input_types.c, which turns the score into an int4
-- and calls the int4 transition function of survey.c: the same state, the
-- same checks.  A numeric or double precision score must be a whole number
-- (7.0 is 7; 7.5 is an error, 22023, never rounded).  Explicit smallint
-- overloads keep a smallint column on the exact integer path (without them
-- it would resolve to the double precision overload, the preferred type).
-- scale_max as another type (bigint, numeric): the double precision forms
-- of 79_whole_number_parameters.sql (a bigint overload would make a call
-- with an untyped NULL scale_max, csat(score, NULL), ambiguous).

-- nps

CREATE FUNCTION @extschema@.nps_sfunc(@extschema@.nps_state, score pg_catalog.int2)
RETURNS @extschema@.nps_state AS 'MODULE_PATHNAME', 'nps_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_sfunc(@extschema@.nps_state, score pg_catalog.int2) IS
    'Adds a row (score int2) to a nps_state';

CREATE FUNCTION @extschema@.nps_inv(@extschema@.nps_state, score pg_catalog.int2)
RETURNS @extschema@.nps_state AS 'MODULE_PATHNAME', 'nps_inv_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_inv(@extschema@.nps_state, score pg_catalog.int2) IS
    'Removes a row (score int2) from a nps_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.nps(score pg_catalog.int2) (
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
COMMENT ON AGGREGATE @extschema@.nps(score pg_catalog.int2) IS
    'Net Promoter Score (-100 to 100) of answers on the 0-10 scale: 100 * (promoters - detractors) / responses (smallint scores)';

CREATE AGGREGATE @extschema@.nps_state(score pg_catalog.int2) (
    SFUNC = @extschema@.nps_sfunc,
    STYPE = @extschema@.nps_state,
    COMBINEFUNC = @extschema@.nps_state_combine,
    MSFUNC = @extschema@.nps_sfunc,
    MINVFUNC = @extschema@.nps_inv,
    MSTYPE = @extschema@.nps_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_state(score pg_catalog.int2) IS
    'The nps_state of rows (score int2), for rollups: store it, then read the metric with its aggregate over nps_state, or merge states with nps_state(nps_state)';

CREATE FUNCTION @extschema@.nps_sfunc(@extschema@.nps_state, score pg_catalog.int8)
RETURNS @extschema@.nps_state AS 'MODULE_PATHNAME', 'nps_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_sfunc(@extschema@.nps_state, score pg_catalog.int8) IS
    'Adds a row (score int8) to a nps_state';

CREATE FUNCTION @extschema@.nps_inv(@extschema@.nps_state, score pg_catalog.int8)
RETURNS @extschema@.nps_state AS 'MODULE_PATHNAME', 'nps_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_inv(@extschema@.nps_state, score pg_catalog.int8) IS
    'Removes a row (score int8) from a nps_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.nps(score pg_catalog.int8) (
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
COMMENT ON AGGREGATE @extschema@.nps(score pg_catalog.int8) IS
    'Net Promoter Score (-100 to 100) of answers on the 0-10 scale: 100 * (promoters - detractors) / responses (bigint scores)';

CREATE AGGREGATE @extschema@.nps_state(score pg_catalog.int8) (
    SFUNC = @extschema@.nps_sfunc,
    STYPE = @extschema@.nps_state,
    COMBINEFUNC = @extschema@.nps_state_combine,
    MSFUNC = @extschema@.nps_sfunc,
    MINVFUNC = @extschema@.nps_inv,
    MSTYPE = @extschema@.nps_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_state(score pg_catalog.int8) IS
    'The nps_state of rows (score int8), for rollups: store it, then read the metric with its aggregate over nps_state, or merge states with nps_state(nps_state)';

CREATE FUNCTION @extschema@.nps_sfunc(@extschema@.nps_state, score pg_catalog.numeric)
RETURNS @extschema@.nps_state AS 'MODULE_PATHNAME', 'nps_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_sfunc(@extschema@.nps_state, score pg_catalog.numeric) IS
    'Adds a row (score numeric) to a nps_state';

CREATE FUNCTION @extschema@.nps_inv(@extschema@.nps_state, score pg_catalog.numeric)
RETURNS @extschema@.nps_state AS 'MODULE_PATHNAME', 'nps_inv_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_inv(@extschema@.nps_state, score pg_catalog.numeric) IS
    'Removes a row (score numeric) from a nps_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.nps(score pg_catalog.numeric) (
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
COMMENT ON AGGREGATE @extschema@.nps(score pg_catalog.numeric) IS
    'Net Promoter Score (-100 to 100) of answers on the 0-10 scale: 100 * (promoters - detractors) / responses (numeric scores, each a whole number)';

CREATE AGGREGATE @extschema@.nps_state(score pg_catalog.numeric) (
    SFUNC = @extschema@.nps_sfunc,
    STYPE = @extschema@.nps_state,
    COMBINEFUNC = @extschema@.nps_state_combine,
    MSFUNC = @extschema@.nps_sfunc,
    MINVFUNC = @extschema@.nps_inv,
    MSTYPE = @extschema@.nps_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_state(score pg_catalog.numeric) IS
    'The nps_state of rows (score numeric), for rollups: store it, then read the metric with its aggregate over nps_state, or merge states with nps_state(nps_state)';

CREATE FUNCTION @extschema@.nps_sfunc(@extschema@.nps_state, score pg_catalog.float8)
RETURNS @extschema@.nps_state AS 'MODULE_PATHNAME', 'nps_sfunc_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_sfunc(@extschema@.nps_state, score pg_catalog.float8) IS
    'Adds a row (score float8) to a nps_state';

CREATE FUNCTION @extschema@.nps_inv(@extschema@.nps_state, score pg_catalog.float8)
RETURNS @extschema@.nps_state AS 'MODULE_PATHNAME', 'nps_inv_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_inv(@extschema@.nps_state, score pg_catalog.float8) IS
    'Removes a row (score float8) from a nps_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.nps(score pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.nps(score pg_catalog.float8) IS
    'Net Promoter Score (-100 to 100) of answers on the 0-10 scale: 100 * (promoters - detractors) / responses (double precision scores, each a whole number)';

CREATE AGGREGATE @extschema@.nps_state(score pg_catalog.float8) (
    SFUNC = @extschema@.nps_sfunc,
    STYPE = @extschema@.nps_state,
    COMBINEFUNC = @extschema@.nps_state_combine,
    MSFUNC = @extschema@.nps_sfunc,
    MINVFUNC = @extschema@.nps_inv,
    MSTYPE = @extschema@.nps_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_state(score pg_catalog.float8) IS
    'The nps_state of rows (score float8), for rollups: store it, then read the metric with its aggregate over nps_state, or merge states with nps_state(nps_state)';

-- csat

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int2)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int2) IS
    'Adds a row (score int2) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int2)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int2) IS
    'Removes a row (score int2) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.int2) (
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
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.int2) IS
    'Customer Satisfaction (percent) of answers on the 1-5 scale: 100 * answers of 4 or 5 / answers (smallint scores)';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.int2) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.int2) IS
    'The csat_state of rows (score int2), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int8)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int8) IS
    'Adds a row (score int8) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int8)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int8) IS
    'Removes a row (score int8) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.int8) (
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
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.int8) IS
    'Customer Satisfaction (percent) of answers on the 1-5 scale: 100 * answers of 4 or 5 / answers (bigint scores)';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.int8) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.int8) IS
    'The csat_state of rows (score int8), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.numeric)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.numeric) IS
    'Adds a row (score numeric) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.numeric)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.numeric) IS
    'Removes a row (score numeric) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.numeric) (
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
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.numeric) IS
    'Customer Satisfaction (percent) of answers on the 1-5 scale: 100 * answers of 4 or 5 / answers (numeric scores, each a whole number)';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.numeric) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.numeric) IS
    'The csat_state of rows (score numeric), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.float8)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.float8) IS
    'Adds a row (score float8) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.float8)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.float8) IS
    'Removes a row (score float8) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.float8) IS
    'Customer Satisfaction (percent) of answers on the 1-5 scale: 100 * answers of 4 or 5 / answers (double precision scores, each a whole number)';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.float8) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.float8) IS
    'The csat_state of rows (score float8), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int2, scale_max pg_catalog.int4)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int2, scale_max pg_catalog.int4) IS
    'Adds a row (score int2, scale_max int4) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int2, scale_max pg_catalog.int4)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int2, scale_max pg_catalog.int4) IS
    'Removes a row (score int2, scale_max int4) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.int2, scale_max pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.int2, scale_max pg_catalog.int4) IS
    'Customer Satisfaction (percent) of answers on a 1..scale_max scale: 100 * the top two boxes / answers (smallint scores)';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.int2, scale_max pg_catalog.int4) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.int2, scale_max pg_catalog.int4) IS
    'The csat_state of rows (score int2, scale_max int4), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int8, scale_max pg_catalog.int4)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int8, scale_max pg_catalog.int4) IS
    'Adds a row (score int8, scale_max int4) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int8, scale_max pg_catalog.int4)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int8, scale_max pg_catalog.int4) IS
    'Removes a row (score int8, scale_max int4) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.int8, scale_max pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.int8, scale_max pg_catalog.int4) IS
    'Customer Satisfaction (percent) of answers on a 1..scale_max scale: 100 * the top two boxes / answers (bigint scores)';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.int8, scale_max pg_catalog.int4) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.int8, scale_max pg_catalog.int4) IS
    'The csat_state of rows (score int8, scale_max int4), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.numeric, scale_max pg_catalog.int4)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.numeric, scale_max pg_catalog.int4) IS
    'Adds a row (score numeric, scale_max int4) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.numeric, scale_max pg_catalog.int4)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.numeric, scale_max pg_catalog.int4) IS
    'Removes a row (score numeric, scale_max int4) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.numeric, scale_max pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.numeric, scale_max pg_catalog.int4) IS
    'Customer Satisfaction (percent) of answers on a 1..scale_max scale: 100 * the top two boxes / answers (numeric scores, each a whole number)';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.numeric, scale_max pg_catalog.int4) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.numeric, scale_max pg_catalog.int4) IS
    'The csat_state of rows (score numeric, scale_max int4), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.float8, scale_max pg_catalog.int4)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.float8, scale_max pg_catalog.int4) IS
    'Adds a row (score float8, scale_max int4) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.float8, scale_max pg_catalog.int4)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.float8, scale_max pg_catalog.int4) IS
    'Removes a row (score float8, scale_max int4) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.float8, scale_max pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.float8, scale_max pg_catalog.int4) IS
    'Customer Satisfaction (percent) of answers on a 1..scale_max scale: 100 * the top two boxes / answers (double precision scores, each a whole number)';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.float8, scale_max pg_catalog.int4) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.float8, scale_max pg_catalog.int4) IS
    'The csat_state of rows (score float8, scale_max int4), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

-- ces

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int2)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int2) IS
    'Adds a row (score int2) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int2)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int2) IS
    'Removes a row (score int2) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.int2) (
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
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.int2) IS
    'Customer Effort Score: the mean of answers on the 1-7 scale (smallint scores)';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.int2) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.int2) IS
    'The ces_state of rows (score int2), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int8)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int8) IS
    'Adds a row (score int8) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int8)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int8) IS
    'Removes a row (score int8) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.int8) (
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
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.int8) IS
    'Customer Effort Score: the mean of answers on the 1-7 scale (bigint scores)';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.int8) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.int8) IS
    'The ces_state of rows (score int8), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.numeric)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.numeric) IS
    'Adds a row (score numeric) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.numeric)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.numeric) IS
    'Removes a row (score numeric) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.numeric) (
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
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.numeric) IS
    'Customer Effort Score: the mean of answers on the 1-7 scale (numeric scores, each a whole number)';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.numeric) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.numeric) IS
    'The ces_state of rows (score numeric), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.float8)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.float8) IS
    'Adds a row (score float8) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.float8)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.float8) IS
    'Removes a row (score float8) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.float8) IS
    'Customer Effort Score: the mean of answers on the 1-7 scale (double precision scores, each a whole number)';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.float8) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.float8) IS
    'The ces_state of rows (score float8), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int2, scale_max pg_catalog.int4)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int2, scale_max pg_catalog.int4) IS
    'Adds a row (score int2, scale_max int4) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int2, scale_max pg_catalog.int4)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int2, scale_max pg_catalog.int4) IS
    'Removes a row (score int2, scale_max int4) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.int2, scale_max pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.int2, scale_max pg_catalog.int4) IS
    'Customer Effort Score: the mean of answers on a 1..scale_max scale (smallint scores)';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.int2, scale_max pg_catalog.int4) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.int2, scale_max pg_catalog.int4) IS
    'The ces_state of rows (score int2, scale_max int4), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int8, scale_max pg_catalog.int4)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int8, scale_max pg_catalog.int4) IS
    'Adds a row (score int8, scale_max int4) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int8, scale_max pg_catalog.int4)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int8, scale_max pg_catalog.int4) IS
    'Removes a row (score int8, scale_max int4) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.int8, scale_max pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.int8, scale_max pg_catalog.int4) IS
    'Customer Effort Score: the mean of answers on a 1..scale_max scale (bigint scores)';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.int8, scale_max pg_catalog.int4) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.int8, scale_max pg_catalog.int4) IS
    'The ces_state of rows (score int8, scale_max int4), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.numeric, scale_max pg_catalog.int4)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.numeric, scale_max pg_catalog.int4) IS
    'Adds a row (score numeric, scale_max int4) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.numeric, scale_max pg_catalog.int4)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.numeric, scale_max pg_catalog.int4) IS
    'Removes a row (score numeric, scale_max int4) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.numeric, scale_max pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.numeric, scale_max pg_catalog.int4) IS
    'Customer Effort Score: the mean of answers on a 1..scale_max scale (numeric scores, each a whole number)';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.numeric, scale_max pg_catalog.int4) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.numeric, scale_max pg_catalog.int4) IS
    'The ces_state of rows (score numeric, scale_max int4), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.float8, scale_max pg_catalog.int4)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.float8, scale_max pg_catalog.int4) IS
    'Adds a row (score float8, scale_max int4) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.float8, scale_max pg_catalog.int4)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.float8, scale_max pg_catalog.int4) IS
    'Removes a row (score float8, scale_max int4) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.float8, scale_max pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.float8, scale_max pg_catalog.int4) IS
    'Customer Effort Score: the mean of answers on a 1..scale_max scale (double precision scores, each a whole number)';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.float8, scale_max pg_catalog.int4) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.float8, scale_max pg_catalog.int4) IS
    'The ces_state of rows (score float8, scale_max int4), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';
