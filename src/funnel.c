/*-------------------------------------------------------------------------
 *
 * funnel.c
 *	  window_funnel(window, ts, VARIADIC steps boolean[]) (SPEC section 10):
 *	  per user, the length of the longest chain of events e1, e2, ... in
 *	  timestamp order (ties allowed) where e_i satisfies step i and
 *	  ts(e_last) - ts(e1) <= window; 0 when no event satisfies step 1.
 *
 * This is ClickHouse's windowFunnel in its default mode.  Its algorithm
 * reads the events in (timestamp, step) order and keeps, for each step i,
 * the latest start of a chain that reaches step i: a step-1 event starts a
 * chain at its own time, a step-i event extends the chain of step i - 1
 * when it lies within the window of that chain's start.  Starts only grow
 * as the events advance, so keeping the latest one per step is never worse
 * than keeping an earlier one, and the greedy pass finds the longest chain.
 * Events at the same time are taken in step order, so one event may stand
 * for several consecutive steps (as in ClickHouse since 21.x; the
 * reference doc says so).
 *
 * The state (window_funnel_state) keeps the window, the number of steps
 * and, per distinct timestamp, the set of steps its events satisfy (a
 * 64-bit mask): the only facts the final pass reads.  Rows that satisfy no
 * step are not kept.  Combine concatenates; the flat form has the events
 * sorted by time and merged per timestamp, so it is unique, and its
 * readers reject anything else.  A row cannot be taken out of a merged
 * timestamp, so there is no inverse transition: a sliding window frame is
 * recomputed.
 *
 * In memory the state is an expanded object.  The states of a grouped
 * aggregate (one per user: millions) share one memory context, a child of
 * the aggregate context, as keyset.c's do: a context per group would make
 * HashAgg's memory accounting quadratic.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "port/pg_bitutils.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "expanded.h"
#include "state.h"

#define FUNNEL_VERSION		1
#define FUNNEL_PARAMS_SET	0x01	/* window and steps are set */
#define FUNNEL_KNOWN_FLAGS	FUNNEL_PARAMS_SET
#define FUNNEL_MAX_STEPS	64

/* A timestamp (microseconds since 2000-01-01 UTC) and the steps it meets. */
typedef struct FunnelEvent
{
	int64		ts;
	uint64		steps;			/* bit i - 1: some event then satisfies step i */
} FunnelEvent;

/* The flat form: a header and the events, strictly increasing in time. */
typedef struct FunnelFlat
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint8		version;
	uint8		flags;
	uint8		nsteps;
	uint8		reserved1;		/* zero */
	uint32		reserved2;		/* zero; room for future use */
	int64		window;			/* microseconds, > 0 */
	int64		nevents;
	FunnelEvent events[FLEXIBLE_ARRAY_MEMBER];
} FunnelFlat;

#define FUNNEL_HEADER_SIZE	offsetof(FunnelFlat, events)
#define FUNNEL_MAX_EVENTS	((int64) ((MaxAllocHugeSize - FUNNEL_HEADER_SIZE) / sizeof(FunnelEvent)))

typedef struct FunnelState
{
	ExpandedObjectHeader hdr;
	bool		params_set;
	int32		nsteps;
	int64		window;
	bool		normal;			/* events sorted, one per timestamp */
	int64		nevents;
	int64		capacity;
	FunnelEvent *events;
} FunnelState;

static Size funnel_get_flat_size(ExpandedObjectHeader *eohptr);
static void funnel_flatten_into(ExpandedObjectHeader *eohptr, void *result,
								Size allocated_size);

static const ExpandedObjectMethods funnel_methods = {
	funnel_get_flat_size,
	funnel_flatten_into
};

/* ---------- memory ---------- */

/*
 * The context a new state of this call lives in.  The states of a grouped
 * aggregate share one child of the aggregate context, found among its
 * children by name (there are few), not cached in fn_extra: Citus's
 * worker_partial_agg calls the transition function with a new FmgrInfo,
 * in a short-lived context, for every row.
 */
#define FUNNEL_SHARED_NAME	"window_funnel states"

static MemoryContext
funnel_state_context(FunctionCallInfo fcinfo)
{
	MemoryContext aggcxt;
	MemoryContext child;
	int			kind = AggCheckCallContext(fcinfo, &aggcxt);

	if (kind != AGG_CONTEXT_AGGREGATE)
		return AllocSetContextCreate(kind ? aggcxt : CurrentMemoryContext,
									 "window_funnel state", ALLOCSET_SMALL_SIZES);
	for (child = aggcxt->firstchild; child != NULL; child = child->nextchild)
		if (strcmp(child->name, FUNNEL_SHARED_NAME) == 0)
			return child;
	return AllocSetContextCreate(aggcxt, FUNNEL_SHARED_NAME, ALLOCSET_DEFAULT_SIZES);
}

static FunnelState *
funnel_new(MemoryContext cxt)
{
	FunnelState *s = MemoryContextAllocZero(cxt, sizeof(FunnelState));

	EOH_init_header(&s->hdr, &funnel_methods, cxt);
	s->normal = true;
	return s;
}

/* Room for one more event. */
static inline void
funnel_reserve(FunnelState *s, int64 more)
{
	int64		need = s->nevents + more;
	int64		cap;

	if (likely(need <= s->capacity))
		return;
	if (need > FUNNEL_MAX_EVENTS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("window_funnel_state cannot hold more than " INT64_FORMAT " timestamps",
						FUNNEL_MAX_EVENTS)));
	cap = Max(s->capacity * 2, 8);
	cap = Max(cap, need);
	cap = Min(cap, FUNNEL_MAX_EVENTS);
	if (s->events == NULL)
		s->events = MemoryContextAllocExtended(s->hdr.eoh_context,
											   cap * sizeof(FunnelEvent), MCXT_ALLOC_HUGE);
	else
		s->events = repalloc_huge(s->events, cap * sizeof(FunnelEvent));
	s->capacity = cap;
}

/* Append an event; a repeat of the last timestamp joins it. */
static inline void
funnel_append(FunnelState *s, int64 ts, uint64 steps)
{
	if (s->nevents > 0)
	{
		FunnelEvent *last = &s->events[s->nevents - 1];

		if (last->ts == ts)
		{
			last->steps |= steps;
			return;
		}
		if (last->ts > ts)
			s->normal = false;
	}
	funnel_reserve(s, 1);
	s->events[s->nevents].ts = ts;
	s->events[s->nevents].steps = steps;
	s->nevents++;
}

static int
funnel_event_cmp(const void *a, const void *b)
{
	int64		x = ((const FunnelEvent *) a)->ts;
	int64		y = ((const FunnelEvent *) b)->ts;

	return x < y ? -1 : x > y ? 1 : 0;
}

/* Sort the events by time and merge those of one timestamp. */
static void
funnel_normalize(FunnelState *s)
{
	int64		i,
				n = 0;

	if (s->normal)
		return;
	qsort(s->events, s->nevents, sizeof(FunnelEvent), funnel_event_cmp);
	for (i = 0; i < s->nevents; i++)
	{
		if (n > 0 && s->events[n - 1].ts == s->events[i].ts)
			s->events[n - 1].steps |= s->events[i].steps;
		else
			s->events[n++] = s->events[i];
	}
	s->nevents = n;
	s->normal = true;
}

/* ---------- parameters ---------- */

static void pg_attribute_noreturn()
bad_window(const char *shown, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("window %s is out of range", shown),
			 errdetail("%s", detail),
			 errhint("The window is a positive interval of days and time, e.g. '1 hour' or '7 days'.")));
}

/* The window argument in microseconds: 22004 when NULL, 22023 when bad. */
static int64
window_arg(FunctionCallInfo fcinfo, int argno)
{
	Interval   *w;
	int64		u;
	char	   *shown;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("window must not be NULL"),
				 errhint("The window is a positive interval of days and time, e.g. '1 hour' or '7 days'.")));
	w = PG_GETARG_INTERVAL_P(argno);
	if (w->month == 0 && !pg_mul_s64_overflow((int64) w->day, USECS_PER_DAY, &u) &&
		!pg_add_s64_overflow(u, w->time, &u) && u > 0)
		return u;
	shown = psprintf("'%s'", DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(w))));
	if (w->month != 0)
		bad_window(shown, "A window of months has no fixed length; use days (a day is 24 hours here).");
	bad_window(shown, "A window must be positive.");
}

/* Set the parameters of a state, or check them against its own. */
static void
funnel_set_params(FunnelState *s, int64 window, int32 nsteps)
{
	if (!s->params_set)
	{
		s->window = window;
		s->nsteps = nsteps;
		s->params_set = true;
		return;
	}
	if (s->window != window)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window changes within one window_funnel group: " INT64_FORMAT " and " INT64_FORMAT " microseconds",
						s->window, window),
				 errhint("Use one window per group and per rollup.")));
	if (s->nsteps != nsteps)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the number of steps changes within one window_funnel group: %d and %d",
						s->nsteps, nsteps),
				 errhint("Pass the same steps to every row of a group and of a rollup.")));
}

/* ---------- the flat form ---------- */

static void pg_attribute_noreturn()
bad_state(int sqlstate, const char *detail)
{
	state_bad_value("window_funnel_state", sqlstate, detail);
}

/* Check a flat value completely: a forged state is an error. */
static void
funnel_check_flat(const FunnelFlat *f, Size size, int sqlstate)
{
	int64		i;
	uint64		allowed;

	if (size < FUNNEL_HEADER_SIZE)
		bad_state(sqlstate, "The value is too short.");
	if (f->version != FUNNEL_VERSION)
		bad_state(sqlstate, psprintf("Version %d is not known.", f->version));
	if ((f->flags & ~FUNNEL_KNOWN_FLAGS) != 0 || f->reserved1 != 0 || f->reserved2 != 0)
		bad_state(sqlstate, "Unknown flags or reserved fields are set.");
	if (!(f->flags & FUNNEL_PARAMS_SET))
	{
		if (f->nsteps != 0 || f->window != 0 || f->nevents != 0)
			bad_state(sqlstate, "A state without parameters has no steps, window or events.");
	}
	else if (f->nsteps < 1 || f->nsteps > FUNNEL_MAX_STEPS || f->window <= 0)
		bad_state(sqlstate, "The steps (1 to 64) or the window (positive) are out of range.");
	if (f->nevents < 0 || f->nevents > FUNNEL_MAX_EVENTS ||
		size != FUNNEL_HEADER_SIZE + (Size) f->nevents * sizeof(FunnelEvent))
		bad_state(sqlstate, "The number of events does not match the size.");
	allowed = f->nsteps >= 64 ? ~UINT64CONST(0) : (UINT64CONST(1) << f->nsteps) - 1;
	for (i = 0; i < f->nevents; i++)
	{
		const FunnelEvent *e = &f->events[i];

		if (!IS_VALID_TIMESTAMP(e->ts) || TIMESTAMP_NOT_FINITE(e->ts))
			bad_state(sqlstate, "An event time is out of range.");
		if (i > 0 && e->ts <= f->events[i - 1].ts)
			bad_state(sqlstate, "The event times are not strictly increasing.");
		if (e->steps == 0 || (e->steps & ~allowed) != 0)
			bad_state(sqlstate, "An event's steps are empty or beyond the number of steps.");
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
}

/* Add the events of a checked flat value to s. */
static void
funnel_merge_flat(FunnelState *s, const FunnelFlat *f)
{
	if (!(f->flags & FUNNEL_PARAMS_SET))
		return;
	funnel_set_params(s, f->window, f->nsteps);
	if (f->nevents == 0)
		return;
	funnel_reserve(s, f->nevents);
	if (s->nevents > 0 && s->events[s->nevents - 1].ts >= f->events[0].ts)
		s->normal = false;
	memcpy(s->events + s->nevents, f->events, f->nevents * sizeof(FunnelEvent));
	s->nevents += f->nevents;
}

/* Add another state (expanded or flat) to s. */
static void
funnel_merge_datum(FunnelState *s, Datum d)
{
	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)) &&
		DatumGetEOHP(d)->eoh_methods == &funnel_methods)
	{
		FunnelState *o = (FunnelState *) DatumGetEOHP(d);

		if (!o->params_set)
			return;
		funnel_set_params(s, o->window, o->nsteps);
		if (o->nevents == 0)
			return;
		funnel_reserve(s, o->nevents);
		if (!o->normal || (s->nevents > 0 && s->events[s->nevents - 1].ts >= o->events[0].ts))
			s->normal = false;
		memcpy(s->events + s->nevents, o->events, o->nevents * sizeof(FunnelEvent));
		s->nevents += o->nevents;
	}
	else
	{
		struct varlena *v = PG_DETOAST_DATUM(d);

		funnel_check_flat((const FunnelFlat *) v, VARSIZE(v), ERRCODE_DATA_CORRUPTED);
		funnel_merge_flat(s, (const FunnelFlat *) v);
	}
}

static Size
funnel_get_flat_size(ExpandedObjectHeader *eohptr)
{
	FunnelState *s = (FunnelState *) eohptr;

	funnel_normalize(s);
	return FUNNEL_HEADER_SIZE + (Size) s->nevents * sizeof(FunnelEvent);
}

static void
funnel_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	FunnelState *s = (FunnelState *) eohptr;
	FunnelFlat *f = (FunnelFlat *) result;

	funnel_normalize(s);
	Assert(allocated_size == FUNNEL_HEADER_SIZE + (Size) s->nevents * sizeof(FunnelEvent));
	memset(f, 0, FUNNEL_HEADER_SIZE);
	SET_VARSIZE(f, allocated_size);
	f->version = FUNNEL_VERSION;
	f->flags = s->params_set ? FUNNEL_PARAMS_SET : 0;
	f->nsteps = (uint8) s->nsteps;
	f->window = s->window;
	f->nevents = s->nevents;
	if (s->nevents > 0)
		memcpy(f->events, s->events, s->nevents * sizeof(FunnelEvent));
}

/* ---------- getting a state ---------- */

/* Argument argno to update in place: our own read-write state or a copy. */
static FunnelState *
funnel_for_update(FunctionCallInfo fcinfo, int argno)
{
	FunnelState *s = (FunnelState *) rw_expanded_arg(fcinfo, argno, &funnel_methods);

	if (s)
		return s;
	s = funnel_new(funnel_state_context(fcinfo));
	if (!PG_ARGISNULL(argno))
		funnel_merge_datum(s, PG_GETARG_DATUM(argno));
	return s;
}

/* Argument argno for reading. */
static FunnelState *
funnel_read(FunctionCallInfo fcinfo, int argno)
{
	Datum		d = PG_GETARG_DATUM(argno);
	FunnelState *s;

	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)) &&
		DatumGetEOHP(d)->eoh_methods == &funnel_methods)
		return (FunnelState *) DatumGetEOHP(d);
	s = funnel_new(CurrentMemoryContext);
	funnel_merge_datum(s, d);
	return s;
}

#define FUNNEL_RETURN(s)	PG_RETURN_DATUM(EOHPGetRWDatum(&(s)->hdr))

/* ---------- transition and combine ---------- */

/*
 * (state, window interval, ts timestamptz, steps boolean[]): rows with a
 * NULL ts or steps are skipped, a NULL step is false.
 */
PG_FUNCTION_INFO_V1(window_funnel_sfunc);
Datum
window_funnel_sfunc(PG_FUNCTION_ARGS)
{
	FunnelState *s = funnel_for_update(fcinfo, 0);
	int64		window = window_arg(fcinfo, 1);
	ArrayType  *steps;
	int			nsteps,
				i;
	uint64		mask = 0;
	TimestampTz ts;
	bits8	   *nulls;
	bool	   *values;

	if (PG_ARGISNULL(2) || PG_ARGISNULL(3))
		FUNNEL_RETURN(s);
	steps = PG_GETARG_ARRAYTYPE_P(3);
	nsteps = ArrayGetNItems(ARR_NDIM(steps), ARR_DIMS(steps));
	if (nsteps < 1 || nsteps > FUNNEL_MAX_STEPS || ARR_NDIM(steps) != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel takes 1 to %d steps, not %d", FUNNEL_MAX_STEPS, nsteps),
				 errhint("Pass each step as a boolean argument after the timestamp, or a one-dimensional boolean[] of 1 to %d elements.", FUNNEL_MAX_STEPS)));
	funnel_set_params(s, window, nsteps);
	ts = PG_GETARG_TIMESTAMPTZ(2);
	if (TIMESTAMP_NOT_FINITE(ts))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("ts %s is out of range", timestamptz_to_str(ts)),
				 errhint("An event time is a finite timestamp.")));
	/* ARR_DATA_PTR, without its signed/unsigned mix */
	values = (bool *) ((char *) steps + (ARR_HASNULL(steps) ? (Size) steps->dataoffset :
										  ARR_OVERHEAD_NONULLS(ARR_NDIM(steps))));
	nulls = ARR_NULLBITMAP(steps);
	if (nulls == NULL)
	{
		for (i = 0; i < nsteps; i++)
			if (values[i])
				mask |= UINT64CONST(1) << i;
	}
	else
	{
		/* with NULLs the data holds only the non-NULL elements, in order */
		int			k = 0;

		for (i = 0; i < nsteps; i++)
			if (nulls[i / 8] & (1 << (i % 8)))
			{
				if (values[k])
					mask |= UINT64CONST(1) << i;
				k++;
			}
	}
	if (mask != 0)
		funnel_append(s, ts, mask);
	FUNNEL_RETURN(s);
}

PG_FUNCTION_INFO_V1(window_funnel_state_combine);
Datum
window_funnel_state_combine(PG_FUNCTION_ARGS)
{
	FunnelState *s;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		s = funnel_for_update(fcinfo, 0);
		FUNNEL_RETURN(s);
	}
	s = funnel_for_update(fcinfo, 0);
	funnel_merge_datum(s, PG_GETARG_DATUM(1));
	FUNNEL_RETURN(s);
}

/* ---------- the result ---------- */

/* The longest chain (see the file header); NULL for a state with no row. */
PG_FUNCTION_INFO_V1(window_funnel_final);
Datum
window_funnel_final(PG_FUNCTION_ARGS)
{
	FunnelState *s = funnel_read(fcinfo, 0);
	int64		first[FUNNEL_MAX_STEPS];
	uint64		reached = 0;	/* bit i: a chain reaches step i + 1 */
	int64		i;
	int			level = 0;

	if (!s->params_set)
		PG_RETURN_NULL();
	funnel_normalize(s);
	for (i = 0; i < s->nevents; i++)
	{
		int64		ts = s->events[i].ts;
		uint64		steps = s->events[i].steps;

		while (steps != 0)
		{
			int			k = pg_rightmost_one_pos64(steps);

			steps &= steps - 1;
			if (k == 0)
			{
				first[0] = ts;
				reached |= 1;
			}
			else if ((reached & (UINT64CONST(1) << (k - 1))) &&
					 ts - first[k - 1] <= s->window)
			{
				/* both are valid timestamps: the difference fits */
				first[k] = first[k - 1];
				reached |= UINT64CONST(1) << k;
			}
			else
				continue;
			if (k + 1 > level)
			{
				level = k + 1;
				if (level == s->nsteps)
					PG_RETURN_INT32(level);
			}
		}
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	PG_RETURN_INT32(level);
}

/* ---------- text and binary forms ---------- */

/*
 * Text: "v1 {}" without a row, else "v1 window=<microseconds>us steps=<n>
 * {<time>:<steps>,...}" with each time in microseconds since 2000-01-01
 * UTC and its steps as a bit mask (1 = step 1, 2 = step 2, 3 = both ...).
 */
PG_FUNCTION_INFO_V1(window_funnel_state_out);
Datum
window_funnel_state_out(PG_FUNCTION_ARGS)
{
	FunnelState *s = funnel_read(fcinfo, 0);
	StringInfoData buf;
	int64		i;

	funnel_normalize(s);
	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d ", FUNNEL_VERSION);
	if (s->params_set)
		appendStringInfo(&buf, "window=" INT64_FORMAT "us steps=%d ", s->window, s->nsteps);
	appendStringInfoChar(&buf, '{');
	for (i = 0; i < s->nevents; i++)
	{
		appendStringInfo(&buf, "%s" INT64_FORMAT ":" UINT64_FORMAT, i > 0 ? "," : "",
						 s->events[i].ts, s->events[i].steps);
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

static void pg_attribute_noreturn()
bad_text(const char *str, const char *detail)
{
	state_bad_text("window_funnel_state", str, detail,
				   "The form is \"v1 window=<n>us steps=<n> {<time>:<steps>,...}\" or \"v1 {}\", as the output function writes it.");
}

/*
 * A decimal integer at *p in its one spelling (state_scan_int64: no "+", no
 * leading zeros, no "-0"; an unsigned one has no sign); advances *p.
 */
static bool
parse_number(const char **p, bool is_unsigned, int64 *sv, uint64 *uv)
{
	const char *end = is_unsigned ? state_scan_uint64(*p, uv) : state_scan_int64(*p, sv);

	if (end == NULL)
		return false;
	*p = end;
	return true;
}

PG_FUNCTION_INFO_V1(window_funnel_state_in);
Datum
window_funnel_state_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	StringInfoData events;
	FunnelFlat	head;
	FunnelFlat *f;
	int64		n = 0;

	memset(&head, 0, sizeof(head));
	head.version = FUNNEL_VERSION;
	initStringInfo(&events);
	if (strncmp(p, "v1 ", 3) != 0)
		bad_text(str, "It must start with \"v1 \".");
	p += 3;
	if (strncmp(p, "window=", 7) == 0)
	{
		int64		steps;

		p += 7;
		if (!parse_number(&p, false, &head.window, NULL) || strncmp(p, "us steps=", 9) != 0)
			bad_text(str, "The window is a number of microseconds followed by \"us\".");
		p += 9;
		if (!parse_number(&p, false, &steps, NULL) || steps < 1 || steps > FUNNEL_MAX_STEPS || *p != ' ')
			bad_text(str, "steps must be an integer from 1 to 64.");
		p++;
		head.nsteps = (uint8) steps;
		head.flags = FUNNEL_PARAMS_SET;
	}
	if (*p != '{')
		bad_text(str, "The events are in braces.");
	p++;
	while (*p != '}')
	{
		FunnelEvent e;

		if (n > 0)
		{
			if (*p != ',')
				bad_text(str, "Events are separated by commas.");
			p++;
		}
		if (!parse_number(&p, false, &e.ts, NULL) || *p != ':')
			bad_text(str, "An event is <microseconds>:<steps>.");
		p++;
		if (!parse_number(&p, true, NULL, &e.steps))
			bad_text(str, "An event's steps are an unsigned bit mask.");
		appendBinaryStringInfo(&events, (const char *) &e, sizeof(e));
		n++;
	}
	if (p[1] != '\0')
		bad_text(str, "Nothing may follow the closing brace.");
	head.nevents = n;
	f = palloc_extended(FUNNEL_HEADER_SIZE + events.len, MCXT_ALLOC_HUGE);
	memcpy(f, &head, FUNNEL_HEADER_SIZE);
	memcpy(f->events, events.data, events.len);
	SET_VARSIZE(f, FUNNEL_HEADER_SIZE + events.len);
	funnel_check_flat(f, VARSIZE(f), ERRCODE_INVALID_TEXT_REPRESENTATION);
	PG_RETURN_POINTER(f);
}

/* Binary: the header fields and the events, each number in network order. */
PG_FUNCTION_INFO_V1(window_funnel_state_send);
Datum
window_funnel_state_send(PG_FUNCTION_ARGS)
{
	FunnelState *s = funnel_read(fcinfo, 0);
	StringInfoData buf;
	int64		i;

	funnel_normalize(s);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, FUNNEL_VERSION);
	pq_sendbyte(&buf, s->params_set ? FUNNEL_PARAMS_SET : 0);
	pq_sendbyte(&buf, (uint8) s->nsteps);
	pq_sendint64(&buf, s->window);
	pq_sendint64(&buf, s->nevents);
	for (i = 0; i < s->nevents; i++)
	{
		pq_sendint64(&buf, s->events[i].ts);
		pq_sendint64(&buf, (int64) s->events[i].steps);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(window_funnel_state_recv);
Datum
window_funnel_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	FunnelFlat	head;
	FunnelFlat *f;
	int64		i;

	memset(&head, 0, sizeof(head));
	/* the shared readers: a short value is 22P03, not a protocol error */
	head.version = state_recv_byte(buf, "window_funnel_state");
	head.flags = state_recv_byte(buf, "window_funnel_state");
	head.nsteps = state_recv_byte(buf, "window_funnel_state");
	head.window = state_recv_int64(buf, "window_funnel_state");
	head.nevents = state_recv_int64(buf, "window_funnel_state");
	if (head.nevents < 0 || head.nevents > (buf->len - buf->cursor) / 16)
		bad_state(ERRCODE_INVALID_BINARY_REPRESENTATION, "The number of events does not match the size.");
	f = palloc_extended(FUNNEL_HEADER_SIZE + head.nevents * sizeof(FunnelEvent), MCXT_ALLOC_HUGE);
	memcpy(f, &head, FUNNEL_HEADER_SIZE);
	SET_VARSIZE(f, FUNNEL_HEADER_SIZE + head.nevents * sizeof(FunnelEvent));
	for (i = 0; i < head.nevents; i++)
	{
		f->events[i].ts = state_recv_int64(buf, "window_funnel_state");
		f->events[i].steps = (uint64) state_recv_int64(buf, "window_funnel_state");
	}
	state_recv_end(buf, "window_funnel_state");
	funnel_check_flat(f, VARSIZE(f), ERRCODE_INVALID_BINARY_REPRESENTATION);
	PG_RETURN_POINTER(f);
}
