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
#include "state.h"
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

/*
 * Text input.  The text form is canonical: exactly what ks_out writes, one
 * spelling per value, so that equal states have equal text (a dump, a
 * DISTINCT, a comparison of rollups).  No space but the single ones between
 * the header's words and before the brace; integers without "+" or leading
 * zeros; uuids in lower case with hyphens; text keys escaping only " and \;
 * days as YYYY-MM-DD; the period in its one unit (months, else whole days,
 * else microseconds); and the entries in strictly increasing key order (the
 * order ks_out writes, which also rules out a customer twice).  Every
 * error names the piece of text it stopped at.
 */

/* 22P02 naming the text from p on (a short excerpt) and what is wrong. */
static void pg_attribute_noreturn()
bad_text_at(const KsDesc *desc, const char *str, const char *p, const char *what)
{
	int			len = 0;

	while (len < 24 && p[len] != '\0')
		len++;
	bad_text(desc, str, p[0] == '\0' ?
			 psprintf("At the end of the text: %s", what) :
			 psprintf("At \"%.*s%s\": %s", len, p, p[len] != '\0' ? "..." : "", what));
}

/*
 * A day as ks_print_key writes it ("%04d-%02d-%02d" of j2date's year, month
 * and day); NULL when it is not that, or not a valid day.
 */
static const char *
scan_day(const char *p, int32 *day)
{
	const char *q = p;
	int			y = 0,
				m = 0,
				d = 0,
				ndig = 0,
				y2,
				m2,
				d2;
	char		again[32];
	int			len;

	if (*q == '-')
		q++;
	/* at most 7 digits: a day's year has at most 6 */
	while (*q >= '0' && *q <= '9' && ndig < 8)
	{
		y = y * 10 + (*q++ - '0');
		ndig++;
	}
	if (ndig == 0 || ndig > 7 || *q != '-')
		return NULL;
	if (*p == '-')
		y = -y;
	q++;
	if (q[0] < '0' || q[0] > '9' || q[1] < '0' || q[1] > '9' || q[2] != '-' ||
		q[3] < '0' || q[3] > '9' || q[4] < '0' || q[4] > '9')
		return NULL;
	m = (q[0] - '0') * 10 + (q[1] - '0');
	d = (q[3] - '0') * 10 + (q[4] - '0');
	q += 5;
	/* date2j does not check its arguments: range first (February 30 below) */
	if (m < 1 || m > 12 || d < 1 || d > 31 || !IS_VALID_JULIAN(y, m, d))
		return NULL;
	*day = date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
	/* IS_VALID_JULIAN checks no day: -4713-11-01 is before day 0 */
	if (!valid_day(*day))
		return NULL;
	j2date(*day + POSTGRES_EPOCH_JDATE, &y2, &m2, &d2);
	if (y2 != y || m2 != m || d2 != d)
		return NULL;
	/* the one spelling: the year's width and sign as the output has them */
	len = snprintf(again, sizeof(again), "%04d-%02d-%02d", y, m, d);
	if (len != q - p || memcmp(again, p, len) != 0)
		return NULL;
	return q;
}

/* "=<canonical integer> " after a header word; NULL if not. */
static const char *
scan_header_int(const char *p, int64 *v)
{
	if (*p != '=' || (p = state_scan_int64(p + 1, v)) == NULL || *p != ' ')
		return NULL;
	return p + 1;
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
	const char *at = p;

	for (kind = PERIOD_DATE; kind <= PERIOD_TIMESTAMPTZ; kind++)
	{
		size_t		n = strlen(period_kind_name(kind));

		if (strncmp(p, period_kind_name(kind), n) == 0 && p[n] == '[')
			break;
	}
	if (kind > PERIOD_TIMESTAMPTZ)
		bad_text_at(desc, str, at, hint);
	p += strlen(period_kind_name(kind)) + 1;
	q = strchr(p, ',');
	if (q == NULL)
		bad_text_at(desc, str, at, hint);
	bound = pnstrdup(p, q - p);
	if (!period_parse_bound(bound, &start))
		bad_text_at(desc, str, at, hint);
	p = q + 1;
	q = strchr(p, ')');
	if (q == NULL)
		bad_text_at(desc, str, at, hint);
	bound = pnstrdup(p, q - p);
	if (!period_parse_bound(bound, &end))
		bad_text_at(desc, str, at, hint);
	problem = period_problem(kind, start, end);
	if (problem)
		bad_text_at(desc, str, at, problem);
	ks_set_range(ks, (uint8) kind, start, end, false);
	/* one space before the entries, as the output writes it */
	if (q[1] != ' ')
		bad_text_at(desc, str, q + 1, "The period is followed by one space.");
	return q + 2;
}

Datum
ks_in(FunctionCallInfo fcinfo, const KsDesc *desc)
{
	char	   *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	KeySet	   *ks = ks_new(desc, CurrentMemoryContext);
	StringInfoData kb,
				prevkb;
	uint8		kind = KS_KEY_NONE;
	int			k;
	KsFlat	   *f;
	int64		previv = 0;
	bool		first_entry = true;

	if (strncmp(p, "v1 ", 3) != 0)
		bad_text_at(desc, str, p, "It does not start with the version \"v1\" and one space.");
	p += 3;
	for (k = 0; k < (int) lengthof(kind_names); k++)
	{
		size_t		n = strlen(kind_names[k]);

		if (strncmp(p, kind_names[k], n) == 0 && p[n] == ' ')
		{
			kind = k;
			p += n + 1;
			break;
		}
	}
	if (k == (int) lengthof(kind_names))
		bad_text_at(desc, str, p, "The key kind must be empty, int, text or uuid, followed by one space.");
	ks_set_kind(ks, kind);
	if (desc->param_name && strncmp(p, desc->param_name, strlen(desc->param_name)) == 0)
	{
		const char *at = p;
		int64		v;

		p = scan_header_int(p + strlen(desc->param_name), &v);
		if (p == NULL || v < 1 || v > PG_INT32_MAX)
			bad_text_at(desc, str, at, psprintf("%s must be an integer from 1 to %d, without sign or leading zeros, followed by one space.",
												desc->param_name, PG_INT32_MAX));
		ks_set_param(ks, (int32) v);
	}
	if (desc->layout == KS_LAYOUT_COHORT && strncmp(p, "period=", 7) == 0)
	{
		const char *at = p;
		int64		v;
		int32		months = 0;
		int64		usecs = 0;
		StringInfoData again;

		if ((p = state_scan_int64(p + 7, &v)) == NULL)
			bad_text_at(desc, str, at, "A period is a positive integer followed by mon, d or us.");
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
			bad_text_at(desc, str, at, "A period is a positive integer followed by mon, d or us.");
		if (!ks_valid_period(months, usecs))
			bad_text_at(desc, str, at, "A period is a positive integer followed by mon, d or us.");
		/* one unit per period: whole days in d, not us */
		initStringInfo(&again);
		ks_format_period(&again, months, usecs);
		if (p - (at + 7) != again.len || memcmp(at + 7, again.data, again.len) != 0 || *p != ' ')
			bad_text_at(desc, str, at, psprintf("The period is written period=%s, followed by one space.", again.data));
		p++;
		ks_set_period(ks, months, usecs);
		if (strncmp(p, "zone=", 5) == 0)
		{
			const char *z = p + 5;

			p = z;
			while (*p != '\0' && *p != ' ')
				p++;
			if (!ks_valid_zone(z, p - z) || *p != ' ')
				bad_text_at(desc, str, z - 5, "A time zone is a name without spaces, braces, quotes, commas or backslashes, followed by one space.");
			ks_set_zone(ks, z, p - z);
			p++;
		}
	}
	if (desc->has_range && strncmp(p, "period=", 7) == 0)
		p = parse_range(desc, str, p + 7, ks);
	if (*p != '{')
		bad_text_at(desc, str, p, "The entries must be enclosed in braces, after the header and one space.");
	p++;
	initStringInfo(&kb);
	initStringInfo(&prevkb);
	if (*p == '}')
		p++;
	else
		for (;;)
		{
			const char *at = p;
			KsKey		key;
			int64		count,
						first = 0,
						last = 0;
			int64		iv = 0,
						iv_span;
			bool		found;
			char	   *e;

			KS_CHECK_INTERRUPTS(ks->nentries);
			if (kind == KS_KEY_NONE)
				bad_text_at(desc, str, p, "An empty state has no entries.");
			resetStringInfo(&kb);
			if (kind == KS_KEY_INT)
			{
				if ((p = state_scan_int64(p, &iv)) == NULL)
					bad_text_at(desc, str, at, "A key is not a 64-bit integer (no sign \"+\", no leading zeros).");
				if (ks->varkeys)
				{
					enlargeStringInfo(&kb, 8);
					ks_put_int_bytes(kb.data, iv);
					kb.len = 8;
				}
			}
			else if (kind == KS_KEY_UUID)
			{
				enlargeStringInfo(&kb, UUID_LEN);
				if ((p = state_scan_uuid(p, (unsigned char *) kb.data)) == NULL)
					bad_text_at(desc, str, at, "A key is not a uuid in lower case with hyphens.");
				kb.len = UUID_LEN;
			}
			else
			{
				if (*p++ != '"')
					bad_text_at(desc, str, at, "A text key must be in double quotes.");
				while (*p != '"')
				{
					if (*p == '\\')
					{
						/* only what ks_print_key escapes */
						if (p[1] != '"' && p[1] != '\\')
							bad_text_at(desc, str, p, "In a text key a backslash escapes only \" and \\.");
						p++;
					}
					if (*p == '\0')
						bad_text_at(desc, str, at, "A text key is not terminated.");
					appendStringInfoChar(&kb, *p++);
				}
				p++;
				if (!valid_text_bytes(kb.data, kb.len))
					bad_text_at(desc, str, at, "A text key is not valid in the database encoding.");
			}
			if (desc->layout == KS_LAYOUT_DAY)
			{
				int32		day;
				const char *dp = p;

				if (*p != '@' || (p = scan_day(p + 1, &day)) == NULL)
					bad_text_at(desc, str, dp, "A key must be followed by @YYYY-MM-DD, a valid date.");
				enlargeStringInfo(&kb, KS_DAY_BYTES);
				ks_put_day(kb.data + kb.len, day);
				kb.len += KS_DAY_BYTES;
			}
			/* strictly increasing, in the order ks_out writes */
			if (!first_entry &&
				(ks->varkeys ? cmp_bytes(prevkb.data, prevkb.len, kb.data, kb.len) >= 0 : iv <= previv))
				bad_text_at(desc, str, at, ks->varkeys && cmp_bytes(prevkb.data, prevkb.len, kb.data, kb.len) == 0 ?
							"A customer appears twice." :
							(!ks->varkeys && iv == previv) ? "A customer appears twice." :
							"The entries are not in increasing key order.");
			if (*p != ':' || (p = state_scan_int64(p + 1, &count)) == NULL || count < 1)
				bad_text_at(desc, str, at, "A count must follow a key, as a positive integer (no sign \"+\", no leading zeros).");
			if (desc->layout == KS_LAYOUT_COHORT)
			{
				if (*p != ':' || (p = state_scan_int64(p + 1, &first)) == NULL ||
					!IS_VALID_TIMESTAMP(first) || *p != ':' || (p[1] != '0' && p[1] != '1'))
					bad_text_at(desc, str, at, "A count must be followed by :start:periods, a valid timestamp in microseconds and a string of 0 and 1, one per period.");
				p++;
			}
			if (desc->layout == KS_LAYOUT_SPAN)
			{
				if (*p != ':' || (p = state_scan_int64(p + 1, &first)) == NULL ||
					*p != ':' || (p = state_scan_int64(p + 1, &last)) == NULL ||
					first > last || !IS_VALID_TIMESTAMP(first) || !IS_VALID_TIMESTAMP(last))
					bad_text_at(desc, str, at, "A count must be followed by :first:last, valid timestamps in microseconds with first <= last.");
				if (pg_sub_s64_overflow(last, first, &iv_span))
					bad_text_at(desc, str, at, "A customer's first and last purchase times are more than 9223372036854775807 microseconds apart.");
				/* one purchase has no span (no sfunc, inverse or merge makes one) */
				if (count == 1 && first != last)
					bad_text_at(desc, str, at, "A customer with one purchase has a first and a last purchase time that differ.");
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
				bad_text_at(desc, str, at, "A customer appears twice.");
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
						bad_text_at(desc, str, at, "A customer has too many periods.");
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
					bad_text_at(desc, str, at, "A string of periods ends with the last active period, a 1.");
			}
			/* the key just read is the one the next must follow */
			if (ks->varkeys)
			{
				StringInfoData t = prevkb;

				prevkb = kb;
				kb = t;
			}
			else
				previv = iv;
			first_entry = false;
			if (*p == '}')
			{
				p++;
				break;
			}
			if (*p != ',')
				bad_text_at(desc, str, p, "Entries are separated by a comma, without spaces.");
			p++;
		}
	if (*p != '\0')
		bad_text_at(desc, str, p, "There is text after the closing brace.");
	if (kind != KS_KEY_NONE && ks->nentries == 0)
		bad_text_at(desc, str, str, "A state with a key kind has entries; write \"v1 empty {}\".");
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

	/*
	 * The shared readers check the length first: a value shorter than the
	 * header is 22P03 naming the type, not a protocol error.  (Its second
	 * byte is the layout, not the flags of state_recv_header.)  Short or
	 * trailing entries are ks_decode's to find.
	 */
	h.version = state_recv_byte(buf, desc->type_name);
	h.layout = state_recv_byte(buf, desc->type_name);
	h.keykind = state_recv_byte(buf, desc->type_name);
	h.flags = state_recv_byte(buf, desc->type_name);
	h.param = (int32) state_recv_uint32(buf, desc->type_name);
	h.reserved = state_recv_uint32(buf, desc->type_name);
	h.nentries = (uint64) state_recv_int64(buf, desc->type_name);
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

