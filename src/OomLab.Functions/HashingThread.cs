using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OomLab.Functions;

/// <summary>
/// SHA-256 on a thread of its own, fed with pooled chunks in order: while it hashes one chunk, the caller reads,
/// counts and writes the next ones, so the hash (the slowest step) runs without pause on one core and the I/O
/// on the other. <see cref="Rent"/> hands out a chunk once it has been hashed; the caller must also be done
/// writing it by then, which holds because the caller rents its next chunk only after writing the last one.
/// Memory stays at <c>depth</c> chunks whatever the blob's size.
/// </summary>
internal sealed class HashingThread : IDisposable
{
    private readonly BlockingCollection<byte[]> free;
    private readonly BlockingCollection<(byte[] Chunk, int Length)> pending;
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Task hashing;
    private readonly List<byte[]> owned;
    private bool disposed;

    public HashingThread(Func<byte[]> rentChunk, int depth)
    {
        ArgumentNullException.ThrowIfNull(rentChunk);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        owned = [.. Enumerable.Range(0, depth).Select(_ => rentChunk())];
        free = new BlockingCollection<byte[]>(new ConcurrentQueue<byte[]>(owned), depth);
        pending = new BlockingCollection<(byte[] Chunk, int Length)>(depth);
        hashing = Task.Factory.StartNew(HashAll, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The chunks this pipeline owns, to be returned to their pool after <see cref="Dispose"/>.</summary>
    public IReadOnlyList<byte[]> Chunks => owned;

    /// <summary>A chunk that has been hashed (or never used), waiting if all are still queued for hashing.</summary>
    public byte[] Rent(CancellationToken cancellationToken) => free.Take(cancellationToken);

    /// <summary>Queues the first <paramref name="length"/> bytes of a rented chunk to be hashed, after the ones before it.</summary>
    public void Append(byte[] chunk, int length) => pending.Add((chunk, length));

    /// <summary>Gives back a rented chunk that holds nothing to hash.</summary>
    public void Return(byte[] chunk) => free.Add(chunk);

    /// <summary>Waits for every queued chunk to be hashed and returns the hash.</summary>
    public byte[] Complete()
    {
        pending.CompleteAdding();
        hashing.Wait();
        return hash.GetHashAndReset();
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        pending.CompleteAdding();
        hashing.Wait();
        hash.Dispose();
        free.Dispose();
        pending.Dispose();
    }

    private void HashAll()
    {
        foreach (var (chunk, length) in pending.GetConsumingEnumerable())
        {
            hash.AppendData(chunk, 0, length);
            free.Add(chunk);
        }
    }
}
