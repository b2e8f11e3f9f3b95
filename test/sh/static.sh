#!/usr/bin/env bash
# Static analysis of src/*.c: cppcheck (warning, portability and
# performance checks, with PostgreSQL's server headers) and clang-tidy (the
# checks in .clang-tidy: clang-analyzer-* and bugprone-* minus the noisy
# ones, warnings as errors).  Every finding fails the test; a finding that
# is wrong is suppressed where it occurs, with a comment saying why
# (NOLINT(check) for clang-tidy, cppcheck-suppress for cppcheck).
#
# Both take about a minute on two cores, so a pass is remembered under
# ${RET_CACHE:-~/.cache/retention}/static, keyed by the hash of the sources,
# the configuration, the headers and the tool versions: the analysis reruns
# whenever any of them changes (always on a fresh machine).
. "$(dirname "$0")/tap.bash"
plan 2
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 1
PGINC=$(pg_config --includedir-server)
CACHE=${RET_CACHE:-${HOME:-/tmp}/.cache/retention}/static

run() {	# run <tool> <command>: ok if it passes (or passed on these inputs)
	local name=$1 key out rc
	shift
	if ! command -v "$name" >/dev/null; then
		echo "ok $((_tap_n += 1)) # SKIP $name is not installed (tools/test installs it as root)"
		return
	fi
	key=$( { cat src/*.c src/*.h .clang-tidy test/sh/static.sh; "$name" --version; echo "$PGINC"; cat "$PGINC/pg_config.h"; } 2>&1 | sha256sum | cut -c1-32)
	if [ -f "$CACHE/$name-$key" ]; then
		ok 0 "$name: no findings (cached: these sources passed before)"
		return
	fi
	out=$("$@" 2>&1)
	rc=$?
	ok $rc "$name: no findings"
	if [ $rc -eq 0 ]; then
		mkdir -p "$CACHE" && touch "$CACHE/$name-$key"
	else
		printf '%s\n' "$out" | grep -E 'error|warning|style|portability|performance' | head -40 | sed 's/^/#   /'
	fi
}

cppcheck_all() {
	cppcheck -j2 --max-configs=1 --quiet --inline-suppr --std=c99 \
		--enable=warning,portability,performance --suppress=missingIncludeSystem \
		-D__GNUC__ -I "$PGINC" -I src --error-exitcode=1 \
		--template='{file}:{line}: {severity}: {id}: {message}' src/*.c
}
clang_tidy_all() {
	printf '%s\n' src/*.c | xargs -P2 -I{} clang-tidy --quiet {} -- -I"$PGINC" -Isrc -std=gnu99 -D_GNU_SOURCE
}
run cppcheck cppcheck_all
run clang-tidy clang_tidy_all
