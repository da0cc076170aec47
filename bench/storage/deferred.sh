#!/usr/bin/env bash
# Worker memory of a .NET isolated app's blob trigger by blob size: ScanDeferred (a Stream trigger, deferred binding: the
# worker reads the blob from the account itself) on Azurite, beside ScanStreamed (a Stream trigger with an output path
# expression, so the host sends the whole blob as bytes) on the folder backend, one blob per run. Prints each run's peak
# worker Working Set and Private Bytes (performanceCounters) and the instance's peak Private Bytes (_Total: host-held
# bytes included).
# Usage: [OOMLAB=path/to/oomlab] bench/storage/deferred.sh [sizes...]   (default 64MiB 256MiB 1GiB)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
oomlab="${OOMLAB:-$repo/oomlab}"
sizes=("$@"); [[ ${#sizes[@]} -gt 0 ]] || sizes=(64MiB 256MiB 1GiB)
work="$(mktemp -d)"
. "$repo/bench/storage/azurite.sh"
cleanup() { stop_azurite; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
app="$work/app"
dotnet build "$repo/tests/apps/IsolatedBlobApp/IsolatedBlobApp.csproj" -c Release -o "$app" --nologo -v quiet -clp:ErrorsOnly >/dev/null
start_azurite deferred

peaks() { "$oomlab" query --telemetry "$1" --format csv \
  "performanceCounters | summarize ws = max(iff(name == 'Working Set', value, real(null))) / 1048576, pb = max(iff(name == 'Private Bytes' and instance != '_Total', value, real(null))) / 1048576, total = max(iff(name == 'Private Bytes' and instance == '_Total', value, real(null))) / 1048576" | tail -1; }

printf '%-8s %-34s %12s %14s %16s\n' size run "worker WS MiB" "worker PB MiB" "instance PB MiB"
for size in "${sizes[@]}"; do
  "$oomlab" load --storage "$cs" --container uploads --count 1 --size "$size" --prefix "$size-" >/dev/null
  "$oomlab" host --storage "$cs" --root "$work/deferred-$size" --app "$app" --function ScanDeferred --ceiling 8GiB --until-idle 1s >/dev/null 2>&1
  IFS=, read -r ws pb total < <(peaks "$work/deferred-$size")
  printf '%-8s %-34s %12.0f %14.0f %16.0f\n' "$size" "ScanDeferred, Azurite (deferred)" "$ws" "$pb" "$total"
  "$oomlab" load --root "$work/bytes-$size" --container uploads --count 1 --size "$size" >/dev/null
  "$oomlab" host --root "$work/bytes-$size" --app "$app" --function ScanStreamed --ceiling 8GiB --until-idle 1s >/dev/null 2>&1
  IFS=, read -r ws pb total < <(peaks "$work/bytes-$size")
  printf '%-8s %-34s %12.0f %14.0f %16.0f\n' "$size" "ScanStreamed, folder (bytes)" "$ws" "$pb" "$total"
done
