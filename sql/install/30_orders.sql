
-- Order and engagement metrics (SPEC section 4).  The per-customer metrics
-- keep an exact set of distinct customers (src/keyset.c); the customer key
-- may be int4, int8, text or uuid, one overload each, all sharing one C
-- transition function that reads the key type from the call.

SELECT @extschema@.retention_define_state('repeat_purchase_ratio_state',
    'Partial repeat purchase ratio: the distinct customers with their order counts');
SELECT @extschema@.retention_define_final('repeat_purchase_ratio', 'repeat_purchase_ratio_state',
    'rpr_final', 'pg_catalog.float8', 'Repeat purchase ratio, percent of customers with 2 or more orders');

SELECT @extschema@.retention_define_state('loyal_customer_rate_state',
    'Partial loyal customer rate: min_orders and the distinct customers with their order counts');
SELECT @extschema@.retention_define_final('loyal_customer_rate', 'loyal_customer_rate_state',
    'loyal_final', 'pg_catalog.float8', 'Loyal customer rate, percent of customers with at least min_orders orders');

SELECT @extschema@.retention_define_state('purchase_frequency_state',
    'Partial purchase frequency: the distinct customers with their order counts');
SELECT @extschema@.retention_define_final('purchase_frequency', 'purchase_frequency_state',
    'pf_final', 'pg_catalog.float8', 'Purchase frequency, orders per distinct customer');

SELECT @extschema@.retention_define_state('time_between_purchases_state',
    'Partial time between purchases: the distinct customers with their order counts and first and last purchase times');
SELECT @extschema@.retention_define_final('time_between_purchases', 'time_between_purchases_state',
    'tbp_final', 'pg_catalog.interval',
    'Mean time between consecutive purchases, pooled over customers with 2 or more orders');

SELECT @extschema@.retention_define_state('stickiness_state',
    'Partial stickiness: the distinct (user, active day) pairs with their row counts');
SELECT @extschema@.retention_define_final('stickiness', 'stickiness_state',
    'stick_final', 'pg_catalog.float8',
    'Stickiness, percent: mean daily active users / distinct users');

DO $orders$
DECLARE
    k pg_catalog.text;
BEGIN
    FOREACH k IN ARRAY ARRAY['pg_catalog.int4', 'pg_catalog.int8', 'pg_catalog.text', 'pg_catalog.uuid'] LOOP
        PERFORM @extschema@.retention_define_metric('repeat_purchase_ratio', 'customer_id ' OPERATOR(pg_catalog.||) k,
            'repeat_purchase_ratio_state', 'rpr_sfunc', 'rpr_inv', 'rpr_final',
            'Repeat purchase ratio (percent) of order rows: 100 * customers with 2 or more rows / distinct customers');
        PERFORM @extschema@.retention_define_metric('loyal_customer_rate',
            'customer_id ' OPERATOR(pg_catalog.||) k OPERATOR(pg_catalog.||) ', min_orders pg_catalog.int4',
            'loyal_customer_rate_state', 'loyal_sfunc', 'loyal_inv', 'loyal_final',
            'Loyal customer rate (percent) of order rows: 100 * customers with at least min_orders rows / distinct customers');
        PERFORM @extschema@.retention_define_metric('purchase_frequency', 'customer_id ' OPERATOR(pg_catalog.||) k,
            'purchase_frequency_state', 'pf_sfunc', 'pf_inv', 'pf_final',
            'Purchase frequency of order rows: rows / distinct customers');
        PERFORM @extschema@.retention_define_metric('time_between_purchases',
            'customer_id ' OPERATOR(pg_catalog.||) k OPERATOR(pg_catalog.||) ', purchased_at pg_catalog.timestamptz',
            'time_between_purchases_state', 'tbp_sfunc', 'tbp_inv', 'tbp_final',
            'Mean time between a customer''s consecutive purchases, pooled: sum(last - first) / sum(orders - 1) over customers with 2 or more orders');
        PERFORM @extschema@.retention_define_metric('time_between_purchases',
            'customer_id ' OPERATOR(pg_catalog.||) k OPERATOR(pg_catalog.||) ', purchased_on pg_catalog.date',
            'time_between_purchases_state', 'tbp_date_sfunc', 'tbp_date_inv', 'tbp_final',
            'Mean time between a customer''s consecutive purchase dates, pooled: sum(last - first) / sum(orders - 1) over customers with 2 or more orders');
        PERFORM @extschema@.retention_define_metric('stickiness',
            'user_id ' OPERATOR(pg_catalog.||) k OPERATOR(pg_catalog.||) ', active_on pg_catalog.date',
            'stickiness_state', 'stick_sfunc', 'stick_inv', 'stick_final',
            'Stickiness (percent): 100 * mean daily active users over the days from the first to the last active day / distinct users');
    END LOOP;
END
$orders$;

SELECT @extschema@.retention_define_state('return_rate_state',
    'Partial return rate: units (or lines) sold and returned');
SELECT @extschema@.retention_define_final('return_rate', 'return_rate_state', 'rr_final',
    'pg_catalog.float8', 'Return rate, percent of units returned');
SELECT @extschema@.retention_define_metric('return_rate',
    'units_sold pg_catalog.int8, units_returned pg_catalog.int8', 'return_rate_state',
    'rr_sfunc', 'rr_inv', 'rr_final',
    'Return rate (percent): 100 * sum(units_returned) / sum(units_sold)');
SELECT @extschema@.retention_define_metric('return_rate', 'returned pg_catalog.bool', 'return_rate_state',
    'rr_bool_sfunc', 'rr_bool_inv', 'rr_final',
    'Return rate (percent) of order lines: 100 * returned lines / non-NULL lines');

SELECT @extschema@.retention_define_state('conversion_rate_state',
    'Partial conversion rate: visitors and conversions');
SELECT @extschema@.retention_define_final('conversion_rate', 'conversion_rate_state', 'cr_final',
    'pg_catalog.float8', 'Conversion rate, percent of visitors who converted');
SELECT @extschema@.retention_define_metric('conversion_rate', 'converted pg_catalog.bool', 'conversion_rate_state',
    'cr_bool_sfunc', 'cr_bool_inv', 'cr_final',
    'Conversion rate (percent): 100 * true / non-NULL');
SELECT @extschema@.retention_define_metric('conversion_rate',
    'conversions pg_catalog.int8, visitors pg_catalog.int8', 'conversion_rate_state',
    'cr_sfunc', 'cr_inv', 'cr_final',
    'Conversion rate (percent) of pre-aggregated rows: 100 * sum(conversions) / sum(visitors)');

-- A distinct-customer state grows with the customers, so unlike the
-- fixed-size states it must be storable beyond one heap page: let it be
-- compressed and toasted (every function detoasts its state arguments).
ALTER TYPE @extschema@.repeat_purchase_ratio_state SET (STORAGE = extended);
ALTER TYPE @extschema@.loyal_customer_rate_state SET (STORAGE = extended);
ALTER TYPE @extschema@.purchase_frequency_state SET (STORAGE = extended);
ALTER TYPE @extschema@.time_between_purchases_state SET (STORAGE = extended);
ALTER TYPE @extschema@.stickiness_state SET (STORAGE = extended);
