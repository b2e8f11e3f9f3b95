/*-------------------------------------------------------------------------
 *
 * revenue.c
 *	  Revenue retention over (start_mrr, end_mrr) rows, one per customer:
 *	  net_revenue_retention, gross_revenue_retention, revenue_churn_rate and
 *	  revenue_churn (SPEC section 3).
 *
 * The four share one state, revenue_state: the number of customers and
 * three sums, sum of start, sum of end and sum of lost revenue
 * max(start - end, 0).  The retained revenue, sum of min(start, end), is
 * start - lost, so it needs no field of its own.
 *
 * The sums are exact: every amount is converted to an integer number of
 * 1/10000 currency units (amount.h) and summed in int64, so adding and
 * removing a row (the inverse transition of sliding windows) is exact, and
 * the total does not depend on the row order, on parallel workers or on
 * rollups.  int64 holds a total of 922 337 203 685 477.5807, far beyond any
 * recurring revenue; a sum beyond that is an error (22003), never a wrong
 * number.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "amount.h"
#include "state.h"

enum
{
	REV_CUSTOMERS, REV_START, REV_END, REV_LOST
};

static const RetField revenue_fields[] = {
	{"customers", RF_COUNT}, {"start_mrr", RF_COUNT}, {"end_mrr", RF_COUNT},
	{"lost_mrr", RF_COUNT}
};

/*
 * Whole-state rules: every customer brings a positive start amount, no more
 * is lost than there was at start, and at least start - end is lost.
 */
static const char *
revenue_check(const int64 *v, bool params_set)
{
	if (v[REV_CUSTOMERS] == 0 &&
		(v[REV_START] != 0 || v[REV_END] != 0 || v[REV_LOST] != 0))
		return "It has amounts but no customers.";
	if (v[REV_START] < v[REV_CUSTOMERS])
		return "Its start amount is smaller than one unit per customer.";
	if (v[REV_LOST] > v[REV_START])
		return "More revenue is lost than there was at start.";

	/*
	 * lost = sum of max(start - end, 0) >= sum of (start - end), so the
	 * retained revenue (start - lost) is at most the end revenue: gross
	 * retention never exceeds net retention.
	 */
	if (v[REV_START] - v[REV_LOST] > v[REV_END])
		return "Less revenue is lost than start minus end (gross retention above net retention).";
	return NULL;
}

static const RetStateDesc revenue_desc = {
	"revenue_state", 4, revenue_fields, revenue_check
};

RETENTION_STATE_FUNCTIONS(revenue_state, revenue_desc)

/* ---------- transition ---------- */

/* Add an amount to a sum; 22003 when the sum leaves the int64 range. */
static inline void
revenue_add(RetState *state, int field, int64 units)
{
	if (unlikely(pg_add_s64_overflow(state->v[field], units, &state->v[field])))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sum of %s is out of range", revenue_fields[field].name),
				 errhint("A group's revenue sums up to %s; split the group, for example by currency or region, and add the results.",
						 amount_to_cstring(AMOUNT_MAX_UNITS))));
}

/*
 * Count one customer with start and end in units (delta 1) or remove it
 * (delta -1).  A zero start is not a customer.
 */
static void
revenue_count(RetState *state, int64 start, int64 end, int64 delta)
{
	int64		lost = start > end ? start - end : 0;

	if (start == 0)
		return;
	ret_state_bump(state, REV_CUSTOMERS, delta);
	if (delta > 0)
	{
		revenue_add(state, REV_START, start);
		revenue_add(state, REV_END, end);
		revenue_add(state, REV_LOST, lost);
	}
	else
	{
		ret_state_bump(state, REV_START, -start);
		ret_state_bump(state, REV_END, -end);
		ret_state_bump(state, REV_LOST, -lost);
	}
}

/*
 * Both amounts are checked whenever given, even when the row is skipped for
 * a NULL or zero start: a negative amount is an error wherever it is.
 */
static Datum
revenue_numeric_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &revenue_desc);
	int64		start = 0,
				end = 0;

	if (!PG_ARGISNULL(1))
		start = amount_from_numeric("start_mrr", PG_GETARG_DATUM(1));
	if (!PG_ARGISNULL(2))
		end = amount_from_numeric("end_mrr", PG_GETARG_DATUM(2));
	revenue_count(state, start, end, delta);
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(revenue_numeric_sfunc, revenue_numeric_inv, revenue_numeric_step)

static Datum
revenue_float8_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &revenue_desc);
	int64		start = 0,
				end = 0;

	if (!PG_ARGISNULL(1))
		start = amount_from_float8("start_mrr", PG_GETARG_FLOAT8(1));
	if (!PG_ARGISNULL(2))
		end = amount_from_float8("end_mrr", PG_GETARG_FLOAT8(2));
	revenue_count(state, start, end, delta);
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(revenue_float8_sfunc, revenue_float8_inv, revenue_float8_step)

/* ---------- final functions ---------- */

/* 100 * part / start, or NULL without customers. */
static Datum
revenue_percent(FunctionCallInfo fcinfo, int field)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &revenue_desc);
	int64		part;

	if (state->v[REV_CUSTOMERS] == 0)
		PG_RETURN_NULL();
	part = field == REV_START ? state->v[REV_START] - state->v[REV_LOST] : state->v[field];
	PG_RETURN_FLOAT8(100.0 * (double) part / (double) state->v[REV_START]);
}

/* 100 * sum(end) / sum(start) */
PG_FUNCTION_INFO_V1(net_revenue_retention_final);
Datum
net_revenue_retention_final(PG_FUNCTION_ARGS)
{
	return revenue_percent(fcinfo, REV_END);
}

/* 100 * sum(min(start, end)) / sum(start) = 100 * (start - lost) / start */
PG_FUNCTION_INFO_V1(gross_revenue_retention_final);
Datum
gross_revenue_retention_final(PG_FUNCTION_ARGS)
{
	return revenue_percent(fcinfo, REV_START);
}

/* 100 * sum(max(start - end, 0)) / sum(start) */
PG_FUNCTION_INFO_V1(revenue_churn_rate_final);
Datum
revenue_churn_rate_final(PG_FUNCTION_ARGS)
{
	return revenue_percent(fcinfo, REV_LOST);
}

/* sum(max(start - end, 0)), exact, as numeric with four decimals. */
PG_FUNCTION_INFO_V1(revenue_churn_final);
Datum
revenue_churn_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &revenue_desc);

	if (state->v[REV_CUSTOMERS] == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(amount_to_numeric(state->v[REV_LOST]));
}
