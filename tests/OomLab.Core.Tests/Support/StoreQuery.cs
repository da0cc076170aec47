using System.Globalization;
using OomLab.Kql;
using OomLab.Telemetry;

namespace OomLab.Tests.Support;

/// <summary>Runs KQL over a telemetry store as <c>oomlab query</c> does, giving each cell as invariant text.</summary>
internal static class StoreQuery
{
    public static List<string[]> Rows(string store, string query)
    {
        using var source = TelemetryTableSource.Open(store);
        var result = KqlEngine.Execute(query, source);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Diagnostics));
        var table = result.Table;
        return [.. Enumerable.Range(0, table.RowCount).Select(r => table.Columns.Select(c => Text(c.GetValue(r))).ToArray())];
    }

    /// <summary>The single row of a query, as text.</summary>
    public static string[] Row(string store, string query) => Rows(store, query).ShouldHaveSingleItem();

    /// <summary>The columns a table shows, as name:type.</summary>
    public static List<string> Columns(string store, string table)
    {
        using var source = TelemetryTableSource.Open(store);
        source.TryGetTable(table, out var kql).ShouldBeTrue(table);
        return [.. kql.Columns.Select(c => $"{c.Name}:{c.Type.ToString().ToLowerInvariant()}")];
    }

    private static string Text(object? value) => value switch
    {
        null => "<null>",
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        System.Text.Json.Nodes.JsonNode node => node.ToJsonString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
