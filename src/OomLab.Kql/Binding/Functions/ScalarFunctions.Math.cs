using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

internal static partial class ScalarFunctions
{
    private static void AddMath(List<ScalarFunction> all)
    {
        all.Add(new("bin", 2, 2, BinType, (a, _) => Bin(a[0], a[1]), BinColumn) { TakesScalarsAndSelections = true });
        all.Add(new("floor", 1, 2, FloorType, (a, _) => a.Length == 2 ? Bin(a[0], a[1]) : MapReal(a[0], Math.Floor)));
        all.Add(new("round", 1, 2, Returns(KqlType.Real, AllNumeric), (a, _) => Round(a), RoundColumn));
        all.Add(new("ceiling", 1, 1, Returns(KqlType.Real, AllNumeric), (a, _) => MapReal(a[0], Math.Ceiling)));
        all.Add(new("abs", 1, 1, t => t[0].IsNumeric() || t[0] == KqlType.TimeSpan ? t[0] : null, (a, _) => a[0].IsNull ? a[0] : a[0].Type == KqlType.Real ? KqlValue.FromReal(Math.Abs(a[0].Real)) : KqlValue.FromLong(Math.Abs(a[0].Long), a[0].Type)));
        all.Add(new("sqrt", 1, 1, Returns(KqlType.Real, AllNumeric), (a, _) => MapReal(a[0], Math.Sqrt)));
        all.Add(new("exp", 1, 1, Returns(KqlType.Real, AllNumeric), (a, _) => MapReal(a[0], Math.Exp)));
        all.Add(new("log", 1, 1, Returns(KqlType.Real, AllNumeric), (a, _) => MapReal(a[0], Math.Log)));
        all.Add(new("log10", 1, 1, Returns(KqlType.Real, AllNumeric), (a, _) => MapReal(a[0], Math.Log10)));
        all.Add(new("log2", 1, 1, Returns(KqlType.Real, AllNumeric), (a, _) => MapReal(a[0], Math.Log2)));
        all.Add(new("pow", 2, 2, Returns(KqlType.Real, AllNumeric), (a, _) => a[0].AsReal() is { } x && a[1].AsReal() is { } y ? KqlValue.FromReal(Math.Pow(x, y)) : KqlValue.Null(KqlType.Real)));
        all.Add(new("max_of", 2, 64, CoalesceType, (a, _) => Extreme(a, 1)));
        all.Add(new("min_of", 2, 64, CoalesceType, (a, _) => Extreme(a, -1)));
    }

    private static KqlType? BinType(KqlType[] t) =>
        t[0] switch
        {
            KqlType.DateTime or KqlType.TimeSpan when t[1] is KqlType.TimeSpan or KqlType.Long or KqlType.Int => t[0],
            KqlType.Int or KqlType.Long when t[1].IsInteger() => KqlType.Long,
            KqlType.Int or KqlType.Long or KqlType.Real or KqlType.Dynamic when t[1].IsNumeric() => KqlType.Real,
            _ => null,
        };

    private static KqlType? FloorType(KqlType[] t) => t.Length == 2 ? BinType(t) : AllNumeric(t) ? KqlType.Real : null;

    private static KqlValue Bin(in KqlValue value, in KqlValue size)
    {
        var type = value.Type is KqlType.Int ? KqlType.Long : value.Type;
        if (value.IsNull || size.IsNull)
        {
            return KqlValue.Null(size.Type == KqlType.Real && type.IsInteger() ? KqlType.Real : type);
        }

        if (type.IsInt64Backed() && size.Type.IsInt64Backed())
        {
            return size.Long <= 0 ? KqlValue.Null(type) : KqlValue.FromLong(FloorDiv(value.Long, size.Long) * size.Long, type);
        }

        var v = value.AsReal() ?? DynamicValues.ToScalar(value.Dynamic).AsReal();
        var s = size.AsReal() ?? 0;
        return v is null || s <= 0 ? KqlValue.Null(KqlType.Real) : KqlValue.FromReal(Math.Floor(v.Value / s) * s);
    }

    private static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }

    // bin(x, size) of whole numbers, times and timespans by a constant size (a one-row column), reading a selection in place.
    private static Column? BinColumn(Column[] args, int n, EvalContext context)
    {
        if (SelectedColumn.Unwrap(args[0]) is not (Int64Column values, var rows) || args[1] is not Int64Column { Length: 1 } sizes || sizes.IsNull(0))
        {
            return null;
        }

        var size = sizes.Values[0];
        var type = values.Type == KqlType.Int ? KqlType.Long : values.Type;
        var result = new long[n];
        if (size <= 0)
        {
            var all = new bool[n];
            Array.Fill(all, true);
            return new Int64Column(type, result, all);
        }

        var source = values.Values;
        for (var i = 0; i < n; i++)
        {
            var v = source[rows is null ? i : rows[i]];
            var q = v / size;
            if (v < 0 && v % size != 0)
            {
                q--;
            }

            result[i] = q * size;
        }

        return new Int64Column(type, result, Kernels.NullsAt(values.Nulls, rows, n));
    }

    private static KqlValue Round(ReadOnlySpan<KqlValue> a)
    {
        var x = a[0].Type == KqlType.Dynamic ? DynamicValues.ToScalar(a[0].Dynamic).AsReal() : a[0].AsReal();
        if (x is null)
        {
            return KqlValue.Null(KqlType.Real);
        }

        var digits = a.Length > 1 && !a[1].IsNull ? (int)a[1].Long : 0;
        return KqlValue.FromReal(RoundTo(x.Value, digits));
    }

    private static double RoundTo(double x, int digits) =>
        digits >= 0 ? Math.Round(x, Math.Min(digits, 15), MidpointRounding.AwayFromZero) : Math.Round(x / Math.Pow(10, -digits), MidpointRounding.AwayFromZero) * Math.Pow(10, -digits);

    private static Column? RoundColumn(Column[] args, int n, EvalContext context)
    {
        if (n == 0 || args[0] is not RealColumn values || (args.Length > 1 && (args[1] is not Int64Column d || d.IsNull(0))))
        {
            return null;
        }

        var digits = args.Length > 1 ? (int)((Int64Column)args[1]).Values[0] : 0;
        if (args.Length > 1 && ((Int64Column)args[1]).Values.Any(v => v != digits))
        {
            return null;
        }

        var result = new double[n];
        var source = values.Values;
        for (var i = 0; i < n; i++)
        {
            result[i] = RoundTo(source[i], digits);
        }

        return new RealColumn(result, values.Nulls is null ? null : (bool[])values.Nulls.Clone());
    }

    private static KqlValue MapReal(in KqlValue value, Func<double, double> map)
    {
        var x = value.Type == KqlType.Dynamic ? DynamicValues.ToScalar(value.Dynamic).AsReal() : value.AsReal();
        return x is null ? KqlValue.Null(KqlType.Real) : KqlValue.FromReal(map(x.Value));
    }

    private static KqlValue Extreme(ReadOnlySpan<KqlValue> a, int sign)
    {
        KqlValue? best = null;
        foreach (var v in a)
        {
            if (v.IsNull)
            {
                continue;
            }

            if (best is null || (ValueComparer.Compare(v, best.Value) * sign) > 0)
            {
                best = v;
            }
        }

        return best ?? a[0];
    }
}
