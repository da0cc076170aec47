using System.Globalization;
using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

/// <summary>Trigonometry, signs, special values, bitwise operations and number formatting.</summary>
internal static partial class ScalarFunctions
{
    private static void AddMoreMath(List<ScalarFunction> all)
    {
        var real = Returns(KqlType.Real, AllNumeric);
        foreach (var (name, f) in new (string, Func<double, double>)[]
        {
            ("sin", Math.Sin), ("cos", Math.Cos), ("tan", Math.Tan), ("asin", Math.Asin), ("acos", Math.Acos), ("atan", Math.Atan),
            ("cot", x => 1 / Math.Tan(x)), ("degrees", x => x * 180 / Math.PI), ("radians", x => x * Math.PI / 180),
            ("exp2", x => Math.Pow(2, x)), ("exp10", x => Math.Pow(10, x)), ("gamma", Gamma), ("loggamma", x => Math.Log(Math.Abs(Gamma(x)))),
        })
        {
            all.Add(new(name, 1, 1, real, (a, _) => MapReal(a[0], f)));
        }

        all.Add(new("atan2", 2, 2, real, (a, _) => a[0].AsReal() is { } y && a[1].AsReal() is { } x ? KqlValue.FromReal(Math.Atan2(y, x)) : KqlValue.Null(KqlType.Real)));
        all.Add(new("pi", 0, 0, Returns(KqlType.Real), (_, _) => KqlValue.FromReal(Math.PI)));
        all.Add(new("sign", 1, 1, real, (a, _) => a[0].AsReal() is { } x ? KqlValue.FromReal(Math.Sign(x)) : KqlValue.Null(KqlType.Real)));
        all.Add(new("isnan", 1, 1, Returns(KqlType.Bool), (a, _) => KqlValue.FromBool(a[0].Type == KqlType.Real && !a[0].IsNull && double.IsNaN(a[0].Real))));
        all.Add(new("isinf", 1, 1, Returns(KqlType.Bool), (a, _) => KqlValue.FromBool(a[0].Type == KqlType.Real && !a[0].IsNull && double.IsInfinity(a[0].Real))));
        all.Add(new("isfinite", 1, 1, Returns(KqlType.Bool), (a, _) => a[0].AsReal() is { } x ? KqlValue.FromBool(double.IsFinite(x)) : KqlValue.Null(KqlType.Bool)));
        all.Add(new("binary_and", 2, 2, Returns(KqlType.Long), (a, _) => Bits(a, (x, y) => x & y)));
        all.Add(new("binary_or", 2, 2, Returns(KqlType.Long), (a, _) => Bits(a, (x, y) => x | y)));
        all.Add(new("binary_xor", 2, 2, Returns(KqlType.Long), (a, _) => Bits(a, (x, y) => x ^ y)));
        all.Add(new("binary_shift_left", 2, 2, Returns(KqlType.Long), (a, _) => Bits(a, (x, y) => x << (int)y)));
        all.Add(new("binary_shift_right", 2, 2, Returns(KqlType.Long), (a, _) => Bits(a, (x, y) => x >> (int)y)));
        all.Add(new("binary_not", 1, 1, Returns(KqlType.Long), (a, _) => a[0].IsNull ? KqlValue.Null(KqlType.Long) : KqlValue.FromLong(~a[0].Long)));
        all.Add(new("bitset_count_ones", 1, 1, Returns(KqlType.Long), (a, _) => a[0].IsNull ? KqlValue.Null(KqlType.Long) : KqlValue.FromLong(long.PopCount(a[0].Long))));
        all.Add(new("format_bytes", 1, 3, Returns(KqlType.String), (a, _) => FormatBytes(a)));
    }

    private static KqlValue Bits(ReadOnlySpan<KqlValue> a, Func<long, long, long> f) =>
        a[0].IsNull || a[1].IsNull ? KqlValue.Null(KqlType.Long) : KqlValue.FromLong(f(a[0].Long, a[1].Long));

    // Lanczos approximation (g = 7), reflection below 0.5.
    private static double Gamma(double x)
    {
        if (x < 0.5)
        {
            return Math.PI / (Math.Sin(Math.PI * x) * Gamma(1 - x));
        }

        double[] c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        x -= 1;
        var sum = c[0];
        for (var i = 1; i < c.Length; i++)
        {
            sum += c[i] / (x + i);
        }

        var t = x + 7.5;
        return Math.Sqrt(2 * Math.PI) * Math.Pow(t, x + 0.5) * Math.Exp(-t) * sum;
    }

    // format-bytes-function.md: 564 Bytes, 10.1 KB (precision 1), 19 MB, 19.08 MB (precision 2), 19541 KB (units "KB").
    private static KqlValue FormatBytes(ReadOnlySpan<KqlValue> a)
    {
        if (a[0].AsReal() is not { } bytes)
        {
            return KqlValue.FromString(string.Empty);
        }

        string[] units = ["Bytes", "KB", "MB", "GB", "TB", "PB", "EB"];
        var precision = a.Length > 1 && !a[1].IsNull ? (int)a[1].Long : 0;
        var unit = a.Length > 2 ? System.Array.IndexOf(units, a[2].ToKqlString()) : -1;
        if (unit < 0)
        {
            unit = 0;
            while (unit < units.Length - 1 && Math.Abs(bytes) >= Math.Pow(1024, unit + 1))
            {
                unit++;
            }
        }

        var value = Math.Round(bytes / Math.Pow(1024, unit), precision, MidpointRounding.AwayFromZero);
        return KqlValue.FromString(value.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + units[unit]);
    }
}
