using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace OomLab.Telemetry.Import;

/// <summary>Maps exported rows onto a telemetry table's columns and inserts them in batched transactions.</summary>
internal sealed class RowSink(SqliteConnection connection, string file, TelemetryTable? explicitTable) : IDisposable
{
    private const int RowsPerTransaction = 20_000;

    private TelemetryInsert? insert;
    private object?[] values = [];
    private SqliteTransaction? transaction;
    private int[] sourceIndex = [];
    private string[] sourceNames = [];
    private int pending;

    public string File { get; } = file;

    public TelemetryTable? Table { get; private set; }

    public long Rows { get; private set; }

    public IReadOnlyList<string> Ignored { get; private set; } = [];

    public void Begin(IReadOnlyList<string> columns, string? exportedName, (long Line, long Column) at)
    {
        var table = explicitTable ?? TableFor(columns, exportedName, at);
        if (Table is not null && Table != table)
        {
            throw new ImportException(File, at.Line, at.Column, $"this file holds more than one table ({Table.Name}, {table.Name}); import one table per file");
        }

        Table = table;
        sourceNames = [.. columns];
        sourceIndex = [.. table.Columns.Select(c => IndexOf(columns, c.Name))];
        Ignored = [.. columns.Where(c => table.Columns.All(t => !string.Equals(t.Name, c, StringComparison.OrdinalIgnoreCase)))];
        if (insert is null)
        {
            ColumnarCopy.Unguard(connection, table);
            insert = new TelemetryInsert(connection, table);
        }

        values = new object?[table.Columns.Count];
    }

    public void Add(JsonElement row, (long Line, long Column) at, bool byName)
    {
        var table = Table!;
        if (!byName && row.GetArrayLength() != sourceNames.Length)
        {
            throw new ImportException(File, at.Line, at.Column, $"the row has {row.GetArrayLength()} values but there are {sourceNames.Length} columns");
        }

        transaction ??= connection.BeginTransaction();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            object? value = null;
            if (sourceIndex[c] >= 0)
            {
                var found = byName ? row.TryGetProperty(sourceNames[sourceIndex[c]], out var cell) : TryIndex(row, sourceIndex[c], out cell);
                if (found && !CellConverter.TryConvert(cell, column.Type, out value))
                {
                    throw new ImportException(File, at.Line, at.Column, $"column '{column.Name}': {Shorten(cell.GetRawText())} is not a {column.KqlType}");
                }
            }

            values[c] = value;
        }

        insert!.Execute(values);
        Rows++;
        if (++pending >= RowsPerTransaction)
        {
            Commit();
        }
    }

    public void Commit()
    {
        transaction?.Commit();
        transaction?.Dispose();
        transaction = null;
        pending = 0;
    }

    public void Dispose()
    {
        transaction?.Dispose();
        insert?.Dispose();
    }

    private static bool TryIndex(JsonElement row, int index, out JsonElement cell)
    {
        cell = row[index];
        return true;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == name)
            {
                return i;
            }
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;

    private TelemetryTable TableFor(IReadOnlyList<string> columns, string? exportedName, (long Line, long Column) at)
    {
        var byName = TelemetrySchema.Tables.FirstOrDefault(t => string.Equals(t.Name, exportedName, StringComparison.OrdinalIgnoreCase))
            ?? TelemetrySchema.Tables.FirstOrDefault(t => string.Equals(t.Name, Path.GetFileNameWithoutExtension(File), StringComparison.OrdinalIgnoreCase));
        if (byName is not null)
        {
            return byName;
        }

        // Infer from the columns: the table sharing the most column names, with no tie.
        var ranked = TelemetrySchema.Tables
            .Select(t => (Table: t, Score: columns.Count(c => t.Columns.Any(tc => tc.Name == c)) - (0.01 * t.Columns.Count)))
            .OrderByDescending(r => r.Score)
            .ToList();
        var best = ranked[0];
        if (best.Score < 2 || Math.Abs(best.Score - ranked[1].Score) < 0.5)
        {
            throw new ImportException(File, at.Line, at.Column,
                $"cannot tell which table these columns ({string.Join(", ", columns.Take(8))}) belong to; name it with --table ({string.Join(", ", TelemetrySchema.Tables.Select(t => t.Name))}) or name the file after it (requests.json)");
        }

        return best.Table;
    }
}
