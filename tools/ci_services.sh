#!/usr/bin/env bash
# Services the integration suites need, for CI (.ci/run sources this): a real PostgreSQL server
# (Debian package) with a test database, and Debian's chromium for the browser test. Each step is
# skipped with a warning where it cannot run (not root, no apt): those suites then skip themselves.
set -uo pipefail

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq || true) >/dev/null 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 || echo "ci_services: could not install $*" >&2
  fi
}

command -v pg_ctlcluster >/dev/null || apt_install postgresql
command -v chromium >/dev/null || apt_install chromium

if command -v pg_ctlcluster >/dev/null && [ "$(id -u)" = 0 ]; then
  read -r ver name _ < <(pg_lsclusters -h | head -n 1)
  pg_ctlcluster "$ver" "$name" start 2>/dev/null || true
  psql_admin() { su postgres -c "psql -tAc \"$1\""; }
  for _ in $(seq 1 30); do psql_admin "SELECT 1" >/dev/null 2>&1 && break; sleep 1; done
  psql_admin "SELECT 1 FROM pg_roles WHERE rolname='eventwire'" | grep -q 1 \
    || psql_admin "CREATE ROLE eventwire LOGIN PASSWORD 'eventwire' CREATEDB" >/dev/null
  psql_admin "SELECT 1 FROM pg_database WHERE datname='eventwire_test'" | grep -q 1 \
    || su postgres -c "createdb -O eventwire eventwire_test"
  export EVENTWIRE_TEST_PG="postgresql://eventwire:eventwire@127.0.0.1/eventwire_test"
  echo "ci_services: PostgreSQL $ver ready ($EVENTWIRE_TEST_PG)" >&2
else
  echo "ci_services: no PostgreSQL server here; the PostgreSQL suites will skip" >&2
fi
command -v chromium >/dev/null && echo "ci_services: $(chromium --version 2>/dev/null)" >&2
