using System.Globalization;
using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

internal static partial class ScalarFunctions
{
    private static void AddConversions(List<ScalarFunction> all)
    {
        all.Add(new("toreal", 1, 1, Returns(KqlType.Real), (a, _) => ToReal(a[0]), ToRealColumn));
        all.Add(all[^1] with { Name = "todouble" });
        all.Add(all[^1] with { Name = "todecimal" });
        all.Add(new("tolong", 1, 1, Returns(KqlType.Long), (a, _) => ToLong(a[0], KqlType.Long)));
        all.Add(new("toint", 1, 1, Returns(KqlType.Int), (a, _) => ToLong(a[0], KqlType.Int)));
        all.Add(new("tostring", 1, 1, Returns(KqlType.String), (a, _) => KqlValue.FromString(a[0].ToKqlString()), ToStringColumn));
        all.Add(new("tobool", 1, 1, Returns(KqlType.Bool), (a, _) => ToBool(a[0])));
        all.Add(all[^1] with { Name = "toboolean" });
        all.Add(new("todatetime", 1, 1, Returns(KqlType.DateTime), (a, _) => ToDateTime(a[0])));
        all.Add(new("totimespan", 1, 1, Returns(KqlType.TimeSpan), (a, _) => ToTimeSpan(a[0])));
        all.Add(new("isempty", 1, 1, Returns(KqlType.Bool), (a, _) => KqlValue.FromBool(a[0].IsNull || a[0].ToText().Length == 0)));
        all.Add(new("isnotempty", 1, 1, Returns(KqlType.Bool), (a, _) => KqlValue.FromBool(!a[0].IsNull && a[0].ToText().Length > 0), IsNotEmptyColumn));
        all.Add(new("isnull", 1, 1, Returns(KqlType.Bool), (a, _) => KqlValue.FromBool(a[0].IsNull)));
        all.Add(new("isnotnull", 1, 1, Returns(KqlType.Bool), (a, _) => KqlValue.FromBool(!a[0].IsNull)));
        all.Add(new("not", 1, 1, Returns(KqlType.Bool, t => t[0] is KqlType.Bool or KqlType.Dynamic), (a, _) => a[0].IsNull ? KqlValue.Null(KqlType.Bool) : KqlValue.FromBool(!ToBool(a[0]).Bool)));
        all.Add(new("iff", 3, 3, IffType, (a, _) => !a[0].IsNull && ToBool(a[0]).Bool ? a[1] : a[2]));
        all.Add(all[^1] with { Name = "iif" });
        all.Add(new("case", 3, 99, CaseType, (a, _) => Case(a)));
        all.Add(new("coalesce", 1, 64, CoalesceType, (a, _) => Coalesce(a)));
        all.Add(new("strcat", 1, 64, Returns(KqlType.String), (a, _) => KqlValue.FromString(string.Concat(a.ToArray().Select(v => v.ToKqlString()))), StrcatColumn));
        all.Add(new("gettype", 1, 1, Returns(KqlType.String), (a, _) => KqlValue.FromString(a[0].Type.Name())));
    }

    private static KqlType? IffType(KqlType[] t) => t[0] is not (KqlType.Bool or KqlType.Dynamic) ? null : Unify(t[1], t[2]);

    private static KqlType? CaseType(KqlType[] t)
    {
        if (t.Length % 2 == 0)
        {
            return null;
        }

        var result = t[^1];
        for (var i = 0; i + 1 < t.Length; i += 2)
        {
            if (t[i] is not (KqlType.Bool or KqlType.Dynamic))
            {
                return null;
            }

            var unified = Unify(result, t[i + 1]);
            if (unified is null)
            {
                return null;
            }

            result = unified.Value;
        }

        return result;
    }

    private static KqlType? CoalesceType(KqlType[] t)
    {
        KqlType? result = t[0];
        foreach (var type in t)
        {
            result = result is null ? null : Unify(result.Value, type);
        }

        return result;
    }

    private static KqlType? Unify(KqlType a, KqlType b) =>
        a == b ? a : a.IsNumeric() && b.IsNumeric() ? (a == KqlType.Real || b == KqlType.Real ? KqlType.Real : KqlType.Long) : a == KqlType.Dynamic || b == KqlType.Dynamic ? KqlType.Dynamic : null;

    private static KqlValue Case(ReadOnlySpan<KqlValue> a)
    {
        for (var i = 0; i + 1 < a.Length; i += 2)
        {
            if (!a[i].IsNull && ToBool(a[i]).Bool)
            {
                return a[i + 1];
            }
        }

        return a[^1];
    }

    private static KqlValue Coalesce(ReadOnlySpan<KqlValue> a)
    {
        foreach (var v in a)
        {
            if (!v.IsNull && !(v.Type == KqlType.String && v.String.Length == 0))
            {
                return v;
            }
        }

        return a[^1];
    }

    public static KqlValue ToReal(in KqlValue v)
    {
        if (v.IsNull)
        {
            return KqlValue.Null(KqlType.Real);
        }

        return v.Type switch
        {
            KqlType.Real => v,
            KqlType.String => double.TryParse(v.String, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? KqlValue.FromReal(d) : KqlValue.Null(KqlType.Real),
            KqlType.Dynamic => DynamicValues.TryGetReal(v.Dynamic, out var r) ? KqlValue.FromReal(r) : KqlValue.Null(KqlType.Real),
            _ => KqlValue.FromReal(v.Long),
        };
    }

    private static Column? ToRealColumn(Column[] args, int n, EvalContext context)
    {
        switch (args[0])
        {
            case RealColumn r:
                return r;
            case Int64Column l:
            {
                var values = new double[n];
                var source = l.Values;
                for (var i = 0; i < n; i++)
                {
                    values[i] = source[i];
                }

                return new RealColumn(values, l.Nulls is null ? null : (bool[])l.Nulls.Clone());
            }

            default:
                return null;
        }
    }

    public static KqlValue ToLong(in KqlValue v, KqlType type)
    {
        if (v.IsNull)
        {
            return KqlValue.Null(type);
        }

        switch (v.Type)
        {
            case KqlType.Real:
                return double.IsFinite(v.Real) ? KqlValue.FromLong((long)v.Real, type) : KqlValue.Null(type);
            case KqlType.String:
                if (long.TryParse(v.String, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
                {
                    return KqlValue.FromLong(l, type);
                }

                return double.TryParse(v.String, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                    ? KqlValue.FromLong((long)d, type)
                    : KqlValue.Null(type);
            case KqlType.Dynamic:
                return DynamicValues.TryGetLong(v.Dynamic, out var x) ? KqlValue.FromLong(x, type) : KqlValue.Null(type);
            default:
                return KqlValue.FromLong(v.Long, type);
        }
    }

    public static KqlValue ToBool(in KqlValue v)
    {
        if (v.IsNull)
        {
            return KqlValue.Null(KqlType.Bool);
        }

        return v.Type switch
        {
            KqlType.Bool => v,
            KqlType.Real => KqlValue.FromBool(v.Real != 0),
            // tobool-function.md: "true"/"false" (any case, surrounding blanks allowed) and, as for numbers, an integer (non-zero is true); else null.
            KqlType.String => bool.TryParse(v.String, out var b) ? KqlValue.FromBool(b)
                : long.TryParse(v.String, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var l) ? KqlValue.FromBool(l != 0)
                : KqlValue.Null(KqlType.Bool),
            KqlType.Dynamic => ToBool(DynamicValues.ToScalar(v.Dynamic)),
            _ => KqlValue.FromBool(v.Long != 0),
        };
    }

    public static KqlValue ToDateTime(in KqlValue v)
    {
        if (v.IsNull)
        {
            return KqlValue.Null(KqlType.DateTime);
        }

        return v.Type switch
        {
            KqlType.DateTime => v,
            KqlType.Int or KqlType.Long => KqlValue.FromLong(v.Long, KqlType.DateTime),
            _ => Literals.TryParseDateTime(v.ToText(), out var ticks) ? KqlValue.FromLong(ticks, KqlType.DateTime) : KqlValue.Null(KqlType.DateTime),
        };
    }

    public static KqlValue ToTimeSpan(in KqlValue v)
    {
        if (v.IsNull)
        {
            return KqlValue.Null(KqlType.TimeSpan);
        }

        return v.Type switch
        {
            KqlType.TimeSpan => v,
            KqlType.Int or KqlType.Long => KqlValue.FromLong(v.Long, KqlType.TimeSpan),
            KqlType.Real => KqlValue.FromLong((long)v.Real, KqlType.TimeSpan),
            _ => Literals.TryParseTimeSpan(v.ToText(), out var ticks) ? KqlValue.FromLong(ticks, KqlType.TimeSpan) : KqlValue.Null(KqlType.TimeSpan),
        };
    }

    private static Column? IsNotEmptyColumn(Column[] args, int n, EvalContext context)
    {
        var result = new bool[n];
        switch (args[0])
        {
            case StringColumn s:
                for (var i = 0; i < n; i++)
                {
                    result[i] = s.Values[i].Length > 0;
                }

                return new BoolColumn(result, null);
            case Int64Column or RealColumn or BoolColumn:
                for (var i = 0; i < n; i++)
                {
                    result[i] = !args[0].IsNull(i);
                }

                return new BoolColumn(result, null);
            default:
                return null;
        }
    }

    private static Column ToStringColumn(Column[] args, int n, EvalContext context)
    {
        if (args[0] is StringColumn strings)
        {
            return strings;
        }

        return new StringColumn(Texts(args[0], n));
    }

    private static Column StrcatColumn(Column[] args, int n, EvalContext context)
    {
        var texts = Array.ConvertAll(args, a => a is StringColumn s ? s.Values : Texts(a, n));
        var values = new string[n];
        var parts = new string[texts.Length];
        string? previous = null;
        for (var row = 0; row < n; row++)
        {
            // Neighbouring rows often join the same parts (one process's samples): reuse that string.
            var same = previous is not null;
            for (var j = 0; j < parts.Length; j++)
            {
                var part = texts[j][row];
                same &= ReferenceEquals(part, parts[j]);
                parts[j] = part;
            }

            values[row] = previous = same ? previous! : string.Concat(parts);
        }

        return new StringColumn(values);
    }

    // Each row's value as tostring() renders it; a dynamic cell repeated by reference is rendered once.
    private static string[] Texts(Column column, int n)
    {
        var texts = new string[n];
        object? last = null;
        var lastText = string.Empty;
        for (var row = 0; row < n; row++)
        {
            var value = column.Get(row);
            if (value.Type == KqlType.Dynamic && value.Dynamic is { } node)
            {
                if (!ReferenceEquals(node, last))
                {
                    last = node;
                    lastText = value.ToKqlString();
                }

                texts[row] = lastText;
            }
            else
            {
                texts[row] = value.ToKqlString();
            }
        }

        return texts;
    }
}
