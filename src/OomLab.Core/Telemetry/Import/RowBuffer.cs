using System.Text.Json;

namespace OomLab.Telemetry.Import;

/// <summary>
/// Turns an object row (an az CLI row, a diagnostic record) into named cells and hands it to its table. A record with a
/// <c>category</c> and a <c>properties</c> object and no <c>Type</c> is flattened (see <see cref="JsonExportReader"/>).
/// </summary>
internal sealed class RowBuffer
{
    private readonly List<(string Name, Cell Value, bool AnyCase)> cells = [];

    public void AddRecord(JsonElement record, string? declaredName, (long Line, long Column) at, ImportSession session)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new ImportException(session.File, at.Line, at.Column, "each record must be an object (a row)");
        }

        cells.Clear();
        string? category = null;
        if (!record.TryGetProperty("Type", out _)
            && record.TryGetProperty("category", out var named) && named.ValueKind == JsonValueKind.String
            && record.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            category = named.GetString();
            foreach (var property in properties.EnumerateObject())
            {
                cells.Add((property.Name, Cell.Of(property.Value), true));
            }

            foreach (var field in record.EnumerateObject())
            {
                if (field.Name is not ("category" or "properties"))
                {
                    cells.Add((Envelope(field.Name, record), Cell.Of(field.Value), false));
                }
            }
        }
        else
        {
            foreach (var field in record.EnumerateObject())
            {
                cells.Add((Envelope(field.Name, record), Cell.Of(field.Value), false));
            }
        }

        session.SinkFor(cells, category, declaredName, at).Add(cells, at);
    }

    // Azure Monitor's common record fields under their Log Analytics names, unless the record has those too.
    private static string Envelope(string name, JsonElement record) => name switch
    {
        "time" when !record.TryGetProperty("TimeGenerated", out _) => "TimeGenerated",
        "resourceId" when !record.TryGetProperty("_ResourceId", out _) => "_ResourceId",
        _ => name,
    };
}
