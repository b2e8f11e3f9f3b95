/*-------------------------------------------------------------------------
 *
 * dso.c
 *	  Days Sales Outstanding over invoices, the same formula on figures
 *	  already known, and the amount-weighted mean days to pay.
 *
 * dso(amount, issued_on, paid_on, period) reduces a group of invoices to two
 * exact sums and the period:
 *
 *	receivables  = sum of amounts issued before the period's end and not paid
 *				   by then (paid_on NULL or on/after the end)
 *	credit_sales = sum of amounts issued within the period
 *	DSO			 = receivables / credit_sales * days in the period
 *
 * Amounts are held as int64 fixed-point in units of 1/10000 (amount.h:
 * four decimal places, rounded half away from zero), so the sums are exact,
 * combine exactly across parallel workers and stored states, and a row can
 * be removed again for sliding windows.  The date form (dso_state) and the
 * timestamptz form (dso_tstz_state) keep the period's bounds as period.h
 * says, in microseconds, printed readably in the state's text form.
 *
 * avg_days_to_pay(amount, issued_on, paid_on) keeps the paid amount and the
 * sum of amount * days, both in the same fixed-point units.  Every form
 * takes a numeric or a double precision amount (one C entry point each),
 * which give the same units.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

#include "amount.h"
#include "period.h"
#include "receivables_common.h"
#include "state.h"

#define USECS_PER_DAY_F		86400000000.0

/* Period bounds in a state's text form: period.c's, for both kinds. */
static void
dso_format_param(StringInfo buf, int field, int64 value)
{
	period_format_bound(buf, value);
}

static bool
dso_parse_param(int field, const char *text, int64 *value)
{
	return period_parse_bound(text, value);
}

/* ---------- dso(amount, issued_on, paid_on, period) ---------- */

enum
{
	DSO_RECEIVABLES, DSO_CREDIT_SALES, DSO_PERIOD_START, DSO_PERIOD_END
};

static const RetField dso_fields[] = {
	{"receivables", RF_COUNT}, {"credit_sales", RF_COUNT},
	{"period_start", RF_PARAM}, {"period_end", RF_PARAM}
};

/* Sums need a period; the period must be one period.c accepts. */
static const char *
dso_check(const int64 *v, bool params_set, PeriodKind kind)
{
	if (!params_set)
	{
		if (v[DSO_RECEIVABLES] != 0 || v[DSO_CREDIT_SALES] != 0)
			return "It has sums but no period.";
		return NULL;
	}
	return period_problem(kind, v[DSO_PERIOD_START], v[DSO_PERIOD_END]);
}

static const char *
dso_date_check(const int64 *v, bool params_set)
{
	return dso_check(v, params_set, PERIOD_DATE);
}

static const char *
dso_tstz_check(const int64 *v, bool params_set)
{
	return dso_check(v, params_set, PERIOD_TIMESTAMPTZ);
}

static const RetStateDesc dso_desc = {
	"dso_state", 4, dso_fields, dso_date_check, dso_format_param, dso_parse_param
};
static const RetStateDesc dso_tstz_desc = {
	"dso_tstz_state", 4, dso_fields, dso_tstz_check, dso_format_param, dso_parse_param
};

RETENTION_STATE_FUNCTIONS(dso_state, dso_desc)
RETENTION_STATE_FUNCTIONS(dso_tstz_state, dso_tstz_desc)

/*
 * One invoice.  Issue, payment and the period's lo and hi are int64 in the
 * subtype's unit (days or microseconds); paid_null says the invoice is
 * unpaid.
 */
static Datum
dso_step(FunctionCallInfo fcinfo, int64 delta, int variant)
{
	bool		is_date = (variant & RV_TIMESTAMPTZ) == 0;
	const RetStateDesc *desc = is_date ? &dso_desc : &dso_tstz_desc;
	RetState   *state = ret_state_for_update(fcinfo, desc);
	const Period *period;
	int64		params[2];
	int64		units,
				issued,
				paid = 0;
	bool		paid_null = PG_ARGISNULL(3);
	bool		outstanding,
				sale;

	/*
	 * The period first: a NULL period is 22004 (a missing value, not a bad
	 * one) on every row, as in churn_rate, even where the invoice is skipped.
	 */
	period = period_arg(fcinfo, 4,
						period_cache(fcinfo, 4, is_date ? DATERANGEOID : TSTZRANGEOID,
									 ERRCODE_NULL_VALUE_NOT_ALLOWED));

	/* a row without amount or issue date is skipped, like avg() skips NULL */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(state);
	if (is_date)
	{
		issued = PG_GETARG_DATEADT(2);
		if (!paid_null)
			paid = PG_GETARG_DATEADT(3);
	}
	else
	{
		issued = PG_GETARG_TIMESTAMPTZ(2);
		if (!paid_null)
			paid = PG_GETARG_TIMESTAMPTZ(3);
	}
	if (!paid_null && paid < issued)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("payment on %s is before the invoice's issue on %s",
						is_date ? DatumGetCString(DirectFunctionCall1(date_out, PG_GETARG_DATUM(3)))
						: DatumGetCString(DirectFunctionCall1(timestamptz_out, PG_GETARG_DATUM(3))),
						is_date ? DatumGetCString(DirectFunctionCall1(date_out, PG_GETARG_DATUM(2)))
						: DatumGetCString(DirectFunctionCall1(timestamptz_out, PG_GETARG_DATUM(2)))),
				 errhint("paid_on must be on or after issued_on, or NULL for an unpaid invoice.")));

	params[0] = period->start;
	params[1] = period->end;
	ret_state_set_params(desc, state, params);

	/* outstanding at the period's end: issued before it, not paid by then */
	outstanding = issued < period->hi && (paid_null || paid >= period->hi);
	/* credit sales: issued within the period */
	sale = issued >= period->lo && issued < period->hi;
	/* checked even when the invoice counts in no sum: a bad amount is an error wherever it is */
	units = amount_arg(fcinfo, 1, (variant & RV_FLOAT8_AMOUNT) != 0);
	if (outstanding)
		sum_step(state, DSO_RECEIVABLES, units, delta);
	if (sale)
		sum_step(state, DSO_CREDIT_SALES, units, delta);
	PG_RETURN_POINTER(state);
}

RETENTION_VARIANT_STEP_FUNCTIONS(dso_sfunc, dso_inv, dso_step, 0)
RETENTION_VARIANT_STEP_FUNCTIONS(dso_tstz_sfunc, dso_tstz_inv, dso_step, RV_TIMESTAMPTZ)
RETENTION_VARIANT_STEP_FUNCTIONS(dso_float8_sfunc, dso_float8_inv, dso_step, RV_FLOAT8_AMOUNT)
RETENTION_VARIANT_STEP_FUNCTIONS(dso_tstz_float8_sfunc, dso_tstz_float8_inv, dso_step,
								 RV_TIMESTAMPTZ | RV_FLOAT8_AMOUNT)

/* DSO of a state, NULL without credit sales; days of the period given. */
static Datum
dso_result(FunctionCallInfo fcinfo, const RetState *state, double days)
{
	if (!(state->flags & RS_PARAMS_SET) || state->v[DSO_CREDIT_SALES] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) state->v[DSO_RECEIVABLES] /
					 (double) state->v[DSO_CREDIT_SALES] * days);
}

PG_FUNCTION_INFO_V1(dso_final);
Datum
dso_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &dso_desc);

	/*
	 * whole days, exactly: bounds of a date period are midnights (the
	 * integer division is intended)
	 */
	return dso_result(fcinfo, state,
					  (double) ((state->v[DSO_PERIOD_END] - state->v[DSO_PERIOD_START]) / USECS_PER_DAY));	/* NOLINT(bugprone-integer-division) */
}

PG_FUNCTION_INFO_V1(dso_tstz_final);
Datum
dso_tstz_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &dso_tstz_desc);

	return dso_result(fcinfo, state,
					  (double) (state->v[DSO_PERIOD_END] - state->v[DSO_PERIOD_START]) / USECS_PER_DAY_F);
}

/* ---------- dso(receivables, credit_sales, days) ---------- */

PG_FUNCTION_INFO_V1(dso_figures);
Datum
dso_figures(PG_FUNCTION_ARGS)
{
	double		receivables = PG_GETARG_FLOAT8(0);
	double		credit_sales = PG_GETARG_FLOAT8(1);
	double		days = PG_GETARG_FLOAT8(2);
	double		result;

	check_figure("receivables", receivables);
	check_figure("credit_sales", credit_sales);
	if (isnan(days) || isinf(days) || days <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("days %g is out of range", days),
				 errhint("days is the length of the period, a finite number above zero.")));
	if (credit_sales == 0)
		PG_RETURN_NULL();
	result = receivables / credit_sales * days;
	if (isinf(result))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("DSO of receivables %g, credit_sales %g and days %g is out of range",
						receivables, credit_sales, days)));
	PG_RETURN_FLOAT8(result);
}

/* ---------- avg_days_to_pay(amount, issued_on, paid_on) ---------- */

enum
{
	ADP_PAID_AMOUNT, ADP_AMOUNT_DAYS
};

static const RetField adp_fields[] = {
	{"paid_amount", RF_COUNT}, {"amount_days", RF_COUNT}
};

/*
 * The most days an invoice can take to be paid: from the first date to the
 * last one PostgreSQL has (4714-11-24 BC to 5874897-12-31).
 */
#define ADP_MAX_DAYS	((int64) (DATE_END_JULIAN - 1 - DATETIME_MIN_JULIAN))

/*
 * amount * days lies between 0 and paid_amount * the longest possible
 * wait; in particular it is zero when nothing was paid.
 */
static const char *
adp_check(const int64 *v, bool params_set)
{
	int64		most;

	if (!pg_mul_s64_overflow(v[ADP_PAID_AMOUNT], ADP_MAX_DAYS, &most) &&
		v[ADP_AMOUNT_DAYS] > most)
		return psprintf("amount_days " INT64_FORMAT " is more than paid_amount " INT64_FORMAT
						" times the longest possible wait of " INT64_FORMAT " days.",
						v[ADP_AMOUNT_DAYS], v[ADP_PAID_AMOUNT], ADP_MAX_DAYS);
	return NULL;
}

static const RetStateDesc adp_desc = {
	"avg_days_to_pay_state", 2, adp_fields, adp_check
};

RETENTION_STATE_FUNCTIONS(avg_days_to_pay_state, adp_desc)

static Datum
adp_step(FunctionCallInfo fcinfo, int64 delta, int variant)
{
	RetState   *state = ret_state_for_update(fcinfo, &adp_desc);
	int64		units,
				days,
				weighted;
	DateADT		issued,
				paid;

	/* unpaid invoices (paid_on NULL) and rows with NULLs are skipped */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_POINTER(state);
	units = amount_arg(fcinfo, 1, (variant & RV_FLOAT8_AMOUNT) != 0);
	issued = PG_GETARG_DATEADT(2);
	paid = PG_GETARG_DATEADT(3);
	if (DATE_NOT_FINITE(issued) || DATE_NOT_FINITE(paid))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("issued_on %s or paid_on %s is infinite",
						DatumGetCString(DirectFunctionCall1(date_out, PG_GETARG_DATUM(2))),
						DatumGetCString(DirectFunctionCall1(date_out, PG_GETARG_DATUM(3)))),
				 errhint("Invoice dates are finite.")));
	if (paid < issued)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("payment on %s is before the invoice's issue on %s",
						DatumGetCString(DirectFunctionCall1(date_out, PG_GETARG_DATUM(3))),
						DatumGetCString(DirectFunctionCall1(date_out, PG_GETARG_DATUM(2)))),
				 errhint("paid_on must be on or after issued_on, or NULL for an unpaid invoice.")));
	days = (int64) paid - (int64) issued;
	if (pg_mul_s64_overflow(units, days, &weighted))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("amount times days to pay is out of range"),
				 errhint("amount * days is summed exactly in units of 1/%d and must stay below %s.",
						 AMOUNT_SCALE, amount_to_cstring(AMOUNT_MAX_UNITS))));
	sum_step(state, ADP_PAID_AMOUNT, units, delta);
	sum_step(state, ADP_AMOUNT_DAYS, weighted, delta);
	PG_RETURN_POINTER(state);
}

RETENTION_VARIANT_STEP_FUNCTIONS(avg_days_to_pay_sfunc, avg_days_to_pay_inv, adp_step, 0)
RETENTION_VARIANT_STEP_FUNCTIONS(avg_days_to_pay_float8_sfunc, avg_days_to_pay_float8_inv, adp_step,
								 RV_FLOAT8_AMOUNT)

PG_FUNCTION_INFO_V1(avg_days_to_pay_final);
Datum
avg_days_to_pay_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &adp_desc);

	if (state->v[ADP_PAID_AMOUNT] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) state->v[ADP_AMOUNT_DAYS] / (double) state->v[ADP_PAID_AMOUNT]);
}
