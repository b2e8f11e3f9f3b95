/*-------------------------------------------------------------------------
 *
 * retention.c
 *	  Module entry point of the retention extension.  The metrics live in
 *	  one file per family (survey.c, ...); the shared state machinery in
 *	  state.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
