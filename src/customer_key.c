/*-------------------------------------------------------------------------
 *
 * customer_key.c
 *	  Checks shared by every customer key argument (see customer_key.h).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "utils/lsyscache.h"

#include "customer_key.h"

void
customer_key_check_collation(FunctionCallInfo fcinfo)
{
	Oid			coll = PG_GET_COLLATION();

	if (OidIsValid(coll) && !get_collation_isdeterministic(coll))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("nondeterministic collations are not supported for customer keys"),
				 errhint("Use a deterministic collation, e.g. key COLLATE \"C\", or lower(key).")));
}

CustomerKeyType
customer_key_type_of(Oid typid)
{
	switch (typid)
	{
		case INT4OID:
			return CUSTOMER_KEY_INT4;
		case INT8OID:
			return CUSTOMER_KEY_INT8;
		case TEXTOID:
			return CUSTOMER_KEY_TEXT;
		case UUIDOID:
			return CUSTOMER_KEY_UUID;
		default:
			elog(ERROR, "unsupported customer key type %u", typid);
	}
	pg_unreachable();
}
