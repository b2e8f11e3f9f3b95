/*-------------------------------------------------------------------------
 *
 * cohort_wrap.h
 *	  The states of src/cohort_modes.c (cohort_periods_state,
 *	  recurring_retention_state) and src/cohort_brackets.c
 *	  (cohort_retention_brackets_state): a small header of parameters in
 *	  front of a cohort_retention_state, and what the two files share of
 *	  their handling (cohort_modes.c has the machinery; see its header).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_COHORT_WRAP_H
#define RETENTION_COHORT_WRAP_H

#include "postgres.h"
#include "fmgr.h"
#include "datatype/timestamp.h"
#include "pgtime.h"
#include "utils/expandeddatum.h"

#include "keyset.h"

typedef enum WrapKind
{
	WRAP_PERIODS = 1,			/* cohort_periods_state */
	WRAP_RECURRING = 2,			/* recurring_retention_state */
	WRAP_BRACKETS = 3			/* cohort_retention_brackets_state */
} WrapKind;

/* At most this many brackets (the bounds of a row are searched per row). */
#define MAX_BRACKETS		1000

typedef struct WrapState
{
	ExpandedObjectHeader hdr;
	WrapKind	kind;
	bool		params_set;
	uint8		mode;
	bool		has_observed;
	bool		observed_is_date;
	int64		observed;
	int32		nbrackets;		/* brackets: their number and bounds */
	Interval   *brackets;
	Datum		inner;			/* the cohort_retention_state, once set */
	bool		inner_set;
} WrapState;

#define WRAP_BRACKETS_SIZE(n)	((Size) (n) * sizeof(Interval))

/*
 * Per call site (fn_extra): the FmgrInfo under which cohort.c's functions
 * are called (their own fn_extra is keyset.c's cache) and the brackets
 * argument, checked.  Only what may be rebuilt on any row: Citus calls the
 * transition function with a new FmgrInfo for every row.
 */
typedef struct WrapFnCache
{
	FmgrInfo	inner_flinfo;
	/* brackets: the last array argument (its bytes) and its bounds */
	Size		brackets_len;
	char	   *brackets_bytes;
	int32		nbrackets;
	Interval   *brackets;
	/* ... and the bracket bounds of the last cohort start */
	bool		bounds_valid;
	bool		bounds_is_date;
	int64		bounds_start;
	pg_tz	   *bounds_tz;
	int64	   *bounds;
} WrapFnCache;

/* The wrapped state's description, for reading it through keyset.h. */
extern const KsDesc wrapped_desc;

#define WRAP_RETURN(w)	PG_RETURN_DATUM(EOHPGetRWDatum(&(w)->hdr))

/* The per-call-site cache (fn_extra) of a wrapper's functions. */
extern WrapFnCache *wrap_fn_cache(FunctionCallInfo fcinfo);

/* Argument argno to update in place: our own read-write wrapper, or a copy. */
extern WrapState *wrap_for_update(FunctionCallInfo fcinfo, int argno, WrapKind kind);

/* Set the brackets of a wrapper, or check them against its own (22023). */
extern void wrap_set_brackets(WrapState *w, int32 n, const Interval *b);

/* The wrapped set of argument 0, ready to iterate; NULL when empty. */
extern KeySet *wrap_read_set(FunctionCallInfo fcinfo, WrapKind kind, WrapState *view);

/* The combine function of a wrapper type. */
extern Datum wrap_combine(FunctionCallInfo fcinfo, WrapKind kind);

/* A forged or corrupt wrapper: an error naming its type. */
extern void wrap_bad_state(WrapKind kind, int sqlstate, const char *detail) pg_attribute_noreturn();

/*
 * Check every customer of a brackets state's set: a member of the cohort
 * (bit 0) active in no bracket beyond the last (bits 1 .. nbrackets - 1),
 * else sqlstate.  With active not NULL (nbrackets entries, zeroed), count
 * the customers of each bit too.
 */
extern void wrap_brackets_check_members(KeySet *ks, int nbrackets, int sqlstate,
										int64 *active);

/* A date (days) or a timestamptz (microseconds) as text, for messages. */
extern char *wrap_shown_time(bool is_date, int64 v);

/* PostgreSQL's interval order. */
extern int	wrap_interval_cmp(const Interval *a, const Interval *b);

#endif							/* RETENTION_COHORT_WRAP_H */
