using OomLab.Blobs;
using OomLab.Tests.Support;

namespace OomLab.Tests.Blobs;

public sealed class BlobContainerTests : IDisposable
{
    private readonly TempDirectory root = new();
    private readonly BlobContainer container;

    public BlobContainerTests() => container = new BlobContainer(new RootLayout(root.Path), ContainerName.Create("output"));

    public void Dispose() => root.Dispose();

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
