#!/usr/bin/env bash
# Runs Concierge's whole test suite. The storage and rate-limit tests start real PostgreSQL and
# Redis servers from Debian's binaries (no containers), the streaming tests nginx and the browser tests Chromium, so this script installs them first when
# it can. Arguments are passed to `dotnet test` (e.g. ./test.sh --filter-class '*Storage*').
set -euo pipefail
cd "$(dirname "$0")"

missing=()
if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
    missing+=(postgresql)
fi
if ! command -v redis-server >/dev/null 2>&1; then
    missing+=(redis-server)
fi
if ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
    missing+=(nginx)
fi
# promtool checks deploy/alerts.yml (the prometheus package brings it; its service is stopped below).
if ! command -v promtool >/dev/null 2>&1; then
    missing+=(prometheus)
fi

# The browser tests (Playwright) drive Debian's Chromium; Playwright downloads no browser of its own.
if [[ ! -x /usr/bin/chromium ]]; then
    missing+=(chromium)
fi

if ((${#missing[@]} > 0)); then
    if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
        echo "test.sh: installing ${missing[*]} (the tests start them on loopback)" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
        # The package may start its own cluster / server as a service. The tests never use them
        # (they start private ones on random ports), so stop them rather than leave them running.
        if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v pg_lsclusters >/dev/null 2>&1; then
            pg_lsclusters --no-header 2>/dev/null | while read -r version cluster _; do
                pg_ctlcluster "$version" "$cluster" stop >/dev/null 2>&1 || true
            done
        fi
        if [[ " ${missing[*]} " == *" redis-server "* ]]; then
            service redis-server stop >/dev/null 2>&1 || true
        fi
        if [[ " ${missing[*]} " == *" nginx "* ]]; then
            service nginx stop >/dev/null 2>&1 || true
        fi
        if [[ " ${missing[*]} " == *" prometheus "* ]]; then
            service prometheus stop >/dev/null 2>&1 || true
        fi
    else
        echo "test.sh: missing ${missing[*]}; install with:" >&2
        echo "    sudo apt-get update && sudo apt-get install --no-install-recommends ${missing[*]}" >&2
        echo "test.sh: without them the PostgreSQL/Redis/nginx/promtool/browser tests are skipped locally (and fail when CI=true)." >&2
    fi
fi

# The router's OpenAPI test lints its document with @redocly/cli (tools/redocly, pinned by its lock file).
if [[ ! -d tools/redocly/node_modules/@redocly/cli ]]; then
    if command -v npm >/dev/null 2>&1; then
        echo "test.sh: installing tools/redocly (npm ci)" >&2
        (cd tools/redocly && npm ci --no-audit --no-fund --loglevel=error) || echo "test.sh: npm ci failed in tools/redocly; the OpenAPI lint test will be skipped (and fail when CI=true)." >&2
    else
        echo "test.sh: npm is missing; the OpenAPI lint test will be skipped (and fail when CI=true)." >&2
    fi
fi

set +e
dotnet test Concierge.slnx "$@"
status=$?
set -e
exit "$status"
