-- clv(customer_id, purchased_at, amount, horizon, model), new in 1.2: the
-- purchase model ('bgnbd', 'mbgnbd' or 'pareto_nbd') that clv fits with
-- Gamma-Gamma, as clv_fit(..., model) chooses it.  The model is a constant
-- of the group, recorded in the clv_state (so parallel workers, Citus and
-- stored states carry it; its text form says "model=NAME").  The transition
-- functions are the 4-argument forms' C entry points: they read the model
-- when there is a sixth argument.  STABLE as the 4-argument forms are (a
-- purchase counts as its day in the session TimeZone).

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Adds a row (customer_id int2, purchased_at timestamptz, amount float8, horizon interval, model text) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Removes a row (customer_id int2, purchased_at timestamptz, amount float8, horizon interval, model text) from a clv_state: the inverse transition, for sliding windows (restarts the frame)';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (the named purchase model and Gamma-Gamma fitted on the group) (smallint keys)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'The clv_state of rows (customer_id int2, purchased_at timestamptz, amount float8, horizon interval, model text), for rollups: store it, then read the metric with clv(clv_state), or merge states with clv_state(clv_state) (smallint keys)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_numeric_amount_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Adds a row (customer_id int2, purchased_at timestamptz, amount numeric, horizon interval, model text) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Removes a row (customer_id int2, purchased_at timestamptz, amount numeric, horizon interval, model text) from a clv_state: the inverse transition, for sliding windows (restarts the frame)';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (the named purchase model and Gamma-Gamma fitted on the group) (smallint keys)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'The clv_state of rows (customer_id int2, purchased_at timestamptz, amount numeric, horizon interval, model text), for rollups: store it, then read the metric with clv(clv_state), or merge states with clv_state(clv_state) (smallint keys)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Adds a row (customer_id int4, purchased_at timestamptz, amount float8, horizon interval, model text) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Removes a row (customer_id int4, purchased_at timestamptz, amount float8, horizon interval, model text) from a clv_state: the inverse transition, for sliding windows (restarts the frame)';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (the named purchase model and Gamma-Gamma fitted on the group) (integer keys)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'The clv_state of rows (customer_id int4, purchased_at timestamptz, amount float8, horizon interval, model text), for rollups: store it, then read the metric with clv(clv_state), or merge states with clv_state(clv_state) (integer keys)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_numeric_amount_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Adds a row (customer_id int4, purchased_at timestamptz, amount numeric, horizon interval, model text) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Removes a row (customer_id int4, purchased_at timestamptz, amount numeric, horizon interval, model text) from a clv_state: the inverse transition, for sliding windows (restarts the frame)';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (the named purchase model and Gamma-Gamma fitted on the group) (integer keys)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'The clv_state of rows (customer_id int4, purchased_at timestamptz, amount numeric, horizon interval, model text), for rollups: store it, then read the metric with clv(clv_state), or merge states with clv_state(clv_state) (integer keys)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_sfunc_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Adds a row (customer_id int8, purchased_at timestamptz, amount float8, horizon interval, model text) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Removes a row (customer_id int8, purchased_at timestamptz, amount float8, horizon interval, model text) from a clv_state: the inverse transition, for sliding windows (restarts the frame)';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (the named purchase model and Gamma-Gamma fitted on the group)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'The clv_state of rows (customer_id int8, purchased_at timestamptz, amount float8, horizon interval, model text), for rollups: store it, then read the metric with clv(clv_state), or merge states with clv_state(clv_state)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_numeric_amount_sfunc_int8'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Adds a row (customer_id int8, purchased_at timestamptz, amount numeric, horizon interval, model text) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Removes a row (customer_id int8, purchased_at timestamptz, amount numeric, horizon interval, model text) from a clv_state: the inverse transition, for sliding windows (restarts the frame)';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (the named purchase model and Gamma-Gamma fitted on the group)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'The clv_state of rows (customer_id int8, purchased_at timestamptz, amount numeric, horizon interval, model text), for rollups: store it, then read the metric with clv(clv_state), or merge states with clv_state(clv_state)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Adds a row (customer_id numeric, purchased_at timestamptz, amount float8, horizon interval, model text) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Removes a row (customer_id numeric, purchased_at timestamptz, amount float8, horizon interval, model text) from a clv_state: the inverse transition, for sliding windows (restarts the frame)';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (the named purchase model and Gamma-Gamma fitted on the group) (numeric keys, whole numbers)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'The clv_state of rows (customer_id numeric, purchased_at timestamptz, amount float8, horizon interval, model text), for rollups: store it, then read the metric with clv(clv_state), or merge states with clv_state(clv_state) (numeric keys, whole numbers)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_numeric_amount_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Adds a row (customer_id numeric, purchased_at timestamptz, amount numeric, horizon interval, model text) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Removes a row (customer_id numeric, purchased_at timestamptz, amount numeric, horizon interval, model text) from a clv_state: the inverse transition, for sliding windows (restarts the frame)';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (the named purchase model and Gamma-Gamma fitted on the group) (numeric keys, whole numbers)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'The clv_state of rows (customer_id numeric, purchased_at timestamptz, amount numeric, horizon interval, model text), for rollups: store it, then read the metric with clv(clv_state), or merge states with clv_state(clv_state) (numeric keys, whole numbers)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_sfunc_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Adds a row (customer_id text, purchased_at timestamptz, amount float8, horizon interval, model text) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Removes a row (customer_id text, purchased_at timestamptz, amount float8, horizon interval, model text) from a clv_state: the inverse transition, for sliding windows (restarts the frame)';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (the named purchase model and Gamma-Gamma fitted on the group)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'The clv_state of rows (customer_id text, purchased_at timestamptz, amount float8, horizon interval, model text), for rollups: store it, then read the metric with clv(clv_state), or merge states with clv_state(clv_state)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_numeric_amount_sfunc_text'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Adds a row (customer_id text, purchased_at timestamptz, amount numeric, horizon interval, model text) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Removes a row (customer_id text, purchased_at timestamptz, amount numeric, horizon interval, model text) from a clv_state: the inverse transition, for sliding windows (restarts the frame)';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (the named purchase model and Gamma-Gamma fitted on the group)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'The clv_state of rows (customer_id text, purchased_at timestamptz, amount numeric, horizon interval, model text), for rollups: store it, then read the metric with clv(clv_state), or merge states with clv_state(clv_state)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_sfunc_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Adds a row (customer_id uuid, purchased_at timestamptz, amount float8, horizon interval, model text) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Removes a row (customer_id uuid, purchased_at timestamptz, amount float8, horizon interval, model text) from a clv_state: the inverse transition, for sliding windows (restarts the frame)';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (the named purchase model and Gamma-Gamma fitted on the group)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval, model pg_catalog.text) IS
    'The clv_state of rows (customer_id uuid, purchased_at timestamptz, amount float8, horizon interval, model text), for rollups: store it, then read the metric with clv(clv_state), or merge states with clv_state(clv_state)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_numeric_amount_sfunc_uuid'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Adds a row (customer_id uuid, purchased_at timestamptz, amount numeric, horizon interval, model text) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Removes a row (customer_id uuid, purchased_at timestamptz, amount numeric, horizon interval, model text) from a clv_state: the inverse transition, for sliding windows (restarts the frame)';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    FINALFUNC = @extschema@.clv_final,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    MFINALFUNC = @extschema@.clv_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (the named purchase model and Gamma-Gamma fitted on the group)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval, model pg_catalog.text) IS
    'The clv_state of rows (customer_id uuid, purchased_at timestamptz, amount numeric, horizon interval, model text), for rollups: store it, then read the metric with clv(clv_state), or merge states with clv_state(clv_state)';
