using System.Globalization;
using System.Text;

namespace OomLab.Playbook;

/// <summary>Writes CLR values as KQL literals, for the <c>let</c> statements that put signals in scope of a rule.</summary>
internal static class KqlLiteral
{
    public static string Format(object? value) => value switch
    {
        null => "real(null)",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) => Real(d),
        double => "real(null)",
        string s => Quote(s),
        DateTime t => $"datetime({t.ToUniversalTime():yyyy-MM-ddTHH:mm:ss.fffffffZ})",
        DateTimeOffset t => $"datetime({t.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ})",
        TimeSpan t => $"totimespan({t.Ticks}tick)",
        TypedNull n => n.Literal,
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static string Real(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? $"real({text})" : $"real({text}.0)";
    }

    private static string Quote(string s)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in s)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }
}
