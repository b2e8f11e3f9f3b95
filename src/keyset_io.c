/*-------------------------------------------------------------------------
 *
 * keyset_io.c
 *	  Text and binary input and output of the distinct-customer set.
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


/* ---------- text and binary I/O ---------- */

void
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
	if (ks->range_kind)
	{
		appendStringInfo(&buf, " period=%s[", period_kind_name(ks->range_kind));
		period_format_bound(&buf, ks->range_start);
		appendStringInfoChar(&buf, ',');
		period_format_bound(&buf, ks->range_end);
		appendStringInfoChar(&buf, ')');
	}
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

/*
 * The period of a span state with one, after "period=": its kind, then
 * [start,end) with the bounds as period_format_bound writes them (the one
 * spelling); returns the text after it.
 */
static const char *
parse_range(const KsDesc *desc, const char *str, const char *p, KeySet *ks)
{
	static const char *const hint = "A period is period=<daterange|tsrange|tstzrange>[start,end) with bounds such as 2026-01-01 or 2026-01-01T12:30:00.";
	int			kind;
	const char *q;
	char	   *bound;
	int64		start,
				end;
	const char *problem;

	for (kind = PERIOD_DATE; kind <= PERIOD_TIMESTAMPTZ; kind++)
	{
		size_t		n = strlen(period_kind_name(kind));

		if (strncmp(p, period_kind_name(kind), n) == 0 && p[n] == '[')
			break;
	}
	if (kind > PERIOD_TIMESTAMPTZ)
		bad_text(desc, str, hint);
	p += strlen(period_kind_name(kind)) + 1;
	q = strchr(p, ',');
	if (q == NULL)
		bad_text(desc, str, hint);
	bound = pnstrdup(p, q - p);
	if (!period_parse_bound(bound, &start))
		bad_text(desc, str, hint);
	p = q + 1;
	q = strchr(p, ')');
	if (q == NULL)
		bad_text(desc, str, hint);
	bound = pnstrdup(p, q - p);
	if (!period_parse_bound(bound, &end))
		bad_text(desc, str, hint);
	problem = period_problem(kind, start, end);
	if (problem)
		bad_text(desc, str, problem);
	ks_set_range(ks, (uint8) kind, start, end, false);
	return skip_ws(q + 1);
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
	if (desc->has_range && strncmp(p, "period=", 7) == 0)
		p = parse_range(desc, str, p + 7, ks);
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

