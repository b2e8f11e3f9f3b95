/*-------------------------------------------------------------------------
 *
 * clv.c
 *	  Predictive customer lifetime value (SPEC section 6): the SQL types and
 *	  functions around the BG/NBD and Gamma-Gamma models of clv_math.c.
 *
 *	  clv_summary_state  one customer's distinct purchase days, for
 *	                     clv_summary() -> (frequency, recency, age, monetary)
 *	  clv_fit_state      weighted, deduplicated customer summaries, for
 *	                     clv_fit() -> clv_model
 *	  clv_model          the fitted (or hand-written) parameters; JSON text
 *	  clv_state          a group's orders (customer key, day, amount), for
 *	                     clv(customer_id, purchased_at, amount, horizon)
 *
 * clv_summary_state (one customer's days) is a variable-size varlena that
 * carries spare capacity: a transition function appends in place while
 * there is room and, when it is full, builds a bigger copy (doubling) in
 * the per-call memory context, which the executor then moves into the
 * aggregate context and frees the old one.  So there is no palloc per row,
 * only a logarithmic number of regrowths.  clv_fit_state and clv_state,
 * whose groups are whole customer bases, are expanded objects while
 * aggregating, so that they grow without those copies.  None of them can
 * remove a row exactly (they hold floating sums or would need searching),
 * so their inverse transition functions return NULL, which makes a sliding
 * window restart the frame.
 *
 * Every text form starts with a version ("v1 ...") and is validated
 * completely on input; binary send/receive use the same text, so both
 * paths share one validator.
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
#include "libpq/pqformat.h"
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
#include "expanded.h"
#include "state.h"

#define CLV_VERSION			1
#define CLV_PARAMS_SET		0x01
/* the clv aggregate's time unit: the literature's week */
#define CLV_UNIT_DAYS		7.0

/* ---------- small shared helpers ---------- */

/* Append a double in its shortest exact (round-trip) decimal form. */
static void
append_double(StringInfo buf, double d)
{
	char		tmp[DOUBLE_SHORTEST_DECIMAL_LEN + 1];

	double_to_shortest_decimal_buf(d, tmp);
	appendStringInfoString(buf, tmp);
}

/*
 * A double for a message, in its shortest exact form: "7.000000001", where
 * %g would print "7 and 7 days" for two different time units.
 */
static const char *
num(double d)
{
	char	   *tmp = palloc(DOUBLE_SHORTEST_DECIMAL_LEN + 1);

	double_to_shortest_decimal_buf(d, tmp);
	return tmp;
}

/*
 * A sum of amounts as a double-double: hi + lo with hi = fl(hi + lo), about
 * 106 bits.  Summing the repeat amounts this way makes monetary values
 * exact to the last bit of a double for any realistic customer, and the
 * same whatever order rows and merged states arrive in (serial, parallel,
 * Citus): the rounding of single doubles would differ in the last digits.
 */
typedef struct ClvSum
{
	double		hi,
				lo;
} ClvSum;

/* Add b to *a (the accurate double-double addition; 22003 on overflow). */
static inline void
clv_sum_add(ClvSum *a, ClvSum b)
{
	double		s1 = a->hi + b.hi,
				bp = s1 - a->hi,
				s2 = (a->hi - (s1 - bp)) + (b.hi - bp),
				t1 = a->lo + b.lo,
				tp = t1 - a->lo,
				t2 = (a->lo - (t1 - tp)) + (b.lo - tp),
				h;

	s2 += t1;
	h = s1 + s2;
	s2 = s2 - (h - s1);
	s1 = h;
	s2 += t2;
	h = s1 + s2;
	a->lo = s2 - (h - s1);
	a->hi = h;
	if (unlikely(!isfinite(a->hi) || !isfinite(a->lo)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sum of order amounts is out of range for type double precision"),
				 errhint("The amounts of one customer must add up to less than about 1.8e308.")));
	if (a->hi == 0.0)
	{
		/* one spelling of zero: no -0, no remainder */
		a->hi = 0.0;
		a->lo = 0.0;
	}
}

/* The same, adding one double. */
static inline void
clv_sum_add1(ClvSum *a, double x)
{
	ClvSum		b = {x, 0.0};

	clv_sum_add(a, b);
}

/* Append a sum: "hi", or "hi:lo" when the remainder is not zero. */
static void
append_sum(StringInfo buf, ClvSum v)
{
	append_double(buf, v.hi);
	if (v.lo != 0.0)
	{
		appendStringInfoChar(buf, ':');
		append_double(buf, v.lo);
	}
}

/* Append a date as YYYY-MM-DD, independent of DateStyle. */
static void
append_day(StringInfo buf, DateADT d)
{
	int			y,
				m,
				dd;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
	appendStringInfo(buf, "%04d-%02d-%02d", y, m, dd);
}

/*
 * Error out for a malformed text form of type tname.  The binary form is
 * the same text, so the parsers serve both: code is 22P02
 * (invalid_text_representation) from an input function and 22P03
 * (invalid_binary_representation) from a receive function.
 */
static void pg_attribute_noreturn()
bad_text(const char *tname, const char *str, int code, const char *detail)
{
	ereport(ERROR,
			(errcode(code),
			 errmsg("invalid input syntax for type %s: \"%.200s\"", tname, str),
			 errdetail("%s", detail),
			 errhint("Use the text produced by the type's output function.")));
}

/*
 * Parse a finite double written in its one canonical spelling, the
 * shortest round-trip form append_double writes ("1e+16", not "+1e16",
 * "1.0" or " 1"): a state's text has one spelling per value.
 */
static bool
parse_double(const char *s, double *result)
{
	char	   *end;
	char		tmp[DOUBLE_SHORTEST_DECIMAL_LEN + 1];

	if (*s == '\0' || isspace((unsigned char) *s))
		return false;
	errno = 0;
	*result = strtod(s, &end);
	/* ERANGE also flags a subnormal result, which is a valid double */
	if ((errno != 0 && errno != ERANGE) || *end != '\0' || !isfinite(*result))
		return false;
	double_to_shortest_decimal_buf(*result, tmp);
	return strcmp(tmp, s) == 0;
}

/*
 * Parse a day as append_day writes it: the year with at least four digits
 * (a sign for years before 1 BC, year 0 being 1 BC, as j2date counts), two
 * digits of month and day.  Any year of the date range reads back: 10000
 * and later, and BC dates before 1000 BC.  Only the canonical spelling is
 * accepted ("2024-01-01", not "2024-1-1").
 */
static bool
parse_day(const char *s, DateADT *result)
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
static bool
parse_sum(char *s, ClvSum *v)
{
	char	   *colon = strchr(s, ':');

	v->lo = 0.0;
	if (colon)
	{
		*colon = '\0';
		if (!parse_double(colon + 1, &v->lo) || v->lo == 0.0)
			return false;
	}
	if (!parse_double(s, &v->hi))
		return false;
	return v->hi + v->lo == v->hi && (v->hi != 0.0 || v->lo == 0.0);
}

/*
 * Take the next "name=value" token from *cursor (fields separated by one
 * space, in this fixed order); returns the value, or errors naming what
 * is missing.
 */
static char *
next_field(char **cursor, const char *name, const char *tname, const char *str,
		   int code)
{
	char	   *tok = *cursor,
			   *end;
	size_t		len = strlen(name);

	if (strncmp(tok, name, len) != 0 || tok[len] != '=')
		bad_text(tname, str, code, psprintf("Expected field \"%s\".", name));
	tok += len + 1;
	end = strchr(tok, ' ');
	if (end)
	{
		*end = '\0';
		*cursor = end + 1;
		if (**cursor == '\0' || **cursor == ' ')
			bad_text(tname, str, code, "The fields are not separated by single spaces.");
	}
	else
		*cursor = tok + strlen(tok);
	return tok;
}

/*
 * Check the version prefix "v1" .. "v<maxversion>" and return the rest of
 * the text: empty, or the fields after one space.  *version gets the
 * version read (NULL: only v1 is known).
 */
static char *
skip_version(char *copy, const char *tname, const char *str, int code,
			 int maxversion, int *version)
{
	int			v = copy[1] - '0';

	if (copy[0] != 'v' || v < 1 || v > maxversion ||
		(copy[2] != '\0' && copy[2] != ' '))
		bad_text(tname, str, code,
				 maxversion == 1 ? "It does not start with the version \"v1\"." :
				 psprintf("It does not start with a version \"v1\" to \"v%d\".", maxversion));
	if (copy[2] == ' ' && (copy[3] == '\0' || copy[3] == ' '))
		bad_text(tname, str, code, "The fields are not separated by single spaces.");
	if (version)
		*version = v;
	return copy[2] == ' ' ? copy + 3 : copy + 2;
}

/*
 * A time unit or horizon as a number of days (extract(epoch) / 86400):
 * whole years of 365.25 days, then the remaining months of 30 days, as
 * interval_part does (the integer division is intended).
 */
static double
interval_days(const Interval *iv)
{
	return (double) (iv->month / MONTHS_PER_YEAR) * DAYS_PER_YEAR	/* NOLINT(bugprone-integer-division) */
		+ (double) (iv->month % MONTHS_PER_YEAR) * DAYS_PER_MONTH
		+ (double) iv->day
		+ (double) iv->time / (double) USECS_PER_DAY;
}

/* An interval argument that must be present and positive, in days. */
static double
positive_interval_arg(FunctionCallInfo fcinfo, int argno, const char *name)
{
	double		days;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be null", name),
				 errhint("Give a positive interval such as '1 week'.")));
	days = interval_days(PG_GETARG_INTERVAL_P(argno));
	if (!(days > 0) || !isfinite(days))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be positive: %s days", name, num(days)),
				 errhint("Give a positive interval such as '1 week'.")));
	return days;
}

/* The calendar day (session time zone) of a finite timestamptz. */
static inline DateADT
ts_day(TimestampTz ts)
{
	return DatumGetDateADT(DirectFunctionCall1(timestamptz_date,
											   TimestampTzGetDatum(ts)));
}

/*
 * The types' input, send and receive functions.  The binary form is the
 * text form, so one validating parser serves both paths (a forged binary
 * state is checked exactly like a forged text).
 */
static bytea *
clv_send_as_text(Datum value, PGFunction out)
{
	StringInfoData buf;
	char	   *txt = DatumGetCString(DirectFunctionCall1(out, value));

	pq_begintypsend(&buf);
	pq_sendtext(&buf, txt, strlen(txt));
	return pq_endtypsend(&buf);
}

static char *
clv_recv_text(StringInfo buf)
{
	int			nbytes;

	return pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
}

#define CLV_TEXT_IO(type, parse) \
PG_FUNCTION_INFO_V1(type##_in); \
Datum \
type##_in(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_POINTER(parse(PG_GETARG_CSTRING(0), ERRCODE_INVALID_TEXT_REPRESENTATION)); \
} \
PG_FUNCTION_INFO_V1(type##_send); \
Datum \
type##_send(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BYTEA_P(clv_send_as_text(PG_GETARG_DATUM(0), type##_out)); \
} \
PG_FUNCTION_INFO_V1(type##_recv); \
Datum \
type##_recv(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_POINTER(parse(clv_recv_text((StringInfo) PG_GETARG_POINTER(0)), \
							ERRCODE_INVALID_BINARY_REPRESENTATION)); \
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

static DateADT
ts_day_cached(FunctionCallInfo fcinfo, TimestampTz ts)
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
			return ts_day(ts);
		r = pg_next_dst_boundary(&start, &before_gmtoff, &before_isdst,
								 &boundary, &after_gmtoff, &after_isdst, c->tz);
		if (r < 0 || (r == 1 && boundary < start + SECS_PER_DAY))
			return ts_day(ts);	/* a transition during this UTC day */
		c->utc_day[slot] = uday;
		c->offset[slot] = (int64) before_gmtoff * USECS_PER_SEC;
	}
	local = ts + c->offset[slot];
	return (DateADT) (local / USECS_PER_DAY - (local % USECS_PER_DAY < 0 ? 1 : 0));
}

/* Is the first argument a read-write value this aggregate call may update? */
static inline bool
in_aggregate(FunctionCallInfo fcinfo)
{
	return AggCheckCallContext(fcinfo, NULL) != 0;
}

/*
 * The expanded states (clv_fit_state, clv_state).  own_state returns the
 * aggregate's state in argument 0 when it is a read-write expanded object
 * of these methods, ours to change in place; else NULL, with *parent set
 * to where a new one belongs (the aggregate's context, or the current one
 * outside an aggregate), which new_state then makes: size zeroed bytes
 * starting with the header, in a context of its own under parent.
 */
static ExpandedObjectHeader *
own_state(FunctionCallInfo fcinfo, const ExpandedObjectMethods *methods,
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

static ExpandedObjectHeader *
new_state(MemoryContext parent, Size size, const ExpandedObjectMethods *methods)
{
	MemoryContext cxt = AllocSetContextCreate(parent, "clv expanded state",
											  ALLOCSET_SMALL_SIZES);
	ExpandedObjectHeader *h = MemoryContextAllocZero(cxt, size);

	EOH_init_header(h, methods, cxt);
	return h;
}

/* ==================================================================
 * clv_summary_state: one customer's distinct purchase days.
 *
 * Frequency counts distinct days, and rows arrive in any order (and states
 * are merged in any order), so the exact answer needs the set of days: a
 * sorted array of 4-byte dates, plus the sum of the first day's amounts and
 * the sum of the others' (the repeat amount; monetary = repeat / frequency),
 * both double-doubles (ClvSum).  When an earlier day arrives, the old first
 * day's sum moves into the repeat sum.  Version 1 (1.1) kept the total and
 * the first day's sum, and subtracted them: a large first order cancelled
 * the repeat amounts ((1e16 + 1) - 1e16 = 0).  Stored version 1 values, in
 * tables and in text, are still read (the repeat sum as total - first).
 * ================================================================== */

#define CS_DATE_FORM		0x02	/* built from dates, not timestamptz */
#define CS_KNOWN_FLAGS		(CLV_PARAMS_SET | CS_DATE_FORM)
#define CS_VERSION			2

typedef struct ClvSummaryState
{
	int32		vl_len_;
	uint8		version;
	uint8		flags;
	uint16		reserved;
	int32		ndays;			/* distinct purchase days */
	int32		capacity;		/* slots allocated in days[] */
	DateADT		observed_day;	/* day of observed_until */
	int32		pad;
	int64		observed_ts;	/* observed_until (timestamptz form) */
	double		unit_days;		/* the time unit, in days */
	ClvSum		first;			/* sum of the amounts of the first day */
	ClvSum		repeat;			/* sum of the amounts of the other days */
	DateADT		days[FLEXIBLE_ARRAY_MEMBER];	/* sorted, distinct */
} ClvSummaryState;

#define CS_SIZE(cap)	(offsetof(ClvSummaryState, days) + sizeof(DateADT) * (cap))

/* Version 1's layout (1.1), as stored in tables before the upgrade. */
typedef struct ClvSummaryStateV1
{
	int32		vl_len_;
	uint8		version;
	uint8		flags;
	uint16		reserved;
	int32		ndays;
	int32		capacity;
	DateADT		observed_day;
	int32		pad;
	int64		observed_ts;
	double		unit_days;
	double		total;
	double		first_amount;
	DateADT		days[FLEXIBLE_ARRAY_MEMBER];
} ClvSummaryStateV1;

#define CS1_SIZE(cap)	(offsetof(ClvSummaryStateV1, days) + sizeof(DateADT) * (cap))

static ClvSummaryState *
cs_new(int capacity)
{
	ClvSummaryState *s = palloc0(CS_SIZE(capacity));

	SET_VARSIZE(s, CS_SIZE(capacity));
	s->version = CS_VERSION;
	s->capacity = capacity;
	return s;
}

static int	cs_capacity(int need);

/* A version 1 value (shape already checked) in version 2's layout. */
static ClvSummaryState *
cs_from_v1(const ClvSummaryStateV1 *old)
{
	ClvSummaryState *s = cs_new(cs_capacity(Max(old->ndays, 1)));

	s->flags = old->flags;
	s->ndays = old->ndays;
	s->observed_day = old->observed_day;
	/* the date form's observed_ts is not used: 0 (1.1 set obs * 1 day) */
	s->observed_ts = (old->flags & CS_DATE_FORM) ? 0 : old->observed_ts;
	s->unit_days = old->unit_days;
	s->first.hi = old->first_amount;
	s->repeat.hi = old->ndays > 1 ? old->total - old->first_amount : 0.0;
	if (!isfinite(s->first.hi) || !isfinite(s->repeat.hi) ||
		(s->ndays > 0 && !(s->flags & CLV_PARAMS_SET)))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid clv_summary_state value")));
	memcpy(s->days, old->days, sizeof(DateADT) * old->ndays);
	return s;
}

/*
 * Shape check of a stored or passed clv_summary_state; a version 1 value
 * (stored by 1.1) comes back converted, as a new palloc'd value.
 */
static ClvSummaryState *
cs_arg(FunctionCallInfo fcinfo, int argno)
{
	ClvSummaryState *s = (ClvSummaryState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	if (VARSIZE(s) >= CS1_SIZE(0) && s->version == 1)
	{
		const ClvSummaryStateV1 *old = (const ClvSummaryStateV1 *) s;

		if (old->ndays < 0 || old->ndays > old->capacity ||
			VARSIZE(old) != CS1_SIZE(old->capacity) || (old->flags & ~CS_KNOWN_FLAGS))
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("invalid clv_summary_state value")));
		return cs_from_v1(old);
	}
	if (VARSIZE(s) < CS_SIZE(0) || s->version != CS_VERSION ||
		s->ndays < 0 || s->ndays > s->capacity ||
		VARSIZE(s) != CS_SIZE(s->capacity) || (s->flags & ~CS_KNOWN_FLAGS))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid clv_summary_state value")));
	return s;
}

/*
 * The capacity to allocate for need days: the most that fit the smallest
 * power-of-two size holding them (the memory allocator rounds requests up
 * to a power of two anyway), at least 64 bytes.  So a new state has room
 * for 2 days in 64 bytes (most customers buy on few days), then 18 in 128,
 * 50 in 256, 114 in 512 and so on: doubling, without slack the allocator
 * would waste.
 */
static int
cs_capacity(int need)
{
	Size		size = 64;

	while (size < CS_SIZE((Size) need))
	{
		if (size > MaxAllocSize / 2)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many distinct purchase days for one customer")));
		size *= 2;
	}
	return (int) ((size - offsetof(ClvSummaryState, days)) / sizeof(DateADT));
}

/* A copy with room for at least need days. */
static ClvSummaryState *
cs_grow(const ClvSummaryState *s, int need)
{
	int			cap = cs_capacity(Max(need, s->capacity));
	ClvSummaryState *n;

	n = palloc0(CS_SIZE(cap));	/* zeroed slack: stored values compress */
	memcpy(n, s, CS_SIZE(s->ndays));
	SET_VARSIZE(n, CS_SIZE(cap));
	n->capacity = cap;
	return n;
}

/* The state argument 0, writable: in place in an aggregate, else a copy. */
static ClvSummaryState *
cs_for_update(FunctionCallInfo fcinfo)
{
	ClvSummaryState *s;

	if (PG_ARGISNULL(0))
		return cs_new(cs_capacity(1));
	s = cs_arg(fcinfo, 0);
	if (!in_aggregate(fcinfo) && (Pointer) s == DatumGetPointer(PG_GETARG_DATUM(0)))
		s = cs_grow(s, s->capacity);
	return s;
}

/* Set the group's parameters, or check they did not change (22023). */
static void
cs_set_params(ClvSummaryState *s, uint8 form, int64 obs_ts, DateADT obs_day,
			  double unit_days)
{
	if (!(s->flags & CLV_PARAMS_SET))
	{
		s->flags |= CLV_PARAMS_SET | form;
		s->observed_ts = obs_ts;
		s->observed_day = obs_day;
		s->unit_days = unit_days;
		return;
	}
	if ((s->flags & CS_DATE_FORM) != form)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("clv_summary states of date and timestamptz orders cannot be merged")));
	if (s->observed_ts != obs_ts || s->observed_day != obs_day)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("observed_until changes within one group"),
				 errhint("Every row of a customer, and every state merged together, must use the same observed_until.")));
	if (s->unit_days != unit_days)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time_unit changes within one group: %s and %s days",
						num(s->unit_days), num(unit_days)),
				 errhint("Every row of a customer, and every state merged together, must use the same time_unit.")));
}

/* Add one purchase of amount on day; the state may be replaced. */
static ClvSummaryState *
cs_add(ClvSummaryState *s, DateADT day, double amount)
{
	int			lo = 0,
				hi = s->ndays;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (s->days[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->ndays && s->days[lo] == day)
		clv_sum_add1(lo == 0 ? &s->first : &s->repeat, amount);
	else
	{
		if (s->ndays == s->capacity)
			s = cs_grow(s, s->ndays + 1);
		memmove(&s->days[lo + 1], &s->days[lo], sizeof(DateADT) * (s->ndays - lo));
		s->days[lo] = day;
		s->ndays++;
		if (lo == 0)
		{
			/* a new first day: the old one's amounts are repeat amounts */
			clv_sum_add(&s->repeat, s->first);
			s->first.hi = amount == 0.0 ? 0.0 : amount;	/* not -0 */
			s->first.lo = 0.0;
		}
		else
			clv_sum_add1(&s->repeat, amount);
	}
	return s;
}

/* An amount: finite (22003). */
static inline double
finite_amount(double amount)
{
	if (unlikely(!isfinite(amount)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("order amount %s is out of range", num(amount)),
				 errhint("An amount is a finite number.")));
	return amount;
}

/* A double precision amount argument: finite (22003). */
static inline double
amount_arg(FunctionCallInfo fcinfo, int argno)
{
	return finite_amount(PG_GETARG_FLOAT8(argno));
}

/* observed_until NULL (22004) or infinite (22023): the same hint for both. */
static void bad_observed_until(bool isnull) pg_attribute_noreturn();

static void
bad_observed_until(bool isnull)
{
	ereport(ERROR,
			(errcode(isnull ? ERRCODE_NULL_VALUE_NOT_ALLOWED : ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg(isnull ? "observed_until must not be null" : "observed_until must be finite"),
			 errhint("Give the end of the calibration period.")));
}

/*
 * The amount argument of a clv_summary or clv row, double precision or
 * numeric (decoded in place: the ::float8 cast goes through text, a third
 * of clv_summary's time).  Both round the same; an infinite amount is 22003.
 */
static inline double
order_amount_arg(FunctionCallInfo fcinfo, int argno, bool numeric)
{
	if (!numeric)
		return amount_arg(fcinfo, argno);
	return finite_amount(numeric_to_double(PG_GETARG_DATUM(argno)));
}

/* clv_summary(purchased_at timestamptz, amount, observed_until, time_unit) */
static pg_attribute_always_inline Datum
cs_timestamptz_step(FunctionCallInfo fcinfo, bool numeric)
{
	ClvSummaryState *s = cs_for_update(fcinfo);
	TimestampTz obs,
				ts;
	double		unit;

	if (PG_ARGISNULL(3))
		bad_observed_until(true);
	obs = PG_GETARG_TIMESTAMPTZ(3);
	if (TIMESTAMP_NOT_FINITE(obs))
		bad_observed_until(false);
	unit = positive_interval_arg(fcinfo, 4, "time_unit");
	/* the day of observed_until only needs computing once per group */
	if (!(s->flags & CLV_PARAMS_SET) || s->observed_ts != obs ||
		s->unit_days != unit || (s->flags & CS_DATE_FORM))
		cs_set_params(s, 0, obs, ts_day(obs), unit);

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(s);
	ts = PG_GETARG_TIMESTAMPTZ(1);
	if (ts > obs)				/* the holdout period, including +infinity */
		PG_RETURN_POINTER(s);
	if (TIMESTAMP_NOT_FINITE(ts))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("purchased_at -infinity is out of range"),
				 errhint("A purchase time is a finite timestamp.")));
	s = cs_add(s, ts_day_cached(fcinfo, ts), order_amount_arg(fcinfo, 2, numeric));
	PG_RETURN_POINTER(s);
}

/* clv_summary(purchased_at date, amount, observed_until date, time_unit) */
static pg_attribute_always_inline Datum
cs_date_step(FunctionCallInfo fcinfo, bool numeric)
{
	ClvSummaryState *s = cs_for_update(fcinfo);
	DateADT		obs,
				day;
	double		unit;

	if (PG_ARGISNULL(3))
		bad_observed_until(true);
	obs = PG_GETARG_DATEADT(3);
	if (DATE_NOT_FINITE(obs))
		bad_observed_until(false);
	unit = positive_interval_arg(fcinfo, 4, "time_unit");
	cs_set_params(s, CS_DATE_FORM, 0, obs, unit);

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(s);
	day = PG_GETARG_DATEADT(1);
	if (day > obs)
		PG_RETURN_POINTER(s);
	if (DATE_NOT_FINITE(day))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("purchased_at -infinity is out of range"),
				 errhint("A purchase date is a finite date.")));
	s = cs_add(s, day, order_amount_arg(fcinfo, 2, numeric));
	PG_RETURN_POINTER(s);
}

/* the four transition functions: form x amount type */
RETENTION_STEP_WRAPPER(clv_summary_sfunc, cs_timestamptz_step, false)
RETENTION_STEP_WRAPPER(clv_summary_numeric_sfunc, cs_timestamptz_step, true)
RETENTION_STEP_WRAPPER(clv_summary_date_sfunc, cs_date_step, false)
RETENTION_STEP_WRAPPER(clv_summary_date_numeric_sfunc, cs_date_step, true)

/*
 * Removing a row is not exact (the amounts are floating sums and a day
 * may hold several rows): NULL tells the window code to restart the frame.
 */
PG_FUNCTION_INFO_V1(clv_summary_inv);
Datum
clv_summary_inv(PG_FUNCTION_ARGS)
{
	PG_RETURN_NULL();
}
PG_FUNCTION_INFO_V1(clv_summary_date_inv);
Datum
clv_summary_date_inv(PG_FUNCTION_ARGS)
{
	PG_RETURN_NULL();
}

PG_FUNCTION_INFO_V1(clv_summary_state_combine);
Datum
clv_summary_state_combine(PG_FUNCTION_ARGS)
{
	ClvSummaryState *a = cs_for_update(fcinfo);
	ClvSummaryState *b = cs_arg(fcinfo, 1);
	int			i,
				j,
				k,
				need;
	ClvSum		first,
				repeat;

	if (b->flags & CLV_PARAMS_SET)
		cs_set_params(a, b->flags & CS_DATE_FORM, b->observed_ts,
					  b->observed_day, b->unit_days);
	if (b->ndays == 0)
		PG_RETURN_POINTER(a);
	repeat = a->repeat;
	clv_sum_add(&repeat, b->repeat);
	if (a->ndays == 0)
		first = b->first;
	else if (a->days[0] == b->days[0])
	{
		first = a->first;
		clv_sum_add(&first, b->first);
	}
	else if (a->days[0] < b->days[0])
	{
		first = a->first;
		clv_sum_add(&repeat, b->first);
	}
	else
	{
		first = b->first;
		clv_sum_add(&repeat, a->first);
	}

	/*
	 * Merge b's sorted days into a in place, from the back (the write
	 * position never overtakes the read position in a), dropping days both
	 * have; then slide the result to the front.
	 */
	need = a->ndays + b->ndays;
	if (need > a->capacity)
		a = cs_grow(a, need);
	i = a->ndays - 1;
	j = b->ndays - 1;
	k = need - 1;
	while (i >= 0 || j >= 0)
	{
		DateADT		d;

		if (j < 0 || (i >= 0 && a->days[i] > b->days[j]))
			d = a->days[i--];
		else if (i < 0 || b->days[j] > a->days[i])
			d = b->days[j--];
		else
		{
			d = a->days[i--];
			j--;
		}
		a->days[k--] = d;
	}
	a->ndays = need - 1 - k;
	memmove(&a->days[0], &a->days[k + 1], sizeof(DateADT) * a->ndays);
	a->first = first;
	a->repeat = repeat;
	PG_RETURN_POINTER(a);
}

/* Not exact (see clv_summary_inv): NULL restarts a window frame. */
PG_FUNCTION_INFO_V1(clv_summary_state_uncombine);
Datum
clv_summary_state_uncombine(PG_FUNCTION_ARGS)
{
	PG_RETURN_NULL();
}

/*
 * The text form, version 2:
 *   v2 form=date observed_until=1997-09-30 unit_days=7 first_amount=73.34
 *      repeat_amount=20 days=1997-01-01,1997-03-15
 * (form=timestamptz: observed_until in microseconds, then observed_day).
 * A sum is written "hi" or "hi:lo" (ClvSum).  Every value has one spelling.
 */
PG_FUNCTION_INFO_V1(clv_summary_state_out);
Datum
clv_summary_state_out(PG_FUNCTION_ARGS)
{
	ClvSummaryState *s = cs_arg(fcinfo, 0);
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "v2");
	if (!(s->flags & CLV_PARAMS_SET))
		PG_RETURN_CSTRING(buf.data);
	if (s->flags & CS_DATE_FORM)
	{
		appendStringInfoString(&buf, " form=date observed_until=");
		append_day(&buf, s->observed_day);
	}
	else
	{
		appendStringInfo(&buf, " form=timestamptz observed_until=" INT64_FORMAT " observed_day=",
						 s->observed_ts);
		append_day(&buf, s->observed_day);
	}
	appendStringInfoString(&buf, " unit_days=");
	append_double(&buf, s->unit_days);
	appendStringInfoString(&buf, " first_amount=");
	append_sum(&buf, s->first);
	appendStringInfoString(&buf, " repeat_amount=");
	append_sum(&buf, s->repeat);
	appendStringInfoString(&buf, " days=");
	for (i = 0; i < s->ndays; i++)
	{
		if ((i & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		append_day(&buf, s->days[i]);
	}
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Read the text form: version 2 as clv_summary_state_out writes it, or
 * version 1 as 1.1 wrote it ("total=... first_amount=..." in place of the
 * two sums; the repeat sum is then total - first_amount).
 */
static ClvSummaryState *
cs_parse(const char *str, int code)
{
	const char *T = "clv_summary_state";
	char	   *copy = pstrdup(str);
	int			version;
	char	   *cur = skip_version(copy, T, str, code, CS_VERSION, &version);
	char	   *form,
			   *val;
	ClvSummaryState *s;
	int			n = 0;

	if (*cur == '\0')
		return cs_new(cs_capacity(1));

	form = next_field(&cur, "form", T, str, code);
	/* count the days to size the state */
	val = strstr(cur, "days=");
	if (val)
		for (n = 1, val += 5; *val; val++)
			n += (*val == ',');
	s = cs_new(cs_capacity(n));
	s->flags = CLV_PARAMS_SET;
	if (strcmp(form, "date") == 0)
	{
		s->flags |= CS_DATE_FORM;
		if (!parse_day(next_field(&cur, "observed_until", T, str, code), &s->observed_day))
			bad_text(T, str, code, "observed_until is not a valid date.");
	}
	else if (strcmp(form, "timestamptz") == 0)
	{
		char	   *end;
		char		tmp[32];

		val = next_field(&cur, "observed_until", T, str, code);
		errno = 0;
		s->observed_ts = strtoll(val, &end, 10);
		snprintf(tmp, sizeof(tmp), INT64_FORMAT, s->observed_ts);
		if (*val == '\0' || *end != '\0' || errno != 0 || strcmp(tmp, val) != 0 ||
			!IS_VALID_TIMESTAMP(s->observed_ts))
			bad_text(T, str, code, "observed_until is not a valid timestamp in microseconds.");
		if (!parse_day(next_field(&cur, "observed_day", T, str, code), &s->observed_day) ||
			llabs(s->observed_ts / USECS_PER_DAY - (int64) s->observed_day) > 2)
			bad_text(T, str, code, "observed_day is not the day of observed_until.");
	}
	else
		bad_text(T, str, code, "form is neither date nor timestamptz.");
	if (!parse_double(next_field(&cur, "unit_days", T, str, code), &s->unit_days) ||
		!(s->unit_days > 0))
		bad_text(T, str, code, "unit_days is not a positive number.");
	if (version == 1)
	{
		double		total,
					first;

		if (!parse_double(next_field(&cur, "total", T, str, code), &total))
			bad_text(T, str, code, "total is not a finite number.");
		if (!parse_double(next_field(&cur, "first_amount", T, str, code), &first))
			bad_text(T, str, code, "first_amount is not a finite number.");
		s->first.hi = first;
		s->repeat.hi = total - first;
		if (!isfinite(s->repeat.hi))
			bad_text(T, str, code, "total - first_amount is not a finite number.");
	}
	else
	{
		if (!parse_sum(next_field(&cur, "first_amount", T, str, code), &s->first))
			bad_text(T, str, code, "first_amount is not a finite number in its canonical form.");
		if (!parse_sum(next_field(&cur, "repeat_amount", T, str, code), &s->repeat))
			bad_text(T, str, code, "repeat_amount is not a finite number in its canonical form.");
	}
	val = next_field(&cur, "days", T, str, code);
	if (*cur != '\0')
		bad_text(T, str, code, "Unexpected text after the days.");
	if (*val != '\0')
	{
		char	   *tok = val;

		while (tok)
		{
			char	   *comma = strchr(tok, ',');
			DateADT		d;

			if ((s->ndays & 1023) == 1023)
				CHECK_FOR_INTERRUPTS();
			if (comma)
				*comma = '\0';
			if (s->ndays >= s->capacity || !parse_day(tok, &d))
				bad_text(T, str, code, psprintf("\"%s\" is not a valid day.", tok));
			if (d > s->observed_day)
				bad_text(T, str, code, "A purchase day is after observed_until.");
			if (s->ndays > 0 && d <= s->days[s->ndays - 1])
				bad_text(T, str, code, "The days are not strictly increasing.");
			s->days[s->ndays++] = d;
			tok = comma ? comma + 1 : NULL;
		}
	}
	if (s->ndays == 0 && (s->first.hi != 0 || s->repeat.hi != 0))
		bad_text(T, str, code, "A state without days has amounts.");
	if (s->ndays == 1 && s->repeat.hi != 0)
		bad_text(T, str, code, version == 1 ?
				 "With one day, total and first_amount must be equal." :
				 "With one day, repeat_amount must be 0.");
	/* -0 would be a second spelling of 0 */
	if (version >= 2 && ((s->first.hi == 0 && signbit(s->first.hi)) ||
						 (s->repeat.hi == 0 && signbit(s->repeat.hi))))
		bad_text(T, str, code, "An amount is written -0.");
	if (version == 1)
	{
		/* as version 1 computed it; -0 and 0 are the same sum */
		if (s->first.hi == 0)
			s->first.hi = 0.0;
		if (s->repeat.hi == 0)
			s->repeat.hi = 0.0;
	}
	return s;
}

CLV_TEXT_IO(clv_summary_state, cs_parse)

PG_FUNCTION_INFO_V1(clv_summary_final);
Datum
clv_summary_final(PG_FUNCTION_ARGS)
{
	ClvSummaryState *s = cs_arg(fcinfo, 0);
	TupleDesc	tupdesc;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};
	int32		freq;

	if (s->ndays == 0)
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);
	freq = s->ndays - 1;
	values[0] = Int32GetDatum(freq);
	values[1] = Float8GetDatum((double) (s->days[s->ndays - 1] - s->days[0]) / s->unit_days);
	values[2] = Float8GetDatum((double) (s->observed_day - s->days[0]) / s->unit_days);
	values[3] = Float8GetDatum(freq > 0 ? s->repeat.hi / freq : 0.0);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ==================================================================
 * clv_fit_state: customers as weighted (frequency, recency, age) triples
 * for BG/NBD and (frequency, monetary) pairs for Gamma-Gamma.
 *
 * Stored (flat), the two lists follow a header.  While aggregating, the
 * state is an expanded object instead: two arrays that grow in place, so
 * that a million customers are not copied at every doubling (the executor
 * copies a flat state each time a transition returns a new one).  Rows are
 * appended unsorted; when an array is full it is compacted (sorted, equal
 * entries merged with their weights summed), and it doubles only if that
 * did not free half.  The flat form is compacted and has no spare room.
 * ================================================================== */

typedef struct ClvFitState
{
	int32		vl_len_;
	uint8		version;
	uint8		flags;
	uint16		reserved;
	int32		ntrip;
	int32		captrip;
	int32		npair;
	int32		cappair;
	/* ClvTriple[captrip] then ClvPair[cappair], at FIT_HDR */
} ClvFitState;

#define FIT_HDR			MAXALIGN(sizeof(ClvFitState))
#define FIT_SIZE(ct, cp)	(FIT_HDR + sizeof(ClvTriple) * (Size) (ct) + sizeof(ClvPair) * (Size) (cp))
#define FIT_TRIPS(s)	((ClvTriple *) ((char *) (s) + FIT_HDR))
#define FIT_PAIRS(s)	((ClvPair *) (FIT_TRIPS(s) + (s)->captrip))
#define FIT_MAXCAP		((int) (MaxAllocSize / 2 / sizeof(ClvTriple)))

/* An empty flat state with room for ct triples and cp pairs (the parser's). */
static ClvFitState *
fs_new(int ct, int cp)
{
	ClvFitState *s = palloc0(FIT_SIZE(ct, cp));

	SET_VARSIZE(s, FIT_SIZE(ct, cp));
	s->version = CLV_VERSION;
	s->captrip = ct;
	s->cappair = cp;
	return s;
}

/* The working form. */
typedef struct FitExpanded
{
	ExpandedObjectHeader hdr;
	int32		ntrip;
	int32		captrip;
	int32		npair;
	int32		cappair;
	ClvTriple  *trips;
	ClvPair    *pairs;
} FitExpanded;

static Size fit_get_flat_size(ExpandedObjectHeader *eohptr);
static void fit_flatten_into(ExpandedObjectHeader *eohptr, void *result,
							 Size allocated_size);

static const ExpandedObjectMethods fit_methods = {
	fit_get_flat_size,
	fit_flatten_into
};

/* Compact both lists in place: the same customers, in fewer entries. */
static void
fit_compact(FitExpanded *e)
{
	e->ntrip = clv_compact_triples(e->trips, e->ntrip);
	e->npair = clv_compact_pairs(e->pairs, e->npair);
}

static Size
fit_get_flat_size(ExpandedObjectHeader *eohptr)
{
	FitExpanded *e = (FitExpanded *) eohptr;

	fit_compact(e);
	return FIT_SIZE(e->ntrip, e->npair);
}

static void
fit_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	FitExpanded *e = (FitExpanded *) eohptr;
	ClvFitState *s = (ClvFitState *) result;

	Assert(allocated_size == FIT_SIZE(e->ntrip, e->npair));
	memset(s, 0, FIT_HDR);
	SET_VARSIZE(s, allocated_size);
	s->version = CLV_VERSION;
	s->ntrip = s->captrip = e->ntrip;
	s->npair = s->cappair = e->npair;
	memcpy(FIT_TRIPS(s), e->trips, sizeof(ClvTriple) * e->ntrip);
	memcpy(FIT_PAIRS(s), e->pairs, sizeof(ClvPair) * e->npair);
}

/* Room for ct triples and cp pairs (54000 past the allocation limit). */
static void
fit_reserve(FitExpanded *e, int ct, int cp)
{
	if (ct > FIT_MAXCAP || cp > FIT_MAXCAP)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many distinct customer summaries for clv_fit"),
				 errhint("Round recency and age, or fit on a sample.")));
	if (ct > e->captrip)
	{
		e->trips = repalloc(e->trips, sizeof(ClvTriple) * ct);
		e->captrip = ct;
	}
	if (cp > e->cappair)
	{
		e->pairs = repalloc(e->pairs, sizeof(ClvPair) * cp);
		e->cappair = cp;
	}
}

/* A new empty state in its own context under parent. */
static FitExpanded *
fit_new(MemoryContext parent, int ct, int cp)
{
	FitExpanded *e = (FitExpanded *) new_state(parent, sizeof(FitExpanded),
											   &fit_methods);
	MemoryContext cxt = e->hdr.eoh_context;

	e->trips = MemoryContextAlloc(cxt, sizeof(ClvTriple) * 16);
	e->pairs = MemoryContextAlloc(cxt, sizeof(ClvPair) * 16);
	e->captrip = e->cappair = 16;
	fit_reserve(e, ct, cp);
	return e;
}

/*
 * Read access to a state, flat or expanded: its lists and their lengths.
 * A flat value is checked (XX001 when it is not one).
 */
typedef struct FitView
{
	int			ntrip;
	int			npair;
	ClvTriple  *trips;
	ClvPair    *pairs;
	FitExpanded *expanded;		/* or NULL: trips and pairs are a flat value's */
} FitView;

static FitView
fs_view(FunctionCallInfo fcinfo, int argno)
{
	Datum		d = PG_GETARG_DATUM(argno);
	FitView		v;
	ClvFitState *s;

	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)) &&
		DatumGetEOHP(d)->eoh_methods == &fit_methods)
	{
		FitExpanded *e = (FitExpanded *) DatumGetEOHP(d);

		v.ntrip = e->ntrip;
		v.npair = e->npair;
		v.trips = e->trips;
		v.pairs = e->pairs;
		v.expanded = e;
		return v;
	}
	s = (ClvFitState *) PG_DETOAST_DATUM(d);
	if (VARSIZE(s) < FIT_HDR || s->version != CLV_VERSION ||
		s->ntrip < 0 || s->npair < 0 || s->captrip < s->ntrip ||
		s->cappair < s->npair ||
		VARSIZE(s) != FIT_SIZE(s->captrip, s->cappair))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid clv_fit_state value")));
	v.ntrip = s->ntrip;
	v.npair = s->npair;
	v.trips = FIT_TRIPS(s);
	v.pairs = FIT_PAIRS(s);
	v.expanded = NULL;
	return v;
}

/*
 * The state to change: the aggregate's own (read-write expanded), else a
 * new expanded copy of the argument in the aggregate's context (the
 * current one outside an aggregate).
 */
static FitExpanded *
fs_for_update(FunctionCallInfo fcinfo)
{
	MemoryContext cxt;
	FitExpanded *e = (FitExpanded *) own_state(fcinfo, &fit_methods, &cxt);
	FitView		v;

	if (e)
		return e;
	if (PG_ARGISNULL(0))
		return fit_new(cxt, 16, 16);
	v = fs_view(fcinfo, 0);
	e = fit_new(cxt, v.ntrip, v.npair);
	memcpy(e->trips, v.trips, sizeof(ClvTriple) * v.ntrip);
	memcpy(e->pairs, v.pairs, sizeof(ClvPair) * v.npair);
	e->ntrip = v.ntrip;
	e->npair = v.npair;
	return e;
}

/* Make room for more triples and pairs. */
static void
fs_room(FitExpanded *e, int more_trip, int more_pair)
{
	int64		ct = e->captrip,
				cp = e->cappair;

	if (e->ntrip + (int64) more_trip > ct)
	{
		e->ntrip = clv_compact_triples(e->trips, e->ntrip);
		while (e->ntrip + (int64) more_trip > ct / 2)
			ct = ct * 2;
	}
	if (e->npair + (int64) more_pair > cp)
	{
		e->npair = clv_compact_pairs(e->pairs, e->npair);
		while (e->npair + (int64) more_pair > cp / 2)
			cp = cp * 2;
	}
	if (ct != e->captrip || cp != e->cappair)
		fit_reserve(e, (int) Min(ct, (int64) FIT_MAXCAP + 1),
					(int) Min(cp, (int64) FIT_MAXCAP + 1));
}

/*
 * Check one customer's summary (22023 naming the value); monetary only when
 * have_m.  Age 0 (first seen at the end of the observation, as clv_summary
 * gives it) is valid with frequency 0: the predictions are those of a new
 * customer, and clv_fit skips it.
 */
static void
check_summary(double x, double tx, double T, bool have_m, double m)
{
	if (!isfinite(x) || x < 0 || x != floor(x) || x > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("frequency %s is not a non-negative integer", num(x)),
				 errhint("frequency is the number of repeat purchase days, 0 or more.")));
	if (!isfinite(T) || !(T >= 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("age %s is negative or not finite", num(T)),
				 errhint("age is the time from the first purchase to the end of the observation, 0 or more.")));
	if (T == 0 && x > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("frequency %s at age 0", num(x)),
				 errhint("A customer first seen at the end of the observation (age 0) has no repeat purchases.")));
	if (!isfinite(tx) || tx < 0 || tx > T)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("recency %s is outside 0 .. age %s", num(tx), num(T)),
				 errhint("recency is the time from the first to the last purchase, between 0 and age.")));
	if (x == 0 && tx != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("recency %s with frequency 0", num(tx)),
				 errhint("A customer without repeat purchases has recency 0.")));
	if (have_m && x > 0 && (!isfinite(m) || !(m > 0)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("monetary value %s of a repeat customer is not positive", num(m)),
				 errhint("monetary is the mean amount of the repeat purchases, greater than 0.")));
}

/* clv_fit(frequency, recency, age, monetary) */
PG_FUNCTION_INFO_V1(clv_fit_sfunc);
Datum
clv_fit_sfunc(PG_FUNCTION_ARGS)
{
	FitExpanded *e = fs_for_update(fcinfo);
	double		x,
				tx,
				T,
				m = 0;
	bool		have_m;
	ClvTriple  *t;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_DATUM(EOHPGetRWDatum(&e->hdr));
	x = PG_GETARG_FLOAT8(1);
	tx = PG_GETARG_FLOAT8(2);
	T = PG_GETARG_FLOAT8(3);
	have_m = !PG_ARGISNULL(4);
	if (have_m)
		m = PG_GETARG_FLOAT8(4);
	check_summary(x, tx, T, have_m, m);
	/* age 0: the likelihood is 1 whatever the model, so the row tells nothing */
	if (T == 0)
		PG_RETURN_DATUM(EOHPGetRWDatum(&e->hdr));

	fs_room(e, 1, have_m && x > 0 ? 1 : 0);
	t = &e->trips[e->ntrip++];
	t->x = (int32) x;
	t->pad = 0;
	t->tx = tx;
	t->T = T;
	t->w = 1;
	if (have_m && x > 0)
	{
		ClvPair    *p = &e->pairs[e->npair++];

		p->x = (int32) x;
		p->pad = 0;
		p->m = m;
		p->w = 1;
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&e->hdr));
}

/* Not worth searching the unsorted list: NULL restarts a window frame. */
PG_FUNCTION_INFO_V1(clv_fit_inv);
Datum
clv_fit_inv(PG_FUNCTION_ARGS)
{
	PG_RETURN_NULL();
}

PG_FUNCTION_INFO_V1(clv_fit_state_combine);
Datum
clv_fit_state_combine(PG_FUNCTION_ARGS)
{
	FitExpanded *a = fs_for_update(fcinfo);
	FitView		b = fs_view(fcinfo, 1);

	fs_room(a, b.ntrip, b.npair);
	memcpy(a->trips + a->ntrip, b.trips, sizeof(ClvTriple) * b.ntrip);
	a->ntrip += b.ntrip;
	memcpy(a->pairs + a->npair, b.pairs, sizeof(ClvPair) * b.npair);
	a->npair += b.npair;
	PG_RETURN_DATUM(EOHPGetRWDatum(&a->hdr));
}

PG_FUNCTION_INFO_V1(clv_fit_state_uncombine);
Datum
clv_fit_state_uncombine(PG_FUNCTION_ARGS)
{
	PG_RETURN_NULL();
}

/*
 * A state's lists, compacted: an expanded state is compacted in place (the
 * same customers in fewer entries, so even a read-only one may be), a flat
 * one is read in place, or copied and compacted when it is not compacted
 * (written by a version before the expanded state).
 */
static FitView
fs_compacted(FunctionCallInfo fcinfo, int argno)
{
	FitView		v = fs_view(fcinfo, argno);
	ClvTriple  *t;
	ClvPair    *p;

	if (v.expanded)
	{
		fit_compact(v.expanded);
		v.ntrip = v.expanded->ntrip;
		v.npair = v.expanded->npair;
		return v;
	}
	/* a flat value is stored compacted; one of an older version may not be */
	if (!clv_triples_compacted(v.trips, v.ntrip))
	{
		t = palloc(sizeof(ClvTriple) * v.ntrip);
		memcpy(t, v.trips, sizeof(ClvTriple) * v.ntrip);
		v.ntrip = clv_compact_triples(t, v.ntrip);
		v.trips = t;
	}
	if (!clv_pairs_compacted(v.pairs, v.npair))
	{
		p = palloc(sizeof(ClvPair) * v.npair);
		memcpy(p, v.pairs, sizeof(ClvPair) * v.npair);
		v.npair = clv_compact_pairs(p, v.npair);
		v.pairs = p;
	}
	return v;
}

PG_FUNCTION_INFO_V1(clv_fit_state_out);
Datum
clv_fit_state_out(PG_FUNCTION_ARGS)
{
	FitView		v = fs_compacted(fcinfo, 0);
	ClvTriple  *t = v.trips;
	ClvPair    *p = v.pairs;
	int			nt = v.ntrip,
				np = v.npair,
				i;
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "v1 bgnbd=");
	for (i = 0; i < nt; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		appendStringInfo(&buf, "%d:", t[i].x);
		append_double(&buf, t[i].tx);
		appendStringInfoChar(&buf, ':');
		append_double(&buf, t[i].T);
		appendStringInfo(&buf, ":" INT64_FORMAT, t[i].w);
	}
	appendStringInfoString(&buf, " gg=");
	for (i = 0; i < np; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		appendStringInfo(&buf, "%d:", p[i].x);
		append_double(&buf, p[i].m);
		appendStringInfo(&buf, ":" INT64_FORMAT, p[i].w);
	}
	PG_RETURN_CSTRING(buf.data);
}

/* Split "a:b:c[:d]" into exactly n parts in place. */
static bool
split_colons(char *tok, char **parts, int n)
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

/* Parse a positive weight. */
static bool
parse_weight(const char *s, int64 *w)
{
	char	   *end;

	if (*s == '\0' || *s == '-' || *s == '+' || isspace((unsigned char) *s))
		return false;
	errno = 0;
	*w = strtoll(s, &end, 10);
	return errno == 0 && *end == '\0' && *w > 0;
}

static int
count_items(const char *s)
{
	int			n = (*s != '\0');

	for (; *s && *s != ' '; s++)
		n += (*s == ',');
	return n;
}

static ClvFitState *
fs_parse(const char *str, int code)
{
	const char *T = "clv_fit_state";
	char	   *copy = pstrdup(str);
	char	   *cur = skip_version(copy, T, str, code, 1, NULL);
	char	   *bg,
			   *gg,
			   *tok,
			   *save = NULL;
	ClvFitState *s;
	int64		w_repeat = 0,
				w_pairs = 0;

	bg = next_field(&cur, "bgnbd", T, str, code);
	gg = next_field(&cur, "gg", T, str, code);
	if (*cur != '\0')
		bad_text(T, str, code, "Unexpected text after the gg list.");
	s = fs_new(Max(16, count_items(bg)), Max(16, count_items(gg)));

	for (tok = strtok_r(bg, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
	{
		char	   *part[4];
		double		x,
					tx,
					age;
		int64		w;
		ClvTriple  *t;

		CHECK_FOR_INTERRUPTS();
		if (s->ntrip >= s->captrip || !split_colons(tok, part, 4) ||
			!parse_double(part[0], &x) || !parse_double(part[1], &tx) ||
			!parse_double(part[2], &age) || !parse_weight(part[3], &w))
			bad_text(T, str, code, "A bgnbd entry is not frequency:recency:age:weight.");
		if (x < 0 || x != floor(x) || x > PG_INT32_MAX || !(age > 0) ||
			tx < 0 || tx > age || (x == 0 && tx != 0))
			bad_text(T, str, code, "A bgnbd entry is not a valid customer summary.");
		t = &FIT_TRIPS(s)[s->ntrip++];
		t->x = (int32) x;
		t->pad = 0;
		t->tx = tx;
		t->T = age;
		t->w = w;
		if (x > 0 && pg_add_s64_overflow(w_repeat, w, &w_repeat))
			bad_text(T, str, code, "The weights overflow.");
	}
	save = NULL;
	for (tok = strtok_r(gg, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
	{
		char	   *part[3];
		double		x,
					m;
		int64		w;
		ClvPair    *p;

		CHECK_FOR_INTERRUPTS();
		if (s->npair >= s->cappair || !split_colons(tok, part, 3) ||
			!parse_double(part[0], &x) || !parse_double(part[1], &m) ||
			!parse_weight(part[2], &w))
			bad_text(T, str, code, "A gg entry is not frequency:monetary:weight.");
		if (!(x > 0) || x != floor(x) || x > PG_INT32_MAX || !(m > 0))
			bad_text(T, str, code, "A gg entry is not a valid repeat customer.");
		p = &FIT_PAIRS(s)[s->npair++];
		p->x = (int32) x;
		p->pad = 0;
		p->m = m;
		p->w = w;
		if (pg_add_s64_overflow(w_pairs, w, &w_pairs))
			bad_text(T, str, code, "The weights overflow.");
	}
	if (w_pairs > w_repeat)
		bad_text(T, str, code, "The gg list has more customers than the bgnbd list has repeat customers.");
	s->ntrip = clv_compact_triples(FIT_TRIPS(s), s->ntrip);
	s->npair = clv_compact_pairs(FIT_PAIRS(s), s->npair);
	return s;
}

CLV_TEXT_IO(clv_fit_state, fs_parse)

/* ==================================================================
 * clv_model
 * ================================================================== */

#define CM_HAS_GG			0x01	/* p, q, v present */
#define CM_HAS_CUSTOMERS	0x02
#define CM_HAS_CONVERGED	0x04
#define CM_CONVERGED		0x08
#define CM_HAS_LL_BG		0x10
#define CM_HAS_LL_GG		0x20
#define CM_KNOWN_FLAGS		0x3f

typedef struct ClvModel
{
	int32		vl_len_;
	uint8		version;
	uint8		flags;
	uint16		reserved;
	int64		customers;
	ClvParams	par;
	double		ll_bgnbd;
	double		ll_gg;
} ClvModel;

static ClvModel *
cm_new(void)
{
	ClvModel   *m = palloc0(sizeof(ClvModel));

	SET_VARSIZE(m, sizeof(ClvModel));
	m->version = CLV_VERSION;
	return m;
}

/*
 * The seven parameters in their text order: name and place in ClvParams
 * (its fields are not an array, so they are reached by offset, never by
 * indexing from the first).
 */
#define CM_NPARAMS	7

static const struct
{
	const char *name;
	size_t		offset;
}			cm_params[CM_NPARAMS] = {
	{"r", offsetof(ClvParams, r)},
	{"alpha", offsetof(ClvParams, alpha)},
	{"a", offsetof(ClvParams, a)},
	{"b", offsetof(ClvParams, b)},
	{"p", offsetof(ClvParams, p)},
	{"q", offsetof(ClvParams, q)},
	{"v", offsetof(ClvParams, v)}
};

/* Parameter i of the text order (copied: the struct is not cast). */
static inline double
cm_get(const ClvParams *par, int i)
{
	double		value;

	memcpy(&value, (const char *) par + cm_params[i].offset, sizeof(double));
	return value;
}

static inline void
cm_set(ClvParams *par, int i, double value)
{
	memcpy((char *) par + cm_params[i].offset, &value, sizeof(double));
}

/* Check a model's parameters (22023 naming the value). */
static void
cm_check(const ClvModel *m)
{
	int			i,
				n = (m->flags & CM_HAS_GG) ? CM_NPARAMS : 4;

	for (i = 0; i < n; i++)
		if (!isfinite(cm_get(&m->par, i)) || !(cm_get(&m->par, i) > 0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("clv_model parameter %s = %s is not positive",
							cm_params[i].name, num(cm_get(&m->par, i))),
					 errhint("Every model parameter is a finite number greater than 0.")));
}

static ClvModel *
cm_arg(FunctionCallInfo fcinfo, int argno)
{
	ClvModel   *m = (ClvModel *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	if (VARSIZE(m) != sizeof(ClvModel) || m->version != CLV_VERSION ||
		(m->flags & ~CM_KNOWN_FLAGS))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid clv_model value")));
	return m;
}

PG_FUNCTION_INFO_V1(clv_model_out);
Datum
clv_model_out(PG_FUNCTION_ARGS)
{
	ClvModel   *m = cm_arg(fcinfo, 0);
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (i = 0; i < CM_NPARAMS; i++)
	{
		appendStringInfo(&buf, "%s\"%s\": ", i ? ", " : "", cm_params[i].name);
		if (i < 4 || (m->flags & CM_HAS_GG))
			append_double(&buf, cm_get(&m->par, i));
		else
			appendStringInfoString(&buf, "null");
	}
	appendStringInfoString(&buf, ", \"customers\": ");
	if (m->flags & CM_HAS_CUSTOMERS)
		appendStringInfo(&buf, INT64_FORMAT, m->customers);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoString(&buf, ", \"converged\": ");
	appendStringInfoString(&buf, !(m->flags & CM_HAS_CONVERGED) ? "null" :
						   (m->flags & CM_CONVERGED) ? "true" : "false");
	appendStringInfoString(&buf, ", \"ll_bgnbd\": ");
	if (m->flags & CM_HAS_LL_BG)
		append_double(&buf, m->ll_bgnbd);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoString(&buf, ", \"ll_gg\": ");
	if (m->flags & CM_HAS_LL_GG)
		append_double(&buf, m->ll_gg);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

static ClvModel *
cm_parse(const char *str, int code)
{
	const char *T = "clv_model";
	ClvModel   *m = cm_new();
	bool		seen[CM_NPARAMS] = {false};
	Jsonb	   *jb;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			i,
				ngg = 0,
				ngg_null = 0;

	jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(str)));
	if (!JB_ROOT_IS_OBJECT(jb))
		bad_text(T, str, code, "A clv_model is a JSON object.");
	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *key;
		double		num = 0;
		bool		is_null;

		if (tok != WJB_KEY)
			continue;
		key = pnstrdup(v.val.string.val, v.val.string.len);
		/* the key's value: a WJB_VALUE token, read from v */
		(void) JsonbIteratorNext(&it, &v, true);
		is_null = (v.type == jbvNull);
		if (strcmp(key, "converged") == 0)
		{
			if (is_null)
				continue;
			if (v.type != jbvBool)
				bad_text(T, str, code, "\"converged\" is not true, false or null.");
			m->flags |= CM_HAS_CONVERGED | (v.val.boolean ? CM_CONVERGED : 0);
			continue;
		}
		if (!is_null)
		{
			if (v.type != jbvNumeric)
				bad_text(T, str, code, psprintf("\"%s\" is not a number.", key));
			/* no error (and no 400-digit message) for a number out of range */
			num = DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow,
													 NumericGetDatum(v.val.numeric)));
			if (!isfinite(num))
				bad_text(T, str, code,
						 psprintf("\"%s\" is beyond the range of double precision (about 1.8e308).", key));
		}
		for (i = 0; i < CM_NPARAMS; i++)
			if (strcmp(key, cm_params[i].name) == 0)
				break;
		if (i < CM_NPARAMS)
		{
			seen[i] = true;
			cm_set(&m->par, i, num);
			if (i >= 4)
			{
				ngg++;
				ngg_null += is_null;
			}
			else if (is_null)
				bad_text(T, str, code, psprintf("BG/NBD parameter \"%s\" is null.", key));
		}
		else if (strcmp(key, "customers") == 0)
		{
			if (is_null)
				continue;
			if (num < 0 || num != floor(num) || num > 9e18)
				bad_text(T, str, code, "\"customers\" is not a non-negative integer.");
			m->customers = (int64) num;
			m->flags |= CM_HAS_CUSTOMERS;
		}
		else if (strcmp(key, "ll_bgnbd") == 0 || strcmp(key, "ll_gg") == 0)
		{
			if (is_null)
				continue;
			if (!isfinite(num))
				bad_text(T, str, code, psprintf("\"%s\" is not a finite number.", key));
			if (key[3] == 'b')
			{
				m->ll_bgnbd = num;
				m->flags |= CM_HAS_LL_BG;
			}
			else
			{
				m->ll_gg = num;
				m->flags |= CM_HAS_LL_GG;
			}
		}
		else
			bad_text(T, str, code, psprintf("\"%s\" is not a clv_model key; the keys are r, alpha, a, b, p, q, v, customers, converged, ll_bgnbd and ll_gg.", key));
	}
	for (i = 0; i < 4; i++)
		if (!seen[i])
			bad_text(T, str, code, psprintf("BG/NBD parameter \"%s\" is missing.", cm_params[i].name));
	if (ngg == 3 && ngg_null == 0)
		m->flags |= CM_HAS_GG;
	else if (ngg_null != ngg)
		bad_text(T, str, code, "Gamma-Gamma parameters p, q and v are given all together or not at all (or all null).");
	else
		m->par.p = m->par.q = m->par.v = 0;
	if ((m->flags & CM_HAS_LL_GG) && !(m->flags & CM_HAS_GG))
		bad_text(T, str, code, "\"ll_gg\" is given without a Gamma-Gamma model.");
	cm_check(m);
	return m;
}

CLV_TEXT_IO(clv_model, cm_parse)

PG_FUNCTION_INFO_V1(clv_model_params);
Datum
clv_model_params(PG_FUNCTION_ARGS)
{
	Datum		txt = DirectFunctionCall1(clv_model_out, PG_GETARG_DATUM(0));

	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, txt));
}

/* Fit both models to compacted observations; NULL-free result. */
static ClvModel *
fit_model(ClvTriple *t, int nt, ClvPair *p, int np)
{
	ClvModel   *m = cm_new();
	ClvFitResult bg,
				gg;
	int64		n = 0;
	int			i;
	bool		converged;

	for (i = 0; i < nt; i++)
		if (pg_add_s64_overflow(n, t[i].w, &n))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("clv_fit customer count out of range")));
	bg = clv_fit_bgnbd(t, nt);
	m->par.r = bg.param[0];
	m->par.alpha = bg.param[1];
	m->par.a = bg.param[2];
	m->par.b = bg.param[3];
	m->customers = n;
	m->flags |= CM_HAS_CUSTOMERS | CM_HAS_CONVERGED;
	converged = bg.converged;
	if (isfinite(bg.ll))
	{
		m->ll_bgnbd = bg.ll;
		m->flags |= CM_HAS_LL_BG;
	}
	if (np > 0)
	{
		gg = clv_fit_gg(p, np);
		m->par.p = gg.param[0];
		m->par.q = gg.param[1];
		m->par.v = gg.param[2];
		m->flags |= CM_HAS_GG;
		converged = converged && gg.converged;
		if (isfinite(gg.ll))
		{
			m->ll_gg = gg.ll;
			m->flags |= CM_HAS_LL_GG;
		}
	}
	if (converged)
		m->flags |= CM_CONVERGED;
	return m;
}

PG_FUNCTION_INFO_V1(clv_fit_final);
Datum
clv_fit_final(PG_FUNCTION_ARGS)
{
	FitView		v = fs_compacted(fcinfo, 0);

	if (v.ntrip == 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(fit_model(v.trips, v.ntrip, v.pairs, v.npair));
}

/*
 * Test hook, not part of the extension's SQL: the tests declare it (in a
 * rolled-back transaction) to check the analytic gradients of the fit
 * against central differences, at the parameters of a model.
 */
PG_FUNCTION_INFO_V1(clv_fit_gradient_check);
Datum
clv_fit_gradient_check(PG_FUNCTION_ARGS)
{
	FitView		v = fs_compacted(fcinfo, 0);
	ClvModel   *m = cm_arg(fcinfo, 1);

	cm_check(m);
	if (v.ntrip == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(clv_gradient_check(v.trips, v.ntrip, v.pairs,
										(m->flags & CM_HAS_GG) ? v.npair : 0,
										&m->par));
}

/* ---------- per-customer functions ---------- */

/* A horizon argument t >= 0, finite (22023). */
static double
horizon_arg(FunctionCallInfo fcinfo, int argno)
{
	double		t = PG_GETARG_FLOAT8(argno);

	if (!isfinite(t) || t < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("horizon t = %s is not a non-negative number", num(t)),
				 errhint("t is a number of time units, 0 or more.")));
	return t;
}

/*
 * The model argument of a prediction, checked; NULL when its fit did not
 * converge ("converged": false), with a WARNING once per query and call
 * site: a model that is not an optimum gives numbers that look fine and
 * are not (every customer alive, say).  clv() does the same.
 */
static ClvModel *
usable_model(FunctionCallInfo fcinfo, int argno)
{
	ClvModel   *m = cm_arg(fcinfo, argno);

	cm_check(m);
	if ((m->flags & CM_HAS_CONVERGED) && !(m->flags & CM_CONVERGED))
	{
		if (fcinfo->flinfo->fn_extra == NULL)
		{
			ereport(WARNING,
					(errmsg("the clv_model's fit did not converge; its predictions are NULL"),
					 errhint("Fit again with more customers, or check the summaries (clv_model_params shows \"converged\").")));
			fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, 1);
		}
		return NULL;
	}
	return m;
}

/* A prediction that overflowed double precision is 22003, never infinity. */
static inline double
finite_prediction(const char *what, double value)
{
	if (unlikely(!isfinite(value)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s is out of range for type double precision", what),
				 errhint("The model's parameters are too extreme for this customer.")));
	return value;
}

PG_FUNCTION_INFO_V1(clv_expected_purchases);
Datum
clv_expected_purchases(PG_FUNCTION_ARGS)
{
	ClvModel   *m = usable_model(fcinfo, 0);
	double		t = horizon_arg(fcinfo, 1);
	double		x = PG_GETARG_FLOAT8(2),
				tx = PG_GETARG_FLOAT8(3),
				T = PG_GETARG_FLOAT8(4);

	check_summary(x, tx, T, false, 0);
	if (m == NULL)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(finite_prediction("clv_expected_purchases",
									   clv_expected_purchases_calc(&m->par, t, x, tx, T)));
}

PG_FUNCTION_INFO_V1(clv_p_alive);
Datum
clv_p_alive(PG_FUNCTION_ARGS)
{
	ClvModel   *m = usable_model(fcinfo, 0);
	double		x = PG_GETARG_FLOAT8(1),
				tx = PG_GETARG_FLOAT8(2),
				T = PG_GETARG_FLOAT8(3);

	check_summary(x, tx, T, false, 0);
	if (m == NULL)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(finite_prediction("clv_p_alive", clv_p_alive_calc(&m->par, x, tx, T)));
}

PG_FUNCTION_INFO_V1(clv_expected_order_value);
Datum
clv_expected_order_value(PG_FUNCTION_ARGS)
{
	ClvModel   *m = usable_model(fcinfo, 0);
	double		x = PG_GETARG_FLOAT8(1),
				mon = PG_GETARG_FLOAT8(2),
				result;

	check_summary(x, 0, 1, true, mon);
	if (m == NULL || !(m->flags & CM_HAS_GG) ||
		!clv_expected_value_calc(&m->par, x, mon, &result))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(finite_prediction("clv_expected_order_value", result));
}

PG_FUNCTION_INFO_V1(clv_predict);
Datum
clv_predict(PG_FUNCTION_ARGS)
{
	ClvModel   *m = usable_model(fcinfo, 0);
	double		t = horizon_arg(fcinfo, 1);
	double		x = PG_GETARG_FLOAT8(2),
				tx = PG_GETARG_FLOAT8(3),
				T = PG_GETARG_FLOAT8(4),
				mon = PG_GETARG_FLOAT8(5),
				d = PG_GETARG_FLOAT8(6),
				value;

	check_summary(x, tx, T, true, mon);
	if (!isfinite(d) || d < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("discount_rate %s is not a non-negative number", num(d)),
				 errhint("discount_rate is per time unit, e.g. 0.01 for 1%% a week; 0 for none.")));
	if (d > 0 && t > 1e6)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("horizon t = %s is too long to discount unit by unit", num(t)),
				 errhint("Use at most 1000000 time units with a discount rate.")));
	if (m == NULL || !(m->flags & CM_HAS_GG) ||
		!clv_expected_value_calc(&m->par, x, mon, &value))
		PG_RETURN_NULL();
	value = finite_prediction("clv_predict expected order value", value);
	PG_RETURN_FLOAT8(finite_prediction("clv_predict",
									   value * clv_discounted_purchases(&m->par, t, x, tx, T, d)));
}

/* ==================================================================
 * clv_state: a group's orders for clv(customer_id, purchased_at, amount,
 * horizon).  Records of (day, key length, amount, key bytes padded to 8),
 * appended.  The customer key is kept exactly (its bytes), so customers are
 * never merged by a hash collision.
 * ================================================================== */

#define CO_KEY_SHIFT	4
#define CO_KEY_MASK		0x30
#define CO_KEY_INT8		1
#define CO_KEY_TEXT		2
#define CO_KEY_UUID		3

typedef struct ClvOrdersState
{
	int32		vl_len_;
	uint8		version;
	uint8		flags;
	uint16		reserved;
	int32		used;			/* bytes of records */
	int32		capacity;		/* bytes allocated for records */
	int64		norders;
	double		horizon_days;
	/* records at CO_HDR */
} ClvOrdersState;

typedef struct ClvOrder
{
	DateADT		day;
	int32		keylen;
	double		amount;
	/* key bytes follow, padded to 8 */
} ClvOrder;

#define CO_HDR			MAXALIGN(sizeof(ClvOrdersState))
#define CO_DATA(s)		((char *) (s) + CO_HDR)
#define CO_RECSIZE(kl)	(sizeof(ClvOrder) + TYPEALIGN(8, (kl)))
#define CO_MAXKEY		1024

static const char *const key_names[] = {"none", "int8", "text", "uuid"};

static ClvOrdersState *
co_new(int capacity)
{
	ClvOrdersState *s = palloc0(CO_HDR + capacity);

	SET_VARSIZE(s, CO_HDR + capacity);
	s->version = CLV_VERSION;
	s->capacity = capacity;
	return s;
}

/*
 * While aggregating, the state is an expanded object around a flat value
 * with spare room, so that it grows in place (repalloc) instead of being
 * copied by the executor at every doubling; a group may hold millions of
 * orders.  It flattens to the same value without the spare room.
 */
typedef struct CoExpanded
{
	ExpandedObjectHeader hdr;
	ClvOrdersState *s;			/* in hdr.eoh_context */
} CoExpanded;

static Size
co_get_flat_size(ExpandedObjectHeader *eohptr)
{
	return CO_HDR + ((CoExpanded *) eohptr)->s->used;
}

/* Copy s without its spare room into dst, CO_HDR + s->used bytes. */
static void
co_copy_exact(ClvOrdersState *dst, const ClvOrdersState *s)
{
	memcpy(dst, s, CO_HDR + s->used);
	SET_VARSIZE(dst, CO_HDR + s->used);
	dst->capacity = s->used;
}

static void
co_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	ClvOrdersState *s = ((CoExpanded *) eohptr)->s;

	Assert(allocated_size == CO_HDR + s->used);
	co_copy_exact((ClvOrdersState *) result, s);
}

static const ExpandedObjectMethods co_methods = {
	co_get_flat_size,
	co_flatten_into
};

static ClvOrdersState *
co_arg(FunctionCallInfo fcinfo, int argno)
{
	Datum		d = PG_GETARG_DATUM(argno);
	ClvOrdersState *s;

	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)) &&
		DatumGetEOHP(d)->eoh_methods == &co_methods)
		return ((CoExpanded *) DatumGetEOHP(d))->s;
	s = (ClvOrdersState *) PG_DETOAST_DATUM(d);
	if (VARSIZE(s) < CO_HDR || s->version != CLV_VERSION || s->used < 0 ||
		s->used > s->capacity || VARSIZE(s) != CO_HDR + (Size) s->capacity)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid clv_state value")));
	return s;
}

/* Room for need bytes of records in *sp, a palloc'd state (repalloc'd). */
static void
co_reserve(ClvOrdersState **sp, Size need)
{
	ClvOrdersState *s = *sp;
	Size		cap = Max(256, s->capacity);

	if (need <= (Size) s->capacity)
		return;
	while (cap < need)
		cap *= 2;
	if (cap + CO_HDR > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many orders in one clv group"),
				 errhint("Fit with clv_summary and clv_fit, which keep one row per customer.")));
	/* the spare room is never stored (co_copy_exact, co_parse) */
	s = repalloc(s, CO_HDR + cap);
	SET_VARSIZE(s, CO_HDR + cap);
	s->capacity = (int) cap;
	*sp = s;
}

/*
 * The state to change: the aggregate's own (read-write expanded), else a
 * new expanded copy of the argument in the aggregate's context (the
 * current one outside an aggregate).
 */
static CoExpanded *
co_for_update(FunctionCallInfo fcinfo)
{
	MemoryContext parent,
				old;
	CoExpanded *e = (CoExpanded *) own_state(fcinfo, &co_methods, &parent);

	if (e)
		return e;
	e = (CoExpanded *) new_state(parent, sizeof(CoExpanded), &co_methods);
	old = MemoryContextSwitchTo(e->hdr.eoh_context);
	if (PG_ARGISNULL(0))
		e->s = co_new(256);
	else
	{
		ClvOrdersState *s = co_arg(fcinfo, 0);

		/* no spare room yet: the first append grows it (co_reserve) */
		e->s = palloc(CO_HDR + s->used);
		co_copy_exact(e->s, s);
	}
	MemoryContextSwitchTo(old);
	return e;
}

static void
co_set_params(ClvOrdersState *s, int kind, double horizon_days)
{
	if (!(s->flags & CLV_PARAMS_SET))
	{
		s->flags |= CLV_PARAMS_SET | (kind << CO_KEY_SHIFT);
		s->horizon_days = horizon_days;
		return;
	}
	if (((s->flags & CO_KEY_MASK) >> CO_KEY_SHIFT) != kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("clv states with %s and %s customer keys cannot be merged",
						key_names[(s->flags & CO_KEY_MASK) >> CO_KEY_SHIFT], key_names[kind])));
	if (s->horizon_days != horizon_days)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("horizon changes within one group: %s and %s days",
						num(s->horizon_days), num(horizon_days)),
				 errhint("Every row of a group, and every state merged together, must use the same horizon.")));
}

/* Append one order to *sp, a palloc'd state (repalloc'd when full). */
static void
co_append(ClvOrdersState **sp, DateADT day, double amount, const char *key, int keylen)
{
	Size		rs = CO_RECSIZE(keylen);
	ClvOrdersState *s;
	ClvOrder	o;
	char	   *dst;

	co_reserve(sp, (*sp)->used + rs);
	s = *sp;
	dst = CO_DATA(s) + s->used;
	memset(dst, 0, rs);
	o.day = day;
	o.keylen = keylen;
	o.amount = amount;
	memcpy(dst, &o, sizeof(o));
	memcpy(dst + sizeof(o), key, keylen);
	s->used += rs;
	s->norders++;
}

/* or'ed into clv_orders_step's key kind: the amount is numeric */
#define CO_AMOUNT_NUMERIC	0x100

static Datum
clv_orders_step(FunctionCallInfo fcinfo, int variant)
{
	int			kind = variant & ~CO_AMOUNT_NUMERIC;
	CoExpanded *e = co_for_update(fcinfo);
	double		horizon = positive_interval_arg(fcinfo, 4, "horizon");
	TimestampTz ts;
	const char *key;
	int			keylen;
	int64		k8;

	co_set_params(e->s, kind, horizon);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_DATUM(EOHPGetRWDatum(&e->hdr));
	ts = PG_GETARG_TIMESTAMPTZ(2);
	if (TIMESTAMP_NOT_FINITE(ts))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("purchased_at %s is out of range", TIMESTAMP_IS_NOBEGIN(ts) ? "-infinity" : "infinity"),
				 errhint("A purchase time is a finite timestamp.")));
	if (kind == CO_KEY_INT8)
	{
		k8 = PG_GETARG_INT64(1);
		key = (const char *) &k8;
		keylen = sizeof(int64);
	}
	else if (kind == CO_KEY_UUID)
	{
		key = (const char *) PG_GETARG_POINTER(1);
		keylen = UUID_LEN;
	}
	else
	{
		text	   *t = PG_GETARG_TEXT_PP(1);

		key = VARDATA_ANY(t);
		keylen = VARSIZE_ANY_EXHDR(t);
		if (keylen > CO_MAXKEY)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("customer_id of %d bytes is too long", keylen),
					 errhint("A customer key is at most %d bytes.", CO_MAXKEY)));
	}
	co_append(&e->s, ts_day_cached(fcinfo, ts),
			  order_amount_arg(fcinfo, 3, (variant & CO_AMOUNT_NUMERIC) != 0),
			  key, keylen);
	PG_RETURN_DATUM(EOHPGetRWDatum(&e->hdr));
}

RETENTION_STEP_WRAPPER(clv_int8_sfunc, clv_orders_step, CO_KEY_INT8)
RETENTION_STEP_WRAPPER(clv_text_sfunc, clv_orders_step, CO_KEY_TEXT)
RETENTION_STEP_WRAPPER(clv_uuid_sfunc, clv_orders_step, CO_KEY_UUID)
RETENTION_STEP_WRAPPER(clv_int8_numeric_sfunc, clv_orders_step, CO_KEY_INT8 | CO_AMOUNT_NUMERIC)
RETENTION_STEP_WRAPPER(clv_text_numeric_sfunc, clv_orders_step, CO_KEY_TEXT | CO_AMOUNT_NUMERIC)
RETENTION_STEP_WRAPPER(clv_uuid_numeric_sfunc, clv_orders_step, CO_KEY_UUID | CO_AMOUNT_NUMERIC)

/* The model is refitted on the whole frame: NULL restarts the frame. */
PG_FUNCTION_INFO_V1(clv_orders_inv);
Datum
clv_orders_inv(PG_FUNCTION_ARGS)
{
	PG_RETURN_NULL();
}

PG_FUNCTION_INFO_V1(clv_state_combine);
Datum
clv_state_combine(PG_FUNCTION_ARGS)
{
	CoExpanded *e = co_for_update(fcinfo);
	ClvOrdersState *b = co_arg(fcinfo, 1);
	ClvOrdersState *a;

	if (b->flags & CLV_PARAMS_SET)
		co_set_params(e->s, (b->flags & CO_KEY_MASK) >> CO_KEY_SHIFT, b->horizon_days);
	co_reserve(&e->s, e->s->used + (Size) b->used);
	a = e->s;
	memcpy(CO_DATA(a) + a->used, CO_DATA(b), b->used);
	a->used += b->used;
	a->norders += b->norders;
	PG_RETURN_DATUM(EOHPGetRWDatum(&e->hdr));
}

PG_FUNCTION_INFO_V1(clv_state_uncombine);
Datum
clv_state_uncombine(PG_FUNCTION_ARGS)
{
	PG_RETURN_NULL();
}

/*
 * Order records by customer key, then day, then amount: the order of the
 * canonical text form and of clv()'s summaries.
 */
static inline int
cmp_order(const char *a, const char *b)
{
	ClvOrder	oa,
				ob;
	int			c;

	memcpy(&oa, a, sizeof(oa));
	memcpy(&ob, b, sizeof(ob));
	if (oa.keylen != ob.keylen)
		return oa.keylen < ob.keylen ? -1 : 1;
	c = memcmp(a + sizeof(ClvOrder), b + sizeof(ClvOrder), oa.keylen);
	if (c != 0)
		return c;
	if (oa.day != ob.day)
		return oa.day < ob.day ? -1 : 1;
	/* amounts too, so sums do not depend on the order rows arrived in */
	if (oa.amount != ob.amount)
		return oa.amount < ob.amount ? -1 : 1;
	return 0;
}

/*
 * Sort record pointers with the comparison inlined, checking for interrupts
 * (qsort does not: a stored state of 8 M orders kept a canceled query
 * sorting for seconds).
 */
typedef char *ClvOrderRef;		/* a record of a state */

#define ST_SORT sort_order_records
#define ST_CHECK_FOR_INTERRUPTS
#define ST_ELEMENT_TYPE ClvOrderRef
#define ST_COMPARE(a, b) cmp_order(*(a), *(b))
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/*
 * The state's records in canonical order (cmp_order), as pointers into it;
 * *last gets the latest purchase day.
 */
static char **
co_sorted_records(const ClvOrdersState *s, int64 *count, DateADT *last)
{
	char	  **rec = palloc(sizeof(char *) * Max(s->norders, 1));
	int64		n = 0;
	int			off = 0;

	*last = 0;
	while (off < s->used && n < s->norders)
	{
		ClvOrder	o;

		memcpy(&o, CO_DATA(s) + off, sizeof(o));
		rec[n++] = (char *) CO_DATA(s) + off;
		*last = (n == 1 || o.day > *last) ? o.day : *last;
		off += CO_RECSIZE(o.keylen);
	}
	sort_order_records(rec, n);
	*count = n;
	return rec;
}

static const char hexdig[] = "0123456789abcdef";

/*
 * The text form, version 2: "v2 key=K horizon_days=H orders=day:amount:hex,..."
 * with the orders sorted by customer key, day and amount, so that the same
 * orders have one spelling whatever order the rows (or merged states)
 * arrived in.  Citus's coordinator reads back the text its workers send,
 * and rollups compare and deduplicate stored values.  Version 1 (1.1) wrote
 * the orders in arrival order; it is still read.
 */
PG_FUNCTION_INFO_V1(clv_state_out);
Datum
clv_state_out(PG_FUNCTION_ARGS)
{
	ClvOrdersState *s = co_arg(fcinfo, 0);
	StringInfoData buf;
	char	  **rec;
	int64		n,
				r;
	DateADT		last;
	int			i;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "v2");
	if (!(s->flags & CLV_PARAMS_SET))
		PG_RETURN_CSTRING(buf.data);
	appendStringInfo(&buf, " key=%s horizon_days=", key_names[(s->flags & CO_KEY_MASK) >> CO_KEY_SHIFT]);
	append_double(&buf, s->horizon_days);
	appendStringInfoString(&buf, " orders=");
	rec = co_sorted_records(s, &n, &last);
	for (r = 0; r < n; r++)
	{
		ClvOrder	o;
		const unsigned char *k = (const unsigned char *) rec[r] + sizeof(o);

		memcpy(&o, rec[r], sizeof(o));
		CHECK_FOR_INTERRUPTS();
		if (r > 0)
			appendStringInfoChar(&buf, ',');
		append_day(&buf, o.day);
		appendStringInfoChar(&buf, ':');
		append_double(&buf, o.amount);
		appendStringInfoChar(&buf, ':');
		for (i = 0; i < o.keylen; i++)
		{
			appendStringInfoChar(&buf, hexdig[k[i] >> 4]);
			appendStringInfoChar(&buf, hexdig[k[i] & 15]);
		}
	}
	PG_RETURN_CSTRING(buf.data);
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * Read the text form, validating every part: version 2 exactly as
 * clv_state_out writes it (orders sorted, one spelling per value), or
 * version 1 as 1.1 wrote it (orders in any order).
 */
static ClvOrdersState *
co_parse(const char *str, int code)
{
	const char *T = "clv_state";
	char	   *copy = pstrdup(str);
	int			version;
	char	   *cur = skip_version(copy, T, str, code, 2, &version);
	char	   *val,
			   *tok;
	ClvOrdersState *s = co_new(256);
	int			kind,
				prev = -1;
	double		horizon;

	if (*cur == '\0')
		return s;
	val = next_field(&cur, "key", T, str, code);
	for (kind = 1; kind <= 3; kind++)
		if (strcmp(val, key_names[kind]) == 0)
			break;
	if (kind > 3)
		bad_text(T, str, code, "key is not int8, text or uuid.");
	if (!parse_double(next_field(&cur, "horizon_days", T, str, code), &horizon) || !(horizon > 0))
		bad_text(T, str, code, "horizon_days is not a positive number.");
	co_set_params(s, kind, horizon);
	val = next_field(&cur, "orders", T, str, code);
	if (*cur != '\0')
		bad_text(T, str, code, "Unexpected text after the orders.");
	for (tok = *val ? val : NULL; tok;)
	{
		char	   *part[3];
		char	   *comma = strchr(tok, ',');
		DateADT		day;
		double		amount;
		int			len,
					i;
		char	   *key;

		CHECK_FOR_INTERRUPTS();
		if (comma)
			*comma = '\0';
		if (!split_colons(tok, part, 3) || !parse_day(part[0], &day) ||
			!parse_double(part[1], &amount))
			bad_text(T, str, code, "An order is not day:amount:hexkey.");
		len = strlen(part[2]);
		if (len % 2 != 0 || len / 2 > CO_MAXKEY ||
			(kind == CO_KEY_INT8 && len != 16) || (kind == CO_KEY_UUID && len != 32))
			bad_text(T, str, code, "An order's customer key has the wrong length.");
		key = palloc(len / 2 + 1);
		for (i = 0; i < len / 2; i++)
		{
			int			hi = hexval(part[2][2 * i]),
						lo = hexval(part[2][2 * i + 1]);

			if (hi < 0 || lo < 0)
				bad_text(T, str, code, "An order's customer key is not lower-case hexadecimal.");
			key[i] = (char) (hi * 16 + lo);
		}
		co_append(&s, day, amount, key, len / 2);
		pfree(key);
		if (version >= 2 && prev >= 0)
		{
			const char *a = CO_DATA(s) + prev;
			const char *b = CO_DATA(s) + s->used - CO_RECSIZE(len / 2);

			if (cmp_order(a, b) > 0)
				bad_text(T, str, code, "The orders are not sorted by customer key, day and amount.");
		}
		prev = s->used - CO_RECSIZE(len / 2);
		if (comma && comma[1] == '\0')
			bad_text(T, str, code, "An order is empty.");
		tok = comma ? comma + 1 : NULL;
	}
	/* stored without its spare room, as a flattened aggregate state is */
	s->capacity = s->used;
	SET_VARSIZE(s, CO_HDR + s->used);
	return repalloc(s, CO_HDR + s->used);
}

CLV_TEXT_IO(clv_state, co_parse)

typedef struct CustSummary
{
	int32		x;
	double		tx,
				T,
				m;
} CustSummary;

/*
 * clv(): summarise each customer up to the group's last purchase day (one
 * week unit), fit both models on the customers, and return the mean over
 * customers of the expected value over the horizon.
 */
PG_FUNCTION_INFO_V1(clv_final);
Datum
clv_final(PG_FUNCTION_ARGS)
{
	ClvOrdersState *s = co_arg(fcinfo, 0);
	char	  **rec;
	int64		n = 0,
				i,
				j,
				ncust = 0;
	int			nt = 0,
				np = 0;
	DateADT		last = 0;
	CustSummary *cs;
	ClvTriple  *t;
	ClvPair    *p;
	ClvModel   *model;
	double		horizon,
				sum = 0.0;

	if (s->norders == 0)
		PG_RETURN_NULL();
	rec = co_sorted_records(s, &n, &last);

	cs = palloc(sizeof(CustSummary) * n);
	for (i = 0; i < n; i = j)
	{
		ClvOrder	o,
					first,
					prev;
		int32		days = 1;
		ClvSum		repeat = {0.0, 0.0};

		CHECK_FOR_INTERRUPTS();
		memcpy(&first, rec[i], sizeof(first));
		prev = first;
		for (j = i; j < n; j++)
		{
			memcpy(&o, rec[j], sizeof(o));
			if (o.keylen != first.keylen ||
				memcmp(rec[j] + sizeof(ClvOrder), rec[i] + sizeof(ClvOrder), o.keylen) != 0)
				break;
			if (o.day != prev.day)
				days++;
			/* the repeat amount itself, as clv_summary sums it */
			if (o.day != first.day)
				clv_sum_add1(&repeat, o.amount);
			prev = o;
		}
		cs[ncust].x = days - 1;
		cs[ncust].tx = (prev.day - first.day) / CLV_UNIT_DAYS;
		cs[ncust].T = (last - first.day) / CLV_UNIT_DAYS;
		cs[ncust].m = days > 1 ? repeat.hi / (days - 1) : 0.0;
		if (days > 1 && !(cs[ncust].m > 0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("monetary value %s of a repeat customer is not positive", num(cs[ncust].m)),
					 errhint("clv needs positive order amounts for customers with repeat purchases.")));
		ncust++;
	}

	/* customers first seen on the last day tell the fit nothing (age 0) */
	t = palloc(sizeof(ClvTriple) * ncust);
	p = palloc(sizeof(ClvPair) * ncust);
	for (i = 0; i < ncust; i++)
	{
		if (cs[i].T <= 0)
			continue;
		t[nt].x = cs[i].x;
		t[nt].pad = 0;
		t[nt].tx = cs[i].tx;
		t[nt].T = cs[i].T;
		t[nt++].w = 1;
		if (cs[i].x > 0)
		{
			p[np].x = cs[i].x;
			p[np].pad = 0;
			p[np].m = cs[i].m;
			p[np++].w = 1;
		}
	}
	if (nt == 0 || np == 0)
		PG_RETURN_NULL();
	nt = clv_compact_triples(t, nt);
	np = clv_compact_pairs(p, np);
	model = fit_model(t, nt, p, np);
	if (!(model->flags & CM_CONVERGED))
	{
		ereport(WARNING,
				(errmsg("clv: the model fit did not converge; returning NULL"),
				 errhint("Fit with clv_fit over clv_summary rows to inspect the model.")));
		PG_RETURN_NULL();
	}

	horizon = s->horizon_days / CLV_UNIT_DAYS;
	for (i = 0; i < ncust; i++)
	{
		double		value;

		CHECK_FOR_INTERRUPTS();
		if (!clv_expected_value_calc(&model->par, cs[i].x, cs[i].m, &value))
			PG_RETURN_NULL();
		sum += finite_prediction("clv expected order value", value) *
			clv_expected_purchases_calc(&model->par, horizon,
										cs[i].x, cs[i].tx, cs[i].T);
		finite_prediction("clv", sum);
	}
	PG_RETURN_FLOAT8(sum / ncust);
}
