/*-------------------------------------------------------------------------
 *
 * period.c
 *	  The period argument shared by dso and churn_rate/retention_rate:
 *	  its checks and their errors, the per-call-site cache of a constant
 *	  period, and the text form of its bounds in states.  See period.h for
 *	  how bounds are stored and why.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_aggregate.h"
#include "catalog/pg_type.h"
#include "nodes/primnodes.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/rangetypes.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "period.h"

static const char *const kind_names[] = {NULL, "daterange", "tsrange", "tstzrange"};

/* A correct period of each kind, for hints. */
static const char *const kind_examples[] = {
	"daterange('2026-01-01', '2026-02-01')",
	"daterange('2026-01-01', '2026-02-01')",
	"tsrange('2026-01-01', '2026-02-01')",
	"tstzrange('2026-01-01 00:00+00', '2026-02-01 00:00+00')"
};

static inline bool
usec_in_span(int64 t)
{
	return t >= PERIOD_MIN_USEC && t < PERIOD_END_USEC;
}

PeriodKind
period_kind_of(Oid subtype)
{
	switch (subtype)
	{
		case DATEOID:
			return PERIOD_DATE;
		case TIMESTAMPOID:
			return PERIOD_TIMESTAMP;
		case TIMESTAMPTZOID:
			return PERIOD_TIMESTAMPTZ;
		default:
			return 0;
	}
}

const char *
period_kind_name(int64 kind)
{
	return kind >= PERIOD_DATE && kind <= PERIOD_TIMESTAMPTZ ? kind_names[kind] : NULL;
}

void
period_cache_init(PeriodCache *pc, Oid rangetype, int null_errcode)
{
	TypeCacheEntry *tc = lookup_type_cache(rangetype, TYPECACHE_RANGE_INFO);

	if (tc->rngelemtype == NULL)
		elog(ERROR, "type %u is not a range type", rangetype);
	memset(pc, 0, sizeof(PeriodCache));
	pc->range = tc;
	pc->kind = period_kind_of(tc->rngelemtype->type_id);
	if (pc->kind == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("period of type %s is not supported", format_type_be(rangetype)),
				 errhint("Use a daterange, tsrange or tstzrange.")));
	pc->null_errcode = null_errcode;
}

/*
 * Whether the Aggref is our own aggregate's, whose transition function this
 * is.  Citus runs our transition function inside its own aggregate
 * (worker_partial_agg(aggregate, args...)), whose Aggref has other
 * arguments at other positions: reading argument argno there would take
 * another column for the period.  Only the aggregate's own Aggref may say
 * the period is constant; anything else compares the period on every row.
 */
static bool
aggref_calls_us(Aggref *aggref, FunctionCallInfo fcinfo)
{
	HeapTuple	tuple = SearchSysCache1(AGGFNOID, ObjectIdGetDatum(aggref->aggfnoid));
	bool		ours = false;

	if (HeapTupleIsValid(tuple))
	{
		Form_pg_aggregate agg = (Form_pg_aggregate) GETSTRUCT(tuple);

		ours = agg->aggtransfn == fcinfo->flinfo->fn_oid ||
			agg->aggmtransfn == fcinfo->flinfo->fn_oid;
		ReleaseSysCache(tuple);
	}
	return ours;
}

void
period_cache_note_constant(PeriodCache *pc, FunctionCallInfo fcinfo, int argno)
{
	Aggref	   *aggref = AggGetAggref(fcinfo);
	Node	   *arg = NULL;

	/*
	 * Periods are arguments of aggregates only.  The transition function's
	 * call expression has placeholders for arguments; the Aggref has the
	 * real ones (argument argno of the transition function is the
	 * aggregate's argno - 1).  A window aggregate has no Aggref: its period
	 * is compared on every row.
	 */
	if (aggref != NULL && argno >= 1 && argno <= list_length(aggref->args) &&
		aggref_calls_us(aggref, fcinfo))
		arg = (Node *) list_nth_node(TargetEntry, aggref->args, argno - 1)->expr;
	pc->constant = arg != NULL && IsA(arg, Const) && !((Const *) arg)->constisnull;
}

PeriodCache *
period_cache(FunctionCallInfo fcinfo, int argno, Oid rangetype, int null_errcode)
{
	PeriodCache *pc = (PeriodCache *) fcinfo->flinfo->fn_extra;

	if (likely(pc != NULL))
		return pc;
	pc = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(PeriodCache));
	period_cache_init(pc, rangetype, null_errcode);
	period_cache_note_constant(pc, fcinfo, argno);
	fcinfo->flinfo->fn_extra = pc;
	return pc;
}

/* 22023 for a period that cannot be measured, naming it. */
static void pg_attribute_noreturn()
bad_period(PeriodCache *pc, RangeType *r, const char *why)
{
	Oid			outfunc;
	bool		isvarlena;

	getTypeOutputInfo(pc->range->type_id, &outfunc, &isvarlena);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("period %s is %s", OidOutputFunctionCall(outfunc, RangeTypePGetDatum(r)), why),
			 errhint("A period is a bounded range [start, end) between the years 1 and 9999, such as %s.",
					 kind_examples[pc->kind])));
}

/* Ranges up to this size are copied to the stack rather than detoasted. */
typedef union SmallRange
{
	RangeType	r;
	char		bytes[VARHDRSZ + PERIOD_CACHE_BYTES];
	int64		align;
} SmallRange;

const Period *
period_arg_slow(FunctionCallInfo fcinfo, int argno, PeriodCache *pc)
{
	struct varlena *v;
	SmallRange	buf;
	RangeType  *r;
	RangeBound	lower,
				upper;
	bool		empty;
	Period		p;
	Size		len;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(pc->null_errcode),
				 errmsg("period must not be null"),
				 errhint("A period is a bounded range [start, end), such as %s.",
						 kind_examples[pc->kind])));

	/* a short header is usual for a table's value: no palloc for it */
	v = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	if (VARATT_IS_SHORT(v) && VARSIZE_SHORT(v) - VARHDRSZ_SHORT <= PERIOD_CACHE_BYTES)
	{
		len = VARSIZE_SHORT(v) - VARHDRSZ_SHORT;
		memcpy(buf.bytes + VARHDRSZ, VARDATA_SHORT(v), len);
		SET_VARSIZE(buf.bytes, len + VARHDRSZ);
		r = &buf.r;
	}
	else
		r = DatumGetRangeTypeP(PointerGetDatum(v));
	len = VARSIZE(r) - VARHDRSZ;
	if (RangeTypeGetOid(r) != pc->range->type_id)
		elog(ERROR, "period of type %u where %u was expected",
			 RangeTypeGetOid(r), pc->range->type_id);

	range_deserialize(pc->range, r, &lower, &upper, &empty);
	if (empty)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period must not be empty"),
				 errhint("A period is a bounded range [start, end), such as %s.",
						 kind_examples[pc->kind])));
	if (lower.infinite || upper.infinite)
		bad_period(pc, r, "unbounded");
	if (!lower.inclusive || upper.inclusive)
		bad_period(pc, r, "not of the form [start, end)");
	p.lo = period_bound_value(pc->kind, lower.val);
	p.hi = period_bound_value(pc->kind, upper.val);

	/* an 'infinity' bound is unbounded too, whatever the range's flags say */
	if (pc->kind == PERIOD_DATE)
	{
		if (DATE_NOT_FINITE(p.lo) || DATE_NOT_FINITE(p.hi))
			bad_period(pc, r, "unbounded");
		if (p.lo < PERIOD_MIN_USEC / USECS_PER_DAY || p.hi > PERIOD_END_USEC / USECS_PER_DAY - 1)
			bad_period(pc, r, "outside the years 1 to 9999");
		p.start = p.lo * USECS_PER_DAY;
		p.end = p.hi * USECS_PER_DAY;
	}
	else
	{
		if (TIMESTAMP_NOT_FINITE(p.lo) || TIMESTAMP_NOT_FINITE(p.hi))
			bad_period(pc, r, "unbounded");
		if (!usec_in_span(p.lo) || !usec_in_span(p.hi))
			bad_period(pc, r, "outside the years 1 to 9999");
		p.start = p.lo;
		p.end = p.hi;
	}
	/* range input guarantees lo <= hi, and non-empty lo < hi */
	Assert(p.lo < p.hi);

	/* Remember it (a valid period) for the next rows. */
	pc->value = p;
	pc->constant_valid = pc->constant;
	pc->len = 0;
	if (len <= PERIOD_CACHE_BYTES)
	{
		memcpy(pc->bytes, VARDATA(r), len);
		pc->len = len;
	}
	return &pc->value;
}

const char *
period_problem(PeriodKind kind, int64 start, int64 end)
{
	if (!usec_in_span(start) || !usec_in_span(end))
		return "A period bound lies outside the years 1 to 9999.";
	if (start >= end)
		return "The period is empty: its start is not before its end.";
	if (kind == PERIOD_DATE && (start % USECS_PER_DAY != 0 || end % USECS_PER_DAY != 0))
		return "A daterange period has a bound that is not a date.";
	return NULL;
}

void
period_format_bound(StringInfo buf, int64 usec)
{
	struct pg_tm tm;
	fsec_t		fsec;

	if (!usec_in_span(usec) || timestamp2tm(usec, NULL, &tm, &fsec, NULL, NULL) != 0)
	{
		/* only a corrupt value gets here; print something that will not parse */
		appendStringInfo(buf, "invalid:" INT64_FORMAT, usec);
		return;
	}
	appendStringInfo(buf, "%04d-%02d-%02d", tm.tm_year, tm.tm_mon, tm.tm_mday);
	if (usec % USECS_PER_DAY != 0)
	{
		appendStringInfo(buf, "T%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
		if (fsec != 0)
			appendStringInfo(buf, ".%06d", (int) fsec);
	}
}

bool
period_parse_bound(const char *text, int64 *usec)
{
	struct pg_tm tm;
	int			n = 0,
				frac = 0;
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
			frac = atoi(p + 1);
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
	if (tm2timestamp(&tm, frac, NULL, &t) != 0)
		return false;

	/* only the spelling period_format_bound writes: "2026-1-1" is not one */
	initStringInfo(&again);
	period_format_bound(&again, t);
	same = strcmp(again.data, text) == 0;
	pfree(again.data);
	*usec = t;
	return same;
}
