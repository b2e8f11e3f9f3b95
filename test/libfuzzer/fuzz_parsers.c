/*-------------------------------------------------------------------------
 *
 * fuzz_parsers.c
 *	  libFuzzer harness for the extension's own parsers: the text input
 *	  (<type>_in) and binary receive (<type>_recv) function of every state
 *	  type, called as the server calls them (a FunctionCallInfo built by
 *	  hand) but outside the server, with AddressSanitizer and UBSan.
 *
 * One binary, one parser per run: RET_FUZZ_TARGET names it (e.g.
 * "nps_state_in", "cohort_retention_state_recv").  RET_FUZZ_LIST=1 prints
 * the targets; RET_FUZZ_SEEDS=<dir> writes the target's seed inputs there
 * and exits (test/deep/libfuzzer.sh does both before fuzzing).  Seeds are
 * valid texts written down below, and for a receive function their binary
 * form as the type's send function writes it, so nothing generated is kept
 * in the repository.
 *
 * Per input: the parser either rejects it with an error whose SQLSTATE is a
 * data exception (class 22, or 54000; a binary value that ends early is
 * 22P03 too, read through the length-checking helpers of src/state.c, not
 * the 08P01 of pq_getmsg*), or accepts it.
 * An accepted value must print, read back to the same text, send, receive
 * back to the same bytes and print the same again; any error there, any
 * other SQLSTATE, a sanitizer report or a backend function the stubs do not
 * provide aborts, and libFuzzer saves the input.
 *
 * clv_model is not here: its input is jsonb_in, the server's JSON parser,
 * which cannot run outside the server; test/fuzz.sql covers it (see the
 * README, "Reliability and security").
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <stdio.h>
#include <stdlib.h>

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/errcodes.h"

#include "fuzz_stubs.h"

/* the C library's printf family (port.h maps it to libpgport's) */
#undef printf
#undef fprintf
#undef snprintf

/* The four I/O functions of each type, and a few valid texts. */
#define IO_DECL(t) \
	extern Datum t##_in(PG_FUNCTION_ARGS); \
	extern Datum t##_out(PG_FUNCTION_ARGS); \
	extern Datum t##_recv(PG_FUNCTION_ARGS); \
	extern Datum t##_send(PG_FUNCTION_ARGS);

IO_DECL(nps_state)
IO_DECL(csat_state)
IO_DECL(ces_state)
IO_DECL(churn_state)
IO_DECL(revenue_state)
IO_DECL(repeat_purchase_ratio_state)
IO_DECL(loyal_customer_rate_state)
IO_DECL(purchase_frequency_state)
IO_DECL(time_between_purchases_state)
IO_DECL(stickiness_state)
IO_DECL(return_rate_state)
IO_DECL(conversion_rate_state)
IO_DECL(dso_state)
IO_DECL(dso_tstz_state)
IO_DECL(avg_days_to_pay_state)
IO_DECL(ar_aging_state)
IO_DECL(dso_countback_state)
IO_DECL(best_possible_dso_state)
IO_DECL(cei_state)
IO_DECL(clv_summary_state)
IO_DECL(clv_fit_state)
IO_DECL(clv_state)
IO_DECL(cohort_retention_state)
IO_DECL(cohort_periods_state)
IO_DECL(cohort_retention_brackets_state)
IO_DECL(recurring_retention_state)
IO_DECL(returning_customer_rate_state)
IO_DECL(window_funnel_state)
IO_DECL(trial_conversion_rate_state)
IO_DECL(arpa_state)
IO_DECL(mrr_movements_state)
IO_DECL(cohort_revenue_retention_state)
IO_DECL(sbg_fit_state)
IO_DECL(bgbb_fit_state)

typedef struct FuzzType
{
	const char *name;
	PGFunction	in,
				out,
				recv,
				send;
	const char *seeds[8];		/* NULL-terminated */
} FuzzType;

#define IO(t) #t, t##_in, t##_out, t##_recv, t##_send

static const FuzzType types[] = {
	{IO(nps_state), {
			"v1 promoters=0 passives=0 detractors=0",
			"v1 promoters=489 passives=465 detractors=1741",
	NULL}},
	{IO(csat_state), {
			"v1 responses=0 satisfied=0",
			"v1 responses=6 satisfied=3 scale_max=5",
	NULL}},
	{IO(ces_state), {
			"v1 responses=0 total=0",
			"v1 responses=3 total=20 scale_max=7",
			"v1 responses=3 total=4294967295 scale_max=2147483647",
	NULL}},
	{IO(churn_state), {
			"v1 at_start=0 retained=0 at_end=0",
			"v1 at_start=5 retained=2 at_end=4 range=daterange period_start=2026-01-01 period_end=2026-02-01",
			"v1 at_start=5 retained=2 at_end=4 range=tstzrange period_start=2026-01-01T06:30:00 period_end=2026-02-01T00:00:00.250000",
	NULL}},
	{IO(revenue_state), {
			"v1 customers=0 start_mrr=0 end_mrr=0 lost_mrr=0",
			"v1 customers=5 start_mrr=7500000 end_mrr=3900000 lost_mrr=4100000",
	NULL}},
	{IO(repeat_purchase_ratio_state), {
			"v1 empty {}",
			"v1 int {1:3,2:2,3:1,4:1}",
			"v1 text {\"a\":1,\"a long customer key over 19 bytes\":3,\"b\\\"c\":2}",
			"v1 uuid {c4ca4238-a0b9-2382-0dcc-509a6f75849b:3,c81e728d-9d4c-2f63-6f06-7f89cc14862c:2}",
	NULL}},
	{IO(loyal_customer_rate_state), {
			"v1 empty {}",
			"v1 int min_orders=2 {1:3,2:2,3:1}",
			"v1 text min_orders=2 {\"1\":3,\"2\":2,\"3\":1,\"4\":1}",
	NULL}},
	{IO(purchase_frequency_state), {
			"v1 empty {}",
			"v1 int {-9223372036854775808:2,9223372036854775807:1}",
			"v1 uuid {c4ca4238-a0b9-2382-0dcc-509a6f75849b:3}",
	NULL}},
	{IO(time_between_purchases_state), {
			"v1 empty {}",
			"v1 int {1:3:757591200000000:760959000000000,2:2:757785600000000:762969600000000}",
			"v1 text {\"x\":1:10:10,\"y\":2:10:20}",
	NULL}},
	{IO(stickiness_state), {
			"v1 empty {}",
			"v1 int {1@2024-02-03:1,1@2024-02-04:1,2@2024-02-03:2}",
			"v1 text {\"u\"@2024-01-31:1,\"v\"@4713-01-01:2}",
			"v1 uuid {c4ca4238-a0b9-2382-0dcc-509a6f75849b@2000-01-01:3}",
	NULL}},
	{IO(return_rate_state), {
			"v1 sold=0 returned=0",
			"v1 sold=10 returned=3",
	NULL}},
	{IO(conversion_rate_state), {
			"v1 visitors=0 conversions=0",
			"v1 visitors=100 conversions=7",
	NULL}},
	{IO(dso_state), {
			"v1 receivables=0 credit_sales=0",
			"v1 receivables=5505000 credit_sales=6000000 period_start=2024-01-01 period_end=2024-02-01",
	NULL}},
	{IO(dso_tstz_state), {
			"v1 receivables=0 credit_sales=0",
			"v1 receivables=3505000 credit_sales=3000000 period_start=2024-01-01 period_end=2024-01-16T12:00:00",
			"v1 receivables=15000 credit_sales=15000 period_start=2024-01-01T00:00:00.250000 period_end=2024-02-01T12:30:00",
	NULL}},
	{IO(avg_days_to_pay_state), {
			"v1 paid_amount=0 amount_days=0",
			"v1 paid_amount=5255000 amount_days=55725000",
	NULL}},
	{IO(ar_aging_state), {
			"v1 invoices=0 current=0 days_1_30=0 days_31_60=0 days_61_90=0 days_over_90=0",
			"v1 invoices=11 current=11000000 days_1_30=5000000 days_31_60=9000000 days_61_90=13000000 days_over_90=8000000 as_of=2024-03-31 zone=none",
	NULL}},
	{IO(dso_countback_state), {
			"v1 invoices=0 receivables=0 sales_0=0 sales_1=0 sales_2=0 sales_3=0 sales_4=0 sales_5=0 sales_6=0 sales_7=0 sales_8=0 sales_9=0 sales_10=0 sales_11=0 sales_12=0 sales_13=0 sales_14=0 sales_15=0 sales_16=0 sales_17=0 sales_18=0 sales_19=0 sales_20=0 sales_21=0 sales_22=0 sales_23=0 sales_24=0 sales_25=0 sales_26=0 sales_27=0 sales_28=0 sales_29=0 sales_30=0 sales_31=0 sales_32=0 sales_33=0 sales_34=0 sales_35=0",
			"v1 invoices=6 receivables=8500000 sales_0=3000000 sales_1=3000000 sales_2=4000000 sales_3=3500000 sales_4=0 sales_5=0 sales_6=0 sales_7=0 sales_8=0 sales_9=0 sales_10=0 sales_11=0 sales_12=0 sales_13=0 sales_14=0 sales_15=0 sales_16=0 sales_17=0 sales_18=0 sales_19=0 sales_20=0 sales_21=0 sales_22=0 sales_23=0 sales_24=0 sales_25=0 sales_26=0 sales_27=0 sales_28=0 sales_29=0 sales_30=0 sales_31=0 sales_32=0 sales_33=0 sales_34=0 sales_35=0 as_of=2024-04-30 zone=6790a0a8402277dc",
	NULL}},
	{IO(best_possible_dso_state), {
			"v1 current_receivables=0 credit_sales=0",
			"v1 current_receivables=9000000 credit_sales=12000000 period_start=2024-03-01 period_end=2024-04-01 zone=none",
	NULL}},
	{IO(cei_state), {
			"v1 beginning_receivables=0 credit_sales=0 ending_receivables=0 ending_current_receivables=0",
			"v1 beginning_receivables=9000000 credit_sales=12000000 ending_receivables=11000000 ending_current_receivables=9000000 period_start=2024-03-01 period_end=2024-04-01 zone=none",
	NULL}},
	{IO(clv_summary_state), {
			"v1",
			"v1 form=date observed_until=1997-09-30 unit_days=7 total=93.34 first_amount=73.34 days=1997-01-01,1997-03-15",
			"v1 form=timestamptz observed_until=0 observed_day=2000-01-01 unit_days=7 total=5 first_amount=5 days=1999-12-31",
	NULL}},
	{IO(clv_fit_state), {
			"v1 bgnbd= gg=",
			"v1 bgnbd=0:0:29.43:1,0:0:32.71:1,1:7.57:33.29:1,5:27.14:31.14:1,18:27.57:27.57:1 gg=1:9.58:1,5:66.14:1,18:42.24:1",
	NULL}},
	{IO(clv_state), {
			"v1",
			"v1 key=int8 horizon_days=7 orders=1997-01-01:5:0000000000000001,1997-02-01:2.5:0000000000000001",
			"v1 key=text horizon_days=30.5 orders=1997-01-01:5:6162,1997-01-02:-1:",
			"v1 key=uuid horizon_days=7 orders=1997-01-01:5:c4ca4238a0b923820dcc509a6f75849b",
			"v2 key=int8 model=pareto_nbd horizon_days=182 orders=1997-01-01:5:0100000000000000,1997-02-01:2.5:0100000000000000",
	NULL}},
	{IO(cohort_retention_state), {
			"v1 empty {}",
			"v1 int period=1mon {1:3:757591200000000:111,2:2:758620800000000:11,3:1:759780000000000:1}",
			"v1 int period=43200000000us {3:1:759780000000000:001}",
			"v1 text period=7d {\"a\":2:0:1000000000000000000000000000000000000000000000000000000000000000000001}",
	NULL}},
	{IO(cohort_periods_state), {
			"v1 empty",
			"v1 mode=on | v1 int period=1mon {1:1:0:1}",
			"v1 mode=on_or_after observed_until=8947d | v1 int period=1mon {1:2:757382400000000:101}",
	NULL}},
	{IO(cohort_retention_brackets_state), {
			"v1 brackets=0:0:0,0:7:0,0:9:0 | v1 int period=1us {1:2:0:101}",
			"v1 brackets=0:0:0,0:7:0,0:30:0 | v1 int period=1us {1:4:757382400000000:111,2:2:757555200000000:101}",
	NULL}},
	{IO(recurring_retention_state), {
			"v1 | v1 int period=1mon {1:3:757382400000000:1101,2:1:757382400000000:01}",
			"v1 | v1 text period=7d zone=UTC {\"u\":2:757382400000000:101}",
	NULL}},
	{IO(returning_customer_rate_state), {
			"v1 empty period=daterange[2024-01-01,2024-03-01) {}",
			"v1 int period=daterange[2024-02-01,2024-03-01) {5:1:760924800000000:760924800000000}",
			"v1 text period=tstzrange[2024-02-01,2024-03-01) {\"a\":2:757764000000000:760579200000000,\"b\":1:760752000000000:760752000000000}",
	NULL}},
	{IO(window_funnel_state), {
			"v1 {}",
			"v1 window=1000000us steps=2 {0:1,5:2}",
			"v1 window=3600000000us steps=3 {757418400000000:1,757419600000000:2,757421400000000:4}",
	NULL}},
	{IO(trial_conversion_rate_state), {
			"v1 trials=3 converted=1 within_months=0 within_days=14 within_usecs=0",
			"v1 trials=1 converted=1 within_months=1 within_days=0 within_usecs=0",
	NULL}},
	{IO(arpa_state), {
			"v1 key=int 1=1.0000",
			"v1 key=text \"x\"=11.7500 \"y\"=3.0000",
			"v1 key=uuid c4ca4238-a0b9-2382-0dcc-509a6f75849b=10.5000 c81e728d-9d4c-2f63-6f06-7f89cc14862c=3.0000",
	NULL}},
	{IO(mrr_movements_state), {
			"v1 grain=month key=int 1=2024-01:1.0000",
			"v1 grain=month key=text \"x\"=2024-01:10.0000,2024-02:12.0000 \"y\"=2024-02:5.0000",
	NULL}},
	{IO(cohort_revenue_retention_state), {
			"v1 retention=net key=int 1@2024-01=0:10.0000,2:12.0000 2@2024-02=0:5.0000",
			"v1 retention=net key=int 1@2024-01=0:1.0000",
	NULL}},
	{IO(sbg_fit_state), {
			"v1 0:1000/1 1:631/1 2:468/1 3:382/1",
	NULL}},
	{IO(bgbb_fit_state), {
			"v1 0,0,6:3464/1 2,5,6:85/1 5,6,6:728/1 6,6,6:1203/1",
	NULL}},
};

static const FuzzType *target;
static bool binary;

/* What the current call is doing, for the message when it fails. */
static const char *volatile phase;

/* Call an I/O function the way the server does (fmgr, no collation). */
static Datum
call_io(PGFunction fn, Datum arg, int nargs)
{
	LOCAL_FCINFO(fcinfo, 3);
	Datum		result;

	InitFunctionCallInfoData(*fcinfo, NULL, nargs, InvalidOid, NULL, NULL);
	fcinfo->args[0].value = arg;
	fcinfo->args[0].isnull = false;
	/* input and receive also get the type's I/O parameter and typmod -1 */
	fcinfo->args[1].value = ObjectIdGetDatum(InvalidOid);
	fcinfo->args[1].isnull = false;
	fcinfo->args[2].value = Int32GetDatum(-1);
	fcinfo->args[2].isnull = false;
	result = fn(fcinfo);
	if (fcinfo->isnull)
		fuzz_die(psprintf("%s: an I/O function returned NULL", phase));
	return result;
}

static Datum
parse_text(const char *s)
{
	return call_io(target->in, CStringGetDatum(s), 3);
}

/* Receive from bytes as a COPY BINARY field or a Bind parameter would. */
static Datum
parse_binary(const char *bytes, int len)
{
	StringInfoData buf;
	Datum		result;

	/* the server hands the receive function a NUL-terminated copy */
	buf.data = palloc(len + 1);
	memcpy(buf.data, bytes, len);
	buf.data[len] = '\0';
	buf.len = len;
	buf.maxlen = len + 1;
	buf.cursor = 0;
	result = call_io(target->recv, PointerGetDatum(&buf), 3);
	/* the caller's check (ReceiveFunctionCall's callers, record_recv) */
	if (buf.cursor != buf.len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("incorrect binary data format")));
	return result;
}

static char *
print(Datum value)
{
	return DatumGetCString(call_io(target->out, value, 1));
}

static bytea *
send(Datum value)
{
	return DatumGetByteaPP(call_io(target->send, value, 1));
}

/* Is an error from the parser a clean rejection of bad data? */
static bool
clean_rejection(int code)
{
	return ERRCODE_TO_CATEGORY(code) == ERRCODE_DATA_EXCEPTION ||
		code == ERRCODE_PROGRAM_LIMIT_EXCEEDED;
}

/* An accepted value must print, send and read back to the same thing. */
static void
check_round_trip(Datum value)
{
	char	   *text1,
			   *text2;
	bytea	   *bin1,
			   *bin2,
			   *bin3;

	phase = "printing the accepted value";
	text1 = print(value);
	phase = "sending the accepted value";
	bin1 = send(value);
	phase = "reading back the printed value";
	text2 = print(parse_text(text1));
	if (strcmp(text1, text2) != 0)
		fuzz_die(psprintf("text round trip: \"%s\" reads back as \"%s\"", text1, text2));
	bin2 = send(parse_text(text1));
	phase = "receiving the sent value";
	bin3 = send(parse_binary(VARDATA_ANY(bin1), VARSIZE_ANY_EXHDR(bin1)));
	if (VARSIZE_ANY(bin1) != VARSIZE_ANY(bin2) || VARSIZE_ANY(bin1) != VARSIZE_ANY(bin3) ||
		memcmp(bin1, bin2, VARSIZE_ANY(bin1)) != 0 ||
		memcmp(bin1, bin3, VARSIZE_ANY(bin1)) != 0)
		fuzz_die(psprintf("binary round trip of \"%s\": the send forms differ", text1));
}

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
write_seeds(const char *dir)
{
	sigjmp_buf	jump;
	Datum		value;
	int			i;

	for (i = 0; target->seeds[i]; i++)
	{
		char		path[4096];
		FILE	   *f;
		const char *bytes = target->seeds[i];
		size_t		len = strlen(bytes);

		fuzz_error_jump = &jump;
		if (sigsetjmp(jump, 0) != 0)
		{
			fprintf(stderr, "seed \"%s\" of %s is rejected: %s (%s)\n",
					target->seeds[i], target->name, fuzz_message,
					fuzz_sqlstate_text(fuzz_sqlstate));
			exit(1);
		}
		phase = "parsing a seed";
		value = parse_text(bytes);	/* every seed must be valid */
		if (binary)
		{
			bytea	   *b = send(value);

			bytes = VARDATA_ANY(b);
			len = VARSIZE_ANY_EXHDR(b);
		}
		snprintf(path, sizeof(path), "%s/seed%d", dir, i);
		f = fopen(path, "wb");
		if (f == NULL || fwrite(bytes, 1, len, f) != len || fclose(f) != 0)
		{
			perror(path);
			exit(1);
		}
		fuzz_error_jump = NULL;
		fuzz_reset_memory();
	}
	exit(0);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *name = getenv("RET_FUZZ_TARGET");
	const char *seeds = getenv("RET_FUZZ_SEEDS");
	int			i;

	if (getenv("RET_FUZZ_LIST"))
	{
		for (i = 0; i < (int) lengthof(types); i++)
			printf("%s_in\n%s_recv\n", types[i].name, types[i].name);
		exit(0);
	}
	for (i = 0; name && i < (int) lengthof(types); i++)
	{
		size_t		n = strlen(types[i].name);

		if (strncmp(name, types[i].name, n) != 0)
			continue;
		if (strcmp(name + n, "_in") == 0 || strcmp(name + n, "_recv") == 0)
		{
			target = &types[i];
			binary = name[n + 1] == 'r';
			break;
		}
	}
	if (target == NULL)
	{
		fprintf(stderr, "set RET_FUZZ_TARGET to <type>_in or <type>_recv (RET_FUZZ_LIST=1 lists them)\n");
		exit(2);
	}
	if (seeds)
		write_seeds(seeds);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sigjmp_buf	jump;
	Datum		value;

	if (size > 1024 * 1024)
		return -1;				/* keep inputs small; nothing needs more */
	fuzz_error_jump = &jump;
	phase = "parsing the input";
	if (sigsetjmp(jump, 0) == 0)
	{
		if (binary)
			value = parse_binary((const char *) data, (int) size);
		else
		{
			/* a cstring: the server's input stops at the first NUL too */
			char	   *s = palloc(size + 1);

			memcpy(s, data, size);
			s[size] = '\0';
			value = parse_text(s);
		}
		check_round_trip(value);
	}
	else
	{
		if (strcmp(phase, "parsing the input") != 0)
			fuzz_die(psprintf("%s of %s failed with %s: %s (at %s)", phase, target->name,
							  fuzz_sqlstate_text(fuzz_sqlstate), fuzz_message,
							  fuzz_error_where));
		if (!clean_rejection(fuzz_sqlstate))
			fuzz_die(psprintf("%s rejected its input with SQLSTATE %s, not a data exception: %s (at %s)",
							  target->name, fuzz_sqlstate_text(fuzz_sqlstate), fuzz_message,
							  fuzz_error_where));
	}
	fuzz_error_jump = NULL;
	fuzz_reset_memory();
	return 0;
}
