/*-------------------------------------------------------------------------
 *
 * keyset_merge.c
 *	  Merging flat values of the distinct-customer set without a table (a
 *	  k-way merge of sorted runs), and the combine and uncombine functions.
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
bool
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
	/* the period of a span state with one, before the entries (24 fixed) */
	if (ks->range_kind)
	{
		p = put_num(p, ks->range_kind, false);
		p = put_num(p, zigzag(ks->range_start), false);
		p = put_num(p, zigzag(ks->range_end), false);
		fixed_size += 24;
	}
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
	out->flags = (ks->param_set ? KSF_PARAM_SET : 0) | (ks->range_kind ? KSF_RANGE : 0);
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
	if (r.range_kind)
		ks_set_range(ks, r.range_kind, r.range_start, r.range_end, true);
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


void
ks_count_since(KeySet *ks, int64 t, uint64 *active, uint64 *returning)
{
	uint64		a = 0,
				r = 0;

	Assert(ks->desc->layout == KS_LAYOUT_SPAN);
	if (ks->merged != NULL && ks->nruns == 0 && ks->npending == 0)
	{
		/* a merged flat value (a parallel leader's, stored states'): read it */
		KsReader	rd;
		KsEntry		e;

		ks_reader_init(&rd, ks->merged, VARSIZE(ks->merged), ks->desc,
					   ERRCODE_INVALID_TEXT_REPRESENTATION, ks->seed);
		while (ks_reader_next(&rd, &e))
			if (e.last >= t)
			{
				a++;
				r += e.first < t;
			}
	}
	else
	{
		uint64		i;
		char	   *e;

		ks_flush(ks);
		KS_FOREACH(ks, e, i)
		{
			KS_CHECK_INTERRUPTS(i);
			if (KS_LAST(ks, e) >= t)
			{
				a++;
				r += KS_FIRST(ks, e) < t;
			}
		}
	}
	*active = a;
	*returning = r;
}
