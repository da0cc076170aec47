using System.Buffers;
using System.Runtime.InteropServices;

namespace OomLab.Workers;

/// <summary>
/// A buffer whose start is aligned to <see cref="DirectIo.Alignment"/>, as direct I/O needs: a pooled array,
/// pinned while the block is in use and returned to the pool on dispose, used from its first aligned byte.
/// <see cref="Size"/> is the array's length less one alignment, so a 1 MiB array gives a 1020 KiB block.
/// </summary>
internal sealed class AlignedBlock : IDisposable
{
    private readonly byte[] array;
    private readonly int start;
    private GCHandle pin;

    public AlignedBlock(int arrayLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(arrayLength, DirectIo.Alignment);
        array = ArrayPool<byte>.Shared.Rent(arrayLength);
        pin = GCHandle.Alloc(array, GCHandleType.Pinned);
        var address = (long)pin.AddrOfPinnedObject();
        start = (int)((DirectIo.Alignment - (address % DirectIo.Alignment)) % DirectIo.Alignment);
        Size = (arrayLength - DirectIo.Alignment) / DirectIo.Alignment * DirectIo.Alignment;
    }

    public int Size { get; }

    public Span<byte> Span => array.AsSpan(start, Size);

    public Memory<byte> Memory => array.AsMemory(start, Size);

    public void Dispose()
    {
        if (pin.IsAllocated)
        {
            pin.Free();
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
