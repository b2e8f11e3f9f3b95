/*-------------------------------------------------------------------------
 *
 * state.c
 *	  The fixed-size aggregate state shared by every counting metric: text
 *	  and binary I/O with full validation, in-place update, combine and its
 *	  inverse.  See state.h for the layout and how a metric uses it.
 *
 * Text form: "v1 name=value name=value ...", every count and sum field
 * exactly once, the parameter fields either all present or all absent
 * (absent: no non-NULL row has set them yet).  The version prefix lets a
 * later release read states stored by this one.  The form is canonical:
 * the fields in their order, one space between them, integers without "+"
 * or leading zeros, so that a state has exactly one spelling (the output
 * function's) and two equal states compare equal as text.
 *
 * The file also holds the helpers every state family shares (state.h):
 * canonical int64 and float8 text, the version token, the "vN name=value"
 * tokenizer of the clv states, the 22P02 and 22P03 errors, the binary
 * framing with length checks, and the binary form that is the text.
 * RetState's own reader does not use the tokenizer: its parameter fields
 * are all present or all absent, and its messages say which field is
 * missing or what stands in its place.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>

#include "common/shortest_dec.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"

#include "state.h"

/* Print one field's value in its text form. */
static void
format_field(StringInfo buf, const RetStateDesc *desc, int field, int64 value)
{
	if (desc->fields[field].kind == RF_PARAM && desc->format_param)
		desc->format_param(buf, field, value);
	else
		appendStringInfo(buf, INT64_FORMAT, value);
}

/* ---------- helpers shared by the state families ---------- */

void
state_bad_text(const char *type_name, const char *str, const char *detail,
			   const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", type_name, str),
			 errdetail("%s", detail),
			 hint ? errhint("%s", hint) : 0));
}

void
state_bad_long_text(const char *type_name, const char *str, int sqlstate,
					const char *detail, const char *hint)
{
	/* 200 bytes, less the bytes of a character the limit would cut */
	int			shown = pg_mbcliplen(str, strnlen(str, 200), 200);

	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("invalid input syntax for type %s: \"%.*s\"", type_name, shown, str),
			 errdetail("%s", detail),
			 hint ? errhint("%s", hint) : 0));
}

/*
 * The tokenizer of the "vN name=value ..." texts.  A space is a separator
 * only: the text neither starts nor ends with one, and two never follow
 * each other, so that every value has one spelling.
 */
char *
state_skip_version(char *copy, const char *type_name, const char *str,
				   int sqlstate, int maxversion, int *version)
{
	int			v;

	Assert(maxversion >= 1 && maxversion <= 9);
	/* in this order: a short text is not read past its end */
	if (copy[0] != 'v' || copy[1] < '1' || copy[1] > '0' + maxversion ||
		(copy[2] != '\0' && copy[2] != ' '))
		state_bad_long_text(type_name, str, sqlstate,
							maxversion == 1 ? "It does not start with the version \"v1\"." :
							psprintf("It does not start with a version \"v1\" to \"v%d\".", maxversion),
							STATE_TEXT_HINT);
	if (copy[2] == ' ' && (copy[3] == '\0' || copy[3] == ' '))
		state_bad_long_text(type_name, str, sqlstate,
							"The fields are not separated by single spaces.", STATE_TEXT_HINT);
	v = copy[1] - '0';
	if (version)
		*version = v;
	return copy[2] == ' ' ? copy + 3 : copy + 2;
}

char *
state_next_field(char **cursor, const char *name, const char *type_name,
				 const char *str, int sqlstate)
{
	char	   *tok = *cursor,
			   *end;
	size_t		len = strlen(name);

	if (strncmp(tok, name, len) != 0 || tok[len] != '=')
		state_bad_long_text(type_name, str, sqlstate,
							psprintf("Expected field \"%s\".", name), STATE_TEXT_HINT);
	tok += len + 1;
	end = strchr(tok, ' ');
	if (end)
	{
		*end = '\0';
		*cursor = end + 1;
		if (**cursor == '\0' || **cursor == ' ')
			state_bad_long_text(type_name, str, sqlstate,
								"The fields are not separated by single spaces.", STATE_TEXT_HINT);
	}
	else
		*cursor = tok + strlen(tok);
	return tok;
}

void
state_bad_binary(const char *type_name, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary %s value", type_name),
			 errdetail("%s", detail)));
}

void
state_bad_value(const char *type_name, int sqlstate, const char *detail)
{
	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("invalid %s value", type_name),
			 errdetail("%s", detail)));
}

bool
state_parse_int64(const char *str, int64 *result)
{
	const char *end = state_scan_int64(str, result);

	return end != NULL && *end == '\0';
}

void
state_append_float8(StringInfo buf, double value)
{
	char		text[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(value, text);
	appendStringInfoString(buf, text);
}

bool
state_parse_float8(const char *str, double *result)
{
	char	   *end;
	char		again[DOUBLE_SHORTEST_DECIMAL_LEN];
	double		x;

	if (*str == '\0' || isspace((unsigned char) *str))
		return false;
	errno = 0;
	x = strtod(str, &end);
	if (*end != '\0' || isnan(x) || isinf(x))
		return false;
	/* only the spelling the output writes: "1.50", "+1", "1e0" are not */
	double_to_shortest_decimal_buf(x, again);
	if (strcmp(again, str) != 0)
		return false;
	*result = x;
	return true;
}

bool
state_parse_version(const char *str, int *version)
{
	int64		v;

	if (str[0] != 'v' || str[1] == '-' || !state_parse_int64(str + 1, &v) ||
		v < 0 || v > 255)
		return false;
	*version = (int) v;
	return true;
}

void
state_send_header(StringInfo buf, uint8 version, uint8 flags)
{
	pq_sendbyte(buf, version);
	pq_sendbyte(buf, flags);
}

/* 22P03 unless the binary value has n more bytes. */
static inline void
recv_need(StringInfo buf, int n, const char *type_name)
{
	if (unlikely(buf->cursor < 0 || buf->len - buf->cursor < n))
		state_bad_binary(type_name, "The value ends too early.");
}

uint8
state_recv_byte(StringInfo buf, const char *type_name)
{
	recv_need(buf, 1, type_name);
	return (uint8) pq_getmsgbyte(buf);
}

uint16
state_recv_uint16(StringInfo buf, const char *type_name)
{
	recv_need(buf, 2, type_name);
	return (uint16) pq_getmsgint(buf, 2);
}

uint32
state_recv_uint32(StringInfo buf, const char *type_name)
{
	recv_need(buf, 4, type_name);
	return (uint32) pq_getmsgint(buf, 4);
}

int64
state_recv_int64(StringInfo buf, const char *type_name)
{
	recv_need(buf, 8, type_name);
	return pq_getmsgint64(buf);
}

double
state_recv_float8(StringInfo buf, const char *type_name)
{
	recv_need(buf, 8, type_name);
	return pq_getmsgfloat8(buf);
}

void
state_recv_header(StringInfo buf, const char *type_name, uint8 *version, uint8 *flags)
{
	*version = state_recv_byte(buf, type_name);
	*flags = state_recv_byte(buf, type_name);
}

void
state_recv_end(StringInfo buf, const char *type_name)
{
	if (buf->cursor != buf->len)
		state_bad_binary(type_name,
						 psprintf("It has %d bytes after its end.", buf->len - buf->cursor));
}

bytea *
state_send_text(const char *txt)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendtext(&buf, txt, strlen(txt));
	return pq_endtypsend(&buf);
}

char *
state_recv_text(StringInfo buf)
{
	int			nbytes;

	return pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
}

/* ---------- RetState ---------- */

/* Error out for a state text that does not parse. */
static void pg_attribute_noreturn()
bad_state_text(const RetStateDesc *desc, const char *str, const char *detail)
{
	state_bad_text(desc->type_name, str, detail,
				   psprintf("The text form of %s is \"v%d %s=0 ...\", as its output function writes it: the fields in order, one space apart, integers without \"+\" or leading zeros.",
							desc->type_name, RET_STATE_VERSION, desc->fields[0].name));
}

/*
 * Check a state's values (from text or binary input): counts are not
 * negative, the parameters are all set or all unset, and the metric's own
 * consistency rule holds.  Returns NULL or the problem as a sentence.
 */
static const char *
state_problem(const RetStateDesc *desc, const RetState *state)
{
	int			i;
	bool		has_params = false;

	if (state->version != RET_STATE_VERSION)
		return psprintf("Version %d is not supported; this release reads version %d.",
						state->version, RET_STATE_VERSION);
	if (state->flags & ~RS_KNOWN_FLAGS)
		return psprintf("Unknown flags 0x%02x.", state->flags);
	if (state->reserved != 0)
		return "The reserved field is not zero.";
	for (i = 0; i < desc->nfields; i++)
	{
		if (desc->fields[i].kind == RF_COUNT && state->v[i] < 0)
			return psprintf("Count \"%s\" is negative (" INT64_FORMAT ").",
							desc->fields[i].name, state->v[i]);
		if (desc->fields[i].kind == RF_PARAM &&
			!(state->flags & RS_PARAMS_SET) && state->v[i] != 0)
			return psprintf("Parameter \"%s\" has a value but the parameters are marked unset.",
							desc->fields[i].name);
		has_params |= desc->fields[i].kind == RF_PARAM;
	}

	/*
	 * A type without parameters never sets the flag; a binary value with it
	 * set would print the same as one without and read back different.
	 */
	if ((state->flags & RS_PARAMS_SET) && !has_params)
		return psprintf("The parameters are marked set but %s has none.", desc->type_name);
	if (desc->check)
		return desc->check(state->v, (state->flags & RS_PARAMS_SET) != 0);
	return NULL;
}

/* A new, zeroed state in the given context. */
static RetState *
new_state(const RetStateDesc *desc, MemoryContext cxt)
{
	RetState   *state = MemoryContextAllocZero(cxt, RET_STATE_SIZE(desc));

	SET_VARSIZE(state, RET_STATE_SIZE(desc));
	state->version = RET_STATE_VERSION;
	return state;
}

/*
 * Check the shape of a state datum: its size and version.  This is all the
 * per-call checking needed, because every value of the type has been through
 * the validating input or receive function or was built by this file.
 */
static inline void
check_shape(const RetStateDesc *desc, const RetState *state)
{
	if (unlikely(VARSIZE(state) != RET_STATE_SIZE(desc) ||
				 state->version != RET_STATE_VERSION))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid %s value", desc->type_name),
				 errdetail("Size %u and version %d; expected size %zu and version %d.",
						   (unsigned) VARSIZE(state), state->version,
						   RET_STATE_SIZE(desc), RET_STATE_VERSION)));
}

RetState *
ret_state_arg(FunctionCallInfo fcinfo, int argno, const RetStateDesc *desc)
{
	RetState   *state = (RetState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	check_shape(desc, state);
	return state;
}

/* ret_state_for_update() when its inline fast path does not apply. */
RetState *
ret_state_for_update_slow(FunctionCallInfo fcinfo, const RetStateDesc *desc)
{
	MemoryContext aggcxt;
	RetState   *state;

	if (PG_ARGISNULL(0))
	{
		if (!AggCheckCallContext(fcinfo, &aggcxt))
			aggcxt = CurrentMemoryContext;
		return new_state(desc, aggcxt);
	}

	state = ret_state_arg(fcinfo, 0, desc);
	/* Outside an aggregate the argument may be a stored value: copy it. */
	if (!AggCheckCallContext(fcinfo, NULL) &&
		(Pointer) state == DatumGetPointer(PG_GETARG_DATUM(0)))
	{
		RetState   *copy = palloc(VARSIZE(state));

		memcpy(copy, state, VARSIZE(state));
		state = copy;
	}
	return state;
}

/* Report two groups (or rows) whose parameter field differs. */
static void
param_mismatch(const RetStateDesc *desc, int field, int64 a, int64 b)
{
	StringInfoData va,
				vb;

	if (desc->param_mismatch)
		desc->param_mismatch(desc, field, a, b);

	initStringInfo(&va);
	initStringInfo(&vb);
	format_field(&va, desc, field, a);
	format_field(&vb, desc, field, b);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s changes within one group: %s and %s",
					desc->fields[field].name, va.data, vb.data),
			 errhint("Every row of a group, and every state merged together, must use the same %s; add it to GROUP BY.",
					 desc->fields[field].name)));
}

void
ret_state_set_params(const RetStateDesc *desc, RetState *state,
					 const int64 *params)
{
	int			i,
				p = 0;

	for (i = 0; i < desc->nfields; i++)
	{
		if (desc->fields[i].kind != RF_PARAM)
			continue;
		if (!(state->flags & RS_PARAMS_SET))
			state->v[i] = params[p];
		else if (state->v[i] != params[p])
			param_mismatch(desc, i, state->v[i], params[p]);
		p++;
	}
	state->flags |= RS_PARAMS_SET;
}

/* Make a's parameters agree with b's, or error out. */
static void
merge_params(const RetStateDesc *desc, RetState *a, const RetState *b)
{
	int			i;

	if (!(b->flags & RS_PARAMS_SET))
		return;
	for (i = 0; i < desc->nfields; i++)
	{
		if (desc->fields[i].kind != RF_PARAM)
			continue;
		if (!(a->flags & RS_PARAMS_SET))
			a->v[i] = b->v[i];
		else if (a->v[i] != b->v[i])
			param_mismatch(desc, i, a->v[i], b->v[i]);
	}
	a->flags |= RS_PARAMS_SET;
}

Datum
ret_state_combine(FunctionCallInfo fcinfo, const RetStateDesc *desc)
{
	RetState   *a = ret_state_for_update(fcinfo, desc);
	RetState   *b = ret_state_arg(fcinfo, 1, desc);
	int			i;

	const char *problem;

	merge_params(desc, a, b);
	for (i = 0; i < desc->nfields; i++)
		if (desc->fields[i].kind != RF_PARAM)
			ret_state_add(a, i, b->v[i]);

	/*
	 * The metrics' rules are sums of fields compared with fields, which hold
	 * for a sum of valid states, except where a sum of fields leaves the
	 * int64 range (the NPS responses, an aging report's total): such a
	 * state could be written but not read back, so it is an error here.
	 */
	problem = desc->check ? desc->check(a->v, (a->flags & RS_PARAMS_SET) != 0) : NULL;
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("merged %s is out of range", desc->type_name),
				 errdetail("%s", problem)));
	PG_RETURN_POINTER(a);
}

/*
 * Remove state b from state a: the inverse of combine, for sliding windows
 * over stored states.  Exact, because every field is an integer.
 */
Datum
ret_state_uncombine(FunctionCallInfo fcinfo, const RetStateDesc *desc)
{
	RetState   *a = ret_state_for_update(fcinfo, desc);
	RetState   *b = ret_state_arg(fcinfo, 1, desc);
	const char *problem;
	int			i;

	merge_params(desc, a, b);
	for (i = 0; i < desc->nfields; i++)
	{
		if (desc->fields[i].kind == RF_PARAM)
			continue;
		if (pg_sub_s64_overflow(a->v[i], b->v[i], &a->v[i]) ||
			(desc->fields[i].kind == RF_COUNT && a->v[i] < 0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot remove a %s that was not added", desc->type_name)));
	}

	/*
	 * Removing a state that was never part of a can leave every count
	 * non-negative and still break the metric's rule (csat: satisfied above
	 * responses, a percentage over 100), so check the result as input does.
	 */
	problem = desc->check ? desc->check(a->v, (a->flags & RS_PARAMS_SET) != 0) : NULL;
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove a %s that was not added", desc->type_name),
				 errdetail("The result would be inconsistent. %s", problem)));
	PG_RETURN_POINTER(a);
}

Datum
ret_state_out(FunctionCallInfo fcinfo, const RetStateDesc *desc)
{
	RetState   *state = ret_state_arg(fcinfo, 0, desc);
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d", RET_STATE_VERSION);
	for (i = 0; i < desc->nfields; i++)
	{
		if (desc->fields[i].kind == RF_PARAM && !(state->flags & RS_PARAMS_SET))
			continue;
		appendStringInfo(&buf, " %s=", desc->fields[i].name);
		format_field(&buf, desc, i, state->v[i]);
	}
	PG_RETURN_CSTRING(buf.data);
}

/*
 * The canonical text form, read strictly left to right: "v1", then for each
 * field in order (the parameters only when present, all or none) one space,
 * the name, "=" and the value.
 */
Datum
ret_state_in(FunctionCallInfo fcinfo, const RetStateDesc *desc)
{
	char	   *str = PG_GETARG_CSTRING(0);
	RetState   *state = new_state(desc, CurrentMemoryContext);
	char	   *copy = pstrdup(str);
	char	   *pos;
	char	   *tok;
	int			nparams = 0,
				nparams_seen = 0,
				version,
				i;
	const char *problem;

	pos = strchr(copy, ' ');
	if (pos != NULL)
		*pos++ = '\0';
	if (!state_parse_version(copy, &version))
		bad_state_text(desc, str, "It does not start with a version such as \"v1\".");
	if (version != RET_STATE_VERSION)
		bad_state_text(desc, str, psprintf("Version %d is not supported; this release reads version %d.",
										   version, RET_STATE_VERSION));

	for (i = 0; i < desc->nfields; i++)
	{
		const char *name = desc->fields[i].name;
		size_t		namelen = strlen(name);
		char	   *next;
		int64		value;
		bool		ok;

		if (desc->fields[i].kind == RF_PARAM)
			nparams++;
		if (pos == NULL || strncmp(pos, name, namelen) != 0 || pos[namelen] != '=')
		{
			if (desc->fields[i].kind == RF_PARAM)
				continue;		/* checked below: all parameters or none */
			bad_state_text(desc, str,
						   pos == NULL || *pos == '\0' ?
						   psprintf("Field \"%s\" is missing.", name) :
						   psprintf("\"%s\" is found where field \"%s\" is expected.", pos, name));
		}
		tok = pos + namelen + 1;
		next = strchr(tok, ' ');
		if (next != NULL)
			*next++ = '\0';
		pos = next;

		if (desc->fields[i].kind == RF_PARAM)
			nparams_seen++;
		if (desc->fields[i].kind == RF_PARAM && desc->parse_param)
			ok = desc->parse_param(i, tok, &value);
		else
			ok = state_parse_int64(tok, &value);
		if (!ok)
			bad_state_text(desc, str, psprintf("\"%s\" is not a valid value for field \"%s\".", tok, name));
		state->v[i] = value;
	}
	if (pos != NULL)
		bad_state_text(desc, str, *pos == '\0' ? "It ends with a space." :
					   psprintf("\"%s\" follows the last field.", pos));
	if (nparams_seen != 0 && nparams_seen != nparams)
		bad_state_text(desc, str, "Either every parameter field is given or none is.");
	if (nparams_seen > 0)
		state->flags |= RS_PARAMS_SET;

	problem = state_problem(desc, state);
	if (problem)
		bad_state_text(desc, str, problem);
	PG_RETURN_POINTER(state);
}

Datum
ret_state_send(FunctionCallInfo fcinfo, const RetStateDesc *desc)
{
	RetState   *state = ret_state_arg(fcinfo, 0, desc);
	StringInfoData buf;
	int			i;

	pq_begintypsend(&buf);
	state_send_header(&buf, state->version, state->flags);
	pq_sendint16(&buf, desc->nfields);
	for (i = 0; i < desc->nfields; i++)
		pq_sendint64(&buf, state->v[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
ret_state_recv(FunctionCallInfo fcinfo, const RetStateDesc *desc)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	RetState   *state = new_state(desc, CurrentMemoryContext);
	int			nfields;
	int			i;
	const char *problem;

	state_recv_header(buf, desc->type_name, &state->version, &state->flags);
	nfields = state_recv_uint16(buf, desc->type_name);
	if (nfields != desc->nfields)
		state_bad_binary(desc->type_name,
						 psprintf("It has %d fields; a %s has %d.",
								  nfields, desc->type_name, desc->nfields));
	for (i = 0; i < nfields; i++)
		state->v[i] = state_recv_int64(buf, desc->type_name);
	state_recv_end(buf, desc->type_name);

	problem = state_problem(desc, state);
	if (problem)
		state_bad_binary(desc->type_name, problem);
	PG_RETURN_POINTER(state);
}
