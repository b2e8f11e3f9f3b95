-- Lifecycle and health score.

CREATE FUNCTION @extschema@.lifecycle(period_start pg_catalog.date)
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'lifecycle'
LANGUAGE C IMMUTABLE WINDOW PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lifecycle(pg_catalog.date) IS
    'Window function over one row per active customer and month, OVER (PARTITION BY customer ORDER BY period_start): new, retained (active the month before) or resurrected';

CREATE FUNCTION @extschema@.lifecycle(period_start pg_catalog.date, period pg_catalog.interval)
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'lifecycle'
LANGUAGE C IMMUTABLE WINDOW PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lifecycle(pg_catalog.date, pg_catalog.interval) IS
    'Window function over one row per active customer and period, OVER (PARTITION BY customer ORDER BY period_start): new, retained (previous period_start + period = this one) or resurrected';

CREATE FUNCTION @extschema@.health_score(components pg_catalog.float8[], weights pg_catalog.float8[])
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'health_score'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.health_score(pg_catalog.float8[], pg_catalog.float8[]) IS
    'Weighted mean of health components (each 0-100); NULL components skipped and the weights renormalised';
