#!/usr/bin/env bash
# REST latency benchmark (issue 18): GET /api/me (authentication alone) with an API token, and GET
# /api/events at CLIENTS concurrent clients on loopback, once with the token (Authorization: Bearer)
# and once with HTTP Basic (a PBKDF2 check per call), against
# a fresh Payara domain on the embedded H2 database with a generated trail of EVENTS events. Prints
# p50/p90/p99/max and requests per second for both. Its own domain on port base 28000 (HTTP 28080),
# so it never collides with a server on 8080. Goal: p99 < 50 ms with tokens at 50 clients.
#
#   bench/run-rest-benchmark.sh                    # 50 clients x 100 requests each way, 20,000 events
#
# Environment (all optional): CLIENTS (50), REQUESTS per client (100), EVENTS (20000), BASIC_REQUESTS
# per client with Basic (20: each costs ~0.2 s of CPU), MVN_ARGS, SKIP_BUILD=1, KEEP=1, BENCH_PORTBASE.
set -euo pipefail

CLIENTS=${CLIENTS:-50}
REQUESTS=${REQUESTS:-100}
BASIC_REQUESTS=${BASIC_REQUESTS:-20}
EVENTS=${EVENTS:-20000}
PORTBASE=${BENCH_PORTBASE:-28000}
HTTP_PORT=$((PORTBASE + 80))
ADMIN_PORT=$((PORTBASE + 48))

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
TARGET=$BENCH_DIR/target
RUN=$TARGET/rest-run
PAYARA=$TARGET/payara6
DOMAIN_DIR=$RUN/domains
DOMAIN=rest-bench
BASE=http://127.0.0.1:$HTTP_PORT
ADMIN_PASSWORD="bench-$(openssl rand -hex 12)"

say() { printf '[rest-bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if [ "${SKIP_BUILD:-}" != 1 ]; then
    say "building the EAR and the bench module"
    (cd "$ROOT" && mvn -B -ntp -q ${MVN_ARGS:-} install -DskipTests -pl '!system-tests' \
        && mvn -B -ntp -q ${MVN_ARGS:-} package -Pbench -pl bench)
fi
[ -f "$TARGET/trailkeeper.ear" ] && [ -x "$PAYARA/bin/asadmin" ] || { echo "build first (mvn package -Pbench -pl bench)" >&2; exit 1; }

mkdir -p "$RUN"
cleanup() {
    set +e
    [ -f "$DOMAIN_DIR/$DOMAIN/config/pid" ] && "$PAYARA/bin/asadmin" stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >/dev/null 2>&1
    [ "${KEEP:-}" = 1 ] || rm -rf "$DOMAIN_DIR"
}
trap cleanup EXIT

TRAIL=$RUN/trail-$EVENTS.jsonl
[ -s "$TRAIL" ] || java -cp "$TARGET/classes" io.trailkeeper.bench.SyntheticTrail "$EVENTS" "$TRAIL" >&2

export TRAILKEEPER_ADMIN_PASSWORD=$ADMIN_PASSWORD
rm -rf "${DOMAIN_DIR:?}/$DOMAIN"
say "creating domain '$DOMAIN' on port base $PORTBASE (embedded H2)"
"$PAYARA/bin/asadmin" create-domain --domaindir "$DOMAIN_DIR" --portbase "$PORTBASE" --nopassword "$DOMAIN" >/dev/null
"$PAYARA/bin/asadmin" start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >/dev/null
"$PAYARA/bin/asadmin" --port "$ADMIN_PORT" deploy --name trailkeeper "$TARGET/trailkeeper.ear" >/dev/null
for _ in $(seq 1 120); do curl -fsS "$BASE/health/ready" >/dev/null 2>&1 && break; sleep 1; done

BASIC="Basic $(printf 'admin:%s' "$ADMIN_PASSWORD" | base64 -w0)"
say "importing $EVENTS events"
location=$(curl -fsS -D - -o /dev/null -H "Authorization: $BASIC" -H 'Content-Type: application/x-ndjson' \
    --data-binary @"$TRAIL" "$BASE/api/imports?source=rest-bench" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
for _ in $(seq 1 600); do
    status=$(curl -fsS -H "Authorization: $BASIC" "$location" | sed -n 's/.*"status":"\([A-Z]*\)".*/\1/p')
    [ "$status" = COMPLETED ] && break
    case "$status" in FAILED|STOPPED|ABANDONED) echo "import $status" >&2; exit 1 ;; esac
    sleep 2
done
TOKEN=$(curl -fsS -H "Authorization: $BASIC" -H 'Content-Type: application/json' -d '{"name":"rest benchmark","roles":["AUDITOR"]}' \
    "$BASE/api/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "no token issued" >&2; exit 1; }

run() { java -cp "$TARGET/classes" io.trailkeeper.bench.RestLatency "$1" "$2" "$CLIENTS" "$3" "$4"; }
EVENTS_URL="$BASE/api/events?size=25&agent=support-assistant"
ME_URL="$BASE/api/me"
say "warming up"
run "$EVENTS_URL" "Bearer $TOKEN" 20 warm-up >/dev/null
run "$ME_URL" "Bearer $TOKEN" 20 warm-up >/dev/null
say "GET /api/me (authentication and little else) at $CLIENTS concurrent clients"
run "$ME_URL" "Bearer $TOKEN" "$REQUESTS" Bearer
say "GET /api/events (25 newest of one agent, of $EVENTS events) at $CLIENTS concurrent clients"
run "$EVENTS_URL" "Bearer $TOKEN" "$REQUESTS" Bearer
run "$EVENTS_URL" "$BASIC" "$BASIC_REQUESTS" Basic
