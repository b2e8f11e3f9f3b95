/*-------------------------------------------------------------------------
 *
 * lifecycle.c
 *	  lifecycle(period_start [, period interval]) OVER (PARTITION BY
 *	  customer ORDER BY period_start), for period starts of type date,
 *	  timestamp and timestamptz: a window function over one row per
 *	  active customer and period, returning 'new' (the customer's first
 *	  period), 'retained' (active in the previous period too: the previous
 *	  row's period_start + period is this row's) or 'resurrected' (active
 *	  before, not in the previous period).
 *
 * The window machinery calls the function once per row, in partition
 * order, so the previous active period is kept in partition-local memory
 * (as core's rank() keeps its counter) rather than fetched back from the
 * tuple store: one comparison per row.  Rows must arrive in strictly
 * increasing period_start, at least one period apart (one row per customer
 * and period); anything else is 22023, because a label computed from rows
 * in the wrong order would be silently wrong.  Rows with a NULL period_start
 * get NULL and do not count as activity.
 *
 * Dates: months step the way date + interval does ('2024-01-31' + '1
 * month' is '2024-02-29'), so period starts should be date_trunc'ed to the
 * period.  The step is computed on Julian day numbers, not through
 * timestamp, so every date works and a row costs no function calls; the
 * period is whole days and months.
 *
 * Timestamps, as date_trunc('month', ordered_at) returns them: the step is
 * timestamp + interval, the operator itself, so for timestamptz months and
 * days follow the session's TimeZone as date_trunc does (date_trunc('month',
 * t) + '1 month' is the next month's start, across a change of daylight
 * saving time); that makes the timestamptz form STABLE, not IMMUTABLE.  A
 * period may have a time part ('1 hour').
 *
 * One C entry point per argument type (the type is never read from the
 * call expression).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"
#include "windowapi.h"

/* The type of period_start. */
typedef enum LifecycleKind
{
	LIFECYCLE_DATE,
	LIFECYCLE_TIMESTAMP,
	LIFECYCLE_TIMESTAMPTZ
} LifecycleKind;

/* What one partition remembers between rows. */
typedef struct LifecycleContext
{
	bool		seen;			/* an earlier row had a period_start */
	bool		have_period;	/* period has been read and checked */
	int64		prev;			/* the latest period_start seen (a DateADT or Timestamp) */
	Interval	period;			/* the period of the partition's first row */
} LifecycleContext;

static const char *
interval_text(const Interval *period)
{
	return DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(period)));
}

/* A period_start for messages, in the type's own output form. */
static const char *
period_start_text(int64 v, LifecycleKind kind)
{
	switch (kind)
	{
		case LIFECYCLE_DATE:
			return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum((DateADT) v)));
		case LIFECYCLE_TIMESTAMP:
			return DatumGetCString(DirectFunctionCall1(timestamp_out, TimestampGetDatum(v)));
		default:
			return DatumGetCString(DirectFunctionCall1(timestamptz_out, TimestampTzGetDatum(v)));
	}
}

/*
 * The period argument, checked: positive, no part negative; for dates
 * whole days and months (a date has no time to add a time part to).
 */
static void
check_period(const Interval *period, LifecycleKind kind)
{
	if (kind == LIFECYCLE_DATE)
	{
		if (period->time != 0 || period->month < 0 || period->day < 0 ||
			(period->month == 0 && period->day == 0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("period %s is not a positive number of days and months", interval_text(period)),
					 errhint("Use a period such as '1 month', '1 week' or '1 day', the length of the period each period_start begins.")));
	}
	else if (period->time < 0 || period->month < 0 || period->day < 0 ||
			 (period->month == 0 && period->day == 0 && period->time == 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period %s is not a positive interval", interval_text(period)),
				 errhint("Use a period such as '1 month', '1 week', '1 day' or '1 hour', the length of the period each period_start begins.")));
}

/* The partition's period: the default month, or the call's, the same on every row. */
static void
read_period(FunctionCallInfo fcinfo, WindowObject winobj, LifecycleContext *ctx, LifecycleKind kind)
{
	bool		isnull;
	Interval   *period;

	if (PG_NARGS() < 2)
	{
		if (!ctx->have_period)
		{
			ctx->period.month = 1;
			ctx->period.day = 0;
			ctx->period.time = 0;
			ctx->have_period = true;
		}
		return;
	}
	period = DatumGetIntervalP(WinGetFuncArgCurrent(winobj, 1, &isnull));
	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("period must not be null"),
				 errhint("Use a period such as '1 month', '1 week' or '1 day'.")));
	if (!ctx->have_period)
	{
		check_period(period, kind);
		ctx->period = *period;
		ctx->have_period = true;
	}
	else if (period->month != ctx->period.month || period->day != ctx->period.day ||
			 period->time != ctx->period.time)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period changes within one partition: %s and %s",
						interval_text(&ctx->period), interval_text(period)),
				 errhint("Every row of a partition must use the same period.")));
}

/*
 * The Julian day of d + period, computed as date + interval does (months
 * first, the day clamped to the month's last, then days) but in integers,
 * so it works over the whole date range, beyond timestamp's.
 */
static int64
julian_plus_period(DateADT d, const Interval *period)
{
	int			y,
				m,
				day;
	int64		months,
				year,
				mon;

	j2date((int) d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	if (period->month != 0)
	{
		months = (int64) y * MONTHS_PER_YEAR + (m - 1) + period->month;
		/* floor division: years before 1 BC are negative */
		year = months >= 0 ? months / MONTHS_PER_YEAR : -((-months + MONTHS_PER_YEAR - 1) / MONTHS_PER_YEAR);
		mon = months - year * MONTHS_PER_YEAR + 1;
		/* past the last date: the caller only compares, any later day will do */
		if (year > JULIAN_MAXYEAR + 1)
			return (int64) DATE_END_JULIAN + 400;
		y = (int) year;
		m = (int) mon;
		if (day > day_tab[isleap(y)][m - 1])
			day = day_tab[isleap(y)][m - 1];
	}
	return (int64) date2j(y, m, day) + period->day;
}

/*
 * prev + period and cur, comparable: Julian days for dates, timestamps by
 * the type's own + operator (beyond the timestamp range that is 22008, but
 * then no later row can be a whole period after the previous one anyway).
 */
static void
next_period_start(const LifecycleContext *ctx, int64 cur, LifecycleKind kind, int64 *next, int64 *cur_cmp)
{
	if (kind == LIFECYCLE_DATE)
	{
		*next = julian_plus_period((DateADT) ctx->prev, &ctx->period);
		*cur_cmp = cur + POSTGRES_EPOCH_JDATE;
		return;
	}
	*next = DatumGetTimestamp(DirectFunctionCall2(kind == LIFECYCLE_TIMESTAMPTZ ? timestamptz_pl_interval : timestamp_pl_interval,
												  TimestampGetDatum(ctx->prev),
												  IntervalPGetDatum(&ctx->period)));
	*cur_cmp = cur;
}

/* The label of the current row. */
static Datum
lifecycle_label(FunctionCallInfo fcinfo, LifecycleKind kind)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	LifecycleContext *ctx;
	bool		isnull;
	Datum		d;
	int64		cur,
				next,
				cur_cmp;
	const char *label;

	ctx = (LifecycleContext *) WinGetPartitionLocalMemory(winobj, sizeof(LifecycleContext));
	read_period(fcinfo, winobj, ctx, kind);

	d = WinGetFuncArgCurrent(winobj, 0, &isnull);
	if (isnull)
		PG_RETURN_NULL();
	cur = kind == LIFECYCLE_DATE ? (int64) DatumGetDateADT(d) : DatumGetTimestamp(d);
	if (kind == LIFECYCLE_DATE ? DATE_NOT_FINITE((DateADT) cur) : TIMESTAMP_NOT_FINITE(cur))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period_start %s is not finite", period_start_text(cur, kind)),
				 errhint(kind == LIFECYCLE_DATE ? "period_start is the first day of an active period." :
						 "period_start is the start of an active period.")));

	if (!ctx->seen)
		label = "new";
	else
	{
		if (cur <= ctx->prev)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("period_start %s is not after the previous row's %s",
							period_start_text(cur, kind), period_start_text(ctx->prev, kind)),
					 errhint("Call lifecycle() OVER (PARTITION BY customer ORDER BY period_start) on one row per customer and period.")));
		next_period_start(ctx, cur, kind, &next, &cur_cmp);
		if (cur_cmp < next)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("period_start %s is less than one period after the previous row's %s",
							period_start_text(cur, kind), period_start_text(ctx->prev, kind)),
					 errhint("Give one row per customer and period, with period_start truncated to the period (date_trunc).")));
		label = (cur_cmp == next) ? "retained" : "resurrected";
	}
	ctx->seen = true;
	ctx->prev = cur;
	PG_RETURN_TEXT_P(cstring_to_text(label));
}

PG_FUNCTION_INFO_V1(lifecycle);
Datum
lifecycle(PG_FUNCTION_ARGS)
{
	return lifecycle_label(fcinfo, LIFECYCLE_DATE);
}

PG_FUNCTION_INFO_V1(lifecycle_timestamptz);
Datum
lifecycle_timestamptz(PG_FUNCTION_ARGS)
{
	return lifecycle_label(fcinfo, LIFECYCLE_TIMESTAMPTZ);
}

PG_FUNCTION_INFO_V1(lifecycle_timestamp);
Datum
lifecycle_timestamp(PG_FUNCTION_ARGS)
{
	return lifecycle_label(fcinfo, LIFECYCLE_TIMESTAMP);
}
