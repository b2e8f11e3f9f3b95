/*-------------------------------------------------------------------------
 *
 * lifecycle_timestamps.c
 *	  lifecycle(period_start timestamptz [, period interval]) and
 *	  lifecycle(period_start timestamp [, period interval]): the lifecycle
 *	  window function of lifecycle.c for period starts kept as timestamps,
 *	  as date_trunc('month', ordered_at) returns them.
 *
 * The labels are those of the date form: 'new' for a customer's first row,
 * 'retained' when the previous row's period_start + period is this row's,
 * 'resurrected' when it is earlier.  The step is timestamp + interval, the
 * operator itself, so for timestamptz months and days follow the session's
 * TimeZone as date_trunc does (date_trunc('month', t) + '1 month' is the
 * next month's start, across a change of daylight saving time); that makes
 * the timestamptz form STABLE, not IMMUTABLE.  A period may have a time
 * part ('1 hour'), which the date form cannot.  Rows must arrive in
 * strictly increasing period_start, at least one period apart; anything
 * else is 22023, as in lifecycle.c.
 *
 * One C entry point per argument type (the type is never read from the
 * call expression).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"
#include "windowapi.h"

/* What one partition remembers between rows. */
typedef struct LifecycleTimestampContext
{
	bool		seen;			/* an earlier row had a period_start */
	bool		have_period;	/* period has been read and checked */
	Timestamp	prev;			/* the latest period_start seen */
	Interval	period;			/* the period of the partition's first row */
} LifecycleTimestampContext;

static const char *
interval_text(const Interval *period)
{
	return DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(period)));
}

/* A period_start for messages, in the type's own output form. */
static const char *
period_start_text(Timestamp t, bool with_zone)
{
	return DatumGetCString(DirectFunctionCall1(with_zone ? timestamptz_out : timestamp_out,
											   TimestampGetDatum(t)));
}

/* The period argument, checked: positive, no part negative. */
static void
check_period(const Interval *period)
{
	if (period->time < 0 || period->month < 0 || period->day < 0 ||
		(period->month == 0 && period->day == 0 && period->time == 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period %s is not a positive interval", interval_text(period)),
				 errhint("Use a period such as '1 month', '1 week', '1 day' or '1 hour', the length of the period each period_start begins.")));
}

/* The partition's period: the default month, or the call's, the same on every row. */
static void
read_period(FunctionCallInfo fcinfo, WindowObject winobj, LifecycleTimestampContext *ctx)
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
		check_period(period);
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

/* The label of the current row; with_zone: timestamptz (else timestamp). */
static Datum
lifecycle_timestamp_label(FunctionCallInfo fcinfo, bool with_zone)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	LifecycleTimestampContext *ctx;
	bool		isnull;
	Timestamp	cur,
				next;
	const char *label;

	ctx = (LifecycleTimestampContext *)
		WinGetPartitionLocalMemory(winobj, sizeof(LifecycleTimestampContext));
	read_period(fcinfo, winobj, ctx);

	cur = DatumGetTimestamp(WinGetFuncArgCurrent(winobj, 0, &isnull));
	if (isnull)
		PG_RETURN_NULL();
	if (TIMESTAMP_NOT_FINITE(cur))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period_start %s is not finite", period_start_text(cur, with_zone)),
				 errhint("period_start is the start of an active period.")));

	if (!ctx->seen)
		label = "new";
	else
	{
		if (cur <= ctx->prev)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("period_start %s is not after the previous row's %s",
							period_start_text(cur, with_zone),
							period_start_text(ctx->prev, with_zone)),
					 errhint("Call lifecycle() OVER (PARTITION BY customer ORDER BY period_start) on one row per customer and period.")));

		/*
		 * The previous start plus one period, by the type's own + operator;
		 * beyond the timestamp range it is 22008, but then no later row
		 * can be a whole period after the previous one anyway.
		 */
		next = DatumGetTimestamp(DirectFunctionCall2(with_zone ? timestamptz_pl_interval : timestamp_pl_interval,
													 TimestampGetDatum(ctx->prev),
													 IntervalPGetDatum(&ctx->period)));
		if (cur < next)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("period_start %s is less than one period after the previous row's %s",
							period_start_text(cur, with_zone),
							period_start_text(ctx->prev, with_zone)),
					 errhint("Give one row per customer and period, with period_start truncated to the period (date_trunc).")));
		label = (cur == next) ? "retained" : "resurrected";
	}
	ctx->seen = true;
	ctx->prev = cur;
	PG_RETURN_TEXT_P(cstring_to_text(label));
}

PG_FUNCTION_INFO_V1(lifecycle_timestamptz);
Datum
lifecycle_timestamptz(PG_FUNCTION_ARGS)
{
	return lifecycle_timestamp_label(fcinfo, true);
}

PG_FUNCTION_INFO_V1(lifecycle_timestamp);
Datum
lifecycle_timestamp(PG_FUNCTION_ARGS)
{
	return lifecycle_timestamp_label(fcinfo, false);
}
