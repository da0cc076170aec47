using System.Text;

namespace OomLab.Report;

/// <summary>
/// The one escaping rule of the report: every text and attribute value goes through <see cref="Escape"/>,
/// so a blob named <c>&lt;img src=x onerror=alert(1)&gt;.csv</c> shows as text and never as markup.
/// </summary>
internal static class HtmlText
{
    /// <summary>Escapes <c>&amp; &lt; &gt; " '</c> and drops control characters other than tab and line breaks; null is empty.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!NeedsEscaping(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        Append(builder, text);
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="text"/> escaped, without an intermediate string.</summary>
    public static void Append(StringBuilder builder, string? text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\t' or '\n' or '\r': builder.Append(c); break;
                case < ' ' or '\u007f': break;
                default: builder.Append(c); break;
            }
        }
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (c is '&' or '<' or '>' or '"' or '\'' or '\u007f' || (c < ' ' && c is not ('\t' or '\n' or '\r')))
            {
                return true;
            }
        }

        return false;
    }
}
