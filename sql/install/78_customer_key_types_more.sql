-- Customer keys of every type users' tables have, for the keyed aggregates
-- that 71_customer_key_types.sql does not cover: the SaaS revenue family
-- (mrr_movements, cohort_revenue_retention, arpa), the product-retention
-- family (cohort_retention's modes, cohort_periods, recurring_retention,
-- cohort_retention_brackets) and clv.  A smallint key is passed on as the
-- integer it equals and a numeric key as the bigint it equals (22023 when it
-- is not a whole number, 22003 beyond bigint), by the C entry points of
-- src/customer_key_extra.c, so 42, 42::smallint and 42.0::numeric are one
-- customer and their states merge.  clv had no integer form (integer keys
-- went through the implicit cast to bigint, which a numeric overload would
-- make ambiguous), so it gets one here too.
--
-- Written by tools/gen-customer-key-types from the bigint forms.

CREATE FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.int2, mrr pg_catalog.numeric)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.int2, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id int2, mrr numeric) to a arpa_state';

CREATE AGGREGATE @extschema@.arpa(customer_id pg_catalog.int2, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    FINALFUNC = @extschema@.arpa_final,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa(customer_id pg_catalog.int2, mrr pg_catalog.numeric) IS
    'Average revenue per account: the MRR of the group / its customers with MRR > 0 (the rows of a customer add up first) (smallint keys)';

CREATE FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.numeric, mrr pg_catalog.numeric)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.numeric, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id numeric, mrr numeric) to a arpa_state';

CREATE AGGREGATE @extschema@.arpa(customer_id pg_catalog.numeric, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    FINALFUNC = @extschema@.arpa_final,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa(customer_id pg_catalog.numeric, mrr pg_catalog.numeric) IS
    'Average revenue per account: the MRR of the group / its customers with MRR > 0 (the rows of a customer add up first) (numeric keys, whole numbers)';

CREATE FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.int2, mrr pg_catalog.float8)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_float8_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.int2, mrr pg_catalog.float8) IS
    'Adds a row (customer_id int2, mrr float8) to a arpa_state';

CREATE AGGREGATE @extschema@.arpa(customer_id pg_catalog.int2, mrr pg_catalog.float8) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    FINALFUNC = @extschema@.arpa_final,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa(customer_id pg_catalog.int2, mrr pg_catalog.float8) IS
    'Average revenue per account: the MRR of the group / its customers with MRR > 0 (the rows of a customer add up first) (smallint keys)';

CREATE FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.numeric, mrr pg_catalog.float8)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_float8_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.numeric, mrr pg_catalog.float8) IS
    'Adds a row (customer_id numeric, mrr float8) to a arpa_state';

CREATE AGGREGATE @extschema@.arpa(customer_id pg_catalog.numeric, mrr pg_catalog.float8) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    FINALFUNC = @extschema@.arpa_final,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa(customer_id pg_catalog.numeric, mrr pg_catalog.float8) IS
    'Average revenue per account: the MRR of the group / its customers with MRR > 0 (the rows of a customer add up first) (numeric keys, whole numbers)';

CREATE AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.int2, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.int2, mrr pg_catalog.numeric) IS
    'The arpa_state of rows (customer_id int2, mrr numeric), for rollups: store it, then read the metric with arpa(arpa_state), or merge states with arpa_state(arpa_state)';

CREATE AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.numeric, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.numeric, mrr pg_catalog.numeric) IS
    'The arpa_state of rows (customer_id numeric, mrr numeric), for rollups: store it, then read the metric with arpa(arpa_state), or merge states with arpa_state(arpa_state)';

CREATE AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.int2, mrr pg_catalog.float8) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.int2, mrr pg_catalog.float8) IS
    'The arpa_state of rows (customer_id int2, mrr float8), for rollups: store it, then read the metric with arpa(arpa_state), or merge states with arpa_state(arpa_state)';

CREATE AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.numeric, mrr pg_catalog.float8) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.numeric, mrr pg_catalog.float8) IS
    'The arpa_state of rows (customer_id numeric, mrr float8), for rollups: store it, then read the metric with arpa(arpa_state), or merge states with arpa_state(arpa_state)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Adds a row (customer_id int2, purchased_at timestamptz, amount float8, horizon interval) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Removes a row (customer_id int2, purchased_at timestamptz, amount float8, horizon interval) from a clv_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) (
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
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group) (smallint keys)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Adds a row (customer_id int4, purchased_at timestamptz, amount float8, horizon interval) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Removes a row (customer_id int4, purchased_at timestamptz, amount float8, horizon interval) from a clv_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) (
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
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group) (integer keys)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Adds a row (customer_id numeric, purchased_at timestamptz, amount float8, horizon interval) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Removes a row (customer_id numeric, purchased_at timestamptz, amount float8, horizon interval) from a clv_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) (
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
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group) (numeric keys, whole numbers)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_numeric_amount_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Adds a row (customer_id int2, purchased_at timestamptz, amount numeric, horizon interval) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Removes a row (customer_id int2, purchased_at timestamptz, amount numeric, horizon interval) from a clv_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) (
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
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group) (smallint keys)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_numeric_amount_sfunc_int4'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Adds a row (customer_id int4, purchased_at timestamptz, amount numeric, horizon interval) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Removes a row (customer_id int4, purchased_at timestamptz, amount numeric, horizon interval) from a clv_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) (
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
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group) (integer keys)';

CREATE FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_numeric_amount_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_sfunc(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Adds a row (customer_id numeric, purchased_at timestamptz, amount numeric, horizon interval) to a clv_state';

CREATE FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval)
RETURNS @extschema@.clv_state AS 'MODULE_PATHNAME', 'clv_orders_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Removes a row (customer_id numeric, purchased_at timestamptz, amount numeric, horizon interval) from a clv_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.clv(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) (
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
COMMENT ON AGGREGATE @extschema@.clv(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group) (numeric keys, whole numbers)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'The clv_state of rows (customer_id int2, purchased_at timestamptz, amount float8, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'The clv_state of rows (customer_id int4, purchased_at timestamptz, amount float8, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval) IS
    'The clv_state of rows (customer_id numeric, purchased_at timestamptz, amount float8, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'The clv_state of rows (customer_id int2, purchased_at timestamptz, amount numeric, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'The clv_state of rows (customer_id int4, purchased_at timestamptz, amount numeric, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';

CREATE AGGREGATE @extschema@.clv_state(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) (
    SFUNC = @extschema@.clv_sfunc,
    STYPE = @extschema@.clv_state,
    COMBINEFUNC = @extschema@.clv_state_combine,
    MSFUNC = @extschema@.clv_sfunc,
    MINVFUNC = @extschema@.clv_orders_inv,
    MSTYPE = @extschema@.clv_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_state(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval) IS
    'The clv_state of rows (customer_id numeric, purchased_at timestamptz, amount numeric, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Adds a row (customer_id int2, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The long form of cohort retention: one (period, customers, active, rate) per period from 0 (smallint keys)';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Adds a row (customer_id numeric, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The long form of cohort retention: one (period, customers, active, rate) per period from 0 (numeric keys, whole numbers)';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'Adds a row (customer_id int2, cohort_start timestamptz, active_at timestamptz, period interval, mode text) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'The long form of cohort retention, by mode: one (period, customers, active, rate) per period from 0 (smallint keys)';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'Adds a row (customer_id numeric, cohort_start timestamptz, active_at timestamptz, period interval, mode text) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'The long form of cohort retention, by mode: one (period, customers, active, rate) per period from 0 (numeric keys, whole numbers)';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'Adds a row (customer_id int2, cohort_start timestamptz, active_at timestamptz, period interval, mode text, observed_until timestamptz) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'The long form of cohort retention, by mode, each period counted once it has ended by observed_until: one (period, customers, active, rate) per period from 0 (smallint keys)';

CREATE FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'Adds a row (customer_id numeric, cohort_start timestamptz, active_at timestamptz, period interval, mode text, observed_until timestamptz) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'The long form of cohort retention, by mode, each period counted once it has ended by observed_until: one (period, customers, active, rate) per period from 0 (numeric keys, whole numbers)';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Adds a row (customer_id int2, cohort_start date, active_at date, period interval) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The long form of cohort retention, from dates: one (period, customers, active, rate) per period from 0 (smallint keys)';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Adds a row (customer_id numeric, cohort_start date, active_at date, period interval) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The long form of cohort retention, from dates: one (period, customers, active, rate) per period from 0 (numeric keys, whole numbers)';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'Adds a row (customer_id int2, cohort_start date, active_at date, period interval, mode text) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'The long form of cohort retention, from dates, by mode: one (period, customers, active, rate) per period from 0 (smallint keys)';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'Adds a row (customer_id numeric, cohort_start date, active_at date, period interval, mode text) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'The long form of cohort retention, from dates, by mode: one (period, customers, active, rate) per period from 0 (numeric keys, whole numbers)';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'Adds a row (customer_id int2, cohort_start date, active_at date, period interval, mode text, observed_until date) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'The long form of cohort retention, from dates, by mode, each period counted once it has ended by observed_until: one (period, customers, active, rate) per period from 0 (smallint keys)';

CREATE FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date)
RETURNS @extschema@.cohort_periods_state AS 'MODULE_PATHNAME', 'cohort_periods_date_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_periods_date_sfunc(@extschema@.cohort_periods_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'Adds a row (customer_id numeric, cohort_start date, active_at date, period interval, mode text, observed_until date) to a cohort_periods_state';

CREATE AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'The long form of cohort retention, from dates, by mode, each period counted once it has ended by observed_until: one (period, customers, active, rate) per period from 0 (numeric keys, whole numbers)';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The cohort_periods_state of rows (customer_id int2, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The cohort_periods_state of rows (customer_id numeric, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'The cohort_periods_state of rows (customer_id int2, cohort_start timestamptz, active_at timestamptz, period interval, mode text), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'The cohort_periods_state of rows (customer_id numeric, cohort_start timestamptz, active_at timestamptz, period interval, mode text), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'The cohort_periods_state of rows (customer_id int2, cohort_start timestamptz, active_at timestamptz, period interval, mode text, observed_until timestamptz), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'The cohort_periods_state of rows (customer_id numeric, cohort_start timestamptz, active_at timestamptz, period interval, mode text, observed_until timestamptz), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The cohort_periods_state of rows (customer_id int2, cohort_start date, active_at date, period interval), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The cohort_periods_state of rows (customer_id numeric, cohort_start date, active_at date, period interval), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'The cohort_periods_state of rows (customer_id int2, cohort_start date, active_at date, period interval, mode text), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'The cohort_periods_state of rows (customer_id numeric, cohort_start date, active_at date, period interval, mode text), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'The cohort_periods_state of rows (customer_id int2, cohort_start date, active_at date, period interval, mode text, observed_until date), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_periods_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'The cohort_periods_state of rows (customer_id numeric, cohort_start date, active_at date, period interval, mode text, observed_until date), for rollups: store it, then read it with cohort_retention(cohort_periods_state) or cohort_periods(cohort_periods_state)';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'Cohort retention (percent) per period, by mode: ''on'' counts the customers active in period k - 1, ''on_or_after'' those active in it or any later period (smallint keys)';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text) IS
    'Cohort retention (percent) per period, by mode: ''on'' counts the customers active in period k - 1, ''on_or_after'' those active in it or any later period (numeric keys, whole numbers)';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'Cohort retention (percent) per period, by mode, counting a customer in a period only once that period has ended by observed_until (NULL where no customer has) (smallint keys)';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) (
    SFUNC = @extschema@.cohort_periods_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.timestamptz) IS
    'Cohort retention (percent) per period, by mode, counting a customer in a period only once that period has ended by observed_until (NULL where no customer has) (numeric keys, whole numbers)';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'Cohort retention (percent) per period, from dates, by mode: ''on'' counts the customers active in period k - 1, ''on_or_after'' those active in it or any later period (smallint keys)';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text) IS
    'Cohort retention (percent) per period, from dates, by mode: ''on'' counts the customers active in period k - 1, ''on_or_after'' those active in it or any later period (numeric keys, whole numbers)';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'Cohort retention (percent) per period, from dates, by mode, counting a customer in a period only once that period has ended by observed_until (NULL where no customer has) (smallint keys)';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) (
    SFUNC = @extschema@.cohort_periods_date_sfunc,
    STYPE = @extschema@.cohort_periods_state,
    FINALFUNC = @extschema@.cohort_periods_retention_final,
    COMBINEFUNC = @extschema@.cohort_periods_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval, mode pg_catalog.text, observed_until pg_catalog.date) IS
    'Cohort retention (percent) per period, from dates, by mode, counting a customer in a period only once that period has ended by observed_until (NULL where no customer has) (numeric keys, whole numbers)';

CREATE FUNCTION @extschema@.cohort_retention_brackets_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[])
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'Adds a row (customer_id int2, cohort_start timestamptz, active_at timestamptz, brackets interval[]) to a cohort_retention_brackets_state';

CREATE AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    FINALFUNC = @extschema@.cohort_retention_brackets_final,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'Bracket retention (percent): element k = 100 * the cohort''s customers active in [cohort_start + brackets[k], cohort_start + brackets[k + 1]) / its customers (smallint keys)';

CREATE FUNCTION @extschema@.cohort_retention_brackets_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[])
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'Adds a row (customer_id numeric, cohort_start timestamptz, active_at timestamptz, brackets interval[]) to a cohort_retention_brackets_state';

CREATE AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    FINALFUNC = @extschema@.cohort_retention_brackets_final,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'Bracket retention (percent): element k = 100 * the cohort''s customers active in [cohort_start + brackets[k], cohort_start + brackets[k + 1]) / its customers (numeric keys, whole numbers)';

CREATE FUNCTION @extschema@.cohort_retention_brackets_date_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[])
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_date_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_date_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'Adds a row (customer_id int2, cohort_start date, active_at date, brackets interval[]) to a cohort_retention_brackets_state';

CREATE AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_date_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    FINALFUNC = @extschema@.cohort_retention_brackets_final,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'Bracket retention (percent), from dates: element k = 100 * the cohort''s customers active in [cohort_start + brackets[k], cohort_start + brackets[k + 1]) / its customers (smallint keys)';

CREATE FUNCTION @extschema@.cohort_retention_brackets_date_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[])
RETURNS @extschema@.cohort_retention_brackets_state AS 'MODULE_PATHNAME', 'cohort_retention_brackets_date_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_brackets_date_sfunc(@extschema@.cohort_retention_brackets_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'Adds a row (customer_id numeric, cohort_start date, active_at date, brackets interval[]) to a cohort_retention_brackets_state';

CREATE AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_date_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    FINALFUNC = @extschema@.cohort_retention_brackets_final,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'Bracket retention (percent), from dates: element k = 100 * the cohort''s customers active in [cohort_start + brackets[k], cohort_start + brackets[k + 1]) / its customers (numeric keys, whole numbers)';

CREATE AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'The cohort_retention_brackets_state of rows (customer_id int2, cohort_start timestamptz, active_at timestamptz, brackets interval[]), for rollups: store it, then read it with cohort_retention_brackets(cohort_retention_brackets_state)';

CREATE AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, brackets pg_catalog.interval[]) IS
    'The cohort_retention_brackets_state of rows (customer_id numeric, cohort_start timestamptz, active_at timestamptz, brackets interval[]), for rollups: store it, then read it with cohort_retention_brackets(cohort_retention_brackets_state)';

CREATE AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_date_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'The cohort_retention_brackets_state of rows (customer_id int2, cohort_start date, active_at date, brackets interval[]), for rollups: store it, then read it with cohort_retention_brackets(cohort_retention_brackets_state)';

CREATE AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) (
    SFUNC = @extschema@.cohort_retention_brackets_date_sfunc,
    STYPE = @extschema@.cohort_retention_brackets_state,
    COMBINEFUNC = @extschema@.cohort_retention_brackets_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_brackets_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, brackets pg_catalog.interval[]) IS
    'The cohort_retention_brackets_state of rows (customer_id numeric, cohort_start date, active_at date, brackets interval[]), for rollups: store it, then read it with cohort_retention_brackets(cohort_retention_brackets_state)';

CREATE FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'Adds a row (customer_id int2, cohort_start date, month date, mrr numeric, gross bool) to a cohort_revenue_retention_state';

CREATE AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    FINALFUNC = @extschema@.cohort_revenue_retention_final,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'MRR retention by cohort (percent): element k = 100 * MRR in the cohort start month + (k-1) / MRR in the cohort start month; gross caps each customer at its start MRR (smallint keys)';

CREATE FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'Adds a row (customer_id numeric, cohort_start date, month date, mrr numeric, gross bool) to a cohort_revenue_retention_state';

CREATE AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    FINALFUNC = @extschema@.cohort_revenue_retention_final,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'MRR retention by cohort (percent): element k = 100 * MRR in the cohort start month + (k-1) / MRR in the cohort start month; gross caps each customer at its start MRR (numeric keys, whole numbers)';

CREATE FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_float8_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'Adds a row (customer_id int2, cohort_start date, month date, mrr float8, gross bool) to a cohort_revenue_retention_state';

CREATE AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    FINALFUNC = @extschema@.cohort_revenue_retention_final,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'MRR retention by cohort (percent): element k = 100 * MRR in the cohort start month + (k-1) / MRR in the cohort start month; gross caps each customer at its start MRR (smallint keys)';

CREATE FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_float8_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'Adds a row (customer_id numeric, cohort_start date, month date, mrr float8, gross bool) to a cohort_revenue_retention_state';

CREATE AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    FINALFUNC = @extschema@.cohort_revenue_retention_final,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'MRR retention by cohort (percent): element k = 100 * MRR in the cohort start month + (k-1) / MRR in the cohort start month; gross caps each customer at its start MRR (numeric keys, whole numbers)';

CREATE AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.int2, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.int2, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'The cohort_revenue_retention_state of rows (customer_id int2, cohort_start date, month date, mrr numeric, gross bool), for rollups: store it, then read the metric with cohort_revenue_retention(cohort_revenue_retention_state), or merge states with cohort_revenue_retention_state(cohort_revenue_retention_state)';

CREATE AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'The cohort_revenue_retention_state of rows (customer_id numeric, cohort_start date, month date, mrr numeric, gross bool), for rollups: store it, then read the metric with cohort_revenue_retention(cohort_revenue_retention_state), or merge states with cohort_revenue_retention_state(cohort_revenue_retention_state)';

CREATE AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.int2, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.int2, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'The cohort_revenue_retention_state of rows (customer_id int2, cohort_start date, month date, mrr float8, gross bool), for rollups: store it, then read the metric with cohort_revenue_retention(cohort_revenue_retention_state), or merge states with cohort_revenue_retention_state(cohort_revenue_retention_state)';

CREATE AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'The cohort_revenue_retention_state of rows (customer_id numeric, cohort_start date, month date, mrr float8, gross bool), for rollups: store it, then read the metric with cohort_revenue_retention(cohort_revenue_retention_state), or merge states with cohort_revenue_retention_state(cohort_revenue_retention_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int2, month pg_catalog.date, mrr pg_catalog.numeric)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int2, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id int2, month date, mrr numeric) to a mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int2, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int2, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); the rows of a customer in a month add up (smallint keys)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.numeric, month pg_catalog.date, mrr pg_catalog.numeric)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.numeric, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id numeric, month date, mrr numeric) to a mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.numeric, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.numeric, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); the rows of a customer in a month add up (numeric keys, whole numbers)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int2, month pg_catalog.date, mrr pg_catalog.float8)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_float8_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int2, month pg_catalog.date, mrr pg_catalog.float8) IS
    'Adds a row (customer_id int2, month date, mrr float8) to a mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int2, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int2, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); the rows of a customer in a month add up (smallint keys)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.numeric, month pg_catalog.date, mrr pg_catalog.float8)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_float8_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.numeric, month pg_catalog.date, mrr pg_catalog.float8) IS
    'Adds a row (customer_id numeric, month date, mrr float8) to a mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.numeric, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.numeric, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); the rows of a customer in a month add up (numeric keys, whole numbers)';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int2, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int2, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The mrr_movements_state of rows (customer_id int2, month date, mrr numeric), for rollups: store it, then read the metric with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.numeric, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.numeric, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The mrr_movements_state of rows (customer_id numeric, month date, mrr numeric), for rollups: store it, then read the metric with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int2, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int2, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The mrr_movements_state of rows (customer_id int2, month date, mrr float8), for rollups: store it, then read the metric with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.numeric, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.numeric, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The mrr_movements_state of rows (customer_id numeric, month date, mrr float8), for rollups: store it, then read the metric with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.recurring_retention_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.int2, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recurring_retention_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.int2, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'Adds a row (customer_id int2, active_at timestamptz, period interval, origin timestamptz) to a recurring_retention_state';

CREATE AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.int2, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) (
    SFUNC = @extschema@.recurring_retention_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    FINALFUNC = @extschema@.recurring_retention_final,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.int2, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'Recurring retention (percent): element k = 100 * customers active in both period j and period j + k - 1 after the origin / customers active in period j, summed over every j (smallint keys)';

CREATE FUNCTION @extschema@.recurring_retention_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.numeric, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recurring_retention_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.numeric, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'Adds a row (customer_id numeric, active_at timestamptz, period interval, origin timestamptz) to a recurring_retention_state';

CREATE AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.numeric, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) (
    SFUNC = @extschema@.recurring_retention_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    FINALFUNC = @extschema@.recurring_retention_final,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.numeric, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'Recurring retention (percent): element k = 100 * customers active in both period j and period j + k - 1 after the origin / customers active in period j, summed over every j (numeric keys, whole numbers)';

CREATE FUNCTION @extschema@.recurring_retention_date_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.int2, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_date_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recurring_retention_date_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.int2, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'Adds a row (customer_id int2, active_at date, period interval, origin date) to a recurring_retention_state';

CREATE AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.int2, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) (
    SFUNC = @extschema@.recurring_retention_date_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    FINALFUNC = @extschema@.recurring_retention_final,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.int2, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'Recurring retention (percent), from dates: element k = 100 * customers active in both period j and period j + k - 1 after the origin / customers active in period j, summed over every j (smallint keys)';

CREATE FUNCTION @extschema@.recurring_retention_date_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.numeric, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date)
RETURNS @extschema@.recurring_retention_state AS 'MODULE_PATHNAME', 'recurring_retention_date_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recurring_retention_date_sfunc(@extschema@.recurring_retention_state, customer_id pg_catalog.numeric, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'Adds a row (customer_id numeric, active_at date, period interval, origin date) to a recurring_retention_state';

CREATE AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.numeric, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) (
    SFUNC = @extschema@.recurring_retention_date_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    FINALFUNC = @extschema@.recurring_retention_final,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention(customer_id pg_catalog.numeric, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'Recurring retention (percent), from dates: element k = 100 * customers active in both period j and period j + k - 1 after the origin / customers active in period j, summed over every j (numeric keys, whole numbers)';

CREATE AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.int2, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) (
    SFUNC = @extschema@.recurring_retention_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.int2, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'The recurring_retention_state of rows (customer_id int2, active_at timestamptz, period interval, origin timestamptz), for rollups: store it, then read it with recurring_retention(recurring_retention_state)';

CREATE AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.numeric, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) (
    SFUNC = @extschema@.recurring_retention_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.numeric, active_at pg_catalog.timestamptz, period pg_catalog.interval, origin pg_catalog.timestamptz) IS
    'The recurring_retention_state of rows (customer_id numeric, active_at timestamptz, period interval, origin timestamptz), for rollups: store it, then read it with recurring_retention(recurring_retention_state)';

CREATE AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.int2, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) (
    SFUNC = @extschema@.recurring_retention_date_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.int2, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'The recurring_retention_state of rows (customer_id int2, active_at date, period interval, origin date), for rollups: store it, then read it with recurring_retention(recurring_retention_state)';

CREATE AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.numeric, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) (
    SFUNC = @extschema@.recurring_retention_date_sfunc,
    STYPE = @extschema@.recurring_retention_state,
    COMBINEFUNC = @extschema@.recurring_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recurring_retention_state(customer_id pg_catalog.numeric, active_at pg_catalog.date, period pg_catalog.interval, origin pg_catalog.date) IS
    'The recurring_retention_state of rows (customer_id numeric, active_at date, period interval, origin date), for rollups: store it, then read it with recurring_retention(recurring_retention_state)';
