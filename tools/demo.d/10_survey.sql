-- Survey metrics: a year of answers to an NPS, a CSAT and a CES question, by
-- channel and product, generated deterministically.  Not every customer
-- answers every question (NULLs), and the mood differs by channel and drifts
-- over the year, so the numbers have something to show.
\echo
\echo '=== Survey metrics: NPS, CSAT, CES ==='

SELECT setseed(0.42) \g /dev/null
CREATE TABLE survey_answers AS
SELECT answered_at,
       channel,
       product,
       -- NPS: skewed by channel and improving over the year; 8% skipped
       CASE WHEN u1 < 0.08 THEN NULL
            ELSE least(10, greatest(0, round(6.5 + bias + 2.0 * month_frac
                                             + 2.6 * (u2 + u3 + u4 - 1.5))))::int END AS nps_score,
       -- CSAT on 1..5; 15% skipped
       CASE WHEN u5 < 0.15 THEN NULL
            ELSE least(5, greatest(1, round(3.6 + bias / 2 + 1.4 * (u6 + u2 - 1))))::int END AS csat_score,
       -- CES on 1..7 (lower is less effort); 25% skipped
       CASE WHEN u7 < 0.25 THEN NULL
            ELSE least(7, greatest(1, round(3.2 - bias / 2 + 2.0 * (u3 + u6 - 1))))::int END AS ces_score
FROM (
    SELECT timestamptz '2025-01-01 00:00+00' + random() * interval '365 days' AS answered_at,
           (ARRAY['email', 'in-app', 'phone', 'chat'])[1 + floor(random() * 4)::int] AS channel,
           (ARRAY['Basic', 'Pro', 'Enterprise'])[1 + floor(random() * 3)::int] AS product,
           random() AS u1, random() AS u2, random() AS u3, random() AS u4,
           random() AS u5, random() AS u6, random() AS u7, g
    FROM generate_series(1, 20000) AS g
) r,
LATERAL (SELECT CASE channel WHEN 'phone' THEN 1.0 WHEN 'chat' THEN 0.5
                             WHEN 'email' THEN -0.8 ELSE 0 END AS bias,
                extract(doy FROM answered_at) / 365.0 AS month_frac) b;

\echo
\echo 'By month (NPS -100..100, CSAT % satisfied, CES mean effort 1..7):'
SELECT to_char(date_trunc('month', answered_at), 'YYYY-MM') AS month,
       count(*) AS answers,
       round(nps(nps_score)::numeric, 1) AS nps,
       round(csat(csat_score)::numeric, 1) AS csat,
       round(ces(ces_score)::numeric, 2) AS ces
FROM survey_answers GROUP BY 1 ORDER BY 1;

\echo 'By channel:'
SELECT channel,
       round(nps(nps_score)::numeric, 1) AS nps,
       round(csat(csat_score)::numeric, 1) AS csat,
       round(ces(ces_score)::numeric, 2) AS ces
FROM survey_answers GROUP BY 1 ORDER BY nps DESC;

\echo 'NPS distribution by product:'
SELECT product, (b).responses, (b).promoters, (b).passives, (b).detractors, round((b).nps::numeric, 1) AS nps
FROM (SELECT product, nps_breakdown(nps_state(nps_score)) AS b FROM survey_answers GROUP BY 1) t
ORDER BY 1;

\echo 'Rolling 30-day NPS (last day of each month shown):'
SELECT day, round(rolling_nps::numeric, 1) AS rolling_30_day_nps
FROM (
    SELECT day, nps(s) OVER (ORDER BY day RANGE BETWEEN interval '29 days' PRECEDING AND CURRENT ROW) AS rolling_nps
    FROM (SELECT answered_at::date AS day, nps_state(nps_score) AS s
          FROM survey_answers GROUP BY 1) daily
) w
WHERE day = (date_trunc('month', day) + interval '1 month - 1 day')::date
ORDER BY day;

\echo 'Rollup: daily states stored once, any period read from them:'
CREATE TABLE survey_daily AS
SELECT answered_at::date AS day, channel, nps_state(nps_score) AS nps
FROM survey_answers GROUP BY 1, 2;
SELECT to_char(date_trunc('quarter', day), 'YYYY-"Q"Q') AS quarter,
       round(nps(nps)::numeric, 1) AS nps,
       nps_state(nps) AS merged_state
FROM survey_daily GROUP BY 1 ORDER BY 1;
