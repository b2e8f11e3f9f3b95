-- lifecycle() window function and health_score(): documented examples and errors.
CREATE TABLE activity (customer int, period_start date);
SET DateStyle = ISO;
SET IntervalStyle = postgres;
INSERT INTO activity VALUES
  (1, '2024-01-01'), (1, '2024-02-01'), (1, '2024-04-01'), (1, '2024-05-01'),
  (2, '2024-02-01'), (2, '2024-03-01'), (2, '2024-04-01'),
  (3, '2024-03-01'), (3, NULL);
SELECT customer, period_start,
       lifecycle(period_start) OVER (PARTITION BY customer ORDER BY period_start)
FROM activity ORDER BY customer, period_start;
-- weekly periods
SELECT d, lifecycle(d, '1 week') OVER (ORDER BY d)
FROM (VALUES (DATE '2024-01-01'), (DATE '2024-01-08'), (DATE '2024-01-22')) v(d);
-- month ends step like date + interval
SELECT d, lifecycle(d) OVER (ORDER BY d)
FROM (VALUES (DATE '2024-01-31'), (DATE '2024-02-29'), (DATE '2024-03-29')) v(d);
-- growth accounting: new, retained, resurrected and churned per month, quick ratio
WITH labelled AS (
  SELECT customer, period_start,
         lifecycle(period_start) OVER (PARTITION BY customer ORDER BY period_start) AS status,
         lead(period_start) OVER (PARTITION BY customer ORDER BY period_start) AS next_start
  FROM activity WHERE period_start IS NOT NULL
), months AS (
  SELECT generate_series(min(period_start), max(period_start) + interval '1 month', '1 month')::date AS month
  FROM labelled
), counts AS (
  SELECT m.month,
         count(*) FILTER (WHERE l.period_start = m.month AND l.status = 'new') AS new,
         count(*) FILTER (WHERE l.period_start = m.month AND l.status = 'retained') AS retained,
         count(*) FILTER (WHERE l.period_start = m.month AND l.status = 'resurrected') AS resurrected,
         count(*) FILTER (WHERE l.period_start + interval '1 month' = m.month
                            AND (l.next_start IS NULL OR l.next_start > m.month)) AS churned
  FROM months m
  LEFT JOIN labelled l ON l.period_start IN (m.month, (m.month - interval '1 month')::date)
  GROUP BY m.month
)
SELECT month, new, retained, resurrected, churned,
       new + resurrected - churned AS net_growth,
       round((new + resurrected)::numeric / NULLIF(churned, 0), 2) AS quick_ratio
FROM counts ORDER BY month;
-- errors
SELECT lifecycle(d, '0 days') OVER (ORDER BY d) FROM (VALUES (DATE '2024-01-01')) v(d);
SELECT lifecycle(d, '12 hours') OVER (ORDER BY d) FROM (VALUES (DATE '2024-01-01')) v(d);
SELECT lifecycle(d) OVER (ORDER BY d) FROM (VALUES (DATE '2024-01-01'), (DATE '2024-01-01')) v(d);
SELECT lifecycle(d) OVER (ORDER BY d DESC) FROM (VALUES (DATE '2024-01-01'), (DATE '2024-02-01')) v(d);
SELECT lifecycle(d) OVER (ORDER BY d) FROM (VALUES (DATE '2024-01-01'), (DATE '2024-01-15')) v(d);
DROP TABLE activity;

-- health_score
SELECT health_score(ARRAY[80, 60, 90], ARRAY[0.5, 0.3, 0.2]) AS score;
SELECT health_score(ARRAY[80, NULL, 90], ARRAY[0.5, 0.3, 0.2]) AS score;
SELECT health_score(ARRAY[NULL, NULL]::float8[], ARRAY[1, 1]) AS score;
SELECT health_score(ARRAY[80, 60], ARRAY[1]);
SELECT health_score(ARRAY[120], ARRAY[1]);
SELECT health_score(ARRAY[80], ARRAY[-1]);
SELECT health_score(ARRAY[80, 60], ARRAY[0, 0]);
SELECT health_score(ARRAY[[80, 60]], ARRAY[[1, 1]]);
