/*-------------------------------------------------------------------------
 *
 * orders.c
 *	  Order and engagement metrics (SPEC section 4): repeat purchase ratio,
 *	  loyal customer rate, purchase frequency, time between purchases,
 *	  stickiness (all on the distinct-customer set of keyset.c), and return
 *	  and conversion rates (fixed-size counters of state.h).
 *
 * The customer key argument is int4, int8, text or uuid: the SQL side
 * declares one overload per type, all bound to the same C symbol, and
 * keyset.c reads the type from the call expression.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

#include "keyset.h"
#include "state.h"

static const KsDesc rpr_desc = {"repeat_purchase_ratio_state", KS_LAYOUT_COUNT, NULL};
static const KsDesc loyal_desc = {"loyal_customer_rate_state", KS_LAYOUT_COUNT, "min_orders"};
static const KsDesc pf_desc = {"purchase_frequency_state", KS_LAYOUT_COUNT, NULL};
static const KsDesc tbp_desc = {"time_between_purchases_state", KS_LAYOUT_SPAN, NULL};
static const KsDesc stick_desc = {"stickiness_state", KS_LAYOUT_DAY, NULL};

KEYSET_STATE_FUNCTIONS(repeat_purchase_ratio_state, rpr_desc)
KEYSET_STATE_FUNCTIONS(loyal_customer_rate_state, loyal_desc)
KEYSET_STATE_FUNCTIONS(purchase_frequency_state, pf_desc)
KEYSET_STATE_FUNCTIONS(time_between_purchases_state, tbp_desc)
KEYSET_STATE_FUNCTIONS(stickiness_state, stick_desc)

/* ---------- per-customer counts ---------- */

/* Add (delta 1) or remove (delta -1) one row of the customer in argument 1. */
static void
count_row(FunctionCallInfo fcinfo, KeySet *ks, bool day_key, int32 day, int64 delta)
{
	KsKey		key;

	ks_row_key(fcinfo, ks, 1, day_key, day, &key);
	if (delta > 0)
		ks_add_row(ks, &key, 0);
	else
		ks_merge_entry(ks, &key, 1, 0, 0, (int) delta);
}

static Datum
rpr_step(FunctionCallInfo fcinfo, int64 delta)
{
	KeySet	   *ks = ks_for_update(fcinfo, 0, &rpr_desc);

	if (!PG_ARGISNULL(1))
		count_row(fcinfo, ks, false, 0, delta);
	KS_RETURN(ks);
}

RETENTION_STEP_FUNCTIONS(rpr_sfunc, rpr_inv, rpr_step)

/* 100 * hits / customers; NULL without customers. */
static Datum
share_of_customers(FunctionCallInfo fcinfo, KeySet *ks, uint64 hits)
{
	if (ks->nentries == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) hits / (double) ks->nentries);
}

PG_FUNCTION_INFO_V1(rpr_final);
Datum
rpr_final(PG_FUNCTION_ARGS)
{
	KeySet	   *ks = ks_read(fcinfo, 0, &rpr_desc);

	return share_of_customers(fcinfo, ks, ks->nge2);
}

/* min_orders of a row: 22004 when NULL, 22023 below 1. */
static int32
min_orders_arg(FunctionCallInfo fcinfo, int argno)
{
	int32		v;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("min_orders must not be null"),
				 errhint("min_orders is the number of orders that makes a customer loyal, at least 1.")));
	v = PG_GETARG_INT32(argno);
	if (v < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("min_orders %d is out of range", v),
				 errhint("min_orders is the number of orders that makes a customer loyal, at least 1.")));
	return v;
}

static Datum
loyal_step(FunctionCallInfo fcinfo, int64 delta)
{
	KeySet	   *ks = ks_for_update(fcinfo, 0, &loyal_desc);

	ks_set_param(ks, min_orders_arg(fcinfo, 2));
	if (!PG_ARGISNULL(1))
		count_row(fcinfo, ks, false, 0, delta);
	KS_RETURN(ks);
}

RETENTION_STEP_FUNCTIONS(loyal_sfunc, loyal_inv, loyal_step)

PG_FUNCTION_INFO_V1(loyal_final);
Datum
loyal_final(PG_FUNCTION_ARGS)
{
	KeySet	   *ks = ks_read(fcinfo, 0, &loyal_desc);

	return share_of_customers(fcinfo, ks, ks->ngeparam);
}

static Datum
pf_step(FunctionCallInfo fcinfo, int64 delta)
{
	KeySet	   *ks = ks_for_update(fcinfo, 0, &pf_desc);

	if (!PG_ARGISNULL(1))
		count_row(fcinfo, ks, false, 0, delta);
	KS_RETURN(ks);
}

RETENTION_STEP_FUNCTIONS(pf_sfunc, pf_inv, pf_step)

PG_FUNCTION_INFO_V1(pf_final);
Datum
pf_final(PG_FUNCTION_ARGS)
{
	KeySet	   *ks = ks_read(fcinfo, 0, &pf_desc);

	if (ks->nentries == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) ks->total / (double) ks->nentries);
}

/* ---------- time between purchases ---------- */

/* A purchase time as microseconds; 22008 for infinity. */
static int64
purchase_time(FunctionCallInfo fcinfo, bool is_date)
{
	if (is_date)
	{
		DateADT		d = PG_GETARG_DATEADT(2);

		if (DATE_NOT_FINITE(d))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("purchase date %s is out of range", DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
					 errhint("A purchase date is finite.")));
		return (int64) d * USECS_PER_DAY;
	}
	else
	{
		TimestampTz t = PG_GETARG_TIMESTAMPTZ(2);

		if (TIMESTAMP_NOT_FINITE(t))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("purchase time %s is out of range", timestamptz_to_str(t)),
					 errhint("A purchase time is finite.")));
		return t;
	}
}

/*
 * Add or remove a purchase.  Removing a customer's first or last purchase
 * while others remain cannot be undone with the two bounds kept, so the
 * inverse returns NULL then and the window restarts the frame.
 */
static Datum
tbp_step(FunctionCallInfo fcinfo, int64 delta, bool is_date)
{
	KeySet	   *ks = ks_for_update(fcinfo, 0, &tbp_desc);
	KsKey		key;
	int64		t;
	char	   *e;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		KS_RETURN(ks);
	t = purchase_time(fcinfo, is_date);
	ks_row_key(fcinfo, ks, 1, false, 0, &key);
	if (delta > 0)
	{
		ks_add_row(ks, &key, t);
		KS_RETURN(ks);
	}
	e = ks_find(ks, &key);
	if (e == NULL || KS_COUNT(ks, e) == 1 ||
		(KS_FIRST(ks, e) < t && t < KS_LAST(ks, e)) ||
		KS_FIRST(ks, e) == KS_LAST(ks, e))
	{
		ks_merge_entry(ks, &key, 1, 0, 0, -1);
		KS_RETURN(ks);
	}
	PG_RETURN_NULL();
}

static Datum
tbp_ts_step(FunctionCallInfo fcinfo, int64 delta)
{
	return tbp_step(fcinfo, delta, false);
}

static Datum
tbp_date_step(FunctionCallInfo fcinfo, int64 delta)
{
	return tbp_step(fcinfo, delta, true);
}

RETENTION_STEP_FUNCTIONS(tbp_sfunc, tbp_inv, tbp_ts_step)
RETENTION_STEP_FUNCTIONS(tbp_date_sfunc, tbp_date_inv, tbp_date_step)

PG_FUNCTION_INFO_V1(tbp_final);
Datum
tbp_final(PG_FUNCTION_ARGS)
{
	KeySet	   *ks = ks_read(fcinfo, 0, &tbp_desc);
	int64		gaps = ks->total - (int64) ks->nentries;
#ifdef HAVE_INT128
	int128		mean;
#else
	long double mean;
#endif
	Interval   *result;

	/* each customer contributes count - 1 gaps spanning last - first */
	if (gaps == 0)
		PG_RETURN_NULL();
#ifdef HAVE_INT128
	mean = (ks->span_sum + gaps / 2) / gaps;	/* rounded to the microsecond */
#else
	mean = roundl(ks->span_sum / gaps);
#endif
	result = palloc0(sizeof(Interval));
	result->day = (int32) ((int64) mean / USECS_PER_DAY);
	result->time = (int64) mean % USECS_PER_DAY;
	PG_RETURN_INTERVAL_P(result);
}

/* ---------- stickiness ---------- */

static Datum
stick_step(FunctionCallInfo fcinfo, int64 delta)
{
	KeySet	   *ks = ks_for_update(fcinfo, 0, &stick_desc);
	DateADT		d;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		KS_RETURN(ks);
	d = PG_GETARG_DATEADT(2);
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("activity date %s is out of range", DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
				 errhint("An activity date is finite.")));
	count_row(fcinfo, ks, true, d, delta);
	KS_RETURN(ks);
}

RETENTION_STEP_FUNCTIONS(stick_sfunc, stick_inv, stick_step)

/*
 * 100 * mean daily active users / distinct users, the mean over every day
 * from the first to the last active day: (distinct (user, day) pairs /
 * days) / users.
 */
PG_FUNCTION_INFO_V1(stick_final);
Datum
stick_final(PG_FUNCTION_ARGS)
{
	KeySet	   *ks = ks_read(fcinfo, 0, &stick_desc);
	int32		dmin = PG_INT32_MAX,
				dmax = PG_INT32_MIN;
	uint64		i;
	char	   *e;

	if (ks->nentries == 0)
		PG_RETURN_NULL();
	/* the day range: a scan of the distinct days, not of the pairs */
	KS_FOREACH(ks->days, e, i)
	{
		dmin = Min(dmin, (int32) KS_IKEY(e));
		dmax = Max(dmax, (int32) KS_IKEY(e));
	}
	PG_RETURN_FLOAT8(100.0 * ((double) ks->nentries / ((double) dmax - dmin + 1)) /
					 (double) ks->users->nentries);
}

/* ---------- return rate ---------- */

enum
{
	RR_SOLD, RR_RETURNED
};

static const RetField rr_fields[] = {{"sold", RF_COUNT}, {"returned", RF_COUNT}};
static const RetStateDesc rr_desc = {"return_rate_state", 2, rr_fields};

RETENTION_STATE_FUNCTIONS(return_rate_state, rr_desc)

/* A count argument: 22003 when negative. */
static int64
count_arg(FunctionCallInfo fcinfo, int argno, const char *name)
{
	int64		v = PG_GETARG_INT64(argno);

	if (v < 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s " INT64_FORMAT " is out of range", name, v),
				 errhint("%s is a count, 0 or more.", name)));
	return v;
}

/* Add (delta 1) or remove (delta -1) value to/from a counter. */
static inline void
add_count(RetState *state, int field, int64 value, int64 delta)
{
	if (delta > 0)
		ret_state_add(state, field, value);
	else
		ret_state_bump(state, field, -value);
}

static Datum
rr_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &rr_desc);

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		int64		sold = count_arg(fcinfo, 1, "units_sold");
		int64		returned = count_arg(fcinfo, 2, "units_returned");

		add_count(state, RR_SOLD, sold, delta);
		add_count(state, RR_RETURNED, returned, delta);
	}
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(rr_sfunc, rr_inv, rr_step)

static Datum
rr_bool_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &rr_desc);

	if (!PG_ARGISNULL(1))
	{
		ret_state_bump(state, RR_SOLD, delta);
		if (PG_GETARG_BOOL(1))
			ret_state_bump(state, RR_RETURNED, delta);
	}
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(rr_bool_sfunc, rr_bool_inv, rr_bool_step)

PG_FUNCTION_INFO_V1(rr_final);
Datum
rr_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &rr_desc);

	if (state->v[RR_SOLD] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) state->v[RR_RETURNED] / (double) state->v[RR_SOLD]);
}

/* ---------- conversion rate ---------- */

enum
{
	CR_VISITORS, CR_CONVERSIONS
};

static const RetField cr_fields[] = {{"visitors", RF_COUNT}, {"conversions", RF_COUNT}};
static const RetStateDesc cr_desc = {"conversion_rate_state", 2, cr_fields};

RETENTION_STATE_FUNCTIONS(conversion_rate_state, cr_desc)

static Datum
cr_bool_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &cr_desc);

	if (!PG_ARGISNULL(1))
	{
		ret_state_bump(state, CR_VISITORS, delta);
		if (PG_GETARG_BOOL(1))
			ret_state_bump(state, CR_CONVERSIONS, delta);
	}
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(cr_bool_sfunc, cr_bool_inv, cr_bool_step)

static Datum
cr_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &cr_desc);

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		int64		conversions = count_arg(fcinfo, 1, "conversions");
		int64		visitors = count_arg(fcinfo, 2, "visitors");

		add_count(state, CR_CONVERSIONS, conversions, delta);
		add_count(state, CR_VISITORS, visitors, delta);
	}
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(cr_sfunc, cr_inv, cr_step)

PG_FUNCTION_INFO_V1(cr_final);
Datum
cr_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &cr_desc);

	if (state->v[CR_VISITORS] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) state->v[CR_CONVERSIONS] / (double) state->v[CR_VISITORS]);
}
