/*-------------------------------------------------------------------------
 *
 * fuzz_stubs.h
 *	  What backend_stubs.c shares with the libFuzzer harness: the jump
 *	  target of ereport(ERROR), the error it recorded, and the memory reset
 *	  between inputs.
 *
 *-------------------------------------------------------------------------
 */
#ifndef FUZZ_STUBS_H
#define FUZZ_STUBS_H

#include <setjmp.h>

/* Where ereport(ERROR) jumps; NULL outside a call (an error there aborts). */
extern sigjmp_buf *fuzz_error_jump;

/* The last error: its SQLSTATE (MAKE_SQLSTATE form), message and source. */
extern int	fuzz_sqlstate;
extern char fuzz_message[1024];
extern const char *fuzz_error_where;

/* The SQLSTATE as its five characters (a static buffer). */
extern const char *fuzz_sqlstate_text(int code);

/* Free everything palloc'd since the last reset. */
extern void fuzz_reset_memory(void);

/* Print what went wrong and abort: libFuzzer saves the input. */
extern void fuzz_die(const char *what) pg_attribute_noreturn();

#endif							/* FUZZ_STUBS_H */
