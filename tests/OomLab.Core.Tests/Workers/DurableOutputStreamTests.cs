using OomLab.Tests.Support;
using OomLab.Workers;

namespace OomLab.Tests.Workers;

/// <summary>
/// Whatever path the bytes take (buffered, direct from aligned blocks past the write-back window, back to
/// buffered after a seek), the file holds exactly what a memory stream given the same calls holds.
/// </summary>
public sealed class DurableOutputStreamTests : IDisposable
{
    private const int MiB = 1024 * 1024;
    private const int Window = (int)DurableOutputStream.WriteBackWindow;
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    public static TheoryData<string, int, int> SequentialWrites() => new()
    {
        { "small file, one write", 4096, 4096 },
        { "ends exactly at the window", Window, MiB },
        { "one byte past the window", Window + 1, MiB },
        { "odd chunks across the window and several blocks, unaligned tail", Window + (3 * DurableOutputStream.DirectBlockArray) + 12345, 1_000_003 },
        { "one write larger than everything", Window + (2 * DurableOutputStream.DirectBlockArray) + 7, int.MaxValue },
    };

    [Theory]
    [MemberData(nameof(SequentialWrites))]
    public async Task Sequential_writes_leave_the_same_bytes(string shape, int size, int chunk)
    {
        _ = shape;
        var content = Content(size);
        var path = dir.Combine("out.bin");
        await using (var stream = new DurableOutputStream(path))
        {
            for (var offset = 0; offset < size; offset += chunk)
            {
                var count = Math.Min(chunk, size - offset);
                if (offset % 2 == 0)
                {
                    stream.Write(content, offset, count);
                }
                else
                {
                    await stream.WriteAsync(content.AsMemory(offset, count));
                }
            }

            stream.Length.ShouldBe(size);
        }

        File.ReadAllBytes(path).ShouldBe(content);
    }

    [Fact]
    public void A_seek_back_while_writing_direct_keeps_every_byte()
    {
        var content = Content(Window + DurableOutputStream.DirectBlockArray + 5000);
        var patch = Content(3000, seed: 7);
        var expected = new MemoryStream();
        var path = dir.Combine("seek.bin");
        using (var stream = new DurableOutputStream(path))
        {
            foreach (var target in new Stream[] { stream, expected })
            {
                target.Write(content, 0, content.Length - 1000);
                target.Seek(Window + 100, SeekOrigin.Begin);
                target.Write(patch);
                target.Seek(0, SeekOrigin.End);
                target.Write(content, content.Length - 1000, 1000);
                target.SetLength(target.Length - 10);
            }
        }

        File.ReadAllBytes(path).ShouldBe(expected.ToArray());
    }

    private static byte[] Content(int size, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
