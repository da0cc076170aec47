using System.Globalization;
using OomLab.Kql;
using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Report;

internal static partial class ReportLoader
{
    // Bins for the request and dependency charts: the smallest that gives at most this many bins.
    private const int MaxBins = 90;

    private const string KilledQuery = $$"""
        traces
        | where message == "{{WorkerTraces.ExitedAfterKill}}"
        | project timestamp, message, worker=tostring(customDimensions["WorkerId"]), lastPrivateBytes=tostring(customDimensions["LastPrivateBytes"]), ceilingBytes=tostring(customDimensions["CeilingBytes"])
        | order by timestamp asc
        """;

    private const string RestartedQuery = """
        traces
        | where message == "Restarting worker process after unexpected exit"
        | project timestamp, message, worker=tostring(customDimensions["WorkerId"])
        | order by timestamp asc
        """;

    private const string OutOfMemoryQuery = """
        exceptions
        | where type has "OutOfMemoryException" or outerMessage startswith "MemoryError"
        | project timestamp, type, outerMessage, worker=tostring(customDimensions["WorkerId"]), blob=tostring(customDimensions["BlobName"])
        | order by timestamp asc
        """;

    private const string CeilingQuery = $$"""
        traces
        | where message startswith "{{WorkerTraces.ExitedPrefix}}"
        | extend ceilingBytes=tolong(customDimensions["CeilingBytes"])
        | where isnotnull(ceilingBytes)
        | summarize ceilingBytes=max(ceilingBytes)
        """;

    private const string RangeQuery = """
        requests
        | summarize first=min(timestamp), last=max(timestamp)
        """;

    private static readonly TimeSpan[] BinSizes =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15),
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
        TimeSpan.FromHours(12), TimeSpan.FromDays(1),
    ];

    /// <summary>Memory series (SQL, see <see cref="PrivateBytesReader"/>), markers, request and dependency bins and failing blobs (KQL) from the stores.</summary>
    private static ReportModel WithTelemetry(ReportModel model, IReadOnlyList<string> telemetryPaths, ReportOptions options, TelemetryTableSource? open)
    {
        var reuse = open is not null && open.Paths.Select(Path.GetFullPath).SequenceEqual(telemetryPaths.Select(Path.GetFullPath), StringComparer.Ordinal);
        using var owned = reuse ? null : TelemetryTableSource.Open(telemetryPaths);
        var source = reuse ? open! : owned!;
        var markers = Markers(source, MarkerKind.Killed, KilledQuery, options)
            .Concat(Markers(source, MarkerKind.Restarted, RestartedQuery, options))
            .Concat(Markers(source, MarkerKind.OutOfMemory, OutOfMemoryQuery, options))
            .OrderBy(m => m.Time)
            .ToList();
        model = model with
        {
            Memory = PrivateBytesReader.Read(telemetryPaths),
            AdmissionPeaks = AdmissionPeaksReader.Read(telemetryPaths),
            Markers = markers,
            CeilingBytes = model.CeilingBytes ?? Rows(source, CeilingQuery).Select(r => r[0] as long?).FirstOrDefault(),
            FailingBlobs = FailingBlobs(source, options),
        };
        if (model.Facts.Count == 0)
        {
            var apps = Rows(source, "traces | summarize by cloud_RoleName").Select(r => Text(r[0])).Where(a => a.Length > 0).ToList();
            model = model with
            {
                Title = apps.Count > 0 ? $"{string.Join(", ", apps)}: telemetry" : "Telemetry",
                Facts = telemetryPaths is [var one]
                    ? [KeyValuePair.Create("telemetry store", one)]
                    : [KeyValuePair.Create("telemetry stores", string.Join(", ", telemetryPaths))],
            };
        }

        var requestRange = Rows(source, RangeQuery).FirstOrDefault();
        var range = model.TimeRange();
        var start = Min(range?.Start, Time(requestRange?[0]));
        var end = Max(range?.End, Time(requestRange?[1]));
        if (start is null || end is null)
        {
            return model;
        }

        var bin = BinSizes.FirstOrDefault(b => (end.Value - start.Value).Ticks / b.Ticks < MaxBins, BinSizes[^1]);
        var seconds = ((long)bin.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return model with
        {
            BinSize = bin,
            Requests = [.. Rows(source, $"""
                requests
                | summarize total=count(), failures=countif(success == false), p95Ms=percentile(toreal(duration / 1ms), 95) by bin(timestamp, {seconds}s)
                | order by timestamp asc
                """).Select(r => new RequestBin(Time(r[0])!.Value, Long(r[1]), Long(r[2]), Real(r[3])))],
            Dependencies = [.. Rows(source, $"""
                dependencies
                | summarize total=count(), failures=countif(success == false) by bin(timestamp, {seconds}s)
                | order by timestamp asc
                """).Select(r => new DependencyBin(Time(r[0])!.Value, Long(r[1]), Long(r[2])))],
        };
    }

    private static IEnumerable<LifecycleMarker> Markers(TelemetryTableSource source, MarkerKind kind, string query, ReportOptions options) =>
        Rows(source, query).Take(options.MaxMarkers).Select(r => kind switch
        {
            MarkerKind.Killed => new LifecycleMarker(Time(r[0])!.Value, kind, Text(r[2]), Text(r[1]),
                Text(r[3]).Length > 0 ? $"last Private Bytes reading {Bytes(Text(r[3]))}" : string.Empty),
            MarkerKind.Restarted => new LifecycleMarker(Time(r[0])!.Value, kind, Text(r[2]), Text(r[1]), string.Empty),
            _ => new LifecycleMarker(Time(r[0])!.Value, kind, Text(r[3]), $"{Text(r[1])}: {Text(r[2])}", Text(r[4]).Length > 0 ? $"blob {Text(r[4])}" : string.Empty),
        });

    private static List<FailingBlob> FailingBlobs(TelemetryTableSource source, ReportOptions options) =>
        [.. Rows(source, $"""
            requests
            | extend blob=tostring(customDimensions["BlobName"])
            | summarize attempts=count(), failures=countif(success == false) by blob
            | where failures > 0
            | order by failures desc, blob asc
            | take {options.MaxTableRows}
            """).Select(r => new FailingBlob(Text(r[0]), Long(r[2]), Long(r[1])))];

    private static List<object?[]> Rows(TelemetryTableSource source, string query)
    {
        var result = KqlEngine.Execute(query, source);
        if (!result.Succeeded)
        {
            // The report's own queries are fixed text over a fixed schema: a failure is a bug, not bad input.
            throw new InvalidOperationException($"report query failed: {result.Diagnostics[0]}\n{query}");
        }

        var table = result.Table;
        var rows = new List<object?[]>(table.RowCount);
        for (var row = 0; row < table.RowCount; row++)
        {
            rows.Add(table.GetRow(row));
        }

        return rows;
    }

    private static string Bytes(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes)
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MiB")
            : text;

    private static DateTimeOffset? Time(object? value) => value switch
    {
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset time => time,
        _ => null,
    };

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static long Long(object? value) => value is null ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static double Real(object? value) => value is null ? 0 : Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
