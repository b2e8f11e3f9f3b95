/*-------------------------------------------------------------------------
 *
 * state.h
 *	  Fixed-size aggregate states shared by every counting metric.
 *
 * Most retention metrics reduce a group to a handful of 64-bit integers:
 * counts (promoters, responses, customers at start), exact integer sums
 * (CES score totals, revenue in fixed-point units) and parameters that must
 * be the same in every row of a group (a survey scale, a period's bounds).
 * This file describes such a state once, so that a metric is its arithmetic
 * plus a descriptor:
 *
 *	static const RetField nps_fields[] = {
 *		{"promoters", RF_COUNT}, {"passives", RF_COUNT}, {"detractors", RF_COUNT}
 *	};
 *	static const RetStateDesc nps_desc = {"nps_state", 3, nps_fields};
 *	RETENTION_STATE_FUNCTIONS(nps_state, nps_desc)
 *
 * RETENTION_STATE_FUNCTIONS defines the SQL-callable text input/output,
 * binary send/receive, combine (merge two states) and uncombine (remove one
 * state from another, the inverse used by sliding windows over stored
 * states).  The install scripts (sql/install/) declare the type and its
 * aggregates literally.
 *
 * The state is a plain varlena (STORAGE = plain, so always a 4-byte header
 * and never toasted): a version byte, a flags byte, and the values.  Its
 * text form is "v1 name=value name=value ..." and is validated completely
 * on input; see state.c.  The same file has the helpers every state family
 * shares (the keyed states, the clv states, the model types, the funnel and
 * the SaaS states): canonical integer, double and uuid text, the "vN
 * name=value" tokenizer, the 22P02/22P03 errors, the binary framing with
 * length checks and the binary form that is the text (declared at the end
 * of this header).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RETENTION_STATE_H
#define RETENTION_STATE_H

#include "postgres.h"
#include "fmgr.h"
#include "common/int.h"
#include "lib/stringinfo.h"
#include "nodes/nodes.h"

/* Current on-disk/text version of every fixed-size state. */
#define RET_STATE_VERSION	1

/* Flags byte: the parameters have been set by a non-NULL row. */
#define RS_PARAMS_SET		0x01
#define RS_KNOWN_FLAGS		(RS_PARAMS_SET)

typedef enum RetFieldKind
{
	RF_COUNT,					/* >= 0, summed by combine */
	RF_SUM,						/* any sign, summed by combine */
	RF_PARAM					/* equal in every row of a group */
} RetFieldKind;

typedef struct RetField
{
	const char *name;
	RetFieldKind kind;
} RetField;

typedef struct RetStateDesc
{
	const char *type_name;		/* SQL type name, for messages */
	int			nfields;
	const RetField *fields;

	/*
	 * Optional whole-state consistency check run on input and receive (the
	 * fields are already individually valid).  Returns NULL when the state
	 * is consistent, otherwise a sentence for errdetail.
	 */
	const char *(*check) (const int64 *v, bool params_set);

	/*
	 * Optional text form of one parameter (e.g. a date); NULL prints the
	 * integer.  parse_param returns false when the text is not valid.
	 */
	void		(*format_param) (StringInfo buf, int field, int64 value);
	bool		(*parse_param) (int field, const char *text, int64 *value);

	/*
	 * Optional message for two groups whose parameters differ, called with
	 * the differing field; NULL gives a generic message.
	 */
	void		(*param_mismatch) (const struct RetStateDesc *desc, int field,
								   int64 a, int64 b);
} RetStateDesc;

typedef struct RetState
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint8		version;
	uint8		flags;
	uint16		reserved;		/* zero; room for future flags */
	int64		v[FLEXIBLE_ARRAY_MEMBER];
} RetState;

#define RET_STATE_SIZE(desc)	(offsetof(RetState, v) + sizeof(int64) * (desc)->nfields)

extern RetState *ret_state_for_update_slow(FunctionCallInfo fcinfo,
											const RetStateDesc *desc);

/*
 * The state a transition function updates: argument 0, updated in place when
 * called as an aggregate (no palloc per row), copied otherwise, or a new
 * zeroed state in the aggregate's memory context when argument 0 is NULL.
 *
 * The per-row case is inline, because it runs once per input row: inside an
 * aggregate or window aggregate the state is our own plain varlena (never
 * toasted), so only its shape is checked, without a detoast call or
 * AggCheckCallContext (the same test).
 */
static inline RetState *
ret_state_for_update(FunctionCallInfo fcinfo, const RetStateDesc *desc)
{
	if (likely(!PG_ARGISNULL(0) && fcinfo->context != NULL &&
			   (IsA(fcinfo->context, AggState) ||
				IsA(fcinfo->context, WindowAggState))))
	{
		RetState   *state = (RetState *) DatumGetPointer(PG_GETARG_DATUM(0));

		if (likely(!VARATT_IS_EXTENDED(state) &&
				   VARSIZE(state) == RET_STATE_SIZE(desc) &&
				   state->version == RET_STATE_VERSION))
			return state;
	}
	return ret_state_for_update_slow(fcinfo, desc);
}

/* A state argument checked against the descriptor (read only). */
extern RetState *ret_state_arg(FunctionCallInfo fcinfo, int argno,
							   const RetStateDesc *desc);

/*
 * Set the parameters (RF_PARAM fields, in field order) on the first row of a
 * group, or check that they equal what the group already has (22023).
 */
extern void ret_state_set_params(const RetStateDesc *desc, RetState *state,
								 const int64 *params);

/* Add a value to a field, erroring on overflow (22003). */
static inline void
ret_state_add(RetState *state, int field, int64 value)
{
	if (unlikely(pg_add_s64_overflow(state->v[field], value, &state->v[field])))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("aggregate state field out of range")));
}

/*
 * Add delta (+1 for a row entering the group, -1 for one leaving a window
 * frame) to a count.  A count that would go negative means the row was never
 * added: an error, not a wrong number.
 */
static inline void
ret_state_bump(RetState *state, int field, int64 delta)
{
	int64		result;

	/* A stored state fed back to a transition function can be at the limit. */
	if (unlikely(pg_add_s64_overflow(state->v[field], delta, &result)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("aggregate state field out of range")));
	if (unlikely(result < 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove a row that was not added")));
	state->v[field] = result;
}

/*
 * Define a transition function and its inverse from one step function
 * "Datum step(FunctionCallInfo fcinfo, int64 delta)" that adds (delta = 1) or
 * removes (delta = -1) the row in fcinfo.
 */
#define RETENTION_STEP_FUNCTIONS(sfunc, invfunc, step) \
	RETENTION_STEP_WRAPPER(sfunc, step, 1) \
	RETENTION_STEP_WRAPPER(invfunc, step, -1)

/*
 * The same for a step function that serves several signatures, "Datum
 * step(FunctionCallInfo fcinfo, int64 delta, int variant)", variant a
 * constant that says which (numeric or double precision amount, date or
 * timestamptz): the SQL-callable functions call it directly, so a family
 * with several signatures needs no wrapper function per signature.
 */
#define RV_FLOAT8_AMOUNT	0x01	/* the amount is double precision, not numeric */
#define RV_TIMESTAMPTZ		0x02	/* dates and periods are timestamptz, not date */

#define RETENTION_VARIANT_STEP_FUNCTIONS(sfunc, invfunc, step, variant) \
	PG_FUNCTION_INFO_V1(sfunc); \
	Datum sfunc(PG_FUNCTION_ARGS) { return step(fcinfo, 1, variant); } \
	PG_FUNCTION_INFO_V1(invfunc); \
	Datum invfunc(PG_FUNCTION_ARGS) { return step(fcinfo, -1, variant); }

/* The SQL-callable name: step(fcinfo, arg), arg a constant of the variant. */
#define RETENTION_STEP_WRAPPER(name, step, arg) \
	PG_FUNCTION_INFO_V1(name); \
	Datum name(PG_FUNCTION_ARGS) { return step(fcinfo, arg); }

/*
 * Helpers for every state family's text and binary forms (issue 22 item 3):
 * one canonical spelling per value, and one error per kind of bad input.
 *
 * state_parse_int64: "0", "-12", "345": no sign "+", no leading zero, no
 * "-0", no space, within int64.  state_parse_float8: a finite double in
 * exactly the spelling state_append_float8 writes (the shortest text that
 * reads back to the same double, as float8out with extra_float_digits = 1).
 * state_parse_version: "v1", "v2" ... (not "v01", "v+1").
 */
extern bool state_parse_int64(const char *str, int64 *result);

/*
 * state_scan_int64: the canonical integer at the start of p, as
 * state_parse_int64 reads a whole string; the end of it, or NULL when p
 * does not start with one.  Inline: the keyed states read millions.
 */
static inline const char *
state_scan_int64(const char *p, int64 *result)
{
	bool		neg = (*p == '-');
	const char *d = neg ? p + 1 : p;
	uint64		magnitude = 0;
	int			n = 0;

	if (*d < '0' || *d > '9')
		return NULL;
	/* no leading zero, no "-0" */
	if (*d == '0')
	{
		if (neg || (d[1] >= '0' && d[1] <= '9'))
			return NULL;
		*result = 0;
		return d + 1;
	}
	/* 19 digits fit in uint64; the sign decides the limit */
	while (*d >= '0' && *d <= '9')
	{
		if (++n > 19)
			return NULL;
		magnitude = magnitude * 10 + (uint64) (*d++ - '0');
	}
	if (neg)
	{
		if (magnitude > (uint64) PG_INT64_MAX + 1)
			return NULL;
		*result = (int64) (0 - magnitude);
	}
	else
	{
		if (magnitude > (uint64) PG_INT64_MAX)
			return NULL;
		*result = (int64) magnitude;
	}
	return d;
}

/* The value of a lower-case hexadecimal digit (the canonical case), or -1. */
static inline int
state_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * state_scan_uuid: a uuid as uuid_out writes it (8-4-4-4-12 lower-case hex
 * digits; upper case is not canonical) at the start of p, its 16 bytes into
 * out; the end of it, or NULL.  Inline, as state_scan_int64.
 */
static inline const char *
state_scan_uuid(const char *p, unsigned char *out)
{
	int			i,
				k = 0;

	for (i = 0; i < 36; i++)
	{
		int			hi,
					lo;

		if (i == 8 || i == 13 || i == 18 || i == 23)
		{
			if (p[i] != '-')
				return NULL;
			continue;
		}
		/* a NUL is no digit: nothing past the end is read */
		if ((hi = state_hex_digit(p[i])) < 0 || (lo = state_hex_digit(p[i + 1])) < 0)
			return NULL;
		out[k++] = (unsigned char) (hi << 4 | lo);
		i++;
	}
	return p + 36;
}

/*
 * state_scan_uint64: as state_scan_int64, an unsigned integer without sign,
 * "0" to "18446744073709551615" (a bit mask of 64 steps).
 */
static inline const char *
state_scan_uint64(const char *p, uint64 *result)
{
	uint64		v = 0;

	if (*p < '0' || *p > '9')
		return NULL;
	if (*p == '0')
	{
		if (p[1] >= '0' && p[1] <= '9')
			return NULL;
		*result = 0;
		return p + 1;
	}
	while (*p >= '0' && *p <= '9')
	{
		if (v > (PG_UINT64_MAX - (uint64) (*p - '0')) / 10)
			return NULL;
		v = v * 10 + (uint64) (*p++ - '0');
	}
	*result = v;
	return p;
}

extern bool state_parse_float8(const char *str, double *result);
extern void state_append_float8(StringInfo buf, double value);
extern bool state_parse_version(const char *str, int *version);

/*
 * 22P02 for a state text that does not parse or is not valid: the type, the
 * text, a detail sentence, and the hint (the canonical form) when not NULL.
 */
extern void state_bad_text(const char *type_name, const char *str,
						   const char *detail, const char *hint) pg_attribute_noreturn();

/*
 * The same for a text that can be long (one entry per customer, a model's
 * JSON) and may be the binary form too: sqlstate is 22P02 from an input
 * function and 22P03 from a receive function whose binary form is the text;
 * the message quotes the first 200 bytes of str (whole characters).
 */
extern void state_bad_long_text(const char *type_name, const char *str, int sqlstate,
								const char *detail, const char *hint) pg_attribute_noreturn();

/* The hint of a text form that has no short description. */
#define STATE_TEXT_HINT "Use the text produced by the type's output function."

/*
 * A "vN name=value name=value" text read field by field, the fields in a
 * fixed order and separated by single spaces (the clv states).  copy is a
 * modifiable copy of str; errors are state_bad_long_text with sqlstate and
 * STATE_TEXT_HINT.  state_skip_version checks the version prefix "v1" ..
 * "v<maxversion>" (maxversion at most 9) and returns the rest of the text,
 * empty or the fields after one space; *version gets the version (NULL: only
 * v1 is known).  state_next_field takes the next "name=value" from *cursor
 * and returns the value (terminated in place); a field other than name is
 * an error naming name.
 */
extern char *state_skip_version(char *copy, const char *type_name, const char *str,
								int sqlstate, int maxversion, int *version);
extern char *state_next_field(char **cursor, const char *name, const char *type_name,
							  const char *str, int sqlstate);

/* 22P03 for a binary state value that is not valid; detail is a sentence. */
extern void state_bad_binary(const char *type_name, const char *detail) pg_attribute_noreturn();

/*
 * "invalid <type> value" for a varlena state that fails its full check,
 * whatever it came from: sqlstate is 22P03 for a value from a receive
 * function, 22P02 for one from text input or a stored value (the keyed
 * states, the funnel and the cohort wrappers check their flat form once).
 */
extern void state_bad_value(const char *type_name, int sqlstate,
							const char *detail) pg_attribute_noreturn();

/*
 * Binary framing.  Every binary state starts with a version byte and a
 * flags byte.  The readers check the bytes left before reading, so a short
 * value is 22P03 naming the type (not a protocol error), and
 * state_recv_end makes trailing bytes 22P03 too.
 */
extern void state_send_header(StringInfo buf, uint8 version, uint8 flags);
extern void state_recv_header(StringInfo buf, const char *type_name,
							  uint8 *version, uint8 *flags);
extern uint8 state_recv_byte(StringInfo buf, const char *type_name);
extern uint16 state_recv_uint16(StringInfo buf, const char *type_name);
extern uint32 state_recv_uint32(StringInfo buf, const char *type_name);
extern int64 state_recv_int64(StringInfo buf, const char *type_name);
extern double state_recv_float8(StringInfo buf, const char *type_name);
extern void state_recv_end(StringInfo buf, const char *type_name);

/*
 * For the types whose binary form is their text (the clv states, the model
 * types): the bytes of txt as a binary value, and the whole of a received
 * value as text in the database encoding, for the same parser as input.
 */
extern bytea *state_send_text(const char *txt);
extern char *state_recv_text(StringInfo buf);

/* Generic SQL-callable implementations, wrapped per type by the macro. */
extern Datum ret_state_in(FunctionCallInfo fcinfo, const RetStateDesc *desc);
extern Datum ret_state_out(FunctionCallInfo fcinfo, const RetStateDesc *desc);
extern Datum ret_state_recv(FunctionCallInfo fcinfo, const RetStateDesc *desc);
extern Datum ret_state_send(FunctionCallInfo fcinfo, const RetStateDesc *desc);
extern Datum ret_state_combine(FunctionCallInfo fcinfo, const RetStateDesc *desc);
extern Datum ret_state_uncombine(FunctionCallInfo fcinfo, const RetStateDesc *desc);

#define RETENTION_STATE_WRAPPER(name, impl, desc) \
	PG_FUNCTION_INFO_V1(name); \
	Datum name(PG_FUNCTION_ARGS) { return impl(fcinfo, &(desc)); }

/*
 * Define <prefix>_in, _out, _recv, _send, _combine and _uncombine for a
 * state type described by desc.
 */
#define RETENTION_STATE_FUNCTIONS(prefix, desc) \
	RETENTION_STATE_WRAPPER(prefix##_in, ret_state_in, desc) \
	RETENTION_STATE_WRAPPER(prefix##_out, ret_state_out, desc) \
	RETENTION_STATE_WRAPPER(prefix##_recv, ret_state_recv, desc) \
	RETENTION_STATE_WRAPPER(prefix##_send, ret_state_send, desc) \
	RETENTION_STATE_WRAPPER(prefix##_combine, ret_state_combine, desc) \
	RETENTION_STATE_WRAPPER(prefix##_uncombine, ret_state_uncombine, desc)

#endif							/* RETENTION_STATE_H */
