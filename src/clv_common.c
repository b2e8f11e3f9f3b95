/*-------------------------------------------------------------------------
 *
 * clv_common.c
 *	  The helpers the files of the predictive CLV share: canonical text
 *	  forms of their own (days of any year, double-double sums, colon
 *	  lists) and their validating readers, interval arguments, the cached
 *	  calendar day of a timestamptz, and the expanded-object helpers of
 *	  clv_fit_state and clv_state.
 *
 * Every text form has one spelling per value, so that Citus's coordinator,
 * rollups and dumps read back exactly what was written; a reader accepts
 * nothing else.  What the other state families share too (doubles in their
 * shortest exact form, the "vN name=value" tokenizer, the 22P02/22P03
 * errors, binary send/receive as the text) is in state.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "access/htup_details.h"
#include "common/int.h"
#include "common/shortest_dec.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/expandeddatum.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"
#include "utils/uuid.h"

#include "amount.h"
#include "clv.h"
#include "clv_internal.h"
#include "expanded.h"
#include "state.h"


/*
 * A double for a message, in its shortest exact form: "7.000000001", where
 * %g would print "7 and 7 days" for two different time units.
 */
const char *
clv_num(double d)
{
	char	   *tmp = palloc(DOUBLE_SHORTEST_DECIMAL_LEN + 1);

	double_to_shortest_decimal_buf(d, tmp);
	return tmp;
}

/* Append a sum: "hi", or "hi:lo" when the remainder is not zero. */
void
clv_append_sum(StringInfo buf, ClvSum v)
{
	state_append_float8(buf, v.hi);
	if (v.lo != 0.0)
	{
		appendStringInfoChar(buf, ':');
		state_append_float8(buf, v.lo);
	}
}

/* Append a date as YYYY-MM-DD, independent of DateStyle. */
void
clv_append_day(StringInfo buf, DateADT d)
{
	int			y,
				m,
				dd;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
	appendStringInfo(buf, "%04d-%02d-%02d", y, m, dd);
}

/*
 * Parse a day as append_day writes it: the year with at least four digits
 * (a sign for years before 1 BC, year 0 being 1 BC, as j2date counts), two
 * digits of month and day.  Any year of the date range reads back: 10000
 * and later, and BC dates before 1000 BC.  Only the canonical spelling is
 * accepted ("2024-01-01", not "2024-1-1").
 */
bool
clv_parse_day(const char *s, DateADT *result)
{
	const char *p = s;
	char		tmp[32];
	long		y;
	int			m,
				d;
	char	   *end;

	if (*p == '-')
		p++;
	if (!isdigit((unsigned char) *p))
		return false;
	errno = 0;
	y = strtol(s, &end, 10);
	if (errno != 0 || end - p > 7 || end[0] != '-' ||
		!isdigit((unsigned char) end[1]) || !isdigit((unsigned char) end[2]) || end[3] != '-' ||
		!isdigit((unsigned char) end[4]) || !isdigit((unsigned char) end[5]) || end[6] != '\0')
		return false;
	m = (end[1] - '0') * 10 + (end[2] - '0');
	d = (end[4] - '0') * 10 + (end[5] - '0');
	if (m < 1 || m > 12 || d < 1 || d > day_tab[isleap(y)][m - 1] ||
		!IS_VALID_JULIAN(y, m, d))
		return false;
	*result = date2j((int) y, m, d) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(*result))
		return false;
	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", (int) y, m, d);
	return strcmp(tmp, s) == 0;
}

/* Parse a sum as append_sum writes it (canonical: hi = fl(hi + lo)). */
bool
clv_parse_sum(char *s, ClvSum *v)
{
	char	   *colon = strchr(s, ':');

	v->lo = 0.0;
	if (colon)
	{
		*colon = '\0';
		if (!state_parse_float8(colon + 1, &v->lo) || v->lo == 0.0)
			return false;
	}
	if (!state_parse_float8(s, &v->hi))
		return false;
	return v->hi + v->lo == v->hi && (v->hi != 0.0 || v->lo == 0.0);
}

/*
 * A time unit or horizon as a number of days (extract(epoch) / 86400):
 * whole years of 365.25 days, then the remaining months of 30 days, as
 * interval_part does (the integer division is intended).
 */
double
clv_interval_days(const Interval *iv)
{
	return (double) (iv->month / MONTHS_PER_YEAR) * DAYS_PER_YEAR	/* NOLINT(bugprone-integer-division) */
		+ (double) (iv->month % MONTHS_PER_YEAR) * DAYS_PER_MONTH
		+ (double) iv->day
		+ (double) iv->time / (double) USECS_PER_DAY;
}

/* An interval argument that must be present and positive, in days. */
double
clv_positive_interval_arg(FunctionCallInfo fcinfo, int argno, const char *name)
{
	double		days;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be null", name),
				 errhint("Give a positive interval such as '1 week'.")));
	days = clv_interval_days(PG_GETARG_INTERVAL_P(argno));
	if (!(days > 0) || !isfinite(days))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be positive: %s days", name, clv_num(days)),
				 errhint("Give a positive interval such as '1 week'.")));
	return days;
}

/*
 * The same day, faster: a small cache, kept in fn_extra for the session
 * time zone, of UTC days during which the zone's offset does not change
 * (pg_next_dst_boundary says exactly where it changes).  Within such a day
 * the local day is plain arithmetic; a day holding a transition falls back
 * to the full conversion.
 */
#define DAYCACHE_SIZE	1024

typedef struct DayCache
{
	pg_tz	   *tz;				/* the session_timezone the entries are for */
	int64		utc_day[DAYCACHE_SIZE];	/* key, PG_INT64_MIN when empty */
	int64		offset[DAYCACHE_SIZE];	/* microseconds east of UTC */
} DayCache;

DateADT
clv_ts_day_cached(FunctionCallInfo fcinfo, TimestampTz ts)
{
	DayCache   *c = (DayCache *) fcinfo->flinfo->fn_extra;
	int64		uday = ts / USECS_PER_DAY - (ts % USECS_PER_DAY < 0 ? 1 : 0);
	int			slot = (int) (uday & (DAYCACHE_SIZE - 1));
	int64		local;

	if (c == NULL || c->tz != session_timezone)
	{
		int			i;

		c = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(DayCache));
		c->tz = session_timezone;
		for (i = 0; i < DAYCACHE_SIZE; i++)
			c->utc_day[i] = PG_INT64_MIN;
		fcinfo->flinfo->fn_extra = c;
	}
	if (c->utc_day[slot] != uday)
	{
		pg_time_t	start = (pg_time_t) (uday * SECS_PER_DAY) +
			(pg_time_t) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY;
		pg_time_t	boundary;
		long int	before_gmtoff,
					after_gmtoff;
		int			before_isdst,
					after_isdst,
					r;

		if (c->tz == NULL)
			return clv_ts_day(ts);
		r = pg_next_dst_boundary(&start, &before_gmtoff, &before_isdst,
								 &boundary, &after_gmtoff, &after_isdst, c->tz);
		if (r < 0 || (r == 1 && boundary < start + SECS_PER_DAY))
			return clv_ts_day(ts);	/* a transition during this UTC day */
		c->utc_day[slot] = uday;
		c->offset[slot] = (int64) before_gmtoff * USECS_PER_SEC;
	}
	local = ts + c->offset[slot];
	return (DateADT) (local / USECS_PER_DAY - (local % USECS_PER_DAY < 0 ? 1 : 0));
}

/*
 * The expanded states (clv_fit_state, clv_state).  own_state returns the
 * aggregate's state in argument 0 when it is a read-write expanded object
 * of these methods, ours to change in place; else NULL, with *parent set
 * to where a new one belongs (the aggregate's context, or the current one
 * outside an aggregate), which new_state then makes: size zeroed bytes
 * starting with the header, in a context of its own under parent.
 */
ExpandedObjectHeader *
clv_own_state(FunctionCallInfo fcinfo, const ExpandedObjectMethods *methods,
		  MemoryContext *parent)
{
	ExpandedObjectHeader *own = rw_expanded_arg(fcinfo, 0, methods);
	MemoryContext aggcxt;

	*parent = CurrentMemoryContext;
	if (own)
		return own;
	if (AggCheckCallContext(fcinfo, &aggcxt))
		*parent = aggcxt;
	return NULL;
}

ExpandedObjectHeader *
clv_new_state(MemoryContext parent, Size size, const ExpandedObjectMethods *methods)
{
	MemoryContext cxt = AllocSetContextCreate(parent, "clv expanded state",
											  ALLOCSET_SMALL_SIZES);
	ExpandedObjectHeader *h = MemoryContextAllocZero(cxt, size);

	EOH_init_header(h, methods, cxt);
	return h;
}

/* Split "a:b:c[:d]" into exactly n parts in place. */
bool
clv_split_colons(char *tok, char **parts, int n)
{
	int			i;

	for (i = 0; i < n; i++)
	{
		parts[i] = tok;
		tok = strchr(tok, ':');
		if (i < n - 1)
		{
			if (tok == NULL)
				return false;
			*tok++ = '\0';
		}
		else if (tok != NULL)
			return false;
	}
	return true;
}
