/*-------------------------------------------------------------------------
 *
 * unit_economics.c
 *	  SaaS unit economics (SPEC section 9): the scalar functions cac,
 *	  ltv_cac_ratio and cac_payback_months, and the aggregate
 *	  trial_conversion_rate(trial_started_at, converted_at, within).
 *
 * The scalars take what a finance sheet has (spend, customer counts, LTV,
 * ARPA, gross margin as a fraction from 0 to 1, as saas_ltv does); a
 * negative or non-finite figure is 22003, and a ratio over zero is NULL,
 * never an error or infinity.
 *
 * trial_conversion_rate counts trials (rows with a start) and the trials
 * converted no later than trial_started_at + within (inclusive); its state
 * is a fixed-size RetState (state.h) with the window as a parameter that
 * must be the same in every row of a group.  Counts can be taken back, so
 * it has moving-aggregate support.  The timestamptz form adds the interval
 * in the session time zone (a day is a calendar day across daylight-saving
 * changes), so its transition functions are STABLE.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "figures.h"
#include "state.h"

/* ---------- scalars ---------- */

static void
check_new_customers(int64 n)
{
	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("new_customers " INT64_FORMAT " is out of range", n),
				 errhint("new_customers is a count, zero or more.")));
}

/* cac(spend float8, new_customers bigint) = spend / new_customers */
PG_FUNCTION_INFO_V1(cac_float8);
Datum
cac_float8(PG_FUNCTION_ARGS)
{
	double		spend = nonnegative_arg(fcinfo, 0, "spend");
	int64		n = PG_GETARG_INT64(1);

	check_new_customers(n);
	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(spend / (double) n);
}

/* cac(spend numeric, new_customers bigint), exact */
PG_FUNCTION_INFO_V1(cac_numeric);
Datum
cac_numeric(PG_FUNCTION_ARGS)
{
	Numeric		spend = PG_GETARG_NUMERIC(0);
	int64		n = PG_GETARG_INT64(1);

	if (numeric_is_nan(spend) || numeric_is_inf(spend) ||
		DatumGetBool(DirectFunctionCall2(numeric_lt, NumericGetDatum(spend),
										 NumericGetDatum(int64_to_numeric(0)))))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("spend %s is out of range", numeric_normalize(spend)),
				 errhint("spend is a finite amount, zero or more.")));
	check_new_customers(n);
	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_div, NumericGetDatum(spend),
										NumericGetDatum(int64_to_numeric(n))));
}

/* ltv_cac_ratio(ltv, cac) = ltv / cac */
PG_FUNCTION_INFO_V1(ltv_cac_ratio);
Datum
ltv_cac_ratio(PG_FUNCTION_ARGS)
{
	double		ltv = nonnegative_arg(fcinfo, 0, "ltv");
	double		cac = nonnegative_arg(fcinfo, 1, "cac");

	if (cac == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(finite_result("ltv_cac_ratio", ltv / cac));
}

/* cac_payback_months(cac, arpa, gross_margin) = cac / (arpa * gross_margin) */
PG_FUNCTION_INFO_V1(cac_payback_months);
Datum
cac_payback_months(PG_FUNCTION_ARGS)
{
	double		cac = nonnegative_arg(fcinfo, 0, "cac");
	double		arpa = nonnegative_arg(fcinfo, 1, "arpa");
	double		margin = margin_arg(fcinfo, 2);

	if (arpa * margin == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(finite_result("cac_payback_months", cac / (arpa * margin)));
}

/* ---------- trial_conversion_rate ---------- */

enum
{
	TC_TRIALS, TC_CONVERTED, TC_WITHIN_MONTHS, TC_WITHIN_DAYS, TC_WITHIN_USECS
};

static const RetField trial_fields[] = {
	{"trials", RF_COUNT}, {"converted", RF_COUNT},
	{"within_months", RF_PARAM}, {"within_days", RF_PARAM}, {"within_usecs", RF_PARAM}
};

/* No more conversions than trials; a window of zero or more. */
static const char *
trial_check(const int64 *v, bool params_set)
{
	if (v[TC_CONVERTED] > v[TC_TRIALS])
		return "It has more conversions than trials.";
	if (params_set &&
		(v[TC_WITHIN_MONTHS] < 0 || v[TC_WITHIN_MONTHS] > PG_INT32_MAX ||
		 v[TC_WITHIN_DAYS] < 0 || v[TC_WITHIN_DAYS] > PG_INT32_MAX || v[TC_WITHIN_USECS] < 0))
		return "Its window is negative or out of range.";
	if (!params_set && (v[TC_WITHIN_MONTHS] != 0 || v[TC_WITHIN_DAYS] != 0 || v[TC_WITHIN_USECS] != 0))
		return "It has a window but no parameters set.";
	return NULL;
}

static const RetStateDesc trial_desc = {
	"trial_conversion_rate_state", 5, trial_fields, trial_check
};

RETENTION_STATE_FUNCTIONS(trial_conversion_rate_state, trial_desc)

/* The window argument: 22004 when NULL, 22023 when negative. */
static Interval *
within_arg(FunctionCallInfo fcinfo, int argno)
{
	Interval   *within;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("within must not be NULL"),
				 errhint("within is how long after its start a trial may convert, e.g. '14 days'.")));
	within = PG_GETARG_INTERVAL_P(argno);
	if (within->month < 0 || within->day < 0 || within->time < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("within %s is out of range",
						DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(within)))),
				 errhint("within is zero or more in each of its months, days and time, e.g. '14 days'.")));
	return within;
}

/* Count one trial (delta 1) or take it back (delta -1). */
static void
trial_count(RetState *state, Interval *within, bool converted, int64 delta)
{
	int64		params[3];

	params[0] = within->month;
	params[1] = within->day;
	params[2] = within->time;
	ret_state_set_params(&trial_desc, state, params);
	ret_state_bump(state, TC_TRIALS, delta);
	if (converted)
		ret_state_bump(state, TC_CONVERTED, delta);
}

static Datum
trial_timestamptz_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &trial_desc);
	Interval   *within = within_arg(fcinfo, 3);
	bool		converted = false;

	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(state);
	if (!PG_ARGISNULL(2))
	{
		Datum		limit = DirectFunctionCall2(timestamptz_pl_interval, PG_GETARG_DATUM(1),
												IntervalPGetDatum(within));

		converted = PG_GETARG_TIMESTAMPTZ(2) <= DatumGetTimestampTz(limit);
	}
	trial_count(state, within, converted, delta);
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(trial_conversion_rate_sfunc, trial_conversion_rate_inv, trial_timestamptz_step)

static Datum
trial_date_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &trial_desc);
	Interval   *within = within_arg(fcinfo, 3);
	bool		converted = false;

	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(state);
	if (!PG_ARGISNULL(2))
	{
		/* date + interval as timestamp (no time zone): calendar arithmetic */
		Datum		start = DirectFunctionCall1(date_timestamp, PG_GETARG_DATUM(1));
		Datum		limit = DirectFunctionCall2(timestamp_pl_interval, start,
												IntervalPGetDatum(within));
		Datum		conv = DirectFunctionCall1(date_timestamp, PG_GETARG_DATUM(2));

		converted = DatumGetTimestamp(conv) <= DatumGetTimestamp(limit);
	}
	trial_count(state, within, converted, delta);
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(trial_conversion_rate_date_sfunc, trial_conversion_rate_date_inv, trial_date_step)

/* 100 * converted / trials, NULL without trials. */
PG_FUNCTION_INFO_V1(trial_conversion_rate_final);
Datum
trial_conversion_rate_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &trial_desc);

	if (state->v[TC_TRIALS] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) state->v[TC_CONVERTED] / (double) state->v[TC_TRIALS]);
}
