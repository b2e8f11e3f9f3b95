/*-------------------------------------------------------------------------
 *
 * mrr.c
 *	  mrr_movements(customer_id, month, mrr) (SPEC section 9): the monthly
 *	  MRR bridge of a group (new, expansion, contraction, churn and
 *	  reactivation per calendar month), without a date spine, and its
 *	  storable state mrr_movements_state.
 *
 * A movement depends on a customer's MRR in the month before and on
 * whether it ever paid earlier, so no per-month summary can be merged
 * exactly: the state is the customer-month table itself, one entry per
 * (customer, calendar month) with the month's MRR in 1/10000 units (see
 * amount.h).  Merging two states adds the entries of equal (customer,
 * month): states by customer range, by quarter, of parallel workers and of
 * Citus shards all merge exactly, whatever split them.
 *
 * While a group is aggregated the state is an expanded object (an array
 * of entries appended to, plus an arena of key bytes for text and uuid
 * keys); it is sorted by (customer, month) and equal entries are added up
 * when the array fills and when the value leaves the aggregate.  The flat
 * form is that sorted table: the header, the entries, then the distinct
 * key bytes.  The final function walks each customer's months once.
 *
 * Text form:
 *	v1 grain=month key=int 42=2024-01:99.0000,2024-02:120.0000 43=2024-03:0.0000
 * customers in key order (integers by value, text and uuid keys by their
 * bytes), each with its months in order; text keys are double-quoted with
 * backslash escapes.  A month whose MRR is 0 is kept: it extends the
 * group's months (the bridge runs to the latest month with a row).
 * The grain is the period of the bridge: the aggregates build monthly
 * states; quarterly and yearly ones (each period's first month and its
 * MRR) read and merge among themselves, never with another grain (22023).
 *
 * No moving-aggregate support: the bridge of a frame is a function of the
 * whole customer-month table, so the final function costs O(frame) per row
 * anyway; a sliding window recomputes each frame.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "common/int.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/expandeddatum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/typcache.h"
#include "utils/uuid.h"

#include "amount.h"
#include "customer_key.h"
#include "expanded.h"

#define MRR_VERSION			1

/* Key kinds (the state's, fixed by its first row). */
#define MRR_KEY_INT			1	/* int4 or int8 */
#define MRR_KEY_TEXT		2
#define MRR_KEY_UUID		3

/*
 * Period grains, in months: the aggregates build monthly states; quarterly
 * and yearly states (each period's first month, its MRR) are read and
 * merged among themselves, never with another grain.
 */
#define MRR_GRAIN_MONTH		1
#define MRR_GRAIN_QUARTER	3
#define MRR_GRAIN_YEAR		12

static inline bool
mrr_valid_grain(int grain)
{
	return grain == MRR_GRAIN_MONTH || grain == MRR_GRAIN_QUARTER || grain == MRR_GRAIN_YEAR;
}

/* Months are counted from year 1: index = year * 12 + month - 1. */
#define MRR_MONTH_MIN		(1 * 12)
#define MRR_MONTH_MAX		(9999 * 12 + 11)

/* One (customer, month) of the table; 24 bytes. */
typedef struct MrrEntry
{
	int64		key;			/* int key, or offset of the key bytes */
	int64		units;			/* MRR in 1/AMOUNT_SCALE, >= 0 */
	int32		month;			/* month index (see above) */
	int32		keylen;			/* bytes of a text or uuid key; 0 for int */
} MrrEntry;

/* The flat form: header, entries, key bytes. */
typedef struct MrrFlat
{
	int32		vl_len_;
	uint8		version;
	uint8		keykind;
	uint8		grain;
	uint8		flags;			/* zero; room for future flags */
	int32		nentries;
	uint32		arena_len;
	MrrEntry	entries[FLEXIBLE_ARRAY_MEMBER];
} MrrFlat;

#define MRR_FLAT_HDR		offsetof(MrrFlat, entries)
#define MRR_FLAT_SIZE(n, a)	(MRR_FLAT_HDR + sizeof(MrrEntry) * (Size) (n) + (a))
#define MRR_MAX_ENTRIES		((int64) (MaxAllocSize / 2 / sizeof(MrrEntry)))

/* The working form. */
typedef struct MrrExpanded
{
	ExpandedObjectHeader hdr;
	uint8		keykind;		/* 0 until the first row */
	uint8		grain;
	bool		compact;		/* sorted by (key, month), no duplicates */
	int64		nentries;
	int64		capacity;
	MrrEntry   *entries;
	char	   *arena;			/* key bytes */
	Size		arena_len;
	Size		arena_cap;
	int64		last_off;		/* the last key appended to the arena */
	int32		last_len;
} MrrExpanded;

/* Read access to a state, flat or expanded (compacted first). */
typedef struct MrrView
{
	uint8		keykind;
	uint8		grain;
	int64		nentries;
	const MrrEntry *entries;
	const char *arena;
} MrrView;

static Size mrr_get_flat_size(ExpandedObjectHeader *eohptr);
static void mrr_flatten_into(ExpandedObjectHeader *eohptr, void *result,
							 Size allocated_size);

static const ExpandedObjectMethods mrr_methods = {
	mrr_get_flat_size,
	mrr_flatten_into
};

static const char *
key_kind_name(int kind)
{
	switch (kind)
	{
		case MRR_KEY_INT:
			return "int";
		case MRR_KEY_TEXT:
			return "text";
		case MRR_KEY_UUID:
			return "uuid";
	}
	return "none";
}

static const char *
grain_name(int grain)
{
	switch (grain)
	{
		case MRR_GRAIN_MONTH:
			return "month";
		case MRR_GRAIN_QUARTER:
			return "quarter";
		case MRR_GRAIN_YEAR:
			return "year";
	}
	return "unknown";
}

/* ---------- the working form ---------- */

static MrrExpanded *
mrr_new(MemoryContext parent, int64 capacity)
{
	MemoryContext cxt = AllocSetContextCreate(parent, "mrr_movements_state",
											  ALLOCSET_SMALL_SIZES);
	MrrExpanded *e = MemoryContextAllocZero(cxt, sizeof(MrrExpanded));

	EOH_init_header(&e->hdr, &mrr_methods, cxt);
	e->grain = MRR_GRAIN_MONTH;
	e->compact = true;
	e->capacity = Max(capacity, 16);
	e->entries = MemoryContextAllocHuge(cxt, sizeof(MrrEntry) * e->capacity);
	e->last_off = -1;
	return e;
}

/* Key comparison of two entries of one state (or of two arenas). */
static inline int
mrr_key_cmp(const MrrEntry *a, const char *arena_a, const MrrEntry *b,
			const char *arena_b, bool varkeys)
{
	int			c;

	if (!varkeys)
		return a->key < b->key ? -1 : a->key > b->key ? 1 : 0;
	c = memcmp(arena_a + a->key, arena_b + b->key, Min(a->keylen, b->keylen));
	if (c != 0)
		return c;
	return a->keylen < b->keylen ? -1 : a->keylen > b->keylen ? 1 : 0;
}

static inline int
mrr_entry_cmp(const MrrEntry *a, const MrrEntry *b, const char *arena, bool varkeys)
{
	int			c = mrr_key_cmp(a, arena, b, arena, varkeys);

	if (c != 0)
		return c;
	return a->month < b->month ? -1 : a->month > b->month ? 1 : 0;
}

static int
mrr_var_cmp(const void *a, const void *b, void *arg)
{
	return mrr_entry_cmp(a, b, arg, true);
}

/* A sort of int-keyed entries with the comparison inlined. */
#define ST_SORT mrr_sort_int
#define ST_ELEMENT_TYPE MrrEntry
#define ST_COMPARE(a, b) mrr_entry_cmp(a, b, NULL, false)
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/* Add b to a (22003 on overflow). */
static inline int64
mrr_add_units(int64 a, int64 b)
{
	int64		r;

	if (unlikely(pg_add_s64_overflow(a, b, &r)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("MRR sum out of range"),
				 errhint("A customer's MRR in a month, and a month's total, must stay below %s.",
						 amount_to_cstring(AMOUNT_MAX_UNITS))));
	return r;
}

/*
 * Sort by (customer, month) and add up equal entries; a text or uuid
 * keyed state also gets a new arena holding each distinct key once.
 */
static void
mrr_compact(MrrExpanded *e)
{
	bool		varkeys = e->keykind != MRR_KEY_INT;
	int64		i,
				n = 0;

	if (e->compact)
		return;
	if (varkeys)
		qsort_arg(e->entries, e->nentries, sizeof(MrrEntry), mrr_var_cmp, e->arena);
	else
		mrr_sort_int(e->entries, e->nentries);
	for (i = 0; i < e->nentries; i++)
	{
		if (n > 0 && mrr_entry_cmp(&e->entries[n - 1], &e->entries[i], e->arena, varkeys) == 0)
			e->entries[n - 1].units = mrr_add_units(e->entries[n - 1].units, e->entries[i].units);
		else
			e->entries[n++] = e->entries[i];
	}
	e->nentries = n;
	if (varkeys && n > 0)
	{
		Size		cap = 0,
					len = 0;
		char	   *arena;
		int64		prev_old = -1;
		int32		prev_len = -1;

		/* equal keys are adjacent now: keep one copy of each */
		for (i = 0; i < n; i++)
			if (i == 0 || mrr_key_cmp(&e->entries[i - 1], e->arena, &e->entries[i], e->arena, true) != 0)
				cap += e->entries[i].keylen;
		arena = MemoryContextAllocHuge(e->hdr.eoh_context, Max(cap, 64));
		for (i = 0; i < n; i++)
		{
			MrrEntry   *en = &e->entries[i];
			int64		old = en->key;

			if (i == 0 || prev_len != en->keylen ||
				memcmp(e->arena + prev_old, e->arena + old, en->keylen) != 0)
			{
				memcpy(arena + len, e->arena + old, en->keylen);
				en->key = len;
				len += en->keylen;
			}
			else
				en->key = e->entries[i - 1].key;
			prev_old = old;
			prev_len = en->keylen;
		}
		pfree(e->arena);
		e->arena = arena;
		e->arena_len = len;
		e->arena_cap = Max(cap, 64);
		e->last_off = -1;
	}
	e->compact = true;
}

/* Room for one more entry: compact when full, grow when still half full. */
static void
mrr_reserve(MrrExpanded *e)
{
	if (likely(e->nentries < e->capacity))
		return;
	mrr_compact(e);
	if (e->nentries * 2 > e->capacity)
	{
		int64		cap = e->capacity * 2;

		if (cap > MRR_MAX_ENTRIES)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many customer-months for one mrr_movements_state"),
					 errhint("Split the group, e.g. by customer range, and merge the bridges' states in steps.")));
		e->entries = repalloc_huge(e->entries, sizeof(MrrEntry) * cap);
		e->capacity = cap;
	}
}

/* The offset of key bytes in the arena, appended unless the last key. */
static int64
mrr_arena_key(MrrExpanded *e, const char *bytes, int32 len)
{
	int64		off;

	if (e->last_off >= 0 && e->last_len == len &&
		memcmp(e->arena + e->last_off, bytes, len) == 0)
		return e->last_off;
	if (e->arena_len + len > e->arena_cap)
	{
		Size		cap = Max(e->arena_cap * 2, e->arena_len + len + 64);

		if (cap > MaxAllocSize / 2)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("customer keys of one mrr_movements_state too large")));
		e->arena = e->arena ? repalloc_huge(e->arena, cap)
			: MemoryContextAllocHuge(e->hdr.eoh_context, cap);
		e->arena_cap = cap;
	}
	off = e->arena_len;
	memcpy(e->arena + off, bytes, len);
	e->arena_len += len;
	e->last_off = off;
	e->last_len = len;
	return off;
}

/* Set the key kind on the first row, or check it (22023). */
static void
mrr_set_kind(MrrExpanded *e, int kind, int grain)
{
	if (likely(e->keykind == kind && e->grain == grain))
		return;
	if (e->keykind == 0 && e->nentries == 0)
	{
		e->keykind = kind;
		e->grain = grain;
		return;
	}
	if (e->grain != grain)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge mrr_movements_state values of different period grains (%s and %s)",
						grain_name(e->grain), grain_name(grain)),
				 errhint("Merge states built with the same grain.")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot mix %s and %s customer keys in one mrr_movements_state",
					key_kind_name(e->keykind), key_kind_name(kind)),
			 errhint("Use one customer key type in a group (int4 and int8 keys mix).")));
}

/* Append an entry; a var key's bytes are copied into the arena. */
static inline void
mrr_append(MrrExpanded *e, int64 ikey, const char *bytes, int32 len,
		   int32 month, int64 units)
{
	MrrEntry   *en;

	mrr_reserve(e);
	en = &e->entries[e->nentries];
	en->key = bytes ? mrr_arena_key(e, bytes, len) : ikey;
	en->keylen = bytes ? len : 0;
	en->month = month;
	en->units = units;
	/* still compact when appended in order after a different entry */
	if (e->compact && e->nentries > 0 &&
		mrr_entry_cmp(&e->entries[e->nentries - 1], en, e->arena, bytes != NULL) >= 0)
		e->compact = false;
	e->nentries++;
}

static Size
mrr_get_flat_size(ExpandedObjectHeader *eohptr)
{
	MrrExpanded *e = (MrrExpanded *) eohptr;
	Size		size;

	mrr_compact(e);
	size = MRR_FLAT_SIZE(e->nentries, e->arena_len);
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("mrr_movements_state too large to store (%zu bytes)", size),
				 errhint("Split the group, e.g. by customer range.")));
	return size;
}

static void
mrr_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	MrrExpanded *e = (MrrExpanded *) eohptr;
	MrrFlat    *f = (MrrFlat *) result;

	Assert(e->compact && allocated_size == MRR_FLAT_SIZE(e->nentries, e->arena_len));
	memset(f, 0, MRR_FLAT_HDR);
	SET_VARSIZE(f, allocated_size);
	f->version = MRR_VERSION;
	f->keykind = e->keykind;
	f->grain = e->grain;
	f->nentries = (int32) e->nentries;
	f->arena_len = (uint32) e->arena_len;
	memcpy(f->entries, e->entries, sizeof(MrrEntry) * e->nentries);
	if (e->arena_len > 0)
		memcpy((char *) (f->entries + e->nentries), e->arena, e->arena_len);
}

/* A flat value as ours to return. */
static Datum
mrr_flatten(MrrExpanded *e)
{
	Size		size = EOH_get_flat_size(&e->hdr);
	void	   *flat = palloc(size);

	EOH_flatten_into(&e->hdr, flat, size);
	return PointerGetDatum(flat);
}

/*
 * Check a flat value completely (XX001 for what no function of ours can
 * write: the input functions check what users type).
 */
static void
mrr_check_flat(const MrrFlat *f)
{
	const char *arena;
	int64		i;
	bool		varkeys;

	if (VARSIZE(f) < MRR_FLAT_HDR || f->version != MRR_VERSION ||
		f->keykind < MRR_KEY_INT || f->keykind > MRR_KEY_UUID ||
		!mrr_valid_grain(f->grain) || f->flags != 0 || f->nentries <= 0 ||
		VARSIZE(f) != MRR_FLAT_SIZE(f->nentries, f->arena_len))
		goto bad;
	varkeys = f->keykind != MRR_KEY_INT;
	if (!varkeys && f->arena_len != 0)
		goto bad;
	arena = (const char *) (f->entries + f->nentries);
	for (i = 0; i < f->nentries; i++)
	{
		const MrrEntry *en = &f->entries[i];

		if (en->units < 0 || en->month < MRR_MONTH_MIN || en->month > MRR_MONTH_MAX ||
			en->month % f->grain != 0)
			goto bad;
		if (varkeys && (en->key < 0 || en->keylen < 0 ||
						(uint64) en->key + en->keylen > f->arena_len ||
						(f->keykind == MRR_KEY_UUID && en->keylen != UUID_LEN)))
			goto bad;
		if (!varkeys && en->keylen != 0)
			goto bad;
		if (i > 0 && mrr_entry_cmp(&f->entries[i - 1], en, arena, varkeys) >= 0)
			goto bad;
	}
	return;
bad:
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("invalid mrr_movements_state value")));
}

/* Argument argno for reading: compacted entries of a flat or expanded value. */
static MrrView
mrr_view(FunctionCallInfo fcinfo, int argno)
{
	Datum		d = PG_GETARG_DATUM(argno);
	MrrView		v;

	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)) &&
		DatumGetEOHP(d)->eoh_methods == &mrr_methods)
	{
		MrrExpanded *e = (MrrExpanded *) DatumGetEOHP(d);

		/* sorting changes the representation, not the value */
		mrr_compact(e);
		v.keykind = e->keykind;
		v.grain = e->grain;
		v.nentries = e->nentries;
		v.entries = e->entries;
		v.arena = e->arena;
	}
	else
	{
		MrrFlat    *f = (MrrFlat *) PG_DETOAST_DATUM(d);

		mrr_check_flat(f);
		v.keykind = f->keykind;
		v.grain = f->grain;
		v.nentries = f->nentries;
		v.entries = f->entries;
		v.arena = (const char *) (f->entries + f->nentries);
	}
	return v;
}

/* Append every entry of v to e (the combine). */
static void
mrr_append_view(MrrExpanded *e, const MrrView *v)
{
	int64		i;
	bool		varkeys = v->keykind != MRR_KEY_INT;

	if (v->nentries == 0)
		return;
	mrr_set_kind(e, v->keykind, v->grain);
	for (i = 0; i < v->nentries; i++)
	{
		const MrrEntry *en = &v->entries[i];

		if (varkeys)
			mrr_append(e, 0, v->arena + en->key, en->keylen, en->month, en->units);
		else
			mrr_append(e, en->key, NULL, 0, en->month, en->units);
	}
}

/*
 * The state to change: argument 0 when it is the aggregate's own
 * read-write expanded state, else a new one (in the aggregate's context)
 * holding a copy of argument 0, or empty when it is NULL.
 */
static MrrExpanded *
mrr_for_update(FunctionCallInfo fcinfo)
{
	MrrExpanded *e = (MrrExpanded *) rw_expanded_arg(fcinfo, 0, &mrr_methods);
	MemoryContext cxt = CurrentMemoryContext,
				aggcxt;
	MrrView		v;

	if (e)
		return e;
	if (AggCheckCallContext(fcinfo, &aggcxt))
		cxt = aggcxt;
	if (PG_ARGISNULL(0))
		return mrr_new(cxt, 16);
	v = mrr_view(fcinfo, 0);
	e = mrr_new(cxt, v.nentries + 64);
	mrr_append_view(e, &v);
	return e;
}

#define MRR_RETURN(e)	PG_RETURN_DATUM(EOHPGetRWDatum(&(e)->hdr))

/* ---------- the transition ---------- */

/* The month index of a date (22008 outside the years 1 to 9999). */
static inline int32
mrr_month_of(DateADT d)
{
	int			year,
				month,
				day;

	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("month %s is out of range", DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
				 errhint("A month is a date (any day of it) in the years 1 to 9999.")));
	j2date(d + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	if (year < 1 || year > 9999)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("month %s is out of range", DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
				 errhint("A month is a date (any day of it) in the years 1 to 9999.")));
	return year * 12 + month - 1;
}

/* Per call site: the collation is checked, and the last date's month. */
typedef struct MrrFnCache
{
	bool		collation_checked;
	DateADT		last_date;
	int32		last_month;
} MrrFnCache;

static Datum
mrr_movements_step(FunctionCallInfo fcinfo, bool numeric_amount, CustomerKeyType keytype)
{
	MrrFnCache *cache = (MrrFnCache *) fcinfo->flinfo->fn_extra;
	MrrExpanded *e;
	DateADT		d;
	int32		month;
	int64		units;

	/* a NULL customer, month or MRR skips the row */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(MrrFnCache));
		cache->last_date = DATEVAL_NOBEGIN;
		fcinfo->flinfo->fn_extra = cache;
	}
	units = numeric_amount ? amount_from_numeric("mrr", PG_GETARG_DATUM(3))
		: amount_from_float8("mrr", PG_GETARG_FLOAT8(3));
	d = PG_GETARG_DATEADT(2);
	if (likely(d == cache->last_date))
		month = cache->last_month;
	else
	{
		month = mrr_month_of(d);
		cache->last_date = d;
		cache->last_month = month;
	}

	e = mrr_for_update(fcinfo);
	switch (keytype)
	{
		case CUSTOMER_KEY_INT4:
		case CUSTOMER_KEY_INT8:
			mrr_set_kind(e, MRR_KEY_INT, MRR_GRAIN_MONTH);
			mrr_append(e, keytype == CUSTOMER_KEY_INT4 ? (int64) PG_GETARG_INT32(1) : PG_GETARG_INT64(1),
					   NULL, 0, month, units);
			break;
		case CUSTOMER_KEY_TEXT:
			{
				text	   *t = PG_GETARG_TEXT_PP(1);

				if (!cache->collation_checked)
				{
					customer_key_check_collation(fcinfo);
					cache->collation_checked = true;
				}
				mrr_set_kind(e, MRR_KEY_TEXT, MRR_GRAIN_MONTH);
				mrr_append(e, 0, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), month, units);
				break;
			}
		case CUSTOMER_KEY_UUID:
			mrr_set_kind(e, MRR_KEY_UUID, MRR_GRAIN_MONTH);
			mrr_append(e, 0, (const char *) PG_GETARG_UUID_P(1)->data, UUID_LEN, month, units);
			break;
	}
	MRR_RETURN(e);
}

CUSTOMER_KEY_ENTRY_POINTS(mrr_movements_sfunc, mrr_movements_step, true)
CUSTOMER_KEY_ENTRY_POINTS(mrr_movements_float8_sfunc, mrr_movements_step, false)

PG_FUNCTION_INFO_V1(mrr_movements_state_combine);
Datum
mrr_movements_state_combine(PG_FUNCTION_ARGS)
{
	MrrExpanded *e;
	MrrView		v;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	e = mrr_for_update(fcinfo);
	v = mrr_view(fcinfo, 1);
	mrr_append_view(e, &v);
	MRR_RETURN(e);
}

/* ---------- text and binary forms ---------- */

static void
append_month(StringInfo buf, int32 month)
{
	appendStringInfo(buf, "%04d-%02d", month / 12, month % 12 + 1);
}

static void
append_key(StringInfo buf, const MrrView *v, const MrrEntry *en)
{
	if (v->keykind == MRR_KEY_INT)
		appendStringInfo(buf, INT64_FORMAT, en->key);
	else if (v->keykind == MRR_KEY_UUID)
	{
		static const char hex[] = "0123456789abcdef";
		int			i;

		for (i = 0; i < UUID_LEN; i++)
		{
			unsigned char c = v->arena[en->key + i];

			if (i == 4 || i == 6 || i == 8 || i == 10)
				appendStringInfoChar(buf, '-');
			appendStringInfoChar(buf, hex[c >> 4]);
			appendStringInfoChar(buf, hex[c & 15]);
		}
	}
	else
	{
		int32		i;

		appendStringInfoChar(buf, '"');
		for (i = 0; i < en->keylen; i++)
		{
			char		c = v->arena[en->key + i];

			if (c == '"' || c == '\\')
				appendStringInfoChar(buf, '\\');
			appendStringInfoChar(buf, c);
		}
		appendStringInfoChar(buf, '"');
	}
}

PG_FUNCTION_INFO_V1(mrr_movements_state_out);
Datum
mrr_movements_state_out(PG_FUNCTION_ARGS)
{
	MrrView		v = mrr_view(fcinfo, 0);
	StringInfoData buf;
	int64		i;
	bool		varkeys = v.keykind != MRR_KEY_INT;

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d grain=%s key=%s", MRR_VERSION, grain_name(v.grain),
					 key_kind_name(v.keykind));
	for (i = 0; i < v.nentries; i++)
	{
		const MrrEntry *en = &v.entries[i];
		char	   *amount;

		if (i == 0 || mrr_key_cmp(&v.entries[i - 1], v.arena, en, v.arena, varkeys) != 0)
		{
			appendStringInfoChar(&buf, ' ');
			append_key(&buf, &v, en);
			appendStringInfoChar(&buf, '=');
		}
		else
			appendStringInfoChar(&buf, ',');
		append_month(&buf, en->month);
		appendStringInfoChar(&buf, ':');
		amount = amount_to_cstring(en->units);
		appendStringInfoString(&buf, amount);
		pfree(amount);
	}
	PG_RETURN_CSTRING(buf.data);
}

static void pg_attribute_noreturn()
bad_text(const char *str, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type mrr_movements_state: \"%.200s%s\"",
					str, strlen(str) > 200 ? "..." : ""),
			 errdetail("%s", detail),
			 errhint("The form is \"v1 grain=month|quarter|year key=int|text|uuid\" and per customer key=YYYY-MM:amount,..., as the output function writes it.")));
}

/* Parse exactly what append_month writes. */
static bool
parse_month(const char **p, int32 *month)
{
	const char *s = *p;
	int			y,
				m;

	if (!(isdigit((unsigned char) s[0]) && isdigit((unsigned char) s[1]) &&
		  isdigit((unsigned char) s[2]) && isdigit((unsigned char) s[3]) && s[4] == '-' &&
		  isdigit((unsigned char) s[5]) && isdigit((unsigned char) s[6])))
		return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (y < 1 || m < 1 || m > 12)
		return false;
	*month = y * 12 + m - 1;
	*p = s + 7;
	return true;
}

/* Parse exactly what amount_to_cstring writes: digits, '.', 4 digits. */
static bool
parse_amount(const char **p, int64 *units)
{
	const char *s = *p;
	int64		u = 0;
	int			i,
				n = 0;

	while (isdigit((unsigned char) *s))
	{
		if (pg_mul_s64_overflow(u, 10, &u) || pg_add_s64_overflow(u, *s - '0', &u))
			return false;
		s++;
		n++;
	}
	if (n == 0 || (n > 1 && **p == '0') || *s != '.')
		return false;
	s++;
	for (i = 0; i < AMOUNT_SCALE_LOG10; i++)
	{
		if (!isdigit((unsigned char) s[i]) ||
			pg_mul_s64_overflow(u, 10, &u) || pg_add_s64_overflow(u, s[i] - '0', &u))
			return false;
	}
	*units = u;
	*p = s + AMOUNT_SCALE_LOG10;
	return true;
}

/* Parse an int key as int64 out writes it. */
static bool
parse_int_key(const char **p, int64 *key)
{
	const char *s = *p;
	bool		neg = false;
	uint64		u = 0;
	int			n = 0;

	if (*s == '-')
	{
		neg = true;
		s++;
	}
	while (isdigit((unsigned char) *s))
	{
		if (u > (PG_UINT64_MAX - 9) / 10)
			return false;
		u = u * 10 + (*s - '0');
		s++;
		n++;
	}
	if (n == 0 || (n > 1 && s[-n] == '0') || (neg && u == 0))
		return false;
	if (neg ? u > (uint64) PG_INT64_MAX + 1 : u > (uint64) PG_INT64_MAX)
		return false;
	*key = neg ? (int64) (0 - u) : (int64) u;
	*p = s;
	return true;
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* A state from its text form (22P02 for anything but the canonical form). */
PG_FUNCTION_INFO_V1(mrr_movements_state_in);
Datum
mrr_movements_state_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	MrrExpanded *e = mrr_new(CurrentMemoryContext, 64);
	StringInfoData key;
	int			kind,
				grain;
	bool		varkeys;

	if (strncmp(p, "v1 grain=", 9) != 0)
		bad_text(str, "It does not start with \"v1 grain=\".");
	p += 9;
	if (strncmp(p, "month key=", 10) == 0)
		grain = MRR_GRAIN_MONTH;
	else if (strncmp(p, "quarter key=", 12) == 0)
		grain = MRR_GRAIN_QUARTER;
	else if (strncmp(p, "year key=", 9) == 0)
		grain = MRR_GRAIN_YEAR;
	else
		bad_text(str, "The grain is not month, quarter or year.");
	p += strlen(grain_name(grain)) + 5;
	if (strncmp(p, "int ", 4) == 0)
		kind = MRR_KEY_INT;
	else if (strncmp(p, "text ", 5) == 0)
		kind = MRR_KEY_TEXT;
	else if (strncmp(p, "uuid ", 5) == 0)
		kind = MRR_KEY_UUID;
	else
		bad_text(str, "The key kind is not int, text or uuid followed by customers.");
	p += strlen(key_kind_name(kind)) + 1;
	varkeys = kind != MRR_KEY_INT;
	mrr_set_kind(e, kind, grain);
	initStringInfo(&key);

	for (;;)
	{
		int64		ikey = 0;

		/* a customer: key=month:amount,... */
		resetStringInfo(&key);
		if (kind == MRR_KEY_INT)
		{
			if (!parse_int_key(&p, &ikey))
				bad_text(str, "A customer key is not an integer.");
		}
		else if (kind == MRR_KEY_UUID)
		{
			int			i;

			for (i = 0; i < UUID_LEN; i++)
			{
				int			hi,
							lo;

				if ((i == 4 || i == 6 || i == 8 || i == 10) && *p++ != '-')
					bad_text(str, "A customer key is not a lower-case uuid.");
				hi = hex_value(p[0]);
				lo = hi < 0 ? -1 : hex_value(p[1]);
				if (lo < 0)
					bad_text(str, "A customer key is not a lower-case uuid.");
				appendStringInfoChar(&key, (char) (hi * 16 + lo));
				p += 2;
			}
		}
		else
		{
			if (*p++ != '"')
				bad_text(str, "A text customer key is not double-quoted.");
			while (*p != '"')
			{
				if (*p == '\0')
					bad_text(str, "A text customer key has no closing quote.");
				if (*p == '\\')
				{
					p++;
					if (*p != '"' && *p != '\\')
						bad_text(str, "A backslash in a text key escapes only \" and \\.");
				}
				appendStringInfoChar(&key, *p++);
			}
			p++;
			pg_verifymbstr(key.data, key.len, false);
		}
		if (*p++ != '=')
			bad_text(str, "A customer key is not followed by \"=\".");
		for (;;)
		{
			int32		month;
			int64		units;

			if (!parse_month(&p, &month))
				bad_text(str, "A month is not YYYY-MM in the years 1 to 9999.");
			if (month % grain != 0)
				bad_text(str, "A month is not the first month of a period of the grain.");
			if (*p++ != ':')
				bad_text(str, "A month is not followed by \":\".");
			if (!parse_amount(&p, &units))
				bad_text(str, "An amount is not a non-negative number with four decimals, as the output writes it.");
			mrr_append(e, ikey, varkeys ? key.data : NULL, key.len, month, units);
			if (!e->compact)
				bad_text(str, "The customers, and each customer's months, are not in increasing order without repeats.");
			if (*p != ',')
				break;
			p++;
		}
		if (*p == '\0')
			break;
		if (*p++ != ' ')
			bad_text(str, "Customers are separated by one space.");
	}
	PG_RETURN_DATUM(mrr_flatten(e));
}

/*
 * Binary form: version, grain, key kind (one byte each), the number of
 * entries (int32), then per entry the key (int8; or int32 length and the
 * bytes of a text key; or 16 bytes of a uuid), the month index (int32) and
 * the units (int8), in the order of the text form.
 */
PG_FUNCTION_INFO_V1(mrr_movements_state_send);
Datum
mrr_movements_state_send(PG_FUNCTION_ARGS)
{
	MrrView		v = mrr_view(fcinfo, 0);
	StringInfoData buf;
	int64		i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, MRR_VERSION);
	pq_sendbyte(&buf, v.grain);
	pq_sendbyte(&buf, v.keykind);
	pq_sendint32(&buf, (int32) v.nentries);
	for (i = 0; i < v.nentries; i++)
	{
		const MrrEntry *en = &v.entries[i];

		if (v.keykind == MRR_KEY_INT)
			pq_sendint64(&buf, en->key);
		else
		{
			if (v.keykind == MRR_KEY_TEXT)
				pq_sendint32(&buf, en->keylen);
			pq_sendbytes(&buf, v.arena + en->key, en->keylen);
		}
		pq_sendint32(&buf, en->month);
		pq_sendint64(&buf, en->units);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void pg_attribute_noreturn()
bad_binary(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary mrr_movements_state"),
			 errdetail("%s", detail)));
}

PG_FUNCTION_INFO_V1(mrr_movements_state_recv);
Datum
mrr_movements_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	MrrExpanded *e = mrr_new(CurrentMemoryContext, 64);
	int			kind,
				grain;
	int32		n,
				i;

	if (buf->len - buf->cursor < 7)
		bad_binary("The value ends before its header.");
	if (pq_getmsgbyte(buf) != MRR_VERSION)
		bad_binary("Unknown version.");
	grain = pq_getmsgbyte(buf);
	kind = pq_getmsgbyte(buf);
	if (!mrr_valid_grain(grain))
		bad_binary("Unknown period grain.");
	if (kind < MRR_KEY_INT || kind > MRR_KEY_UUID)
		bad_binary("Unknown key kind.");
	mrr_set_kind(e, kind, grain);
	n = pq_getmsgint(buf, 4);
	if (n <= 0 || n > MRR_MAX_ENTRIES)
		bad_binary("The number of entries is out of range.");
	for (i = 0; i < n; i++)
	{
		int64		ikey = 0;
		int32		len = 0,
					month;
		int64		units;
		const char *bytes = NULL;

		if (kind == MRR_KEY_INT)
		{
			if (buf->len - buf->cursor < 8)
				bad_binary("The value ends inside an entry.");
			ikey = pq_getmsgint64(buf);
		}
		else
		{
			if (kind == MRR_KEY_TEXT)
			{
				if (buf->len - buf->cursor < 4)
					bad_binary("The value ends inside an entry.");
				len = pq_getmsgint(buf, 4);
				if (len < 0 || len > buf->len - buf->cursor)
					bad_binary("A key length is out of range.");
			}
			else
				len = UUID_LEN;
			if (len > buf->len - buf->cursor)
				bad_binary("The value ends inside an entry.");
			bytes = pq_getmsgbytes(buf, len);
			if (kind == MRR_KEY_TEXT)
				pg_verifymbstr(bytes, len, false);
		}
		if (buf->len - buf->cursor < 12)
			bad_binary("The value ends inside an entry.");
		month = pq_getmsgint(buf, 4);
		units = pq_getmsgint64(buf);
		if (month < MRR_MONTH_MIN || month > MRR_MONTH_MAX || month % grain != 0)
			bad_binary("A month is outside the years 1 to 9999 or not the first of a period.");
		if (units < 0)
			bad_binary("An amount is negative.");
		mrr_append(e, ikey, bytes, len, month, units);
		if (!e->compact)
			bad_binary("The entries are not in increasing (customer, month) order without repeats.");
	}
	if (buf->cursor != buf->len)
		bad_binary("Bytes follow the last entry.");
	PG_RETURN_DATUM(mrr_flatten(e));
}

/* ---------- the bridge ---------- */

/* Per month of the bridge, in units and customers. */
typedef struct MrrMonth
{
	int64		customers_end;
	int64		mrr_end;
	int64		new_customers;
	int64		new_mrr;
	int64		expansion;
	int64		contraction;
	int64		churned_customers;
	int64		churned_mrr;
	int64		reactivated_customers;
	int64		reactivation_mrr;
} MrrMonth;

#define MRR_MOVEMENT_FIELDS	13

/* The row type mrr_movement, from the final function's result type. */
static TupleDesc
mrr_movement_tupdesc(FunctionCallInfo fcinfo, Oid *elemtype)
{
	Oid			rettype = get_func_rettype(fcinfo->flinfo->fn_oid);
	TupleDesc	tupdesc;

	*elemtype = get_element_type(rettype);
	if (!OidIsValid(*elemtype))
		elog(ERROR, "mrr_movements_final must return an array of mrr_movement");
	tupdesc = lookup_rowtype_tupdesc_copy(*elemtype, -1);
	if (tupdesc->natts != MRR_MOVEMENT_FIELDS)
		elog(ERROR, "mrr_movement has %d fields, expected %d", tupdesc->natts, MRR_MOVEMENT_FIELDS);
	return tupdesc;
}

/* Walk each customer's months and fill the bridge. */
static void
mrr_fill(const MrrView *v, int32 first, int32 last, MrrMonth *months)
{
	int			g = v->grain;
	bool		varkeys = v->keykind != MRR_KEY_INT;
	int64		i = 0;

	while (i < v->nentries)
	{
		int64		j = i;
		bool		paid_before = false;
		int32		prev_month = 0;		/* the last month with MRR > 0 */
		int64		prev_units = 0;

		for (; j < v->nentries &&
			 (j == i || mrr_key_cmp(&v->entries[j - 1], v->arena, &v->entries[j], v->arena, varkeys) == 0);
			 j++)
		{
			const MrrEntry *en = &v->entries[j];
			MrrMonth   *m;

			if (en->units == 0)
				continue;
			m = &months[(en->month - first) / g];
			if (paid_before && prev_month == en->month - g)
			{
				if (en->units > prev_units)
					m->expansion = mrr_add_units(m->expansion, en->units - prev_units);
				else if (en->units < prev_units)
					m->contraction = mrr_add_units(m->contraction, prev_units - en->units);
			}
			else
			{
				if (paid_before)
				{
					/* a gap: churned the month after it last paid */
					MrrMonth   *c = &months[(prev_month + g - first) / g];

					c->churned_customers++;
					c->churned_mrr = mrr_add_units(c->churned_mrr, prev_units);
					m->reactivated_customers++;
					m->reactivation_mrr = mrr_add_units(m->reactivation_mrr, en->units);
				}
				else
				{
					m->new_customers++;
					m->new_mrr = mrr_add_units(m->new_mrr, en->units);
				}
			}
			m->customers_end++;
			m->mrr_end = mrr_add_units(m->mrr_end, en->units);
			paid_before = true;
			prev_month = en->month;
			prev_units = en->units;
		}
		/* still paying in the latest month: not churned */
		if (paid_before && prev_month < last)
		{
			MrrMonth   *c = &months[(prev_month + g - first) / g];

			c->churned_customers++;
			c->churned_mrr = mrr_add_units(c->churned_mrr, prev_units);
		}
		i = j;
	}
}

PG_FUNCTION_INFO_V1(mrr_movements_final);
Datum
mrr_movements_final(PG_FUNCTION_ARGS)
{
	MrrView		v;
	int32		first = MRR_MONTH_MAX,
				last = MRR_MONTH_MIN,
				k,
				nmonths;
	int64		i;
	MrrMonth   *months;
	TupleDesc	tupdesc;
	Oid			elemtype;
	Datum	   *elems;
	int16		typlen;
	bool		typbyval;
	char		typalign;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	v = mrr_view(fcinfo, 0);
	if (v.nentries == 0)
		PG_RETURN_NULL();
	for (i = 0; i < v.nentries; i++)
	{
		first = Min(first, v.entries[i].month);
		last = Max(last, v.entries[i].month);
	}
	nmonths = (last - first) / v.grain + 1;
	months = palloc0(sizeof(MrrMonth) * nmonths);
	mrr_fill(&v, first, last, months);

	tupdesc = mrr_movement_tupdesc(fcinfo, &elemtype);
	elems = palloc(sizeof(Datum) * nmonths);
	for (k = 0; k < nmonths; k++)
	{
		MrrMonth   *m = &months[k];
		Datum		values[MRR_MOVEMENT_FIELDS];
		bool		nulls[MRR_MOVEMENT_FIELDS] = {0};
		int32		month = first + k * v.grain;
		int64		start_customers = k > 0 ? months[k - 1].customers_end : 0;
		int64		start_mrr = k > 0 ? months[k - 1].mrr_end : 0;

		values[0] = DateADTGetDatum(date2j(month / 12, month % 12 + 1, 1) - POSTGRES_EPOCH_JDATE);
		values[1] = Int64GetDatum(start_customers);
		values[2] = NumericGetDatum(amount_to_numeric(start_mrr));
		values[3] = Int64GetDatum(m->new_customers);
		values[4] = NumericGetDatum(amount_to_numeric(m->new_mrr));
		values[5] = NumericGetDatum(amount_to_numeric(m->expansion));
		values[6] = NumericGetDatum(amount_to_numeric(m->contraction));
		values[7] = Int64GetDatum(m->churned_customers);
		values[8] = NumericGetDatum(amount_to_numeric(m->churned_mrr));
		values[9] = Int64GetDatum(m->reactivated_customers);
		values[10] = NumericGetDatum(amount_to_numeric(m->reactivation_mrr));
		values[11] = Int64GetDatum(m->customers_end);
		values[12] = NumericGetDatum(amount_to_numeric(m->mrr_end));
		elems[k] = HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
	}
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, nmonths, elemtype, typlen, typbyval, typalign));
}
