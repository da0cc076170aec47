namespace OomLab.Kql.Binding;

/// <summary>
/// The scalar function library, by name. Split by aspect into partial files: conversions and logic,
/// strings, datetimes, math, dynamic values.
/// </summary>
internal static partial class ScalarFunctions
{
    private static readonly Dictionary<string, ScalarFunction> Functions = Build();

    public static IEnumerable<string> Names => Functions.Keys.Where(k => k[0] != '\0');

    public static ScalarFunction? Find(string name) => Functions.GetValueOrDefault(name);

    private static Dictionary<string, ScalarFunction> Build()
    {
        var all = new List<ScalarFunction>();
        AddConversions(all);
        AddStrings(all);
        AddDateTimes(all);
        AddMath(all);
        AddDynamic(all);
        AddArrays(all);
        AddText(all);
        AddMoreMath(all);
        AddMoreDateTimes(all);
        AddNetwork(all);
        AddSeries(all);
        return all.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    private static Func<KqlType[], KqlType?> Returns(KqlType type) => _ => type;

    private static Func<KqlType[], KqlType?> Returns(KqlType type, Func<KqlType[], bool> accepts) => a => accepts(a) ? type : null;

    private static bool AllNumeric(KqlType[] types) => Array.TrueForAll(types, t => t.IsNumeric() || t == KqlType.Dynamic);
}
