#!/usr/bin/env bash
# Times `oomlab import` of one generated file of N rows (default 1,000,000) in each export shape (bench/import/gen_shapes.py):
# rows/s and peak RSS, from /usr/bin/time -v, each file into a store of its own.
# usage: [SHAPES=records,csv,...] bench/import/import.sh [rows] [work-dir]   (SHAPES: see gen_shapes.py; default all)
# OOMLAB overrides the command (default: the Release build of the CLI run with `dotnet`, built here when missing;
# `OOMLAB=./oomlab` times the ahead-of-time build instead).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${1:-1000000}"
work="${2:-$(mktemp -d)}"
[[ -n "${2:-}" ]] || trap 'rm -rf "$work"' EXIT
dll="$root/src/OomLab.Cli/bin/Release/net10.0/oomlab.dll"
if [[ -z "${OOMLAB:-}" && ! -f "$dll" ]]; then
  dotnet build "$root/src/OomLab.Cli/OomLab.Cli.csproj" -c Release >/dev/null
fi
read -r -a oomlab <<< "${OOMLAB:-dotnet $dll}"
mkdir -p "$work/export"
if [[ -z "$(ls -A "$work/export")" ]]; then
  python3 "$root/bench/import/gen_shapes.py" "$rows" "$work/export" "${SHAPES:-rest,az,records,functionapplogs,eventhub,csv,gzip}"
fi
echo "rows per file: $rows; load average: $(cut -d' ' -f1-3 /proc/loadavg); command: ${oomlab[*]}"
printf '| %-32s | %9s | %8s | %9s | %11s | %13s |\n' shape "file MiB" "wall s" "CPU s" "rows/s" "peak RSS MiB"
for file in "$work"/export/*; do
  name="$(basename "$file")"
  rm -rf "$work/store-$name"
  /usr/bin/time -v -o "$work/time-$name" "${oomlab[@]}" import "$file" --out "$work/store-$name" >"$work/out-$name"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/time-$name")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$work/time-$name")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/time-$name")
  size=$(du -m "$file" | cut -f1)
  imported=$(grep -o '[0-9]* rows into' "$work/out-$name" | awk '{s+=$1} END {print s}')
  printf '| %-32s | %9s | %8.1f | %9.1f | %11.0f | %13s |\n' "$name" "$size" "$wall" "$cpu" "$(echo "$imported / $wall" | bc -l)" "$rss"
  rm -rf "$work/store-$name"
done
