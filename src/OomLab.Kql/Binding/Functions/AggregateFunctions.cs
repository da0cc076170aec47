using System.Text.Json.Nodes;
using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

/// <summary>
/// The aggregate functions. All ignore nulls except <c>count()</c>, which counts rows; a group without values gets
/// the default that summarize-operator.md gives for no rows (0 for counts, sums and spreads, [] for lists, NaN for avg, else null). Kernels loop over
/// typed arrays with one accumulator slot per group.
/// </summary>
internal static partial class AggregateFunctions
{
    private static readonly Dictionary<string, AggregateFunction> Functions = Build();

    public static IEnumerable<string> Names => Functions.Keys.Concat(["percentiles", "arg_max", "arg_min"]);

    public static AggregateFunction? Find(string name) => Functions.GetValueOrDefault(name);

    public static bool IsAggregate(string name) => Functions.ContainsKey(name) || name is "percentiles" or "arg_max" or "arg_min";

    private static Dictionary<string, AggregateFunction> Build()
    {
        var all = new List<AggregateFunction>
        {
            new("count", 0, 1, _ => KqlType.Long, Count),
            new("countif", 1, 1, t => t[0] is KqlType.Bool or KqlType.Dynamic ? KqlType.Long : null, CountIf) { NameIncludesArgument = false },
            new("sum", 1, 1, SumType, (a, g, n, _) => Sum(a[0], null, g, n)),
            new("sumif", 2, 2, t => t[1] == KqlType.Bool ? SumType(t) : null, (a, g, n, _) => Sum(a[0], (BoolColumn)a[1], g, n)),
            new("avg", 1, 1, AvgType, (a, g, n, _) => Avg(a[0], null, g, n)),
            new("avgif", 2, 2, t => t[1] == KqlType.Bool ? AvgType(t) : null, (a, g, n, _) => Avg(a[0], (BoolColumn)a[1], g, n)),
            new("min", 1, 1, t => t[0], (a, g, n, _) => Extreme(a[0], g, n, -1)),
            new("max", 1, 1, t => t[0], (a, g, n, _) => Extreme(a[0], g, n, 1)),
            new("any", 1, 1, t => t[0], Any),
            new("take_any", 1, 1, t => t[0], Any) { NamePrefix = string.Empty },
            new("dcount", 1, 2, _ => KqlType.Long, (a, g, n, _) => DCount(a[0], null, g, n)),
            new("dcountif", 2, 3, t => t[1] == KqlType.Bool ? KqlType.Long : null, (a, g, n, _) => DCount(a[0], (BoolColumn)a[1], g, n)),
            new("stdev", 1, 1, SpreadType, (a, g, n, _) => Spread(a[0], null, g, n, sample: true, root: true)),
            new("stdevif", 2, 2, t => t[1] == KqlType.Bool ? SpreadType(t) : null, (a, g, n, _) => Spread(a[0], (BoolColumn)a[1], g, n, sample: true, root: true)),
            new("stdevp", 1, 1, SpreadType, (a, g, n, _) => Spread(a[0], null, g, n, sample: false, root: true)),
            new("variance", 1, 1, SpreadType, (a, g, n, _) => Spread(a[0], null, g, n, sample: true, root: false)),
            new("varianceif", 2, 2, t => t[1] == KqlType.Bool ? SpreadType(t) : null, (a, g, n, _) => Spread(a[0], (BoolColumn)a[1], g, n, sample: true, root: false)),
            new("variancep", 1, 1, SpreadType, (a, g, n, _) => Spread(a[0], null, g, n, sample: false, root: false)),
            new("percentile", 2, 2, t => t[1].IsNumeric() && t[0] is not (KqlType.String or KqlType.Bool) ? (t[0] == KqlType.Int ? KqlType.Long : t[0] == KqlType.Dynamic ? KqlType.Real : t[0]) : null, Percentile)
            {
                ConstantArguments = [1],
                NameSuffixArguments = true,
            },
            new("make_list", 1, 2, _ => KqlType.Dynamic, (a, g, n, _) => MakeList(a[0], null, a.Length > 1 ? a[1] : null, g, n, distinct: false))
            {
                ConstantArguments = [1],
                NamePrefix = "list",
            },
            new("make_set", 1, 2, _ => KqlType.Dynamic, (a, g, n, _) => MakeList(a[0], null, a.Length > 1 ? a[1] : null, g, n, distinct: true))
            {
                ConstantArguments = [1],
                NamePrefix = "set",
            },
            new("make_list_if", 2, 3, t => t[1] == KqlType.Bool ? KqlType.Dynamic : null, (a, g, n, _) => MakeList(a[0], (BoolColumn)a[1], a.Length > 2 ? a[2] : null, g, n, distinct: false))
            {
                ConstantArguments = [2],
                NamePrefix = "list",
            },
            new("make_set_if", 2, 3, t => t[1] == KqlType.Bool ? KqlType.Dynamic : null, (a, g, n, _) => MakeList(a[0], (BoolColumn)a[1], a.Length > 2 ? a[2] : null, g, n, distinct: true))
            {
                ConstantArguments = [2],
                NamePrefix = "set",
            },
            new("covariance", 2, 2, CovarianceType, (a, g, n, _) => Covariance(a[0], a[1], null, g, n, sample: true)) { NamedArguments = 2 },
            new("covarianceif", 3, 3, t => t[2] == KqlType.Bool ? CovarianceType(t) : null, (a, g, n, _) => Covariance(a[0], a[1], (BoolColumn)a[2], g, n, sample: true)) { NamedArguments = 2 },
            new("covariancep", 2, 2, CovarianceType, (a, g, n, _) => Covariance(a[0], a[1], null, g, n, sample: false)) { NamedArguments = 2 },
            new("covariancepif", 3, 3, t => t[2] == KqlType.Bool ? CovarianceType(t) : null, (a, g, n, _) => Covariance(a[0], a[1], (BoolColumn)a[2], g, n, sample: false)) { NamedArguments = 2 },
            new("variancepif", 2, 2, t => t[1] == KqlType.Bool ? SpreadType(t) : null, (a, g, n, _) => Spread(a[0], (BoolColumn)a[1], g, n, sample: false, root: false)),
            new("stdevpif", 2, 2, t => t[1] == KqlType.Bool ? SpreadType(t) : null, (a, g, n, _) => Spread(a[0], (BoolColumn)a[1], g, n, sample: false, root: true)),
            new("make_bag", 1, 2, t => t[0] == KqlType.Dynamic ? KqlType.Dynamic : null, (a, g, n, _) => MakeBag(a[0], null, g, n)) { ConstantArguments = [1], NamePrefix = "bag" },
            new("make_bag_if", 2, 3, t => t[0] == KqlType.Dynamic && t[1] == KqlType.Bool ? KqlType.Dynamic : null, (a, g, n, _) => MakeBag(a[0], (BoolColumn)a[1], g, n)) { ConstantArguments = [2], NamePrefix = "bag" },
        };
        return all.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    private static KqlType? SumType(KqlType[] t) => t[0] switch
    {
        KqlType.Int or KqlType.Long => KqlType.Long,
        KqlType.Real or KqlType.Dynamic => KqlType.Real,
        KqlType.TimeSpan => KqlType.TimeSpan,
        _ => null,
    };

    private static KqlType? AvgType(KqlType[] t) => t[0] switch
    {
        KqlType.Int or KqlType.Long or KqlType.Real or KqlType.Dynamic => KqlType.Real,
        KqlType.TimeSpan or KqlType.DateTime => t[0],
        _ => null,
    };

    private static Column Count(Column[] a, int[] groups, int n, EvalContext context)
    {
        var counts = new long[n];
        foreach (var g in groups)
        {
            counts[g]++;
        }

        return new Int64Column(KqlType.Long, counts, null);
    }

    private static Column CountIf(Column[] a, int[] groups, int n, EvalContext context)
    {
        var counts = new long[n];
        var predicate = a[0] as BoolColumn;
        for (var i = 0; i < groups.Length; i++)
        {
            if (predicate is not null ? predicate.IsTrue(i) : SumFunctionsTruth(a[0], i))
            {
                counts[groups[i]]++;
            }
        }

        return new Int64Column(KqlType.Long, counts, null);
    }

    private static bool SumFunctionsTruth(Column column, int row) => ScalarFunctions.ToBool(column.Get(row)) is { IsNull: false, Bool: true };

    private static Column Sum(Column values, BoolColumn? predicate, int[] groups, int n)
    {
        if (values is Int64Column longs)
        {
            var sums = new long[n];
            for (var i = 0; i < groups.Length; i++)
            {
                if (!longs.IsNull(i) && (predicate is null || predicate.IsTrue(i)))
                {
                    sums[groups[i]] += longs.Values[i];
                }
            }

            return new Int64Column(longs.Type == KqlType.Int ? KqlType.Long : longs.Type, sums, null);
        }

        var reals = Kernels.ToReals(values, groups.Length);
        var totals = new double[n];
        for (var i = 0; i < groups.Length; i++)
        {
            if (!values.IsNull(i) && !double.IsNaN(reals[i]) && (predicate is null || predicate.IsTrue(i)))
            {
                totals[groups[i]] += reals[i];
            }
        }

        return new RealColumn(totals, null);
    }

    private static Column Avg(Column values, BoolColumn? predicate, int[] groups, int n)
    {
        var reals = Kernels.ToReals(values, groups.Length);
        var totals = new double[n];
        var counts = new long[n];
        for (var i = 0; i < groups.Length; i++)
        {
            if (!values.IsNull(i) && !double.IsNaN(reals[i]) && (predicate is null || predicate.IsTrue(i)))
            {
                totals[groups[i]] += reals[i];
                counts[groups[i]]++;
            }
        }

        // No values: real 0 / 0 is NaN (summarize-operator.md shows avg_x NaN over no rows); a datetime or timespan has no NaN.
        var nulls = new bool[n];
        var any = false;
        for (var g = 0; g < n; g++)
        {
            totals[g] /= counts[g];
            if (counts[g] == 0 && values.Type is KqlType.TimeSpan or KqlType.DateTime)
            {
                nulls[g] = true;
                any = true;
            }
        }

        if (values.Type is KqlType.TimeSpan or KqlType.DateTime)
        {
            return new Int64Column(values.Type, totals.Select(t => double.IsNaN(t) ? 0 : (long)Math.Round(t)).ToArray(), any ? nulls : null);
        }

        return new RealColumn(totals, null);
    }

    private static KqlType? SpreadType(KqlType[] t) => t[0].IsNumeric() || t[0] == KqlType.Dynamic ? KqlType.Real : null;

    // Two-pass over each group's values (mean, then squared deviations) for accuracy; a group of fewer than two values
    // (one for the population forms) has no spread: 0, the default over no rows (summarize-operator.md).
    private static Column Spread(Column values, BoolColumn? predicate, int[] groups, int n, bool sample, bool root)
    {
        var reals = Kernels.ToReals(values, groups.Length);
        var totals = new double[n];
        var counts = new long[n];
        for (var i = 0; i < groups.Length; i++)
        {
            if (!values.IsNull(i) && !double.IsNaN(reals[i]) && (predicate is null || predicate.IsTrue(i)))
            {
                totals[groups[i]] += reals[i];
                counts[groups[i]]++;
            }
        }

        var squares = new double[n];
        for (var i = 0; i < groups.Length; i++)
        {
            if (!values.IsNull(i) && !double.IsNaN(reals[i]) && (predicate is null || predicate.IsTrue(i)))
            {
                var g = groups[i];
                var d = reals[i] - (totals[g] / counts[g]);
                squares[g] += d * d;
            }
        }

        var result = new double[n];
        for (var g = 0; g < n; g++)
        {
            var divisor = sample ? counts[g] - 1 : counts[g];
            var v = divisor > 0 ? squares[g] / divisor : 0;
            result[g] = root ? Math.Sqrt(v) : v;
        }

        return new RealColumn(result, null);
    }

    private static Column Extreme(Column values, int[] groups, int n, int sign)
    {
        if (values is Int64Column longs)
        {
            var best = new long[n];
            var seen = new bool[n];
            var source = longs.Values;
            for (var i = 0; i < groups.Length; i++)
            {
                if (longs.IsNull(i))
                {
                    continue;
                }

                var g = groups[i];
                var v = source[i];
                if (!seen[g] || (sign > 0 ? v > best[g] : v < best[g]))
                {
                    best[g] = v;
                    seen[g] = true;
                }
            }

            return new Int64Column(longs.Type, best, Unseen(seen));
        }

        if (values is RealColumn reals)
        {
            var best = new double[n];
            var seen = new bool[n];
            var source = reals.Values;
            for (var i = 0; i < groups.Length; i++)
            {
                if (reals.IsNull(i))
                {
                    continue;
                }

                var g = groups[i];
                var v = source[i];
                if (!seen[g] || (sign > 0 ? v > best[g] : v < best[g]))
                {
                    best[g] = v;
                    seen[g] = true;
                }
            }

            return new RealColumn(best, Unseen(seen));
        }

        var result = Column.Create(values.Type, n);
        var found = new KqlValue?[n];
        for (var i = 0; i < groups.Length; i++)
        {
            var v = values.Get(i);
            if (v.IsNull || (v.Type == KqlType.String && v.String.Length == 0))
            {
                continue;
            }

            var g = groups[i];
            if (found[g] is null || ValueComparer.Compare(v, found[g]!.Value) * sign > 0)
            {
                found[g] = v;
            }
        }

        for (var g = 0; g < n; g++)
        {
            result.Set(g, found[g] ?? KqlValue.Null(values.Type));
        }

        return result;
    }

    private static Column Any(Column[] a, int[] groups, int n, EvalContext context)
    {
        var rows = new int[n];
        Array.Fill(rows, -1);
        for (var i = 0; i < groups.Length; i++)
        {
            if (rows[groups[i]] < 0 && !a[0].IsNull(i))
            {
                rows[groups[i]] = i;
            }
        }

        return a[0].Gather(rows).Materialize();
    }

    private static Column DCount(Column values, BoolColumn? predicate, int[] groups, int n)
    {
        var encoder = new KeyEncoder(1);
        var codes = encoder.Encode([values], groups.Length);
        var seen = new HashSet<long>();
        var counts = new long[n];
        for (var i = 0; i < groups.Length; i++)
        {
            if (!values.IsNull(i) && (predicate is null || predicate.IsTrue(i)) && seen.Add(((long)groups[i] << 31) | (uint)codes[i]))
            {
                counts[groups[i]]++;
            }
        }

        return new Int64Column(KqlType.Long, counts, null);
    }

    private static bool[]? Unseen(bool[] seen)
    {
        bool[]? nulls = null;
        for (var g = 0; g < seen.Length; g++)
        {
            if (!seen[g])
            {
                nulls ??= new bool[seen.Length];
                nulls[g] = true;
            }
        }

        return nulls;
    }

    private static Column MakeList(Column values, BoolColumn? predicate, Column? max, int[] groups, int n, bool distinct)
    {
        var limit = max is not null && max.Length > 0 && !max.IsNull(0) ? max.Get(0).Long : 1_048_576;
        var lists = new JsonArray?[n];
        var sets = distinct ? new HashSet<string>?[n] : null;
        for (var i = 0; i < groups.Length; i++)
        {
            var v = values.Get(i);
            if (v.IsNull || (predicate is not null && !predicate.IsTrue(i)))
            {
                continue;
            }

            var g = groups[i];
            var list = lists[g] ??= [];
            if (list.Count >= limit)
            {
                continue;
            }

            // make-set-aggregation-function.md, "Set from array column": make_set of arrays is the set of their elements.
            IEnumerable<JsonNode?> nodes = sets is not null && v.Dynamic is JsonArray array ? array.Select(e => e?.DeepClone()) : [DynamicValues.From(v)];
            foreach (var node in nodes)
            {
                if (list.Count < limit && (sets is null || (sets[g] ??= new HashSet<string>(StringComparer.Ordinal)).Add(node?.ToJsonString() ?? "null")))
                {
                    list.Add(node);
                }
            }
        }

        return new DynamicColumn(lists.Select(l => (object?)(l ?? [])).ToArray());
    }

    // make-bag-aggregation-function.md: the union of the group's property bags; a key seen again keeps its first value.
    private static Column MakeBag(Column values, BoolColumn? predicate, int[] groups, int n)
    {
        var bags = new JsonObject?[n];
        for (var i = 0; i < groups.Length; i++)
        {
            if ((predicate is not null && !predicate.IsTrue(i)) || values.Get(i).Dynamic is not JsonObject bag)
            {
                continue;
            }

            var merged = bags[groups[i]] ??= [];
            foreach (var (key, value) in bag)
            {
                if (!merged.ContainsKey(key))
                {
                    merged[key] = value?.DeepClone();
                }
            }
        }

        return new DynamicColumn(bags.Select(b => (object?)(b ?? [])).ToArray());
    }

    private static KqlType? CovarianceType(KqlType[] t) => (t[0].IsNumeric() || t[0] == KqlType.Dynamic) && (t[1].IsNumeric() || t[1] == KqlType.Dynamic) ? KqlType.Real : null;

    // covariance-aggregation-function.md: the sample (n - 1) or population (n) covariance of the rows where both are not null.
    private static Column Covariance(Column xs, Column ys, BoolColumn? predicate, int[] groups, int n, bool sample)
    {
        var x = Kernels.ToReals(xs, groups.Length);
        var y = Kernels.ToReals(ys, groups.Length);
        bool Counted(int i) => !xs.IsNull(i) && !ys.IsNull(i) && (predicate is null || predicate.IsTrue(i));
        var sx = new double[n];
        var sy = new double[n];
        var counts = new long[n];
        for (var i = 0; i < groups.Length; i++)
        {
            if (Counted(i))
            {
                sx[groups[i]] += x[i];
                sy[groups[i]] += y[i];
                counts[groups[i]]++;
            }
        }

        var products = new double[n];
        for (var i = 0; i < groups.Length; i++)
        {
            if (Counted(i))
            {
                var g = groups[i];
                products[g] += (x[i] - (sx[g] / counts[g])) * (y[i] - (sy[g] / counts[g]));
            }
        }

        var result = new double[n];
        for (var g = 0; g < n; g++)
        {
            var divisor = sample ? counts[g] - 1 : counts[g];
            result[g] = divisor > 0 ? products[g] / divisor : 0;
        }

        return new RealColumn(result, null);
    }
}
