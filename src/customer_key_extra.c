/*-------------------------------------------------------------------------
 *
 * customer_key_extra.c
 *	  Customer keys given as smallint or numeric, for every keyed aggregate
 *	  (the order metrics, the cohort and product-retention families, the
 *	  SaaS revenue family and clv).
 *
 * A smallint key used to be ambiguous (it casts implicitly to both int4 and
 * int8) and a numeric key (what migrations from other databases leave)
 * resolved to nothing.  Both are integer keys: a smallint is passed on as
 * the int4 it equals and a numeric as the int8 it equals, to the int4 or
 * int8 entry point of the aggregate (orders.c, cohort.c, cohort_modes.c,
 * cohort_brackets.c, mrr.c, mrr_cohort.c, clv_orders.c), in the same fcinfo, so the
 * state is updated in place and a numeric 42, a smallint 42 and a bigint 42
 * are one customer (their states merge).  A numeric key that is not a
 * whole number, or is beyond bigint, is an error naming it: two customers
 * must never become one by rounding.  One C entry point per signature; the
 * key type is never read from the call expression (Citus has none).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "amount.h"

/* The key argument is always argument 1 (after the state). */
#define KEY_ARG 1

static char *
numeric_text(Numeric key)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(key)));
}

/* Whether a (finite) numeric has no fractional part. */
static bool
numeric_is_whole(Numeric key)
{
	Datum		value = NumericGetDatum(key);
	Datum		whole = DirectFunctionCall2(numeric_trunc, value, Int32GetDatum(0));

	return DatumGetBool(DirectFunctionCall2(numeric_eq, value, whole));
}

/*
 * A numeric key as the int8 it equals: 22023 when it is not a whole number
 * (NaN included), 22003 beyond bigint.
 */
static int64
key_from_numeric(const char *argname, Datum value)
{
	int64		result;
	Numeric		key;

	/*
	 * Read in place (a short-header value is not even copied); what is not
	 * a whole number within bigint is an error, which the numeric
	 * functions below only tell apart.
	 */
	if (likely(numeric_to_int64_exact(value, &result)))
		return result;
	key = DatumGetNumeric(value);
	if (numeric_is_nan(key) || (!numeric_is_inf(key) && !numeric_is_whole(key)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %s is not a whole number", argname, numeric_text(key)),
				 errhint("A numeric %s is a whole number from %lld to %lld; keys that are not numbers can be passed as text.",
						 argname, (long long) PG_INT64_MIN, (long long) PG_INT64_MAX)));
	/* a whole number (or an infinity) that numeric_to_int64_exact refused */
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s %s is out of range", argname, numeric_text(key)),
			 errhint("A numeric %s is a whole number from %lld to %lld; pass larger keys as text.",
					 argname, (long long) PG_INT64_MIN, (long long) PG_INT64_MAX)));
	pg_unreachable();
}

/* name_int2: the smallint key as an int4, then name_int4. */
#define KEY_INT2_ENTRY(name) \
	extern Datum name##_int4(PG_FUNCTION_ARGS); \
	PG_FUNCTION_INFO_V1(name##_int2); \
	Datum name##_int2(PG_FUNCTION_ARGS) \
	{ \
		if (!PG_ARGISNULL(KEY_ARG)) \
			fcinfo->args[KEY_ARG].value = Int32GetDatum((int32) PG_GETARG_INT16(KEY_ARG)); \
		return name##_int4(fcinfo); \
	}

/* name_numeric: the numeric key as an int8, then name_int8. */
#define KEY_NUMERIC_ENTRY(name, argname) \
	extern Datum name##_int8(PG_FUNCTION_ARGS); \
	PG_FUNCTION_INFO_V1(name##_numeric); \
	Datum name##_numeric(PG_FUNCTION_ARGS) \
	{ \
		if (!PG_ARGISNULL(KEY_ARG)) \
			fcinfo->args[KEY_ARG].value = \
				Int64GetDatum(key_from_numeric(argname, PG_GETARG_DATUM(KEY_ARG))); \
		return name##_int8(fcinfo); \
	}

#define KEY_EXTRA_ENTRIES(name, argname) \
	KEY_INT2_ENTRY(name) \
	KEY_NUMERIC_ENTRY(name, argname)

KEY_EXTRA_ENTRIES(repeat_purchase_ratio_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(repeat_purchase_ratio_inv, "customer_id")
KEY_EXTRA_ENTRIES(loyal_customer_rate_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(loyal_customer_rate_inv, "customer_id")
KEY_EXTRA_ENTRIES(purchase_frequency_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(purchase_frequency_inv, "customer_id")
KEY_EXTRA_ENTRIES(time_between_purchases_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(time_between_purchases_inv, "customer_id")
KEY_EXTRA_ENTRIES(time_between_purchases_date_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(time_between_purchases_date_inv, "customer_id")
KEY_EXTRA_ENTRIES(stickiness_sfunc, "user_id")
KEY_EXTRA_ENTRIES(stickiness_inv, "user_id")
KEY_EXTRA_ENTRIES(stickiness_timestamp_sfunc, "user_id")
KEY_EXTRA_ENTRIES(stickiness_timestamp_inv, "user_id")
KEY_EXTRA_ENTRIES(stickiness_timestamptz_sfunc, "user_id")
KEY_EXTRA_ENTRIES(stickiness_timestamptz_inv, "user_id")
KEY_EXTRA_ENTRIES(cohort_retention_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(cohort_retention_date_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(returning_customer_rate_date_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(returning_customer_rate_timestamp_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(returning_customer_rate_timestamptz_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(cohort_periods_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(cohort_periods_date_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(cohort_retention_brackets_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(cohort_retention_brackets_date_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(recurring_retention_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(recurring_retention_date_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(mrr_movements_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(mrr_movements_float8_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(cohort_revenue_retention_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(cohort_revenue_retention_float8_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(arpa_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(arpa_float8_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(clv_sfunc, "customer_id")
KEY_EXTRA_ENTRIES(clv_numeric_amount_sfunc, "customer_id")
