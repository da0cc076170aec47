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
        foreach (var schema in TelemetrySchema.Known)
        {
            var builder = new KqlTableBuilder(schema.Name);
            foreach (var column in schema.Columns)
            {
                var key = (schema.Name, column.Name);
                builder.AddDeferred(column.Name, TelemetryColumnData.KqlTypeOf(column.Type), 0, into =>
                {
                    read[key] = true;
                    TelemetryColumnData.Empty(column).AddTo(into);
                });
            }

            tables[schema.Name] = builder.Build();
        }
    }

    /// <summary>The columns read so far, as (table, column).</summary>
    public IReadOnlyCollection<(string Table, string Column)> Read => read.Keys.ToList();

    public IEnumerable<string> TableNames => TelemetrySchema.Known.Select(t => t.Name);

    public bool TryGetTable(string name, [NotNullWhen(true)] out KqlTable? table) => tables.TryGetValue(name, out table);
}
