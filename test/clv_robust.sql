-- Robust on real data: a repeat customer whose repeat purchases average $0
-- (left out of the spend model only, counted in "spend_excluded"), models
-- whose fit did not converge (NULL with a WARNING in every prediction of
-- every model type), the canonical text of clv_fit_state (each piece named
-- when refused), and the bad inputs of the sBG and BG/BB models.
BEGIN;
SELECT plan(56);
SET LOCAL TimeZone = 'UTC';
SET LOCAL client_min_messages = error;

-- SQLSTATE and detail of a statement's error ('' when it succeeds)
CREATE FUNCTION pg_temp.failure(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE st text; det text;
BEGIN
    EXECUTE q;
    RETURN '';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, det = PG_EXCEPTION_DETAIL;
    RETURN st || ' ' || det;
END $$;

-- ---------- the zero-monetary rule, on hand-made customers ----------

-- 600 customers simulated as BG/NBD and Gamma-Gamma assume (each buys at a
-- rate of their own, leaves after each order with a probability of their
-- own, spends around a basket of their own), and two repeat customers whose
-- repeat purchases average exactly 0: a $0 order, and refunds netted to 0
SELECT setseed(0.42);
CREATE TEMP TABLE ord AS
WITH RECURSIVE customers AS (
  SELECT id, date '1997-01-01' + (random() * 90)::int AS first_order,
         0.05 + random() * 0.4 AS orders_per_week, 0.05 + random() * 0.4 AS p_leave,
         10 * exp(random() * 2) AS basket
  FROM generate_series(1, 600) id
), o AS (
  SELECT id AS cust, first_order AS day, orders_per_week, p_leave, basket FROM customers
  UNION ALL
  SELECT cust, day + (1 - ln(1 - random()) / orders_per_week * 7)::int, orders_per_week, p_leave, basket
  FROM o WHERE random() > p_leave AND day < '1997-09-30'
)
SELECT cust, day, round((basket * (0.5 + random()))::numeric, 2)::float8 AS amount FROM o WHERE day <= '1997-09-30';
INSERT INTO ord VALUES (9001, '1997-02-01', 25), (9001, '1997-04-01', 0),
                       (9002, '1997-02-03', 30), (9002, '1997-03-03', 12), (9002, '1997-03-03', -12),
                       (9002, '1997-05-03', 5), (9002, '1997-05-03', -5);
CREATE TEMP TABLE cust AS
SELECT cust, (clv_summary(day, amount, '1997-09-30', '1 week')).* FROM ord GROUP BY cust;
CREATE TEMP TABLE fits AS
SELECT (SELECT clv_fit(frequency, recency, age, monetary) FROM cust) AS with_zero,
       (SELECT clv_fit(frequency, recency, age, CASE WHEN cust > 9000 THEN NULL ELSE monetary END) FROM cust) AS spend_null,
       (SELECT clv_fit(frequency, recency, age, monetary) FROM cust WHERE cust < 9000) AS without;

SELECT is((SELECT array_agg(monetary ORDER BY cust) FROM cust WHERE cust > 9000), ARRAY[0, 0]::float8[],
          'two repeat customers whose repeat purchases average 0');
SELECT is((SELECT clv_model_params(with_zero)->>'spend_excluded' FROM fits), '2',
          'clv_fit: no error, "spend_excluded": 2');
SELECT is((SELECT (j->>'customers') || ' ' || (j->>'converged') FROM fits, clv_model_params(with_zero) j), '602 true',
          'they stay in the purchase model: 602 customers fitted, converged');
SELECT is((SELECT (clv_model_params(with_zero) - 'spend_excluded')::text FROM fits),
          (SELECT (clv_model_params(spend_null) - 'spend_excluded')::text FROM fits),
          'the model equals the fit with those customers'' monetary NULL (BG/NBD with them, Gamma-Gamma without), bit for bit');
SELECT is((SELECT ARRAY[j->>'p', j->>'q', j->>'v', j->>'ll_gg'] FROM fits, clv_model_params(with_zero) j),
          (SELECT ARRAY[j->>'p', j->>'q', j->>'v', j->>'ll_gg'] FROM fits, clv_model_params(without) j),
          'Gamma-Gamma equals the fit without those customers at all');
SELECT isnt((SELECT clv_model_params(with_zero)->>'r' FROM fits), (SELECT clv_model_params(without)->>'r' FROM fits),
            'while BG/NBD differs from the fit without them (they count there)');
SELECT is((SELECT clv_model_params(spend_null)->>'spend_excluded' FROM fits), '0',
          'a NULL monetary is not counted as excluded (it asks for BG/NBD only)');
SELECT is(clv_model_params('{"r":1,"alpha":1,"a":1,"b":1}')->'spend_excluded', 'null'::jsonb,
          'a hand-written model: "spend_excluded" null');
-- the state keeps the customers of monetary 0 in its gg list, as frequency:0:weight
SELECT is((SELECT clv_fit_state(frequency, recency, age, monetary)::text FROM cust WHERE cust > 9000),
          'v1 bgnbd=1:8.428571428571429:34.42857142857143:1,2:12.714285714285714:34.142857142857146:1 gg=1:0:1,2:0:1',  -- 59/7:241/7 and 89/7:239/7 days
          'clv_fit_state writes them as frequency:0:weight in its gg list');
SELECT is((SELECT clv_fit(st::text::clv_fit_state)::text FROM (SELECT clv_fit_state(frequency, recency, age, monetary) AS st FROM cust) s),
          (SELECT with_zero::text FROM fits), 'text round trip of a state with monetary-0 customers: the same model');
CREATE TEMP TABLE bin_out AS SELECT (SELECT clv_fit_state(frequency, recency, age, monetary) FROM cust) AS st, (SELECT with_zero FROM fits) AS m;
CREATE TEMP TABLE bin_in (LIKE bin_out);
\copy bin_out TO '/tmp/retention_clv_robust.bin' (FORMAT binary)
\copy bin_in FROM '/tmp/retention_clv_robust.bin' (FORMAT binary)
\! rm -f /tmp/retention_clv_robust.bin
SELECT is((SELECT (st::text, m::text) FROM bin_in), (SELECT (st::text, m::text) FROM bin_out),
          'binary round trip (COPY BINARY) of that state and of a model with "spend_excluded"');
SELECT is((SELECT clv_fit(st)::text FROM (SELECT cust % 7 AS k, clv_fit_state(frequency, recency, age, monetary) AS st FROM cust GROUP BY 1) s),
          (SELECT with_zero::text FROM fits), 'merged partial states give the same model and count');
SELECT is((SELECT count(*) FROM (SELECT clv_fit(frequency, recency, age, monetary) OVER (ORDER BY cust ROWS BETWEEN 50 PRECEDING AND CURRENT ROW)::text AS m,
                                        cust FROM cust) w
           WHERE m = (SELECT clv_fit(frequency, recency, age, monetary)::text FROM cust c WHERE c.cust BETWEEN w.cust - 50 AND w.cust)
             AND w.cust <= 60), 60::bigint,
          'in a sliding window frame: the fit of each frame');
-- forced parallel plan (a plain table: workers cannot read temporary ones), against the serial fit
CREATE TABLE clv_robust_cust AS SELECT * FROM cust;
ANALYZE clv_robust_cust;
\ir sh/plan_has.psql
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(pg_temp.plan_has('SELECT clv_fit(frequency, recency, age, monetary) FROM clv_robust_cust', 'Partial Aggregate'),
          'forced parallel plan: Gather and Partial Aggregate');
SELECT is((SELECT clv_fit(frequency, recency, age, monetary)::text FROM clv_robust_cust), (SELECT with_zero::text FROM fits),
          'the parallel fit with monetary-0 customers equals the serial one');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- predictions for a monetary-0 repeat customer: the Gamma-Gamma posterior
-- mean at m = 0, p v / (p x + q - 1), by hand from the parameters
SELECT ok((SELECT abs(clv_expected_order_value(with_zero, 2, 0)
                      - (j->>'p')::float8 * (j->>'v')::float8 / ((j->>'p')::float8 * 2 + (j->>'q')::float8 - 1)) < 1e-9
           FROM fits, clv_model_params(with_zero) j),
          'clv_expected_order_value(frequency 2, monetary 0) = p v / (2 p + q - 1)');
SELECT ok((SELECT abs(clv_predict(with_zero, 39, 2, 10, 25, 0, 0)
                      - clv_expected_order_value(with_zero, 2, 0) * clv_expected_purchases(with_zero, 39, 2, 10, 25)) < 1e-9
           FROM fits),
          'clv_predict of a monetary-0 customer = expected order value × expected purchases');
SELECT throws_ok($$SELECT clv_predict('{"r":1,"alpha":1,"a":1,"b":1,"p":1,"q":2,"v":1}', 39, 2, 10, 25, -0.01, 0)$$,
                 '22023', 'monetary value -0.01 of a repeat customer is negative or not finite',
                 'a negative monetary value stays an error (clv_predict)');
SELECT throws_ok($$SELECT clv_fit(2, 10, 25, -3)$$, '22023', 'monetary value -3 of a repeat customer is negative or not finite',
                 'a negative monetary value stays an error (clv_fit)');
SELECT throws_ok($$SELECT 'v1 bgnbd=1:1:2:1 gg=1:-1:1'::clv_fit_state$$, '22P02', NULL,
                 'a negative monetary value in a state text is 22P02');

-- clv() over the same orders: equal to the mean of the per-customer
-- pipeline (summaries up to the group's last day, fit, predictions)
CREATE TEMP TABLE ord_summ AS
SELECT cust, (clv_summary(day, amount, (SELECT max(day) FROM ord), '1 week')).* FROM ord GROUP BY cust;
SELECT ok((SELECT abs(clv(cust, day::timestamptz, amount, '39 weeks')
                      - (SELECT avg(clv_expected_order_value(m, frequency, monetary) * clv_expected_purchases(m, 39, frequency, recency, age))
                         FROM ord_summ, (SELECT clv_fit(frequency, recency, age, monetary) AS m FROM ord_summ) f))
              < 1e-9 * clv(cust, day::timestamptz, amount, '39 weeks')
           FROM ord),
          'clv() keeps them (no error) and equals the mean of summaries → clv_fit → predictions');
SELECT is((SELECT clv_model_params(clv_fit(frequency, recency, age, monetary))->>'spend_excluded' FROM ord_summ), '2',
          'the pipeline''s model counts them');
SELECT is((SELECT clv(c, t, 0, '1 week') FROM (VALUES (1, '1997-01-01'::timestamptz), (1, '1997-02-01'), (2, '1997-01-01')) v(c, t)),
          NULL, 'clv() where every repeat customer spent 0: no spend model, NULL');

-- ---------- "spend_excluded" in the model text ----------
SELECT is(('{"r":1,"alpha":1,"a":1,"b":1,"p":1,"q":2,"v":1,"customers":10,"spend_excluded":2}'::clv_model)::text,
          '{"r": 1, "alpha": 1, "a": 1, "b": 1, "p": 1, "q": 2, "v": 1, "customers": 10, "converged": null, "ll_bgnbd": null, "ll_gg": null, "spend_excluded": 2}',
          'clv_model text keeps "spend_excluded"');
SELECT throws_ok($$SELECT '{"r":1,"alpha":1,"a":1,"b":1,"spend_excluded":-1}'::clv_model$$, '22P02', NULL,
                 '"spend_excluded" negative: 22P02');
SELECT throws_ok($$SELECT '{"r":1,"alpha":1,"a":1,"b":1,"spend_excluded":1.5}'::clv_model$$, '22P02', NULL,
                 '"spend_excluded" not an integer: 22P02');
SELECT throws_ok($$SELECT '{"r":1,"alpha":1,"a":1,"b":1,"customers":3,"spend_excluded":4}'::clv_model$$, '22P02', NULL,
                 '"spend_excluded" more than "customers": 22P02');

-- ---------- non-convergence: one behaviour for every model type ----------
SELECT is(clv_p_alive(clv_fit(0, 0, 10, 0), 1, 1, 2), NULL,
          'a clv_fit that cannot converge (one customer): its P(alive) is NULL, not 1.000');
SELECT is(sbg_survival('{"alpha": 0.7, "beta": 1.2, "converged": false}', 3), NULL, 'sbg_survival of an unconverged model: NULL');
SELECT is(sbg_retention('{"alpha": 0.7, "beta": 1.2, "converged": false}', 3), NULL, 'sbg_retention of an unconverged model: NULL');
SELECT is(sbg_derl('{"alpha": 0.7, "beta": 1.2, "converged": false}', 0.1, 2), NULL, 'sbg_derl of an unconverged model: NULL');
SELECT is(bgbb_p_alive('{"alpha": 1.2, "beta": 0.75, "gamma": 0.66, "delta": 2.8, "converged": false}', 2, 4, 6), NULL,
          'bgbb_p_alive of an unconverged model: NULL');
SELECT is(bgbb_expected_purchases('{"alpha": 1.2, "beta": 0.75, "gamma": 0.66, "delta": 2.8, "converged": false}', 5, 2, 4, 6), NULL,
          'bgbb_expected_purchases of an unconverged model: NULL');
SELECT is(bgbb_dert('{"alpha": 1.2, "beta": 0.75, "gamma": 0.66, "delta": 2.8, "converged": false}', 0.1, 2, 4, 6), NULL,
          'bgbb_dert of an unconverged model: NULL');
-- S(3) = prod_{j=1..3} (beta + j - 1) / (alpha + beta + j - 1), by hand
SELECT ok(abs(sbg_survival('{"alpha": 0.7, "beta": 1.2, "converged": true}', 3)
              - (1.2 / 1.9) * (2.2 / 2.9) * (3.2 / 3.9)) < 1e-12
          AND abs(sbg_survival('{"alpha": 0.7, "beta": 1.2}', 3) - (1.2 / 1.9) * (2.2 / 2.9) * (3.2 / 3.9)) < 1e-12,
          'a converged or hand-written sbg_model predicts');
SELECT ok(bgbb_p_alive('{"alpha": 1.2, "beta": 0.75, "gamma": 0.66, "delta": 2.8}', 2, 4, 6) BETWEEN 0 AND 1,
          'a hand-written bgbb_model predicts');
SELECT throws_ok($$SELECT sbg_survival('{"alpha": 0.7, "beta": 1.2, "converged": false}', -1)$$, '22023', NULL,
                 'an unconverged sbg_model still checks its arguments');
SELECT throws_ok($$SELECT bgbb_p_alive('{"alpha": 1, "beta": 1, "gamma": 1, "delta": 1, "converged": false}', 1, 7, 6)$$, '22023', NULL,
                 'an unconverged bgbb_model still checks its arguments');

-- ---------- clv_fit_state text: one spelling per state ----------
SELECT is(pg_temp.failure($$SELECT 'v1 bgnbd=1:2:10:1,0:0:10:1 gg='::clv_fit_state$$),
          '22P02 The bgnbd entry "0:0:10:1" is not after the one before it: the entries are sorted by frequency, recency and age, each summary once.',
          'unsorted bgnbd entries: 22P02 naming the entry');
SELECT is(pg_temp.failure($$SELECT 'v1 bgnbd=0:0:10:1,0:0:10:2 gg='::clv_fit_state$$),
          '22P02 The bgnbd entry "0:0:10:2" is not after the one before it: the entries are sorted by frequency, recency and age, each summary once.',
          'a duplicated bgnbd summary: 22P02 naming the entry');
SELECT is(pg_temp.failure($$SELECT 'v1 bgnbd=1:2:10:3 gg=1:7.5:1,1:5:1'::clv_fit_state$$),
          '22P02 The gg entry "1:5:1" is not after the one before it: the entries are sorted by frequency and monetary, each pair once.',
          'unsorted gg entries: 22P02 naming the entry');
SELECT is(pg_temp.failure($$SELECT 'v1 bgnbd=1:2:10:3 gg=1:5:1,1:5:1'::clv_fit_state$$),
          '22P02 The gg entry "1:5:1" is not after the one before it: the entries are sorted by frequency and monetary, each pair once.',
          'a duplicated gg pair: 22P02 naming the entry');
SELECT is(pg_temp.failure($$SELECT 'v1 bgnbd=0:0:10:+1 gg='::clv_fit_state$$),
          '22P02 The bgnbd entry "0:0:10:+1" is not frequency:recency:age:weight as the output writes them.',
          'a weight +1: 22P02 naming the entry');
SELECT is(pg_temp.failure($$SELECT 'v1 bgnbd=0:0:10:01 gg='::clv_fit_state$$),
          '22P02 The bgnbd entry "0:0:10:01" is not frequency:recency:age:weight as the output writes them.',
          'a weight with a leading zero: 22P02 naming the entry');
SELECT is(pg_temp.failure($$SELECT 'v1 bgnbd=01:2:10:1 gg='::clv_fit_state$$),
          '22P02 The bgnbd entry "01:2:10:1" is not frequency:recency:age:weight as the output writes them.',
          'a frequency with a leading zero: 22P02 naming the entry');
SELECT is(pg_temp.failure($$SELECT 'v1 bgnbd=0:-0:10:1 gg='::clv_fit_state$$),
          '22P02 The bgnbd entry "0:-0:10:1" is not frequency:recency:age:weight as the output writes them.',
          'a recency -0: 22P02 naming the entry');
SELECT is(pg_temp.failure($$SELECT 'v1 bgnbd=1:2:10:1 gg=1:7.50:1'::clv_fit_state$$),
          '22P02 The gg entry "1:7.50:1" is not frequency:monetary:weight as the output writes them.',
          'a monetary 7.50 (not the shortest form): 22P02 naming the entry');
SELECT is(pg_temp.failure($$SELECT 'v1 bgnbd=1:2:10:1 gg=1:-0:1'::clv_fit_state$$),
          '22P02 The gg entry "1:-0:1" is not frequency:monetary:weight as the output writes them.',
          'a monetary -0: 22P02 naming the entry');
SELECT is((SELECT count(*) FROM (SELECT clv_fit_state(frequency, recency, age, monetary) AS st FROM cust GROUP BY cust % 13) s
           WHERE st::text::clv_fit_state::text <> st::text), 0::bigint,
          'every state the aggregate writes reads back to the same text');
SELECT is(clv_fit_state(-0.0::float8, -0.0::float8, 10, -0.0::float8)::text, 'v1 bgnbd=0:0:10:1 gg=',
          'a -0 input is written as 0');

-- ---------- bad input of the other models ----------
SELECT throws_ok($$SELECT sbg_fit(p, c) FROM (VALUES (0, 100::int8), (1, 80), (2, 81)) v(p, c)$$, '22023',
                 'sbg_fit customers rise from 80 in period 1 to 81 in period 2', 'sbg_fit: survival counts that rise, named: 22023');
SELECT throws_ok($$SELECT bgbb_expected_purchases('{"alpha": 1, "beta": 1, "gamma": 1, "delta": 1}', 5, 1, 7, 6)$$, '22023',
                 'bgbb_expected_purchases pattern frequency 1, recency 7, periods 6 is not possible',
                 'bgbb_expected_purchases: recency > periods: 22023');
SELECT throws_ok($$SELECT bgbb_dert('{"alpha": 1, "beta": 1, "gamma": 1, "delta": 1}', 0.1, 4, 3, 6)$$, '22023',
                 'bgbb_dert pattern frequency 4, recency 3, periods 6 is not possible',
                 'bgbb_dert: frequency > recency: 22023');
SELECT throws_ok($$SELECT '{"alpha": 1, "beta": -2}'::sbg_model$$, '22023', 'sbg_model parameter beta = -2 is not positive',
                 'sbg_model: a negative parameter, named: 22023');
SELECT throws_ok($$SELECT '{"alpha": 1, "beta": 1, "gamma": 1, "delta": 0}'::bgbb_model$$, '22023', 'bgbb_model parameter delta = 0 is not positive',
                 'bgbb_model: a zero parameter, named: 22023');
SELECT throws_ok($$SELECT '{"r":1,"alpha":1,"a":1,"b":1,"p":1,"q":2,"v":-3}'::clv_model$$, '22023', 'clv_model parameter v = -3 is not positive',
                 'clv_model: a negative Gamma-Gamma parameter, named: 22023');

SELECT * FROM finish();
ROLLBACK;
