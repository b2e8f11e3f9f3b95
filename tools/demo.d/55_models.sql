-- The customer-base models beyond BG/NBD on generated cohorts: sBG for
-- contractual churn (a cohort of yearly subscribers, fitted on its first
-- seven renewals and projected five years on) and BG/BB for discrete
-- opportunities (donors with six yearly appeals after their first gift).
-- Each customer has a churn probability, and each donor a giving and a
-- dying probability, of their own: the heterogeneity the models assume.
-- sbg_projection and bgbb_patterns are used again by the HTML report.
\echo
\echo '=== Customer-base models: sBG and BG/BB ==='

SELECT setseed(0.23) \gset
-- years renewed: geometric with the subscriber's own yearly churn probability
CREATE TABLE sbg_cohort AS
SELECT id, floor(ln(1 - u) / ln(1 - theta))::int AS renewals
FROM (SELECT id, 0.03 + 0.6 * random() ^ 2 AS theta, random() AS u FROM generate_series(1, 1000) id) s;
CREATE TABLE sbg_active AS
SELECT year, count(*) FILTER (WHERE renewals >= year) AS active
FROM sbg_cohort, generate_series(0, 12) year GROUP BY year;
CREATE TABLE sbg_models AS SELECT sbg_fit(year, active) AS model FROM sbg_active WHERE year <= 7;

\echo
\echo 'sBG fitted on years 0-7 of a cohort of 1 000 subscribers (alpha, beta with standard errors):'
SELECT round((j->>'alpha')::numeric, 3) AS alpha, round((j #>> '{se,alpha}')::numeric, 3) AS se_alpha,
       round((j->>'beta')::numeric, 3) AS beta, round((j #>> '{se,beta}')::numeric, 3) AS se_beta,
       round((j->>'ll')::numeric, 2) AS log_likelihood, j->>'converged' AS converged
FROM (SELECT sbg_model_params(model) AS j FROM sbg_models) m;

CREATE TABLE sbg_projection AS
SELECT year, active, 100.0 * active / 1000 AS actual_pct, 100 * sbg_survival(model, year) AS projected_pct,
       CASE WHEN year > 0 THEN 100 * sbg_retention(model, year) END AS projected_retention_pct
FROM sbg_active, sbg_models;

\echo 'Survival: actual against the sBG projection (years 8-12 were not fitted):'
SELECT year, active, round(actual_pct, 1) AS actual_pct, round(projected_pct::numeric, 1) AS projected_pct,
       round(projected_retention_pct::numeric, 1) AS projected_retention_pct
FROM sbg_projection ORDER BY year;

\echo 'Discounted expected residual lifetime (years) of a subscriber who has renewed n times, 10 % discount:'
SELECT n AS renewals, round(sbg_derl(model, 0.1, n)::numeric, 2) AS derl_years
FROM sbg_models, generate_series(0, 4) n;

-- BG/BB: each donor gives at each of six appeals with probability p while
-- alive, and dies before each appeal with probability theta
CREATE TABLE bgbb_donors AS
WITH d AS (
  SELECT id, 0.05 + 0.9 * random() ^ 1.5 AS p, 0.05 + 0.5 * random() ^ 2 AS theta, random() AS u
  FROM generate_series(1, 3000) id
), life AS (
  SELECT id, p, least(6, floor(ln(1 - u) / ln(1 - theta)))::int AS alive_through FROM d
), gifts AS (
  SELECT id, i, random() < p AS gave FROM life, generate_series(1, 6) i WHERE i <= alive_through
)
SELECT id, count(*) FILTER (WHERE gave)::int AS frequency,
       coalesce(max(i) FILTER (WHERE gave), 0) AS recency
FROM life LEFT JOIN gifts USING (id) GROUP BY id;
CREATE TABLE bgbb_models AS SELECT bgbb_fit(frequency, recency, 6, 1) AS model FROM bgbb_donors;

\echo
\echo 'BG/BB fitted on 3 000 donors over 6 appeals (alpha, beta: giving; gamma, delta: dropping out):'
SELECT round((j->>'alpha')::numeric, 3) AS alpha, round((j->>'beta')::numeric, 3) AS beta,
       round((j->>'gamma')::numeric, 3) AS gamma, round((j->>'delta')::numeric, 3) AS delta,
       round((j->>'ll')::numeric, 1) AS log_likelihood, j->>'customers' AS donors, j->>'converged' AS converged
FROM (SELECT bgbb_model_params(model) AS j FROM bgbb_models) m;

CREATE TABLE bgbb_patterns AS
SELECT frequency, recency, donors,
       bgbb_p_alive(model, frequency, recency, 6) AS p_alive,
       bgbb_expected_purchases(model, 5, frequency, recency, 6) AS gifts_next_5
FROM (SELECT frequency, recency, count(*) AS donors FROM bgbb_donors GROUP BY frequency, recency) p, bgbb_models;

\echo 'P(alive) and expected gifts in the next 5 appeals, by pattern (gifts, last appeal with a gift):'
SELECT frequency, recency, donors, round(p_alive::numeric, 3) AS p_alive, round(gifts_next_5::numeric, 2) AS gifts_next_5
FROM bgbb_patterns ORDER BY frequency, recency;
