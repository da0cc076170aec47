using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace OomLab.Telemetry.Import;

/// <summary>
/// Imports Application Insights / Log Analytics exports into a telemetry store (the same SQLite tables the
/// host writes), streaming: the REST and <c>az monitor app-insights query -o json</c> shape
/// <c>{"tables":[{"name","columns":[{"name","type"}],"rows":[[...]]}]}</c>, and the array of objects that
/// <c>az monitor log-analytics query -o json</c> prints. The target table is the one given, else the file
/// name (<c>requests.json</c>), else the telemetry table whose columns the file's columns match best.
/// </summary>
internal static class TelemetryImporter
{
    public static ImportResult Import(string file, string? tableName, string storePath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!File.Exists(file))
        {
            throw new OomLabException($"{file}: file not found");
        }

        var explicitTable = tableName is null ? null : TelemetrySchema.Tables.FirstOrDefault(t => string.Equals(t.Name, tableName, StringComparison.OrdinalIgnoreCase))
            ?? throw new OomLabException($"--table \"{tableName}\": not a telemetry table; expected one of {string.Join(", ", TelemetrySchema.Tables.Select(t => t.Name))}");

        var directory = Path.GetDirectoryName(Path.GetFullPath(storePath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = TelemetryStore.Connect(storePath, SqliteOpenMode.ReadWriteCreate);
        TelemetryStore.CreateSchema(connection);
        using var tokens = new JsonTokenStream(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), file);
        var sink = new RowSink(connection, file, explicitTable);
        string? copyNotWritten = null;
        try
        {
            if (!tokens.Read())
            {
                throw new ImportException(file, 1, 1, "the file is empty");
            }

            switch (tokens.TokenType)
            {
                case JsonTokenType.StartObject:
                    ReadRestShape(tokens, sink, cancellationToken);
                    break;
                case JsonTokenType.StartArray:
                    ReadObjectArray(tokens, sink, cancellationToken);
                    break;
                default:
                    throw tokens.Error("expected {\"tables\":[...]} (Application Insights REST, az monitor app-insights query -o json) or an array of objects (az monitor log-analytics query -o json)");
            }

            sink.Commit();
            if (sink.Table is { } imported)
            {
                copyNotWritten = WriteCopy(connection, storePath, imported);
            }
        }
        finally
        {
            sink.Dispose();
        }

        return new ImportResult(file, sink.Table?.Name ?? explicitTable?.Name ?? "(none)", sink.Rows, sink.Ignored, copyNotWritten);
    }

    // The rows are in the store: a copy that cannot be written only costs speed, since queries then read the store.
    private static string? WriteCopy(SqliteConnection connection, string storePath, TelemetryTable table)
    {
        try
        {
            return ColumnarCopy.Write(connection, storePath, table) is { } reason
                ? $"no columnar copy of {table.Name} was written ({reason}); queries will read the store"
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException
            || (ex is AggregateException all && all.InnerExceptions.All(e => e is IOException or UnauthorizedAccessException)))
        {
            return $"the columnar copy of {table.Name} was not written ({ex.GetBaseException().Message}); queries will read the store";
        }
    }

    private static void ReadRestShape(JsonTokenStream tokens, RowSink sink, CancellationToken cancellationToken)
    {
        var sawTables = false;
        while (tokens.Read() && tokens.TokenType == JsonTokenType.PropertyName)
        {
            if (tokens.Text != "tables")
            {
                tokens.ReadValue()?.Dispose();
                continue;
            }

            sawTables = true;
            if (!tokens.Read() || tokens.TokenType != JsonTokenType.StartArray)
            {
                throw tokens.Error("\"tables\" must be an array");
            }

            while (tokens.Read() && tokens.TokenType == JsonTokenType.StartObject)
            {
                ReadRestTable(tokens, sink, cancellationToken);
            }
        }

        if (!sawTables)
        {
            throw new ImportException(sink.File, 1, 1, "no \"tables\" property: expected {\"tables\":[{\"name\",\"columns\",\"rows\"}]}");
        }
    }

    private static void ReadRestTable(JsonTokenStream tokens, RowSink sink, CancellationToken cancellationToken)
    {
        string? name = null;
        List<string>? columns = null;
        while (tokens.Read() && tokens.TokenType == JsonTokenType.PropertyName)
        {
            switch (tokens.Text)
            {
                case "name":
                    using (var value = tokens.ReadValue())
                    {
                        name = value?.RootElement.ValueKind == JsonValueKind.String ? value.RootElement.GetString() : null;
                    }

                    break;
                case "columns":
                    var at = tokens.Position;
                    using (var value = tokens.ReadValue())
                    {
                        if (value?.RootElement.ValueKind != JsonValueKind.Array)
                        {
                            throw new ImportException(sink.File, at.Line, at.Column, "\"columns\" must be an array of {\"name\",\"type\"}");
                        }

                        columns = [.. value.RootElement.EnumerateArray().Select((c, i) => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                            ? n.GetString()!
                            : throw new ImportException(sink.File, at.Line, at.Column, $"column {i + 1} has no \"name\""))];
                    }

                    break;
                case "rows":
                    if (columns is null)
                    {
                        throw tokens.Error("\"rows\" comes before \"columns\"; the columns are needed first");
                    }

                    sink.Begin(columns, name, tokens.Position);
                    if (!tokens.Read() || tokens.TokenType != JsonTokenType.StartArray)
                    {
                        throw tokens.Error("\"rows\" must be an array of arrays");
                    }

                    while (tokens.ReadValue() is { } row)
                    {
                        using (row)
                        {
                            if (row.RootElement.ValueKind != JsonValueKind.Array)
                            {
                                throw tokens.Error("each row must be an array of values, one per column");
                            }

                            sink.Add(row.RootElement, tokens.Position, byName: false);
                        }

                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    break;
                default:
                    tokens.ReadValue()?.Dispose();
                    break;
            }
        }
    }

    private static void ReadObjectArray(JsonTokenStream tokens, RowSink sink, CancellationToken cancellationToken)
    {
        var first = true;
        while (tokens.ReadValue() is { } row)
        {
            using (row)
            {
                if (row.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw tokens.Error("each element of the array must be an object (a row)");
                }

                if (first)
                {
                    sink.Begin([.. row.RootElement.EnumerateObject().Select(p => p.Name)], null, tokens.Position);
                    first = false;
                }

                sink.Add(row.RootElement, tokens.Position, byName: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
