#!/usr/bin/env bash
# The whole test suite: lint, type-check, unit and repository tests on SQLite and PostgreSQL,
# then the end-to-end journeys in Debian's Chromium against the built app.
# Installs what is missing (PostgreSQL, Chromium, a CJK font) and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/truetype/wqy ] || need+=(fonts-wqy-microhei)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing: ${need[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# A fresh clone has no node_modules yet: install exactly what the lock file says.
[ -d node_modules ] || npm ci --no-audit --no-fund

echo "== format, lint and type-check"
npx prettier --check . --log-level warn
npx eslint .
npx tsc --noEmit

PGDIR=$(mktemp -d /tmp/ganbu-test-pg.XXXXXX)
PGPORT=${GANBU_TEST_PGPORT:-54330}
cleanup() { bash scripts/pg-throwaway.sh stop "$PGDIR" >/dev/null 2>&1 || true; }
trap cleanup EXIT
echo "== starting a throwaway PostgreSQL on 127.0.0.1:$PGPORT"
url=$(bash scripts/pg-throwaway.sh start "$PGDIR" "$PGPORT" | sed -n 's/^DATABASE_URL=//p')
export TEST_DATABASE_URL="$url"

echo "== unit, repository and HTTP tests (sqlite + postgres)"
npx vitest run

echo "== end-to-end tests in Chromium"
npx vite build --logLevel warn
npx playwright test
