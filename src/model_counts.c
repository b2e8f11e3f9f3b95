/*-------------------------------------------------------------------------
 *
 * model_counts.c
 *	  The fit states of sBG and BG/BB: sorted lists of observation patterns
 *	  with their customer and row counts (model_optimise.h describes them).
 *
 * The text form is "v1" followed by one "key:customers/rows" per pattern in
 * key order, the key's parts separated by commas, e.g. for sbg_fit_state
 * "v1 0:1000/1 1:631/1".  Input validates everything: the version, each
 * key part's range and the type's own key rule, strictly increasing keys,
 * customers >= 0 and rows >= 1.  Binary send/receive carry the same text,
 * so both paths share one validator.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>
#include <limits.h>

#include "common/int.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"

#include "model_optimise.h"

#define COUNTS_SIZE(capacity)	(offsetof(ModelCounts, e) + sizeof(ModelCountEntry) * (capacity))
#define KEY_BITS				20

int64
model_key_pack(const ModelCountsDesc *desc, const int64 *parts)
{
	int64		key = 0;
	int			i;

	for (i = 0; i < desc->nparts; i++)
		key = (key << KEY_BITS) | parts[i];
	return key;
}

void
model_key_unpack(const ModelCountsDesc *desc, int64 key, int64 *parts)
{
	int			i;

	for (i = desc->nparts - 1; i >= 0; i--)
	{
		parts[i] = key & ((INT64CONST(1) << KEY_BITS) - 1);
		key >>= KEY_BITS;
	}
}

static ModelCounts *
counts_new(int capacity)
{
	ModelCounts *s = palloc0(COUNTS_SIZE(capacity));

	SET_VARSIZE(s, COUNTS_SIZE(capacity));
	s->version = MODEL_COUNTS_VERSION;
	s->capacity = capacity;
	return s;
}

/* A copy with room for at least capacity entries. */
static ModelCounts *
counts_copy(const ModelCounts *s, int capacity)
{
	ModelCounts *c = counts_new(Max(capacity, s->nentries));

	c->nentries = s->nentries;
	memcpy(c->e, s->e, sizeof(ModelCountEntry) * s->nentries);
	return c;
}

/* Index of key, or -(insertion point) - 1. */
static int
counts_find(const ModelCounts *s, int64 key)
{
	int			lo = 0,
				hi = s->nentries - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (s->e[mid].key == key)
			return mid;
		if (s->e[mid].key < key)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -lo - 1;
}

static void
counts_check_shape(const ModelCounts *s, const ModelCountsDesc *desc)
{
	if (VARSIZE(s) < offsetof(ModelCounts, e) || s->version != MODEL_COUNTS_VERSION ||
		s->flags != 0 || s->nentries < 0 || s->capacity < s->nentries ||
		VARSIZE(s) != COUNTS_SIZE(s->capacity))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid %s value", desc->type_name)));
}

ModelCounts *
model_counts_arg(FunctionCallInfo fcinfo, int argno, const ModelCountsDesc *desc)
{
	ModelCounts *s = (ModelCounts *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	counts_check_shape(s, desc);
	return s;
}

static void pg_attribute_noreturn()
counts_overflow(const ModelCountsDesc *desc)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s customer count out of range", desc->type_name),
			 errhint("The customers of one pattern add up to at most 9223372036854775807.")));
}

/*
 * Add sign * (customers, 1 row) under key to s, which may be changed in
 * place when inplace; returns s or a new, bigger list.
 */
static ModelCounts *
counts_add(ModelCounts *s, bool inplace, const ModelCountsDesc *desc,
		   int64 key, int64 customers, int64 rows, int sign)
{
	int			i = counts_find(s, key);

	if (i >= 0)
	{
		ModelCountEntry *e;
		int64		c,
					r;

		if (!inplace)
			s = counts_copy(s, s->nentries);
		e = &s->e[i];
		if (sign > 0)
		{
			if (pg_add_s64_overflow(e->customers, customers, &c) ||
				pg_add_s64_overflow(e->rows, rows, &r))
				counts_overflow(desc);
		}
		else
		{
			c = e->customers - customers;
			r = e->rows - rows;
			if (c < 0 || r < 0 || (r == 0 && c != 0))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("cannot remove a row that was not added to %s", desc->type_name)));
		}
		if (r == 0)
		{
			memmove(&s->e[i], &s->e[i + 1], sizeof(ModelCountEntry) * (s->nentries - i - 1));
			s->nentries--;
		}
		else
		{
			e->customers = c;
			e->rows = r;
		}
		return s;
	}
	if (sign < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove a row that was not added to %s", desc->type_name)));
	i = -i - 1;
	if (!inplace || s->nentries == s->capacity)
	{
		if (s->nentries >= (INT_MAX / 2) / (int) sizeof(ModelCountEntry))
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("%s has too many distinct patterns", desc->type_name)));
		s = counts_copy(s, s->nentries == s->capacity ? Max(8, 2 * s->capacity) : s->capacity);
	}
	memmove(&s->e[i + 1], &s->e[i], sizeof(ModelCountEntry) * (s->nentries - i));
	s->e[i].key = key;
	s->e[i].customers = customers;
	s->e[i].rows = rows;
	s->nentries++;
	return s;
}

ModelCounts *
model_counts_step(FunctionCallInfo fcinfo, const ModelCountsDesc *desc,
				  const int64 *parts, int64 customers, int sign)
{
	ModelCounts *s;
	bool		inplace;

	if (PG_ARGISNULL(0))
	{
		s = counts_new(8);
		inplace = true;
	}
	else
	{
		inplace = AggCheckCallContext(fcinfo, NULL) != 0;
		s = inplace ? (ModelCounts *) DatumGetPointer(PG_GETARG_DATUM(0))
			: model_counts_arg(fcinfo, 0, desc);
		if (inplace)
			counts_check_shape(s, desc);
	}
	return counts_add(s, inplace, desc, model_key_pack(desc, parts), customers, 1, sign);
}

Datum
model_counts_combine(FunctionCallInfo fcinfo, const ModelCountsDesc *desc, int sign)
{
	ModelCounts *a = model_counts_arg(fcinfo, 0, desc);
	ModelCounts *b = model_counts_arg(fcinfo, 1, desc);
	ModelCounts *r;
	int			i,
				j,
				k = 0;

	if (sign < 0)
	{
		r = counts_copy(a, a->nentries);
		for (i = 0; i < b->nentries; i++)
			r = counts_add(r, true, desc, b->e[i].key, b->e[i].customers, b->e[i].rows, -1);
		PG_RETURN_POINTER(r);
	}
	/* merge the two sorted lists */
	r = counts_new(a->nentries + b->nentries);
	for (i = 0, j = 0; i < a->nentries || j < b->nentries;)
	{
		if (j >= b->nentries || (i < a->nentries && a->e[i].key < b->e[j].key))
			r->e[k++] = a->e[i++];
		else if (i >= a->nentries || b->e[j].key < a->e[i].key)
			r->e[k++] = b->e[j++];
		else
		{
			r->e[k] = a->e[i];
			if (pg_add_s64_overflow(a->e[i].customers, b->e[j].customers, &r->e[k].customers) ||
				pg_add_s64_overflow(a->e[i].rows, b->e[j].rows, &r->e[k].rows))
				counts_overflow(desc);
			k++, i++, j++;
		}
	}
	r->nentries = k;
	PG_RETURN_POINTER(r);
}

/* ---------- text and binary forms ---------- */

static void pg_attribute_noreturn()
counts_bad_text(const ModelCountsDesc *desc, const char *str, int code, const char *detail)
{
	state_bad_long_text(desc->type_name, str, code, detail, STATE_TEXT_HINT);
}

/* A decimal integer 0..max at *p (no sign), advancing *p. */
static bool
parse_count(const char **p, int64 max, int64 *value)
{
	const char *s = *p;
	int64		v = 0;

	if (!isdigit((unsigned char) *s))
		return false;
	while (isdigit((unsigned char) *s))
	{
		if (pg_mul_s64_overflow(v, 10, &v) || pg_add_s64_overflow(v, *s - '0', &v) || v > max)
			return false;
		s++;
	}
	*p = s;
	*value = v;
	return true;
}

static ModelCounts *
counts_parse(const ModelCountsDesc *desc, const char *str, int code)
{
	const char *p = str;
	ModelCounts *s = counts_new(8);

	if (strncmp(p, "v1", 2) != 0 || (p[2] != '\0' && p[2] != ' '))
		counts_bad_text(desc, str, code, "The text starts with the version \"v1\".");
	p += 2;
	while (*p == ' ')
	{
		int64		parts[3],
					customers,
					rows,
					key;
		const char *why;
		int			i;

		p++;
		for (i = 0; i < desc->nparts; i++)
		{
			if (i > 0 && *p++ != ',')
				counts_bad_text(desc, str, code, "A pattern's key parts are separated by commas.");
			if (!parse_count(&p, MODEL_KEY_MAX, &parts[i]))
				counts_bad_text(desc, str, code,
								psprintf("Key part \"%s\" is an integer from 0 to %d.",
										 desc->part_names[i], MODEL_KEY_MAX));
		}
		if ((why = desc->check_key(parts)) != NULL)
			counts_bad_text(desc, str, code, why);
		if (*p++ != ':' || !parse_count(&p, PG_INT64_MAX, &customers) ||
			*p++ != '/' || !parse_count(&p, PG_INT64_MAX, &rows) || rows < 1)
			counts_bad_text(desc, str, code,
							"Each pattern is key:customers/rows, customers >= 0 and rows >= 1.");
		key = model_key_pack(desc, parts);
		if (s->nentries > 0 && key <= s->e[s->nentries - 1].key)
			counts_bad_text(desc, str, code, "The patterns are listed once each, in increasing key order.");
		s = counts_add(s, true, desc, key, customers, rows, 1);
	}
	if (*p != '\0')
		counts_bad_text(desc, str, code, "Patterns are separated by single spaces.");
	return s;
}

static char *
counts_format(const ModelCounts *s, const ModelCountsDesc *desc)
{
	StringInfoData buf;
	int			i,
				j;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "v1");
	for (i = 0; i < s->nentries; i++)
	{
		int64		parts[3];

		model_key_unpack(desc, s->e[i].key, parts);
		appendStringInfoChar(&buf, ' ');
		for (j = 0; j < desc->nparts; j++)
			appendStringInfo(&buf, "%s" INT64_FORMAT, j ? "," : "", parts[j]);
		appendStringInfo(&buf, ":" INT64_FORMAT "/" INT64_FORMAT, s->e[i].customers, s->e[i].rows);
	}
	return buf.data;
}

Datum
model_counts_in(FunctionCallInfo fcinfo, const ModelCountsDesc *desc)
{
	PG_RETURN_POINTER(counts_parse(desc, PG_GETARG_CSTRING(0), ERRCODE_INVALID_TEXT_REPRESENTATION));
}

Datum
model_counts_out(FunctionCallInfo fcinfo, const ModelCountsDesc *desc)
{
	PG_RETURN_CSTRING(counts_format(model_counts_arg(fcinfo, 0, desc), desc));
}

Datum
model_counts_recv(FunctionCallInfo fcinfo, const ModelCountsDesc *desc)
{
	char	   *txt = state_recv_text((StringInfo) PG_GETARG_POINTER(0));

	PG_RETURN_POINTER(counts_parse(desc, txt, ERRCODE_INVALID_BINARY_REPRESENTATION));
}

Datum
model_counts_send(FunctionCallInfo fcinfo, const ModelCountsDesc *desc)
{
	char	   *txt = counts_format(model_counts_arg(fcinfo, 0, desc), desc);

	PG_RETURN_BYTEA_P(state_send_text(txt));
}
