using System.Buffers;
using System.Security.Cryptography;
using OomLab.Sdk;

namespace OomLab.Functions;

/// <summary>
/// The fix: processes the blob in fixed-size pooled chunks, hashing, counting lines and copying each chunk in
/// the same pass, so memory stays flat (at most <see cref="PipelineDepth"/> chunks) whatever the blob's size.
/// A blob larger than one chunk is hashed on a thread of its own while this one reads, counts and writes.
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

    /// <summary>How many chunks a large blob's pipeline holds: 4, so reads and writes may run ahead of the hash.</summary>
    public const int PipelineDepth = 4;

    /// <inheritdoc />
    public async Task RunAsync(BlobContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        byte[] sha256;
        LineTally tally;
        await using (var input = context.OpenRead())
        await using (var copy = context.CreateOutput(context.BlobName))
        {
            (sha256, tally) = context.Length <= chunkSize
                ? CopyInline(input, copy, cancellationToken)
                : await Task.Factory.StartNew(
                    () => CopyPipelined(input, copy, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        var summary = new BlobSummary(context.BlobName, tally.Bytes, BlobSummary.CountLines(tally.Bytes, tally.Newlines, tally.EndsWithNewline), sha256);
        await using var result = context.CreateOutput(context.BlobName + BlobSummary.ResultSuffix);
        await result.WriteAsync(summary.ToJson(), cancellationToken);
        context.Logger.Log(LogLevel.Information, $"Streamed {tally.Bytes} bytes of {context.BlobName} in {chunkSize}-byte chunks");
    }

    // A blob that fits in one chunk (the common small blob): one buffer, no second thread to start.
    private (byte[] Sha256, LineTally Tally) CopyInline(Stream input, Stream copy, CancellationToken cancellationToken)
    {
        var tally = new LineTally();
        var chunk = ArrayPool<byte>.Shared.Rent(chunkSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            int read;
            while ((read = input.Read(chunk, 0, chunkSize)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hash.AppendData(chunk, 0, read);
                tally.Add(chunk.AsSpan(0, read));
                copy.Write(chunk, 0, read);
            }

            return (hash.GetHashAndReset(), tally);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    // A large blob: the hash runs on its own thread while this one reads, counts and writes the next chunks.
    private (byte[] Sha256, LineTally Tally) CopyPipelined(Stream input, Stream copy, CancellationToken cancellationToken)
    {
        var tally = new LineTally();
        var chunkLength = chunkSize;
        var hashing = new HashingThread(() => ArrayPool<byte>.Shared.Rent(chunkLength), PipelineDepth);
        try
        {
            while (true)
            {
                var chunk = hashing.Rent(cancellationToken);
                var read = input.Read(chunk, 0, chunkSize);
                if (read == 0)
                {
                    hashing.Return(chunk);
                    break;
                }

                hashing.Append(chunk, read);
                tally.Add(chunk.AsSpan(0, read));
                copy.Write(chunk, 0, read);
            }

            return (hashing.Complete(), tally);
        }
        finally
        {
            hashing.Dispose();
            foreach (var chunk in hashing.Chunks)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }
}
