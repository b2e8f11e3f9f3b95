/*-------------------------------------------------------------------------
 *
 * expanded.h
 *	  The one test every expanded aggregate state needs: is this argument
 *	  the aggregate's own state, to be changed in place?
 *
 * The set of customers behind the order metrics (keyset.c) and the CLV
 * states (clv.c) are expanded objects while a group is aggregated.  The
 * executor passes the state as a read-write expanded datum only when it is
 * the aggregate's own (nodeAgg.c: the transition value); any other value,
 * a read-only pointer, a flat value from disk or another type's expanded
 * object, must be copied before it is changed.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_EXPANDED_H
#define RETENTION_EXPANDED_H

#include "postgres.h"
#include "fmgr.h"
#include "utils/expandeddatum.h"

/*
 * Argument argno when it is a read-write expanded object with these
 * methods, else NULL.
 */
static inline ExpandedObjectHeader *
rw_expanded_arg(FunctionCallInfo fcinfo, int argno,
				const ExpandedObjectMethods *methods)
{
	Datum		d;

	if (PG_ARGISNULL(argno))
		return NULL;
	d = PG_GETARG_DATUM(argno);
	if (!VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)) ||
		DatumGetEOHP(d)->eoh_methods != methods)
		return NULL;
	return DatumGetEOHP(d);
}

#endif							/* RETENTION_EXPANDED_H */
