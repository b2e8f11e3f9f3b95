/*-------------------------------------------------------------------------
 *
 * clv_orders.c
 *	  clv_state and clv(customer_id, purchased_at, amount, horizon
 *	  [, model]): a group's orders, summarised per customer, fitted with
 *	  the chosen purchase model and Gamma-Gamma, and predicted in the final
 *	  function.
 *
 * While aggregating the state is an expanded object around a flat value
 * with spare room; its text lists the orders sorted (one spelling).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "access/htup_details.h"
#include "common/int.h"
#include "common/shortest_dec.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/expandeddatum.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"
#include "utils/uuid.h"

#include "amount.h"
#include "clv.h"
#include "clv_internal.h"
#include "clv_kind.h"
#include "customer_key.h"
#include "expanded.h"
#include "state.h"


/* ==================================================================
 * clv_state: a group's orders for clv(customer_id, purchased_at, amount,
 * horizon).  Records of (day, key length, amount, key bytes padded to 8),
 * appended.  The customer key is kept exactly (its bytes), so customers are
 * never merged by a hash collision.
 * ================================================================== */

#define CO_KEY_SHIFT	4
#define CO_KEY_MASK		0x30
#define CO_KEY_INT8		1
#define CO_KEY_TEXT		2
#define CO_KEY_UUID		3

typedef struct ClvOrdersState
{
	int32		vl_len_;
	uint8		version;
	uint8		flags;
	uint8		model;			/* 0: not given (BG/NBD), else ClvKindId + 1 */
	uint8		reserved;		/* 0 (with model, 1.1's uint16 reserved 0) */
	int32		used;			/* bytes of records */
	int32		capacity;		/* bytes allocated for records */
	int64		norders;
	double		horizon_days;
	/* records at CO_HDR */
} ClvOrdersState;

typedef struct ClvOrder
{
	DateADT		day;
	int32		keylen;
	double		amount;
	/* key bytes follow, padded to 8 */
} ClvOrder;

#define CO_HDR			MAXALIGN(sizeof(ClvOrdersState))
#define CO_DATA(s)		((char *) (s) + CO_HDR)
#define CO_RECSIZE(kl)	(sizeof(ClvOrder) + TYPEALIGN(8, (kl)))

static const char *const key_names[] = {"none", "int8", "text", "uuid"};

static ClvOrdersState *
co_new(int capacity)
{
	ClvOrdersState *s = palloc0(CO_HDR + capacity);

	SET_VARSIZE(s, CO_HDR + capacity);
	s->version = CLV_VERSION;
	s->capacity = capacity;
	return s;
}

/*
 * While aggregating, the state is an expanded object around a flat value
 * with spare room, so that it grows in place (repalloc) instead of being
 * copied by the executor at every doubling; a group may hold millions of
 * orders.  It flattens to the same value without the spare room.
 */
typedef struct CoExpanded
{
	ExpandedObjectHeader hdr;
	ClvOrdersState *s;			/* in hdr.eoh_context */
} CoExpanded;

static Size
co_get_flat_size(ExpandedObjectHeader *eohptr)
{
	return CO_HDR + ((CoExpanded *) eohptr)->s->used;
}

/* Copy s without its spare room into dst, CO_HDR + s->used bytes. */
static void
co_copy_exact(ClvOrdersState *dst, const ClvOrdersState *s)
{
	memcpy(dst, s, CO_HDR + s->used);
	SET_VARSIZE(dst, CO_HDR + s->used);
	dst->capacity = s->used;
}

static void
co_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	ClvOrdersState *s = ((CoExpanded *) eohptr)->s;

	Assert(allocated_size == CO_HDR + s->used);
	co_copy_exact((ClvOrdersState *) result, s);
}

static const ExpandedObjectMethods co_methods = {
	co_get_flat_size,
	co_flatten_into
};

static ClvOrdersState *
co_arg(FunctionCallInfo fcinfo, int argno)
{
	Datum		d = PG_GETARG_DATUM(argno);
	ClvOrdersState *s;

	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)) &&
		DatumGetEOHP(d)->eoh_methods == &co_methods)
		return ((CoExpanded *) DatumGetEOHP(d))->s;
	s = (ClvOrdersState *) PG_DETOAST_DATUM(d);
	if (VARSIZE(s) < CO_HDR || s->version != CLV_VERSION || s->used < 0 ||
		s->used > s->capacity || VARSIZE(s) != CO_HDR + (Size) s->capacity ||
		s->model > CLV_NKINDS || s->reserved != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid clv_state value")));
	return s;
}

/* Room for need bytes of records in *sp, a palloc'd state (repalloc'd). */
static void
co_reserve(ClvOrdersState **sp, Size need)
{
	ClvOrdersState *s = *sp;
	Size		cap = Max(256, s->capacity);

	if (need <= (Size) s->capacity)
		return;
	while (cap < need)
		cap *= 2;
	if (cap + CO_HDR > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many orders in one clv group"),
				 errhint("Fit with clv_summary and clv_fit, which keep one row per customer.")));
	/* the spare room is never stored (co_copy_exact, co_parse) */
	s = repalloc(s, CO_HDR + cap);
	SET_VARSIZE(s, CO_HDR + cap);
	s->capacity = (int) cap;
	*sp = s;
}

/*
 * The state to change: the aggregate's own (read-write expanded), else a
 * new expanded copy of the argument in the aggregate's context (the
 * current one outside an aggregate).
 */
static CoExpanded *
co_for_update(FunctionCallInfo fcinfo)
{
	MemoryContext parent,
				old;
	CoExpanded *e = (CoExpanded *) clv_own_state(fcinfo, &co_methods, &parent);

	if (e)
		return e;
	e = (CoExpanded *) clv_new_state(parent, sizeof(CoExpanded), &co_methods);
	old = MemoryContextSwitchTo(e->hdr.eoh_context);
	if (PG_ARGISNULL(0))
		e->s = co_new(256);
	else
	{
		ClvOrdersState *s = co_arg(fcinfo, 0);

		/* no spare room yet: the first append grows it (co_reserve) */
		e->s = palloc(CO_HDR + s->used);
		co_copy_exact(e->s, s);
	}
	MemoryContextSwitchTo(old);
	return e;
}

/*
 * Record a group's key kind, horizon and model (as ClvOrdersState's model:
 * 0 when not given).  The first row or state sets them; another key kind
 * or horizon is 22023, and so is another model, except that a state
 * without one (4-argument clv, or 1.1) takes the model of the other.
 */
static void
co_set_params(ClvOrdersState *s, int kind, double horizon_days, int model)
{
	if (model != 0 && s->model != model)
	{
		if (s->model != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("clv model changes from \"%s\" to \"%s\" inside one group",
							clv_kind(s->model - 1)->name, clv_kind(model - 1)->name),
					 errhint("Fit one model per group: the model argument is a constant.")));
		s->model = (uint8) model;
	}
	if (!(s->flags & CLV_PARAMS_SET))
	{
		s->flags |= CLV_PARAMS_SET | (kind << CO_KEY_SHIFT);
		s->horizon_days = horizon_days;
		return;
	}
	if (((s->flags & CO_KEY_MASK) >> CO_KEY_SHIFT) != kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("clv states with %s and %s customer keys cannot be merged",
						key_names[(s->flags & CO_KEY_MASK) >> CO_KEY_SHIFT], key_names[kind])));
	if (s->horizon_days != horizon_days)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("horizon changes within one group: %s and %s days",
						clv_num(s->horizon_days), clv_num(horizon_days)),
				 errhint("Every row of a group, and every state merged together, must use the same horizon.")));
}

/* Append one order to *sp, a palloc'd state (repalloc'd when full). */
static void
co_append(ClvOrdersState **sp, DateADT day, double amount, const char *key, int keylen)
{
	Size		rs = CO_RECSIZE(keylen);
	ClvOrdersState *s;
	ClvOrder	o;
	char	   *dst;

	co_reserve(sp, (*sp)->used + rs);
	s = *sp;
	dst = CO_DATA(s) + s->used;
	memset(dst, 0, rs);
	o.day = day;
	o.keylen = keylen;
	o.amount = amount;
	memcpy(dst, &o, sizeof(o));
	memcpy(dst + sizeof(o), key, keylen);
	s->used += rs;
	s->norders++;
}

/*
 * Add a row.  The key comes through the shared customer-key entry points
 * (customer_key.h, customer_key_extra.c): an int4 key is stored as the int8
 * it equals (and smallint and numeric keys arrive as int4 and int8), so 42
 * is one customer whatever the column's type and the states merge; a text
 * key is compared by its bytes, so a nondeterministic collation is 0A000.
 */
static Datum
clv_orders_step(FunctionCallInfo fcinfo, bool numeric_amount, CustomerKeyType keytype)
{
	int			kind = keytype == CUSTOMER_KEY_TEXT ? CO_KEY_TEXT :
		keytype == CUSTOMER_KEY_UUID ? CO_KEY_UUID : CO_KEY_INT8;
	CoExpanded *e = co_for_update(fcinfo);
	double		horizon = clv_positive_interval_arg(fcinfo, 4, "horizon");
	/* clv(…, model) has a sixth argument; the same entry points serve both */
	int			model = PG_NARGS() > 5 ? clv_kind_fcinfo_arg(fcinfo, 5, "clv") + 1 : 0;
	TimestampTz ts;
	const char *key;
	int			keylen;
	int64		k8;
	double		amount;

	co_set_params(e->s, kind, horizon, model);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_DATUM(EOHPGetRWDatum(&e->hdr));
	ts = PG_GETARG_TIMESTAMPTZ(2);
	if (TIMESTAMP_NOT_FINITE(ts))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("purchased_at %s is out of range", TIMESTAMP_IS_NOBEGIN(ts) ? "-infinity" : "infinity"),
				 errhint("A purchase time is a finite timestamp.")));
	switch (keytype)
	{
		case CUSTOMER_KEY_INT4:
		case CUSTOMER_KEY_INT8:
			k8 = keytype == CUSTOMER_KEY_INT4 ? (int64) PG_GETARG_INT32(1) : PG_GETARG_INT64(1);
			key = (const char *) &k8;
			keylen = sizeof(int64);
			break;
		case CUSTOMER_KEY_UUID:
			key = (const char *) PG_GETARG_UUID_P(1)->data;
			keylen = UUID_LEN;
			break;
		case CUSTOMER_KEY_TEXT:
			{
				text	   *t = PG_GETARG_TEXT_PP(1);

				customer_key_check_collation(fcinfo);
				key = VARDATA_ANY(t);
				keylen = VARSIZE_ANY_EXHDR(t);
				break;
			}
		default:
			elog(ERROR, "unexpected customer key type %d", (int) keytype);
	}
	amount = clv_order_amount_arg(fcinfo, 3, numeric_amount);
	/* -0 is 0 (one spelling, and the sort cannot tell them apart) */
	if (amount == 0)
		amount = 0.0;
	co_append(&e->s, clv_ts_day_cached(fcinfo, ts), amount, key, keylen);
	PG_RETURN_DATUM(EOHPGetRWDatum(&e->hdr));
}

/* clv_sfunc_int4 .. _uuid; _int2 and _numeric are in customer_key_extra.c */
CUSTOMER_KEY_ENTRY_POINTS(clv_sfunc, clv_orders_step, false)
CUSTOMER_KEY_ENTRY_POINTS(clv_numeric_amount_sfunc, clv_orders_step, true)

/* The entry points that 1.1 (and earlier 1.2 builds) bound the SQL to. */
CUSTOMER_KEY_ENTRY(clv_int8, sfunc, clv_orders_step, false, CUSTOMER_KEY_INT8)
CUSTOMER_KEY_ENTRY(clv_text, sfunc, clv_orders_step, false, CUSTOMER_KEY_TEXT)
CUSTOMER_KEY_ENTRY(clv_uuid, sfunc, clv_orders_step, false, CUSTOMER_KEY_UUID)
CUSTOMER_KEY_ENTRY(clv_int8_numeric, sfunc, clv_orders_step, true, CUSTOMER_KEY_INT8)
CUSTOMER_KEY_ENTRY(clv_text_numeric, sfunc, clv_orders_step, true, CUSTOMER_KEY_TEXT)
CUSTOMER_KEY_ENTRY(clv_uuid_numeric, sfunc, clv_orders_step, true, CUSTOMER_KEY_UUID)

/* The model is refitted on the whole frame: NULL restarts the frame. */
PG_FUNCTION_INFO_V1(clv_orders_inv);
Datum
clv_orders_inv(PG_FUNCTION_ARGS)
{
	PG_RETURN_NULL();
}

PG_FUNCTION_INFO_V1(clv_state_combine);
Datum
clv_state_combine(PG_FUNCTION_ARGS)
{
	CoExpanded *e = co_for_update(fcinfo);
	ClvOrdersState *b = co_arg(fcinfo, 1);
	ClvOrdersState *a;

	if (b->flags & CLV_PARAMS_SET)
		co_set_params(e->s, (b->flags & CO_KEY_MASK) >> CO_KEY_SHIFT, b->horizon_days, b->model);
	co_reserve(&e->s, e->s->used + (Size) b->used);
	a = e->s;
	memcpy(CO_DATA(a) + a->used, CO_DATA(b), b->used);
	a->used += b->used;
	a->norders += b->norders;
	PG_RETURN_DATUM(EOHPGetRWDatum(&e->hdr));
}

PG_FUNCTION_INFO_V1(clv_state_uncombine);
Datum
clv_state_uncombine(PG_FUNCTION_ARGS)
{
	PG_RETURN_NULL();
}

/*
 * Order records by customer key, then day, then amount: the order of the
 * canonical text form and of clv()'s summaries.
 */
static inline int
cmp_order(const char *a, const char *b)
{
	ClvOrder	oa,
				ob;
	int			c;

	memcpy(&oa, a, sizeof(oa));
	memcpy(&ob, b, sizeof(ob));
	if (oa.keylen != ob.keylen)
		return oa.keylen < ob.keylen ? -1 : 1;
	c = memcmp(a + sizeof(ClvOrder), b + sizeof(ClvOrder), oa.keylen);
	if (c != 0)
		return c;
	if (oa.day != ob.day)
		return oa.day < ob.day ? -1 : 1;
	/* amounts too, so sums do not depend on the order rows arrived in */
	if (oa.amount != ob.amount)
		return oa.amount < ob.amount ? -1 : 1;
	return 0;
}

/*
 * Sort record pointers with the comparison inlined, checking for interrupts
 * (qsort does not: a stored state of 8 M orders kept a canceled query
 * sorting for seconds).
 */
typedef char *ClvOrderRef;		/* a record of a state */

#define ST_SORT sort_order_records
#define ST_CHECK_FOR_INTERRUPTS
#define ST_ELEMENT_TYPE ClvOrderRef
#define ST_COMPARE(a, b) cmp_order(*(a), *(b))
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/*
 * The state's records in canonical order (cmp_order), as pointers into it;
 * *last gets the latest purchase day.
 */
static char **
co_sorted_records(const ClvOrdersState *s, int64 *count, DateADT *last)
{
	char	  **rec = palloc(sizeof(char *) * Max(s->norders, 1));
	int64		n = 0;
	int			off = 0;

	*last = 0;
	while (off < s->used && n < s->norders)
	{
		ClvOrder	o;

		memcpy(&o, CO_DATA(s) + off, sizeof(o));
		rec[n++] = (char *) CO_DATA(s) + off;
		*last = (n == 1 || o.day > *last) ? o.day : *last;
		off += CO_RECSIZE(o.keylen);
	}
	sort_order_records(rec, n);
	*count = n;
	return rec;
}

static const char hexdig[] = "0123456789abcdef";

/*
 * The text form, version 2: "v2 key=K [model=M ]horizon_days=H
 * orders=day:amount:hex,...", the model only when one was given,
 * with the orders sorted by customer key, day and amount, so that the same
 * orders have one spelling whatever order the rows (or merged states)
 * arrived in.  Citus's coordinator reads back the text its workers send,
 * and rollups compare and deduplicate stored values.  Version 1 (1.1) wrote
 * the orders in arrival order; it is still read.
 */
PG_FUNCTION_INFO_V1(clv_state_out);
Datum
clv_state_out(PG_FUNCTION_ARGS)
{
	ClvOrdersState *s = co_arg(fcinfo, 0);
	StringInfoData buf;
	char	  **rec;
	int64		n,
				r;
	DateADT		last;
	int			i;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "v2");
	if (!(s->flags & CLV_PARAMS_SET))
		PG_RETURN_CSTRING(buf.data);
	appendStringInfo(&buf, " key=%s ", key_names[(s->flags & CO_KEY_MASK) >> CO_KEY_SHIFT]);
	if (s->model != 0)
		appendStringInfo(&buf, "model=%s ", clv_kind(s->model - 1)->name);
	appendStringInfoString(&buf, "horizon_days=");
	state_append_float8(&buf, s->horizon_days);
	appendStringInfoString(&buf, " orders=");
	rec = co_sorted_records(s, &n, &last);
	for (r = 0; r < n; r++)
	{
		ClvOrder	o;
		const unsigned char *k = (const unsigned char *) rec[r] + sizeof(o);

		memcpy(&o, rec[r], sizeof(o));
		CHECK_FOR_INTERRUPTS();
		if (r > 0)
			appendStringInfoChar(&buf, ',');
		clv_append_day(&buf, o.day);
		appendStringInfoChar(&buf, ':');
		state_append_float8(&buf, o.amount);
		appendStringInfoChar(&buf, ':');
		for (i = 0; i < o.keylen; i++)
		{
			appendStringInfoChar(&buf, hexdig[k[i] >> 4]);
			appendStringInfoChar(&buf, hexdig[k[i] & 15]);
		}
	}
	PG_RETURN_CSTRING(buf.data);
}

/* 22P02 (22P03 from recv) naming the order of str that is not valid. */
static void pg_attribute_noreturn()
co_bad_order(const char *str, int code, int64 index, const char *order, int len,
			 const char *what)
{
	/* at most 80 bytes of it, cut at a character boundary */
	int			shown = pg_mbcliplen(order, len, 80);

	state_bad_long_text("clv_state", str, code,
						psprintf("Order %lld \"%.*s%s\": %s", (long long) index,
						  shown, order, shown < len ? "..." : "", what), STATE_TEXT_HINT);
}

/*
 * Read the text form, validating every part: version 2 exactly as
 * clv_state_out writes it (orders sorted, one spelling per value: the
 * shared canonical float8 spelling of state.h, days as YYYY-MM-DD,
 * lower-case hexadecimal keys of the key type's length, no "-0", no empty
 * order), or version 1 as 1.1 wrote it (orders in any order; a "-0"
 * amount reads as 0).  The binary form is this text, so recv checks the
 * same (co_bad_order names the order at fault).
 */
static ClvOrdersState *
co_parse(const char *str, int code)
{
	const char *T = "clv_state";
	char	   *copy = pstrdup(str);
	int			version;
	char	   *cur = state_skip_version(copy, T, str, code, 2, &version);
	char	   *val,
			   *tok;
	ClvOrdersState *s = co_new(256);
	int			kind,
				model = 0,
				prev = -1;
	double		horizon;
	int64		index = 0;

	if (*cur == '\0')
		return s;
	val = state_next_field(&cur, "key", T, str, code);
	for (kind = 1; kind <= 3; kind++)
		if (strcmp(val, key_names[kind]) == 0)
			break;
	if (kind > 3)
		state_bad_long_text(T, str, code, psprintf("key \"%.20s\" is not int8, text or uuid.", val), STATE_TEXT_HINT);
	/* "model=NAME": a state of clv(…, model) (absent: not given) */
	if (version >= 2 && strncmp(cur, "model=", 6) == 0)
	{
		val = state_next_field(&cur, "model", T, str, code);
		model = clv_kind_lookup(val, strlen(val)) + 1;
		if (model == 0)
			state_bad_long_text(T, str, code,
								psprintf("The model \"%.20s\" is not one of %s.", val, clv_kind_names()), STATE_TEXT_HINT);
	}
	val = state_next_field(&cur, "horizon_days", T, str, code);
	if (!state_parse_float8(val, &horizon) || !(horizon > 0))
		state_bad_long_text(T, str, code, psprintf("horizon_days \"%.40s\" is not a positive number in its shortest spelling.", val), STATE_TEXT_HINT);
	co_set_params(s, kind, horizon, model);
	val = state_next_field(&cur, "orders", T, str, code);
	if (*cur != '\0')
		state_bad_long_text(T, str, code, "Unexpected text after the orders.", STATE_TEXT_HINT);
	for (tok = *val ? val : NULL; tok;)
	{
		char	   *part[3];
		char	   *comma = strchr(tok, ',');
		const char *order = str + (tok - copy);
		int			orderlen;
		DateADT		day;
		double		amount;
		int			len,
					i;
		char	   *key;

		CHECK_FOR_INTERRUPTS();
		index++;
		if (comma)
			*comma = '\0';
		orderlen = strlen(tok);
		if (orderlen == 0)
			co_bad_order(str, code, index, order, 0, "the order is empty.");
		if (!clv_split_colons(tok, part, 3))
			co_bad_order(str, code, index, order, orderlen, "an order is day:amount:hexkey.");
		if (!clv_parse_day(part[0], &day))
			co_bad_order(str, code, index, order, orderlen, "the day is not YYYY-MM-DD.");
		if (!state_parse_float8(part[1], &amount))
			co_bad_order(str, code, index, order, orderlen,
						 "the amount is not a finite number in its shortest spelling.");
		if (amount == 0 && signbit(amount))
		{
			/* clv() stores 0 for a -0 amount; 1.1 wrote what it was given */
			if (version >= 2)
				co_bad_order(str, code, index, order, orderlen, "the amount -0 is written 0.");
			amount = 0.0;
		}
		len = strlen(part[2]);
		if (len % 2 != 0 ||
			(kind == CO_KEY_INT8 && len != 16) || (kind == CO_KEY_UUID && len != 32))
			co_bad_order(str, code, index, order, orderlen,
						 kind == CO_KEY_INT8 ? "an int8 key is 16 hexadecimal digits." :
						 kind == CO_KEY_UUID ? "a uuid key is 32 hexadecimal digits." :
						 "a text key is an even number of hexadecimal digits.");
		key = palloc(len / 2 + 1);
		for (i = 0; i < len / 2; i++)
		{
			int			hi = state_hex_digit(part[2][2 * i]),
						lo = state_hex_digit(part[2][2 * i + 1]);

			if (hi < 0 || lo < 0)
				co_bad_order(str, code, index, order, orderlen,
							 "the customer key is not lower-case hexadecimal.");
			key[i] = (char) (hi * 16 + lo);
		}
		co_append(&s, day, amount, key, len / 2);
		pfree(key);
		if (version >= 2 && prev >= 0)
		{
			const char *a = CO_DATA(s) + prev;
			const char *b = CO_DATA(s) + s->used - CO_RECSIZE(len / 2);

			if (cmp_order(a, b) > 0)
				co_bad_order(str, code, index, order, orderlen,
							 "it comes before the previous order: the orders are sorted by customer key, day and amount.");
		}
		prev = s->used - CO_RECSIZE(len / 2);
		if (comma && comma[1] == '\0')
			co_bad_order(str, code, index + 1, "", 0, "the order is empty.");
		tok = comma ? comma + 1 : NULL;
	}
	/* stored without its spare room, as a flattened aggregate state is */
	s->capacity = s->used;
	SET_VARSIZE(s, CO_HDR + s->used);
	return repalloc(s, CO_HDR + s->used);
}

CLV_TEXT_IO(clv_state, co_parse)

/*
 * A customer key of a record for a message: the integer, the uuid, or the
 * text quoted (at most 60 bytes of it, cut at a character boundary).
 */
static char *
co_key_for_message(int kind, const char *key, int keylen)
{
	if (kind == CO_KEY_INT8 && keylen == sizeof(int64))
	{
		int64		k;

		memcpy(&k, key, sizeof(k));
		return psprintf(INT64_FORMAT, k);
	}
	if (kind == CO_KEY_UUID && keylen == UUID_LEN)
	{
		pg_uuid_t	u;

		memcpy(u.data, key, UUID_LEN);
		return DatumGetCString(DirectFunctionCall1(uuid_out, UUIDPGetDatum(&u)));
	}
	{
		int			shown = pg_mbcliplen(key, keylen, 60);

		return psprintf("\"%.*s%s\"", shown, key, shown < keylen ? "..." : "");
	}
}

typedef struct CustSummary
{
	int32		x;
	double		tx,
				T,
				m;
} CustSummary;

/*
 * clv(): summarise each customer up to the group's last purchase day (one
 * week unit), fit the purchase model (BG/NBD unless the state names
 * another) and Gamma-Gamma on the customers, and return the mean over
 * customers of the expected value over the horizon.
 */
PG_FUNCTION_INFO_V1(clv_final);
Datum
clv_final(PG_FUNCTION_ARGS)
{
	ClvOrdersState *s = co_arg(fcinfo, 0);
	char	  **rec;
	int64		n = 0,
				i,
				j,
				ncust = 0;
	int			nt = 0,
				np = 0;
	DateADT		last = 0;
	CustSummary *cs;
	ClvTriple  *t;
	ClvPair    *p;
	ClvModel   *model;
	const ClvModelKind *k;
	double		theta[CLV_MAXPARAMS];
	double		horizon,
				sum = 0.0;

	if (s->norders == 0)
		PG_RETURN_NULL();
	rec = co_sorted_records(s, &n, &last);

	cs = palloc(sizeof(CustSummary) * n);
	for (i = 0; i < n; i = j)
	{
		ClvOrder	o,
					first,
					prev;
		int32		days = 1;
		ClvSum		repeat = {0.0, 0.0};

		CHECK_FOR_INTERRUPTS();
		memcpy(&first, rec[i], sizeof(first));
		prev = first;
		for (j = i; j < n; j++)
		{
			memcpy(&o, rec[j], sizeof(o));
			if (o.keylen != first.keylen ||
				memcmp(rec[j] + sizeof(ClvOrder), rec[i] + sizeof(ClvOrder), o.keylen) != 0)
				break;
			if (o.day != prev.day)
				days++;
			/* the repeat amount itself, as clv_summary sums it */
			if (o.day != first.day)
				clv_sum_add1(&repeat, o.amount);
			prev = o;
		}
		cs[ncust].x = days - 1;
		cs[ncust].tx = (prev.day - first.day) / CLV_UNIT_DAYS;
		cs[ncust].T = (last - first.day) / CLV_UNIT_DAYS;
		cs[ncust].m = days > 1 ? repeat.hi / (days - 1) + 0.0 : 0.0;
		/* 0 is valid: the customer stays in BG/NBD, out of Gamma-Gamma */
		if (days > 1 && !(cs[ncust].m >= 0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("monetary value %s of repeat customer %s is negative", clv_num(cs[ncust].m),
							co_key_for_message((s->flags & CO_KEY_MASK) >> CO_KEY_SHIFT,
											   rec[i] + sizeof(ClvOrder), first.keylen)),
					 errdetail("The customer has %d repeat purchase days and %s weeks from first to last purchase.",
							   cs[ncust].x, clv_num(cs[ncust].tx)),
					 errhint("clv needs order amounts that add up to 0 or more over each customer's repeat purchase days.")));
		ncust++;
	}

	/* customers first seen on the last day tell the fit nothing (age 0) */
	t = palloc(sizeof(ClvTriple) * ncust);
	p = palloc(sizeof(ClvPair) * ncust);
	for (i = 0; i < ncust; i++)
	{
		if (cs[i].T <= 0)
			continue;
		t[nt].x = cs[i].x;
		t[nt].pad = 0;
		t[nt].tx = cs[i].tx;
		t[nt].T = cs[i].T;
		t[nt++].w = 1;
		if (cs[i].x > 0)
		{
			p[np].x = cs[i].x;
			p[np].pad = 0;
			p[np].m = cs[i].m;
			p[np++].w = 1;
		}
	}
	if (nt == 0 || np == 0)
		PG_RETURN_NULL();
	nt = clv_compact_triples(t, nt);
	np = clv_compact_pairs(p, np);
	model = clv_fit_model_kind(s->model == 0 ? CLV_KIND_BGNBD : s->model - 1, t, nt, p, np);
	/* every repeat customer spent 0 on repeats: no spend model */
	if (!(model->flags & CM_HAS_GG))
		PG_RETURN_NULL();
	if (!(model->flags & CM_CONVERGED))
	{
		ereport(WARNING,
				(errmsg("clv: the model fit did not converge; returning NULL"),
				 errhint("Fit with clv_fit over clv_summary rows to inspect the model.")));
		PG_RETURN_NULL();
	}

	k = clv_kind(model->kind);
	clv_theta_of(&model->par, theta);
	horizon = s->horizon_days / CLV_UNIT_DAYS;
	for (i = 0; i < ncust; i++)
	{
		double		value;

		CHECK_FOR_INTERRUPTS();
		if (!clv_expected_value_calc(&model->par, cs[i].x, cs[i].m, &value))
			PG_RETURN_NULL();
		sum += clv_finite_prediction("clv expected order value", value) *
			k->expected_purchases(theta, horizon, cs[i].x, cs[i].tx, cs[i].T);
		clv_finite_prediction("clv", sum);
	}
	PG_RETURN_FLOAT8(sum / ncust);
}
