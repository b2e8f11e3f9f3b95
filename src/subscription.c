/*-------------------------------------------------------------------------
 *
 * subscription.c
 *	  Customer churn and retention over subscription activity ranges:
 *	  churn_rate, retention_rate and churn_breakdown (SPEC section 3).
 *
 * A row is a customer's activity (a daterange, tsrange or tstzrange, or a
 * multirange of one of them when the customer left and came back) and the
 * period [start, end) being measured.  The customer is "at start" when the
 * activity contains start, "at end" when it contains end (the first point
 * after the period) and "retained" when both.  The state (churn_state,
 * shared by churn_rate and retention_rate) holds these three counts and the
 * period, so that states of different periods refuse to merge.
 *
 * The period is stored as two int64 microsecond timestamps (dates at
 * midnight) plus the range kind.  One unit for every kind lets the text
 * form print a bound without knowing the kind (the descriptor's
 * format_param sees one field at a time): "2026-01-01" for a midnight,
 * "2026-01-01T12:30:00" otherwise (UTC for a tstzrange).  Bounds are limited
 * to the years 1 to 9999, which every date and timestamp in that span
 * converts to exactly.
 *
 * The containment tests read the range bounds directly (integers compared
 * with the range's own inclusive/exclusive and infinite flags) rather than
 * calling the subtype's comparison function, and a multirange is searched
 * by bisection: this is what makes churn_rate cheaper than the equivalent
 * range-operator SQL.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/multirangetypes.h"
#include "utils/rangetypes.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "state.h"

/* Fields of churn_state. */
enum
{
	CH_AT_START, CH_RETAINED, CH_AT_END, CH_RANGE, CH_PERIOD_START, CH_PERIOD_END
};

/* Range kinds (CH_RANGE); 0 is never stored once the parameters are set. */
enum
{
	KIND_DATE = 1, KIND_TIMESTAMP = 2, KIND_TIMESTAMPTZ = 3
};

static const char *const kind_names[] = {NULL, "daterange", "tsrange", "tstzrange"};

/* An example period of each kind, for hints. */
static const char *const kind_examples[] = {
	NULL,
	"daterange('2026-01-01', '2026-02-01')",
	"tsrange('2026-01-01', '2026-02-01')",
	"tstzrange('2026-01-01 00:00+00', '2026-02-01 00:00+00')"
};

/* Bounds are limited to 0001-01-01 .. 9999-12-31 (microseconds since 2000). */
#define CH_MIN_USEC		((int64) (1721426 - POSTGRES_EPOCH_JDATE) * USECS_PER_DAY)	/* date2j(1,1,1) */
#define CH_END_USEC		((int64) (5373485 - POSTGRES_EPOCH_JDATE) * USECS_PER_DAY)	/* date2j(10000,1,1) */

static inline bool
usec_in_span(int64 t)
{
	return t >= CH_MIN_USEC && t < CH_END_USEC;
}

/* ---------- the state and its text form ---------- */

static const RetField churn_fields[] = {
	{"at_start", RF_COUNT}, {"retained", RF_COUNT}, {"at_end", RF_COUNT},
	{"range", RF_PARAM}, {"period_start", RF_PARAM}, {"period_end", RF_PARAM}
};

/* Print a bound: a date at midnight, else an ISO 8601 timestamp with a T. */
static void
format_bound(StringInfo buf, int64 t)
{
	struct pg_tm tm;
	fsec_t		fsec;

	if (!usec_in_span(t) || timestamp2tm(t, NULL, &tm, &fsec, NULL, NULL) != 0)
	{
		/* only a corrupt value gets here; print something that will not parse */
		appendStringInfo(buf, "invalid:" INT64_FORMAT, t);
		return;
	}
	appendStringInfo(buf, "%04d-%02d-%02d", tm.tm_year, tm.tm_mon, tm.tm_mday);
	if (t % USECS_PER_DAY != 0)
	{
		appendStringInfo(buf, "T%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
		if (fsec != 0)
			appendStringInfo(buf, ".%06d", (int) fsec);
	}
}

static void
churn_format_param(StringInfo buf, int field, int64 value)
{
	if (field == CH_RANGE)
	{
		if (value >= KIND_DATE && value <= KIND_TIMESTAMPTZ)
			appendStringInfoString(buf, kind_names[value]);
		else
			appendStringInfo(buf, "invalid:" INT64_FORMAT, value);
	}
	else
		format_bound(buf, value);
}

/*
 * Parse a bound written as format_bound writes it, and only that way (the
 * text is re-printed and compared), so that a state has one text form.
 */
static bool
parse_bound(const char *text, int64 *value)
{
	struct pg_tm tm;
	int			n = 0,
				usec = 0;
	const char *p;
	Timestamp	t;
	StringInfoData again;
	bool		same;

	memset(&tm, 0, sizeof(tm));
	if (sscanf(text, "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &n) != 3)
		return false;
	p = text + n;
	if (*p == 'T')
	{
		if (sscanf(p, "T%2d:%2d:%2d%n", &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 3)
			return false;
		p += n;
		if (*p == '.')
		{
			if (strlen(p) != 7 || strspn(p + 1, "0123456789") != 6)
				return false;
			usec = atoi(p + 1);
			p += 7;
		}
	}
	if (*p != '\0')
		return false;
	if (tm.tm_year < 1 || tm.tm_year > 9999 || tm.tm_mon < 1 || tm.tm_mon > 12 ||
		tm.tm_mday < 1 || tm.tm_mday > day_tab[isleap(tm.tm_year)][tm.tm_mon - 1] ||
		tm.tm_hour < 0 || tm.tm_hour > 23 || tm.tm_min < 0 || tm.tm_min > 59 ||
		tm.tm_sec < 0 || tm.tm_sec > 59)
		return false;
	if (tm2timestamp(&tm, usec, NULL, &t) != 0)
		return false;

	initStringInfo(&again);
	format_bound(&again, t);
	same = strcmp(again.data, text) == 0;
	pfree(again.data);
	*value = t;
	return same;
}

static bool
churn_parse_param(int field, const char *text, int64 *value)
{
	if (field == CH_RANGE)
	{
		int			k;

		for (k = KIND_DATE; k <= KIND_TIMESTAMPTZ; k++)
			if (strcmp(text, kind_names[k]) == 0)
			{
				*value = k;
				return true;
			}
		return false;
	}
	return parse_bound(text, value);
}

/* Whole-state rule: retained customers are counted at start and at end. */
static const char *
churn_check(const int64 *v, bool params_set)
{
	if (!params_set)
	{
		if (v[CH_AT_START] != 0 || v[CH_AT_END] != 0 || v[CH_RETAINED] != 0)
			return "It counts customers but has no period.";
		return NULL;
	}
	if (v[CH_RANGE] < KIND_DATE || v[CH_RANGE] > KIND_TIMESTAMPTZ)
		return psprintf("Range kind " INT64_FORMAT " is unknown.", v[CH_RANGE]);
	if (!usec_in_span(v[CH_PERIOD_START]) || !usec_in_span(v[CH_PERIOD_END]))
		return "A period bound lies outside the years 1 to 9999.";
	if (v[CH_PERIOD_START] >= v[CH_PERIOD_END])
		return "The period is empty: its start is not before its end.";
	if (v[CH_RANGE] == KIND_DATE &&
		(v[CH_PERIOD_START] % USECS_PER_DAY != 0 || v[CH_PERIOD_END] % USECS_PER_DAY != 0))
		return "A daterange period has a bound that is not a date.";
	if (v[CH_RETAINED] > v[CH_AT_START] || v[CH_RETAINED] > v[CH_AT_END])
		return "More customers are retained than are counted at start or at end.";
	return NULL;
}

static const RetStateDesc churn_desc = {
	"churn_state", 6, churn_fields, churn_check, churn_format_param, churn_parse_param
};

RETENTION_STATE_FUNCTIONS(churn_state, churn_desc)

/* ---------- per-call type information ---------- */

/*
 * What a transition function needs about its argument types, looked up on
 * the first row and kept in fn_extra.
 */
/* Ranges of these kinds up to this size are read without a palloc. */
#define SMALL_RANGE		64

typedef union SmallRange
{
	RangeType	r;
	char		bytes[SMALL_RANGE];
	int64		align;
} SmallRange;

typedef struct ChurnTypes
{
	TypeCacheEntry *range;		/* the period's range type */
	int			kind;			/* KIND_* of the range's subtype */

	/*
	 * The last valid period seen, so that the usual constant period is
	 * checked once, not per row: its bytes (without varlena header), its
	 * bounds in the subtype's unit and the state parameters.
	 */
	Size		period_len;		/* 0: none yet */
	char		period_bytes[SMALL_RANGE];
	int64		lo,
				hi;
	int64		params[3];
} ChurnTypes;

/*
 * The argument types of this call, looked up on the first row.  A function
 * is declared for fixed argument types, so they never change for a flinfo.
 */
static ChurnTypes *
churn_types(FunctionCallInfo fcinfo, bool multirange)
{
	ChurnTypes *ct = (ChurnTypes *) fcinfo->flinfo->fn_extra;
	Oid			type;
	TypeCacheEntry *tc;

	if (likely(ct != NULL))
		return ct;

	/* The activity's type: from the call expression, else from the datum. */
	type = get_fn_expr_argtype(fcinfo->flinfo, 1);
	if (!OidIsValid(type) && !PG_ARGISNULL(1))
		type = multirange ? MultirangeTypeGetOid(PG_GETARG_MULTIRANGE_P(1)) :
			RangeTypeGetOid(PG_GETARG_RANGE_P(1));
	if (!OidIsValid(type))
		elog(ERROR, "could not determine the activity's type");

	tc = lookup_type_cache(type, multirange ? TYPECACHE_MULTIRANGE_INFO : TYPECACHE_RANGE_INFO);
	if (multirange)
		tc = tc->rngtype;
	if (tc == NULL || tc->rngelemtype == NULL)
		elog(ERROR, "type %u is not a %s type", type, multirange ? "multirange" : "range");

	ct = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ChurnTypes));
	switch (tc->rngelemtype->type_id)
	{
		case DATEOID:
			ct->kind = KIND_DATE;
			break;
		case TIMESTAMPOID:
			ct->kind = KIND_TIMESTAMP;
			break;
		case TIMESTAMPTZOID:
			ct->kind = KIND_TIMESTAMPTZ;
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("activity of type %s is not supported", format_type_be(type)),
					 errhint("Use a daterange, tsrange or tstzrange, or a multirange of one.")));
	}
	ct->range = tc;
	fcinfo->flinfo->fn_extra = ct;
	return ct;
}

/*
 * A range argument.  A small value with a short varlena header (as a table
 * column usually holds it) is copied to buf instead of being detoasted into
 * a palloc'd copy: this runs once per row.
 */
static inline RangeType *
range_arg(FunctionCallInfo fcinfo, int argno, SmallRange *buf)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));

	if (VARATT_IS_SHORT(v) && VARSIZE_SHORT(v) - VARHDRSZ_SHORT + VARHDRSZ <= SMALL_RANGE)
	{
		Size		len = VARSIZE_SHORT(v) - VARHDRSZ_SHORT;

		memcpy(buf->bytes + VARHDRSZ, VARDATA_SHORT(v), len);
		SET_VARSIZE(buf->bytes, len + VARHDRSZ);
		return &buf->r;
	}
	return DatumGetRangeTypeP(PointerGetDatum(v));
}

/* A bound value as an int64 in the subtype's own unit (days or microseconds). */
static inline int64
bound_value(int kind, Datum d)
{
	return kind == KIND_DATE ? (int64) DatumGetDateADT(d) : DatumGetInt64(d);
}

/* ---------- the period ---------- */

/* 22023 for a period that cannot be measured. */
static void pg_attribute_noreturn()
bad_period(ChurnTypes *ct, Datum period, const char *what)
{
	Oid			outfunc;
	bool		isvarlena;

	getTypeOutputInfo(ct->range->type_id, &outfunc, &isvarlena);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("period %s is %s", OidOutputFunctionCall(outfunc, period), what),
			 errhint("A period is a bounded range [start, end) between the years 1 and 9999, such as %s.",
					 kind_examples[ct->kind])));
}

/*
 * Read and check the period argument; its bounds in the subtype's unit go
 * to lo and hi, and the state's parameters are set or checked.
 */
static void
churn_period(FunctionCallInfo fcinfo, ChurnTypes *ct, RetState *state,
			 int64 *lo, int64 *hi)
{
	SmallRange	buf;
	RangeType  *r;
	RangeBound	lower,
				upper;
	bool		empty;
	int64		params[3];
	Size		len;

	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period must not be null"),
				 errhint("A period is a bounded range [start, end), such as %s.",
						 kind_examples[ct->kind])));
	r = range_arg(fcinfo, 2, &buf);

	/* The same period as the last row: already checked. */
	len = VARSIZE(r) - VARHDRSZ;
	if (likely(len == ct->period_len &&
			   memcmp(VARDATA(r), ct->period_bytes, len) == 0))
	{
		*lo = ct->lo;
		*hi = ct->hi;
		/* the usual case, inline: the group already has this period */
		if (likely((state->flags & RS_PARAMS_SET) &&
				   state->v[CH_PERIOD_START] == ct->params[1] &&
				   state->v[CH_PERIOD_END] == ct->params[2] &&
				   state->v[CH_RANGE] == ct->params[0]))
			return;
		ret_state_set_params(&churn_desc, state, ct->params);
		return;
	}

	range_deserialize(ct->range, r, &lower, &upper, &empty);
	if (empty)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period must not be empty"),
				 errhint("A period is a bounded range [start, end), such as %s.",
						 kind_examples[ct->kind])));
	if (lower.infinite || upper.infinite)
		bad_period(ct, PointerGetDatum(r), "unbounded");
	if (!lower.inclusive || upper.inclusive)
		bad_period(ct, PointerGetDatum(r), "not of the form [start, end)");
	*lo = bound_value(ct->kind, lower.val);
	*hi = bound_value(ct->kind, upper.val);

	params[0] = ct->kind;
	if (ct->kind == KIND_DATE)
	{
		/* 'infinity' dates are unbounded too; the span check catches them */
		if (DATE_NOT_FINITE(*lo) || DATE_NOT_FINITE(*hi))
			bad_period(ct, PointerGetDatum(r), "unbounded");
		if (*lo < (CH_MIN_USEC / USECS_PER_DAY) || *hi > (CH_END_USEC / USECS_PER_DAY) - 1)
			bad_period(ct, PointerGetDatum(r), "outside the years 1 to 9999");
		params[1] = *lo * USECS_PER_DAY;
		params[2] = *hi * USECS_PER_DAY;
	}
	else
	{
		if (TIMESTAMP_NOT_FINITE(*lo) || TIMESTAMP_NOT_FINITE(*hi))
			bad_period(ct, PointerGetDatum(r), "unbounded");
		if (!usec_in_span(*lo) || !usec_in_span(*hi))
			bad_period(ct, PointerGetDatum(r), "outside the years 1 to 9999");
		params[1] = *lo;
		params[2] = *hi;
	}
	ret_state_set_params(&churn_desc, state, params);

	/* Remember it (a valid period), for the next rows. */
	if (len <= SMALL_RANGE)
	{
		memcpy(ct->period_bytes, VARDATA(r), len);
		ct->period_len = len;
		ct->lo = *lo;
		ct->hi = *hi;
		memcpy(ct->params, params, sizeof(params));
	}
}

/* ---------- containment ---------- */

/* The point lies before the range's lower bound. */
static inline bool
point_before(const RangeBound *lower, int kind, int64 p)
{
	int64		l;

	if (lower->infinite)
		return false;
	l = bound_value(kind, lower->val);
	return p < l || (p == l && !lower->inclusive);
}

/* The point lies after the range's upper bound. */
static inline bool
point_after(const RangeBound *upper, int kind, int64 p)
{
	int64		u;

	if (upper->infinite)
		return false;
	u = bound_value(kind, upper->val);
	return p > u || (p == u && !upper->inclusive);
}

/*
 * Which of the points lo and hi a range contains; false for an empty range.
 * data and len are the range's bytes after its varlena header, read in
 * place, whether the header is short or not: the layout of the bytes after
 * the header is the same (offsets count from an aligned 4-byte header).
 *
 * This reads the range's serialized form directly, as range_deserialize
 * does (rangetypes.h: the type OID, the lower bound value if it has one,
 * the upper bound value aligned for the subtype, a flags byte last), but
 * for the three by-value subtypes only, without the generic per-call
 * attribute fetching: it runs once per row.
 */
static inline bool
range_has_points(const char *data, Size len, int kind, int64 lo, int64 hi,
				 bool *at_lo, bool *at_hi)
{
	char		flags = data[len - 1];
	const char *ptr = data + sizeof(Oid);
	RangeBound	lower,
				upper;

	if (flags & RANGE_EMPTY)
		return false;
	memset(&lower, 0, sizeof(lower));
	memset(&upper, 0, sizeof(upper));
	lower.infinite = (flags & RANGE_LB_INF) != 0;
	lower.inclusive = (flags & RANGE_LB_INC) != 0;
	upper.infinite = (flags & RANGE_UB_INF) != 0;
	upper.inclusive = (flags & RANGE_UB_INC) != 0;
	if (kind == KIND_DATE)
	{
		DateADT		d;

		/* a date is int4-aligned, and the value after the OID is aligned */
		if (RANGE_HAS_LBOUND(flags))
		{
			memcpy(&d, ptr, sizeof(d));
			lower.val = DateADTGetDatum(d);
			ptr += sizeof(DateADT);
		}
		if (RANGE_HAS_UBOUND(flags))
		{
			memcpy(&d, ptr, sizeof(d));
			upper.val = DateADTGetDatum(d);
		}
	}
	else
	{
		int64		t;

		/* a timestamp is double-aligned; the OID ends at offset 8 */
		if (RANGE_HAS_LBOUND(flags))
		{
			memcpy(&t, ptr, sizeof(t));
			lower.val = Int64GetDatum(t);
			ptr += sizeof(int64);
		}
		if (RANGE_HAS_UBOUND(flags))
		{
			memcpy(&t, ptr, sizeof(t));
			upper.val = Int64GetDatum(t);
		}
	}
	*at_lo = !point_before(&lower, kind, lo) && !point_after(&upper, kind, lo);
	*at_hi = !point_before(&lower, kind, hi) && !point_after(&upper, kind, hi);
	return true;
}

/* A multirange contains the point: bisection over its sorted ranges. */
static bool
multirange_has(TypeCacheEntry *rng, const MultirangeType *mr, int kind, int64 p)
{
	uint32		lo = 0,
				hi = mr->rangeCount;

	while (lo < hi)
	{
		uint32		mid = lo + (hi - lo) / 2;
		RangeBound	lower,
					upper;

		multirange_get_bounds(rng, mr, mid, &lower, &upper);
		if (point_before(&lower, kind, p))
			hi = mid;
		else if (point_after(&upper, kind, p))
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Count one customer (delta 1) or remove one (delta -1). */
static inline void
churn_count(RetState *state, bool at_start, bool at_end, int64 delta)
{
	if (at_start)
		ret_state_bump(state, CH_AT_START, delta);
	if (at_end)
		ret_state_bump(state, CH_AT_END, delta);
	if (at_start && at_end)
		ret_state_bump(state, CH_RETAINED, delta);
}

/* ---------- transition functions ---------- */

/* churn_rate(activity anyrange-of-date/ts/tstz, period) */
static Datum
churn_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &churn_desc);
	ChurnTypes *ct;
	int64		lo,
				hi;

	ct = churn_types(fcinfo, false);
	churn_period(fcinfo, ct, state, &lo, &hi);

	if (!PG_ARGISNULL(1))
	{
		struct varlena *act = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(1));
		bool		at_start,
					at_end;

		/* compressed or out of line (never for a range this small): detoast */
		if (VARATT_IS_EXTENDED(act) && !VARATT_IS_SHORT(act))
			act = PG_DETOAST_DATUM(PG_GETARG_DATUM(1));
		if (range_has_points(VARDATA_ANY(act), VARSIZE_ANY_EXHDR(act), ct->kind, lo, hi,
							 &at_start, &at_end))
			churn_count(state, at_start, at_end, delta);
	}
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(churn_sfunc, churn_inv, churn_step)

/* churn_rate(activity anymultirange-of-date/ts/tstz, period) */
static Datum
churn_multi_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &churn_desc);
	ChurnTypes *ct;
	int64		lo,
				hi;

	ct = churn_types(fcinfo, true);
	churn_period(fcinfo, ct, state, &lo, &hi);

	if (!PG_ARGISNULL(1))
	{
		MultirangeType *act = PG_GETARG_MULTIRANGE_P(1);

		if (!MultirangeIsEmpty(act))
			churn_count(state,
						multirange_has(ct->range, act, ct->kind, lo),
						multirange_has(ct->range, act, ct->kind, hi),
						delta);
	}
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(churn_multi_sfunc, churn_multi_inv, churn_multi_step)

/* ---------- final functions ---------- */

PG_FUNCTION_INFO_V1(churn_final);
Datum
churn_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &churn_desc);
	int64		n = state->v[CH_AT_START];

	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) (n - state->v[CH_RETAINED]) / (double) n);
}

PG_FUNCTION_INFO_V1(retention_final);
Datum
retention_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &churn_desc);
	int64		n = state->v[CH_AT_START];

	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) state->v[CH_RETAINED] / (double) n);
}

/* at_start, retained, churned, at_end and new_or_returning of a churn_state. */
PG_FUNCTION_INFO_V1(churn_breakdown);
Datum
churn_breakdown(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &churn_desc);
	TupleDesc	tupdesc;
	Datum		values[5];
	bool		nulls[5] = {false, false, false, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);

	values[0] = Int64GetDatum(state->v[CH_AT_START]);
	values[1] = Int64GetDatum(state->v[CH_RETAINED]);
	values[2] = Int64GetDatum(state->v[CH_AT_START] - state->v[CH_RETAINED]);
	values[3] = Int64GetDatum(state->v[CH_AT_END]);
	values[4] = Int64GetDatum(state->v[CH_AT_END] - state->v[CH_RETAINED]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
