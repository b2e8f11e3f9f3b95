/*-------------------------------------------------------------------------
 *
 * cohort_brackets.c
 *	  cohort_retention_brackets(customer_id, cohort_start, active_at,
 *	  brackets interval[]) (SPEC section 10's bracket retention): element k
 *	  = 100 * the cohort's customers active in [cohort_start + brackets[k],
 *	  cohort_start + brackets[k + 1]) / the cohort's customers.
 *
 * The state is one of src/cohort_modes.c's wrappers (cohort_wrap.h): the
 * brackets in front of a cohort_retention_state, filled here through
 * keyset.h with bit 0 for every customer of the cohort (so that one active
 * outside every bracket still counts in the denominator) and bit k for
 * bracket k.  The wrapped set's period is a placeholder (1 microsecond)
 * that nothing reads.  Bracket bounds are computed per cohort start with
 * PostgreSQL's own date/timestamptz + interval (so months follow the
 * calendar, in the session time zone), cached for the last start, and a
 * row's bracket is found by binary search.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "miscadmin.h"
#include "port/pg_bitutils.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

#include "cohort_wrap.h"
#include "customer_key.h"
#include "keyset.h"

static void pg_attribute_noreturn()
bad_brackets(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("brackets are out of range"),
			 errdetail("%s", detail),
			 errhint("Brackets are at least two strictly increasing intervals, e.g. ARRAY['0 days', '7 days', '30 days']::interval[].")));
}

/* The brackets argument, checked (cached by its bytes per call site). */
static void
brackets_arg(FunctionCallInfo fcinfo, int argno, WrapFnCache *c)
{
	ArrayType  *a;
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("brackets must not be NULL"),
				 errhint("Brackets are at least two strictly increasing intervals, e.g. ARRAY['0 days', '7 days', '30 days']::interval[].")));
	a = PG_GETARG_ARRAYTYPE_P(argno);
	if (c->brackets_bytes != NULL && VARSIZE(a) == c->brackets_len &&
		memcmp(a, c->brackets_bytes, c->brackets_len) == 0)
		return;
	if (ARR_NDIM(a) > 1)
		bad_brackets("Brackets are a one-dimensional array.");
	deconstruct_array(a, INTERVALOID, sizeof(Interval), false, TYPALIGN_DOUBLE, &elems, &nulls, &n);
	if (n < 2)
		bad_brackets(psprintf("%d brackets bound no period; at least two are needed.", n));
	if (n > MAX_BRACKETS)
		bad_brackets(psprintf("%d brackets are more than the %d allowed.", n, MAX_BRACKETS));
	for (i = 0; i < n; i++)
		if (nulls[i])
			bad_brackets(psprintf("Bracket %d is NULL.", i + 1));
	for (i = 1; i < n; i++)
		if (wrap_interval_cmp(DatumGetIntervalP(elems[i - 1]), DatumGetIntervalP(elems[i])) >= 0)
			bad_brackets(psprintf("Bracket %d (%s) is not after bracket %d (%s).", i + 1,
								  DatumGetCString(DirectFunctionCall1(interval_out, elems[i])), i,
								  DatumGetCString(DirectFunctionCall1(interval_out, elems[i - 1]))));
	if (c->brackets_bytes)
		pfree(c->brackets_bytes);
	if (c->brackets)
		pfree(c->brackets);
	if (c->bounds)
		pfree(c->bounds);
	c->brackets_bytes = MemoryContextAlloc(c->inner_flinfo.fn_mcxt, VARSIZE(a));
	memcpy(c->brackets_bytes, a, VARSIZE(a));
	c->brackets_len = VARSIZE(a);
	c->brackets = MemoryContextAlloc(c->inner_flinfo.fn_mcxt, WRAP_BRACKETS_SIZE(n));
	for (i = 0; i < n; i++)
		c->brackets[i] = *DatumGetIntervalP(elems[i]);
	c->nbrackets = n;
	c->bounds = MemoryContextAlloc(c->inner_flinfo.fn_mcxt, n * sizeof(int64));
	c->bounds_valid = false;
}

static const char *
shown_time(int64 v, bool is_date)
{
	return wrap_shown_time(is_date, v);
}

/*
 * The bracket (1 .. n - 1) of an activity, 0 when outside every bracket;
 * a date's bounds are timestamps (date + interval), compared at midnight.
 */
static int64
bracket_of(WrapFnCache *c, int64 start, int64 active, bool is_date)
{
	int64		t = is_date ? active * USECS_PER_DAY : active;
	int			lo,
				hi;

	if (is_date ? DATE_NOT_FINITE((DateADT) start) : TIMESTAMP_NOT_FINITE(start))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("cohort_start %s is out of range", shown_time(start, is_date)),
				 errhint("cohort_start is a finite %s.", is_date ? "date" : "time")));
	if (is_date ? DATE_NOT_FINITE((DateADT) active) : TIMESTAMP_NOT_FINITE(active))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("active_at %s is out of range", shown_time(active, is_date)),
				 errhint("active_at is a finite %s.", is_date ? "date" : "time")));
	if (active < start)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("active_at %s is before its cohort_start %s",
						shown_time(active, is_date), shown_time(start, is_date)),
				 errhint("Activity is counted from the cohort start on: filter out earlier rows, or start the cohort at the customer's first activity.")));
	if (!c->bounds_valid || c->bounds_start != start || c->bounds_is_date != is_date ||
		c->bounds_tz != session_timezone)
	{
		int			i;

		c->bounds_valid = false;
		for (i = 0; i < c->nbrackets; i++)
			c->bounds[i] = is_date ?
				DatumGetTimestamp(DirectFunctionCall2(date_pl_interval, DateADTGetDatum((DateADT) start),
													  IntervalPGetDatum(&c->brackets[i]))) :
				DatumGetTimestampTz(DirectFunctionCall2(timestamptz_pl_interval, TimestampTzGetDatum(start),
														IntervalPGetDatum(&c->brackets[i])));
		for (i = 1; i < c->nbrackets; i++)
			if (c->bounds[i] <= c->bounds[i - 1])
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("brackets %d and %d meet at one time after cohort_start %s", i, i + 1,
								shown_time(start, is_date)),
						 errhint("Brackets mixing months and days can coincide for some starts; use brackets of one kind.")));
		c->bounds_start = start;
		c->bounds_is_date = is_date;
		c->bounds_tz = session_timezone;
		c->bounds_valid = true;
	}
	if (t < c->bounds[0] || t >= c->bounds[c->nbrackets - 1])
		return 0;
	/* the last bound <= t: bounds[lo] <= t < bounds[hi] */
	lo = 0;
	hi = c->nbrackets - 1;
	while (hi - lo > 1)
	{
		int			mid = (lo + hi) / 2;

		if (c->bounds[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return lo + 1;
}

static Datum
brackets_step(FunctionCallInfo fcinfo, CustomerKeyType keytype, bool is_date)
{
	WrapState  *w = wrap_for_update(fcinfo, 0, WRAP_BRACKETS);
	WrapFnCache *c = wrap_fn_cache(fcinfo);
	LOCAL_FCINFO(sub, 2);
	KeySet	   *ks;
	KsKey		key;
	int64		start,
				start_ts,
				idx;

	brackets_arg(fcinfo, 4, c);
	wrap_set_brackets(w, c->nbrackets, c->brackets);
	InitFunctionCallInfoData(*sub, &c->inner_flinfo, 2, fcinfo->fncollation, fcinfo->context, NULL);
	sub->args[0].value = w->inner;
	sub->args[0].isnull = !w->inner_set;
	sub->args[1] = fcinfo->args[1];
	ks = ks_for_update(sub, 0, &wrapped_desc);
	ks_set_period(ks, 0, 1);
	w->inner = ks_datum(ks);
	w->inner_set = true;
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		WRAP_RETURN(w);
	start = is_date ? (int64) PG_GETARG_DATEADT(2) : PG_GETARG_TIMESTAMPTZ(2);
	idx = bracket_of(c, start, is_date ? (int64) PG_GETARG_DATEADT(3) : PG_GETARG_TIMESTAMPTZ(3), is_date);
	/* the set keeps a date's midnight UTC, as cohort.c does */
	start_ts = is_date ? start * USECS_PER_DAY : start;
	/*
	 * A timestamptz row's bounds (start + a bracket of months or days) are
	 * in the session's wall-clock time: the set records the zone, and
	 * states of two zones do not merge (as cohort.c's).
	 */
	if (!is_date)
		ks_set_session_zone(ks);
	ks_row_key(sub, ks, 1, keytype, false, 0, &key);
	ks_cohort_mark(ks, &key, start_ts, 0);
	if (idx > 0)
		ks_cohort_mark(ks, &key, start_ts, idx);
	WRAP_RETURN(w);
}

#define BRACKETS_ENTRY(suffix, keytype, is_date) \
	PG_FUNCTION_INFO_V1(cohort_retention_brackets_##suffix); \
	Datum cohort_retention_brackets_##suffix(PG_FUNCTION_ARGS) { return brackets_step(fcinfo, keytype, is_date); }

BRACKETS_ENTRY(sfunc_int4, CUSTOMER_KEY_INT4, false)
BRACKETS_ENTRY(sfunc_int8, CUSTOMER_KEY_INT8, false)
BRACKETS_ENTRY(sfunc_text, CUSTOMER_KEY_TEXT, false)
BRACKETS_ENTRY(sfunc_uuid, CUSTOMER_KEY_UUID, false)
BRACKETS_ENTRY(date_sfunc_int4, CUSTOMER_KEY_INT4, true)
BRACKETS_ENTRY(date_sfunc_int8, CUSTOMER_KEY_INT8, true)
BRACKETS_ENTRY(date_sfunc_text, CUSTOMER_KEY_TEXT, true)
BRACKETS_ENTRY(date_sfunc_uuid, CUSTOMER_KEY_UUID, true)

PG_FUNCTION_INFO_V1(cohort_retention_brackets_state_combine);
Datum
cohort_retention_brackets_state_combine(PG_FUNCTION_ARGS)
{
	return wrap_combine(fcinfo, WRAP_BRACKETS);
}

/*
 * cohort_retention_brackets: element k = 100 * the customers with bit k
 * (active in bracket k) / the customers (bit 0), for k = 1 .. n - 1.
 */
PG_FUNCTION_INFO_V1(cohort_retention_brackets_final);
Datum
cohort_retention_brackets_final(PG_FUNCTION_ARGS)
{
	WrapState	view;
	KeySet	   *ks = wrap_read_set(fcinfo, WRAP_BRACKETS, &view);
	uint64		customers;
	int64	   *active;
	Datum	   *elems;
	int			k,
				n;

	if (ks == NULL)
		PG_RETURN_NULL();
	n = view.nbrackets - 1;
	active = palloc0((n + 1) * sizeof(int64));
	/* checked on input too; a stored value may have been corrupted since */
	wrap_brackets_check_members(ks, view.nbrackets, ERRCODE_DATA_CORRUPTED, active);
	elems = palloc(n * sizeof(Datum));
	customers = ks_customers(ks);
	for (k = 1; k <= n; k++)
		elems[k - 1] = Float8GetDatum(100.0 * (double) active[k] / (double) customers);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}
