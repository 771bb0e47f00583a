#!/usr/bin/env bash
# Starts the README's run command (mvn -P run verify) CYCLES times (default 10), uses it each time
# (signs in over the API, reads events) and ends it in the ways people and machines do: kill -9 of
# the Payara JVM and then Ctrl+C, kill -9 of Maven (Payara stays up), kill -9 of Payara in the middle
# of deploying, a failed start (port 8080 taken), each followed by a start that must come up and is
# ended with Ctrl+C. Fails at the first start that does not answer. Loopback only; bounded in time.
# Starts from a fresh domain: it removes ear/target/payara6 (and with it the data of earlier trial runs).
set -euo pipefail
cd "$(dirname "$0")/.."

CYCLES=${CYCLES:-10}
MVN_ARGS=${MVN_ARGS:--B -ntp -q}
payara_home=ear/target/payara6
domain_dir=$payara_home/glassfish/domains/domain1
if [ -f "$domain_dir/config/pid" ]; then "$payara_home/bin/asadmin" stop-domain domain1 >/dev/null 2>&1 || true; fi
rm -rf "$payara_home"
log_dir=$(mktemp -d)
cat >"$log_dir/PortHolder.java" <<'JAVA'
public class PortHolder {
    public static void main(String[] args) throws Exception {
        try (var socket = new java.net.ServerSocket(Integer.parseInt(args[0]), 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.sleep(600_000); // at most ten minutes, whatever happens to the script
        }
    }
}
JAVA
export TRAILKEEPER_ADMIN_PASSWORD="cycles-$(openssl rand -hex 12)"
auth="admin:$TRAILKEEPER_ADMIN_PASSWORD"
run_pid=
interrupted_import=    # an import a kill -9 interrupted, which the next start must finish by itself
IMPORT_LINES=40000

say() { printf '[cycles %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

start_run() { # $1: log file; the run command in a process group of its own, with SIGINT as a terminal's Ctrl+C sends it
  set -m
  mvn $MVN_ARGS -P run verify >"$1" 2>&1 &
  run_pid=$!
  set +m
}

wait_for() { # $1: seconds, $2: command
  local deadline=$((SECONDS + $1))
  while [ $SECONDS -lt $deadline ]; do
    if eval "$2"; then return 0; fi
    sleep 1
  done
  return 1
}

ctrl_c() {
  kill -INT -- "-$run_pid" 2>/dev/null || true
  wait_for 120 '! kill -0 "$run_pid" 2>/dev/null' || { say "the run did not end after Ctrl+C"; return 1; }
}

payara_pid() { cat "$domain_dir/config/pid" 2>/dev/null || true; }

use() { # what a person does first: the API answers the administrator, and the events of the sample trail are readable
  curl -sS -u "$auth" http://localhost:8080/api/me 2>/dev/null | grep -q '"username":"admin"' \
      && curl -fsS -u "$auth" 'http://localhost:8080/api/events?size=1' >/dev/null 2>&1
}

trail() { # distinct agent actions, each naming its event id
  awk -v n="$IMPORT_LINES" 'BEGIN { for (i = 0; i < n; i++) printf "{\"event_id\":\"cycle-%d\",\"timestamp\":\"2026-11-01T%02d:%02d:%02d.000Z\",\"agent_id\":\"cycle-agent\",\"action\":\"crm.lookup\",\"target\":\"order/%d\",\"result\":\"success\",\"user\":\"cust-%d\",\"prompt\":\"look up order %d\"}\n", i, (i / 3600) % 24, (i / 60) % 60, i % 60, i, i % 500, i }'
}

import_field() { # $1: execution id, $2: field
  curl -fsS -u "$auth" "http://localhost:8080/api/imports/$1" 2>/dev/null | sed -n "s/.*\"$2\":\"\{0,1\}\([A-Za-z0-9]*\).*/\1/p"
}

ports_free() { ! (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null && ! (exec 3<>/dev/tcp/127.0.0.1/4848) 2>/dev/null; }

cleanup() {
  set +e
  [ -n "$run_pid" ] && kill -INT -- "-$run_pid" 2>/dev/null
  sleep 2
  [ -f "$domain_dir/config/pid" ] && "$payara_home/bin/asadmin" stop-domain domain1 >/dev/null 2>&1
  [ -n "${blocker:-}" ] && kill "$blocker" 2>/dev/null
  pkill -f "ear/src/run/run-trailkeeper.sh" 2>/dev/null  # scripts orphaned by the kill -9 of their Maven
}
trap cleanup EXIT

for cycle in $(seq 1 "$CYCLES"); do
  # Every way of ending is followed by a plain start that must come up (and ends with Ctrl+C).
  kinds=(kill-payara ctrl-c kill-maven ctrl-c kill-during-deploy ctrl-c failed-start ctrl-c)
  kind=${kinds[$(( (cycle - 1) % ${#kinds[@]} ))]}
  log=$log_dir/run-$cycle.log
  started=$SECONDS
  if [ "$kind" = failed-start ]; then
    # Something else holds port 8080: the run command must say so and end, and the next start must work.
    ports_free || wait_for 60 ports_free || true
    java "$log_dir/PortHolder.java" 8080 >/dev/null 2>&1 & blocker=$!
    wait_for 10 '(exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null'
    start_run "$log"
    if ! wait_for 300 '! kill -0 "$run_pid" 2>/dev/null'; then say "cycle $cycle: the run did not end with port 8080 taken"; exit 1; fi
    grep -q "Port 8080 is in use" "$log" || { say "cycle $cycle: no clear message"; cat "$log"; exit 1; }
    kill "$blocker"; wait "$blocker" 2>/dev/null || true; blocker=
    say "cycle $cycle ($kind): refused to start with a clear message, in $((SECONDS - started)) s"
    continue
  fi
  if [ "$kind" = kill-during-deploy ]; then
    rm -f "$domain_dir/trailkeeper/deployed-ear.sha256" # as after a rebuild: this start deploys
  fi
  start_run "$log"
  if [ "$kind" = kill-during-deploy ]; then
    wait_for 300 'grep -q "^Deploying" "$log" || ! kill -0 "$run_pid" 2>/dev/null'
    grep -q "^Deploying" "$log" || { say "cycle $cycle: never deployed"; cat "$log"; exit 1; }
    sleep 4
    kill -9 "$(payara_pid)" 2>/dev/null || true
    # The deploy fails with its server gone and the run command ends; a person would press Ctrl+C otherwise.
    wait_for 150 '! kill -0 "$run_pid" 2>/dev/null' || ctrl_c || true
    wait_for 60 ports_free || { say "cycle $cycle: ports still taken"; exit 1; }
    say "cycle $cycle ($kind): Payara killed while deploying, in $((SECONDS - started)) s"
    continue
  fi
  if ! wait_for 400 'grep -q "Trailkeeper is running" "$log" || ! kill -0 "$run_pid" 2>/dev/null' \
      || ! grep -q "Trailkeeper is running" "$log"; then
    say "cycle $cycle ($kind): the run command did not start"; cat "$log"
    tail -50 "$domain_dir/logs/server.log" 2>/dev/null || true
    exit 1
  fi
  wait_for 60 use || { say "cycle $cycle: started but not usable"; exit 1; }
  if [ -n "$interrupted_import" ]; then
    # The import killed in the last cycle resumes by itself at this start and ends with every line stored once.
    wait_for 300 '[ "$(import_field "$(import_field "$interrupted_import" latestExecutionId)" status)" = COMPLETED ]' \
      || { say "cycle $cycle: the interrupted import $interrupted_import did not finish by itself"; exit 1; }
    stored=$(curl -fsS -u "$auth" http://localhost:8080/api/sources | sed 's/},{/}\n{/g' | grep '"name":"cycle-trail"' \
        | sed -n 's/.*"eventsStored":\([0-9]*\).*/\1/p')
    latest=$(import_field "$interrupted_import" latestExecutionId)
    [ "$stored" = "$IMPORT_LINES" ] && [ "$(import_field "$latest" stored)" = "$IMPORT_LINES" ] && [ "$(import_field "$latest" duplicates)" = 0 ] \
      || { say "cycle $cycle: the source holds $stored events and the resumed import counted $(import_field "$latest" stored) stored,"\
                " $(import_field "$latest" duplicates) duplicates; expected $IMPORT_LINES and 0"; exit 1; }
    say "cycle $cycle: import $interrupted_import, killed mid-way, resumed by itself and stored each of its $IMPORT_LINES events once"
    interrupted_import=
  fi
  case "$kind" in
    ctrl-c)
      ctrl_c ;;
    kill-payara)
      if [ "$cycle" = 1 ]; then # the first time with an import under way (issue 17: it must not be lost)
        interrupted_import=$(trail | curl -fsS -u "$auth" -H 'Content-Type: application/x-ndjson' --data-binary @- \
            'http://localhost:8080/api/imports?source=cycle-trail' | sed -n 's/.*"executionId":\([0-9]*\).*/\1/p')
        wait_for 120 '[ "$(import_field "$interrupted_import" stored)" -ge 4000 ] 2>/dev/null' || { say "import did not start"; exit 1; }
      fi
      kill -9 "$(payara_pid)"
      ctrl_c ;;
    kill-maven)
      # Only Maven's JVM, as "kill -9 <pid of mvn>" does: Payara and the script it ran stay behind.
      kill -9 "$run_pid" 2>/dev/null || true
      wait "$run_pid" 2>/dev/null || true ;;
  esac
  say "cycle $cycle ($kind): started ($(grep -m1 -o 'Starting the deployed\|Deploying\|Stopping the Payara an earlier run left running' "$log" | tr '\n' ' ')), used and ended in $((SECONDS - started)) s"
  [ "$kind" = kill-maven ] || wait_for 60 ports_free || { say "cycle $cycle: ports still taken after the stop"; exit 1; }
done
run_pid=
say "$CYCLES cycles: the run command started after every kind of stop"
