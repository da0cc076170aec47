using System.Text.Json;
using System.Text.Json.Nodes;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// dynamic values. A cell holds a parsed <see cref="JsonNode"/> or the JSON text it came from, parsed
/// on first use: most rows of a telemetry table are filtered out before their dimensions are read.
/// </summary>
internal sealed class DynamicColumn : Column
{
    private readonly object?[] _cells;

    public DynamicColumn(object?[] cells) => _cells = cells;

    public override KqlType Type => KqlType.Dynamic;

    public override int Length => _cells.Length;

    public override long EstimatedBytes => _cells.Length * 64L;

    public override bool IsNull(int row) => Node(row) is null;

    public JsonNode? Node(int row)
    {
        var cell = _cells[row];
        if (cell is string text)
        {
            cell = Parse(text);
            _cells[row] = cell;
        }

        return cell as JsonNode;
    }

    /// <summary>The raw cell: unparsed JSON text or a node, for a fast key lookup.</summary>
    public object? Cell(int row) => _cells[row];

    public override KqlValue Get(int row) => KqlValue.FromDynamic(Node(row));

    public override void Set(int row, in KqlValue value) => _cells[row] = value.Type == KqlType.Dynamic ? value.Dynamic : DynamicValues.From(value);

    public override Column Gather(ReadOnlySpan<int> rows)
    {
        var cells = new object?[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            cells[i] = row >= 0 ? _cells[row] : null;
        }

        return new DynamicColumn(cells);
    }

    public static JsonNode? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // Not JSON: KQL keeps such text as a dynamic string.
            return JsonValue.Create(text);
        }
    }
}
