namespace OomLab.Kql.Evaluation;

/// <summary>Shared loops of the column kernels.</summary>
internal static class Kernels
{
    public static bool[]? NullsOf(Column column) => column switch
    {
        Int64Column c => c.Nulls,
        RealColumn c => c.Nulls,
        BoolColumn c => c.Nulls,
        StringColumn => null,
        _ => AllNulls(column),
    };

    /// <summary>A copy of the null mask of a selection's source at its <paramref name="rows"/> (all of it when null); null when there are no nulls.</summary>
    public static bool[]? NullsAt(bool[]? nulls, int[]? rows, int n)
    {
        if (nulls is null || rows is null)
        {
            return (bool[]?)nulls?.Clone();
        }

        var result = new bool[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = nulls[rows[i]];
        }

        return result;
    }

    private static bool[]? AllNulls(Column column)
    {
        bool[]? nulls = null;
        for (var i = 0; i < column.Length; i++)
        {
            if (column.IsNull(i))
            {
                nulls ??= new bool[column.Length];
                nulls[i] = true;
            }
        }

        return nulls;
    }

    public static bool[]? CombineNulls(Column a, Column b, int n)
    {
        var x = NullsOf(a);
        var y = NullsOf(b);
        if (x is null)
        {
            return y is null ? null : (bool[])y.Clone();
        }

        var result = (bool[])x.Clone();
        if (y is not null)
        {
            for (var i = 0; i < n; i++)
            {
                result[i] |= y[i];
            }
        }

        return result;
    }

    /// <summary>The column's values as reals (numbers, ticks of datetimes and timespans, dynamic numbers).</summary>
    public static double[] ToReals(Column column, int n)
    {
        switch (column)
        {
            case RealColumn r:
                return r.Values;
            case Int64Column l:
            {
                var result = new double[n];
                var source = l.Values;
                for (var i = 0; i < n; i++)
                {
                    result[i] = source[i];
                }

                return result;
            }

            default:
            {
                var result = new double[n];
                for (var i = 0; i < n; i++)
                {
                    var value = column.Get(i);
                    if (value.Type == KqlType.Dynamic)
                    {
                        value = DynamicValues.ToScalar(value.Dynamic);
                    }

                    result[i] = value.AsReal() ?? double.NaN;
                }

                return result;
            }
        }
    }

    /// <summary>Dynamic operands that hold no number surface as NaN in <see cref="ToReals"/>; they become nulls here.</summary>
    public static bool[]? NullsFromNaN(double[] values, bool[]? nulls, Column a, Column b)
    {
        if (a.Type != KqlType.Dynamic && b.Type != KqlType.Dynamic)
        {
            return nulls;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                nulls ??= new bool[values.Length];
                nulls[i] = true;
            }
        }

        return nulls;
    }
}
