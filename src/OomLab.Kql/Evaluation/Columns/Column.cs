namespace OomLab.Kql.Evaluation;

/// <summary>
/// A typed column of values with a null mask. Subclasses keep values in a plain array so that kernels
/// loop over spans without boxing; <see cref="Get"/> and <see cref="Set"/> are for row-wise paths.
/// </summary>
internal abstract class Column
{
    public abstract KqlType Type { get; }

    public abstract int Length { get; }

    /// <summary>An estimate of the bytes this column holds, for the memory budget.</summary>
    public abstract long EstimatedBytes { get; }

    public abstract bool IsNull(int row);

    public abstract KqlValue Get(int row);

    public abstract void Set(int row, in KqlValue value);

    /// <summary>A new column with the rows at <paramref name="rows"/>; a negative index gives a null.</summary>
    public abstract Column Gather(ReadOnlySpan<int> rows);

    /// <summary>This column with its values in a typed array (lazy selections are gathered here).</summary>
    public virtual Column Materialize() => this;

    public static Column Create(KqlType type, int length) => type switch
    {
        KqlType.Bool => new BoolColumn(new bool[length], null),
        KqlType.Real => new RealColumn(new double[length], null),
        KqlType.String => new StringColumn(CreateEmptyStrings(length)),
        KqlType.Dynamic => new DynamicColumn(new object?[length]),
        _ => new Int64Column(type, new long[length], null),
    };

    public static Column Constant(in KqlValue value, int length)
    {
        var column = Create(value.Type, length);
        switch (column)
        {
            case Int64Column l when !value.IsNull:
                Array.Fill(l.Values, value.Long);
                break;
            case RealColumn r when !value.IsNull:
                Array.Fill(r.Values, value.Real);
                break;
            case BoolColumn b when !value.IsNull:
                Array.Fill(b.Values, value.Bool);
                break;
            case StringColumn s:
                Array.Fill(s.Values, value.String);
                break;
            default:
                for (var i = 0; i < length; i++)
                {
                    column.Set(i, value);
                }

                break;
        }

        return column;
    }

    private static string[] CreateEmptyStrings(int length)
    {
        var values = new string[length];
        Array.Fill(values, string.Empty);
        return values;
    }

    /// <summary>The values at <paramref name="rows"/> (<paramref name="missing"/> for a negative index); long selections on all cores.</summary>
    protected static unsafe T[] GatherValues<T>(T[] source, ReadOnlySpan<int> rows, T missing)
    {
        var values = new T[rows.Length];
        fixed (int* pinned = rows)
        {
            // The span stays pinned while the ranges run: ForRanges returns when all are done.
            var address = (nint)pinned;
            Parallelism.ForRanges(rows.Length, (_, start, end) =>
            {
                var from = new ReadOnlySpan<int>((int*)address + start, end - start);
                var into = values.AsSpan(start, end - start);
                for (var i = 0; i < from.Length; i++)
                {
                    var row = from[i];
                    into[i] = row >= 0 ? source[row] : missing;
                }
            });
        }

        return values;
    }

    protected static bool[]? GatherNulls(bool[]? nulls, ReadOnlySpan<int> rows)
    {
        bool[]? result = null;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (row < 0 || (nulls is not null && nulls[row]))
            {
                result ??= new bool[rows.Length];
                result[i] = true;
            }
        }

        return result;
    }
}
