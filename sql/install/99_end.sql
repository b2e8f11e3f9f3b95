
-- The declaration helpers are only for this script.
DROP FUNCTION @extschema@.retention_define_state(pg_catalog.text, pg_catalog.text);
DROP FUNCTION @extschema@.retention_define_final(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text);
DROP FUNCTION @extschema@.retention_define_metric(pg_catalog.text, pg_catalog.text, pg_catalog.text,
    pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text);
