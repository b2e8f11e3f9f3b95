/*-------------------------------------------------------------------------
 *
 * keyset_days.c
 *	  Stickiness: the distinct users and days of a set of (user, day)
 *	  pairs, and the range of its days.
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


/*
 * Stickiness: keep the distinct users (count = the user's active days) and
 * the distinct days (count = the day's active users) as a (user, day) pair
 * enters (sign 1) or leaves (sign -1) the set.
 */
void
ks_track_pair(KeySet *ks, const char *bytes, uint32 len, int sign)
{
	KsKey		u = {0},
				d = {0};

	if (ks->users == NULL)
	{
		static const KsDesc aux_desc = {"stickiness users", KS_LAYOUT_COUNT, NULL};

		ks->users = ks_create(&aux_desc, ks->hdr.eoh_context, KS_KEY_TEXT);
		ks->days = ks_create(&aux_desc, ks->hdr.eoh_context, KS_KEY_INT);
	}
	u.ptr = bytes;
	u.len = len - KS_DAY_BYTES;
	u.hash = ks_hash_bytes(u.ptr, u.len, ks->users->seed);
	d.ival = ks_entry_day(bytes, len);
	d.hash = ks_hash_int(d.ival, ks->days->seed);
	if (sign < 0)
	{
		char	   *de = ks_find(ks->days, &d);

		/* the day's last user leaves: a bound it was is recomputed later */
		if (de != NULL && KS_COUNT(ks->days, de) == 1)
		{
			if (d.ival == ks->day_min)
				ks->day_min_stale = true;
			if (d.ival == ks->day_max)
				ks->day_max_stale = true;
		}
	}
	else
	{
		/* a stale bound is below (above) every day left: a day past it is one */
		if (d.ival < ks->day_min || (ks->day_min_stale && d.ival == ks->day_min))
		{
			ks->day_min = (int32) d.ival;
			ks->day_min_stale = false;
		}
		if (d.ival > ks->day_max || (ks->day_max_stale && d.ival == ks->day_max))
		{
			ks->day_max = (int32) d.ival;
			ks->day_max_stale = false;
		}
	}
	ks_merge_entry(ks->users, &u, 1, 0, 0, sign);
	ks_merge_entry(ks->days, &d, 1, 0, 0, sign);
}

/*
 * Whether day is one of the distinct days of a stickiness set.
 */
static bool
ks_has_day(KeySet *ks, int32 day)
{
	KsKey		d = {0};

	d.ival = day;
	d.hash = ks_hash_int(day, ks->days->seed);
	return ks_find(ks->days, &d) != NULL;
}

void
ks_day_range(KeySet *ks, int32 *dmin, int32 *dmax)
{
	uint64		i;
	char	   *e;

	Assert(ks->days != NULL && ks->days->nentries > 0);
	if (ks->day_min_stale || ks->day_max_stale)
	{
		/*
		 * Walk from the stale bound to the next day present: a window
		 * frame that shrinks from one end walks each day once in all (O(1)
		 * amortised per row).  A walk longer than the number of days (a
		 * wide gap) scans the days instead.
		 */
		uint64		budget = ks->days->nentries + 1;
		int32		lo = ks->day_min,
					hi = ks->day_max;

		while (ks->day_min_stale && lo < hi && budget > 0)
		{
			lo++;
			budget--;
			if (ks_has_day(ks, lo))
			{
				ks->day_min = lo;
				ks->day_min_stale = false;
			}
		}
		while (ks->day_max_stale && hi > ks->day_min && budget > 0)
		{
			hi--;
			budget--;
			if (ks_has_day(ks, hi))
			{
				ks->day_max = hi;
				ks->day_max_stale = false;
			}
		}
		if (ks->day_min_stale || ks->day_max_stale)
		{
			ks->day_min = PG_INT32_MAX;
			ks->day_max = PG_INT32_MIN;
			if (ks->days->slots != NULL)	/* it has entries: for the analyzer */
				KS_FOREACH(ks->days, e, i)
			{
				ks->day_min = Min(ks->day_min, (int32) KS_IKEY(e));
				ks->day_max = Max(ks->day_max, (int32) KS_IKEY(e));
			}
			ks->day_min_stale = ks->day_max_stale = false;
		}
	}
	*dmin = ks->day_min;
	*dmax = ks->day_max;
}


uint64
ks_user_days(KeySet *ks)
{
	Assert(ks->desc->layout == KS_LAYOUT_DAY);
	if (unlikely(ks->npending > 0))
		ks_flush_rows(ks);
	return ks->nentries;
}
