using System.Text;
using OomLab.Blobs;
using OomLab.Tests.Support;

namespace OomLab.Tests.Blobs;

public sealed class BlobContainerTests : IDisposable
{
    private readonly TempDirectory root = new();
    private readonly BlobContainer container;

    public BlobContainerTests() => container = new BlobContainer(new RootLayout(root.Path), ContainerName.Create("output"));

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Durable_write_puts_the_whole_blob_in_place_and_leaves_no_staging_file()
    {
        var name = BlobName.Create("results/2026/a.txt");

        var version = await container.WriteDurableAsync(name, Encoding.UTF8.GetBytes("hello\n"));

        File.ReadAllText(root.Combine("output", "results", "2026", "a.txt")).ShouldBe("hello\n");
        version.Length.ShouldBe(6);
        container.TryGetVersion(name).ShouldBe(version);
        Directory.GetFiles(root.Combine("output", ".staging")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Durable_write_replaces_an_existing_blob_with_a_new_version()
    {
        var name = BlobName.Create("a.txt");
        var first = await container.WriteDurableAsync(name, new byte[10]);

        var second = await container.WriteDurableAsync(name, new byte[20]);

        second.ShouldNotBe(first);
        new FileInfo(container.GetPath(name)).Length.ShouldBe(20);
    }

    [Fact]
    public async Task A_failing_writer_leaves_the_blob_untouched_and_no_staging_file()
    {
        var name = BlobName.Create("a.txt");
        await container.WriteDurableAsync(name, Encoding.UTF8.GetBytes("old"));

        await Should.ThrowAsync<InvalidOperationException>(() => container.WriteDurableAsync(name, async (stream, ct) =>
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes("partial new"), ct);
            throw new InvalidOperationException("function failed");
        }));

        File.ReadAllText(container.GetPath(name)).ShouldBe("old");
        Directory.GetFiles(root.Combine("output", ".staging")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("a.txt", true)]
    [InlineData("dir/a.txt", true)]
    [InlineData(".a.txt", false)]
    [InlineData("a.txt.tmp", false)]
    [InlineData("a.partial", false)]
    [InlineData(".staging/x", false)]
    [InlineData("dir/.hidden/a.txt", false)]
    public void Work_in_progress_files_are_never_blobs(string relative, bool isBlob) =>
        container.TryGetName(Path.Combine(container.DirectoryPath, relative), out _, out _).ShouldBe(isBlob);

    [Fact]
    public void Files_outside_the_container_have_no_name()
    {
        container.TryGetName(root.Combine("input", "a.txt"), out _, out _).ShouldBeFalse();
        container.TryGetName(root.Combine("outputx", "a.txt"), out _, out _).ShouldBeFalse();
    }
}
