#!/usr/bin/env bash
# The ingestion benchmark (issue 3): imports N generated agent-action events through the real job
# `trail-file-import` into a fresh PostgreSQL database, then COPYs the rows the job stored into
# tables of the same layout, and prints events/s for both and their ratio, in ROUNDS rounds (COPY's
# own rate varies a lot from one minute to the next here, so one pair says little), and the Payara
# JVM's heap for a ~50 MB file and for the big one. It runs its own Payara domain on port base 28000
# (HTTP 28080, admin 28048), so it never collides with a server on 8080/4848.
#
#   bench/run-ingest-benchmark.sh [EVENTS]          # default 1000000 (~1.5 GB); 20000 for a smoke run
#   BENCH_DB=h2 bench/run-ingest-benchmark.sh 200000   # the embedded default (issue 17): new events/s
#                                                       # and, importing the same file again, duplicate lines/s
#
# Environment (all optional):
#   MVN_ARGS        extra Maven arguments, e.g. -Dmaven.repo.local=/tmp/m2 -o
#   SKIP_BUILD=1    use the EAR and Payara already in bench/target
#   SMALL_EVENTS    events of the small (heap reference) file, default 33000 (~50 MB)
#   ROUNDS          rounds of import + COPY of the big file, default 3; the median ratio is printed
#   WARMUP_EVENTS   events imported (into a source of their own) before the big file, so that the
#                   figures are those of a server that has imported before, as one in service has:
#                   the JIT has compiled the import path. Default 200000; 0 measures a server whose
#                   only import before was the small file (the JIT then still compiles during the run)
#   BENCH_XMX       the fixed heap of the Payara JVM (-Xms and -Xmx), default 1g
#   BENCH_PORTBASE  default 28000
#   BENCH_DB        postgresql (default: rounds against COPY) or h2 (the embedded database of the
#                   run command, in the bench domain: no COPY to compare with)
#   PG_HOST PG_PORT PG_USER   default 127.0.0.1 5432 postgres (trust authentication)
#   KEEP=1          keep the domain, the database and the files afterwards
#   BENCH_JVM_OPTIONS  extra options for the Payara JVM, separated by spaces
#   BENCH_JFR=1     record the big import with Java Flight Recorder into target/run/ingest.jfr
set -euo pipefail

EVENTS=${1:-1000000}
SMALL_EVENTS=${SMALL_EVENTS:-33000}
XMX=${BENCH_XMX:-1g}
PORTBASE=${BENCH_PORTBASE:-28000}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
BENCH_DB=${BENCH_DB:-postgresql}
case $BENCH_DB in postgresql|h2) ;; *) echo "BENCH_DB must be postgresql or h2" >&2; exit 2 ;; esac
# Each poll is an HTTP Basic sign-in (a deliberately slow PBKDF2); polling rarely keeps it off the CPU the job needs.
POLL_SECONDS=${POLL_SECONDS:-30}
HTTP_PORT=$((PORTBASE + 80))
ADMIN_PORT=$((PORTBASE + 48))

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
TARGET=$BENCH_DIR/target
RUN=$TARGET/run
PAYARA=$TARGET/payara6
ASADMIN="$PAYARA/bin/asadmin --port $ADMIN_PORT"
DOMAIN_DIR=$RUN/domains
DOMAIN=bench
DB=trailkeeper_bench_$(date +%Y%m%d%H%M%S)
API=http://127.0.0.1:$HTTP_PORT/api
ADMIN_USER=admin
ADMIN_PASSWORD="bench-$(openssl rand -hex 12)"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER")

say() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if [ "${SKIP_BUILD:-}" != 1 ]; then
    say "building the EAR and the bench module"
    (cd "$ROOT" && mvn -B -ntp -q ${MVN_ARGS:-} install -DskipTests -pl '!system-tests' \
        && mvn -B -ntp -q ${MVN_ARGS:-} package -Pbench -pl bench)
fi
[ -f "$TARGET/trailkeeper.ear" ] && [ -x "$PAYARA/bin/asadmin" ] || { echo "build first (mvn package -Pbench -pl bench)" >&2; exit 1; }

mkdir -p "$RUN"
cleanup() {
    set +e
    if [ -f "$DOMAIN_DIR/$DOMAIN/config/pid" ]; then
        $PAYARA/bin/asadmin stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >/dev/null 2>&1
    fi
    if [ "${KEEP:-}" != 1 ]; then
        [ "$BENCH_DB" = postgresql ] && "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
        rm -rf "$DOMAIN_DIR" "$RUN"/*.copy "$RUN/checkpoint.key"
    else
        say "kept database $DB and domain $DOMAIN_DIR/$DOMAIN"
    fi
}
trap cleanup EXIT

# --- the trail files (deterministic, so reused between runs) ---------------------------------------
generate() {
    local events=$1 file=$RUN/trail-$1.jsonl
    if [ ! -s "$file" ]; then
        say "generating $events events into $file"
        java -cp "$TARGET/classes" io.trailkeeper.bench.SyntheticTrail "$events" "$file.part" >&2
        mv "$file.part" "$file"
    fi
    echo "$file"
}
SMALL_FILE=$(generate "$SMALL_EVENTS")
BIG_FILE=$(generate "$EVENTS")

# --- database, keys, domain -------------------------------------------------------------------------
openssl genpkey -algorithm ed25519 -outform DER -out "$RUN/checkpoint.key" 2>/dev/null
if [ "$BENCH_DB" = postgresql ]; then
    say "creating database $DB"
    "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
    export TRAILKEEPER_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB"
    export TRAILKEEPER_DB_USER=$PG_USER
else
    say "the embedded H2 database in the bench domain, as the run command uses it"
    unset TRAILKEEPER_DB_URL TRAILKEEPER_DB_USER TRAILKEEPER_DB_PASSWORD
fi
export TRAILKEEPER_CRYPTO_MASTER_KEY=$(openssl rand -base64 32)
export TRAILKEEPER_INTEGRITY_SIGNING_KEY=$(base64 -w0 "$RUN/checkpoint.key")
export TRAILKEEPER_INTEGRITY_VERIFICATION_KEY=$(openssl pkey -inform DER -in "$RUN/checkpoint.key" -pubout -outform DER | base64 -w0)
export TRAILKEEPER_ADMIN_USERNAME=$ADMIN_USER
export TRAILKEEPER_ADMIN_PASSWORD=$ADMIN_PASSWORD
export TRAILKEEPER_IMPORT_MAX_UPLOAD_BYTES=$(( $(stat -c %s "$BIG_FILE") + $(stat -c %s "$SMALL_FILE") + 1048576 ))

say "creating Payara domain '$DOMAIN' on port base $PORTBASE with -Xmx$XMX"
rm -rf "${DOMAIN_DIR:?}/$DOMAIN"
$PAYARA/bin/asadmin create-domain --domaindir "$DOMAIN_DIR" --portbase "$PORTBASE" --nopassword "$DOMAIN" >/dev/null
# A fixed heap (-Xms as -Xmx): otherwise the full collections that sample the live heap shrink it, and
# the later imports run with a smaller young generation, collecting more often than the first.
sed -i "s/<jvm-options>-Xmx512m<\/jvm-options>/<jvm-options>-Xmx$XMX<\/jvm-options><jvm-options>-Xms$XMX<\/jvm-options>/" "$DOMAIN_DIR/$DOMAIN/config/domain.xml"
# The collector's own log, to tell how long collections (forced ones included) paused the import.
for option in -Xlog:gc:file=$RUN/gc.log:uptime ${BENCH_JVM_OPTIONS:-}; do # e.g. "-XX:+PrintCompilation", for looking into the JVM
    sed -i "s|<jvm-options>-Xmx$XMX</jvm-options>|&<jvm-options>$option</jvm-options>|" "$DOMAIN_DIR/$DOMAIN/config/domain.xml"
done
$PAYARA/bin/asadmin start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >/dev/null
PID=$(cat "$DOMAIN_DIR/$DOMAIN/config/pid")
say "deploying the EAR (Payara pid $PID)"
$ASADMIN deploy --name trailkeeper "$TARGET/trailkeeper.ear" >/dev/null
for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && break
    sleep 1
done

# CPU seconds the database spent for the application: its pool's backends ("pid ticks runqueue-ns"
# per line; the last is how long the backend was ready to run but waited for a core).
pg_backend_ticks() {
    [ "$BENCH_DB" = postgresql ] || return 0 # H2 runs inside the JVM: its CPU is the JVM's
    local pid
    for pid in $("${PSQL[@]}" -d "$DB" -At -c "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"); do
        [ -r "/proc/$pid/stat" ] && echo "$pid $(awk '{ print $14 + $15 }' "/proc/$pid/stat") $(awk '{ print $2 }' "/proc/$pid/schedstat")"
    done
    return 0
}
jvm_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
# CPU ticks of each JVM thread ("tid name ticks"), to say where the JVM's CPU went (import, GC, JIT).
jvm_thread_ticks() {
    # Bash built-ins only: this runs right after the upload, while the job already works.
    local task line rest name fields
    for task in /proc/"$PID"/task/*; do
        read -r line <"$task/stat" 2>/dev/null || continue
        name=${line#*(}; name=${name%)*}; rest=${line##*) }
        read -ra fields <<<"$rest"
        printf '%s %s %s\n' "${task##*/}" "${name// /_}" "$((fields[11] + fields[12]))"
    done
    return 0
}
# Seconds per thread group between the first listing and the later ones (the last value seen of each
# thread counts, so a thread that ended during the import, such as the reader's read-ahead thread, is
# counted up to the last sample that saw it), largest first: names lose their digits, so the GC
# workers, compiler threads and pool threads each add up.
jvm_thread_groups() {
    awk 'FNR == 1 { files++ }
         files == 1 { before[$1] = $3; next }
         { name[$1] = $2; if ($3 > last[$1]) last[$1] = $3 }
         END { for (t in last) { n = name[t]; gsub(/[0-9]+/, "#", n); sum[n] += last[t] - (t in before ? before[t] : 0) }
               for (n in sum) if (sum[n] >= 10) printf "%.1f %s\n", sum[n] / 100, n }' "$@" | sort -rn | head -8 \
        | awk '{ printf "%s%s %s s", (NR > 1 ? ", " : ""), $2, $1 }'
}
ticks_delta() { # before-file after-file: CPU seconds of backends between the two listings
    awk 'NR == FNR { before[$1] = $2; next } { sum += $2 - ($1 in before ? before[$1] : 0) } END { printf "%.1f", sum / 100 }' "$1" "$2"
}
runqueue_delta() { # before-file after-file: seconds the backends waited for a core between the two listings
    awk 'NR == FNR { before[$1] = $3; next } { sum += $3 - ($1 in before ? before[$1] : 0) } END { printf "%.1f", sum / 1e9 }' "$1" "$2"
}

# --- one import through the real job, with the heap sampled -------------------------------------
# Prints: stored seconds peak_old_gen_kb peak_used_kb live_mid_kb jvm_cpu_s db_cpu_s
import_file() {
    local file=$1 source=$2 events=$3
    local samples=$RUN/heap-$source.jstat
    jstat -gc "$PID" 1000 >"$samples" 2>/dev/null &
    local sampler=$!
    local id
    id=$(curl -fsS -u "$ADMIN_USER:$ADMIN_PASSWORD" -H 'Content-Type: application/x-ndjson' \
        -X POST -T "$file" "$API/imports?source=$source" | jq -r .executionId)
    [ -n "$id" ] && [ "$id" != null ] || { echo "the upload of $file did not start an import" >&2; exit 1; }
    # CPU is counted from here: the upload (HTTP threads copying the file into the inbox) is not the import.
    pg_backend_ticks >"$RUN/pg-before-$source"
    local jvm_before
    jvm_before=$(jvm_ticks)
    jvm_thread_ticks >"$RUN/threads-before-$source"
    local gc_lines_before
    gc_lines_before=$(wc -l <"$RUN/gc.log")
    # Every 2 s, so that a thread ending before the import does (the read-ahead thread) is still counted.
    : >"$RUN/threads-during-$source"
    (while sleep 2; do jvm_thread_ticks >>"$RUN/threads-during-$source"; done) &
    local thread_sampler=$!
    say "import $id of $file started"
    local status live_mid="" finished="" live_at=-30
    local polls=0
    while [ -z "$finished" ]; do
        # The first poll comes early, so even a short import gets its live heap sampled.
        if [ $((polls += 1)) -eq 1 ]; then sleep 1; else sleep "$POLL_SECONDS"; fi
        status=$(curl -fsS -u "$ADMIN_USER:$ADMIN_PASSWORD" "$API/imports/$id")
        case $(jq -r .status <<<"$status") in COMPLETED|FAILED|STOPPED|ABANDONED) finished=1 ;; esac
        # The live set after a full collection, i.e. what the import really holds: at the first poll,
        # then every 30 s; the largest is reported.
        if [ -z "$finished" ] && [ $((SECONDS - live_at)) -ge 30 ]; then
            live_at=$SECONDS
            local live
            live=$(live_heap_kb)
            say "live heap after a full GC at $(jq -r .read <<<"$status") lines read: $((live / 1024)) MB"
            [ "$live" -gt "${live_mid:-0}" ] && live_mid=$live
        fi
    done
    local jvm_cpu db_cpu
    jvm_cpu=$(awk -v a="$jvm_before" -v b="$(jvm_ticks)" 'BEGIN { printf "%.1f", (b - a) / 100 }')
    pg_backend_ticks >"$RUN/pg-after-$source"
    kill "$thread_sampler" 2>/dev/null || true
    wait "$thread_sampler" 2>/dev/null || true
    jvm_thread_ticks >"$RUN/threads-after-$source"
    jvm_thread_groups "$RUN/threads-before-$source" "$RUN/threads-during-$source" "$RUN/threads-after-$source" >"$RUN/thread-groups-$source"
    db_cpu=$(ticks_delta "$RUN/pg-before-$source" "$RUN/pg-after-$source")
    runqueue_delta "$RUN/pg-before-$source" "$RUN/pg-after-$source" >"$RUN/pg-runqueue-$source"
    # Collections during the import, from the collector's log: how long they paused it.
    tail -n +"$((gc_lines_before + 1))" "$RUN/gc.log" | awk '/Pause/ { ms = $NF; sub(/ms$/, "", ms); all += ms; if (/System.gc|Diagnostic Command/) forced += ms }
        END { printf "%.1f s, of which forced by the heap samples %.1f s", all / 1000, forced / 1000 }' >"$RUN/gc-pauses-$source"
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    [ "$(jq -r .status <<<"$status")" = COMPLETED ] || { echo "import $id ended $(jq -c . <<<"$status")" >&2; exit 1; }
    say "import $id: $(jq -c '{read,stored,duplicates,quarantined,startedAt,endedAt}' <<<"$status")"
    local seconds
    seconds=$(jq -r '"\(.startedAt) \(.endedAt)"' <<<"$status" | python3 -c '
import sys, datetime
start, end = (datetime.datetime.fromisoformat(t.replace("Z", "+00:00")) for t in sys.stdin.read().split())
print((end - start).total_seconds())')
    # jstat -gc columns: S0C S1C S0U S1U EC EU OC OU ... (KB)
    local peaks
    peaks=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { old = $8; used = $3 + $4 + $6 + $8; if (old > po) po = old; if (used > pu) pu = used }
                 END { printf "%d %d", po, pu }' "$samples")
    echo "$(jq -r .stored <<<"$status") $seconds $peaks ${live_mid:-0} $jvm_cpu $db_cpu"
}

# The heap after a forced full collection, as the collector's log states it: jstat, read afterwards,
# would also count what the import allocated in between (hundreds of MB a second).
live_heap_kb() {
    jcmd "$PID" GC.run >/dev/null
    grep 'Pause Full' "$RUN/gc.log" | tail -1 | sed -E 's/.*->([0-9]+)([KMG])\(.*/\1 \2/' \
        | awk '{ printf "%d", $1 * ($2 == "G" ? 1048576 : $2 == "M" ? 1024 : 1) }'
}

say "small file ($SMALL_EVENTS events, $(du -h "$SMALL_FILE" | cut -f1)): heap reference and warm-up"
import_file "$SMALL_FILE" bench-small "$SMALL_EVENTS" >"$RUN/small.figures"
read -r SMALL_STORED SMALL_SECONDS SMALL_OLD SMALL_USED SMALL_LIVE SMALL_JVM_CPU SMALL_DB_CPU <"$RUN/small.figures"
WARMUP_EVENTS=${WARMUP_EVENTS:-200000}
if [ "$WARMUP_EVENTS" -gt 0 ]; then
    WARMUP_FILE=$(generate "$WARMUP_EVENTS")
    say "warm-up file ($WARMUP_EVENTS events), not measured"
    import_file "$WARMUP_FILE" bench-warmup "$WARMUP_EVENTS" >/dev/null
fi
# A server in service has sealed checkpoints before, so its quarter-hour seals read only the leaves
# appended since the last one; on this fresh database the first seal would read every leaf stored.
curl -fsS -u "$ADMIN_USER:$ADMIN_PASSWORD" -X POST "$API/integrity/checkpoints" >/dev/null
say "sealed a checkpoint of the $(( SMALL_EVENTS + WARMUP_EVENTS )) events stored before the rounds"

# --- H2: the big file as new events, then the same file again (every line a duplicate) ---------------
if [ "$BENCH_DB" = h2 ]; then
    say "H2: $EVENTS new events"
    read -r NEW_STORED NEW_SECONDS _ _ NEW_LIVE NEW_JVM_CPU _ < <(import_file "$BIG_FILE" bench-h2 "$EVENTS")
    say "H2: the same $EVENTS lines again, each a duplicate"
    read -r _ DUP_SECONDS _ _ _ DUP_JVM_CPU _ < <(import_file "$BIG_FILE" bench-h2 "$EVENTS")
    echo
    echo "Ingestion on the embedded H2 database (Payara -Xmx$XMX, $(nproc) cores), $EVENTS events ($(du -h "$BIG_FILE" | cut -f1) file)"
    echo "  new events       $(awk -v n="$NEW_STORED" -v s="$NEW_SECONDS" 'BEGIN { printf "%.0f", n / s }') events/s ($NEW_STORED stored in ${NEW_SECONDS} s, JVM CPU ${NEW_JVM_CPU} s)   goal >= 10000"
    echo "  duplicate lines  $(awk -v n="$EVENTS" -v s="$DUP_SECONDS" 'BEGIN { printf "%.0f", n / s }') lines/s (${DUP_SECONDS} s, JVM CPU ${DUP_JVM_CPU} s)   goal >= 20000"
    exit 0
fi

# --- rounds: the big file through the job, then the same rows by COPY --------------------------------
# COPY of the same rows on this kind of machine varies by up to a third from one minute to the next
# (the database's buffer cache, checkpoints, the disk), more than the job differs from it, so a single
# pair says little: each round imports the big file into a source of its own and then COPYs the rows
# that import stored into tables of the same layout (partitioned like audit_event, with its indexes and
# its foreign key), which hold the same number of rows the import found stored before it: the rows
# stored before the first round are put in untimed, and each round's COPY adds as many rows as its
# import did. VACUUM ANALYZE and a CHECKPOINT precede each import and each COPY, so that neither
# writes out the other's pages nor shares the machine with autovacuum cleaning up after the other.
ROUNDS=${ROUNDS:-3}
now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
"${PSQL[@]}" -d "$DB" <<SQL
CREATE TABLE bench_copy_event (LIKE audit_event INCLUDING ALL) PARTITION BY RANGE (occurred_at);
CREATE TABLE bench_copy_event_default PARTITION OF bench_copy_event DEFAULT;
ALTER TABLE bench_copy_event ADD FOREIGN KEY (source_id) REFERENCES audit_source (id);
CREATE TABLE bench_copy_leaf (LIKE trail_log_leaf INCLUDING ALL);
INSERT INTO bench_copy_event SELECT * FROM audit_event;
INSERT INTO bench_copy_leaf SELECT * FROM trail_log_leaf;
SQL
: >"$RUN/rounds"
for round in $(seq 1 "$ROUNDS"); do
    source=bench-big-$round
    say "round $round of $ROUNDS: big file ($EVENTS events, $(du -h "$BIG_FILE" | cut -f1)) into source $source"
    "${PSQL[@]}" -d "$DB" -c "VACUUM ANALYZE" -c "CHECKPOINT"
    if [ "${BENCH_JFR:-}" = 1 ] && [ "$round" = 1 ]; then
        jcmd "$PID" JFR.start name=bench settings=profile filename="$RUN/ingest.jfr" >/dev/null
    fi
    import_file "$BIG_FILE" "$source" "$EVENTS" >"$RUN/big-$round.figures"
    if [ "${BENCH_JFR:-}" = 1 ] && [ "$round" = 1 ]; then
        jcmd "$PID" JFR.stop name=bench >/dev/null
        say "flight recording: $RUN/ingest.jfr (jfr print --events jdk.ExecutionSample ...)"
    fi
    say "round $round: exporting the rows the import stored and COPYing them into tables of the same layout"
    "${PSQL[@]}" -d "$DB" <<SQL
\\copy (SELECT e.* FROM audit_event e JOIN audit_source s ON s.id = e.source_id WHERE s.name = '$source') TO '$RUN/events.copy'
\\copy (SELECT l.* FROM trail_log_leaf l JOIN audit_event e ON e.id = l.event_id JOIN audit_source s ON s.id = e.source_id WHERE s.name = '$source') TO '$RUN/leaves.copy'
VACUUM ANALYZE;
CHECKPOINT;
SQL
    T0=$(now)
    "${PSQL[@]}" -d "$DB" -c "\\copy bench_copy_event FROM '$RUN/events.copy'"
    T1=$(now)
    "${PSQL[@]}" -d "$DB" -c "\\copy bench_copy_leaf FROM '$RUN/leaves.copy'"
    T2=$(now)
    COPIED=$(wc -l <"$RUN/events.copy")
    rm -f "$RUN/events.copy" "$RUN/leaves.copy"
    read -r STORED JOB_SECONDS _ <"$RUN/big-$round.figures"
    JOB_RATE=$(rate "$STORED" "$JOB_SECONDS")
    COPY_ALL_RATE=$(rate "$COPIED" "$(awk -v a="$T0" -v b="$T2" 'BEGIN { print b - a }')")
    COPY_EVENTS_RATE=$(rate "$COPIED" "$(awk -v a="$T0" -v b="$T1" 'BEGIN { print b - a }')")
    echo "$round $JOB_RATE $COPY_ALL_RATE $COPY_EVENTS_RATE" >>"$RUN/rounds"
    say "round $round: job $JOB_RATE events/s, COPY $COPY_ALL_RATE events/s (events only $COPY_EVENTS_RATE): ratio $(awk -v a="$JOB_RATE" -v b="$COPY_ALL_RATE" 'BEGIN { printf "%.2f", a / b }')"
done

mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
per_event() { awk -v j="$1" -v d="$2" -v n="$3" 'BEGIN { printf "%.0f + %.0f", j * 1e6 / n, d * 1e6 / n }'; }
read -r BIG_STORED BIG_SECONDS BIG_OLD BIG_USED BIG_LIVE BIG_JVM_CPU BIG_DB_CPU <"$RUN/big-1.figures"

{
echo
echo "Ingestion benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)$([ "$WARMUP_EVENTS" -gt 0 ] && echo ", after a warm-up import of $WARMUP_EVENTS events" || echo ", no warm-up import")"
echo "  $EVENTS events per round ($(du -h "$BIG_FILE" | cut -f1) file), $ROUNDS rounds; COPY: the same rows the job stored, into tables of the same layout and size"
echo "  round   job events/s   COPY events+leaves/s   COPY events only/s   ratio (with leaves)   ratio (events only)   CPU µs/event JVM + PG   collector pauses   PG waiting for a core"
while read -r round job all only; do
    read -r stored seconds _ _ _ jvm db <"$RUN/big-$round.figures"
    printf '  %-7s %-14s %-22s %-20s %-21s %-21s %-23s %-18s %s\n' "$round" "$job" "$all" "$only" \
        "$(awk -v a="$job" -v b="$all" 'BEGIN { printf "%.2f", a / b }')" "$(awk -v a="$job" -v b="$only" 'BEGIN { printf "%.2f", a / b }')" \
        "$(per_event "$jvm" "$db" "$stored")" "$(cut -d' ' -f1 "$RUN/gc-pauses-bench-big-$round") s" "$(cat "$RUN/pg-runqueue-bench-big-$round") s"
done <"$RUN/rounds"
echo "  median ratio job / COPY        $(awk '{ print $2 / $3 }' "$RUN/rounds" | median) with leaves, $(awk '{ print $2 / $4 }' "$RUN/rounds" | median) events only"
echo "  JVM CPU by thread (round 1)    $(cat "$RUN/thread-groups-bench-big-1")"
echo "  collections (round 1)          paused the import $(cat "$RUN/gc-pauses-bench-big-1")"
echo "  heap (-Xmx$XMX)                 small file: $SMALL_STORED events ($(du -h "$SMALL_FILE" | cut -f1)) | big file, round 1: $BIG_STORED events ($(du -h "$BIG_FILE" | cut -f1))"
echo "    peak old generation           $(mb "$SMALL_OLD") | $(mb "$BIG_OLD")"
echo "    peak used                     $(mb "$SMALL_USED") | $(mb "$BIG_USED")"
echo "    largest live heap after full GC $(mb "$SMALL_LIVE") | $(mb "$BIG_LIVE")"
} | tee "$RUN/result-$(date -u +%Y%m%dT%H%M%SZ).txt"
