using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using OomLab.Kql;
using OomLab.Telemetry;

namespace OomLab.Playbook;

/// <summary>
/// The telemetry tables with no rows, remembering which columns queries read: running a playbook's queries over
/// it first tells a store which columns to read in one pass per table. The engine loads a column only when an
/// operator reads it, so what is recorded is what the queries read (a column missed here is still read later, when
/// a query needs it).
/// </summary>
internal sealed class ColumnRecorder : ITableSource
{
    private readonly ConcurrentDictionary<(string Table, string Column), bool> read = new();
    private readonly Dictionary<string, KqlTable> tables = new(StringComparer.Ordinal);

    public ColumnRecorder()
    {
        foreach (var schema in TelemetrySchema.Tables)
        {
            var builder = new KqlTableBuilder(schema.Name);
            foreach (var column in schema.Columns)
            {
                var key = (schema.Name, column.Name);
                builder.AddDeferred(column.Name, KqlTypeOf(column.Type), 0, into =>
                {
                    read[key] = true;
                    Empty(into, column);
                });
            }

            tables[schema.Name] = builder.Build();
        }
    }

    /// <summary>The columns read so far, as (table, column).</summary>
    public IReadOnlyCollection<(string Table, string Column)> Read => read.Keys.ToList();

    public IEnumerable<string> TableNames => TelemetrySchema.Tables.Select(t => t.Name);

    public bool TryGetTable(string name, [NotNullWhen(true)] out KqlTable? table) => tables.TryGetValue(name, out table);

    private static KqlTableBuilder Empty(KqlTableBuilder builder, TelemetryColumn column) => column.Type switch
    {
        TelemetryColumnType.DateTime => builder.AddDateTime(column.Name, []),
        TelemetryColumnType.TimeSpan => builder.AddTimeSpan(column.Name, []),
        TelemetryColumnType.Long => builder.AddLong(column.Name, []),
        TelemetryColumnType.Real => builder.AddReal(column.Name, []),
        TelemetryColumnType.Bool => builder.AddBool(column.Name, []),
        TelemetryColumnType.Dynamic => builder.AddDynamic(column.Name, Array.Empty<string?>()),
        _ => builder.AddString(column.Name, []),
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
