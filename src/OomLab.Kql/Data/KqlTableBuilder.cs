using System.Text.Json.Nodes;
using OomLab.Kql.Evaluation;

namespace OomLab.Kql;

/// <summary>
/// Builds a <see cref="KqlTable"/> from typed arrays. The arrays are adopted, not copied (except
/// <c>int[]</c>, widened to 64 bits), so a caller can fill a table fast and must not change the arrays
/// afterwards. A <c>nulls</c> array marks null cells (true = null); pass null when there are none.
/// </summary>
public sealed class KqlTableBuilder
{
    private readonly string _name;
    private readonly List<KqlColumn> _columns = [];

    /// <summary>Starts a table called <paramref name="name"/>.</summary>
    public KqlTableBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
    }

    /// <summary>Adds a string column; null entries become empty strings (KQL strings are never null).</summary>
    public KqlTableBuilder AddString(string name, string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] ??= string.Empty;
        }

        return Add(name, new StringColumn(values!));
    }

    /// <summary>Adds a long column.</summary>
    public KqlTableBuilder AddLong(string name, long[] values, bool[]? nulls = null) => Add(name, new Int64Column(KqlType.Long, values, Check(values.Length, nulls)));

    /// <summary>Adds an int column.</summary>
    public KqlTableBuilder AddInt(string name, int[] values, bool[]? nulls = null) =>
        Add(name, new Int64Column(KqlType.Int, Array.ConvertAll(values, v => (long)v), Check(values.Length, nulls)));

    /// <summary>Adds a real column.</summary>
    public KqlTableBuilder AddReal(string name, double[] values, bool[]? nulls = null) => Add(name, new RealColumn(values, Check(values.Length, nulls)));

    /// <summary>Adds a bool column.</summary>
    public KqlTableBuilder AddBool(string name, bool[] values, bool[]? nulls = null) => Add(name, new BoolColumn(values, Check(values.Length, nulls)));

    /// <summary>Adds a datetime column from UTC ticks (100 ns since 0001-01-01).</summary>
    public KqlTableBuilder AddDateTime(string name, long[] utcTicks, bool[]? nulls = null) => Add(name, new Int64Column(KqlType.DateTime, utcTicks, Check(utcTicks.Length, nulls)));

    /// <summary>Adds a timespan column from ticks (100 ns).</summary>
    public KqlTableBuilder AddTimeSpan(string name, long[] ticks, bool[]? nulls = null) => Add(name, new Int64Column(KqlType.TimeSpan, ticks, Check(ticks.Length, nulls)));

    /// <summary>Adds a dynamic column from JSON texts, parsed lazily when a query reads them; null or empty text is null.</summary>
    public KqlTableBuilder AddDynamic(string name, string?[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Add(name, new DynamicColumn(Array.ConvertAll(json, j => (object?)j)));
    }

    /// <summary>Adds a dynamic column from parsed JSON values.</summary>
    public KqlTableBuilder AddDynamic(string name, JsonNode?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Add(name, new DynamicColumn(Array.ConvertAll(values, j => (object?)j)));
    }

    /// <summary>
    /// Adds a column of <paramref name="type"/> with <paramref name="rowCount"/> rows whose values are read
    /// the first time a query reads the column, and kept for later queries: <paramref name="load"/> adds
    /// them to the builder it is given (one column, named <paramref name="name"/>, of that type and length),
    /// so a table source reads only the columns its queries name. It may run on any thread, once.
    /// </summary>
    public KqlTableBuilder AddDeferred(string name, KqlType type, int rowCount, Action<KqlTableBuilder> load)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentNullException.ThrowIfNull(load);
        var table = _name;
        return Add(new KqlColumn(name, type, rowCount, () =>
        {
            var builder = new KqlTableBuilder(table);
            load(builder);
            var columns = builder._columns;
            if (columns.Count != 1 || columns[0].Name != name || columns[0].Type != type || columns[0].Length != rowCount)
            {
                throw new InvalidOperationException($"the loader of column '{name}' of table '{table}' must add one {type} column '{name}' of {rowCount} rows");
            }

            return columns[0].Data;
        }));
    }

    /// <summary>Builds the table; all columns must have the same length.</summary>
    /// <exception cref="ArgumentException">Columns differ in length.</exception>
    public KqlTable Build()
    {
        var rows = _columns.Count == 0 ? 0 : _columns[0].Length;
        foreach (var column in _columns)
        {
            if (column.Length != rows)
            {
                throw new ArgumentException($"column '{column.Name}' of table '{_name}' has {column.Length} rows, expected {rows}");
            }
        }

        return new KqlTable(_name, [.. _columns], rows);
    }

    internal KqlTableBuilder Add(string name, Column column)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Add(new KqlColumn(name, column));
    }

    private KqlTableBuilder Add(KqlColumn column)
    {
        if (_columns.Exists(c => c.Name == column.Name))
        {
            throw new ArgumentException($"table '{_name}' already has a column '{column.Name}'", nameof(column));
        }

        _columns.Add(column);
        return this;
    }

    private static bool[]? Check(int length, bool[]? nulls)
    {
        if (nulls is not null && nulls.Length != length)
        {
            throw new ArgumentException($"the null mask has {nulls.Length} entries for {length} values", nameof(nulls));
        }

        return nulls;
    }
}
