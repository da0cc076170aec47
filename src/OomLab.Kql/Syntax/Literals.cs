using System.Globalization;

namespace OomLab.Kql.Syntax;

/// <summary>Parsing of datetime and timespan texts, as literals and in <c>todatetime</c>/<c>totimespan</c>.</summary>
internal static class Literals
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-ddK", "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm",
    ];

    /// <summary>
    /// The formats of scalar-data-types/datetime.md: ISO 8601, RFC 822 and RFC 850 (a trailing <c>GMT</c>/<c>UTC</c> zone), and
    /// the sortable <c>2014-11-8 15:05:25</c>. Everything is UTC.
    /// </summary>
    public static bool TryParseDateTime(string text, out long ticks)
    {
        text = text.Trim();
        if (text.EndsWith(" GMT", StringComparison.OrdinalIgnoreCase) || text.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^4].TrimEnd();
        }
        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value))
        {
            ticks = value.Ticks;
            return true;
        }

        ticks = 0;
        return false;
    }

    public static bool TryParseTimeSpan(string text, out long ticks)
    {
        text = text.Trim();
        ticks = 0;
        if (text.Length == 0)
        {
            return false;
        }

        var digits = 0;
        while (digits < text.Length && (char.IsAsciiDigit(text[digits]) || text[digits] == '.' || (digits == 0 && text[0] == '-')))
        {
            digits++;
        }

        if (digits > 0 && digits < text.Length && TimespanUnits.TryGetTicksPerUnit(text[digits..], out var perUnit)
            && double.TryParse(text[..digits], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            ticks = (long)Math.Round(amount * perUnit);
            return true;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
        {
            ticks = span.Ticks;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A <c>dynamic(...)</c> literal may quote its strings with single quotes (<c>dynamic({'a': 'b'})</c>, bag-keys-function.md):
    /// rewrites them as JSON strings, leaving double-quoted strings as they are.
    /// </summary>
    public static string SingleQuotesToJson(string text)
    {
        if (!text.Contains('\'', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\0')
            {
                if (c is '"' or '\'')
                {
                    quote = c;
                    builder.Append('"');
                }
                else
                {
                    builder.Append(c);
                }

                continue;
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[++i];
                builder.Append(next == '\'' ? "'" : "\\" + next);
            }
            else if (c == quote)
            {
                quote = '\0';
                builder.Append('"');
            }
            else if (c == '"')
            {
                builder.Append("\\\"");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
