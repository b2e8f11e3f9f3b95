-- Validation of the predictive CLV on the CDNOW sample (2 357 customers),
-- against the published results: Fader, Hardie & Lee (2005) for BG/NBD,
-- Fader & Hardie (2013) for Gamma-Gamma.  Calibration ends 1997-09-30
-- (39 weeks), the unit is one week, weeks 40-78 are the holdout.
-- Skipped cleanly when ../shared/data is absent.
BEGIN;
SELECT plan(15);
SET LOCAL TimeZone = 'UTC';

CREATE TEMP TABLE raw(line text);
\copy raw FROM PROGRAM 'cat "$RETENTION_SHARED_DATA/cdnow_sample.txt" 2>/dev/null || true'

CREATE TEMP TABLE orders AS
SELECT f[2]::int AS cust, to_date(f[3], 'YYYYMMDD') AS day, f[5]::float8 AS amount
FROM (SELECT regexp_split_to_array(btrim(line), '\s+') AS f FROM raw WHERE btrim(line) <> '') s;

-- clv_summary, both forms
CREATE TEMP TABLE summ AS
SELECT cust, (clv_summary(day, amount, '1997-09-30', '1 week')).* FROM orders GROUP BY cust;
CREATE TEMP TABLE summ_tz AS
SELECT cust, (clv_summary(day::timestamptz, amount, '1997-09-30'::timestamptz, '7 days')).*
FROM orders GROUP BY cust;

-- the same summary in plain SQL
CREATE TEMP TABLE plain AS
WITH days AS (
    SELECT cust, day, sum(amount) AS amount FROM orders
    WHERE day <= '1997-09-30' GROUP BY cust, day),
f AS (SELECT cust, min(day) AS first, max(day) AS last, count(*) - 1 AS frequency,
             sum(amount) AS total FROM days GROUP BY cust)
SELECT f.cust, f.frequency::int AS frequency, (f.last - f.first) / 7.0 AS recency,
       ('1997-09-30'::date - f.first) / 7.0 AS age,
       CASE WHEN f.frequency = 0 THEN 0
            ELSE (f.total - d.amount) / f.frequency END AS monetary
FROM f JOIN days d ON d.cust = f.cust AND d.day = f.first;

CREATE TEMP TABLE model AS
SELECT clv_fit(frequency, recency, age, monetary) AS m FROM summ;
CREATE TEMP TABLE p AS SELECT clv_model_params(m) AS j FROM model;

-- holdout: purchase days in weeks 40-78 per customer
CREATE TEMP TABLE holdout AS
SELECT cust, count(DISTINCT day) AS days, count(*) AS rows FROM orders
WHERE day > '1997-09-30' AND day <= '1997-09-30'::date + 39 * 7 GROUP BY cust;
CREATE TEMP TABLE hold_cmp AS
SELECT sum(clv_expected_purchases(m, 39, frequency, recency, age)) AS expected,
       (SELECT sum(days) FROM holdout) AS actual_days,
       (SELECT sum(rows) FROM holdout) AS actual_rows
FROM summ, model;

SELECT CASE WHEN (SELECT count(*) FROM raw) = 0 THEN skip('CDNOW data absent', 15)
ELSE collect_tap(ARRAY[
    is((SELECT count(*) FROM summ), 2357::bigint, 'one summary per CDNOW sample customer'),
    is((SELECT sum(frequency) FROM summ), (SELECT sum(frequency) FROM plain),
       'total frequency equals the plain-SQL summary'),
    is((SELECT sum(frequency) FROM summ), 2457::bigint, '2 457 repeat purchase days in the calibration period'),
    is((SELECT count(*) FROM summ s JOIN plain p USING (cust)
        WHERE s.frequency = p.frequency AND abs(s.recency - p.recency) < 1e-9
          AND abs(s.age - p.age) < 1e-9 AND abs(s.monetary - p.monetary) < 1e-9),
       2357::bigint, 'every customer''s (frequency, recency, age, monetary) equals plain SQL'),
    is((SELECT count(*) FROM summ s JOIN summ_tz t USING (cust)
        WHERE (s.frequency, s.recency, s.age, s.monetary) = (t.frequency, t.recency, t.age, t.monetary)),
       2357::bigint, 'the timestamptz form gives the same summaries'),
    is((SELECT ARRAY[round((j->>'r')::numeric, 3), round((j->>'alpha')::numeric, 3),
                     round((j->>'a')::numeric, 3), round((j->>'b')::numeric, 3)] FROM p),
       ARRAY[0.243, 4.414, 0.793, 2.426], 'BG/NBD r, alpha, a, b as published (Fader, Hardie & Lee 2005)'),
    is((SELECT ARRAY[round((j->>'p')::numeric, 2), round((j->>'q')::numeric, 2),
                     round((j->>'v')::numeric, 2)] FROM p),
       ARRAY[6.25, 3.74, 15.44], 'Gamma-Gamma p, q, v as published (Fader & Hardie)'),
    is((SELECT round((j->>'ll_bgnbd')::numeric, 1) FROM p), -9582.4, 'BG/NBD log-likelihood as published'),
    is((SELECT (j->>'converged')::boolean FROM p), true, 'the fit reports convergence'),
    is((SELECT (j->>'customers')::int FROM p), 2357, 'the model counts the customers'),
    is(round(clv_expected_purchases(
           '{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"p":6.25,"q":3.74,"v":15.44}',
           39, 2, 30.43, 38.86)::numeric, 3), 1.226,
       'frequency 2, recency 30.43, age 38.86 expects 1.226 purchases in 39 weeks (published)'),
    ok((SELECT abs(expected - actual_days) / actual_days < 0.15 FROM hold_cmp),
       'expected holdout purchases (weeks 40-78) within 15% of the actual purchase days'),
    ok((SELECT sum(clv_p_alive(m, frequency, recency, age)) BETWEEN 0 AND 2357 FROM summ, model),
       'P(alive) summed over customers is a count of customers'),
    ok((SELECT bool_and(clv_predict(m, 39, frequency, recency, age, monetary, 0.01)
                        BETWEEN 0 AND 1e6) FROM summ, model WHERE frequency > 0),
       'every repeat customer has a finite, non-negative 39-week value'),
    is((SELECT count(*) FROM summ WHERE age <= 0 OR recency > age), 0::bigint,
       'every summary is a valid clv_fit input')
]) END;

SELECT diag(format('CDNOW holdout weeks 40-78: expected %s repeat purchases, actual %s purchase days (%s order rows)',
                   round(expected::numeric, 1), actual_days, actual_rows))
FROM hold_cmp WHERE (SELECT count(*) FROM raw) > 0;

SELECT * FROM finish();
ROLLBACK;
