-- pgTAP tests of the BG/BB model (bgbb_fit, bgbb_model and the per-customer
-- predictions; SPEC section 11).  Published results: Fader, Hardie & Shang
-- (2010), the 11 104 first-time donors of 1995 and their repeat donations
-- in the six following years (../shared/data/donations_bgbb.csv; skipped
-- cleanly when absent): alpha 1.204, beta 0.750, gamma 0.657, delta 2.783,
-- LL -33 225.6.  Standard errors and the predictions at the published
-- estimates come from test/reference/bgbb.py (scipy and mpmath, the paper's
-- equations, no code shared with the extension); the rest are hand
-- calculations.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(50);
SET LOCAL client_min_messages = error;

CREATE TEMP TABLE donations (frequency int, recency int, periods int, donors bigint);
\copy donations FROM PROGRAM 'cat "$RETENTION_SHARED_DATA/donations_bgbb.csv" 2>/dev/null || true' CSV HEADER

CREATE TEMP TABLE fit AS
SELECT m, bgbb_model_params(m) AS p
  FROM (SELECT bgbb_fit(frequency, recency, periods, donors) AS m FROM donations) x;

-- ---------- the published fit (6 tests) ----------
SELECT CASE WHEN (SELECT count(*) FROM donations) = 0 THEN skip('BG/BB data absent', 6)
ELSE collect_tap(ARRAY[
    is((SELECT round((p->>'alpha')::numeric, 3) || ' ' || round((p->>'beta')::numeric, 3) || ' '
               || round((p->>'gamma')::numeric, 3) || ' ' || round((p->>'delta')::numeric, 3) FROM fit),
       '1.204 0.750 0.657 2.783', 'donations: alpha 1.204, beta 0.750, gamma 0.657, delta 2.783 (Fader, Hardie & Shang 2010)'),
    is((SELECT round((p->>'ll')::numeric, 1) FROM fit), -33225.6, 'donations: log-likelihood -33225.6'),
    is((SELECT (p->>'customers') || ' ' || (p->>'converged') FROM fit), '11104 true', 'the model records the 11 104 donors and convergence'),
    is((SELECT round((p->'se'->>'alpha')::numeric, 4) || ' ' || round((p->'se'->>'beta')::numeric, 4) || ' '
               || round((p->'se'->>'gamma')::numeric, 4) || ' ' || round((p->'se'->>'delta')::numeric, 3) FROM fit),
       '0.0694 0.0294 0.0510 0.321', 'standard errors (inverse Hessian; test/reference/bgbb.py)'),
    is((SELECT bgbb_fit(s)::text FROM (SELECT bgbb_fit_state(frequency, recency, periods, donors) AS s
                                          FROM donations GROUP BY recency) g),
       (SELECT m::text FROM fit), 'a fit from stored states (one per recency) equals the direct fit'),
    is((SELECT bgbb_fit(frequency, recency, periods, 1)::text
          FROM donations, LATERAL generate_series(1, donors)),
       (SELECT m::text FROM fit), 'one row per donor fits the same model as the 22 patterns with counts')
]) END;

-- ---------- predictions at the published estimates (test/reference/bgbb.py) ----------
CREATE TEMP TABLE pub AS SELECT '{"alpha": 1.204, "beta": 0.750, "gamma": 0.657, "delta": 2.783}'::bgbb_model AS m;
CREATE TEMP TABLE ref(x int, tx int, n int, p_alive float8, e5 float8, e10 float8, dert float8, e200000 float8);
INSERT INTO ref VALUES
    (0, 0, 6, 0.108016584, 0.072802877, 0.130103791, 0.114646996, 13.425998082),
    (1, 1, 6, 0.069408093, 0.085635398, 0.153036396, 0.134855126, 15.792517188),
    (3, 6, 6, 0.930402542, 2.189602167, 3.912970937, 3.448096010, 403.797150887),
    (6, 6, 6, 0.930402542, 3.752115608, 6.705290825, 5.908678320, 691.949256658),
    (4, 5, 6, 0.696701068, 2.029623031, 3.627077125, 3.196167405, 374.294476717),
    (2, 3, 6, 0.298768102, 0.535868655, 0.957634453, 0.843864059, 98.822626060);
SELECT is((SELECT count(*)::int FROM ref, pub WHERE abs(bgbb_p_alive(m, x, tx, n) - p_alive) < 1e-8), 6,
          'P(alive) of six patterns (the paper''s equation 11)');
SELECT is((SELECT count(*)::int FROM ref, pub WHERE abs(bgbb_expected_purchases(m, 5, x, tx, n) - e5) < 1e-8
                                              AND abs(bgbb_expected_purchases(m, 10, x, tx, n) - e10) < 1e-8), 6,
          'expected transactions in the next 5 and 10 opportunities (equation 13)');
SELECT is((SELECT count(*)::int FROM ref, pub WHERE abs(bgbb_dert(m, 0.1, x, tx, n) - dert) < 1e-8), 6,
          'DERT at 10% (equation 14, mpmath 2F1)');
SELECT is((SELECT count(*)::int FROM ref, pub WHERE abs(bgbb_expected_purchases(m, 200000, x, tx, n) - e200000) < 1e-7 * e200000), 6,
          'expected transactions in 200 000 opportunities (the closed form)');
-- E(t + 1) - E(t) = (E(2) - E(1)) * prod_{k=2}^{t} (delta + n + k) / (gamma + delta + n + k)
SELECT ok((SELECT bool_and(abs(bgbb_expected_purchases(m, 100001, x, tx, n) - bgbb_expected_purchases(m, 100000, x, tx, n)
                               - (bgbb_expected_purchases(m, 2, x, tx, n) - bgbb_expected_purchases(m, 1, x, tx, n))
                                 * (SELECT exp(sum(ln((2.783 + 6 + k) / (0.657 + 2.783 + 6 + k)))) FROM generate_series(2, 100000) k))
                           < 1e-8 * bgbb_expected_purchases(m, 100000, x, tx, n))
             FROM ref, pub),
          'the summed (t <= 100 000) and closed (t > 100 000) forms meet: E(100 001) - E(100 000) is the one more opportunity''s term');

-- ---------- hand values ----------
CREATE TEMP TABLE ones AS SELECT '{"alpha": 1, "beta": 1, "gamma": 1, "delta": 1}'::bgbb_model AS m;
SELECT is(round(bgbb_p_alive(m, 0, 0, 0)::numeric, 12), 0.5, 'all parameters 1, no opportunity yet: P(alive) = delta/(gamma + delta) = 1/2') FROM ones;
SELECT is(round(bgbb_p_alive(m, 1, 1, 1)::numeric, 12), round(2 / 3.0, 12), 'all 1, one transaction in one opportunity: L = 1/4, P(alive) = 2/3') FROM ones;
SELECT is(round(bgbb_p_alive(m, 0, 0, 1)::numeric, 12), round(2 / 9.0, 12), 'all 1, none in one opportunity: L = 3/4, P(alive) = 2/9') FROM ones;
SELECT is(round(bgbb_expected_purchases(m, 1, 0, 0, 0)::numeric, 12), 0.25, 'all 1, a new customer: E[X(1)] = E[p] P(alive) = 1/4') FROM ones;
SELECT is(round(bgbb_expected_purchases(m, 2, 0, 0, 0)::numeric, 12), round(5 / 12.0, 12), 'all 1, a new customer: E[X(2)] = 1/2 (1/2 + 1/3)') FROM ones;
SELECT is(bgbb_expected_purchases(m, 0, 3, 4, 5), 0::float8, 'no future opportunity: 0 transactions') FROM ones;
SELECT is(round(bgbb_dert('{"alpha": 1, "beta": 1, "gamma": 2, "delta": 1}', 0, 0, 0, 0)::numeric, 12), 0.5,
          'undiscounted DERT, gamma 2: 1/2 sum 2/((k+1)(k+2)) = 1/2');
SELECT is(bgbb_dert(m, 0, 0, 0, 0), NULL, 'undiscounted DERT with gamma <= 1 is infinite: NULL') FROM ones;
SELECT is(round(bgbb_dert(m, 1, 0, 0, 0)::numeric, 12),
          round((SELECT sum(0.5 / ((k + 1) * 2 ^ k)) FROM generate_series(1, 200) k)::numeric, 12),
          'DERT at 100%: sum E[p] P(alive at k) / 2^k = sum 1/(2 (k+1) 2^k)') FROM ones;

-- ---------- empty, NULL, degenerate ----------
SELECT is(bgbb_fit(x, tx, n, c)::text, NULL, 'no rows: NULL') FROM (SELECT 1, 1, 2, 3::int8 WHERE false) v(x, tx, n, c);
SELECT is(bgbb_fit(x, tx, n, c)::text, NULL, 'all NULL: NULL') FROM (VALUES (NULL::int, 1, 2, 3::int8), (1, 1, NULL, 3)) v(x, tx, n, c);
SELECT is(bgbb_fit(x, tx, n, c)::text, NULL, 'only zero counts: NULL') FROM (VALUES (1, 1, 2, 0::int8)) v(x, tx, n, c);
SELECT is(bgbb_fit(x, tx, n, c)::text, NULL, 'one pattern (everybody alike) does not converge: NULL') FROM (VALUES (2, 3, 6, 50::int8)) v(x, tx, n, c);
SELECT is(bgbb_fit(x, tx, n, c)::text,
          (SELECT bgbb_fit(x, tx, n, c)::text FROM (VALUES (0, 0, 6, 3464::int8), (1, 1, 6, 1091), (2, 6, 6, 500), (6, 6, 6, 1203), (3, 4, 6, 300)) v(x, tx, n, c)),
          'NULLs mixed in are skipped')
  FROM (VALUES (0, 0, 6, 3464::int8), (NULL, 1, 6, 5), (1, 1, 6, 1091), (2, 6, 6, 500), (6, 6, 6, 1203), (3, 4, 6, NULL), (3, 4, 6, 300)) v(x, tx, n, c);

-- ---------- bad input ----------
SELECT throws_ok($$SELECT bgbb_fit(2, 7, 6, 1)$$, '22023', 'bgbb_fit pattern frequency 2, recency 7, periods 6 is not possible',
    'recency > periods: 22023 naming the pattern');
SELECT throws_ok($$SELECT bgbb_fit(3, 2, 6, 1)$$, '22023', 'bgbb_fit pattern frequency 3, recency 2, periods 6 is not possible',
    'frequency > recency: 22023');
SELECT throws_ok($$SELECT bgbb_fit(0, 2, 6, 1)$$, '22023', NULL, 'frequency 0 with a recency: 22023');
SELECT throws_ok($$SELECT bgbb_fit(-1, 0, 6, 1)$$, '22023', NULL, 'negative frequency: 22023');
SELECT throws_ok($$SELECT bgbb_fit(1, 1, 10001, 1)$$, '22003', NULL, 'more than 10 000 opportunities: 22003');
SELECT throws_ok($$SELECT bgbb_fit(1, 1, 6, -2)$$, '22023', 'bgbb_fit customers -2 is negative', 'negative customers: 22023');
SELECT throws_ok($$SELECT bgbb_fit(1, 1, 6, 9223372036854775807) FROM generate_series(1, 2)$$, '22003', NULL,
    'customers adding up beyond bigint: 22003');
SELECT throws_ok($$SELECT bgbb_p_alive(m, 4, 3, 6) FROM ones$$, '22023', 'bgbb_p_alive pattern frequency 4, recency 3, periods 6 is not possible',
    'bgbb_p_alive of an impossible pattern: 22023');
SELECT throws_ok($$SELECT bgbb_expected_purchases(m, -1, 0, 0, 6) FROM ones$$, '22023', 'bgbb_expected_purchases opportunities -1 is negative',
    'negative t: 22023');
SELECT throws_ok($$SELECT bgbb_dert(m, -0.5, 0, 0, 6) FROM ones$$, '22023', 'bgbb_dert discount rate -0.5 is out of range', 'negative discount: 22023');
SELECT throws_ok($$SELECT '{"alpha": 1, "beta": 1, "gamma": -1, "delta": 1}'::bgbb_model$$, '22023',
    'bgbb_model parameter gamma = -1 is not positive', 'a non-positive parameter in a model text: 22023');
SELECT throws_ok($$SELECT '{"alpha": 1, "beta": 1, "gamma": 1}'::bgbb_model$$, '22P02', NULL, 'a model text without delta: 22P02');
SELECT throws_ok($$SELECT '{"model": "sbg", "alpha": 1, "beta": 1, "gamma": 1, "delta": 1}'::bgbb_model$$, '22P02', NULL,
    'another model''s text: 22P02');
SELECT throws_ok($$SELECT 'v1 3,2,6:5/1'::bgbb_fit_state$$, '22P02', NULL, 'a state holding an impossible pattern: 22P02');
SELECT throws_ok($$SELECT 'v1 1,1,6:5/1 0,0,6:1/1'::bgbb_fit_state$$, '22P02', NULL, 'a state with patterns out of order: 22P02');

-- ---------- text, binary, params ----------
SELECT is(('{"alpha": 1.204, "beta": 0.75, "gamma": 0.657, "delta": 2.783}'::bgbb_model)::text,
          '{"model": "bgbb", "alpha": 1.204, "beta": 0.75, "gamma": 0.657, "delta": 2.783, "ll": null, "se": null, "converged": null, "customers": null}',
          'a hand-written model reads and prints back');
SELECT is(bgbb_model_send(m), convert_to(m::text, 'UTF8'), 'binary send carries the text form') FROM pub;
SELECT is(bgbb_fit_state(x, tx, n, c)::text, 'v1 0,0,6:3/2 1,1,6:0/1 2,5,6:7/1', 'the state text: key:customers/rows in key order')
  FROM (VALUES (2, 5, 6, 7::int8), (0, 0, 6, 1), (1, 1, 6, 0), (0, 0, 6, 2)) v(x, tx, n, c);

-- ---------- simulated donors: parallel, merged states, windows, plain SQL ----------
\ir sh/plan_has.psql
SELECT setseed(0.61);
-- each donor: p ~ roughly Beta-like, theta likewise, n = 8 opportunities
CREATE TEMP TABLE sim AS
WITH d AS (SELECT c, random() AS p, 0.3 * random() AS theta FROM generate_series(1, 30000) c),
o AS (SELECT c, k, (random() < p) AS buys,
             bool_and(random() >= theta) OVER (PARTITION BY c ORDER BY k) AS alive
        FROM d, generate_series(1, 8) k)
SELECT c, count(*) FILTER (WHERE buys AND alive)::int AS x,
       coalesce(max(k) FILTER (WHERE buys AND alive), 0)::int AS tx, 8 AS n
  FROM o GROUP BY c;
CREATE TEMP TABLE serial AS SELECT bgbb_fit(x, tx, n, 1)::text AS m FROM sim;
SELECT isnt((SELECT m FROM serial), NULL, 'the simulated donors fit');
CREATE TABLE bgbb_sim_par AS SELECT * FROM sim;
ALTER TABLE bgbb_sim_par SET (parallel_workers = 2);
ANALYZE bgbb_sim_par;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(pg_temp.plan_has('SELECT bgbb_fit(x, tx, n, 1) FROM bgbb_sim_par', 'Partial Aggregate'),
          'EXPLAIN shows a partial (parallel) aggregate');
CREATE TEMP TABLE par AS SELECT bgbb_fit(x, tx, n, 1)::text AS m FROM bgbb_sim_par;
SELECT is((SELECT m FROM par), (SELECT m FROM serial), 'parallel fit = serial fit');
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
SELECT is((SELECT bgbb_fit(s)::text FROM (SELECT bgbb_fit_state(x, tx, n, 1) AS s FROM sim GROUP BY c % 5) g),
          (SELECT m FROM serial), 'merged per-shard states fit the same model');
SELECT is((SELECT bgbb_fit_state(x, tx, n, 1)::text FROM sim),
          (SELECT 'v1 ' || string_agg(format('%s,%s,%s:%s/%s', x, tx, n, k, k), ' ' ORDER BY x, tx, n)
             FROM (SELECT x, tx, n, count(*) AS k FROM sim GROUP BY x, tx, n) g),
          'the state holds the plain-SQL pattern counts');
-- differential: the log-likelihood recomputed in plain SQL (the paper's
-- equation 5, B ratios by their products) at the fitted parameters
SELECT ok(abs(((SELECT m FROM serial)::jsonb->>'ll')::float8 - (
    WITH p AS (SELECT (j->>'alpha')::float8 AS a, (j->>'beta')::float8 AS b, (j->>'gamma')::float8 AS g,
                      (j->>'delta')::float8 AS d FROM (SELECT (SELECT m FROM serial)::jsonb AS j) z),
         pat AS (SELECT x, tx, n, count(*) AS k FROM sim GROUP BY x, tx, n),
         -- B(a + x, b + y) / B(a, b) = prod_{i<x} (a + i) / (a + b + i) * prod_{j<y} (b + j) / (a + x + b + j)
         l AS (SELECT k,
                 (SELECT exp(coalesce(sum(ln((a + i) / (a + b + i))), 0)) FROM generate_series(0, x - 1) i) AS ax,
                 x, tx, n, a, b, g, d
               FROM pat, p)
    SELECT sum(k * ln(
        ax * (SELECT exp(coalesce(sum(ln((b + j) / (a + x + b + j))), 0)) FROM generate_series(0, n - x - 1) j)
           * (SELECT exp(coalesce(sum(ln((d + j) / (g + d + j))), 0)) FROM generate_series(0, n - 1) j)
        + coalesce((SELECT sum(ax * (SELECT exp(coalesce(sum(ln((b + j) / (a + x + b + j))), 0)) FROM generate_series(0, tx - x + i - 1) j)
                                   * g / (g + d) * (SELECT exp(coalesce(sum(ln((d + j) / (g + 1 + d + j))), 0)) FROM generate_series(0, tx + i - 1) j))
                    FROM generate_series(0, n - tx - 1) i), 0)))
      FROM l)) < 1e-9 * 30000,
    'the fitted log-likelihood equals plain SQL''s at the fitted parameters');
-- windows: a sliding frame with the inverse equals recomputing each frame
CREATE TEMP TABLE wrows AS SELECT c AS i, x, tx, n FROM sim WHERE c <= 40;
SELECT is((SELECT string_agg(w::text, ' | ' ORDER BY i) FROM
             (SELECT i, bgbb_fit_state(x, tx, n, 1) OVER (ORDER BY i ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) AS w FROM wrows) z),
          (SELECT string_agg((SELECT bgbb_fit_state(x, tx, n, 1) FROM wrows b WHERE b.i BETWEEN a.i - 5 AND a.i)::text, ' | ' ORDER BY a.i)
             FROM wrows a),
          'a sliding window (inverse transition) equals each frame recomputed');

SELECT * FROM finish();
ROLLBACK;
