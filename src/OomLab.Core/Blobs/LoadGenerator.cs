using System.Text;

namespace OomLab.Blobs;

/// <summary>
/// Writes load into a container: each blob is text lines of 64 bytes (so line counts are meaningful), taken from one
/// pregenerated buffer at a seeded offset. In a folder it is written to a hidden temp file and renamed into place so
/// that discovery sees it complete at once; in a storage account (<see cref="ILoadTarget"/>) it is uploaded.
/// </summary>
internal sealed class LoadGenerator
{
    private const int LineLength = 64;
    private const int Lines = 16_384;
    private static readonly byte[] Text = CreateText();
    private readonly TimeProvider time;

    public LoadGenerator(TimeProvider? timeProvider = null) => time = timeProvider ?? TimeProvider.System;

    /// <summary>The length of every line, newline included.</summary>
    public static int BytesPerLine => LineLength;

    public Task<LoadResult> RunAsync(BlobContainer container, LoadPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        return RunAsync(
            (name, size, offset, ct) =>
            {
                Write(container.GetPath(name), size, offset, directories, ct);
                return ValueTask.CompletedTask;
            },
            plan,
            cancellationToken);
    }

    public Task<LoadResult> RunAsync(ILoadTarget target, LoadPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return RunAsync((name, size, offset, ct) => target.UploadAsync(name, new LoadText(Text, size, offset), ct), plan, cancellationToken);
    }

    private async Task<LoadResult> RunAsync(
        Func<BlobName, long, int, CancellationToken, ValueTask> write, LoadPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var names = Enumerable.Range(0, plan.Count).Select(i => BlobName.Create(plan.NameAt(i))).ToArray();
        var random = new Random(plan.Seed);
        var start = time.GetTimestamp();
        long bytes = 0;
        var writing = TimeSpan.Zero;
        for (var i = 0; i < names.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (plan.Rate is { } rate)
            {
                var due = TimeSpan.FromSeconds(i / rate) - time.GetElapsedTime(start);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, time, cancellationToken);
                }
            }

            var size = plan.Sizes.Sample(random).Bytes;
            var offset = random.Next(Lines) * LineLength;
            var writeStart = time.GetTimestamp();
            await write(names[i], size, offset, cancellationToken);
            writing += time.GetElapsedTime(writeStart);
            bytes += size;
        }

        return new LoadResult(names.Length, bytes, time.GetElapsedTime(start), names[0].Value, names[^1].Value) { Writing = writing };
    }

    private static void Write(string path, long size, int offset, HashSet<string> directories, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (directories.Add(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temp = Path.Combine(directory, "." + Path.GetFileName(path) + ".tmp");
        // Preallocating pays for large blobs only; for small ones it is one more system call per blob.
        var preallocate = size >= 1 << 20 ? size : 0;
        using (var handle = NewFile.Create(temp, preallocate))
        {
            long written = 0;
            while (written < size)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var chunk = (int)Math.Min(size - written, Text.Length - offset);
                RandomAccess.Write(handle, Text.AsSpan(offset, chunk), written);
                written += chunk;
                offset = 0;
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    private static byte[] CreateText()
    {
        var text = new byte[Lines * LineLength];
        const string Filler = "oomlab load line: the quick brown fox jumps over the lazy dog.";
        for (var line = 0; line < Lines; line++)
        {
            var content = $"{line:D6} {Filler}".PadRight(LineLength - 1)[..(LineLength - 1)] + "\n";
            Encoding.ASCII.GetBytes(content, text.AsSpan(line * LineLength, LineLength));
        }

        return text;
    }
}
