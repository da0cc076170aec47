#!/usr/bin/env bash
# The Azure Storage backend beside the folder backend, in the same sitting: N blobs of 4 KiB uploaded (Azurite, started
# here from tools/azurite) or written (folder) first, then `oomlab host --function BlobStreamProcessor` until idle; and two
# hosts at once on the account against one. Alternated for R rounds. Prints per run blobs/s (start-up included, the idle
# wait excluded) and the arrival-to-start p95 (requests' TriggerLatencyMs: from the blob seen complete to its invocation's
# start), then the ratios of the medians. On two cores two instances measure coordination cost, not scaling.
# Usage: [OOMLAB=path/to/oomlab] bench/storage/throughput.sh [count] [rounds]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
oomlab="${OOMLAB:-$repo/oomlab}"
count="${1:-10000}"
rounds="${2:-3}"
work="$(mktemp -d)"
. "$repo/bench/storage/azurite.sh"
cleanup() { stop_azurite; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
settings=(--function BlobStreamProcessor --ceiling 2GiB --setting BLOB_BATCH_SIZE=32 --setting MAX_CONCURRENT_INVOCATIONS=64
  --setting AzureFunctionsJobHost__extensions__queues__newBatchThreshold=32 --until-idle 1s)

# A fresh account per run (start_azurite): every host id scans the whole input container.

p95() { "$oomlab" query --telemetry "$1" --format csv \
  "requests | summarize p = percentile(todouble(customDimensions.TriggerLatencyMs), 95)" | tail -1; }
now() { date +%s.%N; }
rate() { echo "$count / ($2 - $1 - 1)" | bc -l; }

folder() { # round -> "blobs/s p95"
  local root="$work/folder-$1" start end
  "$oomlab" load --root "$root" --count "$count" --size 4KiB >/dev/null
  start=$(now); "$oomlab" host --root "$root" "${settings[@]}" >/dev/null 2>&1; end=$(now)
  echo "$(rate "$start" "$end") $(p95 "$root")"
}

azure() { # round instances -> "blobs/s p95"
  local app="bench-$1-$2" start end i pids=()
  start_azurite "$app"
  "$oomlab" load --storage "$cs" --container input --count "$count" --size 4KiB --prefix "$app/" >/dev/null
  start=$(now)
  for ((i = 1; i <= $2; i++)); do
    "$oomlab" host --storage "$cs" --root "$work/$app-$i" --app-name "$app" --instance "i$i" "${settings[@]}" >/dev/null 2>&1 &
    pids+=($!)
  done
  wait "${pids[@]}"; end=$(now)
  local done_count
  done_count=$("$oomlab" status --storage "$cs" --app-name "$app" --format json | sed -n 's/.*"done": *\([0-9]*\).*/\1/p' | head -1)
  [[ "$done_count" == "$count" ]] || { echo "only $done_count of $count blobs done for $app" >&2; exit 1; }
  echo "$(rate "$start" "$end") $(p95 "$work/$app-1")"
}

f=() a1=() a2=()
for ((r = 1; r <= rounds; r++)); do
  read -r fr fp < <(folder "$r"); f+=("$fr")
  read -r ar ap < <(azure "$r" 1); a1+=("$ar")
  read -r br bp < <(azure "$r" 2); a2+=("$br")
  printf 'round %d: folder %.0f blobs/s (p95 %.0f ms); azurite, one instance %.0f blobs/s (p95 %.0f ms); two instances %.0f blobs/s (p95 %.0f ms, instance 1)\n' \
    "$r" "$fr" "$fp" "$ar" "$ap" "$br" "$bp"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
mf=$(median "${f[@]}") m1=$(median "${a1[@]}") m2=$(median "${a2[@]}")
printf 'median: folder %.0f, azurite one %.0f, azurite two %.0f blobs/s; azurite/folder %.2f; two/one %.2f\n' \
  "$mf" "$m1" "$m2" "$(echo "$m1 / $mf" | bc -l)" "$(echo "$m2 / $m1" | bc -l)"
