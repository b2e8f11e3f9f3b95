\echo Use "CREATE EXTENSION retention" to load this file. \quit

-- retention 1.0, the install script as released (commit 36e7fda: sql/install/*.sql
-- concatenated in name order), frozen: it is what CREATE EXTENSION retention
-- VERSION '1.0' runs and what 1.0 databases were built with.  Do not edit it
-- except for security fixes that leave the objects it creates unchanged.
-- Changed since the release: the search_path hardening of commit ca8fc65
-- (helpers with SET search_path = pg_catalog, pg_temp; calls qualified);
-- test/sh/objects.psql printed the same objects for both scripts.

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

-- The declaration helpers are only for this script.
DROP FUNCTION @extschema@.retention_define_state(pg_catalog.text, pg_catalog.text);
DROP FUNCTION @extschema@.retention_define_final(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text);
DROP FUNCTION @extschema@.retention_define_metric(pg_catalog.text, pg_catalog.text, pg_catalog.text,
    pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text);
