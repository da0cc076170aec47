using System.Text.Json.Nodes;
using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

/// <summary>
/// Element-wise functions of numeric arrays, as <c>make-series</c> gives them (series-*-function.md): one element in,
/// one element out; a binary function takes two arrays or an array and a number; an element that is not a number
/// gives null. Also sums, products, magnitudes, dot products and the fills.
/// </summary>
internal static partial class ScalarFunctions
{
    private static void AddSeries(List<ScalarFunction> all)
    {
        var dynamic = Returns(KqlType.Dynamic);
        foreach (var (name, f) in new (string, Func<double, double>)[]
        {
            ("abs", Math.Abs), ("acos", Math.Acos), ("asin", Math.Asin), ("atan", Math.Atan), ("ceiling", Math.Ceiling),
            ("cos", Math.Cos), ("exp", Math.Exp), ("floor", Math.Floor), ("log", Math.Log), ("sign", x => Math.Sign(x)),
            ("sin", Math.Sin), ("tan", Math.Tan),
        })
        {
            all.Add(new("series_" + name, 1, 1, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? Map(x, f) : NullDynamic()));
        }

        foreach (var (name, f) in new (string, Func<double, double, double>)[]
        {
            ("add", (x, y) => x + y), ("subtract", (x, y) => x - y), ("multiply", (x, y) => x * y), ("divide", (x, y) => x / y), ("pow", Math.Pow),
        })
        {
            all.Add(new("series_" + name, 2, 2, dynamic, (a, _) => Zip2(a[0], a[1], (x, y) => JsonValue.Create(f(x, y)))));
        }

        foreach (var (name, f) in new (string, Func<double, double, bool>)[]
        {
            ("greater", (x, y) => x > y), ("greater_equals", (x, y) => x >= y), ("less", (x, y) => x < y),
            ("less_equals", (x, y) => x <= y), ("equals", (x, y) => x == y), ("not_equals", (x, y) => x != y),
        })
        {
            all.Add(new("series_" + name, 2, 2, dynamic, (a, _) => Zip2(a[0], a[1], (x, y) => JsonValue.Create(f(x, y)))));
        }

        all.Add(new("series_sum", 1, 1, Returns(KqlType.Real), (a, _) => Fold(a[0], 0, (s, x) => s + x)));
        all.Add(new("series_product", 1, 1, Returns(KqlType.Real), (a, _) => Fold(a[0], 1, (s, x) => s * x)));
        all.Add(new("series_magnitude", 1, 1, Returns(KqlType.Real), (a, _) => Fold(a[0], 0, (s, x) => s + (x * x)) is { IsNull: false } v ? KqlValue.FromReal(Math.Sqrt(v.Real)) : KqlValue.Null(KqlType.Real)));
        all.Add(new("series_dot_product", 2, 2, Returns(KqlType.Real), (a, _) => Zip2(a[0], a[1], (x, y) => JsonValue.Create(x * y)).Dynamic is JsonArray p ? Fold(KqlValue.FromDynamic(p), 0, (s, x) => s + x) : KqlValue.Null(KqlType.Real)));
        all.Add(new("series_fill_const", 2, 2, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? FillConst(x, DynamicValues.From(a[1])) : NullDynamic()));
        all.Add(new("series_fill_forward", 1, 1, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? FillForward(x) : NullDynamic()));
        all.Add(new("series_fill_backward", 1, 1, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? ArrayOf(((JsonArray)FillForward(new JsonArray(x.Reverse().Select(n => n?.DeepClone()).ToArray())).Dynamic!).Reverse()) : NullDynamic()));
        all.Add(new("series_fill_linear", 1, 1, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? FillLinear(x) : NullDynamic()));
    }

    private static double? Number(JsonNode? node) => DynamicValues.ToScalar(node) is { IsNull: false } v && v.Type != KqlType.String ? v.AsReal() : null;

    private static KqlValue Map(JsonArray x, Func<double, double> f) => ArrayOf(x.Select(n => Number(n) is { } v ? (JsonNode?)JsonValue.Create(f(v)) : null));

    // Both arrays element by element (the shorter one's length), or an array and a number.
    private static KqlValue Zip2(in KqlValue a, in KqlValue b, Func<double, double, JsonNode> f)
    {
        var x = a.Dynamic as JsonArray;
        var y = b.Dynamic as JsonArray;
        var scalarA = x is null ? a.AsReal() : null;
        var scalarB = y is null ? b.AsReal() : null;
        if ((x is null && scalarA is null) || (y is null && scalarB is null))
        {
            return NullDynamic();
        }

        var n = Math.Min(x?.Count ?? int.MaxValue, y?.Count ?? int.MaxValue);
        var result = new JsonArray();
        for (var i = 0; i < n && n != int.MaxValue; i++)
        {
            var left = x is null ? scalarA : Number(x[i]);
            var right = y is null ? scalarB : Number(y[i]);
            result.Add(left is { } l && right is { } r ? f(l, r) : null);
        }

        return KqlValue.FromDynamic(result);
    }

    private static KqlValue Fold(in KqlValue value, double seed, Func<double, double, double> f)
    {
        if (value.Dynamic is not JsonArray x)
        {
            return KqlValue.Null(KqlType.Real);
        }

        var total = seed;
        foreach (var n in x)
        {
            if (Number(n) is { } v)
            {
                total = f(total, v);
            }
        }

        return KqlValue.FromReal(total);
    }

    private static KqlValue FillConst(JsonArray x, JsonNode? fill) => ArrayOf(x.Select(n => Number(n) is null ? fill : n));

    private static KqlValue FillForward(JsonArray x)
    {
        JsonNode? last = null;
        return ArrayOf(x.Select(n => Number(n) is null ? last?.DeepClone() : last = n));
    }

    // series-fill-linear-function.md: nulls between two values are interpolated; leading and trailing nulls take the
    // nearest value.
    private static KqlValue FillLinear(JsonArray x)
    {
        var values = x.Select(Number).ToArray();
        var known = Enumerable.Range(0, values.Length).Where(i => values[i] is not null).ToList();
        if (known.Count == 0)
        {
            return ArrayOf(x);
        }

        var result = new JsonNode?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } v)
            {
                result[i] = x[i]?.DeepClone();
                continue;
            }

            var before = known.LastOrDefault(k => k < i, -1);
            var after = known.FirstOrDefault(k => k > i, -1);
            result[i] = before < 0 ? JsonValue.Create(values[after]!.Value)
                : after < 0 ? JsonValue.Create(values[before]!.Value)
                : JsonValue.Create(values[before]!.Value + ((values[after]!.Value - values[before]!.Value) * (i - before) / (after - before)));
        }

        return KqlValue.FromDynamic(new JsonArray(result));
    }
}
