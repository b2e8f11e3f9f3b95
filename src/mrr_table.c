/*-------------------------------------------------------------------------
 *
 * mrr_table.c
 *	  The customer-month table of the SaaS revenue states (see mrr.h): the
 *	  expanded working form, its compaction, the flat form, merging, and
 *	  the text and binary forms of mrr_movements_state,
 *	  cohort_revenue_retention_state and arpa_state.
 *
 * Flat form: a header (version, key kind, grain, form, entry count, key
 * bytes, flags), the entries sorted by (customer, cohort, month) without
 * repeats, then the distinct key bytes.
 *
 * Text forms, customers in key order (integers by value, text and uuid
 * keys by their bytes), each with its months in order; text keys are
 * double-quoted with backslash escapes:
 *	mrr_movements_state:
 *		v1 grain=month key=int 42=2024-01:99.0000,2024-02:120.0000 43=2024-03:0.0000
 *	cohort_revenue_retention_state (months since the cohort start):
 *		v1 retention=net key=int 42@2024-01=0:99.0000,1:120.0000
 *	arpa_state:
 *		v1 key=int 42=99.0000 43=0.0000
 * An entry whose MRR is 0 is kept: it is a row of the group (a bridge
 * runs to the latest month with a row).
 *
 * Binary form: version, grain, key kind, form and flags (a byte each),
 * the entry count (int32), then per entry the key (int8; or int32 length
 * and the bytes of a text key; or the 16 bytes of a uuid), cohort and
 * month (int32 each) and the units (int8), in text-form order.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/uuid.h"

#include "expanded.h"
#include "mrr.h"

/* The flat form. */
typedef struct MrrFlat
{
	int32		vl_len_;
	uint8		version;
	uint8		keykind;
	uint8		grain;
	uint8		form;
	int32		nentries;
	uint32		arena_len;
	uint8		flags;
	uint8		reserved[3];	/* zero; room for future flags */
	MrrEntry	entries[FLEXIBLE_ARRAY_MEMBER];
} MrrFlat;

#define MRR_FLAT_HDR		offsetof(MrrFlat, entries)
#define MRR_FLAT_SIZE(n, a)	(MRR_FLAT_HDR + sizeof(MrrEntry) * (Size) (n) + (a))
#define MRR_MAX_ENTRIES		((int64) (MaxAllocSize / 2 / sizeof(MrrEntry)))

StaticAssertDecl(sizeof(MrrEntry) == 32, "an entry takes 32 bytes");

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

static inline bool
valid_grain(int grain)
{
	return grain == MRR_GRAIN_MONTH || grain == MRR_GRAIN_QUARTER || grain == MRR_GRAIN_YEAR;
}

/* The grain a form's states have: months for a bridge, else none (0). */
static inline int
form_grain(const MrrDesc *desc, int grain)
{
	return desc->form == MRR_FORM_BRIDGE ? grain : 0;
}

/* Is (cohort, month) a valid entry position for the form and grain? */
static bool
valid_position(const MrrDesc *desc, int grain, int32 cohort, int32 month)
{
	switch (desc->form)
	{
		case MRR_FORM_BRIDGE:
			return cohort == 0 && month >= MRR_MONTH_MIN && month <= MRR_MONTH_MAX &&
				grain > 0 && month % grain == 0;
		case MRR_FORM_COHORT:
			return cohort >= MRR_MONTH_MIN && cohort <= MRR_MONTH_MAX &&
				month >= 0 && month <= MRR_MONTH_MAX - cohort;
		case MRR_FORM_ARPA:
			return cohort == 0 && month == 0;
	}
	return false;
}

int64
mrr_add_units_slow(int64 a, int64 b)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("MRR sum out of range"),
			 errhint("A sum of MRR must stay below %s; split the group and add the results.",
					 amount_to_cstring(AMOUNT_MAX_UNITS))));
	pg_unreachable();
}

/* ---------- the working form ---------- */

static MrrExpanded *
mrr_new(MemoryContext parent, const MrrDesc *desc, int64 capacity)
{
	MemoryContext cxt = AllocSetContextCreate(parent, "SaaS revenue state",
											  ALLOCSET_SMALL_SIZES);
	MrrExpanded *e = MemoryContextAllocZero(cxt, sizeof(MrrExpanded));

	EOH_init_header(&e->hdr, &mrr_methods, cxt);
	e->desc = desc;
	e->grain = form_grain(desc, MRR_GRAIN_MONTH);
	e->compact = true;
	e->capacity = Max(capacity, 16);
	e->entries = MemoryContextAllocHuge(cxt, sizeof(MrrEntry) * e->capacity);
	e->last_off = -1;
	return e;
}

static inline int
mrr_entry_cmp(const MrrEntry *a, const MrrEntry *b, const char *arena, bool varkeys)
{
	int			c = mrr_key_cmp(a, arena, b, arena, varkeys);

	if (c != 0)
		return c;
	if (a->cohort != b->cohort)
		return a->cohort < b->cohort ? -1 : 1;
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

/*
 * Sort and add up equal entries; a text or uuid keyed table also gets a
 * new arena holding each distinct key once.
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
					 errmsg("too many customer-months for one %s", e->desc->type_name),
					 errhint("Split the group, e.g. by customer range, and merge the states in steps.")));
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
	/* allocated even for an empty first key: no offset from a NULL arena */
	if (e->arena == NULL || e->arena_len + len > e->arena_cap)
	{
		Size		cap = Max(e->arena_cap * 2, e->arena_len + len + 64);

		if (cap > MaxAllocSize / 2)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("customer keys of one %s too large", e->desc->type_name)));
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

void
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
				 errmsg("cannot merge %s values of different period grains (%s and %s)",
						e->desc->type_name, grain_name(e->grain), grain_name(grain)),
				 errhint("Merge states built with the same grain.")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot mix %s and %s customer keys in one %s",
					key_kind_name(e->keykind), key_kind_name(kind), e->desc->type_name),
			 errhint("Use one customer key type in a group (int4 and int8 keys mix).")));
}

void
mrr_set_flags(MrrExpanded *e, uint8 flags)
{
	if (likely(e->flags == flags))
		return;
	if (e->nentries == 0)
	{
		e->flags = flags;
		return;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("gross is %s in one row and %s in another of the same group",
					(e->flags & MRR_FLAG_GROSS) ? "true" : "false",
					(flags & MRR_FLAG_GROSS) ? "true" : "false"),
			 errhint("gross must be the same in every row of a group (and of merged states).")));
}

void
mrr_append(MrrExpanded *e, int64 ikey, const char *bytes, int32 len,
		   int32 cohort, int32 month, int64 units)
{
	MrrEntry   *en;

	mrr_reserve(e);
	en = &e->entries[e->nentries];
	en->key = bytes ? mrr_arena_key(e, bytes, len) : ikey;
	en->keylen = bytes ? len : 0;
	en->cohort = cohort;
	en->month = month;
	en->units = units;
	en->reserved = 0;
	/* still compact when appended after a smaller entry */
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
				 errmsg("%s too large to store (%zu bytes)", e->desc->type_name, size),
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
	f->form = e->desc->form;
	f->flags = e->flags;
	f->nentries = (int32) e->nentries;
	f->arena_len = (uint32) e->arena_len;
	memcpy(f->entries, e->entries, sizeof(MrrEntry) * e->nentries);
	if (e->arena_len > 0)
		memcpy((char *) (f->entries + e->nentries), e->arena, e->arena_len);
}

/* A flat copy, ours to return. */
static Datum
mrr_flatten(MrrExpanded *e)
{
	Size		size = EOH_get_flat_size(&e->hdr);
	void	   *flat = palloc(size);

	EOH_flatten_into(&e->hdr, flat, size);
	return PointerGetDatum(flat);
}

/*
 * Check a flat value completely (XX001 for what no function of ours
 * writes: the input functions check what users type).
 */
static void
mrr_check_flat(const MrrFlat *f, const MrrDesc *desc)
{
	const char *arena;
	int64		i;
	bool		varkeys;

	if (VARSIZE(f) < MRR_FLAT_HDR || f->version != MRR_VERSION ||
		f->keykind < MRR_KEY_INT || f->keykind > MRR_KEY_UUID || f->form != desc->form ||
		(desc->form == MRR_FORM_BRIDGE ? !valid_grain(f->grain) : f->grain != 0) ||
		(f->flags & ~(desc->form == MRR_FORM_COHORT ? MRR_FLAG_GROSS : 0)) != 0 ||
		f->reserved[0] != 0 || f->reserved[1] != 0 || f->reserved[2] != 0 ||
		f->nentries <= 0 ||
		VARSIZE(f) != MRR_FLAT_SIZE(f->nentries, f->arena_len))
		goto bad;
	varkeys = f->keykind != MRR_KEY_INT;
	if (!varkeys && f->arena_len != 0)
		goto bad;
	arena = (const char *) (f->entries + f->nentries);
	for (i = 0; i < f->nentries; i++)
	{
		const MrrEntry *en = &f->entries[i];

		if (en->units < 0 || en->reserved != 0 ||
			!valid_position(desc, f->grain, en->cohort, en->month))
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
			 errmsg("invalid %s value", desc->type_name)));
}

MrrView
mrr_view(FunctionCallInfo fcinfo, int argno, const MrrDesc *desc)
{
	Datum		d = PG_GETARG_DATUM(argno);
	MrrView		v;

	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)) &&
		DatumGetEOHP(d)->eoh_methods == &mrr_methods)
	{
		MrrExpanded *e = (MrrExpanded *) DatumGetEOHP(d);

		if (e->desc != desc)
			elog(ERROR, "%s expected, got %s", desc->type_name, e->desc->type_name);
		/* sorting changes the representation, not the value */
		mrr_compact(e);
		v.keykind = e->keykind;
		v.grain = e->grain;
		v.flags = e->flags;
		v.nentries = e->nentries;
		v.entries = e->entries;
		v.arena = e->arena;
	}
	else
	{
		MrrFlat    *f = (MrrFlat *) PG_DETOAST_DATUM(d);

		mrr_check_flat(f, desc);
		v.keykind = f->keykind;
		v.grain = f->grain;
		v.flags = f->flags;
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
	mrr_set_flags(e, v->flags);
	for (i = 0; i < v->nentries; i++)
	{
		const MrrEntry *en = &v->entries[i];

		if (varkeys)
			mrr_append(e, 0, v->arena + en->key, en->keylen, en->cohort, en->month, en->units);
		else
			mrr_append(e, en->key, NULL, 0, en->cohort, en->month, en->units);
	}
}

MrrExpanded *
mrr_for_update(FunctionCallInfo fcinfo, const MrrDesc *desc)
{
	MrrExpanded *e = (MrrExpanded *) rw_expanded_arg(fcinfo, 0, &mrr_methods);
	MemoryContext cxt = CurrentMemoryContext,
				aggcxt;
	MrrView		v;

	if (e && e->desc == desc)
		return e;
	if (AggCheckCallContext(fcinfo, &aggcxt))
		cxt = aggcxt;
	if (PG_ARGISNULL(0))
		return mrr_new(cxt, desc, 16);
	v = mrr_view(fcinfo, 0, desc);
	e = mrr_new(cxt, desc, v.nentries + 64);
	mrr_append_view(e, &v);
	return e;
}

Datum
mrr_state_combine(FunctionCallInfo fcinfo, const MrrDesc *desc)
{
	MrrExpanded *e;
	MrrView		v;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	e = mrr_for_update(fcinfo, desc);
	v = mrr_view(fcinfo, 1, desc);
	mrr_append_view(e, &v);
	MRR_RETURN(e);
}

/* ---------- rows ---------- */

MrrFnCache *
mrr_fn_cache(FunctionCallInfo fcinfo)
{
	MrrFnCache *cache = (MrrFnCache *) fcinfo->flinfo->fn_extra;

	if (unlikely(cache == NULL))
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(MrrFnCache));
		/* no month yet: -1 matches no date */
		cache->last_month[0] = cache->last_month[1] = -1;
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache;
}

static void pg_attribute_noreturn()
bad_month(DateADT d, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("%s %s is out of range", what,
					DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
			 errhint("A month is a date (any day of it) in the years 1 to 9999.")));
}

int32
mrr_month_arg(FunctionCallInfo fcinfo, int argno, MrrFnCache *cache, int slot,
			  const char *what)
{
	DateADT		d = PG_GETARG_DATEADT(argno);
	int			year,
				month,
				day;

	if (likely(d == cache->last_date[slot] && cache->last_month[slot] >= 0))
		return cache->last_month[slot];
	if (DATE_NOT_FINITE(d))
		bad_month(d, what);
	j2date(d + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	if (year < 1 || year > 9999)
		bad_month(d, what);
	cache->last_date[slot] = d;
	cache->last_month[slot] = year * 12 + month - 1;
	return cache->last_month[slot];
}

/*
 * Add units to the last entry when it has this key, cohort and month (a
 * customer's rows of one month often arrive together: two subscriptions,
 * or a table in customer order), so that the table stays compact and
 * needs no sort; false otherwise.
 */
static inline bool
mrr_add_to_last(MrrExpanded *e, int64 ikey, const char *bytes, int32 len,
				int32 cohort, int32 month, int64 units)
{
	MrrEntry   *last;

	if (e->nentries == 0)
		return false;
	last = &e->entries[e->nentries - 1];
	if (last->month != month || last->cohort != cohort)
		return false;
	if (bytes ? (last->keylen != len || memcmp(e->arena + last->key, bytes, len) != 0)
		: last->key != ikey)
		return false;
	last->units = mrr_add_units(last->units, units);
	return true;
}

void
mrr_append_row(FunctionCallInfo fcinfo, MrrExpanded *e, MrrFnCache *cache,
			   int keyarg, CustomerKeyType keytype, int32 cohort, int32 month,
			   int64 units)
{
	int			grain = form_grain(e->desc, MRR_GRAIN_MONTH);

	switch (keytype)
	{
		case CUSTOMER_KEY_INT4:
		case CUSTOMER_KEY_INT8:
			{
				int64		ikey = keytype == CUSTOMER_KEY_INT4 ? (int64) PG_GETARG_INT32(keyarg) : PG_GETARG_INT64(keyarg);

				mrr_set_kind(e, MRR_KEY_INT, grain);
				if (!mrr_add_to_last(e, ikey, NULL, 0, cohort, month, units))
					mrr_append(e, ikey, NULL, 0, cohort, month, units);
				break;
			}
		case CUSTOMER_KEY_TEXT:
			{
				text	   *t = PG_GETARG_TEXT_PP(keyarg);

				if (!cache->collation_checked)
				{
					customer_key_check_collation(fcinfo);
					cache->collation_checked = true;
				}
				mrr_set_kind(e, MRR_KEY_TEXT, grain);
				if (!mrr_add_to_last(e, 0, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), cohort, month, units))
					mrr_append(e, 0, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), cohort, month, units);
				break;
			}
		case CUSTOMER_KEY_UUID:
			{
				const char *bytes = (const char *) PG_GETARG_UUID_P(keyarg)->data;

				mrr_set_kind(e, MRR_KEY_UUID, grain);
				if (!mrr_add_to_last(e, 0, bytes, UUID_LEN, cohort, month, units))
					mrr_append(e, 0, bytes, UUID_LEN, cohort, month, units);
			}
			break;
	}
}

/* ---------- text form ---------- */

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

Datum
mrr_state_out(FunctionCallInfo fcinfo, const MrrDesc *desc)
{
	MrrView		v = mrr_view(fcinfo, 0, desc);
	StringInfoData buf;
	int64		i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d", MRR_VERSION);
	if (desc->form == MRR_FORM_BRIDGE)
		appendStringInfo(&buf, " grain=%s", grain_name(v.grain));
	else if (desc->form == MRR_FORM_COHORT)
		appendStringInfo(&buf, " retention=%s", (v.flags & MRR_FLAG_GROSS) ? "gross" : "net");
	appendStringInfo(&buf, " key=%s", key_kind_name(v.keykind));
	for (i = 0; i < v.nentries; i++)
	{
		const MrrEntry *en = &v.entries[i];
		char	   *amount;

		if (i == 0 || !mrr_same_customer(&v, &v.entries[i - 1], en))
		{
			appendStringInfoChar(&buf, ' ');
			append_key(&buf, &v, en);
			if (desc->form == MRR_FORM_COHORT)
			{
				appendStringInfoChar(&buf, '@');
				append_month(&buf, en->cohort);
			}
			appendStringInfoChar(&buf, '=');
		}
		else
			appendStringInfoChar(&buf, ',');
		if (desc->form == MRR_FORM_BRIDGE)
		{
			append_month(&buf, en->month);
			appendStringInfoChar(&buf, ':');
		}
		else if (desc->form == MRR_FORM_COHORT)
			appendStringInfo(&buf, "%d:", en->month);
		amount = amount_to_cstring(en->units);
		appendStringInfoString(&buf, amount);
		pfree(amount);
	}
	PG_RETURN_CSTRING(buf.data);
}

static void pg_attribute_noreturn()
bad_text(const MrrDesc *desc, const char *str, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%.200s%s\"",
					desc->type_name, str, strlen(str) > 200 ? "..." : ""),
			 errdetail("%s", detail),
			 errhint("Use the text form the output function writes.")));
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

/* Parse an integer as INT64_FORMAT writes it (no sign unless negative). */
static bool
parse_int(const char **p, int64 *value, bool allow_negative)
{
	const char *s = *p;
	bool		neg = false;
	uint64		u = 0;
	int			n = 0;

	if (*s == '-' && allow_negative)
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
	*value = neg ? (int64) (0 - u) : (int64) u;
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

/* A customer key of the kind, into ikey or key. */
static void
parse_key(const MrrDesc *desc, const char *str, const char **pp, int kind,
		  int64 *ikey, StringInfo key)
{
	const char *p = *pp;

	resetStringInfo(key);
	if (kind == MRR_KEY_INT)
	{
		if (!parse_int(&p, ikey, true))
			bad_text(desc, str, "A customer key is not an integer.");
	}
	else if (kind == MRR_KEY_UUID)
	{
		int			i;

		for (i = 0; i < UUID_LEN; i++)
		{
			int			hi,
						lo;

			if ((i == 4 || i == 6 || i == 8 || i == 10) && *p++ != '-')
				bad_text(desc, str, "A customer key is not a lower-case uuid.");
			hi = hex_value(p[0]);
			lo = hi < 0 ? -1 : hex_value(p[1]);
			if (lo < 0)
				bad_text(desc, str, "A customer key is not a lower-case uuid.");
			appendStringInfoChar(key, (char) (hi * 16 + lo));
			p += 2;
		}
	}
	else
	{
		if (*p++ != '"')
			bad_text(desc, str, "A text customer key is not double-quoted.");
		while (*p != '"')
		{
			if (*p == '\0')
				bad_text(desc, str, "A text customer key has no closing quote.");
			if (*p == '\\')
			{
				p++;
				if (*p != '"' && *p != '\\')
					bad_text(desc, str, "A backslash in a text key escapes only \" and \\.");
			}
			appendStringInfoChar(key, *p++);
		}
		p++;
		pg_verifymbstr(key->data, key->len, false);
	}
	*pp = p;
}

/* A state from its text form (22P02 for anything but the canonical form). */
Datum
mrr_state_in(FunctionCallInfo fcinfo, const MrrDesc *desc)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	MrrExpanded *e = mrr_new(CurrentMemoryContext, desc, 64);
	StringInfoData key;
	int			kind,
				grain = 0;
	uint8		flags = 0;
	bool		varkeys;

	if (strncmp(p, "v1 ", 3) != 0)
		bad_text(desc, str, "It does not start with \"v1 \".");
	p += 3;
	if (desc->form == MRR_FORM_BRIDGE)
	{
		if (strncmp(p, "grain=month ", 12) == 0)
			grain = MRR_GRAIN_MONTH;
		else if (strncmp(p, "grain=quarter ", 14) == 0)
			grain = MRR_GRAIN_QUARTER;
		else if (strncmp(p, "grain=year ", 11) == 0)
			grain = MRR_GRAIN_YEAR;
		else
			bad_text(desc, str, "The grain is not month, quarter or year.");
		p += strlen(grain_name(grain)) + 7;
	}
	else if (desc->form == MRR_FORM_COHORT)
	{
		if (strncmp(p, "retention=net ", 14) == 0)
			p += 14;
		else if (strncmp(p, "retention=gross ", 16) == 0)
		{
			flags = MRR_FLAG_GROSS;
			p += 16;
		}
		else
			bad_text(desc, str, "The retention is not net or gross.");
	}
	if (strncmp(p, "key=int ", 8) == 0)
		kind = MRR_KEY_INT;
	else if (strncmp(p, "key=text ", 9) == 0)
		kind = MRR_KEY_TEXT;
	else if (strncmp(p, "key=uuid ", 9) == 0)
		kind = MRR_KEY_UUID;
	else
		bad_text(desc, str, "The key kind is not int, text or uuid followed by customers.");
	p += strlen(key_kind_name(kind)) + 5;
	varkeys = kind != MRR_KEY_INT;
	mrr_set_kind(e, kind, grain);
	e->flags = flags;
	initStringInfo(&key);

	for (;;)
	{
		int64		ikey = 0;
		int32		cohort = 0;

		parse_key(desc, str, &p, kind, &ikey, &key);
		if (desc->form == MRR_FORM_COHORT &&
			(*p++ != '@' || !parse_month(&p, &cohort)))
			bad_text(desc, str, "A customer key is not followed by @YYYY-MM, its cohort start.");
		if (*p++ != '=')
			bad_text(desc, str, "A customer key is not followed by \"=\".");
		for (;;)
		{
			int32		month = 0;
			int64		units,
						offset;

			if (desc->form == MRR_FORM_BRIDGE)
			{
				if (!parse_month(&p, &month))
					bad_text(desc, str, "A month is not YYYY-MM in the years 1 to 9999.");
				if (*p++ != ':')
					bad_text(desc, str, "A month is not followed by \":\".");
			}
			else if (desc->form == MRR_FORM_COHORT)
			{
				if (!parse_int(&p, &offset, false) || offset > MRR_MONTH_MAX)
					bad_text(desc, str, "A month since the cohort start is not a number from 0.");
				month = (int32) offset;
				if (*p++ != ':')
					bad_text(desc, str, "A month is not followed by \":\".");
			}
			if (!valid_position(desc, grain, cohort, month))
				bad_text(desc, str, "A month is outside the years 1 to 9999, or not the first month of a period of the grain.");
			if (!parse_amount(&p, &units))
				bad_text(desc, str, "An amount is not a non-negative number with four decimals, as the output writes it.");
			mrr_append(e, ikey, varkeys ? key.data : NULL, key.len, cohort, month, units);
			if (!e->compact)
				bad_text(desc, str, "The customers, and each customer's months, are not in increasing order without repeats.");
			if (*p != ',' || desc->form == MRR_FORM_ARPA)
				break;
			p++;
		}
		if (*p == '\0')
			break;
		if (*p++ != ' ')
			bad_text(desc, str, "Customers are separated by one space.");
	}
	PG_RETURN_DATUM(mrr_flatten(e));
}

/* ---------- binary form ---------- */

Datum
mrr_state_send(FunctionCallInfo fcinfo, const MrrDesc *desc)
{
	MrrView		v = mrr_view(fcinfo, 0, desc);
	StringInfoData buf;
	int64		i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, MRR_VERSION);
	pq_sendbyte(&buf, v.grain);
	pq_sendbyte(&buf, v.keykind);
	pq_sendbyte(&buf, desc->form);
	pq_sendbyte(&buf, v.flags);
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
		pq_sendint32(&buf, en->cohort);
		pq_sendint32(&buf, en->month);
		pq_sendint64(&buf, en->units);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void pg_attribute_noreturn()
bad_binary(const MrrDesc *desc, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary %s", desc->type_name),
			 errdetail("%s", detail)));
}

Datum
mrr_state_recv(FunctionCallInfo fcinfo, const MrrDesc *desc)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	MrrExpanded *e = mrr_new(CurrentMemoryContext, desc, 64);
	int			kind,
				grain,
				flags;
	int32		n,
				i;

	if (buf->len - buf->cursor < 9)
		bad_binary(desc, "The value ends before its header.");
	if (pq_getmsgbyte(buf) != MRR_VERSION)
		bad_binary(desc, "Unknown version.");
	grain = pq_getmsgbyte(buf);
	kind = pq_getmsgbyte(buf);
	if (pq_getmsgbyte(buf) != (int) desc->form)
		bad_binary(desc, "The value is of another state type.");
	flags = pq_getmsgbyte(buf);
	if (desc->form == MRR_FORM_BRIDGE ? !valid_grain(grain) : grain != 0)
		bad_binary(desc, "Unknown period grain.");
	if (kind < MRR_KEY_INT || kind > MRR_KEY_UUID)
		bad_binary(desc, "Unknown key kind.");
	if ((flags & ~(desc->form == MRR_FORM_COHORT ? MRR_FLAG_GROSS : 0)) != 0)
		bad_binary(desc, "Unknown flags.");
	mrr_set_kind(e, kind, grain);
	e->flags = flags;
	n = pq_getmsgint(buf, 4);
	if (n <= 0 || n > MRR_MAX_ENTRIES)
		bad_binary(desc, "The number of entries is out of range.");
	for (i = 0; i < n; i++)
	{
		int64		ikey = 0;
		int32		len = 0,
					cohort,
					month;
		int64		units;
		const char *bytes = NULL;

		if (kind == MRR_KEY_INT)
		{
			if (buf->len - buf->cursor < 8)
				bad_binary(desc, "The value ends inside an entry.");
			ikey = pq_getmsgint64(buf);
		}
		else
		{
			if (kind == MRR_KEY_TEXT)
			{
				if (buf->len - buf->cursor < 4)
					bad_binary(desc, "The value ends inside an entry.");
				len = pq_getmsgint(buf, 4);
				if (len < 0 || len > buf->len - buf->cursor)
					bad_binary(desc, "A key length is out of range.");
			}
			else
				len = UUID_LEN;
			if (len > buf->len - buf->cursor)
				bad_binary(desc, "The value ends inside an entry.");
			bytes = pq_getmsgbytes(buf, len);
			if (kind == MRR_KEY_TEXT)
				pg_verifymbstr(bytes, len, false);
		}
		if (buf->len - buf->cursor < 16)
			bad_binary(desc, "The value ends inside an entry.");
		cohort = pq_getmsgint(buf, 4);
		month = pq_getmsgint(buf, 4);
		units = pq_getmsgint64(buf);
		if (!valid_position(desc, grain, cohort, month))
			bad_binary(desc, "A month is out of range.");
		if (units < 0)
			bad_binary(desc, "An amount is negative.");
		mrr_append(e, ikey, bytes, len, cohort, month, units);
		if (!e->compact)
			bad_binary(desc, "The entries are not in increasing order without repeats.");
	}
	if (buf->cursor != buf->len)
		bad_binary(desc, "Bytes follow the last entry.");
	PG_RETURN_DATUM(mrr_flatten(e));
}
