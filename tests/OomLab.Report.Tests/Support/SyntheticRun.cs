using OomLab.Lab;
using OomLab.Telemetry;

namespace OomLab.Report.Tests.Support;

/// <summary>
/// Writes a lab-shaped run's telemetry with the real <see cref="TelemetryWriter"/>, in well under a second:
/// two workers and the instance total climbing through the phases into the critical band, <see cref="Kills"/>
/// exit-137 kills with restarts in the incident, out-of-memory exceptions, requests and dependencies that fail
/// in the incident. Names may be made hostile to test escaping.
/// </summary>
internal sealed record SyntheticRun
{
    public const long CeilingBytes = 224L * 1024 * 1024;

    public static DateTimeOffset T0 => LabOptions.SeedT0;

    public string AppName { get; init; } = "func-oom-lab-001";

    public IReadOnlyList<string> Workers { get; init; } = ["worker-1", "worker-2"];

    /// <summary>Blob names the requests, dependencies and exceptions carry, used in turn.</summary>
    public IReadOnlyList<string> Blobs { get; init; } = ["input/orders-0001.csv", "input/orders-0002.csv"];

    /// <summary>Exception text of the out-of-memory exceptions.</summary>
    public string ExceptionMessage { get; init; } = "Exception of type 'System.OutOfMemoryException' was thrown.";

    public int Kills { get; init; } = 3;

    public int OutOfMemoryExceptions { get; init; } = 5;

    public async Task WriteAsync(string telemetryPath)
    {
        await using var writer = TelemetryWriter.Open(telemetryPath, new TelemetryIdentity(AppName, "vm"));
        HostStarted(writer, T0);
        HostStarted(writer, T0.AddMinutes(55));
        Counters(writer);
        Incident(writer);
        Requests(writer);
        await writer.FlushAsync();
    }

    /// <summary>Writes the telemetry, then judges it with the lab's own evaluation and writes the lab's bundle files.</summary>
    public async Task<string> WriteLabBundleAsync(string bundle)
    {
        var options = new LabOptions(bundle, LabScale.Small)
        {
            AppName = AppName,
            FunctionsAssembly = "functions/OomLab.Functions.dll",
            WorkerCommand = "oomlab",
            WorkerCommandPrefix = [],
        };
        var telemetry = Path.Combine(bundle, ".oomlab", "telemetry.db");
        await WriteAsync(telemetry);
        LabBundle.WriteSettings(options, "completed");
        LabBundle.Write(LabReport.Evaluate(options, telemetry));
        return bundle;
    }

    private static void HostStarted(TelemetryWriter writer, DateTimeOffset at)
    {
        writer.Emit(new TraceTelemetry(at, "Starting Host", SeverityLevel.Information));
        writer.Emit(new TraceTelemetry(at.AddSeconds(1), "Host started (412ms)", SeverityLevel.Information));
    }

    // Private Bytes of one worker by lab minute: healthy, degraded, critical in the incident, healthy again after the fix.
    private static double Worker(double minute, int index) => 1024 * 1024 * (minute switch
    {
        < 15 => 8 + index,
        < 30 => 40 + (index * 5),
        < 45 => 60 + (index * 5),
        < 55 => 85 + (10 * Math.Sin(minute + index)) + (index * 10),
        _ => 12 + index,
    });

    private void Counters(TelemetryWriter writer)
    {
        for (var second = 0; second <= 72 * 60; second += 10)
        {
            var time = T0.AddSeconds(second);
            var total = 0.0;
            for (var i = 0; i < Workers.Count; i++)
            {
                var value = Worker(second / 60.0, i);
                total += value;
                writer.Emit(new PerformanceCounterTelemetry(time, "Process", "Private Bytes", Workers[i], value));
            }

            writer.Emit(new PerformanceCounterTelemetry(time, "Process", "Private Bytes", "_Total", total));
        }
    }

    private void Incident(TelemetryWriter writer)
    {
        for (var kill = 0; kill < Kills; kill++)
        {
            var at = T0.AddMinutes(47 + (2 * kill));
            var worker = Workers[kill % Workers.Count];
            writer.Emit(new TraceTelemetry(at, "Worker process exited with code 137", SeverityLevel.Error, Properties: new Dictionary<string, string>
            {
                ["WorkerId"] = worker, ["ExitCode"] = "137", ["KilledOverCeiling"] = "true",
                ["CeilingBytes"] = CeilingBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), ["LastPrivateBytes"] = "150000000",
            }));
            writer.Emit(new TraceTelemetry(at.AddSeconds(1), "Restarting worker process after unexpected exit", SeverityLevel.Warning, Properties: new Dictionary<string, string> { ["WorkerId"] = worker }));
            writer.Emit(new TraceTelemetry(at.AddSeconds(3), "Worker process started", SeverityLevel.Information, Properties: new Dictionary<string, string> { ["WorkerId"] = worker }));
        }

        for (var i = 0; i < OutOfMemoryExceptions; i++)
        {
            var at = T0.AddMinutes(46).AddSeconds(50 * i);
            var blob = Blobs[i % Blobs.Count];
            writer.Emit(new ExceptionTelemetry(at, "System.OutOfMemoryException", ExceptionMessage, "at BlobBufferProcessor.RunAsync", SeverityLevel.Error,
                $"op-oom-{i}", "BlobBufferProcessor", new Dictionary<string, string> { ["WorkerId"] = Workers[i % Workers.Count], ["BlobName"] = blob }));
        }
    }

    private void Requests(TelemetryWriter writer)
    {
        var n = 0;
        for (var second = 30; second < 72 * 60; second += 30, n++)
        {
            var time = T0.AddSeconds(second);
            var incident = second is >= 45 * 60 and < 55 * 60;
            var blob = Blobs[n % Blobs.Count];
            var dimensions = new Dictionary<string, string> { ["BlobName"] = blob, ["WorkerId"] = Workers[n % Workers.Count] };
            var duration = TimeSpan.FromMilliseconds(incident ? 3000 + (n % 7 * 100) : 200 + (n % 5 * 20));
            writer.Emit(new RequestTelemetry(time, $"op-{n}", "BlobBufferProcessor", !incident, incident ? "500" : "200", duration, $"op-{n}", dimensions));
            writer.Emit(new DependencyTelemetry(time, $"dep-{n}", "Azure blob", "storage", $"GET {blob}", blob, !incident || n % 3 != 0,
                incident && n % 3 == 0 ? "503" : "200", TimeSpan.FromMilliseconds(40), $"op-{n}", "BlobBufferProcessor"));
        }
    }
}
