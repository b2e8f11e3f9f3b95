\echo Use "CREATE EXTENSION retention" to load this file. \quit

-- retention install script, built by the Makefile from sql/install/*.sql in
-- name order.  This first part defines the helpers that declare a metric's
-- state type and aggregates, so that every metric family below is a few
-- lines of declaration; 99_end.sql drops them again.
--
-- Every metric m with state type m_state gets (SPEC section 1):
--   m(args)             the metric                  (sfunc, inverse, final)
--   m_state(args)       the state, for rollups      (sfunc, inverse)
--   m(m_state)          the metric of merged states (combine, uncombine, final)
--   m_state(m_state)    merged state                (combine, uncombine)
-- each with a combine function, moving-aggregate support and PARALLEL SAFE.

-- The script runs as a superuser even when a database owner creates the
-- extension (retention.control says trusted), with the search_path of the
-- one who runs it: a schema of theirs, first in that path, could hold a
-- format(text, text, text) or an operator that matches an unqualified call
-- better than pg_catalog's and would then run as the superuser.  So the
-- helpers run with search_path = pg_catalog, pg_temp, and everything the
-- script calls outside them is qualified (pg_catalog.format,
-- OPERATOR(pg_catalog.||)); test/sh/privileges.sh installs under a hostile
-- schema.

-- A state type <state> with validated text and binary I/O, its combine and
-- uncombine functions, and the merge aggregate <state>(<state>).
CREATE FUNCTION @extschema@.retention_define_state(state pg_catalog.text, description pg_catalog.text)
RETURNS pg_catalog.void LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $def$
DECLARE
    s pg_catalog.text := pg_catalog.quote_ident(state);
BEGIN
    EXECUTE format('CREATE TYPE @extschema@.%s', s);
    EXECUTE format($f$CREATE FUNCTION @extschema@.%1$s(pg_catalog.cstring) RETURNS @extschema@.%2$s
        AS 'MODULE_PATHNAME', %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$,
        quote_ident(state || '_in'), s, state || '_in');
    EXECUTE format($f$CREATE FUNCTION @extschema@.%1$s(@extschema@.%2$s) RETURNS pg_catalog.cstring
        AS 'MODULE_PATHNAME', %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$,
        quote_ident(state || '_out'), s, state || '_out');
    EXECUTE format($f$CREATE FUNCTION @extschema@.%1$s(pg_catalog.internal) RETURNS @extschema@.%2$s
        AS 'MODULE_PATHNAME', %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$,
        quote_ident(state || '_recv'), s, state || '_recv');
    EXECUTE format($f$CREATE FUNCTION @extschema@.%1$s(@extschema@.%2$s) RETURNS pg_catalog.bytea
        AS 'MODULE_PATHNAME', %3$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$,
        quote_ident(state || '_send'), s, state || '_send');
    EXECUTE format($f$CREATE TYPE @extschema@.%1$s (
        INPUT = @extschema@.%2$s, OUTPUT = @extschema@.%3$s,
        RECEIVE = @extschema@.%4$s, SEND = @extschema@.%5$s,
        INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain)$f$,
        s, quote_ident(state || '_in'), quote_ident(state || '_out'),
        quote_ident(state || '_recv'), quote_ident(state || '_send'));
    EXECUTE format('COMMENT ON TYPE @extschema@.%s IS %L', s, description);

    -- combine merges two partial states; uncombine removes one from another
    -- (exact: every field is an integer), so windows over stored states slide.
    EXECUTE format($f$CREATE FUNCTION @extschema@.%1$s(@extschema@.%2$s, @extschema@.%2$s)
        RETURNS @extschema@.%2$s AS 'MODULE_PATHNAME', %3$L
        LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$,
        quote_ident(state || '_combine'), s, state || '_combine');
    EXECUTE format('COMMENT ON FUNCTION @extschema@.%s(@extschema@.%s, @extschema@.%s) IS %L',
        quote_ident(state || '_combine'), s, s,
        format('Merges two %s values (the combine function of every aggregate over %s)', state, state));
    EXECUTE format($f$CREATE FUNCTION @extschema@.%1$s(@extschema@.%2$s, @extschema@.%2$s)
        RETURNS @extschema@.%2$s AS 'MODULE_PATHNAME', %3$L
        LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$,
        quote_ident(state || '_uncombine'), s, state || '_uncombine');
    EXECUTE format('COMMENT ON FUNCTION @extschema@.%s(@extschema@.%s, @extschema@.%s) IS %L',
        quote_ident(state || '_uncombine'), s, s,
        format('Removes the second %s from the first (inverse of the combine, for sliding windows)', state));

    EXECUTE format($f$CREATE AGGREGATE @extschema@.%1$s(@extschema@.%1$s) (
        SFUNC = @extschema@.%2$s, STYPE = @extschema@.%1$s,
        COMBINEFUNC = @extschema@.%2$s,
        MSFUNC = @extschema@.%2$s, MINVFUNC = @extschema@.%3$s, MSTYPE = @extschema@.%1$s,
        PARALLEL = SAFE)$f$,
        s, quote_ident(state || '_combine'), quote_ident(state || '_uncombine'));
    EXECUTE format('COMMENT ON AGGREGATE @extschema@.%1$s(@extschema@.%1$s) IS %2$L', s,
        format('Merges stored %s values into one (multi-level rollups)', state));
END
$def$;

-- The final function <final>(<state>) returning rettype, and the aggregate
-- <metric>(<state>) that computes the metric from stored states.
CREATE FUNCTION @extschema@.retention_define_final(metric pg_catalog.text,
    state pg_catalog.text, final pg_catalog.text, rettype pg_catalog.text, description pg_catalog.text)
RETURNS pg_catalog.void LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $def$
DECLARE
    s pg_catalog.text := pg_catalog.quote_ident(state);
BEGIN
    EXECUTE format($f$CREATE FUNCTION @extschema@.%1$s(@extschema@.%2$s) RETURNS %3$s
        AS 'MODULE_PATHNAME', %4$L LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE$f$,
        quote_ident(final), s, rettype, final);
    EXECUTE format('COMMENT ON FUNCTION @extschema@.%s(@extschema@.%s) IS %L',
        quote_ident(final), s, description || ', from a ' || state);
    EXECUTE format($f$CREATE AGGREGATE @extschema@.%1$s(@extschema@.%2$s) (
        SFUNC = @extschema@.%3$s, STYPE = @extschema@.%2$s,
        FINALFUNC = @extschema@.%4$s, COMBINEFUNC = @extschema@.%3$s,
        MSFUNC = @extschema@.%3$s, MINVFUNC = @extschema@.%5$s, MSTYPE = @extschema@.%2$s,
        MFINALFUNC = @extschema@.%4$s, PARALLEL = SAFE)$f$,
        quote_ident(metric), s, quote_ident(state || '_combine'), quote_ident(final),
        quote_ident(state || '_uncombine'));
    EXECUTE format('COMMENT ON AGGREGATE @extschema@.%s(@extschema@.%s) IS %L',
        quote_ident(metric), s, description || ', merging stored ' || state || ' values');
END
$def$;

-- The transition function sfunc(state, args) and its inverse invfunc (C
-- symbols of the same names), the aggregate <metric>(args) with the final
-- function final, and the state aggregate <state>(args).  args is an
-- argument list such as 'score pg_catalog.int4'.  Several metrics may share
-- a state and its transition functions (churn_rate and retention_rate): the
-- shared parts are declared by whichever call comes first, and replaced
-- with the same definition by the next.
CREATE FUNCTION @extschema@.retention_define_metric(metric pg_catalog.text,
    args pg_catalog.text, state pg_catalog.text, sfunc pg_catalog.text, invfunc pg_catalog.text,
    final pg_catalog.text, description pg_catalog.text)
RETURNS pg_catalog.void LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $def$
DECLARE
    s pg_catalog.text := pg_catalog.quote_ident(state);
BEGIN
    EXECUTE format($f$CREATE OR REPLACE FUNCTION @extschema@.%1$s(@extschema@.%2$s, %3$s)
        RETURNS @extschema@.%2$s AS 'MODULE_PATHNAME', %4$L
        LANGUAGE C IMMUTABLE PARALLEL SAFE$f$, quote_ident(sfunc), s, args, sfunc);
    EXECUTE format('COMMENT ON FUNCTION @extschema@.%s(@extschema@.%s, %s) IS %L',
        quote_ident(sfunc), s, args, format('Adds a row (%s) to a %s', args, state));
    EXECUTE format($f$CREATE OR REPLACE FUNCTION @extschema@.%1$s(@extschema@.%2$s, %3$s)
        RETURNS @extschema@.%2$s AS 'MODULE_PATHNAME', %4$L
        LANGUAGE C IMMUTABLE PARALLEL SAFE$f$, quote_ident(invfunc), s, args, invfunc);
    EXECUTE format('COMMENT ON FUNCTION @extschema@.%s(@extschema@.%s, %s) IS %L',
        quote_ident(invfunc), s, args,
        format('Removes a row (%s) from a %s: the inverse transition, for sliding windows', args, state));

    EXECUTE format($f$CREATE AGGREGATE @extschema@.%1$s(%2$s) (
        SFUNC = @extschema@.%3$s, STYPE = @extschema@.%4$s,
        FINALFUNC = @extschema@.%5$s, COMBINEFUNC = @extschema@.%6$s,
        MSFUNC = @extschema@.%3$s, MINVFUNC = @extschema@.%7$s, MSTYPE = @extschema@.%4$s,
        MFINALFUNC = @extschema@.%5$s, PARALLEL = SAFE)$f$,
        quote_ident(metric), args, quote_ident(sfunc), s, quote_ident(final),
        quote_ident(state || '_combine'), quote_ident(invfunc));
    EXECUTE format('COMMENT ON AGGREGATE @extschema@.%s(%s) IS %L',
        quote_ident(metric), args, description);

    EXECUTE format($f$CREATE OR REPLACE AGGREGATE @extschema@.%1$s(%2$s) (
        SFUNC = @extschema@.%3$s, STYPE = @extschema@.%1$s,
        COMBINEFUNC = @extschema@.%4$s,
        MSFUNC = @extschema@.%3$s, MINVFUNC = @extschema@.%5$s, MSTYPE = @extschema@.%1$s,
        PARALLEL = SAFE)$f$,
        s, args, quote_ident(sfunc), quote_ident(state || '_combine'), quote_ident(invfunc));
    EXECUTE format('COMMENT ON AGGREGATE @extschema@.%s(%s) IS %L',
        s, args, format('The %s of rows (%s), for rollups: store it, then read the metric with its '
                        'aggregate over %s, or merge states with %s(%s)', state, args, state, state, state));
END
$def$;

-- Survey metrics (SPEC section 2): NPS, CSAT, CES.

SELECT @extschema@.retention_define_state('nps_state',
    'Partial Net Promoter Score: counts of promoters (9-10), passives (7-8) and detractors (0-6)');
SELECT @extschema@.retention_define_final('nps', 'nps_state', 'nps_final', 'pg_catalog.float8',
    'Net Promoter Score, -100 to 100');
SELECT @extschema@.retention_define_metric('nps', 'score pg_catalog.int4', 'nps_state',
    'nps_sfunc', 'nps_inv', 'nps_final',
    'Net Promoter Score (-100 to 100) of answers on the 0-10 scale: 100 * (promoters - detractors) / responses');

CREATE FUNCTION @extschema@.nps_breakdown(state @extschema@.nps_state,
    OUT responses pg_catalog.int8, OUT promoters pg_catalog.int8, OUT passives pg_catalog.int8,
    OUT detractors pg_catalog.int8, OUT nps pg_catalog.float8)
RETURNS pg_catalog.record AS 'MODULE_PATHNAME', 'nps_breakdown'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_breakdown(@extschema@.nps_state) IS
    'Responses, promoters, passives, detractors and NPS of an nps_state, as one record';

SELECT @extschema@.retention_define_state('csat_state',
    'Partial Customer Satisfaction: responses, satisfied responses and the scale');
SELECT @extschema@.retention_define_final('csat', 'csat_state', 'csat_final', 'pg_catalog.float8',
    'Customer Satisfaction, percent of satisfied responses');
SELECT @extschema@.retention_define_metric('csat', 'score pg_catalog.int4', 'csat_state',
    'csat_sfunc', 'csat_inv', 'csat_final',
    'Customer Satisfaction (percent) of answers on the 1-5 scale: 100 * answers of 4 or 5 / answers');
SELECT @extschema@.retention_define_metric('csat', 'score pg_catalog.int4, scale_max pg_catalog.int4', 'csat_state',
    'csat_sfunc', 'csat_inv', 'csat_final',
    'Customer Satisfaction (percent) of answers on a 1..scale_max scale: 100 * the top two boxes / answers');
SELECT @extschema@.retention_define_metric('csat', 'satisfied pg_catalog.bool', 'csat_state',
    'csat_bool_sfunc', 'csat_bool_inv', 'csat_final',
    'Customer Satisfaction (percent) of yes/no answers: 100 * true / non-NULL answers');

SELECT @extschema@.retention_define_state('ces_state',
    'Partial Customer Effort Score: responses, the sum of the answers and the scale');
SELECT @extschema@.retention_define_final('ces', 'ces_state', 'ces_final', 'pg_catalog.float8',
    'Customer Effort Score, the mean answer');
SELECT @extschema@.retention_define_metric('ces', 'score pg_catalog.int4', 'ces_state',
    'ces_sfunc', 'ces_inv', 'ces_final',
    'Customer Effort Score: the mean of answers on the 1-7 scale');
SELECT @extschema@.retention_define_metric('ces', 'score pg_catalog.int4, scale_max pg_catalog.int4', 'ces_state',
    'ces_sfunc', 'ces_inv', 'ces_final',
    'Customer Effort Score: the mean of answers on a 1..scale_max scale');
-- Subscription metrics (SPEC section 3): customer churn and retention over
-- activity ranges, and revenue retention over (start_mrr, end_mrr).

-- ---------- churn_rate, retention_rate ----------

SELECT @extschema@.retention_define_state('churn_state',
    'Partial customer churn/retention of one period: customers active at the period''s start, '
    'retained (also active at its end), active at its end, and the period');
SELECT @extschema@.retention_define_final('churn_rate', 'churn_state', 'churn_final', 'pg_catalog.float8',
    'Customer churn rate (percent): 100 * (at start - retained) / at start');
SELECT @extschema@.retention_define_final('retention_rate', 'churn_state', 'retention_final', 'pg_catalog.float8',
    'Customer retention rate (percent): 100 * retained / at start');

SELECT @extschema@.retention_define_metric('churn_rate',
        pg_catalog.format('activity pg_catalog.%s, period pg_catalog.%s', a.act, a.per),
        'churn_state', a.sfunc, a.inv, 'churn_final',
        'Customer churn rate (percent) of a period [start, end): 100 * (customers active at start - '
        'those also active at end) / customers active at start')
  FROM (VALUES ('daterange', 'daterange', 'churn_sfunc', 'churn_inv'),
               ('tsrange', 'tsrange', 'churn_sfunc', 'churn_inv'),
               ('tstzrange', 'tstzrange', 'churn_sfunc', 'churn_inv'),
               ('datemultirange', 'daterange', 'churn_multi_sfunc', 'churn_multi_inv'),
               ('tsmultirange', 'tsrange', 'churn_multi_sfunc', 'churn_multi_inv'),
               ('tstzmultirange', 'tstzrange', 'churn_multi_sfunc', 'churn_multi_inv'))
       AS a(act, per, sfunc, inv);

SELECT @extschema@.retention_define_metric('retention_rate',
        pg_catalog.format('activity pg_catalog.%s, period pg_catalog.%s', a.act, a.per),
        'churn_state', a.sfunc, a.inv, 'retention_final',
        'Customer retention rate (percent) of a period [start, end): 100 * customers active at start '
        'and at end / customers active at start')
  FROM (VALUES ('daterange', 'daterange', 'churn_sfunc', 'churn_inv'),
               ('tsrange', 'tsrange', 'churn_sfunc', 'churn_inv'),
               ('tstzrange', 'tstzrange', 'churn_sfunc', 'churn_inv'),
               ('datemultirange', 'daterange', 'churn_multi_sfunc', 'churn_multi_inv'),
               ('tsmultirange', 'tsrange', 'churn_multi_sfunc', 'churn_multi_inv'),
               ('tstzmultirange', 'tstzrange', 'churn_multi_sfunc', 'churn_multi_inv'))
       AS a(act, per, sfunc, inv);

CREATE FUNCTION @extschema@.churn_breakdown(state @extschema@.churn_state,
    OUT at_start pg_catalog.int8, OUT retained pg_catalog.int8, OUT churned pg_catalog.int8,
    OUT at_end pg_catalog.int8, OUT new_or_returning pg_catalog.int8)
RETURNS pg_catalog.record AS 'MODULE_PATHNAME', 'churn_breakdown'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_breakdown(@extschema@.churn_state) IS
    'Customers at start, retained, churned (at start - retained), at end and new or returning '
    '(at end - retained) of a churn_state, as one record';

-- ---------- revenue retention ----------

SELECT @extschema@.retention_define_state('revenue_state',
    'Partial revenue retention: customers with revenue at start, and the exact sums (in 1/10000 units) '
    'of revenue at start, at end and lost (max(start - end, 0))');
SELECT @extschema@.retention_define_final(f.metric, 'revenue_state', f.final, f.rettype, f.descr)
  FROM (VALUES
    ('net_revenue_retention', 'nrr_final', 'pg_catalog.float8',
     'Net revenue retention (percent): 100 * sum(end) / sum(start)'),
    ('gross_revenue_retention', 'grr_final', 'pg_catalog.float8',
     'Gross revenue retention (percent): 100 * sum(min(start, end)) / sum(start)'),
    ('revenue_churn_rate', 'revenue_churn_rate_final', 'pg_catalog.float8',
     'Revenue churn rate (percent): 100 * sum(max(start - end, 0)) / sum(start)'),
    ('revenue_churn', 'revenue_churn_final', 'pg_catalog.numeric',
     'Revenue lost (churned and contracted): sum(max(start - end, 0))'))
  AS f(metric, final, rettype, descr);

SELECT @extschema@.retention_define_metric('net_revenue_retention',
        pg_catalog.format('start_mrr pg_catalog.%1$s, end_mrr pg_catalog.%1$s', t.typ),
        'revenue_state', pg_catalog.format('revenue_%s_sfunc', t.typ), pg_catalog.format('revenue_%s_inv', t.typ), 'nrr_final',
        'Net revenue retention (percent) of one row per customer: 100 * sum(end_mrr) / sum(start_mrr); '
        'NULL or 0 start_mrr = not a customer at start, NULL end_mrr = 0')
  FROM (VALUES ('numeric'), ('float8')) AS t(typ);

SELECT @extschema@.retention_define_metric(f.metric,
        pg_catalog.format('start_mrr pg_catalog.%1$s, end_mrr pg_catalog.%1$s', t.typ),
        'revenue_state', pg_catalog.format('revenue_%s_sfunc', t.typ), pg_catalog.format('revenue_%s_inv', t.typ), f.final,
        pg_catalog.format('%s of one row per customer; NULL or 0 start_mrr = not a customer at start, NULL end_mrr = 0', f.descr))
  FROM (VALUES ('numeric'), ('float8')) AS t(typ),
       (VALUES
        ('gross_revenue_retention', 'grr_final',
         'Gross revenue retention (percent): 100 * sum(min(start_mrr, end_mrr)) / sum(start_mrr)'),
        ('revenue_churn_rate', 'revenue_churn_rate_final',
         'Revenue churn rate (percent), lost and contracted revenue: 100 * sum(max(start_mrr - end_mrr, 0)) / sum(start_mrr)'),
        ('revenue_churn', 'revenue_churn_final',
         'Revenue lost, churned and contracted (numeric, exact to 0.0001): sum(max(start_mrr - end_mrr, 0))'))
       AS f(metric, final, descr);


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
-- Days Sales Outstanding (SPEC section 5): dso over invoices (date and
-- timestamptz periods), dso on known figures, avg_days_to_pay.  Amounts are
-- summed exactly as int64 fixed-point in units of 1/10000 (src/dso.c).

SELECT @extschema@.retention_define_state('dso_state',
    'Partial Days Sales Outstanding over a daterange period: receivables and credit sales (in 1/10000 units) and the period');
SELECT @extschema@.retention_define_final('dso', 'dso_state', 'dso_final', 'pg_catalog.float8',
    'Days Sales Outstanding: receivables / credit sales * days in the period');
SELECT @extschema@.retention_define_metric('dso',
    'amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange',
    'dso_state', 'dso_sfunc', 'dso_inv', 'dso_final',
    'Days Sales Outstanding of invoices over a period [start, end): receivables at the end (issued before it, unpaid by then) / credit sales issued in the period * days in the period');

SELECT @extschema@.retention_define_state('dso_tstz_state',
    'Partial Days Sales Outstanding over a tstzrange period: receivables and credit sales (in 1/10000 units) and the period');
SELECT @extschema@.retention_define_final('dso', 'dso_tstz_state', 'dso_tstz_final', 'pg_catalog.float8',
    'Days Sales Outstanding (days of 86 400 s): receivables / credit sales * days in the period');
SELECT @extschema@.retention_define_metric('dso',
    'amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange',
    'dso_tstz_state', 'dso_tstz_sfunc', 'dso_tstz_inv', 'dso_tstz_final',
    'Days Sales Outstanding of invoices over a period [start, end), days counted as 86 400 s: receivables at the end / credit sales in the period * days in the period');

-- The state aggregate of the timestamptz form is dso_tstz_state(args); this
-- gives it the name every other state aggregate has, m_state(args) (SPEC 1).
CREATE AGGREGATE @extschema@.dso_state(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz,
    paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.dso_tstz_sfunc, STYPE = @extschema@.dso_tstz_state,
    COMBINEFUNC = @extschema@.dso_tstz_state_combine,
    MSFUNC = @extschema@.dso_tstz_sfunc, MINVFUNC = @extschema@.dso_tstz_inv,
    MSTYPE = @extschema@.dso_tstz_state, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.dso_state(pg_catalog.numeric, pg_catalog.timestamptz,
    pg_catalog.timestamptz, pg_catalog.tstzrange) IS
    'Partial state of dso(amount, issued_on timestamptz, paid_on timestamptz, period tstzrange), a dso_tstz_state, for rollups: store it, then merge with dso(dso_tstz_state) or dso_tstz_state(dso_tstz_state)';

CREATE FUNCTION @extschema@.dso(receivables pg_catalog.float8, credit_sales pg_catalog.float8,
    days pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'dso_figures'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'Days Sales Outstanding of known figures: receivables / credit_sales * days; NULL when credit_sales is 0';

SELECT @extschema@.retention_define_state('avg_days_to_pay_state',
    'Partial amount-weighted days to pay: paid amount and the sum of amount * days (both in 1/10000 units)');
SELECT @extschema@.retention_define_final('avg_days_to_pay', 'avg_days_to_pay_state',
    'avg_days_to_pay_final', 'pg_catalog.float8',
    'Amount-weighted mean days from issue to payment');
SELECT @extschema@.retention_define_metric('avg_days_to_pay',
    'amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date',
    'avg_days_to_pay_state', 'avg_days_to_pay_sfunc', 'avg_days_to_pay_inv', 'avg_days_to_pay_final',
    'Amount-weighted mean days from issue to payment over paid invoices (unpaid ones, paid_on NULL, are skipped)');
-- Descriptive customer lifetime value (SPEC section 6): clv_simple and
-- saas_ltv.  Gross margin is a fraction 0..1; churn_rate a percentage.

CREATE FUNCTION @extschema@.clv_simple(avg_order_value pg_catalog.float8,
    purchases_per_year pg_catalog.float8, lifespan_years pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_simple'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_simple(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'Descriptive customer lifetime value: avg_order_value * purchases_per_year * lifespan_years';

CREATE FUNCTION @extschema@.clv_simple(avg_order_value pg_catalog.float8,
    purchases_per_year pg_catalog.float8, lifespan_years pg_catalog.float8,
    gross_margin pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_simple'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_simple(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'Descriptive customer lifetime value with margin: avg_order_value * purchases_per_year * lifespan_years * gross_margin (a fraction 0..1)';

CREATE FUNCTION @extschema@.saas_ltv(arpa pg_catalog.float8, churn_rate pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'saas_ltv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.saas_ltv(pg_catalog.float8, pg_catalog.float8) IS
    'Subscription lifetime value: arpa / (churn_rate / 100), churn_rate in percent per period of arpa; NULL at zero churn';

CREATE FUNCTION @extschema@.saas_ltv(arpa pg_catalog.float8, churn_rate pg_catalog.float8,
    gross_margin pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'saas_ltv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.saas_ltv(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'Subscription lifetime value: arpa * gross_margin (a fraction 0..1) / (churn_rate / 100), churn_rate in percent per period of arpa; NULL at zero churn';
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
-- Lifecycle (SPEC section 7) and health score (SPEC section 8).

CREATE FUNCTION @extschema@.lifecycle(period_start pg_catalog.date)
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'lifecycle'
LANGUAGE C IMMUTABLE WINDOW PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lifecycle(pg_catalog.date) IS
    'Window function over one row per active customer and month, OVER (PARTITION BY customer ORDER BY period_start): new, retained (active the month before) or resurrected';

CREATE FUNCTION @extschema@.lifecycle(period_start pg_catalog.date, period pg_catalog.interval)
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'lifecycle'
LANGUAGE C IMMUTABLE WINDOW PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lifecycle(pg_catalog.date, pg_catalog.interval) IS
    'Window function over one row per active customer and period, OVER (PARTITION BY customer ORDER BY period_start): new, retained (previous period_start + period = this one) or resurrected';

CREATE FUNCTION @extschema@.health_score(components pg_catalog.float8[], weights pg_catalog.float8[])
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'health_score'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.health_score(pg_catalog.float8[], pg_catalog.float8[]) IS
    'Weighted mean of health components (each 0-100); NULL components skipped and the weights renormalised';
-- Cohort retention (SPEC section 7).  The state is the distinct-customer
-- set of src/keyset.c in its cohort layout: per customer its cohort start
-- and a bitmap of the periods it was active in.  One overload per customer
-- key type (int4, int8, text, uuid) and per time type (timestamptz, date),
-- all sharing one C transition function per time type.

SELECT @extschema@.retention_define_state('cohort_retention_state',
    'Partial cohort retention: the period and, per distinct customer, its cohort start and the periods it was active in');
SELECT @extschema@.retention_define_final('cohort_retention', 'cohort_retention_state',
    'cohort_final', 'pg_catalog.float8[]',
    'Cohort retention, percent of the cohort''s customers active in each period after their cohort start');

DO $cohort$
DECLARE
    k text;
    t text;
BEGIN
    FOREACH k IN ARRAY ARRAY['pg_catalog.int4', 'pg_catalog.int8', 'pg_catalog.text', 'pg_catalog.uuid'] LOOP
        PERFORM @extschema@.retention_define_metric('cohort_retention',
            'customer_id ' OPERATOR(pg_catalog.||) k OPERATOR(pg_catalog.||) ', cohort_start pg_catalog.timestamptz, active_at pg_catalog.timestamptz, period pg_catalog.interval',
            'cohort_retention_state', 'cohort_sfunc', 'cohort_inv', 'cohort_final',
            'Cohort retention (percent) per period: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers');
        PERFORM @extschema@.retention_define_metric('cohort_retention',
            'customer_id ' OPERATOR(pg_catalog.||) k OPERATOR(pg_catalog.||) ', cohort_start pg_catalog.date, active_at pg_catalog.date, period pg_catalog.interval',
            'cohort_retention_state', 'cohort_date_sfunc', 'cohort_inv', 'cohort_final',
            'Cohort retention (percent) per period, from dates: element k = 100 * the cohort''s customers active in [cohort_start + (k-1) * period, cohort_start + k * period) / its customers');
        FOREACH t IN ARRAY ARRAY['pg_catalog.timestamptz', 'pg_catalog.date'] LOOP
            EXECUTE pg_catalog.format('COMMENT ON FUNCTION @extschema@.cohort_inv(@extschema@.cohort_retention_state, %s, %s, %s, pg_catalog.interval) IS %L',
                k, t, t, 'Returns NULL: a row cannot be taken out of a bitmap of active periods (another row may have set the same bit), so a sliding window restarts its frame');
        END LOOP;
    END LOOP;
END
$cohort$;

-- The per-customer inverse cannot undo a row (a period's bit may come from
-- several rows): it returns NULL, and a sliding window restarts its frame.
COMMENT ON FUNCTION @extschema@.cohort_retention_state_uncombine(@extschema@.cohort_retention_state,
    @extschema@.cohort_retention_state) IS
    'Returns NULL: a union of bitmaps cannot be taken back, so a sliding window over stored cohort_retention_state values restarts its frame';

-- A distinct-customer state outgrows a heap page: let it be toasted.
ALTER TYPE @extschema@.cohort_retention_state SET (STORAGE = extended);

-- retention_catalog: one row per user-facing function signature of the
-- extension, for people and BI tools browsing what is there.  The
-- signatures come from the system catalogs (the functions that pg_depend
-- records as members of this extension), so a metric added later is listed
-- without editing this file; only its unit and one-line description come
-- from the table below, and test/catalog.sql fails while a user-facing
-- function has no row there.  Support functions (state type I/O, transition,
-- inverse, final and combine functions) are not user-facing: they are the
-- ones pg_type and pg_aggregate point at, and are left out.
--
-- A view has no volatility of its own; everything it calls is STABLE or
-- IMMUTABLE, so it reads a consistent snapshot of the catalogs like any
-- query.  Catalog references, functions and operators are qualified with
-- pg_catalog, so the search_path in force at CREATE EXTENSION cannot
-- capture any of them (an operator in the target schema that matches the
-- argument types exactly would otherwise win over pg_catalog's).

CREATE VIEW @extschema@.retention_catalog AS
WITH ext_proc AS (
    SELECT p.oid, p.proname, p.prokind, p.pronargs, p.proargtypes, p.prorettype
      FROM pg_catalog.pg_proc p
      JOIN pg_catalog.pg_depend d
        ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid OPERATOR(pg_catalog.=) p.oid
       AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype OPERATOR(pg_catalog.=) 'e'
      JOIN pg_catalog.pg_extension e ON e.oid OPERATOR(pg_catalog.=) d.refobjid AND e.extname OPERATOR(pg_catalog.=) 'retention'
), support AS (
    SELECT f AS oid
      FROM pg_catalog.pg_aggregate a
      JOIN ext_proc p ON p.oid OPERATOR(pg_catalog.=) a.aggfnoid,
           LATERAL (VALUES (a.aggtransfn), (a.aggfinalfn), (a.aggcombinefn),
                           (a.aggmtransfn), (a.aggminvtransfn), (a.aggmfinalfn)) AS s(f)
    UNION
    SELECT f
      FROM pg_catalog.pg_type t,
           LATERAL (VALUES (t.typinput), (t.typoutput), (t.typreceive), (t.typsend)) AS s(f)
), state_type AS (
    SELECT DISTINCT a.aggtranstype AS oid
      FROM pg_catalog.pg_aggregate a JOIN ext_proc p ON p.oid OPERATOR(pg_catalog.=) a.aggfnoid
), fn AS (
    SELECT p.oid,
           CASE
               WHEN p.prokind OPERATOR(pg_catalog.=) 'w' THEN 'window'
               WHEN p.prokind OPERATOR(pg_catalog.=) 'f' THEN 'scalar'
               WHEN p.pronargs OPERATOR(pg_catalog.=) 1 AND p.proargtypes[0] OPERATOR(pg_catalog.=) ANY (SELECT oid FROM state_type) THEN 'merge'
               WHEN p.prorettype OPERATOR(pg_catalog.=) ANY (SELECT oid FROM state_type) THEN 'state'
               ELSE 'aggregate'
           END AS kind,
           -- a state-returning function is catalogued under its state type
           CASE WHEN p.prorettype OPERATOR(pg_catalog.=) ANY (SELECT oid FROM state_type)
                THEN (SELECT t.typname FROM pg_catalog.pg_type t WHERE t.oid OPERATOR(pg_catalog.=) p.prorettype)::pg_catalog.text
                ELSE p.proname::pg_catalog.text
           END COLLATE pg_catalog."default" AS metric
      FROM ext_proc p
     WHERE NOT p.oid OPERATOR(pg_catalog.=) ANY (SELECT oid FROM support)
), units(metric, family, unit, description) AS (
    VALUES
    ('nps', 'survey', 'score', 'Net Promoter Score, -100 to 100: 100 * (promoters - detractors) / responses on the 0-10 scale'),
    ('nps_breakdown', 'survey', 'record', 'Responses, promoters, passives, detractors and NPS of an nps_state'),
    ('nps_state', 'survey', 'state', 'Stored NPS counts; read with nps(nps_state)'),
    ('csat', 'survey', 'percent', 'Customer Satisfaction: percent of answers in the top two boxes (or true)'),
    ('csat_state', 'survey', 'state', 'Stored CSAT counts and scale; read with csat(csat_state)'),
    ('ces', 'survey', 'score', 'Customer Effort Score: the mean answer (1-7, or 1..scale_max)'),
    ('ces_state', 'survey', 'state', 'Stored CES counts and scale; read with ces(ces_state)'),
    ('churn_rate', 'subscription', 'percent', 'Customer churn rate of a period: 100 * (at start - retained) / at start'),
    ('retention_rate', 'subscription', 'percent', 'Customer retention rate of a period: 100 * retained / at start'),
    ('churn_breakdown', 'subscription', 'record', 'Customers at start, retained, churned, at end and new or returning of a churn_state'),
    ('churn_state', 'subscription', 'state', 'Stored churn counts and period; read with churn_rate or retention_rate'),
    ('net_revenue_retention', 'revenue', 'percent', 'Net revenue retention: 100 * sum(end_mrr) / sum(start_mrr)'),
    ('gross_revenue_retention', 'revenue', 'percent', 'Gross revenue retention: 100 * sum(min(start_mrr, end_mrr)) / sum(start_mrr)'),
    ('revenue_churn_rate', 'revenue', 'percent', 'Revenue churn rate: 100 * sum(max(start_mrr - end_mrr, 0)) / sum(start_mrr)'),
    ('revenue_churn', 'revenue', 'currency', 'Revenue lost, churned and contracted: sum(max(start_mrr - end_mrr, 0))'),
    ('revenue_state', 'revenue', 'state', 'Stored revenue sums; read with the four revenue metrics'),
    ('repeat_purchase_ratio', 'orders', 'percent', 'Percent of customers with 2 or more orders'),
    ('repeat_purchase_ratio_state', 'orders', 'state', 'Stored distinct customers with order counts; read with repeat_purchase_ratio'),
    ('loyal_customer_rate', 'orders', 'percent', 'Percent of customers with at least min_orders orders'),
    ('loyal_customer_rate_state', 'orders', 'state', 'Stored distinct customers with order counts; read with loyal_customer_rate'),
    ('purchase_frequency', 'orders', 'ratio', 'Orders per distinct customer'),
    ('purchase_frequency_state', 'orders', 'state', 'Stored distinct customers with order counts; read with purchase_frequency'),
    ('time_between_purchases', 'orders', 'interval', 'Mean time between a customer''s consecutive purchases, pooled'),
    ('time_between_purchases_state', 'orders', 'state', 'Stored customers with first and last purchase; read with time_between_purchases'),
    ('stickiness', 'orders', 'percent', 'Mean daily active users / distinct users, percent'),
    ('stickiness_state', 'orders', 'state', 'Stored (user, day) pairs; read with stickiness'),
    ('return_rate', 'orders', 'percent', 'Percent of units (or lines) returned'),
    ('return_rate_state', 'orders', 'state', 'Stored units sold and returned; read with return_rate'),
    ('conversion_rate', 'orders', 'percent', 'Percent of visitors who converted'),
    ('conversion_rate_state', 'orders', 'state', 'Stored visitors and conversions; read with conversion_rate'),
    ('dso', 'dso', 'days', 'Days Sales Outstanding: receivables / credit sales * days in the period'),
    ('dso_state', 'dso', 'state', 'Stored receivables, credit sales and daterange period; read with dso'),
    ('dso_tstz_state', 'dso', 'state', 'Stored receivables, credit sales and tstzrange period; read with dso'),
    ('avg_days_to_pay', 'dso', 'days', 'Amount-weighted mean days from issue to payment'),
    ('avg_days_to_pay_state', 'dso', 'state', 'Stored paid amount and amount * days; read with avg_days_to_pay'),
    ('clv_simple', 'clv', 'currency', 'Descriptive lifetime value: order value * purchases per year * years (* margin)'),
    ('saas_ltv', 'clv', 'currency', 'Subscription lifetime value: arpa (* margin) / (churn rate / 100)'),
    ('clv_summary', 'clv', 'record', 'A customer''s (frequency, recency, age, monetary) summary'),
    ('clv_summary_state', 'clv', 'state', 'Stored purchase days and amounts of a customer; read with clv_summary'),
    ('clv_fit', 'clv', 'model', 'BG/NBD and Gamma-Gamma models fitted by maximum likelihood, a clv_model'),
    ('clv_fit_state', 'clv', 'state', 'Stored customer summaries; read with clv_fit'),
    ('clv_model_params', 'clv', 'json', 'A clv_model''s parameters, fit statistics and convergence as jsonb'),
    ('clv_expected_purchases', 'clv', 'count', 'Expected purchases of a customer in the next t time units (BG/NBD)'),
    ('clv_p_alive', 'clv', 'probability', 'Probability (0 to 1) that a customer is still active (BG/NBD)'),
    ('clv_expected_order_value', 'clv', 'currency', 'Expected value of a customer''s future order (Gamma-Gamma)'),
    ('clv_predict', 'clv', 'currency', 'Discounted expected value of a customer over the next t time units'),
    ('clv', 'clv', 'currency', 'Mean predicted value per customer over a horizon, models fitted on the group'),
    ('clv_state', 'clv', 'state', 'Stored orders of a group; read with clv'),
    ('cohort_retention', 'cohort', 'percent', 'Cohort retention per period since each cohort start, an array of percents (element k = period k)'),
    ('cohort_retention_state', 'cohort', 'state', 'Stored customers with cohort start and active periods; read with cohort_retention'),
    ('lifecycle', 'lifecycle', 'label', 'Window function: new, retained or resurrected per customer and period'),
    ('health_score', 'health', 'score', 'Weighted mean of health components, 0 to 100')
)
SELECT f.metric,
       u.family,
       f.kind,
       f.oid::pg_catalog.regprocedure::pg_catalog.text AS signature,
       pg_catalog.pg_get_function_arguments(f.oid) AS arguments,
       pg_catalog.pg_get_function_result(f.oid) AS returns,
       u.unit,
       u.description,
       pg_catalog.obj_description(f.oid, 'pg_proc') AS comment
  FROM fn f
  LEFT JOIN units u ON u.metric OPERATOR(pg_catalog.=) f.metric
 ORDER BY u.family, f.metric, f.kind, signature;

COMMENT ON VIEW @extschema@.retention_catalog IS
    'Every user-facing function of the extension: metric, family, kind (aggregate, state, merge, window, scalar), signature, arguments, result type, unit and a one-line description';

-- BI tools connect as roles other than the one that installed the extension.
GRANT SELECT ON @extschema@.retention_catalog TO PUBLIC;

-- The declaration helpers are only for this script.
DROP FUNCTION @extschema@.retention_define_state(pg_catalog.text, pg_catalog.text);
DROP FUNCTION @extschema@.retention_define_final(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text);
DROP FUNCTION @extschema@.retention_define_metric(pg_catalog.text, pg_catalog.text, pg_catalog.text,
    pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text);
