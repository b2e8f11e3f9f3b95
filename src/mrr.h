/*-------------------------------------------------------------------------
 *
 * mrr.h
 *	  The customer-month table behind the SaaS revenue states
 *	  (mrr_movements_state, cohort_revenue_retention_state, arpa_state):
 *	  per customer (and cohort month) and calendar month, the MRR in
 *	  1/10000 units (amount.h).
 *
 * A SaaS revenue metric depends on each customer's MRR month by month
 * (the month before, the cohort-start month, the customer's total), so no
 * per-month summary merges exactly; the table does: merging two states
 * adds the entries of equal (customer, cohort, month), whatever split the
 * rows (customer ranges, quarters, parallel workers, Citus shards).
 *
 * While a group is aggregated the table is an expanded object: an array
 * of entries appended to, plus an arena of key bytes for text and uuid
 * keys.  It is sorted by (customer, cohort, month) and equal entries are
 * added up when the array fills and when the value leaves the aggregate
 * (mrr_table.c).  The three state types differ in what the months mean
 * (the form) and in their text form.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_MRR_H
#define RETENTION_MRR_H

#include "postgres.h"
#include "fmgr.h"
#include "common/int.h"
#include "utils/date.h"
#include "utils/expandeddatum.h"

#include "amount.h"
#include "customer_key.h"

#define MRR_VERSION			1

/* Key kinds (a state's, fixed by its first row). */
#define MRR_KEY_INT			1	/* int4 or int8 */
#define MRR_KEY_TEXT		2
#define MRR_KEY_UUID		3

/*
 * Period grains of a bridge, in months: the aggregates build monthly
 * states; quarterly and yearly ones (each period's first month and its
 * MRR) are read and merged among themselves, never with another grain.
 */
#define MRR_GRAIN_MONTH		1
#define MRR_GRAIN_QUARTER	3
#define MRR_GRAIN_YEAR		12

/* Months are counted from year 1: index = year * 12 + month - 1. */
#define MRR_MONTH_MIN		(1 * 12)
#define MRR_MONTH_MAX		(9999 * 12 + 11)

/* What an entry's cohort and month mean. */
typedef enum MrrForm
{
	MRR_FORM_BRIDGE = 1,		/* month: calendar month index; cohort 0 */
	MRR_FORM_COHORT = 2,		/* cohort: cohort-start month index; month:
								 * months since it */
	MRR_FORM_ARPA = 3			/* one entry per customer; both 0 */
} MrrForm;

/* Flags of a cohort state: gross retention (each customer capped). */
#define MRR_FLAG_GROSS		0x01

typedef struct MrrDesc
{
	const char *type_name;
	MrrForm		form;
} MrrDesc;

/* One entry of the table; 32 bytes. */
typedef struct MrrEntry
{
	int64		key;			/* int key, or offset of the key bytes */
	int64		units;			/* MRR in 1/AMOUNT_SCALE, >= 0 */
	int32		cohort;
	int32		month;
	int32		keylen;			/* bytes of a text or uuid key; 0 for int */
	int32		reserved;		/* zero */
} MrrEntry;

/* The working form. */
typedef struct MrrExpanded
{
	ExpandedObjectHeader hdr;
	const MrrDesc *desc;
	uint8		keykind;		/* 0 until the first row */
	uint8		grain;
	uint8		flags;
	bool		compact;		/* sorted, no duplicates */
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
	uint8		flags;
	int64		nentries;
	const MrrEntry *entries;
	const char *arena;
} MrrView;

/* Per call site (fn_extra) of a transition function. */
typedef struct MrrFnCache
{
	bool		collation_checked;
	DateADT		last_date[2];
	int32		last_month[2];
} MrrFnCache;

/* Add b to a (22003 on overflow). */
extern int64 mrr_add_units_slow(int64 a, int64 b);

static inline int64
mrr_add_units(int64 a, int64 b)
{
	int64		r;

	if (unlikely(pg_add_s64_overflow(a, b, &r)))
		return mrr_add_units_slow(a, b);
	return r;
}

/* Key comparison of two entries (of the same state, or of two arenas). */
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

/* Same customer and cohort (the unit a final function walks). */
static inline bool
mrr_same_customer(const MrrView *v, const MrrEntry *a, const MrrEntry *b)
{
	return a->cohort == b->cohort &&
		mrr_key_cmp(a, v->arena, b, v->arena, v->keykind != MRR_KEY_INT) == 0;
}

extern MrrExpanded *mrr_for_update(FunctionCallInfo fcinfo, const MrrDesc *desc);
extern MrrView mrr_view(FunctionCallInfo fcinfo, int argno, const MrrDesc *desc);
extern void mrr_set_kind(MrrExpanded *e, int kind, int grain);
extern void mrr_set_flags(MrrExpanded *e, uint8 flags);
extern void mrr_append(MrrExpanded *e, int64 ikey, const char *bytes, int32 len,
					   int32 cohort, int32 month, int64 units);

/* The per-call-site cache, created on first use. */
extern MrrFnCache *mrr_fn_cache(FunctionCallInfo fcinfo);

/* The month index of date argument argno, via slot (0 or 1) of the cache. */
extern int32 mrr_month_arg(FunctionCallInfo fcinfo, int argno, MrrFnCache *cache,
						   int slot, const char *what);

/* Append a row's entry: the key of argument keyarg, of type keytype. */
extern void mrr_append_row(FunctionCallInfo fcinfo, MrrExpanded *e, MrrFnCache *cache,
						   int keyarg, CustomerKeyType keytype,
						   int32 cohort, int32 month, int64 units);

#define MRR_RETURN(e)	PG_RETURN_DATUM(EOHPGetRWDatum(&(e)->hdr))

/* Generic SQL-callable implementations, wrapped per type by the macro. */
extern Datum mrr_state_in(FunctionCallInfo fcinfo, const MrrDesc *desc);
extern Datum mrr_state_out(FunctionCallInfo fcinfo, const MrrDesc *desc);
extern Datum mrr_state_recv(FunctionCallInfo fcinfo, const MrrDesc *desc);
extern Datum mrr_state_send(FunctionCallInfo fcinfo, const MrrDesc *desc);
extern Datum mrr_state_combine(FunctionCallInfo fcinfo, const MrrDesc *desc);

#define MRR_WRAPPER(name, impl, desc) \
	PG_FUNCTION_INFO_V1(name); \
	Datum name(PG_FUNCTION_ARGS) { return impl(fcinfo, &(desc)); }

#define MRR_STATE_FUNCTIONS(prefix, desc) \
	MRR_WRAPPER(prefix##_in, mrr_state_in, desc) \
	MRR_WRAPPER(prefix##_out, mrr_state_out, desc) \
	MRR_WRAPPER(prefix##_recv, mrr_state_recv, desc) \
	MRR_WRAPPER(prefix##_send, mrr_state_send, desc) \
	MRR_WRAPPER(prefix##_combine, mrr_state_combine, desc)

#endif							/* RETENTION_MRR_H */
