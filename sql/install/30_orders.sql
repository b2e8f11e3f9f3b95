-- Order and engagement metrics.  The per-customer metrics
-- keep an exact set of distinct customers (src/keyset.c); the customer key
-- may be int4, int8, text or uuid, one overload each, all sharing one C
-- transition function that reads the key type from the call.
CREATE TYPE @extschema@.repeat_purchase_ratio_state;

CREATE FUNCTION @extschema@.repeat_purchase_ratio_state_in(pg_catalog.cstring)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.repeat_purchase_ratio_state_out(@extschema@.repeat_purchase_ratio_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.repeat_purchase_ratio_state_recv(pg_catalog.internal)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.repeat_purchase_ratio_state_send(@extschema@.repeat_purchase_ratio_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.repeat_purchase_ratio_state (
    INPUT = @extschema@.repeat_purchase_ratio_state_in,
    OUTPUT = @extschema@.repeat_purchase_ratio_state_out,
    RECEIVE = @extschema@.repeat_purchase_ratio_state_recv,
    SEND = @extschema@.repeat_purchase_ratio_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.repeat_purchase_ratio_state IS
    'Partial repeat purchase ratio: the distinct customers with their order counts';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_state_in(pg_catalog.cstring) IS
    'Input function of repeat_purchase_ratio_state (validates everything)';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_state_out(@extschema@.repeat_purchase_ratio_state) IS
    'Output function of repeat_purchase_ratio_state';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_state_recv(pg_catalog.internal) IS
    'Binary input function of repeat_purchase_ratio_state (validates everything)';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_state_send(@extschema@.repeat_purchase_ratio_state) IS
    'Binary output function of repeat_purchase_ratio_state';

CREATE FUNCTION @extschema@.repeat_purchase_ratio_state_combine(@extschema@.repeat_purchase_ratio_state, @extschema@.repeat_purchase_ratio_state)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_state_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_state_combine(@extschema@.repeat_purchase_ratio_state, @extschema@.repeat_purchase_ratio_state) IS
    'Merges two repeat_purchase_ratio_state values (the combine function of every aggregate over repeat_purchase_ratio_state)';

CREATE FUNCTION @extschema@.repeat_purchase_ratio_state_uncombine(@extschema@.repeat_purchase_ratio_state, @extschema@.repeat_purchase_ratio_state)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_state_uncombine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_state_uncombine(@extschema@.repeat_purchase_ratio_state, @extschema@.repeat_purchase_ratio_state) IS
    'Removes the second repeat_purchase_ratio_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.repeat_purchase_ratio_state(@extschema@.repeat_purchase_ratio_state) (
    SFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    STYPE = @extschema@.repeat_purchase_ratio_state,
    COMBINEFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MSFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MINVFUNC = @extschema@.repeat_purchase_ratio_state_uncombine,
    MSTYPE = @extschema@.repeat_purchase_ratio_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio_state(@extschema@.repeat_purchase_ratio_state) IS
    'Merges stored repeat_purchase_ratio_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.repeat_purchase_ratio_final(@extschema@.repeat_purchase_ratio_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_final(@extschema@.repeat_purchase_ratio_state) IS
    'Repeat purchase ratio, percent of customers with 2 or more orders, from a repeat_purchase_ratio_state';

CREATE AGGREGATE @extschema@.repeat_purchase_ratio(@extschema@.repeat_purchase_ratio_state) (
    SFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    STYPE = @extschema@.repeat_purchase_ratio_state,
    FINALFUNC = @extschema@.repeat_purchase_ratio_final,
    COMBINEFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MSFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MINVFUNC = @extschema@.repeat_purchase_ratio_state_uncombine,
    MSTYPE = @extschema@.repeat_purchase_ratio_state,
    MFINALFUNC = @extschema@.repeat_purchase_ratio_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio(@extschema@.repeat_purchase_ratio_state) IS
    'Repeat purchase ratio, percent of customers with 2 or more orders, merging stored repeat_purchase_ratio_state values';

CREATE TYPE @extschema@.loyal_customer_rate_state;

CREATE FUNCTION @extschema@.loyal_customer_rate_state_in(pg_catalog.cstring)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.loyal_customer_rate_state_out(@extschema@.loyal_customer_rate_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'loyal_customer_rate_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.loyal_customer_rate_state_recv(pg_catalog.internal)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.loyal_customer_rate_state_send(@extschema@.loyal_customer_rate_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'loyal_customer_rate_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.loyal_customer_rate_state (
    INPUT = @extschema@.loyal_customer_rate_state_in,
    OUTPUT = @extschema@.loyal_customer_rate_state_out,
    RECEIVE = @extschema@.loyal_customer_rate_state_recv,
    SEND = @extschema@.loyal_customer_rate_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.loyal_customer_rate_state IS
    'Partial loyal customer rate: min_orders and the distinct customers with their order counts';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_state_in(pg_catalog.cstring) IS
    'Input function of loyal_customer_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_state_out(@extschema@.loyal_customer_rate_state) IS
    'Output function of loyal_customer_rate_state';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_state_recv(pg_catalog.internal) IS
    'Binary input function of loyal_customer_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_state_send(@extschema@.loyal_customer_rate_state) IS
    'Binary output function of loyal_customer_rate_state';

CREATE FUNCTION @extschema@.loyal_customer_rate_state_combine(@extschema@.loyal_customer_rate_state, @extschema@.loyal_customer_rate_state)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_state_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_state_combine(@extschema@.loyal_customer_rate_state, @extschema@.loyal_customer_rate_state) IS
    'Merges two loyal_customer_rate_state values (the combine function of every aggregate over loyal_customer_rate_state)';

CREATE FUNCTION @extschema@.loyal_customer_rate_state_uncombine(@extschema@.loyal_customer_rate_state, @extschema@.loyal_customer_rate_state)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_state_uncombine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_state_uncombine(@extschema@.loyal_customer_rate_state, @extschema@.loyal_customer_rate_state) IS
    'Removes the second loyal_customer_rate_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.loyal_customer_rate_state(@extschema@.loyal_customer_rate_state) (
    SFUNC = @extschema@.loyal_customer_rate_state_combine,
    STYPE = @extschema@.loyal_customer_rate_state,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_state_combine,
    MINVFUNC = @extschema@.loyal_customer_rate_state_uncombine,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(@extschema@.loyal_customer_rate_state) IS
    'Merges stored loyal_customer_rate_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.loyal_customer_rate_final(@extschema@.loyal_customer_rate_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'loyal_customer_rate_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_final(@extschema@.loyal_customer_rate_state) IS
    'Loyal customer rate, percent of customers with at least min_orders orders, from a loyal_customer_rate_state';

CREATE AGGREGATE @extschema@.loyal_customer_rate(@extschema@.loyal_customer_rate_state) (
    SFUNC = @extschema@.loyal_customer_rate_state_combine,
    STYPE = @extschema@.loyal_customer_rate_state,
    FINALFUNC = @extschema@.loyal_customer_rate_final,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_state_combine,
    MINVFUNC = @extschema@.loyal_customer_rate_state_uncombine,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    MFINALFUNC = @extschema@.loyal_customer_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate(@extschema@.loyal_customer_rate_state) IS
    'Loyal customer rate, percent of customers with at least min_orders orders, merging stored loyal_customer_rate_state values';

CREATE TYPE @extschema@.purchase_frequency_state;

CREATE FUNCTION @extschema@.purchase_frequency_state_in(pg_catalog.cstring)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.purchase_frequency_state_out(@extschema@.purchase_frequency_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'purchase_frequency_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.purchase_frequency_state_recv(pg_catalog.internal)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.purchase_frequency_state_send(@extschema@.purchase_frequency_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'purchase_frequency_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.purchase_frequency_state (
    INPUT = @extschema@.purchase_frequency_state_in,
    OUTPUT = @extschema@.purchase_frequency_state_out,
    RECEIVE = @extschema@.purchase_frequency_state_recv,
    SEND = @extschema@.purchase_frequency_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.purchase_frequency_state IS
    'Partial purchase frequency: the distinct customers with their order counts';
COMMENT ON FUNCTION @extschema@.purchase_frequency_state_in(pg_catalog.cstring) IS
    'Input function of purchase_frequency_state (validates everything)';
COMMENT ON FUNCTION @extschema@.purchase_frequency_state_out(@extschema@.purchase_frequency_state) IS
    'Output function of purchase_frequency_state';
COMMENT ON FUNCTION @extschema@.purchase_frequency_state_recv(pg_catalog.internal) IS
    'Binary input function of purchase_frequency_state (validates everything)';
COMMENT ON FUNCTION @extschema@.purchase_frequency_state_send(@extschema@.purchase_frequency_state) IS
    'Binary output function of purchase_frequency_state';

CREATE FUNCTION @extschema@.purchase_frequency_state_combine(@extschema@.purchase_frequency_state, @extschema@.purchase_frequency_state)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_state_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_state_combine(@extschema@.purchase_frequency_state, @extschema@.purchase_frequency_state) IS
    'Merges two purchase_frequency_state values (the combine function of every aggregate over purchase_frequency_state)';

CREATE FUNCTION @extschema@.purchase_frequency_state_uncombine(@extschema@.purchase_frequency_state, @extschema@.purchase_frequency_state)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_state_uncombine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_state_uncombine(@extschema@.purchase_frequency_state, @extschema@.purchase_frequency_state) IS
    'Removes the second purchase_frequency_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.purchase_frequency_state(@extschema@.purchase_frequency_state) (
    SFUNC = @extschema@.purchase_frequency_state_combine,
    STYPE = @extschema@.purchase_frequency_state,
    COMBINEFUNC = @extschema@.purchase_frequency_state_combine,
    MSFUNC = @extschema@.purchase_frequency_state_combine,
    MINVFUNC = @extschema@.purchase_frequency_state_uncombine,
    MSTYPE = @extschema@.purchase_frequency_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.purchase_frequency_state(@extschema@.purchase_frequency_state) IS
    'Merges stored purchase_frequency_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.purchase_frequency_final(@extschema@.purchase_frequency_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'purchase_frequency_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_final(@extschema@.purchase_frequency_state) IS
    'Purchase frequency, orders per distinct customer, from a purchase_frequency_state';

CREATE AGGREGATE @extschema@.purchase_frequency(@extschema@.purchase_frequency_state) (
    SFUNC = @extschema@.purchase_frequency_state_combine,
    STYPE = @extschema@.purchase_frequency_state,
    FINALFUNC = @extschema@.purchase_frequency_final,
    COMBINEFUNC = @extschema@.purchase_frequency_state_combine,
    MSFUNC = @extschema@.purchase_frequency_state_combine,
    MINVFUNC = @extschema@.purchase_frequency_state_uncombine,
    MSTYPE = @extschema@.purchase_frequency_state,
    MFINALFUNC = @extschema@.purchase_frequency_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.purchase_frequency(@extschema@.purchase_frequency_state) IS
    'Purchase frequency, orders per distinct customer, merging stored purchase_frequency_state values';

CREATE TYPE @extschema@.time_between_purchases_state;

CREATE FUNCTION @extschema@.time_between_purchases_state_in(pg_catalog.cstring)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.time_between_purchases_state_out(@extschema@.time_between_purchases_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'time_between_purchases_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.time_between_purchases_state_recv(pg_catalog.internal)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.time_between_purchases_state_send(@extschema@.time_between_purchases_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'time_between_purchases_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.time_between_purchases_state (
    INPUT = @extschema@.time_between_purchases_state_in,
    OUTPUT = @extschema@.time_between_purchases_state_out,
    RECEIVE = @extschema@.time_between_purchases_state_recv,
    SEND = @extschema@.time_between_purchases_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.time_between_purchases_state IS
    'Partial time between purchases: the distinct customers with their order counts and first and last purchase times';
COMMENT ON FUNCTION @extschema@.time_between_purchases_state_in(pg_catalog.cstring) IS
    'Input function of time_between_purchases_state (validates everything)';
COMMENT ON FUNCTION @extschema@.time_between_purchases_state_out(@extschema@.time_between_purchases_state) IS
    'Output function of time_between_purchases_state';
COMMENT ON FUNCTION @extschema@.time_between_purchases_state_recv(pg_catalog.internal) IS
    'Binary input function of time_between_purchases_state (validates everything)';
COMMENT ON FUNCTION @extschema@.time_between_purchases_state_send(@extschema@.time_between_purchases_state) IS
    'Binary output function of time_between_purchases_state';

CREATE FUNCTION @extschema@.time_between_purchases_state_combine(@extschema@.time_between_purchases_state, @extschema@.time_between_purchases_state)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_state_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_state_combine(@extschema@.time_between_purchases_state, @extschema@.time_between_purchases_state) IS
    'Merges two time_between_purchases_state values (the combine function of every aggregate over time_between_purchases_state)';

CREATE FUNCTION @extschema@.time_between_purchases_state_uncombine(@extschema@.time_between_purchases_state, @extschema@.time_between_purchases_state)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_state_uncombine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_state_uncombine(@extschema@.time_between_purchases_state, @extschema@.time_between_purchases_state) IS
    'Removes the second time_between_purchases_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.time_between_purchases_state(@extschema@.time_between_purchases_state) (
    SFUNC = @extschema@.time_between_purchases_state_combine,
    STYPE = @extschema@.time_between_purchases_state,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_state_combine,
    MINVFUNC = @extschema@.time_between_purchases_state_uncombine,
    MSTYPE = @extschema@.time_between_purchases_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(@extschema@.time_between_purchases_state) IS
    'Merges stored time_between_purchases_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.time_between_purchases_final(@extschema@.time_between_purchases_state)
RETURNS pg_catalog.interval AS 'MODULE_PATHNAME', 'time_between_purchases_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_final(@extschema@.time_between_purchases_state) IS
    'Mean time between consecutive purchases, pooled over customers with 2 or more orders, from a time_between_purchases_state';

CREATE AGGREGATE @extschema@.time_between_purchases(@extschema@.time_between_purchases_state) (
    SFUNC = @extschema@.time_between_purchases_state_combine,
    STYPE = @extschema@.time_between_purchases_state,
    FINALFUNC = @extschema@.time_between_purchases_final,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_state_combine,
    MINVFUNC = @extschema@.time_between_purchases_state_uncombine,
    MSTYPE = @extschema@.time_between_purchases_state,
    MFINALFUNC = @extschema@.time_between_purchases_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases(@extschema@.time_between_purchases_state) IS
    'Mean time between consecutive purchases, pooled over customers with 2 or more orders, merging stored time_between_purchases_state values';

CREATE TYPE @extschema@.stickiness_state;

CREATE FUNCTION @extschema@.stickiness_state_in(pg_catalog.cstring)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.stickiness_state_out(@extschema@.stickiness_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'stickiness_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.stickiness_state_recv(pg_catalog.internal)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.stickiness_state_send(@extschema@.stickiness_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'stickiness_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.stickiness_state (
    INPUT = @extschema@.stickiness_state_in,
    OUTPUT = @extschema@.stickiness_state_out,
    RECEIVE = @extschema@.stickiness_state_recv,
    SEND = @extschema@.stickiness_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.stickiness_state IS
    'Partial stickiness: the distinct (user, active day) pairs with their row counts';
COMMENT ON FUNCTION @extschema@.stickiness_state_in(pg_catalog.cstring) IS
    'Input function of stickiness_state (validates everything)';
COMMENT ON FUNCTION @extschema@.stickiness_state_out(@extschema@.stickiness_state) IS
    'Output function of stickiness_state';
COMMENT ON FUNCTION @extschema@.stickiness_state_recv(pg_catalog.internal) IS
    'Binary input function of stickiness_state (validates everything)';
COMMENT ON FUNCTION @extschema@.stickiness_state_send(@extschema@.stickiness_state) IS
    'Binary output function of stickiness_state';

CREATE FUNCTION @extschema@.stickiness_state_combine(@extschema@.stickiness_state, @extschema@.stickiness_state)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_state_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_state_combine(@extschema@.stickiness_state, @extschema@.stickiness_state) IS
    'Merges two stickiness_state values (the combine function of every aggregate over stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_state_uncombine(@extschema@.stickiness_state, @extschema@.stickiness_state)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_state_uncombine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_state_uncombine(@extschema@.stickiness_state, @extschema@.stickiness_state) IS
    'Removes the second stickiness_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.stickiness_state(@extschema@.stickiness_state) (
    SFUNC = @extschema@.stickiness_state_combine,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_state_combine,
    MINVFUNC = @extschema@.stickiness_state_uncombine,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(@extschema@.stickiness_state) IS
    'Merges stored stickiness_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.stickiness_final(@extschema@.stickiness_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'stickiness_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_final(@extschema@.stickiness_state) IS
    'Stickiness, percent: mean daily active users / distinct users, from a stickiness_state';

CREATE AGGREGATE @extschema@.stickiness(@extschema@.stickiness_state) (
    SFUNC = @extschema@.stickiness_state_combine,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_state_combine,
    MINVFUNC = @extschema@.stickiness_state_uncombine,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(@extschema@.stickiness_state) IS
    'Stickiness, percent: mean daily active users / distinct users, merging stored stickiness_state values';

CREATE FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int4)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int4) IS
    'Adds a row (customer_id int4) to a repeat_purchase_ratio_state';

CREATE FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int4)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_inv_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int4) IS
    'Removes a row (customer_id int4) from a repeat_purchase_ratio_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.repeat_purchase_ratio(customer_id pg_catalog.int4) (
    SFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    STYPE = @extschema@.repeat_purchase_ratio_state,
    FINALFUNC = @extschema@.repeat_purchase_ratio_final,
    COMBINEFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MSFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    MINVFUNC = @extschema@.repeat_purchase_ratio_inv,
    MSTYPE = @extschema@.repeat_purchase_ratio_state,
    MFINALFUNC = @extschema@.repeat_purchase_ratio_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio(customer_id pg_catalog.int4) IS
    'Repeat purchase ratio (percent) of order rows: 100 * customers with 2 or more rows / distinct customers';

CREATE AGGREGATE @extschema@.repeat_purchase_ratio_state(customer_id pg_catalog.int4) (
    SFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    STYPE = @extschema@.repeat_purchase_ratio_state,
    COMBINEFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MSFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    MINVFUNC = @extschema@.repeat_purchase_ratio_inv,
    MSTYPE = @extschema@.repeat_purchase_ratio_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio_state(customer_id pg_catalog.int4) IS
    'The repeat_purchase_ratio_state of rows (customer_id int4), for rollups: store it, then read the metric with its aggregate over repeat_purchase_ratio_state, or merge states with repeat_purchase_ratio_state(repeat_purchase_ratio_state)';

CREATE FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int8)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int8) IS
    'Adds a row (customer_id int8) to a repeat_purchase_ratio_state';

CREATE FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int8)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int8) IS
    'Removes a row (customer_id int8) from a repeat_purchase_ratio_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.repeat_purchase_ratio(customer_id pg_catalog.int8) (
    SFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    STYPE = @extschema@.repeat_purchase_ratio_state,
    FINALFUNC = @extschema@.repeat_purchase_ratio_final,
    COMBINEFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MSFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    MINVFUNC = @extschema@.repeat_purchase_ratio_inv,
    MSTYPE = @extschema@.repeat_purchase_ratio_state,
    MFINALFUNC = @extschema@.repeat_purchase_ratio_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio(customer_id pg_catalog.int8) IS
    'Repeat purchase ratio (percent) of order rows: 100 * customers with 2 or more rows / distinct customers';

CREATE AGGREGATE @extschema@.repeat_purchase_ratio_state(customer_id pg_catalog.int8) (
    SFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    STYPE = @extschema@.repeat_purchase_ratio_state,
    COMBINEFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MSFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    MINVFUNC = @extschema@.repeat_purchase_ratio_inv,
    MSTYPE = @extschema@.repeat_purchase_ratio_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio_state(customer_id pg_catalog.int8) IS
    'The repeat_purchase_ratio_state of rows (customer_id int8), for rollups: store it, then read the metric with its aggregate over repeat_purchase_ratio_state, or merge states with repeat_purchase_ratio_state(repeat_purchase_ratio_state)';

CREATE FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.text)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.text) IS
    'Adds a row (customer_id text) to a repeat_purchase_ratio_state';

CREATE FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.text)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_inv_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.text) IS
    'Removes a row (customer_id text) from a repeat_purchase_ratio_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.repeat_purchase_ratio(customer_id pg_catalog.text) (
    SFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    STYPE = @extschema@.repeat_purchase_ratio_state,
    FINALFUNC = @extschema@.repeat_purchase_ratio_final,
    COMBINEFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MSFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    MINVFUNC = @extschema@.repeat_purchase_ratio_inv,
    MSTYPE = @extschema@.repeat_purchase_ratio_state,
    MFINALFUNC = @extschema@.repeat_purchase_ratio_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio(customer_id pg_catalog.text) IS
    'Repeat purchase ratio (percent) of order rows: 100 * customers with 2 or more rows / distinct customers';

CREATE AGGREGATE @extschema@.repeat_purchase_ratio_state(customer_id pg_catalog.text) (
    SFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    STYPE = @extschema@.repeat_purchase_ratio_state,
    COMBINEFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MSFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    MINVFUNC = @extschema@.repeat_purchase_ratio_inv,
    MSTYPE = @extschema@.repeat_purchase_ratio_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio_state(customer_id pg_catalog.text) IS
    'The repeat_purchase_ratio_state of rows (customer_id text), for rollups: store it, then read the metric with its aggregate over repeat_purchase_ratio_state, or merge states with repeat_purchase_ratio_state(repeat_purchase_ratio_state)';

CREATE FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.uuid)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.uuid) IS
    'Adds a row (customer_id uuid) to a repeat_purchase_ratio_state';

CREATE FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.uuid)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_inv_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.uuid) IS
    'Removes a row (customer_id uuid) from a repeat_purchase_ratio_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.repeat_purchase_ratio(customer_id pg_catalog.uuid) (
    SFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    STYPE = @extschema@.repeat_purchase_ratio_state,
    FINALFUNC = @extschema@.repeat_purchase_ratio_final,
    COMBINEFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MSFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    MINVFUNC = @extschema@.repeat_purchase_ratio_inv,
    MSTYPE = @extschema@.repeat_purchase_ratio_state,
    MFINALFUNC = @extschema@.repeat_purchase_ratio_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio(customer_id pg_catalog.uuid) IS
    'Repeat purchase ratio (percent) of order rows: 100 * customers with 2 or more rows / distinct customers';

CREATE AGGREGATE @extschema@.repeat_purchase_ratio_state(customer_id pg_catalog.uuid) (
    SFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    STYPE = @extschema@.repeat_purchase_ratio_state,
    COMBINEFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MSFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    MINVFUNC = @extschema@.repeat_purchase_ratio_inv,
    MSTYPE = @extschema@.repeat_purchase_ratio_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio_state(customer_id pg_catalog.uuid) IS
    'The repeat_purchase_ratio_state of rows (customer_id uuid), for rollups: store it, then read the metric with its aggregate over repeat_purchase_ratio_state, or merge states with repeat_purchase_ratio_state(repeat_purchase_ratio_state)';

CREATE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int4, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int4, min_orders pg_catalog.int4) IS
    'Adds a row (customer_id int4, min_orders int4) to a loyal_customer_rate_state';

CREATE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int4, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int4, min_orders pg_catalog.int4) IS
    'Removes a row (customer_id int4, min_orders int4) from a loyal_customer_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.int4, min_orders pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.int4, min_orders pg_catalog.int4) IS
    'Loyal customer rate (percent) of order rows: 100 * customers with at least min_orders rows / distinct customers';

CREATE AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.int4, min_orders pg_catalog.int4) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.int4, min_orders pg_catalog.int4) IS
    'The loyal_customer_rate_state of rows (customer_id int4, min_orders int4), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';

CREATE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int8, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int8, min_orders pg_catalog.int4) IS
    'Adds a row (customer_id int8, min_orders int4) to a loyal_customer_rate_state';

CREATE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int8, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int8, min_orders pg_catalog.int4) IS
    'Removes a row (customer_id int8, min_orders int4) from a loyal_customer_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.int8, min_orders pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.int8, min_orders pg_catalog.int4) IS
    'Loyal customer rate (percent) of order rows: 100 * customers with at least min_orders rows / distinct customers';

CREATE AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.int8, min_orders pg_catalog.int4) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.int8, min_orders pg_catalog.int4) IS
    'The loyal_customer_rate_state of rows (customer_id int8, min_orders int4), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';

CREATE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.text, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.text, min_orders pg_catalog.int4) IS
    'Adds a row (customer_id text, min_orders int4) to a loyal_customer_rate_state';

CREATE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.text, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.text, min_orders pg_catalog.int4) IS
    'Removes a row (customer_id text, min_orders int4) from a loyal_customer_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.text, min_orders pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.text, min_orders pg_catalog.int4) IS
    'Loyal customer rate (percent) of order rows: 100 * customers with at least min_orders rows / distinct customers';

CREATE AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.text, min_orders pg_catalog.int4) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.text, min_orders pg_catalog.int4) IS
    'The loyal_customer_rate_state of rows (customer_id text, min_orders int4), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';

CREATE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.uuid, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.uuid, min_orders pg_catalog.int4) IS
    'Adds a row (customer_id uuid, min_orders int4) to a loyal_customer_rate_state';

CREATE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.uuid, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.uuid, min_orders pg_catalog.int4) IS
    'Removes a row (customer_id uuid, min_orders int4) from a loyal_customer_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.uuid, min_orders pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.uuid, min_orders pg_catalog.int4) IS
    'Loyal customer rate (percent) of order rows: 100 * customers with at least min_orders rows / distinct customers';

CREATE AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.uuid, min_orders pg_catalog.int4) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.uuid, min_orders pg_catalog.int4) IS
    'The loyal_customer_rate_state of rows (customer_id uuid, min_orders int4), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';

CREATE FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.int4)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.int4) IS
    'Adds a row (customer_id int4) to a purchase_frequency_state';

CREATE FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.int4)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_inv_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.int4) IS
    'Removes a row (customer_id int4) from a purchase_frequency_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.purchase_frequency(customer_id pg_catalog.int4) (
    SFUNC = @extschema@.purchase_frequency_sfunc,
    STYPE = @extschema@.purchase_frequency_state,
    FINALFUNC = @extschema@.purchase_frequency_final,
    COMBINEFUNC = @extschema@.purchase_frequency_state_combine,
    MSFUNC = @extschema@.purchase_frequency_sfunc,
    MINVFUNC = @extschema@.purchase_frequency_inv,
    MSTYPE = @extschema@.purchase_frequency_state,
    MFINALFUNC = @extschema@.purchase_frequency_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.purchase_frequency(customer_id pg_catalog.int4) IS
    'Purchase frequency of order rows: rows / distinct customers';

CREATE AGGREGATE @extschema@.purchase_frequency_state(customer_id pg_catalog.int4) (
    SFUNC = @extschema@.purchase_frequency_sfunc,
    STYPE = @extschema@.purchase_frequency_state,
    COMBINEFUNC = @extschema@.purchase_frequency_state_combine,
    MSFUNC = @extschema@.purchase_frequency_sfunc,
    MINVFUNC = @extschema@.purchase_frequency_inv,
    MSTYPE = @extschema@.purchase_frequency_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.purchase_frequency_state(customer_id pg_catalog.int4) IS
    'The purchase_frequency_state of rows (customer_id int4), for rollups: store it, then read the metric with its aggregate over purchase_frequency_state, or merge states with purchase_frequency_state(purchase_frequency_state)';

CREATE FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.int8)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.int8) IS
    'Adds a row (customer_id int8) to a purchase_frequency_state';

CREATE FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.int8)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.int8) IS
    'Removes a row (customer_id int8) from a purchase_frequency_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.purchase_frequency(customer_id pg_catalog.int8) (
    SFUNC = @extschema@.purchase_frequency_sfunc,
    STYPE = @extschema@.purchase_frequency_state,
    FINALFUNC = @extschema@.purchase_frequency_final,
    COMBINEFUNC = @extschema@.purchase_frequency_state_combine,
    MSFUNC = @extschema@.purchase_frequency_sfunc,
    MINVFUNC = @extschema@.purchase_frequency_inv,
    MSTYPE = @extschema@.purchase_frequency_state,
    MFINALFUNC = @extschema@.purchase_frequency_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.purchase_frequency(customer_id pg_catalog.int8) IS
    'Purchase frequency of order rows: rows / distinct customers';

CREATE AGGREGATE @extschema@.purchase_frequency_state(customer_id pg_catalog.int8) (
    SFUNC = @extschema@.purchase_frequency_sfunc,
    STYPE = @extschema@.purchase_frequency_state,
    COMBINEFUNC = @extschema@.purchase_frequency_state_combine,
    MSFUNC = @extschema@.purchase_frequency_sfunc,
    MINVFUNC = @extschema@.purchase_frequency_inv,
    MSTYPE = @extschema@.purchase_frequency_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.purchase_frequency_state(customer_id pg_catalog.int8) IS
    'The purchase_frequency_state of rows (customer_id int8), for rollups: store it, then read the metric with its aggregate over purchase_frequency_state, or merge states with purchase_frequency_state(purchase_frequency_state)';

CREATE FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.text)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.text) IS
    'Adds a row (customer_id text) to a purchase_frequency_state';

CREATE FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.text)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_inv_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.text) IS
    'Removes a row (customer_id text) from a purchase_frequency_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.purchase_frequency(customer_id pg_catalog.text) (
    SFUNC = @extschema@.purchase_frequency_sfunc,
    STYPE = @extschema@.purchase_frequency_state,
    FINALFUNC = @extschema@.purchase_frequency_final,
    COMBINEFUNC = @extschema@.purchase_frequency_state_combine,
    MSFUNC = @extschema@.purchase_frequency_sfunc,
    MINVFUNC = @extschema@.purchase_frequency_inv,
    MSTYPE = @extschema@.purchase_frequency_state,
    MFINALFUNC = @extschema@.purchase_frequency_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.purchase_frequency(customer_id pg_catalog.text) IS
    'Purchase frequency of order rows: rows / distinct customers';

CREATE AGGREGATE @extschema@.purchase_frequency_state(customer_id pg_catalog.text) (
    SFUNC = @extschema@.purchase_frequency_sfunc,
    STYPE = @extschema@.purchase_frequency_state,
    COMBINEFUNC = @extschema@.purchase_frequency_state_combine,
    MSFUNC = @extschema@.purchase_frequency_sfunc,
    MINVFUNC = @extschema@.purchase_frequency_inv,
    MSTYPE = @extschema@.purchase_frequency_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.purchase_frequency_state(customer_id pg_catalog.text) IS
    'The purchase_frequency_state of rows (customer_id text), for rollups: store it, then read the metric with its aggregate over purchase_frequency_state, or merge states with purchase_frequency_state(purchase_frequency_state)';

CREATE FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.uuid)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.uuid) IS
    'Adds a row (customer_id uuid) to a purchase_frequency_state';

CREATE FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.uuid)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_inv_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.uuid) IS
    'Removes a row (customer_id uuid) from a purchase_frequency_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.purchase_frequency(customer_id pg_catalog.uuid) (
    SFUNC = @extschema@.purchase_frequency_sfunc,
    STYPE = @extschema@.purchase_frequency_state,
    FINALFUNC = @extschema@.purchase_frequency_final,
    COMBINEFUNC = @extschema@.purchase_frequency_state_combine,
    MSFUNC = @extschema@.purchase_frequency_sfunc,
    MINVFUNC = @extschema@.purchase_frequency_inv,
    MSTYPE = @extschema@.purchase_frequency_state,
    MFINALFUNC = @extschema@.purchase_frequency_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.purchase_frequency(customer_id pg_catalog.uuid) IS
    'Purchase frequency of order rows: rows / distinct customers';

CREATE AGGREGATE @extschema@.purchase_frequency_state(customer_id pg_catalog.uuid) (
    SFUNC = @extschema@.purchase_frequency_sfunc,
    STYPE = @extschema@.purchase_frequency_state,
    COMBINEFUNC = @extschema@.purchase_frequency_state_combine,
    MSFUNC = @extschema@.purchase_frequency_sfunc,
    MINVFUNC = @extschema@.purchase_frequency_inv,
    MSTYPE = @extschema@.purchase_frequency_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.purchase_frequency_state(customer_id pg_catalog.uuid) IS
    'The purchase_frequency_state of rows (customer_id uuid), for rollups: store it, then read the metric with its aggregate over purchase_frequency_state, or merge states with purchase_frequency_state(purchase_frequency_state)';

CREATE FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz) IS
    'Adds a row (customer_id int4, purchased_at timestamptz) to a time_between_purchases_state';

CREATE FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_inv_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz) IS
    'Removes a row (customer_id int4, purchased_at timestamptz) from a time_between_purchases_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.time_between_purchases_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    FINALFUNC = @extschema@.time_between_purchases_final,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    MFINALFUNC = @extschema@.time_between_purchases_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz) IS
    'Mean time between a customer''s consecutive purchases, pooled: sum(last - first) / sum(orders - 1) over customers with 2 or more orders';

CREATE AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.time_between_purchases_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz) IS
    'The time_between_purchases_state of rows (customer_id int4, purchased_at timestamptz), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';

CREATE FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz) IS
    'Adds a row (customer_id int8, purchased_at timestamptz) to a time_between_purchases_state';

CREATE FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz) IS
    'Removes a row (customer_id int8, purchased_at timestamptz) from a time_between_purchases_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.time_between_purchases_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    FINALFUNC = @extschema@.time_between_purchases_final,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    MFINALFUNC = @extschema@.time_between_purchases_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz) IS
    'Mean time between a customer''s consecutive purchases, pooled: sum(last - first) / sum(orders - 1) over customers with 2 or more orders';

CREATE AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.time_between_purchases_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz) IS
    'The time_between_purchases_state of rows (customer_id int8, purchased_at timestamptz), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';

CREATE FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz) IS
    'Adds a row (customer_id text, purchased_at timestamptz) to a time_between_purchases_state';

CREATE FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_inv_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz) IS
    'Removes a row (customer_id text, purchased_at timestamptz) from a time_between_purchases_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.time_between_purchases_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    FINALFUNC = @extschema@.time_between_purchases_final,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    MFINALFUNC = @extschema@.time_between_purchases_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz) IS
    'Mean time between a customer''s consecutive purchases, pooled: sum(last - first) / sum(orders - 1) over customers with 2 or more orders';

CREATE AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.time_between_purchases_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz) IS
    'The time_between_purchases_state of rows (customer_id text, purchased_at timestamptz), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';

CREATE FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz) IS
    'Adds a row (customer_id uuid, purchased_at timestamptz) to a time_between_purchases_state';

CREATE FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_inv_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz) IS
    'Removes a row (customer_id uuid, purchased_at timestamptz) from a time_between_purchases_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.time_between_purchases_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    FINALFUNC = @extschema@.time_between_purchases_final,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    MFINALFUNC = @extschema@.time_between_purchases_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz) IS
    'Mean time between a customer''s consecutive purchases, pooled: sum(last - first) / sum(orders - 1) over customers with 2 or more orders';

CREATE AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.time_between_purchases_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz) IS
    'The time_between_purchases_state of rows (customer_id uuid, purchased_at timestamptz), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';

CREATE FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int4, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int4, purchased_on pg_catalog.date) IS
    'Adds a row (customer_id int4, purchased_on date) to a time_between_purchases_state';

CREATE FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int4, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_inv_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int4, purchased_on pg_catalog.date) IS
    'Removes a row (customer_id int4, purchased_on date) from a time_between_purchases_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.int4, purchased_on pg_catalog.date) (
    SFUNC = @extschema@.time_between_purchases_date_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    FINALFUNC = @extschema@.time_between_purchases_final,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_date_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_date_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    MFINALFUNC = @extschema@.time_between_purchases_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.int4, purchased_on pg_catalog.date) IS
    'Mean time between a customer''s consecutive purchase dates, pooled: sum(last - first) / sum(orders - 1) over customers with 2 or more orders';

CREATE AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.int4, purchased_on pg_catalog.date) (
    SFUNC = @extschema@.time_between_purchases_date_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_date_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_date_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.int4, purchased_on pg_catalog.date) IS
    'The time_between_purchases_state of rows (customer_id int4, purchased_on date), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';

CREATE FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int8, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int8, purchased_on pg_catalog.date) IS
    'Adds a row (customer_id int8, purchased_on date) to a time_between_purchases_state';

CREATE FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int8, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int8, purchased_on pg_catalog.date) IS
    'Removes a row (customer_id int8, purchased_on date) from a time_between_purchases_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.int8, purchased_on pg_catalog.date) (
    SFUNC = @extschema@.time_between_purchases_date_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    FINALFUNC = @extschema@.time_between_purchases_final,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_date_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_date_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    MFINALFUNC = @extschema@.time_between_purchases_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.int8, purchased_on pg_catalog.date) IS
    'Mean time between a customer''s consecutive purchase dates, pooled: sum(last - first) / sum(orders - 1) over customers with 2 or more orders';

CREATE AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.int8, purchased_on pg_catalog.date) (
    SFUNC = @extschema@.time_between_purchases_date_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_date_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_date_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.int8, purchased_on pg_catalog.date) IS
    'The time_between_purchases_state of rows (customer_id int8, purchased_on date), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';

CREATE FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.text, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.text, purchased_on pg_catalog.date) IS
    'Adds a row (customer_id text, purchased_on date) to a time_between_purchases_state';

CREATE FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.text, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_inv_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.text, purchased_on pg_catalog.date) IS
    'Removes a row (customer_id text, purchased_on date) from a time_between_purchases_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.text, purchased_on pg_catalog.date) (
    SFUNC = @extschema@.time_between_purchases_date_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    FINALFUNC = @extschema@.time_between_purchases_final,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_date_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_date_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    MFINALFUNC = @extschema@.time_between_purchases_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.text, purchased_on pg_catalog.date) IS
    'Mean time between a customer''s consecutive purchase dates, pooled: sum(last - first) / sum(orders - 1) over customers with 2 or more orders';

CREATE AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.text, purchased_on pg_catalog.date) (
    SFUNC = @extschema@.time_between_purchases_date_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_date_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_date_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.text, purchased_on pg_catalog.date) IS
    'The time_between_purchases_state of rows (customer_id text, purchased_on date), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';

CREATE FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.uuid, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.uuid, purchased_on pg_catalog.date) IS
    'Adds a row (customer_id uuid, purchased_on date) to a time_between_purchases_state';

CREATE FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.uuid, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_inv_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.uuid, purchased_on pg_catalog.date) IS
    'Removes a row (customer_id uuid, purchased_on date) from a time_between_purchases_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.uuid, purchased_on pg_catalog.date) (
    SFUNC = @extschema@.time_between_purchases_date_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    FINALFUNC = @extschema@.time_between_purchases_final,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_date_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_date_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    MFINALFUNC = @extschema@.time_between_purchases_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.uuid, purchased_on pg_catalog.date) IS
    'Mean time between a customer''s consecutive purchase dates, pooled: sum(last - first) / sum(orders - 1) over customers with 2 or more orders';

CREATE AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.uuid, purchased_on pg_catalog.date) (
    SFUNC = @extschema@.time_between_purchases_date_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_date_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_date_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.uuid, purchased_on pg_catalog.date) IS
    'The time_between_purchases_state of rows (customer_id uuid, purchased_on date), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int4, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int4, active_on pg_catalog.date) IS
    'Adds a row (user_id int4, active_on date) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int4, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_inv_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int4, active_on pg_catalog.date) IS
    'Removes a row (user_id int4, active_on date) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.int4, active_on pg_catalog.date) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.int4, active_on pg_catalog.date) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int4, active_on pg_catalog.date) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int4, active_on pg_catalog.date) IS
    'The stickiness_state of rows (user_id int4, active_on date), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int8, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int8, active_on pg_catalog.date) IS
    'Adds a row (user_id int8, active_on date) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int8, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int8, active_on pg_catalog.date) IS
    'Removes a row (user_id int8, active_on date) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.int8, active_on pg_catalog.date) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.int8, active_on pg_catalog.date) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int8, active_on pg_catalog.date) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int8, active_on pg_catalog.date) IS
    'The stickiness_state of rows (user_id int8, active_on date), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.text, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.text, active_on pg_catalog.date) IS
    'Adds a row (user_id text, active_on date) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.text, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_inv_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.text, active_on pg_catalog.date) IS
    'Removes a row (user_id text, active_on date) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.text, active_on pg_catalog.date) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.text, active_on pg_catalog.date) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.text, active_on pg_catalog.date) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.text, active_on pg_catalog.date) IS
    'The stickiness_state of rows (user_id text, active_on date), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.uuid, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.uuid, active_on pg_catalog.date) IS
    'Adds a row (user_id uuid, active_on date) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.uuid, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_inv_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.uuid, active_on pg_catalog.date) IS
    'Removes a row (user_id uuid, active_on date) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.uuid, active_on pg_catalog.date) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    FINALFUNC = @extschema@.stickiness_final,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    MFINALFUNC = @extschema@.stickiness_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.uuid, active_on pg_catalog.date) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.uuid, active_on pg_catalog.date) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.uuid, active_on pg_catalog.date) IS
    'The stickiness_state of rows (user_id uuid, active_on date), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE TYPE @extschema@.return_rate_state;

CREATE FUNCTION @extschema@.return_rate_state_in(pg_catalog.cstring)
RETURNS @extschema@.return_rate_state AS 'MODULE_PATHNAME', 'return_rate_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.return_rate_state_out(@extschema@.return_rate_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'return_rate_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.return_rate_state_recv(pg_catalog.internal)
RETURNS @extschema@.return_rate_state AS 'MODULE_PATHNAME', 'return_rate_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.return_rate_state_send(@extschema@.return_rate_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'return_rate_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.return_rate_state (
    INPUT = @extschema@.return_rate_state_in,
    OUTPUT = @extschema@.return_rate_state_out,
    RECEIVE = @extschema@.return_rate_state_recv,
    SEND = @extschema@.return_rate_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.return_rate_state IS
    'Partial return rate: units (or lines) sold and returned';
COMMENT ON FUNCTION @extschema@.return_rate_state_in(pg_catalog.cstring) IS
    'Input function of return_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.return_rate_state_out(@extschema@.return_rate_state) IS
    'Output function of return_rate_state';
COMMENT ON FUNCTION @extschema@.return_rate_state_recv(pg_catalog.internal) IS
    'Binary input function of return_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.return_rate_state_send(@extschema@.return_rate_state) IS
    'Binary output function of return_rate_state';

CREATE FUNCTION @extschema@.return_rate_state_combine(@extschema@.return_rate_state, @extschema@.return_rate_state)
RETURNS @extschema@.return_rate_state AS 'MODULE_PATHNAME', 'return_rate_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.return_rate_state_combine(@extschema@.return_rate_state, @extschema@.return_rate_state) IS
    'Merges two return_rate_state values (the combine function of every aggregate over return_rate_state)';

CREATE FUNCTION @extschema@.return_rate_state_uncombine(@extschema@.return_rate_state, @extschema@.return_rate_state)
RETURNS @extschema@.return_rate_state AS 'MODULE_PATHNAME', 'return_rate_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.return_rate_state_uncombine(@extschema@.return_rate_state, @extschema@.return_rate_state) IS
    'Removes the second return_rate_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.return_rate_state(@extschema@.return_rate_state) (
    SFUNC = @extschema@.return_rate_state_combine,
    STYPE = @extschema@.return_rate_state,
    COMBINEFUNC = @extschema@.return_rate_state_combine,
    MSFUNC = @extschema@.return_rate_state_combine,
    MINVFUNC = @extschema@.return_rate_state_uncombine,
    MSTYPE = @extschema@.return_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.return_rate_state(@extschema@.return_rate_state) IS
    'Merges stored return_rate_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.return_rate_final(@extschema@.return_rate_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'return_rate_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.return_rate_final(@extschema@.return_rate_state) IS
    'Return rate, percent of units returned, from a return_rate_state';

CREATE AGGREGATE @extschema@.return_rate(@extschema@.return_rate_state) (
    SFUNC = @extschema@.return_rate_state_combine,
    STYPE = @extschema@.return_rate_state,
    FINALFUNC = @extschema@.return_rate_final,
    COMBINEFUNC = @extschema@.return_rate_state_combine,
    MSFUNC = @extschema@.return_rate_state_combine,
    MINVFUNC = @extschema@.return_rate_state_uncombine,
    MSTYPE = @extschema@.return_rate_state,
    MFINALFUNC = @extschema@.return_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.return_rate(@extschema@.return_rate_state) IS
    'Return rate, percent of units returned, merging stored return_rate_state values';

CREATE FUNCTION @extschema@.return_rate_sfunc(@extschema@.return_rate_state, units_sold pg_catalog.int8, units_returned pg_catalog.int8)
RETURNS @extschema@.return_rate_state AS 'MODULE_PATHNAME', 'return_rate_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.return_rate_sfunc(@extschema@.return_rate_state, units_sold pg_catalog.int8, units_returned pg_catalog.int8) IS
    'Adds a row (units_sold int8, units_returned int8) to a return_rate_state';

CREATE FUNCTION @extschema@.return_rate_inv(@extschema@.return_rate_state, units_sold pg_catalog.int8, units_returned pg_catalog.int8)
RETURNS @extschema@.return_rate_state AS 'MODULE_PATHNAME', 'return_rate_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.return_rate_inv(@extschema@.return_rate_state, units_sold pg_catalog.int8, units_returned pg_catalog.int8) IS
    'Removes a row (units_sold int8, units_returned int8) from a return_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.return_rate(units_sold pg_catalog.int8, units_returned pg_catalog.int8) (
    SFUNC = @extschema@.return_rate_sfunc,
    STYPE = @extschema@.return_rate_state,
    FINALFUNC = @extschema@.return_rate_final,
    COMBINEFUNC = @extschema@.return_rate_state_combine,
    MSFUNC = @extschema@.return_rate_sfunc,
    MINVFUNC = @extschema@.return_rate_inv,
    MSTYPE = @extschema@.return_rate_state,
    MFINALFUNC = @extschema@.return_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.return_rate(units_sold pg_catalog.int8, units_returned pg_catalog.int8) IS
    'Return rate (percent): 100 * sum(units_returned) / sum(units_sold)';

CREATE AGGREGATE @extschema@.return_rate_state(units_sold pg_catalog.int8, units_returned pg_catalog.int8) (
    SFUNC = @extschema@.return_rate_sfunc,
    STYPE = @extschema@.return_rate_state,
    COMBINEFUNC = @extschema@.return_rate_state_combine,
    MSFUNC = @extschema@.return_rate_sfunc,
    MINVFUNC = @extschema@.return_rate_inv,
    MSTYPE = @extschema@.return_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.return_rate_state(units_sold pg_catalog.int8, units_returned pg_catalog.int8) IS
    'The return_rate_state of rows (units_sold int8, units_returned int8), for rollups: store it, then read the metric with its aggregate over return_rate_state, or merge states with return_rate_state(return_rate_state)';

CREATE FUNCTION @extschema@.return_rate_bool_sfunc(@extschema@.return_rate_state, returned pg_catalog.bool)
RETURNS @extschema@.return_rate_state AS 'MODULE_PATHNAME', 'return_rate_bool_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.return_rate_bool_sfunc(@extschema@.return_rate_state, returned pg_catalog.bool) IS
    'Adds a row (returned bool) to a return_rate_state';

CREATE FUNCTION @extschema@.return_rate_bool_inv(@extschema@.return_rate_state, returned pg_catalog.bool)
RETURNS @extschema@.return_rate_state AS 'MODULE_PATHNAME', 'return_rate_bool_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.return_rate_bool_inv(@extschema@.return_rate_state, returned pg_catalog.bool) IS
    'Removes a row (returned bool) from a return_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.return_rate(returned pg_catalog.bool) (
    SFUNC = @extschema@.return_rate_bool_sfunc,
    STYPE = @extschema@.return_rate_state,
    FINALFUNC = @extschema@.return_rate_final,
    COMBINEFUNC = @extschema@.return_rate_state_combine,
    MSFUNC = @extschema@.return_rate_bool_sfunc,
    MINVFUNC = @extschema@.return_rate_bool_inv,
    MSTYPE = @extschema@.return_rate_state,
    MFINALFUNC = @extschema@.return_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.return_rate(returned pg_catalog.bool) IS
    'Return rate (percent) of order lines: 100 * returned lines / non-NULL lines';

CREATE AGGREGATE @extschema@.return_rate_state(returned pg_catalog.bool) (
    SFUNC = @extschema@.return_rate_bool_sfunc,
    STYPE = @extschema@.return_rate_state,
    COMBINEFUNC = @extschema@.return_rate_state_combine,
    MSFUNC = @extschema@.return_rate_bool_sfunc,
    MINVFUNC = @extschema@.return_rate_bool_inv,
    MSTYPE = @extschema@.return_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.return_rate_state(returned pg_catalog.bool) IS
    'The return_rate_state of rows (returned bool), for rollups: store it, then read the metric with its aggregate over return_rate_state, or merge states with return_rate_state(return_rate_state)';

CREATE TYPE @extschema@.conversion_rate_state;

CREATE FUNCTION @extschema@.conversion_rate_state_in(pg_catalog.cstring)
RETURNS @extschema@.conversion_rate_state AS 'MODULE_PATHNAME', 'conversion_rate_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.conversion_rate_state_out(@extschema@.conversion_rate_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'conversion_rate_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.conversion_rate_state_recv(pg_catalog.internal)
RETURNS @extschema@.conversion_rate_state AS 'MODULE_PATHNAME', 'conversion_rate_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.conversion_rate_state_send(@extschema@.conversion_rate_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'conversion_rate_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.conversion_rate_state (
    INPUT = @extschema@.conversion_rate_state_in,
    OUTPUT = @extschema@.conversion_rate_state_out,
    RECEIVE = @extschema@.conversion_rate_state_recv,
    SEND = @extschema@.conversion_rate_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.conversion_rate_state IS
    'Partial conversion rate: visitors and conversions';
COMMENT ON FUNCTION @extschema@.conversion_rate_state_in(pg_catalog.cstring) IS
    'Input function of conversion_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.conversion_rate_state_out(@extschema@.conversion_rate_state) IS
    'Output function of conversion_rate_state';
COMMENT ON FUNCTION @extschema@.conversion_rate_state_recv(pg_catalog.internal) IS
    'Binary input function of conversion_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.conversion_rate_state_send(@extschema@.conversion_rate_state) IS
    'Binary output function of conversion_rate_state';

CREATE FUNCTION @extschema@.conversion_rate_state_combine(@extschema@.conversion_rate_state, @extschema@.conversion_rate_state)
RETURNS @extschema@.conversion_rate_state AS 'MODULE_PATHNAME', 'conversion_rate_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.conversion_rate_state_combine(@extschema@.conversion_rate_state, @extschema@.conversion_rate_state) IS
    'Merges two conversion_rate_state values (the combine function of every aggregate over conversion_rate_state)';

CREATE FUNCTION @extschema@.conversion_rate_state_uncombine(@extschema@.conversion_rate_state, @extschema@.conversion_rate_state)
RETURNS @extschema@.conversion_rate_state AS 'MODULE_PATHNAME', 'conversion_rate_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.conversion_rate_state_uncombine(@extschema@.conversion_rate_state, @extschema@.conversion_rate_state) IS
    'Removes the second conversion_rate_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.conversion_rate_state(@extschema@.conversion_rate_state) (
    SFUNC = @extschema@.conversion_rate_state_combine,
    STYPE = @extschema@.conversion_rate_state,
    COMBINEFUNC = @extschema@.conversion_rate_state_combine,
    MSFUNC = @extschema@.conversion_rate_state_combine,
    MINVFUNC = @extschema@.conversion_rate_state_uncombine,
    MSTYPE = @extschema@.conversion_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.conversion_rate_state(@extschema@.conversion_rate_state) IS
    'Merges stored conversion_rate_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.conversion_rate_final(@extschema@.conversion_rate_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'conversion_rate_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.conversion_rate_final(@extschema@.conversion_rate_state) IS
    'Conversion rate, percent of visitors who converted, from a conversion_rate_state';

CREATE AGGREGATE @extschema@.conversion_rate(@extschema@.conversion_rate_state) (
    SFUNC = @extschema@.conversion_rate_state_combine,
    STYPE = @extschema@.conversion_rate_state,
    FINALFUNC = @extschema@.conversion_rate_final,
    COMBINEFUNC = @extschema@.conversion_rate_state_combine,
    MSFUNC = @extschema@.conversion_rate_state_combine,
    MINVFUNC = @extschema@.conversion_rate_state_uncombine,
    MSTYPE = @extschema@.conversion_rate_state,
    MFINALFUNC = @extschema@.conversion_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.conversion_rate(@extschema@.conversion_rate_state) IS
    'Conversion rate, percent of visitors who converted, merging stored conversion_rate_state values';

CREATE FUNCTION @extschema@.conversion_rate_bool_sfunc(@extschema@.conversion_rate_state, converted pg_catalog.bool)
RETURNS @extschema@.conversion_rate_state AS 'MODULE_PATHNAME', 'conversion_rate_bool_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.conversion_rate_bool_sfunc(@extschema@.conversion_rate_state, converted pg_catalog.bool) IS
    'Adds a row (converted bool) to a conversion_rate_state';

CREATE FUNCTION @extschema@.conversion_rate_bool_inv(@extschema@.conversion_rate_state, converted pg_catalog.bool)
RETURNS @extschema@.conversion_rate_state AS 'MODULE_PATHNAME', 'conversion_rate_bool_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.conversion_rate_bool_inv(@extschema@.conversion_rate_state, converted pg_catalog.bool) IS
    'Removes a row (converted bool) from a conversion_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.conversion_rate(converted pg_catalog.bool) (
    SFUNC = @extschema@.conversion_rate_bool_sfunc,
    STYPE = @extschema@.conversion_rate_state,
    FINALFUNC = @extschema@.conversion_rate_final,
    COMBINEFUNC = @extschema@.conversion_rate_state_combine,
    MSFUNC = @extschema@.conversion_rate_bool_sfunc,
    MINVFUNC = @extschema@.conversion_rate_bool_inv,
    MSTYPE = @extschema@.conversion_rate_state,
    MFINALFUNC = @extschema@.conversion_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.conversion_rate(converted pg_catalog.bool) IS
    'Conversion rate (percent): 100 * true / non-NULL';

CREATE AGGREGATE @extschema@.conversion_rate_state(converted pg_catalog.bool) (
    SFUNC = @extschema@.conversion_rate_bool_sfunc,
    STYPE = @extschema@.conversion_rate_state,
    COMBINEFUNC = @extschema@.conversion_rate_state_combine,
    MSFUNC = @extschema@.conversion_rate_bool_sfunc,
    MINVFUNC = @extschema@.conversion_rate_bool_inv,
    MSTYPE = @extschema@.conversion_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.conversion_rate_state(converted pg_catalog.bool) IS
    'The conversion_rate_state of rows (converted bool), for rollups: store it, then read the metric with its aggregate over conversion_rate_state, or merge states with conversion_rate_state(conversion_rate_state)';

CREATE FUNCTION @extschema@.conversion_rate_sfunc(@extschema@.conversion_rate_state, conversions pg_catalog.int8, visitors pg_catalog.int8)
RETURNS @extschema@.conversion_rate_state AS 'MODULE_PATHNAME', 'conversion_rate_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.conversion_rate_sfunc(@extschema@.conversion_rate_state, conversions pg_catalog.int8, visitors pg_catalog.int8) IS
    'Adds a row (conversions int8, visitors int8) to a conversion_rate_state';

CREATE FUNCTION @extschema@.conversion_rate_inv(@extschema@.conversion_rate_state, conversions pg_catalog.int8, visitors pg_catalog.int8)
RETURNS @extschema@.conversion_rate_state AS 'MODULE_PATHNAME', 'conversion_rate_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.conversion_rate_inv(@extschema@.conversion_rate_state, conversions pg_catalog.int8, visitors pg_catalog.int8) IS
    'Removes a row (conversions int8, visitors int8) from a conversion_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.conversion_rate(conversions pg_catalog.int8, visitors pg_catalog.int8) (
    SFUNC = @extschema@.conversion_rate_sfunc,
    STYPE = @extschema@.conversion_rate_state,
    FINALFUNC = @extschema@.conversion_rate_final,
    COMBINEFUNC = @extschema@.conversion_rate_state_combine,
    MSFUNC = @extschema@.conversion_rate_sfunc,
    MINVFUNC = @extschema@.conversion_rate_inv,
    MSTYPE = @extschema@.conversion_rate_state,
    MFINALFUNC = @extschema@.conversion_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.conversion_rate(conversions pg_catalog.int8, visitors pg_catalog.int8) IS
    'Conversion rate (percent) of pre-aggregated rows: 100 * sum(conversions) / sum(visitors)';

CREATE AGGREGATE @extschema@.conversion_rate_state(conversions pg_catalog.int8, visitors pg_catalog.int8) (
    SFUNC = @extschema@.conversion_rate_sfunc,
    STYPE = @extschema@.conversion_rate_state,
    COMBINEFUNC = @extschema@.conversion_rate_state_combine,
    MSFUNC = @extschema@.conversion_rate_sfunc,
    MINVFUNC = @extschema@.conversion_rate_inv,
    MSTYPE = @extschema@.conversion_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.conversion_rate_state(conversions pg_catalog.int8, visitors pg_catalog.int8) IS
    'The conversion_rate_state of rows (conversions int8, visitors int8), for rollups: store it, then read the metric with its aggregate over conversion_rate_state, or merge states with conversion_rate_state(conversion_rate_state)';

