using System.Globalization;
using OomLab.Telemetry;

namespace OomLab.Tests.Support;

/// <summary>
/// Writes realistic telemetry for one incident shape through the real <see cref="TelemetryWriter"/>:
/// invocations (requests with blob dependencies), worker memory samples, host heartbeats, OOMs and kills.
/// Times start at the seed's T0; the ceiling is <see cref="Ceiling"/>.
/// </summary>
internal sealed class IncidentTelemetry
{
    public const long Ceiling = 200L * 1024 * 1024;

    public static readonly DateTimeOffset T0 = new(2026, 4, 5, 1, 30, 0, TimeSpan.Zero);

    private const long MiB = 1024 * 1024;
    private readonly List<TelemetryItem> items = [];
    private int invocations;

    /// <summary>Blob-buffering crash loop: 40 MiB blobs, bursts to the ceiling, OOMs and kills on the blob reads, then a fix that runs far below.</summary>
    public static IncidentTelemetry BlobBuffering()
    {
        var t = new IncidentTelemetry();
        for (var minute = 0; minute < 60; minute++)
        {
            var at = T0.AddMinutes(minute);
            t.Heartbeat(at, skip: minute is 31 or 32 or 33);
            var burst = minute is >= 20 and < 35;
            var memory = burst ? (minute % 3 == 0 ? 0.99 : 0.6) * Ceiling : minute >= 40 ? 0.12 * Ceiling : 0.1 * Ceiling;
            t.Memory(at, (long)memory, process: minute < 32 ? "100" : "200");
            var crashed = burst && minute % 3 == 0;
            t.Invocation(at, "BlobBufferProcessor", blobBytes: 40 * MiB, success: !crashed, oom: crashed && minute % 2 == 0, killed: crashed && minute % 2 == 1, inFlight: 4);
            t.Invocation(at.AddSeconds(20), "BlobBufferProcessor", blobBytes: 30 * MiB, success: true);
        }

        return t;
    }

    /// <summary>An unbounded cache: small blobs, the worker's floor climbs until it is killed, then climbs again.</summary>
    public static IncidentTelemetry CacheGrowth()
    {
        var t = new IncidentTelemetry();
        for (var minute = 0; minute < 60; minute++)
        {
            var at = T0.AddMinutes(minute);
            t.Heartbeat(at, skip: minute is 30 or 31 or 32);
            var life = minute < 30 ? minute : minute - 30;
            t.Memory(at, (long)((0.05 + (0.032 * life)) * Ceiling), process: minute < 30 ? "100" : "200");
            var killed = minute is 29 or 59;
            t.Invocation(at, "EnrichOrderRecords", blobBytes: 48 * 1024, success: !killed, killed: killed, inFlight: 2);
        }

        return t;
    }

    /// <summary>A legitimate plateau: a streaming function holds memory near the ceiling with occasional kills; the same load on a plan twice as large then runs at the same absolute level.</summary>
    public static IncidentTelemetry Plateau()
    {
        var t = new IncidentTelemetry();
        for (var minute = 0; minute < 60; minute++)
        {
            var at = T0.AddMinutes(minute);
            t.Heartbeat(at, skip: minute is 26 or 27);
            var memory = minute < 5 ? 0.1 : minute < 35 ? (minute % 10 == 5 ? 0.99 : 0.92) : 0.9;
            t.Memory(at, (long)(memory * Ceiling), process: minute < 26 ? "100" : "200");
            var killed = minute is 15 or 25 or 26;
            t.Invocation(at, "StreamEnrichment", blobBytes: 60 * MiB, success: !killed, killed: killed, inFlight: 6);
        }

        return t;
    }

    /// <summary>Not a memory incident: a downstream HTTP service fails and slows, memory stays low.</summary>
    public static IncidentTelemetry FailingDependency()
    {
        var t = new IncidentTelemetry();
        for (var minute = 0; minute < 60; minute++)
        {
            var at = T0.AddMinutes(minute);
            t.Heartbeat(at, skip: false);
            t.Memory(at, (long)(0.15 * Ceiling), process: "100");
            var failing = minute >= 20;
            var id = t.Invocation(at, "ForwardOrders", blobBytes: 64 * 1024, success: !failing);
            t.items.Add(new DependencyTelemetry(at, id + "-d", "HTTP", "127.0.0.1:5080", "POST /orders", "POST /orders", !failing, failing ? "503" : "200",
                TimeSpan.FromMilliseconds(failing ? 5000 : 40), id, "ForwardOrders"));
        }

        return t;
    }

    /// <summary>Kills with no managed exception: exit 137 and restarts, heartbeat gaps, and no OutOfMemoryException anywhere.</summary>
    public static IncidentTelemetry SilentKills()
    {
        var t = new IncidentTelemetry();
        for (var minute = 0; minute < 40; minute++)
        {
            var at = T0.AddMinutes(minute);
            t.Heartbeat(at, skip: minute is 21 or 22 or 23);
            t.Memory(at, (long)((minute is >= 15 and < 25 ? 0.97 : 0.3) * Ceiling), process: minute < 22 ? "100" : "200");
            t.Invocation(at, "BlobBufferProcessor", blobBytes: 40 * MiB, success: minute != 21, killed: minute == 21, inFlight: 3);
        }

        return t;
    }

    /// <summary>Writes the items to a new store at <paramref name="path"/>.</summary>
    public async Task<string> WriteAsync(string path)
    {
        await using (var writer = TelemetryWriter.Open(path, new TelemetryIdentity("func-oom-test", "vm")))
        {
            foreach (var item in items)
            {
                writer.Emit(item);
            }

            await writer.FlushAsync();
        }

        return path;
    }

    private void Heartbeat(DateTimeOffset at, bool skip)
    {
        if (!skip)
        {
            items.Add(new TraceTelemetry(at.AddSeconds(1), "Host heartbeat", SeverityLevel.Verbose));
            items.Add(new TraceTelemetry(at.AddSeconds(31), "Host heartbeat", SeverityLevel.Verbose));
        }
    }

    private void Memory(DateTimeOffset at, long bytes, string process)
    {
        for (var s = 0; s < 60; s += 15)
        {
            var jitter = (s / 15 % 2 == 0 ? 1 : -1) * (long)(0.005 * Ceiling);
            var value = Math.Max(1, bytes + jitter);
            items.Add(new PerformanceCounterTelemetry(at.AddSeconds(s), "Process", "Private Bytes", "_Total", value));
            items.Add(new AppMetricTelemetry(at.AddSeconds(s), "PrivateBytes", value, new Dictionary<string, string> { ["WorkerId"] = "worker-1", ["ProcessId"] = process }));
        }
    }

    private string Invocation(DateTimeOffset at, string function, long blobBytes, bool success, bool oom = false, bool killed = false, int inFlight = 1)
    {
        var id = $"op-{++invocations:D5}";
        var size = blobBytes.ToString(CultureInfo.InvariantCulture);
        items.Add(new RequestTelemetry(at, id, function, success, success ? "200" : "500", TimeSpan.FromSeconds(2), id,
            new Dictionary<string, string> { ["ContentLengthBytes"] = size, ["WorkerId"] = "worker-1" }));
        items.Add(new DependencyTelemetry(at.AddMilliseconds(200), id + "-b", "Azure blob", "input", $"GET {id}.json", $"GET {id}.json", true, "200",
            TimeSpan.FromMilliseconds(300), id, function, new Dictionary<string, string> { ["ContentLengthBytes"] = size }));
        if (oom)
        {
            items.Add(new ExceptionTelemetry(at.AddSeconds(1), "System.OutOfMemoryException", "Exception of type 'System.OutOfMemoryException' was thrown.", string.Empty, SeverityLevel.Error, id, function));
            items.Add(new TraceTelemetry(at.AddSeconds(1), "System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.", SeverityLevel.Error, id, function));
        }

        if (killed)
        {
            items.Add(new TraceTelemetry(at.AddSeconds(1), "Worker process terminated due to memory pressure (worker-1 exited with code 137) while running this invocation", SeverityLevel.Error, id, function));
            items.Add(new TraceTelemetry(at.AddSeconds(1), "Worker process exited with code 137", SeverityLevel.Error, Properties: new Dictionary<string, string>
            {
                ["InFlightInvocations"] = string.Join(",", Enumerable.Range(0, inFlight).Select(i => i == 0 ? id : $"other-{i}")),
            }));
            items.Add(new TraceTelemetry(at.AddSeconds(2), "Restarting worker process after unexpected exit", SeverityLevel.Warning));
            items.Add(new TraceTelemetry(at.AddSeconds(3), "Worker process started", SeverityLevel.Information));
        }

        return id;
    }
}
