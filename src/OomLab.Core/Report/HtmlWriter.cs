using System.Globalization;
using System.Text;

namespace OomLab.Report;

/// <summary>
/// Writes HTML (and inline SVG) where text is escaped by default: tag and attribute names must be plain
/// identifiers (checked), attribute values and text always go through <see cref="HtmlText"/>. The only way
/// to write markup unescaped is <see cref="Trusted"/>, for the report's own constant stylesheet.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder builder;
    private readonly Stack<string> open = new();

    /// <param name="capacity">Initial buffer size in characters; default 64 K.</param>
    public HtmlWriter(int capacity = 64 * 1024) => builder = new StringBuilder(capacity);

    /// <summary>Characters written so far.</summary>
    public int Length => builder.Length;

    /// <summary>Opens <paramref name="tag"/>; dispose the returned scope (or call <see cref="Close"/>) to close it.</summary>
    public HtmlElementScope Open(string tag, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        StartTag(tag, attributes);
        builder.Append('>');
        open.Push(tag);
        return new HtmlElementScope(this);
    }

    /// <summary>Closes the innermost open element.</summary>
    public void Close() => builder.Append("</").Append(open.Pop()).Append('>');

    /// <summary>Writes an element holding only <paramref name="text"/> (escaped).</summary>
    public HtmlWriter Element(string tag, string? text, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        StartTag(tag, attributes);
        builder.Append('>');
        HtmlText.Append(builder, text);
        builder.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Writes an element without content: <c>&lt;meta ...&gt;</c> in HTML, <c>&lt;line ... /&gt;</c> in SVG.</summary>
    public HtmlWriter Empty(string tag, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        StartTag(tag, attributes);
        builder.Append("/>");
        return this;
    }

    /// <summary>Writes <paramref name="text"/>, escaped.</summary>
    public HtmlWriter Text(string? text)
    {
        HtmlText.Append(builder, text);
        return this;
    }

    /// <summary>Writes markup as is: only for the report's own compile-time constants, never for data.</summary>
    public HtmlWriter Trusted(string markup)
    {
        builder.Append(markup);
        return this;
    }

    public override string ToString()
    {
        if (open.Count > 0)
        {
            throw new InvalidOperationException($"unclosed elements: {string.Join(", ", open)}");
        }

        return builder.ToString();
    }

    /// <summary>Formats a number for markup: invariant culture, at most <paramref name="decimals"/> decimals.</summary>
    public static string Number(double value, int decimals = 1) =>
        Math.Round(value, decimals).ToString(CultureInfo.InvariantCulture);

    private void StartTag(string tag, ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        CheckName(tag);
        builder.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            CheckName(name);
            switch (value)
            {
                case null or false:
                    continue;
                case true:
                    builder.Append(' ').Append(name);
                    continue;
                case double d:
                    builder.Append(' ').Append(name).Append("=\"").Append(Number(d)).Append('"');
                    continue;
                case IFormattable formattable:
                    builder.Append(' ').Append(name).Append("=\"");
                    HtmlText.Append(builder, formattable.ToString(null, CultureInfo.InvariantCulture));
                    builder.Append('"');
                    continue;
                default:
                    builder.Append(' ').Append(name).Append("=\"");
                    HtmlText.Append(builder, value.ToString());
                    builder.Append('"');
                    continue;
            }
        }
    }

    // Names come from the report's code, never from telemetry; refusing anything but identifiers keeps it so.
    private static void CheckName(string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ':'))
        {
            throw new ArgumentException($"not a tag or attribute name: \"{name}\"", nameof(name));
        }
    }
}
