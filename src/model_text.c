/*-------------------------------------------------------------------------
 *
 * model_text.c
 *	  What the model types of sbg.c and bgbb.c share around their JSON text
 *	  (its binary form is the text: state_send_text and state_recv_text):
 *	  the jsonb of *_model_params, the numbers of the JSON, and the guard
 *	  that keeps a model whose fit did not converge from predicting.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "model_optimise.h"

/* The model's text as jsonb (the *_model_params functions). */
Datum
model_text_jsonb(const char *txt)
{
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(txt));
}

/*
 * The number of a JSON value: 1 with *out set, 0 for null, -1 for any other
 * kind of value (the caller says which key, in its type's words).
 */
int
model_json_number(const JsonbValue *v, double *out)
{
	if (v->type == jbvNull)
		return 0;
	if (v->type != jbvNumeric)
		return -1;
	*out = DatumGetFloat8(DirectFunctionCall1(numeric_float8,
											  NumericGetDatum(v->val.numeric)));
	return 1;
}

/*
 * May a model predict?  Not when its text says its fit did not converge
 * ("converged": false, as a hand-written or edited model can): its
 * parameters are then no optimum and its predictions look fine and are not.
 * The prediction is NULL with a WARNING, once per query and call site, as
 * for clv_model and clv().  A model without "converged" (hand-written from
 * published parameters) predicts.
 */
bool
model_may_predict(FunctionCallInfo fcinfo, bool unconverged, const char *type)
{
	if (!unconverged)
		return true;
	if (fcinfo->flinfo->fn_extra == NULL)
	{
		ereport(WARNING,
				(errmsg("the %s's fit did not converge; its predictions are NULL", type),
				 errhint("Fit again, or check the data (%s_params shows \"converged\").", type)));
		fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, 1);
	}
	return false;
}
