using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using OomLab.Kql;

namespace OomLab.Telemetry;

/// <summary>
/// The telemetry store as KQL tables: each Application Insights table is read column by column into the
/// engine's typed columns the first time a query names it, and kept for the following queries.
/// </summary>
internal sealed class TelemetryTableSource : ITableSource, IDisposable
{
    private readonly TelemetryReader reader;
    private readonly ConcurrentDictionary<string, KqlTable> loaded = new(StringComparer.Ordinal);

    private TelemetryTableSource(TelemetryReader reader) => this.reader = reader;

    /// <summary>Opens a store; <paramref name="path"/> is the <c>telemetry.db</c> file.</summary>
    public static TelemetryTableSource Open(string path) => new(TelemetryReader.Open(path));

    public IEnumerable<string> TableNames => TelemetrySchema.Tables.Select(t => t.Name);

    public bool TryGetTable(string name, [NotNullWhen(true)] out KqlTable? table)
    {
        var schema = TelemetrySchema.Find(name);
        if (schema is null)
        {
            table = null;
            return false;
        }

        table = loaded.GetOrAdd(name, _ => Convert(reader.ReadTable(schema)));
        return true;
    }

    public void Dispose() => reader.Dispose();

    private static KqlTable Convert(TelemetryTableData data)
    {
        var builder = new KqlTableBuilder(data.Table.Name);
        foreach (var column in data.Columns)
        {
            _ = column.Type switch
            {
                TelemetryColumnType.DateTime => builder.AddDateTime(column.Name, (long[])column.Values, column.Nulls),
                TelemetryColumnType.TimeSpan => builder.AddTimeSpan(column.Name, (long[])column.Values, column.Nulls),
                TelemetryColumnType.Long => builder.AddLong(column.Name, (long[])column.Values, column.Nulls),
                TelemetryColumnType.Real => builder.AddReal(column.Name, (double[])column.Values, column.Nulls),
                TelemetryColumnType.Bool => builder.AddBool(column.Name, (bool[])column.Values, column.Nulls),
                TelemetryColumnType.Dynamic => builder.AddDynamic(column.Name, (string?[])column.Values),
                _ => builder.AddString(column.Name, (string?[])column.Values),
            };
        }

        return builder.Build();
    }
}
