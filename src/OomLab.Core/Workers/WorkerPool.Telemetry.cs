using System.Globalization;
using OomLab.Sdk;
using OomLab.Telemetry;
using OomLab.Workers.Protocol;

namespace OomLab.Workers;

/// <remarks>
/// Function logs are turned into <c>FunctionAppLogs</c> and <c>traces</c> rows here, at the moment they
/// arrive, so that a log written just before a worker dies is still recorded; invocation results
/// (<c>requests</c>, <c>exceptions</c>, "Invocation completed/failed") are the dispatcher's, from the outcomes.
/// </remarks>
internal sealed partial class WorkerPool
{
    private void OnWorkerMessage(WorkerProcess worker, WorkerMessage message)
    {
        var now = timeProvider.GetUtcNow();
        switch (message)
        {
            case LogMessage log:
                var level = Enum.IsDefined((LogLevel)log.Level) ? (LogLevel)log.Level : LogLevel.Information;
                Emit(new FunctionAppLogTelemetry(
                    now, options.FunctionName, level.ToString(), log.Message, $"Function.{options.FunctionName}.User",
                    log.InvocationId, ProcessId: worker.ProcessId));
                Emit(new TraceTelemetry(
                    now, log.Message, (SeverityLevel)(int)level, log.InvocationId, options.FunctionName, Dimensions(worker)));
                break;
            case DependencyMessage dependency:
                Emit(new DependencyTelemetry(
                    now, Guid.NewGuid().ToString("N")[..16], dependency.DependencyType, dependency.Target, dependency.Name,
                    dependency.Name, dependency.Success, dependency.ResultCode, TimeSpan.FromTicks(dependency.DurationTicks),
                    dependency.InvocationId, options.FunctionName, dependency.Properties));
                break;
            case MemoryMetricsMessage memory:
                Emit(new AppMetricTelemetry(now, CounterNames.MetricWorkingSet, memory.WorkingSet, Dimensions(worker)));
                Emit(new AppMetricTelemetry(now, CounterNames.MetricPrivateBytes, memory.PrivateBytes, Dimensions(worker)));
                break;
            case MetricsMessage metrics:
                var dimensions = Dimensions(worker);
                Emit(new AppMetricTelemetry(now, CounterNames.MetricWorkingSet, metrics.WorkingSet, dimensions));
                Emit(new AppMetricTelemetry(now, CounterNames.MetricPrivateBytes, metrics.PrivateBytes, dimensions));
                Emit(new AppMetricTelemetry(now, CounterNames.MetricGcHeapSize, metrics.GcHeapSize, dimensions));
                Emit(new AppMetricTelemetry(now, CounterNames.MetricGen2Collections, metrics.Gen2Collections, dimensions));
                Emit(new AppMetricTelemetry(now, CounterNames.MetricAllocationRate, metrics.AllocationRate, dimensions));
                Emit(new AppMetricTelemetry(now, CounterNames.MetricTimeInGc, metrics.TimeInGcPercent, dimensions));
                break;
        }
    }

    private void TraceExit(WorkerExit exit)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["WorkerId"] = exit.WorkerId,
            ["ProcessId"] = Text(exit.ProcessId),
            ["ExitCode"] = Text(exit.Status.ExitCode),
            ["Signal"] = exit.Status.Signal is { } signal ? Text(signal) : string.Empty,
            ["KilledOverCeiling"] = exit.KilledOverCeiling ? "true" : "false",
            ["CeilingBytes"] = Text(exit.Ceiling.Bytes),
            ["Ceiling"] = exit.Ceiling.Description,
            ["LastPrivateBytes"] = exit.LastReading is { } r ? Text(r.PrivateBytes) : string.Empty,
            ["LastWorkingSet"] = exit.LastReading is { } w ? Text(w.WorkingSet) : string.Empty,
            ["LastReadingTime"] = exit.LastReading is { } t ? t.Timestamp.ToString("O", CultureInfo.InvariantCulture) : string.Empty,
            ["InstancePrivateBytes"] = Text(exit.InstancePrivateBytes),
            ["InFlightInvocations"] = string.Join(",", exit.InFlight),
            ["UptimeMs"] = Text((long)exit.Uptime.TotalMilliseconds),
        };
        if (exit.StderrTail.Length > 0)
        {
            // What the worker said last (a Python traceback, a runtime's fatal error): the reason a crash has.
            properties["StderrTail"] = exit.StderrTail;
        }

        var now = timeProvider.GetUtcNow();
        Emit(new TraceTelemetry(now, WorkerTraces.Exited(exit.Status.ExitCode), SeverityLevel.Error, Properties: properties));
        foreach (var text in options.Transport.ExitTexts(exit))
        {
            Emit(new TraceTelemetry(now, text, SeverityLevel.Error, Properties: properties));
        }
    }

    private void Trace(string message, SeverityLevel severity, WorkerProcess worker, params (string Key, string Value)[] extra)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["WorkerId"] = worker.WorkerId,
            ["ProcessId"] = Text(worker.ProcessId),
        };
        foreach (var (key, value) in extra)
        {
            properties[key] = value;
        }

        Emit(new TraceTelemetry(timeProvider.GetUtcNow(), message, severity, Properties: properties));
    }

    private static Dictionary<string, string> Dimensions(WorkerProcess worker) =>
        new(StringComparer.Ordinal) { ["WorkerId"] = worker.WorkerId, ["ProcessId"] = Text(worker.ProcessId) };

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private void Emit(TelemetryItem item) => sink.Emit(item);
}
