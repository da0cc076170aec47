using OomLab.Kql.Evaluation;

namespace OomLab.Kql;

/// <summary>A named, typed column of a <see cref="KqlTable"/>.</summary>
public sealed class KqlColumn
{
    internal KqlColumn(string name, Column data)
    {
        Name = name;
        Data = data;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>The column type.</summary>
    public KqlType Type => Data.Type;

    internal Column Data { get; }

    /// <summary>
    /// The value at <paramref name="row"/> as a CLR value: <see cref="long"/>, <see cref="int"/>,
    /// <see cref="double"/>, <see cref="bool"/>, <see cref="string"/>, <see cref="DateTime"/> (UTC),
    /// <see cref="TimeSpan"/>, a <c>System.Text.Json.Nodes.JsonNode</c> for dynamic, or null.
    /// </summary>
    public object? GetValue(int row) => Data.Get(row).ToObject();

    /// <summary>The value at <paramref name="row"/> as KQL's <c>tostring()</c> renders it (datetimes in ISO 8601).</summary>
    public string GetText(int row) => Data.Get(row).ToText();

    /// <summary>Whether the value at <paramref name="row"/> is null.</summary>
    public bool IsNull(int row) => Data.IsNull(row);
}
