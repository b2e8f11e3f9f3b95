/*-------------------------------------------------------------------------
 *
 * period.h
 *	  The period argument of the metrics measured over a period (dso,
 *	  churn_rate, retention_rate): checking it, caching it per call site,
 *	  and writing and reading its bounds in a state's text form.
 *
 * A period is a range [start, end) of dates, timestamps or timestamps with
 * time zone, with finite bounds, the same in every row of a group.  Which
 * rows count within it is each metric's own business.
 *
 * States store both bounds as int64 microseconds since 2000-01-01 (a date
 * at midnight, a timestamptz in UTC), whatever the range's kind, limited to
 * the years 1 to 9999.  One unit for every kind because a state's text form
 * prints and parses one field at a time (RetStateDesc.format_param sees a
 * value, not the kind): in each subtype's own unit, "2026-01-01" could mean
 * a day number or a microsecond count, and churn_state, one type for three
 * kinds, could be forged into a wrong period; in days, timestamps would not
 * fit.  The years 1 to 9999 are what every date and timestamp converts to
 * microseconds exactly and what ISO 8601's four-digit years print; no
 * business period lies outside.  The per-row comparisons use the bounds in
 * the subtype's own unit (Period.lo and hi), which the cache keeps too, so
 * no row converts anything.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_PERIOD_H
#define RETENTION_PERIOD_H

#include "postgres.h"
#include "fmgr.h"
#include "datatype/timestamp.h"
#include "lib/stringinfo.h"
#include "utils/typcache.h"

/* The kind of a period, by its range's subtype; 0 is none. */
typedef enum PeriodKind
{
	PERIOD_DATE = 1,
	PERIOD_TIMESTAMP = 2,
	PERIOD_TIMESTAMPTZ = 3
} PeriodKind;

/* Bounds lie in [0001-01-01, 10000-01-01): microseconds since 2000-01-01. */
#define PERIOD_MIN_USEC		((int64) (1721426 - POSTGRES_EPOCH_JDATE) * USECS_PER_DAY)	/* date2j(1,1,1) */
#define PERIOD_END_USEC		((int64) (5373485 - POSTGRES_EPOCH_JDATE) * USECS_PER_DAY)	/* date2j(10000,1,1) */

/* A range bound's value as an int64 in the subtype's own unit. */
static inline int64
period_bound_value(PeriodKind kind, Datum d)
{
	/* a DateADT is an int32 Datum, a (tz) timestamp an int64 */
	return kind == PERIOD_DATE ? (int64) DatumGetInt32(d) : DatumGetInt64(d);
}

/* A checked period. */
typedef struct Period
{
	int64		lo,				/* bounds in the subtype's unit: days for a */
				hi;				/* date, microseconds for a timestamp */
	int64		start,			/* bounds as states store them: */
				end;			/* microseconds (see above) */
} Period;

/* A period's bytes up to this size are cached (the three kinds need ~30). */
#define PERIOD_CACHE_BYTES	64

/*
 * Per call site (fn_extra), so that the usual constant period is checked
 * once, not per row: its bytes after the varlena header, and its bounds.
 */
typedef struct PeriodCache
{
	TypeCacheEntry *range;		/* the period's range type */
	PeriodKind	kind;
	int			null_errcode;	/* SQLSTATE of a NULL period */
	bool		constant;		/* the argument is a constant of the query */
	bool		constant_valid; /* ... and value holds it, checked */
	Size		len;			/* 0: nothing cached */
	char		bytes[PERIOD_CACHE_BYTES];
	Period		value;
} PeriodCache;

/* The kind of a range subtype, or 0 when periods of it are not supported. */
extern PeriodKind period_kind_of(Oid subtype);

/* "daterange", "tsrange", "tstzrange"; NULL for another value. */
extern const char *period_kind_name(int64 kind);

/*
 * Set up a cache embedded in the caller's fn_extra, for a period of range
 * type rangetype; null_errcode is what a NULL period raises.
 */
extern void period_cache_init(PeriodCache *pc, Oid rangetype, int null_errcode);

/*
 * Note whether argument argno is a constant of the query (a literal period,
 * the usual case), so that period_arg can skip even the comparison.
 */
extern void period_cache_note_constant(PeriodCache *pc, FunctionCallInfo fcinfo,
									   int argno);

/*
 * The PeriodCache of argument argno, of range type rangetype (fixed by the
 * SQL signature: never read from the call expression, which Citus does not
 * pass), as the whole of fn_extra.
 */
extern PeriodCache *period_cache(FunctionCallInfo fcinfo, int argno, Oid rangetype,
								 int null_errcode);

/* Read and check a period argument that is not the cached one. */
extern const Period *period_arg_slow(FunctionCallInfo fcinfo, int argno, PeriodCache *pc);

/*
 * The period argument argno, checked: NULL raises pc->null_errcode; empty,
 * unbounded, infinite, not [) or outside the years 1 to 9999 raise 22023.
 * A constant period is checked once; otherwise the same bytes as the last
 * valid period cost one memcmp, read in place whatever the varlena header.
 */
static inline const Period *
period_arg(FunctionCallInfo fcinfo, int argno, PeriodCache *pc)
{
	if (likely(pc->constant_valid))
		return &pc->value;
	if (likely(!PG_ARGISNULL(argno)))
	{
		struct varlena *v = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));

		if (likely(!VARATT_IS_EXTENDED(v) || VARATT_IS_SHORT(v)) &&
			likely(VARSIZE_ANY_EXHDR(v) == pc->len &&
				   memcmp(VARDATA_ANY(v), pc->bytes, pc->len) == 0))
			return &pc->value;
	}
	return period_arg_slow(fcinfo, argno, pc);
}

/*
 * A stored period's problem as a sentence for errdetail, or NULL: bounds
 * outside the years 1 to 9999, start not before end, or a date period with
 * a bound that is not a midnight.
 */
extern const char *period_problem(PeriodKind kind, int64 start, int64 end);

/*
 * A stored bound in a state's text form: "2026-01-01" at midnight, else
 * "2026-01-01T12:30:00" with ".250000" when it has fractions (UTC for a
 * timestamptz).  Parsing accepts exactly that spelling, so a state has one
 * text form.
 */
extern void period_format_bound(StringInfo buf, int64 usec);
extern bool period_parse_bound(const char *text, int64 *usec);

#endif							/* RETENTION_PERIOD_H */
