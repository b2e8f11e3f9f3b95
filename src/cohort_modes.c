/*-------------------------------------------------------------------------
 *
 * cohort_modes.c
 *	  Product-analytics retention over the cohort bitmaps (SPEC section 10):
 *	  cohort_retention(..., period, mode [, observed_until]), the long form
 *	  cohort_periods(...) and recurring_retention(customer_id, active_at,
 *	  period, origin); and the wrapper states they and cohort_brackets.c
 *	  share (cohort_wrap.h).
 *
 * Every one of them needs, per customer, its cohort start and the periods
 * it was active in: exactly what a cohort_retention_state holds (keyset.c
 * in its cohort layout, filled by cohort.c).  So the states here wrap one:
 * a small header (the mode, observed_until; or nothing for recurring
 * retention) followed by the cohort_retention_state.  Rows go to cohort.c's
 * own transition functions, called with the wrapped state as their state,
 * and the wrapped state is combined, printed, read and sent by cohort.c's
 * and keyset.c's own functions: the period arithmetic (calendar months,
 * wall-clock days, the date form) is cohort.c's, not a copy.  Only the
 * final functions read the bitmaps, through keyset.h.
 *
 * The one computation repeated here is the period index of observed_until
 * for each customer (n: its periods 0 .. n - 1 have ended), done once per
 * customer in the final function, in the session time zone as cohort.c
 * does per row; it follows cohort.c's row_period exactly (months counted
 * as age() counts them, days as wall-clock days, dates as dates).
 *
 * Modes, for element k (period k - 1) of the result:
 *	'on'			the customer was active in that period;
 *	'on_or_after'	... in that period or any later one (unbounded).
 * With observed_until a customer counts in element k, numerator and
 * denominator, only when that period has ended; an element no customer
 * counts in is NULL.
 *
 * Recurring retention: with A_j the customers active in period j after the
 * origin and J the last period present, element k (lag L = k - 1) is
 * 100 * sum_j |A_j and A_{j+L}| / sum_{j <= J - L} |A_j|.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "port/pg_bitutils.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "cohort_wrap.h"
#include "customer_key.h"
#include "expanded.h"
#include "keyset.h"
#include "state.h"

/* cohort.c's SQL-callable functions, called here with the wrapped state */
extern Datum cohort_retention_sfunc_int4(PG_FUNCTION_ARGS);
extern Datum cohort_retention_sfunc_int8(PG_FUNCTION_ARGS);
extern Datum cohort_retention_sfunc_text(PG_FUNCTION_ARGS);
extern Datum cohort_retention_sfunc_uuid(PG_FUNCTION_ARGS);
extern Datum cohort_retention_date_sfunc_int4(PG_FUNCTION_ARGS);
extern Datum cohort_retention_date_sfunc_int8(PG_FUNCTION_ARGS);
extern Datum cohort_retention_date_sfunc_text(PG_FUNCTION_ARGS);
extern Datum cohort_retention_date_sfunc_uuid(PG_FUNCTION_ARGS);
extern Datum cohort_retention_state_in(PG_FUNCTION_ARGS);
extern Datum cohort_retention_state_out(PG_FUNCTION_ARGS);
extern Datum cohort_retention_state_recv(PG_FUNCTION_ARGS);
extern Datum cohort_retention_state_send(PG_FUNCTION_ARGS);
extern Datum cohort_retention_state_combine(PG_FUNCTION_ARGS);

/* the wrapped state's description (cohort_wrap.h) */
const KsDesc wrapped_desc = {"cohort_retention_state", KS_LAYOUT_COHORT, NULL};

typedef enum RetentionMode
{
	MODE_ON = 1,
	MODE_ON_OR_AFTER = 2
} RetentionMode;

static const char *const kind_type_names[] = {NULL, "cohort_periods_state", "recurring_retention_state",
"cohort_retention_brackets_state"};
static const char *const mode_names[] = {NULL, "on", "on_or_after"};

#define WRAP_VERSION		1
#define WRAP_PARAMS_SET		0x01	/* mode (and observed_until) are set */
#define WRAP_OBSERVED		0x02	/* observed_until is set */
#define WRAP_DATE			0x04	/* ... and is a date (else a timestamptz) */
#define WRAP_KNOWN_FLAGS	(WRAP_PARAMS_SET | WRAP_OBSERVED | WRAP_DATE)

/*
 * The flat form: this header, then (when WRAP_PARAMS_SET) for brackets the
 * bracket bounds (observed holds their number; each an Interval, 16 bytes),
 * and the wrapped cohort_retention_state as a complete varlena, 8-byte
 * aligned.
 */
typedef struct WrapFlat
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint8		version;
	uint8		kind;			/* WrapKind */
	uint8		flags;
	uint8		mode;			/* RetentionMode; 0 for recurring */
	int64		observed;		/* observed_until: microseconds, or days */
	int64		reserved;		/* zero; room for future use */
} WrapFlat;

#define WRAP_HEADER_SIZE	sizeof(WrapFlat)

StaticAssertDecl(sizeof(WrapFlat) == 24, "the wrapper header takes 24 bytes");

static Size wrap_get_flat_size(ExpandedObjectHeader *eohptr);
static void wrap_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size);

static const ExpandedObjectMethods wrap_methods = {
	wrap_get_flat_size,
	wrap_flatten_into
};

/* Interval order (PostgreSQL's: a month is 30 days, a day 24 hours). */
int
wrap_interval_cmp(const Interval *a, const Interval *b)
{
	return DatumGetInt32(DirectFunctionCall2(interval_cmp, IntervalPGetDatum(a), IntervalPGetDatum(b)));
}

/* ---------- memory and the calls into cohort.c ---------- */

WrapFnCache *
wrap_fn_cache(FunctionCallInfo fcinfo)
{
	WrapFnCache *c = (WrapFnCache *) fcinfo->flinfo->fn_extra;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(WrapFnCache));
		c->inner_flinfo.fn_mcxt = fcinfo->flinfo->fn_mcxt;
		c->inner_flinfo.fn_oid = InvalidOid;
		fcinfo->flinfo->fn_extra = c;
	}
	return c;
}

/*
 * The context a new wrapper lives in: for a grouped aggregate one child of
 * the aggregate context shared by its wrappers, found by name (as in
 * funnel.c: Citus gives every row a new FmgrInfo, so nothing that must
 * outlive a row may hang off fn_extra).
 */
#define WRAP_SHARED_NAME	"cohort wrapper states"

static MemoryContext
wrap_state_context(FunctionCallInfo fcinfo)
{
	MemoryContext aggcxt;
	MemoryContext child;
	int			agg_kind = AggCheckCallContext(fcinfo, &aggcxt);

	if (agg_kind != AGG_CONTEXT_AGGREGATE)
		return AllocSetContextCreate(agg_kind ? aggcxt : CurrentMemoryContext,
									 "cohort wrapper state", ALLOCSET_SMALL_SIZES);
	for (child = aggcxt->firstchild; child != NULL; child = child->nextchild)
		if (strcmp(child->name, WRAP_SHARED_NAME) == 0)
			return child;
	return AllocSetContextCreate(aggcxt, WRAP_SHARED_NAME, ALLOCSET_DEFAULT_SIZES);
}

static WrapState *
wrap_new(MemoryContext cxt, WrapKind kind)
{
	WrapState  *w = MemoryContextAllocZero(cxt, sizeof(WrapState));

	EOH_init_header(&w->hdr, &wrap_methods, cxt);
	w->kind = kind;
	return w;
}

/* ---------- parameters ---------- */

static const char *
kind_type(WrapKind kind)
{
	return kind_type_names[kind];
}

/* The mode argument: 22004 when NULL, 22023 when unknown. */
static uint8
mode_arg(FunctionCallInfo fcinfo, int argno)
{
	text	   *t;
	char	   *s;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("mode must not be NULL"),
				 errhint("The mode is 'on' or 'on_or_after'.")));
	t = PG_GETARG_TEXT_PP(argno);
	if (VARSIZE_ANY_EXHDR(t) == 2 && memcmp(VARDATA_ANY(t), "on", 2) == 0)
		return MODE_ON;
	if (VARSIZE_ANY_EXHDR(t) == 11 && memcmp(VARDATA_ANY(t), "on_or_after", 11) == 0)
		return MODE_ON_OR_AFTER;
	s = text_to_cstring(t);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("mode \"%s\" is not known", s),
			 errhint("The mode is 'on' (active in the period) or 'on_or_after' (active in the period or any later one).")));
	return 0;					/* keep the compiler quiet */
}

char *
wrap_shown_time(bool is_date, int64 v)
{
	if (is_date)
		return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum((DateADT) v)));
	return pstrdup(timestamptz_to_str(v));
}

/* Set the parameters of a wrapper, or check them against its own (22023). */
static void
wrap_set_params(WrapState *w, uint8 mode, bool has_observed, bool is_date, int64 observed)
{
	if (!w->params_set)
	{
		w->mode = mode;
		w->has_observed = has_observed;
		w->observed_is_date = has_observed && is_date;
		w->observed = has_observed ? observed : 0;
		w->params_set = true;
		return;
	}
	if (w->mode != mode)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("mode changes from \"%s\" to \"%s\" within one group",
						mode_names[w->mode], mode_names[mode]),
				 errhint("Use one mode per group and per rollup.")));
	if (w->has_observed != has_observed ||
		(has_observed && (w->observed_is_date != is_date || w->observed != observed)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("observed_until changes from %s to %s within one group",
						w->has_observed ? wrap_shown_time(w->observed_is_date, w->observed) : "none",
						has_observed ? wrap_shown_time(is_date, observed) : "none"),
				 errhint("Use one observed_until per group and per rollup.")));
}

/* Set the brackets of a wrapper, or check them against its own (22023). */
void
wrap_set_brackets(WrapState *w, int32 n, const Interval *b)
{
	if (!w->params_set)
	{
		w->brackets = MemoryContextAlloc(w->hdr.eoh_context, WRAP_BRACKETS_SIZE(n));
		memcpy(w->brackets, b, WRAP_BRACKETS_SIZE(n));
		w->nbrackets = n;
		w->params_set = true;
		return;
	}
	if (w->nbrackets != n || memcmp(w->brackets, b, WRAP_BRACKETS_SIZE(n)) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("brackets change within one group"),
				 errhint("Use the same brackets for every row of a group and every merged state.")));
}

/* ---------- the flat form ---------- */

void
wrap_bad_state(WrapKind kind, int sqlstate, const char *detail)
{
	state_bad_value(kind_type(kind), sqlstate, detail);
}

/*
 * Check the header of a flat wrapper of the given kind and return the
 * wrapped state (NULL when there is none); the wrapped state itself is
 * checked by keyset.c when it is read.
 */
static struct varlena *
wrap_check_flat(const WrapFlat *f, Size size, WrapKind kind, int sqlstate)
{
	struct varlena *inner;

	if (size < WRAP_HEADER_SIZE)
		wrap_bad_state(kind, sqlstate, "The value is too short.");
	if (f->version != WRAP_VERSION)
		wrap_bad_state(kind, sqlstate, psprintf("Version %d is not known.", f->version));
	if (f->kind != kind)
		wrap_bad_state(kind, sqlstate, "The value is a state of another type.");
	if ((f->flags & ~WRAP_KNOWN_FLAGS) != 0 || f->reserved != 0)
		wrap_bad_state(kind, sqlstate, "Unknown flags or reserved fields are set.");
	if (!(f->flags & WRAP_PARAMS_SET))
	{
		if (f->flags != 0 || f->mode != 0 || f->observed != 0 || size != WRAP_HEADER_SIZE)
			wrap_bad_state(kind, sqlstate, "A state without parameters has nothing else.");
		return NULL;
	}
	if (kind == WRAP_BRACKETS)
	{
		const Interval *b = (const Interval *) ((const char *) f + WRAP_HEADER_SIZE);
		int			i;

		if (f->mode != 0 || f->flags != WRAP_PARAMS_SET)
			wrap_bad_state(kind, sqlstate, "A brackets state has no mode or observed_until.");
		if (f->observed < 2 || f->observed > MAX_BRACKETS ||
			size < WRAP_HEADER_SIZE + WRAP_BRACKETS_SIZE(f->observed) + VARHDRSZ)
			wrap_bad_state(kind, sqlstate, "The number of brackets is out of range.");
		for (i = 1; i < f->observed; i++)
			if (wrap_interval_cmp(&b[i - 1], &b[i]) >= 0)
				wrap_bad_state(kind, sqlstate, "The brackets are not strictly increasing.");
		inner = (struct varlena *) ((char *) f + WRAP_HEADER_SIZE + WRAP_BRACKETS_SIZE(f->observed));
		if (VARATT_IS_EXTENDED(inner) ||
			VARSIZE(inner) != size - WRAP_HEADER_SIZE - WRAP_BRACKETS_SIZE(f->observed))
			wrap_bad_state(kind, sqlstate, "The wrapped cohort_retention_state does not fill the value.");
		return inner;
	}
	if (kind == WRAP_RECURRING ? (f->mode != 0 || (f->flags & (WRAP_OBSERVED | WRAP_DATE))) :
		(f->mode != MODE_ON && f->mode != MODE_ON_OR_AFTER))
		wrap_bad_state(kind, sqlstate, "The mode is not known.");
	if (!(f->flags & WRAP_OBSERVED) && ((f->flags & WRAP_DATE) || f->observed != 0))
		wrap_bad_state(kind, sqlstate, "A state without observed_until has no observed_until.");
	if ((f->flags & WRAP_OBSERVED) &&
		((f->flags & WRAP_DATE) ? (f->observed < PG_INT32_MIN || f->observed > PG_INT32_MAX ||
								   DATE_NOT_FINITE((DateADT) f->observed)) :
		 (!IS_VALID_TIMESTAMP(f->observed) || TIMESTAMP_NOT_FINITE(f->observed))))
		wrap_bad_state(kind, sqlstate, "observed_until is out of range.");
	inner = (struct varlena *) ((char *) f + WRAP_HEADER_SIZE);
	if (size < WRAP_HEADER_SIZE + VARHDRSZ || VARATT_IS_EXTENDED(inner) ||
		VARSIZE(inner) != size - WRAP_HEADER_SIZE)
		wrap_bad_state(kind, sqlstate, "The wrapped cohort_retention_state does not fill the value.");
	return inner;
}

static void
wrap_write_header(const WrapState *w, WrapFlat *f, Size size)
{
	memset(f, 0, WRAP_HEADER_SIZE);
	SET_VARSIZE(f, size);
	f->version = WRAP_VERSION;
	f->kind = (uint8) w->kind;
	if (w->params_set)
	{
		f->flags = WRAP_PARAMS_SET | (w->has_observed ? WRAP_OBSERVED : 0) |
			(w->observed_is_date ? WRAP_DATE : 0);
		f->mode = w->mode;
		f->observed = w->kind == WRAP_BRACKETS ? w->nbrackets : w->observed;
		/* a brackets wrapper with parameters always has its brackets */
		if (w->kind == WRAP_BRACKETS && w->brackets != NULL)
			memcpy((char *) f + WRAP_HEADER_SIZE, w->brackets, WRAP_BRACKETS_SIZE(w->nbrackets));
	}
}

/* The bytes between the header and the wrapped state. */
static Size
wrap_extra_size(const WrapState *w)
{
	return w->kind == WRAP_BRACKETS && w->params_set ? WRAP_BRACKETS_SIZE(w->nbrackets) : 0;
}

static Size
wrap_inner_size(const WrapState *w)
{
	Pointer		p;

	if (!w->inner_set)
		return 0;
	p = DatumGetPointer(w->inner);
	if (VARATT_IS_EXTERNAL_EXPANDED(p))
		return EOH_get_flat_size(DatumGetEOHP(w->inner));
	return VARSIZE(p);
}

static Size
wrap_get_flat_size(ExpandedObjectHeader *eohptr)
{
	return WRAP_HEADER_SIZE + wrap_extra_size((WrapState *) eohptr) +
		wrap_inner_size((WrapState *) eohptr);
}

static void
wrap_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	WrapState  *w = (WrapState *) eohptr;
	Size		inner_size = wrap_inner_size(w);
	Size		off = WRAP_HEADER_SIZE + wrap_extra_size(w);
	Pointer		p;

	Assert(allocated_size == off + inner_size);
	wrap_write_header(w, (WrapFlat *) result, allocated_size);
	if (!w->inner_set)
		return;
	p = DatumGetPointer(w->inner);
	if (VARATT_IS_EXTERNAL_EXPANDED(p))
		EOH_flatten_into(DatumGetEOHP(w->inner), (char *) result + off, inner_size);
	else
		memcpy((char *) result + off, p, inner_size);
}

/*
 * A wrapper argument as a read-only view: its parameters and its wrapped
 * state (a flat value pointing into the argument, or an expanded one).
 */
static void
wrap_view(Datum d, WrapKind kind, WrapState *view)
{
	memset(view, 0, sizeof(WrapState));
	view->kind = kind;
	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)) &&
		DatumGetEOHP(d)->eoh_methods == &wrap_methods)
	{
		WrapState  *w = (WrapState *) DatumGetEOHP(d);

		if (w->kind != kind)
			wrap_bad_state(kind, ERRCODE_DATA_CORRUPTED, "The value is a state of another type.");
		*view = *w;
		return;
	}
	else
	{
		struct varlena *v = PG_DETOAST_DATUM(d);
		const WrapFlat *f = (const WrapFlat *) v;
		struct varlena *inner = wrap_check_flat(f, VARSIZE(v), kind, ERRCODE_DATA_CORRUPTED);

		if (inner == NULL)
			return;
		view->params_set = true;
		view->mode = f->mode;
		view->has_observed = (f->flags & WRAP_OBSERVED) != 0;
		view->observed_is_date = (f->flags & WRAP_DATE) != 0;
		view->observed = f->observed;
		if (kind == WRAP_BRACKETS)
		{
			view->observed = 0;
			view->nbrackets = (int32) f->observed;
			view->brackets = (Interval *) ((char *) f + WRAP_HEADER_SIZE);
		}
		view->inner = PointerGetDatum(inner);
		view->inner_set = true;
	}
}

/* ---------- transition and combine ---------- */

/* Argument argno to update in place: our own read-write wrapper, or a copy. */
WrapState *
wrap_for_update(FunctionCallInfo fcinfo, int argno, WrapKind kind)
{
	WrapState  *w = (WrapState *) rw_expanded_arg(fcinfo, argno, &wrap_methods);
	WrapState	view;
	Size		size;
	Pointer		copy;

	if (w && w->kind == kind)
		return w;
	w = wrap_new(wrap_state_context(fcinfo), kind);
	if (PG_ARGISNULL(argno))
		return w;
	wrap_view(PG_GETARG_DATUM(argno), kind, &view);
	if (!view.params_set)
		return w;
	if (kind == WRAP_BRACKETS)
		wrap_set_brackets(w, view.nbrackets, view.brackets);
	else
		wrap_set_params(w, view.mode, view.has_observed, view.observed_is_date, view.observed);
	/* a flat copy of the wrapped state: cohort.c expands it on first use */
	size = wrap_inner_size(&view);
	copy = MemoryContextAlloc(w->hdr.eoh_context, size);
	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(view.inner)))
		EOH_flatten_into(DatumGetEOHP(view.inner), copy, size);
	else
		memcpy(copy, DatumGetPointer(view.inner), size);
	w->inner = PointerGetDatum(copy);
	w->inner_set = true;
	return w;
}

/*
 * Call cohort.c's transition function fn on the wrapped state with the row
 * (customer, cohort_start, active_at, period) taken from arguments
 * argnos[0..3] of fcinfo.
 */
static void
wrap_call_sfunc(FunctionCallInfo fcinfo, WrapState *w, PGFunction fn, const int argnos[4])
{
	WrapFnCache *c = wrap_fn_cache(fcinfo);
	LOCAL_FCINFO(sub, 5);
	Datum		result;
	int			i;

	c->inner_flinfo.fn_addr = fn;
	InitFunctionCallInfoData(*sub, &c->inner_flinfo, 5, fcinfo->fncollation, fcinfo->context, NULL);
	sub->args[0].value = w->inner;
	sub->args[0].isnull = !w->inner_set;
	for (i = 0; i < 4; i++)
	{
		sub->args[i + 1].value = PG_GETARG_DATUM(argnos[i]);
		sub->args[i + 1].isnull = PG_ARGISNULL(argnos[i]);
	}
	result = fn(sub);
	if (sub->isnull)
		elog(ERROR, "cohort_retention transition function returned NULL");
	w->inner = result;
	w->inner_set = true;
}

/* Merge the wrapped state other into w's with cohort.c's combine function. */
static void
wrap_call_combine(FunctionCallInfo fcinfo, WrapState *w, Datum other)
{
	WrapFnCache *c = wrap_fn_cache(fcinfo);
	LOCAL_FCINFO(sub, 2);
	Datum		result;

	if (!w->inner_set)
	{
		/* nothing to merge into: take a flat copy */
		WrapState	tmp = {0};
		Size		size;
		Pointer		copy;

		tmp.inner = other;
		tmp.inner_set = true;
		size = wrap_inner_size(&tmp);
		copy = MemoryContextAlloc(w->hdr.eoh_context, size);
		if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(other)))
			EOH_flatten_into(DatumGetEOHP(other), copy, size);
		else
			memcpy(copy, DatumGetPointer(other), size);
		w->inner = PointerGetDatum(copy);
		w->inner_set = true;
		return;
	}
	c->inner_flinfo.fn_addr = cohort_retention_state_combine;
	InitFunctionCallInfoData(*sub, &c->inner_flinfo, 2, fcinfo->fncollation, fcinfo->context, NULL);
	sub->args[0].value = w->inner;
	sub->args[0].isnull = false;
	sub->args[1].value = other;
	sub->args[1].isnull = false;
	/* the brackets' sets are keyset.c's own, under this file's description */
	result = w->kind == WRAP_BRACKETS ? ks_combine(sub, &wrapped_desc) :
		cohort_retention_state_combine(sub);
	if (sub->isnull)
		elog(ERROR, "cohort_retention_state_combine returned NULL");
	w->inner = result;
}

static const int cohort_row_args[4] = {1, 2, 3, 4};

/*
 * cohort_periods and cohort_retention with a mode: (state, customer_id,
 * cohort_start, active_at, period [, mode [, observed_until]]).  The mode
 * and observed_until are checked on every row, like the period.
 */
static Datum
periods_step(FunctionCallInfo fcinfo, PGFunction inner, bool is_date)
{
	WrapState  *w = wrap_for_update(fcinfo, 0, WRAP_PERIODS);
	uint8		mode = PG_NARGS() > 5 ? mode_arg(fcinfo, 5) : MODE_ON;
	bool		has_observed = PG_NARGS() > 6;
	int64		observed = 0;

	if (has_observed)
	{
		if (PG_ARGISNULL(6))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("observed_until must not be NULL"),
					 errhint("observed_until is the time up to which activity has been recorded; leave it out to count every period.")));
		observed = is_date ? (int64) PG_GETARG_DATEADT(6) : PG_GETARG_TIMESTAMPTZ(6);
		if (is_date ? DATE_NOT_FINITE((DateADT) observed) : TIMESTAMP_NOT_FINITE(observed))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("observed_until %s is out of range", wrap_shown_time(is_date, observed)),
					 errhint("observed_until is a finite %s.", is_date ? "date" : "time")));
	}
	wrap_set_params(w, mode, has_observed, is_date, observed);
	wrap_call_sfunc(fcinfo, w, inner, cohort_row_args);
	WRAP_RETURN(w);
}

#define PERIODS_ENTRY(suffix, is_date, inner) \
	PG_FUNCTION_INFO_V1(cohort_periods_##suffix); \
	Datum cohort_periods_##suffix(PG_FUNCTION_ARGS) { return periods_step(fcinfo, inner, is_date); }

PERIODS_ENTRY(sfunc_int4, false, cohort_retention_sfunc_int4)
PERIODS_ENTRY(sfunc_int8, false, cohort_retention_sfunc_int8)
PERIODS_ENTRY(sfunc_text, false, cohort_retention_sfunc_text)
PERIODS_ENTRY(sfunc_uuid, false, cohort_retention_sfunc_uuid)
PERIODS_ENTRY(date_sfunc_int4, true, cohort_retention_date_sfunc_int4)
PERIODS_ENTRY(date_sfunc_int8, true, cohort_retention_date_sfunc_int8)
PERIODS_ENTRY(date_sfunc_text, true, cohort_retention_date_sfunc_text)
PERIODS_ENTRY(date_sfunc_uuid, true, cohort_retention_date_sfunc_uuid)

/*
 * recurring_retention: (state, customer_id, active_at, period, origin),
 * given to cohort.c as (customer_id, origin, active_at, period).
 */
static const int recurring_row_args[4] = {1, 4, 2, 3};

static Datum
recurring_step(FunctionCallInfo fcinfo, PGFunction inner)
{
	WrapState  *w = wrap_for_update(fcinfo, 0, WRAP_RECURRING);

	if (PG_ARGISNULL(4))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("origin must not be NULL"),
				 errhint("The origin is the start of period 0, the same for every customer.")));
	wrap_set_params(w, 0, false, false, 0);
	wrap_call_sfunc(fcinfo, w, inner, recurring_row_args);
	WRAP_RETURN(w);
}

#define RECURRING_ENTRY(suffix, inner) \
	PG_FUNCTION_INFO_V1(recurring_retention_##suffix); \
	Datum recurring_retention_##suffix(PG_FUNCTION_ARGS) { return recurring_step(fcinfo, inner); }

RECURRING_ENTRY(sfunc_int4, cohort_retention_sfunc_int4)
RECURRING_ENTRY(sfunc_int8, cohort_retention_sfunc_int8)
RECURRING_ENTRY(sfunc_text, cohort_retention_sfunc_text)
RECURRING_ENTRY(sfunc_uuid, cohort_retention_sfunc_uuid)
RECURRING_ENTRY(date_sfunc_int4, cohort_retention_date_sfunc_int4)
RECURRING_ENTRY(date_sfunc_int8, cohort_retention_date_sfunc_int8)
RECURRING_ENTRY(date_sfunc_text, cohort_retention_date_sfunc_text)
RECURRING_ENTRY(date_sfunc_uuid, cohort_retention_date_sfunc_uuid)


Datum
wrap_combine(FunctionCallInfo fcinfo, WrapKind kind)
{
	WrapState  *w;
	WrapState	view;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		w = wrap_for_update(fcinfo, 0, kind);
		WRAP_RETURN(w);
	}
	w = wrap_for_update(fcinfo, 0, kind);
	wrap_view(PG_GETARG_DATUM(1), kind, &view);
	if (view.params_set)
	{
		if (kind == WRAP_BRACKETS)
			wrap_set_brackets(w, view.nbrackets, view.brackets);
		else
			wrap_set_params(w, view.mode, view.has_observed, view.observed_is_date, view.observed);
		wrap_call_combine(fcinfo, w, view.inner);
	}
	WRAP_RETURN(w);
}

PG_FUNCTION_INFO_V1(cohort_periods_state_combine);
Datum
cohort_periods_state_combine(PG_FUNCTION_ARGS)
{
	return wrap_combine(fcinfo, WRAP_PERIODS);
}

PG_FUNCTION_INFO_V1(recurring_retention_state_combine);
Datum
recurring_retention_state_combine(PG_FUNCTION_ARGS)
{
	return wrap_combine(fcinfo, WRAP_RECURRING);
}

/* ---------- reading the bitmaps ---------- */

/* The wrapped set of a wrapper argument, ready to iterate; NULL if none. */
KeySet *
wrap_read_set(FunctionCallInfo fcinfo, WrapKind kind, WrapState *view)
{
	LOCAL_FCINFO(sub, 1);
	KeySet	   *ks;

	wrap_view(PG_GETARG_DATUM(0), kind, view);
	if (!view->params_set)
		return NULL;
	InitFunctionCallInfoData(*sub, NULL, 1, InvalidOid, NULL, NULL);
	sub->args[0].value = view->inner;
	sub->args[0].isnull = false;
	ks = ks_read(sub, 0, &wrapped_desc);
	if (ks_customers(ks) == 0)
		return NULL;
	return ks;
}

void
wrap_brackets_check_members(KeySet *ks, int nbrackets, int sqlstate, int64 *active)
{
	KsCohortMember m;
	uint64		pos = 0,
				seen = 0;

	while (ks_next_cohort_member(ks, &pos, &m))
	{
		uint64		wi;

		if (m.nwords == 0 || (ks_member_word(&m, 0) & 1) == 0)
			wrap_bad_state(WRAP_BRACKETS, sqlstate, "A customer is not marked as a member of the cohort.");
		for (wi = 0; wi < m.nwords; wi++)
		{
			uint64		word = ks_member_word(&m, wi);

			while (word != 0)
			{
				uint64		p = wi * 64 + pg_rightmost_one_pos64(word);

				word &= word - 1;
				if (p >= (uint64) nbrackets)
					wrap_bad_state(WRAP_BRACKETS, sqlstate, "A customer is active in a bracket beyond the brackets.");
				if (active)
					active[p]++;
			}
		}
		if ((++seen & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
}

/* The members of the set a brackets state's text or binary form wraps. */
static void
wrap_check_bracket_members(struct varlena *inner, int nbrackets, int sqlstate)
{
	LOCAL_FCINFO(sub, 1);

	InitFunctionCallInfoData(*sub, NULL, 1, InvalidOid, NULL, NULL);
	sub->args[0].value = PointerGetDatum(inner);
	sub->args[0].isnull = false;
	wrap_brackets_check_members(ks_read(sub, 0, &wrapped_desc), nbrackets, sqlstate, NULL);
}

/* The highest active period of a customer (each has at least one). */
static int64
last_period(const KsCohortMember *m)
{
	uint64		w = m->nwords;

	while (w > 0)
	{
		uint64		word = ks_member_word(m, w - 1);

		if (word != 0)
			return (int64) (w - 1) * 64 + pg_leftmost_one_pos64(word);
		w--;
	}
	return -1;
}

/*
 * The time zone the periods of a set's timestamptz rows were counted in
 * (cohort.c records it in the set): observed_until is placed in the same
 * wall-clock time, whatever the TimeZone setting of the query that reads
 * the state, so the result does not depend on it.  A set without a zone
 * has no timestamptz rows; the session's zone is as good as any there.
 */
static pg_tz *
counted_zone(KeySet *ks)
{
	const char *name = ks_cohort_zone(ks);
	pg_tz	   *tz;

	if (name == NULL)
		return session_timezone;
	tz = pg_tzset(name);
	if (tz == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone \"%s\" of a cohort state is not recognized", name),
				 errhint("The state was built under a TimeZone setting this server does not know.")));
	return tz;
}

/* Wall-clock microseconds of a timestamptz in time zone zone. */
static int64
wall_clock(TimestampTz ts, pg_tz *zone)
{
	struct pg_tm tm;
	fsec_t		fsec;
	int			tz;

	if (timestamp2tm(ts, &tz, &tm, &fsec, NULL, zone) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	return ts - (int64) tz * USECS_PER_SEC;
}

/* Months since year 0 and the microseconds into the month of a day + time. */
static void
month_position(int64 days, int64 usecs, int64 *months, int64 *rest)
{
	int			y,
				m,
				d;

	j2date((int) (days + POSTGRES_EPOCH_JDATE), &y, &m, &d);
	*months = (int64) y * 12 + m - 1;
	*rest = (int64) (d - 1) * USECS_PER_DAY + usecs;
}

static void
month_position_local(int64 local, int64 *months, int64 *rest)
{
	int64		days = local / USECS_PER_DAY - (local % USECS_PER_DAY < 0 ? 1 : 0);

	month_position(days, local - days * USECS_PER_DAY, months, rest);
}

/*
 * The number of a customer's periods that have ended by observed_until:
 * the period index observed_until would have as an activity (cohort.c's
 * row_period), 0 when it comes before the cohort start.  start is the
 * stored cohort start (a date's midnight UTC for the date form).
 */
static int64
ended_periods(const WrapState *w, int64 start, int32 months, int64 usecs, pg_tz *zone)
{
	int64		sm,
				sr,
				am,
				ar,
				idx;

	if (w->observed_is_date)
	{
		int64		sd = start / USECS_PER_DAY;
		int64		dd = w->observed - sd;

		if (dd < 0)
			return 0;
		if (months > 0)
		{
			month_position(sd, 0, &sm, &sr);
			month_position(w->observed, 0, &am, &ar);
			idx = (am - sm - (ar < sr ? 1 : 0)) / months;
		}
		else if (usecs % USECS_PER_DAY == 0)
			idx = dd / (usecs / USECS_PER_DAY);
		else if (dd > PG_INT64_MAX / USECS_PER_DAY)
			idx = PG_INT64_MAX;
		else
			idx = dd * USECS_PER_DAY / usecs;
	}
	else
	{
		int64		ls,
					la;

		if (w->observed < start)
			return 0;
		ls = wall_clock(start, zone);
		la = wall_clock(w->observed, zone);
		if (months > 0)
		{
			month_position_local(ls, &sm, &sr);
			month_position_local(la, &am, &ar);
			idx = Max(am - sm - (ar < sr ? 1 : 0), 0) / months;
		}
		else if (la < ls)
			idx = 0;
		else
			idx = (int64) (((uint64) la - (uint64) ls) / (uint64) usecs);
	}
	return idx;
}

/*
 * Per period k: the customers counted (denominator) and those retained
 * (numerator), up to *len periods.  Without observed_until every customer
 * counts in every period up to the last active one of any customer.
 */
static void
period_counts(const WrapState *w, KeySet *ks, int64 *len, int64 **customers, int64 **active)
{
	KsCohortMember m;
	uint64		pos;
	int64		n = 0,
				k;
	int64	   *den,
			   *num;
	uint64		seen = 0;
	pg_tz	   *zone = counted_zone(ks);
	int32		months;
	int64		usecs;

	ks_cohort_period(ks, &months, &usecs);
	/* the length: the last active period of any customer, or ended ones */
	pos = 0;
	while (ks_next_cohort_member(ks, &pos, &m))
	{
		int64		last = last_period(&m) + 1;

		if (w->has_observed)
		{
			int64		ended = ended_periods(w, m.start, months, usecs, zone);

			if (ended > KS_MAX_PERIOD + 1)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("observed_until %s is more than " INT64_FORMAT " periods after a cohort_start",
								wrap_shown_time(w->observed_is_date, w->observed), KS_MAX_PERIOD + 1),
						 errhint("Use a longer period or an earlier observed_until.")));
			last = Max(last, ended);
		}
		n = Max(n, last);
		if ((++seen & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	/* difference arrays: +1 at the first period, -1 after the last */
	den = palloc_extended((n + 1) * sizeof(int64), MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	num = palloc_extended((n + 1) * sizeof(int64), MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	pos = 0;
	while (ks_next_cohort_member(ks, &pos, &m))
	{
		int64		ended = n;
		uint64		wi;

		if (w->has_observed)
			ended = Min(ended_periods(w, m.start, months, usecs, zone), n);
		den[0]++;
		den[ended]--;
		if (w->mode == MODE_ON_OR_AFTER)
		{
			int64		upto = Min(last_period(&m) + 1, ended);

			if (upto > 0)
			{
				num[0]++;
				num[upto]--;
			}
		}
		else
		{
			for (wi = 0; wi < m.nwords; wi++)
			{
				uint64		word = ks_member_word(&m, wi);

				while (word != 0)
				{
					int64		p = (int64) wi * 64 + pg_rightmost_one_pos64(word);

					word &= word - 1;
					if (p >= ended)
						break;
					num[p]++;
					num[p + 1]--;
				}
			}
		}
		if ((++seen & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	for (k = 1; k < n; k++)
	{
		den[k] += den[k - 1];
		num[k] += num[k - 1];
	}
	*len = n;
	*customers = den;
	*active = num;
}

/* cohort_retention with a mode: element k = 100 * active / customers. */
PG_FUNCTION_INFO_V1(cohort_periods_retention_final);
Datum
cohort_periods_retention_final(PG_FUNCTION_ARGS)
{
	WrapState	view;
	KeySet	   *ks = wrap_read_set(fcinfo, WRAP_PERIODS, &view);
	int64		n,
				k;
	int64	   *den,
			   *num;
	Datum	   *elems;
	bool	   *nulls;
	int			dims[1],
				lbs[1] = {1};

	if (ks == NULL)
		PG_RETURN_NULL();
	period_counts(&view, ks, &n, &den, &num);
	elems = palloc_extended(Max(n, 1) * sizeof(Datum), MCXT_ALLOC_HUGE);
	nulls = palloc_extended(Max(n, 1) * sizeof(bool), MCXT_ALLOC_HUGE);
	for (k = 0; k < n; k++)
	{
		nulls[k] = den[k] == 0;
		elems[k] = nulls[k] ? (Datum) 0 : Float8GetDatum(100.0 * (double) num[k] / (double) den[k]);
	}
	dims[0] = (int) n;
	PG_RETURN_ARRAYTYPE_P(construct_md_array(elems, nulls, n > 0 ? 1 : 0, dims, lbs,
											 FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/*
 * cohort_periods: the long form, one cohort_period (period, customers,
 * active, rate) per period from 0.  The composite type is the element type
 * of the function's declared result (by its OID, which every caller,
 * Citus's wrappers included, sets; not the call expression).
 */
PG_FUNCTION_INFO_V1(cohort_periods_final);
Datum
cohort_periods_final(PG_FUNCTION_ARGS)
{
	WrapState	view;
	KeySet	   *ks = wrap_read_set(fcinfo, WRAP_PERIODS, &view);
	Oid			array_type,
				row_type;
	TupleDesc	tupdesc;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	int64		n,
				k;
	int64	   *den,
			   *num;
	Datum	   *elems;
	int			dims[1],
				lbs[1] = {1};

	if (ks == NULL)
		PG_RETURN_NULL();
	array_type = get_func_rettype(fcinfo->flinfo->fn_oid);
	row_type = get_element_type(array_type);
	if (!OidIsValid(row_type))
		elog(ERROR, "cohort_periods_final must return an array of cohort_period");
	tupdesc = lookup_rowtype_tupdesc_copy(row_type, -1);
	if (tupdesc->natts != 4)
		elog(ERROR, "cohort_period must have 4 attributes");
	get_typlenbyvalalign(row_type, &typlen, &typbyval, &typalign);
	period_counts(&view, ks, &n, &den, &num);
	if (n > PG_INT32_MAX)
		n = PG_INT32_MAX;
	elems = palloc_extended(Max(n, 1) * sizeof(Datum), MCXT_ALLOC_HUGE);
	for (k = 0; k < n; k++)
	{
		Datum		values[4];
		bool		isnull[4] = {false, false, false, den[k] == 0};

		values[0] = Int32GetDatum((int32) k);
		values[1] = Int64GetDatum(den[k]);
		values[2] = Int64GetDatum(num[k]);
		values[3] = isnull[3] ? (Datum) 0 : Float8GetDatum(100.0 * (double) num[k] / (double) den[k]);
		elems[k] = HeapTupleGetDatum(heap_form_tuple(tupdesc, values, isnull));
		if ((k & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	dims[0] = (int) n;
	PG_RETURN_ARRAYTYPE_P(construct_md_array(elems, NULL, n > 0 ? 1 : 0, dims, lbs,
											 row_type, typlen, typbyval, typalign));
}

/*
 * recurring_retention: element k (lag L = k - 1) = 100 * the pairs of
 * periods (j, j + L) a customer was active in both / the periods j <= J - L
 * it was active in, summed over customers; J is the last period of any.
 * Per customer by its list of active periods: pairs, or shifted words when
 * the list is long.
 */
PG_FUNCTION_INFO_V1(recurring_retention_final);
Datum
recurring_retention_final(PG_FUNCTION_ARGS)
{
	WrapState	view;
	KeySet	   *ks = wrap_read_set(fcinfo, WRAP_RECURRING, &view);
	KsCohortMember m;
	uint64		pos,
				seen = 0;
	int64		J = -1,
				L,
				k;
	int64	   *pairs,
			   *count_upto,
			   *periods;
	Datum	   *elems;
	bool	   *nulls;
	int			dims[1],
				lbs[1] = {1};

	if (ks == NULL)
		PG_RETURN_NULL();
	pos = 0;
	while (ks_next_cohort_member(ks, &pos, &m))
		J = Max(J, last_period(&m));
	pairs = palloc_extended((J + 1) * sizeof(int64), MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	count_upto = palloc_extended((J + 1) * sizeof(int64), MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	periods = palloc_extended((J + 1) * sizeof(int64), MCXT_ALLOC_HUGE);
	pos = 0;
	while (ks_next_cohort_member(ks, &pos, &m))
	{
		uint64		wi;
		int64		np = 0,
					a,
					b;

		for (wi = 0; wi < m.nwords; wi++)
		{
			uint64		word = ks_member_word(&m, wi);

			while (word != 0)
			{
				periods[np++] = (int64) wi * 64 + pg_rightmost_one_pos64(word);
				word &= word - 1;
			}
		}
		/* count_upto[j]: active periods <= j, as a difference array */
		for (a = 0; a < np; a++)
		{
			count_upto[periods[a]]++;
			for (b = a; b < np; b++)
				pairs[periods[b] - periods[a]]++;
			if ((a & 0x3FF) == 0)
				CHECK_FOR_INTERRUPTS();
		}
		if ((++seen & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	for (k = 1; k <= J; k++)
		count_upto[k] += count_upto[k - 1];
	elems = palloc_extended((J + 1) * sizeof(Datum), MCXT_ALLOC_HUGE);
	nulls = palloc_extended((J + 1) * sizeof(bool), MCXT_ALLOC_HUGE);
	for (L = 0; L <= J; L++)
	{
		int64		den = count_upto[J - L];

		/* no activity early enough to look L periods ahead: NULL */
		nulls[L] = den == 0;
		elems[L] = nulls[L] ? (Datum) 0 : Float8GetDatum(100.0 * (double) pairs[L] / (double) den);
	}
	dims[0] = (int) (J + 1);
	PG_RETURN_ARRAYTYPE_P(construct_md_array(elems, nulls, 1, dims, lbs, FLOAT8OID, sizeof(float8),
											 FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* ---------- text and binary forms ---------- */

/*
 * Text: "v1 empty", or "v1 mode=<on|on_or_after> [observed_until=<n>us |
 * observed_until=<n>d] | <the cohort_retention_state's text>" (recurring:
 * "v1 | <...>"); observed_until in microseconds since 2000-01-01 UTC, or a
 * date in days since 2000-01-01.
 */
static Datum
wrap_out(FunctionCallInfo fcinfo, WrapKind kind)
{
	WrapState	view;
	StringInfoData buf;

	wrap_view(PG_GETARG_DATUM(0), kind, &view);
	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d ", WRAP_VERSION);
	if (!view.params_set)
	{
		appendStringInfoString(&buf, "empty");
		PG_RETURN_CSTRING(buf.data);
	}
	if (kind == WRAP_BRACKETS)
	{
		int			i;

		appendStringInfoString(&buf, "brackets=");
		for (i = 0; i < view.nbrackets; i++)
			appendStringInfo(&buf, "%s%d:%d:" INT64_FORMAT, i > 0 ? "," : "",
							 view.brackets[i].month, view.brackets[i].day, view.brackets[i].time);
		appendStringInfoChar(&buf, ' ');
	}
	if (kind == WRAP_PERIODS)
	{
		appendStringInfo(&buf, "mode=%s ", mode_names[view.mode]);
		if (view.has_observed)
			appendStringInfo(&buf, "observed_until=" INT64_FORMAT "%s ", view.observed,
							 view.observed_is_date ? "d" : "us");
	}
	appendStringInfo(&buf, "| %s",
					 DatumGetCString(DirectFunctionCall1(cohort_retention_state_out, view.inner)));
	PG_RETURN_CSTRING(buf.data);
}

static void pg_attribute_noreturn()
bad_text(WrapKind kind, const char *str, const char *detail)
{
	state_bad_text(kind_type(kind), str, detail,
				   kind == WRAP_PERIODS ?
				   "The form is \"v1 mode=<on|on_or_after> [observed_until=<n>us|<n>d] | <cohort_retention_state>\" or \"v1 empty\", as the output function writes it." :
				   kind == WRAP_BRACKETS ?
				   "The form is \"v1 brackets=<months>:<days>:<microseconds>,... | <cohort_retention_state>\" or \"v1 empty\", as the output function writes it." :
				   "The form is \"v1 | <cohort_retention_state>\" or \"v1 empty\", as the output function writes it.");
}

/* A flat wrapper from a header and a wrapped flat state (NULL: none). */
static WrapFlat *
wrap_build(const WrapState *w, struct varlena *inner)
{
	Size		inner_size = inner ? VARSIZE(inner) : 0;
	Size		off = WRAP_HEADER_SIZE + wrap_extra_size(w);
	WrapFlat   *f = palloc(off + inner_size);

	wrap_write_header(w, f, off + inner_size);
	if (inner)
		memcpy((char *) f + off, inner, inner_size);
	return f;
}

static Datum
wrap_in(FunctionCallInfo fcinfo, WrapKind kind)
{
	char	   *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	WrapState	w = {0};
	struct varlena *inner;
	WrapFlat   *f;

	w.kind = kind;
	if (strncmp(p, "v1 ", 3) != 0)
		bad_text(kind, str, "It must start with \"v1 \".");
	p += 3;
	if (strcmp(p, "empty") == 0)
		PG_RETURN_POINTER(wrap_build(&w, NULL));
	w.params_set = true;
	if (kind == WRAP_BRACKETS)
	{
		Interval	b[MAX_BRACKETS];
		int			n = 0;

		if (strncmp(p, "brackets=", 9) != 0)
			bad_text(kind, str, "The brackets come first.");
		p += 9;
		for (;;)
		{
			int64		months,
						days;

			if (n == MAX_BRACKETS)
				bad_text(kind, str, "There are too many brackets.");
			/* canonical integers: no "+", no leading zeros, no spaces */
			if ((p = state_scan_int64(p, &months)) == NULL || *p != ':' ||
				months < PG_INT32_MIN || months > PG_INT32_MAX ||
				(p = state_scan_int64(p + 1, &days)) == NULL || *p != ':' ||
				days < PG_INT32_MIN || days > PG_INT32_MAX ||
				(p = state_scan_int64(p + 1, &b[n].time)) == NULL)
				bad_text(kind, str, "A bracket is <months>:<days>:<microseconds>, integers without \"+\" or leading zeros.");
			b[n].month = (int32) months;
			b[n].day = (int32) days;
			n++;
			if (*p != ',')
				break;
			p++;
		}
		if (*p != ' ')
			bad_text(kind, str, "The brackets end with a space.");
		p++;
		w.nbrackets = n;
		w.brackets = palloc(WRAP_BRACKETS_SIZE(n));
		memcpy(w.brackets, b, WRAP_BRACKETS_SIZE(n));
	}
	if (kind == WRAP_PERIODS)
	{
		if (strncmp(p, "mode=on_or_after ", 17) == 0)
		{
			w.mode = MODE_ON_OR_AFTER;
			p += 17;
		}
		else if (strncmp(p, "mode=on ", 8) == 0)
		{
			w.mode = MODE_ON;
			p += 8;
		}
		else
			bad_text(kind, str, "The mode is \"mode=on\" or \"mode=on_or_after\".");
		if (strncmp(p, "observed_until=", 15) == 0)
		{
			if ((p = state_scan_int64(p + 15, &w.observed)) == NULL)
				bad_text(kind, str, "observed_until is an integer (no \"+\", no leading zeros) followed by \"us\" or \"d\".");
			w.has_observed = true;
			if (strncmp(p, "us ", 3) == 0)
				p += 3;
			else if (strncmp(p, "d ", 2) == 0)
			{
				w.observed_is_date = true;
				p += 2;
			}
			else
				bad_text(kind, str, "observed_until is an integer followed by \"us\" or \"d\".");
		}
	}
	if (strncmp(p, "| ", 2) != 0)
		bad_text(kind, str, "The cohort_retention_state follows \"| \".");
	p += 2;
	inner = (struct varlena *) DatumGetPointer(DirectFunctionCall1(cohort_retention_state_in,
																   CStringGetDatum(p)));
	f = wrap_build(&w, inner);
	wrap_check_flat(f, VARSIZE(f), kind, ERRCODE_INVALID_TEXT_REPRESENTATION);
	if (kind == WRAP_BRACKETS)
		wrap_check_bracket_members(inner, w.nbrackets, ERRCODE_INVALID_TEXT_REPRESENTATION);
	PG_RETURN_POINTER(f);
}

/* Binary: the header's fields, then the wrapped state's own binary form. */
static Datum
wrap_send(FunctionCallInfo fcinfo, WrapKind kind)
{
	WrapState	view;
	StringInfoData buf;

	wrap_view(PG_GETARG_DATUM(0), kind, &view);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, WRAP_VERSION);
	pq_sendbyte(&buf, (uint8) kind);
	pq_sendbyte(&buf, view.params_set ? (WRAP_PARAMS_SET | (view.has_observed ? WRAP_OBSERVED : 0) |
										 (view.observed_is_date ? WRAP_DATE : 0)) : 0);
	pq_sendbyte(&buf, view.params_set ? view.mode : 0);
	pq_sendint64(&buf, !view.params_set ? 0 : kind == WRAP_BRACKETS ? view.nbrackets : view.observed);
	if (view.params_set && kind == WRAP_BRACKETS)
	{
		int			i;

		for (i = 0; i < view.nbrackets; i++)
		{
			pq_sendint32(&buf, (uint32) view.brackets[i].month);
			pq_sendint32(&buf, (uint32) view.brackets[i].day);
			pq_sendint64(&buf, view.brackets[i].time);
		}
	}
	if (view.params_set)
	{
		bytea	   *inner = DatumGetByteaPP(DirectFunctionCall1(cohort_retention_state_send, view.inner));

		pq_sendbytes(&buf, VARDATA_ANY(inner), VARSIZE_ANY_EXHDR(inner));
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static Datum
wrap_recv(FunctionCallInfo fcinfo, WrapKind kind)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	WrapFlat	h = {0};
	struct varlena *inner = NULL;
	WrapState	w = {0};
	WrapFlat   *f;

	/* the shared readers: a short value is 22P03, not a protocol error */
	h.version = state_recv_byte(buf, kind_type(kind));
	h.kind = state_recv_byte(buf, kind_type(kind));
	h.flags = state_recv_byte(buf, kind_type(kind));
	h.mode = state_recv_byte(buf, kind_type(kind));
	h.observed = state_recv_int64(buf, kind_type(kind));
	SET_VARSIZE(&h, WRAP_HEADER_SIZE);
	w.kind = kind;
	if (kind == WRAP_BRACKETS && (h.flags & WRAP_PARAMS_SET))
	{
		int			i;

		if (h.observed < 2 || h.observed > MAX_BRACKETS)
			wrap_bad_state(kind, ERRCODE_INVALID_BINARY_REPRESENTATION, "The number of brackets is out of range.");
		w.nbrackets = (int32) h.observed;
		w.brackets = palloc(WRAP_BRACKETS_SIZE(w.nbrackets));
		for (i = 0; i < w.nbrackets; i++)
		{
			w.brackets[i].month = (int32) state_recv_uint32(buf, kind_type(kind));
			w.brackets[i].day = (int32) state_recv_uint32(buf, kind_type(kind));
			w.brackets[i].time = state_recv_int64(buf, kind_type(kind));
		}
	}
	if (h.flags & WRAP_PARAMS_SET)
		inner = (struct varlena *) DatumGetPointer(DirectFunctionCall1(cohort_retention_state_recv,
																	   PointerGetDatum(buf)));
	else
		state_recv_end(buf, kind_type(kind));
	/* the header is checked with the wrapped state in place */
	w.params_set = (h.flags & WRAP_PARAMS_SET) != 0;
	f = wrap_build(&w, inner);
	f->version = h.version;
	f->kind = h.kind;
	f->flags = h.flags;
	f->mode = h.mode;
	f->observed = h.observed;
	wrap_check_flat(f, VARSIZE(f), kind, ERRCODE_INVALID_BINARY_REPRESENTATION);
	if (kind == WRAP_BRACKETS && inner != NULL)
		wrap_check_bracket_members(inner, w.nbrackets, ERRCODE_INVALID_BINARY_REPRESENTATION);
	PG_RETURN_POINTER(f);
}

#define WRAP_IO_FUNCTIONS(prefix, kind) \
	PG_FUNCTION_INFO_V1(prefix##_in); \
	Datum prefix##_in(PG_FUNCTION_ARGS) { return wrap_in(fcinfo, kind); } \
	PG_FUNCTION_INFO_V1(prefix##_out); \
	Datum prefix##_out(PG_FUNCTION_ARGS) { return wrap_out(fcinfo, kind); } \
	PG_FUNCTION_INFO_V1(prefix##_recv); \
	Datum prefix##_recv(PG_FUNCTION_ARGS) { return wrap_recv(fcinfo, kind); } \
	PG_FUNCTION_INFO_V1(prefix##_send); \
	Datum prefix##_send(PG_FUNCTION_ARGS) { return wrap_send(fcinfo, kind); }

WRAP_IO_FUNCTIONS(cohort_periods_state, WRAP_PERIODS)
WRAP_IO_FUNCTIONS(recurring_retention_state, WRAP_RECURRING)
WRAP_IO_FUNCTIONS(cohort_retention_brackets_state, WRAP_BRACKETS)
