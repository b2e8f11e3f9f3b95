# tools/lib.sh: the set-up shared by tools/demo, tools/test and tools/bench.
# Sourced, not run.  It installs what is missing (Debian packages), builds and
# installs the extension, and runs a private PostgreSQL 15 cluster: owned by
# an unprivileged user (PostgreSQL refuses to run as root), in a private
# directory, listening only on a Unix socket in that directory.

# RET_PGROOT, when set, names a private copy of the PostgreSQL 15 tree (see
# make_pgroot): the extension is then built against and installed into that
# copy, so several work trees can be tested side by side on one machine.
PG_BIN=${RET_PGROOT:-}/usr/lib/postgresql/15/bin
export PATH="$PG_BIN:$PATH"
PACKAGES="postgresql-15 postgresql-server-dev-15 postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl make gcc"
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RET_PORT=${RET_PORT:-54329}

log() { printf '==> %s\n' "$*" >&2; }

# Install the Debian packages that are not installed yet (as root only).
ensure_packages() {
	local missing="" p
	for p in $PACKAGES "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		log "missing packages:$missing (run as root, or install them)"
		return 1
	fi
	log "installing$missing"
	apt-get update -qq >&2 &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2
}

# With RET_PGROOT, copy into the private tree the files that Debian packages
# installed into the system PostgreSQL after the copy was made (pg_cron, say):
# only what is missing, never our own extension.
sync_pgroot() {
	[ -n "${RET_PGROOT:-}" ] || return 0
	local p f
	for p in "$@"; do
		for f in $(dpkg-query -L "$p" 2>/dev/null); do
			case $f in /usr/lib/postgresql/15/* | /usr/share/postgresql/15/*) ;; *) continue ;; esac
			[ -f "$f" ] && [ ! -e "$RET_PGROOT$f" ] || continue
			mkdir -p "$(dirname "$RET_PGROOT$f")" && cp -a "$f" "$RET_PGROOT$f" || return 1
		done
	done
	return 0
}

# Build and install the extension with PGXS.
build_install() {
	log "building and installing the extension"
	make -C "$TOP" -s PG_CONFIG="$PG_BIN/pg_config" >&2 &&
		make -C "$TOP" -s install PG_CONFIG="$PG_BIN/pg_config" >/dev/null
}

# Copy the installed PostgreSQL 15 (binaries, share, headers, PGXS) into
# $1: PostgreSQL finds its files relative to its binaries, so the copy is a
# complete private installation.  Use it with RET_PGROOT=$1.
make_pgroot() {
	local root=$1
	mkdir -p "$root/usr/lib/postgresql" "$root/usr/share/postgresql" "$root/usr/include"
	cp -a /usr/lib/postgresql/15 "$root/usr/lib/postgresql/"
	cp -a /usr/share/postgresql/15 "$root/usr/share/postgresql/"
	cp -a /usr/include/postgresql "$root/usr/include/"
}

# Run a command as the cluster's owner: the unprivileged "postgres" user when
# we are root, ourselves otherwise.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# Start a private cluster in a new directory; sets PGHOST, PGPORT, PGUSER,
# RET_DIR, and stops it again when the calling script exits (unless KEEP=1).
start_cluster() {
	local purpose=$1
	RET_DIR=$(mktemp -d "${TMPDIR:-/tmp}/retention-$purpose.XXXXXX")
	chmod 700 "$RET_DIR"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$RET_DIR"
	log "starting a private PostgreSQL 15 in $RET_DIR (socket only, port $RET_PORT)"
	as_owner "$PG_BIN/initdb" -D "$RET_DIR/data" -U postgres -A trust --no-sync >/dev/null || return 1
	cat >>"$RET_DIR/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$RET_DIR'
port = $RET_PORT
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 512MB
work_mem = 64MB
maintenance_work_mem = 512MB
max_parallel_workers_per_gather = 2
max_wal_size = 4GB
CONF
	if [ -n "${RET_CRON_DB:-}" ] && [ ! -f "$("$PG_BIN/pg_config" --pkglibdir)/pg_cron.so" ]; then
		log "RET_CRON_DB is set but pg_cron is not installed (Debian: postgresql-15-cron)"
		return 1
	fi
	as_owner "$PG_BIN/pg_ctl" -D "$RET_DIR/data" -l "$RET_DIR/server.log" -w start >/dev/null || {
		cat "$RET_DIR/server.log" >&2
		return 1
	}
	export PGHOST=$RET_DIR PGPORT=$RET_PORT PGUSER=postgres PGDATABASE=postgres
	[ "${KEEP:-0}" = 1 ] || trap stop_cluster EXIT
	# RET_CRON_DB (tools/test sets it): preload pg_cron, its metadata and
	# launcher in that database; jobs connect back over the private socket.
	# The database is created first and pg_cron loaded by a restart: a
	# launcher started before its database exists exits, and on a loaded
	# machine it was seen never to schedule the job afterwards.
	if [ -n "${RET_CRON_DB:-}" ]; then
		psql -X -q -d postgres -c "CREATE DATABASE $RET_CRON_DB" >/dev/null || return 1
		cat >>"$RET_DIR/data/postgresql.conf" <<CONF
shared_preload_libraries = 'pg_cron'
cron.database_name = '$RET_CRON_DB'
cron.host = '$RET_DIR'
CONF
		as_owner "$PG_BIN/pg_ctl" -D "$RET_DIR/data" -l "$RET_DIR/server.log" -w restart >/dev/null || {
			cat "$RET_DIR/server.log" >&2
			return 1
		}
	fi
}

stop_cluster() {
	[ -n "${RET_DIR:-}" ] && [ -d "$RET_DIR/data" ] || return 0
	log "stopping the private PostgreSQL"
	as_owner "$PG_BIN/pg_ctl" -D "$RET_DIR/data" -m fast -w stop >/dev/null 2>&1
	rm -rf "$RET_DIR"
	RET_DIR=
}

# Everything a command needs before it talks to the server.
# Arguments: further Debian packages the command needs.
setup() {
	ensure_packages "$@" && sync_pgroot "$@" && build_install && start_cluster "$PURPOSE"
}
