-- Survey metrics: worked examples, errors and state texts (pg_regress).
-- The exhaustive checks are in test/survey.sql (pgTAP).
SET extra_float_digits = 0;
SET DateStyle = ISO;

CREATE TABLE answers (answered_at date, channel text, nps int, csat int, ces int, ok bool);
INSERT INTO answers VALUES
  ('2026-01-03', 'email', 10, 5, 2, true), ('2026-01-04', 'email', 6, 3, 5, false),
  ('2026-01-09', 'chat',   9, 4, NULL, true), ('2026-02-01', 'chat', 8, NULL, 3, NULL),
  ('2026-02-02', 'phone',  NULL, 1, 7, false), ('2026-02-15', 'phone', 3, 2, 6, true);

SELECT channel, nps(nps), csat(csat), csat(ok) AS csat_bool, round(ces(ces)::numeric, 3) AS ces
FROM answers GROUP BY channel ORDER BY channel;

SELECT date_trunc('month', answered_at)::date AS month, nps_state(nps), csat_state(csat), ces_state(ces)
FROM answers GROUP BY 1 ORDER BY 1;

SELECT (nps_breakdown(nps_state(nps))).* FROM answers;

-- rolling, over raw rows and over stored daily states
SELECT answered_at,
       nps(nps) OVER w AS rolling_nps,
       nps(s) OVER w AS from_states
FROM (SELECT answered_at, nps, nps_state(nps) OVER (PARTITION BY answered_at) AS s FROM answers) a
WINDOW w AS (ORDER BY answered_at RANGE BETWEEN interval '29 days' PRECEDING AND CURRENT ROW)
ORDER BY answered_at;

-- scales
SELECT csat(s, 7) AS csat7, ces(s, 7) AS ces7 FROM unnest(ARRAY[7, 6, 5, 1]) s;
SELECT csat_state(s, 10) FROM unnest(ARRAY[10, 9, 1, NULL]) s;

-- empty groups and NULLs
SELECT nps(s), csat(s), ces(s), nps_state(s), csat_state(s) FROM unnest(ARRAY[]::int[]) s;
SELECT nps(s), csat(s), ces(s), nps_state(s), csat_state(s) FROM unnest(ARRAY[NULL, NULL]::int[]) s;

-- errors
SELECT nps(11);
SELECT nps(-1);
SELECT csat(6);
SELECT csat(3, 1);
SELECT csat(3, NULL);
SELECT ces(8);
SELECT csat(s, sc) FROM (VALUES (4, 5), (4, 7)) v(s, sc);
SELECT csat(s) FROM (VALUES ((SELECT csat_state(true))), ((SELECT csat_state(4)))) v(s);

-- malformed states
SELECT 'v1 promoters=1 passives=2'::nps_state;
SELECT 'v2 promoters=1 passives=2 detractors=3'::nps_state;
SELECT 'v1 promoters=-1 passives=2 detractors=3'::nps_state;
SELECT 'v1 responses=2 satisfied=3 scale_max=5'::csat_state;
SELECT 'v1 responses=2 total=30 scale_max=7'::ces_state;
SELECT 'promoters=1'::nps_state;
