#!/usr/bin/env bash
# Times `oomlab import` and `oomlab diagnose` over N generated Application Insights rows (default 1,000,000): over the
# store's telemetry.db, over its folder (which also writes the report), and over telemetry.db without the columnar copy
# that import writes; and `oomlab diagnose` over a lab bundle when one is given: bench/diagnose/diagnose.sh [rows] [lab-bundle]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${1:-1000000}"
bundle="${2:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/oomlab" --help >/dev/null
oomlab=("$root/artifacts/bin/oomlab")
timed() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$(echo "$end - $start" | bc)"; }
if [[ -n "$bundle" ]]; then
  "${oomlab[@]}" diagnose "$bundle" >/dev/null || true
  for i in 1 2 3; do echo "diagnose lab bundle run $i: $(timed "${oomlab[@]}" diagnose "$bundle" --format json || true) s"; done
fi
python3 "$root/bench/diagnose/gen_export.py" "$rows" "$work/export"
ls -la "$work/export" | awk 'NR>1 {s+=$5} END {printf "export size: %.0f MiB\n", s/1048576}'
/usr/bin/time -f "import: %e s, CPU %U+%S s, peak RSS %M KiB" "${oomlab[@]}" import "$work"/export/*.json --out "$work/store" >/dev/null
du -sh "$work/store/.oomlab/telemetry.db" "$work/store/.oomlab/telemetry.columns" | awk '{print "size of " $2 ": " $1}'
diagnose() {
  local what="$1"; shift
  for i in 1 2 3; do
    /usr/bin/time -f "diagnose $rows rows, $what, run $i: %e s, CPU %U+%S s, peak RSS %M KiB" "${oomlab[@]}" diagnose "$@" --plan EP1 --format json >/dev/null || true
  done
}
diagnose "telemetry.db" "$work/store/.oomlab/telemetry.db"
diagnose "store folder (also writes diagnosis.json and report.html)" "$work/store"
# The same store read from SQLite alone (as a store imported by an older oomlab, or a host's own store).
mv "$work/store/.oomlab/telemetry.columns" "$work/columns-aside"
diagnose "telemetry.db without its columnar copy" "$work/store/.oomlab/telemetry.db"
