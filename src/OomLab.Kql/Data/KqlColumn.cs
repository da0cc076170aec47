using OomLab.Kql.Evaluation;

namespace OomLab.Kql;

/// <summary>A named, typed column of a <see cref="KqlTable"/>.</summary>
public sealed class KqlColumn
{
    private readonly Lazy<Column> _data;

    internal KqlColumn(string name, Column data)
    {
        Name = name;
        Type = data.Type;
        Length = data.Length;
        _data = new Lazy<Column>(data);
    }

    /// <summary>A column whose values are read by <paramref name="load"/> the first time a query reads them, then kept.</summary>
    internal KqlColumn(string name, KqlType type, int length, Func<Column> load)
    {
        Name = name;
        Type = type;
        Length = length;
        _data = new Lazy<Column>(load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private KqlColumn(string name, KqlColumn source)
    {
        Name = name;
        Type = source.Type;
        Length = source.Length;
        _data = source._data;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>The column type.</summary>
    public KqlType Type { get; }

    internal int Length { get; }

    internal Column Data => _data.Value;

    internal bool IsLoaded => _data.IsValueCreated;

    /// <summary>The same values under another name, loaded once for both.</summary>
    internal KqlColumn Rename(string name) => name == Name ? this : new KqlColumn(name, this);

    /// <summary>
    /// A column of <paramref name="length"/> rows computed from this one by <paramref name="derive"/>: now when
    /// this column is loaded, else when the new column is first read, so operators that pass columns through
    /// (<c>where</c>, <c>union</c>, <c>join</c>) do not load columns nothing reads.
    /// </summary>
    internal KqlColumn Derive(string name, int length, Func<Column, Column> derive) =>
        IsLoaded ? new KqlColumn(name, derive(Data)) : new KqlColumn(name, Type, length, () => derive(Data));

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
