/*-------------------------------------------------------------------------
 *
 * customer_key.h
 *	  The SQL types a customer (or user) key argument may have, and the
 *	  entry points that fix the type per SQL signature.
 *
 * A keyed aggregate has one overload per key type.  Each overload is bound
 * to its own C symbol, so the type is a constant of the entry point and is
 * never read from the call expression: Citus calls transition functions
 * through its own wrapper aggregates (worker_partial_agg), where there is
 * no call expression to read.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_CUSTOMER_KEY_H
#define RETENTION_CUSTOMER_KEY_H

#include "postgres.h"
#include "fmgr.h"

typedef enum CustomerKeyType
{
	CUSTOMER_KEY_INT4,
	CUSTOMER_KEY_INT8,
	CUSTOMER_KEY_TEXT,
	CUSTOMER_KEY_UUID
} CustomerKeyType;

/*
 * A text key is compared by its bytes, which is right for deterministic
 * collations only: 0A000 for a nondeterministic one.
 */
extern void customer_key_check_collation(FunctionCallInfo fcinfo);

/* The key type of a SQL type OID (only for the entry points of 1.1). */
extern CustomerKeyType customer_key_type_of(Oid typid);

/*
 * One entry point per key type, name_int4 .. name_uuid, each calling
 * step(fcinfo, arg, key type) with a constant arg (a row's delta, say).
 */
#define CUSTOMER_KEY_ENTRY(name, suffix, step, arg, type) \
	PG_FUNCTION_INFO_V1(name##_##suffix); \
	Datum name##_##suffix(PG_FUNCTION_ARGS) { return step(fcinfo, arg, type); }

#define CUSTOMER_KEY_ENTRY_POINTS(name, step, arg) \
	CUSTOMER_KEY_ENTRY(name, int4, step, arg, CUSTOMER_KEY_INT4) \
	CUSTOMER_KEY_ENTRY(name, int8, step, arg, CUSTOMER_KEY_INT8) \
	CUSTOMER_KEY_ENTRY(name, text, step, arg, CUSTOMER_KEY_TEXT) \
	CUSTOMER_KEY_ENTRY(name, uuid, step, arg, CUSTOMER_KEY_UUID)

/*
 * A transition function and its inverse from one step function
 * step(fcinfo, delta, key type), delta 1 to add the row and -1 to remove it.
 */
#define CUSTOMER_KEY_STEP_FUNCTIONS(sfunc, invfunc, step) \
	CUSTOMER_KEY_ENTRY_POINTS(sfunc, step, 1) \
	CUSTOMER_KEY_ENTRY_POINTS(invfunc, step, -1)

#endif							/* RETENTION_CUSTOMER_KEY_H */
