-- Customer-base models for contractual churn and discrete opportunities
-- (SPEC section 11): the shifted-beta-geometric model (sBG, Fader & Hardie
-- 2007) fitted to a cohort's survivor counts, with its survival, retention
-- and DERL projections; src/sbg.c.

-- sbg_fit_state ---------------------------------------------------------
CREATE TYPE @extschema@.sbg_fit_state;

CREATE FUNCTION @extschema@.sbg_fit_state_in(pg_catalog.cstring)
RETURNS @extschema@.sbg_fit_state AS 'MODULE_PATHNAME', 'sbg_fit_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.sbg_fit_state_out(@extschema@.sbg_fit_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'sbg_fit_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.sbg_fit_state_recv(pg_catalog.internal)
RETURNS @extschema@.sbg_fit_state AS 'MODULE_PATHNAME', 'sbg_fit_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.sbg_fit_state_send(@extschema@.sbg_fit_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'sbg_fit_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.sbg_fit_state (
    INPUT = @extschema@.sbg_fit_state_in,
    OUTPUT = @extschema@.sbg_fit_state_out,
    RECEIVE = @extschema@.sbg_fit_state_recv,
    SEND = @extschema@.sbg_fit_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.sbg_fit_state IS
    'Partial sbg_fit: customers still active by period (0, 1, ...), with the rows that gave them';
COMMENT ON FUNCTION @extschema@.sbg_fit_state_in(pg_catalog.cstring) IS
    'Input function of sbg_fit_state (validates everything)';
COMMENT ON FUNCTION @extschema@.sbg_fit_state_out(@extschema@.sbg_fit_state) IS
    'Output function of sbg_fit_state';
COMMENT ON FUNCTION @extschema@.sbg_fit_state_recv(pg_catalog.internal) IS
    'Binary input function of sbg_fit_state (validates everything)';
COMMENT ON FUNCTION @extschema@.sbg_fit_state_send(@extschema@.sbg_fit_state) IS
    'Binary output function of sbg_fit_state';

CREATE FUNCTION @extschema@.sbg_fit_state_combine(@extschema@.sbg_fit_state, @extschema@.sbg_fit_state)
RETURNS @extschema@.sbg_fit_state AS 'MODULE_PATHNAME', 'sbg_fit_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_fit_state_combine(@extschema@.sbg_fit_state, @extschema@.sbg_fit_state) IS
    'Merges two sbg_fit_state values (the combine function of every aggregate over sbg_fit_state)';

CREATE FUNCTION @extschema@.sbg_fit_state_uncombine(@extschema@.sbg_fit_state, @extschema@.sbg_fit_state)
RETURNS @extschema@.sbg_fit_state AS 'MODULE_PATHNAME', 'sbg_fit_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_fit_state_uncombine(@extschema@.sbg_fit_state, @extschema@.sbg_fit_state) IS
    'Removes the second sbg_fit_state from the first (inverse of the combine, for sliding windows)';

-- sbg_model -------------------------------------------------------------
CREATE TYPE @extschema@.sbg_model;

CREATE FUNCTION @extschema@.sbg_model_in(pg_catalog.cstring) RETURNS @extschema@.sbg_model
    AS 'MODULE_PATHNAME', 'sbg_model_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.sbg_model_out(@extschema@.sbg_model) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'sbg_model_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.sbg_model_recv(pg_catalog.internal) RETURNS @extschema@.sbg_model
    AS 'MODULE_PATHNAME', 'sbg_model_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.sbg_model_send(@extschema@.sbg_model) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'sbg_model_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.sbg_model (
    INPUT = @extschema@.sbg_model_in, OUTPUT = @extschema@.sbg_model_out,
    RECEIVE = @extschema@.sbg_model_recv, SEND = @extschema@.sbg_model_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.sbg_model IS
    'Fitted (or hand-written) shifted-beta-geometric churn model: alpha, beta and the fit''s log-likelihood, standard errors and counts; text form is a JSON object';
COMMENT ON FUNCTION @extschema@.sbg_model_in(pg_catalog.cstring) IS
    'Input function of sbg_model (JSON text, validated)';
COMMENT ON FUNCTION @extschema@.sbg_model_out(@extschema@.sbg_model) IS
    'Output function of sbg_model (JSON text)';
COMMENT ON FUNCTION @extschema@.sbg_model_recv(pg_catalog.internal) IS
    'Binary input function of sbg_model (validated)';
COMMENT ON FUNCTION @extschema@.sbg_model_send(@extschema@.sbg_model) IS
    'Binary output function of sbg_model';

CREATE FUNCTION @extschema@.sbg_model_params(model @extschema@.sbg_model) RETURNS pg_catalog.jsonb
    AS 'MODULE_PATHNAME', 'sbg_model_params' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_params(@extschema@.sbg_model) IS
    'An sbg_model''s alpha, beta, log-likelihood (ll), standard errors (se), convergence flag, customers at period 0 and last period fitted, as jsonb';

-- sbg_fit ---------------------------------------------------------------
CREATE FUNCTION @extschema@.sbg_fit_sfunc(@extschema@.sbg_fit_state, period pg_catalog.int4, customers pg_catalog.int8)
RETURNS @extschema@.sbg_fit_state AS 'MODULE_PATHNAME', 'sbg_fit_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_fit_sfunc(@extschema@.sbg_fit_state, pg_catalog.int4, pg_catalog.int8) IS
    'Adds a row (period int4, customers int8) to an sbg_fit_state';

CREATE FUNCTION @extschema@.sbg_fit_inv(@extschema@.sbg_fit_state, period pg_catalog.int4, customers pg_catalog.int8)
RETURNS @extschema@.sbg_fit_state AS 'MODULE_PATHNAME', 'sbg_fit_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_fit_inv(@extschema@.sbg_fit_state, pg_catalog.int4, pg_catalog.int8) IS
    'Removes a row (period int4, customers int8) from an sbg_fit_state: the inverse transition, for sliding windows';

CREATE FUNCTION @extschema@.sbg_fit_final(@extschema@.sbg_fit_state)
RETURNS @extschema@.sbg_model AS 'MODULE_PATHNAME', 'sbg_fit_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_fit_final(@extschema@.sbg_fit_state) IS
    'The sBG model fitted by maximum likelihood to an sbg_fit_state (NULL with a WARNING when the fit does not converge)';

CREATE AGGREGATE @extschema@.sbg_fit(period pg_catalog.int4, customers pg_catalog.int8) (
    SFUNC = @extschema@.sbg_fit_sfunc,
    STYPE = @extschema@.sbg_fit_state,
    FINALFUNC = @extschema@.sbg_fit_final,
    COMBINEFUNC = @extschema@.sbg_fit_state_combine,
    MSFUNC = @extschema@.sbg_fit_sfunc,
    MINVFUNC = @extschema@.sbg_fit_inv,
    MSTYPE = @extschema@.sbg_fit_state,
    MFINALFUNC = @extschema@.sbg_fit_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sbg_fit(pg_catalog.int4, pg_catalog.int8) IS
    'Shifted-beta-geometric model (Fader & Hardie 2007) fitted by maximum likelihood to one cohort''s rows (period, customers still active at its start), as an sbg_model';

CREATE AGGREGATE @extschema@.sbg_fit_state(period pg_catalog.int4, customers pg_catalog.int8) (
    SFUNC = @extschema@.sbg_fit_sfunc,
    STYPE = @extschema@.sbg_fit_state,
    COMBINEFUNC = @extschema@.sbg_fit_state_combine,
    MSFUNC = @extschema@.sbg_fit_sfunc,
    MINVFUNC = @extschema@.sbg_fit_inv,
    MSTYPE = @extschema@.sbg_fit_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sbg_fit_state(pg_catalog.int4, pg_catalog.int8) IS
    'The sbg_fit_state of rows (period int4, customers int8), for rollups: store it, then fit with sbg_fit(sbg_fit_state), or merge states with sbg_fit_state(sbg_fit_state)';

CREATE AGGREGATE @extschema@.sbg_fit(@extschema@.sbg_fit_state) (
    SFUNC = @extschema@.sbg_fit_state_combine,
    STYPE = @extschema@.sbg_fit_state,
    FINALFUNC = @extschema@.sbg_fit_final,
    COMBINEFUNC = @extschema@.sbg_fit_state_combine,
    MSFUNC = @extschema@.sbg_fit_state_combine,
    MINVFUNC = @extschema@.sbg_fit_state_uncombine,
    MSTYPE = @extschema@.sbg_fit_state,
    MFINALFUNC = @extschema@.sbg_fit_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sbg_fit(@extschema@.sbg_fit_state) IS
    'Shifted-beta-geometric model fitted by maximum likelihood, merging stored sbg_fit_state values';

CREATE AGGREGATE @extschema@.sbg_fit_state(@extschema@.sbg_fit_state) (
    SFUNC = @extschema@.sbg_fit_state_combine,
    STYPE = @extschema@.sbg_fit_state,
    COMBINEFUNC = @extschema@.sbg_fit_state_combine,
    MSFUNC = @extschema@.sbg_fit_state_combine,
    MINVFUNC = @extschema@.sbg_fit_state_uncombine,
    MSTYPE = @extschema@.sbg_fit_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sbg_fit_state(@extschema@.sbg_fit_state) IS
    'Merges stored sbg_fit_state values into one (multi-level rollups)';

-- sBG projections -------------------------------------------------------
CREATE FUNCTION @extschema@.sbg_survival(model @extschema@.sbg_model, t pg_catalog.int4)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'sbg_survival'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_survival(@extschema@.sbg_model, pg_catalog.int4) IS
    'sBG probability (0 to 1) that a customer is still active at the start of period t: B(alpha, beta + t) / B(alpha, beta)';

CREATE FUNCTION @extschema@.sbg_retention(model @extschema@.sbg_model, t pg_catalog.int4)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'sbg_retention'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_retention(@extschema@.sbg_model, pg_catalog.int4) IS
    'sBG retention rate of period t (t >= 1) as a probability: S(t) / S(t - 1) = (beta + t - 1) / (alpha + beta + t - 1)';

CREATE FUNCTION @extschema@.sbg_derl(model @extschema@.sbg_model, discount pg_catalog.float8, renewals pg_catalog.int4)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'sbg_derl'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_derl(@extschema@.sbg_model, pg_catalog.float8, pg_catalog.int4) IS
    'sBG discounted expected residual lifetime, in payments, of a customer who has renewed renewals times, just before the next renewal (Fader & Hardie 2010); discount per period; NULL when infinite (discount 0 and alpha <= 1)';
