using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Tests;

public sealed class SelectionTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(17, 3)]
    [InlineData(100, 1_000_000)]
    [InlineData(1_000, 5)]
    [InlineData(5_000, 1_000_000)]
    public void Nth_is_the_value_at_that_index_of_the_sorted_values(int length, int range)
    {
        var random = new Random(length + range);
        for (var round = 0; round < 20; round++)
        {
            var values = Enumerable.Range(0, length).Select(_ => (double)random.Next(range)).ToArray();
            var sorted = values.Order().ToArray();
            foreach (var k in new[] { 0, length / 20, length / 2, length * 19 / 20, length - 1 })
            {
                Selection.Nth(values.ToArray().AsSpan(), k).ShouldBe(sorted[k]);
            }
        }
    }

    [Fact]
    public void Nth_of_sorted_reversed_and_constant_values()
    {
        long[][] inputs = [[.. Enumerable.Range(0, 10_000).Select(i => (long)i)], [.. Enumerable.Range(0, 10_000).Select(i => 10_000L - i)], [.. Enumerable.Repeat(7L, 10_000)]];
        foreach (var values in inputs)
        {
            var sorted = values.Order().ToArray();
            foreach (var k in new[] { 0, 499, 5_000, 9_999 })
            {
                Selection.Nth(values.ToArray().AsSpan(), k).ShouldBe(sorted[k]);
            }
        }
    }
}
