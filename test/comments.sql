-- pgTAP: every object of the extension carries a COMMENT (issue 24, SPEC
-- section 1), so that \df+, \dT+ and BI tools browsing the schema show what
-- each one is, support and I/O functions included.  Generic over the
-- catalogs: whatever kind of object a later version adds is covered.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(5);

-- The members of the extension, of every kind, with their comments.
CREATE TEMP VIEW members AS
SELECT d.classid::regclass::text AS catalog, d.objid,
       pg_describe_object(d.classid, d.objid, 0) AS object,
       obj_description(d.objid, d.classid::regclass::text) AS comment
  FROM pg_depend d
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'retention'
 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e';

SELECT ok((SELECT count(*) FROM members) > 500, 'the members of the extension are found');
SELECT is_empty($$SELECT object FROM members WHERE comment IS NULL OR btrim(comment) = ''$$,
    'every object of the extension has a comment');
SELECT is_empty($$SELECT object, comment FROM members WHERE array_length(regexp_split_to_array(btrim(comment), '\s+'), 1) < 3$$,
    'every comment says something (three words or more)');
-- The I/O functions of each state type name the type they serve.
SELECT is_empty($$
    SELECT m.object FROM members m JOIN pg_type t ON m.catalog = 'pg_proc'
       AND m.objid IN (t.typinput, t.typoutput, t.typreceive, t.typsend)
     WHERE position(t.typname IN m.comment) = 0$$,
    'every I/O function''s comment names its type');
-- Transition, inverse, final and combine functions name the state they serve.
SELECT is_empty($$
    SELECT m.object FROM members m
      JOIN pg_aggregate a ON m.catalog = 'pg_proc'
       AND m.objid IN (a.aggtransfn, a.aggminvtransfn, a.aggfinalfn, a.aggcombinefn)
      JOIN pg_type t ON t.oid = a.aggtranstype
     WHERE position(t.typname IN m.comment) = 0$$,
    'every support function''s comment names the state it serves');

SELECT * FROM finish();
ROLLBACK;
