/*-------------------------------------------------------------------------
 *
 * returning.c
 *	  returning_customer_rate: of the customers who ordered in a period, the
 *	  percent who had ordered before the period's start.
 *
 * The state is the span set of keyset.c (per customer: orders, first and
 * last order time) over the orders before the period's end, with the
 * period itself (ks_set_range).  A customer ordered in the period when its
 * last order is at or after the start, and is returning when its first
 * order is before the start.  Orders at or after the end are not kept:
 * they are the future of the period.  Merging states keeps the period that
 * ends later (ks_set_range), whose history the earlier states' orders are:
 * monthly states merged in a running window give each month's rate with
 * every earlier month as history.
 *
 * The key argument is int4, int8, text or uuid (int2 and numeric through
 * customer_key_extra.c); the order time is a date, timestamp or timestamptz
 * with a period of daterange, tsrange or tstzrange.  One C entry point per
 * signature, so neither type is read from the call expression (Citus).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

#include "customer_key.h"
#include "keyset.h"
#include "period.h"

static const KsDesc returning_customer_rate_desc = {"returning_customer_rate_state", KS_LAYOUT_SPAN, NULL, true};

KEYSET_STATE_FUNCTIONS(returning_customer_rate_state, returning_customer_rate_desc)

/* The order time and period arguments. */
#define ORDER_ARG	2
#define PERIOD_ARG	3

/*
 * The period cache of this call site, in the slot ks_row_key's cache keeps
 * for it (both want fn_extra).  The range type is the signature's.
 */
static pg_noinline PeriodCache *
returning_period_cache_init(FunctionCallInfo fcinfo, PeriodKind kind)
{
	void	  **slot = ks_fn_extra(fcinfo);
	PeriodCache *pc = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(PeriodCache));
	Oid			rangetype = kind == PERIOD_DATE ? DATERANGEOID :
		kind == PERIOD_TIMESTAMP ? TSRANGEOID : TSTZRANGEOID;

	period_cache_init(pc, rangetype, ERRCODE_NULL_VALUE_NOT_ALLOWED);
	period_cache_note_constant(pc, fcinfo, PERIOD_ARG);
	*slot = pc;
	return pc;
}

static inline PeriodCache *
returning_period_cache(FunctionCallInfo fcinfo, PeriodKind kind)
{
	PeriodCache *pc = (PeriodCache *) *ks_fn_extra(fcinfo);

	return likely(pc != NULL) ? pc : returning_period_cache_init(fcinfo, kind);
}

/* 22008 for an infinite order time. */
static pg_noinline void
infinite_order_time(FunctionCallInfo fcinfo, PeriodKind kind)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("order time %s is out of range",
					kind == PERIOD_DATE ?
					DatumGetCString(DirectFunctionCall1(date_out, PG_GETARG_DATUM(ORDER_ARG))) :
					timestamptz_to_str(PG_GETARG_TIMESTAMPTZ(ORDER_ARG))),
			 errhint("An order time is finite.")));
}

/*
 * Add a row.  The period is checked on every row, whatever its key and
 * time (a NULL period is 22004, as everywhere a period is taken).
 */
static pg_attribute_always_inline Datum
returning_customer_rate_step(FunctionCallInfo fcinfo, PeriodKind kind, CustomerKeyType keytype)
{
	KeySet	   *ks = ks_for_update(fcinfo, 0, &returning_customer_rate_desc);
	const Period *p = period_arg(fcinfo, PERIOD_ARG, returning_period_cache(fcinfo, kind));
	int64		t;
	KsKey		key;

	ks_set_range(ks, (uint8) kind, p->start, p->end, false);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(ORDER_ARG))
		KS_RETURN(ks);
	if (kind == PERIOD_DATE)
	{
		DateADT		d = PG_GETARG_DATEADT(ORDER_ARG);

		if (DATE_NOT_FINITE(d))
			infinite_order_time(fcinfo, kind);
		/* the future of the period; before the end, a date is a timestamp */
		if (d >= p->hi)
			KS_RETURN(ks);
		t = (int64) d * USECS_PER_DAY;
	}
	else
	{
		t = PG_GETARG_INT64(ORDER_ARG);
		if (TIMESTAMP_NOT_FINITE(t))
			infinite_order_time(fcinfo, kind);
		if (t >= p->hi)
			KS_RETURN(ks);
	}
	ks_row_key(fcinfo, ks, 1, keytype, false, 0, &key);
	ks_add_row(ks, &key, t);
	KS_RETURN(ks);
}

static Datum
returning_customer_rate_date_step(FunctionCallInfo fcinfo, int arg, CustomerKeyType keytype)
{
	return returning_customer_rate_step(fcinfo, PERIOD_DATE, keytype);
}

static Datum
returning_customer_rate_timestamp_step(FunctionCallInfo fcinfo, int arg, CustomerKeyType keytype)
{
	return returning_customer_rate_step(fcinfo, PERIOD_TIMESTAMP, keytype);
}

static Datum
returning_customer_rate_timestamptz_step(FunctionCallInfo fcinfo, int arg, CustomerKeyType keytype)
{
	return returning_customer_rate_step(fcinfo, PERIOD_TIMESTAMPTZ, keytype);
}

CUSTOMER_KEY_ENTRY_POINTS(returning_customer_rate_date_sfunc, returning_customer_rate_date_step, 0)
CUSTOMER_KEY_ENTRY_POINTS(returning_customer_rate_timestamp_sfunc, returning_customer_rate_timestamp_step, 0)
CUSTOMER_KEY_ENTRY_POINTS(returning_customer_rate_timestamptz_sfunc, returning_customer_rate_timestamptz_step, 0)

/*
 * 100 * customers with an order in the period and one before its start /
 * customers with an order in the period; NULL when nobody ordered in it.
 * One pass over the customers (the state keeps no running count: which
 * customers count depends on the period, which a merge may change).
 */
PG_FUNCTION_INFO_V1(returning_customer_rate_final);
Datum
returning_customer_rate_final(PG_FUNCTION_ARGS)
{
	KeySet	   *ks = ks_read(fcinfo, 0, &returning_customer_rate_desc);
	int64		start;
	uint64		active,
				returning;

	if (!ks_range_start(ks, &start) || ks_customers(ks) == 0)
		PG_RETURN_NULL();
	ks_count_since(ks, start, &active, &returning);
	if (active == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) returning / (double) active);
}
