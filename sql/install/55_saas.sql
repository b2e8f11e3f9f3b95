-- SaaS revenue analytics (SPEC section 9): the MRR bridge
-- (mrr_movements), revenue retention by cohort, ARPA, unit economics and
-- trial conversion.
--
-- The states of mrr_movements, cohort_revenue_retention and arpa are the
-- customer-month table of src/mrr_table.c: per customer (and cohort start)
-- and calendar month the MRR, so that states merge exactly whatever split
-- them (customer ranges, quarters, parallel workers, Citus shards).  These
-- keyed aggregates have no moving-aggregate support: their result is a
-- function of the whole table, so a sliding window recomputes each frame.
-- trial_conversion_rate counts, and has it.

CREATE TYPE @extschema@.mrr_movement AS (
    month pg_catalog.date,
    customers_start pg_catalog.int8,
    mrr_start pg_catalog.numeric,
    new_customers pg_catalog.int8,
    new_mrr pg_catalog.numeric,
    expansion_mrr pg_catalog.numeric,
    contraction_mrr pg_catalog.numeric,
    churned_customers pg_catalog.int8,
    churned_mrr pg_catalog.numeric,
    reactivated_customers pg_catalog.int8,
    reactivation_mrr pg_catalog.numeric,
    customers_end pg_catalog.int8,
    mrr_end pg_catalog.numeric
);
COMMENT ON TYPE @extschema@.mrr_movement IS
    'One calendar month of the MRR bridge: customers and MRR at start, new, expansion, contraction, churned, reactivation, customers and MRR at end (mrr_start + new + expansion + reactivation - contraction - churned = mrr_end)';

CREATE TYPE @extschema@.mrr_movements_state;

CREATE FUNCTION @extschema@.mrr_movements_state_in(pg_catalog.cstring)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.mrr_movements_state_out(@extschema@.mrr_movements_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'mrr_movements_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.mrr_movements_state_recv(pg_catalog.internal)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.mrr_movements_state_send(@extschema@.mrr_movements_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'mrr_movements_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.mrr_movements_state (
    INPUT = @extschema@.mrr_movements_state_in,
    OUTPUT = @extschema@.mrr_movements_state_out,
    RECEIVE = @extschema@.mrr_movements_state_recv,
    SEND = @extschema@.mrr_movements_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.mrr_movements_state IS
    'Partial MRR bridge: per customer and calendar month the MRR (customer-months add up when merged)';
COMMENT ON FUNCTION @extschema@.mrr_movements_state_in(pg_catalog.cstring) IS
    'Input function of mrr_movements_state (validates everything)';
COMMENT ON FUNCTION @extschema@.mrr_movements_state_out(@extschema@.mrr_movements_state) IS
    'Output function of mrr_movements_state';
COMMENT ON FUNCTION @extschema@.mrr_movements_state_recv(pg_catalog.internal) IS
    'Binary input function of mrr_movements_state (validates everything)';
COMMENT ON FUNCTION @extschema@.mrr_movements_state_send(@extschema@.mrr_movements_state) IS
    'Binary output function of mrr_movements_state';

CREATE FUNCTION @extschema@.mrr_movements_state_combine(@extschema@.mrr_movements_state, @extschema@.mrr_movements_state)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_state_combine(@extschema@.mrr_movements_state, @extschema@.mrr_movements_state) IS
    'Merges two mrr_movements_state values (the combine function of every aggregate over mrr_movements_state)';

CREATE AGGREGATE @extschema@.mrr_movements_state(@extschema@.mrr_movements_state) (
    SFUNC = @extschema@.mrr_movements_state_combine,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(@extschema@.mrr_movements_state) IS
    'Merges stored mrr_movements_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.mrr_movements_final(@extschema@.mrr_movements_state)
RETURNS @extschema@.mrr_movement[] AS 'MODULE_PATHNAME', 'mrr_movements_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_final(@extschema@.mrr_movements_state) IS
    'The MRR bridge, one mrr_movement per calendar month, from an mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(@extschema@.mrr_movements_state) (
    SFUNC = @extschema@.mrr_movements_state_combine,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(@extschema@.mrr_movements_state) IS
    'The MRR bridge (one mrr_movement per calendar month) of merged stored mrr_movements_state values';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.numeric)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id int4, month date, mrr numeric) to a mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); the rows of a customer in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The mrr_movements_state of rows (customer_id int4, month date, mrr numeric), for rollups: store it, then read the metric with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.numeric)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id int8, month date, mrr numeric) to a mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); the rows of a customer in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The mrr_movements_state of rows (customer_id int8, month date, mrr numeric), for rollups: store it, then read the metric with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.numeric)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id text, month date, mrr numeric) to a mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); the rows of a customer in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The mrr_movements_state of rows (customer_id text, month date, mrr numeric), for rollups: store it, then read the metric with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.numeric)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id uuid, month date, mrr numeric) to a mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); the rows of a customer in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The mrr_movements_state of rows (customer_id uuid, month date, mrr numeric), for rollups: store it, then read the metric with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.float8)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_float8_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.float8) IS
    'Adds a row (customer_id int4, month date, mrr float8) to a mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); the rows of a customer in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The mrr_movements_state of rows (customer_id int4, month date, mrr float8), for rollups: store it, then read the metric with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.float8)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_float8_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.float8) IS
    'Adds a row (customer_id int8, month date, mrr float8) to a mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); the rows of a customer in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The mrr_movements_state of rows (customer_id int8, month date, mrr float8), for rollups: store it, then read the metric with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.float8)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_float8_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.float8) IS
    'Adds a row (customer_id text, month date, mrr float8) to a mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); the rows of a customer in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The mrr_movements_state of rows (customer_id text, month date, mrr float8), for rollups: store it, then read the metric with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.float8)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_float8_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.float8) IS
    'Adds a row (customer_id uuid, month date, mrr float8) to a mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); the rows of a customer in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The mrr_movements_state of rows (customer_id uuid, month date, mrr float8), for rollups: store it, then read the metric with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE TYPE @extschema@.cohort_revenue_retention_state;

CREATE FUNCTION @extschema@.cohort_revenue_retention_state_in(pg_catalog.cstring)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cohort_revenue_retention_state_out(@extschema@.cohort_revenue_retention_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'cohort_revenue_retention_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cohort_revenue_retention_state_recv(pg_catalog.internal)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cohort_revenue_retention_state_send(@extschema@.cohort_revenue_retention_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'cohort_revenue_retention_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.cohort_revenue_retention_state (
    INPUT = @extschema@.cohort_revenue_retention_state_in,
    OUTPUT = @extschema@.cohort_revenue_retention_state_out,
    RECEIVE = @extschema@.cohort_revenue_retention_state_recv,
    SEND = @extschema@.cohort_revenue_retention_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.cohort_revenue_retention_state IS
    'Partial revenue cohort: net or gross, per customer and cohort start the MRR per month since the start';
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_state_in(pg_catalog.cstring) IS
    'Input function of cohort_revenue_retention_state (validates everything)';
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_state_out(@extschema@.cohort_revenue_retention_state) IS
    'Output function of cohort_revenue_retention_state';
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_state_recv(pg_catalog.internal) IS
    'Binary input function of cohort_revenue_retention_state (validates everything)';
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_state_send(@extschema@.cohort_revenue_retention_state) IS
    'Binary output function of cohort_revenue_retention_state';

CREATE FUNCTION @extschema@.cohort_revenue_retention_state_combine(@extschema@.cohort_revenue_retention_state, @extschema@.cohort_revenue_retention_state)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_state_combine(@extschema@.cohort_revenue_retention_state, @extschema@.cohort_revenue_retention_state) IS
    'Merges two cohort_revenue_retention_state values (the combine function of every aggregate over cohort_revenue_retention_state)';

CREATE AGGREGATE @extschema@.cohort_revenue_retention_state(@extschema@.cohort_revenue_retention_state) (
    SFUNC = @extschema@.cohort_revenue_retention_state_combine,
    STYPE = @extschema@.cohort_revenue_retention_state,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention_state(@extschema@.cohort_revenue_retention_state) IS
    'Merges stored cohort_revenue_retention_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.cohort_revenue_retention_final(@extschema@.cohort_revenue_retention_state)
RETURNS pg_catalog.float8[] AS 'MODULE_PATHNAME', 'cohort_revenue_retention_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_final(@extschema@.cohort_revenue_retention_state) IS
    'Net or gross MRR retention per month since the cohort start (percent), from a cohort_revenue_retention_state';

CREATE AGGREGATE @extschema@.cohort_revenue_retention(@extschema@.cohort_revenue_retention_state) (
    SFUNC = @extschema@.cohort_revenue_retention_state_combine,
    STYPE = @extschema@.cohort_revenue_retention_state,
    FINALFUNC = @extschema@.cohort_revenue_retention_final,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention(@extschema@.cohort_revenue_retention_state) IS
    'Net or gross MRR retention per month since the cohort start (percent) of merged stored cohort_revenue_retention_state values';

CREATE FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'Adds a row (customer_id int4, cohort_start date, month date, mrr numeric, gross bool) to a cohort_revenue_retention_state';

CREATE AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    FINALFUNC = @extschema@.cohort_revenue_retention_final,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'MRR retention by cohort (percent): element k = 100 * MRR in the cohort start month + (k-1) / MRR in the cohort start month; gross caps each customer at its start MRR';

CREATE AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.int4, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.int4, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'The cohort_revenue_retention_state of rows (customer_id int4, cohort_start date, month date, mrr numeric, gross bool), for rollups: store it, then read the metric with cohort_revenue_retention(cohort_revenue_retention_state), or merge states with cohort_revenue_retention_state(cohort_revenue_retention_state)';

CREATE FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'Adds a row (customer_id int8, cohort_start date, month date, mrr numeric, gross bool) to a cohort_revenue_retention_state';

CREATE AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    FINALFUNC = @extschema@.cohort_revenue_retention_final,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'MRR retention by cohort (percent): element k = 100 * MRR in the cohort start month + (k-1) / MRR in the cohort start month; gross caps each customer at its start MRR';

CREATE AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.int8, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.int8, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'The cohort_revenue_retention_state of rows (customer_id int8, cohort_start date, month date, mrr numeric, gross bool), for rollups: store it, then read the metric with cohort_revenue_retention(cohort_revenue_retention_state), or merge states with cohort_revenue_retention_state(cohort_revenue_retention_state)';

CREATE FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'Adds a row (customer_id text, cohort_start date, month date, mrr numeric, gross bool) to a cohort_revenue_retention_state';

CREATE AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.text, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    FINALFUNC = @extschema@.cohort_revenue_retention_final,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.text, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'MRR retention by cohort (percent): element k = 100 * MRR in the cohort start month + (k-1) / MRR in the cohort start month; gross caps each customer at its start MRR';

CREATE AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.text, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.text, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'The cohort_revenue_retention_state of rows (customer_id text, cohort_start date, month date, mrr numeric, gross bool), for rollups: store it, then read the metric with cohort_revenue_retention(cohort_revenue_retention_state), or merge states with cohort_revenue_retention_state(cohort_revenue_retention_state)';

CREATE FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'Adds a row (customer_id uuid, cohort_start date, month date, mrr numeric, gross bool) to a cohort_revenue_retention_state';

CREATE AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    FINALFUNC = @extschema@.cohort_revenue_retention_final,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'MRR retention by cohort (percent): element k = 100 * MRR in the cohort start month + (k-1) / MRR in the cohort start month; gross caps each customer at its start MRR';

CREATE AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.numeric, gross pg_catalog.bool) IS
    'The cohort_revenue_retention_state of rows (customer_id uuid, cohort_start date, month date, mrr numeric, gross bool), for rollups: store it, then read the metric with cohort_revenue_retention(cohort_revenue_retention_state), or merge states with cohort_revenue_retention_state(cohort_revenue_retention_state)';

CREATE FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_float8_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'Adds a row (customer_id int4, cohort_start date, month date, mrr float8, gross bool) to a cohort_revenue_retention_state';

CREATE AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    FINALFUNC = @extschema@.cohort_revenue_retention_final,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.int4, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'MRR retention by cohort (percent): element k = 100 * MRR in the cohort start month + (k-1) / MRR in the cohort start month; gross caps each customer at its start MRR';

CREATE AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.int4, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.int4, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'The cohort_revenue_retention_state of rows (customer_id int4, cohort_start date, month date, mrr float8, gross bool), for rollups: store it, then read the metric with cohort_revenue_retention(cohort_revenue_retention_state), or merge states with cohort_revenue_retention_state(cohort_revenue_retention_state)';

CREATE FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_float8_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'Adds a row (customer_id int8, cohort_start date, month date, mrr float8, gross bool) to a cohort_revenue_retention_state';

CREATE AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    FINALFUNC = @extschema@.cohort_revenue_retention_final,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.int8, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'MRR retention by cohort (percent): element k = 100 * MRR in the cohort start month + (k-1) / MRR in the cohort start month; gross caps each customer at its start MRR';

CREATE AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.int8, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.int8, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'The cohort_revenue_retention_state of rows (customer_id int8, cohort_start date, month date, mrr float8, gross bool), for rollups: store it, then read the metric with cohort_revenue_retention(cohort_revenue_retention_state), or merge states with cohort_revenue_retention_state(cohort_revenue_retention_state)';

CREATE FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_float8_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'Adds a row (customer_id text, cohort_start date, month date, mrr float8, gross bool) to a cohort_revenue_retention_state';

CREATE AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.text, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    FINALFUNC = @extschema@.cohort_revenue_retention_final,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.text, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'MRR retention by cohort (percent): element k = 100 * MRR in the cohort start month + (k-1) / MRR in the cohort start month; gross caps each customer at its start MRR';

CREATE AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.text, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.text, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'The cohort_revenue_retention_state of rows (customer_id text, cohort_start date, month date, mrr float8, gross bool), for rollups: store it, then read the metric with cohort_revenue_retention(cohort_revenue_retention_state), or merge states with cohort_revenue_retention_state(cohort_revenue_retention_state)';

CREATE FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool)
RETURNS @extschema@.cohort_revenue_retention_state AS 'MODULE_PATHNAME', 'cohort_revenue_retention_float8_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_revenue_retention_sfunc(@extschema@.cohort_revenue_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'Adds a row (customer_id uuid, cohort_start date, month date, mrr float8, gross bool) to a cohort_revenue_retention_state';

CREATE AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    FINALFUNC = @extschema@.cohort_revenue_retention_final,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'MRR retention by cohort (percent): element k = 100 * MRR in the cohort start month + (k-1) / MRR in the cohort start month; gross caps each customer at its start MRR';

CREATE AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) (
    SFUNC = @extschema@.cohort_revenue_retention_sfunc,
    STYPE = @extschema@.cohort_revenue_retention_state,
    COMBINEFUNC = @extschema@.cohort_revenue_retention_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_revenue_retention_state(customer_id pg_catalog.uuid, cohort_start pg_catalog.date, month pg_catalog.date, mrr pg_catalog.float8, gross pg_catalog.bool) IS
    'The cohort_revenue_retention_state of rows (customer_id uuid, cohort_start date, month date, mrr float8, gross bool), for rollups: store it, then read the metric with cohort_revenue_retention(cohort_revenue_retention_state), or merge states with cohort_revenue_retention_state(cohort_revenue_retention_state)';

CREATE TYPE @extschema@.arpa_state;

CREATE FUNCTION @extschema@.arpa_state_in(pg_catalog.cstring)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.arpa_state_out(@extschema@.arpa_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'arpa_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.arpa_state_recv(pg_catalog.internal)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.arpa_state_send(@extschema@.arpa_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'arpa_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.arpa_state (
    INPUT = @extschema@.arpa_state_in,
    OUTPUT = @extschema@.arpa_state_out,
    RECEIVE = @extschema@.arpa_state_recv,
    SEND = @extschema@.arpa_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.arpa_state IS
    'Partial ARPA: per customer its MRR (the rows of a customer add up when merged)';
COMMENT ON FUNCTION @extschema@.arpa_state_in(pg_catalog.cstring) IS
    'Input function of arpa_state (validates everything)';
COMMENT ON FUNCTION @extschema@.arpa_state_out(@extschema@.arpa_state) IS
    'Output function of arpa_state';
COMMENT ON FUNCTION @extschema@.arpa_state_recv(pg_catalog.internal) IS
    'Binary input function of arpa_state (validates everything)';
COMMENT ON FUNCTION @extschema@.arpa_state_send(@extschema@.arpa_state) IS
    'Binary output function of arpa_state';

CREATE FUNCTION @extschema@.arpa_state_combine(@extschema@.arpa_state, @extschema@.arpa_state)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arpa_state_combine(@extschema@.arpa_state, @extschema@.arpa_state) IS
    'Merges two arpa_state values (the combine function of every aggregate over arpa_state)';

CREATE AGGREGATE @extschema@.arpa_state(@extschema@.arpa_state) (
    SFUNC = @extschema@.arpa_state_combine,
    STYPE = @extschema@.arpa_state,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa_state(@extschema@.arpa_state) IS
    'Merges stored arpa_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.arpa_final(@extschema@.arpa_state)
RETURNS pg_catalog.numeric AS 'MODULE_PATHNAME', 'arpa_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arpa_final(@extschema@.arpa_state) IS
    'Average revenue per account from an arpa_state: MRR / customers with MRR > 0';

CREATE AGGREGATE @extschema@.arpa(@extschema@.arpa_state) (
    SFUNC = @extschema@.arpa_state_combine,
    STYPE = @extschema@.arpa_state,
    FINALFUNC = @extschema@.arpa_final,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa(@extschema@.arpa_state) IS
    'Average revenue per account of merged stored arpa_state values';

CREATE FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.int4, mrr pg_catalog.numeric)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.int4, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id int4, mrr numeric) to a arpa_state';

CREATE AGGREGATE @extschema@.arpa(customer_id pg_catalog.int4, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    FINALFUNC = @extschema@.arpa_final,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa(customer_id pg_catalog.int4, mrr pg_catalog.numeric) IS
    'Average revenue per account: the MRR of the group / its customers with MRR > 0 (the rows of a customer add up first)';

CREATE AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.int4, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.int4, mrr pg_catalog.numeric) IS
    'The arpa_state of rows (customer_id int4, mrr numeric), for rollups: store it, then read the metric with arpa(arpa_state), or merge states with arpa_state(arpa_state)';

CREATE FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.int8, mrr pg_catalog.numeric)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.int8, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id int8, mrr numeric) to a arpa_state';

CREATE AGGREGATE @extschema@.arpa(customer_id pg_catalog.int8, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    FINALFUNC = @extschema@.arpa_final,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa(customer_id pg_catalog.int8, mrr pg_catalog.numeric) IS
    'Average revenue per account: the MRR of the group / its customers with MRR > 0 (the rows of a customer add up first)';

CREATE AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.int8, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.int8, mrr pg_catalog.numeric) IS
    'The arpa_state of rows (customer_id int8, mrr numeric), for rollups: store it, then read the metric with arpa(arpa_state), or merge states with arpa_state(arpa_state)';

CREATE FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.text, mrr pg_catalog.numeric)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.text, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id text, mrr numeric) to a arpa_state';

CREATE AGGREGATE @extschema@.arpa(customer_id pg_catalog.text, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    FINALFUNC = @extschema@.arpa_final,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa(customer_id pg_catalog.text, mrr pg_catalog.numeric) IS
    'Average revenue per account: the MRR of the group / its customers with MRR > 0 (the rows of a customer add up first)';

CREATE AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.text, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.text, mrr pg_catalog.numeric) IS
    'The arpa_state of rows (customer_id text, mrr numeric), for rollups: store it, then read the metric with arpa(arpa_state), or merge states with arpa_state(arpa_state)';

CREATE FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.uuid, mrr pg_catalog.numeric)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.uuid, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id uuid, mrr numeric) to a arpa_state';

CREATE AGGREGATE @extschema@.arpa(customer_id pg_catalog.uuid, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    FINALFUNC = @extschema@.arpa_final,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa(customer_id pg_catalog.uuid, mrr pg_catalog.numeric) IS
    'Average revenue per account: the MRR of the group / its customers with MRR > 0 (the rows of a customer add up first)';

CREATE AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.uuid, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.uuid, mrr pg_catalog.numeric) IS
    'The arpa_state of rows (customer_id uuid, mrr numeric), for rollups: store it, then read the metric with arpa(arpa_state), or merge states with arpa_state(arpa_state)';

CREATE FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.int4, mrr pg_catalog.float8)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_float8_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.int4, mrr pg_catalog.float8) IS
    'Adds a row (customer_id int4, mrr float8) to a arpa_state';

CREATE AGGREGATE @extschema@.arpa(customer_id pg_catalog.int4, mrr pg_catalog.float8) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    FINALFUNC = @extschema@.arpa_final,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa(customer_id pg_catalog.int4, mrr pg_catalog.float8) IS
    'Average revenue per account: the MRR of the group / its customers with MRR > 0 (the rows of a customer add up first)';

CREATE AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.int4, mrr pg_catalog.float8) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.int4, mrr pg_catalog.float8) IS
    'The arpa_state of rows (customer_id int4, mrr float8), for rollups: store it, then read the metric with arpa(arpa_state), or merge states with arpa_state(arpa_state)';

CREATE FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.int8, mrr pg_catalog.float8)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_float8_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.int8, mrr pg_catalog.float8) IS
    'Adds a row (customer_id int8, mrr float8) to a arpa_state';

CREATE AGGREGATE @extschema@.arpa(customer_id pg_catalog.int8, mrr pg_catalog.float8) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    FINALFUNC = @extschema@.arpa_final,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa(customer_id pg_catalog.int8, mrr pg_catalog.float8) IS
    'Average revenue per account: the MRR of the group / its customers with MRR > 0 (the rows of a customer add up first)';

CREATE AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.int8, mrr pg_catalog.float8) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.int8, mrr pg_catalog.float8) IS
    'The arpa_state of rows (customer_id int8, mrr float8), for rollups: store it, then read the metric with arpa(arpa_state), or merge states with arpa_state(arpa_state)';

CREATE FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.text, mrr pg_catalog.float8)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_float8_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.text, mrr pg_catalog.float8) IS
    'Adds a row (customer_id text, mrr float8) to a arpa_state';

CREATE AGGREGATE @extschema@.arpa(customer_id pg_catalog.text, mrr pg_catalog.float8) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    FINALFUNC = @extschema@.arpa_final,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa(customer_id pg_catalog.text, mrr pg_catalog.float8) IS
    'Average revenue per account: the MRR of the group / its customers with MRR > 0 (the rows of a customer add up first)';

CREATE AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.text, mrr pg_catalog.float8) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.text, mrr pg_catalog.float8) IS
    'The arpa_state of rows (customer_id text, mrr float8), for rollups: store it, then read the metric with arpa(arpa_state), or merge states with arpa_state(arpa_state)';

CREATE FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.uuid, mrr pg_catalog.float8)
RETURNS @extschema@.arpa_state AS 'MODULE_PATHNAME', 'arpa_float8_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arpa_sfunc(@extschema@.arpa_state, customer_id pg_catalog.uuid, mrr pg_catalog.float8) IS
    'Adds a row (customer_id uuid, mrr float8) to a arpa_state';

CREATE AGGREGATE @extschema@.arpa(customer_id pg_catalog.uuid, mrr pg_catalog.float8) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    FINALFUNC = @extschema@.arpa_final,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa(customer_id pg_catalog.uuid, mrr pg_catalog.float8) IS
    'Average revenue per account: the MRR of the group / its customers with MRR > 0 (the rows of a customer add up first)';

CREATE AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.uuid, mrr pg_catalog.float8) (
    SFUNC = @extschema@.arpa_sfunc,
    STYPE = @extschema@.arpa_state,
    COMBINEFUNC = @extschema@.arpa_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.arpa_state(customer_id pg_catalog.uuid, mrr pg_catalog.float8) IS
    'The arpa_state of rows (customer_id uuid, mrr float8), for rollups: store it, then read the metric with arpa(arpa_state), or merge states with arpa_state(arpa_state)';

CREATE FUNCTION @extschema@.cac(spend pg_catalog.numeric, new_customers pg_catalog.int8)
RETURNS pg_catalog.numeric AS 'MODULE_PATHNAME', 'cac_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cac(pg_catalog.numeric, pg_catalog.int8) IS
    'Customer acquisition cost: spend / new_customers (NULL at 0 new customers)';

CREATE FUNCTION @extschema@.cac(spend pg_catalog.float8, new_customers pg_catalog.int8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'cac_float8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cac(pg_catalog.float8, pg_catalog.int8) IS
    'Customer acquisition cost: spend / new_customers (NULL at 0 new customers)';

CREATE FUNCTION @extschema@.ltv_cac_ratio(ltv pg_catalog.float8, cac pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'ltv_cac_ratio'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ltv_cac_ratio(pg_catalog.float8, pg_catalog.float8) IS
    'LTV to CAC ratio: ltv / cac (NULL at 0 CAC)';

CREATE FUNCTION @extschema@.cac_payback_months(cac pg_catalog.float8, arpa pg_catalog.float8, gross_margin pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'cac_payback_months'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cac_payback_months(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'CAC payback in months: cac / (arpa * gross_margin), gross_margin a fraction from 0 to 1 (NULL when arpa * gross_margin is 0)';

CREATE TYPE @extschema@.trial_conversion_rate_state;

CREATE FUNCTION @extschema@.trial_conversion_rate_state_in(pg_catalog.cstring)
RETURNS @extschema@.trial_conversion_rate_state AS 'MODULE_PATHNAME', 'trial_conversion_rate_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.trial_conversion_rate_state_out(@extschema@.trial_conversion_rate_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'trial_conversion_rate_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.trial_conversion_rate_state_recv(pg_catalog.internal)
RETURNS @extschema@.trial_conversion_rate_state AS 'MODULE_PATHNAME', 'trial_conversion_rate_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.trial_conversion_rate_state_send(@extschema@.trial_conversion_rate_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'trial_conversion_rate_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.trial_conversion_rate_state (
    INPUT = @extschema@.trial_conversion_rate_state_in,
    OUTPUT = @extschema@.trial_conversion_rate_state_out,
    RECEIVE = @extschema@.trial_conversion_rate_state_recv,
    SEND = @extschema@.trial_conversion_rate_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.trial_conversion_rate_state IS
    'Partial trial conversion: trials, trials converted in time, and the window';
COMMENT ON FUNCTION @extschema@.trial_conversion_rate_state_in(pg_catalog.cstring) IS
    'Input function of trial_conversion_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.trial_conversion_rate_state_out(@extschema@.trial_conversion_rate_state) IS
    'Output function of trial_conversion_rate_state';
COMMENT ON FUNCTION @extschema@.trial_conversion_rate_state_recv(pg_catalog.internal) IS
    'Binary input function of trial_conversion_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.trial_conversion_rate_state_send(@extschema@.trial_conversion_rate_state) IS
    'Binary output function of trial_conversion_rate_state';

CREATE FUNCTION @extschema@.trial_conversion_rate_state_combine(@extschema@.trial_conversion_rate_state, @extschema@.trial_conversion_rate_state)
RETURNS @extschema@.trial_conversion_rate_state AS 'MODULE_PATHNAME', 'trial_conversion_rate_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_conversion_rate_state_combine(@extschema@.trial_conversion_rate_state, @extschema@.trial_conversion_rate_state) IS
    'Merges two trial_conversion_rate_state values (the combine function of every aggregate over trial_conversion_rate_state)';

CREATE FUNCTION @extschema@.trial_conversion_rate_state_uncombine(@extschema@.trial_conversion_rate_state, @extschema@.trial_conversion_rate_state)
RETURNS @extschema@.trial_conversion_rate_state AS 'MODULE_PATHNAME', 'trial_conversion_rate_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_conversion_rate_state_uncombine(@extschema@.trial_conversion_rate_state, @extschema@.trial_conversion_rate_state) IS
    'Removes the second trial_conversion_rate_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.trial_conversion_rate_state(@extschema@.trial_conversion_rate_state) (
    SFUNC = @extschema@.trial_conversion_rate_state_combine,
    STYPE = @extschema@.trial_conversion_rate_state,
    COMBINEFUNC = @extschema@.trial_conversion_rate_state_combine,
    MSFUNC = @extschema@.trial_conversion_rate_state_combine,
    MINVFUNC = @extschema@.trial_conversion_rate_state_uncombine,
    MSTYPE = @extschema@.trial_conversion_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trial_conversion_rate_state(@extschema@.trial_conversion_rate_state) IS
    'Merges stored trial_conversion_rate_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.trial_conversion_rate_final(@extschema@.trial_conversion_rate_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'trial_conversion_rate_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_conversion_rate_final(@extschema@.trial_conversion_rate_state) IS
    'Trial conversion rate (percent) from a trial_conversion_rate_state';

CREATE AGGREGATE @extschema@.trial_conversion_rate(@extschema@.trial_conversion_rate_state) (
    SFUNC = @extschema@.trial_conversion_rate_state_combine,
    STYPE = @extschema@.trial_conversion_rate_state,
    FINALFUNC = @extschema@.trial_conversion_rate_final,
    COMBINEFUNC = @extschema@.trial_conversion_rate_state_combine,
    MSFUNC = @extschema@.trial_conversion_rate_state_combine,
    MINVFUNC = @extschema@.trial_conversion_rate_state_uncombine,
    MSTYPE = @extschema@.trial_conversion_rate_state,
    MFINALFUNC = @extschema@.trial_conversion_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trial_conversion_rate(@extschema@.trial_conversion_rate_state) IS
    'Trial conversion rate (percent) of merged stored trial_conversion_rate_state values';

CREATE FUNCTION @extschema@.trial_conversion_rate_sfunc(@extschema@.trial_conversion_rate_state, trial_started_at pg_catalog.timestamptz, converted_at pg_catalog.timestamptz, within pg_catalog.interval)
RETURNS @extschema@.trial_conversion_rate_state AS 'MODULE_PATHNAME', 'trial_conversion_rate_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_conversion_rate_sfunc(@extschema@.trial_conversion_rate_state, trial_started_at pg_catalog.timestamptz, converted_at pg_catalog.timestamptz, within pg_catalog.interval) IS
    'Adds a row (trial_started_at timestamptz, converted_at timestamptz, within interval) to a trial_conversion_rate_state';

CREATE FUNCTION @extschema@.trial_conversion_rate_inv(@extschema@.trial_conversion_rate_state, trial_started_at pg_catalog.timestamptz, converted_at pg_catalog.timestamptz, within pg_catalog.interval)
RETURNS @extschema@.trial_conversion_rate_state AS 'MODULE_PATHNAME', 'trial_conversion_rate_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_conversion_rate_inv(@extschema@.trial_conversion_rate_state, trial_started_at pg_catalog.timestamptz, converted_at pg_catalog.timestamptz, within pg_catalog.interval) IS
    'Removes a row (trial_started_at timestamptz, converted_at timestamptz, within interval) from a trial_conversion_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.trial_conversion_rate(trial_started_at pg_catalog.timestamptz, converted_at pg_catalog.timestamptz, within pg_catalog.interval) (
    SFUNC = @extschema@.trial_conversion_rate_sfunc,
    STYPE = @extschema@.trial_conversion_rate_state,
    FINALFUNC = @extschema@.trial_conversion_rate_final,
    COMBINEFUNC = @extschema@.trial_conversion_rate_state_combine,
    MSFUNC = @extschema@.trial_conversion_rate_sfunc,
    MINVFUNC = @extschema@.trial_conversion_rate_inv,
    MSTYPE = @extschema@.trial_conversion_rate_state,
    MFINALFUNC = @extschema@.trial_conversion_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trial_conversion_rate(trial_started_at pg_catalog.timestamptz, converted_at pg_catalog.timestamptz, within pg_catalog.interval) IS
    'Trial conversion rate (percent): 100 * trials converted no later than trial_started_at + within / trials (rows with a start)';

CREATE AGGREGATE @extschema@.trial_conversion_rate_state(trial_started_at pg_catalog.timestamptz, converted_at pg_catalog.timestamptz, within pg_catalog.interval) (
    SFUNC = @extschema@.trial_conversion_rate_sfunc,
    STYPE = @extschema@.trial_conversion_rate_state,
    COMBINEFUNC = @extschema@.trial_conversion_rate_state_combine,
    MSFUNC = @extschema@.trial_conversion_rate_sfunc,
    MINVFUNC = @extschema@.trial_conversion_rate_inv,
    MSTYPE = @extschema@.trial_conversion_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trial_conversion_rate_state(trial_started_at pg_catalog.timestamptz, converted_at pg_catalog.timestamptz, within pg_catalog.interval) IS
    'The trial_conversion_rate_state of rows (trial_started_at timestamptz, converted_at timestamptz, within interval), for rollups: store it, then read the metric with trial_conversion_rate(trial_conversion_rate_state), or merge states with trial_conversion_rate_state(trial_conversion_rate_state)';

CREATE FUNCTION @extschema@.trial_conversion_rate_date_sfunc(@extschema@.trial_conversion_rate_state, trial_started_at pg_catalog.date, converted_at pg_catalog.date, within pg_catalog.interval)
RETURNS @extschema@.trial_conversion_rate_state AS 'MODULE_PATHNAME', 'trial_conversion_rate_date_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_conversion_rate_date_sfunc(@extschema@.trial_conversion_rate_state, trial_started_at pg_catalog.date, converted_at pg_catalog.date, within pg_catalog.interval) IS
    'Adds a row (trial_started_at date, converted_at date, within interval) to a trial_conversion_rate_state';

CREATE FUNCTION @extschema@.trial_conversion_rate_date_inv(@extschema@.trial_conversion_rate_state, trial_started_at pg_catalog.date, converted_at pg_catalog.date, within pg_catalog.interval)
RETURNS @extschema@.trial_conversion_rate_state AS 'MODULE_PATHNAME', 'trial_conversion_rate_date_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_conversion_rate_date_inv(@extschema@.trial_conversion_rate_state, trial_started_at pg_catalog.date, converted_at pg_catalog.date, within pg_catalog.interval) IS
    'Removes a row (trial_started_at date, converted_at date, within interval) from a trial_conversion_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.trial_conversion_rate(trial_started_at pg_catalog.date, converted_at pg_catalog.date, within pg_catalog.interval) (
    SFUNC = @extschema@.trial_conversion_rate_date_sfunc,
    STYPE = @extschema@.trial_conversion_rate_state,
    FINALFUNC = @extschema@.trial_conversion_rate_final,
    COMBINEFUNC = @extschema@.trial_conversion_rate_state_combine,
    MSFUNC = @extschema@.trial_conversion_rate_date_sfunc,
    MINVFUNC = @extschema@.trial_conversion_rate_date_inv,
    MSTYPE = @extschema@.trial_conversion_rate_state,
    MFINALFUNC = @extschema@.trial_conversion_rate_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trial_conversion_rate(trial_started_at pg_catalog.date, converted_at pg_catalog.date, within pg_catalog.interval) IS
    'Trial conversion rate (percent): 100 * trials converted no later than trial_started_at + within / trials (rows with a start)';

CREATE AGGREGATE @extschema@.trial_conversion_rate_state(trial_started_at pg_catalog.date, converted_at pg_catalog.date, within pg_catalog.interval) (
    SFUNC = @extschema@.trial_conversion_rate_date_sfunc,
    STYPE = @extschema@.trial_conversion_rate_state,
    COMBINEFUNC = @extschema@.trial_conversion_rate_state_combine,
    MSFUNC = @extschema@.trial_conversion_rate_date_sfunc,
    MINVFUNC = @extschema@.trial_conversion_rate_date_inv,
    MSTYPE = @extschema@.trial_conversion_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trial_conversion_rate_state(trial_started_at pg_catalog.date, converted_at pg_catalog.date, within pg_catalog.interval) IS
    'The trial_conversion_rate_state of rows (trial_started_at date, converted_at date, within interval), for rollups: store it, then read the metric with trial_conversion_rate(trial_conversion_rate_state), or merge states with trial_conversion_rate_state(trial_conversion_rate_state)';
