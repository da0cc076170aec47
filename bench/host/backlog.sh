#!/usr/bin/env bash
# One backlog run for side-by-side comparisons: N blobs of 4 KiB written first, then `oomlab host` started with
# throughput.sh's settings (plus any extra host arguments given) until idle. Prints blobs/s (start-up included, the
# idle wait excluded), the CPU time and instructions of host and worker (`perf stat`, when installed), and the
# share of CPU time the hypervisor took (steal). The run's folder is kept and printed: deleting 30,000 files makes
# file creation slower for minutes on ext4 without a journal, which would tax the next run; delete them in one go
# after the comparison. Alternate the builds or settings being compared, several rounds each.
# Usage: [OOMLAB=path/to/oomlab] [COUNT=10000] bench/host/backlog.sh WORKDIR [host arguments...]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
oomlab="${OOMLAB:-$repo/oomlab}"
count="${COUNT:-10000}"
[[ $# -ge 1 ]] || { echo "usage: bench/host/backlog.sh WORKDIR [host arguments...]" >&2; exit 2; }
mkdir -p "$1"
root="$(mktemp -d "$1/backlog.XXXXXX")"
shift
jiffies() { awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $9 }' /proc/stat; }
stat_file="$root.perf"
measure=()
if command -v perf >/dev/null && perf stat -e instructions:u true >/dev/null 2>&1; then
  measure=(perf stat -x, -e task-clock,instructions:u,instructions:k -o "$stat_file" --)
fi

"$oomlab" load --root "$root" --count "$count" --size 4KiB >/dev/null
sleep 1
read -r all0 steal0 < <(jiffies)
start=$(date +%s.%N)
"${measure[@]}" "$oomlab" host --root "$root" --function BlobStreamProcessor --ceiling 1GiB --setting BLOB_BATCH_SIZE=32 \
  --setting MAX_CONCURRENT_INVOCATIONS=64 --setting AzureFunctionsJobHost__extensions__queues__newBatchThreshold=32 \
  "$@" --until-idle 500ms >/dev/null 2>&1
end=$(date +%s.%N)
read -r all1 steal1 < <(jiffies)
done_count=$("$oomlab" status --root "$root" --format json | sed -n 's/.*"done": *\([0-9]*\).*/\1/p' | head -1)
[[ "$done_count" == "$count" ]] || { echo "only $done_count of $count blobs done in $root" >&2; exit 1; }
printf '%.0f blobs/s; steal %.1f %%' "$(echo "$count / ($end - $start - 0.5)" | bc -l)" "$(echo "100 * ($steal1 - $steal0) / ($all1 - $all0)" | bc -l)"
if [[ -f "$stat_file" ]]; then
  awk -F, '/task-clock/ {c = $1} /instructions:u/ {u = $1} /instructions:k/ {k = $1}
    END {printf "; CPU %.2f s; instructions user %.2f G, kernel %.2f G", c / 1000, u / 1e9, k / 1e9}' "$stat_file"
  rm -f "$stat_file"
fi
printf '; kept %s\n' "$root"
