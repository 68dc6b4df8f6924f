#!/usr/bin/env bash
# The run command: the standalone runtime on Azurite, with the sample journeys deployed.
#
# Starts Azurite (Table and Queue services, in memory, on 127.0.0.1), then the runtime host
# (dotnet run, Release), waits until it answers /healthz, and prints where to send touchpoints and how
# to watch instances. Ctrl+C or SIGTERM stops the host first and waits for it to finish, then Azurite, and removes
# Azurite's temporary folder; nothing is kept. Both run in sessions of their own, so a signal to this script's
# process group reaches only this script, which stops them in that order.
#
# Environment:
#   ORCHESTRATOR_URL            where the host listens (default http://127.0.0.1:5080)
#   AZURITE_TABLE_PORT          Table service port (default 10002, or a free port when 10002 is taken)
#   AZURITE_QUEUE_PORT          Queue service port (default 10001, or a free port when 10001 is taken)
#   ORCHESTRATOR_START_TIMEOUT  seconds to wait for the host, build included (default 300)
#   ORCHESTRATOR_MANAGEMENT_KEY API key for the management routes (default: a random one for this run)
#   ORCHESTRATOR_INGESTION_KEY  API key for POST /api/touchpoints (default: a random one for this run)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

url=${ORCHESTRATOR_URL:-http://127.0.0.1:5080}
url=${url%/}
start_timeout=${ORCHESTRATOR_START_TIMEOUT:-300}
loopback=127.0.0.1
account=devstoreaccount1
# Azurite's published development key: not a secret.
account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

say() { printf 'run.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

for tool in dotnet node npm curl setsid; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not on PATH. The run command needs the .NET 10 SDK, Node.js 20 (with npm), curl and setsid (util-linux)."
done

listening() { (: </dev/tcp/"$loopback"/"$1") 2>/dev/null; }
free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, process.argv[1], () => { process.stdout.write(String(s.address().port)); s.close(); });' "$loopback"
}
pick_port() { # name, wanted (from the environment or the default), explicitly-set flag
  if listening "$2"; then
    [ "$3" = yes ] && die "$1 port $2 is already in use; choose another with the environment variable."
    free_port
  else
    echo "$2"
  fi
}

# The pinned Azurite comes from package-lock.json: install it on a fresh clone or when the pin moved.
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing Node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

# The console (src/Orchestrator.Console) is built into the host's static files; build it on a fresh clone or when its
# sources or pins changed since the last build.
console_dir=src/Orchestrator.Console
console_page=src/Orchestrator.Standalone/wwwroot/console/index.html
if [ ! -f "$console_dir/node_modules/.package-lock.json" ] || [ "$console_dir/package-lock.json" -nt "$console_dir/node_modules/.package-lock.json" ]; then
  say "installing the console's Node packages (npm ci in $console_dir)"
  (cd "$console_dir" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
if [ ! -f "$console_page" ] || [ -n "$(find "$console_dir/src" "$console_dir/index.html" "$console_dir/package-lock.json" schemas/journey.schema.json -newer "$console_page" -print -quit)" ]; then
  say "building the console (npm run build in $console_dir)"
  (cd "$console_dir" && npm run --silent build) >&2
fi

table_port=$(pick_port "Azurite Table" "${AZURITE_TABLE_PORT:-10002}" "${AZURITE_TABLE_PORT:+yes}")
queue_port=$(pick_port "Azurite Queue" "${AZURITE_QUEUE_PORT:-10001}" "${AZURITE_QUEUE_PORT:+yes}")
[ "$table_port" != "$queue_port" ] || queue_port=$(free_port)

host_port=${url##*:}
case "$host_port" in '' | *[!0-9]*) die "ORCHESTRATOR_URL must be http://HOST:PORT, not '$url'." ;; esac
if listening "$host_port"; then
  die "port $host_port is already in use (is the runtime running already?); set ORCHESTRATOR_URL=http://127.0.0.1:<free port>."
fi

azurite_pid=""
azurite_workspace=""
host_pid=""
stop() {
  local status=$?
  trap - EXIT INT TERM
  # Clean up whatever happens to the terminal or a pipe we write to (Ctrl+C also ends a '| tee').
  set +e
  trap '' PIPE
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    say "stopping the runtime"
    # The host runs in a session of its own: signal the whole group (dotnet run and the app it started).
    kill -TERM -- "-$host_pid" 2>/dev/null || true
    # It finishes its work (and its last writes to storage) before Azurite goes: give it up to 30 s.
    for _ in $(seq 1 300); do kill -0 "$host_pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$host_pid" 2>/dev/null; then
      say "the runtime did not stop within 30 s; killing it"
      kill -KILL -- "-$host_pid" 2>/dev/null || true
    fi
    wait "$host_pid" 2>/dev/null
  fi
  if [ -n "$azurite_pid" ]; then
    say "stopping Azurite"
    kill "$azurite_pid" 2>/dev/null || true
    # Not this script's child (azurite.sh started it), so poll rather than wait.
    for _ in $(seq 1 100); do kill -0 "$azurite_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$azurite_pid" 2>/dev/null || true
  fi
  if [ -n "$azurite_workspace" ]; then
    rm -rf "$azurite_workspace"
  fi
  exit "$status"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "starting Azurite (Table $table_port, Queue $queue_port, in memory)"
azurite_workspace=$(mktemp -d "${TMPDIR:-/tmp}/journey-azurite.XXXXXX")
azurite_pid=$(AZURITE_TABLE_PORT=$table_port AZURITE_QUEUE_PORT=$queue_port AZURITE_WORKSPACE=$azurite_workspace eng/azurite.sh --detach) \
  || die "Azurite did not start (see above)."
connection="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$account_key;TableEndpoint=http://$loopback:$table_port/$account;QueueEndpoint=http://$loopback:$queue_port/$account;"

# Known keys for this run, passed to the host and printed below, so the curl commands work as shown.
random_key() { node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("base64url"))'; }
management_key=${ORCHESTRATOR_MANAGEMENT_KEY:-$(random_key)}
ingestion_key=${ORCHESTRATOR_INGESTION_KEY:-$(random_key)}

say "building and starting the runtime on $url (dotnet run -c Release; the first build takes a minute)"
Storage__ConnectionString=$connection \
Orchestrator__DeploySamplesFrom="$root/samples/journeys" \
Orchestrator__Security__ManagementKey=$management_key \
Orchestrator__Security__IngestionKey=$ingestion_key \
ASPNETCORE_URLS=$url \
DOTNET_NOLOGO=1 \
  setsid dotnet run --project src/Orchestrator.Standalone -c Release --no-launch-profile &
host_pid=$!

deadline=$((SECONDS + start_timeout))
until curl -fsS -o /dev/null "$url/healthz" 2>/dev/null; do
  kill -0 "$host_pid" 2>/dev/null || { wait "$host_pid" || true; host_pid=""; die "the runtime exited before answering $url/healthz (see its output above)."; }
  [ "$SECONDS" -lt "$deadline" ] || die "the runtime did not answer $url/healthz within ${start_timeout}s (set ORCHESTRATOR_START_TIMEOUT to wait longer)."
  sleep 0.5
done

# A read-only (peek) SAS for the actions queue, signed with the development key, so curl can look without an SDK.
queue_url="http://$loopback:$queue_port/$account/actions"
sas=$(node -e '
const crypto = require("crypto");
const [account, key] = process.argv.slice(1);
const expiry = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, "Z");
const fields = { sp: "r", ss: "q", srt: "o", se: expiry, spr: "http", sv: "2019-12-12" };
const toSign = [account, fields.sp, fields.ss, fields.srt, "", fields.se, "", fields.spr, fields.sv, ""].join("\n");
const sig = crypto.createHmac("sha256", Buffer.from(key, "base64")).update(toSign, "utf8").digest("base64");
process.stdout.write(new URLSearchParams({ ...fields, sig }).toString());
' "$account" "$account_key")

event_id="evt-$(date +%s)"
cat <<BANNER

================================================================================
 Journey Orchestrator is running at $url
 Sample journeys deployed from samples/journeys: $url/api/journeys (management key)
 Console (journeys, live map, customers, designer, poison): $url/console/
   (it asks for the management key below once per browser tab)
================================================================================

API keys for this run (send in the x-api-key header; set ORCHESTRATOR_MANAGEMENT_KEY and
ORCHESTRATOR_INGESTION_KEY to choose them):
  management (journeys, customers, instances):  $management_key
  ingestion  (POST /api/touchpoints):           $ingestion_key

Send a touchpoint (an invoice for cust-001 starts the bill-payment journey):

  curl -i -X POST '$url/api/touchpoints' \\
    -H 'x-api-key: $ingestion_key' \\
    -H 'Content-Type: application/cloudevents+json' \\
    -d '{"specversion":"1.0","id":"$event_id","type":"invoice.issued","source":"billing","subject":"cust-001","data":{"invoiceId":"INV-1001","amount":120.5,"currency":"EUR","dueDate":"2026-12-31"}}'

Watch the instance (its id is bill-payment:cust-001:<event id>; 202 while running, 200 once completed):

  curl -s -H 'x-api-key: $management_key' '$url/runtime/webhooks/durabletask/instances/bill-payment:cust-001:$event_id?showHistory=true'

Customer timeline (touchpoints, decisions, actions):
  curl -s -H 'x-api-key: $management_key' '$url/api/customers/cust-001/timeline'
Customer journeys:
  curl -s -H 'x-api-key: $management_key' '$url/api/customers/cust-001/journeys'
Journey analytics (funnel, outcomes, score, signals; within a few seconds of a transition) and the journeys to fix first:
  curl -s -H 'x-api-key: $management_key' '$url/api/journeys/bill-payment/analytics?window=24h'
  curl -s -H 'x-api-key: $management_key' '$url/api/analytics/journeys?window=7d'
  ORCHESTRATOR_KEY=$management_key dotnet run --project src/Orchestrator.Cli -- stats bill-payment --url $url
API description (OpenAPI, no key needed):             $url/openapi/v1.json

Actions for channel apps go to the 'actions' Storage Queue (one JSON message each). Peek at them:

  curl -s '$queue_url/messages?peekonly=true&numofmessages=32&$sas'

Touchpoints can also be queued on the 'touchpoints' queue. Storage connection string:
  $connection

Press Ctrl+C to stop the runtime and Azurite.
BANNER

wait "$host_pid"
