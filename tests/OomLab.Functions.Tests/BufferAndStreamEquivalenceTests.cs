using System.Security.Cryptography;
using System.Text.Json;
using OomLab.Functions.Tests.Support;
using OomLab.Sdk;

namespace OomLab.Functions.Tests;

/// <summary>The fix must not change the result: streaming and buffering write the same bytes for any blob.</summary>
public sealed class BufferAndStreamEquivalenceTests : IDisposable
{
    private const int SmallChunk = 64;
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    public static TheoryData<int, int> EdgeSizes() => new()
    {
        { 0, SmallChunk },
        { 1, SmallChunk },
        { SmallChunk - 1, SmallChunk },
        { SmallChunk, SmallChunk },
        { SmallChunk + 1, SmallChunk },
        { (2 * SmallChunk) + 1, SmallChunk },
        { 0, BlobStreamProcessor.DefaultChunkSize },
        { 1, BlobStreamProcessor.DefaultChunkSize },
        { BlobStreamProcessor.DefaultChunkSize - 1, BlobStreamProcessor.DefaultChunkSize },
        { BlobStreamProcessor.DefaultChunkSize, BlobStreamProcessor.DefaultChunkSize },
        { BlobStreamProcessor.DefaultChunkSize + 1, BlobStreamProcessor.DefaultChunkSize },
    };

    [Theory]
    [MemberData(nameof(EdgeSizes))]
    public async Task Outputs_are_identical_at_edge_sizes(int size, int chunkSize)
    {
        await AssertIdenticalAsync(RandomBlob(size, seed: size, newlineEvery: 7), chunkSize);
    }

    [Fact]
    public async Task Outputs_are_identical_for_random_sizes_chunks_and_line_shapes()
    {
        var random = new Random(20260405);
        for (var i = 0; i < 40; i++)
        {
            var size = random.Next(0, 3 * SmallChunk * 16);
            var chunk = random.Next(1, 4 * SmallChunk);
            var newlineEvery = random.Next(1, 200);
            var endsWithNewline = random.Next(2) == 0;
            var content = RandomBlob(size, random.Next(), newlineEvery);
            if (size > 0)
            {
                content[^1] = endsWithNewline ? (byte)'\n' : (byte)'x';
            }

            await AssertIdenticalAsync(content, chunk);
        }
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a\n", 1)]
    [InlineData("a\nb", 2)]
    [InlineData("\n\n", 2)]
    [InlineData("a\r\nb\r\n", 2)]
    public async Task The_result_counts_lines_and_hashes_the_bytes(string text, int lines)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var (_, result) = await RunAsync(new BlobStreamProcessor(3), bytes, "streamed");

        using var json = JsonDocument.Parse(result);
        json.RootElement.GetProperty("name").GetString().ShouldBe("blob.txt");
        json.RootElement.GetProperty("bytes").GetInt64().ShouldBe(bytes.Length);
        json.RootElement.GetProperty("lines").GetInt64().ShouldBe(lines);
        json.RootElement.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task Nested_blob_names_keep_their_folders()
    {
        var input = dir.Combine("in.bin");
        File.WriteAllBytes(input, [1, 2, 3]);
        var output = dir.Combine("out");
        var context = new FileBlobContext(input, output, "2026/04/05/orders.csv");

        await new BlobStreamProcessor().RunAsync(context);

        File.ReadAllBytes(Path.Combine(output, "2026", "04", "05", "orders.csv")).ShouldBe(new byte[] { 1, 2, 3 });
        File.Exists(Path.Combine(output, "2026", "04", "05", "orders.csv.result.json")).ShouldBeTrue();
    }

    private async Task AssertIdenticalAsync(byte[] content, int chunkSize)
    {
        var (bufferedCopy, bufferedResult) = await RunAsync(new BlobBufferProcessor(), content, "buffered");
        var (streamedCopy, streamedResult) = await RunAsync(new BlobStreamProcessor(chunkSize), content, "streamed");

        streamedCopy.ShouldBe(content, $"copy, size {content.Length}, chunk {chunkSize}");
        bufferedCopy.ShouldBe(content, $"copy, size {content.Length}");
        streamedResult.ShouldBe(bufferedResult, $"result, size {content.Length}, chunk {chunkSize}");
    }

    private async Task<(byte[] Copy, byte[] Result)> RunAsync(IBlobFunction function, byte[] content, string run)
    {
        var input = dir.Combine($"{run}-input.bin");
        File.WriteAllBytes(input, content);
        var output = dir.Combine(run, Guid.NewGuid().ToString("N"));
        await function.RunAsync(new FileBlobContext(input, output, "blob.txt"));
        return (File.ReadAllBytes(Path.Combine(output, "blob.txt")), File.ReadAllBytes(Path.Combine(output, "blob.txt.result.json")));
    }

    private static byte[] RandomBlob(int size, int seed, int newlineEvery)
    {
        var random = new Random(seed);
        var bytes = new byte[size];
        random.NextBytes(bytes);
        for (var i = newlineEvery - 1; i < size; i += newlineEvery)
        {
            bytes[i] = (byte)'\n';
        }

        return bytes;
    }
}
