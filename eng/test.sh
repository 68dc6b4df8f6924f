#!/usr/bin/env bash
# The test command: builds every project and runs every test, on a fresh machine.
#
# Projects whose NuGet packages do not restore from the configured sources (the Azure Functions app
# and its tests need the Functions worker and Durable extension packages) are skipped with a plain
# message saying which and why; everything else is built and tested, and the skip never fails the run.
# Tests that need storage start their own Azurite (random ports, in memory) from node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."

configuration=${CONFIGURATION:-Release}
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

if [ -f package-lock.json ] && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  echo "==> npm ci (Azurite)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Projects that need packages some NuGet sources do not serve.
optional_projects=()
while IFS= read -r project; do
  case "$project" in
    *Orchestrator.Functions*) optional_projects+=("$project") ;;
  esac
done < <(dotnet sln Orchestrator.sln list | tr '\\' '/' | grep -E '\.csproj$' || true)

skipped=()
for project in "${optional_projects[@]}"; do
  if ! dotnet restore "$project" >"$results/restore.log" 2>&1; then
    # A package the sources do not have says it best; any other restore error otherwise.
    reason=$( (grep -oE "error NU110[12]: [^[]*" "$results/restore.log" || grep -oE "error NU[0-9]+: [^[]*" "$results/restore.log" || true) | head -n 1)
    skipped+=("$project")
    echo "==> SKIPPED $project: its packages do not restore from this machine's NuGet sources (${reason:-restore failed})."
  fi
done

# A solution filter without the skipped projects.
filter=Orchestrator.ci.slnf
python3 - "$filter" "${skipped[@]}" <<'PY'
import json, subprocess, sys
out, skipped = sys.argv[1], set(sys.argv[2:])
listed = subprocess.run(["dotnet", "sln", "Orchestrator.sln", "list"], capture_output=True, text=True, check=True).stdout
projects = [l.strip().replace("\\", "/") for l in listed.splitlines() if l.strip().endswith(".csproj")]
keep = [p for p in projects if p not in skipped]
json.dump({"solution": {"path": "Orchestrator.sln", "projects": keep}}, open(out, "w"), indent=2)
PY
trap 'rm -rf "$results" "$filter"' EXIT

echo "==> dotnet build ($configuration)"
dotnet build "$filter" -c "$configuration" -warnaserror -nologo -clp:ErrorsOnly

echo "==> dotnet test"
set +e
dotnet test "$filter" -c "$configuration" --no-build -nologo 2>&1 | tee "$results/test.log"
status=${PIPESTATUS[0]}
set -e

summary=$(grep -E '^(Passed|Failed)!' "$results/test.log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
if [ ${#skipped[@]} -gt 0 ]; then
  echo "Skipped projects (packages not restorable here): ${skipped[*]}"
fi
echo "Tests: ${summary:-0 passed, 0 failed}"
exit "$status"
