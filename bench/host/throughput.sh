#!/usr/bin/env bash
# Whole-process benchmark: N blobs of 4 KiB end to end through `oomlab host` with the streaming function
# (discovered, processed, outputs and receipt durable). Reports blobs/s for a backlog (blobs written while
# the host is stopped, then the host started) and for live arrivals (blobs written while it runs), and the
# trigger latency (discovery to invocation start) from the run's own telemetry.
# Usage: bench/host/throughput.sh [count]   (default 10000)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
oomlab="$repo/oomlab"
count="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
settings=(--function BlobStreamProcessor --ceiling 1GiB --setting BLOB_BATCH_SIZE=32 --setting MAX_CONCURRENT_INVOCATIONS=64)
now() { date +%s.%N; }
done_count() { "$oomlab" status --root "$1" --format json 2>/dev/null | sed -n 's/.*"done": *\([0-9]*\).*/\1/p' | head -1; }

"$oomlab" --help >/dev/null  # build once, outside the timings

echo "== backlog: $count blobs written first, then the host started"
"$oomlab" load --root "$work/backlog" --count "$count" --size 4KiB >/dev/null
start=$(now)
"$oomlab" host --root "$work/backlog" "${settings[@]}" --until-idle 500ms >/dev/null 2>&1
end=$(now)
backlog_rate=$(echo "$count / ($end - $start - 0.5)" | bc -l)
printf 'backlog: %d blobs in %.2f s (idle wait excluded): %.0f blobs/s\n' "$count" "$(echo "$end - $start - 0.5" | bc -l)" "$backlog_rate"

echo "== live: the host running, $count blobs written into it"
mkdir -p "$work/live"
"$oomlab" host --root "$work/live" "${settings[@]}" >/dev/null 2>&1 &
host=$!
until [[ -f "$work/live/.oomlab/queue.db" ]]; do sleep 0.05; done
sleep 1
start=$(now)
"$oomlab" load --root "$work/live" --count "$count" --size 4KiB >/dev/null
until [[ "$(done_count "$work/live")" == "$count" ]]; do sleep 0.05; done
end=$(now)
kill -TERM "$host"; wait "$host" || true
printf 'live: %d blobs in %.2f s (including writing them): %.0f blobs/s\n' "$count" "$(echo "$end - $start" | bc -l)" "$(echo "$count / ($end - $start)" | bc -l)"

"$oomlab" query --telemetry "$work/live" \
  "requests | extend latency = todouble(customDimensions.TriggerLatencyMs) | summarize invocations = count(), p50_ms = percentile(latency, 50), p95_ms = percentile(latency, 95), max_ms = max(latency), p95_duration_ms = percentile(duration / 1ms, 95)"
