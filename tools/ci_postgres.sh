#!/usr/bin/env bash
# A throw-away PostgreSQL for the test suite (the team server's tests, the PostgreSQL search tests).
#
#   source tools/ci_postgres.sh && ci_postgres_start   # sets DELIVERYDESK_TEST_POSTGRES_URL, stops on exit
#   bash tools/ci_postgres.sh run COMMAND...           # the same around one command
#
# Installs Debian's `postgresql` package when no server binaries are found (apt-get, sudo when not
# root), makes a cluster in a temporary folder with `initdb` (as the `postgres` user when run as root:
# initdb refuses root), listens only on a Unix socket in that folder (no TCP port to clash with), and
# removes everything when stopped. Kept apart from .ci/run and tools/dev, which call it.

CI_POSTGRES_DIR=""

_ci_postgres_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$found" ] && command -v pg_ctl >/dev/null 2>&1; then
    found=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
  fi
  echo "$found"
}

_ci_postgres_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing PostgreSQL (Debian's postgresql package) for the tests"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

_ci_postgres_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ci_postgres_start() {
  local bin
  bin=$(_ci_postgres_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    _ci_postgres_install || { echo "ci_postgres: no PostgreSQL and no apt-get; its tests will skip" >&2; return 0; }
    bin=$(_ci_postgres_bin)
  fi
  CI_POSTGRES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/deliverydesk-pg.XXXXXX")
  [ "$(id -u)" -eq 0 ] && chown postgres "$CI_POSTGRES_DIR"
  _ci_postgres_as_owner "$bin/initdb" -D "$CI_POSTGRES_DIR/data" --auth=trust -U postgres -E UTF8 \
    --locale=C.UTF-8 >"$CI_POSTGRES_DIR/initdb.log" 2>&1 \
    || { cat "$CI_POSTGRES_DIR/initdb.log" >&2; return 1; }
  _ci_postgres_as_owner "$bin/pg_ctl" -D "$CI_POSTGRES_DIR/data" -l "$CI_POSTGRES_DIR/server.log" -w \
    -o "-c listen_addresses='' -c unix_socket_directories='$CI_POSTGRES_DIR' -c fsync=off -c max_connections=200" \
    start >/dev/null || { cat "$CI_POSTGRES_DIR/server.log" >&2; return 1; }
  export DELIVERYDESK_TEST_POSTGRES_URL="postgresql+psycopg://postgres@/postgres?host=$CI_POSTGRES_DIR"
  export CI_POSTGRES_BIN="$bin"
  trap ci_postgres_stop EXIT
  echo "ci_postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on $CI_POSTGRES_DIR"
}

ci_postgres_stop() {
  [ -n "$CI_POSTGRES_DIR" ] && [ -d "$CI_POSTGRES_DIR" ] || return 0
  _ci_postgres_as_owner "$CI_POSTGRES_BIN/pg_ctl" -D "$CI_POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$CI_POSTGRES_DIR"
  CI_POSTGRES_DIR=""
  unset DELIVERYDESK_TEST_POSTGRES_URL
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    run)
      ci_postgres_start
      "${@:2}"
      ;;
    *)
      echo "usage: tools/ci_postgres.sh run COMMAND... | source it and call ci_postgres_start" >&2
      exit 2
      ;;
  esac
fi
