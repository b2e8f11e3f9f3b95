/*-------------------------------------------------------------------------
 *
 * keyset.h
 *	  An exact set of distinct customer keys with a small payload per key,
 *	  shared by every metric that needs per-customer data: the interface
 *	  the metrics use (orders.c, returning.c, cohort*.c).
 *
 * A key is an int4/int8 (stored as int64), a text or a uuid value.  Each
 * entry carries a row count and, depending on the state's layout, the first
 * and last purchase time (time between purchases), a day appended to the
 * key (stickiness counts distinct (user, day) pairs) or a cohort start and
 * the periods the customer was active in (cohort retention).
 *
 * This header owns what a metric needs: the state's description (KsDesc),
 * getting a set for update or for reading, adding and removing rows, the
 * per-layout setters (parameter, period range, cohort period and zone),
 * the summaries a final function reads, a walk over a cohort set's
 * customers, and the SQL-facing I/O wrappers.  KeySet itself is opaque
 * here: its fields, slots and flat forms belong to the keyset*.c files
 * (keyset_int.h), so that the table can change without touching a metric.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_KEYSET_H
#define RETENTION_KEYSET_H

#include "postgres.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/expandeddatum.h"

#include "customer_key.h"

/* Payload layouts, one per state type. */
typedef enum KsLayout
{
	KS_LAYOUT_COUNT = 1,		/* count */
	KS_LAYOUT_SPAN = 2,			/* count, first and last time */
	KS_LAYOUT_DAY = 3,			/* key is (customer, day); count */
	KS_LAYOUT_COHORT = 4		/* count, cohort start, bitmap of periods */
} KsLayout;

typedef struct KsDesc
{
	const char *type_name;		/* SQL type name, for messages */
	KsLayout	layout;
	const char *param_name;		/* an int4 parameter, or NULL */
	bool		has_range;		/* a span state with a period range (ks_set_range) */
} KsDesc;

/* The set: an expanded object whose fields are keyset_int.h's. */
typedef struct KeySet KeySet;

/* A key ready for lookup, built by ks_row_key. */
typedef struct KsKey
{
	int64		ival;			/* an int key without a day */
	const char *ptr;			/* otherwise the key bytes */
	uint32		len;
	uint32		hash;
} KsKey;

/*
 * The highest period index a cohort bitmap holds: at most 10 million
 * periods (a bitmap of 1.25 MB per customer at worst, a result array of
 * 80 MB), checked before anything is allocated (54000): a period of a
 * microsecond over minutes of activity would otherwise allocate megabytes
 * per row.  Daily periods over 27 000 years, or the whole date range in
 * years, fit.
 */
#define KS_MAX_PERIOD		((int64) 9999999)

/* ---------- getting a set ---------- */

/*
 * The state a transition or combine function updates: argument argno
 * updated in place when it is a read-write expanded keyset, otherwise a new
 * set (in the aggregate context when called as an aggregate) holding a copy.
 */
extern KeySet *ks_for_update(FunctionCallInfo fcinfo, int argno, const KsDesc *desc);

/* A keyset argument for reading (expanded if it arrives flat). */
extern KeySet *ks_read(FunctionCallInfo fcinfo, int argno, const KsDesc *desc);

/*
 * The read-write datum of a set, to return or to keep: its expanded-object
 * header comes first (keyset_int.h asserts it), so no call per row.
 */
static inline Datum
ks_datum(KeySet *ks)
{
	return EOHPGetRWDatum((ExpandedObjectHeader *) ks);
}

#define KS_RETURN(ks)	PG_RETURN_DATUM(ks_datum(ks))

/*
 * A pointer in the per-call-site cache of ks_row_key (which owns
 * fn_extra) for the caller's own cache, NULL until the caller sets it.
 */
extern void **ks_fn_extra(FunctionCallInfo fcinfo);

/* ---------- rows ---------- */

/*
 * Build the key of row argument keyarg, of type keytype (a constant of the
 * entry point: see customer_key.h), with a day appended when day_key.  Sets
 * the set's key kind on the first key and checks it on the others.
 */
extern void ks_row_key(FunctionCallInfo fcinfo, KeySet *ks, int keyarg,
					   CustomerKeyType keytype, bool day_key, int32 day, KsKey *key);

/*
 * Add (sign > 0) or remove (sign < 0) count rows of a customer, with the
 * first and last purchase times of a span layout.
 */
extern void ks_merge_entry(KeySet *ks, const KsKey *key, int64 count,
						   int64 first, int64 last, int sign);

/*
 * ks_merge_entry(ks, key, count, first, last, 1), deferred to a batch for
 * the count and span layouts (errors such as the size limit come when the
 * batch is inserted).  ks_add_row adds one row (first = last = its
 * purchase time).
 */
extern void ks_add_entry(KeySet *ks, const KsKey *key, int64 count,
						 int64 first, int64 last);

static inline void
ks_add_row(KeySet *ks, const KsKey *key, int64 t)
{
	ks_add_entry(ks, key, 1, t, t);
}

/*
 * Span layout: remove one row of a customer at time t (a window's inverse
 * transition).  False, and nothing removed, when t is the first or the
 * last of the customer's distinct times and other rows remain: the two
 * bounds kept cannot be recomputed without it.
 */
extern bool ks_remove_span_row(KeySet *ks, const KsKey *key, int64 t);

/* The state's parameter: set on first use, 22023 when it differs. */
extern void ks_set_param(KeySet *ks, int32 value);

/*
 * The period of a state with one (KsDesc.has_range): set on first use.
 * From a row (later_wins false) it must equal the set's, 22023 otherwise.
 * From a merged state (later_wins true) the period with the later end is
 * kept, whose history includes the other's entries; the same end with
 * another start or another kind of range is 22023.
 */
extern void ks_set_range(KeySet *ks, uint8 kind, int64 start, int64 end, bool later_wins);

/*
 * Cohort layout: mark a customer (cohort start start) active in period
 * index period (0 .. KS_MAX_PERIOD).  A customer with another cohort start
 * already in the set is an error (22023).
 */
extern void ks_cohort_mark(KeySet *ks, const KsKey *key, int64 start, int64 period);

/* Cohort layout: set the period, or check it equals the set's (22023). */
extern void ks_set_period(KeySet *ks, int32 months, int64 usecs);

/*
 * Cohort layout: the periods of timestamptz rows are counted in the
 * session's TimeZone, recorded on first use; 22023 when it differs.
 */
extern void ks_set_session_zone(KeySet *ks);

/* ---------- what a final function reads ---------- */

/*
 * The distinct customers of a set; of a stickiness (day layout) set, the
 * distinct users of its (user, day) pairs.
 */
extern uint64 ks_customers(KeySet *ks);

/* The rows added to a set (the sum of the customers' counts). */
extern int64 ks_rows(KeySet *ks);

/* The customers with two rows or more. */
extern uint64 ks_repeat_customers(KeySet *ks);

/* The customers with at least the state's parameter of rows (min_orders). */
extern uint64 ks_customers_reaching_param(KeySet *ks);

/*
 * Span layout: the mean time between a customer's consecutive rows over
 * all customers' gaps (the sum of last - first over rows - customers), in
 * microseconds, rounded; false when no customer has two rows.
 */
extern bool ks_mean_gap(KeySet *ks, int64 *mean);

/* A state with a period (ks_set_range): its start; false while none is set. */
extern bool ks_range_start(KeySet *ks, int64 *start);

/*
 * Span layout: the customers whose last time is at or after t, and of
 * those the ones whose first time is before t (reads a merged flat value
 * without building the table).
 */
extern void ks_count_since(KeySet *ks, int64 t, uint64 *active, uint64 *returning);

/* Stickiness (day layout): the distinct (user, day) pairs. */
extern uint64 ks_user_days(KeySet *ks);

/* Stickiness: the first and last of the distinct days (some day exists). */
extern void ks_day_range(KeySet *ks, int32 *dmin, int32 *dmax);

/* Cohort layout: the period (ks_set_period); 0 and 0 while none is set. */
extern void ks_cohort_period(KeySet *ks, int32 *months, int64 *usecs);

/* Cohort layout: the recorded time zone (ks_set_session_zone), or NULL. */
extern const char *ks_cohort_zone(KeySet *ks);

/*
 * Cohort layout: one customer of a walk over the set (ks_next_cohort_member):
 * its cohort start and the bit words of the periods it was active in, bit
 * p of word w being period w * 64 + p.
 */
typedef struct KsCohortMember
{
	int64		start;			/* the cohort start, microseconds */
	uint64		nwords;			/* bit words, at least 1 */
	uint64		first_word;		/* periods 0-63 */
	const uint64 *more_words;	/* words 1 .. nwords - 1 at [1] .. (not [0]) */
} KsCohortMember;

/*
 * Cohort layout: the next customer of a walk over the set, in no
 * particular order; *position is 0 to begin.  False at the end.
 */
extern bool ks_next_cohort_member(KeySet *ks, uint64 *position, KsCohortMember *member);

/* Word i (0 .. nwords - 1) of a customer's bitmap. */
static inline uint64
ks_member_word(const KsCohortMember *member, uint64 i)
{
	return i == 0 ? member->first_word : member->more_words[i];
}

/* ---------- SQL-facing I/O, combine and uncombine ---------- */

/* Generic SQL-callable implementations, wrapped per type by the macro. */
extern Datum ks_in(FunctionCallInfo fcinfo, const KsDesc *desc);
extern Datum ks_out(FunctionCallInfo fcinfo, const KsDesc *desc);
extern Datum ks_recv(FunctionCallInfo fcinfo, const KsDesc *desc);
extern Datum ks_send(FunctionCallInfo fcinfo, const KsDesc *desc);
extern Datum ks_combine(FunctionCallInfo fcinfo, const KsDesc *desc);
extern Datum ks_uncombine(FunctionCallInfo fcinfo, const KsDesc *desc);

#define KEYSET_WRAPPER(name, impl, desc) \
	PG_FUNCTION_INFO_V1(name); \
	Datum name(PG_FUNCTION_ARGS) { return impl(fcinfo, &(desc)); }

/*
 * Define <prefix>_in, _out, _recv, _send, _combine and _uncombine: the
 * symbols the state types and aggregates of sql/install/ name.
 */
#define KEYSET_STATE_FUNCTIONS(prefix, desc) \
	KEYSET_WRAPPER(prefix##_in, ks_in, desc) \
	KEYSET_WRAPPER(prefix##_out, ks_out, desc) \
	KEYSET_WRAPPER(prefix##_recv, ks_recv, desc) \
	KEYSET_WRAPPER(prefix##_send, ks_send, desc) \
	KEYSET_WRAPPER(prefix##_combine, ks_combine, desc) \
	KEYSET_WRAPPER(prefix##_uncombine, ks_uncombine, desc)

#endif							/* RETENTION_KEYSET_H */
