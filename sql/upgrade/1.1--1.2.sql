\echo Use "ALTER EXTENSION retention UPDATE TO '1.2'" to load this file. \quit

-- retention 1.1 -> 1.2: changes to objects that 1.1 already had; the
-- Makefile appends the install files that are new since 1.1 (UPGRADE_NEW).
-- test/sh/upgrade.sh compares every object of 1.0 -> 1.1 -> 1.2 with a
-- fresh 1.2 install and fails on any difference.

-- Support functions are named after what they serve: the abbreviated names
-- of 1.1 are spelled out.  Renaming keeps each function's OID, so stored
-- states, views and the aggregates that use them are unaffected.
ALTER FUNCTION @extschema@.churn_final(@extschema@.churn_state) RENAME TO churn_rate_final;
ALTER FUNCTION @extschema@.retention_final(@extschema@.churn_state) RENAME TO retention_rate_final;
ALTER FUNCTION @extschema@.nrr_final(@extschema@.revenue_state) RENAME TO net_revenue_retention_final;
ALTER FUNCTION @extschema@.grr_final(@extschema@.revenue_state) RENAME TO gross_revenue_retention_final;
ALTER FUNCTION @extschema@.rpr_final(@extschema@.repeat_purchase_ratio_state) RENAME TO repeat_purchase_ratio_final;
ALTER FUNCTION @extschema@.loyal_final(@extschema@.loyal_customer_rate_state) RENAME TO loyal_customer_rate_final;
ALTER FUNCTION @extschema@.pf_final(@extschema@.purchase_frequency_state) RENAME TO purchase_frequency_final;
ALTER FUNCTION @extschema@.tbp_final(@extschema@.time_between_purchases_state) RENAME TO time_between_purchases_final;
ALTER FUNCTION @extschema@.stick_final(@extschema@.stickiness_state) RENAME TO stickiness_final;
ALTER FUNCTION @extschema@.rpr_sfunc(@extschema@.repeat_purchase_ratio_state, pg_catalog.int4) RENAME TO repeat_purchase_ratio_sfunc;
ALTER FUNCTION @extschema@.rpr_inv(@extschema@.repeat_purchase_ratio_state, pg_catalog.int4) RENAME TO repeat_purchase_ratio_inv;
ALTER FUNCTION @extschema@.rpr_sfunc(@extschema@.repeat_purchase_ratio_state, pg_catalog.int8) RENAME TO repeat_purchase_ratio_sfunc;
ALTER FUNCTION @extschema@.rpr_inv(@extschema@.repeat_purchase_ratio_state, pg_catalog.int8) RENAME TO repeat_purchase_ratio_inv;
ALTER FUNCTION @extschema@.rpr_sfunc(@extschema@.repeat_purchase_ratio_state, pg_catalog.text) RENAME TO repeat_purchase_ratio_sfunc;
ALTER FUNCTION @extschema@.rpr_inv(@extschema@.repeat_purchase_ratio_state, pg_catalog.text) RENAME TO repeat_purchase_ratio_inv;
ALTER FUNCTION @extschema@.rpr_sfunc(@extschema@.repeat_purchase_ratio_state, pg_catalog.uuid) RENAME TO repeat_purchase_ratio_sfunc;
ALTER FUNCTION @extschema@.rpr_inv(@extschema@.repeat_purchase_ratio_state, pg_catalog.uuid) RENAME TO repeat_purchase_ratio_inv;
ALTER FUNCTION @extschema@.loyal_sfunc(@extschema@.loyal_customer_rate_state, pg_catalog.int4, pg_catalog.int4) RENAME TO loyal_customer_rate_sfunc;
ALTER FUNCTION @extschema@.loyal_inv(@extschema@.loyal_customer_rate_state, pg_catalog.int4, pg_catalog.int4) RENAME TO loyal_customer_rate_inv;
ALTER FUNCTION @extschema@.loyal_sfunc(@extschema@.loyal_customer_rate_state, pg_catalog.int8, pg_catalog.int4) RENAME TO loyal_customer_rate_sfunc;
ALTER FUNCTION @extschema@.loyal_inv(@extschema@.loyal_customer_rate_state, pg_catalog.int8, pg_catalog.int4) RENAME TO loyal_customer_rate_inv;
ALTER FUNCTION @extschema@.loyal_sfunc(@extschema@.loyal_customer_rate_state, pg_catalog.text, pg_catalog.int4) RENAME TO loyal_customer_rate_sfunc;
ALTER FUNCTION @extschema@.loyal_inv(@extschema@.loyal_customer_rate_state, pg_catalog.text, pg_catalog.int4) RENAME TO loyal_customer_rate_inv;
ALTER FUNCTION @extschema@.loyal_sfunc(@extschema@.loyal_customer_rate_state, pg_catalog.uuid, pg_catalog.int4) RENAME TO loyal_customer_rate_sfunc;
ALTER FUNCTION @extschema@.loyal_inv(@extschema@.loyal_customer_rate_state, pg_catalog.uuid, pg_catalog.int4) RENAME TO loyal_customer_rate_inv;
ALTER FUNCTION @extschema@.pf_sfunc(@extschema@.purchase_frequency_state, pg_catalog.int4) RENAME TO purchase_frequency_sfunc;
ALTER FUNCTION @extschema@.pf_inv(@extschema@.purchase_frequency_state, pg_catalog.int4) RENAME TO purchase_frequency_inv;
ALTER FUNCTION @extschema@.pf_sfunc(@extschema@.purchase_frequency_state, pg_catalog.int8) RENAME TO purchase_frequency_sfunc;
ALTER FUNCTION @extschema@.pf_inv(@extschema@.purchase_frequency_state, pg_catalog.int8) RENAME TO purchase_frequency_inv;
ALTER FUNCTION @extschema@.pf_sfunc(@extschema@.purchase_frequency_state, pg_catalog.text) RENAME TO purchase_frequency_sfunc;
ALTER FUNCTION @extschema@.pf_inv(@extschema@.purchase_frequency_state, pg_catalog.text) RENAME TO purchase_frequency_inv;
ALTER FUNCTION @extschema@.pf_sfunc(@extschema@.purchase_frequency_state, pg_catalog.uuid) RENAME TO purchase_frequency_sfunc;
ALTER FUNCTION @extschema@.pf_inv(@extschema@.purchase_frequency_state, pg_catalog.uuid) RENAME TO purchase_frequency_inv;
ALTER FUNCTION @extschema@.tbp_sfunc(@extschema@.time_between_purchases_state, pg_catalog.int4, pg_catalog.timestamptz) RENAME TO time_between_purchases_sfunc;
ALTER FUNCTION @extschema@.tbp_inv(@extschema@.time_between_purchases_state, pg_catalog.int4, pg_catalog.timestamptz) RENAME TO time_between_purchases_inv;
ALTER FUNCTION @extschema@.tbp_sfunc(@extschema@.time_between_purchases_state, pg_catalog.int8, pg_catalog.timestamptz) RENAME TO time_between_purchases_sfunc;
ALTER FUNCTION @extschema@.tbp_inv(@extschema@.time_between_purchases_state, pg_catalog.int8, pg_catalog.timestamptz) RENAME TO time_between_purchases_inv;
ALTER FUNCTION @extschema@.tbp_sfunc(@extschema@.time_between_purchases_state, pg_catalog.text, pg_catalog.timestamptz) RENAME TO time_between_purchases_sfunc;
ALTER FUNCTION @extschema@.tbp_inv(@extschema@.time_between_purchases_state, pg_catalog.text, pg_catalog.timestamptz) RENAME TO time_between_purchases_inv;
ALTER FUNCTION @extschema@.tbp_sfunc(@extschema@.time_between_purchases_state, pg_catalog.uuid, pg_catalog.timestamptz) RENAME TO time_between_purchases_sfunc;
ALTER FUNCTION @extschema@.tbp_inv(@extschema@.time_between_purchases_state, pg_catalog.uuid, pg_catalog.timestamptz) RENAME TO time_between_purchases_inv;
ALTER FUNCTION @extschema@.tbp_date_sfunc(@extschema@.time_between_purchases_state, pg_catalog.int4, pg_catalog.date) RENAME TO time_between_purchases_date_sfunc;
ALTER FUNCTION @extschema@.tbp_date_inv(@extschema@.time_between_purchases_state, pg_catalog.int4, pg_catalog.date) RENAME TO time_between_purchases_date_inv;
ALTER FUNCTION @extschema@.tbp_date_sfunc(@extschema@.time_between_purchases_state, pg_catalog.int8, pg_catalog.date) RENAME TO time_between_purchases_date_sfunc;
ALTER FUNCTION @extschema@.tbp_date_inv(@extschema@.time_between_purchases_state, pg_catalog.int8, pg_catalog.date) RENAME TO time_between_purchases_date_inv;
ALTER FUNCTION @extschema@.tbp_date_sfunc(@extschema@.time_between_purchases_state, pg_catalog.text, pg_catalog.date) RENAME TO time_between_purchases_date_sfunc;
ALTER FUNCTION @extschema@.tbp_date_inv(@extschema@.time_between_purchases_state, pg_catalog.text, pg_catalog.date) RENAME TO time_between_purchases_date_inv;
ALTER FUNCTION @extschema@.tbp_date_sfunc(@extschema@.time_between_purchases_state, pg_catalog.uuid, pg_catalog.date) RENAME TO time_between_purchases_date_sfunc;
ALTER FUNCTION @extschema@.tbp_date_inv(@extschema@.time_between_purchases_state, pg_catalog.uuid, pg_catalog.date) RENAME TO time_between_purchases_date_inv;
ALTER FUNCTION @extschema@.stick_sfunc(@extschema@.stickiness_state, pg_catalog.int4, pg_catalog.date) RENAME TO stickiness_sfunc;
ALTER FUNCTION @extschema@.stick_inv(@extschema@.stickiness_state, pg_catalog.int4, pg_catalog.date) RENAME TO stickiness_inv;
ALTER FUNCTION @extschema@.stick_sfunc(@extschema@.stickiness_state, pg_catalog.int8, pg_catalog.date) RENAME TO stickiness_sfunc;
ALTER FUNCTION @extschema@.stick_inv(@extschema@.stickiness_state, pg_catalog.int8, pg_catalog.date) RENAME TO stickiness_inv;
ALTER FUNCTION @extschema@.stick_sfunc(@extschema@.stickiness_state, pg_catalog.text, pg_catalog.date) RENAME TO stickiness_sfunc;
ALTER FUNCTION @extschema@.stick_inv(@extschema@.stickiness_state, pg_catalog.text, pg_catalog.date) RENAME TO stickiness_inv;
ALTER FUNCTION @extschema@.stick_sfunc(@extschema@.stickiness_state, pg_catalog.uuid, pg_catalog.date) RENAME TO stickiness_sfunc;
ALTER FUNCTION @extschema@.stick_inv(@extschema@.stickiness_state, pg_catalog.uuid, pg_catalog.date) RENAME TO stickiness_inv;
ALTER FUNCTION @extschema@.rr_final(@extschema@.return_rate_state) RENAME TO return_rate_final;
ALTER FUNCTION @extschema@.rr_sfunc(@extschema@.return_rate_state, pg_catalog.int8, pg_catalog.int8) RENAME TO return_rate_sfunc;
ALTER FUNCTION @extschema@.rr_inv(@extschema@.return_rate_state, pg_catalog.int8, pg_catalog.int8) RENAME TO return_rate_inv;
ALTER FUNCTION @extschema@.rr_bool_sfunc(@extschema@.return_rate_state, pg_catalog.bool) RENAME TO return_rate_bool_sfunc;
ALTER FUNCTION @extschema@.rr_bool_inv(@extschema@.return_rate_state, pg_catalog.bool) RENAME TO return_rate_bool_inv;
ALTER FUNCTION @extschema@.cr_final(@extschema@.conversion_rate_state) RENAME TO conversion_rate_final;
ALTER FUNCTION @extschema@.cr_bool_sfunc(@extschema@.conversion_rate_state, pg_catalog.bool) RENAME TO conversion_rate_bool_sfunc;
ALTER FUNCTION @extschema@.cr_bool_inv(@extschema@.conversion_rate_state, pg_catalog.bool) RENAME TO conversion_rate_bool_inv;
ALTER FUNCTION @extschema@.cr_sfunc(@extschema@.conversion_rate_state, pg_catalog.int8, pg_catalog.int8) RENAME TO conversion_rate_sfunc;
ALTER FUNCTION @extschema@.cr_inv(@extschema@.conversion_rate_state, pg_catalog.int8, pg_catalog.int8) RENAME TO conversion_rate_inv;
ALTER FUNCTION @extschema@.cohort_final(@extschema@.cohort_retention_state) RENAME TO cohort_retention_final;
ALTER FUNCTION @extschema@.cohort_sfunc(@extschema@.cohort_retention_state, pg_catalog.int4, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) RENAME TO cohort_retention_sfunc;
ALTER FUNCTION @extschema@.cohort_inv(@extschema@.cohort_retention_state, pg_catalog.int4, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) RENAME TO cohort_retention_inv;
ALTER FUNCTION @extschema@.cohort_sfunc(@extschema@.cohort_retention_state, pg_catalog.int8, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) RENAME TO cohort_retention_sfunc;
ALTER FUNCTION @extschema@.cohort_inv(@extschema@.cohort_retention_state, pg_catalog.int8, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) RENAME TO cohort_retention_inv;
ALTER FUNCTION @extschema@.cohort_sfunc(@extschema@.cohort_retention_state, pg_catalog.text, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) RENAME TO cohort_retention_sfunc;
ALTER FUNCTION @extschema@.cohort_inv(@extschema@.cohort_retention_state, pg_catalog.text, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) RENAME TO cohort_retention_inv;
ALTER FUNCTION @extschema@.cohort_sfunc(@extschema@.cohort_retention_state, pg_catalog.uuid, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) RENAME TO cohort_retention_sfunc;
ALTER FUNCTION @extschema@.cohort_inv(@extschema@.cohort_retention_state, pg_catalog.uuid, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) RENAME TO cohort_retention_inv;
ALTER FUNCTION @extschema@.cohort_date_sfunc(@extschema@.cohort_retention_state, pg_catalog.int4, pg_catalog.date, pg_catalog.date, pg_catalog.interval) RENAME TO cohort_retention_date_sfunc;
ALTER FUNCTION @extschema@.cohort_inv(@extschema@.cohort_retention_state, pg_catalog.int4, pg_catalog.date, pg_catalog.date, pg_catalog.interval) RENAME TO cohort_retention_inv;
ALTER FUNCTION @extschema@.cohort_date_sfunc(@extschema@.cohort_retention_state, pg_catalog.int8, pg_catalog.date, pg_catalog.date, pg_catalog.interval) RENAME TO cohort_retention_date_sfunc;
ALTER FUNCTION @extschema@.cohort_inv(@extschema@.cohort_retention_state, pg_catalog.int8, pg_catalog.date, pg_catalog.date, pg_catalog.interval) RENAME TO cohort_retention_inv;
ALTER FUNCTION @extschema@.cohort_date_sfunc(@extschema@.cohort_retention_state, pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.interval) RENAME TO cohort_retention_date_sfunc;
ALTER FUNCTION @extschema@.cohort_inv(@extschema@.cohort_retention_state, pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.interval) RENAME TO cohort_retention_inv;
ALTER FUNCTION @extschema@.cohort_date_sfunc(@extschema@.cohort_retention_state, pg_catalog.uuid, pg_catalog.date, pg_catalog.date, pg_catalog.interval) RENAME TO cohort_retention_date_sfunc;
ALTER FUNCTION @extschema@.cohort_inv(@extschema@.cohort_retention_state, pg_catalog.uuid, pg_catalog.date, pg_catalog.date, pg_catalog.interval) RENAME TO cohort_retention_inv;

-- Each signature of a keyed transition function has its own C entry point,
-- so that nothing depends on the call expression (Citus calls transition
-- functions without one); the finals follow their new names.
CREATE OR REPLACE FUNCTION @extschema@.churn_rate_final(@extschema@.churn_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'churn_rate_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.retention_rate_final(@extschema@.churn_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'retention_rate_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.net_revenue_retention_final(@extschema@.revenue_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'net_revenue_retention_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.gross_revenue_retention_final(@extschema@.revenue_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'gross_revenue_retention_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.repeat_purchase_ratio_final(@extschema@.repeat_purchase_ratio_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.loyal_customer_rate_final(@extschema@.loyal_customer_rate_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'loyal_customer_rate_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.purchase_frequency_final(@extschema@.purchase_frequency_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'purchase_frequency_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_final(@extschema@.time_between_purchases_state)
RETURNS pg_catalog.interval AS 'MODULE_PATHNAME', 'time_between_purchases_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.stickiness_final(@extschema@.stickiness_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'stickiness_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int4)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int4)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_inv_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int8)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.int8)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.text)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.text)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_inv_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.uuid)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, customer_id pg_catalog.uuid)
RETURNS @extschema@.repeat_purchase_ratio_state AS 'MODULE_PATHNAME', 'repeat_purchase_ratio_inv_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int4, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int4, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int8, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.int8, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.text, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.text, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.uuid, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, customer_id pg_catalog.uuid, min_orders pg_catalog.int4)
RETURNS @extschema@.loyal_customer_rate_state AS 'MODULE_PATHNAME', 'loyal_customer_rate_inv_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.int4)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.int4)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_inv_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.int8)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.int8)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.text)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.text)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_inv_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, customer_id pg_catalog.uuid)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, customer_id pg_catalog.uuid)
RETURNS @extschema@.purchase_frequency_state AS 'MODULE_PATHNAME', 'purchase_frequency_inv_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int4, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_inv_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int8, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.text, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_inv_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.uuid, purchased_at pg_catalog.timestamptz)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_inv_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int4, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int4, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_inv_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.int8, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.int8, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.text, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.text, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_inv_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, customer_id pg_catalog.uuid, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, customer_id pg_catalog.uuid, purchased_on pg_catalog.date)
RETURNS @extschema@.time_between_purchases_state AS 'MODULE_PATHNAME', 'time_between_purchases_date_inv_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int4, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int4, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_inv_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.int8, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.int8, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_inv_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.text, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.text, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_inv_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, user_id pg_catalog.uuid, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, user_id pg_catalog.uuid, active_on pg_catalog.date)
RETURNS @extschema@.stickiness_state AS 'MODULE_PATHNAME', 'stickiness_inv_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.return_rate_final(@extschema@.return_rate_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'return_rate_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.return_rate_sfunc(@extschema@.return_rate_state, units_sold pg_catalog.int8, units_returned pg_catalog.int8)
RETURNS @extschema@.return_rate_state AS 'MODULE_PATHNAME', 'return_rate_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.return_rate_inv(@extschema@.return_rate_state, units_sold pg_catalog.int8, units_returned pg_catalog.int8)
RETURNS @extschema@.return_rate_state AS 'MODULE_PATHNAME', 'return_rate_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.return_rate_bool_sfunc(@extschema@.return_rate_state, returned pg_catalog.bool)
RETURNS @extschema@.return_rate_state AS 'MODULE_PATHNAME', 'return_rate_bool_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.return_rate_bool_inv(@extschema@.return_rate_state, returned pg_catalog.bool)
RETURNS @extschema@.return_rate_state AS 'MODULE_PATHNAME', 'return_rate_bool_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.conversion_rate_final(@extschema@.conversion_rate_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'conversion_rate_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.conversion_rate_bool_sfunc(@extschema@.conversion_rate_state, converted pg_catalog.bool)
RETURNS @extschema@.conversion_rate_state AS 'MODULE_PATHNAME', 'conversion_rate_bool_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.conversion_rate_bool_inv(@extschema@.conversion_rate_state, converted pg_catalog.bool)
RETURNS @extschema@.conversion_rate_state AS 'MODULE_PATHNAME', 'conversion_rate_bool_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.conversion_rate_sfunc(@extschema@.conversion_rate_state, conversions pg_catalog.int8, visitors pg_catalog.int8)
RETURNS @extschema@.conversion_rate_state AS 'MODULE_PATHNAME', 'conversion_rate_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.conversion_rate_inv(@extschema@.conversion_rate_state, conversions pg_catalog.int8, visitors pg_catalog.int8)
RETURNS @extschema@.conversion_rate_state AS 'MODULE_PATHNAME', 'conversion_rate_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_final(@extschema@.cohort_retention_state)
RETURNS pg_catalog.float8[] AS 'MODULE_PATHNAME', 'cohort_retention_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_date_sfunc_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int4, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_date_sfunc_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.int8, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_date_sfunc_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.text, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_date_sfunc_uuid'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, customer_id pg_catalog.uuid, cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval)
RETURNS @extschema@.cohort_retention_state AS 'MODULE_PATHNAME', 'cohort_retention_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- Comments: argument lists without the pg_catalog prefixes, and the state
-- types' I/O functions, which 1.1 left uncommented.
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_inv(@extschema@.avg_days_to_pay_state, pg_catalog.numeric, pg_catalog.date, pg_catalog.date) IS
    'Removes a row (amount numeric, issued_on date, paid_on date) from a avg_days_to_pay_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_sfunc(@extschema@.avg_days_to_pay_state, pg_catalog.numeric, pg_catalog.date, pg_catalog.date) IS
    'Adds a row (amount numeric, issued_on date, paid_on date) to a avg_days_to_pay_state';
COMMENT ON AGGREGATE @extschema@.avg_days_to_pay_state(pg_catalog.numeric, pg_catalog.date, pg_catalog.date) IS
    'The avg_days_to_pay_state of rows (amount numeric, issued_on date, paid_on date), for rollups: store it, then read the metric with its aggregate over avg_days_to_pay_state, or merge states with avg_days_to_pay_state(avg_days_to_pay_state)';
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_state_in(pg_catalog.cstring) IS
    'Input function of avg_days_to_pay_state (validates everything)';
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_state_out(@extschema@.avg_days_to_pay_state) IS
    'Output function of avg_days_to_pay_state';
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_state_recv(pg_catalog.internal) IS
    'Binary input function of avg_days_to_pay_state (validates everything)';
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_state_send(@extschema@.avg_days_to_pay_state) IS
    'Binary output function of avg_days_to_pay_state';
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, pg_catalog.int4) IS
    'Removes a row (score int4) from a ces_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_state, pg_catalog.int4, pg_catalog.int4) IS
    'Removes a row (score int4, scale_max int4) from a ces_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, pg_catalog.int4) IS
    'Adds a row (score int4) to a ces_state';
COMMENT ON FUNCTION @extschema@.ces_sfunc(@extschema@.ces_state, pg_catalog.int4, pg_catalog.int4) IS
    'Adds a row (score int4, scale_max int4) to a ces_state';
COMMENT ON AGGREGATE @extschema@.ces_state(pg_catalog.int4) IS
    'The ces_state of rows (score int4), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';
COMMENT ON AGGREGATE @extschema@.ces_state(pg_catalog.int4, pg_catalog.int4) IS
    'The ces_state of rows (score int4, scale_max int4), for rollups: store it, then read the metric with its aggregate over ces_state, or merge states with ces_state(ces_state)';
COMMENT ON FUNCTION @extschema@.ces_state_in(pg_catalog.cstring) IS
    'Input function of ces_state (validates everything)';
COMMENT ON FUNCTION @extschema@.ces_state_out(@extschema@.ces_state) IS
    'Output function of ces_state';
COMMENT ON FUNCTION @extschema@.ces_state_recv(pg_catalog.internal) IS
    'Binary input function of ces_state (validates everything)';
COMMENT ON FUNCTION @extschema@.ces_state_send(@extschema@.ces_state) IS
    'Binary output function of ces_state';
COMMENT ON FUNCTION @extschema@.churn_inv(@extschema@.churn_state, pg_catalog.daterange, pg_catalog.daterange) IS
    'Removes a row (activity daterange, period daterange) from a churn_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.churn_inv(@extschema@.churn_state, pg_catalog.tsrange, pg_catalog.tsrange) IS
    'Removes a row (activity tsrange, period tsrange) from a churn_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.churn_inv(@extschema@.churn_state, pg_catalog.tstzrange, pg_catalog.tstzrange) IS
    'Removes a row (activity tstzrange, period tstzrange) from a churn_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.churn_multi_inv(@extschema@.churn_state, pg_catalog.datemultirange, pg_catalog.daterange) IS
    'Removes a row (activity datemultirange, period daterange) from a churn_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.churn_multi_inv(@extschema@.churn_state, pg_catalog.tsmultirange, pg_catalog.tsrange) IS
    'Removes a row (activity tsmultirange, period tsrange) from a churn_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.churn_multi_inv(@extschema@.churn_state, pg_catalog.tstzmultirange, pg_catalog.tstzrange) IS
    'Removes a row (activity tstzmultirange, period tstzrange) from a churn_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.churn_multi_sfunc(@extschema@.churn_state, pg_catalog.datemultirange, pg_catalog.daterange) IS
    'Adds a row (activity datemultirange, period daterange) to a churn_state';
COMMENT ON FUNCTION @extschema@.churn_multi_sfunc(@extschema@.churn_state, pg_catalog.tsmultirange, pg_catalog.tsrange) IS
    'Adds a row (activity tsmultirange, period tsrange) to a churn_state';
COMMENT ON FUNCTION @extschema@.churn_multi_sfunc(@extschema@.churn_state, pg_catalog.tstzmultirange, pg_catalog.tstzrange) IS
    'Adds a row (activity tstzmultirange, period tstzrange) to a churn_state';
COMMENT ON FUNCTION @extschema@.churn_sfunc(@extschema@.churn_state, pg_catalog.daterange, pg_catalog.daterange) IS
    'Adds a row (activity daterange, period daterange) to a churn_state';
COMMENT ON FUNCTION @extschema@.churn_sfunc(@extschema@.churn_state, pg_catalog.tsrange, pg_catalog.tsrange) IS
    'Adds a row (activity tsrange, period tsrange) to a churn_state';
COMMENT ON FUNCTION @extschema@.churn_sfunc(@extschema@.churn_state, pg_catalog.tstzrange, pg_catalog.tstzrange) IS
    'Adds a row (activity tstzrange, period tstzrange) to a churn_state';
COMMENT ON AGGREGATE @extschema@.churn_state(pg_catalog.datemultirange, pg_catalog.daterange) IS
    'The churn_state of rows (activity datemultirange, period daterange), for rollups: store it, then read the metric with its aggregate over churn_state, or merge states with churn_state(churn_state)';
COMMENT ON AGGREGATE @extschema@.churn_state(pg_catalog.daterange, pg_catalog.daterange) IS
    'The churn_state of rows (activity daterange, period daterange), for rollups: store it, then read the metric with its aggregate over churn_state, or merge states with churn_state(churn_state)';
COMMENT ON AGGREGATE @extschema@.churn_state(pg_catalog.tsmultirange, pg_catalog.tsrange) IS
    'The churn_state of rows (activity tsmultirange, period tsrange), for rollups: store it, then read the metric with its aggregate over churn_state, or merge states with churn_state(churn_state)';
COMMENT ON AGGREGATE @extschema@.churn_state(pg_catalog.tsrange, pg_catalog.tsrange) IS
    'The churn_state of rows (activity tsrange, period tsrange), for rollups: store it, then read the metric with its aggregate over churn_state, or merge states with churn_state(churn_state)';
COMMENT ON AGGREGATE @extschema@.churn_state(pg_catalog.tstzmultirange, pg_catalog.tstzrange) IS
    'The churn_state of rows (activity tstzmultirange, period tstzrange), for rollups: store it, then read the metric with its aggregate over churn_state, or merge states with churn_state(churn_state)';
COMMENT ON AGGREGATE @extschema@.churn_state(pg_catalog.tstzrange, pg_catalog.tstzrange) IS
    'The churn_state of rows (activity tstzrange, period tstzrange), for rollups: store it, then read the metric with its aggregate over churn_state, or merge states with churn_state(churn_state)';
COMMENT ON FUNCTION @extschema@.churn_state_in(pg_catalog.cstring) IS
    'Input function of churn_state (validates everything)';
COMMENT ON FUNCTION @extschema@.churn_state_out(@extschema@.churn_state) IS
    'Output function of churn_state';
COMMENT ON FUNCTION @extschema@.churn_state_recv(pg_catalog.internal) IS
    'Binary input function of churn_state (validates everything)';
COMMENT ON FUNCTION @extschema@.churn_state_send(@extschema@.churn_state) IS
    'Binary output function of churn_state';
COMMENT ON FUNCTION @extschema@.clv_fit_inv(@extschema@.clv_fit_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'Removes a row (frequency float8, recency float8, age float8, monetary float8) from a clv_fit_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.clv_fit_sfunc(@extschema@.clv_fit_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'Adds a row (frequency float8, recency float8, age float8, monetary float8) to a clv_fit_state';
COMMENT ON AGGREGATE @extschema@.clv_fit_state(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'The clv_fit_state of rows (frequency float8, recency float8, age float8, monetary float8), for rollups: store it, then read the metric with its aggregate over clv_fit_state, or merge states with clv_fit_state(clv_fit_state)';
COMMENT ON FUNCTION @extschema@.clv_int8_numeric_sfunc(@extschema@.clv_state, pg_catalog.int8, pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.interval) IS
    'Adds a row (customer_id int8, purchased_at timestamptz, amount numeric, horizon interval) to a clv_state';
COMMENT ON FUNCTION @extschema@.clv_int8_sfunc(@extschema@.clv_state, pg_catalog.int8, pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.interval) IS
    'Adds a row (customer_id int8, purchased_at timestamptz, amount float8, horizon interval) to a clv_state';
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, pg_catalog.int8, pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.interval) IS
    'Removes a row (customer_id int8, purchased_at timestamptz, amount float8, horizon interval) from a clv_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, pg_catalog.int8, pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.interval) IS
    'Removes a row (customer_id int8, purchased_at timestamptz, amount numeric, horizon interval) from a clv_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, pg_catalog.text, pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.interval) IS
    'Removes a row (customer_id text, purchased_at timestamptz, amount float8, horizon interval) from a clv_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, pg_catalog.text, pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.interval) IS
    'Removes a row (customer_id text, purchased_at timestamptz, amount numeric, horizon interval) from a clv_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, pg_catalog.uuid, pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.interval) IS
    'Removes a row (customer_id uuid, purchased_at timestamptz, amount float8, horizon interval) from a clv_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.clv_orders_inv(@extschema@.clv_state, pg_catalog.uuid, pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.interval) IS
    'Removes a row (customer_id uuid, purchased_at timestamptz, amount numeric, horizon interval) from a clv_state: the inverse transition, for sliding windows';
COMMENT ON AGGREGATE @extschema@.clv_state(pg_catalog.int8, pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.interval) IS
    'The clv_state of rows (customer_id int8, purchased_at timestamptz, amount float8, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';
COMMENT ON AGGREGATE @extschema@.clv_state(pg_catalog.int8, pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.interval) IS
    'The clv_state of rows (customer_id int8, purchased_at timestamptz, amount numeric, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';
COMMENT ON AGGREGATE @extschema@.clv_state(pg_catalog.text, pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.interval) IS
    'The clv_state of rows (customer_id text, purchased_at timestamptz, amount float8, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';
COMMENT ON AGGREGATE @extschema@.clv_state(pg_catalog.text, pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.interval) IS
    'The clv_state of rows (customer_id text, purchased_at timestamptz, amount numeric, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';
COMMENT ON AGGREGATE @extschema@.clv_state(pg_catalog.uuid, pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.interval) IS
    'The clv_state of rows (customer_id uuid, purchased_at timestamptz, amount float8, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';
COMMENT ON AGGREGATE @extschema@.clv_state(pg_catalog.uuid, pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.interval) IS
    'The clv_state of rows (customer_id uuid, purchased_at timestamptz, amount numeric, horizon interval), for rollups: store it, then read the metric with its aggregate over clv_state, or merge states with clv_state(clv_state)';
COMMENT ON FUNCTION @extschema@.clv_summary_date_inv(@extschema@.clv_summary_state, pg_catalog.date, pg_catalog.float8, pg_catalog.date, pg_catalog.interval) IS
    'Removes a row (purchased_at date, amount float8, observed_until date, time_unit interval) from a clv_summary_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.clv_summary_date_inv(@extschema@.clv_summary_state, pg_catalog.date, pg_catalog.numeric, pg_catalog.date, pg_catalog.interval) IS
    'Removes a row (purchased_at date, amount numeric, observed_until date, time_unit interval) from a clv_summary_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.clv_summary_date_numeric_sfunc(@extschema@.clv_summary_state, pg_catalog.date, pg_catalog.numeric, pg_catalog.date, pg_catalog.interval) IS
    'Adds a row (purchased_at date, amount numeric, observed_until date, time_unit interval) to a clv_summary_state';
COMMENT ON FUNCTION @extschema@.clv_summary_date_sfunc(@extschema@.clv_summary_state, pg_catalog.date, pg_catalog.float8, pg_catalog.date, pg_catalog.interval) IS
    'Adds a row (purchased_at date, amount float8, observed_until date, time_unit interval) to a clv_summary_state';
COMMENT ON FUNCTION @extschema@.clv_summary_inv(@extschema@.clv_summary_state, pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.timestamptz, pg_catalog.interval) IS
    'Removes a row (purchased_at timestamptz, amount float8, observed_until timestamptz, time_unit interval) from a clv_summary_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.clv_summary_inv(@extschema@.clv_summary_state, pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.timestamptz, pg_catalog.interval) IS
    'Removes a row (purchased_at timestamptz, amount numeric, observed_until timestamptz, time_unit interval) from a clv_summary_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.clv_summary_numeric_sfunc(@extschema@.clv_summary_state, pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.timestamptz, pg_catalog.interval) IS
    'Adds a row (purchased_at timestamptz, amount numeric, observed_until timestamptz, time_unit interval) to a clv_summary_state';
COMMENT ON FUNCTION @extschema@.clv_summary_sfunc(@extschema@.clv_summary_state, pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.timestamptz, pg_catalog.interval) IS
    'Adds a row (purchased_at timestamptz, amount float8, observed_until timestamptz, time_unit interval) to a clv_summary_state';
COMMENT ON AGGREGATE @extschema@.clv_summary_state(pg_catalog.date, pg_catalog.float8, pg_catalog.date, pg_catalog.interval) IS
    'The clv_summary_state of rows (purchased_at date, amount float8, observed_until date, time_unit interval), for rollups: store it, then read the metric with its aggregate over clv_summary_state, or merge states with clv_summary_state(clv_summary_state)';
COMMENT ON AGGREGATE @extschema@.clv_summary_state(pg_catalog.date, pg_catalog.numeric, pg_catalog.date, pg_catalog.interval) IS
    'The clv_summary_state of rows (purchased_at date, amount numeric, observed_until date, time_unit interval), for rollups: store it, then read the metric with its aggregate over clv_summary_state, or merge states with clv_summary_state(clv_summary_state)';
COMMENT ON AGGREGATE @extschema@.clv_summary_state(pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.timestamptz, pg_catalog.interval) IS
    'The clv_summary_state of rows (purchased_at timestamptz, amount float8, observed_until timestamptz, time_unit interval), for rollups: store it, then read the metric with its aggregate over clv_summary_state, or merge states with clv_summary_state(clv_summary_state)';
COMMENT ON AGGREGATE @extschema@.clv_summary_state(pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.timestamptz, pg_catalog.interval) IS
    'The clv_summary_state of rows (purchased_at timestamptz, amount numeric, observed_until timestamptz, time_unit interval), for rollups: store it, then read the metric with its aggregate over clv_summary_state, or merge states with clv_summary_state(clv_summary_state)';
COMMENT ON FUNCTION @extschema@.clv_text_numeric_sfunc(@extschema@.clv_state, pg_catalog.text, pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.interval) IS
    'Adds a row (customer_id text, purchased_at timestamptz, amount numeric, horizon interval) to a clv_state';
COMMENT ON FUNCTION @extschema@.clv_text_sfunc(@extschema@.clv_state, pg_catalog.text, pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.interval) IS
    'Adds a row (customer_id text, purchased_at timestamptz, amount float8, horizon interval) to a clv_state';
COMMENT ON FUNCTION @extschema@.clv_uuid_numeric_sfunc(@extschema@.clv_state, pg_catalog.uuid, pg_catalog.timestamptz, pg_catalog.numeric, pg_catalog.interval) IS
    'Adds a row (customer_id uuid, purchased_at timestamptz, amount numeric, horizon interval) to a clv_state';
COMMENT ON FUNCTION @extschema@.clv_uuid_sfunc(@extschema@.clv_state, pg_catalog.uuid, pg_catalog.timestamptz, pg_catalog.float8, pg_catalog.interval) IS
    'Adds a row (customer_id uuid, purchased_at timestamptz, amount float8, horizon interval) to a clv_state';
COMMENT ON FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, pg_catalog.int8, pg_catalog.date, pg_catalog.date, pg_catalog.interval) IS
    'Adds a row (customer_id int8, cohort_start date, active_at date, period interval) to a cohort_retention_state';
COMMENT ON FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, pg_catalog.int4, pg_catalog.date, pg_catalog.date, pg_catalog.interval) IS
    'Adds a row (customer_id int4, cohort_start date, active_at date, period interval) to a cohort_retention_state';
COMMENT ON FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.interval) IS
    'Adds a row (customer_id text, cohort_start date, active_at date, period interval) to a cohort_retention_state';
COMMENT ON FUNCTION @extschema@.cohort_retention_date_sfunc(@extschema@.cohort_retention_state, pg_catalog.uuid, pg_catalog.date, pg_catalog.date, pg_catalog.interval) IS
    'Adds a row (customer_id uuid, cohort_start date, active_at date, period interval) to a cohort_retention_state';
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, pg_catalog.int8, pg_catalog.date, pg_catalog.date, pg_catalog.interval) IS
    'Removes a row (customer_id int8, cohort_start date, active_at date, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, pg_catalog.int8, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) IS
    'Removes a row (customer_id int8, cohort_start timestamptz, active_at timestamptz, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, pg_catalog.int4, pg_catalog.date, pg_catalog.date, pg_catalog.interval) IS
    'Removes a row (customer_id int4, cohort_start date, active_at date, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, pg_catalog.int4, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) IS
    'Removes a row (customer_id int4, cohort_start timestamptz, active_at timestamptz, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.interval) IS
    'Removes a row (customer_id text, cohort_start date, active_at date, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, pg_catalog.text, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) IS
    'Removes a row (customer_id text, cohort_start timestamptz, active_at timestamptz, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, pg_catalog.uuid, pg_catalog.date, pg_catalog.date, pg_catalog.interval) IS
    'Removes a row (customer_id uuid, cohort_start date, active_at date, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, pg_catalog.uuid, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) IS
    'Removes a row (customer_id uuid, cohort_start timestamptz, active_at timestamptz, period interval) from a cohort_retention_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, pg_catalog.int8, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) IS
    'Adds a row (customer_id int8, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_retention_state';
COMMENT ON FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, pg_catalog.int4, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) IS
    'Adds a row (customer_id int4, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_retention_state';
COMMENT ON FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, pg_catalog.text, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) IS
    'Adds a row (customer_id text, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_retention_state';
COMMENT ON FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, pg_catalog.uuid, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) IS
    'Adds a row (customer_id uuid, cohort_start timestamptz, active_at timestamptz, period interval) to a cohort_retention_state';
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(pg_catalog.int8, pg_catalog.date, pg_catalog.date, pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id int8, cohort_start date, active_at date, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(pg_catalog.int8, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id int8, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(pg_catalog.int4, pg_catalog.date, pg_catalog.date, pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id int4, cohort_start date, active_at date, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(pg_catalog.int4, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id int4, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id text, cohort_start date, active_at date, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(pg_catalog.text, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id text, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(pg_catalog.uuid, pg_catalog.date, pg_catalog.date, pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id uuid, cohort_start date, active_at date, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';
COMMENT ON AGGREGATE @extschema@.cohort_retention_state(pg_catalog.uuid, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) IS
    'The cohort_retention_state of rows (customer_id uuid, cohort_start timestamptz, active_at timestamptz, period interval), for rollups: store it, then read the metric with its aggregate over cohort_retention_state, or merge states with cohort_retention_state(cohort_retention_state)';
COMMENT ON FUNCTION @extschema@.cohort_retention_state_in(pg_catalog.cstring) IS
    'Input function of cohort_retention_state (validates everything)';
COMMENT ON FUNCTION @extschema@.cohort_retention_state_out(@extschema@.cohort_retention_state) IS
    'Output function of cohort_retention_state';
COMMENT ON FUNCTION @extschema@.cohort_retention_state_recv(pg_catalog.internal) IS
    'Binary input function of cohort_retention_state (validates everything)';
COMMENT ON FUNCTION @extschema@.cohort_retention_state_send(@extschema@.cohort_retention_state) IS
    'Binary output function of cohort_retention_state';
COMMENT ON FUNCTION @extschema@.conversion_rate_bool_inv(@extschema@.conversion_rate_state, pg_catalog.bool) IS
    'Removes a row (converted bool) from a conversion_rate_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.conversion_rate_bool_sfunc(@extschema@.conversion_rate_state, pg_catalog.bool) IS
    'Adds a row (converted bool) to a conversion_rate_state';
COMMENT ON FUNCTION @extschema@.conversion_rate_inv(@extschema@.conversion_rate_state, pg_catalog.int8, pg_catalog.int8) IS
    'Removes a row (conversions int8, visitors int8) from a conversion_rate_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.conversion_rate_sfunc(@extschema@.conversion_rate_state, pg_catalog.int8, pg_catalog.int8) IS
    'Adds a row (conversions int8, visitors int8) to a conversion_rate_state';
COMMENT ON AGGREGATE @extschema@.conversion_rate_state(pg_catalog.int8, pg_catalog.int8) IS
    'The conversion_rate_state of rows (conversions int8, visitors int8), for rollups: store it, then read the metric with its aggregate over conversion_rate_state, or merge states with conversion_rate_state(conversion_rate_state)';
COMMENT ON AGGREGATE @extschema@.conversion_rate_state(pg_catalog.bool) IS
    'The conversion_rate_state of rows (converted bool), for rollups: store it, then read the metric with its aggregate over conversion_rate_state, or merge states with conversion_rate_state(conversion_rate_state)';
COMMENT ON FUNCTION @extschema@.conversion_rate_state_in(pg_catalog.cstring) IS
    'Input function of conversion_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.conversion_rate_state_out(@extschema@.conversion_rate_state) IS
    'Output function of conversion_rate_state';
COMMENT ON FUNCTION @extschema@.conversion_rate_state_recv(pg_catalog.internal) IS
    'Binary input function of conversion_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.conversion_rate_state_send(@extschema@.conversion_rate_state) IS
    'Binary output function of conversion_rate_state';
COMMENT ON FUNCTION @extschema@.csat_bool_inv(@extschema@.csat_state, pg_catalog.bool) IS
    'Removes a row (satisfied bool) from a csat_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.csat_bool_sfunc(@extschema@.csat_state, pg_catalog.bool) IS
    'Adds a row (satisfied bool) to a csat_state';
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, pg_catalog.int4) IS
    'Removes a row (score int4) from a csat_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_state, pg_catalog.int4, pg_catalog.int4) IS
    'Removes a row (score int4, scale_max int4) from a csat_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, pg_catalog.int4) IS
    'Adds a row (score int4) to a csat_state';
COMMENT ON FUNCTION @extschema@.csat_sfunc(@extschema@.csat_state, pg_catalog.int4, pg_catalog.int4) IS
    'Adds a row (score int4, scale_max int4) to a csat_state';
COMMENT ON AGGREGATE @extschema@.csat_state(pg_catalog.bool) IS
    'The csat_state of rows (satisfied bool), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';
COMMENT ON AGGREGATE @extschema@.csat_state(pg_catalog.int4) IS
    'The csat_state of rows (score int4), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';
COMMENT ON AGGREGATE @extschema@.csat_state(pg_catalog.int4, pg_catalog.int4) IS
    'The csat_state of rows (score int4, scale_max int4), for rollups: store it, then read the metric with its aggregate over csat_state, or merge states with csat_state(csat_state)';
COMMENT ON FUNCTION @extschema@.csat_state_in(pg_catalog.cstring) IS
    'Input function of csat_state (validates everything)';
COMMENT ON FUNCTION @extschema@.csat_state_out(@extschema@.csat_state) IS
    'Output function of csat_state';
COMMENT ON FUNCTION @extschema@.csat_state_recv(pg_catalog.internal) IS
    'Binary input function of csat_state (validates everything)';
COMMENT ON FUNCTION @extschema@.csat_state_send(@extschema@.csat_state) IS
    'Binary output function of csat_state';
COMMENT ON FUNCTION @extschema@.dso_inv(@extschema@.dso_state, pg_catalog.numeric, pg_catalog.date, pg_catalog.date, pg_catalog.daterange) IS
    'Removes a row (amount numeric, issued_on date, paid_on date, period daterange) from a dso_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.dso_sfunc(@extschema@.dso_state, pg_catalog.numeric, pg_catalog.date, pg_catalog.date, pg_catalog.daterange) IS
    'Adds a row (amount numeric, issued_on date, paid_on date, period daterange) to a dso_state';
COMMENT ON AGGREGATE @extschema@.dso_state(pg_catalog.numeric, pg_catalog.date, pg_catalog.date, pg_catalog.daterange) IS
    'The dso_state of rows (amount numeric, issued_on date, paid_on date, period daterange), for rollups: store it, then read the metric with its aggregate over dso_state, or merge states with dso_state(dso_state)';
COMMENT ON FUNCTION @extschema@.dso_state_in(pg_catalog.cstring) IS
    'Input function of dso_state (validates everything)';
COMMENT ON FUNCTION @extschema@.dso_state_out(@extschema@.dso_state) IS
    'Output function of dso_state';
COMMENT ON FUNCTION @extschema@.dso_state_recv(pg_catalog.internal) IS
    'Binary input function of dso_state (validates everything)';
COMMENT ON FUNCTION @extschema@.dso_state_send(@extschema@.dso_state) IS
    'Binary output function of dso_state';
COMMENT ON FUNCTION @extschema@.dso_tstz_inv(@extschema@.dso_tstz_state, pg_catalog.numeric, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.tstzrange) IS
    'Removes a row (amount numeric, issued_on timestamptz, paid_on timestamptz, period tstzrange) from a dso_tstz_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.dso_tstz_sfunc(@extschema@.dso_tstz_state, pg_catalog.numeric, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.tstzrange) IS
    'Adds a row (amount numeric, issued_on timestamptz, paid_on timestamptz, period tstzrange) to a dso_tstz_state';
COMMENT ON AGGREGATE @extschema@.dso_tstz_state(pg_catalog.numeric, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.tstzrange) IS
    'The dso_tstz_state of rows (amount numeric, issued_on timestamptz, paid_on timestamptz, period tstzrange), for rollups: store it, then read the metric with its aggregate over dso_tstz_state, or merge states with dso_tstz_state(dso_tstz_state)';
COMMENT ON FUNCTION @extschema@.dso_tstz_state_in(pg_catalog.cstring) IS
    'Input function of dso_tstz_state (validates everything)';
COMMENT ON FUNCTION @extschema@.dso_tstz_state_out(@extschema@.dso_tstz_state) IS
    'Output function of dso_tstz_state';
COMMENT ON FUNCTION @extschema@.dso_tstz_state_recv(pg_catalog.internal) IS
    'Binary input function of dso_tstz_state (validates everything)';
COMMENT ON FUNCTION @extschema@.dso_tstz_state_send(@extschema@.dso_tstz_state) IS
    'Binary output function of dso_tstz_state';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, pg_catalog.int8, pg_catalog.int4) IS
    'Removes a row (customer_id int8, min_orders int4) from a loyal_customer_rate_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, pg_catalog.int4, pg_catalog.int4) IS
    'Removes a row (customer_id int4, min_orders int4) from a loyal_customer_rate_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, pg_catalog.text, pg_catalog.int4) IS
    'Removes a row (customer_id text, min_orders int4) from a loyal_customer_rate_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_inv(@extschema@.loyal_customer_rate_state, pg_catalog.uuid, pg_catalog.int4) IS
    'Removes a row (customer_id uuid, min_orders int4) from a loyal_customer_rate_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, pg_catalog.int8, pg_catalog.int4) IS
    'Adds a row (customer_id int8, min_orders int4) to a loyal_customer_rate_state';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, pg_catalog.int4, pg_catalog.int4) IS
    'Adds a row (customer_id int4, min_orders int4) to a loyal_customer_rate_state';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, pg_catalog.text, pg_catalog.int4) IS
    'Adds a row (customer_id text, min_orders int4) to a loyal_customer_rate_state';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_sfunc(@extschema@.loyal_customer_rate_state, pg_catalog.uuid, pg_catalog.int4) IS
    'Adds a row (customer_id uuid, min_orders int4) to a loyal_customer_rate_state';
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(pg_catalog.int8, pg_catalog.int4) IS
    'The loyal_customer_rate_state of rows (customer_id int8, min_orders int4), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(pg_catalog.int4, pg_catalog.int4) IS
    'The loyal_customer_rate_state of rows (customer_id int4, min_orders int4), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(pg_catalog.text, pg_catalog.int4) IS
    'The loyal_customer_rate_state of rows (customer_id text, min_orders int4), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';
COMMENT ON AGGREGATE @extschema@.loyal_customer_rate_state(pg_catalog.uuid, pg_catalog.int4) IS
    'The loyal_customer_rate_state of rows (customer_id uuid, min_orders int4), for rollups: store it, then read the metric with its aggregate over loyal_customer_rate_state, or merge states with loyal_customer_rate_state(loyal_customer_rate_state)';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_state_in(pg_catalog.cstring) IS
    'Input function of loyal_customer_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_state_out(@extschema@.loyal_customer_rate_state) IS
    'Output function of loyal_customer_rate_state';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_state_recv(pg_catalog.internal) IS
    'Binary input function of loyal_customer_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.loyal_customer_rate_state_send(@extschema@.loyal_customer_rate_state) IS
    'Binary output function of loyal_customer_rate_state';
COMMENT ON FUNCTION @extschema@.nps_inv(@extschema@.nps_state, pg_catalog.int4) IS
    'Removes a row (score int4) from a nps_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.nps_sfunc(@extschema@.nps_state, pg_catalog.int4) IS
    'Adds a row (score int4) to a nps_state';
COMMENT ON AGGREGATE @extschema@.nps_state(pg_catalog.int4) IS
    'The nps_state of rows (score int4), for rollups: store it, then read the metric with its aggregate over nps_state, or merge states with nps_state(nps_state)';
COMMENT ON FUNCTION @extschema@.nps_state_in(pg_catalog.cstring) IS
    'Input function of nps_state (validates everything)';
COMMENT ON FUNCTION @extschema@.nps_state_out(@extschema@.nps_state) IS
    'Output function of nps_state';
COMMENT ON FUNCTION @extschema@.nps_state_recv(pg_catalog.internal) IS
    'Binary input function of nps_state (validates everything)';
COMMENT ON FUNCTION @extschema@.nps_state_send(@extschema@.nps_state) IS
    'Binary output function of nps_state';
COMMENT ON FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, pg_catalog.int8) IS
    'Removes a row (customer_id int8) from a purchase_frequency_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, pg_catalog.int4) IS
    'Removes a row (customer_id int4) from a purchase_frequency_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, pg_catalog.text) IS
    'Removes a row (customer_id text) from a purchase_frequency_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.purchase_frequency_inv(@extschema@.purchase_frequency_state, pg_catalog.uuid) IS
    'Removes a row (customer_id uuid) from a purchase_frequency_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, pg_catalog.int8) IS
    'Adds a row (customer_id int8) to a purchase_frequency_state';
COMMENT ON FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, pg_catalog.int4) IS
    'Adds a row (customer_id int4) to a purchase_frequency_state';
COMMENT ON FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, pg_catalog.text) IS
    'Adds a row (customer_id text) to a purchase_frequency_state';
COMMENT ON FUNCTION @extschema@.purchase_frequency_sfunc(@extschema@.purchase_frequency_state, pg_catalog.uuid) IS
    'Adds a row (customer_id uuid) to a purchase_frequency_state';
COMMENT ON AGGREGATE @extschema@.purchase_frequency_state(pg_catalog.int8) IS
    'The purchase_frequency_state of rows (customer_id int8), for rollups: store it, then read the metric with its aggregate over purchase_frequency_state, or merge states with purchase_frequency_state(purchase_frequency_state)';
COMMENT ON AGGREGATE @extschema@.purchase_frequency_state(pg_catalog.int4) IS
    'The purchase_frequency_state of rows (customer_id int4), for rollups: store it, then read the metric with its aggregate over purchase_frequency_state, or merge states with purchase_frequency_state(purchase_frequency_state)';
COMMENT ON AGGREGATE @extschema@.purchase_frequency_state(pg_catalog.text) IS
    'The purchase_frequency_state of rows (customer_id text), for rollups: store it, then read the metric with its aggregate over purchase_frequency_state, or merge states with purchase_frequency_state(purchase_frequency_state)';
COMMENT ON AGGREGATE @extschema@.purchase_frequency_state(pg_catalog.uuid) IS
    'The purchase_frequency_state of rows (customer_id uuid), for rollups: store it, then read the metric with its aggregate over purchase_frequency_state, or merge states with purchase_frequency_state(purchase_frequency_state)';
COMMENT ON FUNCTION @extschema@.purchase_frequency_state_in(pg_catalog.cstring) IS
    'Input function of purchase_frequency_state (validates everything)';
COMMENT ON FUNCTION @extschema@.purchase_frequency_state_out(@extschema@.purchase_frequency_state) IS
    'Output function of purchase_frequency_state';
COMMENT ON FUNCTION @extschema@.purchase_frequency_state_recv(pg_catalog.internal) IS
    'Binary input function of purchase_frequency_state (validates everything)';
COMMENT ON FUNCTION @extschema@.purchase_frequency_state_send(@extschema@.purchase_frequency_state) IS
    'Binary output function of purchase_frequency_state';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, pg_catalog.int8) IS
    'Removes a row (customer_id int8) from a repeat_purchase_ratio_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, pg_catalog.int4) IS
    'Removes a row (customer_id int4) from a repeat_purchase_ratio_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, pg_catalog.text) IS
    'Removes a row (customer_id text) from a repeat_purchase_ratio_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_inv(@extschema@.repeat_purchase_ratio_state, pg_catalog.uuid) IS
    'Removes a row (customer_id uuid) from a repeat_purchase_ratio_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, pg_catalog.int8) IS
    'Adds a row (customer_id int8) to a repeat_purchase_ratio_state';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, pg_catalog.int4) IS
    'Adds a row (customer_id int4) to a repeat_purchase_ratio_state';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, pg_catalog.text) IS
    'Adds a row (customer_id text) to a repeat_purchase_ratio_state';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_sfunc(@extschema@.repeat_purchase_ratio_state, pg_catalog.uuid) IS
    'Adds a row (customer_id uuid) to a repeat_purchase_ratio_state';
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio_state(pg_catalog.int8) IS
    'The repeat_purchase_ratio_state of rows (customer_id int8), for rollups: store it, then read the metric with its aggregate over repeat_purchase_ratio_state, or merge states with repeat_purchase_ratio_state(repeat_purchase_ratio_state)';
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio_state(pg_catalog.int4) IS
    'The repeat_purchase_ratio_state of rows (customer_id int4), for rollups: store it, then read the metric with its aggregate over repeat_purchase_ratio_state, or merge states with repeat_purchase_ratio_state(repeat_purchase_ratio_state)';
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio_state(pg_catalog.text) IS
    'The repeat_purchase_ratio_state of rows (customer_id text), for rollups: store it, then read the metric with its aggregate over repeat_purchase_ratio_state, or merge states with repeat_purchase_ratio_state(repeat_purchase_ratio_state)';
COMMENT ON AGGREGATE @extschema@.repeat_purchase_ratio_state(pg_catalog.uuid) IS
    'The repeat_purchase_ratio_state of rows (customer_id uuid), for rollups: store it, then read the metric with its aggregate over repeat_purchase_ratio_state, or merge states with repeat_purchase_ratio_state(repeat_purchase_ratio_state)';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_state_in(pg_catalog.cstring) IS
    'Input function of repeat_purchase_ratio_state (validates everything)';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_state_out(@extschema@.repeat_purchase_ratio_state) IS
    'Output function of repeat_purchase_ratio_state';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_state_recv(pg_catalog.internal) IS
    'Binary input function of repeat_purchase_ratio_state (validates everything)';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ratio_state_send(@extschema@.repeat_purchase_ratio_state) IS
    'Binary output function of repeat_purchase_ratio_state';
COMMENT ON FUNCTION @extschema@.return_rate_bool_inv(@extschema@.return_rate_state, pg_catalog.bool) IS
    'Removes a row (returned bool) from a return_rate_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.return_rate_bool_sfunc(@extschema@.return_rate_state, pg_catalog.bool) IS
    'Adds a row (returned bool) to a return_rate_state';
COMMENT ON FUNCTION @extschema@.return_rate_inv(@extschema@.return_rate_state, pg_catalog.int8, pg_catalog.int8) IS
    'Removes a row (units_sold int8, units_returned int8) from a return_rate_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.return_rate_sfunc(@extschema@.return_rate_state, pg_catalog.int8, pg_catalog.int8) IS
    'Adds a row (units_sold int8, units_returned int8) to a return_rate_state';
COMMENT ON AGGREGATE @extschema@.return_rate_state(pg_catalog.int8, pg_catalog.int8) IS
    'The return_rate_state of rows (units_sold int8, units_returned int8), for rollups: store it, then read the metric with its aggregate over return_rate_state, or merge states with return_rate_state(return_rate_state)';
COMMENT ON AGGREGATE @extschema@.return_rate_state(pg_catalog.bool) IS
    'The return_rate_state of rows (returned bool), for rollups: store it, then read the metric with its aggregate over return_rate_state, or merge states with return_rate_state(return_rate_state)';
COMMENT ON FUNCTION @extschema@.return_rate_state_in(pg_catalog.cstring) IS
    'Input function of return_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.return_rate_state_out(@extschema@.return_rate_state) IS
    'Output function of return_rate_state';
COMMENT ON FUNCTION @extschema@.return_rate_state_recv(pg_catalog.internal) IS
    'Binary input function of return_rate_state (validates everything)';
COMMENT ON FUNCTION @extschema@.return_rate_state_send(@extschema@.return_rate_state) IS
    'Binary output function of return_rate_state';
COMMENT ON FUNCTION @extschema@.revenue_float8_inv(@extschema@.revenue_state, pg_catalog.float8, pg_catalog.float8) IS
    'Removes a row (start_mrr float8, end_mrr float8) from a revenue_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.revenue_float8_sfunc(@extschema@.revenue_state, pg_catalog.float8, pg_catalog.float8) IS
    'Adds a row (start_mrr float8, end_mrr float8) to a revenue_state';
COMMENT ON FUNCTION @extschema@.revenue_numeric_inv(@extschema@.revenue_state, pg_catalog.numeric, pg_catalog.numeric) IS
    'Removes a row (start_mrr numeric, end_mrr numeric) from a revenue_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.revenue_numeric_sfunc(@extschema@.revenue_state, pg_catalog.numeric, pg_catalog.numeric) IS
    'Adds a row (start_mrr numeric, end_mrr numeric) to a revenue_state';
COMMENT ON AGGREGATE @extschema@.revenue_state(pg_catalog.float8, pg_catalog.float8) IS
    'The revenue_state of rows (start_mrr float8, end_mrr float8), for rollups: store it, then read the metric with its aggregate over revenue_state, or merge states with revenue_state(revenue_state)';
COMMENT ON AGGREGATE @extschema@.revenue_state(pg_catalog.numeric, pg_catalog.numeric) IS
    'The revenue_state of rows (start_mrr numeric, end_mrr numeric), for rollups: store it, then read the metric with its aggregate over revenue_state, or merge states with revenue_state(revenue_state)';
COMMENT ON FUNCTION @extschema@.revenue_state_in(pg_catalog.cstring) IS
    'Input function of revenue_state (validates everything)';
COMMENT ON FUNCTION @extschema@.revenue_state_out(@extschema@.revenue_state) IS
    'Output function of revenue_state';
COMMENT ON FUNCTION @extschema@.revenue_state_recv(pg_catalog.internal) IS
    'Binary input function of revenue_state (validates everything)';
COMMENT ON FUNCTION @extschema@.revenue_state_send(@extschema@.revenue_state) IS
    'Binary output function of revenue_state';
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, pg_catalog.int8, pg_catalog.date) IS
    'Removes a row (user_id int8, active_on date) from a stickiness_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, pg_catalog.int4, pg_catalog.date) IS
    'Removes a row (user_id int4, active_on date) from a stickiness_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, pg_catalog.text, pg_catalog.date) IS
    'Removes a row (user_id text, active_on date) from a stickiness_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.stickiness_inv(@extschema@.stickiness_state, pg_catalog.uuid, pg_catalog.date) IS
    'Removes a row (user_id uuid, active_on date) from a stickiness_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, pg_catalog.int8, pg_catalog.date) IS
    'Adds a row (user_id int8, active_on date) to a stickiness_state';
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, pg_catalog.int4, pg_catalog.date) IS
    'Adds a row (user_id int4, active_on date) to a stickiness_state';
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, pg_catalog.text, pg_catalog.date) IS
    'Adds a row (user_id text, active_on date) to a stickiness_state';
COMMENT ON FUNCTION @extschema@.stickiness_sfunc(@extschema@.stickiness_state, pg_catalog.uuid, pg_catalog.date) IS
    'Adds a row (user_id uuid, active_on date) to a stickiness_state';
COMMENT ON AGGREGATE @extschema@.stickiness_state(pg_catalog.int8, pg_catalog.date) IS
    'The stickiness_state of rows (user_id int8, active_on date), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';
COMMENT ON AGGREGATE @extschema@.stickiness_state(pg_catalog.int4, pg_catalog.date) IS
    'The stickiness_state of rows (user_id int4, active_on date), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';
COMMENT ON AGGREGATE @extschema@.stickiness_state(pg_catalog.text, pg_catalog.date) IS
    'The stickiness_state of rows (user_id text, active_on date), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';
COMMENT ON AGGREGATE @extschema@.stickiness_state(pg_catalog.uuid, pg_catalog.date) IS
    'The stickiness_state of rows (user_id uuid, active_on date), for rollups: store it, then read the metric with its aggregate over stickiness_state, or merge states with stickiness_state(stickiness_state)';
COMMENT ON FUNCTION @extschema@.stickiness_state_in(pg_catalog.cstring) IS
    'Input function of stickiness_state (validates everything)';
COMMENT ON FUNCTION @extschema@.stickiness_state_out(@extschema@.stickiness_state) IS
    'Output function of stickiness_state';
COMMENT ON FUNCTION @extschema@.stickiness_state_recv(pg_catalog.internal) IS
    'Binary input function of stickiness_state (validates everything)';
COMMENT ON FUNCTION @extschema@.stickiness_state_send(@extschema@.stickiness_state) IS
    'Binary output function of stickiness_state';
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, pg_catalog.int8, pg_catalog.date) IS
    'Removes a row (customer_id int8, purchased_on date) from a time_between_purchases_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, pg_catalog.int4, pg_catalog.date) IS
    'Removes a row (customer_id int4, purchased_on date) from a time_between_purchases_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, pg_catalog.text, pg_catalog.date) IS
    'Removes a row (customer_id text, purchased_on date) from a time_between_purchases_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_inv(@extschema@.time_between_purchases_state, pg_catalog.uuid, pg_catalog.date) IS
    'Removes a row (customer_id uuid, purchased_on date) from a time_between_purchases_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, pg_catalog.int8, pg_catalog.date) IS
    'Adds a row (customer_id int8, purchased_on date) to a time_between_purchases_state';
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, pg_catalog.int4, pg_catalog.date) IS
    'Adds a row (customer_id int4, purchased_on date) to a time_between_purchases_state';
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, pg_catalog.text, pg_catalog.date) IS
    'Adds a row (customer_id text, purchased_on date) to a time_between_purchases_state';
COMMENT ON FUNCTION @extschema@.time_between_purchases_date_sfunc(@extschema@.time_between_purchases_state, pg_catalog.uuid, pg_catalog.date) IS
    'Adds a row (customer_id uuid, purchased_on date) to a time_between_purchases_state';
COMMENT ON FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, pg_catalog.int8, pg_catalog.timestamptz) IS
    'Removes a row (customer_id int8, purchased_at timestamptz) from a time_between_purchases_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, pg_catalog.int4, pg_catalog.timestamptz) IS
    'Removes a row (customer_id int4, purchased_at timestamptz) from a time_between_purchases_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, pg_catalog.text, pg_catalog.timestamptz) IS
    'Removes a row (customer_id text, purchased_at timestamptz) from a time_between_purchases_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.time_between_purchases_inv(@extschema@.time_between_purchases_state, pg_catalog.uuid, pg_catalog.timestamptz) IS
    'Removes a row (customer_id uuid, purchased_at timestamptz) from a time_between_purchases_state: the inverse transition, for sliding windows';
COMMENT ON FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, pg_catalog.int8, pg_catalog.timestamptz) IS
    'Adds a row (customer_id int8, purchased_at timestamptz) to a time_between_purchases_state';
COMMENT ON FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, pg_catalog.int4, pg_catalog.timestamptz) IS
    'Adds a row (customer_id int4, purchased_at timestamptz) to a time_between_purchases_state';
COMMENT ON FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, pg_catalog.text, pg_catalog.timestamptz) IS
    'Adds a row (customer_id text, purchased_at timestamptz) to a time_between_purchases_state';
COMMENT ON FUNCTION @extschema@.time_between_purchases_sfunc(@extschema@.time_between_purchases_state, pg_catalog.uuid, pg_catalog.timestamptz) IS
    'Adds a row (customer_id uuid, purchased_at timestamptz) to a time_between_purchases_state';
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(pg_catalog.int8, pg_catalog.date) IS
    'The time_between_purchases_state of rows (customer_id int8, purchased_on date), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(pg_catalog.int8, pg_catalog.timestamptz) IS
    'The time_between_purchases_state of rows (customer_id int8, purchased_at timestamptz), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(pg_catalog.int4, pg_catalog.date) IS
    'The time_between_purchases_state of rows (customer_id int4, purchased_on date), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(pg_catalog.int4, pg_catalog.timestamptz) IS
    'The time_between_purchases_state of rows (customer_id int4, purchased_at timestamptz), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(pg_catalog.text, pg_catalog.date) IS
    'The time_between_purchases_state of rows (customer_id text, purchased_on date), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(pg_catalog.text, pg_catalog.timestamptz) IS
    'The time_between_purchases_state of rows (customer_id text, purchased_at timestamptz), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(pg_catalog.uuid, pg_catalog.date) IS
    'The time_between_purchases_state of rows (customer_id uuid, purchased_on date), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';
COMMENT ON AGGREGATE @extschema@.time_between_purchases_state(pg_catalog.uuid, pg_catalog.timestamptz) IS
    'The time_between_purchases_state of rows (customer_id uuid, purchased_at timestamptz), for rollups: store it, then read the metric with its aggregate over time_between_purchases_state, or merge states with time_between_purchases_state(time_between_purchases_state)';
COMMENT ON FUNCTION @extschema@.time_between_purchases_state_in(pg_catalog.cstring) IS
    'Input function of time_between_purchases_state (validates everything)';
COMMENT ON FUNCTION @extschema@.time_between_purchases_state_out(@extschema@.time_between_purchases_state) IS
    'Output function of time_between_purchases_state';
COMMENT ON FUNCTION @extschema@.time_between_purchases_state_recv(pg_catalog.internal) IS
    'Binary input function of time_between_purchases_state (validates everything)';
COMMENT ON FUNCTION @extschema@.time_between_purchases_state_send(@extschema@.time_between_purchases_state) IS
    'Binary output function of time_between_purchases_state';

-- The combine and uncombine functions of the keyed states (the distinct-
-- customer set) take NULL: the final aggregate of a parallel plan then
-- always holds a state of its own, written in the canonical stored form,
-- instead of a copy of the first partial state in a worker's form.
ALTER FUNCTION @extschema@.repeat_purchase_ratio_state_combine(@extschema@.repeat_purchase_ratio_state, @extschema@.repeat_purchase_ratio_state) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.repeat_purchase_ratio_state_uncombine(@extschema@.repeat_purchase_ratio_state, @extschema@.repeat_purchase_ratio_state) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.loyal_customer_rate_state_combine(@extschema@.loyal_customer_rate_state, @extschema@.loyal_customer_rate_state) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.loyal_customer_rate_state_uncombine(@extschema@.loyal_customer_rate_state, @extschema@.loyal_customer_rate_state) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.purchase_frequency_state_combine(@extschema@.purchase_frequency_state, @extschema@.purchase_frequency_state) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.purchase_frequency_state_uncombine(@extschema@.purchase_frequency_state, @extschema@.purchase_frequency_state) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.time_between_purchases_state_combine(@extschema@.time_between_purchases_state, @extschema@.time_between_purchases_state) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.time_between_purchases_state_uncombine(@extschema@.time_between_purchases_state, @extschema@.time_between_purchases_state) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.stickiness_state_combine(@extschema@.stickiness_state, @extschema@.stickiness_state) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.stickiness_state_uncombine(@extschema@.stickiness_state, @extschema@.stickiness_state) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.cohort_retention_state_combine(@extschema@.cohort_retention_state, @extschema@.cohort_retention_state) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.cohort_retention_state_uncombine(@extschema@.cohort_retention_state, @extschema@.cohort_retention_state) CALLED ON NULL INPUT;

-- cohort_retention over timestamptz counts periods in the session's
-- TimeZone (the state records it): its transition functions are STABLE.
ALTER FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, pg_catalog.int4, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) STABLE;
ALTER FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, pg_catalog.int4, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) STABLE;
ALTER FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, pg_catalog.int8, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) STABLE;
ALTER FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, pg_catalog.int8, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) STABLE;
ALTER FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, pg_catalog.text, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) STABLE;
ALTER FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, pg_catalog.text, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) STABLE;
ALTER FUNCTION @extschema@.cohort_retention_sfunc(@extschema@.cohort_retention_state, pg_catalog.uuid, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) STABLE;
ALTER FUNCTION @extschema@.cohort_retention_inv(@extschema@.cohort_retention_state, pg_catalog.uuid, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.interval) STABLE;
