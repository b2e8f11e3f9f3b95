-- Customer keys of the types users' tables have (issue 24): smallint (it
-- casts implicitly to both integer and bigint, so a smallint key was
-- ambiguous) and numeric (what migrations from other databases leave), for
-- the order metrics and cohort_retention.  Each overload has its own C
-- entry point in src/customer_key_extra.c, which passes a smallint key on as
-- the int4 it equals and a numeric key as the int8 it equals, to the
-- integer-key transition function: 42, 42::smallint and 42::numeric are one
-- customer, and their states merge.  A numeric key must be a whole number
-- within bigint (22023 / 22003 otherwise, naming it).  varchar keys already
-- resolve to the text forms.


CREATE FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int2)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int2) IS
    'Adds a row (customer_id int2) to a repeat_purchase_ratio_state';

CREATE FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int2)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_inv_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int2) IS
    'Removes a row (customer_id int2) from a repeat_purchase_ratio_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.repeat_purchase_ratio(customer_id pg_catalog.int2) (
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
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio(customer_id pg_catalog.int2) IS
    'Repeat purchase ratio (percent) of order rows: 100 * customers with 2 or more rows / distinct customers (smallint keys)';

CREATE AGGREGATE @extschema@.repeat_purchase_ratio_state(customer_id pg_catalog.int2) (
    SFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    STYPE = @extschema@.repeat_purchase_ratio_state,
    COMBINEFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MSFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    MINVFUNC = @extschema@.repeat_purchase_ratio_inv,
    MSTYPE = @extschema@.repeat_purchase_ratio_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio_state(customer_id pg_catalog.int2) IS
    'The repeat_purchase_ratio_state of rows (customer_id int2), for rollups: store it, then read the metric with its aggregate over repeat_purchase_ratio_state, or merge states with repeat_purchase_ratio_state(repeat_purchase_ratio_state)';

CREATE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int2, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int2, min_orders pg_catalog.int4) IS
    'Adds a row (customer_id int2, min_orders int4) to a loyal_customer_rate_state';

CREATE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int2, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int2, min_orders pg_catalog.int4) IS
    'Removes a row (customer_id int2, min_orders int4) from a loyal_customer_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.int2, min_orders pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.int2, min_orders pg_catalog.int4) IS
    'Loyal customer rate (percent) of order rows: 100 * customers with at least min_orders rows / distinct customers (smallint keys)';

CREATE AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.int2, min_orders pg_catalog.int4) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.int2, min_orders pg_catalog.int4) IS
    'The loyal_customer_rate_state of rows (customer_id int2, min_orders int4), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';

CREATE FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.int2)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.int2) IS
    'Adds a row (customer_id int2) to a purchase_frequency_state';

CREATE FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.int2)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_inv_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.int2) IS
    'Removes a row (customer_id int2) from a purchase_frequency_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.purchase_frequency(customer_id pg_catalog.int2) (
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
COMMENT ON AGGREGATE @extschema@.purchase_frequency(customer_id pg_catalog.int2) IS
    'Purchase frequency of order rows: rows / distinct customers (smallint keys)';

CREATE AGGREGATE @extschema@.purchase_frequency_state(customer_id pg_catalog.int2) (
    SFUNC = @extschema@.purchase_frequency_sfunc,
    STYPE = @extschema@.purchase_frequency_state,
    COMBINEFUNC = @extschema@.purchase_frequency_state_combine,
    MSFUNC = @extschema@.purchase_frequency_sfunc,
    MINVFUNC = @extschema@.purchase_frequency_inv,
    MSTYPE = @extschema@.purchase_frequency_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.purchase_frequency_state(customer_id pg_catalog.int2) IS
    'The purchase_frequency_state of rows (customer_id int2), for rollups: store it, then read the metric with its aggregate over purchase_frequency_state, or merge states with purchase_frequency_state(purchase_frequency_state)';

CREATE FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz) IS
    'Adds a row (customer_id int2, purchased_at timestamptz) to a time_between_purchases_state';

CREATE FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_inv_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz) IS
    'Removes a row (customer_id int2, purchased_at timestamptz) from a time_between_purchases_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz) (
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
COMMENT ON AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz) IS
    'Mean time between a customer''s consecutive purchases, pooled: sum(last - first) / sum(orders - 1) over customers with 2 or more orders (smallint keys)';

CREATE AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.time_between_purchases_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.int2, purchased_at pg_catalog.timestamptz) IS
    'The time_between_purchases_state of rows (customer_id int2, purchased_at timestamptz), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';

CREATE FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int2, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int2, purchased_on pg_catalog.date) IS
    'Adds a row (customer_id int2, purchased_on date) to a time_between_purchases_state';

CREATE FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int2, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_inv_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int2, purchased_on pg_catalog.date) IS
    'Removes a row (customer_id int2, purchased_on date) from a time_between_purchases_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.int2, purchased_on pg_catalog.date) (
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
COMMENT ON AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.int2, purchased_on pg_catalog.date) IS
    'Mean time between a customer''s consecutive purchase dates, pooled: sum(last - first) / sum(orders - 1) over customers with 2 or more orders (smallint keys)';

CREATE AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.int2, purchased_on pg_catalog.date) (
    SFUNC = @extschema@.time_between_purchases_date_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_date_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_date_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.int2, purchased_on pg_catalog.date) IS
    'The time_between_purchases_state of rows (customer_id int2, purchased_on date), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int2, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int2, active_on pg_catalog.date) IS
    'Adds a row (user_id int2, active_on date) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int2, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_inv_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int2, active_on pg_catalog.date) IS
    'Removes a row (user_id int2, active_on date) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.int2, active_on pg_catalog.date) (
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
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.int2, active_on pg_catalog.date) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users (smallint keys)';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int2, active_on pg_catalog.date) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.int2, active_on pg_catalog.date) IS
    'The stickiness_state of rows (user_id int2, active_on date), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.numeric)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.numeric) IS
    'Adds a row (customer_id numeric) to a repeat_purchase_ratio_state';

CREATE FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.numeric)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_inv_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.numeric) IS
    'Removes a row (customer_id numeric) from a repeat_purchase_ratio_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.repeat_purchase_ratio(customer_id pg_catalog.numeric) (
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
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio(customer_id pg_catalog.numeric) IS
    'Repeat purchase ratio (percent) of order rows: 100 * customers with 2 or more rows / distinct customers (numeric keys)';

CREATE AGGREGATE @extschema@.repeat_purchase_ratio_state(customer_id pg_catalog.numeric) (
    SFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    STYPE = @extschema@.repeat_purchase_ratio_state,
    COMBINEFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MSFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    MINVFUNC = @extschema@.repeat_purchase_ratio_inv,
    MSTYPE = @extschema@.repeat_purchase_ratio_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio_state(customer_id pg_catalog.numeric) IS
    'The repeat_purchase_ratio_state of rows (customer_id numeric), for rollups: store it, then read the metric with its aggregate over repeat_purchase_ratio_state, or merge states with repeat_purchase_ratio_state(repeat_purchase_ratio_state)';

CREATE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.numeric, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.numeric, min_orders pg_catalog.int4) IS
    'Adds a row (customer_id numeric, min_orders int4) to a loyal_customer_rate_state';

CREATE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.numeric, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.numeric, min_orders pg_catalog.int4) IS
    'Removes a row (customer_id numeric, min_orders int4) from a loyal_customer_rate_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.numeric, min_orders pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate(customer_id pg_catalog.numeric, min_orders pg_catalog.int4) IS
    'Loyal customer rate (percent) of order rows: 100 * customers with at least min_orders rows / distinct customers (numeric keys)';

CREATE AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.numeric, min_orders pg_catalog.int4) (
    SFUNC = @extschema@.loyal_customer_rate_sfunc,
    STYPE = @extschema@.loyal_customer_rate_state,
    COMBINEFUNC = @extschema@.loyal_customer_rate_state_combine,
    MSFUNC = @extschema@.loyal_customer_rate_sfunc,
    MINVFUNC = @extschema@.loyal_customer_rate_inv,
    MSTYPE = @extschema@.loyal_customer_rate_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(customer_id pg_catalog.numeric, min_orders pg_catalog.int4) IS
    'The loyal_customer_rate_state of rows (customer_id numeric, min_orders int4), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';

CREATE FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.numeric)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.numeric) IS
    'Adds a row (customer_id numeric) to a purchase_frequency_state';

CREATE FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.numeric)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_inv_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.numeric) IS
    'Removes a row (customer_id numeric) from a purchase_frequency_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.purchase_frequency(customer_id pg_catalog.numeric) (
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
COMMENT ON AGGREGATE @extschema@.purchase_frequency(customer_id pg_catalog.numeric) IS
    'Purchase frequency of order rows: rows / distinct customers (numeric keys)';

CREATE AGGREGATE @extschema@.purchase_frequency_state(customer_id pg_catalog.numeric) (
    SFUNC = @extschema@.purchase_frequency_sfunc,
    STYPE = @extschema@.purchase_frequency_state,
    COMBINEFUNC = @extschema@.purchase_frequency_state_combine,
    MSFUNC = @extschema@.purchase_frequency_sfunc,
    MINVFUNC = @extschema@.purchase_frequency_inv,
    MSTYPE = @extschema@.purchase_frequency_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.purchase_frequency_state(customer_id pg_catalog.numeric) IS
    'The purchase_frequency_state of rows (customer_id numeric), for rollups: store it, then read the metric with its aggregate over purchase_frequency_state, or merge states with purchase_frequency_state(purchase_frequency_state)';

CREATE FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz) IS
    'Adds a row (customer_id numeric, purchased_at timestamptz) to a time_between_purchases_state';

CREATE FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_inv_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz) IS
    'Removes a row (customer_id numeric, purchased_at timestamptz) from a time_between_purchases_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz) (
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
COMMENT ON AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz) IS
    'Mean time between a customer''s consecutive purchases, pooled: sum(last - first) / sum(orders - 1) over customers with 2 or more orders (numeric keys)';

CREATE AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz) (
    SFUNC = @extschema@.time_between_purchases_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.numeric, purchased_at pg_catalog.timestamptz) IS
    'The time_between_purchases_state of rows (customer_id numeric, purchased_at timestamptz), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';

CREATE FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.numeric, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.numeric, purchased_on pg_catalog.date) IS
    'Adds a row (customer_id numeric, purchased_on date) to a time_between_purchases_state';

CREATE FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.numeric, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_inv_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.numeric, purchased_on pg_catalog.date) IS
    'Removes a row (customer_id numeric, purchased_on date) from a time_between_purchases_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.numeric, purchased_on pg_catalog.date) (
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
COMMENT ON AGGREGATE @extschema@.time_between_purchases(customer_id pg_catalog.numeric, purchased_on pg_catalog.date) IS
    'Mean time between a customer''s consecutive purchase dates, pooled: sum(last - first) / sum(orders - 1) over customers with 2 or more orders (numeric keys)';

CREATE AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.numeric, purchased_on pg_catalog.date) (
    SFUNC = @extschema@.time_between_purchases_date_sfunc,
    STYPE = @extschema@.time_between_purchases_state,
    COMBINEFUNC = @extschema@.time_between_purchases_state_combine,
    MSFUNC = @extschema@.time_between_purchases_date_sfunc,
    MINVFUNC = @extschema@.time_between_purchases_date_inv,
    MSTYPE = @extschema@.time_between_purchases_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(customer_id pg_catalog.numeric, purchased_on pg_catalog.date) IS
    'The time_between_purchases_state of rows (customer_id numeric, purchased_on date), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';

CREATE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.numeric, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.numeric, active_on pg_catalog.date) IS
    'Adds a row (user_id numeric, active_on date) to a stickiness_state';

CREATE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.numeric, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_inv_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.numeric, active_on pg_catalog.date) IS
    'Removes a row (user_id numeric, active_on date) from a stickiness_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.stickiness(user_id pg_catalog.numeric, active_on pg_catalog.date) (
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
COMMENT ON AGGREGATE @extschema@.stickiness(user_id pg_catalog.numeric, active_on pg_catalog.date) IS
    'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users (numeric keys)';

CREATE AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.numeric, active_on pg_catalog.date) (
    SFUNC = @extschema@.stickiness_sfunc,
    STYPE = @extschema@.stickiness_state,
    COMBINEFUNC = @extschema@.stickiness_state_combine,
    MSFUNC = @extschema@.stickiness_sfunc,
    MINVFUNC = @extschema@.stickiness_inv,
    MSTYPE = @extschema@.stickiness_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.stickiness_state(user_id pg_catalog.numeric, active_on pg_catalog.date) IS
    'The stickiness_state of rows (user_id numeric, active_on date), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';

CREATE FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_sfunc_int2'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Adds a row (customer_id int2, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_retention_state';

CREATE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Removes a row (customer_id int2, cohort_start timestamptz, active_at timestamptz, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    FINALFUNC = @extschema@.cohort_retention_final,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    MFINALFUNC = @extschema@.cohort_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Cohort retention (percent) per period: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers (smallint keys)';

CREATE AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.int2, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id int2, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';

CREATE FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_date_sfunc_int2'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Adds a row (customer_id int2, cohort_start date, active_at date, period interval) to a cohort_retention_state';

CREATE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Removes a row (customer_id int2, cohort_start date, active_at date, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_date_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    FINALFUNC = @extschema@.cohort_retention_final,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_date_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    MFINALFUNC = @extschema@.cohort_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Cohort retention (percent) per period, from dates: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers (smallint keys)';

CREATE AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_date_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_date_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.int2, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id int2, cohort_start date, active_at date, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';

CREATE FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_sfunc_numeric'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Adds a row (customer_id numeric, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_retention_state';

CREATE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Removes a row (customer_id numeric, cohort_start timestamptz, active_at timestamptz, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    FINALFUNC = @extschema@.cohort_retention_final,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    MFINALFUNC = @extschema@.cohort_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'Cohort retention (percent) per period: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers (numeric keys)';

CREATE AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id numeric, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';

CREATE FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_date_sfunc_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Adds a row (customer_id numeric, cohort_start date, active_at date, period interval) to a cohort_retention_state';

CREATE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Removes a row (customer_id numeric, cohort_start date, active_at date, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_date_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    FINALFUNC = @extschema@.cohort_retention_final,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_date_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    MFINALFUNC = @extschema@.cohort_retention_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'Cohort retention (percent) per period, from dates: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers (numeric keys)';

CREATE AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) (
    SFUNC = @extschema@.cohort_retention_date_sfunc,
    STYPE = @extschema@.cohort_retention_state,
    COMBINEFUNC = @extschema@.cohort_retention_state_combine,
    MSFUNC = @extschema@.cohort_retention_date_sfunc,
    MINVFUNC = @extschema@.cohort_retention_inv,
    MSTYPE = @extschema@.cohort_retention_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(customer_id pg_catalog.numeric, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id numeric, cohort_start date, active_at date, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';

-- varchar keys of the one-argument state aggregates.  Their names are also
-- the names of their state types, so without an exact varchar overload
-- PostgreSQL reads repeat_purchase_ratio_state(varchar_column) as a
-- function-style cast of the key text to the state type (22P02 on "17")
-- instead of the text form.  These overloads take the text form's support
-- functions (varchar is binary-coercible to text).
CREATE AGGREGATE @extschema@.repeat_purchase_ratio_state(customer_id pg_catalog.varchar) (
    SFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    STYPE = @extschema@.repeat_purchase_ratio_state,
    COMBINEFUNC = @extschema@.repeat_purchase_ratio_state_combine,
    MSFUNC = @extschema@.repeat_purchase_ratio_sfunc,
    MINVFUNC = @extschema@.repeat_purchase_ratio_inv,
    MSTYPE = @extschema@.repeat_purchase_ratio_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio_state(customer_id pg_catalog.varchar) IS
    'The repeat_purchase_ratio_state of rows (customer_id varchar, as text), for rollups: store it, then read the metric with its aggregate over repeat_purchase_ratio_state, or merge states with repeat_purchase_ratio_state(repeat_purchase_ratio_state)';

CREATE AGGREGATE @extschema@.purchase_frequency_state(customer_id pg_catalog.varchar) (
    SFUNC = @extschema@.purchase_frequency_sfunc,
    STYPE = @extschema@.purchase_frequency_state,
    COMBINEFUNC = @extschema@.purchase_frequency_state_combine,
    MSFUNC = @extschema@.purchase_frequency_sfunc,
    MINVFUNC = @extschema@.purchase_frequency_inv,
    MSTYPE = @extschema@.purchase_frequency_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.purchase_frequency_state(customer_id pg_catalog.varchar) IS
    'The purchase_frequency_state of rows (customer_id varchar, as text), for rollups: store it, then read the metric with its aggregate over purchase_frequency_state, or merge states with purchase_frequency_state(purchase_frequency_state)';
