using System.Globalization;

namespace OomLab.Memory;

/// <summary>Formats byte counts for messages: <c>224 MiB</c>, <c>1.5 GiB</c>, <c>812 KiB</c>.</summary>
internal static class MemoryText
{
    public static string Format(long bytes)
    {
        const double KiB = 1024, MiB = KiB * 1024, GiB = MiB * 1024;
        var abs = Math.Abs((double)bytes);
        return abs switch
        {
            >= GiB => string.Create(CultureInfo.InvariantCulture, $"{bytes / GiB:0.##} GiB"),
            >= MiB => string.Create(CultureInfo.InvariantCulture, $"{bytes / MiB:0.#} MiB"),
            >= KiB => string.Create(CultureInfo.InvariantCulture, $"{bytes / KiB:0.#} KiB"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        };
    }
}
