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
        foreach (var table in TelemetrySchema.Known)
        {
            var builder = new KqlTableBuilder(table.Name);
            foreach (var column in table.Columns)
            {
                TelemetryColumnData.Empty(column).AddTo(builder);
            }

            source.Add(builder.Build());
        }

        return source;
    }
}
