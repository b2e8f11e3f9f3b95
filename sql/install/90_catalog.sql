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
-- The upgrade from 1.1 runs this file again after the install files that
-- are new since 1.1 (see the Makefile): CREATE OR REPLACE keeps the view's
-- columns, grants and dependants, and brings its unit rows up to date.
--
-- A view has no volatility of its own; everything it calls is STABLE or
-- IMMUTABLE, so it reads a consistent snapshot of the catalogs like any
-- query.  Catalog references, functions and operators are qualified with
-- pg_catalog, so the search_path in force at CREATE EXTENSION cannot
-- capture any of them (an operator in the target schema that matches the
-- argument types exactly would otherwise win over pg_catalog's).

CREATE OR REPLACE VIEW @extschema@.retention_catalog AS
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
    ('returning_customer_rate', 'orders', 'percent', 'Percent of the customers who ordered in the period who had ordered before it'),
    ('returning_customer_rate_state', 'orders', 'state', 'Stored period and customers with first and last order; read with returning_customer_rate'),
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
    ('ar_aging', 'receivables', 'record', 'Aging report: receivables outstanding at as_of by days past due (current, 1-30, 31-60, 61-90, over 90) and the total'),
    ('ar_aging_state', 'receivables', 'state', 'Stored aging buckets and as_of date; read with ar_aging'),
    ('dso_countback', 'receivables', 'days', 'Countback DSO: the days of the newest months whose sales absorb the receivables'),
    ('dso_countback_state', 'receivables', 'state', 'Stored receivables and monthly sales at an as_of date; read with dso_countback'),
    ('best_possible_dso', 'receivables', 'days', 'Best possible DSO: current (not yet due) receivables / credit sales * days in the period'),
    ('best_possible_dso_state', 'receivables', 'state', 'Stored current receivables, credit sales and period of days; read with best_possible_dso'),
    ('cei', 'receivables', 'percent', 'Collection effectiveness index: 100 * (BR + CS/N - ETR) / (BR + CS/N - ECR)'),
    ('cei_state', 'receivables', 'state', 'Stored beginning, sales, ending and ending current receivables of a period of days; read with cei'),
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
    ('clv_purchase_probability', 'clv', 'probability', 'Probability (0 to 1) that a new customer makes exactly n purchases in the first t time units (BG/NBD)'),
    ('clv', 'clv', 'currency', 'Mean predicted value per customer over a horizon, models fitted on the group'),
    ('clv_state', 'clv', 'state', 'Stored orders of a group; read with clv'),
    ('bgbb_fit', 'models', 'model', 'BG/BB model of discrete-opportunity (frequency, recency, periods) patterns, fitted by maximum likelihood, a bgbb_model'),
    ('bgbb_fit_state', 'models', 'state', 'Stored customers by (frequency, recency, periods) pattern; read with bgbb_fit'),
    ('bgbb_model_params', 'models', 'json', 'A bgbb_model''s alpha, beta, gamma, delta, log-likelihood, standard errors and convergence as jsonb'),
    ('bgbb_p_alive', 'models', 'probability', 'BG/BB probability (0 to 1) that a customer is alive at the next opportunity'),
    ('bgbb_expected_purchases', 'models', 'count', 'BG/BB expected transactions of a customer in the next t opportunities'),
    ('bgbb_dert', 'models', 'count', 'BG/BB discounted expected residual transactions of a customer'),
    ('sbg_fit', 'models', 'model', 'Shifted-beta-geometric churn model of a cohort''s survivor counts, fitted by maximum likelihood, an sbg_model'),
    ('sbg_fit_state', 'models', 'state', 'Stored survivor counts by period; read with sbg_fit'),
    ('sbg_model_params', 'models', 'json', 'An sbg_model''s alpha, beta, log-likelihood, standard errors and convergence as jsonb'),
    ('sbg_survival', 'models', 'probability', 'sBG probability (0 to 1) of being active at the start of period t'),
    ('sbg_retention', 'models', 'probability', 'sBG retention rate of period t, S(t) / S(t - 1), as a probability'),
    ('sbg_derl', 'models', 'periods', 'sBG discounted expected residual lifetime of a customer after n renewals, in payments'),
    ('cohort_retention', 'cohort', 'percent', 'Cohort retention per period since each cohort start, an array of percents (element k = period k)'),
    ('cohort_retention_state', 'cohort', 'state', 'Stored customers with cohort start and active periods; read with cohort_retention'),
    ('cohort_retention_brackets', 'product', 'percent', 'Bracket retention: per bracket [start + b[k], start + b[k+1]), percent of the cohort''s customers active in it'),
    ('cohort_retention_brackets_state', 'product', 'state', 'Stored brackets and customers with the brackets they were active in; read with cohort_retention_brackets'),
    ('cohort_periods', 'product', 'record', 'Long form of cohort retention: one (period, customers, active, rate) per period, by mode and observed_until'),
    ('cohort_periods_state', 'product', 'state', 'Stored customers with cohort start and active periods, with a mode and observed_until; read with cohort_retention or cohort_periods'),
    ('recurring_retention', 'product', 'percent', 'Recurring retention per lag: percent of customers active in a period who are active again k - 1 periods later, pooled over periods'),
    ('recurring_retention_state', 'product', 'state', 'Stored customers with their active periods after an origin; read with recurring_retention'),
    ('window_funnel', 'product', 'count', 'Funnel level per user: steps reached in order within the window, 0 to the number of steps (ClickHouse windowFunnel)'),
    ('window_funnel_state', 'product', 'state', 'Stored event times and the funnel steps they satisfy; read with window_funnel'),
    ('mrr_movements', 'saas', 'record', 'The MRR bridge per calendar month (new, expansion, contraction, churn, reactivation), an array of mrr_movement'),
    ('mrr_movements_state', 'saas', 'state', 'Stored MRR per customer and month; read with mrr_movements'),
    ('cohort_revenue_retention', 'saas', 'percent', 'Net or gross MRR retention by cohort, an array of percents (element k = month k - 1 after the cohort start)'),
    ('cohort_revenue_retention_state', 'saas', 'state', 'Stored MRR per customer, cohort start and month; read with cohort_revenue_retention'),
    ('arpa', 'saas', 'currency', 'Average revenue per account: MRR / customers with MRR > 0'),
    ('arpa_state', 'saas', 'state', 'Stored MRR per customer; read with arpa'),
    ('cac', 'saas', 'currency', 'Customer acquisition cost: spend / new customers'),
    ('ltv_cac_ratio', 'saas', 'ratio', 'LTV to CAC ratio: ltv / cac'),
    ('cac_payback_months', 'saas', 'months', 'Months to recover CAC: cac / (arpa * gross_margin)'),
    ('trial_conversion_rate', 'saas', 'percent', 'Percent of trials converted within a window of their start'),
    ('trial_conversion_rate_state', 'saas', 'state', 'Stored trials, conversions and window; read with trial_conversion_rate'),
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
