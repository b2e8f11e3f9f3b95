-- Predictive customer lifetime value, new in 1.2: the choice of purchase
-- model in clv_fit ('bgnbd', 'mbgnbd', 'pareto_nbd').  The model is
-- recorded in the clv_fit_state (so that parallel workers and Citus carry
-- it) and in the clv_model; the predictions follow the model's kind.

CREATE FUNCTION @extschema@.clv_fit_model_sfunc(@extschema@.clv_fit_state, frequency pg_catalog.float8,
    recency pg_catalog.float8, age pg_catalog.float8, monetary pg_catalog.float8, model pg_catalog.text)
RETURNS @extschema@.clv_fit_state AS 'MODULE_PATHNAME', 'clv_fit_model_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_fit_model_sfunc(@extschema@.clv_fit_state, pg_catalog.float8,
    pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
    'Adds a row (frequency, recency, age, monetary) and the model name to a clv_fit_state';

CREATE FUNCTION @extschema@.clv_fit_model_inv(@extschema@.clv_fit_state, frequency pg_catalog.float8,
    recency pg_catalog.float8, age pg_catalog.float8, monetary pg_catalog.float8, model pg_catalog.text)
RETURNS @extschema@.clv_fit_state AS 'MODULE_PATHNAME', 'clv_fit_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_fit_model_inv(@extschema@.clv_fit_state, pg_catalog.float8,
    pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
    'Removes a row from a clv_fit_state of clv_fit(…, model): the inverse transition, for sliding windows (restarts the frame)';

CREATE AGGREGATE @extschema@.clv_fit(frequency pg_catalog.float8, recency pg_catalog.float8,
    age pg_catalog.float8, monetary pg_catalog.float8, model pg_catalog.text) (
    SFUNC = @extschema@.clv_fit_model_sfunc,
    STYPE = @extschema@.clv_fit_state,
    FINALFUNC = @extschema@.clv_fit_final,
    COMBINEFUNC = @extschema@.clv_fit_state_combine,
    MSFUNC = @extschema@.clv_fit_model_sfunc,
    MINVFUNC = @extschema@.clv_fit_model_inv,
    MSTYPE = @extschema@.clv_fit_state,
    MFINALFUNC = @extschema@.clv_fit_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_fit(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8,
    pg_catalog.float8, pg_catalog.text) IS
    'Purchase model (''bgnbd'', ''mbgnbd'' or ''pareto_nbd'') and Gamma-Gamma model fitted by maximum likelihood, as a clv_model';

CREATE FUNCTION @extschema@.clv_fit_state_model_sfunc(@extschema@.clv_fit_state,
    @extschema@.clv_fit_state, model pg_catalog.text)
RETURNS @extschema@.clv_fit_state AS 'MODULE_PATHNAME', 'clv_fit_state_model_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_fit_state_model_sfunc(@extschema@.clv_fit_state,
    @extschema@.clv_fit_state, pg_catalog.text) IS
    'Merges a stored clv_fit_state into another and records the model name (transition of clv_fit(clv_fit_state, model))';

CREATE FUNCTION @extschema@.clv_fit_state_model_inv(@extschema@.clv_fit_state,
    @extschema@.clv_fit_state, model pg_catalog.text)
RETURNS @extschema@.clv_fit_state AS 'MODULE_PATHNAME', 'clv_fit_state_uncombine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv_fit_state_model_inv(@extschema@.clv_fit_state,
    @extschema@.clv_fit_state, pg_catalog.text) IS
    'Removes a stored clv_fit_state from clv_fit(clv_fit_state, model): the inverse transition, for sliding windows (restarts the frame)';

CREATE AGGREGATE @extschema@.clv_fit(@extschema@.clv_fit_state, model pg_catalog.text) (
    SFUNC = @extschema@.clv_fit_state_model_sfunc,
    STYPE = @extschema@.clv_fit_state,
    FINALFUNC = @extschema@.clv_fit_final,
    COMBINEFUNC = @extschema@.clv_fit_state_combine,
    MSFUNC = @extschema@.clv_fit_state_model_sfunc,
    MINVFUNC = @extschema@.clv_fit_state_model_inv,
    MSTYPE = @extschema@.clv_fit_state,
    MFINALFUNC = @extschema@.clv_fit_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_fit(@extschema@.clv_fit_state, pg_catalog.text) IS
    'Purchase model (''bgnbd'', ''mbgnbd'' or ''pareto_nbd'') and Gamma-Gamma model fitted by maximum likelihood, merging stored clv_fit_state values';

-- m_state(args) for every m(args): the states of the two forms above,
-- recording the model (v1 model=NAME …), for rollups fitted later with
-- clv_fit(clv_fit_state).
CREATE AGGREGATE @extschema@.clv_fit_state(frequency pg_catalog.float8, recency pg_catalog.float8,
    age pg_catalog.float8, monetary pg_catalog.float8, model pg_catalog.text) (
    SFUNC = @extschema@.clv_fit_model_sfunc,
    STYPE = @extschema@.clv_fit_state,
    COMBINEFUNC = @extschema@.clv_fit_state_combine,
    MSFUNC = @extschema@.clv_fit_model_sfunc,
    MINVFUNC = @extschema@.clv_fit_model_inv,
    MSTYPE = @extschema@.clv_fit_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_fit_state(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8,
    pg_catalog.float8, pg_catalog.text) IS
    'The clv_fit_state of rows (frequency, recency, age, monetary) recording the purchase model, for rollups: store it, then fit it with clv_fit(clv_fit_state)';

CREATE AGGREGATE @extschema@.clv_fit_state(@extschema@.clv_fit_state, model pg_catalog.text) (
    SFUNC = @extschema@.clv_fit_state_model_sfunc,
    STYPE = @extschema@.clv_fit_state,
    COMBINEFUNC = @extschema@.clv_fit_state_combine,
    MSFUNC = @extschema@.clv_fit_state_model_sfunc,
    MINVFUNC = @extschema@.clv_fit_state_model_inv,
    MSTYPE = @extschema@.clv_fit_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.clv_fit_state(@extschema@.clv_fit_state, pg_catalog.text) IS
    'Merges stored clv_fit_state values into one recording the purchase model (multi-level rollups)';
