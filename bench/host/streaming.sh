#!/usr/bin/env bash
# Whole-process benchmark: the streaming function on one large blob through `oomlab host`, against
# `openssl dgst -sha256` of the same (cached) file in the same run. Reports the throughput ratio and the
# worker's peak Private Bytes from the run's telemetry.
# Usage: bench/host/streaming.sh [size]   (default 1GiB; e.g. 4GiB)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
oomlab="$repo/oomlab"
size="${1:-1GiB}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$oomlab" --help >/dev/null

"$oomlab" load --root "$work" --count 1 --size "$size" --prefix big/ >/dev/null
blob="$(find "$work/input" -type f | head -1)"
bytes=$(stat -c %s "$blob")
cat "$blob" >/dev/null
best=""
for _ in 1 2 3; do
  s=$(date +%s.%N); openssl dgst -sha256 "$blob" >/dev/null; e=$(date +%s.%N)
  t=$(echo "$e - $s" | bc -l)
  if [[ -z "$best" ]] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
done

"$oomlab" host --root "$work" --function BlobStreamProcessor --ceiling 1GiB --until-idle 500ms >/dev/null 2>&1
seconds=$("$oomlab" query --telemetry "$work" --format csv "requests | where success | project s = duration / 1s" | tail -1)
peak=$("$oomlab" query --telemetry "$work" --format csv "performanceCounters | where counter == 'Private Bytes' and instance != '_Total' | summarize m = max(value) / 1048576.0" | tail -1)
printf 'blob %s (%d bytes)\n' "$size" "$bytes"
printf 'openssl dgst -sha256: %.2f s (%.0f MiB/s)\n' "$best" "$(echo "$bytes / 1048576 / $best" | bc -l)"
printf 'oomlab host, BlobStreamProcessor: %.2f s (%.0f MiB/s), copy + SHA-256 + line count, outputs fsynced\n' "$seconds" "$(echo "$bytes / 1048576 / $seconds" | bc -l)"
printf 'throughput ratio to openssl: %.2f\n' "$(echo "$best / $seconds" | bc -l)"
printf 'worker peak Private Bytes: %.1f MiB\n' "$peak"
