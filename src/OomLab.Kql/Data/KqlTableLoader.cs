using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql;

/// <summary>
/// Loads tables from CSV and JSON files. CSV: a header row whose names may carry a type
/// (<c>timestamp:datetime</c>); untyped columns get the narrowest type that fits every value
/// (bool, long, real, datetime, timespan, dynamic for JSON objects and arrays, else string); an empty
/// cell is null. JSON: an array of objects, or the Application Insights REST shape
/// <c>{"tables":[{"name","columns":[{"name","type"}],"rows":[...]}]}</c>.
/// Bad content throws <see cref="FormatException"/> naming the file and line.
/// </summary>
public static class KqlTableLoader
{
    /// <summary>Loads the tables in <paramref name="path"/> (.csv or .json); a CSV file or an array of objects gives one table called <paramref name="tableName"/>.</summary>
    public static IReadOnlyList<KqlTable> LoadFile(string path, string tableName)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = File.ReadAllText(path);
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ParseJson(text, tableName, path) : [ParseCsv(text, tableName, path)];
    }

    /// <summary>Parses CSV text into a table.</summary>
    public static KqlTable ParseCsv(string text, string tableName, string sourceName = "csv")
    {
        var records = ReadCsv(text, sourceName);
        if (records.Count == 0)
        {
            throw new FormatException($"{sourceName}:1: the CSV has no header row");
        }

        var header = records[0].Fields;
        var rows = records.Skip(1).ToList();
        foreach (var row in rows)
        {
            if (row.Fields.Count != header.Count)
            {
                throw new FormatException($"{sourceName}:{row.Line}: expected {header.Count} fields as in the header, found {row.Fields.Count}");
            }
        }

        var builder = new KqlTableBuilder(tableName);
        for (var c = 0; c < header.Count; c++)
        {
            var spec = header[c];
            var colon = spec.LastIndexOf(':');
            string name;
            KqlType type;
            if (colon > 0 && KqlTypes.TryParse(spec[(colon + 1)..].Trim(), out var declared))
            {
                name = spec[..colon].Trim();
                type = declared;
            }
            else
            {
                name = spec.Trim();
                type = Infer(rows.Select(r => r.Fields[c]));
            }

            var column = Column.Create(type, rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                var cell = rows[r].Fields[c];
                if (!TryConvert(cell, type, out var value))
                {
                    throw new FormatException($"{sourceName}:{rows[r].Line}: '{cell}' in column '{name}' is not a {type.Name()}");
                }

                column.Set(r, value);
            }

            try
            {
                builder.Add(name, column);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"{sourceName}:1: {ex.Message}", ex);
            }
        }

        return builder.Build();
    }

    /// <summary>Parses JSON text: an array of objects (one table) or the REST shape (its tables by name).</summary>
    public static IReadOnlyList<KqlTable> ParseJson(string text, string tableName, string sourceName = "json")
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{sourceName}:{(ex.LineNumber ?? 0) + 1}: invalid JSON: {ex.Message}", ex);
        }

        if (root is JsonObject { } obj && obj["tables"] is JsonArray tables)
        {
            return tables.Select((t, i) => RestTable(t as JsonObject, tables.Count == 1 ? tableName : (t?["name"]?.GetValue<string>() ?? tableName), sourceName)).ToList();
        }

        if (root is not JsonArray array)
        {
            throw new FormatException($"{sourceName}:1: expected an array of objects or {{\"tables\":[...]}}");
        }

        var names = new List<string>();
        foreach (var item in array)
        {
            if (item is not JsonObject row)
            {
                throw new FormatException($"{sourceName}: every element of the array must be an object");
            }

            foreach (var property in row)
            {
                if (!names.Contains(property.Key))
                {
                    names.Add(property.Key);
                }
            }
        }

        var builder = new KqlTableBuilder(tableName);
        foreach (var name in names)
        {
            var values = array.Select(r => r![name]).ToList();
            var type = InferJson(values);
            var column = Column.Create(type, values.Count);
            for (var r = 0; r < values.Count; r++)
            {
                column.Set(r, FromJson(values[r], type));
            }

            builder.Add(name, column);
        }

        return [builder.Build()];
    }

    private static KqlTable RestTable(JsonObject? table, string name, string sourceName)
    {
        if (table?["columns"] is not JsonArray columns || table["rows"] is not JsonArray rows)
        {
            throw new FormatException($"{sourceName}: each table needs \"columns\" and \"rows\"");
        }

        var builder = new KqlTableBuilder(name);
        for (var c = 0; c < columns.Count; c++)
        {
            var columnName = columns[c]?["name"]?.GetValue<string>() ?? $"Column{c + 1}";
            var typeName = columns[c]?["type"]?.GetValue<string>() ?? "dynamic";
            if (!KqlTypes.TryParse(typeName, out var type))
            {
                throw new FormatException($"{sourceName}: column '{columnName}' has unknown type '{typeName}'");
            }

            var column = Column.Create(type, rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                column.Set(r, FromJson((rows[r] as JsonArray)?[c], type));
            }

            builder.Add(columnName, column);
        }

        return builder.Build();
    }

    private static KqlType InferJson(List<JsonNode?> values)
    {
        var present = values.Where(v => v is not null).ToList();
        if (present.Count == 0)
        {
            return KqlType.String;
        }

        if (present.Any(v => v is JsonObject or JsonArray))
        {
            return KqlType.Dynamic;
        }

        var kinds = present.Select(v => v!.GetValueKind()).Distinct().ToList();
        if (kinds.All(k => k is JsonValueKind.True or JsonValueKind.False))
        {
            return KqlType.Bool;
        }

        if (kinds.All(k => k == JsonValueKind.Number))
        {
            return present.All(v => v!.AsValue().TryGetValue<long>(out _)) ? KqlType.Long : KqlType.Real;
        }

        if (kinds.All(k => k == JsonValueKind.String))
        {
            return Infer(present.Select(v => v!.GetValue<string>()), allowNumbers: false);
        }

        return KqlType.Dynamic;
    }

    private static KqlValue FromJson(JsonNode? node, KqlType type)
    {
        if (node is null)
        {
            return KqlValue.Null(type);
        }

        if (type == KqlType.Dynamic)
        {
            return KqlValue.FromDynamic(node.DeepClone());
        }

        var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        return TryConvert(text, type, out var value) ? value : KqlValue.Null(type);
    }

    private static KqlType Infer(IEnumerable<string> cells, bool allowNumbers = true)
    {
        var values = cells.Where(c => c.Length > 0).ToList();
        if (values.Count == 0)
        {
            return KqlType.String;
        }

        KqlType[] candidates = allowNumbers
            ? [KqlType.Bool, KqlType.Long, KqlType.Real, KqlType.DateTime, KqlType.TimeSpan, KqlType.Dynamic]
            : [KqlType.DateTime, KqlType.TimeSpan];
        foreach (var type in candidates)
        {
            if (values.All(v => LooksLike(v, type)))
            {
                return type;
            }
        }

        return KqlType.String;
    }

    private static bool LooksLike(string value, KqlType type) => type switch
    {
        KqlType.Bool => value is "true" or "false" or "True" or "False",
        KqlType.Long => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        KqlType.Real => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        KqlType.DateTime => value.Length >= 10 && char.IsAsciiDigit(value[0]) && value[4] == '-' && Literals.TryParseDateTime(value, out _),
        KqlType.TimeSpan => value.Contains(':', StringComparison.Ordinal) && !value.Contains('-', StringComparison.Ordinal) && Literals.TryParseTimeSpan(value, out _),
        KqlType.Dynamic => (value.StartsWith('{') || value.StartsWith('[')) && DynamicColumn.Parse(value) is JsonObject or JsonArray,
        _ => true,
    };

    private static bool TryConvert(string cell, KqlType type, out KqlValue value)
    {
        value = KqlValue.Null(type);
        if (cell.Length == 0)
        {
            return true;
        }

        switch (type)
        {
            case KqlType.String:
                value = KqlValue.FromString(cell);
                return true;
            case KqlType.Bool:
                value = Binding.ScalarFunctions.ToBool(KqlValue.FromString(cell));
                return !value.IsNull;
            case KqlType.Int or KqlType.Long:
                if (long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                {
                    value = KqlValue.FromLong(l, type);
                    return true;
                }

                return false;
            case KqlType.Real:
                if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    value = KqlValue.FromReal(d);
                    return true;
                }

                return false;
            case KqlType.DateTime:
                if (Literals.TryParseDateTime(cell, out var ticks))
                {
                    value = KqlValue.FromLong(ticks, KqlType.DateTime);
                    return true;
                }

                return false;
            case KqlType.TimeSpan:
                if (Literals.TryParseTimeSpan(cell, out var span))
                {
                    value = KqlValue.FromLong(span, KqlType.TimeSpan);
                    return true;
                }

                return false;
            default:
                value = KqlValue.FromDynamic(DynamicColumn.Parse(cell));
                return true;
        }
    }

    private static List<(int Line, List<string> Fields)> ReadCsv(string text, string sourceName)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0)
                    {
                        records.Add((recordLine, fields));
                    }

                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (quoted)
        {
            throw new FormatException($"{sourceName}:{recordLine}: a quoted field is never closed");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        return records;
    }
}
