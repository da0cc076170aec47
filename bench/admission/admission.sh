#!/usr/bin/env bash
# Admission's two benchmarks, each against a baseline measured in the same sitting:
# 1. Wall time of the seed's buffering function at the seed's settings (32 / 48) with --admission predictive, as a
#    ratio to the best static concurrency that does not crash, found by a sweep of MAX_CONCURRENT_INVOCATIONS = batch
#    = 1..SWEEP in the same run (a run crashes if a worker exits or an invocation fails with OutOfMemoryException).
#    Load: the host tests' ten blobs of 32 / 48 / 64 MiB under a 384 MiB ceiling, heap limit 200 % (kills at the ceiling).
# 2. Throughput lost to admission on the streaming function (which needs none): COUNT blobs of 256 KiB at 32 / 48,
#    --admission off and predictive alternated.
# Each run is timed from start to exit less the idle wait (--until-idle 500ms). Prints each run and the ratios of medians.
# Usage: [OOMLAB=path/to/oomlab] [ROUNDS=3] [SWEEP=4] [COUNT=2000] [PART=all|wall|streaming] bench/admission/admission.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
oomlab="${OOMLAB:-$repo/oomlab}"
rounds="${ROUNDS:-3}" sweep="${SWEEP:-4}" count="${COUNT:-2000}" part="${PART:-all}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mib=$((1024 * 1024))

# The ten blobs of the host tests, written once and hard-linked into each run's root.
mkdir -p "$work/large"
for i in 0 1 2 3 4 5 6 7 8 9; do
  "$oomlab" load --root "$work/one" --count 1 --size $(((32 + i % 3 * 16) * mib))B --seed $((i + 1)) --prefix "l$i-" >/dev/null
done
mv "$work/one/input/"* "$work/large/"
"$oomlab" load --root "$work/small" --count "$count" --size 256KiB >/dev/null

run() { # source function args... -> "seconds crashed done cpu-seconds"
  local source=$1 function=$2 root
  shift 2
  root="$(mktemp -d "$work/run.XXXXXX")"
  mkdir -p "$root/input"
  cp -al "$source/." "$root/input/"
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$root.time" "$oomlab" host --root "$root" --function "$function" --until-idle 500ms "$@" >"$root.out" 2>&1
  end=$(date +%s.%N)
  local summary crashed=0
  summary=$(grep '^done ' "$root.out")
  # "this run: S succeeded, F failed (O out of memory), L lost with their worker, P poisoned"
  read -r oom lost < <(sed -n 's/.*(\([0-9]*\) out of memory), \([0-9]*\) lost.*/\1 \2/p' <<<"$summary")
  ((oom + lost > 0)) && crashed=1
  local done_count
  done_count=$(sed -n 's/^done \([0-9]*\),.*/\1/p' <<<"$summary")
  local cpu
  cpu=$(awk '{print $1 + $2}' "$root.time")
  rm -rf "$root" "$root.out" "$root.time"
  printf '%.3f %d %d %.2f\n' "$(echo "$end - $start - 0.5" | bc -l)" "$crashed" "$done_count" "$cpu"
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
buffering=(--ceiling 384MiB --heap-limit 200%)
seed=(--setting BLOB_BATCH_SIZE=32 --setting MAX_CONCURRENT_INVOCATIONS=48)

admitted=() best=()
[[ $part == streaming ]] && rounds_wall=0 || rounds_wall=$rounds
for ((r = 1; r <= rounds_wall; r++)); do
  read -r t crashed done_count _ < <(run "$work/large" BlobBufferProcessor "${buffering[@]}" "${seed[@]}" --admission predictive)
  admitted+=("$t")
  printf 'round %d: admitted (32 / 48) %.2f s, crashed %d, done %d\n' "$r" "$t" "$crashed" "$done_count"
  fastest=""
  for ((c = 1; c <= sweep; c++)); do
    read -r t crashed done_count _ < <(run "$work/large" BlobBufferProcessor "${buffering[@]}" --setting "BLOB_BATCH_SIZE=$c" --setting "MAX_CONCURRENT_INVOCATIONS=$c")
    printf '  static %d: %.2f s, crashed %d, done %d\n' "$c" "$t" "$crashed" "$done_count"
    if ((crashed == 0 && done_count == 10)) && { [[ -z $fastest ]] || (($(echo "$t < $fastest" | bc -l))); }; then fastest=$t; fi
  done
  best+=("${fastest:-nan}")
done
if ((rounds_wall > 0)); then
a=$(median "${admitted[@]}") b=$(median "${best[@]}")
printf 'median: admitted %.2f s, best static that does not crash %.2f s; ratio %.2f (goal <= 1.15)\n' "$a" "$b" "$(echo "$a / $b" | bc -l)"
fi
[[ $part == wall ]] && exit 0

# Wall time on a shared machine swings by half; CPU time (host and workers, user + system) is the steadier measure of
# what admission costs, printed beside it.
off=() on=() offcpu=() oncpu=()
for ((r = 1; r <= rounds; r++)); do
  read -r t _ _ cpu < <(run "$work/small/input" BlobStreamProcessor --ceiling 1GiB "${seed[@]}")
  off+=("$(echo "$count / $t" | bc -l)") offcpu+=("$cpu")
  read -r t _ _ cpu < <(run "$work/small/input" BlobStreamProcessor --ceiling 1GiB "${seed[@]}" --admission predictive)
  on+=("$(echo "$count / $t" | bc -l)") oncpu+=("$cpu")
  printf 'round %d: streaming off %.0f blobs/s (CPU %.2f s), predictive %.0f blobs/s (CPU %.2f s)\n' "$r" "${off[-1]}" "${offcpu[-1]}" "${on[-1]}" "${oncpu[-1]}"
done
o=$(median "${off[@]}") p=$(median "${on[@]}") oc=$(median "${offcpu[@]}") pc=$(median "${oncpu[@]}")
printf 'median: streaming off %.0f blobs/s, predictive %.0f blobs/s; lost to admission %.1f %% (goal < 3 %%); CPU off %.2f s, predictive %.2f s (%+.1f %%)\n' \
  "$o" "$p" "$(echo "100 * (1 - $p / $o)" | bc -l)" "$oc" "$pc" "$(echo "100 * ($pc / $oc - 1)" | bc -l)"
