#!/usr/bin/env bash
# Worker memory per invocation of a Python app (tests/apps/PythonBlobApp) by how the function reads its blob, at blob
# sizes of 64 and 256 MiB: ScanBytes (a bytes parameter: the payload as the host sends it), scan_buffered (read() of
# the InputStream, then decoded and split into lines), scan_chunked (read(64 KiB) in a loop over the same InputStream)
# and scan_streamed (a blob.BlobClient parameter: deferred binding, 4 MiB ranged reads). One blob per run under a 4 GiB
# ceiling; prints the worker's peak Private Bytes (AppMetrics, read every 250 ms from outside) and the instance's
# (performanceCounters _Total: the workers plus the bytes the host holds for invocations in flight).
# Usage: [OOMLAB=path/to/oomlab] bench/host/python-memory.sh [sizes in MiB...]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
oomlab="${OOMLAB:-$repo/oomlab}"
sizes=("${@:-64 256}")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '%-14s %8s %18s %20s\n' function blob "worker peak MiB" "instance peak MiB"
for size in ${sizes[*]}; do
  for function in ScanBytes scan_buffered scan_chunked scan_streamed; do
    root="$work/$function-$size"
    mkdir -p "$root/app" && cp "$repo/tests/apps/PythonBlobApp/"{function_app.py,host.json} "$root/app/"
    "$oomlab" load --root "$root" --container uploads --count 1 --size "${size}MiB" >/dev/null
    "$oomlab" host --root "$root" --app "$root/app" --function "$function" --ceiling 4GiB --until-idle 1s >/dev/null 2>&1 || true
    db="$root/.oomlab/telemetry.db"
    worker=$(sqlite3 "$db" "SELECT printf('%.0f', max(Value) / 1048576.0) FROM AppMetrics WHERE Name = 'PrivateBytes'")
    instance=$(sqlite3 "$db" "SELECT printf('%.0f', max(value) / 1048576.0) FROM performanceCounters WHERE counter = 'Private Bytes' AND instance = '_Total'")
    ok=$(sqlite3 "$db" "SELECT count(*) FROM requests WHERE success = 1")
    printf '%-14s %5s MiB %18s %20s%s\n' "$function" "$size" "$worker" "$instance" "$([[ $ok == 1 ]] || echo '  (failed)')"
  done
done
