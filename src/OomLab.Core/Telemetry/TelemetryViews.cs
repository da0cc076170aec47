namespace OomLab.Telemetry;

/// <summary>
/// Builds the tables queries see from the tables a store has: every known table (<see cref="TelemetrySchema.Known"/>)
/// and every table an import made, a classic table and its workspace twin each showing the rows of both under its
/// own column names (<see cref="TelemetryAliases"/>), with every column either of them has.
/// </summary>
internal static class TelemetryViews
{
    public static IReadOnlyList<TelemetryView> Build(IReadOnlyList<TelemetryTable> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var names = TelemetrySchema.Known.Select(t => t.Name).Concat(stored.Select(t => t.Name)).Distinct(StringComparer.Ordinal);
        return [.. names.Select(name => Build(name, stored))];
    }

    private static TelemetryView Build(string name, IReadOnlyList<TelemetryTable> stored)
    {
        var pair = TelemetryAliases.PairOf(name);
        var own = stored.FirstOrDefault(t => t.Name == name);
        var twin = pair is null ? null : stored.FirstOrDefault(t => t.Name == pair.Other(name));
        TelemetryTable[] parts = [.. new[] { own, twin }.OfType<TelemetryTable>()];

        var columns = new List<TelemetryColumn>(TelemetrySchema.Find(name)?.Columns.Select(c => new TelemetryColumn(c.Name, c.Type)) ?? []);
        var builtIn = columns.Count;
        foreach (var part in parts)
        {
            foreach (var column in part.Columns)
            {
                var viewName = part == own ? column.Name : pair!.Rename(column.Name, name);
                var index = columns.FindIndex(c => c.Name == viewName);
                if (index < 0)
                {
                    columns.Add(new TelemetryColumn(viewName, column.Type));
                }
                else if (index >= builtIn && columns[index].Type != column.Type)
                {
                    columns[index] = columns[index] with { Type = Wider(columns[index].Type, column.Type) };
                }
            }
        }

        var sources = columns.Select(column => (IReadOnlyList<IReadOnlyList<TelemetryColumn>>)[.. parts.Select(part =>
        {
            IEnumerable<string> candidates = part == own
                ? [column.Name]
                : [pair!.TwinOf(name, column.Name) ?? column.Name, column.Name];
            var found = candidates.Concat(TelemetryAliases.FallbacksOf(part.Name, column.Name))
                .Distinct(StringComparer.Ordinal)
                .Select(n => part.Columns.FirstOrDefault(c => c.Name == n))
                .OfType<TelemetryColumn>();
            return (IReadOnlyList<TelemetryColumn>)[.. found];
        })]).ToList();
        return new TelemetryView(name, columns, parts, sources);
    }

    /// <summary>The type of an added column that two parts (or two stores) give two types: numbers meet as real, anything else as text.</summary>
    public static TelemetryColumnType Wider(TelemetryColumnType a, TelemetryColumnType b) =>
        (a, b) is (TelemetryColumnType.Long, TelemetryColumnType.Real) or (TelemetryColumnType.Real, TelemetryColumnType.Long)
            ? TelemetryColumnType.Real
            : TelemetryColumnType.String;
}
