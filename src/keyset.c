/*-------------------------------------------------------------------------
 *
 * keyset.c
 *	  The exact distinct-customer set behind the order metrics: its hash
 *	  table (creation, hashing, growth, batching, keys of rows, merging
 *	  entries) and the SQL-facing access.  See keyset_int.h for the rest.
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
 * in an arena instead, the slot holding its hash, length and a pointer
 * (see KsVarKey in keyset_int.h): keys up to 19 bytes (uuids, most customer
 * ids) are compared without a second cache miss.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>
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
#include "keyset_int.h"
#include "period.h"
#include "state.h"


const ExpandedObjectMethods ks_methods = {
	ks_get_flat_size,
	ks_flatten_into
};

const char *const kind_names[4] = {"empty", "int", "text", "uuid"};

static uint32 ks_statement_seed(void);

/* ---------- errors ---------- */

/*
 * A stored or received state that fails validation: sqlstate is 22P03
 * (invalid_binary_representation) for a value from a receive function, as
 * the server's own receive functions report it, and 22P02 otherwise.
 */
void pg_attribute_noreturn()
bad_state(const KsDesc *desc, int sqlstate, const char *detail)
{
	state_bad_value(desc->type_name, sqlstate, detail);
}

/* A text form that fails to parse. */
void pg_attribute_noreturn()
bad_text(const KsDesc *desc, const char *str, const char *detail)
{
	state_bad_text(desc->type_name, str, detail,
				   desc->layout == KS_LAYOUT_COHORT ?
				   "The form is \"v1 <int|text|uuid|empty> period=<n><mon|d|us> [zone=<TimeZone>] {key:rows:start:periods,...}\", as the output function writes it." :
				   desc->has_range ?
				   "The form is \"v1 <int|text|uuid|empty> [period=<daterange|tsrange|tstzrange>[start,end)] {key:count:first:last,...}\", as the output function writes it." :
				   "The form is \"v1 <int|text|uuid|empty> {key:count,...}\", as the output function writes it.");
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
void
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

/* A period as "daterange [2026-01-01, 2026-02-01)", for messages. */
static char *
ks_range_text(uint8 kind, int64 start, int64 end)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "%s [", period_kind_name(kind));
	period_format_bound(&buf, start);
	appendStringInfoString(&buf, ", ");
	period_format_bound(&buf, end);
	appendStringInfoChar(&buf, ')');
	return buf.data;
}

void
ks_set_range(KeySet *ks, uint8 kind, int64 start, int64 end, bool later_wins)
{
	if (likely(ks->range_kind == kind && ks->range_start == start && ks->range_end == end))
		return;
	if (ks->range_kind == 0)
	{
		ks->range_kind = kind;
		ks->range_start = start;
		ks->range_end = end;
		ks_changed(ks);
		return;
	}
	if (!later_wins)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period %s differs from the period %s of other rows of the group",
						ks_range_text(kind, start, end),
						ks_range_text(ks->range_kind, ks->range_start, ks->range_end)),
				 errhint("Use the same period for every row of a group; merge the states of different periods instead.")));
	if (kind != ks->range_kind || end == ks->range_end)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge %s values of periods %s and %s",
						ks->desc->type_name,
						ks_range_text(ks->range_kind, ks->range_start, ks->range_end),
						ks_range_text(kind, start, end)),
				 errhint("Merged states keep the period that ends later; states of one kind of range whose periods end at the same time must have the same period.")));
	if (end > ks->range_end)
	{
		/* the earlier state's orders are all before its end: history here */
		ks->range_start = start;
		ks->range_end = end;
		ks_changed(ks);
	}
}

KeySet *
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

void *
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
void
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

int32
ks_entry_day(const char *bytes, uint32 len)
{
	const unsigned char *b = (const unsigned char *) bytes + len - KS_DAY_BYTES;
	uint32		u = ((uint32) b[0] << 24) | ((uint32) b[1] << 16) | ((uint32) b[2] << 8) | b[3];

	return (int32) (u ^ 0x80000000);
}

/* The set's key kind of each key type. */
static const uint8 key_kind_of[] = {
	[CUSTOMER_KEY_INT4] = KS_KEY_INT,
	[CUSTOMER_KEY_INT8] = KS_KEY_INT,
	[CUSTOMER_KEY_TEXT] = KS_KEY_TEXT,
	[CUSTOMER_KEY_UUID] = KS_KEY_UUID
};

/*
 * Per-call-site cache (fn_extra): whether the key's collation is checked
 * and a buffer for composite keys.  Only what may be rebuilt on any row:
 * Citus's worker_partial_agg calls the transition function with a new
 * FmgrInfo, in a short-lived context, for every row, so nothing that must
 * outlive a row (such as the shared context below, or a reset callback
 * pointing into this cache) may hang off fn_extra.
 */
typedef struct KsFnCache
{
	void	   *extra;			/* the caller's own (ks_fn_extra) */
	bool		checked;		/* the key's collation has been checked */
	char	   *buf;
	Size		bufsize;
} KsFnCache;

static KsFnCache *
ks_fn_cache(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo->fn_extra == NULL)
		fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
														  sizeof(KsFnCache));
	return (KsFnCache *) fcinfo->flinfo->fn_extra;
}

void	  **
ks_fn_extra(FunctionCallInfo fcinfo)
{
	return &ks_fn_cache(fcinfo)->extra;
}

/*
 * The context for the sets of one aggregate context: a child of it (as
 * nodeAgg requires of a read-write expanded transition value it keeps),
 * found among its children by name (there are few), as funnel.c and the
 * cohort wrappers do.
 */
#define KS_SHARED_NAME	"retention keysets"

static MemoryContext
ks_shared_cxt(MemoryContext aggcxt)
{
	MemoryContext child;

	for (child = aggcxt->firstchild; child != NULL; child = child->nextchild)
		if (strcmp(child->name, KS_SHARED_NAME) == 0)
			return child;
	return AllocSetContextCreate(aggcxt, KS_SHARED_NAME, ALLOCSET_DEFAULT_SIZES);
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

void pg_attribute_noreturn()
count_out_of_range(const KeySet *ks)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("order count out of range in %s", ks->desc->type_name)));
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
		if (b->range_kind)
			ks_set_range(ks, b->range_kind, b->range_start, b->range_end, true);
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
void
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
KeySet *
ks_new_for(FunctionCallInfo fcinfo, const KsDesc *desc)
{
	MemoryContext aggcxt;
	int			agg_kind = AggCheckCallContext(fcinfo, &aggcxt);
	KeySet	   *ks;

	if (agg_kind == 0)
		aggcxt = CurrentMemoryContext;
	ks = ks_new_in(desc, aggcxt,
				   agg_kind == AGG_CONTEXT_AGGREGATE ? ks_shared_cxt(aggcxt) : NULL);

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


/*
 * Span layout, a window's inverse transition: a row strictly between the
 * customer's first and last times, or of a customer whose times are all
 * one, leaves both bounds as they are.
 */
bool
ks_remove_span_row(KeySet *ks, const KsKey *key, int64 t)
{
	char	   *e;

	Assert(ks->desc->layout == KS_LAYOUT_SPAN);
	e = ks_find(ks, key);
	if (e != NULL && KS_COUNT(ks, e) > 1 &&
		(t <= KS_FIRST(ks, e) || t >= KS_LAST(ks, e)) &&
		KS_FIRST(ks, e) != KS_LAST(ks, e))
		return false;
	/* an absent customer is ks_merge_entry's error */
	ks_merge_entry(ks, key, 1, 0, 0, -1);
	return true;
}

/* ---------- the summaries a final function reads (keyset.h) ---------- */

/*
 * The running summaries count the rows in the table and in merged: only
 * the rows kept back by ks_add_entry are missing (a set from ks_read has
 * none).
 */
static inline void
ks_summaries_ready(KeySet *ks)
{
	if (unlikely(ks->npending > 0))
		ks_flush_rows(ks);
}

uint64
ks_customers(KeySet *ks)
{
	ks_summaries_ready(ks);
	if (ks->desc->layout == KS_LAYOUT_DAY)
		return ks->users != NULL ? ks->users->nentries : 0;
	return ks->nentries;
}

int64
ks_rows(KeySet *ks)
{
	ks_summaries_ready(ks);
	return ks->total;
}

uint64
ks_repeat_customers(KeySet *ks)
{
	ks_summaries_ready(ks);
	return ks->nge2;
}

uint64
ks_customers_reaching_param(KeySet *ks)
{
	ks_summaries_ready(ks);
	return ks->ngeparam;
}

bool
ks_mean_gap(KeySet *ks, int64 *mean)
{
	int64		gaps;

	Assert(ks->desc->layout == KS_LAYOUT_SPAN);
	ks_summaries_ready(ks);
	/* each customer contributes count - 1 gaps spanning last - first */
	gaps = ks->total - (int64) ks->nentries;
	if (gaps == 0)
		return false;
	/* at most the longest span, which ks_span keeps within an int64 */
#ifdef HAVE_INT128
	*mean = (int64) ((ks->span_sum + gaps / 2) / gaps);
#else
	*mean = (int64) roundl(ks->span_sum / gaps);
#endif
	return true;
}

bool
ks_range_start(KeySet *ks, int64 *start)
{
	if (ks->range_kind == 0)
		return false;
	*start = ks->range_start;
	return true;
}
