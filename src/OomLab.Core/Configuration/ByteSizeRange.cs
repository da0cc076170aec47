namespace OomLab.Configuration;

/// <summary>
/// A size or a uniform range of sizes, written <c>4KiB</c> or <c>6MiB..12MiB</c>; both bounds inclusive.
/// </summary>
public readonly record struct ByteSizeRange(ByteSize Min, ByteSize Max)
{
    public bool IsSingle => Min == Max;

    public static bool TryParse(string? text, out ByteSizeRange range, out string error)
    {
        range = default;
        var value = text ?? string.Empty;
        var separator = value.IndexOf("..", StringComparison.Ordinal);
        if (separator < 0)
        {
            if (!ByteSize.TryParse(value, out var single, out error))
            {
                return false;
            }

            range = new ByteSizeRange(single, single);
            return true;
        }

        if (!ByteSize.TryParse(value[..separator], out var min, out error)
            || !ByteSize.TryParse(value[(separator + 2)..], out var max, out error))
        {
            return false;
        }

        if (min > max)
        {
            error = ByteSizeMessages.RangeReversed(value);
            return false;
        }

        range = new ByteSizeRange(min, max);
        return true;
    }

    /// <summary>Draws a size uniformly from the range.</summary>
    public ByteSize Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return IsSingle ? Min : new ByteSize(random.NextInt64(Min.Bytes, checked(Max.Bytes + 1)));
    }

    public override string ToString() => IsSingle ? Min.ToString() : $"{Min}..{Max}";
}
