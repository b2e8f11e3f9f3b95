/*-------------------------------------------------------------------------
 *
 * backend_stubs.c
 *	  The few PostgreSQL backend functions that the extension's text and
 *	  binary input and output functions reach, written anew for the
 *	  libFuzzer harness (fuzz_parsers.c), which runs them outside the server.
 *
 * Memory: every palloc is a malloc of its own, linked into one list that
 * fuzz_reset_memory() frees after each input, so AddressSanitizer sees each
 * chunk's exact bounds (the server's allocator rounds chunks up and hides
 * small overruns) and libFuzzer's leak check stays quiet.  Memory contexts
 * are tokens: everything lives until the end of the input, as it would in
 * the per-call context of a real input function.
 *
 * Errors: ereport(ERROR) records the SQLSTATE and the message and
 * siglongjmps to the harness, which decides whether the error is a clean
 * rejection.  Messages below ERROR are dropped.
 *
 * Every other backend symbol the objects reference is in abort_stubs.c and
 * aborts with its name: a parse path that reaches one is a loud crash.
 *
 * The functions here are small reimplementations with the same contracts
 * as the server's, not copies of its sources; where the server's version
 * takes a time zone or a conversion, only the case the parse paths use
 * (UTC, the same client and server encoding, UTF8) is supported and any
 * other aborts.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>

#include "common/hashfn.h"
#include "common/int.h"
#include "common/shortest_dec.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/memnodes.h"
#include "pgtime.h"
#include "port/pg_bitutils.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/expandeddatum.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"
#include "utils/uuid.h"

#include "fuzz_stubs.h"

/*
 * port.h maps the printf family and qsort to PostgreSQL's own implementations
 * (libpgport); the C library's does the same for the formats the extension
 * uses.
 */
#undef vsnprintf
#undef snprintf
#undef fprintf
#undef sprintf
#undef qsort

/* ---------- failing loudly ---------- */

void
fuzz_die(const char *what)
{
	fprintf(stderr, "fuzz harness: %s\n", what);
	abort();
}

/* ---------- memory ---------- */

/* A chunk header; 32 bytes, so the memory after it stays 16-aligned. */
typedef struct FuzzChunk
{
	struct FuzzChunk *prev;
	struct FuzzChunk *next;
	Size		size;
	Size		magic;
} FuzzChunk;

#define FUZZ_CHUNK_MAGIC	((Size) 0x70616c6c6f63)

static FuzzChunk chunks = {&chunks, &chunks, 0, 0};

/* The one memory context there is; its fields are never read. */
static MemoryContextData fuzz_context;
MemoryContext CurrentMemoryContext = &fuzz_context;

/* Variables the extension reads; no interrupt is ever pending here. */
volatile sig_atomic_t InterruptPending = false;
pg_tz	   *session_timezone = NULL;

static void *
fuzz_alloc(Size size, int flags)
{
	FuzzChunk  *c;

	if (!((flags & MCXT_ALLOC_HUGE) ? AllocHugeSizeIsValid(size) : AllocSizeIsValid(size)))
		elog(ERROR, "invalid memory alloc request size %zu", size);
	c = malloc(sizeof(FuzzChunk) + size);
	if (c == NULL)
	{
		if (flags & MCXT_ALLOC_NO_OOM)
			return NULL;
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory")));
	}
	c->size = size;
	c->magic = FUZZ_CHUNK_MAGIC;
	c->next = chunks.next;
	c->prev = &chunks;
	chunks.next->prev = c;
	chunks.next = c;
	if (flags & MCXT_ALLOC_ZERO)
		memset(c + 1, 0, size);
	return c + 1;
}

void
fuzz_reset_memory(void)
{
	while (chunks.next != &chunks)
	{
		FuzzChunk  *c = chunks.next;

		chunks.next = c->next;
		free(c);
	}
	chunks.prev = &chunks;
	CurrentMemoryContext = &fuzz_context;
}

void *
palloc(Size size)
{
	return fuzz_alloc(size, 0);
}

void *
palloc0(Size size)
{
	return fuzz_alloc(size, MCXT_ALLOC_ZERO);
}

void *
palloc_extended(Size size, int flags)
{
	return fuzz_alloc(size, flags);
}

void *
MemoryContextAlloc(MemoryContext context, Size size)
{
	return fuzz_alloc(size, 0);
}

void *
MemoryContextAllocZero(MemoryContext context, Size size)
{
	return fuzz_alloc(size, MCXT_ALLOC_ZERO);
}

void
pfree(void *pointer)
{
	FuzzChunk  *c = (FuzzChunk *) pointer - 1;

	if (c->magic != FUZZ_CHUNK_MAGIC)
		fuzz_die("pfree of a pointer that palloc did not return");
	c->magic = 0;
	c->prev->next = c->next;
	c->next->prev = c->prev;
	free(c);
}

void *
repalloc(void *pointer, Size size)
{
	FuzzChunk  *c = (FuzzChunk *) pointer - 1;
	void	   *p = fuzz_alloc(size, 0);

	memcpy(p, pointer, Min(size, c->size));
	pfree(pointer);
	return p;
}

MemoryContext
AllocSetContextCreateInternal(MemoryContext parent, const char *name,
							  Size minContextSize, Size initBlockSize,
							  Size maxBlockSize)
{
	MemoryContext cxt = palloc0(sizeof(MemoryContextData));

	cxt->type = T_AllocSetContext;
	cxt->name = name;
	cxt->parent = parent;
	return cxt;
}

char *
pstrdup(const char *in)
{
	return pnstrdup(in, strlen(in));
}

char *
pnstrdup(const char *in, Size len)
{
	char	   *out;

	len = strnlen(in, len);
	out = palloc(len + 1);
	memcpy(out, in, len);
	out[len] = '\0';
	return out;
}

char *
psprintf(const char *fmt,...)
{
	va_list		ap;
	int			n;
	char	   *out;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		fuzz_die("psprintf: bad format");
	out = palloc(n + 1);
	va_start(ap, fmt);
	vsnprintf(out, n + 1, fmt, ap);
	va_end(ap);
	return out;
}

/* ---------- errors ---------- */

sigjmp_buf *fuzz_error_jump = NULL;
int			fuzz_sqlstate;
char		fuzz_message[1024];
const char *fuzz_error_where;

static int	err_level;
static char err_scratch[1024];

bool
errstart(int elevel, const char *domain)
{
	if (elevel < ERROR)
		return false;
	err_level = elevel;
	fuzz_sqlstate = 0;
	fuzz_message[0] = '\0';
	return true;
}

bool
errstart_cold(int elevel, const char *domain)
{
	return errstart(elevel, domain);
}

void
errfinish(const char *filename, int lineno, const char *funcname)
{
	static char where[256];

	/* ereport(ERROR) without errcode, and elog(ERROR), are internal errors */
	if (fuzz_sqlstate == 0)
		fuzz_sqlstate = ERRCODE_INTERNAL_ERROR;
	snprintf(where, sizeof(where), "%s:%d (%s)", filename, lineno, funcname);
	fuzz_error_where = where;
	if (fuzz_error_jump == NULL || err_level > ERROR)
	{
		fprintf(stderr, "fuzz harness: error outside a call, or FATAL: %s at %s\n",
				fuzz_message, where);
		abort();
	}
	siglongjmp(*fuzz_error_jump, 1);
}

int
errcode(int sqlerrcode)
{
	fuzz_sqlstate = sqlerrcode;
	return 0;
}

/* The message is kept; detail and hint are formatted (their arguments read) and dropped. */
#define FORMAT_INTO(buf) \
	do { \
		va_list		ap; \
		va_start(ap, fmt); \
		vsnprintf((buf), sizeof(buf), fmt, ap); \
		va_end(ap); \
	} while (0)

int
errmsg(const char *fmt,...)
{
	FORMAT_INTO(fuzz_message);
	return 0;
}

int
errmsg_internal(const char *fmt,...)
{
	FORMAT_INTO(fuzz_message);
	return 0;
}

int
errdetail(const char *fmt,...)
{
	FORMAT_INTO(err_scratch);
	return 0;
}

int
errhint(const char *fmt,...)
{
	FORMAT_INTO(err_scratch);
	return 0;
}

const char *
fuzz_sqlstate_text(int code)
{
	static char buf[6];
	int			i;

	for (i = 0; i < 5; i++)
	{
		buf[i] = PGUNSIXBIT(code);
		code >>= 6;
	}
	buf[5] = '\0';
	return buf;
}

/* ---------- StringInfo ---------- */

void
initStringInfo(StringInfo str)
{
	str->maxlen = 1024;
	str->data = palloc(str->maxlen);
	resetStringInfo(str);
}

void
resetStringInfo(StringInfo str)
{
	str->data[0] = '\0';
	str->len = 0;
	str->cursor = 0;
}

void
enlargeStringInfo(StringInfo str, int needed)
{
	int			newlen;
	char	   *data;

	if (needed < 0)
		elog(ERROR, "invalid string enlargement request size: %d", needed);
	if ((Size) needed >= MaxAllocSize - (Size) str->len)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("out of memory"),
				 errdetail("Cannot enlarge string buffer containing %d bytes by %d more bytes.",
						   str->len, needed)));
	needed += str->len + 1;
	if (needed <= str->maxlen)
		return;
	newlen = 2 * str->maxlen;
	while (needed > newlen)
		newlen = 2 * newlen;
	if (newlen > (int) MaxAllocSize)
		newlen = (int) MaxAllocSize;
	data = palloc(newlen);
	memcpy(data, str->data, str->len + 1);
	pfree(str->data);
	str->data = data;
	str->maxlen = newlen;
}

void
appendBinaryStringInfo(StringInfo str, const char *data, int datalen)
{
	enlargeStringInfo(str, datalen);
	memcpy(str->data + str->len, data, datalen);
	str->len += datalen;
	str->data[str->len] = '\0';
}

void
appendStringInfoString(StringInfo str, const char *s)
{
	appendBinaryStringInfo(str, s, strlen(s));
}

void
appendStringInfoChar(StringInfo str, char ch)
{
	appendBinaryStringInfo(str, &ch, 1);
}

void
appendStringInfo(StringInfo str, const char *fmt,...)
{
	for (;;)
	{
		va_list		ap;
		int			avail = str->maxlen - str->len,
					n;

		va_start(ap, fmt);
		n = vsnprintf(str->data + str->len, avail, fmt, ap);
		va_end(ap);
		if (n < 0)
			fuzz_die("appendStringInfo: bad format");
		if (n < avail)
		{
			str->len += n;
			return;
		}
		enlargeStringInfo(str, n);
	}
}

/* ---------- protocol messages (the binary I/O buffer) ---------- */

static void
short_message(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROTOCOL_VIOLATION),
			 errmsg("insufficient data left in message")));
}

int
pq_getmsgbyte(StringInfo msg)
{
	if (msg->cursor >= msg->len)
		ereport(ERROR,
				(errcode(ERRCODE_PROTOCOL_VIOLATION),
				 errmsg("no data left in message")));
	return (unsigned char) msg->data[msg->cursor++];
}

const char *
pq_getmsgbytes(StringInfo msg, int datalen)
{
	const char *p;

	if (datalen < 0 || datalen > msg->len - msg->cursor)
		short_message();
	p = msg->data + msg->cursor;
	msg->cursor += datalen;
	return p;
}

/* An unsigned big-endian integer of n bytes. */
static uint64
getmsg_uint(StringInfo msg, int n)
{
	const unsigned char *p = (const unsigned char *) pq_getmsgbytes(msg, n);
	uint64		v = 0;
	int			i;

	for (i = 0; i < n; i++)
		v = (v << 8) | p[i];
	return v;
}

unsigned int
pq_getmsgint(StringInfo msg, int b)
{
	if (b != 1 && b != 2 && b != 4)
		elog(ERROR, "unsupported integer size %d", b);
	return (unsigned int) getmsg_uint(msg, b);
}

int64
pq_getmsgint64(StringInfo msg)
{
	return (int64) getmsg_uint(msg, 8);
}

char *
pq_getmsgtext(StringInfo msg, int rawbytes, int *nbytes)
{
	const char *p = pq_getmsgbytes(msg, rawbytes);
	char	   *s;

	/* client and server encoding are both UTF8: the text is only verified */
	if (rawbytes > 0)
		(void) pg_verifymbstr(p, rawbytes, false);
	s = palloc(rawbytes + 1);
	memcpy(s, p, rawbytes);
	s[rawbytes] = '\0';
	*nbytes = rawbytes;
	return s;
}

void
pq_getmsgend(StringInfo msg)
{
	if (msg->cursor != msg->len)
		ereport(ERROR,
				(errcode(ERRCODE_PROTOCOL_VIOLATION),
				 errmsg("invalid message format")));
}

void
pq_begintypsend(StringInfo buf)
{
	initStringInfo(buf);
	/* room for the varlena header, set by pq_endtypsend */
	appendBinaryStringInfo(buf, "\0\0\0\0", VARHDRSZ);
}

bytea *
pq_endtypsend(StringInfo buf)
{
	bytea	   *result = (bytea *) buf->data;

	SET_VARSIZE(result, buf->len);
	return result;
}

void
pq_sendbytes(StringInfo buf, const char *data, int datalen)
{
	appendBinaryStringInfo(buf, data, datalen);
}

void
pq_sendtext(StringInfo buf, const char *str, int slen)
{
	appendBinaryStringInfo(buf, str, slen);
}

/* ---------- encoding (the database encoding is UTF8) ---------- */

/* The length of the valid UTF-8 character at s (NUL excluded), or -1. */
static int
utf8_char_len(const unsigned char *s, int left)
{
	int			n,
				i;
	unsigned char lo = 0x80,
				hi = 0xBF;

	if (s[0] == 0)
		return -1;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
	{
		n = 3;
		if (s[0] == 0xE0)
			lo = 0xA0;			/* no overlong forms */
		else if (s[0] == 0xED)
			hi = 0x9F;			/* no surrogates */
	}
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
	{
		n = 4;
		if (s[0] == 0xF0)
			lo = 0x90;
		else if (s[0] == 0xF4)
			hi = 0x8F;			/* nothing above U+10FFFF */
	}
	else
		return -1;
	if (left < n || s[1] < lo || s[1] > hi)
		return -1;
	for (i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return -1;
	return n;
}

bool
pg_verifymbstr(const char *mbstr, int len, bool noError)
{
	const unsigned char *s = (const unsigned char *) mbstr;
	int			i = 0;

	while (i < len)
	{
		int			n = utf8_char_len(s + i, len - i);

		if (n < 0)
		{
			if (noError)
				return false;
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("invalid byte sequence for encoding \"UTF8\": 0x%02x", s[i])));
		}
		i += n;
	}
	return true;
}

/* ---------- dates and timestamps (proleptic Gregorian, UTC) ---------- */

const int	day_tab[2][13] = {
	{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0},
	{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0}
};

/*
 * The Julian day number of a Gregorian date (Fliegel and Van Flandern's
 * formula, in 64 bits).  The server's date2j does not check its arguments;
 * its callers validate the date first, and a month or day far out of range
 * overflows its int arithmetic.  Here such a call aborts, so that a parse
 * path handing date2j an unchecked date is found.
 */
int
date2j(int year, int month, int day)
{
	int64		y = year,
				m = month,
				d = day,
				a;

	if (month < 1 || month > 12 || day < 1 || day > 31 ||
		!IS_VALID_JULIAN(year, month, day))
	{
		fprintf(stderr, "fuzz harness: date2j(%d, %d, %d): the caller did not validate the date\n",
				year, month, day);
		abort();
	}
	a = (m - 14) / 12;
	return (int) ((1461 * (y + 4800 + a)) / 4 + (367 * (m - 2 - 12 * a)) / 12 -
				  (3 * ((y + 4900 + a) / 100)) / 4 + d - 32075);
}

void
j2date(int jd, int *year, int *month, int *day)
{
	int64		l,
				n,
				i,
				j;

	if (jd < 0)
	{
		fprintf(stderr, "fuzz harness: j2date(%d): before the first Julian day\n", jd);
		abort();
	}
	l = (int64) jd + 68569;
	n = 4 * l / 146097;
	l = l - (146097 * n + 3) / 4;
	i = 4000 * (l + 1) / 1461001;
	l = l - 1461 * i / 4 + 31;
	j = 80 * l / 2447;
	*day = (int) (l - 2447 * j / 80);
	l = j / 11;
	*month = (int) (j + 2 - 12 * l);
	*year = (int) (100 * (n - 49) + i + l);
}

int
tm2timestamp(struct pg_tm *tm, fsec_t fsec, int *tzp, Timestamp *result)
{
	int64		date,
				time;

	if (tzp != NULL)
		fuzz_die("tm2timestamp with a time zone");
	if (!IS_VALID_JULIAN(tm->tm_year, tm->tm_mon, tm->tm_mday))
		return -1;
	date = date2j(tm->tm_year, tm->tm_mon, tm->tm_mday) - POSTGRES_EPOCH_JDATE;
	time = ((((int64) tm->tm_hour * MINS_PER_HOUR) + tm->tm_min) * SECS_PER_MINUTE +
			tm->tm_sec) * USECS_PER_SEC + fsec;
	if (pg_mul_s64_overflow(date, USECS_PER_DAY, result) ||
		pg_add_s64_overflow(*result, time, result) ||
		!IS_VALID_TIMESTAMP(*result))
		return -1;
	return 0;
}

int
timestamp2tm(Timestamp dt, int *tzp, struct pg_tm *tm, fsec_t *fsec,
			 const char **tzn, pg_tz *attimezone)
{
	int64		date = dt / USECS_PER_DAY,
				time = dt % USECS_PER_DAY;

	if (tzp != NULL || tzn != NULL)
		fuzz_die("timestamp2tm with a time zone");
	if (time < 0)
	{
		time += USECS_PER_DAY;
		date -= 1;
	}
	date += POSTGRES_EPOCH_JDATE;
	if (date < 0 || date > INT_MAX)
		return -1;
	memset(tm, 0, sizeof(*tm));
	j2date((int) date, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
	tm->tm_hour = (int) (time / USECS_PER_HOUR);
	time -= (int64) tm->tm_hour * USECS_PER_HOUR;
	tm->tm_min = (int) (time / USECS_PER_MINUTE);
	time -= (int64) tm->tm_min * USECS_PER_MINUTE;
	tm->tm_sec = (int) (time / USECS_PER_SEC);
	*fsec = (fsec_t) (time - (int64) tm->tm_sec * USECS_PER_SEC);
	tm->tm_isdst = -1;
	return 0;
}

/* ---------- common/ and port/ helpers ---------- */

/* FNV-1a: any deterministic hash serves the keyset's table. */
uint32
hash_bytes(const unsigned char *k, int keylen)
{
	uint32		h = 2166136261u;
	int			i;

	for (i = 0; i < keylen; i++)
		h = (h ^ k[i]) * 16777619u;
	return h;
}

/* The shortest %g form that reads back to the same double. */
int
double_to_shortest_decimal_buf(double f, char *result)
{
	int			prec;

	if (isnan(f))
		return sprintf(result, "NaN");
	if (isinf(f))
		return sprintf(result, f > 0 ? "Infinity" : "-Infinity");
	for (prec = 1; prec < 17; prec++)
	{
		snprintf(result, DOUBLE_SHORTEST_DECIMAL_LEN, "%.*g", prec, f);
		if (strtod(result, NULL) == f)
			break;
	}
	return snprintf(result, DOUBLE_SHORTEST_DECIMAL_LEN, "%.*g", prec, f);
}

void
pg_qsort(void *base, size_t nel, size_t elsize,
		 int (*cmp) (const void *, const void *))
{
	qsort(base, nel, elsize, cmp);
}

/* ---------- fmgr, toast and expanded objects ---------- */

Datum
DirectFunctionCall1Coll(PGFunction func, Oid collation, Datum arg1)
{
	LOCAL_FCINFO(fcinfo, 1);
	Datum		result;

	InitFunctionCallInfoData(*fcinfo, NULL, 1, collation, NULL, NULL);
	fcinfo->args[0].value = arg1;
	fcinfo->args[0].isnull = false;
	result = (*func) (fcinfo);
	if (fcinfo->isnull)
		elog(ERROR, "function %p returned NULL", (void *) func);
	return result;
}

Datum
DirectFunctionCall2Coll(PGFunction func, Oid collation, Datum arg1, Datum arg2)
{
	LOCAL_FCINFO(fcinfo, 2);
	Datum		result;

	InitFunctionCallInfoData(*fcinfo, NULL, 2, collation, NULL, NULL);
	fcinfo->args[0].value = arg1;
	fcinfo->args[0].isnull = false;
	fcinfo->args[1].value = arg2;
	fcinfo->args[1].isnull = false;
	result = (*func) (fcinfo);
	if (fcinfo->isnull)
		elog(ERROR, "function %p returned NULL", (void *) func);
	return result;
}

/*
 * interval_cmp as the server compares intervals (cohort_retention_brackets
 * checks its brackets are increasing): the span in microseconds with a
 * month of 30 days, in 128 bits.
 */
Datum
interval_cmp(PG_FUNCTION_ARGS)
{
	const Interval *a = (const Interval *) DatumGetPointer(PG_GETARG_DATUM(0));
	const Interval *b = (const Interval *) DatumGetPointer(PG_GETARG_DATUM(1));
	int128		sa = (int128) a->time + ((int128) a->day + (int128) a->month * 30) * USECS_PER_DAY;
	int128		sb = (int128) b->time + ((int128) b->day + (int128) b->month * 30) * USECS_PER_DAY;

	PG_RETURN_INT32(sa < sb ? -1 : sa > sb ? 1 : 0);
}

/*
 * The numerics the output functions make (amount.c: a whole number of
 * 1/10000 units) and print: int64_div_fast_to_numeric gives a stand-in
 * holding the two integers, and numeric_out prints it as the server prints
 * that numeric (scale log10, "-" for a negative value).  Nothing else
 * reaches a numeric in the parsers.
 */
typedef struct FuzzNumeric
{
	int32		vl_len_;
	int32		log10;
	int64		value;
} FuzzNumeric;

Numeric
int64_div_fast_to_numeric(int64 val1, int log10val2)
{
	FuzzNumeric *n = palloc(sizeof(FuzzNumeric));

	SET_VARSIZE(n, sizeof(FuzzNumeric));
	n->log10 = log10val2;
	n->value = val1;
	return (Numeric) n;
}

Datum
numeric_out(PG_FUNCTION_ARGS)
{
	const FuzzNumeric *n = (const FuzzNumeric *) DatumGetPointer(PG_GETARG_DATUM(0));
	uint64		magnitude = n->value < 0 ? -(uint64) n->value : (uint64) n->value;
	uint64		scale = 1;
	int			i;

	if (n->log10 < 0 || n->log10 > 18)
		fuzz_die("numeric_out of a scale the harness does not print");
	for (i = 0; i < n->log10; i++)
		scale *= 10;
	if (n->log10 == 0)
		PG_RETURN_CSTRING(psprintf("%s%llu", n->value < 0 ? "-" : "",
								   (unsigned long long) magnitude));
	PG_RETURN_CSTRING(psprintf("%s%llu.%0*llu", n->value < 0 ? "-" : "",
							   (unsigned long long) (magnitude / scale), n->log10,
							   (unsigned long long) (magnitude % scale)));
}

/* Values made here are never toasted, compressed or short-headed. */
struct varlena *
pg_detoast_datum(struct varlena *datum)
{
	if (VARATT_IS_EXTENDED(datum))
		fuzz_die("pg_detoast_datum of a toasted or short value");
	return datum;
}

struct varlena *
pg_detoast_datum_packed(struct varlena *datum)
{
	if (VARATT_IS_COMPRESSED(datum) || VARATT_IS_EXTERNAL(datum))
		fuzz_die("pg_detoast_datum_packed of a toasted value");
	return datum;
}

void
EOH_init_header(ExpandedObjectHeader *eohptr,
				const ExpandedObjectMethods *methods,
				MemoryContext obj_context)
{
	varatt_expanded ptr;

	eohptr->vl_len_ = EOH_HEADER_MAGIC;
	eohptr->eoh_methods = methods;
	eohptr->eoh_context = obj_context;
	ptr.eohptr = eohptr;
	SET_VARTAG_EXTERNAL(eohptr->eoh_rw_ptr, VARTAG_EXPANDED_RW);
	memcpy(VARDATA_EXTERNAL(eohptr->eoh_rw_ptr), &ptr, sizeof(ptr));
	SET_VARTAG_EXTERNAL(eohptr->eoh_ro_ptr, VARTAG_EXPANDED_RO);
	memcpy(VARDATA_EXTERNAL(eohptr->eoh_ro_ptr), &ptr, sizeof(ptr));
}

ExpandedObjectHeader *
DatumGetEOHP(Datum d)
{
	varattrib_1b_e *datum = (varattrib_1b_e *) DatumGetPointer(d);
	varatt_expanded ptr;

	if (!VARATT_IS_EXTERNAL_EXPANDED(datum))
		fuzz_die("DatumGetEOHP of a value that is not expanded");
	memcpy(&ptr, VARDATA_EXTERNAL(datum), sizeof(ptr));
	return ptr.eohptr;
}

Size
EOH_get_flat_size(ExpandedObjectHeader *eohptr)
{
	return eohptr->eoh_methods->get_flat_size(eohptr);
}

void
EOH_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	eohptr->eoh_methods->flatten_into(eohptr, result, allocated_size);
}

/* ---------- uuid (the keyset's uuid keys) ---------- */

static int
hexdigit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * What the server's uuid_in accepts: 32 hex digits, optionally in braces,
 * with an optional hyphen after any group of four digits but the last.
 */
Datum
uuid_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	pg_uuid_t  *u = palloc(sizeof(pg_uuid_t));
	bool		braces = false;
	int			i;

	if (*p == '{')
	{
		braces = true;
		p++;
	}
	for (i = 0; i < UUID_LEN; i++)
	{
		int			hi = hexdigit(p[0]),
					lo = hi < 0 ? -1 : hexdigit(p[1]);

		if (hi < 0 || lo < 0)
			goto bad;
		u->data[i] = (unsigned char) (hi * 16 + lo);
		p += 2;
		if (*p == '-' && i % 2 == 1 && i < UUID_LEN - 1)
			p++;
	}
	if (braces && *p++ != '}')
		goto bad;
	if (*p != '\0')
		goto bad;
	PG_RETURN_UUID_P(u);

bad:
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", "uuid", str)));
}

Datum
uuid_out(PG_FUNCTION_ARGS)
{
	pg_uuid_t  *u = PG_GETARG_UUID_P(0);
	char	   *out = palloc(2 * UUID_LEN + 5);
	char	   *p = out;
	int			i;

	for (i = 0; i < UUID_LEN; i++)
	{
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = "0123456789abcdef"[u->data[i] >> 4];
		*p++ = "0123456789abcdef"[u->data[i] & 15];
	}
	*p = '\0';
	PG_RETURN_CSTRING(out);
}

/* ---------- reached by the 1.2 parsers: seeds, huge allocations, floats ---------- */

int			MyProcPid = 1;
struct PGPROC *MyProc = NULL;

/* The keyset's per-query hash seed: any fixed value serves here. */
uint64
GetSystemIdentifier(void)
{
	return 1;
}

TimestampTz
GetCurrentStatementStartTimestamp(void)
{
	return 0;
}

uint64
hash_bytes_extended(const unsigned char *k, int keylen, uint64 seed)
{
	return ((uint64) hash_bytes(k, keylen) << 32) ^ seed ^ (uint64) keylen;
}

uint64
hash_bytes_uint32_extended(uint32 k, uint64 seed)
{
	return hash_bytes_extended((const unsigned char *) &k, sizeof(k), seed);
}

void *
MemoryContextAllocExtended(MemoryContext context, Size size, int flags)
{
	return fuzz_alloc(size, flags);
}

void *
MemoryContextAllocHuge(MemoryContext context, Size size)
{
	return fuzz_alloc(size, MCXT_ALLOC_HUGE);
}

void *
repalloc_huge(void *pointer, Size size)
{
	FuzzChunk  *c = (FuzzChunk *) pointer - 1;
	void	   *p = fuzz_alloc(size, MCXT_ALLOC_HUGE);

	memcpy(p, pointer, Min(size, c->size));
	pfree(pointer);
	return p;
}

struct varlena *
pg_detoast_datum_copy(struct varlena *datum)
{
	struct varlena *copy = palloc(VARSIZE_ANY(pg_detoast_datum(datum)));

	memcpy(copy, datum, VARSIZE_ANY(datum));
	return copy;
}

char *
text_to_cstring(const text *t)
{
	text	   *tunpacked = (text *) pg_detoast_datum_packed((struct varlena *) t);

	return pnstrdup(VARDATA_ANY(tunpacked), VARSIZE_ANY_EXHDR(tunpacked));
}

int
pg_snprintf(char *str, size_t count, const char *fmt,...)
{
	va_list		args;
	int			n;

	va_start(args, fmt);
	n = vsnprintf(str, count, fmt, args);
	va_end(args);
	return n;
}

float8
pq_getmsgfloat8(StringInfo msg)
{
	union
	{
		int64		i;
		float8		f;
	}			swap;

	swap.i = pq_getmsgint64(msg);
	return swap.f;
}

static int
fuzz_popcount64(uint64 word)
{
	return __builtin_popcountll(word);
}

#ifdef TRY_POPCNT_FAST
int			(*pg_popcount64) (uint64 word) = fuzz_popcount64;
#else
int
pg_popcount64(uint64 word)
{
	return fuzz_popcount64(word);
}
#endif

/* glibc's; declared here to spare _GNU_SOURCE */
extern void qsort_r(void *base, size_t nmemb, size_t size,
					int (*compar) (const void *, const void *, void *), void *arg);

void
qsort_arg(void *base, size_t nel, size_t elsize, qsort_arg_comparator cmp, void *arg)
{
	qsort_r(base, nel, elsize, cmp, arg);
}

/* Whole UTF-8 characters of at most limit bytes. */
int
pg_mbcliplen(const char *mbstr, int len, int limit)
{
	int			n = 0;

	while (n < len && n < limit)
	{
		int			l = utf8_char_len((const unsigned char *) mbstr + n, len - n);

		if (l <= 0 || n + l > limit)
			break;
		n += l;
	}
	return n;
}

char *
float8out_internal(double num)
{
	char	   *s = palloc(DOUBLE_SHORTEST_DECIMAL_LEN + 1);

	double_to_shortest_decimal_buf(num, s);
	return s;
}

const char *
pg_get_timezone_name(pg_tz *tz)
{
	return "UTC";
}
