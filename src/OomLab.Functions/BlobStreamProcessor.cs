using System.Buffers;
using System.Security.Cryptography;
using OomLab.Sdk;

namespace OomLab.Functions;

/// <summary>
/// The fix: processes the blob in fixed-size chunks from two pooled buffers, hashing, counting lines and
/// copying each chunk in the same pass, so memory stays flat (two chunks) whatever the blob's size.
/// Writes the same <c>&lt;name&gt;</c> and <c>&lt;name&gt;.result.json</c> as <see cref="BlobBufferProcessor"/>, byte for byte.
/// </summary>
[Function("BlobStreamProcessor")]
public sealed class BlobStreamProcessor : IBlobFunction
{
    /// <summary>The default chunk size: 1 MiB.</summary>
    public const int DefaultChunkSize = 1024 * 1024;

    private readonly int chunkSize;

    /// <summary>Creates the function with 1 MiB chunks.</summary>
    public BlobStreamProcessor()
        : this(DefaultChunkSize)
    {
    }

    internal BlobStreamProcessor(int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        this.chunkSize = chunkSize;
    }

    /// <inheritdoc />
    public async Task RunAsync(BlobContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Two pooled chunks: while one is hashed and counted here, the other is being written out and
        // the next one read in, so hashing and I/O overlap instead of adding up.
        var current = ArrayPool<byte>.Shared.Rent(chunkSize);
        var next = ArrayPool<byte>.Shared.Rent(chunkSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long bytes = 0, newlines = 0;
            var endsWithNewline = false;
            await using (var input = context.OpenRead())
            await using (var copy = context.CreateOutput(context.BlobName))
            {
                var read = await input.ReadAsync(current.AsMemory(0, chunkSize), cancellationToken);
                while (read > 0)
                {
                    var write = copy.WriteAsync(current.AsMemory(0, read), cancellationToken);
                    var nextRead = input.ReadAsync(next.AsMemory(0, chunkSize), cancellationToken);
                    var chunk = current.AsSpan(0, read);
                    hash.AppendData(chunk);
                    newlines += chunk.Count((byte)'\n');
                    endsWithNewline = chunk[^1] == (byte)'\n';
                    bytes += read;
                    await write;
                    read = await nextRead;
                    (current, next) = (next, current);
                }
            }

            var summary = new BlobSummary(context.BlobName, bytes, BlobSummary.CountLines(bytes, newlines, endsWithNewline), hash.GetHashAndReset());
            await using var result = context.CreateOutput(context.BlobName + BlobSummary.ResultSuffix);
            await result.WriteAsync(summary.ToJson(), cancellationToken);
            context.Logger.Log(LogLevel.Information, $"Streamed {bytes} bytes of {context.BlobName} in {chunkSize}-byte chunks");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }
}
