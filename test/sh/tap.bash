# test/sh/tap.bash: TAP output for the shell tests in test/sh/ (sourced).
# tools/test runs every test/sh/*.sh with prove against its private
# cluster (PGHOST, PGPORT, PGUSER=postgres are set); the scripts create
# and drop their own databases and roles.
set -u
_tap_n=0

# psql as the superuser, or as another role with -U; no psqlrc, stop on error.
sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

plan() { echo "1..$1"; }
diag() { printf '# %s\n' "$@"; }

# ok <exit status> <description>; returns the status, so that
# "ok $? description || diag ..." prints its diagnostics on a failure.
ok() {
	_tap_n=$((_tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_tap_n - $2"
	else
		echo "not ok $_tap_n - $2"
		return 1
	fi
}

# is <got> <expected> <description>: equal strings, or a diff.
is() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diff <(printf '%s\n' "$2") <(printf '%s\n' "$1") | sed 's/^/#   /' | head -40
	fi
}

# like <got> <extended regex> <description>
like() {
	if printf '%s' "$1" | grep -Eq -- "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '%s\n' "$1" | head -20 | sed 's/^/#   got: /'
	fi
}
