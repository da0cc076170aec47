using System.Text.RegularExpressions;
using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary>
/// A string predicate (<c>has</c>, <c>contains</c>, <c>startswith</c>, <c>=~</c>, <c>matches regex</c>
/// and their <c>_cs</c> and negated forms). With a constant right side the matcher is built once.
/// </summary>
internal sealed class BoundStringPredicate(StringOperator op, bool negated, BoundExpression left, BoundExpression right, TextSpan span)
    : BoundExpression(KqlType.Bool, span)
{
    public override IReadOnlyList<BoundExpression> Children => [left, right];

    public override Column Evaluate(EvalContext context, KqlTable input)
    {
        var n = input.RowCount;
        var l = left.Evaluate(context, input);
        var result = new bool[n];
        if (right is BoundConstant constant)
        {
            var match = Compile(constant.Value.ToText(), right.Span);
            if (l is StringColumn strings)
            {
                var values = strings.Values;

                // Columns read from a store hold one string per distinct value: answer each once.
                var seen = new Dictionary<string, bool>(ReferenceEqualityComparer.Instance);
                for (var i = 0; i < n; i++)
                {
                    var value = values[i];
                    if (!seen.TryGetValue(value, out var matched))
                    {
                        matched = match(value);
                        if (seen.Count < 4096)
                        {
                            seen.Add(value, matched);
                        }
                    }

                    result[i] = matched != negated;
                }
            }
            else
            {
                for (var i = 0; i < n; i++)
                {
                    result[i] = match(l.Get(i).ToText()) != negated;
                }
            }

            return new BoolColumn(result, null);
        }

        var r = right.Evaluate(context, input);
        for (var i = 0; i < n; i++)
        {
            result[i] = Compile(r.Get(i).ToText(), right.Span)(l.Get(i).ToText()) != negated;
        }

        return new BoolColumn(result, null);
    }

    private Func<string, bool> Compile(string needle, TextSpan span)
    {
        switch (op)
        {
            case StringOperator.Has or StringOperator.HasCs:
            {
                var matcher = new TermMatcher([needle], op == StringOperator.HasCs);
                return matcher.HasAny;
            }

            case StringOperator.Contains:
                return s => s.Contains(needle, StringComparison.OrdinalIgnoreCase);
            case StringOperator.ContainsCs:
                return s => s.Contains(needle, StringComparison.Ordinal);
            case StringOperator.StartsWith:
                return s => s.StartsWith(needle, StringComparison.OrdinalIgnoreCase);
            case StringOperator.StartsWithCs:
                return s => s.StartsWith(needle, StringComparison.Ordinal);
            case StringOperator.EndsWith:
                return s => s.EndsWith(needle, StringComparison.OrdinalIgnoreCase);
            case StringOperator.EndsWithCs:
                return s => s.EndsWith(needle, StringComparison.Ordinal);
            case StringOperator.HasPrefix:
            {
                var matcher = new TermMatcher([needle], false);
                return s => s.StartsWith(needle, StringComparison.OrdinalIgnoreCase) || (matcher.HasAny(s) && HasTermPrefix(s, needle));
            }

            case StringOperator.HasSuffix:
                return s => s.EndsWith(needle, StringComparison.OrdinalIgnoreCase);
            case StringOperator.EqualsIgnoreCase:
                return s => string.Equals(s, needle, StringComparison.OrdinalIgnoreCase);
            default:
                try
                {
                    var regex = new Regex(needle, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
                    return regex.IsMatch;
                }
                catch (ArgumentException ex)
                {
                    throw new KqlRuntimeException(span, Messages.InvalidArgument("matches regex", $"invalid regular expression: {ex.Message}"));
                }
        }
    }

    private static bool HasTermPrefix(string s, string prefix)
    {
        var index = 0;
        while ((index = s.IndexOf(prefix, index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            if (index == 0 || !char.IsLetterOrDigit(s[index - 1]))
            {
                return true;
            }

            index++;
        }

        return false;
    }
}
