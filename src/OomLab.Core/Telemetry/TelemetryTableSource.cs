using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using OomLab.Kql;

namespace OomLab.Telemetry;

/// <summary>
/// The telemetry store as KQL tables: a table's rows are counted the first time a query names it, and each
/// column is read into the engine's typed columns the first time a query reads it, then kept for the
/// following queries (a diagnosis runs dozens of queries over one source).
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

        table = loaded.GetOrAdd(name, _ => Defer(schema));
        return true;
    }

    public void Dispose() => reader.Dispose();

    private KqlTable Defer(TelemetryTable schema)
    {
        var rows = reader.CountRows(schema);
        var builder = new KqlTableBuilder(schema.Name);
        foreach (var column in schema.Columns)
        {
            builder.AddDeferred(column.Name, KqlTypeOf(column.Type), rows, into => Add(into, reader.ReadColumn(schema, column, rows)));
        }

        return builder.Build();
    }

    private static KqlTableBuilder Add(KqlTableBuilder builder, TelemetryColumnData column) => column.Type switch
    {
        TelemetryColumnType.DateTime => builder.AddDateTime(column.Name, (long[])column.Values, column.Nulls),
        TelemetryColumnType.TimeSpan => builder.AddTimeSpan(column.Name, (long[])column.Values, column.Nulls),
        TelemetryColumnType.Long => builder.AddLong(column.Name, (long[])column.Values, column.Nulls),
        TelemetryColumnType.Real => builder.AddReal(column.Name, (double[])column.Values, column.Nulls),
        TelemetryColumnType.Bool => builder.AddBool(column.Name, (bool[])column.Values, column.Nulls),
        TelemetryColumnType.Dynamic => builder.AddDynamic(column.Name, (string?[])column.Values),
        _ => builder.AddString(column.Name, (string?[])column.Values),
    };

    private static KqlType KqlTypeOf(TelemetryColumnType type) => type switch
    {
        TelemetryColumnType.DateTime => KqlType.DateTime,
        TelemetryColumnType.TimeSpan => KqlType.TimeSpan,
        TelemetryColumnType.Long => KqlType.Long,
        TelemetryColumnType.Real => KqlType.Real,
        TelemetryColumnType.Bool => KqlType.Bool,
        TelemetryColumnType.Dynamic => KqlType.Dynamic,
        _ => KqlType.String,
    };
}
