using System.Globalization;
using static OomLab.Kql.Tests.Support.QueryRunner;

namespace OomLab.Kql.Tests;

/// <summary>Property-style checks with a seeded Random: the columnar engine agrees with plain LINQ.</summary>
public sealed class InvariantTests
{
    private static (KqlTable Table, long[] X, string[] G, bool[] Nulls) RandomTable(Random random, int rows)
    {
        var x = new long[rows];
        var g = new string[rows];
        var nulls = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = random.Next(-50, 50);
            g[i] = "g" + random.Next(0, 7).ToString(CultureInfo.InvariantCulture);
            nulls[i] = random.NextDouble() < 0.1;
        }

        var table = new KqlTableBuilder("T").AddLong("x", (long[])x.Clone(), (bool[])nulls.Clone()).AddString("g", (string[])g.Clone()).Build();
        return (table, x, g, nulls);
    }

    [Fact]
    public void Filter_and_group_match_linq_for_any_data()
    {
        var random = new Random(1234);
        for (var round = 0; round < 30; round++)
        {
            var rows = random.Next(0, 400);
            var (table, x, g, nulls) = RandomTable(random, rows);
            var threshold = random.Next(-60, 60);
            var source = new InMemoryTableSource(table);

            var count = Table($"T | where x > {threshold} | count", source);
            Rows(count).ShouldBe([Enumerable.Range(0, rows).Count(i => !nulls[i] && x[i] > threshold).ToString(CultureInfo.InvariantCulture)]);

            // A group of only nulls sums to 0 (null-values.md: nulls don't factor in; summarize-operator.md: sum of no values is 0).
            var grouped = Table("T | summarize n = count(), s = sum(x), m = max(x) by g | order by g asc", source);
            var expected = Enumerable.Range(0, rows).GroupBy(i => g[i]).OrderBy(k => k.Key, StringComparer.Ordinal).Select(k =>
            {
                var values = k.Where(i => !nulls[i]).Select(i => x[i]).ToList();
                return $"{k.Key} | {k.Count()} | {values.Sum().ToString(CultureInfo.InvariantCulture)} | {(values.Count == 0 ? string.Empty : values.Max().ToString(CultureInfo.InvariantCulture))}";
            });
            Rows(grouped).ShouldBe(expected.ToArray(), $"round {round}");
        }
    }

    [Fact]
    public void Filters_and_a_summary_over_enough_rows_to_run_on_every_core_match_linq()
    {
        // 400,000 rows: above the size at which selections, gathers and percentiles split their work into ranges, with
        // nulls, strings repeated by instance and by value, and rows out of time order.
        const int rows = 400_000;
        var random = new Random(2026);
        var hour = TimeSpan.TicksPerHour;
        var ts = new long[rows];
        var duration = new long[rows];
        var durationNulls = new bool[rows];
        var role = new string[rows];
        var ok = new bool[rows];
        var okNulls = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            ts[i] = (i * 10 * hour / rows) + (random.Next(0, 3) == 0 ? random.Next(0, 60) * TimeSpan.TicksPerMinute : 0);
            duration[i] = random.Next(0, 5000) * TimeSpan.TicksPerMillisecond;
            durationNulls[i] = random.Next(0, 50) == 0;
            role[i] = random.Next(0, 10) switch { 0 => "other", 1 => new string("app".AsSpan()), _ => "app" };
            ok[i] = random.Next(0, 10) != 0;
            okNulls[i] = random.Next(0, 100) == 0;
        }

        var table = new KqlTableBuilder("T").AddDateTime("ts", (long[])ts.Clone()).AddTimeSpan("duration", (long[])duration.Clone(), (bool[])durationNulls.Clone())
            .AddString("role", (string[])role.Clone()).AddBool("ok", (bool[])ok.Clone(), (bool[])okNulls.Clone()).Build();
        var (from, to) = (hour, 8 * hour);
        var result = Table($"""
            T
            | where ts between (datetime(0001-01-01) + {from}tick .. datetime(0001-01-01) + {to}tick)
            | where role == "app"
            | where ok != false
            | summarize n = count(), p = percentile(toreal(duration / 1ms), 95), m = max(duration), late = countif(ts > datetime(0001-01-01) + {4 * hour}tick) by bin(ts, 1h)
            | order by ts asc
            | project hour = (ts - datetime(0001-01-01)) / 1h, n, p, m = m / 1ms, late
            """, new InMemoryTableSource(table));

        var kept = Enumerable.Range(0, rows).Where(i => ts[i] >= from && ts[i] <= to && role[i] == "app" && (okNulls[i] || ok[i])).ToList();
        var expected = kept.GroupBy(i => ts[i] / hour * hour).OrderBy(g => g.Key).Select(g =>
        {
            var values = g.Where(i => !durationNulls[i]).Select(i => duration[i]).Order().ToList();
            var rank = (int)Math.Ceiling(0.95 * values.Count);
            return string.Join(" | ", (g.Key / hour).ToString(CultureInfo.InvariantCulture), g.Count().ToString(CultureInfo.InvariantCulture),
                (values[rank - 1] / (double)TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture), (values[^1] / (double)TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture),
                g.Count(i => ts[i] > 4 * hour).ToString(CultureInfo.InvariantCulture));
        });
        Rows(result).ShouldBe(expected.ToArray());
    }

    [Fact]
    public void A_join_with_a_summary_by_its_key_gives_the_same_rows_whether_or_not_the_summary_is_limited_to_the_other_sides_keys()
    {
        // `| take` above the right side hides what is below it from the join, which then computes it for every key: the reference.
        var random = new Random(99);
        foreach (var kind in new[] { "inner", "innerunique", "leftouter", "leftsemi", "leftanti", "rightouter", "fullouter", "rightsemi", "rightanti" })
        {
            for (var round = 0; round < 8; round++)
            {
                var source = new InMemoryTableSource(Named("L", random, random.Next(0, 40)), Named("R", random, random.Next(0, 400)));
                foreach (var (summary, keys) in new[]
                {
                    ("summarize n = count(), p = percentile(x, 50), s = sum(x) by g", "g"),
                    ("summarize n = count() by g, x", "g, x"),
                    ("summarize n = count() by g2 = strcat(g, '')", "$left.g == $right.g2"),
                    ("where x != 3 | extend y = x * 2, g = g | summarize n = count(), s = sum(y) by g", "g"),
                    ("extend y = strcat(g, x) | where isnotempty(y)", "g"),
                    ("project x, g = strcat(g, '')", "g"),
                })
                {
                    var pushed = Table($"L | where x % 3 != 1 | join kind={kind} (R | {summary}) on {keys}", source);
                    var reference = Table($"L | where x % 3 != 1 | join kind={kind} (R | {summary} | take 1000000) on {keys}", source);
                    Rows(pushed).ShouldBe(Rows(reference), $"{kind}, {summary}, round {round}");
                }
            }
        }
    }

    private static KqlTable Named(string name, Random random, int rows)
    {
        var (_, x, g, nulls) = RandomTable(random, rows);
        return new KqlTableBuilder(name).AddLong("x", x, nulls).AddString("g", g).Build();
    }

    [Fact]
    public void Sort_is_stable_and_ordered_for_any_data()
    {
        var random = new Random(99);
        for (var round = 0; round < 20; round++)
        {
            var rows = random.Next(1, 300);
            var (table, x, g, nulls) = RandomTable(random, rows);
            var expected = Enumerable.Range(0, rows)
                .OrderBy(i => g[i], StringComparer.Ordinal)
                .Select(i => $"{g[i]} | {(nulls[i] ? string.Empty : x[i].ToString(CultureInfo.InvariantCulture))}");
            Rows(Table("T | order by g asc | project g, x", new InMemoryTableSource(table))).ShouldBe(expected.ToArray(), $"round {round}");
        }
    }

    [Fact]
    public void Several_statements_give_several_tables()
    {
        var result = Run("print a = 1; print b = 2");
        result.Tables.Select(t => t.Name).ShouldBe(["PrimaryResult", "Table_1"]);
        Rows(result.Tables[1]).ShouldBe(["2"]);
    }
}
