using System.Globalization;
using OomLab.Kql;

namespace OomLab.Lab.Evidence;

/// <summary>A seed query as it ran: its columns and rows, or the error that stopped it.</summary>
internal sealed record QueryRun(SeedQuery Query, IReadOnlyList<(string Name, string Type)> Columns, IReadOnlyList<object?[]> Rows, string? Error)
{
    public static QueryRun From(SeedQuery query, KqlResult result)
    {
        if (!result.Succeeded)
        {
            return new QueryRun(query, [], [], string.Join("; ", result.Diagnostics.Select(d => d.ToString())));
        }

        var table = result.Table;
        var columns = table.Columns.Select(c => (c.Name, c.Type.Name())).ToArray();
        var rows = new List<object?[]>(table.RowCount);
        for (var row = 0; row < table.RowCount; row++)
        {
            rows.Add([.. table.Columns.Select(c => Plain(c.GetValue(row)))]);
        }

        return new QueryRun(query, columns, rows, null);
    }

    /// <summary>The values of one column, by name; empty when the query failed.</summary>
    public IEnumerable<object?> Column(string name)
    {
        var index = Columns.Select(c => c.Name).ToList().IndexOf(name);
        return index < 0 ? [] : Rows.Select(r => r[index]);
    }

    public IEnumerable<double> Numbers(string name) => Column(name).Where(v => v is not null).Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture));

    public IEnumerable<string> Texts(string name) => Column(name).Select(v => v?.ToString() ?? string.Empty);

    /// <summary>Rows whose <paramref name="timeColumn"/> falls in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public QueryRun Between(string timeColumn, DateTimeOffset from, DateTimeOffset to)
    {
        var index = Columns.Select(c => c.Name).ToList().IndexOf(timeColumn);
        if (index < 0)
        {
            return this with { Rows = [] };
        }

        return this with
        {
            Rows = [.. Rows.Where(r => r[index] is DateTime t && t >= from.UtcDateTime && t < to.UtcDateTime)],
        };
    }

    // Values as JSON writes them and people read them: UTC datetimes, timespans in constant format.
    private static object? Plain(object? value) => value switch
    {
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        DateTimeOffset time => time.UtcDateTime,
        _ => value,
    };
}
