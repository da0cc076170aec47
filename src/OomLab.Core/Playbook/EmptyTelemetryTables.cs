using OomLab.Kql;
using OomLab.Telemetry;

namespace OomLab.Playbook;

/// <summary>The telemetry tables with their columns and no rows: what playbook queries are checked against.</summary>
internal static class EmptyTelemetryTables
{
    public static InMemoryTableSource Instance { get; } = Create();

    private static InMemoryTableSource Create()
    {
        var source = new InMemoryTableSource();
        foreach (var table in TelemetrySchema.Tables)
        {
            var builder = new KqlTableBuilder(table.Name);
            foreach (var column in table.Columns)
            {
                _ = column.Type switch
                {
                    TelemetryColumnType.DateTime => builder.AddDateTime(column.Name, []),
                    TelemetryColumnType.TimeSpan => builder.AddTimeSpan(column.Name, []),
                    TelemetryColumnType.Long => builder.AddLong(column.Name, []),
                    TelemetryColumnType.Real => builder.AddReal(column.Name, []),
                    TelemetryColumnType.Bool => builder.AddBool(column.Name, []),
                    TelemetryColumnType.Dynamic => builder.AddDynamic(column.Name, Array.Empty<string?>()),
                    _ => builder.AddString(column.Name, []),
                };
            }

            source.Add(builder.Build());
        }

        return source;
    }
}
