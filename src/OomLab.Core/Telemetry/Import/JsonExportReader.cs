using System.Buffers;
using System.Text.Json;

namespace OomLab.Telemetry.Import;

/// <summary>
/// Reads the JSON shapes of an export, streaming: the REST shape <c>{"tables":[{"name","columns","rows"}]}</c>; an
/// array of objects (<c>az monitor log-analytics query -o json</c>); diagnostic settings' <c>{"records":[...]}</c>
/// documents (Event Hub) and JSON lines of records (a storage account's <c>PT1H.json</c>), one after another.
/// A record with a <c>category</c> and a <c>properties</c> object (FunctionAppLogs) is flattened: its properties are
/// its columns (matched in any case), <c>time</c> is <c>TimeGenerated</c>, <c>resourceId</c> is <c>_ResourceId</c>,
/// the category names its table; a record with a <c>Type</c> (the App* tables) has its columns at the top.
/// </summary>
internal static class JsonExportReader
{
    public static void Read(JsonTokenStream tokens, ImportSession session, CancellationToken cancellationToken)
    {
        if (!tokens.Read())
        {
            throw new ImportException(session.File, 1, 1, ImportMessages.Empty);
        }

        var rows = new RowBuffer();
        switch (tokens.TokenType)
        {
            case JsonTokenType.StartObject:
                ReadFirstObject(tokens, session, rows, cancellationToken);
                break;
            case JsonTokenType.StartArray:
                ReadArray(tokens, session, rows, cancellationToken);
                break;
            default:
                throw tokens.Error(ImportMessages.UnknownShape);
        }

        // Further top-level values: JSON lines of records, or concatenated documents.
        while (tokens.ReadTopLevelValue() is { } value)
        {
            using (value)
            {
                ReadDocument(value.RootElement, tokens.Position, tokens, session, rows, cancellationToken);
            }
        }
    }

    // The first value is read token by token: a REST or records document may be larger than memory should hold.
    private static void ReadFirstObject(JsonTokenStream tokens, ImportSession session, RowBuffer rows, CancellationToken cancellationToken)
    {
        var at = tokens.Position;
        if (!tokens.Read() || tokens.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.EndObject))
        {
            throw tokens.Error(ImportMessages.UnknownShape);
        }

        if (tokens.TokenType == JsonTokenType.PropertyName && tokens.Text is "tables" or "records")
        {
            do
            {
                switch (tokens.Text)
                {
                    case "tables":
                        ReadTables(tokens, session, cancellationToken);
                        break;
                    case "records":
                        if (!tokens.Read() || tokens.TokenType != JsonTokenType.StartArray)
                        {
                            throw tokens.Error("\"records\" must be an array of objects");
                        }

                        ReadArray(tokens, session, rows, cancellationToken);
                        break;
                    default:
                        tokens.ReadValue()?.Dispose();
                        break;
                }
            }
            while (tokens.Read() && tokens.TokenType == JsonTokenType.PropertyName);
            return;
        }

        // A record (the first line of JSON lines): small, so it is gathered whole and read like the others.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            while (tokens.TokenType == JsonTokenType.PropertyName)
            {
                var name = tokens.Text!;
                using var value = tokens.ReadValue() ?? throw tokens.Error(ImportMessages.EndsMidValue);
                writer.WritePropertyName(name);
                value.RootElement.WriteTo(writer);
                if (!tokens.Read())
                {
                    throw tokens.Error(ImportMessages.EndsMidValue);
                }
            }

            writer.WriteEndObject();
        }

        using var record = JsonDocument.Parse(buffer.WrittenMemory);
        rows.AddRecord(record.RootElement, null, at, session);
    }

    private static void ReadDocument(JsonElement value, (long Line, long Column) at, JsonTokenStream tokens, ImportSession session, RowBuffer rows, CancellationToken cancellationToken)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when value.TryGetProperty("records", out var records) && records.ValueKind == JsonValueKind.Array:
                foreach (var record in records.EnumerateArray())
                {
                    rows.AddRecord(record, null, at, session);
                    cancellationToken.ThrowIfCancellationRequested();
                }

                break;
            case JsonValueKind.Object:
                rows.AddRecord(value, null, at, session);
                break;
            case JsonValueKind.Array:
                foreach (var record in value.EnumerateArray())
                {
                    rows.AddRecord(record, null, at, session);
                }

                break;
            default:
                throw tokens.Error(ImportMessages.UnknownShape);
        }
    }

    private static void ReadArray(JsonTokenStream tokens, ImportSession session, RowBuffer rows, CancellationToken cancellationToken)
    {
        while (tokens.ReadValue() is { } row)
        {
            using (row)
            {
                if (row.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw tokens.Error("each element of the array must be an object (a row)");
                }

                rows.AddRecord(row.RootElement, null, tokens.Position, session);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static void ReadTables(JsonTokenStream tokens, ImportSession session, CancellationToken cancellationToken)
    {
        if (!tokens.Read() || tokens.TokenType != JsonTokenType.StartArray)
        {
            throw tokens.Error("\"tables\" must be an array");
        }

        while (tokens.Read() && tokens.TokenType == JsonTokenType.StartObject)
        {
            session.NewSection();
            ReadRestTable(tokens, session, cancellationToken);
        }
    }

    private static void ReadRestTable(JsonTokenStream tokens, ImportSession session, CancellationToken cancellationToken)
    {
        string? name = null;
        List<(string Name, TelemetryColumnType? Type)>? columns = null;
        var cells = new List<(string Name, Cell Value, bool AnyCase)>();
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
                    columns = ReadColumns(tokens, session.File);
                    break;
                case "rows":
                    if (columns is null)
                    {
                        throw tokens.Error("\"rows\" comes before \"columns\"; the columns are needed first");
                    }

                    if (!tokens.Read() || tokens.TokenType != JsonTokenType.StartArray)
                    {
                        throw tokens.Error("\"rows\" must be an array of arrays");
                    }

                    TableSink? declaredIn = null;
                    while (tokens.ReadValue() is { } row)
                    {
                        using (row)
                        {
                            var values = row.RootElement;
                            if (values.ValueKind != JsonValueKind.Array)
                            {
                                throw tokens.Error("each row must be an array of values, one per column");
                            }

                            if (values.GetArrayLength() != columns.Count)
                            {
                                throw tokens.Error(ImportMessages.RowLength(values.GetArrayLength(), columns.Count));
                            }

                            cells.Clear();
                            var i = 0;
                            foreach (var value in values.EnumerateArray())
                            {
                                cells.Add((columns[i++].Name, Cell.Of(value), false));
                            }

                            var sink = session.SinkFor(cells, null, name, tokens.Position);
                            if (sink != declaredIn)
                            {
                                foreach (var (column, type) in columns)
                                {
                                    sink.Declare(column, type);
                                }

                                declaredIn = sink;
                            }

                            sink.Add(cells, tokens.Position);
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

    private static List<(string Name, TelemetryColumnType? Type)> ReadColumns(JsonTokenStream tokens, string file)
    {
        var at = tokens.Position;
        using var value = tokens.ReadValue();
        if (value?.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new ImportException(file, at.Line, at.Column, "\"columns\" must be an array of {\"name\",\"type\"}");
        }

        return [.. value.RootElement.EnumerateArray().Select((c, i) => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
            ? (n.GetString()!, TelemetryColumn.TypeNamed(c.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null))
            : throw new ImportException(file, at.Line, at.Column, $"column {i + 1} has no \"name\""))];
    }
}
