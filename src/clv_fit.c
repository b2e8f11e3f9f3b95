/*-------------------------------------------------------------------------
 *
 * clv_fit.c
 *	  clv_fit_state and clv_fit(): customers as weighted, deduplicated
 *	  (frequency, recency, age) triples for BG/NBD and (frequency, monetary)
 *	  pairs for Gamma-Gamma, fitted by clv_math.c into a clv_model.
 *
 * While aggregating the state is an expanded object whose arrays grow in
 * place; stored, it is compacted, with no spare room.
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
#include "clv_kind.h"
#include "expanded.h"
#include "state.h"


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
	uint8		model;			/* 0: not given (BG/NBD), else ClvKindId + 1 */
	uint8		reserved;
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
	int			model;			/* as ClvFitState's */
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
	s->model = (uint8) e->model;
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
	FitExpanded *e = (FitExpanded *) clv_new_state(parent, sizeof(FitExpanded),
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
	int			model;
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

		v.model = e->model;
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
		s->cappair < s->npair || s->model > CLV_NKINDS || s->reserved != 0 ||
		VARSIZE(s) != FIT_SIZE(s->captrip, s->cappair))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid clv_fit_state value")));
	v.model = s->model;
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
	FitExpanded *e = (FitExpanded *) clv_own_state(fcinfo, &fit_methods, &cxt);
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
	e->model = v.model;
	return e;
}

/*
 * Record the model of a group (as ClvFitState's model): a model given
 * once stays; another one in the same group is 22023.
 */
static void
fs_set_model(FitExpanded *e, int model)
{
	if (model == 0 || e->model == model)
		return;
	if (e->model != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("clv_fit model changes from \"%s\" to \"%s\" inside one group",
						clv_kind(e->model - 1)->name, clv_kind(model - 1)->name),
				 errhint("Fit one model per group: the model argument is a constant.")));
	e->model = model;
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
 * have_m.  A repeat customer's monetary value of 0 (repeat orders of $0, or
 * refunds netted to 0) is valid: the spend model leaves it out.  Age 0 (first seen at the end of the observation, as clv_summary
 * gives it) is valid with frequency 0: the predictions are those of a new
 * customer, and clv_fit skips it.
 */
void
clv_check_summary(double x, double tx, double T, bool have_m, double m)
{
	if (!isfinite(x) || x < 0 || x != floor(x) || x > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("frequency %s is not a non-negative integer", clv_num(x)),
				 errhint("frequency is the number of repeat purchase days, 0 or more.")));
	if (!isfinite(T) || !(T >= 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("age %s is negative or not finite", clv_num(T)),
				 errhint("age is the time from the first purchase to the end of the observation, 0 or more.")));
	if (T == 0 && x > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("frequency %s at age 0", clv_num(x)),
				 errhint("A customer first seen at the end of the observation (age 0) has no repeat purchases.")));
	if (!isfinite(tx) || tx < 0 || tx > T)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("recency %s is outside 0 .. age %s", clv_num(tx), clv_num(T)),
				 errhint("recency is the time from the first to the last purchase, between 0 and age.")));
	if (x == 0 && tx != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("recency %s with frequency 0", clv_num(tx)),
				 errhint("A customer without repeat purchases has recency 0.")));
	if (have_m && x > 0 && (!isfinite(m) || !(m >= 0)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("monetary value %s of a repeat customer is negative or not finite", clv_num(m)),
				 errhint("monetary is the mean amount of the repeat purchases, 0 or more.")));
}

/* clv_fit(frequency, recency, age, monetary) */
static Datum fit_add_row(FunctionCallInfo fcinfo, FitExpanded *e);

PG_FUNCTION_INFO_V1(clv_fit_sfunc);
Datum
clv_fit_sfunc(PG_FUNCTION_ARGS)
{
	return fit_add_row(fcinfo, fs_for_update(fcinfo));
}

/* clv_fit(frequency, recency, age, monetary, model) */
PG_FUNCTION_INFO_V1(clv_fit_model_sfunc);
Datum
clv_fit_model_sfunc(PG_FUNCTION_ARGS)
{
	FitExpanded *e = fs_for_update(fcinfo);

	fs_set_model(e, clv_kind_fcinfo_arg(fcinfo, 5, "clv_fit") + 1);
	return fit_add_row(fcinfo, e);
}

/* clv_fit(clv_fit_state, model): merge the stored state, record the model */
PG_FUNCTION_INFO_V1(clv_fit_state_model_sfunc);
Datum
clv_fit_state_model_sfunc(PG_FUNCTION_ARGS)
{
	FitExpanded *a = fs_for_update(fcinfo);
	FitView		b;

	fs_set_model(a, clv_kind_fcinfo_arg(fcinfo, 2, "clv_fit") + 1);
	if (PG_ARGISNULL(1))
		PG_RETURN_DATUM(EOHPGetRWDatum(&a->hdr));
	b = fs_view(fcinfo, 1);
	fs_set_model(a, b.model);
	fs_room(a, b.ntrip, b.npair);
	memcpy(a->trips + a->ntrip, b.trips, sizeof(ClvTriple) * b.ntrip);
	a->ntrip += b.ntrip;
	memcpy(a->pairs + a->npair, b.pairs, sizeof(ClvPair) * b.npair);
	a->npair += b.npair;
	PG_RETURN_DATUM(EOHPGetRWDatum(&a->hdr));
}

static Datum
fit_add_row(FunctionCallInfo fcinfo, FitExpanded *e)
{
	double		x,
				tx,
				T,
				m = 0;
	bool		have_m;
	ClvTriple  *t;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_DATUM(EOHPGetRWDatum(&e->hdr));
	/* + 0.0 turns -0 into 0: one spelling of zero in the state's text */
	x = PG_GETARG_FLOAT8(1) + 0.0;
	tx = PG_GETARG_FLOAT8(2) + 0.0;
	T = PG_GETARG_FLOAT8(3) + 0.0;
	have_m = !PG_ARGISNULL(4);
	if (have_m)
		m = PG_GETARG_FLOAT8(4) + 0.0;
	clv_check_summary(x, tx, T, have_m, m);
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

	fs_set_model(a, b.model);
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
	appendStringInfoString(&buf, "v1 ");
	if (v.model != 0)
		appendStringInfo(&buf, "model=%s ", clv_kind(v.model - 1)->name);
	appendStringInfoString(&buf, "bgnbd=");
	for (i = 0; i < nt; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		appendStringInfo(&buf, "%d:", t[i].x);
		state_append_float8(&buf, t[i].tx);
		appendStringInfoChar(&buf, ':');
		state_append_float8(&buf, t[i].T);
		appendStringInfo(&buf, ":" INT64_FORMAT, t[i].w);
	}
	appendStringInfoString(&buf, " gg=");
	for (i = 0; i < np; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		appendStringInfo(&buf, "%d:", p[i].x);
		state_append_float8(&buf, p[i].m);
		appendStringInfo(&buf, ":" INT64_FORMAT, p[i].w);
	}
	PG_RETURN_CSTRING(buf.data);
}

/* Parse a positive weight, written as the output writes it (no +, no 0 first). */
static bool
parse_weight(const char *s, int64 *w)
{
	char	   *end;

	if (*s < '1' || *s > '9')
		return false;
	errno = 0;
	*w = strtoll(s, &end, 10);
	return errno == 0 && *end == '\0' && *w > 0;
}

/* A number of an entry, in its one spelling: the shortest form, no -0. */
static bool
parse_part(const char *s, double *d)
{
	return state_parse_float8(s, d) && !(*d == 0 && signbit(*d));
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
	char	   *cur = state_skip_version(copy, T, str, code, 1, NULL);
	char	   *bg,
			   *gg,
			   *tok,
			   *save = NULL;
	ClvFitState *s;
	char	   *piece;
	int64		w_repeat = 0,
				w_pairs = 0;
	int			model = 0;

	/* "model=NAME": a state of clv_fit(…, model) (absent: not given) */
	if (strncmp(cur, "model=", 6) == 0)
	{
		char	   *name = state_next_field(&cur, "model", T, str, code);

		model = clv_kind_lookup(name, strlen(name)) + 1;
		if (model == 0)
			state_bad_long_text(T, str, code,
								psprintf("The model \"%s\" is not one of %s.", name, clv_kind_names()), STATE_TEXT_HINT);
	}
	bg = state_next_field(&cur, "bgnbd", T, str, code);
	gg = state_next_field(&cur, "gg", T, str, code);
	if (*cur != '\0')
		state_bad_long_text(T, str, code, "Unexpected text after the gg list.", STATE_TEXT_HINT);
	s = fs_new(Max(16, count_items(bg)), Max(16, count_items(gg)));
	s->model = (uint8) model;

	for (tok = strtok_r(bg, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
	{
		char	   *part[4];
		double		x,
					tx,
					age;
		int64		w;
		ClvTriple  *t;

		CHECK_FOR_INTERRUPTS();
		piece = pstrdup(tok);
		if (s->ntrip >= s->captrip || !clv_split_colons(tok, part, 4) ||
			!parse_part(part[0], &x) || !parse_part(part[1], &tx) ||
			!parse_part(part[2], &age) || !parse_weight(part[3], &w))
			state_bad_long_text(T, str, code,
								psprintf("The bgnbd entry \"%.100s\" is not frequency:recency:age:weight as the output writes them.", piece), STATE_TEXT_HINT);
		if (x < 0 || x != floor(x) || x > PG_INT32_MAX || !(age > 0) ||
			tx < 0 || tx > age || (x == 0 && tx != 0))
			state_bad_long_text(T, str, code,
								psprintf("The bgnbd entry \"%.100s\" is not a valid customer summary.", piece), STATE_TEXT_HINT);
		t = &FIT_TRIPS(s)[s->ntrip++];
		t->x = (int32) x;
		t->pad = 0;
		t->tx = tx;
		t->T = age;
		t->w = w;
		/* one spelling per state: each summary once, in the output's order */
		if (s->ntrip > 1 && !clv_triples_compacted(t - 1, 2))
			state_bad_long_text(T, str, code,
								psprintf("The bgnbd entry \"%.100s\" is not after the one before it: the entries are sorted by frequency, recency and age, each summary once.", piece), STATE_TEXT_HINT);
		if (x > 0 && pg_add_s64_overflow(w_repeat, w, &w_repeat))
			state_bad_long_text(T, str, code, "The weights overflow.", STATE_TEXT_HINT);
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
		piece = pstrdup(tok);
		if (s->npair >= s->cappair || !clv_split_colons(tok, part, 3) ||
			!parse_part(part[0], &x) || !parse_part(part[1], &m) ||
			!parse_weight(part[2], &w))
			state_bad_long_text(T, str, code,
								psprintf("The gg entry \"%.100s\" is not frequency:monetary:weight as the output writes them.", piece), STATE_TEXT_HINT);
		/* monetary 0: a repeat customer the spend model leaves out */
		if (!(x > 0) || x != floor(x) || x > PG_INT32_MAX || !(m >= 0))
			state_bad_long_text(T, str, code,
								psprintf("The gg entry \"%.100s\" is not a valid repeat customer.", piece), STATE_TEXT_HINT);
		p = &FIT_PAIRS(s)[s->npair++];
		p->x = (int32) x;
		p->pad = 0;
		p->m = m;
		p->w = w;
		if (s->npair > 1 && !clv_pairs_compacted(p - 1, 2))
			state_bad_long_text(T, str, code,
								psprintf("The gg entry \"%.100s\" is not after the one before it: the entries are sorted by frequency and monetary, each pair once.", piece), STATE_TEXT_HINT);
		if (pg_add_s64_overflow(w_pairs, w, &w_pairs))
			state_bad_long_text(T, str, code, "The weights overflow.", STATE_TEXT_HINT);
	}
	if (w_pairs > w_repeat)
		state_bad_long_text(T, str, code, "The gg list has more customers than the bgnbd list has repeat customers.", STATE_TEXT_HINT);
	return s;
}

CLV_TEXT_IO(clv_fit_state, fs_parse)

PG_FUNCTION_INFO_V1(clv_fit_final);
Datum
clv_fit_final(PG_FUNCTION_ARGS)
{
	FitView		v = fs_compacted(fcinfo, 0);

	if (v.ntrip == 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(clv_fit_model_kind(v.model == 0 ? CLV_KIND_BGNBD : v.model - 1,
										 v.trips, v.ntrip, v.pairs, v.npair));
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
	ClvModel   *m = clv_model_arg(fcinfo, 1);
	ClvPair    *pairs = v.pairs;
	int			np;

	clv_model_check(m);
	if (v.ntrip == 0)
		PG_RETURN_NULL();
	np = clv_spend_pairs(&pairs, v.npair);

	PG_RETURN_FLOAT8(clv_gradient_check(v.trips, v.ntrip, pairs,
										(m->flags & CM_HAS_GG) ? np : 0,
										&m->par));
}
