using System.Security.Cryptography;
using OomLab.Sdk;

namespace OomLab.Functions;

/// <summary>
/// The anti-pattern from the seed: reads the whole blob into a <see cref="MemoryStream"/>, copies it to a
/// byte array, then hashes, counts and writes from that array. Memory grows with blob size times
/// concurrency: about three times the blob at the peak (the stream's last two buffers and the array).
/// Writes <c>&lt;name&gt;</c> (a copy) and <c>&lt;name&gt;.result.json</c>.
/// </summary>
[Function("BlobBufferProcessor")]
public sealed class BlobBufferProcessor : IBlobFunction
{
    /// <inheritdoc />
    public async Task RunAsync(BlobContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var memory = new MemoryStream();
        await using (var input = context.OpenRead())
        {
            await input.CopyToAsync(memory, cancellationToken);
        }

        var content = memory.ToArray();
        context.Logger.Log(LogLevel.Information, $"Buffered {content.Length} bytes of {context.BlobName} in memory");

        var newlines = content.AsSpan().Count((byte)'\n');
        var summary = new BlobSummary(
            context.BlobName,
            content.Length,
            BlobSummary.CountLines(content.Length, newlines, content.Length > 0 && content[^1] == (byte)'\n'),
            SHA256.HashData(content));

        await using (var copy = context.CreateOutput(context.BlobName))
        {
            await copy.WriteAsync(content, cancellationToken);
        }

        await using var result = context.CreateOutput(context.BlobName + BlobSummary.ResultSuffix);
        await result.WriteAsync(summary.ToJson(), cancellationToken);
    }
}
