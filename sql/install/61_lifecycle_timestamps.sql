-- lifecycle over period starts kept as timestamps (issue 24):
-- date_trunc('month', ordered_at) returns a timestamptz for a timestamptz
-- column and a timestamp for a timestamp one, and neither casts to date
-- implicitly.  The labels are those of lifecycle(date); the step is
-- timestamp + interval, so the timestamptz form follows the session's
-- TimeZone as date_trunc does (STABLE), and a period may have a time part
-- ('1 hour').  One C entry point per type (src/lifecycle_timestamps.c).

CREATE FUNCTION @extschema@.lifecycle(period_start pg_catalog.timestamptz)
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'lifecycle_timestamptz'
LANGUAGE C STABLE WINDOW PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lifecycle(pg_catalog.timestamptz) IS
    'Window function over one row per active customer and month, OVER (PARTITION BY customer ORDER BY period_start): new, retained (previous period_start + 1 month, in the session time zone, = this one) or resurrected';

CREATE FUNCTION @extschema@.lifecycle(period_start pg_catalog.timestamptz, period pg_catalog.interval)
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'lifecycle_timestamptz'
LANGUAGE C STABLE WINDOW PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lifecycle(pg_catalog.timestamptz, pg_catalog.interval) IS
    'Window function over one row per active customer and period, OVER (PARTITION BY customer ORDER BY period_start): new, retained (previous period_start + period, in the session time zone, = this one) or resurrected';

CREATE FUNCTION @extschema@.lifecycle(period_start pg_catalog.timestamp)
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'lifecycle_timestamp'
LANGUAGE C IMMUTABLE WINDOW PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lifecycle(pg_catalog.timestamp) IS
    'Window function over one row per active customer and month, OVER (PARTITION BY customer ORDER BY period_start): new, retained (previous period_start + 1 month = this one) or resurrected';

CREATE FUNCTION @extschema@.lifecycle(period_start pg_catalog.timestamp, period pg_catalog.interval)
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'lifecycle_timestamp'
LANGUAGE C IMMUTABLE WINDOW PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lifecycle(pg_catalog.timestamp, pg_catalog.interval) IS
    'Window function over one row per active customer and period, OVER (PARTITION BY customer ORDER BY period_start): new, retained (previous period_start + period = this one) or resurrected';
