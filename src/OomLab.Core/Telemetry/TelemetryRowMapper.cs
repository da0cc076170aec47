using System.Buffers;
using System.Text;
using System.Text.Json;

namespace OomLab.Telemetry;

/// <summary>
/// Maps a <see cref="TelemetryItem"/> to its table row, in the table's column order, with storage values
/// (ticks for datetime and timespan, 0/1 for bool, JSON text for dynamic, null for none).
/// </summary>
internal static class TelemetryRowMapper
{
    public static (TelemetryTable Table, object?[] Values) Map(TelemetryItem item, TelemetryIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(identity);
        var app = identity.AppName;
        var instance = identity.InstanceName;
        var time = item.Timestamp.UtcTicks;
        var dimensions = Json(item.Properties);
        return item switch
        {
            RequestTelemetry r => (TelemetrySchema.Requests,
            [
                time, r.Id, r.Name, r.Url, Bool(r.Success), r.ResultCode, r.Duration.Ticks, "request", dimensions,
                r.OperationName, r.OperationId, string.Empty, app, instance, app, 1L,
            ]),
            DependencyTelemetry d => (TelemetrySchema.Dependencies,
            [
                time, d.Id, d.Target, d.Type, d.Name, d.Data, Bool(d.Success), d.ResultCode, d.Duration.Ticks, "dependency",
                dimensions, d.OperationName, d.OperationId, d.OperationId, app, instance, app, 1L,
            ]),
            TraceTelemetry t => (TelemetrySchema.Traces,
            [
                time, t.Message, (long)t.SeverityLevel, "trace", dimensions, t.OperationName, t.OperationId, string.Empty,
                app, instance, app, 1L,
            ]),
            ExceptionTelemetry e => (TelemetrySchema.Exceptions,
            [
                time, e.Type, e.Type, e.OuterMessage, e.Type, e.OuterMessage, e.Type, e.OuterMessage, (long)e.SeverityLevel,
                e.Details, "exception", dimensions, e.OperationName, e.OperationId, app, instance, app, 1L,
            ]),
            PerformanceCounterTelemetry p => (TelemetrySchema.PerformanceCounters,
            [
                time, p.Counter, p.Category, p.Counter, p.Instance, p.Value, dimensions, app, instance, app, 1L,
            ]),
            MetricTelemetry m => (TelemetrySchema.CustomMetrics,
            [
                time, m.Name, m.Value, 1L, m.Value, m.Value, m.Value, dimensions, m.OperationName, m.OperationId,
                app, instance, app, 1L,
            ]),
            FunctionAppLogTelemetry f => (TelemetrySchema.FunctionAppLogs,
            [
                time, app, f.FunctionName, f.Level, LevelId(f.Level), f.Message, f.Category, instance,
                f.FunctionInvocationId, f.ExceptionType, f.ExceptionMessage, f.ExceptionDetails, (long)f.ProcessId, instance,
            ]),
            AppMetricTelemetry a => (TelemetrySchema.AppMetrics,
            [
                time, a.Name, a.Value, a.Value, a.Value, a.Value, 1L, dimensions, app, instance, app, instance,
            ]),
            _ => throw new ArgumentException($"no telemetry table for {item.GetType().Name}", nameof(item)),
        };
    }

    /// <summary>Log Analytics' <c>LevelId</c> for a <c>Level</c>: Trace 0, Debug 1, Information 2, Warning 3, Error 4, Critical 5.</summary>
    public static long LevelId(string level) => level switch
    {
        "Trace" => 0,
        "Debug" => 1,
        "Information" => 2,
        "Warning" => 3,
        "Error" => 4,
        "Critical" => 5,
        _ => 6,
    };

    private static long Bool(bool value) => value ? 1 : 0;

    private static string? Json(IReadOnlyDictionary<string, string>? properties)
    {
        if (properties is null)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(64 + (properties.Count * 32));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in properties)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
