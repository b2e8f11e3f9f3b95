/*-------------------------------------------------------------------------
 *
 * abort_stubs.c
 *	  Every backend symbol the extension's objects reference that the
 *	  input and output functions are not expected to reach: each prints its
 *	  name and aborts, so that a parse path calling into the server where
 *	  the harness cannot follow is a loud crash, not silent nonsense.
 *
 * The file includes no PostgreSQL header on purpose: the stubs only need
 * the symbol, not the signature (the linker matches names).  The Makefile's
 * link fails on any backend symbol that is neither here nor in
 * backend_stubs.c, so a new call into the server is noticed at once.
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>

#define ABORT_STUB(name) \
	void name(void); \
	void name(void) \
	{ \
		fprintf(stderr, "fuzz harness: backend function %s reached\n", #name); \
		abort(); \
	}

ABORT_STUB(AggCheckCallContext)
ABORT_STUB(AggGetAggref)
ABORT_STUB(ArrayGetNItems)
ABORT_STUB(BlessTupleDesc)
ABORT_STUB(HeapTupleHeaderGetDatum)
ABORT_STUB(IsInParallelMode)
ABORT_STUB(JsonbIteratorInit)
ABORT_STUB(JsonbIteratorNext)
ABORT_STUB(MemoryContextRegisterResetCallback)
ABORT_STUB(OidOutputFunctionCall)
ABORT_STUB(ProcessInterrupts)
ABORT_STUB(ReleaseSysCache)
ABORT_STUB(SearchSysCache1)
ABORT_STUB(WinGetFuncArgCurrent)
ABORT_STUB(WinGetPartitionLocalMemory)
ABORT_STUB(construct_array)
ABORT_STUB(construct_md_array)
ABORT_STUB(cstring_to_text)
ABORT_STUB(date_out)
ABORT_STUB(date_pl_interval)
ABORT_STUB(date_timestamp)
ABORT_STUB(date_timestamptz)
ABORT_STUB(deconstruct_array)
ABORT_STUB(float8_numeric)
ABORT_STUB(format_type_be)
ABORT_STUB(getKeyJsonValueFromContainer)
ABORT_STUB(getTypeOutputInfo)
ABORT_STUB(get_call_result_type)
ABORT_STUB(get_collation_isdeterministic)
ABORT_STUB(get_element_type)
ABORT_STUB(get_fn_expr_argtype)
ABORT_STUB(get_func_rettype)
ABORT_STUB(get_typlenbyvalalign)
ABORT_STUB(heap_form_tuple)
ABORT_STUB(int64_to_numeric)
ABORT_STUB(interval_out)
ABORT_STUB(jsonb_in)
ABORT_STUB(lookup_rowtype_tupdesc_copy)
ABORT_STUB(lookup_type_cache)
ABORT_STUB(multirange_get_bounds)
ABORT_STUB(numeric_add)
ABORT_STUB(numeric_div)
ABORT_STUB(numeric_eq)
ABORT_STUB(numeric_float8)
ABORT_STUB(numeric_float8_no_overflow)
ABORT_STUB(numeric_int4_opt_error)
ABORT_STUB(numeric_int8)
ABORT_STUB(numeric_is_inf)
ABORT_STUB(numeric_is_nan)
ABORT_STUB(numeric_lt)
ABORT_STUB(numeric_normalize)
ABORT_STUB(numeric_trunc)
ABORT_STUB(pg_next_dst_boundary)
ABORT_STUB(pg_tzset)
ABORT_STUB(range_deserialize)
ABORT_STUB(timestamp_date)
ABORT_STUB(timestamp_out)
ABORT_STUB(timestamp_pl_interval)
ABORT_STUB(timestamptz_date)
ABORT_STUB(timestamptz_out)
ABORT_STUB(timestamptz_pl_interval)
ABORT_STUB(timestamptz_to_str)
