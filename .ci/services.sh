#!/usr/bin/env bash
# Makes sure a real PostgreSQL and Redis answer on 127.0.0.1:5432 and
# 127.0.0.1:6379, as `npm run test:services` expects:
#
#   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres
#   REDIS_URL=redis://127.0.0.1:6379
#
# For each service: if it already answers, it is used as it is. Otherwise the
# locally installed server is started, and if none is installed it is installed
# with apt-get first (root or password-less sudo needed for that).
# Exits non-zero, saying why, when a service still cannot be reached.
#
# Run it directly (`bash .ci/services.sh`) or source it and call
# `ci_ensure_services` (the functions use `return`, never `exit`).
#
# Settings (environment): CI_SERVICES_WAIT_SECONDS (default 30).

set -euo pipefail

CI_PG_HOST=127.0.0.1
CI_PG_PORT=5432
CI_PG_USER=postgres
CI_PG_DB=postgres
CI_REDIS_HOST=127.0.0.1
CI_REDIS_PORT=6379
CI_DATABASE_URL="postgresql://${CI_PG_USER}@${CI_PG_HOST}:${CI_PG_PORT}/${CI_PG_DB}"
CI_REDIS_URL="redis://${CI_REDIS_HOST}:${CI_REDIS_PORT}"
CI_SERVICES_WAIT_SECONDS="${CI_SERVICES_WAIT_SECONDS:-30}"

_ci_apt_updated=false

_ci_log() { printf '[services] %s\n' "$*"; }
_ci_err() { printf '[services] ERROR: %s\n' "$*" >&2; }

# Runs a command as root: directly when we are root, else through sudo -n.
_ci_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    _ci_err "need root (or password-less sudo) to run: $*"
    return 1
  fi
}

_ci_apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    _ci_err "apt-get is not available; install $* by hand"
    return 1
  fi
  if [ "$_ci_apt_updated" = false ]; then
    _ci_log "apt-get update"
    _ci_as_root apt-get update -qq || return 1
    _ci_apt_updated=true
  fi
  _ci_log "apt-get install $*"
  _ci_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" || return 1
}

# True when something accepts TCP connections on host:port (no client tools needed).
_ci_port_open() {
  # shellcheck disable=SC2016 # expanded by the inner bash, from its arguments
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

# Waits (bounded) until "$@" succeeds.
_ci_wait_for() {
  local what=$1
  shift
  local deadline=$((SECONDS + CI_SERVICES_WAIT_SECONDS))
  while ! "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      _ci_err "$what did not become reachable within ${CI_SERVICES_WAIT_SECONDS}s"
      return 1
    fi
    sleep 1
  done
}

_ci_pg_latest_version() {
  [ -d /etc/postgresql ] || return 0
  find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort -V | tail -1
}

_ci_pg_isready() { pg_isready -q -h "$CI_PG_HOST" -p "$CI_PG_PORT" -t 2; }

_ci_psql_tcp() { PGCONNECT_TIMEOUT=5 psql "$CI_DATABASE_URL" -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"; }

_ci_psql_local_as_postgres() {
  if [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- psql -X -q -t -A -p "$CI_PG_PORT" -c "$1"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n -u postgres psql -X -q -t -A -p "$CI_PG_PORT" -c "$1"
  else
    return 1
  fi
}

# A cluster we created ourselves (fresh install on a CI machine) gets Debian's
# default pg_hba.conf, which asks for a password over TCP; the test URL has none.
_ci_pg_trust_loopback() {
  local version=$1 hba
  hba="/etc/postgresql/${version}/main/pg_hba.conf"
  [ -f "$hba" ] || return 0
  if ! grep -Eq '^host[[:space:]]+all[[:space:]]+postgres[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
    _ci_log "allowing password-less TCP login for postgres from 127.0.0.1 (throwaway cluster)"
    _ci_as_root sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
  fi
}

ci_ensure_postgres() {
  local installed_here=false version

  if _ci_port_open "$CI_PG_HOST" "$CI_PG_PORT"; then
    _ci_log "PostgreSQL: something already listens on ${CI_PG_HOST}:${CI_PG_PORT}"
    if ! command -v psql >/dev/null 2>&1 || ! command -v pg_isready >/dev/null 2>&1; then
      _ci_apt_install postgresql-client || return 1
    fi
  else
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(_ci_pg_latest_version)" ]; then
      _ci_log "PostgreSQL: not running and not installed"
      _ci_apt_install postgresql || return 1
      installed_here=true
    fi
    version=$(_ci_pg_latest_version)
    if [ -z "$version" ]; then
      _ci_err "PostgreSQL: no version found under /etc/postgresql after installing"
      return 1
    fi
    if [ ! -d "/etc/postgresql/${version}/main" ]; then
      _ci_log "PostgreSQL ${version}: creating cluster 'main'"
      _ci_as_root pg_createcluster "$version" main || return 1
      installed_here=true
    fi
    if [ "$installed_here" = true ]; then _ci_pg_trust_loopback "$version" || return 1; fi
    _ci_log "PostgreSQL ${version}: starting cluster 'main'"
    # The package's own start-up may already have started it: only the wait below decides.
    _ci_as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start ||
      _ci_log "PostgreSQL ${version}: pg_ctlcluster start failed (already running?); waiting anyway"
    if [ "$installed_here" = true ]; then
      # In case the package had already started it with the old pg_hba.conf.
      _ci_as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload >/dev/null 2>&1 || true
    fi
  fi

  _ci_log "PostgreSQL: waiting (up to ${CI_SERVICES_WAIT_SECONDS}s) for pg_isready -h ${CI_PG_HOST} -p ${CI_PG_PORT}"
  _ci_wait_for "PostgreSQL on ${CI_PG_HOST}:${CI_PG_PORT}" _ci_pg_isready || return 1

  local server_version errors
  errors=$(mktemp)
  if server_version=$(_ci_psql_tcp 'SHOW server_version' 2>"$errors"); then
    rm -f "$errors"
    _ci_log "PostgreSQL ready: ${CI_DATABASE_URL} (server ${server_version})"
    return 0
  fi
  _ci_err "PostgreSQL answers, but connecting as ${CI_PG_USER} over TCP failed: $(tr '\n' ' ' <"$errors")"
  rm -f "$errors"
  if server_version=$(_ci_psql_local_as_postgres 'SHOW server_version' 2>/dev/null); then
    _ci_err "psql as the postgres OS user (local socket) works (server ${server_version}):" \
      "the server rejects TCP logins from ${CI_PG_HOST}. Add 'host all postgres 127.0.0.1/32 trust'" \
      "at the top of pg_hba.conf and reload, or set a password and use it in DATABASE_URL."
  else
    _ci_err "psql as the postgres OS user failed too: check the server log under /var/log/postgresql/"
  fi
  return 1
}

_ci_redis_ping() { [ "$(redis-cli -h "$CI_REDIS_HOST" -p "$CI_REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

ci_ensure_redis() {
  if _ci_port_open "$CI_REDIS_HOST" "$CI_REDIS_PORT"; then
    _ci_log "Redis: something already listens on ${CI_REDIS_HOST}:${CI_REDIS_PORT}"
    command -v redis-cli >/dev/null 2>&1 || _ci_apt_install redis-tools || return 1
  else
    if ! command -v redis-server >/dev/null 2>&1; then
      _ci_log "Redis: not running and not installed"
      _ci_apt_install redis-server || return 1
    fi
    # The package may have started its own instance meanwhile.
    if ! _ci_port_open "$CI_REDIS_HOST" "$CI_REDIS_PORT"; then
      _ci_log "Redis: starting redis-server on ${CI_REDIS_HOST}:${CI_REDIS_PORT} (no persistence)"
      redis-server --daemonize yes --bind "$CI_REDIS_HOST" --port "$CI_REDIS_PORT" --save "" --appendonly no >/dev/null ||
        _ci_log "Redis: redis-server did not start cleanly; waiting anyway"
    fi
  fi

  _ci_log "Redis: waiting (up to ${CI_SERVICES_WAIT_SECONDS}s) for redis-cli -h ${CI_REDIS_HOST} -p ${CI_REDIS_PORT} ping"
  _ci_wait_for "Redis on ${CI_REDIS_HOST}:${CI_REDIS_PORT}" _ci_redis_ping || return 1
  local version
  version=$(redis-cli -h "$CI_REDIS_HOST" -p "$CI_REDIS_PORT" info server 2>/dev/null | tr -d '\r' | sed -n 's/^redis_version://p')
  _ci_log "Redis ready: ${CI_REDIS_URL} (server ${version:-unknown})"
}

ci_ensure_services() {
  ci_ensure_postgres || return 1
  ci_ensure_redis || return 1
}

# Executed (not sourced): do it and print the variables the suite needs.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  if ci_ensure_services; then
    printf 'DATABASE_URL=%s\nREDIS_URL=%s\n' "$CI_DATABASE_URL" "$CI_REDIS_URL"
  else
    _ci_err "services are not reachable"
    exit 1
  fi
fi
