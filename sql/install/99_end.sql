
-- The declaration helpers are only for this script.
DROP FUNCTION @extschema@.retention_define_state(text, text);
DROP FUNCTION @extschema@.retention_define_final(text, text, text, text, text);
DROP FUNCTION @extschema@.retention_define_metric(text, text, text, text, text, text, text);
