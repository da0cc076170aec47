#!/usr/bin/env bash
# Whole-process benchmark: N blobs of 4 KiB end to end through `oomlab host` with the streaming function
# (discovered, processed, outputs and receipt durable). Reports, as medians over rounds:
#  - backlog: blobs written while the host is stopped, then the host started (blobs/s, start-up included);
#  - live: blobs written as fast as `oomlab load` can while the host runs (blobs/s including the writing);
#  - paced: blobs arriving at a sustainable rate (default 1000/s) while the host runs;
# and the trigger latency (discovery to invocation start) and arrival latency (the blob's last write to invocation
# start: what a writer waits) of the live and paced runs from their telemetry.
# Each round also runs bench/host/floor.py, the same disk work done by one bare process, as a yardstick of the
# machine's state in this run, and reports the share of CPU time the hypervisor took (steal) during the backlog run.
# Settings: BLOB_BATCH_SIZE=32, MAX_CONCURRENT_INVOCATIONS=64 and newBatchThreshold=32, so that 64 invocations can
# be in flight (with the default threshold, batchSize / 2 = 16, at most 48 are); THRESHOLD=16 measures the default.
# Usage: bench/host/throughput.sh [count] [rounds] [rate]   (default 10000 3 1000/s)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
oomlab="${OOMLAB:-$repo/oomlab}"  # OOMLAB=path/to/oomlab measures another build
count="${1:-10000}"
rounds="${2:-3}"
rate="${3:-1000/s}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
settings=(--function BlobStreamProcessor --ceiling 1GiB --setting BLOB_BATCH_SIZE=32 --setting MAX_CONCURRENT_INVOCATIONS=64
  --setting "AzureFunctionsJobHost__extensions__queues__newBatchThreshold=${THRESHOLD:-32}")
now() { date +%s.%N; }
# CPU jiffies: all, then steal (from /proc/stat's first line).
jiffies() { awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $9 }' /proc/stat; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
done_count() { "$oomlab" status --root "$1" --format json 2>/dev/null | sed -n 's/.*"done": *\([0-9]*\).*/\1/p' | head -1; }
# When the last receipt was committed (seconds since the epoch), from the run's telemetry: polling `oomlab status`
# often enough to time the end would itself take CPU from the host on these two cores.
last_receipt() {
  "$oomlab" query --telemetry "$1" --format csv \
    "requests | extend done = timestamp + todouble(customDimensions.ReceiptAfterMs) * 1ms | summarize e = max(done) | project s = (e - datetime(1970-01-01)) / 1s" | tail -1
}
# Trigger latency (discovery to invocation start), then arrival latency (the blob's last write to invocation start).
latency() {
  "$oomlab" query --telemetry "$1" --format csv \
    "requests | extend t = todouble(customDimensions.TriggerLatencyMs), a = todouble(customDimensions.ArrivalLatencyMs) | summarize p50 = percentile(t, 50), p95 = percentile(t, 95), mx = max(t), ap50 = percentile(a, 50), ap95 = percentile(a, 95), amx = max(a)" | tail -1
}

# Runs the host on $1 while `load` writes into it (extra load arguments after the root); prints blobs/s.
live() {
  local root="$1"; shift
  mkdir -p "$root"
  "$oomlab" host --root "$root" "${settings[@]}" >/dev/null 2>&1 &
  local host=$!
  until [[ -f "$root/.oomlab/queue.db" ]]; do sleep 0.05; done
  sleep 1
  local start end
  start=$(now)
  "$oomlab" load --root "$root" --count "$count" --size 4KiB "$@" >/dev/null
  until [[ "$(done_count "$root")" == "$count" ]]; do sleep 0.5; done
  kill -TERM "$host"; wait "$host" || true
  end=$(last_receipt "$root")
  echo "$count / ($end - $start)" | bc -l
}

"$oomlab" --help >/dev/null  # build once, outside the timings

for round in $(seq 1 "$rounds"); do
  python3 "$repo/bench/host/floor.py" "$work/floor$round" "$count" >>"$work/floor"
  "$oomlab" load --root "$work/backlog$round" --count "$count" --size 4KiB >/dev/null
  read -r all0 steal0 < <(jiffies)
  start=$(now)
  "$oomlab" host --root "$work/backlog$round" "${settings[@]}" --until-idle 500ms >/dev/null 2>&1
  end=$(now)
  read -r all1 steal1 < <(jiffies)
  echo "$count / ($end - $start - 0.5)" | bc -l >>"$work/backlog"
  echo "100 * ($steal1 - $steal0) / ($all1 - $all0)" | bc -l >>"$work/steal"
  live "$work/live$round" >>"$work/live"
  latency "$work/live$round" >>"$work/live-latency"
  live "$work/paced$round" --rate "$rate" >>"$work/paced"
  latency "$work/paced$round" >>"$work/paced-latency"
  printf 'round %d: floor %.0f blobs/s, backlog %.0f blobs/s (steal %.1f %%), live %.0f blobs/s (trigger p50,p95,max then arrival p50,p95,max ms %s), paced %s: %.0f blobs/s (latency %s)\n' "$round" \
    "$(tail -1 "$work/floor")" "$(tail -1 "$work/backlog")" "$(tail -1 "$work/steal")" "$(tail -1 "$work/live")" "$(tail -1 "$work/live-latency")" "$rate" "$(tail -1 "$work/paced")" "$(tail -1 "$work/paced-latency")"
done

col() { cut -d, -f"$1" "$2" | median; }
printf '%d blobs of 4 KiB, median of %d rounds\n' "$count" "$rounds"
printf 'floor (bench/host/floor.py, one process doing the disk work alone): %.0f blobs/s\n' "$(median <"$work/floor")"
printf 'backlog: %.0f blobs/s (idle wait excluded, start-up included); %.2f of the floor; steal %.1f %% of CPU time\n' \
  "$(median <"$work/backlog")" "$(echo "$(median <"$work/backlog") / $(median <"$work/floor")" | bc -l)" "$(median <"$work/steal")"
printf 'live: %.0f blobs/s including writing them; trigger latency p50 %.1f ms, p95 %.1f ms; arrival latency p50 %.1f ms, p95 %.1f ms\n' \
  "$(median <"$work/live")" "$(col 1 "$work/live-latency")" "$(col 2 "$work/live-latency")" "$(col 4 "$work/live-latency")" "$(col 5 "$work/live-latency")"
printf 'paced at %s: %.0f blobs/s; trigger latency p50 %.1f ms, p95 %.1f ms; arrival latency p50 %.1f ms, p95 %.1f ms\n' \
  "$rate" "$(median <"$work/paced")" "$(col 1 "$work/paced-latency")" "$(col 2 "$work/paced-latency")" "$(col 4 "$work/paced-latency")" "$(col 5 "$work/paced-latency")"
