/*-------------------------------------------------------------------------
 *
 * keyset_cohort.c
 *	  The cohort layout of the distinct-customer set: per customer the
 *	  cohort start and a bitmap of active periods; the period and the time
 *	  zone of a state.
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


/* ---------- cohort bitmaps ---------- */


/* Make room for bit word i (i >= 1) of a customer's bitmap. */
uint64 *
ks_cohort_words(KeySet *ks, char *e, uint64 i)
{
	uint64	   *ext = KS_EXT(ks, e);
	uint64		have = ext ? ext[0] : 0;

	if (i > have)
	{
		uint64		want = Max(i, Max(have * 2, 3));
		uint64	   *n;

		want = Min(want, (uint64) KS_MAX_PERIOD / 64 + 1);
		n = MemoryContextAllocZero(ks->hdr.eoh_context, (want + 1) * sizeof(uint64));
		if (ext)
		{
			memcpy(n + 1, ext + 1, have * sizeof(uint64));
			pfree(ext);
		}
		n[0] = want;
		KS_EXT(ks, e) = ext = n;
	}
	return ext;
}

/* The entry of a cohort customer, checking or setting its cohort start. */
static char *
ks_cohort_entry(KeySet *ks, const KsKey *key, int64 start, int64 count)
{
	bool		found;
	char	   *e = ks_insert(ks, key, &found);

	if (!found)
	{
		KS_START(ks, e) = start;
		KS_BITS(ks, e) = 0;
		KS_EXT(ks, e) = NULL;
		KS_COUNT(ks, e) = count;
	}
	else
	{
		if (unlikely(KS_START(ks, e) != start))
		{
			StringInfoData k;

			initStringInfo(&k);
			ks_print_key(&k, ks, e);
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("customer %s has two cohort starts in one %s: %s and %s",
							k.data, ks->desc->type_name,
							pstrdup(timestamptz_to_str(Min(KS_START(ks, e), start))),
							pstrdup(timestamptz_to_str(Max(KS_START(ks, e), start)))),
					 errhint("A customer belongs to one cohort: give every row of a customer the same cohort_start, e.g. min(...) OVER (PARTITION BY customer).")));
		}
		if (pg_add_s64_overflow(KS_COUNT(ks, e), count, &KS_COUNT(ks, e)))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("row count out of range in %s", ks->desc->type_name)));
	}
	if (pg_add_s64_overflow(ks->total, count, &ks->total))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("row count out of range in %s", ks->desc->type_name)));
	return e;
}

void
ks_cohort_mark(KeySet *ks, const KsKey *key, int64 start, int64 period)
{
	char	   *e = ks_cohort_entry(ks, key, start, 1);
	uint64		bit = UINT64CONST(1) << (period & 63);

	Assert(period >= 0 && period <= KS_MAX_PERIOD);
	if (period < 64)
		KS_BITS(ks, e) |= bit;
	else
		ks_cohort_words(ks, e, (uint64) period / 64)[period / 64] |= bit;
}

/* OR nwords bit words into a customer's bitmap (combine). */
void
ks_cohort_merge(KeySet *ks, const KsKey *key, int64 start, int64 count,
				const uint64 *words, uint64 nwords)
{
	char	   *e = ks_cohort_entry(ks, key, start, count);
	uint64		i;

	KS_BITS(ks, e) |= words[0];
	for (i = nwords; i > 1; i--)
		if (words[i - 1] != 0)
			break;
	if (i > 1)
	{
		uint64	   *ext = ks_cohort_words(ks, e, i - 1);
		uint64		j;

		for (j = 1; j < i; j++)
			ext[j] |= words[j];
	}
}

void
ks_format_period(StringInfo buf, int32 months, int64 usecs)
{
	if (months != 0)
		appendStringInfo(buf, "%dmon", months);
	else if (usecs % USECS_PER_DAY == 0)
		appendStringInfo(buf, INT64_FORMAT "d", usecs / USECS_PER_DAY);
	else
		appendStringInfo(buf, INT64_FORMAT "us", usecs);
}

void
ks_set_period(KeySet *ks, int32 months, int64 usecs)
{
	if (!ks->period_set)
	{
		ks->period_set = true;
		ks->period_months = months;
		ks->period_usecs = usecs;
		ks_changed(ks);
	}
	else if (ks->period_months != months || ks->period_usecs != usecs)
	{
		StringInfoData a,
					b;

		initStringInfo(&a);
		initStringInfo(&b);
		ks_format_period(&a, ks->period_months, ks->period_usecs);
		ks_format_period(&b, months, usecs);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period changes from %s to %s within one group", a.data, b.data),
				 errhint("Use the same period for every row of a group and every merged state.")));
	}
}

/* Whether name (len bytes) can be a time zone name in a state's text form. */
bool
ks_valid_zone(const char *name, Size len)
{
	Size		i;

	if (len < 1 || len > TZ_STRLEN_MAX)
		return false;
	for (i = 0; i < len; i++)
		if (name[i] <= ' ' || name[i] > '~' || name[i] == '{' || name[i] == '}' ||
			name[i] == '"' || name[i] == '\\' || name[i] == ',')
			return false;
	return true;
}

void
ks_set_zone(KeySet *ks, const char *name, Size len)
{
	if (ks->zone == NULL)
	{
		if (!ks_valid_zone(name, len))
			elog(ERROR, "unexpected time zone name \"%.*s\"", (int) len, name);
		ks->zone = MemoryContextAlloc(ks->hdr.eoh_context, len + 1);
		memcpy(ks->zone, name, len);
		ks->zone[len] = '\0';
		ks_changed(ks);
	}
	else if (strlen(ks->zone) != len || memcmp(ks->zone, name, len) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone changes from %s to %.*s within one %s",
						ks->zone, (int) len, name, ks->desc->type_name),
				 errdetail("Periods of timestamptz rows are counted in the wall-clock time of the TimeZone setting the rows were added under."),
				 errhint("Build every state of a group, and every state merged together, under one TimeZone setting.")));
}

void
ks_set_session_zone(KeySet *ks)
{
	const char *name;

	if (ks->zone != NULL && ks->zone_tz == session_timezone)
		return;
	name = pg_get_timezone_name(session_timezone);
	ks_set_zone(ks, name, strlen(name));
	ks->zone_tz = session_timezone;
}


/* ---------- reading a cohort set (keyset.h) ---------- */

void
ks_cohort_period(KeySet *ks, int32 *months, int64 *usecs)
{
	*months = ks->period_months;
	*usecs = ks->period_usecs;
}

const char *
ks_cohort_zone(KeySet *ks)
{
	return ks->zone;
}

/*
 * The walk of a final function, one call per customer (not per row): the
 * slots in table order, the table built first.
 */
bool
ks_next_cohort_member(KeySet *ks, uint64 *position, KsCohortMember *member)
{
	uint64		i = *position;

	Assert(ks->desc->layout == KS_LAYOUT_COHORT);
	if (i == 0)
		ks_flush(ks);
	for (; i < ks->capacity; i++)
	{
		char	   *e = ks->slots + i * ks->stride;

		if (KS_COUNT(ks, e) != 0)
		{
			member->start = KS_START(ks, e);
			member->nwords = ks_cohort_nwords(ks, e);
			member->first_word = KS_BITS(ks, e);
			member->more_words = KS_EXT(ks, e);
			*position = i + 1;
			return true;
		}
	}
	*position = i;
	return false;
}
