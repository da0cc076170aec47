using System.Buffers;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// Whole-term matching for <c>has</c>, <c>has_any</c>, <c>has_all</c>: a needle matches where it occurs
/// with no letter or digit glued to either end (a term is a maximal run of letters and digits, so an
/// underscore splits terms). Built once per query; the first-character search is vectorised.
/// </summary>
internal sealed class TermMatcher
{
    private readonly string[] _needles;
    private readonly StringComparison _comparison;
    private readonly SearchValues<string>? _any;

    // Per needle: a vectorised search (string.IndexOf ignoring case is not vectorised, and runs once per row).
    private readonly SearchValues<string>?[] _each;

    public TermMatcher(IReadOnlyList<string> needles, bool caseSensitive)
    {
        _needles = [.. needles];
        _comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (_needles.Length > 1 && Array.TrueForAll(_needles, n => n.Length > 0))
        {
            _any = SearchValues.Create(_needles, _comparison);
        }

        _each = Array.ConvertAll(_needles, n => n.Length > 0 ? SearchValues.Create([n], _comparison) : null);
    }

    private static bool IsTermChar(char c) => char.IsLetterOrDigit(c);

    public bool HasAny(string text)
    {
        if (_any is null)
        {
            for (var i = 0; i < _needles.Length; i++)
            {
                if (Has(text, i))
                {
                    return true;
                }
            }

            return false;
        }

        var span = text.AsSpan();
        var offset = 0;
        while (offset < span.Length)
        {
            var found = span[offset..].IndexOfAny(_any);
            if (found < 0)
            {
                return false;
            }

            var at = offset + found;
            foreach (var needle in _needles)
            {
                if (span[at..].StartsWith(needle, _comparison) && IsWholeTerm(span, at, needle))
                {
                    return true;
                }
            }

            offset = at + 1;
        }

        return false;
    }

    public bool HasAll(string text)
    {
        for (var i = 0; i < _needles.Length; i++)
        {
            if (!Has(text, i))
            {
                return false;
            }
        }

        return true;
    }

    private bool Has(string text, int index)
    {
        var needle = _needles[index];
        if (_each[index] is not { } search)
        {
            return true;
        }

        var span = text.AsSpan();
        var offset = 0;
        while (offset <= span.Length - needle.Length)
        {
            var found = span[offset..].IndexOfAny(search);
            if (found < 0)
            {
                return false;
            }

            var at = offset + found;
            if (IsWholeTerm(span, at, needle))
            {
                return true;
            }

            offset = at + 1;
        }

        return false;
    }

    private static bool IsWholeTerm(ReadOnlySpan<char> text, int at, string needle)
    {
        var end = at + needle.Length;
        var startOk = at == 0 || !IsTermChar(text[at - 1]) || !IsTermChar(needle[0]);
        var endOk = end == text.Length || !IsTermChar(text[end]) || !IsTermChar(needle[^1]);
        return startOk && endOk;
    }
}
