/*-------------------------------------------------------------------------
 *
 * keyset_flat.c
 *	  The flat forms of the distinct-customer set, their validating reader
 *	  and the expanded-object methods that write them.
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
 *		A span state with a period (flag KSF_RANGE, returning customer
 *		rate) has it next: the range's kind (period.h's PeriodKind),
 *		zigzag(start), zigzag(end) in microseconds.
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
#include "keyset_int.h"
#include "period.h"


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

static inline int64
unzigzag(uint64 u)
{
	return (int64) (u >> 1) ^ -(int64) (u & 1);
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
char **
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
	if (ks->range_kind)
		total += num_size(ks->range_kind, fixed) + num_size(zigzag(ks->range_start), fixed) +
			num_size(zigzag(ks->range_end), fixed);
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
		(ks->period_set ? KSF_PERIOD : 0) | (ks->zone ? KSF_ZONE : 0) |
		(ks->range_kind ? KSF_RANGE : 0);
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
	if (ks->range_kind)
	{
		p = put_num(p, ks->range_kind, fixed);
		p = put_num(p, zigzag(ks->range_start), fixed);
		p = put_num(p, zigzag(ks->range_end), fixed);
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

Size
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

void
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
KsFlat *
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


/*
 * seed: the seed to hash the keys of a key-ordered value under (a
 * hash-ordered value's own is in its header).
 */
void
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
	if ((f->flags & KSF_RANGE) && !desc->has_range)
		bad_state(desc, sqlstate, "The value has a period range but its type has none.");
	if (desc->has_range && f->nentries > 0 && !(f->flags & KSF_RANGE))
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
	if (f->flags & KSF_RANGE)
	{
		uint64		k,
					a,
					b;
		const char *problem;

		if (!get_num(&r->p, r->end, r->fixed, &k) || !get_num(&r->p, r->end, r->fixed, &a) ||
			!get_num(&r->p, r->end, r->fixed, &b))
			bad_state(desc, sqlstate, "The period is truncated.");
		if (k < PERIOD_DATE || k > PERIOD_TIMESTAMPTZ)
			bad_state(desc, sqlstate, "The kind of the period is invalid.");
		problem = period_problem((PeriodKind) k, unzigzag(a), unzigzag(b));
		if (problem)
			bad_state(desc, sqlstate, problem);
		r->range_kind = (uint8) k;
		r->range_start = unzigzag(a);
		r->range_end = unzigzag(b);
	}
}

/*
 * The next entry into *e, or false after the last one.  A cohort bitmap of
 * more than one word is palloc'd: the caller frees it (e->words != &e->one).
 */
bool
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
		/* orders at or after the period's end are never kept */
		if (r->range_kind && e->last >= r->range_end)
			bad_state(desc, sqlstate, "A purchase time is not before the end of the period.");
		/* a daterange state's times are dates, at midnight */
		if (r->range_kind == PERIOD_DATE &&
			(e->first % USECS_PER_DAY != 0 || e->last % USECS_PER_DAY != 0))
			bad_state(desc, sqlstate, "A purchase time of a daterange state is not a date.");
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

		/*
		 * Every active period was marked by a row of the customer: each
		 * row marks one period (a bracket row two, and counts two), and a
		 * merge adds the rows and ORs the periods.  So no state any
		 * aggregate builds has more active periods than rows, whichever
		 * wrapper (cohort_periods_state, recurring_retention_state,
		 * cohort_retention_brackets_state) holds it.
		 */
		{
			uint64		active = 0;

			for (w = 0; w < n && active <= count; w++)
				active += pg_popcount64(e->words[w]);
			if (active > count)
				bad_state(desc, sqlstate, "A customer has more active periods than rows.");
		}
	}
	return true;
}

/*
 * Check a flat value completely and, when into is not NULL, add (sign > 0)
 * or remove (sign < 0) its entries there.
 */
void
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
		if (r.range_kind)
			ks_set_range(into, r.range_kind, r.range_start, r.range_end, true);
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

