#!/usr/bin/env bash
# A user's function app against oomlab's own worker (BlobBufferProcessor) on the same blobs in the same sitting: a .NET
# isolated app (tests/apps/IsolatedBlobApp, function ScanBuffered; the default) or a Python v2 app (tests/apps/PythonBlobApp,
# function scan_buffered, with kind python). N blobs of 4 KiB written first, then `oomlab host` until idle, alternated for
# R rounds. Prints blobs/s of each run (start-up included, the idle wait excluded) and the ratio of the medians
# (app / native). Both use batch 32, 64 concurrent invocations, newBatchThreshold 32.
# Usage: [OOMLAB=path/to/oomlab] bench/host/app-throughput.sh [count] [rounds] [dotnet|python]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
oomlab="${OOMLAB:-$repo/oomlab}"
count="${1:-10000}"
rounds="${2:-3}"
kind="${3:-dotnet}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
app="$work/app"
if [[ $kind == python ]]; then
  mkdir -p "$app" && cp "$repo/tests/apps/PythonBlobApp/"{function_app.py,host.json} "$app/"
  function=scan_buffered
else
  dotnet build "$repo/tests/apps/IsolatedBlobApp/IsolatedBlobApp.csproj" -c Release -o "$app" --nologo -v quiet -clp:ErrorsOnly >/dev/null
  function=ScanBuffered
fi
settings=(--ceiling 2GiB --setting BLOB_BATCH_SIZE=32 --setting MAX_CONCURRENT_INVOCATIONS=64
  --setting AzureFunctionsJobHost__extensions__queues__newBatchThreshold=32)

run() { # kind round -> blobs/s
  local kind=$1 root="$work/$1-$2" container=input args
  if [[ $kind == app ]]; then container=uploads; args=(--app "$app" --function "$function"); else args=(--function BlobBufferProcessor); fi
  mkdir -p "$root"
  "$oomlab" load --root "$root" --container "$container" --count "$count" --size 4KiB >/dev/null
  local start end
  start=$(date +%s.%N)
  "$oomlab" host --root "$root" "${args[@]}" "${settings[@]}" --until-idle 500ms >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$count / ($end - $start - 0.5)" | bc -l
}

native=() apps=()
for ((r = 1; r <= rounds; r++)); do
  native+=("$(run native "$r")")
  apps+=("$(run app "$r")")
  printf 'round %d: native %.0f blobs/s, app %.0f blobs/s\n' "$r" "${native[-1]}" "${apps[-1]}"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
n=$(median "${native[@]}") a=$(median "${apps[@]}")
printf 'median: native %.0f blobs/s, app %.0f blobs/s; ratio app/native %.2f (goal >= 0.5)\n' "$n" "$a" "$(echo "$a / $n" | bc -l)"
