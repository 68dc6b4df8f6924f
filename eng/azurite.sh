#!/usr/bin/env bash
# Starts Azurite, the local Azure Storage emulator, for the standalone runtime: the Table and Queue
# services, in memory (everything is gone when it stops), on 127.0.0.1 only.
#
# Usage:
#   eng/azurite.sh            run in the foreground until Ctrl+C
#   eng/azurite.sh --detach   return once both services listen, leaving Azurite running; prints its
#                             process id on stdout (stop it with: kill <pid>)
#
# Environment:
#   AZURITE_TABLE_PORT   Table service port (default 10002)
#   AZURITE_QUEUE_PORT   Queue service port (default 10001)
#   AZURITE_ACCESS_LOG   1 to log every request (default: startup, shutdown and errors only)
#   AZURITE_TIMEOUT      seconds to wait for both services to listen (default 60)
#   AZURITE_WORKSPACE    folder for Azurite's log and working directory (default: a fresh temporary folder,
#                        removed when Azurite stops in the foreground; with --detach the caller removes it)
#
# The defaults are the ports "UseDevelopmentStorage=true" points at; with others, give the runtime the
# connection string this script prints. Messages go to stderr; Azurite's own output goes to a log file
# in a fresh temporary folder, which is also its working directory, so nothing is written to the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

detach=false
case "${1:-}" in
  "") ;;
  --detach) detach=true ;;
  -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "azurite.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
esac

table_port=${AZURITE_TABLE_PORT:-10002}
queue_port=${AZURITE_QUEUE_PORT:-10001}
timeout=${AZURITE_TIMEOUT:-60}
host=127.0.0.1
root=$(pwd)
entry=node_modules/azurite/dist/src/azurite.js

# The pinned Azurite comes from package-lock.json; install it on a fresh clone or after the pin moved.
if [ ! -f "$entry" ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "azurite.sh: installing Azurite (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

workspace=${AZURITE_WORKSPACE:-$(mktemp -d "${TMPDIR:-/tmp}/journey-azurite.XXXXXX")}
mkdir -p "$workspace"
log="$workspace/azurite.log"
: >"$log" # exists before Azurite starts, so following it below cannot race the first write

arguments=(
  --tableHost "$host" --tablePort "$table_port"
  --queueHost "$host" --queuePort "$queue_port"
  # The all-in-one entry always serves Blob too; the product does not use it, so the OS picks a free port.
  --blobHost "$host" --blobPort 0
  --inMemoryPersistence
  # Telemetry would also write an instance-id file into the working directory.
  --disableTelemetry
  # Azure.Storage.Queues 12.28 speaks service version 2026-10-06, newer than this Azurite knows.
  --skipApiVersionCheck
)
if [ "${AZURITE_ACCESS_LOG:-0}" != 1 ]; then
  arguments+=(--silent)
fi

# A subshell so the cd affects only Azurite; exec so the recorded pid is node's own. Detached, Azurite gets a session
# of its own, so a Ctrl+C or a signal to the caller's process group does not stop it before the caller has stopped
# what uses it (setsid does not fork here: a background subshell never leads its process group).
launcher=()
if $detach; then
  launcher=(setsid)
fi
(cd "$workspace" && exec "${launcher[@]}" node "$root/$entry" "${arguments[@]}") >>"$log" 2>&1 &
azurite_pid=$!

fail() {
  echo "azurite.sh: $1" >&2
  echo "azurite.sh: Azurite printed ($log):" >&2
  sed 's/^/  /' "$log" >&2
  kill "$azurite_pid" 2>/dev/null || true
  rm -rf "$workspace"
  exit 1
}

# Follow the log until both services report listening, Azurite dies, or the deadline passes.
exec {follow}< <(tail -n +1 -f "$log")
tail_pid=$!
deadline=$((SECONDS + timeout))
queue_ready=false
table_ready=false
until $queue_ready && $table_ready; do
  if ! kill -0 "$azurite_pid" 2>/dev/null; then
    kill "$tail_pid" 2>/dev/null || true
    fail "Azurite exited before listening (is another Azurite on ports $table_port/$queue_port? set AZURITE_TABLE_PORT / AZURITE_QUEUE_PORT)."
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    kill "$tail_pid" 2>/dev/null || true
    fail "Azurite did not report its Table and Queue services listening within ${timeout}s."
  fi
  # The one-second read timeout only bounds how long a death goes unnoticed; lines wake it at once.
  if IFS= read -r -t 1 -u "$follow" line; then
    case "$line" in
      *"Queue service is successfully listening"*) queue_ready=true ;;
      *"Table service is successfully listening"*) table_ready=true ;;
    esac
  fi
done
kill "$tail_pid" 2>/dev/null || true
exec {follow}<&-

account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
connection_string="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$account_key;TableEndpoint=http://$host:$table_port/devstoreaccount1;QueueEndpoint=http://$host:$queue_port/devstoreaccount1;"
{
  echo "Azurite is listening: Table http://$host:$table_port, Queue http://$host:$queue_port (in memory; log: $log)"
  echo "Connection string: $connection_string"
} >&2

if $detach; then
  echo "$azurite_pid"
  exit 0
fi

# Foreground: stop Azurite with this script and remove its folder.
stop() {
  kill "$azurite_pid" 2>/dev/null || true
  wait "$azurite_pid" 2>/dev/null || true
  rm -rf "$workspace"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
echo "Press Ctrl+C to stop." >&2
wait "$azurite_pid"
