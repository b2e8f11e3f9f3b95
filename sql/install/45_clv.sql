-- Predictive customer lifetime value (SPEC section 6): clv_summary, clv_fit
-- and the clv_model type, the per-customer predictions, and clv().

-- One customer's calibration summary, the result of clv_summary().
CREATE TYPE @extschema@.clv_customer AS (
    frequency pg_catalog.int4,
    recency pg_catalog.float8,
    age pg_catalog.float8,
    monetary pg_catalog.float8);
COMMENT ON TYPE @extschema@.clv_customer IS
    'A customer''s (frequency, recency, age, monetary) summary, as returned by clv_summary';

-- clv_summary ------------------------------------------------------------

SELECT @extschema@.retention_define_state('clv_summary_state',
    'Partial clv_summary: the customer''s distinct purchase days, total and first-day amounts, observed_until and time unit');
-- Variable size, and can exceed a page: let TOAST compress and move it.
ALTER TYPE @extschema@.clv_summary_state SET (STORAGE = extended);
SELECT @extschema@.retention_define_final('clv_summary', 'clv_summary_state', 'clv_summary_final',
    '@extschema@.clv_customer',
    'A customer''s (frequency, recency, age, monetary) summary');
SELECT @extschema@.retention_define_metric('clv_summary',
    'purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval',
    'clv_summary_state', 'clv_summary_sfunc', 'clv_summary_inv', 'clv_summary_final',
    'A customer''s (frequency, recency, age, monetary) summary over their orders up to observed_until, in time_unit units; same-day purchases (session time zone) count as one');
SELECT @extschema@.retention_define_metric('clv_summary',
    'purchased_at pg_catalog.date, amount pg_catalog.float8, observed_until pg_catalog.date, time_unit pg_catalog.interval',
    'clv_summary_state', 'clv_summary_date_sfunc', 'clv_summary_date_inv', 'clv_summary_final',
    'A customer''s (frequency, recency, age, monetary) summary over their orders up to observed_until, in time_unit units; same-day purchases count as one');
-- numeric amounts (the usual money column): the same summary as amount::float8
-- gives, without the cast's detour through text.
SELECT @extschema@.retention_define_metric('clv_summary',
    'purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, observed_until pg_catalog.timestamptz, time_unit pg_catalog.interval',
    'clv_summary_state', 'clv_summary_numeric_sfunc', 'clv_summary_inv', 'clv_summary_final',
    'A customer''s (frequency, recency, age, monetary) summary over their orders up to observed_until, in time_unit units; same-day purchases (session time zone) count as one');
SELECT @extschema@.retention_define_metric('clv_summary',
    'purchased_at pg_catalog.date, amount pg_catalog.numeric, observed_until pg_catalog.date, time_unit pg_catalog.interval',
    'clv_summary_state', 'clv_summary_date_numeric_sfunc', 'clv_summary_date_inv', 'clv_summary_final',
    'A customer''s (frequency, recency, age, monetary) summary over their orders up to observed_until, in time_unit units; same-day purchases count as one');
-- The calendar day of a timestamptz depends on the session's TimeZone.
ALTER FUNCTION @extschema@.clv_summary_sfunc(@extschema@.clv_summary_state,
    pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.timestamptz, pg_catalog.interval) STABLE;
ALTER FUNCTION @extschema@.clv_summary_inv(@extschema@.clv_summary_state,
    pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.timestamptz, pg_catalog.interval) STABLE;
ALTER FUNCTION @extschema@.clv_summary_numeric_sfunc(@extschema@.clv_summary_state,
    pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.timestamptz, pg_catalog.interval) STABLE;
ALTER FUNCTION @extschema@.clv_summary_inv(@extschema@.clv_summary_state,
    pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.timestamptz, pg_catalog.interval) STABLE;

-- clv_model -------------------------------------------------------------

CREATE TYPE @extschema@.clv_model;
CREATE FUNCTION @extschema@.clv_model_in(pg_catalog.cstring) RETURNS @extschema@.clv_model
    AS 'MODULE_PATHNAME', 'clv_model_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.clv_model_out(@extschema@.clv_model) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'clv_model_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.clv_model_recv(pg_catalog.internal) RETURNS @extschema@.clv_model
    AS 'MODULE_PATHNAME', 'clv_model_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.clv_model_send(@extschema@.clv_model) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'clv_model_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.clv_model (
    INPUT = @extschema@.clv_model_in, OUTPUT = @extschema@.clv_model_out,
    RECEIVE = @extschema@.clv_model_recv, SEND = @extschema@.clv_model_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.clv_model IS
    'Fitted BG/NBD (r, alpha, a, b) and Gamma-Gamma (p, q, v) parameters; text form is a JSON object';
COMMENT ON FUNCTION @extschema@.clv_model_in(pg_catalog.cstring) IS 'Input function of clv_model (JSON text)';
COMMENT ON FUNCTION @extschema@.clv_model_out(@extschema@.clv_model) IS 'Output function of clv_model (JSON text)';
COMMENT ON FUNCTION @extschema@.clv_model_recv(pg_catalog.internal) IS 'Binary input function of clv_model';
COMMENT ON FUNCTION @extschema@.clv_model_send(@extschema@.clv_model) IS 'Binary output function of clv_model';

CREATE FUNCTION @extschema@.clv_model_params(model @extschema@.clv_model) RETURNS pg_catalog.jsonb
    AS 'MODULE_PATHNAME', 'clv_model_params' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_model_params(@extschema@.clv_model) IS
    'The model''s parameters, customer count, convergence flag and log-likelihoods as jsonb';

-- clv_fit ---------------------------------------------------------------

SELECT @extschema@.retention_define_state('clv_fit_state',
    'Partial clv_fit: customers as weighted (frequency, recency, age) and (frequency, monetary) lists');
-- Variable size, and can exceed a page: let TOAST compress and move it.
ALTER TYPE @extschema@.clv_fit_state SET (STORAGE = extended);
SELECT @extschema@.retention_define_final('clv_fit', 'clv_fit_state', 'clv_fit_final',
    '@extschema@.clv_model',
    'BG/NBD and Gamma-Gamma models fitted by maximum likelihood');
SELECT @extschema@.retention_define_metric('clv_fit',
    'frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8, monetary pg_catalog.float8',
    'clv_fit_state', 'clv_fit_sfunc', 'clv_fit_inv', 'clv_fit_final',
    'BG/NBD (all customers) and Gamma-Gamma (customers with frequency > 0) models fitted by maximum likelihood, as a clv_model');

-- per customer ----------------------------------------------------------

CREATE FUNCTION @extschema@.clv_expected_purchases(model @extschema@.clv_model, t pg_catalog.float8,
    frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_expected_purchases'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_expected_purchases(@extschema@.clv_model, pg_catalog.float8,
    pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'BG/NBD expected number of purchases in the next t time units of a customer with this frequency, recency and age';

CREATE FUNCTION @extschema@.clv_p_alive(model @extschema@.clv_model,
    frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_p_alive'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_p_alive(@extschema@.clv_model,
    pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'BG/NBD probability (0 to 1) that a customer with this frequency, recency and age is still active';

CREATE FUNCTION @extschema@.clv_expected_order_value(model @extschema@.clv_model,
    frequency pg_catalog.float8, monetary pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_expected_order_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_expected_order_value(@extschema@.clv_model,
    pg_catalog.float8, pg_catalog.float8) IS
    'Gamma-Gamma expected value of a future order of a customer with this frequency and mean repeat order value';

CREATE FUNCTION @extschema@.clv_predict(model @extschema@.clv_model, t pg_catalog.float8,
    frequency pg_catalog.float8, recency pg_catalog.float8, age pg_catalog.float8,
    monetary pg_catalog.float8, discount_rate pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_predict'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_predict(@extschema@.clv_model, pg_catalog.float8,
    pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'Expected value of a customer over the next t time units: expected purchases per unit, discounted by (1 + discount_rate) per unit, times the expected order value';

-- clv(customer_id, purchased_at, amount, horizon) -------------------------

SELECT @extschema@.retention_define_state('clv_state',
    'Partial clv: the group''s orders (customer key, day, amount) and the horizon');
-- Variable size, and can exceed a page: let TOAST compress and move it.
ALTER TYPE @extschema@.clv_state SET (STORAGE = extended);
SELECT @extschema@.retention_define_final('clv', 'clv_state', 'clv_final', 'pg_catalog.float8',
    'Mean predicted customer value over the horizon');
SELECT @extschema@.retention_define_metric('clv',
    'customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval',
    'clv_state', 'clv_int8_sfunc', 'clv_orders_inv', 'clv_final',
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group)');
SELECT @extschema@.retention_define_metric('clv',
    'customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval',
    'clv_state', 'clv_text_sfunc', 'clv_orders_inv', 'clv_final',
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group)');
SELECT @extschema@.retention_define_metric('clv',
    'customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz, amount pg_catalog.float8, horizon pg_catalog.interval',
    'clv_state', 'clv_uuid_sfunc', 'clv_orders_inv', 'clv_final',
    'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group)');
-- numeric amounts (the usual money column): the same value as amount::float8
-- gives, without the cast's detour through text.
DO $clv$
DECLARE
    k pg_catalog.text;
BEGIN
    FOREACH k IN ARRAY ARRAY['int8', 'text', 'uuid'] LOOP
        PERFORM @extschema@.retention_define_metric('clv',
            pg_catalog.format('customer_id pg_catalog.%s, purchased_at pg_catalog.timestamptz, amount pg_catalog.numeric, horizon pg_catalog.interval', k),
            'clv_state', pg_catalog.format('clv_%s_numeric_sfunc', k), 'clv_orders_inv', 'clv_final',
            'Mean predicted value per customer over the horizon after the group''s last purchase (BG/NBD and Gamma-Gamma fitted on the group)');
    END LOOP;
END
$clv$;

-- The day of a purchase is its calendar day in the session's TimeZone.
DO $clv$
DECLARE
    k pg_catalog.text;
BEGIN
    FOREACH k IN ARRAY ARRAY['int8', 'text', 'uuid'] LOOP
        EXECUTE pg_catalog.format('ALTER FUNCTION @extschema@.clv_%1$s_sfunc(@extschema@.clv_state, pg_catalog.%1$s, '
            'pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.interval) STABLE', k);
        EXECUTE pg_catalog.format('ALTER FUNCTION @extschema@.clv_%1$s_numeric_sfunc(@extschema@.clv_state, pg_catalog.%1$s, '
            'pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.interval) STABLE', k);
        EXECUTE pg_catalog.format('ALTER FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, pg_catalog.%1$s, '
            'pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.interval) STABLE', k);
        EXECUTE pg_catalog.format('ALTER FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, pg_catalog.%1$s, '
            'pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.interval) STABLE', k);
    END LOOP;
END
$clv$;

-- The declaration helper leaves the state types' I/O functions uncommented.
COMMENT ON FUNCTION @extschema@.clv_summary_state_in(pg_catalog.cstring) IS 'Input function of clv_summary_state (validates everything)';
COMMENT ON FUNCTION @extschema@.clv_summary_state_out(@extschema@.clv_summary_state) IS 'Output function of clv_summary_state';
COMMENT ON FUNCTION @extschema@.clv_summary_state_recv(pg_catalog.internal) IS 'Binary input function of clv_summary_state (validates everything)';
COMMENT ON FUNCTION @extschema@.clv_summary_state_send(@extschema@.clv_summary_state) IS 'Binary output function of clv_summary_state';
COMMENT ON FUNCTION @extschema@.clv_fit_state_in(pg_catalog.cstring) IS 'Input function of clv_fit_state (validates everything)';
COMMENT ON FUNCTION @extschema@.clv_fit_state_out(@extschema@.clv_fit_state) IS 'Output function of clv_fit_state';
COMMENT ON FUNCTION @extschema@.clv_fit_state_recv(pg_catalog.internal) IS 'Binary input function of clv_fit_state (validates everything)';
COMMENT ON FUNCTION @extschema@.clv_fit_state_send(@extschema@.clv_fit_state) IS 'Binary output function of clv_fit_state';
COMMENT ON FUNCTION @extschema@.clv_state_in(pg_catalog.cstring) IS 'Input function of clv_state (validates everything)';
COMMENT ON FUNCTION @extschema@.clv_state_out(@extschema@.clv_state) IS 'Output function of clv_state';
COMMENT ON FUNCTION @extschema@.clv_state_recv(pg_catalog.internal) IS 'Binary input function of clv_state (validates everything)';
COMMENT ON FUNCTION @extschema@.clv_state_send(@extschema@.clv_state) IS 'Binary output function of clv_state';
