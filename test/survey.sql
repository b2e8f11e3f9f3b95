-- pgTAP tests of the survey metrics: nps, nps_breakdown, csat (three forms),
-- ces (two forms), their states and rollups.
BEGIN;
SELECT plan(88);

-- EXPLAIN output as rows, to look for Partial Aggregate.
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q; END $$;

-- Deterministic random answers: 4000 rows over 2025, 8 groups, ~7 % NULLs
-- per question, NPS skewed by group so the groups differ.
SELECT setseed(0.17);
CREATE TABLE sv (id int PRIMARY KEY, day date, grp int, nps int, csat int, csat7 int, ces int, ces5 int, ok bool);
INSERT INTO sv
SELECT i, DATE '2025-01-01' + (random() * 364)::int, g,
       CASE WHEN random() < 0.07 THEN NULL ELSE least(10, (random() * 11 + g / 4.0)::int) END,
       CASE WHEN random() < 0.07 THEN NULL ELSE 1 + floor(random() * 5)::int END,
       CASE WHEN random() < 0.07 THEN NULL ELSE 1 + floor(random() * 7)::int END,
       CASE WHEN random() < 0.07 THEN NULL ELSE 1 + floor(random() * 7)::int END,
       CASE WHEN random() < 0.07 THEN NULL ELSE 1 + floor(random() * 5)::int END,
       CASE WHEN random() < 0.07 THEN NULL ELSE random() < 0.6 END
FROM (SELECT i, (random() * 7)::int AS g FROM generate_series(1, 4000) i) s;
ANALYZE sv;

-- The plain SQL an analyst writes, per group.
CREATE VIEW plain AS
SELECT grp,
       100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / nullif(count(nps), 0) AS nps,
       100.0 * count(*) FILTER (WHERE csat >= 4) / nullif(count(csat), 0) AS csat,
       100.0 * count(*) FILTER (WHERE csat7 >= 6) / nullif(count(csat7), 0) AS csat7,
       100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0) AS ok,
       avg(ces) AS ces, avg(ces5) AS ces5
FROM sv GROUP BY grp;

CREATE VIEW ours AS
SELECT grp, nps(nps), csat(csat), csat(csat7, 7) AS csat7, csat(ok) AS ok,
       ces(ces), ces(ces5, 5) AS ces5
FROM sv GROUP BY grp;

-- rows of a and b that differ by more than 1e-9
CREATE FUNCTION pg_temp.diff(a text, b text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  EXECUTE format($q$SELECT count(*) FROM (%s) a FULL JOIN (%s) b USING (grp)
    WHERE NOT (abs(a.nps - b.nps) < 1e-9 AND abs(a.csat - b.csat) < 1e-9
               AND abs(a.csat7 - b.csat7) < 1e-9 AND abs(a.ok - b.ok) < 1e-9
               AND abs(a.ces - b.ces) < 1e-9 AND abs(a.ces5 - b.ces5) < 1e-9)$q$, a, b) INTO n;
  RETURN n;
END $$;

-- ---------- no rows ----------
SELECT is((SELECT nps(nps) FROM sv WHERE false), NULL, 'nps: no rows is NULL');
SELECT is((SELECT csat(csat) FROM sv WHERE false), NULL, 'csat: no rows is NULL');
SELECT is((SELECT csat(csat7, 7) FROM sv WHERE false), NULL, 'csat with scale: no rows is NULL');
SELECT is((SELECT csat(ok) FROM sv WHERE false), NULL, 'csat boolean: no rows is NULL');
SELECT is((SELECT ces(ces) FROM sv WHERE false), NULL, 'ces: no rows is NULL');
SELECT is((SELECT ces(ces5, 5) FROM sv WHERE false), NULL, 'ces with scale: no rows is NULL');
SELECT is((SELECT nps_state(nps)::text FROM sv WHERE false), NULL, 'nps_state: no rows is NULL');
SELECT is((SELECT nps(s) FROM (SELECT nps_state(nps) s FROM sv WHERE false) t), NULL,
          'nps(nps_state): no states is NULL');

-- ---------- one row ----------
SELECT is(nps(10), 100::float8, 'nps: one promoter is 100');
SELECT is(nps(7), 0::float8, 'nps: one passive is 0');
SELECT is(nps(0), -100::float8, 'nps: one detractor is -100');
SELECT is(csat(4), 100::float8, 'csat: 4 is satisfied');
SELECT is(csat(3), 0::float8, 'csat: 3 is not satisfied');
SELECT is(csat(6, 7), 100::float8, 'csat 1..7: 6 is a top-two box');
SELECT is(csat(5, 7), 0::float8, 'csat 1..7: 5 is not');
SELECT is(csat(1, 2), 100::float8, 'csat 1..2: both boxes are the top two');
SELECT is(csat(true), 100::float8, 'csat boolean: true');
SELECT is(csat(false), 0::float8, 'csat boolean: false');
SELECT is(ces(3), 3::float8, 'ces: one answer is itself');
SELECT is(ces(5, 5), 5::float8, 'ces 1..5: the top answer');

-- ---------- all NULL ----------
SELECT is((SELECT nps(s) FROM (VALUES (NULL::int), (NULL)) v(s)), NULL, 'nps: all NULL is NULL');
SELECT is((SELECT csat(s) FROM (VALUES (NULL::int), (NULL)) v(s)), NULL, 'csat: all NULL is NULL');
SELECT is((SELECT csat(s, 7) FROM (VALUES (NULL::int), (NULL)) v(s)), NULL, 'csat with scale: all NULL is NULL');
SELECT is((SELECT csat(s) FROM (VALUES (NULL::bool), (NULL)) v(s)), NULL, 'csat boolean: all NULL is NULL');
SELECT is((SELECT ces(s) FROM (VALUES (NULL::int), (NULL)) v(s)), NULL, 'ces: all NULL is NULL');
SELECT is((SELECT ces(s, 5) FROM (VALUES (NULL::int), (NULL)) v(s)), NULL, 'ces with scale: all NULL is NULL');
SELECT is((SELECT nps_state(s)::text FROM (VALUES (NULL::int)) v(s)),
          'v1 promoters=0 passives=0 detractors=0', 'nps_state: all NULL is an empty state');
SELECT is((SELECT csat_state(s)::text FROM (VALUES (NULL::int)) v(s)),
          'v1 responses=0 satisfied=0', 'csat_state: all NULL has no scale yet');
SELECT is((SELECT row(b.*)::text FROM nps_breakdown('v1 promoters=0 passives=0 detractors=0') b),
          '(0,0,0,0,)', 'nps_breakdown: an empty state has NULL nps');
SELECT is((SELECT csat(s, sc) FROM (VALUES (NULL::int, NULL::int), (4, 5)) v(s, sc)), 100::float8,
          'csat: a NULL answer is skipped whatever its scale');

-- ---------- NULLs mixed in ----------
SELECT is((SELECT nps(s) FROM (VALUES (10), (NULL), (9), (6), (NULL), (8)) v(s)), 25::float8,
          'nps: NULLs mixed in are skipped');
SELECT is((SELECT csat(s) FROM (VALUES (5), (NULL), (4), (3), (1)) v(s)), 50::float8,
          'csat: NULLs mixed in are skipped');
SELECT is((SELECT csat(s) FROM (VALUES (true), (NULL), (false), (true), (true)) v(s)), 75::float8,
          'csat boolean: NULLs mixed in are skipped');
SELECT is((SELECT ces(s) FROM (VALUES (1), (NULL), (2), (6)) v(s)), 3::float8,
          'ces: NULLs mixed in are skipped');
SELECT is((SELECT nps_breakdown(nps_state(s))::text
           FROM (VALUES (10), (NULL), (9), (7), (3), (0)) v(s)),
          '(5,2,1,2,0)', 'nps_breakdown: responses, promoters, passives, detractors, nps');

-- ---------- bad input ----------
SELECT throws_ok('SELECT nps(-1)', '22003', 'NPS score -1 is out of range', 'nps: -1 is 22003');
SELECT throws_ok('SELECT nps(11)', '22003', 'NPS score 11 is out of range', 'nps: 11 is 22003');
SELECT throws_ok('SELECT nps(2147483647)', '22003', NULL, 'nps: INT_MAX is 22003');
SELECT throws_ok('SELECT nps(-2147483648)', '22003', NULL, 'nps: INT_MIN is 22003');
SELECT throws_ok('SELECT csat(0)', '22003', 'CSAT score 0 is out of range', 'csat: 0 is 22003');
SELECT throws_ok('SELECT csat(6)', '22003', 'CSAT score 6 is out of range', 'csat: 6 is 22003');
SELECT throws_ok('SELECT csat(8, 7)', '22003', NULL, 'csat 1..7: 8 is 22003');
SELECT throws_ok('SELECT csat(1, 1)', '22023', 'scale_max 1 is out of range', 'csat: scale 1 is 22023');
SELECT throws_ok('SELECT csat(1, -5)', '22023', NULL, 'csat: negative scale is 22023');
SELECT throws_ok('SELECT csat(1, NULL)', '22004', 'scale_max must not be null', 'csat: NULL scale is 22004');
SELECT throws_ok('SELECT ces(0)', '22003', 'CES score 0 is out of range', 'ces: 0 is 22003');
SELECT throws_ok('SELECT ces(8)', '22003', 'CES score 8 is out of range', 'ces: 8 is 22003');
SELECT throws_ok('SELECT ces(6, 5)', '22003', NULL, 'ces 1..5: 6 is 22003');
SELECT throws_ok('SELECT ces(1, 1)', '22023', NULL, 'ces: scale 1 is 22023');
SELECT throws_ok('SELECT ces(1, NULL)', '22004', NULL, 'ces: NULL scale is 22004');
SELECT throws_ok('SELECT csat(s, sc) FROM (VALUES (1, 5), (1, 7)) v(s, sc)', '22023',
                 'csat_state scale changes within one group: 1..5 and 1..7', 'csat: scale changing within a group is 22023');
SELECT throws_ok('SELECT ces(s, sc) FROM (VALUES (1, 5), (1, 7)) v(s, sc)', '22023', NULL,
                 'ces: scale changing within a group is 22023');
SELECT throws_ok($$SELECT csat(s) FROM (VALUES ((SELECT csat_state(4))), ((SELECT csat_state(4, 7)))) v(s)$$, '22023', NULL,
                 'csat: merging states of different scales is 22023');
SELECT throws_ok($$SELECT csat(s) FROM (VALUES ((SELECT csat_state(4))), ((SELECT csat_state(true)))) v(s)$$, '22023',
                 'csat_state scale changes within one group: 1..5 and boolean answers',
                 'csat: a boolean state and a 1..5 state do not merge');
SELECT throws_ok($$SELECT ces(s) FROM (VALUES ((SELECT ces_state(4))), ((SELECT ces_state(4, 5)))) v(s)$$, '22023', NULL,
                 'ces: merging states of different scales is 22023');

-- ---------- extreme values ----------
SELECT is(csat(2147483647, 2147483647), 100::float8, 'csat: the largest scale and answer');
SELECT is(ces(2147483647, 2147483647), 2147483647::float8, 'ces: the largest scale and answer');
SELECT is(nps('v1 promoters=9223372036854775807 passives=0 detractors=0'::nps_state), 100::float8,
          'nps: a state with INT64_MAX promoters');
SELECT throws_ok($$SELECT nps_state(s) FROM (VALUES ('v1 promoters=9223372036854775807 passives=0 detractors=0'::nps_state),
                   ('v1 promoters=1 passives=0 detractors=0')) v(s)$$, '22003', NULL,
                 'nps: merging states past INT64_MAX is 22003, not a wrap-around');
SELECT is(ces('v1 responses=4611686018427387903 total=9223372036854775806 scale_max=7'::ces_state), 2::float8,
          'ces: totals near INT64_MAX');

-- ---------- differential against plain SQL ----------
SELECT is(pg_temp.diff('SELECT * FROM ours', 'SELECT * FROM plain'), 0::bigint,
          'all survey metrics equal the plain-SQL formulas on 4000 random rows in 8 groups');
SELECT is((SELECT count(*) FROM ours), 8::bigint, 'the differential compares 8 groups');
SELECT ok((SELECT count(DISTINCT round(nps::numeric, 6)) FROM ours) > 4, 'the groups'' NPS differ');

-- ---------- parallel plans ----------
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL enable_indexscan = off;
SET LOCAL enable_bitmapscan = off;
ALTER TABLE sv SET (parallel_workers = 2);
SELECT ok(EXISTS (SELECT 1 FROM pg_temp.plan_of('SELECT grp, nps(nps), csat(csat), ces(ces) FROM sv GROUP BY grp') p
                  WHERE p LIKE '%Partial%Aggregate%'), 'a forced parallel plan has a Partial Aggregate');
CREATE TEMP TABLE par AS SELECT * FROM ours;
CREATE TEMP TABLE par_states AS
SELECT grp, nps_state(nps)::text AS n, csat_state(csat)::text AS c, csat_state(ok)::text AS o,
       ces_state(ces)::text AS e FROM sv GROUP BY grp;
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT is(pg_temp.diff('SELECT * FROM par', 'SELECT * FROM ours'), 0::bigint,
          'parallel results equal serial ones');
SELECT is((SELECT count(*) FROM par_states p JOIN (
             SELECT grp, nps_state(nps)::text AS n, csat_state(csat)::text AS c, csat_state(ok)::text AS o,
                    ces_state(ces)::text AS e FROM sv GROUP BY grp) s
           ON s.grp = p.grp AND s.n = p.n AND s.c = p.c AND s.o = p.o AND s.e = p.e), 8::bigint,
          'parallel states equal serial states, exactly');

-- ---------- partitionwise aggregation ----------
CREATE TABLE svp (LIKE sv) PARTITION BY HASH (id);
CREATE TABLE svp0 PARTITION OF svp FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE svp1 PARTITION OF svp FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE svp2 PARTITION OF svp FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO svp SELECT * FROM sv;
ANALYZE svp;
SET LOCAL enable_partitionwise_aggregate = on;
SELECT ok(EXISTS (SELECT 1 FROM pg_temp.plan_of('SELECT grp, nps(nps) FROM svp GROUP BY grp') p
                  WHERE p LIKE '%Partial%Aggregate%'), 'partitionwise plan aggregates each partition partially');
SELECT is(pg_temp.diff(
  'SELECT grp, nps(nps), csat(csat), csat(csat7, 7) AS csat7, csat(ok) AS ok, ces(ces), ces(ces5, 5) AS ces5 FROM svp GROUP BY grp',
  'SELECT * FROM plain'), 0::bigint, 'partitionwise results equal the plain SQL');
RESET enable_partitionwise_aggregate;

-- ---------- windows ----------
-- A sliding ROWS frame (inverse transitions) against the plain SQL of each frame.
SELECT is((SELECT count(*) FROM (
    SELECT id, nps(nps) OVER w AS n, csat(csat) OVER w AS c, csat(ok) OVER w AS o, ces(ces) OVER w AS e,
           csat(csat7, 7) OVER w AS c7, ces(ces5, 5) OVER w AS e5
    FROM sv WINDOW w AS (ORDER BY id ROWS BETWEEN 50 PRECEDING AND CURRENT ROW)) x
  JOIN LATERAL (
    SELECT 100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / nullif(count(nps), 0) AS n,
           100.0 * count(*) FILTER (WHERE csat >= 4) / nullif(count(csat), 0) AS c,
           100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0) AS o,
           avg(ces) AS e,
           100.0 * count(*) FILTER (WHERE csat7 >= 6) / nullif(count(csat7), 0) AS c7,
           avg(ces5) AS e5
    FROM sv s WHERE s.id BETWEEN x.id - 50 AND x.id) p ON true
  WHERE NOT (abs(x.n - p.n) < 1e-9 AND abs(x.c - p.c) < 1e-9 AND abs(x.o - p.o) < 1e-9
             AND abs(x.e - p.e) < 1e-9 AND abs(x.c7 - p.c7) < 1e-9 AND abs(x.e5 - p.e5) < 1e-9)),
  0::bigint, 'ROWS BETWEEN 50 PRECEDING AND CURRENT ROW equals the plain SQL of every frame');

-- A RANGE frame of 30 days over dated rows.
SELECT is((SELECT count(*) FROM (
    SELECT DISTINCT day, nps(nps) OVER w AS n, ces(ces) OVER w AS e
    FROM sv WINDOW w AS (ORDER BY day RANGE BETWEEN interval '29 days' PRECEDING AND CURRENT ROW)) x
  JOIN LATERAL (
    SELECT 100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / nullif(count(nps), 0) AS n,
           avg(ces) AS e
    FROM sv s WHERE s.day BETWEEN x.day - 29 AND x.day) p ON true
  WHERE NOT (abs(x.n - p.n) < 1e-9 AND abs(x.e - p.e) < 1e-9)),
  0::bigint, 'RANGE BETWEEN 29 days PRECEDING equals the plain SQL of every frame');

-- Frames growing from UNBOUNDED PRECEDING never remove a row (no inverse).
SELECT is((SELECT count(*) FROM (
    SELECT id, nps(nps) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n FROM sv) x
  JOIN LATERAL (
    SELECT 100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / nullif(count(nps), 0) AS n
    FROM sv s WHERE s.id <= x.id) p ON true
  WHERE NOT abs(x.n - p.n) < 1e-9), 0::bigint, 'an UNBOUNDED PRECEDING frame equals the plain SQL');

-- A frame whose head moves (1 FOLLOWING .. 3 FOLLOWING) and that can be empty.
SELECT is((SELECT count(*) FROM (
    SELECT id, csat(ok) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) AS o FROM sv) x
  JOIN LATERAL (
    SELECT 100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0) AS o
    FROM sv s WHERE s.id BETWEEN x.id + 1 AND x.id + 3) p ON true
  WHERE x.o IS DISTINCT FROM p.o AND NOT abs(x.o - p.o) < 1e-9), 0::bigint,
  'a frame ahead of the row, empty at the end, equals the plain SQL (NULL where empty)');

-- Sliding windows over stored daily states (uncombine) equal the raw-row window.
CREATE TEMP TABLE daily AS
SELECT day, nps_state(nps) AS n, csat_state(csat) AS c, ces_state(ces) AS e FROM sv GROUP BY day;
SELECT is((SELECT count(*) FROM (
    SELECT day, nps(n) OVER w AS n, csat(c) OVER w AS c, ces(e) OVER w AS e
    FROM daily WINDOW w AS (ORDER BY day RANGE BETWEEN interval '6 days' PRECEDING AND CURRENT ROW)) x
  JOIN (SELECT DISTINCT day, nps(nps) OVER w AS n, csat(csat) OVER w AS c, ces(ces) OVER w AS e
        FROM sv WINDOW w AS (ORDER BY day RANGE BETWEEN interval '6 days' PRECEDING AND CURRENT ROW)) y USING (day)
  WHERE NOT (abs(x.n - y.n) < 1e-9 AND abs(x.c - y.c) < 1e-9 AND abs(x.e - y.e) < 1e-9)), 0::bigint,
  'a 7-day window over stored daily states equals the window over raw rows');
SELECT is((SELECT count(*) FROM (
    SELECT day, nps_state(n) OVER (ORDER BY day ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)::text AS s FROM daily) x
  JOIN LATERAL (SELECT nps_state(d.n)::text AS s FROM daily d
                WHERE d.day IN (SELECT day FROM daily dd WHERE dd.day <= x.day ORDER BY dd.day DESC LIMIT 4)) p ON true
  WHERE x.s <> p.s), 0::bigint, 'a sliding nps_state(nps_state) window equals merging each frame');

-- ---------- rollups ----------
CREATE TEMP TABLE rollup AS
SELECT day, grp, nps_state(nps) AS n, csat_state(csat) AS c, csat_state(csat7, 7) AS c7,
       csat_state(ok) AS o, ces_state(ces) AS e, ces_state(ces5, 5) AS e5
FROM sv GROUP BY day, grp;
SELECT is((SELECT count(*) FROM (
    SELECT date_trunc('month', day) AS m, nps(n), csat(c), csat(c7) AS c7, csat(o) AS o, ces(e), ces(e5) AS e5
    FROM rollup GROUP BY 1) r
  FULL JOIN (
    SELECT date_trunc('month', day) AS m, nps(nps), csat(csat), csat(csat7, 7) AS c7, csat(ok) AS o,
           ces(ces), ces(ces5, 5) AS e5
    FROM sv GROUP BY 1) d USING (m)
  WHERE NOT (r.nps = d.nps AND r.csat = d.csat AND r.c7 = d.c7 AND r.o = d.o AND r.ces = d.ces AND r.e5 = d.e5)),
  0::bigint, 'daily states merged per month equal the direct monthly metrics, exactly');
SELECT is((SELECT nps(s) FROM (SELECT date_trunc('month', day), nps_state(n) AS s FROM rollup GROUP BY 1) m),
          (SELECT nps(nps) FROM sv), 'months merged from days (nps_state(nps_state)) merge again to the year');
SELECT is((SELECT nps_state(s)::text FROM (SELECT grp, nps_state(n) AS s FROM rollup GROUP BY 1) m),
          (SELECT nps_state(nps)::text FROM sv), 'a two-level rollup gives the same state as the raw rows');

-- ---------- state text round trip ----------
SELECT is((SELECT nps_state(nps)::text::nps_state::text FROM sv), (SELECT nps_state(nps)::text FROM sv),
          'nps_state text round trip');
SELECT is((SELECT csat_state(csat7, 7)::text FROM sv WHERE id < 50),
          (SELECT format('v1 responses=%s satisfied=%s scale_max=7', count(csat7), count(*) FILTER (WHERE csat7 >= 6))
           FROM sv WHERE id < 50), 'csat_state text shows responses, satisfied and the scale');
SELECT is((SELECT csat_state(ok)::text FROM sv WHERE id < 50),
          (SELECT format('v1 responses=%s satisfied=%s scale_max=0', count(ok), count(*) FILTER (WHERE ok))
           FROM sv WHERE id < 50), 'a boolean csat_state has scale_max=0');
SELECT is((SELECT ces_state(ces)::text FROM sv WHERE id < 50),
          (SELECT format('v1 responses=%s total=%s scale_max=7', count(ces), sum(ces)) FROM sv WHERE id < 50),
          'ces_state text shows responses, the sum of answers and the scale');
SELECT is(nps('v1 detractors=1 promoters=3 passives=0'::nps_state), 50::float8,
          'state fields may come in any order');
SELECT is(nps_state_combine('v1 promoters=1 passives=2 detractors=3', 'v1 promoters=4 passives=5 detractors=6')::text,
          'v1 promoters=5 passives=7 detractors=9', 'combine adds the counts');
SELECT is(nps_state_uncombine('v1 promoters=5 passives=7 detractors=9', 'v1 promoters=4 passives=5 detractors=6')::text,
          'v1 promoters=1 passives=2 detractors=3', 'uncombine removes them');
SELECT throws_ok($$SELECT nps_state_uncombine('v1 promoters=0 passives=0 detractors=0', 'v1 promoters=1 passives=0 detractors=0')$$,
                 '22023', NULL, 'uncombine of a state that was not added is an error');
SELECT is(nps_inv(nps_sfunc(NULL, 10), 10)::text, 'v1 promoters=0 passives=0 detractors=0',
          'the inverse transition undoes the transition');
SELECT throws_ok($$SELECT nps_inv('v1 promoters=0 passives=0 detractors=0', 10)$$, '22023', NULL,
                 'removing an answer that was not added is an error');
SELECT is((SELECT nps_breakdown(nps_state(nps)) FROM sv)::text,
          (SELECT format('(%s,%s,%s,%s,%s)', count(nps), count(*) FILTER (WHERE nps >= 9),
                         count(*) FILTER (WHERE nps BETWEEN 7 AND 8), count(*) FILTER (WHERE nps <= 6),
                         nps(nps)) FROM sv), 'nps_breakdown over the random table');

SELECT * FROM finish();
ROLLBACK;
