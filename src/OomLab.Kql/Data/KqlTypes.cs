namespace OomLab.Kql;

/// <summary>KQL names of <see cref="KqlType"/> values and parsing of type names.</summary>
public static class KqlTypes
{
    /// <summary>The KQL name of a type: <c>bool</c>, <c>int</c>, <c>long</c>, <c>real</c>, <c>string</c>, <c>datetime</c>, <c>timespan</c>, <c>dynamic</c>.</summary>
    public static string Name(this KqlType type) => type switch
    {
        KqlType.Bool => "bool",
        KqlType.Int => "int",
        KqlType.Long => "long",
        KqlType.Real => "real",
        KqlType.String => "string",
        KqlType.DateTime => "datetime",
        KqlType.TimeSpan => "timespan",
        _ => "dynamic",
    };

    /// <summary>Parses a KQL type name or alias (<c>double</c>, <c>boolean</c>, <c>date</c>, <c>time</c>, <c>guid</c> as string).</summary>
    public static bool TryParse(string name, out KqlType type)
    {
        KqlType? parsed = name.ToLowerInvariant() switch
        {
            "bool" or "boolean" => KqlType.Bool,
            "int" => KqlType.Int,
            "long" => KqlType.Long,
            "real" or "double" or "decimal" => KqlType.Real,
            "string" or "guid" => KqlType.String,
            "datetime" or "date" => KqlType.DateTime,
            "timespan" or "time" => KqlType.TimeSpan,
            "dynamic" => KqlType.Dynamic,
            _ => null,
        };
        type = parsed ?? KqlType.Dynamic;
        return parsed is not null;
    }

    internal static bool IsNumeric(this KqlType type) => type is KqlType.Int or KqlType.Long or KqlType.Real;

    internal static bool IsInteger(this KqlType type) => type is KqlType.Int or KqlType.Long;

    internal static bool IsInt64Backed(this KqlType type) => type is KqlType.Int or KqlType.Long or KqlType.DateTime or KqlType.TimeSpan;
}
