#!/usr/bin/env bash
# PostgreSQL and Redis for `make dev` and `make test` on a Debian or Ubuntu machine: the one
# place that knows how to provide them. `.ci/run` runs it; the preflight of `make dev` and
# `make test` names it when a store does not answer.
#
#   tools/dev/stores.sh               install what is missing, start what is stopped, wait for both
#   tools/dev/stores.sh --disposable  the same, tuned for throwaway data (CI): no fsync, no Redis saves
#   tools/dev/stores.sh --status      say what answers and what is missing; change nothing
#
# Idempotent: on a machine where both already answer it installs and starts nothing.
# Both listen on loopback only (127.0.0.1 and ::1), on their default ports 5432 and 6379.
# PostgreSQL gets the role the tests and `make dev` log in as: `whatif` (password `whatif`,
# may create databases, not a superuser), matching the catalog's default DATABASE_URL.
set -euo pipefail

readonly postgres_port=5432
readonly redis_port=6379
readonly role=whatif
readonly role_password=whatif
readonly wait_seconds=30

mode=ensure
disposable=false
for argument in "$@"; do
  case "$argument" in
    --disposable) disposable=true ;;
    --status) mode=status ;;
    -h | --help)
      sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "stores.sh: unknown argument '$argument' (try --help)" >&2
      exit 2
      ;;
  esac
done

say() { printf 'stores: %s\n' "$*"; }
fail() {
  printf 'stores: %s\n' "$*" >&2
  exit 1
}

# as_root, ensure_debian_packages, stop_packaged_service
# shellcheck source=tools/dev/lib/debian-packages.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/debian-packages.sh"

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -u postgres "$@"
  else
    fail "needs to act as the postgres user for: $* (run this script as root, or install sudo)"
  fi
}

# A TCP connect to loopback, with bash's own /dev/tcp, so no client tools are needed to ask.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

redis_answers() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$redis_port; printf 'PING\r\n' >&3; IFS= read -r reply <&3; [[ \$reply == '+PONG'* ]]" 2>/dev/null
}

postgres_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p "$postgres_port" -t 2
  else
    port_open "$postgres_port"
  fi
}

role_logs_in() {
  command -v psql >/dev/null 2>&1 || return 1
  PGPASSWORD=$role_password PGCONNECT_TIMEOUT=3 psql -X -q -w -h 127.0.0.1 -p "$postgres_port" \
    -U "$role" -d postgres -c 'SELECT 1' >/dev/null 2>&1
}

has_systemd() { [ -d /run/systemd/system ]; }

install_packages() {
  ensure_debian_packages --elsewhere "Install PostgreSQL and Redis your way, on 127.0.0.1:$postgres_port and :$redis_port, with a role '$role' (password '$role_password', CREATEDB)." \
    "$@"
}

wait_for() {
  local what=$1 check=$2 waited=0
  until "$check"; do
    if [ "$waited" -ge $((wait_seconds * 4)) ]; then
      fail "$what did not answer within ${wait_seconds} s"
    fi
    sleep 0.25
    waited=$((waited + 1))
  done
}

# --- PostgreSQL -------------------------------------------------------------------------------

postgres_server_installed() { compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; }

# The cluster on our port, as "version name", from Debian's postgresql-common.
postgres_cluster() {
  pg_lsclusters --no-header 2>/dev/null | awk -v port="$postgres_port" '$3 == port { print $1, $2; exit }'
}

start_postgres() {
  postgres_server_installed || install_packages postgresql
  local cluster
  cluster=$(postgres_cluster)
  if [ -z "$cluster" ]; then
    local version
    version=$(basename "$(dirname "$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/postgres' | sort -V | tail -n 1)")")")
    say "creating PostgreSQL $version cluster 'main' on port $postgres_port"
    as_root pg_createcluster "$version" main --port "$postgres_port" >/dev/null
    cluster="$version main"
  fi
  say "starting PostgreSQL cluster $cluster"
  if has_systemd; then
    as_root systemctl start "postgresql@${cluster/ /-}"
  else
    # shellcheck disable=SC2086 # "version name" is two arguments
    as_root pg_ctlcluster $cluster start
  fi
  wait_for PostgreSQL postgres_answers
}

ensure_role() {
  role_logs_in && return 0
  say "creating the PostgreSQL role '$role' (CREATEDB, password '$role_password')"
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$postgres_port" -d postgres <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN CREATEDB PASSWORD '$role_password';
  ELSE
    ALTER ROLE $role LOGIN CREATEDB PASSWORD '$role_password';
  END IF;
END
\$\$;
SQL
  role_logs_in || fail "the role '$role' still cannot log in over 127.0.0.1:$postgres_port; check pg_hba.conf allows password (scram-sha-256 or md5) logins from 127.0.0.1"
}

tune_postgres_for_disposable_data() {
  # Test runs create and drop hundreds of databases; each waits for a checkpoint's fsync.
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$postgres_port" -d postgres >/dev/null <<'SQL'
ALTER SYSTEM SET fsync = off;
ALTER SYSTEM SET synchronous_commit = off;
ALTER SYSTEM SET full_page_writes = off;
SELECT pg_reload_conf();
SQL
  say "PostgreSQL tuned for disposable data (fsync, synchronous_commit and full_page_writes off)"
}

# --- Redis ------------------------------------------------------------------------------------

start_redis() {
  command -v redis-server >/dev/null 2>&1 || install_packages redis-server
  # Installing starts Debian's service where an init system runs; give it a moment to answer.
  local waited=0
  while [ "$waited" -lt 8 ] && ! redis_answers; do
    sleep 0.25
    waited=$((waited + 1))
  done
  redis_answers && return 0
  say "starting Redis on 127.0.0.1:$redis_port"
  if has_systemd; then
    as_root systemctl start redis-server
  elif [ -x /etc/init.d/redis-server ] && [ -f /etc/redis/redis.conf ]; then
    as_root /etc/init.d/redis-server start >/dev/null
  else
    as_root redis-server --bind 127.0.0.1 -::1 --port "$redis_port" --daemonize yes \
      --save '' --appendonly no --logfile /tmp/whatif-redis.log --pidfile /tmp/whatif-redis.pid
  fi
  wait_for Redis redis_answers
}

tune_redis_for_disposable_data() {
  if command -v redis-cli >/dev/null 2>&1; then
    redis-cli -h 127.0.0.1 -p "$redis_port" CONFIG SET save '' >/dev/null
    redis-cli -h 127.0.0.1 -p "$redis_port" CONFIG SET appendonly no >/dev/null
    say "Redis tuned for disposable data (no snapshots, no append-only file)"
  fi
}

# --- status -----------------------------------------------------------------------------------

status() {
  local missing=0
  if postgres_answers; then
    if role_logs_in; then
      say "PostgreSQL answers on 127.0.0.1:$postgres_port and role '$role' logs in"
    elif command -v psql >/dev/null 2>&1; then
      say "PostgreSQL answers on 127.0.0.1:$postgres_port but role '$role' cannot log in"
      missing=1
    else
      say "PostgreSQL answers on 127.0.0.1:$postgres_port (no psql here to check role '$role')"
    fi
  else
    say "PostgreSQL does not answer on 127.0.0.1:$postgres_port"
    missing=1
  fi
  if redis_answers; then
    say "Redis answers on 127.0.0.1:$redis_port"
  else
    say "Redis does not answer on 127.0.0.1:$redis_port"
    missing=1
  fi
  if [ "$missing" -ne 0 ]; then
    say "provide them with: $(if [ "$(id -u)" -ne 0 ]; then printf 'sudo '; fi)$0"
  fi
  return "$missing"
}

if [ "$mode" = status ]; then
  status
  exit $?
fi

if postgres_answers; then
  say "PostgreSQL already answers on 127.0.0.1:$postgres_port"
else
  start_postgres
fi
ensure_role
if redis_answers; then
  say "Redis already answers on 127.0.0.1:$redis_port"
else
  start_redis
fi
if [ "$disposable" = true ]; then
  tune_postgres_for_disposable_data
  tune_redis_for_disposable_data
fi
say "ready: postgres://$role:***@127.0.0.1:$postgres_port and redis://127.0.0.1:$redis_port"
