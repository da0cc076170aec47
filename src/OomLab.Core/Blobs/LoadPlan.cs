using OomLab.Configuration;

namespace OomLab.Blobs;

/// <summary>What <see cref="LoadGenerator"/> writes. Immutable; the constructor validates.</summary>
internal sealed class LoadPlan
{
    /// <param name="count">Blobs to write, at least 1.</param>
    /// <param name="sizes">Each blob's size, drawn uniformly from the range with <paramref name="seed"/>.</param>
    /// <param name="rate">Blobs per second at most; null (default) for as fast as possible.</param>
    /// <param name="seed">Makes sizes and contents repeatable; default 1.</param>
    /// <param name="prefix">Put before each name (<c>phase-1/</c>); default none. Names are <c>&lt;prefix&gt;blob-000001.txt</c>.</param>
    public LoadPlan(int count, ByteSizeRange sizes, double? rate = null, int seed = 1, string prefix = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(sizes.Min.Bytes, nameof(sizes));
        if (rate is { } r && !(r > 0 && double.IsFinite(r)))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "must be a positive number");
        }

        ArgumentNullException.ThrowIfNull(prefix);
        Count = count;
        Sizes = sizes;
        Rate = rate;
        Seed = seed;
        Prefix = prefix;
    }

    public int Count { get; }

    public ByteSizeRange Sizes { get; }

    public double? Rate { get; }

    public int Seed { get; }

    public string Prefix { get; }

    /// <summary>The name of the blob at <paramref name="index"/> (0-based); numbered from 1 in the name.</summary>
    public string NameAt(int index) => $"{Prefix}blob-{index + 1:D6}.txt";
}
