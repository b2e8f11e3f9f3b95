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

