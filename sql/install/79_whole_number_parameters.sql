-- Whole-number spellings of integer parameters: loyal_customer_rate's
-- min_orders and the scale_max of csat and ces, as double precision, for
-- every key or score type whose int4 form exists.  PostgreSQL then resolves
-- a bigint (2::bigint, a bigint column), a numeric (2.0) or an untyped
-- parameter ($1, NULL) to these forms: int8 and numeric cast implicitly to
-- double precision, and it is the numeric category's preferred type, so an
-- unknown argument is never ambiguous (a bigint overload would make
-- `csat(s, $1)` and `csat(s, NULL)` "not unique").  An int4 argument still
-- takes the int4 form.  The C entry points of src/whole_number_parameters.c
-- check that the value is a whole number within int4 (22023 naming it when
-- not) and pass it on to the int4 entry point: both spellings build one
-- state and merge.

CREATE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int2, min_orders pg_catalog.float8)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_int2_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int2, min_orders pg_catalog.float8) IS
    'Adds a row (customer_id int2, min_orders float8) to a loyal_customer_rate_state';

CREATE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int2, min_orders pg_catalog.float8)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_int2_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int2, min_orders pg_catalog.float8) IS
    'Removes a row (customer_id int2, min_orders float8) from a loyal_customer_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.int2, min_orders pg_catalog.float8) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    FINALFUNC = @extschema@.loyal_customer_rate_final,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    MFINALFUNC = @extschema@.loyal_customer_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.int2, min_orders pg_catalog.float8) IS
    'Loyal customer rate (percent) of order rows: 100 * customers with at least min_orders rows / distinct customers';

CREATE AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.int2, min_orders pg_catalog.float8) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.int2, min_orders pg_catalog.float8) IS
    'The loyal_customer_rate_state of rows (customer_id int2, min_orders float8), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';

CREATE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int4, min_orders pg_catalog.float8)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_int4_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int4, min_orders pg_catalog.float8) IS
    'Adds a row (customer_id int4, min_orders float8) to a loyal_customer_rate_state';

CREATE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int4, min_orders pg_catalog.float8)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_int4_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int4, min_orders pg_catalog.float8) IS
    'Removes a row (customer_id int4, min_orders float8) from a loyal_customer_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.int4, min_orders pg_catalog.float8) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    FINALFUNC = @extschema@.loyal_customer_rate_final,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    MFINALFUNC = @extschema@.loyal_customer_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.int4, min_orders pg_catalog.float8) IS
    'Loyal customer rate (percent) of order rows: 100 * customers with at least min_orders rows / distinct customers';

CREATE AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.int4, min_orders pg_catalog.float8) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.int4, min_orders pg_catalog.float8) IS
    'The loyal_customer_rate_state of rows (customer_id int4, min_orders float8), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';

CREATE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int8, min_orders pg_catalog.float8)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_int8_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int8, min_orders pg_catalog.float8) IS
    'Adds a row (customer_id int8, min_orders float8) to a loyal_customer_rate_state';

CREATE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int8, min_orders pg_catalog.float8)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_int8_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int8, min_orders pg_catalog.float8) IS
    'Removes a row (customer_id int8, min_orders float8) from a loyal_customer_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.int8, min_orders pg_catalog.float8) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    FINALFUNC = @extschema@.loyal_customer_rate_final,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    MFINALFUNC = @extschema@.loyal_customer_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.int8, min_orders pg_catalog.float8) IS
    'Loyal customer rate (percent) of order rows: 100 * customers with at least min_orders rows / distinct customers';

CREATE AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.int8, min_orders pg_catalog.float8) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.int8, min_orders pg_catalog.float8) IS
    'The loyal_customer_rate_state of rows (customer_id int8, min_orders float8), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';

CREATE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.numeric, min_orders pg_catalog.float8)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_numeric_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.numeric, min_orders pg_catalog.float8) IS
    'Adds a row (customer_id numeric, min_orders float8) to a loyal_customer_rate_state';

CREATE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.numeric, min_orders pg_catalog.float8)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_numeric_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.numeric, min_orders pg_catalog.float8) IS
    'Removes a row (customer_id numeric, min_orders float8) from a loyal_customer_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.numeric, min_orders pg_catalog.float8) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    FINALFUNC = @extschema@.loyal_customer_rate_final,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    MFINALFUNC = @extschema@.loyal_customer_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.numeric, min_orders pg_catalog.float8) IS
    'Loyal customer rate (percent) of order rows: 100 * customers with at least min_orders rows / distinct customers';

CREATE AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.numeric, min_orders pg_catalog.float8) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.numeric, min_orders pg_catalog.float8) IS
    'The loyal_customer_rate_state of rows (customer_id numeric, min_orders float8), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';

CREATE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.text, min_orders pg_catalog.float8)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_text_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.text, min_orders pg_catalog.float8) IS
    'Adds a row (customer_id text, min_orders float8) to a loyal_customer_rate_state';

CREATE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.text, min_orders pg_catalog.float8)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_text_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.text, min_orders pg_catalog.float8) IS
    'Removes a row (customer_id text, min_orders float8) from a loyal_customer_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.text, min_orders pg_catalog.float8) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    FINALFUNC = @extschema@.loyal_customer_rate_final,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    MFINALFUNC = @extschema@.loyal_customer_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.text, min_orders pg_catalog.float8) IS
    'Loyal customer rate (percent) of order rows: 100 * customers with at least min_orders rows / distinct customers';

CREATE AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.text, min_orders pg_catalog.float8) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.text, min_orders pg_catalog.float8) IS
    'The loyal_customer_rate_state of rows (customer_id text, min_orders float8), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';

CREATE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.uuid, min_orders pg_catalog.float8)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_uuid_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.uuid, min_orders pg_catalog.float8) IS
    'Adds a row (customer_id uuid, min_orders float8) to a loyal_customer_rate_state';

CREATE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.uuid, min_orders pg_catalog.float8)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_uuid_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.uuid, min_orders pg_catalog.float8) IS
    'Removes a row (customer_id uuid, min_orders float8) from a loyal_customer_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.uuid, min_orders pg_catalog.float8) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    FINALFUNC = @extschema@.loyal_customer_rate_final,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    MFINALFUNC = @extschema@.loyal_customer_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.uuid, min_orders pg_catalog.float8) IS
    'Loyal customer rate (percent) of order rows: 100 * customers with at least min_orders rows / distinct customers';

CREATE AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.uuid, min_orders pg_catalog.float8) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.uuid, min_orders pg_catalog.float8) IS
    'The loyal_customer_rate_state of rows (customer_id uuid, min_orders float8), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int2, scale_max pg_catalog.float8)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc_int2_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int2, scale_max pg_catalog.float8) IS
    'Adds a row (score int2, scale_max float8) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int2, scale_max pg_catalog.float8)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv_int2_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int2, scale_max pg_catalog.float8) IS
    'Removes a row (score int2, scale_max float8) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.int2, scale_max pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.int2, scale_max pg_catalog.float8) IS
    'Customer Satisfaction (percent) of answers on a 1..scale_max scale: 100 * the top two boxes / answers';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.int2, scale_max pg_catalog.float8) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.int2, scale_max pg_catalog.float8) IS
    'The csat_state of rows (score int2, scale_max float8), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int4, scale_max pg_catalog.float8)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int4, scale_max pg_catalog.float8) IS
    'Adds a row (score int4, scale_max float8) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int4, scale_max pg_catalog.float8)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int4, scale_max pg_catalog.float8) IS
    'Removes a row (score int4, scale_max float8) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.int4, scale_max pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.int4, scale_max pg_catalog.float8) IS
    'Customer Satisfaction (percent) of answers on a 1..scale_max scale: 100 * the top two boxes / answers';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.int4, scale_max pg_catalog.float8) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.int4, scale_max pg_catalog.float8) IS
    'The csat_state of rows (score int4, scale_max float8), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int8, scale_max pg_catalog.float8)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc_int8_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.int8, scale_max pg_catalog.float8) IS
    'Adds a row (score int8, scale_max float8) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int8, scale_max pg_catalog.float8)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv_int8_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.int8, scale_max pg_catalog.float8) IS
    'Removes a row (score int8, scale_max float8) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.int8, scale_max pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.int8, scale_max pg_catalog.float8) IS
    'Customer Satisfaction (percent) of answers on a 1..scale_max scale: 100 * the top two boxes / answers';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.int8, scale_max pg_catalog.float8) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.int8, scale_max pg_catalog.float8) IS
    'The csat_state of rows (score int8, scale_max float8), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.numeric, scale_max pg_catalog.float8)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc_numeric_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.numeric, scale_max pg_catalog.float8) IS
    'Adds a row (score numeric, scale_max float8) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.numeric, scale_max pg_catalog.float8)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv_numeric_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.numeric, scale_max pg_catalog.float8) IS
    'Removes a row (score numeric, scale_max float8) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.numeric, scale_max pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.numeric, scale_max pg_catalog.float8) IS
    'Customer Satisfaction (percent) of answers on a 1..scale_max scale: 100 * the top two boxes / answers';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.numeric, scale_max pg_catalog.float8) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.numeric, scale_max pg_catalog.float8) IS
    'The csat_state of rows (score numeric, scale_max float8), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.float8, scale_max pg_catalog.float8)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_sfunc_float8_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, score pg_catalog.float8, scale_max pg_catalog.float8) IS
    'Adds a row (score float8, scale_max float8) to a csat_state';

CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.float8, scale_max pg_catalog.float8)
RETURNS @extschema@.csat_state AS 'MODULE_PATHNAME', 'csat_inv_float8_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, score pg_catalog.float8, scale_max pg_catalog.float8) IS
    'Removes a row (score float8, scale_max float8) from a csat_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.csat(score pg_catalog.float8, scale_max pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.csat(score pg_catalog.float8, scale_max pg_catalog.float8) IS
    'Customer Satisfaction (percent) of answers on a 1..scale_max scale: 100 * the top two boxes / answers';

CREATE AGGREGATE @extschema@.csat_state(score pg_catalog.float8, scale_max pg_catalog.float8) (
    SFUNC = @extschema@.csat_sfunc,
    STYPE = @extschema@.csat_state,
    COMBINEFUNC = @extschema@.csat_state_combine,
    MSFUNC = @extschema@.csat_sfunc,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_state(score pg_catalog.float8, scale_max pg_catalog.float8) IS
    'The csat_state of rows (score float8, scale_max float8), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int2, scale_max pg_catalog.float8)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc_int2_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int2, scale_max pg_catalog.float8) IS
    'Adds a row (score int2, scale_max float8) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int2, scale_max pg_catalog.float8)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv_int2_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int2, scale_max pg_catalog.float8) IS
    'Removes a row (score int2, scale_max float8) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.int2, scale_max pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.int2, scale_max pg_catalog.float8) IS
    'Customer Effort Score: the mean of answers on a 1..scale_max scale';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.int2, scale_max pg_catalog.float8) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.int2, scale_max pg_catalog.float8) IS
    'The ces_state of rows (score int2, scale_max float8), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int4, scale_max pg_catalog.float8)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int4, scale_max pg_catalog.float8) IS
    'Adds a row (score int4, scale_max float8) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int4, scale_max pg_catalog.float8)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int4, scale_max pg_catalog.float8) IS
    'Removes a row (score int4, scale_max float8) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.int4, scale_max pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.int4, scale_max pg_catalog.float8) IS
    'Customer Effort Score: the mean of answers on a 1..scale_max scale';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.int4, scale_max pg_catalog.float8) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.int4, scale_max pg_catalog.float8) IS
    'The ces_state of rows (score int4, scale_max float8), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int8, scale_max pg_catalog.float8)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc_int8_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.int8, scale_max pg_catalog.float8) IS
    'Adds a row (score int8, scale_max float8) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int8, scale_max pg_catalog.float8)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv_int8_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.int8, scale_max pg_catalog.float8) IS
    'Removes a row (score int8, scale_max float8) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.int8, scale_max pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.int8, scale_max pg_catalog.float8) IS
    'Customer Effort Score: the mean of answers on a 1..scale_max scale';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.int8, scale_max pg_catalog.float8) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.int8, scale_max pg_catalog.float8) IS
    'The ces_state of rows (score int8, scale_max float8), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.numeric, scale_max pg_catalog.float8)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc_numeric_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.numeric, scale_max pg_catalog.float8) IS
    'Adds a row (score numeric, scale_max float8) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.numeric, scale_max pg_catalog.float8)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv_numeric_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.numeric, scale_max pg_catalog.float8) IS
    'Removes a row (score numeric, scale_max float8) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.numeric, scale_max pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.numeric, scale_max pg_catalog.float8) IS
    'Customer Effort Score: the mean of answers on a 1..scale_max scale';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.numeric, scale_max pg_catalog.float8) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.numeric, scale_max pg_catalog.float8) IS
    'The ces_state of rows (score numeric, scale_max float8), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';

CREATE FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.float8, scale_max pg_catalog.float8)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_sfunc_float8_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, score pg_catalog.float8, scale_max pg_catalog.float8) IS
    'Adds a row (score float8, scale_max float8) to a ces_state';

CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.float8, scale_max pg_catalog.float8)
RETURNS @extschema@.ces_state AS 'MODULE_PATHNAME', 'ces_inv_float8_whole_number'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, score pg_catalog.float8, scale_max pg_catalog.float8) IS
    'Removes a row (score float8, scale_max float8) from a ces_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ces(score pg_catalog.float8, scale_max pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.ces(score pg_catalog.float8, scale_max pg_catalog.float8) IS
    'Customer Effort Score: the mean of answers on a 1..scale_max scale';

CREATE AGGREGATE @extschema@.ces_state(score pg_catalog.float8, scale_max pg_catalog.float8) (
    SFUNC = @extschema@.ces_sfunc,
    STYPE = @extschema@.ces_state,
    COMBINEFUNC = @extschema@.ces_state_combine,
    MSFUNC = @extschema@.ces_sfunc,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_state(score pg_catalog.float8, scale_max pg_catalog.float8) IS
    'The ces_state of rows (score float8, scale_max float8), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';

-- The model predictions and cei: their integer arguments (periods,
-- opportunities, purchase counts, months) as double precision, checked and
-- passed on to the int4 functions by src/whole_number_parameters.c.

CREATE FUNCTION @extschema@.clv_purchase_probability(model @extschema@.clv_model, t pg_catalog.float8, n pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_purchase_probability_whole_number'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_purchase_probability(@extschema@.clv_model, pg_catalog.float8, pg_catalog.float8) IS
    'P(X(t) = n) for a new customer, n a whole number given as bigint, numeric or double precision';

CREATE FUNCTION @extschema@.sbg_survival(model @extschema@.sbg_model, t pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'sbg_survival_whole_number'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_survival(@extschema@.sbg_model, pg_catalog.float8) IS
    'sBG survival S(t), t a whole number of periods given as bigint, numeric or double precision';

CREATE FUNCTION @extschema@.sbg_retention(model @extschema@.sbg_model, t pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'sbg_retention_whole_number'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_retention(@extschema@.sbg_model, pg_catalog.float8) IS
    'sBG retention rate r(t), t a whole number of periods given as bigint, numeric or double precision';

CREATE FUNCTION @extschema@.sbg_derl(model @extschema@.sbg_model, discount pg_catalog.float8, renewals pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'sbg_derl_whole_number'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_derl(@extschema@.sbg_model, pg_catalog.float8, pg_catalog.float8) IS
    'sBG discounted expected residual lifetime, renewals a whole number given as bigint, numeric or double precision';

CREATE FUNCTION @extschema@.bgbb_p_alive(model @extschema@.bgbb_model, frequency pg_catalog.float8, recency pg_catalog.float8, periods pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'bgbb_p_alive_whole_number'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgbb_p_alive(@extschema@.bgbb_model, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'BG/BB P(alive) of a pattern whose counts are whole numbers given as bigint, numeric or double precision';

CREATE FUNCTION @extschema@.bgbb_expected_purchases(model @extschema@.bgbb_model, t pg_catalog.float8, frequency pg_catalog.float8, recency pg_catalog.float8, periods pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'bgbb_expected_purchases_whole_number'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgbb_expected_purchases(@extschema@.bgbb_model, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'BG/BB expected purchases in the next t opportunities, the counts whole numbers given as bigint, numeric or double precision';

CREATE FUNCTION @extschema@.bgbb_dert(model @extschema@.bgbb_model, discount pg_catalog.float8, frequency pg_catalog.float8, recency pg_catalog.float8, periods pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'bgbb_dert_whole_number'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgbb_dert(@extschema@.bgbb_model, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'BG/BB discounted expected residual transactions, the counts whole numbers given as bigint, numeric or double precision';

CREATE FUNCTION @extschema@.cei(beginning_receivables pg_catalog.float8, credit_sales pg_catalog.float8, ending_receivables pg_catalog.float8, ending_current_receivables pg_catalog.float8, months pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'cei_figures_whole_number'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cei(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'Collection effectiveness index from the four figures, months a whole number given as bigint, numeric or double precision';
