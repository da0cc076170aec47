using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

internal static partial class AggregateFunctions
{
    /// <summary>
    /// Exact nearest-rank percentile: the value at rank ceil(p/100 × n) of the sorted non-null values
    /// (rank 1 for p = 0). Kusto estimates the same rank with T-Digest; exact ranks reproduce its outputs.
    /// </summary>
    private static Column Percentile(Column[] a, int[] groups, int n, EvalContext context)
    {
        // An empty input has no rows to read the (constant) percentage from; its result is null either way.
        var p = a[1].Length > 0 ? a[1].Get(0).AsReal() ?? 50 : 50;
        if (p < 0 || p > 100 || double.IsNaN(p))
        {
            throw new ArgumentException($"percentile must be between 0 and 100, got {p}");
        }

        var values = a[0];
        var isLong = values is Int64Column;
        var longs = (values as Int64Column)?.Values;
        var reals = isLong ? null : Kernels.ToReals(values, groups.Length);

        // Counting sort of row values by group, then select the rank in each group's segment.
        var valueNulls = Kernels.NullsOf(values);
        var counts = new int[n + 1];
        for (var i = 0; i < groups.Length; i++)
        {
            if ((valueNulls is null || !valueNulls[i]) && (isLong || !double.IsNaN(reals![i])))
            {
                counts[groups[i] + 1]++;
            }
        }

        for (var g = 0; g < n; g++)
        {
            counts[g + 1] += counts[g];
        }

        var total = counts[n];
        var offsets = (int[])counts.Clone();
        var byGroupLongs = isLong ? new long[total] : null;
        var byGroupReals = isLong ? null : new double[total];
        for (var i = 0; i < groups.Length; i++)
        {
            if ((valueNulls is not null && valueNulls[i]) || (!isLong && double.IsNaN(reals![i])))
            {
                continue;
            }

            var at = offsets[groups[i]]++;
            if (isLong)
            {
                byGroupLongs![at] = longs![i];
            }
            else
            {
                byGroupReals![at] = reals![i];
            }
        }

        var resultType = values.Type == KqlType.Int ? KqlType.Long : values.Type == KqlType.Dynamic ? KqlType.Real : values.Type;
        var selectedLongs = isLong ? new long[n] : null;
        var selectedReals = isLong ? null : new double[n];
        bool[]? nulls = null;
        for (var g = 0; g < n; g++)
        {
            if (counts[g + 1] == counts[g])
            {
                nulls ??= new bool[n];
                nulls[g] = true;
            }
        }

        // Groups are independent: many rows in a few groups (time bins) select on all cores.
        var options = new ParallelOptions { MaxDegreeOfParallelism = total < Parallelism.MinRows ? 1 : Environment.ProcessorCount };
        Parallel.For(0, n, options, g =>
        {
            var start = counts[g];
            var length = counts[g + 1] - start;
            if (length == 0)
            {
                return;
            }

            var rank = Math.Max(1, (int)Math.Ceiling(p / 100.0 * length));
            if (isLong)
            {
                selectedLongs![g] = Selection.Nth(byGroupLongs.AsSpan(start, length), rank - 1);
            }
            else
            {
                selectedReals![g] = Selection.Nth(byGroupReals.AsSpan(start, length), rank - 1);
            }
        });

        Column result = isLong ? new Int64Column(resultType, selectedLongs!, nulls) : new RealColumn(selectedReals!, nulls);
        return result;
    }
}
