#!/usr/bin/env bash
# Whole-process benchmark: the streaming function on one large blob through `oomlab host`, against
# `openssl dgst -sha256` of the same (cached) file in the same run. Three rounds; each round measures the
# baselines and the host back to back, and the figures reported are medians over the rounds.
# The host's time is from the invocation's start until its outputs are durable and its receipt committed
# (requests.customDimensions.ReceiptAfterMs): copy + SHA-256 + line count + fsync + publish + receipt.
# Second baseline, for a function that copies: `openssl dgst -sha256` then `cp` and fsync of the copy.
# Third, the disk's floor for the copy alone: `dd oflag=direct` of the cached file (writes straight to disk,
# no page cache), the least time any durable copy of the blob can take on this disk.
# Reports the throughput ratios and the worker's peak Private Bytes from the run's telemetry.
# Usage: bench/host/streaming.sh [size] [rounds]   (default 1GiB 3; e.g. 4GiB)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
oomlab="${OOMLAB:-$repo/oomlab}"  # OOMLAB=path/to/oomlab measures another build
size="${1:-1GiB}"
rounds="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$oomlab" --help >/dev/null
now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

"$oomlab" load --root "$work/source" --count 1 --size "$size" --prefix big/ >/dev/null
blob="$(find "$work/source/input" -type f | head -1)"
name="${blob#"$work/source/input/"}"
bytes=$(stat -c %s "$blob")
# Cached and clean, as openssl reads it: the host's flush before a receipt covers the whole file system, so input
# still waiting to be written back would be written inside the host's timing.
cat "$blob" >/dev/null
sync "$blob"

: >"$work/openssl"; : >"$work/copy"; : >"$work/disk"; : >"$work/host"; : >"$work/peak"
for round in $(seq 1 "$rounds"); do
  s=$(now); openssl dgst -sha256 "$blob" >/dev/null; e=$(now)
  echo "$e - $s" | bc -l >>"$work/openssl"

  s=$(now); openssl dgst -sha256 "$blob" >/dev/null; cp "$blob" "$work/copy.bin"; sync "$work/copy.bin"; e=$(now)
  echo "$e - $s" | bc -l >>"$work/copy"
  rm -f "$work/copy.bin"

  s=$(now); dd if="$blob" of="$work/copy.bin" bs=8M oflag=direct conv=fsync status=none; e=$(now)
  echo "$e - $s" | bc -l >>"$work/disk"
  rm -f "$work/copy.bin"

  # A fresh root per round, its blob a hard link to the same cached file.
  root="$work/round$round"
  mkdir -p "$root/input/$(dirname "$name")"
  ln "$blob" "$root/input/$name"
  "$oomlab" host --root "$root" --function BlobStreamProcessor --ceiling 1GiB --until-idle 500ms >/dev/null 2>&1
  # Builds before ReceiptAfterMs existed fsynced in the worker: their duration is the nearest figure.
  "$oomlab" query --telemetry "$root" --format csv "requests | where success | project r = todouble(customDimensions.ReceiptAfterMs) / 1000.0, d = duration / 1s" \
    | tail -1 | awk -F, '{ print ($1 == "" ? $2 : $1) }' >>"$work/host"
  "$oomlab" query --telemetry "$root" --format csv "performanceCounters | where counter == 'Private Bytes' and instance != '_Total' | summarize m = max(value) / 1048576.0" | tail -1 >>"$work/peak"
  rm -rf "$root/output"
done

openssl=$(median <"$work/openssl"); copy=$(median <"$work/copy"); disk=$(median <"$work/disk"); host=$(median <"$work/host"); peak=$(sort -g "$work/peak" | tail -1)
mibs() { echo "$bytes / 1048576 / $1" | bc -l; }
printf 'blob %s (%d bytes), median of %d rounds (all rounds: openssl %s; openssl+cp %s; dd direct %s; host %s)\n' "$size" "$bytes" "$rounds" \
  "$(paste -sd' ' "$work/openssl" | xargs printf '%.2f ')" "$(paste -sd' ' "$work/copy" | xargs printf '%.2f ')" \
  "$(paste -sd' ' "$work/disk" | xargs printf '%.2f ')" "$(paste -sd' ' "$work/host" | xargs printf '%.2f ')"
printf 'openssl dgst -sha256: %.2f s (%.0f MiB/s)\n' "$openssl" "$(mibs "$openssl")"
printf 'openssl dgst -sha256, then cp + fsync of the copy: %.2f s (%.0f MiB/s)\n' "$copy" "$(mibs "$copy")"
printf 'disk floor, dd oflag=direct of the copy: %.2f s (%.0f MiB/s)\n' "$disk" "$(mibs "$disk")"
printf 'oomlab host, BlobStreamProcessor, start to durable receipt: %.2f s (%.0f MiB/s)\n' "$host" "$(mibs "$host")"
printf 'throughput ratio to openssl dgst (goal >= 0.9): %.2f\n' "$(echo "$openssl / $host" | bc -l)"
printf 'throughput ratio to openssl dgst + cp + fsync: %.2f\n' "$(echo "$copy / $host" | bc -l)"
printf 'best ratio this disk allows (openssl / max(openssl, dd direct)): %.2f\n' "$(echo "o = $openssl; d = $disk; if (d > o) o / d else 1" | bc -l)"
printf 'worker peak Private Bytes (max over rounds): %.1f MiB\n' "$peak"
