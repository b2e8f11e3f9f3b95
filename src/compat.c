/*-------------------------------------------------------------------------
 *
 * compat.c
 *	  The C symbols that the released install scripts (1.0, 1.1) name and
 *	  1.2 no longer does.
 *
 * A database keeps calling these until ALTER EXTENSION retention UPDATE
 * points its functions at the 1.2 names (sql/upgrade/1.1--1.2.sql), and the
 * upgrade path installs 1.0 and 1.1 against this library first.  Each one
 * calls its 1.2 counterpart.  The keyed transition functions of 1.1 had one
 * symbol for every key type and read the type from the call expression;
 * their stand-ins read it from there or, where there is none (Citus), from
 * the calling function's declaration, so a 1.1 database runs them on Citus
 * workers too (test/citus).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_proc.h"
#include "fmgr.h"
#include "utils/syscache.h"

#include "customer_key.h"

/* old(): the same function under its 1.2 name */
#define OLD_SYMBOL(old, new) \
	extern Datum new(PG_FUNCTION_ARGS); \
	PG_FUNCTION_INFO_V1(old); \
	Datum old(PG_FUNCTION_ARGS) { return new(fcinfo); }

/*
 * The customer key type of a 1.1 keyed call: from the call expression, or,
 * where there is none (Citus' worker_partial_agg calls the transition
 * function without one), from the function's own declaration: 1.1 declared
 * one function per key type, all naming this symbol.
 */
static CustomerKeyType
old_key_type(FunctionCallInfo fcinfo)
{
	Oid			typid = get_fn_expr_argtype(fcinfo->flinfo, 1);

	if (!OidIsValid(typid))
	{
		HeapTuple	tuple = SearchSysCache1(PROCOID, ObjectIdGetDatum(fcinfo->flinfo->fn_oid));

		if (!HeapTupleIsValid(tuple))
			elog(ERROR, "cache lookup failed for function %u", fcinfo->flinfo->fn_oid);
		if (((Form_pg_proc) GETSTRUCT(tuple))->pronargs > 1)
			typid = ((Form_pg_proc) GETSTRUCT(tuple))->proargtypes.values[1];
		ReleaseSysCache(tuple);
	}
	return customer_key_type_of(typid);
}

/* old(): dispatch to new_int4 .. new_uuid by the key argument's type */
#define OLD_KEYED_SYMBOL(old, new) \
	extern Datum new##_int4(PG_FUNCTION_ARGS); \
	extern Datum new##_int8(PG_FUNCTION_ARGS); \
	extern Datum new##_text(PG_FUNCTION_ARGS); \
	extern Datum new##_uuid(PG_FUNCTION_ARGS); \
	PG_FUNCTION_INFO_V1(old); \
	Datum old(PG_FUNCTION_ARGS) \
	{ \
		switch (old_key_type(fcinfo)) \
		{ \
			case CUSTOMER_KEY_INT4: return new##_int4(fcinfo); \
			case CUSTOMER_KEY_INT8: return new##_int8(fcinfo); \
			case CUSTOMER_KEY_TEXT: return new##_text(fcinfo); \
			case CUSTOMER_KEY_UUID: return new##_uuid(fcinfo); \
		} \
		pg_unreachable(); \
	}

OLD_KEYED_SYMBOL(rpr_sfunc, repeat_purchase_ratio_sfunc)
OLD_KEYED_SYMBOL(rpr_inv, repeat_purchase_ratio_inv)
OLD_SYMBOL(rpr_final, repeat_purchase_ratio_final)
OLD_KEYED_SYMBOL(loyal_sfunc, loyal_customer_rate_sfunc)
OLD_KEYED_SYMBOL(loyal_inv, loyal_customer_rate_inv)
OLD_SYMBOL(loyal_final, loyal_customer_rate_final)
OLD_KEYED_SYMBOL(pf_sfunc, purchase_frequency_sfunc)
OLD_KEYED_SYMBOL(pf_inv, purchase_frequency_inv)
OLD_SYMBOL(pf_final, purchase_frequency_final)
OLD_KEYED_SYMBOL(tbp_sfunc, time_between_purchases_sfunc)
OLD_KEYED_SYMBOL(tbp_inv, time_between_purchases_inv)
OLD_KEYED_SYMBOL(tbp_date_sfunc, time_between_purchases_date_sfunc)
OLD_KEYED_SYMBOL(tbp_date_inv, time_between_purchases_date_inv)
OLD_SYMBOL(tbp_final, time_between_purchases_final)
OLD_KEYED_SYMBOL(stick_sfunc, stickiness_sfunc)
OLD_KEYED_SYMBOL(stick_inv, stickiness_inv)
OLD_SYMBOL(stick_final, stickiness_final)
OLD_KEYED_SYMBOL(cohort_sfunc, cohort_retention_sfunc)
OLD_KEYED_SYMBOL(cohort_date_sfunc, cohort_retention_date_sfunc)
OLD_SYMBOL(cohort_inv, cohort_retention_inv)
OLD_SYMBOL(cohort_final, cohort_retention_final)
OLD_SYMBOL(rr_sfunc, return_rate_sfunc)
OLD_SYMBOL(rr_inv, return_rate_inv)
OLD_SYMBOL(rr_bool_sfunc, return_rate_bool_sfunc)
OLD_SYMBOL(rr_bool_inv, return_rate_bool_inv)
OLD_SYMBOL(rr_final, return_rate_final)
OLD_SYMBOL(cr_sfunc, conversion_rate_sfunc)
OLD_SYMBOL(cr_inv, conversion_rate_inv)
OLD_SYMBOL(cr_bool_sfunc, conversion_rate_bool_sfunc)
OLD_SYMBOL(cr_bool_inv, conversion_rate_bool_inv)
OLD_SYMBOL(cr_final, conversion_rate_final)
OLD_SYMBOL(nrr_final, net_revenue_retention_final)
OLD_SYMBOL(grr_final, gross_revenue_retention_final)
OLD_SYMBOL(churn_final, churn_rate_final)
OLD_SYMBOL(retention_final, retention_rate_final)
