#!/usr/bin/env python3
"""Writes one export file of N rows in each shape `oomlab import` reads, for bench/import/import.sh:
REST {"tables":...} (requests.json), az CLI array (AppRequests, every value a string), diagnostic-settings JSON lines
(AppTraces with Type), FunctionAppLogs JSON lines (category + properties), Event Hub messages ({"records":[...]}
a line, 100 records each, AppDependencies), the portal's CSV (AppTraces, "TimeGenerated [UTC]"), and the
AppTraces JSON lines gzipped. usage: gen_shapes.py ROWS OUT_DIR [SHAPES], SHAPES a comma-separated subset of
rest,az,records,functionapplogs,eventhub,csv,gzip (default all)"""
import datetime, gzip, json, os, shutil, sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
out = sys.argv[2] if len(sys.argv) > 2 else "."
shapes = set((sys.argv[3] if len(sys.argv) > 3 else "rest,az,records,functionapplogs,eventhub,csv,gzip").split(","))
os.makedirs(out, exist_ok=True)
t0 = datetime.datetime(2026, 4, 5, 1, 30, tzinfo=datetime.timezone.utc)
dumps = lambda v: json.dumps(v, separators=(",", ":"))

def iso(i):  # spread over 6 hours
    return (t0 + datetime.timedelta(microseconds=21_600_000_000 * i // rows)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

def portal(i):
    t = t0 + datetime.timedelta(microseconds=21_600_000_000 * i // rows)
    return f"{t.month}/{t.day}/{t.year}, {(t.hour % 12) or 12}:{t.minute:02}:{t.second:02}.{t.microsecond // 1000:03} {'AM' if t.hour < 12 else 'PM'}"

if "rest" in shapes:
    with open(os.path.join(out, "requests.json"), "w") as f:
        cols = [("timestamp", "datetime"), ("id", "string"), ("name", "string"), ("success", "bool"), ("resultCode", "string"),
                ("duration", "real"), ("operation_Id", "string"), ("cloud_RoleInstance", "string"), ("customDimensions", "dynamic"),
                ("client_City", "string")]
        f.write('{"tables":[{"name":"PrimaryResult","columns":' + dumps([{"name": c, "type": t} for c, t in cols]) + ',"rows":[\n')
        for i in range(rows):
            f.write(("," if i else "") + dumps([iso(i), f"r{i}", "BlobBufferProcessor", i % 50 != 0, "200", 40.5 + i % 100, f"op{i}", f"RD{i % 4}",
                                                {"ContentLengthBytes": str(65536 + i % 1000)}, "Paris"]) + "\n")
        f.write("]}]}\n")

if "az" in shapes:
    with open(os.path.join(out, "az-AppRequests.json"), "w") as f:
        f.write("[\n")
        for i in range(rows):
            f.write(("," if i else "") + dumps({"TimeGenerated": iso(i), "Id": f"r{i}", "Name": "BlobBufferProcessor", "Success": "True",
                                                "ResultCode": "200", "DurationMs": str(40.5 + i % 100), "OperationId": f"op{i}",
                                                "AppRoleInstance": f"RD{i % 4}", "Properties": dumps({"ContentLengthBytes": str(65536 + i % 1000)}),
                                                "ItemCount": "1", "Type": "AppRequests", "TableName": "PrimaryResult"}) + "\n")
        f.write("]\n")

if "records" in shapes:
    with open(os.path.join(out, "records-AppTraces.jsonl"), "w") as f:
        for i in range(rows):
            f.write(dumps({"time": iso(i), "resourceId": "/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.INSIGHTS/COMPONENTS/FUNC",
                           "Type": "AppTraces", "AppRoleInstance": f"RD{i % 4}", "OperationId": f"op{i}", "Message": f"Executed 'Functions.BlobBufferProcessor' (Succeeded, Id=inv-{i})",
                           "SeverityLevel": 1, "Properties": {"ProcessId": str(4000 + i % 4), "Category": "Function.BlobBufferProcessor"}, "ItemCount": 1}) + "\n")

if "functionapplogs" in shapes:
    with open(os.path.join(out, "FunctionAppLogs.jsonl"), "w") as f:
        for i in range(rows):
            f.write(dumps({"time": iso(i), "resourceId": "/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.WEB/SITES/FUNC", "category": "FunctionAppLogs",
                           "operationName": "Microsoft.Web/sites/functions/log", "level": "Informational", "location": "West Europe",
                           "properties": {"appName": "func", "roleInstance": f"RD{i % 4}", "message": f"Executing 'Functions.BlobBufferProcessor' (Id=inv-{i})",
                                          "category": "Function.BlobBufferProcessor", "hostVersion": "4.1040.300.1", "functionInvocationId": f"inv-{i}",
                                          "functionName": "Functions.BlobBufferProcessor", "hostInstanceId": "host-1", "level": "Information",
                                          "levelId": 2, "processId": 4000 + i % 4, "eventId": 1, "eventName": "FunctionStarted"}}) + "\n")

if "eventhub" in shapes:
    with open(os.path.join(out, "eventhub-AppDependencies.jsonl"), "w") as f:
        for start in range(0, rows, 100):
            f.write(dumps({"records": [{"time": iso(i), "Type": "AppDependencies", "AppRoleInstance": f"RD{i % 4}", "OperationId": f"op{i}",
                                        "Id": f"d{i}", "Target": "account.blob.core.windows.net", "DependencyType": "Azure blob",
                                        "Name": "GET input", "Data": f"https://account.blob.core.windows.net/input/blob-{i}", "Success": True,
                                        "ResultCode": "200", "DurationMs": 12 + i % 30, "Properties": {"ContentLengthBytes": str(8_000_000 + i % 1000)},
                                        "ItemCount": 1} for i in range(start, min(rows, start + 100))]}) + "\n")

if "csv" in shapes:
    with open(os.path.join(out, "portal-AppTraces.csv"), "w", newline="") as f:
        f.write('"TimeGenerated [UTC]",Message,SeverityLevel,AppRoleInstance,OperationId,Properties,Type\r\n')
        for i in range(rows):
            props = dumps({"ProcessId": str(4000 + i % 4)}).replace('"', '""')
            f.write(f'"{portal(i)}","Executed \'Functions.BlobBufferProcessor\', Id=inv-{i}",1,RD{i % 4},op{i},"{props}",AppTraces\r\n')

if "gzip" in shapes:
    with open(os.path.join(out, "records-AppTraces.jsonl"), "rb") as src, gzip.open(os.path.join(out, "gzip-AppTraces.jsonl.gz"), "wb", compresslevel=6) as dst:
        shutil.copyfileobj(src, dst)
