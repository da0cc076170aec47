using System.Globalization;
using System.Text.Json.Nodes;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// One scalar without boxing: int, long, datetime and timespan in <see cref="Long"/>, bool as 0/1,
/// real in <see cref="Real"/>, string and dynamic (<see cref="JsonNode"/>) in <see cref="Ref"/>.
/// </summary>
internal readonly struct KqlValue
{
    private KqlValue(KqlType type, bool isNull, long l, double d, object? r)
    {
        Type = type;
        IsNull = isNull;
        Long = l;
        Real = d;
        Ref = r;
    }

    public KqlType Type { get; }

    public bool IsNull { get; }

    public long Long { get; }

    public double Real { get; }

    public object? Ref { get; }

    public bool Bool => Long != 0;

    public string String => Ref as string ?? string.Empty;

    public JsonNode? Dynamic => Ref as JsonNode;

    public static KqlValue Null(KqlType type) => type == KqlType.String ? new(type, false, 0, 0, string.Empty) : new(type, true, 0, 0, null);

    public static KqlValue FromLong(long value, KqlType type = KqlType.Long) => new(type, false, value, 0, null);

    public static KqlValue FromReal(double value) => new(KqlType.Real, false, 0, value, null);

    public static KqlValue FromBool(bool value) => new(KqlType.Bool, false, value ? 1 : 0, 0, null);

    public static KqlValue FromString(string? value) => new(KqlType.String, false, 0, 0, value ?? string.Empty);

    public static KqlValue FromDynamic(JsonNode? value) => new(KqlType.Dynamic, value is null, 0, 0, value);

    /// <summary>The value as a double, for numeric types (null when not numeric).</summary>
    public double? AsReal() => IsNull ? null : Type switch
    {
        KqlType.Real => Real,
        KqlType.Int or KqlType.Long or KqlType.Bool or KqlType.DateTime or KqlType.TimeSpan => Long,
        _ => null,
    };

    /// <summary>The value boxed as a CLR value, for result rows: long, int, double, bool, string, DateTime, TimeSpan, JsonNode.</summary>
    public object? ToObject() => IsNull ? null : Type switch
    {
        KqlType.Bool => Bool,
        KqlType.Int => (int)Long,
        KqlType.Long => Long,
        KqlType.Real => Real,
        KqlType.String => String,
        KqlType.DateTime => new DateTime(Long, DateTimeKind.Utc),
        KqlType.TimeSpan => new TimeSpan(Long),
        _ => Ref,
    };

    /// <summary>The value's text as <c>tostring()</c> renders it.</summary>
    public string ToText()
    {
        if (IsNull)
        {
            return string.Empty;
        }

        return Type switch
        {
            KqlType.Bool => Bool ? "true" : "false",
            KqlType.Int or KqlType.Long => Long.ToString(CultureInfo.InvariantCulture),
            KqlType.Real => FormatReal(Real),
            KqlType.String => String,
            KqlType.DateTime => FormatDateTime(Long),
            KqlType.TimeSpan => FormatTimeSpan(Long),
            _ => Dynamic is JsonValue v && v.TryGetValue<string>(out var s) ? s : Dynamic?.ToJsonString() ?? string.Empty,
        };
    }

    /// <summary>
    /// The value as <c>tostring()</c> and <c>strcat()</c> give it: like <see cref="ToText"/>, except that datetimes and
    /// timespans take their round-trip forms with seven fractional digits (<c>2026-04-05T01:30:00.0000000Z</c>,
    /// <c>00:00:01.5000000</c>), as Kusto renders them.
    /// </summary>
    public string ToKqlString() => IsNull ? string.Empty : Type switch
    {
        KqlType.DateTime => new DateTime(Long, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        KqlType.TimeSpan => new TimeSpan(Long).ToString("c", CultureInfo.InvariantCulture),
        _ => ToText(),
    };

    public static string FormatReal(double value) =>
        double.IsPositiveInfinity(value) ? "inf" : double.IsNegativeInfinity(value) ? "-inf" : double.IsNaN(value) ? "nan" : value.ToString("R", CultureInfo.InvariantCulture);

    public static string FormatDateTime(long ticks) =>
        new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string FormatTimeSpan(long ticks)
    {
        var span = new TimeSpan(ticks);
        var text = span.ToString(span.Days != 0 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
        var fraction = Math.Abs(ticks % TimeSpan.TicksPerSecond);
        var sign = ticks < 0 ? "-" : string.Empty;
        return fraction == 0 ? sign + text : sign + text + "." + fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
    }
}
