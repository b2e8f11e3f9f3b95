-- Descriptive customer lifetime value: clv_simple and
-- saas_ltv.  Gross margin is a fraction 0..1; churn_rate a percentage.

CREATE FUNCTION @extschema@.clv_simple(avg_order_value pg_catalog.float8,
    purchases_per_year pg_catalog.float8, lifespan_years pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_simple'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_simple(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'Descriptive customer lifetime value: avg_order_value * purchases_per_year * lifespan_years';

CREATE FUNCTION @extschema@.clv_simple(avg_order_value pg_catalog.float8,
    purchases_per_year pg_catalog.float8, lifespan_years pg_catalog.float8,
    gross_margin pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_simple'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_simple(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'Descriptive customer lifetime value with margin: avg_order_value * purchases_per_year * lifespan_years * gross_margin (a fraction 0..1)';

CREATE FUNCTION @extschema@.saas_ltv(arpa pg_catalog.float8, churn_rate pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'saas_ltv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.saas_ltv(pg_catalog.float8, pg_catalog.float8) IS
    'Subscription lifetime value: arpa / (churn_rate / 100), churn_rate in percent per period of arpa; NULL at zero churn';

CREATE FUNCTION @extschema@.saas_ltv(arpa pg_catalog.float8, churn_rate pg_catalog.float8,
    gross_margin pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'saas_ltv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.saas_ltv(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'Subscription lifetime value: arpa * gross_margin (a fraction 0..1) / (churn_rate / 100), churn_rate in percent per period of arpa; NULL at zero churn';
