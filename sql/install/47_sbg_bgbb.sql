-- Customer-base models for contractual churn and discrete opportunities
-- (SPEC section 11): the shifted-beta-geometric model (sBG, Fader & Hardie
-- 2007) fitted to a cohort's survivor counts, with its survival, retention
-- and DERL projections (src/sbg.c); the beta-geometric/beta-Bernoulli model
-- (BG/BB, Fader, Hardie & Shang 2010) fitted to (frequency, recency,
-- periods) patterns, with P(alive), expected transactions and DERT
-- (src/bgbb.c).

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

-- bgbb_fit_state --------------------------------------------------------
CREATE TYPE @extschema@.bgbb_fit_state;

CREATE FUNCTION @extschema@.bgbb_fit_state_in(pg_catalog.cstring)
RETURNS @extschema@.bgbb_fit_state AS 'MODULE_PATHNAME', 'bgbb_fit_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.bgbb_fit_state_out(@extschema@.bgbb_fit_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'bgbb_fit_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.bgbb_fit_state_recv(pg_catalog.internal)
RETURNS @extschema@.bgbb_fit_state AS 'MODULE_PATHNAME', 'bgbb_fit_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.bgbb_fit_state_send(@extschema@.bgbb_fit_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'bgbb_fit_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.bgbb_fit_state (
    INPUT = @extschema@.bgbb_fit_state_in,
    OUTPUT = @extschema@.bgbb_fit_state_out,
    RECEIVE = @extschema@.bgbb_fit_state_recv,
    SEND = @extschema@.bgbb_fit_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.bgbb_fit_state IS
    'Partial bgbb_fit: customers by (frequency, recency, periods) pattern, with the rows that gave them';
COMMENT ON FUNCTION @extschema@.bgbb_fit_state_in(pg_catalog.cstring) IS
    'Input function of bgbb_fit_state (validates everything)';
COMMENT ON FUNCTION @extschema@.bgbb_fit_state_out(@extschema@.bgbb_fit_state) IS
    'Output function of bgbb_fit_state';
COMMENT ON FUNCTION @extschema@.bgbb_fit_state_recv(pg_catalog.internal) IS
    'Binary input function of bgbb_fit_state (validates everything)';
COMMENT ON FUNCTION @extschema@.bgbb_fit_state_send(@extschema@.bgbb_fit_state) IS
    'Binary output function of bgbb_fit_state';

CREATE FUNCTION @extschema@.bgbb_fit_state_combine(@extschema@.bgbb_fit_state, @extschema@.bgbb_fit_state)
RETURNS @extschema@.bgbb_fit_state AS 'MODULE_PATHNAME', 'bgbb_fit_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgbb_fit_state_combine(@extschema@.bgbb_fit_state, @extschema@.bgbb_fit_state) IS
    'Merges two bgbb_fit_state values (the combine function of every aggregate over bgbb_fit_state)';

CREATE FUNCTION @extschema@.bgbb_fit_state_uncombine(@extschema@.bgbb_fit_state, @extschema@.bgbb_fit_state)
RETURNS @extschema@.bgbb_fit_state AS 'MODULE_PATHNAME', 'bgbb_fit_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgbb_fit_state_uncombine(@extschema@.bgbb_fit_state, @extschema@.bgbb_fit_state) IS
    'Removes the second bgbb_fit_state from the first (inverse of the combine, for sliding windows)';

-- bgbb_model ------------------------------------------------------------
CREATE TYPE @extschema@.bgbb_model;

CREATE FUNCTION @extschema@.bgbb_model_in(pg_catalog.cstring) RETURNS @extschema@.bgbb_model
    AS 'MODULE_PATHNAME', 'bgbb_model_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.bgbb_model_out(@extschema@.bgbb_model) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'bgbb_model_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.bgbb_model_recv(pg_catalog.internal) RETURNS @extschema@.bgbb_model
    AS 'MODULE_PATHNAME', 'bgbb_model_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.bgbb_model_send(@extschema@.bgbb_model) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'bgbb_model_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.bgbb_model (
    INPUT = @extschema@.bgbb_model_in, OUTPUT = @extschema@.bgbb_model_out,
    RECEIVE = @extschema@.bgbb_model_recv, SEND = @extschema@.bgbb_model_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
COMMENT ON TYPE @extschema@.bgbb_model IS
    'Fitted (or hand-written) BG/BB model: alpha, beta, gamma, delta and the fit''s log-likelihood, standard errors and customer count; text form is a JSON object';
COMMENT ON FUNCTION @extschema@.bgbb_model_in(pg_catalog.cstring) IS
    'Input function of bgbb_model (JSON text, validated)';
COMMENT ON FUNCTION @extschema@.bgbb_model_out(@extschema@.bgbb_model) IS
    'Output function of bgbb_model (JSON text)';
COMMENT ON FUNCTION @extschema@.bgbb_model_recv(pg_catalog.internal) IS
    'Binary input function of bgbb_model (validated)';
COMMENT ON FUNCTION @extschema@.bgbb_model_send(@extschema@.bgbb_model) IS
    'Binary output function of bgbb_model';

CREATE FUNCTION @extschema@.bgbb_model_params(model @extschema@.bgbb_model) RETURNS pg_catalog.jsonb
    AS 'MODULE_PATHNAME', 'bgbb_model_params' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgbb_model_params(@extschema@.bgbb_model) IS
    'A bgbb_model''s alpha, beta, gamma, delta, log-likelihood (ll), standard errors (se), convergence flag and customers fitted, as jsonb';

-- bgbb_fit --------------------------------------------------------------
CREATE FUNCTION @extschema@.bgbb_fit_sfunc(@extschema@.bgbb_fit_state, frequency pg_catalog.int4, recency pg_catalog.int4, periods pg_catalog.int4, customers pg_catalog.int8)
RETURNS @extschema@.bgbb_fit_state AS 'MODULE_PATHNAME', 'bgbb_fit_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgbb_fit_sfunc(@extschema@.bgbb_fit_state, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int8) IS
    'Adds a row (frequency int4, recency int4, periods int4, customers int8) to a bgbb_fit_state';

CREATE FUNCTION @extschema@.bgbb_fit_inv(@extschema@.bgbb_fit_state, frequency pg_catalog.int4, recency pg_catalog.int4, periods pg_catalog.int4, customers pg_catalog.int8)
RETURNS @extschema@.bgbb_fit_state AS 'MODULE_PATHNAME', 'bgbb_fit_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgbb_fit_inv(@extschema@.bgbb_fit_state, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int8) IS
    'Removes a row (frequency int4, recency int4, periods int4, customers int8) from a bgbb_fit_state: the inverse transition, for sliding windows';

CREATE FUNCTION @extschema@.bgbb_fit_final(@extschema@.bgbb_fit_state)
RETURNS @extschema@.bgbb_model AS 'MODULE_PATHNAME', 'bgbb_fit_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgbb_fit_final(@extschema@.bgbb_fit_state) IS
    'The BG/BB model fitted by maximum likelihood to a bgbb_fit_state (NULL with a WARNING when the fit does not converge)';

CREATE AGGREGATE @extschema@.bgbb_fit(frequency pg_catalog.int4, recency pg_catalog.int4, periods pg_catalog.int4, customers pg_catalog.int8) (
    SFUNC = @extschema@.bgbb_fit_sfunc,
    STYPE = @extschema@.bgbb_fit_state,
    FINALFUNC = @extschema@.bgbb_fit_final,
    COMBINEFUNC = @extschema@.bgbb_fit_state_combine,
    MSFUNC = @extschema@.bgbb_fit_sfunc,
    MINVFUNC = @extschema@.bgbb_fit_inv,
    MSTYPE = @extschema@.bgbb_fit_state,
    MFINALFUNC = @extschema@.bgbb_fit_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.bgbb_fit(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int8) IS
    'BG/BB model (Fader, Hardie & Shang 2010) fitted by maximum likelihood to rows (frequency, recency, periods, customers with that pattern), as a bgbb_model';

CREATE AGGREGATE @extschema@.bgbb_fit_state(frequency pg_catalog.int4, recency pg_catalog.int4, periods pg_catalog.int4, customers pg_catalog.int8) (
    SFUNC = @extschema@.bgbb_fit_sfunc,
    STYPE = @extschema@.bgbb_fit_state,
    COMBINEFUNC = @extschema@.bgbb_fit_state_combine,
    MSFUNC = @extschema@.bgbb_fit_sfunc,
    MINVFUNC = @extschema@.bgbb_fit_inv,
    MSTYPE = @extschema@.bgbb_fit_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.bgbb_fit_state(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int8) IS
    'The bgbb_fit_state of rows (frequency int4, recency int4, periods int4, customers int8), for rollups: store it, then fit with bgbb_fit(bgbb_fit_state), or merge states with bgbb_fit_state(bgbb_fit_state)';

CREATE AGGREGATE @extschema@.bgbb_fit(@extschema@.bgbb_fit_state) (
    SFUNC = @extschema@.bgbb_fit_state_combine,
    STYPE = @extschema@.bgbb_fit_state,
    FINALFUNC = @extschema@.bgbb_fit_final,
    COMBINEFUNC = @extschema@.bgbb_fit_state_combine,
    MSFUNC = @extschema@.bgbb_fit_state_combine,
    MINVFUNC = @extschema@.bgbb_fit_state_uncombine,
    MSTYPE = @extschema@.bgbb_fit_state,
    MFINALFUNC = @extschema@.bgbb_fit_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.bgbb_fit(@extschema@.bgbb_fit_state) IS
    'BG/BB model fitted by maximum likelihood, merging stored bgbb_fit_state values';

CREATE AGGREGATE @extschema@.bgbb_fit_state(@extschema@.bgbb_fit_state) (
    SFUNC = @extschema@.bgbb_fit_state_combine,
    STYPE = @extschema@.bgbb_fit_state,
    COMBINEFUNC = @extschema@.bgbb_fit_state_combine,
    MSFUNC = @extschema@.bgbb_fit_state_combine,
    MINVFUNC = @extschema@.bgbb_fit_state_uncombine,
    MSTYPE = @extschema@.bgbb_fit_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.bgbb_fit_state(@extschema@.bgbb_fit_state) IS
    'Merges stored bgbb_fit_state values into one (multi-level rollups)';

-- BG/BB per customer ----------------------------------------------------
CREATE FUNCTION @extschema@.bgbb_p_alive(model @extschema@.bgbb_model,
    frequency pg_catalog.int4, recency pg_catalog.int4, periods pg_catalog.int4)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'bgbb_p_alive'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgbb_p_alive(@extschema@.bgbb_model, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
    'BG/BB probability (0 to 1) that a customer with frequency transactions in periods opportunities, the last at opportunity recency, is alive at the next opportunity';

CREATE FUNCTION @extschema@.bgbb_expected_purchases(model @extschema@.bgbb_model, t pg_catalog.int4,
    frequency pg_catalog.int4, recency pg_catalog.int4, periods pg_catalog.int4)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'bgbb_expected_purchases'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgbb_expected_purchases(@extschema@.bgbb_model, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
    'BG/BB expected number of transactions in the next t opportunities of a customer with this frequency, recency and periods (Fader, Hardie & Shang 2010, equation 13)';

CREATE FUNCTION @extschema@.bgbb_dert(model @extschema@.bgbb_model, discount pg_catalog.float8,
    frequency pg_catalog.int4, recency pg_catalog.int4, periods pg_catalog.int4)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'bgbb_dert'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgbb_dert(@extschema@.bgbb_model, pg_catalog.float8, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
    'BG/BB discounted expected residual transactions of a customer with this frequency, recency and periods (Fader, Hardie & Shang 2010, equation 14); discount per opportunity; NULL when infinite (discount 0 and gamma <= 1)';
