-- pgTAP tests of the shifted-beta-geometric model (sbg_fit, sbg_model and
-- the projections; SPEC section 11).  Published results: Fader & Hardie
-- (2007), "How to project customer retention", Table 1 data
-- (../shared/data/sbg_retention_2007.csv; skipped cleanly when absent):
-- regular alpha 0.704, beta 1.182, LL -1680.3; high end alpha 0.668,
-- beta 3.806, LL -1611.2.  Standard errors, projections and DERL at the
-- fitted values come from test/reference/sbg.py (scipy and mpmath, no code
-- shared with the extension); the rest are hand calculations.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(57);
SET LOCAL client_min_messages = error;

CREATE TEMP TABLE sbg_data (year int, regular bigint, highend bigint);
\copy sbg_data FROM PROGRAM 'cat "$RETENTION_SHARED_DATA/sbg_retention_2007.csv" 2>/dev/null || true' CSV HEADER

CREATE TEMP TABLE fits AS
SELECT sbg_fit(year, regular) AS reg, sbg_fit(year, highend) AS high FROM sbg_data;
CREATE TEMP TABLE fitp AS
SELECT sbg_model_params(reg) AS r, sbg_model_params(high) AS h, reg, high FROM fits;

-- ---------- the published fits (12 tests) ----------
SELECT CASE WHEN (SELECT count(*) FROM sbg_data) = 0 THEN skip('sBG data absent', 12)
ELSE collect_tap(ARRAY[
    is((SELECT round((r->>'alpha')::numeric, 3) || ' ' || round((r->>'beta')::numeric, 3) FROM fitp),
       '0.704 1.182', 'regular cohort: alpha 0.704, beta 1.182 (Fader & Hardie 2007)'),
    is((SELECT round((r->>'ll')::numeric, 1) FROM fitp), -1680.3, 'regular cohort: log-likelihood -1680.3'),
    is((SELECT round((h->>'alpha')::numeric, 3) || ' ' || round((h->>'beta')::numeric, 3) FROM fitp),
       '0.668 3.806', 'high-end cohort: alpha 0.668, beta 3.806 (Fader & Hardie 2007)'),
    is((SELECT round((h->>'ll')::numeric, 1) FROM fitp), -1611.2, 'high-end cohort: log-likelihood -1611.2'),
    is((SELECT round((r->'se'->>'alpha')::numeric, 4) || ' ' || round((r->'se'->>'beta')::numeric, 4) FROM fitp),
       '0.0656 0.1525', 'regular cohort: standard errors (inverse Hessian; test/reference/sbg.py)'),
    is((SELECT round((h->'se'->>'alpha')::numeric, 4) || ' ' || round((h->'se'->>'beta')::numeric, 4) FROM fitp),
       '0.1037 0.7855', 'high-end cohort: standard errors'),
    is((SELECT (r->>'converged') || ' ' || (r->>'customers') || ' ' || (r->>'periods') FROM fitp),
       'true 1000 7', 'the model records convergence, the customers at period 0 and the last period'),
    -- projections beyond the calibration years, at the fitted values
    is((SELECT string_agg(round(sbg_survival(reg, t)::numeric, 4)::text, ' ' ORDER BY t)
          FROM fitp, generate_series(8, 12) t),
       '0.2201 0.2044 0.1912 0.1799 0.1700', 'regular cohort: survival projected to years 8-12'),
    is((SELECT string_agg(round(sbg_retention(high, t)::numeric, 5)::text, ' ' ORDER BY t)
          FROM fitp, generate_series(1, 12, 11) t),
       '0.85068 0.95683', 'high-end cohort: retention rates of years 1 and 12 rise (heterogeneity)'),
    is((SELECT round(sbg_derl(reg, 0.1, 0)::numeric, 5) || ' ' || round(sbg_derl(reg, 0.1, 4)::numeric, 5)
               || ' ' || round(sbg_derl(reg, 0.5, 2)::numeric, 5) FROM fitp),
       '2.96440 5.89410 1.98717', 'regular cohort: DERL at 10% after 0 and 4 renewals, at 50% after 2 (mpmath 2F1)'),
    is((SELECT round(sbg_derl(high, 0.1, 0)::numeric, 5) FROM fitp), 5.41448, 'high-end cohort: DERL at 10%'),
    is((SELECT sbg_fit(s)::text FROM (SELECT sbg_fit_state(year, regular) AS s FROM sbg_data GROUP BY year) x),
       (SELECT reg::text FROM fitp), 'a fit from per-year stored states equals the direct fit')
]) END;

-- ---------- hand values ----------
SELECT is(round(sbg_survival('{"alpha": 1, "beta": 1}', 3)::numeric, 15), 0.25, 'alpha = beta = 1: S(3) = 1/4');
SELECT is(round(sbg_retention('{"alpha": 1, "beta": 1}', 3)::numeric, 15), 0.75, 'alpha = beta = 1: r(3) = 3/4');
SELECT is(round(sbg_survival('{"alpha": 2, "beta": 3}', 2)::numeric, 12), 0.4, 'alpha 2, beta 3: S(2) = B(2,5)/B(2,3) = 0.4');
SELECT is(sbg_survival('{"alpha": 2, "beta": 3}', 0), 1::float8, 'S(0) = 1');
SELECT is(round(sbg_derl('{"alpha": 1, "beta": 1}', 1, 0)::numeric, 12), round((4 * ln(2) - 2)::numeric, 12),
          'alpha = beta = 1, discount 100%: DERL = sum 1/(k+1) 2^(1-k) = 4 ln 2 - 2');
SELECT is(round(sbg_derl('{"alpha": 2, "beta": 3}', 0, 0)::numeric, 12) || ' ' || round(sbg_derl('{"alpha": 2, "beta": 3}', 0, 2)::numeric, 12),
          '3.000000000000 5.000000000000', 'undiscounted DERL = (beta + n) / (alpha - 1) when alpha > 1');
SELECT is(sbg_derl('{"alpha": 1, "beta": 3}', 0, 0), NULL, 'undiscounted DERL with alpha <= 1 is infinite: NULL');
SELECT is(round(sbg_derl('{"alpha": 2, "beta": 3}', 0.000001, 0)::numeric, 9), 2.999859213,
          'the smallest discount rate: DERL just below the undiscounted 3 (mpmath)');
SELECT ok(sbg_survival('{"alpha": 0.7, "beta": 1.2}', 2147483647) BETWEEN 0 AND 1e-5,
          'survival at the largest period is finite and tiny');

-- ---------- empty, NULL, degenerate ----------
SELECT is(sbg_fit(p, c)::text, NULL, 'no rows: NULL') FROM (SELECT 1, 2::int8 WHERE false) v(p, c);
SELECT is(sbg_fit(p, c)::text, NULL, 'all NULL: NULL') FROM (VALUES (NULL::int, 5::int8), (1, NULL)) v(p, c);
SELECT is(sbg_fit(p, c)::text, NULL, 'one row (period 0 only): NULL') FROM (VALUES (0, 100::int8)) v(p, c);
SELECT is(sbg_fit(p, c)::text, NULL, 'periods 0 and 1 only (alpha and beta not identified): NULL')
  FROM (VALUES (0, 100::int8), (1, 60)) v(p, c);
SELECT is(sbg_fit(p, 100)::text, NULL, 'a cohort that loses nobody does not converge: NULL') FROM generate_series(0, 5) p;
SELECT is(sbg_fit(p, CASE WHEN p = 0 THEN 100 ELSE 0 END)::text, NULL, 'a cohort that loses everybody at once: NULL')
  FROM generate_series(0, 5) p;
SELECT is(sbg_fit(p, c)::text, (SELECT sbg_fit(p, c)::text FROM (VALUES (0, 100::int8), (1, 60), (2, 45), (3, 38)) v(p, c)),
          'NULLs mixed in are skipped')
  FROM (VALUES (0, 100::int8), (NULL, 7), (1, 60), (2, 45), (2, NULL), (3, 38)) v(p, c);
SELECT is(sbg_fit(p, c)::text, (SELECT sbg_fit(p, c)::text FROM (VALUES (0, 100::int8), (1, 60), (2, 45), (3, 38)) v(p, c)),
          'rows of one period add up')
  FROM (VALUES (0, 60::int8), (0, 40), (1, 60), (2, 45), (3, 38), (3, 0)) v(p, c);

-- ---------- bad input ----------
SELECT throws_ok($$SELECT sbg_fit(p, c) FROM (VALUES (0, 100::int8), (1, 60), (2, 70)) v(p, c)$$,
    '22023', 'sbg_fit customers rise from 60 in period 1 to 70 in period 2', 'rising counts: 22023 naming them');
SELECT throws_ok($$SELECT sbg_fit(p, 10) FROM (VALUES (0), (1), (3)) v(p)$$,
    '22023', 'sbg_fit has no row for period 2', 'a missing period: 22023');
SELECT throws_ok($$SELECT sbg_fit(p, 10) FROM (VALUES (1), (2), (3)) v(p)$$,
    '22023', 'sbg_fit has no row for period 0', 'no period 0: 22023');
SELECT throws_ok($$SELECT sbg_fit(-1, 10)$$, '22023', 'sbg_fit period -1 is negative', 'negative period: 22023');
SELECT throws_ok($$SELECT sbg_fit(1000001, 10)$$, '22003', 'sbg_fit period 1000001 is out of range', 'period beyond 1 000 000: 22003');
SELECT throws_ok($$SELECT sbg_fit(0, -5)$$, '22023', 'sbg_fit customers -5 is negative', 'negative customers: 22023');
SELECT throws_ok($$SELECT sbg_fit(0, 9223372036854775807) FROM generate_series(1, 2)$$, '22003', NULL,
    'customers adding up beyond bigint: 22003');
SELECT throws_ok($$SELECT '{"alpha": 0, "beta": 1}'::sbg_model$$, '22023', 'sbg_model parameter alpha = 0 is not positive',
    'a non-positive parameter in a model text: 22023');
SELECT throws_ok($$SELECT '{"alpha": 1}'::sbg_model$$, '22P02', NULL, 'a model text without beta: 22P02');
SELECT throws_ok($$SELECT '{"model": "bgbb", "alpha": 1, "beta": 1}'::sbg_model$$, '22P02', NULL, 'another model''s text: 22P02');
SELECT throws_ok($$SELECT 'v1 0:5/0'::sbg_fit_state$$, '22P02', NULL, 'a state with 0 rows for a period: 22P02');
SELECT throws_ok($$SELECT sbg_survival('{"alpha": 1, "beta": 1}', -1)$$, '22023', 'sbg_survival period -1 is negative', 't < 0: 22023');
SELECT throws_ok($$SELECT sbg_retention('{"alpha": 1, "beta": 1}', 0)$$, '22023', 'sbg_retention period 0 is less than 1', 'retention of period 0: 22023');
SELECT throws_ok($$SELECT sbg_derl('{"alpha": 1, "beta": 1}', -0.1, 0)$$, '22023', 'sbg_derl discount rate -0.1 is out of range', 'negative discount: 22023');
SELECT throws_ok($$SELECT sbg_derl('{"alpha": 1, "beta": 1}', 'NaN', 0)$$, '22023', NULL, 'NaN discount: 22023');
SELECT throws_ok($$SELECT sbg_derl('{"alpha": 1, "beta": 1}', 1e-9, 0)$$, '22023', NULL, 'a discount below 1e-6 (but not 0): 22023');
SELECT throws_ok($$SELECT sbg_derl('{"alpha": 1, "beta": 1}', 0.1, -1)$$, '22023', 'sbg_derl renewals -1 is negative', 'negative renewals: 22023');

-- ---------- text, binary, params ----------
SELECT is(('{"model": "sbg", "alpha": 0.704, "beta": 1.182, "se": {"alpha": 0.07, "beta": 0.15}}'::sbg_model)::text,
          '{"model": "sbg", "alpha": 0.704, "beta": 1.182, "ll": null, "se": {"alpha": 0.07, "beta": 0.15}, "converged": null, "customers": null, "periods": null}',
          'a hand-written model reads and prints back');
SELECT is(sbg_model_send('{"alpha": 1.5, "beta": 2}'), convert_to(('{"alpha": 1.5, "beta": 2}'::sbg_model)::text, 'UTF8'),
          'binary send carries the text form (receive validates it like input; test/fuzz.sql)');
SELECT is(sbg_model_params('{"alpha": 1.5, "beta": 2, "ll": -10}') - 'se' - 'customers' - 'periods' - 'converged',
          '{"model": "sbg", "alpha": 1.5, "beta": 2, "ll": -10}'::jsonb, 'sbg_model_params is the model as jsonb');

-- ---------- a simulated cohort: parallel, merged states, windows ----------
\ir sh/plan_has.psql
SELECT setseed(0.23);
CREATE TEMP TABLE sim AS
SELECT c, t
  FROM (SELECT c, least(12, floor(ln(1 - random()) / ln(1 - (0.05 + 0.5 * random()))))::int AS life
          FROM generate_series(1, 40000) c) x,
       LATERAL generate_series(0, life) t;
ANALYZE sim;
CREATE TEMP TABLE serial AS SELECT sbg_fit(t, 1)::text AS m FROM sim;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
-- (a temp table is never scanned in parallel: copy it)
CREATE TABLE sbg_sim_par AS SELECT * FROM sim;
ALTER TABLE sbg_sim_par SET (parallel_workers = 2);
ANALYZE sbg_sim_par;
SELECT ok(pg_temp.plan_has('SELECT sbg_fit(t, 1) FROM sbg_sim_par', 'Partial Aggregate'),
          'EXPLAIN shows a partial (parallel) aggregate');
CREATE TEMP TABLE par AS SELECT sbg_fit(t, 1)::text AS m FROM sbg_sim_par;
SELECT is((SELECT m FROM par), (SELECT m FROM serial), 'parallel fit = serial fit');
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
SELECT is((SELECT sbg_fit(t, n)::text FROM (SELECT t, count(*) AS n FROM sim GROUP BY t) g), (SELECT m FROM serial),
          'pre-aggregated counts fit the same model as one row per customer and period');
SELECT is((SELECT sbg_fit(s)::text FROM (SELECT sbg_fit_state(t, 1) AS s FROM sim GROUP BY c % 7) g), (SELECT m FROM serial),
          'merged per-shard states fit the same model');
SELECT is((SELECT sbg_fit_state(t, n)::text FROM (SELECT t, count(*) AS n FROM sim GROUP BY t) g),
          (SELECT 'v1 ' || string_agg(t || ':' || n || '/1', ' ' ORDER BY t) FROM (SELECT t, count(*) AS n FROM sim GROUP BY t) g),
          'the state holds the plain-SQL counts');
-- differential: the model's log-likelihood recomputed in plain SQL from
-- its alpha and beta (S(t) as a product, P(t) = S(t - 1) - S(t))
SELECT ok(abs(((SELECT m FROM serial)::jsonb->>'ll')::float8 - (
    WITH p AS (SELECT (j->>'alpha')::float8 AS a, (j->>'beta')::float8 AS b
                 FROM (SELECT (SELECT m FROM serial)::jsonb AS j) x),
         n AS (SELECT t, count(*)::float8 AS n FROM sim GROUP BY t),
         s AS (SELECT t, exp(coalesce(sum(ln((b + k - 1) / (a + b + k - 1))) FILTER (WHERE k >= 1), 0)) AS s
                 FROM p, n, LATERAL generate_series(0, t) k GROUP BY t),
         j AS (SELECT n.t, n.n, s.s, lead(n.n) OVER w AS n_next, lead(s.s) OVER w AS s_next
                 FROM n JOIN s USING (t) WINDOW w AS (ORDER BY n.t))
    SELECT sum(CASE WHEN n_next IS NULL THEN n * ln(s) ELSE (n - n_next) * ln(s - s_next) END) FROM j))
    < 1e-9 * 40000, 'the fitted log-likelihood equals plain SQL''s at the fitted alpha and beta');
SELECT ok((SELECT bool_and(abs(sbg_survival(m, t) - (SELECT exp(coalesce(sum(ln((b + k - 1) / (a + b + k - 1))), 0))
                                                     FROM generate_series(1, t) k)) < 1e-12)
             FROM (SELECT (random() * 3 + 0.05) AS a, (random() * 5 + 0.05) AS b FROM generate_series(1, 50)) r,
                  LATERAL (SELECT format('{"alpha": %s, "beta": %s}', a, b)::sbg_model AS m) mm,
                  generate_series(0, 60, 7) t),
          'sbg_survival equals the plain-SQL product on 50 random models');
-- windows: a sliding frame with the inverse equals recomputing each frame
CREATE TEMP TABLE wrows AS SELECT i, i % 5 AS p, (100 - i)::int8 AS c FROM generate_series(0, 30) i;
SELECT is((SELECT string_agg(w::text, ' | ' ORDER BY i) FROM
             (SELECT i, sbg_fit_state(p, c) OVER (ORDER BY i ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) AS w FROM wrows) x),
          (SELECT string_agg((SELECT sbg_fit_state(p, c) FROM wrows b WHERE b.i BETWEEN a.i - 4 AND a.i)::text, ' | ' ORDER BY a.i)
             FROM wrows a),
          'a sliding window (inverse transition) equals each frame recomputed');

SELECT * FROM finish();
ROLLBACK;
