-- The CDNOW master file (23 570 customers) as a new user would try it: one
-- customer (10244) made a $0 repeat purchase in the calibration period.
-- clv_fit, clv_predict and clv() keep that customer in the purchase model
-- and leave it out of the spend model only.  Skipped cleanly when
-- ../shared/data is absent.
BEGIN;
SELECT plan(8);
SET LOCAL TimeZone = 'UTC';
SET LOCAL client_min_messages = error;

CREATE TEMP TABLE raw(line text);
\copy raw FROM PROGRAM 'cat "$RETENTION_SHARED_DATA/cdnow_master.txt" 2>/dev/null || true'

CREATE TEMP TABLE orders AS
SELECT f[1]::int AS cust, to_date(f[2], 'YYYYMMDD') AS day, f[4]::float8 AS amount
FROM (SELECT regexp_split_to_array(btrim(line), '\s+') AS f FROM raw
      WHERE btrim(line) <> '' AND btrim(line) !~ '^customer') s;
CREATE TEMP TABLE summ AS
SELECT cust, (clv_summary(day, amount, '1997-09-30', '1 week')).* FROM orders GROUP BY cust;
CREATE TEMP TABLE fits AS
SELECT (SELECT clv_fit(frequency, recency, age, monetary) FROM summ) AS m,
       (SELECT clv_fit(frequency, recency, age, CASE WHEN cust = 10244 THEN NULL ELSE monetary END) FROM summ) AS spend_null,
       (SELECT clv_fit(frequency, recency, age, monetary) FROM summ WHERE cust <> 10244) AS without;
-- the per-customer pipeline over the calibration orders, and clv() over them
CREATE TEMP TABLE cal_summ AS
SELECT cust, (clv_summary(day, amount, (SELECT max(day) FROM orders WHERE day <= '1997-09-30'), '1 week')).*
FROM orders WHERE day <= '1997-09-30' GROUP BY cust;
CREATE TEMP TABLE cal_model AS SELECT clv_fit(frequency, recency, age, monetary) AS m FROM cal_summ;

SELECT CASE WHEN (SELECT count(*) FROM raw) = 0 THEN skip('CDNOW master file absent', 8)
ELSE collect_tap(ARRAY[
    is((SELECT count(*) FROM summ), 23570::bigint, '23 570 customers in the master file'),
    is((SELECT (frequency, monetary)::text FROM summ WHERE cust = 10244), '(1,0)',
       'customer 10244: one repeat purchase day, of $0 (plain reading of the file: 1997-03-07, 0.00)'),
    is((SELECT (j->>'customers') || ' ' || (j->>'spend_excluded') || ' ' || (j->>'converged') FROM fits, clv_model_params(m) j),
       '23570 1 true', 'clv_fit: no error; all 23 570 in the purchase model, 1 left out of the spend model, converged'),
    is((SELECT (clv_model_params(m) - 'spend_excluded')::text FROM fits),
       (SELECT (clv_model_params(spend_null) - 'spend_excluded')::text FROM fits),
       'the model is the fit with that customer''s monetary NULL (purchase model with it, spend model without), bit for bit'),
    is((SELECT ARRAY[j->>'p', j->>'q', j->>'v', j->>'ll_gg'] FROM fits, clv_model_params(m) j),
       (SELECT ARRAY[j->>'p', j->>'q', j->>'v', j->>'ll_gg'] FROM fits, clv_model_params(without) j),
       'the spend model equals the fit without that customer'),
    ok((SELECT abs(clv_predict(m, 39, frequency, recency, age, monetary, 0)
                   - clv_expected_purchases(m, 39, frequency, recency, age)
                     * (j->>'p')::float8 * (j->>'v')::float8 / ((j->>'p')::float8 + (j->>'q')::float8 - 1)) < 1e-9
        FROM summ, fits, clv_model_params(m) j WHERE cust = 10244),
       'clv_predict for customer 10244 = expected purchases × p v / (p + q - 1), the spend posterior at monetary 0'),
    is((SELECT count(*) FROM summ, fits WHERE clv_predict(m, 39, frequency, recency, age, monetary, 0.01) IS NULL),
       0::bigint, 'clv_predict gives every customer a value'),
    ok((SELECT abs(clv(cust, day::timestamptz, amount, '39 weeks')
                   - (SELECT avg(clv_predict(m, 39, frequency, recency, age, monetary, 0)) FROM cal_summ, cal_model))
               < 1e-9 * clv(cust, day::timestamptz, amount, '39 weeks')
        FROM orders WHERE day <= '1997-09-30'),
       'clv() over the calibration orders: no error, the mean of summaries → clv_fit → clv_predict')
]) END;

SELECT * FROM finish();
ROLLBACK;
