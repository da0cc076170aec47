#!/usr/bin/env bash
# Times `oomlab diagnose` and a `query` over N generated rows (default 400,000) kept in one store (the baseline) against
# the same number of rows in two stores read as one (N/2 each, as two instances would keep them), with the columnar copy
# import writes and without it: bench/diagnose/stores.sh [rows] [oomlab command...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${1:-400000}"
shift || true
if [[ $# -gt 0 ]]; then oomlab=("$@"); else "$root/oomlab" --help >/dev/null; oomlab=("$root/artifacts/bin/oomlab"); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/diagnose/gen_export.py" "$rows" "$work/export-one"
python3 "$root/bench/diagnose/gen_export.py" "$((rows / 2))" "$work/export-half"
"${oomlab[@]}" import "$work"/export-one/*.json --out "$work/one" >/dev/null
for instance in a b; do "${oomlab[@]}" import "$work"/export-half/*.json --out "$work/two/$instance" >/dev/null; done
measure() {
  local what="$1"; shift
  for i in 1 2 3; do
    /usr/bin/time -f "$what, run $i: %e s wall, CPU %U+%S s, peak RSS %M KiB" "${oomlab[@]}" "$@" >/dev/null || true
  done
}
query='requests | summarize n = count(), failed = countif(success == false) by bin(timestamp, 10m) | count'
for copy in with without; do
  measure "diagnose, one store of $rows rows, $copy columnar copy" diagnose "$work/one/.oomlab/telemetry.db" --plan EP1 --format json
  measure "diagnose, two stores of $((rows / 2)) rows, $copy columnar copy" diagnose "$work/two/a/.oomlab/telemetry.db" "$work/two/b/.oomlab/telemetry.db" --plan EP1 --format json
  measure "query, one store, $copy columnar copy" query --telemetry "$work/one/.oomlab/telemetry.db" "$query"
  measure "query, two stores, $copy columnar copy" query --telemetry "$work/two/a/.oomlab/telemetry.db" --telemetry "$work/two/b/.oomlab/telemetry.db" "$query"
  rm -rf "$work"/one/.oomlab/telemetry.columns "$work"/two/*/.oomlab/telemetry.columns
done
