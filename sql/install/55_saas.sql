-- SaaS revenue analytics (SPEC section 9): the MRR bridge
-- (mrr_movements), revenue retention by cohort, ARPA, unit economics and
-- trial conversion.
--
-- mrr_movements' state is the customer-month table of src/mrr.c: per
-- customer and calendar month the MRR, so that states merge exactly
-- whatever split them (customer ranges, quarters, parallel workers, Citus
-- shards).  The bridge of a frame needs the whole table, so these
-- aggregates have no moving-aggregate support: a sliding window recomputes
-- each frame.

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
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_state_combine(@extschema@.mrr_movements_state, @extschema@.mrr_movements_state) IS
    'Merges two mrr_movements_state values (the combine function of every aggregate over mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_final(@extschema@.mrr_movements_state)
RETURNS @extschema@.mrr_movement[] AS 'MODULE_PATHNAME', 'mrr_movements_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_final(@extschema@.mrr_movements_state) IS
    'The MRR bridge, one mrr_movement per calendar month, from an mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements_state(@extschema@.mrr_movements_state) (
    SFUNC = @extschema@.mrr_movements_state_combine,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(@extschema@.mrr_movements_state) IS
    'Merges stored mrr_movements_state values into one (multi-level rollups)';

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
    'Adds a row (customer_id int4, month date, mrr numeric) to an mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); a customer''s rows in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The mrr_movements_state of rows (customer_id int4, month date, mrr numeric), for rollups: store it, then read the bridge with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.numeric)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id int8, month date, mrr numeric) to an mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); a customer''s rows in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The mrr_movements_state of rows (customer_id int8, month date, mrr numeric), for rollups: store it, then read the bridge with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.numeric)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id text, month date, mrr numeric) to an mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); a customer''s rows in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The mrr_movements_state of rows (customer_id text, month date, mrr numeric), for rollups: store it, then read the bridge with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.numeric)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'Adds a row (customer_id uuid, month date, mrr numeric) to an mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); a customer''s rows in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.numeric) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.numeric) IS
    'The mrr_movements_state of rows (customer_id uuid, month date, mrr numeric), for rollups: store it, then read the bridge with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.float8)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_float8_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.float8) IS
    'Adds a row (customer_id int4, month date, mrr float8) to an mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); a customer''s rows in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int4, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The mrr_movements_state of rows (customer_id int4, month date, mrr float8), for rollups: store it, then read the bridge with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.float8)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_float8_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.float8) IS
    'Adds a row (customer_id int8, month date, mrr float8) to an mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); a customer''s rows in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.int8, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The mrr_movements_state of rows (customer_id int8, month date, mrr float8), for rollups: store it, then read the bridge with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.float8)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_float8_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.float8) IS
    'Adds a row (customer_id text, month date, mrr float8) to an mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); a customer''s rows in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.text, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The mrr_movements_state of rows (customer_id text, month date, mrr float8), for rollups: store it, then read the bridge with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';

CREATE FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.float8)
RETURNS @extschema@.mrr_movements_state AS 'MODULE_PATHNAME', 'mrr_movements_float8_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_sfunc(@extschema@.mrr_movements_state, customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.float8) IS
    'Adds a row (customer_id uuid, month date, mrr float8) to an mrr_movements_state';

CREATE AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    FINALFUNC = @extschema@.mrr_movements_final,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The MRR bridge: one mrr_movement per calendar month from the earliest to the latest month of the group (new, expansion, contraction, churn, reactivation); a customer''s rows in a month add up';

CREATE AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.float8) (
    SFUNC = @extschema@.mrr_movements_sfunc,
    STYPE = @extschema@.mrr_movements_state,
    COMBINEFUNC = @extschema@.mrr_movements_state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mrr_movements_state(customer_id pg_catalog.uuid, month pg_catalog.date, mrr pg_catalog.float8) IS
    'The mrr_movements_state of rows (customer_id uuid, month date, mrr float8), for rollups: store it, then read the bridge with mrr_movements(mrr_movements_state), or merge states with mrr_movements_state(mrr_movements_state)';
