using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace OomLab.Telemetry.Import;

/// <summary>
/// One file's import: every row goes to its table inside one transaction, so a file is imported whole or not at all.
/// A row's table is <c>--table</c>, else the row's own <c>Type</c> (workspace exports name their table in every row) or
/// diagnostic category, else the file's: the table the export names, else the file's name (<c>requests.json</c>),
/// else the known table whose columns the first row's columns match best.
/// </summary>
internal sealed partial class ImportSession : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly string? explicitTable;
    private readonly Dictionary<string, TableSink> sinks = new(StringComparer.Ordinal);
    private readonly List<TableSink> order = [];
    private string? fileTable;

    public ImportSession(SqliteConnection connection, string file, string? explicitTable)
    {
        this.connection = connection;
        this.explicitTable = explicitTable;
        File = file;
        transaction = connection.BeginTransaction(deferred: false);
        TelemetryStore.CreateSchema(connection);
    }

    public string File { get; }

    /// <summary>The tables written, in the order first met.</summary>
    public IReadOnlyList<TableSink> Sinks => order;

    /// <summary>Forgets the file's table (the REST shape names one per table it holds).</summary>
    public void NewSection() => fileTable = null;

    /// <summary>
    /// The sink of the row's table: <paramref name="category"/> is a diagnostic record's category, <paramref name="declaredName"/>
    /// the table the export names (either may be null).
    /// </summary>
    public TableSink SinkFor(IReadOnlyList<(string Name, Cell Value, bool AnyCase)> cells, string? category, string? declaredName, (long Line, long Column) at)
    {
        var name = explicitTable ?? TableNamed(category) ?? RowTable(cells) ?? (fileTable ??= FileTable(cells, declaredName, at));
        if (!sinks.TryGetValue(name, out var sink))
        {
            var table = StoreSchema.Ensure(connection, TelemetrySchema.Find(name) ?? new TelemetryTable(name, []));
            sink = new TableSink(connection, File, table);
            sinks[name] = sink;
            order.Add(sink);
        }

        return sink;
    }

    public void Commit()
    {
        foreach (var sink in order)
        {
            sink.Finish();
        }

        transaction.Commit();
    }

    public void Dispose()
    {
        foreach (var sink in order)
        {
            sink.Dispose();
        }

        transaction.Dispose();
    }

    /// <summary>A table name as given (<c>--table</c>, a row's <c>Type</c>): a known table in any case, else the name itself when it is one.</summary>
    public static string? TableNamed(string? name) =>
        TelemetrySchema.FindIgnoringCase(name)?.Name ?? (name is not null && Identifier().IsMatch(name) && StoreSchema.IsValidTableName(name) ? name : null);

    private static string? RowTable(IReadOnlyList<(string Name, Cell Value, bool AnyCase)> cells)
    {
        foreach (var (name, cell, _) in cells)
        {
            if (name == "Type" && TableNamed(cell.AsString) is { } table)
            {
                return table;
            }
        }

        return null;
    }

    private string FileTable(IReadOnlyList<(string Name, Cell Value, bool AnyCase)> cells, string? declaredName, (long Line, long Column) at)
    {
        if (TelemetrySchema.FindIgnoringCase(declaredName) is { } named)
        {
            return named.Name;
        }

        var stem = Path.GetFileName(File);
        while (Path.GetExtension(stem) is { Length: > 0 } extension && stem.Length > extension.Length)
        {
            if (TelemetrySchema.FindIgnoringCase(Path.GetFileNameWithoutExtension(stem)) is { } byFile)
            {
                return byFile.Name;
            }

            stem = Path.GetFileNameWithoutExtension(stem);
        }

        // Infer from the columns: the table sharing the most column names, with no tie.
        var columns = cells.Select(c => c.Name).ToList();
        var ranked = TelemetrySchema.Known
            .Select(t => (Table: t, Score: columns.Count(c => t.Columns.Any(tc => tc.Name == c)) - (0.01 * t.Columns.Count)))
            .OrderByDescending(r => r.Score)
            .ToList();
        var best = ranked[0];
        if (best.Score < 2 || Math.Abs(best.Score - ranked[1].Score) < 0.5)
        {
            throw new ImportException(File, at.Line, at.Column, ImportMessages.CannotTellTable(columns, TelemetrySchema.Known.Select(t => t.Name)));
        }

        return best.Table.Name;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
