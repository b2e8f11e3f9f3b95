-- Receivables beyond the simple DSO (src/receivables.c): the aging report
-- ar_aging, the countback DSO dso_countback, best_possible_dso and the
-- collection effectiveness index cei, as scalars on known figures and as
-- aggregates over invoices (numeric and double precision amounts, summed
-- exactly in units of 1/10000), each with its storable state, in date and
-- timestamptz forms; and the double precision amount forms of dso and
-- avg_days_to_pay.


-- double precision amounts for dso and avg_days_to_pay (src/dso.c)

CREATE FUNCTION @extschema@.dso_float8_sfunc(@extschema@.dso_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.dso_state AS 'MODULE_PATHNAME', 'dso_float8_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_float8_sfunc(@extschema@.dso_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Adds a row (amount float8, issued_on date, paid_on date, period daterange) to a dso_state';

CREATE FUNCTION @extschema@.dso_float8_inv(@extschema@.dso_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.dso_state AS 'MODULE_PATHNAME', 'dso_float8_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_float8_inv(@extschema@.dso_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Removes a row (amount float8, issued_on date, paid_on date, period daterange) from a dso_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.dso(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.dso_float8_sfunc,
    STYPE = @extschema@.dso_state,
    FINALFUNC = @extschema@.dso_final,
    COMBINEFUNC = @extschema@.dso_state_combine,
    MSFUNC = @extschema@.dso_float8_sfunc,
    MINVFUNC = @extschema@.dso_float8_inv,
    MSTYPE = @extschema@.dso_state,
    MFINALFUNC = @extschema@.dso_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Days Sales Outstanding of invoices over a period [start, end): receivables at the end (issued before it, unpaid by then) / credit sales issued in the period * days in the period';

CREATE AGGREGATE @extschema@.dso_state(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.dso_float8_sfunc,
    STYPE = @extschema@.dso_state,
    COMBINEFUNC = @extschema@.dso_state_combine,
    MSFUNC = @extschema@.dso_float8_sfunc,
    MINVFUNC = @extschema@.dso_float8_inv,
    MSTYPE = @extschema@.dso_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_state(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'The dso_state of rows (amount float8, issued_on date, paid_on date, period daterange), for rollups: store it, then read the metric with its aggregate over dso_state, or merge states with dso_state(dso_state)';

CREATE FUNCTION @extschema@.dso_tstz_float8_sfunc(@extschema@.dso_tstz_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.dso_tstz_state AS 'MODULE_PATHNAME', 'dso_tstz_float8_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_tstz_float8_sfunc(@extschema@.dso_tstz_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Adds a row (amount float8, issued_on timestamptz, paid_on timestamptz, period tstzrange) to a dso_tstz_state';

CREATE FUNCTION @extschema@.dso_tstz_float8_inv(@extschema@.dso_tstz_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.dso_tstz_state AS 'MODULE_PATHNAME', 'dso_tstz_float8_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_tstz_float8_inv(@extschema@.dso_tstz_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Removes a row (amount float8, issued_on timestamptz, paid_on timestamptz, period tstzrange) from a dso_tstz_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.dso(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.dso_tstz_float8_sfunc,
    STYPE = @extschema@.dso_tstz_state,
    FINALFUNC = @extschema@.dso_tstz_final,
    COMBINEFUNC = @extschema@.dso_tstz_state_combine,
    MSFUNC = @extschema@.dso_tstz_float8_sfunc,
    MINVFUNC = @extschema@.dso_tstz_float8_inv,
    MSTYPE = @extschema@.dso_tstz_state,
    MFINALFUNC = @extschema@.dso_tstz_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Days Sales Outstanding of invoices over a period [start, end), days counted as 86 400 s: receivables at the end / credit sales in the period * days in the period';

CREATE AGGREGATE @extschema@.dso_tstz_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.dso_tstz_float8_sfunc,
    STYPE = @extschema@.dso_tstz_state,
    COMBINEFUNC = @extschema@.dso_tstz_state_combine,
    MSFUNC = @extschema@.dso_tstz_float8_sfunc,
    MINVFUNC = @extschema@.dso_tstz_float8_inv,
    MSTYPE = @extschema@.dso_tstz_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_tstz_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'The dso_tstz_state of rows (amount float8, issued_on timestamptz, paid_on timestamptz, period tstzrange), for rollups: store it, then read the metric with its aggregate over dso_tstz_state, or merge states with dso_tstz_state(dso_tstz_state)';

CREATE AGGREGATE @extschema@.dso_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.dso_tstz_float8_sfunc,
    STYPE = @extschema@.dso_tstz_state,
    COMBINEFUNC = @extschema@.dso_tstz_state_combine,
    MSFUNC = @extschema@.dso_tstz_float8_sfunc,
    MINVFUNC = @extschema@.dso_tstz_float8_inv,
    MSTYPE = @extschema@.dso_tstz_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'The dso_tstz_state of rows (amount float8, issued_on timestamptz, paid_on timestamptz, period tstzrange), for rollups: store it, then read the metric with its aggregate over dso_tstz_state, or merge states with dso_tstz_state(dso_tstz_state)';

CREATE FUNCTION @extschema@.avg_days_to_pay_float8_sfunc(@extschema@.avg_days_to_pay_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date)
RETURNS @extschema@.avg_days_to_pay_state AS 'MODULE_PATHNAME', 'avg_days_to_pay_float8_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_float8_sfunc(@extschema@.avg_days_to_pay_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date) IS
    'Adds a row (amount float8, issued_on date, paid_on date) to a avg_days_to_pay_state';

CREATE FUNCTION @extschema@.avg_days_to_pay_float8_inv(@extschema@.avg_days_to_pay_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date)
RETURNS @extschema@.avg_days_to_pay_state AS 'MODULE_PATHNAME', 'avg_days_to_pay_float8_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_days_to_pay_float8_inv(@extschema@.avg_days_to_pay_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date) IS
    'Removes a row (amount float8, issued_on date, paid_on date) from a avg_days_to_pay_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.avg_days_to_pay(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date) (
    SFUNC = @extschema@.avg_days_to_pay_float8_sfunc,
    STYPE = @extschema@.avg_days_to_pay_state,
    FINALFUNC = @extschema@.avg_days_to_pay_final,
    COMBINEFUNC = @extschema@.avg_days_to_pay_state_combine,
    MSFUNC = @extschema@.avg_days_to_pay_float8_sfunc,
    MINVFUNC = @extschema@.avg_days_to_pay_float8_inv,
    MSTYPE = @extschema@.avg_days_to_pay_state,
    MFINALFUNC = @extschema@.avg_days_to_pay_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.avg_days_to_pay(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date) IS
    'Amount-weighted mean days from issue to payment, over paid invoices';

CREATE AGGREGATE @extschema@.avg_days_to_pay_state(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date) (
    SFUNC = @extschema@.avg_days_to_pay_float8_sfunc,
    STYPE = @extschema@.avg_days_to_pay_state,
    COMBINEFUNC = @extschema@.avg_days_to_pay_state_combine,
    MSFUNC = @extschema@.avg_days_to_pay_float8_sfunc,
    MINVFUNC = @extschema@.avg_days_to_pay_float8_inv,
    MSTYPE = @extschema@.avg_days_to_pay_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.avg_days_to_pay_state(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date) IS
    'The avg_days_to_pay_state of rows (amount float8, issued_on date, paid_on date), for rollups: store it, then read the metric with its aggregate over avg_days_to_pay_state, or merge states with avg_days_to_pay_state(avg_days_to_pay_state)';

-- ar_aging
CREATE TYPE @extschema@.ar_aging AS (
    current pg_catalog.numeric,
    days_1_30 pg_catalog.numeric,
    days_31_60 pg_catalog.numeric,
    days_61_90 pg_catalog.numeric,
    days_over_90 pg_catalog.numeric,
    total pg_catalog.numeric
);
COMMENT ON TYPE @extschema@.ar_aging IS
    'An aging report: the receivables outstanding at a date by days past due (current, 1-30, 31-60, 61-90, over 90) and their total';


CREATE TYPE @extschema@.ar_aging_state;

CREATE FUNCTION @extschema@.ar_aging_state_in(pg_catalog.cstring)
RETURNS @extschema@.ar_aging_state AS 'MODULE_PATHNAME', 'ar_aging_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ar_aging_state_out(@extschema@.ar_aging_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'ar_aging_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ar_aging_state_recv(pg_catalog.internal)
RETURNS @extschema@.ar_aging_state AS 'MODULE_PATHNAME', 'ar_aging_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ar_aging_state_send(@extschema@.ar_aging_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'ar_aging_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.ar_aging_state (
    INPUT = @extschema@.ar_aging_state_in,
    OUTPUT = @extschema@.ar_aging_state_out,
    RECEIVE = @extschema@.ar_aging_state_recv,
    SEND = @extschema@.ar_aging_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.ar_aging_state IS
    'Partial aging report: invoices counted, the outstanding amount of each bucket of days past due (in 1/10000 units), the as_of date and the TimeZone of the timestamptz form (zone, none for dates)';
COMMENT ON FUNCTION @extschema@.ar_aging_state_in(pg_catalog.cstring) IS
    'Input function of ar_aging_state (validates everything)';
COMMENT ON FUNCTION @extschema@.ar_aging_state_out(@extschema@.ar_aging_state) IS
    'Output function of ar_aging_state';
COMMENT ON FUNCTION @extschema@.ar_aging_state_recv(pg_catalog.internal) IS
    'Binary input function of ar_aging_state (validates everything)';
COMMENT ON FUNCTION @extschema@.ar_aging_state_send(@extschema@.ar_aging_state) IS
    'Binary output function of ar_aging_state';

CREATE FUNCTION @extschema@.ar_aging_state_combine(@extschema@.ar_aging_state, @extschema@.ar_aging_state)
RETURNS @extschema@.ar_aging_state AS 'MODULE_PATHNAME', 'ar_aging_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_aging_state_combine(@extschema@.ar_aging_state, @extschema@.ar_aging_state) IS
    'Merges two ar_aging_state values (the combine function of every aggregate over ar_aging_state)';

CREATE FUNCTION @extschema@.ar_aging_state_uncombine(@extschema@.ar_aging_state, @extschema@.ar_aging_state)
RETURNS @extschema@.ar_aging_state AS 'MODULE_PATHNAME', 'ar_aging_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_aging_state_uncombine(@extschema@.ar_aging_state, @extschema@.ar_aging_state) IS
    'Removes the second ar_aging_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.ar_aging_state(@extschema@.ar_aging_state) (
    SFUNC = @extschema@.ar_aging_state_combine,
    STYPE = @extschema@.ar_aging_state,
    COMBINEFUNC = @extschema@.ar_aging_state_combine,
    MSFUNC = @extschema@.ar_aging_state_combine,
    MINVFUNC = @extschema@.ar_aging_state_uncombine,
    MSTYPE = @extschema@.ar_aging_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_aging_state(@extschema@.ar_aging_state) IS
    'Merges stored ar_aging_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.ar_aging_final(@extschema@.ar_aging_state)
RETURNS @extschema@.ar_aging AS 'MODULE_PATHNAME', 'ar_aging_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_aging_final(@extschema@.ar_aging_state) IS
    'The aging report of an ar_aging_state: the five buckets and the total, NULL without invoices';

CREATE AGGREGATE @extschema@.ar_aging(@extschema@.ar_aging_state) (
    SFUNC = @extschema@.ar_aging_state_combine,
    STYPE = @extschema@.ar_aging_state,
    FINALFUNC = @extschema@.ar_aging_final,
    COMBINEFUNC = @extschema@.ar_aging_state_combine,
    MSFUNC = @extschema@.ar_aging_state_combine,
    MINVFUNC = @extschema@.ar_aging_state_uncombine,
    MSTYPE = @extschema@.ar_aging_state,
    MFINALFUNC = @extschema@.ar_aging_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_aging(@extschema@.ar_aging_state) IS
    'The aging report (current, 1-30, 31-60, 61-90, over 90 days past due, total), merging stored ar_aging_state values';

CREATE FUNCTION @extschema@.ar_aging_numeric_sfunc(@extschema@.ar_aging_state, amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date)
RETURNS @extschema@.ar_aging_state AS 'MODULE_PATHNAME', 'ar_aging_numeric_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_aging_numeric_sfunc(@extschema@.ar_aging_state, amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'Adds a row (amount numeric, issued_on date, due_on date, paid_on date, as_of date) to a ar_aging_state';

CREATE FUNCTION @extschema@.ar_aging_numeric_inv(@extschema@.ar_aging_state, amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date)
RETURNS @extschema@.ar_aging_state AS 'MODULE_PATHNAME', 'ar_aging_numeric_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_aging_numeric_inv(@extschema@.ar_aging_state, amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'Removes a row (amount numeric, issued_on date, due_on date, paid_on date, as_of date) from a ar_aging_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ar_aging(amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) (
    SFUNC = @extschema@.ar_aging_numeric_sfunc,
    STYPE = @extschema@.ar_aging_state,
    FINALFUNC = @extschema@.ar_aging_final,
    COMBINEFUNC = @extschema@.ar_aging_state_combine,
    MSFUNC = @extschema@.ar_aging_numeric_sfunc,
    MINVFUNC = @extschema@.ar_aging_numeric_inv,
    MSTYPE = @extschema@.ar_aging_state,
    MFINALFUNC = @extschema@.ar_aging_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_aging(amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'The aging report of invoices at as_of: amounts outstanding (issued on or before as_of, not paid on or before it) by days past due, as_of - due_on (0 or less is current), and their total';

CREATE AGGREGATE @extschema@.ar_aging_state(amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) (
    SFUNC = @extschema@.ar_aging_numeric_sfunc,
    STYPE = @extschema@.ar_aging_state,
    COMBINEFUNC = @extschema@.ar_aging_state_combine,
    MSFUNC = @extschema@.ar_aging_numeric_sfunc,
    MINVFUNC = @extschema@.ar_aging_numeric_inv,
    MSTYPE = @extschema@.ar_aging_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_aging_state(amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'The ar_aging_state of rows (amount numeric, issued_on date, due_on date, paid_on date, as_of date), for rollups: store it, then read the metric with its aggregate over ar_aging_state, or merge states with ar_aging_state(ar_aging_state)';

CREATE FUNCTION @extschema@.ar_aging_float8_sfunc(@extschema@.ar_aging_state, amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date)
RETURNS @extschema@.ar_aging_state AS 'MODULE_PATHNAME', 'ar_aging_float8_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_aging_float8_sfunc(@extschema@.ar_aging_state, amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'Adds a row (amount float8, issued_on date, due_on date, paid_on date, as_of date) to a ar_aging_state';

CREATE FUNCTION @extschema@.ar_aging_float8_inv(@extschema@.ar_aging_state, amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date)
RETURNS @extschema@.ar_aging_state AS 'MODULE_PATHNAME', 'ar_aging_float8_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_aging_float8_inv(@extschema@.ar_aging_state, amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'Removes a row (amount float8, issued_on date, due_on date, paid_on date, as_of date) from a ar_aging_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ar_aging(amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) (
    SFUNC = @extschema@.ar_aging_float8_sfunc,
    STYPE = @extschema@.ar_aging_state,
    FINALFUNC = @extschema@.ar_aging_final,
    COMBINEFUNC = @extschema@.ar_aging_state_combine,
    MSFUNC = @extschema@.ar_aging_float8_sfunc,
    MINVFUNC = @extschema@.ar_aging_float8_inv,
    MSTYPE = @extschema@.ar_aging_state,
    MFINALFUNC = @extschema@.ar_aging_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_aging(amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'The aging report of invoices at as_of: amounts outstanding (issued on or before as_of, not paid on or before it) by days past due, as_of - due_on (0 or less is current), and their total';

CREATE AGGREGATE @extschema@.ar_aging_state(amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) (
    SFUNC = @extschema@.ar_aging_float8_sfunc,
    STYPE = @extschema@.ar_aging_state,
    COMBINEFUNC = @extschema@.ar_aging_state_combine,
    MSFUNC = @extschema@.ar_aging_float8_sfunc,
    MINVFUNC = @extschema@.ar_aging_float8_inv,
    MSTYPE = @extschema@.ar_aging_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_aging_state(amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'The ar_aging_state of rows (amount float8, issued_on date, due_on date, paid_on date, as_of date), for rollups: store it, then read the metric with its aggregate over ar_aging_state, or merge states with ar_aging_state(ar_aging_state)';

-- dso_countback

CREATE FUNCTION @extschema@.dso_countback(receivables pg_catalog.numeric, sales pg_catalog.numeric[], days pg_catalog.int4[])
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'dso_countback_numeric_figures'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_countback(receivables pg_catalog.numeric, sales pg_catalog.numeric[], days pg_catalog.int4[]) IS
    'Countback DSO: the days of the months (newest first) whose sales absorb the receivables, the last one in part';

CREATE FUNCTION @extschema@.dso_countback(receivables pg_catalog.float8, sales pg_catalog.float8[], days pg_catalog.int4[])
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'dso_countback_float8_figures'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_countback(receivables pg_catalog.float8, sales pg_catalog.float8[], days pg_catalog.int4[]) IS
    'Countback DSO: the days of the months (newest first) whose sales absorb the receivables, the last one in part';


CREATE TYPE @extschema@.dso_countback_state;

CREATE FUNCTION @extschema@.dso_countback_state_in(pg_catalog.cstring)
RETURNS @extschema@.dso_countback_state AS 'MODULE_PATHNAME', 'dso_countback_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.dso_countback_state_out(@extschema@.dso_countback_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'dso_countback_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.dso_countback_state_recv(pg_catalog.internal)
RETURNS @extschema@.dso_countback_state AS 'MODULE_PATHNAME', 'dso_countback_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.dso_countback_state_send(@extschema@.dso_countback_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'dso_countback_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.dso_countback_state (
    INPUT = @extschema@.dso_countback_state_in,
    OUTPUT = @extschema@.dso_countback_state_out,
    RECEIVE = @extschema@.dso_countback_state_recv,
    SEND = @extschema@.dso_countback_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.dso_countback_state IS
    'Partial countback DSO: invoices counted, receivables at as_of and the sales of as_ofs month and the 35 calendar months before it (in 1/10000 units), the as_of date and the TimeZone of the timestamptz form (zone, none for dates)';
COMMENT ON FUNCTION @extschema@.dso_countback_state_in(pg_catalog.cstring) IS
    'Input function of dso_countback_state (validates everything)';
COMMENT ON FUNCTION @extschema@.dso_countback_state_out(@extschema@.dso_countback_state) IS
    'Output function of dso_countback_state';
COMMENT ON FUNCTION @extschema@.dso_countback_state_recv(pg_catalog.internal) IS
    'Binary input function of dso_countback_state (validates everything)';
COMMENT ON FUNCTION @extschema@.dso_countback_state_send(@extschema@.dso_countback_state) IS
    'Binary output function of dso_countback_state';

CREATE FUNCTION @extschema@.dso_countback_state_combine(@extschema@.dso_countback_state, @extschema@.dso_countback_state)
RETURNS @extschema@.dso_countback_state AS 'MODULE_PATHNAME', 'dso_countback_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_countback_state_combine(@extschema@.dso_countback_state, @extschema@.dso_countback_state) IS
    'Merges two dso_countback_state values (the combine function of every aggregate over dso_countback_state)';

CREATE FUNCTION @extschema@.dso_countback_state_uncombine(@extschema@.dso_countback_state, @extschema@.dso_countback_state)
RETURNS @extschema@.dso_countback_state AS 'MODULE_PATHNAME', 'dso_countback_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_countback_state_uncombine(@extschema@.dso_countback_state, @extschema@.dso_countback_state) IS
    'Removes the second dso_countback_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.dso_countback_state(@extschema@.dso_countback_state) (
    SFUNC = @extschema@.dso_countback_state_combine,
    STYPE = @extschema@.dso_countback_state,
    COMBINEFUNC = @extschema@.dso_countback_state_combine,
    MSFUNC = @extschema@.dso_countback_state_combine,
    MINVFUNC = @extschema@.dso_countback_state_uncombine,
    MSTYPE = @extschema@.dso_countback_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_countback_state(@extschema@.dso_countback_state) IS
    'Merges stored dso_countback_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.dso_countback_final(@extschema@.dso_countback_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'dso_countback_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_countback_final(@extschema@.dso_countback_state) IS
    'Countback DSO from a dso_countback_state, NULL without invoices';

CREATE AGGREGATE @extschema@.dso_countback(@extschema@.dso_countback_state) (
    SFUNC = @extschema@.dso_countback_state_combine,
    STYPE = @extschema@.dso_countback_state,
    FINALFUNC = @extschema@.dso_countback_final,
    COMBINEFUNC = @extschema@.dso_countback_state_combine,
    MSFUNC = @extschema@.dso_countback_state_combine,
    MINVFUNC = @extschema@.dso_countback_state_uncombine,
    MSTYPE = @extschema@.dso_countback_state,
    MFINALFUNC = @extschema@.dso_countback_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_countback(@extschema@.dso_countback_state) IS
    'Countback DSO, merging stored dso_countback_state values';

CREATE FUNCTION @extschema@.dso_countback_numeric_sfunc(@extschema@.dso_countback_state, amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date)
RETURNS @extschema@.dso_countback_state AS 'MODULE_PATHNAME', 'dso_countback_numeric_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_countback_numeric_sfunc(@extschema@.dso_countback_state, amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'Adds a row (amount numeric, issued_on date, paid_on date, as_of date) to a dso_countback_state';

CREATE FUNCTION @extschema@.dso_countback_numeric_inv(@extschema@.dso_countback_state, amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date)
RETURNS @extschema@.dso_countback_state AS 'MODULE_PATHNAME', 'dso_countback_numeric_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_countback_numeric_inv(@extschema@.dso_countback_state, amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'Removes a row (amount numeric, issued_on date, paid_on date, as_of date) from a dso_countback_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.dso_countback(amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) (
    SFUNC = @extschema@.dso_countback_numeric_sfunc,
    STYPE = @extschema@.dso_countback_state,
    FINALFUNC = @extschema@.dso_countback_final,
    COMBINEFUNC = @extschema@.dso_countback_state_combine,
    MSFUNC = @extschema@.dso_countback_numeric_sfunc,
    MINVFUNC = @extschema@.dso_countback_numeric_inv,
    MSTYPE = @extschema@.dso_countback_state,
    MFINALFUNC = @extschema@.dso_countback_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_countback(amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'Countback DSO of invoices at as_of: receivables outstanding at as_of counted back over the sales of as_ofs month (up to as_of) and the calendar months before it, each with its real number of days';

CREATE AGGREGATE @extschema@.dso_countback_state(amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) (
    SFUNC = @extschema@.dso_countback_numeric_sfunc,
    STYPE = @extschema@.dso_countback_state,
    COMBINEFUNC = @extschema@.dso_countback_state_combine,
    MSFUNC = @extschema@.dso_countback_numeric_sfunc,
    MINVFUNC = @extschema@.dso_countback_numeric_inv,
    MSTYPE = @extschema@.dso_countback_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_countback_state(amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'The dso_countback_state of rows (amount numeric, issued_on date, paid_on date, as_of date), for rollups: store it, then read the metric with its aggregate over dso_countback_state, or merge states with dso_countback_state(dso_countback_state)';

CREATE FUNCTION @extschema@.dso_countback_float8_sfunc(@extschema@.dso_countback_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date)
RETURNS @extschema@.dso_countback_state AS 'MODULE_PATHNAME', 'dso_countback_float8_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_countback_float8_sfunc(@extschema@.dso_countback_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'Adds a row (amount float8, issued_on date, paid_on date, as_of date) to a dso_countback_state';

CREATE FUNCTION @extschema@.dso_countback_float8_inv(@extschema@.dso_countback_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date)
RETURNS @extschema@.dso_countback_state AS 'MODULE_PATHNAME', 'dso_countback_float8_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_countback_float8_inv(@extschema@.dso_countback_state, amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'Removes a row (amount float8, issued_on date, paid_on date, as_of date) from a dso_countback_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.dso_countback(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) (
    SFUNC = @extschema@.dso_countback_float8_sfunc,
    STYPE = @extschema@.dso_countback_state,
    FINALFUNC = @extschema@.dso_countback_final,
    COMBINEFUNC = @extschema@.dso_countback_state_combine,
    MSFUNC = @extschema@.dso_countback_float8_sfunc,
    MINVFUNC = @extschema@.dso_countback_float8_inv,
    MSTYPE = @extschema@.dso_countback_state,
    MFINALFUNC = @extschema@.dso_countback_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_countback(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'Countback DSO of invoices at as_of: receivables outstanding at as_of counted back over the sales of as_ofs month (up to as_of) and the calendar months before it, each with its real number of days';

CREATE AGGREGATE @extschema@.dso_countback_state(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) (
    SFUNC = @extschema@.dso_countback_float8_sfunc,
    STYPE = @extschema@.dso_countback_state,
    COMBINEFUNC = @extschema@.dso_countback_state_combine,
    MSFUNC = @extschema@.dso_countback_float8_sfunc,
    MINVFUNC = @extschema@.dso_countback_float8_inv,
    MSTYPE = @extschema@.dso_countback_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_countback_state(amount pg_catalog.float8, issued_on pg_catalog.date, paid_on pg_catalog.date, as_of pg_catalog.date) IS
    'The dso_countback_state of rows (amount float8, issued_on date, paid_on date, as_of date), for rollups: store it, then read the metric with its aggregate over dso_countback_state, or merge states with dso_countback_state(dso_countback_state)';

-- best_possible_dso

CREATE FUNCTION @extschema@.best_possible_dso(current_receivables pg_catalog.float8, credit_sales pg_catalog.float8, days pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'best_possible_dso_figures'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.best_possible_dso(current_receivables pg_catalog.float8, credit_sales pg_catalog.float8, days pg_catalog.float8) IS
    'Best possible DSO on known figures: current (not yet due) receivables / credit sales * days';


CREATE TYPE @extschema@.best_possible_dso_state;

CREATE FUNCTION @extschema@.best_possible_dso_state_in(pg_catalog.cstring)
RETURNS @extschema@.best_possible_dso_state AS 'MODULE_PATHNAME', 'best_possible_dso_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.best_possible_dso_state_out(@extschema@.best_possible_dso_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'best_possible_dso_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.best_possible_dso_state_recv(pg_catalog.internal)
RETURNS @extschema@.best_possible_dso_state AS 'MODULE_PATHNAME', 'best_possible_dso_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.best_possible_dso_state_send(@extschema@.best_possible_dso_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'best_possible_dso_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.best_possible_dso_state (
    INPUT = @extschema@.best_possible_dso_state_in,
    OUTPUT = @extschema@.best_possible_dso_state_out,
    RECEIVE = @extschema@.best_possible_dso_state_recv,
    SEND = @extschema@.best_possible_dso_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.best_possible_dso_state IS
    'Partial best possible DSO over a period of days: current receivables at its end and its credit sales (in 1/10000 units), the period and the TimeZone of the timestamptz form (zone, none for dates)';
COMMENT ON FUNCTION @extschema@.best_possible_dso_state_in(pg_catalog.cstring) IS
    'Input function of best_possible_dso_state (validates everything)';
COMMENT ON FUNCTION @extschema@.best_possible_dso_state_out(@extschema@.best_possible_dso_state) IS
    'Output function of best_possible_dso_state';
COMMENT ON FUNCTION @extschema@.best_possible_dso_state_recv(pg_catalog.internal) IS
    'Binary input function of best_possible_dso_state (validates everything)';
COMMENT ON FUNCTION @extschema@.best_possible_dso_state_send(@extschema@.best_possible_dso_state) IS
    'Binary output function of best_possible_dso_state';

CREATE FUNCTION @extschema@.best_possible_dso_state_combine(@extschema@.best_possible_dso_state, @extschema@.best_possible_dso_state)
RETURNS @extschema@.best_possible_dso_state AS 'MODULE_PATHNAME', 'best_possible_dso_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.best_possible_dso_state_combine(@extschema@.best_possible_dso_state, @extschema@.best_possible_dso_state) IS
    'Merges two best_possible_dso_state values (the combine function of every aggregate over best_possible_dso_state)';

CREATE FUNCTION @extschema@.best_possible_dso_state_uncombine(@extschema@.best_possible_dso_state, @extschema@.best_possible_dso_state)
RETURNS @extschema@.best_possible_dso_state AS 'MODULE_PATHNAME', 'best_possible_dso_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.best_possible_dso_state_uncombine(@extschema@.best_possible_dso_state, @extschema@.best_possible_dso_state) IS
    'Removes the second best_possible_dso_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.best_possible_dso_state(@extschema@.best_possible_dso_state) (
    SFUNC = @extschema@.best_possible_dso_state_combine,
    STYPE = @extschema@.best_possible_dso_state,
    COMBINEFUNC = @extschema@.best_possible_dso_state_combine,
    MSFUNC = @extschema@.best_possible_dso_state_combine,
    MINVFUNC = @extschema@.best_possible_dso_state_uncombine,
    MSTYPE = @extschema@.best_possible_dso_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.best_possible_dso_state(@extschema@.best_possible_dso_state) IS
    'Merges stored best_possible_dso_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.best_possible_dso_final(@extschema@.best_possible_dso_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'best_possible_dso_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.best_possible_dso_final(@extschema@.best_possible_dso_state) IS
    'Best possible DSO from a best_possible_dso_state, NULL without credit sales';

CREATE AGGREGATE @extschema@.best_possible_dso(@extschema@.best_possible_dso_state) (
    SFUNC = @extschema@.best_possible_dso_state_combine,
    STYPE = @extschema@.best_possible_dso_state,
    FINALFUNC = @extschema@.best_possible_dso_final,
    COMBINEFUNC = @extschema@.best_possible_dso_state_combine,
    MSFUNC = @extschema@.best_possible_dso_state_combine,
    MINVFUNC = @extschema@.best_possible_dso_state_uncombine,
    MSTYPE = @extschema@.best_possible_dso_state,
    MFINALFUNC = @extschema@.best_possible_dso_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.best_possible_dso(@extschema@.best_possible_dso_state) IS
    'Best possible DSO, merging stored best_possible_dso_state values';

CREATE FUNCTION @extschema@.best_possible_dso_numeric_sfunc(@extschema@.best_possible_dso_state, amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.best_possible_dso_state AS 'MODULE_PATHNAME', 'best_possible_dso_numeric_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.best_possible_dso_numeric_sfunc(@extschema@.best_possible_dso_state, amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Adds a row (amount numeric, issued_on date, due_on date, paid_on date, period daterange) to a best_possible_dso_state';

CREATE FUNCTION @extschema@.best_possible_dso_numeric_inv(@extschema@.best_possible_dso_state, amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.best_possible_dso_state AS 'MODULE_PATHNAME', 'best_possible_dso_numeric_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.best_possible_dso_numeric_inv(@extschema@.best_possible_dso_state, amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Removes a row (amount numeric, issued_on date, due_on date, paid_on date, period daterange) from a best_possible_dso_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.best_possible_dso(amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.best_possible_dso_numeric_sfunc,
    STYPE = @extschema@.best_possible_dso_state,
    FINALFUNC = @extschema@.best_possible_dso_final,
    COMBINEFUNC = @extschema@.best_possible_dso_state_combine,
    MSFUNC = @extschema@.best_possible_dso_numeric_sfunc,
    MINVFUNC = @extschema@.best_possible_dso_numeric_inv,
    MSTYPE = @extschema@.best_possible_dso_state,
    MFINALFUNC = @extschema@.best_possible_dso_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.best_possible_dso(amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Best possible DSO of invoices over a period [start, end): receivables not yet due at its last day / credit sales issued in it * its days';

CREATE AGGREGATE @extschema@.best_possible_dso_state(amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.best_possible_dso_numeric_sfunc,
    STYPE = @extschema@.best_possible_dso_state,
    COMBINEFUNC = @extschema@.best_possible_dso_state_combine,
    MSFUNC = @extschema@.best_possible_dso_numeric_sfunc,
    MINVFUNC = @extschema@.best_possible_dso_numeric_inv,
    MSTYPE = @extschema@.best_possible_dso_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.best_possible_dso_state(amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'The best_possible_dso_state of rows (amount numeric, issued_on date, due_on date, paid_on date, period daterange), for rollups: store it, then read the metric with its aggregate over best_possible_dso_state, or merge states with best_possible_dso_state(best_possible_dso_state)';

CREATE FUNCTION @extschema@.best_possible_dso_float8_sfunc(@extschema@.best_possible_dso_state, amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.best_possible_dso_state AS 'MODULE_PATHNAME', 'best_possible_dso_float8_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.best_possible_dso_float8_sfunc(@extschema@.best_possible_dso_state, amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Adds a row (amount float8, issued_on date, due_on date, paid_on date, period daterange) to a best_possible_dso_state';

CREATE FUNCTION @extschema@.best_possible_dso_float8_inv(@extschema@.best_possible_dso_state, amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.best_possible_dso_state AS 'MODULE_PATHNAME', 'best_possible_dso_float8_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.best_possible_dso_float8_inv(@extschema@.best_possible_dso_state, amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Removes a row (amount float8, issued_on date, due_on date, paid_on date, period daterange) from a best_possible_dso_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.best_possible_dso(amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.best_possible_dso_float8_sfunc,
    STYPE = @extschema@.best_possible_dso_state,
    FINALFUNC = @extschema@.best_possible_dso_final,
    COMBINEFUNC = @extschema@.best_possible_dso_state_combine,
    MSFUNC = @extschema@.best_possible_dso_float8_sfunc,
    MINVFUNC = @extschema@.best_possible_dso_float8_inv,
    MSTYPE = @extschema@.best_possible_dso_state,
    MFINALFUNC = @extschema@.best_possible_dso_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.best_possible_dso(amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Best possible DSO of invoices over a period [start, end): receivables not yet due at its last day / credit sales issued in it * its days';

CREATE AGGREGATE @extschema@.best_possible_dso_state(amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.best_possible_dso_float8_sfunc,
    STYPE = @extschema@.best_possible_dso_state,
    COMBINEFUNC = @extschema@.best_possible_dso_state_combine,
    MSFUNC = @extschema@.best_possible_dso_float8_sfunc,
    MINVFUNC = @extschema@.best_possible_dso_float8_inv,
    MSTYPE = @extschema@.best_possible_dso_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.best_possible_dso_state(amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'The best_possible_dso_state of rows (amount float8, issued_on date, due_on date, paid_on date, period daterange), for rollups: store it, then read the metric with its aggregate over best_possible_dso_state, or merge states with best_possible_dso_state(best_possible_dso_state)';

-- cei

CREATE FUNCTION @extschema@.cei(beginning_receivables pg_catalog.float8, credit_sales pg_catalog.float8, ending_receivables pg_catalog.float8, ending_current_receivables pg_catalog.float8, months pg_catalog.int4)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'cei_figures'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cei(beginning_receivables pg_catalog.float8, credit_sales pg_catalog.float8, ending_receivables pg_catalog.float8, ending_current_receivables pg_catalog.float8, months pg_catalog.int4) IS
    'Collection effectiveness index on known figures: 100 * (BR + CS/N - ETR) / (BR + CS/N - ECR)';


CREATE TYPE @extschema@.cei_state;

CREATE FUNCTION @extschema@.cei_state_in(pg_catalog.cstring)
RETURNS @extschema@.cei_state AS 'MODULE_PATHNAME', 'cei_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cei_state_out(@extschema@.cei_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'cei_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cei_state_recv(pg_catalog.internal)
RETURNS @extschema@.cei_state AS 'MODULE_PATHNAME', 'cei_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.cei_state_send(@extschema@.cei_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'cei_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.cei_state (
    INPUT = @extschema@.cei_state_in,
    OUTPUT = @extschema@.cei_state_out,
    RECEIVE = @extschema@.cei_state_recv,
    SEND = @extschema@.cei_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.cei_state IS
    'Partial collection effectiveness index over a period of days: receivables at its start, its credit sales, receivables and current receivables at its end (in 1/10000 units), the period and the TimeZone of the timestamptz form (zone, none for dates)';
COMMENT ON FUNCTION @extschema@.cei_state_in(pg_catalog.cstring) IS
    'Input function of cei_state (validates everything)';
COMMENT ON FUNCTION @extschema@.cei_state_out(@extschema@.cei_state) IS
    'Output function of cei_state';
COMMENT ON FUNCTION @extschema@.cei_state_recv(pg_catalog.internal) IS
    'Binary input function of cei_state (validates everything)';
COMMENT ON FUNCTION @extschema@.cei_state_send(@extschema@.cei_state) IS
    'Binary output function of cei_state';

CREATE FUNCTION @extschema@.cei_state_combine(@extschema@.cei_state, @extschema@.cei_state)
RETURNS @extschema@.cei_state AS 'MODULE_PATHNAME', 'cei_state_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cei_state_combine(@extschema@.cei_state, @extschema@.cei_state) IS
    'Merges two cei_state values (the combine function of every aggregate over cei_state)';

CREATE FUNCTION @extschema@.cei_state_uncombine(@extschema@.cei_state, @extschema@.cei_state)
RETURNS @extschema@.cei_state AS 'MODULE_PATHNAME', 'cei_state_uncombine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cei_state_uncombine(@extschema@.cei_state, @extschema@.cei_state) IS
    'Removes the second cei_state from the first (inverse of the combine, for sliding windows)';

CREATE AGGREGATE @extschema@.cei_state(@extschema@.cei_state) (
    SFUNC = @extschema@.cei_state_combine,
    STYPE = @extschema@.cei_state,
    COMBINEFUNC = @extschema@.cei_state_combine,
    MSFUNC = @extschema@.cei_state_combine,
    MINVFUNC = @extschema@.cei_state_uncombine,
    MSTYPE = @extschema@.cei_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cei_state(@extschema@.cei_state) IS
    'Merges stored cei_state values into one (multi-level rollups)';

CREATE FUNCTION @extschema@.cei_final(@extschema@.cei_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'cei_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cei_final(@extschema@.cei_state) IS
    'Collection effectiveness index from a cei_state, NULL when its denominator is 0';

CREATE AGGREGATE @extschema@.cei(@extschema@.cei_state) (
    SFUNC = @extschema@.cei_state_combine,
    STYPE = @extschema@.cei_state,
    FINALFUNC = @extschema@.cei_final,
    COMBINEFUNC = @extschema@.cei_state_combine,
    MSFUNC = @extschema@.cei_state_combine,
    MINVFUNC = @extschema@.cei_state_uncombine,
    MSTYPE = @extschema@.cei_state,
    MFINALFUNC = @extschema@.cei_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cei(@extschema@.cei_state) IS
    'Collection effectiveness index, merging stored cei_state values';

CREATE FUNCTION @extschema@.cei_numeric_sfunc(@extschema@.cei_state, amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.cei_state AS 'MODULE_PATHNAME', 'cei_numeric_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cei_numeric_sfunc(@extschema@.cei_state, amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Adds a row (amount numeric, issued_on date, due_on date, paid_on date, period daterange) to a cei_state';

CREATE FUNCTION @extschema@.cei_numeric_inv(@extschema@.cei_state, amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.cei_state AS 'MODULE_PATHNAME', 'cei_numeric_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cei_numeric_inv(@extschema@.cei_state, amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Removes a row (amount numeric, issued_on date, due_on date, paid_on date, period daterange) from a cei_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cei(amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.cei_numeric_sfunc,
    STYPE = @extschema@.cei_state,
    FINALFUNC = @extschema@.cei_final,
    COMBINEFUNC = @extschema@.cei_state_combine,
    MSFUNC = @extschema@.cei_numeric_sfunc,
    MINVFUNC = @extschema@.cei_numeric_inv,
    MSTYPE = @extschema@.cei_state,
    MFINALFUNC = @extschema@.cei_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cei(amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Collection effectiveness index of invoices over a period [start, end), one month: 100 * (BR + CS - ETR) / (BR + CS - ECR) with BR outstanding before it, CS issued in it, ETR and ECR outstanding and not yet due at its last day';

CREATE AGGREGATE @extschema@.cei_state(amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.cei_numeric_sfunc,
    STYPE = @extschema@.cei_state,
    COMBINEFUNC = @extschema@.cei_state_combine,
    MSFUNC = @extschema@.cei_numeric_sfunc,
    MINVFUNC = @extschema@.cei_numeric_inv,
    MSTYPE = @extschema@.cei_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cei_state(amount pg_catalog.numeric, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'The cei_state of rows (amount numeric, issued_on date, due_on date, paid_on date, period daterange), for rollups: store it, then read the metric with its aggregate over cei_state, or merge states with cei_state(cei_state)';

CREATE FUNCTION @extschema@.cei_float8_sfunc(@extschema@.cei_state, amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.cei_state AS 'MODULE_PATHNAME', 'cei_float8_sfunc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cei_float8_sfunc(@extschema@.cei_state, amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Adds a row (amount float8, issued_on date, due_on date, paid_on date, period daterange) to a cei_state';

CREATE FUNCTION @extschema@.cei_float8_inv(@extschema@.cei_state, amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange)
RETURNS @extschema@.cei_state AS 'MODULE_PATHNAME', 'cei_float8_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cei_float8_inv(@extschema@.cei_state, amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Removes a row (amount float8, issued_on date, due_on date, paid_on date, period daterange) from a cei_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cei(amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.cei_float8_sfunc,
    STYPE = @extschema@.cei_state,
    FINALFUNC = @extschema@.cei_final,
    COMBINEFUNC = @extschema@.cei_state_combine,
    MSFUNC = @extschema@.cei_float8_sfunc,
    MINVFUNC = @extschema@.cei_float8_inv,
    MSTYPE = @extschema@.cei_state,
    MFINALFUNC = @extschema@.cei_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cei(amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'Collection effectiveness index of invoices over a period [start, end), one month: 100 * (BR + CS - ETR) / (BR + CS - ECR) with BR outstanding before it, CS issued in it, ETR and ECR outstanding and not yet due at its last day';

CREATE AGGREGATE @extschema@.cei_state(amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) (
    SFUNC = @extschema@.cei_float8_sfunc,
    STYPE = @extschema@.cei_state,
    COMBINEFUNC = @extschema@.cei_state_combine,
    MSFUNC = @extschema@.cei_float8_sfunc,
    MINVFUNC = @extschema@.cei_float8_inv,
    MSTYPE = @extschema@.cei_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cei_state(amount pg_catalog.float8, issued_on pg_catalog.date, due_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange) IS
    'The cei_state of rows (amount float8, issued_on date, due_on date, paid_on date, period daterange), for rollups: store it, then read the metric with its aggregate over cei_state, or merge states with cei_state(cei_state)';

-- timestamptz forms: every timestamptz read as its calendar day in the
-- session TimeZone (so STABLE), a tstzrange period as the days between its
-- bounds, midnights of that zone; the states are the date forms', which
-- record the zone

CREATE FUNCTION @extschema@.ar_aging_tstz_numeric_sfunc(@extschema@.ar_aging_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz)
RETURNS @extschema@.ar_aging_state AS 'MODULE_PATHNAME', 'ar_aging_tstz_numeric_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_aging_tstz_numeric_sfunc(@extschema@.ar_aging_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'Adds a row (amount numeric, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, as_of timestamptz) to a ar_aging_state';

CREATE FUNCTION @extschema@.ar_aging_tstz_numeric_inv(@extschema@.ar_aging_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz)
RETURNS @extschema@.ar_aging_state AS 'MODULE_PATHNAME', 'ar_aging_tstz_numeric_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_aging_tstz_numeric_inv(@extschema@.ar_aging_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'Removes a row (amount numeric, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, as_of timestamptz) from a ar_aging_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ar_aging(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) (
    SFUNC = @extschema@.ar_aging_tstz_numeric_sfunc,
    STYPE = @extschema@.ar_aging_state,
    FINALFUNC = @extschema@.ar_aging_final,
    COMBINEFUNC = @extschema@.ar_aging_state_combine,
    MSFUNC = @extschema@.ar_aging_tstz_numeric_sfunc,
    MINVFUNC = @extschema@.ar_aging_tstz_numeric_inv,
    MSTYPE = @extschema@.ar_aging_state,
    MFINALFUNC = @extschema@.ar_aging_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_aging(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'The aging report of invoices at as_of: amounts outstanding (issued on or before as_of, not paid on or before it) by days past due, as_of - due_on (0 or less is current), and their total; each timestamptz counts as its calendar day in the session TimeZone';

CREATE AGGREGATE @extschema@.ar_aging_state(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) (
    SFUNC = @extschema@.ar_aging_tstz_numeric_sfunc,
    STYPE = @extschema@.ar_aging_state,
    COMBINEFUNC = @extschema@.ar_aging_state_combine,
    MSFUNC = @extschema@.ar_aging_tstz_numeric_sfunc,
    MINVFUNC = @extschema@.ar_aging_tstz_numeric_inv,
    MSTYPE = @extschema@.ar_aging_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_aging_state(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'The ar_aging_state of rows (amount numeric, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, as_of timestamptz), for rollups: store it, then read the metric with its aggregate over ar_aging_state, or merge states with ar_aging_state(ar_aging_state)';

CREATE FUNCTION @extschema@.ar_aging_tstz_float8_sfunc(@extschema@.ar_aging_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz)
RETURNS @extschema@.ar_aging_state AS 'MODULE_PATHNAME', 'ar_aging_tstz_float8_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_aging_tstz_float8_sfunc(@extschema@.ar_aging_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'Adds a row (amount float8, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, as_of timestamptz) to a ar_aging_state';

CREATE FUNCTION @extschema@.ar_aging_tstz_float8_inv(@extschema@.ar_aging_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz)
RETURNS @extschema@.ar_aging_state AS 'MODULE_PATHNAME', 'ar_aging_tstz_float8_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_aging_tstz_float8_inv(@extschema@.ar_aging_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'Removes a row (amount float8, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, as_of timestamptz) from a ar_aging_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.ar_aging(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) (
    SFUNC = @extschema@.ar_aging_tstz_float8_sfunc,
    STYPE = @extschema@.ar_aging_state,
    FINALFUNC = @extschema@.ar_aging_final,
    COMBINEFUNC = @extschema@.ar_aging_state_combine,
    MSFUNC = @extschema@.ar_aging_tstz_float8_sfunc,
    MINVFUNC = @extschema@.ar_aging_tstz_float8_inv,
    MSTYPE = @extschema@.ar_aging_state,
    MFINALFUNC = @extschema@.ar_aging_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_aging(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'The aging report of invoices at as_of: amounts outstanding (issued on or before as_of, not paid on or before it) by days past due, as_of - due_on (0 or less is current), and their total; each timestamptz counts as its calendar day in the session TimeZone';

CREATE AGGREGATE @extschema@.ar_aging_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) (
    SFUNC = @extschema@.ar_aging_tstz_float8_sfunc,
    STYPE = @extschema@.ar_aging_state,
    COMBINEFUNC = @extschema@.ar_aging_state_combine,
    MSFUNC = @extschema@.ar_aging_tstz_float8_sfunc,
    MINVFUNC = @extschema@.ar_aging_tstz_float8_inv,
    MSTYPE = @extschema@.ar_aging_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_aging_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'The ar_aging_state of rows (amount float8, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, as_of timestamptz), for rollups: store it, then read the metric with its aggregate over ar_aging_state, or merge states with ar_aging_state(ar_aging_state)';

CREATE FUNCTION @extschema@.dso_countback_tstz_numeric_sfunc(@extschema@.dso_countback_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz)
RETURNS @extschema@.dso_countback_state AS 'MODULE_PATHNAME', 'dso_countback_tstz_numeric_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_countback_tstz_numeric_sfunc(@extschema@.dso_countback_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'Adds a row (amount numeric, issued_on timestamptz, paid_on timestamptz, as_of timestamptz) to a dso_countback_state';

CREATE FUNCTION @extschema@.dso_countback_tstz_numeric_inv(@extschema@.dso_countback_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz)
RETURNS @extschema@.dso_countback_state AS 'MODULE_PATHNAME', 'dso_countback_tstz_numeric_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_countback_tstz_numeric_inv(@extschema@.dso_countback_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'Removes a row (amount numeric, issued_on timestamptz, paid_on timestamptz, as_of timestamptz) from a dso_countback_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.dso_countback(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) (
    SFUNC = @extschema@.dso_countback_tstz_numeric_sfunc,
    STYPE = @extschema@.dso_countback_state,
    FINALFUNC = @extschema@.dso_countback_final,
    COMBINEFUNC = @extschema@.dso_countback_state_combine,
    MSFUNC = @extschema@.dso_countback_tstz_numeric_sfunc,
    MINVFUNC = @extschema@.dso_countback_tstz_numeric_inv,
    MSTYPE = @extschema@.dso_countback_state,
    MFINALFUNC = @extschema@.dso_countback_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_countback(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'Countback DSO of invoices at as_of: receivables outstanding at as_of counted back over the sales of as_ofs month (up to as_of) and the calendar months before it, each with its real number of days; each timestamptz counts as its calendar day in the session TimeZone';

CREATE AGGREGATE @extschema@.dso_countback_state(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) (
    SFUNC = @extschema@.dso_countback_tstz_numeric_sfunc,
    STYPE = @extschema@.dso_countback_state,
    COMBINEFUNC = @extschema@.dso_countback_state_combine,
    MSFUNC = @extschema@.dso_countback_tstz_numeric_sfunc,
    MINVFUNC = @extschema@.dso_countback_tstz_numeric_inv,
    MSTYPE = @extschema@.dso_countback_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_countback_state(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'The dso_countback_state of rows (amount numeric, issued_on timestamptz, paid_on timestamptz, as_of timestamptz), for rollups: store it, then read the metric with its aggregate over dso_countback_state, or merge states with dso_countback_state(dso_countback_state)';

CREATE FUNCTION @extschema@.dso_countback_tstz_float8_sfunc(@extschema@.dso_countback_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz)
RETURNS @extschema@.dso_countback_state AS 'MODULE_PATHNAME', 'dso_countback_tstz_float8_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_countback_tstz_float8_sfunc(@extschema@.dso_countback_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'Adds a row (amount float8, issued_on timestamptz, paid_on timestamptz, as_of timestamptz) to a dso_countback_state';

CREATE FUNCTION @extschema@.dso_countback_tstz_float8_inv(@extschema@.dso_countback_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz)
RETURNS @extschema@.dso_countback_state AS 'MODULE_PATHNAME', 'dso_countback_tstz_float8_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso_countback_tstz_float8_inv(@extschema@.dso_countback_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'Removes a row (amount float8, issued_on timestamptz, paid_on timestamptz, as_of timestamptz) from a dso_countback_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.dso_countback(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) (
    SFUNC = @extschema@.dso_countback_tstz_float8_sfunc,
    STYPE = @extschema@.dso_countback_state,
    FINALFUNC = @extschema@.dso_countback_final,
    COMBINEFUNC = @extschema@.dso_countback_state_combine,
    MSFUNC = @extschema@.dso_countback_tstz_float8_sfunc,
    MINVFUNC = @extschema@.dso_countback_tstz_float8_inv,
    MSTYPE = @extschema@.dso_countback_state,
    MFINALFUNC = @extschema@.dso_countback_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_countback(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'Countback DSO of invoices at as_of: receivables outstanding at as_of counted back over the sales of as_ofs month (up to as_of) and the calendar months before it, each with its real number of days; each timestamptz counts as its calendar day in the session TimeZone';

CREATE AGGREGATE @extschema@.dso_countback_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) (
    SFUNC = @extschema@.dso_countback_tstz_float8_sfunc,
    STYPE = @extschema@.dso_countback_state,
    COMBINEFUNC = @extschema@.dso_countback_state_combine,
    MSFUNC = @extschema@.dso_countback_tstz_float8_sfunc,
    MINVFUNC = @extschema@.dso_countback_tstz_float8_inv,
    MSTYPE = @extschema@.dso_countback_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dso_countback_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, as_of pg_catalog.timestamptz) IS
    'The dso_countback_state of rows (amount float8, issued_on timestamptz, paid_on timestamptz, as_of timestamptz), for rollups: store it, then read the metric with its aggregate over dso_countback_state, or merge states with dso_countback_state(dso_countback_state)';

CREATE FUNCTION @extschema@.best_possible_dso_tstz_numeric_sfunc(@extschema@.best_possible_dso_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.best_possible_dso_state AS 'MODULE_PATHNAME', 'best_possible_dso_tstz_numeric_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.best_possible_dso_tstz_numeric_sfunc(@extschema@.best_possible_dso_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Adds a row (amount numeric, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, period tstzrange) to a best_possible_dso_state';

CREATE FUNCTION @extschema@.best_possible_dso_tstz_numeric_inv(@extschema@.best_possible_dso_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.best_possible_dso_state AS 'MODULE_PATHNAME', 'best_possible_dso_tstz_numeric_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.best_possible_dso_tstz_numeric_inv(@extschema@.best_possible_dso_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Removes a row (amount numeric, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, period tstzrange) from a best_possible_dso_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.best_possible_dso(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.best_possible_dso_tstz_numeric_sfunc,
    STYPE = @extschema@.best_possible_dso_state,
    FINALFUNC = @extschema@.best_possible_dso_final,
    COMBINEFUNC = @extschema@.best_possible_dso_state_combine,
    MSFUNC = @extschema@.best_possible_dso_tstz_numeric_sfunc,
    MINVFUNC = @extschema@.best_possible_dso_tstz_numeric_inv,
    MSTYPE = @extschema@.best_possible_dso_state,
    MFINALFUNC = @extschema@.best_possible_dso_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.best_possible_dso(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Best possible DSO of invoices over a period [start, end): receivables not yet due at its last day / credit sales issued in it * its days; each timestamptz counts as its calendar day in the session TimeZone';

CREATE AGGREGATE @extschema@.best_possible_dso_state(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.best_possible_dso_tstz_numeric_sfunc,
    STYPE = @extschema@.best_possible_dso_state,
    COMBINEFUNC = @extschema@.best_possible_dso_state_combine,
    MSFUNC = @extschema@.best_possible_dso_tstz_numeric_sfunc,
    MINVFUNC = @extschema@.best_possible_dso_tstz_numeric_inv,
    MSTYPE = @extschema@.best_possible_dso_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.best_possible_dso_state(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'The best_possible_dso_state of rows (amount numeric, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, period tstzrange), for rollups: store it, then read the metric with its aggregate over best_possible_dso_state, or merge states with best_possible_dso_state(best_possible_dso_state)';

CREATE FUNCTION @extschema@.best_possible_dso_tstz_float8_sfunc(@extschema@.best_possible_dso_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.best_possible_dso_state AS 'MODULE_PATHNAME', 'best_possible_dso_tstz_float8_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.best_possible_dso_tstz_float8_sfunc(@extschema@.best_possible_dso_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Adds a row (amount float8, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, period tstzrange) to a best_possible_dso_state';

CREATE FUNCTION @extschema@.best_possible_dso_tstz_float8_inv(@extschema@.best_possible_dso_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.best_possible_dso_state AS 'MODULE_PATHNAME', 'best_possible_dso_tstz_float8_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.best_possible_dso_tstz_float8_inv(@extschema@.best_possible_dso_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Removes a row (amount float8, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, period tstzrange) from a best_possible_dso_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.best_possible_dso(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.best_possible_dso_tstz_float8_sfunc,
    STYPE = @extschema@.best_possible_dso_state,
    FINALFUNC = @extschema@.best_possible_dso_final,
    COMBINEFUNC = @extschema@.best_possible_dso_state_combine,
    MSFUNC = @extschema@.best_possible_dso_tstz_float8_sfunc,
    MINVFUNC = @extschema@.best_possible_dso_tstz_float8_inv,
    MSTYPE = @extschema@.best_possible_dso_state,
    MFINALFUNC = @extschema@.best_possible_dso_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.best_possible_dso(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Best possible DSO of invoices over a period [start, end): receivables not yet due at its last day / credit sales issued in it * its days; each timestamptz counts as its calendar day in the session TimeZone';

CREATE AGGREGATE @extschema@.best_possible_dso_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.best_possible_dso_tstz_float8_sfunc,
    STYPE = @extschema@.best_possible_dso_state,
    COMBINEFUNC = @extschema@.best_possible_dso_state_combine,
    MSFUNC = @extschema@.best_possible_dso_tstz_float8_sfunc,
    MINVFUNC = @extschema@.best_possible_dso_tstz_float8_inv,
    MSTYPE = @extschema@.best_possible_dso_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.best_possible_dso_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'The best_possible_dso_state of rows (amount float8, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, period tstzrange), for rollups: store it, then read the metric with its aggregate over best_possible_dso_state, or merge states with best_possible_dso_state(best_possible_dso_state)';

CREATE FUNCTION @extschema@.cei_tstz_numeric_sfunc(@extschema@.cei_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.cei_state AS 'MODULE_PATHNAME', 'cei_tstz_numeric_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cei_tstz_numeric_sfunc(@extschema@.cei_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Adds a row (amount numeric, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, period tstzrange) to a cei_state';

CREATE FUNCTION @extschema@.cei_tstz_numeric_inv(@extschema@.cei_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.cei_state AS 'MODULE_PATHNAME', 'cei_tstz_numeric_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cei_tstz_numeric_inv(@extschema@.cei_state, amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Removes a row (amount numeric, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, period tstzrange) from a cei_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cei(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.cei_tstz_numeric_sfunc,
    STYPE = @extschema@.cei_state,
    FINALFUNC = @extschema@.cei_final,
    COMBINEFUNC = @extschema@.cei_state_combine,
    MSFUNC = @extschema@.cei_tstz_numeric_sfunc,
    MINVFUNC = @extschema@.cei_tstz_numeric_inv,
    MSTYPE = @extschema@.cei_state,
    MFINALFUNC = @extschema@.cei_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cei(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Collection effectiveness index of invoices over a period [start, end), one month: 100 * (BR + CS - ETR) / (BR + CS - ECR) with BR outstanding before it, CS issued in it, ETR and ECR outstanding and not yet due at its last day; each timestamptz counts as its calendar day in the session TimeZone';

CREATE AGGREGATE @extschema@.cei_state(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.cei_tstz_numeric_sfunc,
    STYPE = @extschema@.cei_state,
    COMBINEFUNC = @extschema@.cei_state_combine,
    MSFUNC = @extschema@.cei_tstz_numeric_sfunc,
    MINVFUNC = @extschema@.cei_tstz_numeric_inv,
    MSTYPE = @extschema@.cei_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cei_state(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'The cei_state of rows (amount numeric, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, period tstzrange), for rollups: store it, then read the metric with its aggregate over cei_state, or merge states with cei_state(cei_state)';

CREATE FUNCTION @extschema@.cei_tstz_float8_sfunc(@extschema@.cei_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.cei_state AS 'MODULE_PATHNAME', 'cei_tstz_float8_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cei_tstz_float8_sfunc(@extschema@.cei_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Adds a row (amount float8, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, period tstzrange) to a cei_state';

CREATE FUNCTION @extschema@.cei_tstz_float8_inv(@extschema@.cei_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange)
RETURNS @extschema@.cei_state AS 'MODULE_PATHNAME', 'cei_tstz_float8_inv'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cei_tstz_float8_inv(@extschema@.cei_state, amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Removes a row (amount float8, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, period tstzrange) from a cei_state: the inverse transition, for sliding windows';

CREATE AGGREGATE @extschema@.cei(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.cei_tstz_float8_sfunc,
    STYPE = @extschema@.cei_state,
    FINALFUNC = @extschema@.cei_final,
    COMBINEFUNC = @extschema@.cei_state_combine,
    MSFUNC = @extschema@.cei_tstz_float8_sfunc,
    MINVFUNC = @extschema@.cei_tstz_float8_inv,
    MSTYPE = @extschema@.cei_state,
    MFINALFUNC = @extschema@.cei_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cei(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'Collection effectiveness index of invoices over a period [start, end), one month: 100 * (BR + CS - ETR) / (BR + CS - ECR) with BR outstanding before it, CS issued in it, ETR and ECR outstanding and not yet due at its last day; each timestamptz counts as its calendar day in the session TimeZone';

CREATE AGGREGATE @extschema@.cei_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.cei_tstz_float8_sfunc,
    STYPE = @extschema@.cei_state,
    COMBINEFUNC = @extschema@.cei_state_combine,
    MSFUNC = @extschema@.cei_tstz_float8_sfunc,
    MINVFUNC = @extschema@.cei_tstz_float8_inv,
    MSTYPE = @extschema@.cei_state,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cei_state(amount pg_catalog.float8, issued_on pg_catalog.timestamptz, due_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) IS
    'The cei_state of rows (amount float8, issued_on timestamptz, due_on timestamptz, paid_on timestamptz, period tstzrange), for rollups: store it, then read the metric with its aggregate over cei_state, or merge states with cei_state(cei_state)';
