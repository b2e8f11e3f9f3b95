-- Days Sales Outstanding and days to pay over double precision amounts
-- (issue 24; SPEC section 1: every amount is taken as numeric and as double
-- precision).  Each overload has its own C entry point in
-- src/dso_input_types.c, which turns the amount into the numeric that
-- amount::numeric gives and calls the numeric transition function of
-- dso.c: the same state (amounts kept to four decimals), the same checks
-- (a negative, NaN or infinite amount is 22003).

CREATE FUNCTION @extschema@.dso_sfunc(@extschema@.dso_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.dso_state AS 'MODULE_PATHNAME', 'dso_sfunc_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_sfunc(@extschema@.dso_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Adds a row (amount float8, issued_on date, paid_on date, period daterange) to a dso_state';

CREATE FUNCTION @extschema@.dso_inv(@extschema@.dso_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.dso_state AS 'MODULE_PATHNAME', 'dso_inv_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_inv(@extschema@.dso_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Removes a row (amount float8, issued_on date, paid_on date, period daterange) from a dso_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.dso(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) (
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
COMMENT ON AGGREGATE @extschema@.dso(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Days Sales Outstanding of invoices over a period [start, end): receivables at the end (issued before it, unpaid by then) / credit sales issued in the period * days in the period (double precision amounts)';

CREATE AGGREGATE @extschema@.dso_state(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.dso_sfunc,
    STYPE = @extschema@.dso_state,
    COMBINEFUNC = @extschema@.dso_state_combine,
    MSFUNC = @extschema@.dso_sfunc,
    MINVFUNC = @extschema@.dso_inv,
    MSTYPE = @extschema@.dso_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_state(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'The dso_state of rows (amount float8, issued_on date, paid_on date, period daterange), for rollups: store it, then read the metric with its aggregate over dso_state, or merge states with dso_state(dso_state)';

CREATE FUNCTION @extschema@.dso_tstz_sfunc(@extschema@.dso_tstz_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.dso_tstz_state AS 'MODULE_PATHNAME', 'dso_tstz_sfunc_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_tstz_sfunc(@extschema@.dso_tstz_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Adds a row (amount float8, issued_on timestamptz, paid_on timestamptz, period tstzrange) to a dso_tstz_state';

CREATE FUNCTION @extschema@.dso_tstz_inv(@extschema@.dso_tstz_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.dso_tstz_state AS 'MODULE_PATHNAME', 'dso_tstz_inv_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_tstz_inv(@extschema@.dso_tstz_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Removes a row (amount float8, issued_on timestamptz, paid_on timestamptz, period tstzrange) from a dso_tstz_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.dso(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
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
COMMENT ON AGGREGATE @extschema@.dso(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Days Sales Outstanding of invoices over a period [start, end), days counted as 86 400 s: receivables at the end / credit sales in the period * days in the period (double precision amounts)';

CREATE AGGREGATE @extschema@.dso_tstz_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.dso_tstz_sfunc,
    STYPE = @extschema@.dso_tstz_state,
    COMBINEFUNC = @extschema@.dso_tstz_state_combine,
    MSFUNC = @extschema@.dso_tstz_sfunc,
    MINVFUNC = @extschema@.dso_tstz_inv,
    MSTYPE = @extschema@.dso_tstz_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_tstz_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'The dso_tstz_state of rows (amount float8, issued_on timestamptz, paid_on timestamptz, period tstzrange), for rollups: store it, then read the metric with its aggregate over dso_tstz_state, or merge states with dso_tstz_state(dso_tstz_state)';

CREATE AGGREGATE @extschema@.dso_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.dso_tstz_sfunc,
    STYPE = @extschema@.dso_tstz_state,
    COMBINEFUNC = @extschema@.dso_tstz_state_combine,
    MSFUNC = @extschema@.dso_tstz_sfunc,
    MINVFUNC = @extschema@.dso_tstz_inv,
    MSTYPE = @extschema@.dso_tstz_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_state(pg_catalog.float8, pg_catalog.timestamptz,
    pg_catalog.timestamptz, pg_catalog.tstzrange) IS
    'Partial state of dso(amount, issued_on timestamptz, paid_on timestamptz, period tstzrange), a dso_tstz_state, for rollups: store it, then merge with dso(dso_tstz_state) or dso_tstz_state(dso_tstz_state)';

CREATE FUNCTION @extschema@.avg_days_to_pay_sfunc(@extschema@.avg_days_to_pay_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date)
RETURNS @extschema@.avg_days_to_pay_state AS 'MODULE_PATHNAME', 'avg_days_to_pay_sfunc_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_sfunc(@extschema@.avg_days_to_pay_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date) IS
    'Adds a row (amount float8, issued_on date, paid_on date) to a avg_days_to_pay_state';

CREATE FUNCTION @extschema@.avg_days_to_pay_inv(@extschema@.avg_days_to_pay_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date)
RETURNS @extschema@.avg_days_to_pay_state AS 'MODULE_PATHNAME', 'avg_days_to_pay_inv_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_inv(@extschema@.avg_days_to_pay_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date) IS
    'Removes a row (amount float8, issued_on date, paid_on date) from a avg_days_to_pay_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.avg_days_to_pay(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date) (
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
COMMENT ON AGGREGATE @extschema@.avg_days_to_pay(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date) IS
    'Amount-weighted mean days from issue to payment over paid invoices (unpaid ones, paid_on NULL, are skipped) (double precision amounts)';

CREATE AGGREGATE @extschema@.avg_days_to_pay_state(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date) (
    SFUNC = @extschema@.avg_days_to_pay_sfunc,
    STYPE = @extschema@.avg_days_to_pay_state,
    COMBINEFUNC = @extschema@.avg_days_to_pay_state_combine,
    MSFUNC = @extschema@.avg_days_to_pay_sfunc,
    MINVFUNC = @extschema@.avg_days_to_pay_inv,
    MSTYPE = @extschema@.avg_days_to_pay_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.avg_days_to_pay_state(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date) IS
    'The avg_days_to_pay_state of rows (amount float8, issued_on date, paid_on date), for rollups: store it, then read the metric with its aggregate over avg_days_to_pay_state, or merge states with avg_days_to_pay_state(avg_days_to_pay_state)';
