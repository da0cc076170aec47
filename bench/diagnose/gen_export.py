#!/usr/bin/env python3
"""Writes Application Insights REST exports (requests, dependencies, traces, AppMetrics) totalling N rows,
shaped like a blob-buffering incident, for `oomlab import` + `oomlab diagnose` timing."""
import json, sys, os, datetime

total = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
out = sys.argv[2] if len(sys.argv) > 2 else "."
os.makedirs(out, exist_ok=True)
t0 = datetime.datetime(2026, 4, 5, 1, 30, tzinfo=datetime.timezone.utc)
n_req = total * 3 // 10
n_dep = total * 3 // 10
n_met = total * 3 // 10
n_tr = total - n_req - n_dep - n_met
ceiling = 3584 * 1024 * 1024

def ts(i, n):  # spread over 6 hours
    return (t0 + datetime.timedelta(seconds=21600 * i / n)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

def write(name, columns, rows):
    with open(os.path.join(out, name + ".json"), "w") as f:
        f.write('{"tables":[{"name":"PrimaryResult","columns":' + json.dumps([{"name": c, "type": t} for c, t in columns]) + ',"rows":[\n')
        for k, row in enumerate(rows):
            if k:
                f.write(",\n")
            f.write(json.dumps(row, separators=(",", ":")))
        f.write("\n]}]}\n")

crash = lambda i: i % 997 == 0
write("requests", [("timestamp", "datetime"), ("id", "string"), ("name", "string"), ("success", "bool"), ("resultCode", "string"),
                   ("duration", "real"), ("operation_Id", "string"), ("cloud_RoleInstance", "string"), ("customDimensions", "dynamic")],
      ([ts(i, n_req), f"r{i}", "BlobBufferProcessor", not crash(i), "500" if crash(i) else "200", 900.5, f"op{i}", f"RD{i % 4}",
        {"ContentLengthBytes": str(200_000_000 + i % 100_000_000)}] for i in range(n_req)))
write("dependencies", [("timestamp", "datetime"), ("type", "string"), ("target", "string"), ("name", "string"), ("success", "bool"),
                       ("duration", "real"), ("operation_Id", "string"), ("customDimensions", "dynamic")],
      ([ts(i, n_dep), "Azure blob", "input", f"GET blob-{i}", True, 300.0, f"op{i}", {"ContentLengthBytes": str(200_000_000 + i % 100_000_000)}]
       for i in range(n_dep)))
write("traces", [("timestamp", "datetime"), ("message", "string"), ("severityLevel", "long"), ("operation_Id", "string"), ("cloud_RoleInstance", "string")],
      ([ts(i, n_tr), "System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown." if i % 331 == 0
        else ("Host heartbeat" if i % 3 == 0 else f"Executed 'Functions.BlobBufferProcessor' (Succeeded, Id=op{i})"), 1,
        f"op{(i // 331) * 997}" if i % 331 == 0 else "", f"RD{i % 4}"] for i in range(n_tr)))
write("AppMetrics", [("TimeGenerated", "datetime"), ("Name", "string"), ("Value", "real"), ("Properties", "dynamic"), ("cloud_RoleInstance", "string")],
      ([ts(i, n_met), "PrivateBytes", float(ceiling * (0.3 + 0.65 * ((i // 50) % 20) / 20)), {"ProcessId": str(i // 5000)}, f"RD{i % 4}"]
       for i in range(n_met)))
print(f"{total} rows in {out}: requests {n_req}, dependencies {n_dep}, traces {n_tr}, AppMetrics {n_met}")
