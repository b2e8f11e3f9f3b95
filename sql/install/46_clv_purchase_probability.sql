-- Predictive customer lifetime value, new in 1.2: the probability of n
-- purchases of a new customer (BG/NBD).

CREATE FUNCTION @extschema@.clv_purchase_probability(model @extschema@.clv_model, t pg_catalog.float8,
    n pg_catalog.int4)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'clv_purchase_probability'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_purchase_probability(@extschema@.clv_model, pg_catalog.float8, pg_catalog.int4) IS
    'BG/NBD probability (0 to 1) that a new customer makes exactly n purchases in the first t time units, P(X(t) = n)';
