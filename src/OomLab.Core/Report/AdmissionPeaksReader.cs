using Microsoft.Data.Sqlite;
using OomLab.Hosting.Admission;
using OomLab.Telemetry;

namespace OomLab.Report;

/// <summary>
/// Reads admission's per-invocation prediction and measured peak (<c>oomlab.admission.measuredPeakBytes</c> with its
/// <c>PredictedPeakBytes</c>) from the store with SQL, as <see cref="PrivateBytesReader"/> does; none without admission.
/// Invocations too short to be measured (a measured peak of 0) are left out.
/// </summary>
internal static class AdmissionPeaksReader
{
    private const string Query = $"""
        SELECT timestamp, CAST(json_extract(customDimensions, '$.ContentLengthBytes') AS INTEGER),
               CAST(json_extract(customDimensions, '$.PredictedPeakBytes') AS REAL), value
        FROM customMetrics
        WHERE name = '{AdmissionTraces.MeasuredPeakMetric}' AND timestamp IS NOT NULL AND value > 0
          AND json_valid(customDimensions) AND json_extract(customDimensions, '$.PredictedPeakBytes') IS NOT NULL
        ORDER BY timestamp, rowid;
        """;

    /// <summary>The peaks of every store (one per instance), in time order.</summary>
    public static List<AdmissionPeak> Read(IReadOnlyList<string> telemetryPaths)
    {
        ArgumentNullException.ThrowIfNull(telemetryPaths);
        var peaks = new List<AdmissionPeak>();
        foreach (var telemetryPath in telemetryPaths)
        {
            using var connection = TelemetryStore.Connect(telemetryPath, SqliteOpenMode.ReadOnly);
            using var command = connection.CreateCommand();
            command.CommandText = Query;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                peaks.Add(new AdmissionPeak(
                    new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero), reader.IsDBNull(1) ? 0 : reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3)));
            }
        }

        return telemetryPaths.Count > 1 ? [.. peaks.OrderBy(p => p.Time)] : peaks;
    }
}
