-- pgTAP tests of retention_catalog (sql/install/90_catalog.sql): every
-- user-facing function of the extension is listed with a unit and a
-- description, support functions are not, each kind is what it says, and a
-- function added to the extension without a unit row shows up here.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(19);

SELECT has_view('retention_catalog', 'retention_catalog is a view');
SELECT columns_are('retention_catalog',
    ARRAY['metric', 'family', 'kind', 'signature', 'arguments', 'returns', 'unit', 'description', 'comment'],
    'retention_catalog has the documented columns');

-- The one that matters: a metric added without a row in the units table of
-- 90_catalog.sql is listed with a NULL unit, and fails here.
SELECT is_empty($$SELECT signature FROM retention_catalog
                   WHERE unit IS NULL OR description IS NULL OR family IS NULL$$,
    'every user-facing function has a unit, a family and a description (add a row to the units table of sql/install/90_catalog.sql)');

SELECT is_empty($$SELECT signature FROM retention_catalog WHERE comment IS NULL$$,
    'every listed function has a COMMENT');

SELECT is_empty($$SELECT signature FROM retention_catalog
                   WHERE kind NOT IN ('aggregate', 'state', 'merge', 'window', 'scalar')$$,
    'kind is aggregate, state, merge, window or scalar');

SELECT is_empty($$SELECT signature FROM retention_catalog
                   WHERE signature ~ '_(sfunc|inv|final|combine|uncombine|in|out|recv|send)\('$$,
    'support functions (I/O, transition, inverse, final, combine) are not listed');

SELECT is((SELECT count(*) FROM retention_catalog)::int,
          (SELECT count(DISTINCT signature) FROM retention_catalog)::int,
          'one row per signature');

-- Every function that is a member of the extension is either listed or a
-- support function that pg_type or pg_aggregate points at.
SELECT is_empty($$
    SELECT p.oid::regprocedure::text
      FROM pg_proc p
      JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
       AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
      JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'retention'
     WHERE p.oid::regprocedure::text NOT IN (SELECT signature FROM retention_catalog)
       AND NOT EXISTS (SELECT 1 FROM pg_aggregate a
                        WHERE p.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn,
                                        a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn))
       AND NOT EXISTS (SELECT 1 FROM pg_type t
                        WHERE p.oid IN (t.typinput, t.typoutput, t.typreceive, t.typsend))$$,
    'every other function of the extension is a support function');

-- SPEC section 1: m(args) comes with m_state(args), and every state type
-- with its two merge aggregates.
SELECT is_empty($$
    SELECT a.signature FROM retention_catalog a
     WHERE a.kind = 'aggregate'
       AND NOT EXISTS (SELECT 1 FROM retention_catalog s
                        WHERE s.kind = 'state'
                          AND substring(s.signature FROM '\(.*$') = substring(a.signature FROM '\(.*$'))$$,
    'every aggregate over rows has a state aggregate over the same arguments');
SELECT is_empty($$
    SELECT s.metric FROM retention_catalog s WHERE s.kind = 'state'
    EXCEPT
    SELECT m.metric FROM retention_catalog m WHERE m.kind = 'merge' AND m.unit = 'state'$$,
    'every state type has its state-merging aggregate');
SELECT is_empty($$
    SELECT s.returns FROM retention_catalog s WHERE s.kind = 'state'
    EXCEPT
    SELECT substring(m.signature FROM '\((.*)\)$') FROM retention_catalog m
     WHERE m.kind = 'merge' AND m.unit <> 'state'$$,
    'every state type has an aggregate that reads a metric from it');

-- What drivers and BI tools rely on: a metric is a built-in type; only
-- states, models and records (clv_customer) have the extension's own types.
SELECT is_empty($$SELECT signature, returns FROM retention_catalog
                   WHERE unit NOT IN ('state', 'model', 'record')
                     AND (to_regtype(returns) IS NULL OR to_regtype(returns)::oid >= 16384)$$,
    'every metric returns a built-in type (no custom type OID for drivers to map)');

SELECT results_eq($$
    SELECT metric, family, kind, signature, returns, unit FROM retention_catalog
     WHERE metric IN ('nps', 'nps_state', 'nps_breakdown') ORDER BY kind, signature$$,
    $$VALUES ('nps', 'survey', 'aggregate', 'nps(bigint)', 'double precision', 'score'),
             ('nps', 'survey', 'aggregate', 'nps(double precision)', 'double precision', 'score'),
             ('nps', 'survey', 'aggregate', 'nps(integer)', 'double precision', 'score'),
             ('nps', 'survey', 'aggregate', 'nps(numeric)', 'double precision', 'score'),
             ('nps', 'survey', 'aggregate', 'nps(smallint)', 'double precision', 'score'),
             ('nps', 'survey', 'merge', 'nps(nps_state)', 'double precision', 'score'),
             ('nps_state', 'survey', 'merge', 'nps_state(nps_state)', 'nps_state', 'state'),
             ('nps_breakdown', 'survey', 'scalar', 'nps_breakdown(nps_state)', 'record', 'record'),
             ('nps_state', 'survey', 'state', 'nps_state(bigint)', 'nps_state', 'state'),
             ('nps_state', 'survey', 'state', 'nps_state(double precision)', 'nps_state', 'state'),
             ('nps_state', 'survey', 'state', 'nps_state(integer)', 'nps_state', 'state'),
             ('nps_state', 'survey', 'state', 'nps_state(numeric)', 'nps_state', 'state'),
             ('nps_state', 'survey', 'state', 'nps_state(smallint)', 'nps_state', 'state')$$,
    'the NPS family: aggregate, merges, breakdown and state');

SELECT results_eq($$
    SELECT kind, signature, returns, unit FROM retention_catalog
     WHERE metric IN ('lifecycle', 'clv_fit', 'time_between_purchases') AND kind <> 'merge'
       AND signature NOT LIKE '%(text%' AND signature NOT LIKE '%(uuid%' AND signature NOT LIKE '%(bigint%'
       AND signature NOT LIKE '%(smallint%' AND signature NOT LIKE '%(numeric%'
     ORDER BY kind, signature$$,
    $$VALUES ('aggregate', 'clv_fit(clv_fit_state,text)', 'clv_model', 'model'),
             ('aggregate', 'clv_fit(double precision,double precision,double precision,double precision)', 'clv_model', 'model'),
             ('aggregate', 'clv_fit(double precision,double precision,double precision,double precision,text)', 'clv_model', 'model'),
             ('aggregate', 'time_between_purchases(integer,date)', 'interval', 'interval'),
             ('aggregate', 'time_between_purchases(integer,timestamp with time zone)', 'interval', 'interval'),
             ('window', 'lifecycle(date)', 'text', 'label'),
             ('window', 'lifecycle(date,interval)', 'text', 'label'),
             ('window', 'lifecycle(timestamp with time zone)', 'text', 'label'),
             ('window', 'lifecycle(timestamp with time zone,interval)', 'text', 'label'),
             ('window', 'lifecycle(timestamp without time zone)', 'text', 'label'),
             ('window', 'lifecycle(timestamp without time zone,interval)', 'text', 'label')$$,
    'window functions, a model-returning aggregate and an interval metric');

-- A function added to the extension without a units row is flagged.
CREATE FUNCTION public.retention_catalog_probe(score int) RETURNS float8
    LANGUAGE sql IMMUTABLE AS 'SELECT score::float8';
COMMENT ON FUNCTION public.retention_catalog_probe(int) IS 'a probe';
ALTER EXTENSION retention ADD FUNCTION public.retention_catalog_probe(int);
SELECT results_eq($$SELECT signature, kind, unit FROM retention_catalog WHERE unit IS NULL$$,
    $$VALUES ('retention_catalog_probe(integer)', 'scalar', NULL::text)$$,
    'a new function of the extension without a units row is listed with a NULL unit');
ALTER EXTENSION retention DROP FUNCTION public.retention_catalog_probe(int);
DROP FUNCTION public.retention_catalog_probe(int);

-- Independent of the search_path (the view qualifies pg_catalog).
SET LOCAL search_path = pg_catalog;
CREATE TEMP TABLE catalog_other_path AS
    SELECT count(*) AS n FROM public.retention_catalog WHERE signature LIKE 'public.nps(%';
RESET search_path;
SELECT is((SELECT n FROM catalog_other_path)::int, 6,
    'with another search_path the signatures are schema-qualified, same rows');

-- A BI role that is not the owner can read it.
CREATE ROLE retention_catalog_reader;
SET LOCAL ROLE retention_catalog_reader;
SELECT ok((SELECT count(*) FROM retention_catalog) > 150, 'a role that does not own the extension reads the catalog');
RESET ROLE;

SELECT is((SELECT count(*) FROM retention_catalog WHERE kind = 'window')::int, 6, 'six window functions (lifecycle of date, timestamptz, timestamp, each with and without a period)');
SELECT ok((SELECT count(*) FROM retention_catalog WHERE kind = 'merge') >= 18, 'merge forms listed');

SELECT * FROM finish();
ROLLBACK;
