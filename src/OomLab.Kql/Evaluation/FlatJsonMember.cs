using System.Text.Json.Nodes;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// Reads one member of a flat JSON object (telemetry dimensions: <c>{"Key":"value",...}</c>) straight from its
/// text, without transcoding or building a document. It settles only texts it fully understands: an object
/// whose names and string values have no escapes, whose other values are numbers, <c>true</c>, <c>false</c> or
/// <c>null</c>, and whose wanted member is a string or null. Anything else (escapes, nesting, a wanted member
/// that is a number, or text that is not valid JSON) is left to the full reader, so the answer is always the
/// full reader's: the last of repeated names counts, and a null member is no member.
/// </summary>
internal static class FlatJsonMember
{
    /// <summary>
    /// Whether <paramref name="text"/> was settled here; then <paramref name="member"/> is the member
    /// <paramref name="name"/> (a JSON string) or null when the object has no such member or it is null.
    /// </summary>
    public static bool TryRead(string text, string name, out JsonNode? member)
    {
        member = null;
        var valueStart = -1;
        var valueLength = 0;
        var i = SkipSpace(text, 0);
        if (i >= text.Length || text[i] != '{')
        {
            return false;
        }

        i = SkipSpace(text, i + 1);
        if (i < text.Length && text[i] == '}')
        {
            i++;
        }
        else
        {
            while (true)
            {
                if (!TryString(text, ref i, out var keyStart, out var keyLength))
                {
                    return false;
                }

                i = SkipSpace(text, i);
                if (i >= text.Length || text[i] != ':')
                {
                    return false;
                }

                i = SkipSpace(text, i + 1);
                if (i >= text.Length)
                {
                    return false;
                }

                var wanted = text.AsSpan(keyStart, keyLength).SequenceEqual(name);
                switch (text[i])
                {
                    case '"':
                        if (!TryString(text, ref i, out var start, out var length))
                        {
                            return false;
                        }

                        if (wanted)
                        {
                            (valueStart, valueLength) = (start, length);
                        }

                        break;
                    case 'n' when TryLiteral(text, ref i, "null"):
                        if (wanted)
                        {
                            valueStart = -1;
                        }

                        break;
                    case 't' when !wanted && TryLiteral(text, ref i, "true"):
                    case 'f' when !wanted && TryLiteral(text, ref i, "false"):
                        break;
                    case '-' or (>= '0' and <= '9') when !wanted && TryNumber(text, ref i):
                        break;
                    default:
                        return false;
                }

                i = SkipSpace(text, i);
                if (i >= text.Length)
                {
                    return false;
                }

                if (text[i] == ',')
                {
                    i = SkipSpace(text, i + 1);
                    continue;
                }

                if (text[i] != '}')
                {
                    return false;
                }

                i++;
                break;
            }
        }

        if (SkipSpace(text, i) != text.Length)
        {
            return false;
        }

        member = valueStart < 0 ? null : JsonValue.Create(text.Substring(valueStart, valueLength));
        return true;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }

        return i;
    }

    // A string with no escapes, control characters or surrogates: its characters between the quotes are its value,
    // exactly as the full reader (which reads the text as UTF-8) would decode them.
    private static bool TryString(string text, ref int i, out int start, out int length)
    {
        start = i + 1;
        length = 0;
        if (i >= text.Length || text[i] != '"')
        {
            return false;
        }

        for (var j = start; j < text.Length; j++)
        {
            var c = text[j];
            if (c == '"')
            {
                length = j - start;
                i = j + 1;
                return true;
            }

            if (c is '\\' or < ' ' or (>= '\uD800' and <= '\uDFFF'))
            {
                return false;
            }
        }

        return false;
    }

    private static bool TryLiteral(string text, ref int i, string literal)
    {
        if (!text.AsSpan(i).StartsWith(literal, StringComparison.Ordinal))
        {
            return false;
        }

        i += literal.Length;
        return true;
    }

    // JSON's number grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    private static bool TryNumber(string text, ref int i)
    {
        var j = i;
        if (j < text.Length && text[j] == '-')
        {
            j++;
        }

        if (j >= text.Length || !char.IsAsciiDigit(text[j]))
        {
            return false;
        }

        if (text[j++] != '0')
        {
            j = Digits(text, j);
        }

        if (j < text.Length && text[j] == '.')
        {
            var fraction = Digits(text, j + 1);
            if (fraction == j + 1)
            {
                return false;
            }

            j = fraction;
        }

        if (j < text.Length && text[j] is 'e' or 'E')
        {
            j++;
            if (j < text.Length && text[j] is '+' or '-')
            {
                j++;
            }

            var exponent = Digits(text, j);
            if (exponent == j)
            {
                return false;
            }

            j = exponent;
        }

        i = j;
        return true;
    }

    private static int Digits(string text, int j)
    {
        while (j < text.Length && char.IsAsciiDigit(text[j]))
        {
            j++;
        }

        return j;
    }
}
