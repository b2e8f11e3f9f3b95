/*-------------------------------------------------------------------------
 *
 * orders.c
 *	  Order and engagement metrics (SPEC section 4): repeat purchase ratio,
 *	  loyal customer rate, purchase frequency, time between purchases,
 *	  stickiness (all on the distinct-customer set of keyset.c), and return
 *	  and conversion rates (fixed-size counters of state.h).
 *
 * The customer key argument is int4, int8, text or uuid: the SQL side
 * declares one overload per type, each bound to its own C entry point
 * (customer_key.h), which passes the type on as a constant.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

#include "customer_key.h"
#include "keyset.h"
#include "state.h"

static const KsDesc repeat_purchase_ratio_desc = {"repeat_purchase_ratio_state", KS_LAYOUT_COUNT, NULL};
static const KsDesc loyal_customer_rate_desc = {"loyal_customer_rate_state", KS_LAYOUT_COUNT, "min_orders"};
static const KsDesc purchase_frequency_desc = {"purchase_frequency_state", KS_LAYOUT_COUNT, NULL};
static const KsDesc time_between_purchases_desc = {"time_between_purchases_state", KS_LAYOUT_SPAN, NULL};
static const KsDesc stickiness_desc = {"stickiness_state", KS_LAYOUT_DAY, NULL};

KEYSET_STATE_FUNCTIONS(repeat_purchase_ratio_state, repeat_purchase_ratio_desc)
KEYSET_STATE_FUNCTIONS(loyal_customer_rate_state, loyal_customer_rate_desc)
KEYSET_STATE_FUNCTIONS(purchase_frequency_state, purchase_frequency_desc)
KEYSET_STATE_FUNCTIONS(time_between_purchases_state, time_between_purchases_desc)
KEYSET_STATE_FUNCTIONS(stickiness_state, stickiness_desc)

/* ---------- per-customer counts ---------- */

/* Add (delta 1) or remove (delta -1) one row of the customer in argument 1. */
static void
count_row(FunctionCallInfo fcinfo, KeySet *ks, CustomerKeyType keytype, bool day_key,
		  int32 day, int64 delta)
{
	KsKey		key;

	ks_row_key(fcinfo, ks, 1, keytype, day_key, day, &key);
	if (delta > 0)
		ks_add_row(ks, &key, 0);
	else
		ks_merge_entry(ks, &key, 1, 0, 0, (int) delta);
}

static Datum
repeat_purchase_ratio_step(FunctionCallInfo fcinfo, int64 delta, CustomerKeyType keytype)
{
	KeySet	   *ks = ks_for_update(fcinfo, 0, &repeat_purchase_ratio_desc);

	if (!PG_ARGISNULL(1))
		count_row(fcinfo, ks, keytype, false, 0, delta);
	KS_RETURN(ks);
}

CUSTOMER_KEY_STEP_FUNCTIONS(repeat_purchase_ratio_sfunc, repeat_purchase_ratio_inv, repeat_purchase_ratio_step)

/* 100 * hits / customers; NULL without customers. */
static Datum
share_of_customers(FunctionCallInfo fcinfo, KeySet *ks, uint64 hits)
{
	uint64		customers = ks_customers(ks);

	if (customers == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) hits / (double) customers);
}

PG_FUNCTION_INFO_V1(repeat_purchase_ratio_final);
Datum
repeat_purchase_ratio_final(PG_FUNCTION_ARGS)
{
	KeySet	   *ks = ks_read(fcinfo, 0, &repeat_purchase_ratio_desc);

	return share_of_customers(fcinfo, ks, ks_repeat_customers(ks));
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
loyal_customer_rate_step(FunctionCallInfo fcinfo, int64 delta, CustomerKeyType keytype)
{
	KeySet	   *ks = ks_for_update(fcinfo, 0, &loyal_customer_rate_desc);

	ks_set_param(ks, min_orders_arg(fcinfo, 2));
	if (!PG_ARGISNULL(1))
		count_row(fcinfo, ks, keytype, false, 0, delta);
	KS_RETURN(ks);
}

CUSTOMER_KEY_STEP_FUNCTIONS(loyal_customer_rate_sfunc, loyal_customer_rate_inv,
							loyal_customer_rate_step)

PG_FUNCTION_INFO_V1(loyal_customer_rate_final);
Datum
loyal_customer_rate_final(PG_FUNCTION_ARGS)
{
	KeySet	   *ks = ks_read(fcinfo, 0, &loyal_customer_rate_desc);

	return share_of_customers(fcinfo, ks, ks_customers_reaching_param(ks));
}

static Datum
purchase_frequency_step(FunctionCallInfo fcinfo, int64 delta, CustomerKeyType keytype)
{
	KeySet	   *ks = ks_for_update(fcinfo, 0, &purchase_frequency_desc);

	if (!PG_ARGISNULL(1))
		count_row(fcinfo, ks, keytype, false, 0, delta);
	KS_RETURN(ks);
}

CUSTOMER_KEY_STEP_FUNCTIONS(purchase_frequency_sfunc, purchase_frequency_inv, purchase_frequency_step)

PG_FUNCTION_INFO_V1(purchase_frequency_final);
Datum
purchase_frequency_final(PG_FUNCTION_ARGS)
{
	KeySet	   *ks = ks_read(fcinfo, 0, &purchase_frequency_desc);
	uint64		customers = ks_customers(ks);

	if (customers == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) ks_rows(ks) / (double) customers);
}

/* ---------- time between purchases ---------- */

/* A purchase time as microseconds; 22008 for infinity. */
static int64
purchase_time(FunctionCallInfo fcinfo, bool is_date)
{
	if (is_date)
	{
		DateADT		d = PG_GETARG_DATEADT(2);
		int64		t;

		if (DATE_NOT_FINITE(d))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("purchase date %s is out of range", DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
					 errhint("A purchase date is finite.")));
		/* a date beyond the timestamp range has no time in microseconds */
		if (pg_mul_s64_overflow((int64) d, USECS_PER_DAY, &t) || !IS_VALID_TIMESTAMP(t))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("purchase date %s is out of range", DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
					 errhint("A purchase date lies within the range of timestamps, 4714-11-24 BC to 294276-12-31.")));
		return t;
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
time_between_purchases_step(FunctionCallInfo fcinfo, int64 delta, CustomerKeyType keytype, bool is_date)
{
	KeySet	   *ks = ks_for_update(fcinfo, 0, &time_between_purchases_desc);
	KsKey		key;
	int64		t;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		KS_RETURN(ks);
	t = purchase_time(fcinfo, is_date);
	ks_row_key(fcinfo, ks, 1, keytype, false, 0, &key);
	if (delta > 0)
	{
		ks_add_row(ks, &key, t);
		KS_RETURN(ks);
	}
	if (ks_remove_span_row(ks, &key, t))
		KS_RETURN(ks);
	PG_RETURN_NULL();
}

static Datum
time_between_purchases_timestamptz_step(FunctionCallInfo fcinfo, int64 delta, CustomerKeyType keytype)
{
	return time_between_purchases_step(fcinfo, delta, keytype, false);
}

static Datum
time_between_purchases_date_step(FunctionCallInfo fcinfo, int64 delta, CustomerKeyType keytype)
{
	return time_between_purchases_step(fcinfo, delta, keytype, true);
}

CUSTOMER_KEY_STEP_FUNCTIONS(time_between_purchases_sfunc, time_between_purchases_inv,
							time_between_purchases_timestamptz_step)
CUSTOMER_KEY_STEP_FUNCTIONS(time_between_purchases_date_sfunc, time_between_purchases_date_inv,
							time_between_purchases_date_step)

PG_FUNCTION_INFO_V1(time_between_purchases_final);
Datum
time_between_purchases_final(PG_FUNCTION_ARGS)
{
	KeySet	   *ks = ks_read(fcinfo, 0, &time_between_purchases_desc);
	int64		mean;
	Interval   *result;

	/* rounded to the microsecond; NULL when nobody bought twice */
	if (!ks_mean_gap(ks, &mean))
		PG_RETURN_NULL();
	result = palloc0(sizeof(Interval));
	result->day = (int32) (mean / USECS_PER_DAY);
	result->time = mean % USECS_PER_DAY;
	PG_RETURN_INTERVAL_P(result);
}

/* ---------- stickiness ---------- */

/* The kind of a stickiness row's activity time. */
typedef enum ActivityKind
{
	ACTIVITY_DATE,
	ACTIVITY_TIMESTAMP,
	ACTIVITY_TIMESTAMPTZ
} ActivityKind;

/*
 * The day of a row's activity: a date as it is, a timestamp's day, a
 * timestamptz's day in the session's TimeZone (as active_at::date gives,
 * hence STABLE).  22008 for infinity.
 */
static DateADT
activity_day(FunctionCallInfo fcinfo, ActivityKind kind)
{
	Datum		v = PG_GETARG_DATUM(2);

	if (kind == ACTIVITY_DATE)
	{
		DateADT		d = DatumGetDateADT(v);

		if (DATE_NOT_FINITE(d))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("activity date %s is out of range", DatumGetCString(DirectFunctionCall1(date_out, v))),
					 errhint("An activity date is finite.")));
		return d;
	}
	if (TIMESTAMP_NOT_FINITE(DatumGetTimestamp(v)))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("activity time %s is out of range",
						DatumGetCString(DirectFunctionCall1(kind == ACTIVITY_TIMESTAMP ? timestamp_out : timestamptz_out, v))),
				 errhint("An activity time is finite.")));
	/* every finite timestamp has a day within the range of dates */
	return DatumGetDateADT(DirectFunctionCall1(kind == ACTIVITY_TIMESTAMP ? timestamp_date : timestamptz_date, v));
}

static pg_attribute_always_inline Datum
stickiness_step(FunctionCallInfo fcinfo, int64 delta, CustomerKeyType keytype, ActivityKind kind)
{
	KeySet	   *ks = ks_for_update(fcinfo, 0, &stickiness_desc);

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		KS_RETURN(ks);
	count_row(fcinfo, ks, keytype, true, activity_day(fcinfo, kind), delta);
	KS_RETURN(ks);
}

static Datum
stickiness_date_step(FunctionCallInfo fcinfo, int64 delta, CustomerKeyType keytype)
{
	return stickiness_step(fcinfo, delta, keytype, ACTIVITY_DATE);
}

static Datum
stickiness_timestamp_step(FunctionCallInfo fcinfo, int64 delta, CustomerKeyType keytype)
{
	return stickiness_step(fcinfo, delta, keytype, ACTIVITY_TIMESTAMP);
}

static Datum
stickiness_timestamptz_step(FunctionCallInfo fcinfo, int64 delta, CustomerKeyType keytype)
{
	return stickiness_step(fcinfo, delta, keytype, ACTIVITY_TIMESTAMPTZ);
}

CUSTOMER_KEY_STEP_FUNCTIONS(stickiness_sfunc, stickiness_inv, stickiness_date_step)
CUSTOMER_KEY_STEP_FUNCTIONS(stickiness_timestamp_sfunc, stickiness_timestamp_inv, stickiness_timestamp_step)
CUSTOMER_KEY_STEP_FUNCTIONS(stickiness_timestamptz_sfunc, stickiness_timestamptz_inv, stickiness_timestamptz_step)

/*
 * 100 * mean daily active users / distinct users, the mean over every day
 * from the first to the last active day: (distinct (user, day) pairs /
 * days) / users.
 */
PG_FUNCTION_INFO_V1(stickiness_final);
Datum
stickiness_final(PG_FUNCTION_ARGS)
{
	KeySet	   *ks = ks_read(fcinfo, 0, &stickiness_desc);
	uint64		pairs = ks_user_days(ks);
	int32		dmin,
				dmax;

	if (pairs == 0)
		PG_RETURN_NULL();
	/* kept as pairs come and go: O(1) amortised in a sliding window */
	ks_day_range(ks, &dmin, &dmax);
	PG_RETURN_FLOAT8(100.0 * ((double) pairs / ((double) dmax - dmin + 1)) /
					 (double) ks_customers(ks));
}

/* ---------- return rate ---------- */

enum
{
	RR_SOLD, RR_RETURNED
};

static const RetField return_rate_fields[] = {{"sold", RF_COUNT}, {"returned", RF_COUNT}};
static const RetStateDesc return_rate_desc = {"return_rate_state", 2, return_rate_fields};

RETENTION_STATE_FUNCTIONS(return_rate_state, return_rate_desc)

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
return_rate_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &return_rate_desc);

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		int64		sold = count_arg(fcinfo, 1, "units_sold");
		int64		returned = count_arg(fcinfo, 2, "units_returned");

		add_count(state, RR_SOLD, sold, delta);
		add_count(state, RR_RETURNED, returned, delta);
	}
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(return_rate_sfunc, return_rate_inv, return_rate_step)

static Datum
return_rate_bool_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &return_rate_desc);

	if (!PG_ARGISNULL(1))
	{
		ret_state_bump(state, RR_SOLD, delta);
		if (PG_GETARG_BOOL(1))
			ret_state_bump(state, RR_RETURNED, delta);
	}
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(return_rate_bool_sfunc, return_rate_bool_inv, return_rate_bool_step)

PG_FUNCTION_INFO_V1(return_rate_final);
Datum
return_rate_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &return_rate_desc);

	if (state->v[RR_SOLD] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) state->v[RR_RETURNED] / (double) state->v[RR_SOLD]);
}

/* ---------- conversion rate ---------- */

enum
{
	CR_VISITORS, CR_CONVERSIONS
};

static const RetField conversion_rate_fields[] = {{"visitors", RF_COUNT}, {"conversions", RF_COUNT}};
static const RetStateDesc conversion_rate_desc = {"conversion_rate_state", 2, conversion_rate_fields};

RETENTION_STATE_FUNCTIONS(conversion_rate_state, conversion_rate_desc)

static Datum
conversion_rate_bool_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &conversion_rate_desc);

	if (!PG_ARGISNULL(1))
	{
		ret_state_bump(state, CR_VISITORS, delta);
		if (PG_GETARG_BOOL(1))
			ret_state_bump(state, CR_CONVERSIONS, delta);
	}
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(conversion_rate_bool_sfunc, conversion_rate_bool_inv, conversion_rate_bool_step)

static Datum
conversion_rate_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &conversion_rate_desc);

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		int64		conversions = count_arg(fcinfo, 1, "conversions");
		int64		visitors = count_arg(fcinfo, 2, "visitors");

		add_count(state, CR_CONVERSIONS, conversions, delta);
		add_count(state, CR_VISITORS, visitors, delta);
	}
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(conversion_rate_sfunc, conversion_rate_inv, conversion_rate_step)

PG_FUNCTION_INFO_V1(conversion_rate_final);
Datum
conversion_rate_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &conversion_rate_desc);

	if (state->v[CR_VISITORS] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) state->v[CR_CONVERSIONS] / (double) state->v[CR_VISITORS]);
}
