-- Days Sales Outstanding: dso over invoices (date and
-- timestamptz periods), dso on known figures, avg_days_to_pay.  Amounts are
-- summed exactly as int64 fixed-point in units of 1/10000 (src/dso.c).
CREATE TYPE @extschema@.dso_state;

CREATE FUNCTION @extschema@.dso_state_in(pg_catalog.cstring)
RETURNS @extschema@.dso_state AS 'MODULE_PATHNAME', 'dso_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.dso_state_out(@extschema@.dso_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'dso_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.dso_state_recv(pg_catalog.internal)
RETURNS @extschema@.dso_state AS 'MODULE_PATHNAME', 'dso_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.dso_state_send(@extschema@.dso_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'dso_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.dso_state (
    INPUT = @extschema@.dso_state_in,
    OUTPUT = @extschema@.dso_state_out,
    RECEIVE = @extschema@.dso_state_recv,
    SEND = @extschema@.dso_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.dso_state IS
    'Partial Days Sales Outstanding over a daterange period: receivables and credit sales (in 1/10000 units) and the period';
COMMENT ON FUNCTION @extschema@.dso_state_in(pg_catalog.cstring) IS
    'Input function of dso_state (validates everything)';
COMMENT ON FUNCTION @extschema@.dso_state_out(@extschema@.dso_state) IS
    'Output function of dso_state';
COMMENT ON FUNCTION @extschema@.dso_state_recv(pg_catalog.internal) IS
    'Binary input function of dso_state (validates everything)';
COMMENT ON FUNCTION @extschema@.dso_state_send(@extschema@.dso_state) IS
    'Binary output function of dso_state';

CREATE FUNCTION @extschema@.dso_state_combine(@extschema@.dso_state, @extschema@.dso_state)
RETURNS @extschema@.dso_state AS 'MODULE_PATHNAME', 'dso_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_state_combine(@extschema@.dso_state, @extschema@.dso_state) IS
    'Merges two dso_state values (the combine function of every aggregate over dso_state)';

CREATE FUNCTION @extschema@.dso_state_uncombine(@extschema@.dso_state, @extschema@.dso_state)
RETURNS @extschema@.dso_state AS 'MODULE_PATHNAME', 'dso_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_state_uncombine(@extschema@.dso_state, @extschema@.dso_state) IS
    'Removes the second dso_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.dso_state(@extschema@.dso_state) (
    SFUNC = @extschema@.dso_state_combine,
    STYPE = @extschema@.dso_state,
    COMBINEFUNC = @extschema@.dso_state_combine,
    MSFUNC = @extschema@.dso_state_combine,
    MINVFUNC = @extschema@.dso_state_uncombine,
    MSTYPE = @extschema@.dso_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_state(@extschema@.dso_state) IS
    'Merges stored dso_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.dso_final(@extschema@.dso_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'dso_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_final(@extschema@.dso_state) IS
    'Days Sales Outstanding: receivables / credit sales * days in the period, from a dso_state';

CREATE AGGREGATE @extschema@.dso(@extschema@.dso_state) (
    SFUNC = @extschema@.dso_state_combine,
    STYPE = @extschema@.dso_state,
    FINALFUNC = @extschema@.dso_final,
    COMBINEFUNC = @extschema@.dso_state_combine,
    MSFUNC = @extschema@.dso_state_combine,
    MINVFUNC = @extschema@.dso_state_uncombine,
    MSTYPE = @extschema@.dso_state,
    MFINALFUNC = @extschema@.dso_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso(@extschema@.dso_state) IS
    'Days Sales Outstanding: receivables / credit sales * days in the period, merging stored dso_state values';

CREATE FUNCTION @extschema@.dso_sfunc(@extschema@.dso_state, amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.dso_state AS 'MODULE_PATHNAME', 'dso_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_sfunc(@extschema@.dso_state, amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Adds a row (amount numeric, issued_on date, paid_on date, period daterange) to a dso_state';

CREATE FUNCTION @extschema@.dso_inv(@extschema@.dso_state, amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.dso_state AS 'MODULE_PATHNAME', 'dso_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_inv(@extschema@.dso_state, amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Removes a row (amount numeric, issued_on date, paid_on date, period daterange) from a dso_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.dso(amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.dso_sfunc,
    STYPE = @extschema@.dso_state,
    FINALFUNC = @extschema@.dso_final,
    COMBINEFUNC = @extschema@.dso_state_combine,
    MSFUNC = @extschema@.dso_sfunc,
    MINVFUNC = @extschema@.dso_inv,
    MSTYPE = @extschema@.dso_state,
    MFINALFUNC = @extschema@.dso_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso(amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Days Sales Outstanding of invoices over a period [start, end): receivables at the end (issued before it, unpaid by then) / credit sales issued in the period * days in the period';

CREATE AGGREGATE @extschema@.dso_state(amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.dso_sfunc,
    STYPE = @extschema@.dso_state,
    COMBINEFUNC = @extschema@.dso_state_combine,
    MSFUNC = @extschema@.dso_sfunc,
    MINVFUNC = @extschema@.dso_inv,
    MSTYPE = @extschema@.dso_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_state(amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'The dso_state of rows (amount numeric, issued_on date, paid_on date, period daterange), for rollups: store it, then read the metric with its aggregate over dso_state, or merge states with dso_state(dso_state)';

CREATE TYPE @extschema@.dso_tstz_state;

CREATE FUNCTION @extschema@.dso_tstz_state_in(pg_catalog.cstring)
RETURNS @extschema@.dso_tstz_state AS 'MODULE_PATHNAME', 'dso_tstz_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.dso_tstz_state_out(@extschema@.dso_tstz_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'dso_tstz_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.dso_tstz_state_recv(pg_catalog.internal)
RETURNS @extschema@.dso_tstz_state AS 'MODULE_PATHNAME', 'dso_tstz_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.dso_tstz_state_send(@extschema@.dso_tstz_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'dso_tstz_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.dso_tstz_state (
    INPUT = @extschema@.dso_tstz_state_in,
    OUTPUT = @extschema@.dso_tstz_state_out,
    RECEIVE = @extschema@.dso_tstz_state_recv,
    SEND = @extschema@.dso_tstz_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.dso_tstz_state IS
    'Partial Days Sales Outstanding over a tstzrange period: receivables and credit sales (in 1/10000 units) and the period';
COMMENT ON FUNCTION @extschema@.dso_tstz_state_in(pg_catalog.cstring) IS
    'Input function of dso_tstz_state (validates everything)';
COMMENT ON FUNCTION @extschema@.dso_tstz_state_out(@extschema@.dso_tstz_state) IS
    'Output function of dso_tstz_state';
COMMENT ON FUNCTION @extschema@.dso_tstz_state_recv(pg_catalog.internal) IS
    'Binary input function of dso_tstz_state (validates everything)';
COMMENT ON FUNCTION @extschema@.dso_tstz_state_send(@extschema@.dso_tstz_state) IS
    'Binary output function of dso_tstz_state';

CREATE FUNCTION @extschema@.dso_tstz_state_combine(@extschema@.dso_tstz_state, @extschema@.dso_tstz_state)
RETURNS @extschema@.dso_tstz_state AS 'MODULE_PATHNAME', 'dso_tstz_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_tstz_state_combine(@extschema@.dso_tstz_state, @extschema@.dso_tstz_state) IS
    'Merges two dso_tstz_state values (the combine function of every aggregate over dso_tstz_state)';

CREATE FUNCTION @extschema@.dso_tstz_state_uncombine(@extschema@.dso_tstz_state, @extschema@.dso_tstz_state)
RETURNS @extschema@.dso_tstz_state AS 'MODULE_PATHNAME', 'dso_tstz_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_tstz_state_uncombine(@extschema@.dso_tstz_state, @extschema@.dso_tstz_state) IS
    'Removes the second dso_tstz_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.dso_tstz_state(@extschema@.dso_tstz_state) (
    SFUNC = @extschema@.dso_tstz_state_combine,
    STYPE = @extschema@.dso_tstz_state,
    COMBINEFUNC = @extschema@.dso_tstz_state_combine,
    MSFUNC = @extschema@.dso_tstz_state_combine,
    MINVFUNC = @extschema@.dso_tstz_state_uncombine,
    MSTYPE = @extschema@.dso_tstz_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_tstz_state(@extschema@.dso_tstz_state) IS
    'Merges stored dso_tstz_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.dso_tstz_final(@extschema@.dso_tstz_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'dso_tstz_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_tstz_final(@extschema@.dso_tstz_state) IS
    'Days Sales Outstanding (days of 86 400 s): receivables / credit sales * days in the period, from a dso_tstz_state';

CREATE AGGREGATE @extschema@.dso(@extschema@.dso_tstz_state) (
    SFUNC = @extschema@.dso_tstz_state_combine,
    STYPE = @extschema@.dso_tstz_state,
    FINALFUNC = @extschema@.dso_tstz_final,
    COMBINEFUNC = @extschema@.dso_tstz_state_combine,
    MSFUNC = @extschema@.dso_tstz_state_combine,
    MINVFUNC = @extschema@.dso_tstz_state_uncombine,
    MSTYPE = @extschema@.dso_tstz_state,
    MFINALFUNC = @extschema@.dso_tstz_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso(@extschema@.dso_tstz_state) IS
    'Days Sales Outstanding (days of 86 400 s): receivables / credit sales * days in the period, merging stored dso_tstz_state values';

CREATE FUNCTION @extschema@.dso_tstz_sfunc(@extschema@.dso_tstz_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.dso_tstz_state AS 'MODULE_PATHNAME', 'dso_tstz_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_tstz_sfunc(@extschema@.dso_tstz_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Adds a row (amount numeric, issued_on timestamptz, paid_on timestamptz, period tstzrange) to a dso_tstz_state';

CREATE FUNCTION @extschema@.dso_tstz_inv(@extschema@.dso_tstz_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.dso_tstz_state AS 'MODULE_PATHNAME', 'dso_tstz_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_tstz_inv(@extschema@.dso_tstz_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Removes a row (amount numeric, issued_on timestamptz, paid_on timestamptz, period tstzrange) from a dso_tstz_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.dso(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.dso_tstz_sfunc,
    STYPE = @extschema@.dso_tstz_state,
    FINALFUNC = @extschema@.dso_tstz_final,
    COMBINEFUNC = @extschema@.dso_tstz_state_combine,
    MSFUNC = @extschema@.dso_tstz_sfunc,
    MINVFUNC = @extschema@.dso_tstz_inv,
    MSTYPE = @extschema@.dso_tstz_state,
    MFINALFUNC = @extschema@.dso_tstz_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Days Sales Outstanding of invoices over a period [start, end), days counted as 86 400 s: receivables at the end / credit sales in the period * days in the period';

CREATE AGGREGATE @extschema@.dso_tstz_state(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.dso_tstz_sfunc,
    STYPE = @extschema@.dso_tstz_state,
    COMBINEFUNC = @extschema@.dso_tstz_state_combine,
    MSFUNC = @extschema@.dso_tstz_sfunc,
    MINVFUNC = @extschema@.dso_tstz_inv,
    MSTYPE = @extschema@.dso_tstz_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_tstz_state(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'The dso_tstz_state of rows (amount numeric, issued_on timestamptz, paid_on timestamptz, period tstzrange), for rollups: store it, then read the metric with its aggregate over dso_tstz_state, or merge states with dso_tstz_state(dso_tstz_state)';

-- The state aggregate of the timestamptz form is dso_tstz_state(args); this
-- gives it the name every other state aggregate has, m_state(args) .
CREATE AGGREGATE @extschema@.dso_state(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.dso_tstz_sfunc,
    STYPE = @extschema@.dso_tstz_state,
    COMBINEFUNC = @extschema@.dso_tstz_state_combine,
    MSFUNC = @extschema@.dso_tstz_sfunc,
    MINVFUNC = @extschema@.dso_tstz_inv,
    MSTYPE = @extschema@.dso_tstz_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_state(pg_catalog.numeric, pg_catalog.timestamptz,
    pg_catalog.timestamptz, pg_catalog.tstzrange) IS
    'Partial state of dso(amount, issued_on timestamptz, paid_on timestamptz, period tstzrange), a dso_tstz_state, for rollups: store it, then merge with dso(dso_tstz_state) or dso_tstz_state(dso_tstz_state)';

CREATE FUNCTION @extschema@.dso(receivables pg_catalog.float8, credit_sales pg_catalog.float8,
    days pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'dso_figures'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'Days Sales Outstanding of known figures: receivables / credit_sales * days; NULL when credit_sales is 0';

CREATE TYPE @extschema@.avg_days_to_pay_state;

CREATE FUNCTION @extschema@.avg_days_to_pay_state_in(pg_catalog.cstring)
RETURNS @extschema@.avg_days_to_pay_state AS 'MODULE_PATHNAME', 'avg_days_to_pay_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.avg_days_to_pay_state_out(@extschema@.avg_days_to_pay_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'avg_days_to_pay_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.avg_days_to_pay_state_recv(pg_catalog.internal)
RETURNS @extschema@.avg_days_to_pay_state AS 'MODULE_PATHNAME', 'avg_days_to_pay_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.avg_days_to_pay_state_send(@extschema@.avg_days_to_pay_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'avg_days_to_pay_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.avg_days_to_pay_state (
    INPUT = @extschema@.avg_days_to_pay_state_in,
    OUTPUT = @extschema@.avg_days_to_pay_state_out,
    RECEIVE = @extschema@.avg_days_to_pay_state_recv,
    SEND = @extschema@.avg_days_to_pay_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.avg_days_to_pay_state IS
    'Partial amount-weighted days to pay: paid amount and the sum of amount * days (both in 1/10000 units)';
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_state_in(pg_catalog.cstring) IS
    'Input function of avg_days_to_pay_state (validates everything)';
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_state_out(@extschema@.avg_days_to_pay_state) IS
    'Output function of avg_days_to_pay_state';
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_state_recv(pg_catalog.internal) IS
    'Binary input function of avg_days_to_pay_state (validates everything)';
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_state_send(@extschema@.avg_days_to_pay_state) IS
    'Binary output function of avg_days_to_pay_state';

CREATE FUNCTION @extschema@.avg_days_to_pay_state_combine(@extschema@.avg_days_to_pay_state, @extschema@.avg_days_to_pay_state)
RETURNS @extschema@.avg_days_to_pay_state AS 'MODULE_PATHNAME', 'avg_days_to_pay_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_state_combine(@extschema@.avg_days_to_pay_state, @extschema@.avg_days_to_pay_state) IS
    'Merges two avg_days_to_pay_state values (the combine function of every aggregate over avg_days_to_pay_state)';

CREATE FUNCTION @extschema@.avg_days_to_pay_state_uncombine(@extschema@.avg_days_to_pay_state, @extschema@.avg_days_to_pay_state)
RETURNS @extschema@.avg_days_to_pay_state AS 'MODULE_PATHNAME', 'avg_days_to_pay_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_state_uncombine(@extschema@.avg_days_to_pay_state, @extschema@.avg_days_to_pay_state) IS
    'Removes the second avg_days_to_pay_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.avg_days_to_pay_state(@extschema@.avg_days_to_pay_state) (
    SFUNC = @extschema@.avg_days_to_pay_state_combine,
    STYPE = @extschema@.avg_days_to_pay_state,
    COMBINEFUNC = @extschema@.avg_days_to_pay_state_combine,
    MSFUNC = @extschema@.avg_days_to_pay_state_combine,
    MINVFUNC = @extschema@.avg_days_to_pay_state_uncombine,
    MSTYPE = @extschema@.avg_days_to_pay_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.avg_days_to_pay_state(@extschema@.avg_days_to_pay_state) IS
    'Merges stored avg_days_to_pay_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.avg_days_to_pay_final(@extschema@.avg_days_to_pay_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'avg_days_to_pay_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_final(@extschema@.avg_days_to_pay_state) IS
    'Amount-weighted mean days from issue to payment, from a avg_days_to_pay_state';

CREATE AGGREGATE @extschema@.avg_days_to_pay(@extschema@.avg_days_to_pay_state) (
    SFUNC = @extschema@.avg_days_to_pay_state_combine,
    STYPE = @extschema@.avg_days_to_pay_state,
    FINALFUNC = @extschema@.avg_days_to_pay_final,
    COMBINEFUNC = @extschema@.avg_days_to_pay_state_combine,
    MSFUNC = @extschema@.avg_days_to_pay_state_combine,
    MINVFUNC = @extschema@.avg_days_to_pay_state_uncombine,
    MSTYPE = @extschema@.avg_days_to_pay_state,
    MFINALFUNC = @extschema@.avg_days_to_pay_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.avg_days_to_pay(@extschema@.avg_days_to_pay_state) IS
    'Amount-weighted mean days from issue to payment, merging stored avg_days_to_pay_state values';

CREATE FUNCTION @extschema@.avg_days_to_pay_sfunc(@extschema@.avg_days_to_pay_state, amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date)
RETURNS @extschema@.avg_days_to_pay_state AS 'MODULE_PATHNAME', 'avg_days_to_pay_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_sfunc(@extschema@.avg_days_to_pay_state, amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date) IS
    'Adds a row (amount numeric, issued_on date, paid_on date) to a avg_days_to_pay_state';

CREATE FUNCTION @extschema@.avg_days_to_pay_inv(@extschema@.avg_days_to_pay_state, amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date)
RETURNS @extschema@.avg_days_to_pay_state AS 'MODULE_PATHNAME', 'avg_days_to_pay_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_inv(@extschema@.avg_days_to_pay_state, amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date) IS
    'Removes a row (amount numeric, issued_on date, paid_on date) from a avg_days_to_pay_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.avg_days_to_pay(amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date) (
    SFUNC = @extschema@.avg_days_to_pay_sfunc,
    STYPE = @extschema@.avg_days_to_pay_state,
    FINALFUNC = @extschema@.avg_days_to_pay_final,
    COMBINEFUNC = @extschema@.avg_days_to_pay_state_combine,
    MSFUNC = @extschema@.avg_days_to_pay_sfunc,
    MINVFUNC = @extschema@.avg_days_to_pay_inv,
    MSTYPE = @extschema@.avg_days_to_pay_state,
    MFINALFUNC = @extschema@.avg_days_to_pay_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.avg_days_to_pay(amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date) IS
    'Amount-weighted mean days from issue to payment over paid invoices (unpaid ones, paid_on NULL, are skipped)';

CREATE AGGREGATE @extschema@.avg_days_to_pay_state(amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date) (
    SFUNC = @extschema@.avg_days_to_pay_sfunc,
    STYPE = @extschema@.avg_days_to_pay_state,
    COMBINEFUNC = @extschema@.avg_days_to_pay_state_combine,
    MSFUNC = @extschema@.avg_days_to_pay_sfunc,
    MINVFUNC = @extschema@.avg_days_to_pay_inv,
    MSTYPE = @extschema@.avg_days_to_pay_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.avg_days_to_pay_state(amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date) IS
    'The avg_days_to_pay_state of rows (amount numeric, issued_on date, paid_on date), for rollups: store it, then read the metric with its aggregate over avg_days_to_pay_state, or merge states with avg_days_to_pay_state(avg_days_to_pay_state)';
