namespace OomLab.Tests.Support;

/// <summary>Test data builders.</summary>
internal static class Some
{
    public const long MiB = 1024 * 1024;

    /// <summary>Writes a blob of <paramref name="size"/> seeded pseudo-random bytes (about one newline in 256).</summary>
    public static string Blob(string directory, string name, long size, int seed = 1)
    {
        var path = Path.Combine(directory, name);
        var random = new Random(seed);
        var chunk = new byte[Math.Min(size, MiB)];
        using var file = File.Create(path);
        for (long left = size; left > 0; left -= chunk.Length)
        {
            random.NextBytes(chunk);
            var count = (int)Math.Min(left, chunk.Length);
            file.Write(chunk, 0, count);
        }

        return path;
    }
}
