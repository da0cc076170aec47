using System.Collections.Concurrent;
using System.Globalization;
using OomLab.Sdk;

namespace OomLab.Functions;

/// <summary>
/// Enriches a small order file with a denormalised customer snapshot, memoised in a static cache that is never
/// evicted. The cache key (customer and order date) is effectively unique per file, so every invocation adds an
/// entry of <c>ENRICHMENT_SNAPSHOT_BYTES</c> (default 2 MiB) that lives as long as the worker: memory climbs
/// step by step across invocations and never comes back down.
/// </summary>
[Function("EnrichOrderRecords")]
public sealed class EnrichOrderRecords : IBlobFunction
{
    /// <summary>The snapshot size when <c>ENRICHMENT_SNAPSHOT_BYTES</c> is not set: 2 MiB.</summary>
    public const int DefaultSnapshotBytes = 2 * 1024 * 1024;

    private static readonly ConcurrentDictionary<string, byte[]> Snapshots = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task RunAsync(BlobContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var records = new MemoryStream();
        await using (var input = context.OpenRead())
        {
            await input.CopyToAsync(records, cancellationToken);
        }

        var size = int.TryParse(context.GetSetting("ENRICHMENT_SNAPSHOT_BYTES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var configured) && configured > 0
            ? configured
            : DefaultSnapshotBytes;
        var key = $"customer:{context.BlobName}";
        var snapshot = Snapshots.GetOrAdd(key, _ => Denormalise(records.GetBuffer().AsSpan(0, (int)records.Length), size));
        await using var output = context.CreateOutput(context.BlobName + ".enriched");
        await output.WriteAsync(snapshot.AsMemory(0, Math.Min(snapshot.Length, 4096)), cancellationToken);
        context.Logger.Log(LogLevel.Information, string.Create(
            CultureInfo.InvariantCulture, $"Enriched {context.BlobName} with a cached snapshot of {snapshot.Length} bytes ({Snapshots.Count} snapshots cached)"));
    }

    private static byte[] Denormalise(ReadOnlySpan<byte> records, int size)
    {
        var snapshot = new byte[size];
        if (records.IsEmpty)
        {
            snapshot.AsSpan().Fill((byte)' ');
            return snapshot;
        }

        for (var offset = 0; offset < size; offset += records.Length)
        {
            records[..Math.Min(records.Length, size - offset)].CopyTo(snapshot.AsSpan(offset));
        }

        return snapshot;
    }
}
