#!/usr/bin/env bash
# Starts Payara with the Trailkeeper EAR on the embedded H2 database and the sample trail, prints
# where to sign in, and stops the server on Ctrl+C. Called by `mvn -P run verify` (see README).
set -euo pipefail

payara_home=$1
ear=$2
domain=domain1
asadmin="$payara_home/bin/asadmin"
domain_dir="$payara_home/glassfish/domains/$domain"
log="$domain_dir/logs/server.log"
base_url="http://localhost:8080"
# The SHA-256 of the EAR deployed last, written once it answered: the same EAR is not deployed again.
deployed_marker="$domain_dir/trailkeeper/deployed-ear.sha256"

# A Payara of this domain that an earlier run left behind (its Maven or this script was killed) is
# stopped first, so the run starts whatever way the last one ended.
pid_file="$domain_dir/config/pid"
if [ -f "$pid_file" ]; then
  old_pid=$(cat "$pid_file")
  if [ -r "/proc/$old_pid/cmdline" ] && grep -qa -- "$payara_home" "/proc/$old_pid/cmdline"; then
    echo "Stopping the Payara an earlier run left running (pid $old_pid)..."
    timeout 120 "$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do [ -d "/proc/$old_pid" ] || break; sleep 1; done
    [ -d "/proc/$old_pid" ] && kill -9 "$old_pid" 2>/dev/null || true
  fi
fi

for port in 8080 4848; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is in use (another Payara, or the test suite?). Stop it and run again." >&2
    exit 1
  fi
done

# Configuration reaches the application through MicroProfile Config; environment variables map
# trailkeeper.sample-data -> TRAILKEEPER_SAMPLE_DATA and so on. The database stays the embedded H2
# unless TRAILKEEPER_DB_URL is set by the caller.
export TRAILKEEPER_SAMPLE_DATA=${TRAILKEEPER_SAMPLE_DATA:-true}

stop() {
  echo
  echo "Stopping Payara..."
  "$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true
}
trap stop EXIT
trap 'exit 130' INT TERM

# Drops the previous deployment from the stopped domain: its registration and its exploded and generated
# files, which a run killed in the middle of deploying leaves half written (and Payara then fails to
# start it, or to deploy anew with "Non-unique bean deployment identifier").
forget_previous_deployment() {
  rm -f "$deployed_marker"
  sed -i -e '/<application-ref [^>]*ref="trailkeeper"/d' \
         -e '/<application [^>]*name="trailkeeper"/,/<\/application>/d' "$domain_dir/config/domain.xml"
  rm -rf "$domain_dir/applications/trailkeeper" "$domain_dir"/generated/*/trailkeeper
}

ready() { # the application itself answers (Payara's health says "up" before a deployed application has loaded)
  for _ in $(seq 1 "$1"); do
    curl -fsS "$base_url/health/ready" >/dev/null 2>&1 && curl -fsS "$base_url/signin.xhtml" >/dev/null 2>&1 && return 0
    sleep 1
  done
  return 1
}

deploy() {
  rm -f "$deployed_marker"
  echo "Deploying $(basename "$ear")..."
  "$asadmin" deploy --force=true --name trailkeeper --contextroot / "$ear" >/dev/null
  ready 120 || { echo "Trailkeeper did not become ready; see $log" >&2; exit 1; }
  mkdir -p "$(dirname "$deployed_marker")"
  echo "$ear_sha" >"$deployed_marker"
}

# The same EAR as last time stays deployed: Payara starts it with the domain, as the deployment that
# started its imports, so an import interrupted by a crash resumes by itself (README, "Exactly once,
# also across a crash"). A new EAR (or a deployment that never finished) is deployed anew.
ear_sha=$(sha256sum "$ear" | cut -d' ' -f1)
keep=false
if [ -f "$deployed_marker" ] && [ "$(cat "$deployed_marker")" = "$ear_sha" ] && [ -d "$domain_dir/applications/trailkeeper" ]; then
  keep=true
else
  forget_previous_deployment
fi

# No version headers, /metrics not anonymous, the admin listener (no admin password here) on loopback only.
bash "$(dirname "$0")/../domain/harden-domain.sh" "$payara_home"
echo "Starting Payara ($payara_home)..."
"$asadmin" start-domain "$domain" >/dev/null
# After a crash mid-import, the next start must settle the chunk transaction left in doubt in the batch job
# repository before the import resumes (README, "Exactly once, also across a crash"); takes effect at that start.
"$asadmin" set configs.config.server-config.transaction-service.automatic-recovery=true >/dev/null
if $keep; then
  echo "Starting the deployed $(basename "$ear") (unchanged since the last run)..."
  if ! ready 120; then
    echo "The previous deployment did not come up; deploying anew."
    "$asadmin" undeploy trailkeeper >/dev/null 2>&1 || true
    deploy
  fi
else
  deploy
fi

one_time=$(grep -ho "administrator 'admin' one-time password: [A-Za-z0-9]*" "$payara_home"/glassfish/domains/$domain/logs/server.log* 2>/dev/null | tail -n 1 | awk '{print $NF}' || true)
echo
echo "=================================================================="
echo " Trailkeeper is running:  $base_url/"
echo " Sign in as:              admin"
if [ -n "$one_time" ]; then
  echo " One-time password:       $one_time   (you will be asked to change it)"
else
  echo " Password:                the one you chose at first sign-in"
  echo "                          (or the TRAILKEEPER_ADMIN_PASSWORD you set)"
fi
echo " Sample trail:            imported in the background (source 'sample-trail')"
echo " REST API:                $base_url/api  (OpenAPI: $base_url/openapi)"
echo " Health:                  $base_url/health"
echo " Server log:              $log"
echo " Stop with Ctrl+C."
echo "=================================================================="
# wait (not a foreground sleep) so that INT and TERM run the traps at once
while true; do sleep 3600 & wait $!; done
