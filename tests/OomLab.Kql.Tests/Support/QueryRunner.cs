namespace OomLab.Kql.Tests.Support;

/// <summary>Runs queries in tests and turns result rows into comparable text.</summary>
internal static class QueryRunner
{
    public static string SeedQuery(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", file));

    public static KqlResult Run(string query, ITableSource? tables = null, KqlOptions? options = null) =>
        KqlEngine.Execute(query, tables ?? LabFixture.Tables(), options ?? LabFixture.Options);

    public static KqlTable Table(string query, ITableSource? tables = null, KqlOptions? options = null)
    {
        var result = Run(query, tables, options);
        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics.Select(d => d.Format(query))));
        return result.Table;
    }

    /// <summary>Each row as its cells' text joined by " | ".</summary>
    public static string[] Rows(KqlTable table) =>
        Enumerable.Range(0, table.RowCount).Select(r => string.Join(" | ", table.Columns.Select(c => c.GetText(r)))).ToArray();

    public static string Columns(KqlTable table) => string.Join(", ", table.Columns.Select(c => $"{c.Name}:{c.Type.Name()}"));
}
