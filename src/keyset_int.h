/*-------------------------------------------------------------------------
 *
 * keyset_int.h
 *	  Internals of the distinct-customer set, shared by the files that
 *	  implement it and included by no other: struct KeySet and its running
 *	  summaries, the slot layout and its accessors (KS_COUNT, KS_FOREACH,
 *	  the byte keys, the cohort bit words), the pending batch, the flat
 *	  format and its reader, hashing and encoding helpers, and what the
 *	  keyset files call of each other.  The metrics use keyset.h only;
 *	  what they read per row stays behind its functions or in the static
 *	  inlines here, used by the keyset files.
 *
 *	  keyset.c			the table: creation, hashing, growth, batching, keys of
 *						rows, merging entries, the SQL-facing access, the
 *						summaries a final function reads
 *	  keyset_flat.c		the flat forms (v1, v2), the validating reader, the
 *						expanded-object methods
 *	  keyset_merge.c	the k-way merge of flat runs, combine and uncombine
 *	  keyset_io.c		text and binary I/O
 *	  keyset_cohort.c	cohort bitmaps, the period and the time zone, the walk
 *						over a cohort set's customers
 *	  keyset_days.c		stickiness: its users, days and day range
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_KEYSET_INT_H
#define RETENTION_KEYSET_INT_H

#include "postgres.h"

#include "common/hashfn.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "mb/pg_wchar.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "keyset.h"

/* Key kinds; a state's kind is fixed by its first key. */
typedef enum KsKeyKind
{
	KS_KEY_NONE = 0,			/* empty set: no key yet */
	KS_KEY_INT = 1,				/* int4 or int8 */
	KS_KEY_TEXT = 2,
	KS_KEY_UUID = 3
} KsKeyKind;

struct KeySet
{
	ExpandedObjectHeader hdr;
	const KsDesc *desc;
	uint8		keykind;		/* KsKeyKind */
	bool		varkeys;		/* keys are byte strings (not int64) */
	bool		param_set;
	int32		param;
	uint32		seed;			/* of the hash (see ks_hash_int below) */
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
};

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

/* ks_datum (keyset.h) takes the set for its expanded-object header. */
StaticAssertDecl(offsetof(KeySet, hdr) == 0, "a set begins with its expanded-object header");

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

/* A new empty set allocated in cxt (a helper set, not an expanded datum). */
extern KeySet *ks_create(const KsDesc *desc, MemoryContext cxt, uint8 kind);

/* Find a key, inserting an entry with count 0 when absent. */
extern char *ks_insert(KeySet *ks, const KsKey *key, bool *found);

/* Find a key; NULL when absent. */
extern char *ks_find(KeySet *ks, const KsKey *key);

/* Remove an entry found with ks_find or ks_insert. */
extern void ks_delete(KeySet *ks, char *entry);

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

/* Cohort layout: set the time zone, or check it equals the set's (22023). */
extern void ks_set_zone(KeySet *ks, const char *name, Size len);

/* A period as text: "<n>mon", "<n>d" or "<n>us". */
extern void ks_format_period(StringInfo buf, int32 months, int64 usecs);

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

/* Mark cached flat layout stale (after any change). */
static inline void
ks_changed(KeySet *ks)
{
	ks->flat_size = 0;
}

/*
 * Let a loop over millions of entries (rehash, encode, decode, print) be
 * canceled: statement_timeout and pg_cancel_backend act within a moment.
 */
#define KS_CHECK_INTERRUPTS(i) \
	do { if (((i) & 0xFFFF) == 0) CHECK_FOR_INTERRUPTS(); } while (0)

/* flat format versions: entries in key order, or in (hash, key) order */
#define KS_VERSION_KEY_ORDER	1
#define KS_VERSION_HASH_ORDER	2
/* the text form's version */
#define KS_TEXT_VERSION			1
#define KSF_PARAM_SET		0x01
#define KSF_FIXED			0x02
#define KSF_PERIOD			0x04	/* cohort layout: the period follows */
#define KSF_ZONE			0x08	/* cohort layout: the time zone follows */
#define KSF_RANGE			0x10	/* a span state's period range follows */
#define KSF_KNOWN			(KSF_PARAM_SET | KSF_FIXED | KSF_PERIOD | KSF_ZONE | KSF_RANGE)

#define KS_SIGN_BIT			(UINT64CONST(1) << 63)
#define KS_ARENA_CHUNK		(64 * 1024)
#define KS_DAY_BYTES		4

typedef struct KsFlat
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint8		version;
	uint8		layout;
	uint8		keykind;
	uint8		flags;
	int32		param;
	uint32		reserved;		/* version 2: the seed of its hash order; else 0 */
	uint64		nentries;
	char		data[FLEXIBLE_ARRAY_MEMBER];
} KsFlat;

#define KS_HEADER_SIZE		offsetof(KsFlat, data)

/* The expanded-object methods of a set (keyset_flat.c). */
extern const ExpandedObjectMethods ks_methods;

/* The names of the key kinds, as the text form spells them. */
extern const char *const kind_names[4];

/*
 * Reading a flat value, validated completely as it goes: a value that fails
 * is an error with SQLSTATE sqlstate (see bad_state).  ks_reader_init checks
 * the header (and reads a cohort state's period), each ks_reader_next one
 * entry.  Every flat value goes through here.
 */
typedef struct KsReader
{
	const KsFlat *f;
	const KsDesc *desc;
	int			sqlstate;
	const char *p;
	const char *end;
	bool		fixed;
	bool		varkeys;
	bool		hashorder;
	bool		has_period;
	const char *zone;			/* the time zone (KSF_ZONE), or NULL */
	Size		zonelen;
	int32		period_months;
	int64		period_usecs;
	uint8		range_kind;		/* KSF_RANGE: the period range, else 0 */
	int64		range_start;
	int64		range_end;
	uint32		seed;			/* the entries' hashes are under this seed */
	uint64		i;				/* entries read */
	uint64		prev;			/* version 1: the previous int key, unsigned */
	uint64		prev_start;		/* cohort: the previous start */
	int64		total;			/* the counts so far */
	int64		previval;		/* the previous int key */
	uint32		prevhash;
	const char *prevptr;		/* the previous byte key */
	uint32		prevlen;
} KsReader;

/* One entry; a cohort bitmap is words[0 .. nwords - 1] (one, or palloc'd). */
typedef struct KsEntry
{
	KsKey		key;
	int64		count;
	int64		first;			/* span: first time; cohort: start */
	int64		last;
	uint64	   *words;
	uint64		nwords;
	uint64		one;
} KsEntry;

/*
 * The hash of a key under a seed.  Seed 0 is the unseeded hash of 1.1
 * (murmur3's 64-bit finaliser, which brings every key bit to the low bits
 * used; lookup3 for byte keys): the order of 1.1's hash-ordered values.
 * The finaliser is invertible, so keys chosen by inverting it could put
 * every customer into one probe chain (hash flooding).  So every set
 * hashes under a seed of its statement (ks_statement_seed), which the hash
 * order of a flat value records in its header (see KsFlat.reserved).
 */
static inline uint32
ks_hash_int(int64 v, uint32 seed)
{
	/* the seed spread over 64 bits (the golden ratio's odd multiplier) */
	uint64		x = (uint64) v ^ ((uint64) seed * UINT64CONST(0x9e3779b97f4a7c15));

	x ^= x >> 33;
	x *= UINT64CONST(0xff51afd7ed558ccd);
	x ^= x >> 33;
	x *= UINT64CONST(0xc4ceb9fe1a85ec53);
	x ^= x >> 33;
	return (uint32) x;
}

static inline uint32
ks_hash_bytes(const char *p, uint32 len, uint32 seed)
{
	if (seed == 0)
		return hash_bytes((const unsigned char *) p, len);
	return (uint32) hash_bytes_extended((const unsigned char *) p, len, seed);
}

/* The hash of key under seed (int keys: ival; byte keys: ptr and len). */
static inline uint32
ks_key_hash(bool varkeys, const KsKey *key, uint32 seed)
{
	return varkeys ? ks_hash_bytes(key->ptr, key->len, seed) : ks_hash_int(key->ival, seed);
}

static inline uint32
ks_slot_hash(const KeySet *ks, const char *e)
{
	return ks->varkeys ? KS_VKEY(e)->hash : ks_hash_int(KS_IKEY(e), ks->seed);
}

/* Append a day so that byte order is (customer, day) order. */
static inline void
ks_put_day(char *dst, int32 day)
{
	uint32		u = (uint32) day ^ 0x80000000;

	dst[0] = u >> 24;
	dst[1] = u >> 16;
	dst[2] = u >> 8;
	dst[3] = u;
}

/* An int key as 8 big-endian order-preserving bytes (day-keyed sets). */
static inline void
ks_put_int_bytes(char *dst, int64 v)
{
	uint64		u = (uint64) v ^ KS_SIGN_BIT;
	int			k;

	for (k = 7; k >= 0; k--, u >>= 8)
		dst[k] = (char) (u & 0xff);
}

static inline int64
ks_get_int_bytes(const char *src)
{
	uint64		u = 0;
	int			k;

	for (k = 0; k < 8; k++)
		u = (u << 8) | (unsigned char) src[k];
	return (int64) (u ^ KS_SIGN_BIT);
}

/*
 * A customer's span last - first as an int64 (so that every sum and mean
 * of spans fits): 22003 when it does not, which takes purchases more than
 * 292 277 years apart.
 */
static inline int64
ks_span(const KeySet *ks, int64 first, int64 last)
{
	int64		span;

	if (unlikely(pg_sub_s64_overflow(last, first, &span)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("time between purchases out of range in %s", ks->desc->type_name),
				 errdetail("A customer's purchases from %s to %s span more than 9223372036854775807 microseconds.",
						   pstrdup(timestamptz_to_str(first)), pstrdup(timestamptz_to_str(last))),
				 errhint("Purchase times of one customer lie within about 292 000 years of each other.")));
	return span;
}

/* The number of bit words up to the last non-zero one (at least 1). */
static inline uint64
ks_cohort_used(const KeySet *ks, const char *e)
{
	uint64		n = ks_cohort_nwords(ks, e);

	while (n > 1 && KS_EXT(ks, e)[n - 1] == 0)
		n--;
	return n;
}

static inline char *
put_num(char *p, uint64 v, bool fixed)
{
	if (fixed)
	{
		int			k;

		for (k = 0; k < 8; k++, v >>= 8)
			*p++ = (char) (v & 0xff);
		return p;
	}
	while (v >= 0x80)
	{
		*p++ = (char) ((v & 0x7f) | 0x80);
		v >>= 7;
	}
	*p++ = (char) v;
	return p;
}

static inline uint64
zigzag(int64 v)
{
	/* v >> 63 of a negative v is implementation-defined in C: spell it out */
	return ((uint64) v << 1) ^ (v < 0 ? PG_UINT64_MAX : 0);
}

static inline int
cmp_bytes(const char *a, uint32 alen, const char *b, uint32 blen)
{
	int			r = memcmp(a, b, Min(alen, blen));

	if (r != 0)
		return r;
	return alen < blen ? -1 : alen > blen;
}

/*
 * An int key in the flat form: in key order (version 1) the first key as
 * an order-preserving unsigned value, then the difference to the previous
 * one; in hash order (version 2) the key itself, zigzag encoded.
 */
static inline uint64
ks_int_code(int version, int64 key, uint64 *prev, bool first)
{
	uint64		u = (uint64) key ^ KS_SIGN_BIT;
	uint64		code;

	if (version != KS_VERSION_KEY_ORDER)
		return zigzag(key);
	code = first ? u : u - *prev;
	*prev = u;
	return code;
}

/* Whether the bytes of a text key (without a day) are a valid text value. */
static inline bool
valid_text_bytes(const char *p, uint32 len)
{
	return memchr(p, '\0', len) == NULL && pg_verifymbstr(p, len, true);
}

static inline bool
valid_day(int32 day)
{
	/* finite dates that date_in accepts */
	return day >= -POSTGRES_EPOCH_JDATE && day < DATE_END_JULIAN - POSTGRES_EPOCH_JDATE;
}

/* keyset.c: errors, the table, merging (see each definition) */
extern void bad_state(const KsDesc *desc, int sqlstate, const char *detail) pg_attribute_noreturn();
extern void bad_text(const KsDesc *desc, const char *str, const char *detail) pg_attribute_noreturn();
extern void count_out_of_range(const KeySet *ks) pg_attribute_noreturn();
extern KeySet *ks_new(const KsDesc *desc, MemoryContext parent);
extern KeySet *ks_new_for(FunctionCallInfo fcinfo, const KsDesc *desc);
extern void ks_set_kind(KeySet *ks, uint8 kind);
extern void *ks_alloc_large(MemoryContext cxt, Size size);
extern void ks_reserve(KeySet *ks, uint64 n);
extern void ks_merge_datum(KeySet *ks, Datum d, int sign);

/* keyset_flat.c */
extern Size ks_get_flat_size(ExpandedObjectHeader *eohptr);
extern void ks_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size);
extern char **ks_sorted(KeySet *ks);
extern KsFlat *ks_flatten(KeySet *ks, int version);
extern void ks_reader_init(KsReader *r, const KsFlat *f, Size size, const KsDesc *desc,
						   int sqlstate, uint32 seed);
extern bool ks_reader_next(KsReader *r, KsEntry *e);
extern void ks_decode(const KsFlat *f, Size size, const KsDesc *desc, KeySet *into,
					  int sign, int sqlstate);

/* keyset_merge.c */
extern bool ks_merge_runs(KeySet *ks);

/* keyset_io.c */
extern void ks_print_key(StringInfo buf, const KeySet *ks, const char *e);

/* keyset_cohort.c */
extern uint64 *ks_cohort_words(KeySet *ks, char *e, uint64 i);
extern void ks_cohort_merge(KeySet *ks, const KsKey *key, int64 start, int64 count,
							const uint64 *words, uint64 nwords);
extern bool ks_valid_zone(const char *name, Size len);

/* keyset_days.c */
extern void ks_track_pair(KeySet *ks, const char *bytes, uint32 len, int sign);

#endif							/* RETENTION_KEYSET_INT_H */
