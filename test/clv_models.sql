-- pgTAP tests of the choice of purchase model in clv_fit ('bgnbd',
-- 'mbgnbd', 'pareto_nbd'; SPEC section 11), the MBG/NBD model and the
-- standard errors ("se") of every fit.  Published results: MBG/NBD on the
-- CDNOW sample (calibration to 1997-09-30, weeks) r 0.525, alpha 6.183,
-- a 0.891, b 1.614 (BTYDplus, Batislam et al. 2007); the standard errors,
-- the log-likelihood and the MBG/NBD predictions come from
-- test/reference/mbgnbd.py (scipy, no code shared with the extension:
-- second differences of the likelihood itself, and P(X(t) = n) integrated
-- numerically from the model's definition).  Skipped cleanly when
-- ../shared/data is absent (the CDNOW part only).
BEGIN;
SELECT plan(52);
SET LOCAL TimeZone = 'UTC';

CREATE FUNCTION pg_temp.sig3(v float8) RETURNS numeric LANGUAGE sql IMMUTABLE AS
$$ SELECT round(v::numeric, 2 - floor(log(abs(v)::numeric))::int) $$;
CREATE FUNCTION pg_temp.rel(a float8, b float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS
$$ SELECT abs(a - b) / greatest(abs(b), 1e-300) $$;
\ir sh/plan_has.psql

CREATE TEMP TABLE raw(line text);
\copy raw FROM PROGRAM 'cat "$RETENTION_SHARED_DATA/cdnow_sample.txt" 2>/dev/null || true'
CREATE TEMP TABLE orders AS
SELECT f[2]::int AS cust, to_date(f[3], 'YYYYMMDD') AS day, f[5]::float8 AS amount
FROM (SELECT regexp_split_to_array(btrim(line), '\s+') AS f FROM raw WHERE btrim(line) <> '') s;
CREATE TEMP TABLE summ AS
SELECT cust, (clv_summary(day, amount, '1997-09-30', '1 week')).* FROM orders GROUP BY cust;
CREATE TEMP TABLE fits AS
SELECT clv_model_params(clv_fit(frequency, recency, age, monetary, 'mbgnbd')) AS mb,
       clv_model_params(clv_fit(frequency, recency, age, monetary)) AS bg,
       clv_fit(frequency, recency, age, monetary, 'mbgnbd') AS mbm
FROM summ;

-- ---------- CDNOW: the published MBG/NBD fit and the standard errors (9) ----------
SELECT CASE WHEN (SELECT count(*) FROM raw) = 0 THEN skip('CDNOW data absent', 9)
ELSE collect_tap(ARRAY[
    is((SELECT ARRAY[round((mb->>'r')::numeric, 3), round((mb->>'alpha')::numeric, 3),
                     round((mb->>'a')::numeric, 3), round((mb->>'b')::numeric, 3)] FROM fits),
       ARRAY[0.525, 6.183, 0.891, 1.614], 'MBG/NBD r, alpha, a, b as published (BTYDplus, Batislam et al. 2007)'),
    is((SELECT round((mb->>'ll')::numeric, 2) FROM fits), -9582.14,
       'MBG/NBD log-likelihood -9582.14 (test/reference/mbgnbd.py)'),
    is((SELECT (mb->>'ll')::float8 = (mb->>'ll_mbgnbd')::float8 AND mb->>'model' = 'mbgnbd'
               AND (mb->>'converged')::boolean AND (mb->>'customers')::int = 2357 FROM fits),
       true, 'MBG/NBD model: "model", "ll_mbgnbd" = "ll", converged, 2357 customers'),
    is((SELECT ARRAY[pg_temp.sig3((mb->'se'->>'r')::float8), pg_temp.sig3((mb->'se'->>'alpha')::float8),
                     pg_temp.sig3((mb->'se'->>'a')::float8), pg_temp.sig3((mb->'se'->>'b')::float8)] FROM fits),
       ARRAY[0.0833, 0.696, 0.155, 0.537], 'MBG/NBD standard errors (inverse Hessian; test/reference/mbgnbd.py)'),
    is((SELECT ARRAY[pg_temp.sig3((bg->'se'->>'r')::float8), pg_temp.sig3((bg->'se'->>'alpha')::float8),
                     pg_temp.sig3((bg->'se'->>'a')::float8), pg_temp.sig3((bg->'se'->>'b')::float8)] FROM fits),
       ARRAY[0.0126, 0.378, 0.186, 0.705], 'BG/NBD standard errors (test/reference/mbgnbd.py; lifetimes reports the same)'),
    is((SELECT ARRAY[pg_temp.sig3((bg->'se'->>'p')::float8), pg_temp.sig3((bg->'se'->>'q')::float8),
                     pg_temp.sig3((bg->'se'->>'v')::float8)] FROM fits),
       ARRAY[1.19, 0.290, 4.16], 'Gamma-Gamma standard errors (test/reference/mbgnbd.py)'),
    is((SELECT mb->'se'->'p' = bg->'se'->'p' AND mb->>'p' = bg->>'p' FROM fits), true,
       'the spend model is the same whatever the purchase model'),
    ok((SELECT (mb->>'ll')::float8 > (bg->>'ll')::float8 FROM fits),
       'MBG/NBD fits CDNOW a little better than BG/NBD (-9582.14 > -9582.43)'),
    is((SELECT clv_fit(frequency, recency, age, monetary, 'bgnbd')::text = clv_fit(frequency, recency, age, monetary)::text FROM summ),
       true, 'clv_fit(…, ''bgnbd'') is clv_fit(…)')
]) END;

-- ---------- MBG/NBD predictions against test/reference/mbgnbd.py (13) ----------
CREATE TEMP TABLE pm AS SELECT
  '{"model": "mbgnbd", "r": 0.525, "alpha": 6.183, "a": 0.891, "b": 1.614, "p": 6.25, "q": 3.74, "v": 15.44}'::clv_model AS m;
CREATE TEMP TABLE ref(x float8, tx float8, t float8, p_alive float8, e39 float8);
INSERT INTO ref VALUES
  (0, 0, 38.86, 0.3897350809, 0.1540127467), (0, 0, 5, 0.5702854939, 0.6956943254),
  (2, 30.43, 38.86, 0.7062022651, 1.262960623), (7, 35.0, 38.0, 0.8506467517, 4.394047418),
  (1, 2.0, 30.0, 0.2331397284, 0.3097043663), (221, 103.43, 103.57, 0.9947176843, 68.19685272);
SELECT is((SELECT count(*) FROM ref, pm WHERE pg_temp.rel(clv_p_alive(m, x, tx, t), p_alive) < 1e-8), 6::bigint,
          'MBG/NBD P(alive) of six customers (a one-time buyer below 1; the heavy buyer x = 221) equals the reference');
SELECT is((SELECT count(*) FROM ref, pm WHERE pg_temp.rel(clv_expected_purchases(m, 39, x, tx, t), e39) < 1e-8), 6::bigint,
          'MBG/NBD expected purchases in 39 weeks of the same six equal the reference (2F1 by scipy)');
SELECT ok(pg_temp.rel(clv_expected_purchases(m, 1, 0, 0, 0), 0.05308479526) < 1e-8 AND
          pg_temp.rel(clv_expected_purchases(m, 39, 0, 0, 0), 1.182953666) < 1e-8 AND
          pg_temp.rel(clv_expected_purchases(m, 52, 0, 0, 0), 1.419723758) < 1e-8, 'MBG/NBD E[X(t)] of a new customer (age 0), t = 1, 39, 52')
FROM pm;
SELECT ok(pg_temp.rel(clv_purchase_probability(m, 39, 0), 0.5824731895) < 1e-8 AND
          pg_temp.rel(clv_purchase_probability(m, 39, 1), 0.1827830773) < 1e-8 AND
          pg_temp.rel(clv_purchase_probability(m, 39, 2), 0.08689482567) < 1e-8 AND
          pg_temp.rel(clv_purchase_probability(m, 39, 5), 0.01938732355) < 1e-8 AND
          pg_temp.rel(clv_purchase_probability(m, 52, 10), 0.004833940204) < 1e-7,
          'MBG/NBD P(X(t) = n) equals the reference (numeric integration over the dropout probability)')
FROM pm;
SELECT ok(abs((SELECT sum(clv_purchase_probability(m, 39, n)) FROM pm, generate_series(0, 3000) n) - 1) < 1e-9,
          'MBG/NBD P(X(39) = n) sums to 1 over n');
SELECT ok(abs((SELECT sum(n * clv_purchase_probability(m, 39, n)) FROM pm, generate_series(0, 3000) n)
              - (SELECT clv_expected_purchases(m, 39, 0, 0, 0) FROM pm)) < 1e-7,
          'MBG/NBD: the mean of P(X(39) = n) is E[X(39)]');
SELECT is(clv_purchase_probability(m, 0, 0), 1::float8, 'MBG/NBD P(X(0) = 0) = 1') FROM pm;
SELECT is(clv_expected_purchases(m, 0, 3, 10, 20), 0::float8, 'MBG/NBD expects nothing in no time') FROM pm;
SELECT ok(clv_p_alive(m, 0, 0, 0) < 1 AND abs(clv_p_alive(m, 0, 0, 0) - 1.614 / (0.891 + 1.614)) < 1e-12,
          'MBG/NBD P(alive) of a brand-new customer is b / (a + b), not 1') FROM pm;
SELECT ok(clv_p_alive(m, 3, 10, 20) > clv_p_alive(m, 3, 5, 20) AND clv_p_alive(m, 3, 5, 20) > clv_p_alive(m, 3, 5, 40),
          'MBG/NBD P(alive) rises with recency and falls with age') FROM pm;
SELECT ok(abs(clv_predict(m, 39, 2, 30.43, 38.86, 40, 0) - clv_expected_order_value(m, 2, 40) * clv_expected_purchases(m, 39, 2, 30.43, 38.86)) < 1e-9,
          'MBG/NBD clv_predict without discount = expected order value * expected purchases') FROM pm;
SELECT ok(clv_predict(m, 39, 2, 30.43, 38.86, 40, 0.01) < clv_predict(m, 39, 2, 30.43, 38.86, 40, 0),
          'MBG/NBD clv_predict discounts') FROM pm;
SELECT ok(clv_p_alive('{"r": 0.525, "alpha": 6.183, "a": 0.891, "b": 1.614}', 0, 0, 20) = 1,
          'the same parameters without "model" are BG/NBD: a one-time buyer is alive');

-- ---------- the model argument, the state and the model text (17) ----------
SELECT throws_ok($$SELECT clv_fit(1, 1, 2, 3, 'pareto')$$, '22023',
                 'unknown clv model "pareto"', 'an unknown model is 22023 naming it');
SELECT throws_ok($$SELECT clv_fit(1, 1, 2, 3, NULL)$$, '22004', NULL, 'a NULL model is 22004');
SELECT is(clv_model_params(clv_fit(1, 1, 2, 3, 'pareto_nbd'))->>'model', 'pareto_nbd',
          'pareto_nbd is available: the fitted model names it');
SELECT throws_ok($$SELECT clv_fit(f, 1, 2, 3, m) FROM (VALUES (1::float8, 'bgnbd'), (1, 'mbgnbd')) v(f, m)$$, '22023', NULL,
                 'a model that changes inside one group is 22023');
SELECT is((SELECT clv_fit(frequency, recency, age, monetary, 'mbgnbd')::text FROM summ WHERE false), NULL, 'no rows: NULL');
SELECT is((SELECT clv_fit(NULL::float8, NULL, NULL, NULL, 'mbgnbd')::text FROM generate_series(1, 3)), NULL, 'all NULL summaries: NULL');
SELECT is((SELECT clv_fit_state(frequency, recency, age, monetary) FROM (VALUES (1::float8, 1::float8, 2::float8, 3::float8)) v(frequency, recency, age, monetary))::text,
          'v1 bgnbd=1:1:2:1 gg=1:3:1', 'a state without a model names none (1.1''s text)');
SELECT is('v1 model=mbgnbd bgnbd=1:1:2:1 gg=1:3:1'::clv_fit_state::text, 'v1 model=mbgnbd bgnbd=1:1:2:1 gg=1:3:1',
          'clv_fit_state with a model: text round trip');
SELECT throws_ok($$SELECT 'v1 model=nbd bgnbd=1:1:2:1 gg=1:3:1'::clv_fit_state$$, '22P02', NULL,
                 'clv_fit_state with an unknown model is 22P02');
SELECT is((SELECT clv_fit(s, 'mbgnbd')::text FROM (SELECT clv_fit_state(frequency, recency, age, monetary) s FROM summ GROUP BY cust % 5) x),
          (SELECT mbm::text FROM fits), 'clv_fit(clv_fit_state, ''mbgnbd'') over stored states = clv_fit(…, ''mbgnbd'')');
SELECT is((SELECT clv_fit(s)::text FROM (SELECT clv_fit_state(s, 'mbgnbd') s FROM (SELECT clv_fit_state(frequency, recency, age, monetary) s FROM summ GROUP BY cust % 3) y) x),
          (SELECT mbm::text FROM fits), 'clv_fit_state(clv_fit_state, ''mbgnbd'') records the model, and clv_fit(clv_fit_state) fits with it');
SELECT is((SELECT clv_fit(s)::text FROM (SELECT clv_fit_state(frequency, recency, age, monetary, 'mbgnbd') s FROM summ GROUP BY cust % 4) x),
          (SELECT mbm::text FROM fits), 'clv_fit_state(…, ''mbgnbd'') stored per group, then clv_fit(clv_fit_state) = clv_fit(…, ''mbgnbd'')');
SELECT is(('{"model": "mbgnbd", "r": 1, "alpha": 2, "a": 3, "b": 4}'::clv_model)::text,
          '{"model": "mbgnbd", "r": 1, "alpha": 2, "a": 3, "b": 4, "p": null, "q": null, "v": null, "customers": null, "converged": null, "ll_mbgnbd": null, "ll_gg": null, "spend_excluded": null}',
          'an MBG/NBD model text names its model');
SELECT is(((SELECT mbm FROM fits)::text::clv_model)::text, (SELECT mbm FROM fits)::text, 'a fitted MBG/NBD model (with "se"): text round trip');
SELECT throws_ok($$SELECT '{"model": "mbgnbd", "r": 1, "alpha": 2, "a": 0, "b": 4}'::clv_model$$, '22023',
                 'clv_model parameter a = 0 is not positive', 'an MBG/NBD parameter 0 is 22023 naming it');
SELECT throws_ok($$SELECT '{"model": "nbd", "r": 1, "alpha": 2, "a": 1, "b": 4}'::clv_model$$, '22P02', NULL,
                 'an unknown "model" in a model text is 22P02');
SELECT throws_ok($$SELECT '{"model": "pareto_nbd", "r": 1, "alpha": 2, "a": 1, "b": 4}'::clv_model$$, '22P02', NULL,
                 'a Pareto/NBD text names its parameters s and beta, not a and b: 22P02');
SELECT throws_ok($$SELECT '{"r": 1, "alpha": 2, "a": 1, "b": 4, "se": {"r": 1, "alpha": 1}}'::clv_model$$, '22P02', NULL,
                 'standard errors of only some parameters: 22P02');
SELECT ok(abs(clv_p_alive('{"model": "pareto_nbd", "r": 1, "alpha": 2, "s": 1, "beta": 4}', 1, 1, 2) - 0.78656693177814525) < 1e-12,
          'P(alive) of a Pareto/NBD model text: 0.786566931778145 (mpmath, test/reference/pareto_nbd.py formulas)');

-- a value stored by 1.1 (version 1's layout, little-endian x86-64 bytes
-- written by hand): read as BG/NBD without standard errors
CREATE FUNCTION pg_temp.raw_model(bytea) RETURNS clv_model
    LANGUAGE internal IMMUTABLE STRICT AS 'byteasend';
SELECT is(pg_temp.raw_model(decode('013f00003509000000000000b4c876be9f1acf3f0e2db29defa71140c74b37894160e93f9cc420b0726803400000000000001940ec51b81e85eb0d40e17a14ae47e12e403333333333b7c2c0cdccccccccafafc0', 'hex'))::text,
          '{"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "p": 6.25, "q": 3.74, "v": 15.44, "customers": 2357, "converged": true, "ll_bgnbd": -9582.4, "ll_gg": -4055.9, "spend_excluded": null}',
          'clv_model: a version 1 value stored by 1.1 reads as BG/NBD');
SELECT is(clv_model_params('{"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}')->'se', 'null'::jsonb,
          'clv_model_params: "se" null for a hand-written model');

-- ---------- simulated customers: parallel, windows, binary, flat Hessian (9) ----------
-- MBG/NBD customers simulated from the model's definition: rate
-- Gamma(1, 1/0.6) (exponential), dropout p ~ Beta(1, 2), a dropout chance
-- at time 0 and after each purchase (a plain table: parallel workers
-- cannot read temporary ones)
SELECT setseed(0.25);
CREATE FUNCTION pg_temp.simulate(n int) RETURNS TABLE(g int, frequency float8, recency float8, age float8, monetary float8)
LANGUAGE plpgsql AS $$
DECLARE lam float8; p float8; t float8; last float8; x int;
BEGIN
    FOR i IN 1 .. n LOOP
        lam := -ln(1 - random()) * 0.6;
        p := 1 - sqrt(1 - random());	-- Beta(1, 2)
        age := 20 + floor(random() * 30);
        x := 0; t := 0; last := 0;
        IF random() >= p THEN
            LOOP
                t := t - ln(1 - random()) / lam;
                EXIT WHEN t > age;
                x := x + 1; last := t;
                EXIT WHEN random() < p;
            END LOOP;
        END IF;
        g := i; frequency := x; recency := round(last::numeric, 2)::float8;
        monetary := CASE WHEN x = 0 THEN 0 ELSE 10 + random() * 50 END;
        RETURN NEXT;
    END LOOP;
END $$;
CREATE TABLE sims AS SELECT * FROM pg_temp.simulate(4000);
CREATE TEMP TABLE simfit AS SELECT clv_fit(frequency, recency, age, monetary, 'mbgnbd') AS m FROM sims;
SELECT ok((SELECT (clv_model_params(m)->>'converged')::boolean FROM simfit), 'MBG/NBD fit of 4000 customers simulated from the model converges');
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(pg_temp.plan_has($$SELECT clv_fit(frequency, recency, age, monetary, 'mbgnbd') FROM sims$$, 'Partial Aggregate'),
          'clv_fit(…, model): parallel plan with Partial Aggregate');
SELECT is((SELECT clv_fit(frequency, recency, age, monetary, 'mbgnbd')::text FROM sims), (SELECT m::text FROM simfit),
          'clv_fit(…, ''mbgnbd''): parallel result equals serial');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT is((SELECT w FROM (SELECT g, clv_fit(frequency, recency, age, monetary, 'mbgnbd') OVER (ORDER BY g ROWS BETWEEN 299 PRECEDING AND CURRENT ROW)::text AS w FROM sims WHERE g <= 320) s WHERE g = 310),
          (SELECT clv_fit(frequency, recency, age, monetary, 'mbgnbd')::text FROM sims WHERE g BETWEEN 11 AND 310),
          'clv_fit(…, ''mbgnbd'') in a sliding window frame equals the aggregate over the frame''s rows');
CREATE TEMP TABLE bin_out AS SELECT m, (SELECT clv_fit_state(frequency, recency, age, monetary, 'mbgnbd') FROM sims WHERE g < 50) AS fs FROM simfit;
CREATE TEMP TABLE bin_in (LIKE bin_out);
\copy bin_out TO '/tmp/retention_clv_models_test.bin' (FORMAT binary)
\copy bin_in FROM '/tmp/retention_clv_models_test.bin' (FORMAT binary)
\! rm -f /tmp/retention_clv_models_test.bin
SELECT is((SELECT (m::text, fs::text) FROM bin_in), (SELECT (m::text, fs::text) FROM bin_out),
          'binary send/receive round trip of an MBG/NBD clv_model and a clv_fit_state with a model');
SELECT ok((SELECT fs::text LIKE 'v1 model=mbgnbd bgnbd=%' FROM bin_out), 'the stored state records the model');
-- the standard errors are finite differences of the analytic gradient:
-- they agree with a parameter's spread over bootstrap-free re-fits only
-- roughly, but they must shrink as 1/sqrt(n) with 4 times the customers
SELECT ok((SELECT (clv_model_params(m)->'se'->>'r')::float8 FROM simfit) /
          (SELECT (clv_model_params(clv_fit(frequency, recency, age, monetary, 'mbgnbd'))->'se'->>'r')::float8 FROM sims WHERE g <= 1000)
          BETWEEN 0.35 AND 0.65, 'standard errors shrink about as 1/sqrt(customers)');
-- one customer per summary, all alike: no curvature in a and b, no se
SELECT is((SELECT clv_model_params(clv_fit(1::float8, 5, 10, 3, 'mbgnbd'))->'se'->'r' FROM generate_series(1, 50)), NULL,
          'a flat likelihood (50 identical customers): no standard errors, not made-up ones');
SELECT ok((SELECT (clv_model_params(clv_fit(1::float8, 5, 10, 3, 'mbgnbd'))->>'converged')::boolean IS NOT TRUE FROM generate_series(1, 50)),
          '…and the fit says it did not converge');

SELECT * FROM finish();
ROLLBACK;
