-- clv_fit(..., 'pareto_nbd'): Pareto/NBD (Schmittlein, Morrison & Colombo
-- 1987; Fader, Hardie & Lee 2005).  The published CDNOW fit, the heavy buyer
-- of CLVTools issue 100, parameters whose 2F1 argument is near 1, and
-- predictions on random customers, against test/reference/pareto_nbd.py
-- (mpmath at 40 digits, the paper's formulas with untransformed 2F1s, and a
-- scipy fit with a finite-difference Hessian for the standard errors: no
-- code shared).  Calibration ends 1997-09-30, the unit is one week.  The
-- CDNOW part is skipped cleanly when ../shared/data is absent.
BEGIN;
SELECT plan(35);
SET LOCAL TimeZone = 'UTC';

CREATE FUNCTION pg_temp.sig3(v float8) RETURNS numeric LANGUAGE sql IMMUTABLE AS
$$ SELECT round(v::numeric, 2 - floor(log(abs(v)::numeric))::int) $$;
CREATE FUNCTION pg_temp.pm(r float8, alpha float8, s float8, beta float8) RETURNS clv_model
    LANGUAGE sql IMMUTABLE AS
$$ SELECT format('{"model": "pareto_nbd", "r": %s, "alpha": %s, "s": %s, "beta": %s}', r, alpha, s, beta)::clv_model $$;

CREATE FUNCTION pg_temp.explain_lines(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE l text;
BEGIN
    FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP RETURN NEXT l; END LOOP;
END $$;
-- test hooks (not part of the extension's SQL): one customer's
-- log-likelihood, the fit over arrays, the gradient check
CREATE FUNCTION clv_pareto_test(float8[], text, float8, float8, float8, float8, int)
    RETURNS float8 AS '$libdir/retention', 'clv_pareto_test' LANGUAGE C STRICT;
CREATE FUNCTION clv_pareto_test_fit(int[], float8[], float8[], float8[])
    RETURNS float8[] AS '$libdir/retention', 'clv_pareto_test_fit' LANGUAGE C;

-- test/reference/pareto_nbd.py's output
CREATE TEMP TABLE ref(r float8, alpha float8, s float8, beta float8, x int, tx float8,
                      age float8, t float8, ll float8, p_alive float8, expected float8);
INSERT INTO ref VALUES
(0.553, 10.578, 0.606, 11.669, 221, 103.43, 103.57, 52.0, -76.964978360381071, 0.9991538582322728, 89.643971406404694),
(0.553, 10.578, 0.606, 11.669, 0, 0.0, 38.86, 52.0, -0.52104629408089037, 0.29528660461689416, 0.13620100592390506),
(0.553, 10.578, 0.606, 11.669, 2, 30.43, 38.86, 39.0, -9.5542832451504057, 0.8691675591530112, 1.4551231932576025),
(0.553, 10.578, 0.606, 11.669, 7, 35.0, 36.0, 39.0, -21.383634427542953, 0.986141401617723, 5.1384341162814955),
(0.5, 10000.0, 0.6, 0.01, 221, 1.0, 103.57, 52.0, -1066.1220425006195, 0.0078094299311112585, 0.0078344149572679174),
(0.5, 0.01, 0.6, 10000.0, 0, 0.0, 103.57, 52.0, -4.6166994027951173, 0.98783454390231669, 0.24757820792388323),
(0.5, 0.01, 0.6, 100000.0, 3, 1.0, 103.57, 52.0, -14.601879035050243, 0.036373186499170944, 0.063901222142517811),
(0.5, 100000.0, 0.6, 0.01, 3, 1.0, 103.57, 52.0, -36.679749314965801, 0.061954801811606461, 9.912468324650881e-5),
(18.819, 4916.26, 15.0418, 0.0317179, 5, 27.2668, 76.1474, 72.6228, -129.12289173756357, 1.5782646144981009e-7, 4.0847981797171389e-9),
(0.200515, 0.0121466, 2.29341, 2570.09, 0, 0.0, 196.264, 49.8743, -1.9023256174146008, 0.81100506761586548, 0.040484153457151211),
(0.0362025, 58.3438, 0.62213, 421.353, 210, 2.78464, 7.54428, 17.2759, 36.547084058040108, 0.00033528059196740615, 0.018238007703982434),
(0.140649, 257.788, 1.57249, 1448.31, 2, 41.5864, 132.276, 8.66504, -13.835722287141638, 0.88472727649441804, 0.041891159206181507),
(0.835987, 202.994, 1.86995, 4.83848, 1, 85.3216, 159.902, 67.3695, -11.838638767876361, 0.26792910637060416, 0.066197653470279921),
(1.14869, 31.1736, 0.0558446, 3.60458, 2, 52.763, 188.049, 59.0373, -11.938630988047411, 0.66998514462566691, 0.56368748132385978),
(0.0671642, 2516.23, 1.33804, 2329.36, 20, 6.58693, 44.0499, 62.0033, -120.0848552615694, 0.97556071865186531, 0.4659765338954968),
(0.0721409, 589.503, 0.95289, 0.932337, 221, 112.268, 118.743, 16.8092, -486.83875955906627, 0.84730670316771291, 4.1728313481536012),
(26.6084, 0.021653, 0.560622, 0.0138095, 221, 0.675677, 3.04082, 74.0805, 1034.3620469803637, 1.4362660415722271e-157, 2.5283617621999829e-154),
(0.0468403, 4654.1, 0.684282, 0.0360486, 16, 14.636, 75.7113, 7.68012, -114.40267027828815, 0.29308336590790158, 0.0073858929137499601),
(0.790448, 0.151311, 19.9864, 5043.38, 0, 0.0, 21.1489, 52.9441, -3.7501430994030927, 0.78353032645529841, 1.3897341830569048),
(0.102103, 18.2764, 8.68017, 0.329894, 1, 80.1443, 180.224, 34.3433, -54.857526327871896, 0.00045867966025471632, 4.4151422079680949e-5),
(15.031, 763.02, 15.3301, 133.803, 0, 0.0, 138.758, 82.999, -0.16551414780862771, 1.7547229289330998e-6, 5.4397427073673653e-7),
(2.62142, 0.269491, 0.243086, 2.86879, 20, 91.0956, 110.213, 10.9338, -63.258920124455159, 0.55989478135555119, 1.2392708723076262),
(2.4758, 0.988585, 1.50683, 1028.25, 1, 14.9551, 190.328, 56.2459, -13.456107896583983, 0.015248714898819926, 0.0150603242705802),
(1.33489, 0.257326, 1.52246, 6.67363, 221, 18.5275, 54.7876, 2.46232, 316.29874825145952, 7.832810097904256e-103, 7.5604180370088849e-102),
(23.4326, 312.659, 0.507302, 577.413, 1, 97.7764, 131.096, 95.4737, -11.178411003475289, 0.93083181479101419, 4.7362724171443945),
(0.575316, 0.460869, 1.95891, 8953.43, 1, 31.406, 105.462, 89.8855, -8.327193186214539, 0.96128067962341535, 1.2726757586089871),
(0.0574344, 1818.43, 12.3138, 9.7015, 221, 37.7424, 91.6382, 68.1561, -715.54988661452811, 2.3173721643238102e-7, 2.3951430467450328e-7),
(0.527337, 673.693, 0.209444, 3811.12, 5, 8.01477, 9.037, 66.8233, -29.156510324098437, 0.99994371657726452, 0.53998253921437767),
(5.85808, 1996.89, 1.30736, 140.008, 1, 176.556, 178.693, 14.7122, -7.4858493804685617, 0.99121335973348891, 0.044629967777292469),
(0.410348, 52.8171, 29.4659, 0.462601, 0, 0.0, 171.728, 26.0014, -0.00012620937426372846, 9.7975786473062536e-77, 1.0632868179325599e-78),
(11.2872, 0.305925, 28.0441, 63.8377, 5, 44.5257, 161.532, 36.2883, -78.106666814260903, 2.3838099461871031e-18, 1.9639542610200816e-18),
(0.0870464, 1058.29, 0.0590367, 268.905, 20, 39.8713, 136.049, 7.91984, -104.49770450516466, 0.95852771636676922, 0.1276028796414039),
(17.5999, 84.8224, 0.102105, 7196.99, 0, 0.0, 27.649, 68.3284, -4.9557725110661533, 0.98980966700818529, 10.578206041222343),
(19.7986, 0.585036, 15.4873, 0.589173, 48, 6.90918, 9.09291, 10.3308, -10.100761339560624, 3.0349024301214701e-9, 1.4208619402661622e-8),
(0.038724, 1.26812, 0.0955212, 0.193009, 2, 33.7342, 151.627, 58.7384, -13.392359857726945, 0.49513289964165749, 0.38148111603806155),
(20.716, 95.6047, 1.24439, 0.207268, 221, 55.5911, 62.7102, 98.1452, -88.395578417210984, 0.00093135369304732691, 0.075137190269671131),
(27.9976, 0.0595897, 0.436853, 440.491, 5, 57.4367, 79.3154, 75.8521, -202.15447321287731, 0.014753879002211916, 0.45135899844200795),
(1.27431, 0.183368, 0.525319, 0.0224528, 221, 70.5753, 85.76, 58.9745, 18.030048607754583, 6.5288808740955257e-17, 8.6033115070327514e-15),
(0.553474, 0.29895, 0.279149, 105.804, 456, 28.792, 35.0382, 57.604, 788.18324809864453, 2.0231084285156215e-35, 1.4319487010428396e-32),
(25.2672, 16.5314, 2.33993, 3.68035, 5, 129.724, 196.267, 43.0809, -74.443052122048503, 5.8590989579022589e-5, 0.00028610330843820914),
(0.0487576, 1099.49, 0.472351, 1.971, 221, 2.85429, 7.30863, 97.4755, -581.80270013939466, 0.61510058245102157, 5.6794396243115836),
(5.26899, 178.99, 3.20139, 0.433749, 1, 7.66996, 120.67, 58.8488, -13.268669073943594, 9.9555993123930501e-6, 6.6663451049844729e-6),
(1.10519, 17.9883, 0.0731147, 0.0254447, 221, 18.95, 29.5422, 31.0226, 169.95203394680484, 7.2740844352650156e-22, 1.0241184295905064e-19),
(2.30108, 317.148, 2.08598, 15.4703, 202, 68.2258, 69.7642, 26.9301, -326.91230442742196, 0.94339300917905215, 10.080141835354634),
(0.225416, 9.1139, 1.3736, 555.222, 2, 4.28051, 192.584, 79.0572, -10.242188653173965, 0.062975350625964677, 0.051249475946157635),
(1.61878, 2552.62, 0.0910324, 136.559, 221, 129.111, 185.359, 31.117, -769.99556083202034, 0.71136973073830348, 1.7921488169598203),
(0.178573, 5391.14, 1.76805, 945.528, 221, 89.5556, 95.6351, 3.62592, -933.45901200725868, 0.98833892769518467, 0.14401747518010803),
(0.196331, 18.525, 0.582684, 64.7132, 1, 121.521, 184.141, 67.7567, -7.9852764790021595, 0.81158666648755736, 0.30201096849140047);
CREATE TEMP TABLE ref_pn(r float8, alpha float8, s float8, beta float8, t float8, n int, p float8);
INSERT INTO ref_pn VALUES
(0.553, 10.578, 0.606, 11.669, 39.0, 0, 0.59362503160238383),
(0.553, 10.578, 0.606, 11.669, 39.0, 1, 0.16556294727717548),
(0.553, 10.578, 0.606, 11.669, 39.0, 5, 0.021484828361821043),
(0.553, 10.578, 0.606, 11.669, 52.0, 500, 3.214505388815705e-43),
(2.0, 1.0, 0.5, 1000.0, 1000.0, 7, 0.00048108347622666207),
(0.5, 1000.0, 2.0, 0.1, 52.0, 1, 4.9826539811202663e-5),
(0.5, 10.0, 1.0, 10.0, 1000.0, 30, 0.00053889158231041341);

CREATE TEMP TABLE got AS
SELECT ref.*,
       clv_pareto_test(ARRAY[r, alpha, s, beta], 'll', x, tx, age, t, 0) AS g_ll,
       clv_pareto_test(ARRAY[r, alpha, s, beta], 'p_alive', x, tx, age, t, 0) AS g_p_alive,
       clv_pareto_test(ARRAY[r, alpha, s, beta], 'expected', x, tx, age, t, 0) AS g_expected
FROM ref;

-- the heavy buyer (x 221, tx 103.43, T 103.57) at the CDNOW estimates
SELECT ok((SELECT abs(g_ll - ll) < 1e-10 * abs(ll) FROM got WHERE x = 221 AND alpha = 10.578),
          'heavy buyer: log-likelihood -76.96498 as mpmath (1e-10 relative)');
SELECT ok((SELECT abs(g_p_alive - p_alive) < 1e-12 FROM got WHERE x = 221 AND alpha = 10.578),
          'heavy buyer: P(alive) 0.99915 as mpmath');
SELECT ok((SELECT abs(g_expected - expected) < 1e-10 * expected FROM got WHERE x = 221 AND alpha = 10.578),
          'heavy buyer: 89.644 expected purchases in 52 weeks as mpmath');
-- alpha and beta many orders apart: the 2F1 argument is 1 - 1e-4 .. 1 - 1e-7
SELECT is((SELECT count(*) FROM got WHERE (alpha / beta >= 1e6 OR beta / alpha >= 1e6)
           AND abs(g_ll - ll) <= 1e-10 * greatest(abs(ll), 1)
           AND abs(g_p_alive - p_alive) <= 1e-9 * p_alive
           AND abs(g_expected - expected) <= 1e-9 * expected), 4::bigint,
          'alpha / beta = 1e6 .. 1e7 and 1e-6 .. 1e-7: log-likelihood, P(alive), expectation as mpmath');
SELECT is((SELECT count(*) FROM got WHERE abs(g_ll - ll) <= 1e-10 * greatest(abs(ll), 1)),
          (SELECT count(*) FROM ref), 'log-likelihood of every case as mpmath (1e-10 relative)');
SELECT is((SELECT count(*) FROM got WHERE abs(g_p_alive - p_alive) <= 1e-9 * p_alive),
          (SELECT count(*) FROM ref), 'P(alive) of every case as mpmath (1e-9 relative)');
SELECT is((SELECT count(*) FROM got WHERE abs(g_expected - expected) <= 1e-9 * expected),
          (SELECT count(*) FROM ref), 'conditional expected purchases of every case as mpmath (1e-9 relative)');
SELECT ok((SELECT count(*) FROM ref) >= 40 AND (SELECT count(DISTINCT x) FROM ref) >= 6,
          'the cases cover 40+ customers and several frequencies');
SELECT is((SELECT count(*) FROM ref
           WHERE abs(clv_p_alive(pg_temp.pm(r, alpha, s, beta), x, tx, age) - p_alive) <= 1e-9 * p_alive
             AND abs(clv_expected_purchases(pg_temp.pm(r, alpha, s, beta), t, x, tx, age) - expected) <= 1e-9 * expected),
          (SELECT count(*) FROM ref), 'clv_p_alive and clv_expected_purchases of a pareto_nbd clv_model: every case as mpmath');
SELECT ok((SELECT abs(clv_predict(format('{"model": "pareto_nbd", "r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669, "p": 6.25, "q": 3.74, "v": 15.44}')::clv_model,
                                   52, 221, 103.43, 103.57, 40, 0)
                       - expected * 6.25 * (15.44 + 221 * 40) / (6.25 * 221 + 3.74 - 1)) < 1e-10 * expected * 40
           FROM ref WHERE x = 221 AND alpha = 10.578),
          'clv_predict of the heavy buyer: its expected purchases (mpmath) times the Gamma-Gamma expected spend');

-- P(X(t) = n) of a new customer
SELECT is((SELECT count(*) FROM ref_pn
           WHERE abs(clv_purchase_probability(pg_temp.pm(r, alpha, s, beta), t, n) - p) <= 1e-9 * p),
          (SELECT count(*) FROM ref_pn), 'clv_purchase_probability as mpmath (1e-9 relative), n up to 500');
SELECT ok((SELECT abs(sum(clv_pareto_test('{0.553,10.578,0.606,11.669}', 'pn', 0, 0, 0, 52, n)) - 1) < 1e-12
           FROM generate_series(0, 2000) n),
          'P(X(52) = n) sums to 1 over n');
SELECT ok((SELECT abs(sum(n * clv_pareto_test('{0.553,10.578,0.606,11.669}', 'pn', 0, 0, 0, 52, n))
                      - 0.553 * 11.669 / (10.578 * (0.606 - 1)) * (1 - (11.669 / (11.669 + 52)) ^ (0.606 - 1))) < 1e-10
           FROM generate_series(0, 2000) n),
          'the mean of P(X(52) = n) is the closed form r beta / (alpha (s-1)) (1 - (beta/(beta+t))^(s-1))');
SELECT ok(abs(clv_pareto_test('{0.553,10.578,0.606,11.669}', 'new', 0, 0, 0, 52, 0)
              - 0.553 * 11.669 / (10.578 * (0.606 - 1)) * (1 - (11.669 / (11.669 + 52)) ^ (0.606 - 1))) < 1e-12,
          'E[X(52)] of a new customer: the closed form');
-- s = 1: the limit r beta / alpha log(1 + t / beta), continuous on either side
SELECT ok(abs(clv_pareto_test('{0.5,10,1,10}', 'new', 0, 0, 0, 52, 0) - 0.5 * 10 / 10 * ln(1 + 52 / 10.0)) < 1e-12
          AND abs(clv_pareto_test('{0.5,10,1.0000001,10}', 'new', 0, 0, 0, 52, 0)
                  - clv_pareto_test('{0.5,10,0.9999999,10}', 'new', 0, 0, 0, 52, 0)) < 1e-6,
          'E[X(t)] at s = 1 is r beta / alpha log(1 + t / beta), continuous across s = 1');

-- the model text
SELECT is(pg_temp.pm(0.553, 10.578, 0.606, 11.669)::text,
          '{"model": "pareto_nbd", "r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669, "p": null, "q": null, "v": null, "customers": null, "converged": null, "ll_pareto_nbd": null, "ll_gg": null, "spend_excluded": null}',
          'a Pareto/NBD model text names its model and s, beta');
SELECT throws_ok($$SELECT '{"model": "pareto_nbd", "r": 1, "alpha": 2, "s": 0, "beta": 4}'::clv_model$$, '22023',
                 'clv_model parameter s = 0 is not positive', 'a Pareto/NBD parameter 0 is 22023 naming it');
SELECT throws_ok($$SELECT '{"model": "pareto_nbd", "r": 1, "alpha": 2, "s": 1, "beta": -4}'::clv_model$$, '22023',
                 'clv_model parameter beta = -4 is not positive', 'a negative beta is 22023 naming it');
SELECT throws_ok($$SELECT '{"model": "pareto_nbd", "r": 1, "alpha": 2, "s": "x", "beta": 4}'::clv_model$$, '22P02', NULL,
                 'a parameter that is not a number is 22P02');
SELECT throws_ok($$SELECT '{"model": "pareto_nbd", "r": 1, "alpha": 2, "s": 1}'::clv_model$$, '22P02', NULL,
                 'a Pareto/NBD text without beta is 22P02');

-- made-up customers: the analytic gradient against central differences
CREATE TEMP TABLE sim AS
SELECT x, CASE WHEN x = 0 THEN 0 ELSE least(tx, age) END AS tx, age FROM (
    SELECT (g * 7919) % 13 AS x, ((g * 104729) % 997) / 997.0 * 40 AS tx, 40.0 - (g % 30) AS age
    FROM generate_series(1, 500) g) s;
SELECT ok((SELECT max(d) < 1e-5 FROM (
               SELECT (clv_pareto_test_fit(array_agg(x), array_agg(tx::float8), array_agg(age::float8), th))[2] AS d
               FROM sim, (VALUES ('{0.553,10.578,0.606,11.669}'::float8[]), ('{0.5,1e4,0.6,1e-2}'),
                                 ('{0.5,1e-2,0.6,1e4}'), ('{5,1e3,0.02,0.1}'), ('{0.05,1,3,300}')) v(th)
               GROUP BY th) s),
          'analytic gradient = central differences (1e-5), also at alpha / beta = 1e6 and 1e-6');
SELECT ok((SELECT abs((clv_pareto_test_fit(array_agg(x), array_agg(tx::float8), array_agg(age::float8),
                                           '{0.553,10.578,0.606,11.669}'))[1]
                  - (SELECT sum(clv_pareto_test('{0.553,10.578,0.606,11.669}', 'll', x, tx, age, 0, 0)) FROM sim)) < 1e-8
           FROM sim), 'the log-likelihood of many customers is the sum of theirs');

SELECT is((SELECT clv_model_params(clv_fit(0, 0, (10 + g % 7)::float8, 0, 'pareto_nbd'))->>'converged'
           FROM generate_series(1, 500) g), 'false',
          'nobody ever repeats: the likelihood has no proper maximum (r runs to 0), converged is false');

-- the published CDNOW fit
CREATE TEMP TABLE raw(line text);
\copy raw FROM PROGRAM 'cat "$RETENTION_SHARED_DATA/cdnow_sample.txt" 2>/dev/null || true'
CREATE TEMP TABLE orders AS
SELECT f[2]::int AS cust, to_date(f[3], 'YYYYMMDD') AS day, f[5]::float8 AS amount
FROM (SELECT regexp_split_to_array(btrim(line), '\s+') AS f FROM raw WHERE btrim(line) <> '') s;
CREATE TEMP TABLE summ AS
SELECT cust, (clv_summary(day, amount, '1997-09-30', '1 week')).* FROM orders GROUP BY cust;
CREATE TEMP TABLE fit AS
SELECT clv_pareto_test_fit(array_agg(frequency), array_agg(recency), array_agg(age), NULL) AS f FROM summ;
CREATE TEMP TABLE pfit AS
SELECT clv_fit(frequency, recency, age, monetary, 'pareto_nbd') AS m FROM summ;
CREATE TEMP TABLE pp AS SELECT clv_model_params(m) AS j FROM pfit;
-- the same fit over merged stored states, and in a parallel plan
CREATE TEMP TABLE states AS
SELECT cust % 5 AS k, clv_fit_state(frequency, recency, age, monetary) AS st FROM summ GROUP BY 1;
-- (not TEMP: parallel workers cannot read temporary tables; rolled back)
CREATE TABLE pareto_big AS SELECT s.* FROM summ s, generate_series(1, 4) g;
ALTER TABLE pareto_big SET (parallel_workers = 2);
ANALYZE pareto_big;
CREATE TEMP TABLE serial_fit AS SELECT clv_fit(frequency, recency, age, monetary, 'pareto_nbd')::text AS m FROM pareto_big;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
CREATE TEMP TABLE plan AS
SELECT string_agg(l, E'\n') AS p FROM pg_temp.explain_lines(
    $$SELECT clv_fit(frequency, recency, age, monetary, 'pareto_nbd') FROM pareto_big$$) l;
CREATE TEMP TABLE parallel_fit AS SELECT clv_fit(frequency, recency, age, monetary, 'pareto_nbd')::text AS m FROM pareto_big;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- the binary form (COPY BINARY) of a fitted model
CREATE TEMP TABLE bin_out AS SELECT m FROM pfit;
CREATE TEMP TABLE bin_in (LIKE bin_out);
\copy bin_out TO '/tmp/retention_pareto_test.bin' (FORMAT binary)
\copy bin_in FROM '/tmp/retention_pareto_test.bin' (FORMAT binary)
\! rm -f /tmp/retention_pareto_test.bin

SELECT CASE WHEN (SELECT count(*) FROM raw) = 0 THEN skip('CDNOW data absent', 12)
ELSE collect_tap(ARRAY[
    is((SELECT ARRAY[round((j->>'r')::numeric, 3), round((j->>'alpha')::numeric, 3), round((j->>'s')::numeric, 3),
                     round((j->>'beta')::numeric, 3)] FROM pp),
       '{0.553,10.578,0.606,11.669}'::numeric[],
       'CDNOW: clv_fit(..., ''pareto_nbd''): r 0.553, alpha 10.578, s 0.606, beta 11.669 (Fader, Hardie & Lee 2005)'),
    is((SELECT round((j->>'ll')::numeric, 1) FROM pp), -9595.0,
       'CDNOW: log-likelihood -9595.0 (CLVTools -9594.98)'),
    is((SELECT j->>'converged' FROM pp), 'true', 'CDNOW: the fit converged'),
    is((SELECT ARRAY[pg_temp.sig3((j->'se'->>'r')::float8), pg_temp.sig3((j->'se'->>'alpha')::float8),
                     pg_temp.sig3((j->'se'->>'s')::float8), pg_temp.sig3((j->'se'->>'beta')::float8)] FROM pp),
       '{0.0476,0.843,0.187,6.21}'::numeric[],
       'CDNOW: standard errors 0.0476, 0.843, 0.187, 6.21 (scipy, finite-difference Hessian)'),
    ok((SELECT abs((j->>'r')::float8 - f[1]) < 1e-12 AND abs((j->>'ll')::float8 - f[5]) < 1e-9 FROM pp, fit),
       'CDNOW: clv_fit(..., ''pareto_nbd'') is the Pareto/NBD fit'),
    ok((SELECT (clv_pareto_test_fit(array_agg(frequency), array_agg(recency), array_agg(age), (SELECT f[1:4] FROM fit)))[2] < 1e-5
        FROM summ), 'CDNOW: analytic gradient = central differences at the optimum'),
    ok((SELECT (clv_pareto_test_fit(array_agg(frequency), array_agg(recency), array_agg(age),
                                    '{0.553,10.578,0.606,11.669}'))[1] <= (SELECT f[5] FROM fit)
        FROM summ), 'CDNOW: the published (rounded) parameters are no more likely than the fit'),
    is((SELECT clv_fit(st, 'pareto_nbd')::text FROM states), (SELECT m::text FROM pfit),
       'CDNOW: the fit over five merged stored states = the fit over the rows'),
    ok((SELECT p LIKE '%Gather%' AND p LIKE '%Partial Aggregate%' FROM plan),
       'CDNOW x 4: the forced parallel plan has Gather and Partial Aggregate'),
    is((SELECT m FROM parallel_fit), (SELECT m FROM serial_fit), 'CDNOW x 4: parallel fit = serial fit'),
    is((SELECT m::text FROM pfit)::clv_model::text, (SELECT m::text FROM pfit),
       'CDNOW: the fitted Pareto/NBD model (with "se"): text round trip'),
    is((SELECT m::text FROM bin_in), (SELECT m::text FROM bin_out),
       'CDNOW: the fitted Pareto/NBD model: binary send/receive round trip')
]) END;

SELECT * FROM finish();
ROLLBACK;
