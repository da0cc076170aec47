using System.Globalization;
using System.Text.Json;
using OomLab.Telemetry.Import;

namespace OomLab.Telemetry;

/// <summary>
/// Puts together a view's column (<see cref="TelemetryView"/>) from the store's columns: each converted to the view's
/// type (a <c>DurationMs</c> of real milliseconds as a <c>duration</c> timespan), the first non-null of a part's sources
/// taken per row, the parts one after the other.
/// </summary>
internal static class ColumnValues
{
    /// <summary>The values of <paramref name="column"/>: for each part, its sources' data (none: all null) and its row count.</summary>
    public static TelemetryColumnData Assemble(TelemetryColumn column, IReadOnlyList<(IReadOnlyList<TelemetryColumnData> Sources, int Rows)> parts)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(parts);
        // The usual case takes no copy: one part with rows (the other naming's table is empty or absent), whose first
        // source is of the column's type and leaves no row to the next source.
        var live = parts.Where(p => p.Rows > 0).ToList();
        if (live is [{ Sources: [var first, ..] } one] && first.Type == column.Type && (one.Sources.Count == 1 || IsComplete(first, one.Rows)))
        {
            return first with { Column = column };
        }

        var rows = parts.Sum(p => p.Rows);
        if (live.All(p => p.Sources.Count == 0 || (p.Sources[0].Type == column.Type && (p.Sources.Count == 1 || IsComplete(p.Sources[0], p.Rows)))))
        {
            return Concatenate(column, live, rows);
        }

        var values = new object?[rows];
        var at = 0;
        foreach (var (sources, count) in parts)
        {
            for (var r = 0; r < count; r++)
            {
                foreach (var source in sources)
                {
                    // The engine stores a null string as empty (in the shared array), so an empty one gives way to the next source.
                    if (!source.IsNull(r) && Convert(source.Values.GetValue(r)!, source.Type, column.Type) is { } value)
                    {
                        values[at + r] = value;
                        if (value is not "")
                        {
                            break;
                        }
                    }
                }
            }

            at += count;
        }

        return FromValues(column, values);
    }

    /// <summary>
    /// <paramref name="data"/>'s rows in <paramref name="order"/>: row <c>i</c> of the result is row <c>order[i]</c> of
    /// <paramref name="data"/>.
    /// </summary>
    public static TelemetryColumnData Reorder(TelemetryColumnData data, int[] order)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(order);
        Array values = data.Values switch
        {
            long[] longs => Gather(longs, order),
            double[] doubles => Gather(doubles, order),
            bool[] bools => Gather(bools, order),
            string?[] strings => Gather(strings, order),
            _ => throw new InvalidOperationException($"no typed array for column {data.Name}"),
        };
        return new TelemetryColumnData(data.Column, values, data.Nulls is { } nulls ? Gather(nulls, order) : null);
    }

    private static T[] Gather<T>(T[] values, int[] order)
    {
        var gathered = new T[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            gathered[i] = values[order[i]];
        }

        return gathered;
    }

    // Parts whose first source is the column's type and leaves no row to the next (or that have no source: null rows),
    // one after the other as typed arrays, without boxing every value.
    private static TelemetryColumnData Concatenate(TelemetryColumn column, List<(IReadOnlyList<TelemetryColumnData> Sources, int Rows)> parts, int rows)
    {
        var values = NewArray(column.Type, rows);
        bool[]? nulls = null;
        var at = 0;
        foreach (var (sources, count) in parts)
        {
            if (sources.Count == 0)
            {
                if (values is not string?[])
                {
                    Array.Fill(nulls ??= new bool[rows], true, at, count);
                }
            }
            else
            {
                Array.Copy(sources[0].Values, 0, values, at, count);
                if (sources[0].Nulls is { } own)
                {
                    Array.Copy(own, 0, nulls ??= new bool[rows], at, count);
                }
            }

            at += count;
        }

        return new TelemetryColumnData(column, values, nulls);
    }

    /// <summary>Whether <paramref name="data"/> has a value (for text, a non-empty one) in each of its first <paramref name="rows"/> rows.</summary>
    public static bool IsComplete(TelemetryColumnData data, int rows)
    {
        if (data.Values is string?[] strings)
        {
            for (var r = 0; r < rows; r++)
            {
                if (string.IsNullOrEmpty(strings[r]))
                {
                    return false;
                }
            }

            return true;
        }

        return data.Nulls is null || Array.IndexOf(data.Nulls, true, 0, rows) < 0;
    }

    // A stored value (long ticks, double, bool, string) of one type as the storage value of another; null when it is none.
    private static object? Convert(object value, TelemetryColumnType from, TelemetryColumnType to)
    {
        if (from == to)
        {
            return value;
        }

        switch (from, to)
        {
            case (TelemetryColumnType.Real, TelemetryColumnType.TimeSpan):
                return (long)Math.Round((double)value * TimeSpan.TicksPerMillisecond);
            case (TelemetryColumnType.Long, TelemetryColumnType.TimeSpan):
                return checked((long)value * TimeSpan.TicksPerMillisecond);
            case (TelemetryColumnType.TimeSpan, TelemetryColumnType.Real):
                return (long)value / (double)TimeSpan.TicksPerMillisecond;
            case (TelemetryColumnType.Long, TelemetryColumnType.Real):
                return (double)(long)value;
            case (TelemetryColumnType.Bool, TelemetryColumnType.Long):
                return (bool)value ? 1L : 0L;
            case (_, TelemetryColumnType.String):
                return Text(value, from);
            case (_, TelemetryColumnType.Dynamic):
                return from == TelemetryColumnType.String ? CellConverter.DynamicText((string)value) : JsonSerializer.Serialize(Text(value, from));
            default:
                var text = Text(value, from);
                return CellConverter.TryConvertText(text, to, out var converted) ? ToArrayValue(converted, to) : null;
        }
    }

    private static string Text(object value, TelemetryColumnType type) => type switch
    {
        TelemetryColumnType.DateTime => new DateTime((long)value, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        TelemetryColumnType.TimeSpan => new TimeSpan((long)value).ToString("c", CultureInfo.InvariantCulture),
        TelemetryColumnType.Bool => (bool)value ? "true" : "false",
        _ => System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    // CellConverter gives storage values (bool as 0/1); the typed arrays hold bools.
    private static object? ToArrayValue(object? stored, TelemetryColumnType type) =>
        type == TelemetryColumnType.Bool && stored is long flag ? flag != 0 : stored;

    private static TelemetryColumnData FromValues(TelemetryColumn column, object?[] values)
    {
        var rows = values.Length;
        bool[]? nulls = null;
        var array = NewArray(column.Type, rows);
        for (var r = 0; r < rows; r++)
        {
            if (values[r] is null)
            {
                if (array is not string?[])
                {
                    (nulls ??= new bool[rows])[r] = true;
                }

                continue;
            }

            array.SetValue(values[r], r);
        }

        return new TelemetryColumnData(column, array, nulls);
    }

    private static Array NewArray(TelemetryColumnType type, int rows) => type switch
    {
        TelemetryColumnType.DateTime or TelemetryColumnType.TimeSpan or TelemetryColumnType.Long => new long[rows],
        TelemetryColumnType.Real => new double[rows],
        TelemetryColumnType.Bool => new bool[rows],
        _ => new string?[rows],
    };
}
