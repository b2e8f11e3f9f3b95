/*-------------------------------------------------------------------------
 *
 * clv_summary.c
 *	  clv_summary_state and clv_summary(): one customer's distinct purchase
 *	  days and amounts -> (frequency, recency, age, monetary).
 *
 * The state is a variable-size varlena that carries spare capacity: a
 * transition function appends in place while there is room and, when it is
 * full, builds a bigger copy (doubling) in the per-call memory context,
 * which the executor then moves into the aggregate context and frees the
 * old one.  So there is no palloc per row, only a logarithmic number of
 * regrowths.  It cannot remove a row exactly (floating sums, days that may
 * hold several rows), so its inverse transition functions return NULL,
 * which makes a sliding window restart the frame.
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
#include "clv_internal.h"
#include "expanded.h"
#include "state.h"


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
	if (!clv_in_aggregate(fcinfo) && (Pointer) s == DatumGetPointer(PG_GETARG_DATUM(0)))
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
						clv_num(s->unit_days), clv_num(unit_days)),
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
	unit = clv_positive_interval_arg(fcinfo, 4, "time_unit");
	/* the day of observed_until only needs computing once per group */
	if (!(s->flags & CLV_PARAMS_SET) || s->observed_ts != obs ||
		s->unit_days != unit || (s->flags & CS_DATE_FORM))
		cs_set_params(s, 0, obs, clv_ts_day(obs), unit);

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
	s = cs_add(s, clv_ts_day_cached(fcinfo, ts), clv_order_amount_arg(fcinfo, 2, numeric));
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
	unit = clv_positive_interval_arg(fcinfo, 4, "time_unit");
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
	s = cs_add(s, day, clv_order_amount_arg(fcinfo, 2, numeric));
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
		clv_append_day(&buf, s->observed_day);
	}
	else
	{
		appendStringInfo(&buf, " form=timestamptz observed_until=" INT64_FORMAT " observed_day=",
						 s->observed_ts);
		clv_append_day(&buf, s->observed_day);
	}
	appendStringInfoString(&buf, " unit_days=");
	state_append_float8(&buf, s->unit_days);
	appendStringInfoString(&buf, " first_amount=");
	clv_append_sum(&buf, s->first);
	appendStringInfoString(&buf, " repeat_amount=");
	clv_append_sum(&buf, s->repeat);
	appendStringInfoString(&buf, " days=");
	for (i = 0; i < s->ndays; i++)
	{
		if ((i & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		clv_append_day(&buf, s->days[i]);
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
	char	   *cur = state_skip_version(copy, T, str, code, CS_VERSION, &version);
	char	   *form,
			   *val;
	ClvSummaryState *s;
	int			n = 0;

	if (*cur == '\0')
		return cs_new(cs_capacity(1));

	form = state_next_field(&cur, "form", T, str, code);
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
		if (!clv_parse_day(state_next_field(&cur, "observed_until", T, str, code), &s->observed_day))
			state_bad_long_text(T, str, code, "observed_until is not a valid date.", STATE_TEXT_HINT);
	}
	else if (strcmp(form, "timestamptz") == 0)
	{
		char	   *end;
		char		tmp[32];

		val = state_next_field(&cur, "observed_until", T, str, code);
		errno = 0;
		s->observed_ts = strtoll(val, &end, 10);
		snprintf(tmp, sizeof(tmp), INT64_FORMAT, s->observed_ts);
		if (*val == '\0' || *end != '\0' || errno != 0 || strcmp(tmp, val) != 0 ||
			!IS_VALID_TIMESTAMP(s->observed_ts))
			state_bad_long_text(T, str, code, "observed_until is not a valid timestamp in microseconds.", STATE_TEXT_HINT);
		if (!clv_parse_day(state_next_field(&cur, "observed_day", T, str, code), &s->observed_day) ||
			llabs(s->observed_ts / USECS_PER_DAY - (int64) s->observed_day) > 2)
			state_bad_long_text(T, str, code, "observed_day is not the day of observed_until.", STATE_TEXT_HINT);
	}
	else
		state_bad_long_text(T, str, code, "form is neither date nor timestamptz.", STATE_TEXT_HINT);
	if (!state_parse_float8(state_next_field(&cur, "unit_days", T, str, code), &s->unit_days) ||
		!(s->unit_days > 0))
		state_bad_long_text(T, str, code, "unit_days is not a positive number.", STATE_TEXT_HINT);
	if (version == 1)
	{
		double		total,
					first;

		if (!state_parse_float8(state_next_field(&cur, "total", T, str, code), &total))
			state_bad_long_text(T, str, code, "total is not a finite number.", STATE_TEXT_HINT);
		if (!state_parse_float8(state_next_field(&cur, "first_amount", T, str, code), &first))
			state_bad_long_text(T, str, code, "first_amount is not a finite number.", STATE_TEXT_HINT);
		s->first.hi = first;
		s->repeat.hi = total - first;
		if (!isfinite(s->repeat.hi))
			state_bad_long_text(T, str, code, "total - first_amount is not a finite number.", STATE_TEXT_HINT);
	}
	else
	{
		if (!clv_parse_sum(state_next_field(&cur, "first_amount", T, str, code), &s->first))
			state_bad_long_text(T, str, code, "first_amount is not a finite number in its canonical form.", STATE_TEXT_HINT);
		if (!clv_parse_sum(state_next_field(&cur, "repeat_amount", T, str, code), &s->repeat))
			state_bad_long_text(T, str, code, "repeat_amount is not a finite number in its canonical form.", STATE_TEXT_HINT);
	}
	val = state_next_field(&cur, "days", T, str, code);
	if (*cur != '\0')
		state_bad_long_text(T, str, code, "Unexpected text after the days.", STATE_TEXT_HINT);
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
			if (s->ndays >= s->capacity || !clv_parse_day(tok, &d))
				state_bad_long_text(T, str, code, psprintf("\"%s\" is not a valid day.", tok), STATE_TEXT_HINT);
			if (d > s->observed_day)
				state_bad_long_text(T, str, code, "A purchase day is after observed_until.", STATE_TEXT_HINT);
			if (s->ndays > 0 && d <= s->days[s->ndays - 1])
				state_bad_long_text(T, str, code, "The days are not strictly increasing.", STATE_TEXT_HINT);
			s->days[s->ndays++] = d;
			tok = comma ? comma + 1 : NULL;
		}
	}
	if (s->ndays == 0 && (s->first.hi != 0 || s->repeat.hi != 0))
		state_bad_long_text(T, str, code, "A state without days has amounts.", STATE_TEXT_HINT);
	if (s->ndays == 1 && s->repeat.hi != 0)
		state_bad_long_text(T, str, code, version == 1 ?
				 "With one day, total and first_amount must be equal." :
				 "With one day, repeat_amount must be 0.", STATE_TEXT_HINT);
	/* -0 would be a second spelling of 0 */
	if (version >= 2 && ((s->first.hi == 0 && signbit(s->first.hi)) ||
						 (s->repeat.hi == 0 && signbit(s->repeat.hi))))
		state_bad_long_text(T, str, code, "An amount is written -0.", STATE_TEXT_HINT);
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
