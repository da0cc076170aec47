using Microsoft.Data.Sqlite;
using OomLab.Telemetry;

namespace OomLab.Report;

/// <summary>
/// Reads the <c>Private Bytes</c> readings straight from the store with SQL, four columns only: the one table
/// that grows with a run's length (a reading per worker four times a second), where loading every column into
/// the KQL engine first would dominate the report's time.
/// </summary>
internal static class PrivateBytesReader
{
    private const string Query = """
        SELECT timestamp, instance, cloud_RoleInstance, value FROM performanceCounters
        WHERE counter = 'Private Bytes' AND timestamp IS NOT NULL AND value IS NOT NULL
        ORDER BY timestamp, rowid;
        """;

    /// <summary>
    /// One series per counter instance of the stores at <paramref name="telemetryPaths"/> (prefixed with the role instance
    /// when there are several: one store per instance, or one store of several), the instance totals last.
    /// </summary>
    public static List<MemorySeries> Read(IReadOnlyList<string> telemetryPaths)
    {
        ArgumentNullException.ThrowIfNull(telemetryPaths);
        var readings = new List<(long Ticks, string Instance, string Role, double Value)>();
        foreach (var path in telemetryPaths)
        {
            using var connection = TelemetryStore.Connect(path, SqliteOpenMode.ReadOnly);
            using var command = connection.CreateCommand();
            command.CommandText = Query;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                readings.Add((reader.GetInt64(0), reader.IsDBNull(1) ? string.Empty : reader.GetString(1), reader.IsDBNull(2) ? string.Empty : reader.GetString(2), reader.GetDouble(3)));
            }
        }

        // Each store's readings are in time order; stores after one another are not (a stable sort keeps a store's ties in order).
        if (telemetryPaths.Count > 1)
        {
            readings = [.. readings.OrderBy(r => r.Ticks)];
        }

        var roles = readings.Select(r => r.Role).Distinct(StringComparer.Ordinal).Count();
        return [.. readings
            .GroupBy(r => roles > 1 ? $"{r.Role} / {r.Instance}" : r.Instance, StringComparer.Ordinal)
            .Select(g => new MemorySeries(
                g.Key,
                g.Key.EndsWith(Workers.WorkerPool.TotalInstance, StringComparison.Ordinal),
                [.. g.Select(r => new TimeValue(new DateTimeOffset(r.Ticks, TimeSpan.Zero), r.Value))]))
            .OrderBy(s => s.IsTotal)
            .ThenBy(s => s.Name, StringComparer.Ordinal)];
    }
}
