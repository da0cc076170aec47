using System.Globalization;

namespace OomLab.Configuration;

/// <summary>
/// A number of bytes, written as people write it: <c>4KiB</c>, <c>6 MiB</c>, <c>100MB</c>, <c>1.5GiB</c>, <c>512</c>.
/// Decimal units (<c>B</c>, <c>KB</c>, <c>MB</c>, <c>GB</c>, <c>TB</c>) are powers of 1000, binary units
/// (<c>KiB</c>, <c>MiB</c>, <c>GiB</c>, <c>TiB</c>) powers of 1024; units are case-insensitive and a bare
/// number is bytes. A fractional value is rounded to the nearest byte.
/// </summary>
public readonly record struct ByteSize(long Bytes) : IComparable<ByteSize>
{
    private static readonly (string Unit, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1_000L), ("MB", 1_000_000L), ("GB", 1_000_000_000L), ("TB", 1_000_000_000_000L),
        ("B", 1L),
    ];

    public static ByteSize FromKiB(long value) => new(checked(value * 1024));

    public static ByteSize FromMiB(long value) => new(checked(value * 1024 * 1024));

    /// <summary>Parses a size; throws <see cref="FormatException"/> with the reason when it is not one.</summary>
    public static ByteSize Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var size, out var error) ? size : throw new FormatException(error);
    }

    public static bool TryParse(string? text, out ByteSize size) => TryParse(text, out size, out _);

    /// <summary>Parses a size; on failure <paramref name="error"/> says why (for messages that name the setting).</summary>
    public static bool TryParse(string? text, out ByteSize size, out string error)
    {
        size = default;
        var span = (text ?? string.Empty).AsSpan().Trim();
        if (span.IsEmpty)
        {
            error = ByteSizeMessages.Empty;
            return false;
        }

        var factor = 1L;
        foreach (var (unit, unitFactor) in Units)
        {
            if (span.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                factor = unitFactor;
                span = span[..^unit.Length].TrimEnd();
                break;
            }
        }

        if (span.IsEmpty || !decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            error = ByteSizeMessages.NotASize(text!);
            return false;
        }

        var bytes = number * factor;
        if (bytes > long.MaxValue)
        {
            error = ByteSizeMessages.TooLarge(text!);
            return false;
        }

        size = new ByteSize((long)Math.Round(bytes, MidpointRounding.AwayFromZero));
        error = string.Empty;
        return true;
    }

    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    public static bool operator <(ByteSize left, ByteSize right) => left.Bytes < right.Bytes;

    public static bool operator >(ByteSize left, ByteSize right) => left.Bytes > right.Bytes;

    public static bool operator <=(ByteSize left, ByteSize right) => left.Bytes <= right.Bytes;

    public static bool operator >=(ByteSize left, ByteSize right) => left.Bytes >= right.Bytes;

    /// <summary>The largest exact binary unit: <c>4KiB</c>, <c>224MiB</c>, <c>1536B</c>… so that the text parses back to the same value.</summary>
    public override string ToString()
    {
        foreach (var (unit, factor) in new[] { ("TiB", 1L << 40), ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10) })
        {
            if (Bytes != 0 && Bytes % factor == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{Bytes / factor}{unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Bytes}B");
    }

    /// <summary>A rounded human reading (<c>40.0 MiB</c>) for output, not for parsing.</summary>
    public string ToDisplayString()
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = Bytes;
        var index = 0;
        while (Math.Abs(value) >= 1024 && index < units.Length - 1)
        {
            value /= 1024;
            index++;
        }

        return index == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[index]}");
    }
}
