/*-------------------------------------------------------------------------
 *
 * lifecycle.c
 *	  lifecycle(period_start date [, period interval]) OVER (PARTITION BY
 *	  customer ORDER BY period_start): a window function over one row per
 *	  active customer and period, returning 'new' (the customer's first
 *	  period), 'retained' (active in the previous period too: the previous
 *	  row's period_start + period is this row's) or 'resurrected' (active
 *	  before, not in the previous period).
 *
 * The window machinery calls the function once per row, in partition
 * order, so the previous active period is kept in partition-local memory
 * (as core's rank() keeps its counter) rather than fetched back from the
 * tuple store: one date comparison per row.  Rows must arrive in strictly
 * increasing period_start, at least one period apart (one row per customer
 * and period); anything else is 22023, because a label computed from rows
 * in the wrong order would be silently wrong.  Rows with a NULL period_start
 * get NULL and do not count as activity.
 *
 * Months step the way date + interval does ('2024-01-31' + '1 month' is
 * '2024-02-29'), so period starts should be date_trunc'ed to the period.
 * The step is computed on Julian day numbers, not through timestamp, so
 * every date works and a row costs no function calls.
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

/* What one partition remembers between rows. */
typedef struct LifecycleContext
{
	bool		seen;			/* an earlier row had a period_start */
	bool		have_period;	/* period has been read and checked */
	DateADT		prev;			/* the latest period_start seen */
	Interval	period;			/* the period of the partition's first row */
} LifecycleContext;

/* The period argument, checked: whole days and months, positive. */
static void
check_period(const Interval *period)
{
	if (period->time != 0 || period->month < 0 || period->day < 0 ||
		(period->month == 0 && period->day == 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period %s is not a positive number of days and months",
						DatumGetCString(DirectFunctionCall1(interval_out,
															IntervalPGetDatum(period)))),
				 errhint("Use a period such as '1 month', '1 week' or '1 day', the length of the period each period_start begins.")));
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

static const char *
date_text(DateADT d)
{
	return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)));
}

PG_FUNCTION_INFO_V1(lifecycle);
Datum
lifecycle(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	LifecycleContext *ctx;
	bool		isnull;
	DateADT		cur;
	int64		next,
				cur_j;
	const char *label;

	ctx = (LifecycleContext *) WinGetPartitionLocalMemory(winobj, sizeof(LifecycleContext));

	/* the period: the default month, or the call's, the same on every row */
	if (PG_NARGS() > 1)
	{
		Interval   *period = DatumGetIntervalP(WinGetFuncArgCurrent(winobj, 1, &isnull));

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
							DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(&ctx->period))),
							DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(period)))),
					 errhint("Every row of a partition must use the same period.")));
	}
	else if (!ctx->have_period)
	{
		ctx->period.month = 1;
		ctx->period.day = 0;
		ctx->period.time = 0;
		ctx->have_period = true;
	}

	cur = DatumGetDateADT(WinGetFuncArgCurrent(winobj, 0, &isnull));
	if (isnull)
		PG_RETURN_NULL();
	if (DATE_NOT_FINITE(cur))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period_start %s is not finite", date_text(cur)),
				 errhint("period_start is the first day of an active period.")));

	if (!ctx->seen)
		label = "new";
	else
	{
		if (cur <= ctx->prev)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("period_start %s is not after the previous row's %s",
							date_text(cur), date_text(ctx->prev)),
					 errhint("Call lifecycle() OVER (PARTITION BY customer ORDER BY period_start) on one row per customer and period.")));
		next = julian_plus_period(ctx->prev, &ctx->period);
		cur_j = (int64) cur + POSTGRES_EPOCH_JDATE;
		if (cur_j < next)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("period_start %s is less than one period after the previous row's %s",
							date_text(cur), date_text(ctx->prev)),
					 errhint("Give one row per customer and period, with period_start truncated to the period (date_trunc).")));
		label = (cur_j == next) ? "retained" : "resurrected";
	}
	ctx->seen = true;
	ctx->prev = cur;
	PG_RETURN_TEXT_P(cstring_to_text(label));
}
