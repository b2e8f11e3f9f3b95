-- pgTAP tests of health_score.
BEGIN;
SELECT plan(30);

-- ---------- values, NULLs ----------
SELECT is(health_score('{80,60}', '{1,1}'), 70::float8, 'equal weights: the mean');
SELECT is(health_score('{80,NULL,60}', '{1,5,3}'), 65::float8, 'a NULL component is skipped, the weights renormalised');
SELECT is(health_score('{42}', '{0.001}'), 42::float8, 'one component');
SELECT is(health_score('{NULL,NULL}', '{1,2}'), NULL, 'all components NULL is NULL');
SELECT is(health_score('{}', '{}'), NULL, 'empty arrays are NULL');
SELECT is(health_score(NULL, '{1}'), NULL, 'NULL components array is NULL');
SELECT is(health_score('{1}', NULL), NULL, 'NULL weights array is NULL');
SELECT is(health_score('{100,0,50}', '{1,0,1}'), 75::float8, 'a zero weight leaves its component out');
SELECT is(health_score('{NULL,50}', '{0,2}'), 50::float8, 'a NULL component may have weight 0');
SELECT is(health_score('[5:6]={20,40}', '{1,3}'), 35::float8, 'arrays are paired by position, whatever their lower bounds');

-- ---------- extreme values ----------
SELECT is(health_score('{0,100}', '{1e308,1e308}'), 50::float8, 'huge weights do not overflow');
SELECT is(health_score('{0,100}', '{1e-308,3e-308}'), 75::float8, 'tiny weights still weigh');
SELECT is(health_score('{100,100,100}', '{0.1,0.2,0.3}'), 100::float8, 'the maximum stays 100');
SELECT is(health_score('{0,0}', '{1,1}'), 0::float8, 'the minimum is 0');

-- ---------- bad input ----------
SELECT throws_ok($$SELECT health_score('{80,NULL,60}', '{1,5}')$$, '22023', 'components has 3 elements but weights has 2',
                 'lengths differ: 22023');
SELECT throws_ok($$SELECT health_score('{101}', '{1}')$$, '22003', NULL, 'a component above 100: 22003');
SELECT throws_ok($$SELECT health_score('{-0.5}', '{1}')$$, '22003', NULL, 'a negative component: 22003');
SELECT throws_ok($$SELECT health_score('{NaN}', '{1}')$$, '22003', NULL, 'a NaN component: 22003');
SELECT throws_ok($$SELECT health_score('{Infinity}', '{1}')$$, '22003', NULL, 'an infinite component: 22003');
SELECT throws_ok($$SELECT health_score('{50}', '{-1}')$$, '22023', NULL, 'a negative weight: 22023');
SELECT throws_ok($$SELECT health_score('{50}', '{NaN}')$$, '22023', NULL, 'a NaN weight: 22023');
SELECT throws_ok($$SELECT health_score('{50}', '{Infinity}')$$, '22023', NULL, 'an infinite weight: 22023');
SELECT throws_ok($$SELECT health_score('{50,NULL}', '{1,NULL}')$$, '22023', NULL, 'a NULL weight: 22023');
SELECT throws_ok($$SELECT health_score('{50,60}', '{0,0}')$$, '22023', 'every weight of a non-null component is zero',
                 'all weights zero: 22023');
SELECT throws_ok($$SELECT health_score('{50,NULL}', '{0,1}')$$, '22023', NULL,
                 'all weights of the usable components zero: 22023');
SELECT throws_ok($$SELECT health_score('{{50,60}}', '{{1,1}}')$$, '22023', 'components has 2 dimensions',
                 'two-dimensional components: 22023');
SELECT throws_ok($$SELECT health_score('{50,60}', '{{1,1}}')$$, '22023', 'weights has 2 dimensions',
                 'two-dimensional weights: 22023');
SELECT throws_ok($$SELECT health_score('{50,NULL}', '{-1,1}')$$, '22023', NULL,
                 'a negative weight is an error even where the component is NULL');

-- ---------- differential against plain SQL on random arrays ----------
SELECT setseed(0.7);
CREATE TEMP TABLE h AS
SELECT i, array_agg(CASE WHEN random() < 0.2 THEN NULL ELSE round((random() * 100)::numeric, 3)::float8 END ORDER BY k) AS c,
          array_agg(CASE WHEN random() < 0.1 THEN 0 ELSE random() * 10 END ORDER BY k) AS w
FROM generate_series(1, 3000) i, generate_series(1, 1 + i % 6) k
GROUP BY i;
-- rows where every usable weight is zero would be errors; leave them out of the formula check
SELECT is((SELECT count(*) FROM (
             SELECT h.i, health_score(c, w) AS s,
                    (SELECT sum(cc * ww) / NULLIF(sum(ww), 0) FROM unnest(c, w) u(cc, ww) WHERE cc IS NOT NULL) AS p,
                    (SELECT count(*) FROM unnest(c) u(cc) WHERE cc IS NOT NULL) AS n
             FROM h
             WHERE (SELECT count(*) FROM unnest(c, w) u(cc, ww) WHERE cc IS NOT NULL) = 0
                OR (SELECT sum(ww) FROM unnest(c, w) u(cc, ww) WHERE cc IS NOT NULL) > 0) x
           WHERE (n = 0 AND s IS NOT NULL) OR (n > 0 AND abs(s - p) > 1e-9)), 0::bigint,
          'health_score equals the plain-SQL weighted mean on 3000 random arrays');
SELECT ok((SELECT count(*) FROM h WHERE (SELECT count(*) FROM unnest(c) u(cc) WHERE cc IS NOT NULL) = 0) > 0,
          'the random arrays include all-NULL components');

SELECT * FROM finish();
ROLLBACK;
