/*-------------------------------------------------------------------------
 *
 * keyset.c
 *	  The exact distinct-customer set behind the order metrics: hash table,
 *	  expanded-object glue, flat (stored) format, text and binary I/O,
 *	  combine and uncombine.
 *
 * In memory: one array of fixed-size slots, open addressing with linear
 * probing, at most 3/4 full, deletion by backward shift (no tombstones, so
 * a sliding window that adds and removes customers forever never degrades).
 * A key's home slot is the top bits of its hash, so the slots are in hash
 * order whatever the capacity.  A slot is
 *		int keys:			int64 key, int64 count [, int64 first, last]
 *		text/uuid/day keys:	uint32 hash, uint8 length, the key's 19 bytes,
 *							int64 count [, int64 first, last]
 *		cohort layout:		the key, int64 count, int64 cohort start, uint64
 *							bits of periods 0-63, uint64 *more words (or NULL)
 * and a slot with count 0 is empty.  A byte key longer than 19 bytes lives
 * in an arena instead, the slot holding its hash, length and a pointer (see
 * KsVarKey in keyset.h): keys up to 19 bytes (uuids, most customer ids) are
 * compared without a second cache miss.
 *
 * Flat form (a varlena):
 *		KsFlat header (24 bytes: version, layout, key kind, flags, parameter,
 *		the seed of a hash-ordered value's hash (else zero), number of
 *		entries), then the entries, each as numbers:
 *			int key:	version 1: the first key as an order-preserving
 *						unsigned value, then the (positive) difference to the
 *						previous key; version 2: zigzag(key)
 *			byte key:	its length, then the bytes
 *			count		(>= 1)
 *			span:		zigzag(first), last - first (>= 0)
 *			cohort:		zigzag(start - the previous entry's start),
 *						the number of 64-bit words of the bitmap of active
 *						periods (period 0 = bit 0 of word 0; the last word
 *						not 0), then the words
 *		A cohort state (flag KSF_PERIOD) has its period before the entries:
 *		zigzag(months), zigzag(microseconds); then (flag KSF_ZONE) the
 *		TimeZone its timestamptz rows were counted in: its length, its name.
 *		Numbers are LEB128 varints, or 8 little-endian bytes each when that
 *		is smaller (flag KSF_FIXED), so an int8 key with its count never
 *		takes more than 16 bytes.
 * Version 2, written by a partial aggregate (a parallel worker's state on
 * its way to the leader), has the entries in (hash, key) order: the
 * table's own order, so writing it needs no sort, and the leader merges
 * its workers' states by a k-way merge of the sorted runs, with no table
 * (ks_merge_runs; KeySet.runs and merged).  Version 1, written otherwise
 * (every stored value, whatever plan built it; binary send), has them in
 * key order: smaller (int keys and cohort starts as differences),
 * independent of the machine's byte order (hash_bytes is not), and the one
 * canonical form of a set.  Both are read, and n stored values of either
 * order merge in O(entries * log n).  Either order is strict, so an entry
 * cannot appear twice.
 * Every flat value is read by one validating reader (ks_reader_next), whether
 * it comes from disk, a parallel worker, text input or binary receive: a
 * forged state is an error, never a crash or a wrong number.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <sys/mman.h>

#include "access/xact.h"
#include "access/xlog.h"
#include "catalog/pg_type_d.h"
#include "common/hashfn.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/execnodes.h"
#include "port/pg_bitutils.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"
#include "pgtime.h"
#include "utils/uuid.h"

#include "expanded.h"
#include "keyset.h"

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
#define KSF_KNOWN			(KSF_PARAM_SET | KSF_FIXED | KSF_PERIOD | KSF_ZONE)

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

static Size ks_get_flat_size(ExpandedObjectHeader *eohptr);
static void ks_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size);

static const ExpandedObjectMethods ks_methods = {
	ks_get_flat_size,
	ks_flatten_into
};

static const char *const kind_names[] = {"empty", "int", "text", "uuid"};

static uint32 ks_statement_seed(void);

/* ---------- errors ---------- */

/*
 * A stored or received state that fails validation: sqlstate is 22P03
 * (invalid_binary_representation) for a value from a receive function, as
 * the server's own receive functions report it, and 22P02 otherwise.
 */
static void pg_attribute_noreturn()
bad_state(const KsDesc *desc, int sqlstate, const char *detail)
{
	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("invalid %s value", desc->type_name),
			 errdetail("%s", detail)));
}

/* A text form that fails to parse. */
static void pg_attribute_noreturn()
bad_text(const KsDesc *desc, const char *str, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", desc->type_name, str),
			 errdetail("%s", detail),
			 desc->layout == KS_LAYOUT_COHORT ?
			 errhint("The form is \"v1 <int|text|uuid|empty> period=<n><mon|d|us> [zone=<TimeZone>] {key:rows:start:periods,...}\", as the output function writes it.") :
			 errhint("The form is \"v1 <int|text|uuid|empty> {key:count,...}\", as the output function writes it.")));
}

/* ---------- creation and key kind ---------- */

/*
 * A new set.  Outside aggregates it gets its own memory context, as an
 * expanded object normally does.  Inside an aggregate (shared != NULL) it
 * lives in a context shared by all the groups of that aggregate: a context
 * per group would make HashAgg quadratic, since it sums the memory of every
 * child context of its aggregate context whenever it adds a group.
 */
static KeySet *
ks_new_in(const KsDesc *desc, MemoryContext parent, MemoryContext shared)
{
	MemoryContext cxt = shared ? shared :
		AllocSetContextCreate(parent, "retention keyset", ALLOCSET_SMALL_SIZES);
	KeySet	   *ks = MemoryContextAllocZero(cxt, sizeof(KeySet));

	EOH_init_header(&ks->hdr, &ks_methods, cxt);
	ks->desc = desc;
	ks->seed = ks_statement_seed();
	ks->day_min = PG_INT32_MAX;
	ks->day_max = PG_INT32_MIN;
	return ks;
}

/* Fix the slot layout on the first key; 22023 when kinds are mixed. */
static void
ks_set_kind(KeySet *ks, uint8 kind)
{
	if (kind == KS_KEY_NONE || ks->keykind == kind)
		return;
	if (ks->keykind != KS_KEY_NONE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot mix %s keys and %s keys in one %s",
						kind_names[ks->keykind], kind_names[kind], ks->desc->type_name),
				 errhint("Use one customer key type per group and per rollup.")));
	Assert(ks->capacity == 0);
	ks->keykind = kind;
	ks->varkeys = (kind != KS_KEY_INT || ks->desc->layout == KS_LAYOUT_DAY);
	ks->count_off = ks->varkeys ? KS_VKEY_SIZE : sizeof(int64);
	ks->stride = ks->count_off + sizeof(int64) +
		(ks->desc->layout == KS_LAYOUT_SPAN ? 2 * sizeof(int64) : 0) +
		(ks->desc->layout == KS_LAYOUT_COHORT ? 3 * sizeof(int64) : 0);
}

void
ks_set_param(KeySet *ks, int32 value)
{
	if (!ks->param_set)
	{
		uint64		i;
		char	   *e;

		ks_flush(ks);
		ks->param = value;
		ks->param_set = true;
		ks->ngeparam = 0;
		if (ks->capacity > 0)
			KS_FOREACH(ks, e, i)
				if (KS_COUNT(ks, e) >= value)
				ks->ngeparam++;
	}
	else if (ks->param != value)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s changes from %d to %d within one group",
						ks->desc->param_name, ks->param, value),
				 errhint("Use the same %s for every row of a group and every merged state.",
						 ks->desc->param_name)));
}

static KeySet *
ks_new(const KsDesc *desc, MemoryContext parent)
{
	return ks_new_in(desc, parent, NULL);
}

KeySet *
ks_create(const KsDesc *desc, MemoryContext cxt, uint8 kind)
{
	KeySet	   *ks = ks_new_in(desc, NULL, cxt);

	ks_set_kind(ks, kind);
	return ks;
}

/* ---------- hashing ---------- */

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

/*
 * The seed of the sets of the current statement: a mix of the statement's
 * start time, the process id of its parallel leader and the cluster's
 * system identifier, so that a parallel leader and its workers (which
 * share the first two) agree, and an attacker who does not know the exact
 * start time cannot choose colliding keys beforehand.  Never 0 (1.1's
 * unseeded hash).
 */
static uint32
ks_statement_seed(void)
{
	static TimestampTz cached_start = 0;
	static int	cached_leader = 0;
	static uint32 cached_seed = 0;
	TimestampTz start = GetCurrentStatementStartTimestamp();
	int			leader = (MyProc != NULL && MyProc->lockGroupLeader != NULL) ?
		MyProc->lockGroupLeader->pid : MyProcPid;

	if (cached_seed == 0 || start != cached_start || leader != cached_leader)
	{
		uint64		x = (uint64) start ^ ((uint64) leader << 40) ^ GetSystemIdentifier();

		x = hash_bytes_uint32_extended((uint32) x, x >> 32);
		cached_seed = (uint32) x ^ (uint32) (x >> 32);
		if (cached_seed == 0)
			cached_seed = 1;
		cached_start = start;
		cached_leader = leader;
	}
	return cached_seed;
}

static inline bool
ks_key_matches(const KeySet *ks, const char *e, const KsKey *key)
{
	if (!ks->varkeys)
		return KS_IKEY(e) == key->ival;

	/*
	 * A set of variable-size keys is only given keys with ptr set: the key
	 * representation is fixed per set by ks_set_kind, which clang-analyzer
	 * loses track of across calls.
	 */
	if (KS_VKEY(e)->hash != key->hash)
		return false;
	if (key->len <= KS_INLINE_MAX)
		return KS_VKEY(e)->tag == key->len &&
			memcmp(KS_VKEY(e)->bytes, key->ptr, key->len) == 0;	/* NOLINT(clang-analyzer-core.NonNullParamChecker) */
	return KS_VKEY(e)->tag == KS_KEY_OUTLINE && KS_LKEY(e)->len == key->len &&
		memcmp(KS_LKEY(e)->ptr, key->ptr, key->len) == 0;	/* NOLINT(clang-analyzer-core.NonNullParamChecker) */
}

/* ---------- key arena ---------- */

typedef struct KsChunk
{
	struct KsChunk *next;
	char		data[FLEXIBLE_ARRAY_MEMBER];
} KsChunk;

static char *
ks_store_bytes(KeySet *ks, const char *ptr, uint32 len)
{
	char	   *dst;

	if (ks->arena_left < len)
	{
		/* chunks grow with the keys held, from 256 bytes to 64 kB */
		Size		size = Min(KS_ARENA_CHUNK, Max(256, ks->live_bytes));
		KsChunk    *c;

		size = Max(size, len);
		c = MemoryContextAlloc(ks->hdr.eoh_context, offsetof(KsChunk, data) + size);
		c->next = (KsChunk *) ks->chunks;
		ks->chunks = c;
		ks->arena = c->data;
		ks->arena_left = size;
	}
	dst = ks->arena;
	ks->arena += len;
	ks->arena_left -= len;
	/* ptr is set for every variable-size key (see ks_key_matches) */
	memcpy(dst, ptr, len);		/* NOLINT(clang-analyzer-core.NonNullParamChecker) */
	ks->live_bytes += len;
	return dst;
}

/*
 * Copy the live keys to fresh chunks once most of the arena is dead
 * (customers that left a sliding window), so memory stays proportional to
 * the customers in the frame.
 */
static void
ks_compact_keys(KeySet *ks)
{
	KsChunk    *old = (KsChunk *) ks->chunks;
	uint64		i;
	char	   *e;

	ks->chunks = NULL;
	ks->arena = NULL;
	ks->arena_left = 0;
	ks->live_bytes = 0;
	ks->dead_bytes = 0;
	/* keys kept in their slots need no copy */
	KS_FOREACH(ks, e, i)
	{
		if (KS_VKEY(e)->tag == KS_KEY_OUTLINE)
			KS_LKEY(e)->ptr = ks_store_bytes(ks, KS_LKEY(e)->ptr, KS_LKEY(e)->len);
	}
	while (old)
	{
		KsChunk    *next = old->next;

		pfree(old);
		old = next;
	}
}

/* ---------- hash table ---------- */

/*
 * Large buffers (a table, a merged flat value) are mostly fresh pages from
 * the kernel, which fault in 4 kB at a time: ask for transparent huge pages
 * where the system grants them on request (the "madvise" setting, common
 * on servers), so that a table of millions of customers faults in 2 MB at
 * a time.  Only whole aligned 2 MB pieces inside the buffer are advised,
 * before it is written; the advice is a hint, and its failure changes
 * nothing.
 */
#define KS_HUGE_PAGE		((Size) 2 * 1024 * 1024)

static void *
ks_alloc_large(MemoryContext cxt, Size size)
{
	char	   *p = MemoryContextAlloc(cxt, size);

#if defined(MADV_HUGEPAGE)
	if (size >= 4 * KS_HUGE_PAGE)
	{
		uintptr_t	start = TYPEALIGN(KS_HUGE_PAGE, (uintptr_t) p);
		uintptr_t	end = TYPEALIGN_DOWN(KS_HUGE_PAGE, (uintptr_t) p + size);

		if (end > start)
			(void) madvise((void *) start, end - start, MADV_HUGEPAGE);
	}
#endif
	return p;
}

/* Zeroed memory for a table. */
static void *
ks_alloc_zero(MemoryContext cxt, Size size)
{
	char	   *p = ks_alloc_large(cxt, size);

	memset(p, 0, size);
	return p;
}

static void
ks_grow(KeySet *ks)
{
	uint64		newcap = ks->capacity ? ks->capacity * 2 : 16;
	uint64		mask = newcap - 1;
	uint64		oldcap = ks->capacity;
	char	   *old = ks->slots;
	uint64		i;

	if (newcap > MaxAllocSize / ks->stride)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many distinct customers in one %s (" UINT64_FORMAT ")",
						ks->desc->type_name, ks->nentries),
				 errdetail("The hash table would exceed the 1 GB allocation limit."),
				 errhint("Split the group (by period or by a hash of the customer) and merge the results.")));
	ks->slots = ks_alloc_zero(ks->hdr.eoh_context, newcap * ks->stride);
	ks->capacity = newcap;
	ks->shift = 32 - pg_leftmost_one_pos64(newcap);
	/* in slot order, so in home order: the new table is written in order */
	for (i = 0; i < oldcap; i++)
	{
		char	   *e = old + i * ks->stride;
		uint64		j;

		KS_CHECK_INTERRUPTS(i);
		if (KS_COUNT(ks, e) == 0)
			continue;
		j = ks_home(ks, ks_slot_hash(ks, e));
		while (KS_COUNT(ks, ks->slots + j * ks->stride) != 0)
			j = (j + 1) & mask;
		memcpy(ks->slots + j * ks->stride, e, ks->stride);
	}
	if (old)
		pfree(old);
}

/* Room for n entries without growing. */
static void
ks_reserve(KeySet *ks, uint64 n)
{
	while (n * 4 > ks->capacity * 3)
		ks_grow(ks);
}

char *
ks_find(KeySet *ks, const KsKey *key)
{
	uint64		mask,
				i;

	ks_flush(ks);
	if (ks->capacity == 0)
		return NULL;
	mask = ks->capacity - 1;
	for (i = ks_home(ks, key->hash);; i = (i + 1) & mask)
	{
		char	   *e = ks->slots + i * ks->stride;

		if (KS_COUNT(ks, e) == 0)
			return NULL;
		if (ks_key_matches(ks, e, key))
			return e;
	}
}

char *
ks_insert(KeySet *ks, const KsKey *key, bool *found)
{
	uint64		mask,
				i;

	ks_changed(ks);
	if ((ks->nentries + 1) * 4 > ks->capacity * 3)
		ks_grow(ks);
	mask = ks->capacity - 1;
	for (i = ks_home(ks, key->hash);; i = (i + 1) & mask)
	{
		char	   *e = ks->slots + i * ks->stride;

		if (KS_COUNT(ks, e) == 0)
		{
			if (ks->varkeys)
			{
				/* the slot is all zeros: bytes after a short key stay so */
				KS_VKEY(e)->hash = key->hash;
				if (key->len <= KS_INLINE_MAX)
				{
					KS_VKEY(e)->tag = (uint8) key->len;
					memcpy(KS_VKEY(e)->bytes, key->ptr, key->len);	/* NOLINT(clang-analyzer-core.NonNullParamChecker): see ks_key_matches */
				}
				else
				{
					KS_LKEY(e)->tag = KS_KEY_OUTLINE;
					KS_LKEY(e)->len = key->len;
					KS_LKEY(e)->ptr = ks_store_bytes(ks, key->ptr, key->len);
				}
			}
			else
				KS_IKEY(e) = key->ival;
			ks->nentries++;
			*found = false;
			return e;
		}
		if (ks_key_matches(ks, e, key))
		{
			*found = true;
			return e;
		}
	}
}

void
ks_delete(KeySet *ks, char *entry)
{
	uint64		mask = ks->capacity - 1;
	uint64		i = (entry - ks->slots) / ks->stride;
	uint64		j = i;

	ks_changed(ks);
	if (ks->varkeys && KS_VKEY(entry)->tag == KS_KEY_OUTLINE)
	{
		ks->live_bytes -= KS_LKEY(entry)->len;
		ks->dead_bytes += KS_LKEY(entry)->len;
	}
	/* Backward shift: move later members of the probe run into the hole. */
	for (;;)
	{
		char	   *e;
		uint64		home;

		j = (j + 1) & mask;
		e = ks->slots + j * ks->stride;
		if (KS_COUNT(ks, e) == 0)
			break;
		home = ks_home(ks, ks_slot_hash(ks, e));
		/* e may move to i unless its home lies cyclically in (i, j] */
		if (i <= j ? (home <= i || home > j) : (home <= i && home > j))
		{
			memcpy(ks->slots + i * ks->stride, e, ks->stride);
			i = j;
		}
	}
	memset(ks->slots + i * ks->stride, 0, ks->stride);
	ks->nentries--;
	if (ks->varkeys && ks->dead_bytes > 1024 * 1024 && ks->dead_bytes > ks->live_bytes)
		ks_compact_keys(ks);
}

/* ---------- keys of rows ---------- */

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

int32
ks_entry_day(const char *bytes, uint32 len)
{
	const unsigned char *b = (const unsigned char *) bytes + len - KS_DAY_BYTES;
	uint32		u = ((uint32) b[0] << 24) | ((uint32) b[1] << 16) | ((uint32) b[2] << 8) | b[3];

	return (int32) (u ^ 0x80000000);
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

/* The set's key kind of each key type. */
static const uint8 key_kind_of[] = {
	[CUSTOMER_KEY_INT4] = KS_KEY_INT,
	[CUSTOMER_KEY_INT8] = KS_KEY_INT,
	[CUSTOMER_KEY_TEXT] = KS_KEY_TEXT,
	[CUSTOMER_KEY_UUID] = KS_KEY_UUID
};

/*
 * Per-call-site cache (fn_extra): whether the key's collation is checked,
 * a buffer for composite keys, and the shared context of each aggregate
 * context seen.
 */
#define KS_MAX_SHARED 4

typedef struct KsFnCache
{
	bool		checked;		/* the key's collation has been checked */
	char	   *buf;
	Size		bufsize;
	struct
	{
		MemoryContext aggcxt;
		MemoryContext shared;
	}			sh[KS_MAX_SHARED];
} KsFnCache;

typedef struct KsSharedReset
{
	MemoryContextCallback cb;
	KsFnCache  *cache;
	MemoryContext shared;
} KsSharedReset;

static KsFnCache *
ks_fn_cache(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo->fn_extra == NULL)
		fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
														  sizeof(KsFnCache));
	return (KsFnCache *) fcinfo->flinfo->fn_extra;
}

/* The shared context is gone (its aggregate context was reset): forget it. */
static void
ks_shared_reset(void *arg)
{
	KsSharedReset *r = (KsSharedReset *) arg;
	int			i;

	for (i = 0; i < KS_MAX_SHARED; i++)
		if (r->cache->sh[i].shared == r->shared)
			r->cache->sh[i].shared = r->cache->sh[i].aggcxt = NULL;
}

/*
 * The context for the sets of one aggregate context, a child of it (as
 * nodeAgg requires of a read-write expanded transition value it keeps), or
 * NULL when too many aggregate contexts share this call site.
 */
static MemoryContext
ks_shared_cxt(FunctionCallInfo fcinfo, MemoryContext aggcxt)
{
	KsFnCache  *c = ks_fn_cache(fcinfo);
	KsSharedReset *r;
	int			i,
				free_slot = -1;

	for (i = 0; i < KS_MAX_SHARED; i++)
	{
		if (c->sh[i].shared && c->sh[i].aggcxt == aggcxt)
			return c->sh[i].shared;
		if (!c->sh[i].shared && free_slot < 0)
			free_slot = i;
	}
	if (free_slot < 0)
		return NULL;
	c->sh[free_slot].aggcxt = aggcxt;
	c->sh[free_slot].shared = AllocSetContextCreate(aggcxt, "retention keysets",
													ALLOCSET_DEFAULT_SIZES);
	r = MemoryContextAlloc(c->sh[free_slot].shared, sizeof(KsSharedReset));
	r->cache = c;
	r->shared = c->sh[free_slot].shared;
	r->cb.func = ks_shared_reset;
	r->cb.arg = r;
	MemoryContextRegisterResetCallback(r->shared, &r->cb);
	return r->shared;
}

static inline char *
row_buf(FunctionCallInfo fcinfo, KsFnCache *c, Size need)
{
	if (c->bufsize < need)
	{
		Size		n = Max(need, 64);

		if (c->buf)
			pfree(c->buf);
		c->buf = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, n);
		c->bufsize = n;
	}
	return c->buf;
}

void
ks_row_key(FunctionCallInfo fcinfo, KeySet *ks, int keyarg, CustomerKeyType keytype,
		   bool day_key, int32 day, KsKey *key)
{
	KsFnCache  *c = ks_fn_cache(fcinfo);
	Datum		d = PG_GETARG_DATUM(keyarg);
	const char *ptr = NULL;
	uint32		len = 0;
	uint8		kind = key_kind_of[keytype];

	if (unlikely(!c->checked))
	{
		if (keytype == CUSTOMER_KEY_TEXT)
			customer_key_check_collation(fcinfo);
		c->checked = true;
	}
	ks_set_kind(ks, kind);

	switch (kind)
	{
		case KS_KEY_INT:
			{
				int64		v = keytype == CUSTOMER_KEY_INT4 ? DatumGetInt32(d) : DatumGetInt64(d);

				if (!day_key)
				{
					key->ival = v;
					key->hash = ks_hash_int(v, ks->seed);
					return;
				}
				ptr = row_buf(fcinfo, c, 8 + KS_DAY_BYTES);
				ks_put_int_bytes((char *) ptr, v);
				len = 8;
				break;
			}
		case KS_KEY_UUID:
			ptr = (const char *) DatumGetUUIDP(d)->data;
			len = UUID_LEN;
			break;
		case KS_KEY_TEXT:
			{
				text	   *t = DatumGetTextPP(d);

				ptr = VARDATA_ANY(t);
				len = VARSIZE_ANY_EXHDR(t);
				break;
			}
		default:
			elog(ERROR, "unexpected customer key kind %d", kind);
	}
	if (day_key)
	{
		char	   *b = row_buf(fcinfo, c, len + KS_DAY_BYTES);

		if (b != ptr)
			memcpy(b, ptr, len);
		ks_put_day(b + len, day);
		ptr = b;
		len += KS_DAY_BYTES;
	}
	key->ptr = ptr;
	key->len = len;
	key->hash = ks_hash_bytes(ptr, len, ks->seed);
}

/* ---------- merging entries ---------- */

static void pg_attribute_noreturn()
count_out_of_range(const KeySet *ks)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("order count out of range in %s", ks->desc->type_name)));
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

/*
 * Add (sign > 0) or remove (sign < 0) count rows of a customer; removing
 * what was never added is an error rather than a wrong number.
 */
/*
 * Stickiness: keep the distinct users (count = the user's active days) and
 * the distinct days (count = the day's active users) as a (user, day) pair
 * enters (sign 1) or leaves (sign -1) the set.
 */
static void
ks_track_pair(KeySet *ks, const char *bytes, uint32 len, int sign)
{
	KsKey		u = {0},
				d = {0};

	if (ks->users == NULL)
	{
		static const KsDesc aux_desc = {"stickiness users", KS_LAYOUT_COUNT, NULL};

		ks->users = ks_create(&aux_desc, ks->hdr.eoh_context, KS_KEY_TEXT);
		ks->days = ks_create(&aux_desc, ks->hdr.eoh_context, KS_KEY_INT);
	}
	u.ptr = bytes;
	u.len = len - KS_DAY_BYTES;
	u.hash = ks_hash_bytes(u.ptr, u.len, ks->users->seed);
	d.ival = ks_entry_day(bytes, len);
	d.hash = ks_hash_int(d.ival, ks->days->seed);
	if (sign < 0)
	{
		char	   *de = ks_find(ks->days, &d);

		/* the day's last user leaves: a bound it was is recomputed later */
		if (de != NULL && KS_COUNT(ks->days, de) == 1)
		{
			if (d.ival == ks->day_min)
				ks->day_min_stale = true;
			if (d.ival == ks->day_max)
				ks->day_max_stale = true;
		}
	}
	else
	{
		/* a stale bound is below (above) every day left: a day past it is one */
		if (d.ival < ks->day_min || (ks->day_min_stale && d.ival == ks->day_min))
		{
			ks->day_min = (int32) d.ival;
			ks->day_min_stale = false;
		}
		if (d.ival > ks->day_max || (ks->day_max_stale && d.ival == ks->day_max))
		{
			ks->day_max = (int32) d.ival;
			ks->day_max_stale = false;
		}
	}
	ks_merge_entry(ks->users, &u, 1, 0, 0, sign);
	ks_merge_entry(ks->days, &d, 1, 0, 0, sign);
}

/*
 * Whether day is one of the distinct days of a stickiness set.
 */
static bool
ks_has_day(KeySet *ks, int32 day)
{
	KsKey		d = {0};

	d.ival = day;
	d.hash = ks_hash_int(day, ks->days->seed);
	return ks_find(ks->days, &d) != NULL;
}

void
ks_day_range(KeySet *ks, int32 *dmin, int32 *dmax)
{
	uint64		i;
	char	   *e;

	Assert(ks->days != NULL && ks->days->nentries > 0);
	if (ks->day_min_stale || ks->day_max_stale)
	{
		/*
		 * Walk from the stale bound to the next day present: a window
		 * frame that shrinks from one end walks each day once in all (O(1)
		 * amortised per row).  A walk longer than the number of days (a
		 * wide gap) scans the days instead.
		 */
		uint64		budget = ks->days->nentries + 1;
		int32		lo = ks->day_min,
					hi = ks->day_max;

		while (ks->day_min_stale && lo < hi && budget > 0)
		{
			lo++;
			budget--;
			if (ks_has_day(ks, lo))
			{
				ks->day_min = lo;
				ks->day_min_stale = false;
			}
		}
		while (ks->day_max_stale && hi > ks->day_min && budget > 0)
		{
			hi--;
			budget--;
			if (ks_has_day(ks, hi))
			{
				ks->day_max = hi;
				ks->day_max_stale = false;
			}
		}
		if (ks->day_min_stale || ks->day_max_stale)
		{
			ks->day_min = PG_INT32_MAX;
			ks->day_max = PG_INT32_MIN;
			if (ks->days->slots != NULL)	/* it has entries: for the analyzer */
				KS_FOREACH(ks->days, e, i)
			{
				ks->day_min = Min(ks->day_min, (int32) KS_IKEY(e));
				ks->day_max = Max(ks->day_max, (int32) KS_IKEY(e));
			}
			ks->day_min_stale = ks->day_max_stale = false;
		}
	}
	*dmin = ks->day_min;
	*dmax = ks->day_max;
}

/*
 * Add (sign > 0) or remove (sign < 0) count rows of a customer; removing
 * what was never added is an error rather than a wrong number.  Keeps the
 * running summaries.
 */
void
ks_merge_entry(KeySet *ks, const KsKey *key, int64 count, int64 first,
			   int64 last, int sign)
{
	bool		found = true;
	bool		span = ks->desc->layout == KS_LAYOUT_SPAN;
	char	   *e;
	int64		c0,
				c1;

	ks_flush(ks);
	if (sign > 0)
		e = ks_insert(ks, key, &found);
	else
	{
		e = ks_find(ks, key);
		if (e == NULL || KS_COUNT(ks, e) < count)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot remove rows of a customer that were not added to this %s",
							ks->desc->type_name)));
		ks_changed(ks);
	}
	c0 = found ? KS_COUNT(ks, e) : 0;
	if (span && sign > 0)
	{
		/* check the new span before anything changes */
		if (found)
		{
			first = Min(KS_FIRST(ks, e), first);
			last = Max(KS_LAST(ks, e), last);
		}
		(void) ks_span(ks, first, last);
	}
	if (span && found)
		ks->span_sum -= KS_LAST(ks, e) - KS_FIRST(ks, e);
	if (sign > 0)
	{
		if (pg_add_s64_overflow(c0, count, &c1) ||
			pg_add_s64_overflow(ks->total, count, &ks->total))
			count_out_of_range(ks);
		if (span)
		{
			KS_FIRST(ks, e) = first;
			KS_LAST(ks, e) = last;
		}
	}
	else
	{
		c1 = c0 - count;
		ks->total -= count;
	}
	KS_COUNT(ks, e) = c1;
	ks->nge2 += (c1 >= 2) - (c0 >= 2);
	if (ks->param_set)
		ks->ngeparam += (c1 >= ks->param) - (c0 >= ks->param);
	if (c1 == 0)
	{
		if (ks->desc->layout == KS_LAYOUT_DAY)
			ks_track_pair(ks, ks_vkey_ptr(e), ks_vkey_len(e), -1);
		ks_delete(ks, e);
		return;
	}
	if (span)
		ks->span_sum += KS_LAST(ks, e) - KS_FIRST(ks, e);
	if (c0 == 0 && ks->desc->layout == KS_LAYOUT_DAY)
		ks_track_pair(ks, ks_vkey_ptr(e), ks_vkey_len(e), 1);
}

void
ks_flush_rows(KeySet *ks)
{
	int			n = ks->npending,
				i;

	ks->npending = 0;			/* before ks_merge_entry, which flushes */
	for (i = 0; i < n; i++)
	{
		KsKey		key = {0};

		key.ival = ks->pending[i].ival;
		key.ptr = ks->pending[i].bytes;
		key.len = ks->pending[i].len;
		key.hash = ks->pending[i].hash;
		ks_merge_entry(ks, &key, ks->pending[i].count,
					   ks->pending[i].first, ks->pending[i].last, 1);
	}
}

void
ks_add_entry(KeySet *ks, const KsKey *key, int64 count, int64 first, int64 last)
{
	int			n;

	StaticAssertStmt(sizeof(((KsPending *) NULL)->bytes) == KS_INLINE_MAX,
					 "a pending entry holds a key of up to KS_INLINE_MAX bytes");

	/*
	 * A small table is in the caches anyway; a long byte key would have to
	 * be copied; the other layouts keep more than counts.
	 */
	if (ks->capacity < KS_BATCH_MIN_SLOTS || (ks->varkeys && key->len > KS_INLINE_MAX) ||
		ks->merged != NULL || ks->nruns > 0 ||
		(ks->desc->layout != KS_LAYOUT_COUNT && ks->desc->layout != KS_LAYOUT_SPAN))
	{
		ks_merge_entry(ks, key, count, first, last, 1);
		return;
	}
	if (ks->pending == NULL)
		ks->pending = MemoryContextAlloc(ks->hdr.eoh_context, KS_PENDING * sizeof(KsPending));
	ks_changed(ks);
	n = ks->npending++;
	ks->pending[n].ival = key->ival;
	ks->pending[n].count = count;
	ks->pending[n].first = first;
	ks->pending[n].last = last;
	ks->pending[n].hash = key->hash;
	ks->pending[n].len = 0;
	if (ks->varkeys)
	{
		/* a byte key points into the row or a flat state: copy it */
		ks->pending[n].len = (uint8) key->len;
		memcpy(ks->pending[n].bytes, key->ptr, key->len);	/* NOLINT(clang-analyzer-core.NonNullParamChecker): see ks_key_matches */
	}
	/* the table may grow before this entry is inserted: then a wasted hint */
	__builtin_prefetch(ks->slots + ks_home(ks, key->hash) * ks->stride, 1);
	if (ks->npending == KS_PENDING)
		ks_flush_rows(ks);
}

/* ---------- cohort bitmaps ---------- */

static void ks_print_key(StringInfo buf, const KeySet *ks, const char *e);

/* Make room for bit word i (i >= 1) of a customer's bitmap. */
static uint64 *
ks_cohort_words(KeySet *ks, char *e, uint64 i)
{
	uint64	   *ext = KS_EXT(ks, e);
	uint64		have = ext ? ext[0] : 0;

	if (i > have)
	{
		uint64		want = Max(i, Max(have * 2, 3));
		uint64	   *n;

		want = Min(want, (uint64) KS_MAX_PERIOD / 64 + 1);
		n = MemoryContextAllocZero(ks->hdr.eoh_context, (want + 1) * sizeof(uint64));
		if (ext)
		{
			memcpy(n + 1, ext + 1, have * sizeof(uint64));
			pfree(ext);
		}
		n[0] = want;
		KS_EXT(ks, e) = ext = n;
	}
	return ext;
}

/* The entry of a cohort customer, checking or setting its cohort start. */
static char *
ks_cohort_entry(KeySet *ks, const KsKey *key, int64 start, int64 count)
{
	bool		found;
	char	   *e = ks_insert(ks, key, &found);

	if (!found)
	{
		KS_START(ks, e) = start;
		KS_BITS(ks, e) = 0;
		KS_EXT(ks, e) = NULL;
		KS_COUNT(ks, e) = count;
	}
	else
	{
		if (unlikely(KS_START(ks, e) != start))
		{
			StringInfoData k;

			initStringInfo(&k);
			ks_print_key(&k, ks, e);
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("customer %s has two cohort starts in one %s: %s and %s",
							k.data, ks->desc->type_name,
							pstrdup(timestamptz_to_str(Min(KS_START(ks, e), start))),
							pstrdup(timestamptz_to_str(Max(KS_START(ks, e), start)))),
					 errhint("A customer belongs to one cohort: give every row of a customer the same cohort_start, e.g. min(...) OVER (PARTITION BY customer).")));
		}
		if (pg_add_s64_overflow(KS_COUNT(ks, e), count, &KS_COUNT(ks, e)))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("row count out of range in %s", ks->desc->type_name)));
	}
	if (pg_add_s64_overflow(ks->total, count, &ks->total))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("row count out of range in %s", ks->desc->type_name)));
	return e;
}

void
ks_cohort_mark(KeySet *ks, const KsKey *key, int64 start, int64 period)
{
	char	   *e = ks_cohort_entry(ks, key, start, 1);
	uint64		bit = UINT64CONST(1) << (period & 63);

	Assert(period >= 0 && period <= KS_MAX_PERIOD);
	if (period < 64)
		KS_BITS(ks, e) |= bit;
	else
		ks_cohort_words(ks, e, (uint64) period / 64)[period / 64] |= bit;
}

/* OR nwords bit words into a customer's bitmap (combine). */
static void
ks_cohort_merge(KeySet *ks, const KsKey *key, int64 start, int64 count,
				const uint64 *words, uint64 nwords)
{
	char	   *e = ks_cohort_entry(ks, key, start, count);
	uint64		i;

	KS_BITS(ks, e) |= words[0];
	for (i = nwords; i > 1; i--)
		if (words[i - 1] != 0)
			break;
	if (i > 1)
	{
		uint64	   *ext = ks_cohort_words(ks, e, i - 1);
		uint64		j;

		for (j = 1; j < i; j++)
			ext[j] |= words[j];
	}
}

void
ks_format_period(StringInfo buf, int32 months, int64 usecs)
{
	if (months != 0)
		appendStringInfo(buf, "%dmon", months);
	else if (usecs % USECS_PER_DAY == 0)
		appendStringInfo(buf, INT64_FORMAT "d", usecs / USECS_PER_DAY);
	else
		appendStringInfo(buf, INT64_FORMAT "us", usecs);
}

void
ks_set_period(KeySet *ks, int32 months, int64 usecs)
{
	if (!ks->period_set)
	{
		ks->period_set = true;
		ks->period_months = months;
		ks->period_usecs = usecs;
		ks_changed(ks);
	}
	else if (ks->period_months != months || ks->period_usecs != usecs)
	{
		StringInfoData a,
					b;

		initStringInfo(&a);
		initStringInfo(&b);
		ks_format_period(&a, ks->period_months, ks->period_usecs);
		ks_format_period(&b, months, usecs);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period changes from %s to %s within one group", a.data, b.data),
				 errhint("Use the same period for every row of a group and every merged state.")));
	}
}

/* Whether name (len bytes) can be a time zone name in a state's text form. */
static bool
ks_valid_zone(const char *name, Size len)
{
	Size		i;

	if (len < 1 || len > TZ_STRLEN_MAX)
		return false;
	for (i = 0; i < len; i++)
		if (name[i] <= ' ' || name[i] > '~' || name[i] == '{' || name[i] == '}' ||
			name[i] == '"' || name[i] == '\\' || name[i] == ',')
			return false;
	return true;
}

void
ks_set_zone(KeySet *ks, const char *name, Size len)
{
	if (ks->zone == NULL)
	{
		if (!ks_valid_zone(name, len))
			elog(ERROR, "unexpected time zone name \"%.*s\"", (int) len, name);
		ks->zone = MemoryContextAlloc(ks->hdr.eoh_context, len + 1);
		memcpy(ks->zone, name, len);
		ks->zone[len] = '\0';
		ks_changed(ks);
	}
	else if (strlen(ks->zone) != len || memcmp(ks->zone, name, len) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone changes from %s to %.*s within one %s",
						ks->zone, (int) len, name, ks->desc->type_name),
				 errdetail("Periods of timestamptz rows are counted in the wall-clock time of the TimeZone setting the rows were added under."),
				 errhint("Build every state of a group, and every state merged together, under one TimeZone setting.")));
}

void
ks_set_session_zone(KeySet *ks)
{
	const char *name;

	if (ks->zone != NULL && ks->zone_tz == session_timezone)
		return;
	name = pg_get_timezone_name(session_timezone);
	ks_set_zone(ks, name, strlen(name));
	ks->zone_tz = session_timezone;
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

/* ---------- flat form ---------- */

static inline Size
num_size(uint64 v, bool fixed)
{
	Size		n = 1;

	if (fixed)
		return 8;
	while (v >= 0x80)
	{
		v >>= 7;
		n++;
	}
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

/* Read a number; false when truncated or over-long. */
static inline bool
get_num(const char **pp, const char *end, bool fixed, uint64 *v)
{
	const unsigned char *p = (const unsigned char *) *pp;
	uint64		r = 0;
	int			shift;

	if (fixed)
	{
		int			k;

		if (end - (const char *) p < 8)
			return false;
		for (k = 7; k >= 0; k--)
			r = (r << 8) | p[k];
		*pp += 8;
		*v = r;
		return true;
	}
	for (shift = 0; shift < 64; shift += 7)
	{
		uint64		b;

		if ((const char *) p >= end)
			return false;
		b = *p++;
		if (shift == 63 && b > 1)
			return false;
		r |= (b & 0x7f) << shift;
		if (!(b & 0x80))
		{
			/* canonical: no redundant trailing zero groups */
			if (b == 0 && shift > 0)
				return false;
			*pp = (const char *) p;
			*v = r;
			return true;
		}
	}
	return false;
}

static inline uint64
zigzag(int64 v)
{
	/* v >> 63 of a negative v is implementation-defined in C: spell it out */
	return ((uint64) v << 1) ^ (v < 0 ? PG_UINT64_MAX : 0);
}

static inline int64
unzigzag(uint64 u)
{
	return (int64) (u >> 1) ^ -(int64) (u & 1);
}

static inline int
cmp_bytes(const char *a, uint32 alen, const char *b, uint32 blen)
{
	int			r = memcmp(a, b, Min(alen, blen));

	if (r != 0)
		return r;
	return alen < blen ? -1 : alen > blen;
}

static int
cmp_var_entries(const void *a, const void *b)
{
	const char *x = *(char *const *) a;
	const char *y = *(char *const *) b;

	return cmp_bytes(ks_vkey_ptr(x), ks_vkey_len(x), ks_vkey_ptr(y), ks_vkey_len(y));
}

/*
 * Sorting the slots of a large set: a slot is a random place in a table
 * far larger than the caches, so comparing two slot pointers costs two
 * cache misses.  Instead the sort moves (key, slot) items in an array it
 * reads in order: an int key itself, or the first 8 bytes of a byte key
 * as a big-endian integer (zero-padded: so it orders as memcmp does, and
 * only equal prefixes need the slots), with the comparison inlined by
 * PostgreSQL's sort template.  The order is that of the int keys, or of
 * cmp_var_entries.
 */
typedef struct KsSortItem
{
	uint64		key;
	char	   *e;
} KsSortItem;

static inline int
cmp_int_items(const KsSortItem *a, const KsSortItem *b)
{
	int64		x = (int64) a->key;
	int64		y = (int64) b->key;

	return x < y ? -1 : x > y;
}

static inline int
cmp_var_items(const KsSortItem *a, const KsSortItem *b)
{
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return cmp_var_entries(&a->e, &b->e);
}

/*
 * A sort of millions of keys takes seconds: the comparisons let a cancel
 * in every million or so (a sort holds no resource a cancel could leak).
 */
static uint32 ks_sort_ticks;

#define KS_SORT_TICK() \
	do { if (unlikely((++ks_sort_ticks & 0xFFFFF) == 0)) CHECK_FOR_INTERRUPTS(); } while (0)

static inline int
cmp_int_items_checked(const KsSortItem *a, const KsSortItem *b)
{
	KS_SORT_TICK();
	return cmp_int_items(a, b);
}

static inline int
cmp_var_items_checked(const KsSortItem *a, const KsSortItem *b)
{
	KS_SORT_TICK();
	return cmp_var_items(a, b);
}

#define ST_SORT ks_sort_int_items
#define ST_ELEMENT_TYPE KsSortItem
#define ST_COMPARE(a, b) cmp_int_items_checked(a, b)
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

#define ST_SORT ks_sort_var_items
#define ST_ELEMENT_TYPE KsSortItem
#define ST_COMPARE(a, b) cmp_var_items_checked(a, b)
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/* The first 8 bytes of a byte key, zero-padded, as a big-endian integer. */
static inline uint64
var_key_prefix(const char *e)
{
	const unsigned char *p = (const unsigned char *) ks_vkey_ptr(e);
	uint32		len = Min(ks_vkey_len(e), 8);
	uint64		k = 0;
	uint32		i;

	for (i = 0; i < 8; i++)
		k = (k << 8) | (i < len ? p[i] : 0);
	return k;
}

/* The live slots sorted by key, in CurrentMemoryContext. */
static char **
ks_sorted(KeySet *ks)
{
	char	  **v;
	KsSortItem *items;
	uint64		i,
				n = 0;
	char	   *e;

	ks_flush(ks);
	v = palloc(Max(ks->nentries, 1) * sizeof(char *));
	if (ks->nentries <= 1)
	{
		KS_FOREACH(ks, e, i)
			v[n++] = e;
		return v;
	}
	items = palloc_extended(ks->nentries * sizeof(KsSortItem), MCXT_ALLOC_HUGE);
	KS_FOREACH(ks, e, i)
	{
		items[n].key = ks->varkeys ? var_key_prefix(e) : (uint64) KS_IKEY(e);
		items[n++].e = e;
		if ((n & 0xffff) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	Assert(n == ks->nentries);
	if (ks->varkeys)
		ks_sort_var_items(items, n);
	else
		ks_sort_int_items(items, n);
	for (i = 0; i < n; i++)
		v[i] = items[i].e;
	pfree(items);
	return v;
}

/*
 * Whether slot a comes before slot b in the flat form's order: by hash,
 * then (equal hashes are rare) by key.
 */
static inline bool
ks_hash_before(const KeySet *ks, uint32 ha, const char *a, uint32 hb, const char *b)
{
	if (ha != hb)
		return ha < hb;
	if (!ks->varkeys)
		return KS_IKEY(a) < KS_IKEY(b);
	return cmp_bytes(ks_vkey_ptr(a), ks_vkey_len(a), ks_vkey_ptr(b), ks_vkey_len(b)) < 0;
}

/*
 * The live slots in (hash, key) order, in CurrentMemoryContext, in linear
 * time.  The home slot is the hash's top bits, so the table is already in
 * that order but for two things: inside a run of occupied slots an entry
 * may sit after one with a higher hash (it was inserted later), and the
 * run that reaches the end of the table continues at its start.  So the
 * wrapped entries (home after their slot) are moved to the end, and an
 * insertion sort, which only moves an entry within its run, does the rest.
 */
static char **
ks_hash_sorted(KeySet *ks)
{
	char	  **v;
	uint32	   *h;
	uint64		i,
				n = 0,
				nwrap = 0;
	char	   *e;

	ks_flush(ks);
	v = palloc_extended(Max(ks->nentries, 1) * sizeof(char *), MCXT_ALLOC_HUGE);
	h = palloc_extended(Max(ks->nentries, 1) * sizeof(uint32), MCXT_ALLOC_HUGE);
	/* first the entries in their home's half of the table, then the wrapped */
	KS_FOREACH(ks, e, i)
	{
		uint32		hash = ks_slot_hash(ks, e);

		if (ks_home(ks, hash) <= i)
		{
			v[n] = e;
			h[n++] = hash;
		}
		else
			nwrap++;
	}
	if (nwrap > 0)
	{
		/* they sit in the run at the start of the table */
		for (i = 0; i < ks->capacity && KS_COUNT(ks, ks->slots + i * ks->stride) != 0; i++)
		{
			uint32		hash;

			e = ks->slots + i * ks->stride;
			hash = ks_slot_hash(ks, e);
			if (ks_home(ks, hash) > i)
			{
				v[n] = e;
				h[n++] = hash;
			}
		}
	}
	Assert(n == ks->nentries);
	for (i = 1; i < n; i++)
	{
		char	   *x = v[i];
		uint32		hx = h[i];
		uint64		j = i;

		KS_CHECK_INTERRUPTS(i);
		while (j > 0 && ks_hash_before(ks, hx, x, h[j - 1], v[j - 1]))
		{
			v[j] = v[j - 1];
			h[j] = h[j - 1];
			j--;
		}
		v[j] = x;
		h[j] = hx;
	}
	pfree(h);
	return v;
}

/* The slots in the order of flat format version. */
static char **
ks_ordered(KeySet *ks, int version)
{
	return version == KS_VERSION_KEY_ORDER ? ks_sorted(ks) : ks_hash_sorted(ks);
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

/* Size of the entries' encoding in order v, fixed-width or varint. */
static Size
ks_data_size(KeySet *ks, char **v, int version, bool fixed)
{
	Size		total = 0;
	uint64		i,
				prev = 0,
				prev_start = 0;

	if (ks->period_set)
		total += num_size(zigzag(ks->period_months), fixed) +
			num_size(zigzag(ks->period_usecs), fixed);
	if (ks->zone)
		total += num_size(strlen(ks->zone), fixed) + strlen(ks->zone);
	for (i = 0; i < ks->nentries; i++)
	{
		char	   *e = v[i];

		KS_CHECK_INTERRUPTS(i);
		if (!ks->varkeys)
			total += num_size(ks_int_code(version, KS_IKEY(e), &prev, i == 0), fixed);
		else
			total += num_size(ks_vkey_len(e), fixed) + ks_vkey_len(e);
		total += num_size(KS_COUNT(ks, e), fixed);
		if (ks->desc->layout == KS_LAYOUT_SPAN)
			total += num_size(zigzag(KS_FIRST(ks, e)), fixed) +
				num_size((uint64) KS_LAST(ks, e) - (uint64) KS_FIRST(ks, e), fixed);
		if (ks->desc->layout == KS_LAYOUT_COHORT)
		{
			uint64		n = ks_cohort_used(ks, e),
						w;

			/* the cohort start as the difference to the previous one's */
			total += num_size(zigzag((int64) ((uint64) KS_START(ks, e) - prev_start)), fixed) + num_size(n, fixed);
			prev_start = (uint64) KS_START(ks, e);
			for (w = 0; w < n; w++)
				total += num_size(ks_cohort_word(ks, e, w), fixed);
		}
		/* stop before size_t could wrap; the caller reports the limit */
		if (total > MaxAllocSize)
			break;
	}
	return total;
}

/*
 * The size of the flat form in order v, and whether its numbers are
 * fixed-width (when that is smaller than varints).
 */
static Size
ks_flat_size(KeySet *ks, char **v, int version, bool *fixed)
{
	Size		vsize = ks_data_size(ks, v, version, false);
	Size		fsize = ks_data_size(ks, v, version, true);

	*fixed = fsize < vsize;
	vsize = Min(vsize, fsize);
	if (vsize > MaxAllocSize - KS_HEADER_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s with " UINT64_FORMAT " customers is too large to store",
						ks->desc->type_name, ks->nentries),
				 errdetail("Its stored form would exceed the 1 GB limit of a value."),
				 errhint("Split the group (by period or by a hash of the customer) and merge the results.")));
	return KS_HEADER_SIZE + vsize;
}

/* Write the flat form of size bytes, in order v, to f. */
static void
ks_write_flat(KeySet *ks, char **v, int version, bool fixed, KsFlat *f, Size size)
{
	char	   *p;
	uint64		i,
				prev = 0,
				prev_start = 0;

	memset(f, 0, KS_HEADER_SIZE);
	SET_VARSIZE(f, size);
	f->version = version;
	f->layout = ks->desc->layout;
	f->keykind = ks->keykind;
	f->flags = (ks->param_set ? KSF_PARAM_SET : 0) | (fixed ? KSF_FIXED : 0) |
		(ks->period_set ? KSF_PERIOD : 0) | (ks->zone ? KSF_ZONE : 0);
	f->param = ks->param_set ? ks->param : 0;
	f->reserved = version == KS_VERSION_HASH_ORDER ? ks->seed : 0;
	f->nentries = ks->nentries;
	p = f->data;
	if (ks->period_set)
	{
		p = put_num(p, zigzag(ks->period_months), fixed);
		p = put_num(p, zigzag(ks->period_usecs), fixed);
	}
	if (ks->zone)
	{
		Size		len = strlen(ks->zone);

		p = put_num(p, len, fixed);
		memcpy(p, ks->zone, len);
		p += len;
	}
	for (i = 0; i < ks->nentries; i++)
	{
		char	   *e = v[i];

		KS_CHECK_INTERRUPTS(i);
		if (!ks->varkeys)
			p = put_num(p, ks_int_code(version, KS_IKEY(e), &prev, i == 0), fixed);
		else
		{
			uint32		len = ks_vkey_len(e);

			p = put_num(p, len, fixed);
			memcpy(p, ks_vkey_ptr(e), len);
			p += len;
		}
		p = put_num(p, KS_COUNT(ks, e), fixed);
		if (ks->desc->layout == KS_LAYOUT_SPAN)
		{
			p = put_num(p, zigzag(KS_FIRST(ks, e)), fixed);
			p = put_num(p, (uint64) KS_LAST(ks, e) - (uint64) KS_FIRST(ks, e), fixed);
		}
		if (ks->desc->layout == KS_LAYOUT_COHORT)
		{
			uint64		n = ks_cohort_used(ks, e),
						w;

			p = put_num(p, zigzag((int64) ((uint64) KS_START(ks, e) - prev_start)), fixed);
			prev_start = (uint64) KS_START(ks, e);
			p = put_num(p, n, fixed);
			for (w = 0; w < n; w++)
				p = put_num(p, ks_cohort_word(ks, e, w), fixed);
		}
	}
	if (p != (char *) f + size)
		elog(ERROR, "keyset flattened to %zu bytes, expected %zu", (Size) (p - (char *) f), size);
}

/*
 * The expanded-object methods write the hash-ordered form for a partial
 * aggregate (see KeySet.partial: a parallel worker's partial state, and
 * the leader's own): it costs no sort, and the leader merges those by
 * their order (ks_merge_runs).  Every other set (a stored rollup, a final
 * result) gets the key-ordered form, which is smaller (its int keys are
 * small differences) and the same whatever plan built the set.
 */
static bool ks_merge_runs(KeySet *ks);

static Size
ks_get_flat_size(ExpandedObjectHeader *eohptr)
{
	KeySet	   *ks = (KeySet *) eohptr;
	int			version = ks->partial ? KS_VERSION_HASH_ORDER : KS_VERSION_KEY_ORDER;
	MemoryContext old;

	/* a pending entry has cleared flat_size; ks_ordered inserts it */
	if (ks->flat_size != 0)
		return ks->flat_size;
	if (ks->nruns > 0)
		(void) ks_merge_runs(ks);
	/* a merged flat value is the form to write when it has that order */
	ks->flat_merged = ks->merged != NULL && ks->nruns == 0 && ks->merged->version == version &&
		(version == KS_VERSION_HASH_ORDER || ks->merged_canonical);
	if (ks->flat_merged)
	{
		ks->flat_version = version;
		ks->flat_size = VARSIZE(ks->merged);
		return ks->flat_size;
	}
	if (ks->sorted)
		pfree(ks->sorted);
	ks->flat_version = version;
	old = MemoryContextSwitchTo(ks->hdr.eoh_context);
	ks->sorted = ks_ordered(ks, ks->flat_version);
	MemoryContextSwitchTo(old);
	ks->flat_size = ks_flat_size(ks, ks->sorted, ks->flat_version, &ks->flat_fixed);
	return ks->flat_size;
}

static void
ks_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	KeySet	   *ks = (KeySet *) eohptr;
	Size		size = ks_get_flat_size(eohptr);

	Assert(allocated_size == size);
	if (ks->flat_merged)
	{
		memcpy(result, ks->merged, size);
		ks->flat_size = 0;
		return;
	}
	ks_write_flat(ks, ks->sorted, ks->flat_version, ks->flat_fixed, (KsFlat *) result, size);
	/* the order is only needed between get_flat_size and here */
	pfree(ks->sorted);
	ks->sorted = NULL;
	ks->flat_size = 0;
}

/* A flat copy in CurrentMemoryContext, in the order of version. */
static KsFlat *
ks_flatten(KeySet *ks, int version)
{
	char	  **v = ks_ordered(ks, version);
	bool		fixed;
	Size		size = ks_flat_size(ks, v, version, &fixed);
	KsFlat	   *f = palloc(size);

	ks_write_flat(ks, v, version, fixed, f, size);
	pfree(v);
	return f;
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
 * seed: the seed to hash the keys of a key-ordered value under (a
 * hash-ordered value's own is in its header).
 */
static void
ks_reader_init(KsReader *r, const KsFlat *f, Size size, const KsDesc *desc, int sqlstate,
			   uint32 seed)
{
	memset(r, 0, sizeof(KsReader));
	r->f = f;
	r->desc = desc;
	r->sqlstate = sqlstate;
	if (size < KS_HEADER_SIZE)
		bad_state(desc, sqlstate, "The value is shorter than its header.");
	if (f->version != KS_VERSION_KEY_ORDER && f->version != KS_VERSION_HASH_ORDER)
		bad_state(desc, sqlstate, psprintf("Unknown format version %d.", f->version));
	if (f->layout != desc->layout)
		bad_state(desc, sqlstate, "The value is of another state type.");
	if (f->keykind > KS_KEY_UUID)
		bad_state(desc, sqlstate, psprintf("Unknown key kind %d.", f->keykind));
	if (f->flags & ~KSF_KNOWN)
		bad_state(desc, sqlstate, psprintf("Unknown flags %d.", f->flags));
	/* the reserved word holds the hash seed of a hash-ordered value */
	if (f->reserved != 0 && f->version != KS_VERSION_HASH_ORDER)
		bad_state(desc, sqlstate, "The reserved word is not zero.");
	if ((f->flags & KSF_PARAM_SET) ? (desc->param_name == NULL || f->param < 1) : f->param != 0)
		bad_state(desc, sqlstate, "The parameter is invalid.");
	if (desc->param_name && f->nentries > 0 && !(f->flags & KSF_PARAM_SET))
		bad_state(desc, sqlstate, psprintf("A state with customers must have %s.", desc->param_name));
	if ((f->flags & KSF_ZONE) && (desc->layout != KS_LAYOUT_COHORT || !(f->flags & KSF_PERIOD)))
		bad_state(desc, sqlstate, "The value has a time zone but no period.");
	if ((f->flags & KSF_PERIOD) && desc->layout != KS_LAYOUT_COHORT)
		bad_state(desc, sqlstate, "The value has a period but its type has none.");
	if (desc->layout == KS_LAYOUT_COHORT && f->nentries > 0 && !(f->flags & KSF_PERIOD))
		bad_state(desc, sqlstate, "A state with customers must have a period.");
	if ((f->keykind == KS_KEY_NONE) != (f->nentries == 0))
		bad_state(desc, sqlstate, "The key kind does not match the number of entries.");
	if (f->nentries > size)
		bad_state(desc, sqlstate, "The number of entries exceeds the size.");
	r->fixed = (f->flags & KSF_FIXED) != 0;
	r->hashorder = f->version == KS_VERSION_HASH_ORDER;
	r->seed = r->hashorder ? f->reserved : seed;
	r->varkeys = f->keykind != KS_KEY_INT || desc->layout == KS_LAYOUT_DAY;
	r->p = f->data;
	r->end = (const char *) f + size;
	if (f->flags & KSF_PERIOD)
	{
		uint64		m,
					u;

		if (!get_num(&r->p, r->end, r->fixed, &m) || !get_num(&r->p, r->end, r->fixed, &u))
			bad_state(desc, sqlstate, "The period is truncated.");
		if (!ks_valid_period(unzigzag(m), unzigzag(u)))
			bad_state(desc, sqlstate, "The period is invalid.");
		r->has_period = true;
		r->period_months = (int32) unzigzag(m);
		r->period_usecs = unzigzag(u);
	}
	if (f->flags & KSF_ZONE)
	{
		uint64		len;

		if (!get_num(&r->p, r->end, r->fixed, &len) || len > (uint64) (r->end - r->p) ||
			!ks_valid_zone(r->p, (Size) len))
			bad_state(desc, sqlstate, "The time zone is invalid.");
		r->zone = r->p;
		r->zonelen = (Size) len;
		r->p += len;
	}
}

/*
 * The next entry into *e, or false after the last one.  A cohort bitmap of
 * more than one word is palloc'd: the caller frees it (e->words != &e->one).
 */
static bool
ks_reader_next(KsReader *r, KsEntry *e)
{
	const KsDesc *desc = r->desc;
	int			sqlstate = r->sqlstate;
	uint64		v,
				count;

	if (r->i == r->f->nentries)
	{
		if (r->p != r->end)
			bad_state(desc, sqlstate, "There are bytes after the last entry.");
		return false;
	}
	KS_CHECK_INTERRUPTS(r->i);
	r->i++;
	memset(e, 0, sizeof(KsEntry));
	if (!r->varkeys)
	{
		if (!get_num(&r->p, r->end, r->fixed, &v))
			bad_state(desc, sqlstate, "An entry is truncated.");
		if (!r->hashorder)
		{
			if (r->i > 1 && (v == 0 || r->prev > PG_UINT64_MAX - v))
				bad_state(desc, sqlstate, "The keys are not strictly increasing.");
			r->prev = (r->i == 1) ? v : r->prev + v;
			e->key.ival = (int64) (r->prev ^ KS_SIGN_BIT);
		}
		else
			e->key.ival = unzigzag(v);
		e->key.hash = ks_hash_int(e->key.ival, r->seed);
		if (r->hashorder && r->i > 1 &&
			(e->key.hash < r->prevhash || (e->key.hash == r->prevhash && e->key.ival <= r->previval)))
			bad_state(desc, sqlstate, "The entries are not in strictly increasing (hash, key) order.");
		r->previval = e->key.ival;
	}
	else
	{
		uint32		len;

		if (!get_num(&r->p, r->end, r->fixed, &v) || v > (uint64) (r->end - r->p))
			bad_state(desc, sqlstate, "An entry is truncated.");
		len = (uint32) v;
		e->key.ptr = r->p;
		e->key.len = len;
		r->p += len;
		if (desc->layout == KS_LAYOUT_DAY)
		{
			if (len < KS_DAY_BYTES || !valid_day(ks_entry_day(e->key.ptr, len)))
				bad_state(desc, sqlstate, "A day is invalid.");
			len -= KS_DAY_BYTES;
		}
		if ((r->f->keykind == KS_KEY_UUID && len != UUID_LEN) ||
			(r->f->keykind == KS_KEY_INT && len != 8) ||
			(r->f->keykind == KS_KEY_TEXT && !valid_text_bytes(e->key.ptr, len)))
			bad_state(desc, sqlstate, "A key is invalid.");
		e->key.hash = ks_hash_bytes(e->key.ptr, e->key.len, r->seed);
		if (r->prevptr && (r->hashorder ?
						   (e->key.hash < r->prevhash || (e->key.hash == r->prevhash &&
														  cmp_bytes(r->prevptr, r->prevlen, e->key.ptr, e->key.len) >= 0)) :
						   cmp_bytes(r->prevptr, r->prevlen, e->key.ptr, e->key.len) >= 0))
			bad_state(desc, sqlstate, r->hashorder ?
					  "The entries are not in strictly increasing (hash, key) order." :
					  "The keys are not strictly increasing.");
		r->prevptr = e->key.ptr;
		r->prevlen = e->key.len;
	}
	r->prevhash = e->key.hash;
	if (!get_num(&r->p, r->end, r->fixed, &count))
		bad_state(desc, sqlstate, "An entry is truncated.");
	if (count < 1 || count > PG_INT64_MAX)
		bad_state(desc, sqlstate, "A count is out of range.");
	/* the set keeps the total of the counts: every use would overflow */
	if (pg_add_s64_overflow(r->total, (int64) count, &r->total))
		bad_state(desc, sqlstate, "The counts add up to more than 9223372036854775807.");
	e->count = (int64) count;
	if (desc->layout == KS_LAYOUT_SPAN)
	{
		if (!get_num(&r->p, r->end, r->fixed, &v))
			bad_state(desc, sqlstate, "An entry is truncated.");
		e->first = unzigzag(v);
		if (!get_num(&r->p, r->end, r->fixed, &v))
			bad_state(desc, sqlstate, "An entry is truncated.");
		if (v > PG_INT64_MAX || pg_add_s64_overflow(e->first, (int64) v, &e->last) ||
			!IS_VALID_TIMESTAMP(e->first) || !IS_VALID_TIMESTAMP(e->last))
			bad_state(desc, sqlstate, "A purchase time is out of range.");
		/* one purchase has no span (no sfunc, inverse or merge makes one) */
		if (count == 1 && e->first != e->last)
			bad_state(desc, sqlstate, "A customer with one purchase has a first and a last purchase time that differ.");
	}
	if (desc->layout == KS_LAYOUT_COHORT)
	{
		uint64		n,
					w;

		if (!get_num(&r->p, r->end, r->fixed, &v) || !get_num(&r->p, r->end, r->fixed, &n))
			bad_state(desc, sqlstate, "An entry is truncated.");
		e->first = (int64) (r->prev_start + (uint64) unzigzag(v));
		if (!IS_VALID_TIMESTAMP(e->first))
			bad_state(desc, sqlstate, "A cohort start is out of range.");
		r->prev_start = (uint64) e->first;
		if (n < 1 || n > (uint64) KS_MAX_PERIOD / 64 + 1 || n > (uint64) (r->end - r->p))
			bad_state(desc, sqlstate, "A bitmap length is out of range.");
		e->words = n == 1 ? &e->one : palloc(n * sizeof(uint64));
		e->nwords = n;
		for (w = 0; w < n; w++)
			if (!get_num(&r->p, r->end, r->fixed, &e->words[w]))
				bad_state(desc, sqlstate, "An entry is truncated.");
		if (e->words[n - 1] == 0)
			bad_state(desc, sqlstate, "A bitmap is empty or ends with a zero word.");
		if ((n - 1) * 64 + pg_leftmost_one_pos64(e->words[n - 1]) > (uint64) KS_MAX_PERIOD)
			bad_state(desc, sqlstate, "A period index is out of range.");
	}
	return true;
}

/*
 * Check a flat value completely and, when into is not NULL, add (sign > 0)
 * or remove (sign < 0) its entries there.
 */
static void
ks_decode(const KsFlat *f, Size size, const KsDesc *desc, KeySet *into, int sign,
		  int sqlstate)
{
	KsReader	r;
	KsEntry		e;

	ks_reader_init(&r, f, size, desc, sqlstate, into ? into->seed : 0);
	if (into)
	{
		ks_set_kind(into, f->keykind);
		/* removing a state of another parameter is as wrong as adding one */
		if (f->flags & KSF_PARAM_SET)
			ks_set_param(into, f->param);
		if (r.has_period)
			ks_set_period(into, r.period_months, r.period_usecs);
		if (r.zone)
			ks_set_zone(into, r.zone, r.zonelen);
		/*
		 * An empty set about to be filled is sized for the entries at once.
		 * Every entry takes 2 bytes or more: a forged count allocates no
		 * more than the value's size warrants.
		 */
		if (sign > 0 && into->nentries == 0 && into->npending == 0 && f->keykind != KS_KEY_NONE)
			ks_reserve(into, Min(f->nentries, (size - KS_HEADER_SIZE) / 2));
	}
	while (ks_reader_next(&r, &e))
	{
		/* a hash-ordered value of another seed: the set's hash */
		if (into != NULL && r.seed != into->seed)
			e.key.hash = ks_key_hash(into->varkeys, &e.key, into->seed);
		if (into == NULL)
			;
		else if (desc->layout == KS_LAYOUT_COHORT)
		{
			if (sign < 0)
				elog(ERROR, "cohort states cannot be removed");
			ks_cohort_merge(into, &e.key, e.first, e.count, e.words, e.nwords);
		}
		/* in hash order the inserts walk the table in order: no batch */
		else if (sign > 0 && !r.hashorder)
			ks_add_entry(into, &e.key, e.count, e.first, e.last);
		else
			ks_merge_entry(into, &e.key, e.count, e.first, e.last, sign);
		if (e.words != &e.one && e.words != NULL)
			pfree(e.words);
	}
}

/* ---------- SQL-facing access ---------- */

/* ks_merge_datum, leaving the last entries deferred. */
static void
ks_merge_datum_entries(KeySet *ks, Datum d, int sign)
{
	Pointer		ptr = DatumGetPointer(d);

	if (VARATT_IS_EXTERNAL_EXPANDED(ptr))
	{
		KeySet	   *b = (KeySet *) DatumGetEOHP(d);
		uint64		i;
		char	   *e;

		if (b->hdr.eoh_methods != &ks_methods || b->desc->layout != ks->desc->layout)
			elog(ERROR, "expanded value is not a %s", ks->desc->type_name);
		ks_flush(b);
		if (b == ks)
		{
			/* merging a set with itself: read a flat copy */
			KsFlat	   *f = ks_flatten(b, KS_VERSION_HASH_ORDER);	/* read at once */

			ks_decode(f, VARSIZE(f), ks->desc, ks, sign, ERRCODE_INVALID_TEXT_REPRESENTATION);
			pfree(f);
			return;
		}
		ks_set_kind(ks, b->keykind);
		/* same kind and layout, so the same key representation */
		if (b->varkeys != ks->varkeys)
			elog(ERROR, "cannot merge %s values with different key representations",
				 ks->desc->type_name);
		if (b->param_set)
			ks_set_param(ks, b->param);
		if (b->period_set)
			ks_set_period(ks, b->period_months, b->period_usecs);
		if (b->zone)
			ks_set_zone(ks, b->zone, strlen(b->zone));
		KS_FOREACH(b, e, i)
		{
			KsKey		key = {0};

			if (b->varkeys)
			{
				key.ptr = ks_vkey_ptr(e);
				key.len = ks_vkey_len(e);
				key.hash = b->seed == ks->seed ? KS_VKEY(e)->hash :
					ks_hash_bytes(key.ptr, key.len, ks->seed);
			}
			else
			{
				key.ival = KS_IKEY(e);
				key.hash = ks_hash_int(key.ival, ks->seed);
			}
			if (b->desc->layout == KS_LAYOUT_COHORT)
			{
				uint64		one = KS_BITS(b, e);

				if (sign < 0)
					elog(ERROR, "cohort states cannot be removed");
				if (KS_EXT(b, e) == NULL)
					ks_cohort_merge(ks, &key, KS_START(b, e), KS_COUNT(b, e), &one, 1);
				else
				{
					/* the extension words follow ext[0]: pass word 0 apart */
					uint64		n = ks_cohort_nwords(b, e);
					uint64	   *w = palloc(n * sizeof(uint64));

					w[0] = one;
					memcpy(w + 1, KS_EXT(b, e) + 1, (n - 1) * sizeof(uint64));
					ks_cohort_merge(ks, &key, KS_START(b, e), KS_COUNT(b, e), w, n);
					pfree(w);
				}
				continue;
			}
			if (sign > 0)
				ks_add_entry(ks, &key, KS_COUNT(b, e),
							 b->desc->layout == KS_LAYOUT_SPAN ? KS_FIRST(b, e) : 0,
							 b->desc->layout == KS_LAYOUT_SPAN ? KS_LAST(b, e) : 0);
			else
				ks_merge_entry(ks, &key, KS_COUNT(b, e),
							   b->desc->layout == KS_LAYOUT_SPAN ? KS_FIRST(b, e) : 0,
							   b->desc->layout == KS_LAYOUT_SPAN ? KS_LAST(b, e) : 0, sign);
		}
	}
	else
	{
		KsFlat	   *f = (KsFlat *) PG_DETOAST_DATUM(d);

		ks_decode(f, VARSIZE(f), ks->desc, ks, sign, ERRCODE_INVALID_TEXT_REPRESENTATION);
	}
}

/* Merge datum d (flat or expanded) into ks. */
static void
ks_merge_datum(KeySet *ks, Datum d, int sign)
{
	ks_merge_datum_entries(ks, d, sign);
	ks_flush(ks);
}

/*
 * A new set for the aggregate calling fcinfo (in CurrentMemoryContext
 * outside one).  The groups of a grouped aggregate share a context; a
 * window holds one set per aggregate and deletes it on a frame restart.
 */
static KeySet *
ks_new_for(FunctionCallInfo fcinfo, const KsDesc *desc)
{
	MemoryContext aggcxt;
	int			agg_kind = AggCheckCallContext(fcinfo, &aggcxt);
	KeySet	   *ks;

	if (agg_kind == 0)
		aggcxt = CurrentMemoryContext;
	ks = ks_new_in(desc, aggcxt,
				   agg_kind == AGG_CONTEXT_AGGREGATE ? ks_shared_cxt(fcinfo, aggcxt) : NULL);

	/*
	 * A partial aggregate's state goes to a combine, never to storage (see
	 * KeySet.partial).  Only the form written depends on this, never a
	 * result: called otherwise (Citus's wrapper aggregates, say), the set
	 * is written in key order.
	 */
	if (agg_kind == AGG_CONTEXT_AGGREGATE && fcinfo->context != NULL &&
		IsA(fcinfo->context, AggState) &&
		DO_AGGSPLIT_SKIPFINAL(((AggState *) fcinfo->context)->aggsplit))
		ks->partial = true;
	return ks;
}

KeySet *
ks_for_update(FunctionCallInfo fcinfo, int argno, const KsDesc *desc)
{
	KeySet	   *ks = (KeySet *) rw_expanded_arg(fcinfo, argno, &ks_methods);

	if (ks && ks->desc == desc)
		return ks;
	ks = ks_new_for(fcinfo, desc);
	if (PG_ARGISNULL(argno))
		return ks;
	ks_merge_datum(ks, PG_GETARG_DATUM(argno), 1);
	return ks;
}

KeySet *
ks_read(FunctionCallInfo fcinfo, int argno, const KsDesc *desc)
{
	Datum		d = PG_GETARG_DATUM(argno);
	KeySet	   *ks;

	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
	{
		ks = (KeySet *) DatumGetEOHP(d);
		if (ks->hdr.eoh_methods == &ks_methods && ks->desc->layout == desc->layout)
		{
			/* a merged flat value has its summaries: no table for a final */
			if (ks->nruns > 0 && ks->npending == 0)
				(void) ks_merge_runs(ks);
			if (ks->merged == NULL || ks->nruns > 0)
				ks_flush(ks);
			return ks;
		}
	}
	ks = ks_new(desc, CurrentMemoryContext);
	ks_merge_datum(ks, d, 1);
	return ks;
}

/* ---------- merging flat values without a table ---------- */

/*
 * Whether two flat values are sorted alike, so that a merge of the two
 * needs no table: both in key order, or both in hash order.
 */
static inline bool
ks_same_order(const KsFlat *x, const KsFlat *y)
{
	return x->version == y->version &&
		(x->version == KS_VERSION_KEY_ORDER || x->reserved == y->reserved);
}

/* The order of two entries of flat values sorted alike. */
static inline int
ks_entry_cmp(const KeySet *ks, bool hashorder, const KsEntry *x, const KsEntry *y)
{
	if (hashorder && x->key.hash != y->key.hash)
		return x->key.hash < y->key.hash ? -1 : 1;
	if (!ks->varkeys)
		return x->key.ival < y->key.ival ? -1 : x->key.ival > y->key.ival;
	return cmp_bytes(x->key.ptr, x->key.len, y->key.ptr, y->key.len);
}

/*
 * Write entry e at p as varints, in the order of version (*prev: the
 * previous int key of version 1), and count it in the summaries.  Adds to
 * *fixed_size what the entry takes in fixed-width numbers.
 */
static char *
ks_put_entry(KeySet *ks, char *p, const KsEntry *e, int version, uint64 *prev,
			 Size *fixed_size)
{
	if (!ks->varkeys)
	{
		p = put_num(p, ks_int_code(version, e->key.ival, prev, ks->nentries == 0), false);
		*fixed_size += 8;
	}
	else
	{
		p = put_num(p, e->key.len, false);
		memcpy(p, e->key.ptr, e->key.len);
		p += e->key.len;
		*fixed_size += 8 + e->key.len;
	}
	p = put_num(p, (uint64) e->count, false);
	*fixed_size += 8;
	if (pg_add_s64_overflow(ks->total, e->count, &ks->total))
		count_out_of_range(ks);
	ks->nentries++;
	ks->nge2 += e->count >= 2;
	if (ks->param_set)
		ks->ngeparam += e->count >= ks->param;
	if (ks->desc->layout == KS_LAYOUT_SPAN)
	{
		int64		span = ks_span(ks, e->first, e->last);

		p = put_num(p, zigzag(e->first), false);
		p = put_num(p, (uint64) span, false);
		ks->span_sum += span;
		*fixed_size += 16;
	}
	return p;
}

/* The binary heap of ks_merge_runs: run indexes by their current entry. */
typedef struct KsRunHeap
{
	const KeySet *ks;
	bool		hashorder;
	KsEntry    *cur;			/* the current entry of each run */
	int		   *heap;
	int			n;
} KsRunHeap;

static inline bool
ks_heap_less(const KsRunHeap *h, int a, int b)
{
	return ks_entry_cmp(h->ks, h->hashorder, &h->cur[h->heap[a]], &h->cur[h->heap[b]]) < 0;
}

static void
ks_heap_down(KsRunHeap *h, int i)
{
	for (;;)
	{
		int			l = 2 * i + 1,
					m = i,
					t;

		if (l < h->n && ks_heap_less(h, l, m))
			m = l;
		if (l + 1 < h->n && ks_heap_less(h, l + 1, m))
			m = l + 1;
		if (m == i)
			return;
		t = h->heap[i];
		h->heap[i] = h->heap[m];
		h->heap[m] = t;
		i = m;
	}
}

/* Move the top run on to its next entry (or drop it when done). */
static void
ks_heap_advance(KsRunHeap *h, KsReader *readers)
{
	int			top = h->heap[0];

	if (!ks_reader_next(&readers[top], &h->cur[top]))
		h->heap[0] = h->heap[--h->n];
	if (h->n > 0)
		ks_heap_down(h, 0);
}

/*
 * Merge the runs (and merged, if any) into one flat value of their order,
 * ks->merged, with the running summaries: a k-way merge through a binary
 * heap of each run's current entry, O(entries * log runs), each run read
 * once in order and validated as it is read (ks_reader_next), as ks_decode
 * would.  This is how a parallel leader merges its workers' states and how
 * an aggregate over stored states merges them, neither with a table.
 * False, with nothing changed, when the result could exceed the size limit
 * of a value (ks_materialize then builds the table).
 */
static bool
ks_merge_runs(KeySet *ks)
{
	const KsDesc *desc = ks->desc;
	int			n = ks->nruns + (ks->merged ? 1 : 0),
				i,
				k = 0;
	KsFlat	  **in;
	KsReader   *readers;
	KsRunHeap	h;
	KsFlat	   *out;
	Size		inbytes = 0,
				cap,
				fixed_size = 0;
	uint64		prev = 0;
	int			version;
	char	   *p;

	if (ks->nruns == 0)
		return true;
	Assert(ks->npending == 0);
	in = palloc(n * sizeof(KsFlat *));
	if (ks->merged)
		in[k++] = ks->merged;
	for (i = 0; i < ks->nruns; i++)
		in[k++] = ks->runs[i];
	for (i = 0; i < n; i++)
		inbytes += VARSIZE(in[i]) - KS_HEADER_SIZE;

	/*
	 * Room for every entry as a varint: at most 10 bytes where a fixed-width
	 * input has 8.  An entry that would not fit grows the buffer.
	 */
	if (inbytes > (MaxAllocSize - KS_HEADER_SIZE) / 5 * 4 - 64)
	{
		pfree(in);
		return false;
	}
	cap = KS_HEADER_SIZE + (inbytes + 3) / 4 * 5 + 64;
	version = in[0]->version;
	readers = palloc(n * sizeof(KsReader));
	h.ks = ks;
	h.hashorder = version == KS_VERSION_HASH_ORDER;
	h.cur = palloc(n * sizeof(KsEntry));
	h.heap = palloc(n * sizeof(int));
	h.n = 0;
	for (i = 0; i < n; i++)
	{
		ks_reader_init(&readers[i], in[i], VARSIZE(in[i]), desc, ERRCODE_INVALID_TEXT_REPRESENTATION,
					   ks->seed);
		if (ks_reader_next(&readers[i], &h.cur[i]))
			h.heap[h.n++] = i;
	}
	for (i = h.n / 2 - 1; i >= 0; i--)
		ks_heap_down(&h, i);

	ks->nentries = 0;
	ks->total = 0;
	ks->nge2 = 0;
	ks->ngeparam = 0;
	ks->span_sum = 0;
	out = ks_alloc_large(ks->hdr.eoh_context, cap);
	p = out->data;
	while (h.n > 0)
	{
		KsEntry		acc = h.cur[h.heap[0]];

		/* many small runs: no reader reaches its own check */
		KS_CHECK_INTERRUPTS(ks->nentries);

		/* the key bytes stay valid: they point into the runs */
		ks_heap_advance(&h, readers);
		while (h.n > 0 && ks_entry_cmp(ks, h.hashorder, &h.cur[h.heap[0]], &acc) == 0)
		{
			const KsEntry *x = &h.cur[h.heap[0]];

			/* the same customer in another run: one entry */
			if (pg_add_s64_overflow(acc.count, x->count, &acc.count))
				count_out_of_range(ks);
			acc.first = Min(acc.first, x->first);
			acc.last = Max(acc.last, x->last);
			ks_heap_advance(&h, readers);
		}
		/* the longest entry: four varints of 10 bytes and the key */
		if ((Size) (p - (char *) out) + 40 + acc.key.len + 10 > cap)
		{
			Size		used = p - (char *) out;

			if (cap >= MaxAllocSize / 2)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("%s with " UINT64_FORMAT " customers is too large to store",
								desc->type_name, ks->nentries),
						 errdetail("Its stored form would exceed the 1 GB limit of a value.")));
			cap *= 2;
			out = repalloc(out, cap);
			p = (char *) out + used;
		}
		p = ks_put_entry(ks, p, &acc, version, &prev, &fixed_size);
	}
	memset(out, 0, KS_HEADER_SIZE);
	SET_VARSIZE(out, p - (char *) out);
	out->version = version;
	out->layout = desc->layout;
	out->keykind = ks->keykind;
	out->flags = ks->param_set ? KSF_PARAM_SET : 0;
	out->param = ks->param_set ? ks->param : 0;
	/* a hash-ordered result is in the runs' hash order, of their seed */
	out->reserved = h.hashorder ? in[0]->reserved : 0;
	out->nentries = ks->nentries;
	/* give back the room kept for entries in several runs */
	out = repalloc(out, VARSIZE(out));
	/* what a flatten from the table writes: varints, unless fixed is smaller */
	ks->merged_canonical = fixed_size >= (Size) (p - (char *) out) - KS_HEADER_SIZE;
	for (i = 0; i < n; i++)
		pfree(in[i]);
	pfree(in);
	pfree(readers);
	pfree(h.cur);
	pfree(h.heap);
	ks->nruns = 0;
	ks->runs_bytes = 0;
	ks->merged = out;
	ks_changed(ks);
	return true;
}

/*
 * Add flat value d (a copy in the set's context) to the runs of ks, to be
 * merged when the set is read; or into its table when it has one or d is
 * sorted otherwise than its runs.
 */
static void
ks_add_run(KeySet *ks, Datum d)
{
	MemoryContext old = MemoryContextSwitchTo(ks->hdr.eoh_context);
	KsFlat	   *f = (KsFlat *) PG_DETOAST_DATUM_COPY(d);
	const KsFlat *model;
	KsReader	r;

	MemoryContextSwitchTo(old);
	/* the header now, as ks_decode would; the entries as they are merged */
	ks_reader_init(&r, f, VARSIZE(f), ks->desc, ERRCODE_INVALID_TEXT_REPRESENTATION, ks->seed);
	ks_set_kind(ks, f->keykind);
	if (f->flags & KSF_PARAM_SET)
		ks_set_param(ks, f->param);
	if (f->nentries == 0)
	{
		pfree(f);
		return;
	}
	model = ks->nruns > 0 ? ks->runs[0] : ks->merged;
	if (ks->npending > 0 || (model == NULL && ks->nentries > 0) ||
		(model != NULL && !ks_same_order(model, f)))
	{
		ks_flush(ks);
		ks_decode(f, VARSIZE(f), ks->desc, ks, 1, ERRCODE_INVALID_TEXT_REPRESENTATION);
		ks_flush(ks);
		pfree(f);
		return;
	}
	if (ks->nruns == ks->maxruns)
	{
		ks->maxruns = Max(8, ks->maxruns * 2);
		ks->runs = ks->runs ?
			repalloc(ks->runs, ks->maxruns * sizeof(KsFlat *)) :
			MemoryContextAlloc(ks->hdr.eoh_context, ks->maxruns * sizeof(KsFlat *));
	}
	ks->runs[ks->nruns++] = f;
	ks->runs_bytes += VARSIZE(f);
	ks_changed(ks);

	/*
	 * Merge the runs once they hold as much as the merged value (and 1 MB):
	 * the memory held stays within about twice the merged value, however
	 * many states come (customers repeat across daily states), and each
	 * byte is merged O(1) times on average.
	 */
	if (ks->nruns >= 2 && ks->runs_bytes >= Max((Size) 1024 * 1024,
												ks->merged ? VARSIZE(ks->merged) : 0))
		(void) ks_merge_runs(ks);
}

void
ks_materialize(KeySet *ks)
{
	KsFlat	   *f = ks->merged;
	KsFlat	  **runs = ks->runs;
	int			nruns = ks->nruns,
				i;

	/* the table is empty: the summaries are merged's */
	ks->merged = NULL;
	ks->runs = NULL;
	ks->nruns = ks->maxruns = 0;
	ks->runs_bytes = 0;
	ks->nentries = 0;
	ks->total = 0;
	ks->nge2 = 0;
	ks->ngeparam = 0;
	ks->span_sum = 0;
	if (f)
	{
		ks_decode(f, VARSIZE(f), ks->desc, ks, 1, ERRCODE_INVALID_TEXT_REPRESENTATION);
		pfree(f);
	}
	for (i = 0; i < nruns; i++)
	{
		ks_decode(runs[i], VARSIZE(runs[i]), ks->desc, ks, 1, ERRCODE_INVALID_TEXT_REPRESENTATION);
		pfree(runs[i]);
	}
	if (runs)
		pfree(runs);
	if (ks->npending > 0)
		ks_flush_rows(ks);
}

/*
 * Combine two states.  In an aggregate (not a window, which takes states
 * back out), a flat state of the count and span layouts joins the runs of
 * the first (see KeySet.runs), merged when the set is read: the leader of
 * a parallel query merges its workers' states so, and an aggregate over
 * stored states merges n of them in O(entries * log n).  Otherwise (a
 * set with a table, an expanded second state, a window) the entries go
 * into the first state's table.
 */
/*
 * Whether datum d is a set built by a partial aggregate, whose flat form
 * (in hash order, no sort) is as good a run as a worker's.
 */
static inline bool
ks_is_partial_set(Datum d, const KsDesc *desc)
{
	KeySet	   *b;

	if (!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
		return false;
	b = (KeySet *) DatumGetEOHP(d);
	return b->hdr.eoh_methods == &ks_methods && b->desc == desc && b->partial;
}

/*
 * The combine function takes NULL (it is not STRICT): so the final
 * aggregate of a parallel plan always holds a set of its own, which is
 * written in the canonical key order, and never a copy of its first
 * partial state in the form that state came in.
 */
Datum
ks_combine(FunctionCallInfo fcinfo, const KsDesc *desc)
{
	Datum		d1;
	KeySet	   *a;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	d1 = PG_GETARG_DATUM(1);
	a = (KeySet *) rw_expanded_arg(fcinfo, 0, &ks_methods);
	if ((!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d1)) || ks_is_partial_set(d1, desc)) &&
		(desc->layout == KS_LAYOUT_COUNT || desc->layout == KS_LAYOUT_SPAN) &&
		AggCheckCallContext(fcinfo, NULL) == AGG_CONTEXT_AGGREGATE &&
		(a != NULL ? a->desc == desc :
		 (PG_ARGISNULL(0) || !VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(PG_GETARG_DATUM(0))))))
	{
		if (a == NULL)
		{
			a = ks_new_for(fcinfo, desc);
			if (!PG_ARGISNULL(0))
				ks_add_run(a, PG_GETARG_DATUM(0));
		}
		ks_add_run(a, d1);
		KS_RETURN(a);
	}
	a = ks_for_update(fcinfo, 0, desc);
	ks_merge_datum(a, d1, 1);
	KS_RETURN(a);
}

/*
 * Remove state b from state a.  Exact for counts; first and last purchase
 * times cannot be taken back, so a span state returns NULL, which makes a
 * window restart its frame (as core's numeric_accum_inv does).
 */
Datum
ks_uncombine(FunctionCallInfo fcinfo, const KsDesc *desc)
{
	KeySet	   *a;

	/* not STRICT, as the combine function: removing nothing changes nothing */
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	if (desc->layout == KS_LAYOUT_SPAN || desc->layout == KS_LAYOUT_COHORT)
		PG_RETURN_NULL();
	a = ks_for_update(fcinfo, 0, desc);
	ks_merge_datum(a, PG_GETARG_DATUM(1), -1);
	KS_RETURN(a);
}

/* ---------- text and binary I/O ---------- */

static void
ks_print_key(StringInfo buf, const KeySet *ks, const char *e)
{
	const char *p;
	uint32		len;

	if (!ks->varkeys)
	{
		appendStringInfo(buf, INT64_FORMAT, KS_IKEY(e));
		return;
	}
	p = ks_vkey_ptr(e);
	len = ks_vkey_len(e);
	if (ks->desc->layout == KS_LAYOUT_DAY)
		len -= KS_DAY_BYTES;
	switch (ks->keykind)
	{
		case KS_KEY_INT:
			appendStringInfo(buf, INT64_FORMAT, ks_get_int_bytes(p));
			break;
		case KS_KEY_UUID:
			{
				pg_uuid_t	u;

				memcpy(u.data, p, UUID_LEN);
				appendStringInfoString(buf, DatumGetCString(DirectFunctionCall1(uuid_out, UUIDPGetDatum(&u))));
				break;
			}
		case KS_KEY_TEXT:
			{
				uint32		k;

				appendStringInfoChar(buf, '"');
				for (k = 0; k < len; k++)
				{
					if (p[k] == '"' || p[k] == '\\')
						appendStringInfoChar(buf, '\\');
					appendStringInfoChar(buf, p[k]);
				}
				appendStringInfoChar(buf, '"');
				break;
			}
	}
	if (ks->desc->layout == KS_LAYOUT_DAY)
	{
		int			y,
					m,
					d;

		j2date(ks_entry_day(ks_vkey_ptr(e), ks_vkey_len(e)) + POSTGRES_EPOCH_JDATE, &y, &m, &d);
		appendStringInfo(buf, "@%04d-%02d-%02d", y, m, d);
	}
}

Datum
ks_out(FunctionCallInfo fcinfo, const KsDesc *desc)
{
	KeySet	   *ks = ks_read(fcinfo, 0, desc);
	StringInfoData buf;
	char	  **v = ks_sorted(ks);
	uint64		i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d %s", KS_TEXT_VERSION, kind_names[ks->keykind]);
	if (ks->param_set)
		appendStringInfo(&buf, " %s=%d", desc->param_name, ks->param);
	if (ks->period_set)
	{
		appendStringInfoString(&buf, " period=");
		ks_format_period(&buf, ks->period_months, ks->period_usecs);
	}
	if (ks->zone)
		appendStringInfo(&buf, " zone=%s", ks->zone);
	appendStringInfoString(&buf, " {");
	for (i = 0; i < ks->nentries; i++)
	{
		char	   *e = v[i];

		KS_CHECK_INTERRUPTS(i);
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		ks_print_key(&buf, ks, e);
		appendStringInfo(&buf, ":" INT64_FORMAT, KS_COUNT(ks, e));
		if (desc->layout == KS_LAYOUT_SPAN)
			appendStringInfo(&buf, ":" INT64_FORMAT ":" INT64_FORMAT,
							 KS_FIRST(ks, e), KS_LAST(ks, e));
		if (desc->layout == KS_LAYOUT_COHORT)
		{
			uint64		n = ks_cohort_used(ks, e),
						w;
			int			b,
						last;

			appendStringInfo(&buf, ":" INT64_FORMAT ":", KS_START(ks, e));
			/* one character per period, period 0 first, up to the last active one */
			for (w = 0; w < n; w++)
			{
				uint64		word = ks_cohort_word(ks, e, w);

				last = (w == n - 1) ? pg_leftmost_one_pos64(word) : 63;
				for (b = 0; b <= last; b++)
					appendStringInfoChar(&buf, (word >> b) & 1 ? '1' : '0');
				if ((w & 0x3fff) == 0x3fff)
					CHECK_FOR_INTERRUPTS();
			}
		}
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

static inline const char *
skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* Parse a signed 64-bit integer; NULL when there is none or it overflows. */
static const char *
parse_int64(const char *p, int64 *v)
{
	bool		neg = false;
	uint64		u = 0;
	const char *start;

	if (*p == '-' || *p == '+')
		neg = (*p++ == '-');
	start = p;
	while (*p >= '0' && *p <= '9')
	{
		if (u > (PG_UINT64_MAX - (*p - '0')) / 10)
			return NULL;
		u = u * 10 + (*p++ - '0');
	}
	if (p == start || u > (neg ? KS_SIGN_BIT : (uint64) PG_INT64_MAX))
		return NULL;
	*v = neg ? (int64) (0 - u) : (int64) u;
	return p;
}

Datum
ks_in(FunctionCallInfo fcinfo, const KsDesc *desc)
{
	char	   *str = PG_GETARG_CSTRING(0);
	const char *p = skip_ws(str);
	KeySet	   *ks = ks_new(desc, CurrentMemoryContext);
	StringInfoData kb;
	uint8		kind = KS_KEY_NONE;
	int			k;
	KsFlat	   *f;

	if (strncmp(p, "v1", 2) != 0 || (p[2] != ' ' && p[2] != '\t'))
		bad_text(desc, str, "It does not start with the version \"v1\".");
	p = skip_ws(p + 2);
	for (k = 0; k < (int) lengthof(kind_names); k++)
	{
		size_t		n = strlen(kind_names[k]);

		if (strncmp(p, kind_names[k], n) == 0 && (p[n] == ' ' || p[n] == '\t' || p[n] == '{'))
		{
			kind = k;
			p = skip_ws(p + n);
			break;
		}
	}
	if (k == (int) lengthof(kind_names))
		bad_text(desc, str, "The key kind must be empty, int, text or uuid.");
	ks_set_kind(ks, kind);
	if (desc->param_name && strncmp(p, desc->param_name, strlen(desc->param_name)) == 0)
	{
		int64		v;

		p += strlen(desc->param_name);
		if (*p != '=' || (p = parse_int64(p + 1, &v)) == NULL || v < 1 || v > PG_INT32_MAX)
			bad_text(desc, str, psprintf("%s must be an integer from 1 to %d.", desc->param_name, PG_INT32_MAX));
		ks_set_param(ks, (int32) v);
		p = skip_ws(p);
	}
	if (desc->layout == KS_LAYOUT_COHORT && strncmp(p, "period=", 7) == 0)
	{
		int64		v;
		int32		months = 0;
		int64		usecs = 0;

		if ((p = parse_int64(p + 7, &v)) == NULL)
			bad_text(desc, str, "A period is a positive integer followed by mon, d or us.");
		if (strncmp(p, "mon", 3) == 0 && v <= PG_INT32_MAX)
		{
			months = (int32) v;
			p += 3;
		}
		else if (*p == 'd' && v <= PG_INT64_MAX / USECS_PER_DAY)
		{
			usecs = v * USECS_PER_DAY;
			p++;
		}
		else if (strncmp(p, "us", 2) == 0)
		{
			usecs = v;
			p += 2;
		}
		else
			bad_text(desc, str, "A period is a positive integer followed by mon, d or us.");
		if (!ks_valid_period(months, usecs))
			bad_text(desc, str, "A period is a positive integer followed by mon, d or us.");
		ks_set_period(ks, months, usecs);
		p = skip_ws(p);
		if (strncmp(p, "zone=", 5) == 0)
		{
			const char *z = p + 5;

			p = z;
			while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '{')
				p++;
			if (!ks_valid_zone(z, p - z))
				bad_text(desc, str, "A time zone is a name without spaces, braces, quotes, commas or backslashes.");
			ks_set_zone(ks, z, p - z);
			p = skip_ws(p);
		}
	}
	if (*p != '{')
		bad_text(desc, str, "The entries must be enclosed in braces.");
	p = skip_ws(p + 1);
	initStringInfo(&kb);
	if (*p == '}')
		p++;
	else
		for (;;)
		{
			KsKey		key;
			int64		count,
						first = 0,
						last = 0;
			int64		iv = 0,
						iv_span;
			bool		found;
			char	   *e;

			CHECK_FOR_INTERRUPTS();
			if (kind == KS_KEY_NONE)
				bad_text(desc, str, "An empty state has no entries.");
			resetStringInfo(&kb);
			if (kind == KS_KEY_INT)
			{
				if ((p = parse_int64(p, &iv)) == NULL)
					bad_text(desc, str, "A key is not a 64-bit integer.");
				if (ks->varkeys)
				{
					enlargeStringInfo(&kb, 8);
					ks_put_int_bytes(kb.data, iv);
					kb.len = 8;
				}
			}
			else if (kind == KS_KEY_UUID)
			{
				char		u[UUID_LEN * 2 + 5];
				pg_uuid_t  *uu;

				if (strlen(p) < sizeof(u) - 1)
					bad_text(desc, str, "A key is not a uuid.");
				memcpy(u, p, sizeof(u) - 1);
				u[sizeof(u) - 1] = '\0';
				uu = DatumGetUUIDP(DirectFunctionCall1(uuid_in, CStringGetDatum(u)));
				appendBinaryStringInfo(&kb, (char *) uu->data, UUID_LEN);
				p += sizeof(u) - 1;
			}
			else
			{
				if (*p++ != '"')
					bad_text(desc, str, "A text key must be in double quotes.");
				while (*p != '"')
				{
					if (*p == '\\')
						p++;
					if (*p == '\0')
						bad_text(desc, str, "A text key is not terminated.");
					appendStringInfoChar(&kb, *p++);
				}
				p++;
				if (!valid_text_bytes(kb.data, kb.len))
					bad_text(desc, str, "A text key is not valid in the database encoding.");
			}
			if (desc->layout == KS_LAYOUT_DAY)
			{
				int			y,
							m,
							d,
							n = 0,
							y2,
							m2,
							d2;
				int32		day;

				/*
				 * date2j does not check its arguments: a month or day far
				 * out of range overflows its arithmetic (defined only
				 * because the server builds with -fwrapv).  The round trip
				 * below rejects the rest (February 30).
				 */
				if (*p != '@' || sscanf(p + 1, "%d-%d-%d%n", &y, &m, &d, &n) != 3 || n == 0 ||
					m < 1 || m > 12 || d < 1 || d > 31 || !IS_VALID_JULIAN(y, m, d))
					bad_text(desc, str, "A key must be followed by @YYYY-MM-DD.");
				day = date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
				/* IS_VALID_JULIAN checks no day: -4713-11-01 is before day 0 */
				if (!valid_day(day))
					bad_text(desc, str, "A day is not a valid date.");
				j2date(day + POSTGRES_EPOCH_JDATE, &y2, &m2, &d2);
				if (y2 != y || m2 != m || d2 != d)
					bad_text(desc, str, "A day is not a valid date.");
				p += 1 + n;
				enlargeStringInfo(&kb, KS_DAY_BYTES);
				ks_put_day(kb.data + kb.len, day);
				kb.len += KS_DAY_BYTES;
			}
			if (*p != ':' || (p = parse_int64(p + 1, &count)) == NULL || count < 1)
				bad_text(desc, str, "A count must follow a key, as a positive integer.");
			if (desc->layout == KS_LAYOUT_COHORT)
			{
				if (*p != ':' || (p = parse_int64(p + 1, &first)) == NULL ||
					!IS_VALID_TIMESTAMP(first) || *p != ':' || (p[1] != '0' && p[1] != '1'))
					bad_text(desc, str, "A count must be followed by :start:periods, a valid timestamp in microseconds and a string of 0 and 1, one per period.");
				p++;
			}
			if (desc->layout == KS_LAYOUT_SPAN)
			{
				if (*p != ':' || (p = parse_int64(p + 1, &first)) == NULL ||
					*p != ':' || (p = parse_int64(p + 1, &last)) == NULL ||
					first > last || !IS_VALID_TIMESTAMP(first) || !IS_VALID_TIMESTAMP(last))
					bad_text(desc, str, "A count must be followed by :first:last, valid timestamps in microseconds with first <= last.");
				if (pg_sub_s64_overflow(last, first, &iv_span))
					bad_text(desc, str, "A customer's first and last purchase times are more than 9223372036854775807 microseconds apart.");
				/* one purchase has no span (no sfunc, inverse or merge makes one) */
				if (count == 1 && first != last)
					bad_text(desc, str, "A customer with one purchase has a first and a last purchase time that differ.");
			}
			if (ks->varkeys)
			{
				key.ptr = kb.data;
				key.len = kb.len;
				key.hash = ks_hash_bytes(kb.data, kb.len, ks->seed);
			}
			else
			{
				key.ival = iv;
				key.hash = ks_hash_int(iv, ks->seed);
			}
			e = ks_insert(ks, &key, &found);
			if (found)
				bad_text(desc, str, "A customer appears twice.");
			KS_COUNT(ks, e) = count;
			if (desc->layout == KS_LAYOUT_SPAN)
			{
				KS_FIRST(ks, e) = first;
				KS_LAST(ks, e) = last;
			}
			if (desc->layout == KS_LAYOUT_COHORT)
			{
				int64		period = 0;

				KS_START(ks, e) = first;
				KS_BITS(ks, e) = 0;
				KS_EXT(ks, e) = NULL;
				for (; *p == '0' || *p == '1'; p++, period++)
				{
					if (period > KS_MAX_PERIOD)
						bad_text(desc, str, "A customer has too many periods.");
					if ((period & 0xfffff) == 0xfffff)
						CHECK_FOR_INTERRUPTS();
					if (*p != '1')
						continue;
					if (period < 64)
						KS_BITS(ks, e) |= UINT64CONST(1) << period;
					else
						ks_cohort_words(ks, e, (uint64) period / 64)[period / 64] |=
							UINT64CONST(1) << (period & 63);
				}
				if (p[-1] != '1')
					bad_text(desc, str, "A string of periods ends with the last active period, a 1.");
			}
			p = skip_ws(p);
			if (*p == '}')
			{
				p++;
				break;
			}
			if (*p != ',')
				bad_text(desc, str, "Entries must be separated by commas.");
			p = skip_ws(p + 1);
		}
	if (*skip_ws(p) != '\0')
		bad_text(desc, str, "There is text after the closing brace.");
	if (kind != KS_KEY_NONE && ks->nentries == 0)
		bad_text(desc, str, "A state with a key kind has entries; write \"v1 empty {}\".");
	f = ks_flatten(ks, KS_VERSION_KEY_ORDER);
	ks_decode(f, VARSIZE(f), desc, NULL, 0, ERRCODE_INVALID_TEXT_REPRESENTATION);
	PG_RETURN_POINTER(f);
}

Datum
ks_send(FunctionCallInfo fcinfo, const KsDesc *desc)
{
	KeySet	   *ks = ks_read(fcinfo, 0, desc);
	/* in key order: hash_bytes depends on the byte order of the machine */
	KsFlat	   *f = ks_flatten(ks, KS_VERSION_KEY_ORDER);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, f->version);
	pq_sendbyte(&buf, f->layout);
	pq_sendbyte(&buf, f->keykind);
	pq_sendbyte(&buf, f->flags);
	pq_sendint32(&buf, (uint32) f->param);
	pq_sendint32(&buf, f->reserved);
	pq_sendint64(&buf, f->nentries);
	/* the entries are byte-order independent already */
	pq_sendbytes(&buf, f->data, VARSIZE(f) - KS_HEADER_SIZE);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
ks_recv(FunctionCallInfo fcinfo, const KsDesc *desc)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	KsFlat		h = {0};
	KsFlat	   *f;
	int			rest;

	h.version = pq_getmsgbyte(buf);
	h.layout = pq_getmsgbyte(buf);
	h.keykind = pq_getmsgbyte(buf);
	h.flags = pq_getmsgbyte(buf);
	h.param = (int32) pq_getmsgint(buf, 4);
	h.reserved = pq_getmsgint(buf, 4);
	h.nentries = pq_getmsgint64(buf);
	rest = buf->len - buf->cursor;
	if ((Size) rest > MaxAllocSize - KS_HEADER_SIZE)
		bad_state(desc, ERRCODE_INVALID_BINARY_REPRESENTATION, "The value is too large.");
	f = palloc(KS_HEADER_SIZE + rest);
	memcpy(f, &h, KS_HEADER_SIZE);
	SET_VARSIZE(f, KS_HEADER_SIZE + rest);
	memcpy(f->data, pq_getmsgbytes(buf, rest), rest);
	ks_decode(f, VARSIZE(f), desc, NULL, 0, ERRCODE_INVALID_BINARY_REPRESENTATION);
	PG_RETURN_POINTER(f);
}
