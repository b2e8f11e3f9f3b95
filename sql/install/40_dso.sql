-- Days Sales Outstanding (SPEC section 5): dso over invoices (date and
-- timestamptz periods), dso on known figures, avg_days_to_pay.  Amounts are
-- summed exactly as int64 fixed-point in units of 1/10000 (src/dso.c).

SELECT @extschema@.retention_define_state('dso_state',
    'Partial Days Sales Outstanding over a daterange period: receivables and credit sales (in 1/10000 units) and the period');
SELECT @extschema@.retention_define_final('dso', 'dso_state', 'dso_final', 'pg_catalog.float8',
    'Days Sales Outstanding: receivables / credit sales * days in the period');
SELECT @extschema@.retention_define_metric('dso',
    'amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date, period pg_catalog.daterange',
    'dso_state', 'dso_sfunc', 'dso_inv', 'dso_final',
    'Days Sales Outstanding of invoices over a period [start, end): receivables at the end (issued before it, unpaid by then) / credit sales issued in the period * days in the period');

SELECT @extschema@.retention_define_state('dso_tstz_state',
    'Partial Days Sales Outstanding over a tstzrange period: receivables and credit sales (in 1/10000 units) and the period');
SELECT @extschema@.retention_define_final('dso', 'dso_tstz_state', 'dso_tstz_final', 'pg_catalog.float8',
    'Days Sales Outstanding (days of 86 400 s): receivables / credit sales * days in the period');
SELECT @extschema@.retention_define_metric('dso',
    'amount pg_catalog.numeric, issued_on pg_catalog.timestamptz, paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange',
    'dso_tstz_state', 'dso_tstz_sfunc', 'dso_tstz_inv', 'dso_tstz_final',
    'Days Sales Outstanding of invoices over a period [start, end), days counted as 86 400 s: receivables at the end / credit sales in the period * days in the period');

-- The state aggregate of the timestamptz form is dso_tstz_state(args); this
-- gives it the name every other state aggregate has, m_state(args) (SPEC 1).
CREATE AGGREGATE @extschema@.dso_state(amount pg_catalog.numeric, issued_on pg_catalog.timestamptz,
    paid_on pg_catalog.timestamptz, period pg_catalog.tstzrange) (
    SFUNC = @extschema@.dso_tstz_sfunc, STYPE = @extschema@.dso_tstz_state,
    COMBINEFUNC = @extschema@.dso_tstz_state_combine,
    MSFUNC = @extschema@.dso_tstz_sfunc, MINVFUNC = @extschema@.dso_tstz_inv,
    MSTYPE = @extschema@.dso_tstz_state, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.dso_state(pg_catalog.numeric, pg_catalog.timestamptz,
    pg_catalog.timestamptz, pg_catalog.tstzrange) IS
    'Partial state of dso(amount, issued_on timestamptz, paid_on timestamptz, period tstzrange), a dso_tstz_state, for rollups: store it, then merge with dso(dso_tstz_state) or dso_tstz_state(dso_tstz_state)';

CREATE FUNCTION @extschema@.dso(receivables pg_catalog.float8, credit_sales pg_catalog.float8,
    days pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'dso_figures'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dso(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'Days Sales Outstanding of known figures: receivables / credit_sales * days; NULL when credit_sales is 0';

SELECT @extschema@.retention_define_state('avg_days_to_pay_state',
    'Partial amount-weighted days to pay: paid amount and the sum of amount * days (both in 1/10000 units)');
SELECT @extschema@.retention_define_final('avg_days_to_pay', 'avg_days_to_pay_state',
    'avg_days_to_pay_final', 'pg_catalog.float8',
    'Amount-weighted mean days from issue to payment');
SELECT @extschema@.retention_define_metric('avg_days_to_pay',
    'amount pg_catalog.numeric, issued_on pg_catalog.date, paid_on pg_catalog.date',
    'avg_days_to_pay_state', 'avg_days_to_pay_sfunc', 'avg_days_to_pay_inv', 'avg_days_to_pay_final',
    'Amount-weighted mean days from issue to payment over paid invoices (unpaid ones, paid_on NULL, are skipped)');
