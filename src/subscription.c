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
 * The period is checked, cached and stored as period.h says (bounds in
 * microseconds whatever the kind, years 1 to 9999), plus the range kind, so
 * that states of different kinds with the same bounds refuse to merge too.
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
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/multirangetypes.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "period.h"
#include "state.h"

/* Fields of churn_state. */
enum
{
	CH_AT_START, CH_RETAINED, CH_AT_END, CH_RANGE, CH_PERIOD_START, CH_PERIOD_END
};

/* ---------- the state and its text form ---------- */

static const RetField churn_fields[] = {
	{"at_start", RF_COUNT}, {"retained", RF_COUNT}, {"at_end", RF_COUNT},
	{"range", RF_PARAM}, {"period_start", RF_PARAM}, {"period_end", RF_PARAM}
};

static void
churn_format_param(StringInfo buf, int field, int64 value)
{
	if (field != CH_RANGE)
		period_format_bound(buf, value);
	else if (period_kind_name(value) != NULL)
		appendStringInfoString(buf, period_kind_name(value));
	else
		appendStringInfo(buf, "invalid:" INT64_FORMAT, value);
}

static bool
churn_parse_param(int field, const char *text, int64 *value)
{
	if (field == CH_RANGE)
	{
		int			k;

		for (k = PERIOD_DATE; k <= PERIOD_TIMESTAMPTZ; k++)
			if (strcmp(text, period_kind_name(k)) == 0)
			{
				*value = k;
				return true;
			}
		return false;
	}
	return period_parse_bound(text, value);
}

/* Whole-state rule: retained customers are counted at start and at end. */
static const char *
churn_check(const int64 *v, bool params_set)
{
	const char *problem;

	if (!params_set)
	{
		if (v[CH_AT_START] != 0 || v[CH_AT_END] != 0 || v[CH_RETAINED] != 0)
			return "It counts customers but has no period.";
		return NULL;
	}
	if (period_kind_name(v[CH_RANGE]) == NULL)
		return psprintf("Range kind " INT64_FORMAT " is unknown.", v[CH_RANGE]);
	problem = period_problem(v[CH_RANGE], v[CH_PERIOD_START], v[CH_PERIOD_END]);
	if (problem)
		return problem;
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
 * the first row and kept in fn_extra, with the cache of the period.
 */
typedef struct ChurnTypes
{
	TypeCacheEntry *range;		/* the activity's range type (the period's) */
	PeriodKind	kind;			/* of the range's subtype */
	PeriodCache period;
} ChurnTypes;

/*
 * The argument types of this call, looked up on the first row.  They come
 * from the datums, never from the call expression (Citus calls transition
 * functions without one): the period's range type is the activity's range
 * type, or its multirange's, by the SQL signatures.  A row whose period and
 * activity are both NULL has no type to read; the period is required, so
 * that row is the NULL-period error.
 */
static pg_noinline ChurnTypes *
churn_types_lookup(FunctionCallInfo fcinfo, bool multirange)
{
	ChurnTypes *ct;
	TypeCacheEntry *tc = NULL;	/* ereport(ERROR) below does not return */
	PeriodKind	kind;

	if (!PG_ARGISNULL(2))
		tc = lookup_type_cache(RangeTypeGetOid(PG_GETARG_RANGE_P(2)), TYPECACHE_RANGE_INFO);
	else if (!PG_ARGISNULL(1) && multirange)
		tc = lookup_type_cache(MultirangeTypeGetOid(PG_GETARG_MULTIRANGE_P(1)),
							   TYPECACHE_MULTIRANGE_INFO)->rngtype;
	else if (!PG_ARGISNULL(1))
		tc = lookup_type_cache(RangeTypeGetOid(PG_GETARG_RANGE_P(1)), TYPECACHE_RANGE_INFO);
	else
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("period must not be null"),
				 errhint("A period is a bounded range [start, end), the same in every row of a group.")));
	if (tc == NULL || tc->rngelemtype == NULL)
		elog(ERROR, "the activity's type is not a range or multirange type");
	kind = period_kind_of(tc->rngelemtype->type_id);
	if (kind == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("activity of type %s is not supported", format_type_be(tc->type_id)),
				 errhint("Use a daterange, tsrange or tstzrange, or a multirange of one.")));

	ct = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ChurnTypes));
	ct->range = tc;
	ct->kind = kind;
	period_cache_init(&ct->period, tc->type_id, ERRCODE_NULL_VALUE_NOT_ALLOWED);
	period_cache_note_constant(&ct->period, fcinfo, 2);
	fcinfo->flinfo->fn_extra = ct;
	return ct;
}

static inline ChurnTypes *
churn_types(FunctionCallInfo fcinfo, bool multirange)
{
	ChurnTypes *ct = (ChurnTypes *) fcinfo->flinfo->fn_extra;

	return likely(ct != NULL) ? ct : churn_types_lookup(fcinfo, multirange);
}

/* ---------- the period ---------- */

/*
 * Read and check the period argument (a NULL one is 22004, null value not
 * allowed, as in dso) and return it; the state's parameters are set or
 * checked.
 */
static pg_noinline void
churn_set_period(ChurnTypes *ct, RetState *state, const Period *p)
{
	int64		params[3];

	params[0] = ct->kind;
	params[1] = p->start;
	params[2] = p->end;
	ret_state_set_params(&churn_desc, state, params);
}

static pg_attribute_always_inline const Period *
churn_period(FunctionCallInfo fcinfo, ChurnTypes *ct, RetState *state)
{
	const Period *p = period_arg(fcinfo, 2, &ct->period);

	/* the usual case, inline: the group already has this period */
	if (unlikely(!(state->flags & RS_PARAMS_SET) ||
				 state->v[CH_PERIOD_START] != p->start ||
				 state->v[CH_PERIOD_END] != p->end ||
				 state->v[CH_RANGE] != ct->kind))
		churn_set_period(ct, state, p);
	return p;
}

/* ---------- containment ---------- */

/*
 * Containment of a point p in a range with bounds l and u (days or
 * microseconds, as the period's).  A missing or infinite bound is the
 * extreme int64, which lies beyond every period bound.
 */
static inline bool
above_lower(int64 p, int64 l, bool linc)
{
	return p > l || (p == l && linc);
}

static inline bool
below_upper(int64 p, int64 u, bool uinc)
{
	return p < u || (p == u && uinc);
}

/* range_has_points() results: the range contains lo, hi. */
#define HAS_LO		0x01
#define HAS_HI		0x02

/*
 * Which of the points lo and hi a range contains (HAS_LO | HAS_HI; 0 for an
 * empty range).  A bit mask rather than two output arguments: this runs
 * once per row, and no local variable has its address taken.
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
static inline int
range_has_points(const char *data, Size len, PeriodKind kind, int64 lo, int64 hi)
{
	char		flags = data[len - 1];
	const char *ptr = data + sizeof(Oid);
	int64		l = PG_INT64_MIN,
				u = PG_INT64_MAX;
	bool		linc = true,
				uinc = true;

	if (flags & RANGE_EMPTY)
		return 0;
	if (kind == PERIOD_DATE)
	{
		DateADT		d;

		/* a date is int4-aligned, and the value after the OID is aligned */
		if (RANGE_HAS_LBOUND(flags))
		{
			memcpy(&d, ptr, sizeof(d));
			l = d;
			linc = (flags & RANGE_LB_INC) != 0;
			ptr += sizeof(DateADT);
		}
		if (RANGE_HAS_UBOUND(flags))
		{
			memcpy(&d, ptr, sizeof(d));
			u = d;
			uinc = (flags & RANGE_UB_INC) != 0;
		}
	}
	else
	{
		/* a timestamp is double-aligned; the OID ends at offset 8 */
		if (RANGE_HAS_LBOUND(flags))
		{
			memcpy(&l, ptr, sizeof(l));
			linc = (flags & RANGE_LB_INC) != 0;
			ptr += sizeof(int64);
		}
		if (RANGE_HAS_UBOUND(flags))
		{
			memcpy(&u, ptr, sizeof(u));
			uinc = (flags & RANGE_UB_INC) != 0;
		}
	}
	return (above_lower(lo, l, linc) && below_upper(lo, u, uinc) ? HAS_LO : 0) |
		(above_lower(hi, l, linc) && below_upper(hi, u, uinc) ? HAS_HI : 0);
}

/* A multirange contains the point: bisection over its sorted ranges. */
static bool
multirange_has(TypeCacheEntry *rng, const MultirangeType *mr, PeriodKind kind, int64 p)
{
	uint32		lo = 0,
				hi = mr->rangeCount;

	while (lo < hi)
	{
		uint32		mid = lo + (hi - lo) / 2;
		RangeBound	lower,
					upper;

		multirange_get_bounds(rng, mr, mid, &lower, &upper);
		if (!lower.infinite &&
			!above_lower(p, period_bound_value(kind, lower.val), lower.inclusive))
			hi = mid;
		else if (!upper.infinite &&
				 !below_upper(p, period_bound_value(kind, upper.val), upper.inclusive))
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
	ChurnTypes *ct = churn_types(fcinfo, false);
	const Period *p = churn_period(fcinfo, ct, state);

	if (!PG_ARGISNULL(1))
	{
		struct varlena *act = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(1));
		int			has;

		/* compressed or out of line (never for a range this small): detoast */
		if (VARATT_IS_EXTENDED(act) && !VARATT_IS_SHORT(act))
			act = PG_DETOAST_DATUM(PG_GETARG_DATUM(1));
		has = range_has_points(VARDATA_ANY(act), VARSIZE_ANY_EXHDR(act), ct->kind,
							   p->lo, p->hi);
		if (has)
			churn_count(state, (has & HAS_LO) != 0, (has & HAS_HI) != 0, delta);
	}
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(churn_sfunc, churn_inv, churn_step)

/* churn_rate(activity anymultirange-of-date/ts/tstz, period) */
static Datum
churn_multi_step(FunctionCallInfo fcinfo, int64 delta)
{
	RetState   *state = ret_state_for_update(fcinfo, &churn_desc);
	ChurnTypes *ct = churn_types(fcinfo, true);
	const Period *p = churn_period(fcinfo, ct, state);

	if (!PG_ARGISNULL(1))
	{
		MultirangeType *act = PG_GETARG_MULTIRANGE_P(1);

		if (!MultirangeIsEmpty(act))
			churn_count(state,
						multirange_has(ct->range, act, ct->kind, p->lo),
						multirange_has(ct->range, act, ct->kind, p->hi),
						delta);
	}
	PG_RETURN_POINTER(state);
}

RETENTION_STEP_FUNCTIONS(churn_multi_sfunc, churn_multi_inv, churn_multi_step)

/* ---------- final functions ---------- */

PG_FUNCTION_INFO_V1(churn_rate_final);
Datum
churn_rate_final(PG_FUNCTION_ARGS)
{
	RetState   *state = ret_state_arg(fcinfo, 0, &churn_desc);
	int64		n = state->v[CH_AT_START];

	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (double) (n - state->v[CH_RETAINED]) / (double) n);
}

PG_FUNCTION_INFO_V1(retention_rate_final);
Datum
retention_rate_final(PG_FUNCTION_ARGS)
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
