/*-------------------------------------------------------------------------
 *
 * keyset.h
 *	  An exact set of distinct customer keys with a small payload per key,
 *	  shared by every metric that needs per-customer data.
 *
 * A key is an int4/int8 (stored as int64), a text or a uuid value.  Each
 * entry carries a row count and, depending on the state's layout, the first
 * and last purchase time (time between purchases) or a day appended to the
 * key (stickiness counts distinct (user, day) pairs).
 *
 * In memory the set is an expanded object (utils/expandeddatum.h): an open
 * addressing hash table with linear probing and backward-shift deletion,
 * updated in place by the transition functions and flattened only when the
 * value leaves the aggregate (a stored rollup, a parallel worker's partial
 * state, text or binary output).  The flat form is varint encoded, in hash
 * order (the table's) or key order; see keyset.c for both formats.
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

/* Key kinds; a state's kind is fixed by its first key. */
typedef enum KsKeyKind
{
	KS_KEY_NONE = 0,			/* empty set: no key yet */
	KS_KEY_INT = 1,				/* int4 or int8 */
	KS_KEY_TEXT = 2,
	KS_KEY_UUID = 3
} KsKeyKind;

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
	bool		has_range;		/* a span state with a period range (see range_kind) */
} KsDesc;

typedef struct KeySet
{
	ExpandedObjectHeader hdr;
	const KsDesc *desc;
	uint8		keykind;		/* KsKeyKind */
	bool		varkeys;		/* keys are byte strings (not int64) */
	bool		param_set;
	int32		param;
	uint32		seed;			/* of the hash (see ks_hash_int in keyset.c) */
	int			stride;			/* bytes per slot */
	int			count_off;		/* offset of the count in a slot */
	int			shift;			/* 32 - log2(capacity): home = hash >> shift */
	uint64		capacity;		/* slots, a power of 2, or 0 */
	uint64		nentries;
	char	   *slots;
	/* key bytes of a varkeys set live in a list of arena chunks */
	void	   *chunks;
	char	   *arena;
	Size		arena_left;
	Size		live_bytes;
	Size		dead_bytes;
	/*
	 * Running summaries, kept by ks_merge_entry so that final functions are
	 * O(1) and sliding windows stay O(rows): rows (sum of counts), customers
	 * with 2+ rows, customers with at least param rows, and the sum of
	 * last - first (which is 0 for a customer with one row).
	 */
	int64		total;
	uint64		nge2;
	uint64		ngeparam;
#ifdef HAVE_INT128
	int128		span_sum;
#else
	long double span_sum;
#endif
	/* cohort layout: the period (whole months, or microseconds) */
	bool		period_set;
	int32		period_months;
	int64		period_usecs;
	/*
	 * A span state with a period (returning_customer_rate): the kind of the
	 * range (a PeriodKind; 0 while none is set) and its bounds in
	 * microseconds (period.h).  Every entry's last time is before the end.
	 */
	uint8		range_kind;
	int64		range_start;
	int64		range_end;
	/* cohort layout: the TimeZone of timestamptz rows (NULL: none yet) */
	char	   *zone;
	const void *zone_tz;		/* the pg_tz zone was last checked against */
	/* stickiness: distinct users (with their day counts) and days */
	struct KeySet *users;
	struct KeySet *days;
	/* stickiness: the first and last day, or a bound whose day has left */
	int32		day_min;
	int32		day_max;
	bool		day_min_stale;
	bool		day_max_stale;
	/* cached flat image layout (valid while flat_size != 0) */
	bool		flat_fixed;
	bool		flat_merged;	/* the flat form is merged, copied */
	int			flat_version;
	Size		flat_size;
	char	  **sorted;

	/*
	 * Entries added by ks_add_entry but not yet in the table: their home
	 * slots are prefetched when they arrive and they are inserted KS_PENDING
	 * at a time, so that the cache misses of a batch overlap (a set of
	 * millions of customers is far larger than the caches, and one miss per
	 * row was most of the time).  Every other access flushes them first.
	 */
	struct KsPending *pending;	/* KS_PENDING of them, once the table is large */
	int			npending;

	/*
	 * Or the entries are a flat value, the table empty: what merging flat
	 * values of one order gives (a parallel leader merging its workers'
	 * states, an aggregate over stored states), by a k-way merge of the
	 * sorted runs that builds no table.  The running summaries are kept, so
	 * a final function needs no table either; any other access builds it
	 * first (ks_flush).
	 */
	bool		merged_canonical;	/* merged is the form a flatten writes */
	struct KsFlat *merged;

	/*
	 * Flat values combined into the set but not merged yet (the table and
	 * merged empty, or merged of the same order): all in one order, the
	 * key order (version 1) or one hash order (version 2).  ks_read merges
	 * them into merged in O(entries * log runs); ks_flush into the table.
	 */
	int			nruns;
	int			maxruns;
	struct KsFlat **runs;
	Size		runs_bytes;		/* their total size */

	/*
	 * Built by a partial aggregate (a parallel worker's, or a partial
	 * aggregate below a Gather or an Append): its flat form goes to a
	 * combine, not to storage, and is written in hash order (no sort).
	 * Every other set is written in key order, the canonical stored form.
	 */
	bool		partial;
} KeySet;

/* An entry kept back by ks_add_entry. */
typedef struct KsPending
{
	int64		ival;			/* an int key */
	int64		count;
	int64		first;
	int64		last;
	uint32		hash;
	uint8		len;			/* a byte key: its bytes, copied */
	char		bytes[19];		/* KS_INLINE_MAX */
} KsPending;

#define KS_PENDING	16

/*
 * Below this many slots the table fits in the caches and entries are
 * inserted at once: no batch to allocate (a grouped aggregate may hold
 * millions of small sets).
 */
#define KS_BATCH_MIN_SLOTS	8192

/* A key ready for lookup. */
typedef struct KsKey
{
	int64		ival;			/* KS_KEY_INT without a day */
	const char *ptr;			/* otherwise the key bytes */
	uint32		len;
	uint32		hash;
} KsKey;

/* Slot accessors. */
#define KS_COUNT(ks, e)		(*(int64 *) ((e) + (ks)->count_off))
#define KS_FIRST(ks, e)		(*(int64 *) ((e) + (ks)->count_off + 8))
#define KS_LAST(ks, e)		(*(int64 *) ((e) + (ks)->count_off + 16))
#define KS_IKEY(e)			(*(int64 *) (e))

/*
 * Cohort slots: the cohort start, periods 0-63 as a bit word, and NULL or
 * an array of more words, ext[0] the number allocated after it (periods
 * 64 and up; allocated in the set's context).
 */
#define KS_START(ks, e)		(*(int64 *) ((e) + (ks)->count_off + 8))
#define KS_BITS(ks, e)		(*(uint64 *) ((e) + (ks)->count_off + 16))
#define KS_EXT(ks, e)		(*(uint64 **) ((e) + (ks)->count_off + 24))

/*
 * The highest period index a cohort bitmap holds: at most 10 million
 * periods (a bitmap of 1.25 MB per customer at worst, a result array of
 * 80 MB), checked before anything is allocated (54000): a period of a
 * microsecond over minutes of activity would otherwise allocate megabytes
 * per row.  Daily periods over 27 000 years, or the whole date range in
 * years, fit.
 */
#define KS_MAX_PERIOD		((int64) 9999999)

/*
 * The key part of a slot of a byte-string keyed set (text, uuid, day keys):
 * 24 bytes, 8-aligned.  A key of up to KS_INLINE_MAX bytes (a uuid, an int
 * key with a day, most customer ids) is kept in the slot itself, so that
 * finding it touches one cache line and no arena; a longer key lives in the
 * set's arena and the slot holds its length and a pointer.  The full hash
 * is in the slot either way: a probe that meets another customer's slot
 * nearly always stops at the hash, and growing and deleting never rehash.
 * A slot whose count is 0 is empty and all zeros.
 */
#define KS_INLINE_MAX		19
#define KS_KEY_OUTLINE		0xFF	/* tag of a key kept in the arena */

typedef struct KsVarKey
{
	uint32		hash;
	uint8		tag;			/* length (0 .. KS_INLINE_MAX), or KS_KEY_OUTLINE */
	char		bytes[KS_INLINE_MAX];	/* the key, when inline */
} KsVarKey;

typedef struct KsLongKey
{
	uint32		hash;
	uint8		tag;			/* KS_KEY_OUTLINE */
	uint32		len;
	char	   *ptr;			/* the key in the arena */
} KsLongKey;

#define KS_VKEY(e)			((KsVarKey *) (e))
#define KS_LKEY(e)			((KsLongKey *) (e))
#define KS_VKEY_SIZE		24

StaticAssertDecl(sizeof(KsVarKey) == KS_VKEY_SIZE && sizeof(KsLongKey) == KS_VKEY_SIZE,
				 "a byte key takes 24 bytes of a slot");

/* The bytes and the length of a byte key in a slot. */
static inline const char *
ks_vkey_ptr(const char *e)
{
	return KS_VKEY(e)->tag == KS_KEY_OUTLINE ? KS_LKEY(e)->ptr : KS_VKEY(e)->bytes;
}

static inline uint32
ks_vkey_len(const char *e)
{
	return KS_VKEY(e)->tag == KS_KEY_OUTLINE ? KS_LKEY(e)->len : KS_VKEY(e)->tag;
}

/*
 * The home slot of a hash: its top bits, so that slot order is hash order
 * whatever the capacity (see "Flat form" in keyset.c).
 */
static inline uint64
ks_home(const KeySet *ks, uint32 hash)
{
	return hash >> ks->shift;
}

/* Iterate over the live slots of a set. */
#define KS_FOREACH(ks, e, i) \
	for ((i) = 0; (i) < (ks)->capacity; (i)++) \
		if (KS_COUNT((ks), (e) = (ks)->slots + (i) * (ks)->stride) != 0)

/*
 * The state a transition or combine function updates: argument argno
 * updated in place when it is a read-write expanded keyset, otherwise a new
 * set (in the aggregate context when called as an aggregate) holding a copy.
 */
extern KeySet *ks_for_update(FunctionCallInfo fcinfo, int argno, const KsDesc *desc);

/* A new empty set allocated in cxt (a helper set, not an expanded datum). */
extern KeySet *ks_create(const KsDesc *desc, MemoryContext cxt, uint8 kind);

/* A keyset argument for reading (expanded if it arrives flat). */
extern KeySet *ks_read(FunctionCallInfo fcinfo, int argno, const KsDesc *desc);

#define KS_RETURN(ks)	PG_RETURN_DATUM(EOHPGetRWDatum(&(ks)->hdr))

/*
 * Build the key of row argument keyarg, of type keytype (a constant of the
 * entry point: see customer_key.h), with a day appended when day_key.  Sets
 * the set's key kind on the first key and checks it on the others.
 */
extern void ks_row_key(FunctionCallInfo fcinfo, KeySet *ks, int keyarg,
					   CustomerKeyType keytype, bool day_key, int32 day, KsKey *key);

/* Find a key, inserting an entry with count 0 when absent. */
extern char *ks_insert(KeySet *ks, const KsKey *key, bool *found);

/* Find a key; NULL when absent. */
extern char *ks_find(KeySet *ks, const KsKey *key);

/*
 * Add (sign > 0) or remove (sign < 0) count rows of a customer, with the
 * first and last purchase times of a span layout.
 */
extern void ks_merge_entry(KeySet *ks, const KsKey *key, int64 count,
						   int64 first, int64 last, int sign);

/* Remove an entry found with ks_find or ks_insert. */
extern void ks_delete(KeySet *ks, char *entry);

/*
 * Cohort layout: mark a customer (cohort start start) active in period
 * index period (0 .. KS_MAX_PERIOD).  A customer with another cohort start
 * already in the set is an error (22023).
 */
extern void ks_cohort_mark(KeySet *ks, const KsKey *key, int64 start, int64 period);

/* Cohort layout: set the period, or check it equals the set's (22023). */
extern void ks_set_period(KeySet *ks, int32 months, int64 usecs);

/* Cohort layout: the number of bit words of a customer and word i. */
static inline uint64
ks_cohort_nwords(const KeySet *ks, const char *e)
{
	const uint64 *ext = KS_EXT(ks, e);

	return ext ? 1 + ext[0] : 1;
}

static inline uint64
ks_cohort_word(const KeySet *ks, const char *e, uint64 i)
{
	return i == 0 ? KS_BITS(ks, e) : KS_EXT(ks, e)[i];
}

/*
 * Cohort layout: a valid period is whole months (months >= 1, no
 * microseconds) or a positive number of microseconds (no months).
 */
static inline bool
ks_valid_period(int64 months, int64 usecs)
{
	return months > 0 ? (months <= PG_INT32_MAX && usecs == 0) : (months == 0 && usecs > 0);
}

/*
 * Cohort layout: the time zone the periods of timestamptz rows are counted
 * in, set on first use; 22023 when it differs (ks_set_session_zone: the
 * session's TimeZone).
 */
extern void ks_set_zone(KeySet *ks, const char *name, Size len);
extern void ks_set_session_zone(KeySet *ks);

/* A period as text: "<n>mon", "<n>d" or "<n>us". */
extern void ks_format_period(StringInfo buf, int32 months, int64 usecs);

/*
 * The period of a state with one (KsDesc.has_range): set on first use.
 * From a row (later_wins false) it must equal the set's, 22023 otherwise.
 * From a merged state (later_wins true) the period with the later end is
 * kept, whose history includes the other's entries; the same end with
 * another start or another kind of range is 22023.
 */
extern void ks_set_range(KeySet *ks, uint8 kind, int64 start, int64 end, bool later_wins);

/*
 * Span layout: the customers whose last time is at or after t, and of
 * those the ones whose first time is before t (reads a merged flat value
 * without building the table).
 */
extern void ks_count_since(KeySet *ks, int64 t, uint64 *active, uint64 *returning);

/*
 * A pointer in the per-call-site cache of ks_row_key (which owns
 * fn_extra) for the caller's own cache, NULL until the caller sets it.
 */
extern void **ks_fn_extra(FunctionCallInfo fcinfo);

/* The state's parameter: set on first use, 22023 when it differs. */
extern void ks_set_param(KeySet *ks, int32 value);

/* Stickiness: the first and last of the distinct days (some day exists). */
extern void ks_day_range(KeySet *ks, int32 *dmin, int32 *dmax);

/* A day-keyed entry's day and the length of its customer part. */
extern int32 ks_entry_day(const char *bytes, uint32 len);

/* Insert the rows ks_add_row has kept back. */
extern void ks_flush_rows(KeySet *ks);

/* Build the table of a set held as flat values (see merged and runs). */
extern void ks_materialize(KeySet *ks);

/* Make the table complete: every access to it calls this first. */
static inline void
ks_flush(KeySet *ks)
{
	if (unlikely(ks->npending > 0))
		ks_flush_rows(ks);
	if (unlikely(ks->merged != NULL || ks->nruns > 0))
		ks_materialize(ks);
}

/*
 * ks_merge_entry(ks, key, count, first, last, 1) for the count and span
 * layouts, deferred (see npending) unless the key is a byte string longer
 * than KS_INLINE_MAX; errors such as the size limit come when the batch is
 * inserted.  ks_add_row adds one row (first = last = its purchase time).
 */
extern void ks_add_entry(KeySet *ks, const KsKey *key, int64 count,
						 int64 first, int64 last);

static inline void
ks_add_row(KeySet *ks, const KsKey *key, int64 t)
{
	ks_add_entry(ks, key, 1, t, t);
}

/* Mark cached flat layout stale (after any change). */
static inline void
ks_changed(KeySet *ks)
{
	ks->flat_size = 0;
}

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
 * symbols retention_define_state() in sql/install/00_machinery.sql expects.
 */
#define KEYSET_STATE_FUNCTIONS(prefix, desc) \
	KEYSET_WRAPPER(prefix##_in, ks_in, desc) \
	KEYSET_WRAPPER(prefix##_out, ks_out, desc) \
	KEYSET_WRAPPER(prefix##_recv, ks_recv, desc) \
	KEYSET_WRAPPER(prefix##_send, ks_send, desc) \
	KEYSET_WRAPPER(prefix##_combine, ks_combine, desc) \
	KEYSET_WRAPPER(prefix##_uncombine, ks_uncombine, desc)

#endif							/* RETENTION_KEYSET_H */
