#!/usr/bin/env bash
# tools/test --deep: libFuzzer on the extension's own parsers, outside the
# server (test/libfuzzer/): the text input and binary receive function of
# every state type, each for a fixed number of runs (RET_FUZZ_RUNS,
# 600000 by default: about 2-3 minutes on 2 busy cores with the build), with
# AddressSanitizer and UBSan.  One test per parser; on a failure the input
# (hex) and the top of the report are printed.  Needs no server.
. "$(dirname "$0")/../sh/tap.bash"
TOP=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${RET_FUZZ_RUNS:-600000}

# A clang whose -fsanitize=fuzzer links (clang plus libclang-rt).
fuzz_clang() {
	local c probe
	probe=$(mktemp -d "${TMPDIR:-/tmp}/retention-probe.XXXXXX")
	for c in clang clang-14; do
		command -v "$c" >/dev/null || continue
		echo 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { return 0; }' >"$probe/p.c"
		if "$c" -fsanitize=fuzzer,address,undefined "$probe/p.c" -o "$probe/p" 2>/dev/null; then
			rm -rf "$probe"
			echo "$c"
			return 0
		fi
	done
	rm -rf "$probe"
	return 1
}

CLANG=$(fuzz_clang)
if [ -z "$CLANG" ] && [ "$(id -u)" -eq 0 ]; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang-14 libclang-rt-14-dev >&2 ||
		{ apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang-14 libclang-rt-14-dev >&2; }
	CLANG=$(fuzz_clang)
fi
if [ -z "$CLANG" ]; then
	echo "1..0 # SKIP clang with libFuzzer is not installed (tools/test --deep installs clang-14 libclang-rt-14-dev as root)"
	exit 0
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/retention-libfuzzer.XXXXXX")
cleanup() { [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT
BIN=$WORK/build/fuzz_parsers

if ! out=$(nice -n 19 make -s -C "$TOP/test/libfuzzer" BUILD="$WORK/build" CLANG="$CLANG" -j2 2>&1); then
	plan 1
	ok 1 "the harness builds ($CLANG)"
	printf '%s\n' "$out" | tail -20 | sed 's/^/#   /'
	exit 0
fi
targets=$(RET_FUZZ_LIST=1 "$BIN")
plan $(($(printf '%s\n' "$targets" | wc -l) + 1))
ok 0 "the harness builds ($CLANG)"

for t in $targets; do
	dir=$WORK/$t
	mkdir -p "$dir/corpus"
	if ! seeds=$(RET_FUZZ_TARGET=$t RET_FUZZ_SEEDS=$dir/corpus "$BIN" 2>&1); then
		ok 1 "$t: seeds"
		printf '%s\n' "$seeds" | sed 's/^/#   /'
		continue
	fi
	start=$SECONDS
	# -timeout: a parse that takes seconds on a small input is a failure too
	(cd "$dir" && RET_FUZZ_TARGET=$t nice -n 19 "$BIN" -runs="$RUNS" -max_len=4096 \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/" \
		corpus >log 2>&1)
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log")
	ok $rc "$t: ${execs:-?} inputs in $((SECONDS - start)) s, every one rejected with a data exception or read back exactly"
	if [ $rc -ne 0 ]; then
		for f in "$dir"/crash-* "$dir"/leak-* "$dir"/timeout-* "$dir"/oom-*; do
			[ -f "$f" ] || continue
			diag "reproducer ($(basename "$f"), hex): $(od -An -v -tx1 "$f" | tr -d ' \n' | head -c 2000)"
			diag "replay: RET_FUZZ_TARGET=$t $BIN <file> (KEEP=1 keeps $WORK)"
		done
		grep -E -m 12 'fuzz harness|runtime error|ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)|^ *#[0-9] |SUMMARY' "$dir/log" |
			sed 's/^/#   /'
	fi
done
