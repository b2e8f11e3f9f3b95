/*-------------------------------------------------------------------------
 *
 * cohort.c
 *	  cohort_retention(customer_id, cohort_start, active_at, period)
 *	  (SPEC section 7): per cohort, the percent of its customers active in
 *	  each period after their cohort start.
 *
 * The state is the distinct-customer set of keyset.c in its cohort layout:
 * per customer the cohort start and a bitmap of the periods it was active
 * in (period k = [start + k * period, start + (k + 1) * period)).  Combine
 * is the union of the bitmaps, customer by customer, so partial states of
 * parallel workers, partitions and stored daily rollups merge exactly.  A
 * bitmap cannot drop one row (another row may have set the same bit), so
 * the inverse transition returns NULL and a sliding window restarts its
 * frame, as core's numeric_accum_inv does for what it cannot undo.
 *
 * Periods are measured in the session time zone's wall-clock time, as
 * timestamp (without time zone) values:
 *	- whole months ('1 month', '3 months') count months the way age() does:
 *	  the months from start to active_at, less one when active_at's day of
 *	  month and time of day come before start's;
 *	- days and time ('1 day', '7 days', '12 hours') divide the wall-clock
 *	  difference (active_at::timestamp - cohort_start::timestamp) by the
 *	  period, so a day is a calendar day across daylight-saving changes.
 * A period mixing months with days or time has no fixed length in either
 * sense and is rejected (22023).  The date form counts from the dates.
 * So the timestamptz form depends on TimeZone (its transition functions
 * are STABLE): a state records the zone its rows were counted in (zone=
 * in its text form), and states of two zones do not merge (22023).  A
 * state without a zone (1.1's, or of dates only) merges with any.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "port/pg_bitutils.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

#include "customer_key.h"
#include "keyset.h"

static const KsDesc cohort_desc = {"cohort_retention_state", KS_LAYOUT_COHORT, NULL};

KEYSET_STATE_FUNCTIONS(cohort_retention_state, cohort_desc)

/* ---------- the period ---------- */

/* The last period argument seen and what it means (checked once). */
typedef struct PeriodCache
{
	bool		valid;
	Interval	arg;
	int32		months;			/* > 0 for a period of months */
	int64		usecs;			/* > 0 otherwise */
} PeriodCache;

static PeriodCache period_cache;

static void pg_attribute_noreturn()
bad_period(const char *shown, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("period %s is out of range", shown),
			 errdetail("%s", detail),
			 errhint("The period is a positive number of whole months, or of days and time, e.g. '1 month', '7 days' or '1 day'.")));
}

/* Argument argno as a period: 22023 when NULL, not positive or mixed. */
static void
period_arg(FunctionCallInfo fcinfo, int argno, int32 *months, int64 *usecs)
{
	Interval   *p;
	char	   *shown;

	if (PG_ARGISNULL(argno))
		bad_period("NULL", "A period must not be NULL.");
	p = PG_GETARG_INTERVAL_P(argno);
	if (period_cache.valid && p->month == period_cache.arg.month &&
		p->day == period_cache.arg.day && p->time == period_cache.arg.time)
	{
		*months = period_cache.months;
		*usecs = period_cache.usecs;
		return;
	}
	shown = psprintf("'%s'", DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(p))));
	if (p->month != 0 && (p->day != 0 || p->time != 0))
		bad_period(shown, "A period mixing months with days or time has no fixed length; use whole months or days only.");
	if (p->month < 0)
		bad_period(shown, "A period must be positive.");
	if (p->month > 0)
	{
		*months = p->month;
		*usecs = 0;
	}
	else
	{
		int64		u;

		if (pg_mul_s64_overflow((int64) p->day, USECS_PER_DAY, &u) ||
			pg_add_s64_overflow(u, p->time, &u))
			bad_period(shown, "The period is longer than the range of timestamps.");
		if (u <= 0)
			bad_period(shown, "A period must be positive.");
		*months = 0;
		*usecs = u;
	}
	period_cache.arg = *p;
	period_cache.months = *months;
	period_cache.usecs = *usecs;
	period_cache.valid = true;
}

/* ---------- local time ---------- */

/*
 * Wall-clock time of a timestamptz in the session time zone, as a
 * timestamp.  A cache of UTC days during which the zone's offset does not
 * change (pg_next_dst_boundary says where it does) makes it arithmetic;
 * a day holding a transition takes the full conversion.
 */
#define LOCALCACHE_SIZE	1024

typedef struct LocalCache
{
	pg_tz	   *tz;
	int64		utc_day[LOCALCACHE_SIZE];	/* key, PG_INT64_MIN when empty */
	int64		offset[LOCALCACHE_SIZE];	/* microseconds east of UTC */
} LocalCache;

static LocalCache local_cache;

static int64
local_usecs_slow(TimestampTz ts)
{
	struct pg_tm tm;
	fsec_t		fsec;
	int			tz;

	if (timestamp2tm(ts, &tz, &tm, &fsec, NULL, NULL) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	return ts - (int64) tz * USECS_PER_SEC;
}

static inline int64
local_usecs(TimestampTz ts)
{
	int64		uday = ts / USECS_PER_DAY - (ts % USECS_PER_DAY < 0 ? 1 : 0);
	int			slot = (int) (uday & (LOCALCACHE_SIZE - 1));

	if (unlikely(local_cache.tz != session_timezone))
	{
		int			i;

		local_cache.tz = session_timezone;
		for (i = 0; i < LOCALCACHE_SIZE; i++)
			local_cache.utc_day[i] = PG_INT64_MIN;
	}
	if (local_cache.utc_day[slot] != uday)
	{
		pg_time_t	start = (pg_time_t) (uday * SECS_PER_DAY) +
			(pg_time_t) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY;
		pg_time_t	boundary;
		long int	before_gmtoff,
					after_gmtoff;
		int			before_isdst,
					after_isdst,
					r;

		if (local_cache.tz == NULL)
			return local_usecs_slow(ts);
		r = pg_next_dst_boundary(&start, &before_gmtoff, &before_isdst,
								 &boundary, &after_gmtoff, &after_isdst, local_cache.tz);
		if (r < 0 || (r == 1 && boundary < start + SECS_PER_DAY))
			return local_usecs_slow(ts);	/* a transition during this UTC day */
		local_cache.utc_day[slot] = uday;
		local_cache.offset[slot] = (int64) before_gmtoff * USECS_PER_SEC;
	}
	return ts + local_cache.offset[slot];
}

/* A wall-clock time split into months since year 0 and the rest. */
typedef struct MonthPos
{
	int64		months;			/* year * 12 + month - 1 */
	int64		rest;			/* microseconds since the month's start */
} MonthPos;

/* The position of day days (since 2000-01-01) plus time usecs. */
static inline MonthPos
month_pos_days(int64 days, int64 usecs)
{
	int			y,
				m,
				d;
	MonthPos	r;

	j2date((int) (days + POSTGRES_EPOCH_JDATE), &y, &m, &d);
	r.months = (int64) y * 12 + m - 1;
	r.rest = (int64) (d - 1) * USECS_PER_DAY + usecs;
	return r;
}

static inline MonthPos
month_pos(int64 local)
{
	int64		days = local / USECS_PER_DAY - (local % USECS_PER_DAY < 0 ? 1 : 0);

	return month_pos_days(days, local - days * USECS_PER_DAY);
}

/* The last cohort start seen, converted (rows of a cohort share a few). */
static struct
{
	bool		valid;
	bool		is_date;
	int64		arg;			/* the argument: timestamptz or date */
	pg_tz	   *tz;
	int64		ts;				/* as a timestamptz */
	int64		local;			/* wall-clock microseconds (date form: days) */
	MonthPos	pos;
} start_cache;

/* ---------- the transition ---------- */

static const char *
shown_time(int64 v, bool is_date)
{
	if (is_date)
		return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum((DateADT) v)));
	return pstrdup(timestamptz_to_str(v));	/* a static buffer */
}

static void pg_attribute_noreturn()
not_finite(const char *what, int64 v, bool is_date)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("%s %s is out of range", what, shown_time(v, is_date)),
			 errhint("%s is a finite %s.", what, is_date ? "date" : "time")));
}

/* The period index of a row; errors for the rows that have none. */
static int64
row_period(int64 start_arg, int64 active_arg, bool is_date, int32 months,
		   int64 usecs, int64 *start_ts)
{
	int64		la,
				idx;

	if (is_date ? DATE_NOT_FINITE((DateADT) start_arg) : TIMESTAMP_NOT_FINITE(start_arg))
		not_finite("cohort_start", start_arg, is_date);
	if (is_date ? DATE_NOT_FINITE((DateADT) active_arg) : TIMESTAMP_NOT_FINITE(active_arg))
		not_finite("active_at", active_arg, is_date);
	if (active_arg < start_arg)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("active_at %s is before its cohort_start %s",
						shown_time(active_arg, is_date), shown_time(start_arg, is_date)),
				 errhint("Activity is counted from the cohort start on: filter out earlier rows, or start the cohort at the customer's first activity.")));

	if (!start_cache.valid || start_cache.arg != start_arg ||
		start_cache.is_date != is_date || start_cache.tz != session_timezone)
	{
		start_cache.valid = false;
		start_cache.arg = start_arg;
		start_cache.is_date = is_date;
		start_cache.tz = session_timezone;
		if (is_date)
		{
			/*
			 * The state keeps the date's midnight UTC (as the order states
			 * do), the same in every session and on every node whatever its
			 * TimeZone.
			 */
			if (pg_mul_s64_overflow(start_arg, USECS_PER_DAY, &start_cache.ts) ||
				!IS_VALID_TIMESTAMP(start_cache.ts))
				ereport(ERROR,
						(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
						 errmsg("cohort_start %s is out of range", shown_time(start_arg, true)),
						 errhint("A cohort_start date is within the range of timestamps, 4714-11-24 BC to 294276-12-31.")));
			start_cache.local = start_arg;	/* in days */
			start_cache.pos = month_pos_days(start_arg, 0);
		}
		else
		{
			start_cache.ts = start_arg;
			start_cache.local = local_usecs(start_arg);
			start_cache.pos = month_pos(start_cache.local);
		}
		start_cache.valid = true;
	}
	*start_ts = start_cache.ts;

	if (is_date)
	{
		/* dates reach beyond timestamps: count in days */
		int64		dd = active_arg - start_arg;

		if (months > 0)
		{
			MonthPos	a = month_pos_days(active_arg, 0);

			idx = (a.months - start_cache.pos.months - (a.rest < start_cache.pos.rest ? 1 : 0)) / months;
		}
		else if (usecs % USECS_PER_DAY == 0)
			idx = dd / (usecs / USECS_PER_DAY);
		else if (dd > PG_INT64_MAX / USECS_PER_DAY)
			idx = PG_INT64_MAX;		/* periods shorter than a day: too many */
		else
			idx = dd * USECS_PER_DAY / usecs;
	}
	else if (months > 0)
	{
		MonthPos	a = month_pos(local_usecs(active_arg));
		int64		elapsed = a.months - start_cache.pos.months -
			(a.rest < start_cache.pos.rest ? 1 : 0);

		/* wall-clock time can step back an hour across a DST change */
		idx = Max(elapsed, 0) / months;
	}
	else if ((la = local_usecs(active_arg)) < start_cache.local)
		idx = 0;
	else
	{
		/* la >= ls but for a DST step back; the difference fits in uint64 */
		idx = (int64) (((uint64) la - (uint64) start_cache.local) / (uint64) usecs);
	}
	if (idx > KS_MAX_PERIOD)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("active_at %s is more than " INT64_FORMAT " periods after its cohort_start %s",
						shown_time(active_arg, is_date), KS_MAX_PERIOD, shown_time(start_arg, is_date)),
				 errdetail("A cohort holds at most " INT64_FORMAT " periods.", KS_MAX_PERIOD + 1),
				 errhint("Use a longer period.")));
	return idx;
}

/*
 * Add a row: (customer_id, cohort_start, active_at, period) in arguments
 * 1-4.  The period is checked on every row; rows with a NULL customer,
 * cohort_start or active_at are skipped.
 */
static Datum
cohort_step(FunctionCallInfo fcinfo, bool is_date, CustomerKeyType keytype)
{
	KeySet	   *ks = ks_for_update(fcinfo, 0, &cohort_desc);
	int32		months;
	int64		usecs,
				start_ts,
				idx;
	KsKey		key;

	period_arg(fcinfo, 4, &months, &usecs);
	ks_set_period(ks, months, usecs);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		KS_RETURN(ks);
	if (is_date)
		idx = row_period(PG_GETARG_DATEADT(2), PG_GETARG_DATEADT(3), true,
						 months, usecs, &start_ts);
	else
		idx = row_period(PG_GETARG_TIMESTAMPTZ(2), PG_GETARG_TIMESTAMPTZ(3), false,
						 months, usecs, &start_ts);
	/* timestamptz rows are counted in the session's wall-clock time */
	if (!is_date)
		ks_set_session_zone(ks);
	ks_row_key(fcinfo, ks, 1, keytype, false, 0, &key);
	ks_cohort_mark(ks, &key, start_ts, idx);
	KS_RETURN(ks);
}

CUSTOMER_KEY_ENTRY_POINTS(cohort_retention_sfunc, cohort_step, false)
CUSTOMER_KEY_ENTRY_POINTS(cohort_retention_date_sfunc, cohort_step, true)

/*
 * The inverse transition: a period bit may have been set by other rows
 * too, so a row cannot be taken back; NULL makes the window restart its
 * frame from the rows in it.
 */
PG_FUNCTION_INFO_V1(cohort_retention_inv);
Datum
cohort_retention_inv(PG_FUNCTION_ARGS)
{
	PG_RETURN_NULL();
}

/* ---------- the result ---------- */

/*
 * Element k (from 1) = 100 * customers active in period k - 1 / customers,
 * up to the last period in which any customer was active.
 */
PG_FUNCTION_INFO_V1(cohort_retention_final);
Datum
cohort_retention_final(PG_FUNCTION_ARGS)
{
	KeySet	   *ks = ks_read(fcinfo, 0, &cohort_desc);
	uint64		customers = ks_customers(ks),
				maxw = 1,
				i,
				w,
				n = 0,
				pos;
	int64		len = 0;
	uint64	   *counts;
	Datum	   *elems;
	KsCohortMember m;
	ArrayType  *result;

	if (customers == 0)
		PG_RETURN_NULL();
	pos = 0;
	while (ks_next_cohort_member(ks, &pos, &m))
		maxw = Max(maxw, m.nwords);
	counts = palloc_extended(maxw * 64 * sizeof(uint64), MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	pos = 0;
	while (ks_next_cohort_member(ks, &pos, &m))
	{
		for (w = 0; w < m.nwords; w++)
		{
			uint64		word = ks_member_word(&m, w);

			while (word != 0)
			{
				counts[w * 64 + pg_rightmost_one_pos64(word)]++;
				word &= word - 1;
			}
		}
		if ((++n & 0xffff) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	for (i = 0; i < maxw * 64; i++)
		if (counts[i] != 0)
			len = i + 1;
	elems = palloc_extended(Max(len, 1) * sizeof(Datum), MCXT_ALLOC_HUGE);
	for (i = 0; i < (uint64) len; i++)
		elems[i] = Float8GetDatum(100.0 * (double) counts[i] / (double) customers);
	pfree(counts);
	result = construct_array(elems, (int) len, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
	PG_RETURN_ARRAYTYPE_P(result);
}
