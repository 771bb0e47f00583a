#!/usr/bin/env bash
# Starts Payara with the Trailkeeper EAR on the embedded H2 database and the sample trail, prints
# where to sign in, and stops the server on Ctrl+C. Called by `mvn -P run verify` (see README).
set -euo pipefail

payara_home=$1
ear=$2
domain=domain1
asadmin="$payara_home/bin/asadmin"
log="$payara_home/glassfish/domains/$domain/logs/server.log"
base_url="http://localhost:8080"

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

# No version headers, /metrics not anonymous, the admin listener (no admin password here) on loopback only.
bash "$(dirname "$0")/../domain/harden-domain.sh" "$payara_home"
echo "Starting Payara ($payara_home)..."
"$asadmin" start-domain "$domain" >/dev/null
# After a crash mid-import, the next start must settle the chunk transaction left in doubt in the batch job
# repository before the import resumes (README, "Exactly once, also across a crash"); takes effect at that start.
"$asadmin" set configs.config.server-config.transaction-service.automatic-recovery=true >/dev/null
echo "Deploying $(basename "$ear")..."
"$asadmin" deploy --force=true --name trailkeeper --contextroot / "$ear" >/dev/null

for _ in $(seq 1 120); do
  if curl -fsS "$base_url/health/ready" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done
curl -fsS "$base_url/health/ready" >/dev/null || { echo "Trailkeeper did not become ready; see $log" >&2; exit 1; }

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
