using System.Numerics;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// The k-th smallest of a span of numbers (no NaN) without sorting it (quickselect, median-of-three pivots): what a percentile needs, in
/// linear time on average. A partitioning that keeps going badly falls back to sorting what is left.
/// </summary>
internal static class Selection
{
    /// <summary>The value that would be at index <paramref name="k"/> (0-based) if <paramref name="values"/> were sorted; reorders them.</summary>
    public static T Nth<T>(Span<T> values, int k)
        where T : struct, IComparisonOperators<T, T, bool>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, values.Length);
        var budget = 2 * (64 - ulong.LeadingZeroCount((ulong)values.Length));
        while (values.Length > 16 && budget-- > 0)
        {
            var (lower, upper) = Partition(values);
            if (k < lower)
            {
                values = values[..lower];
            }
            else if (k >= upper)
            {
                values = values[upper..];
                k -= upper;
            }
            else
            {
                return values[k];
            }
        }

        values.Sort();
        return values[k];
    }

    // Three-way partition around a median-of-three pivot: [0, lower) < pivot, [lower, upper) == pivot, [upper, n) > pivot.
    private static (int Lower, int Upper) Partition<T>(Span<T> values)
        where T : struct, IComparisonOperators<T, T, bool>
    {
        var pivot = MedianOfThree(values[0], values[values.Length / 2], values[^1]);
        int lower = 0, at = 0, upper = values.Length;
        while (at < upper)
        {
            var value = values[at];
            if (value < pivot)
            {
                (values[lower], values[at]) = (values[at], values[lower]);
                lower++;
                at++;
            }
            else if (value > pivot)
            {
                upper--;
                (values[at], values[upper]) = (values[upper], values[at]);
            }
            else
            {
                at++;
            }
        }

        return (lower, upper);
    }

    private static T MedianOfThree<T>(T a, T b, T c)
        where T : struct, IComparisonOperators<T, T, bool>
    {
        if (a > b)
        {
            (a, b) = (b, a);
        }

        if (b > c)
        {
            b = c;
        }

        return a > b ? a : b;
    }
}
