using OomLab.Blobs;
using OomLab.Tests.Support;

namespace OomLab.Tests.Blobs;

public sealed class FileRenameTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Replaces_the_target_with_the_source()
    {
        var source = root.Write("staging/a.txt", "new");
        var target = root.Write("a.txt", "an older and longer content");

        FileRename.Replace(source, target);

        File.ReadAllText(target).ShouldBe("new");
        File.Exists(source).ShouldBeFalse();
    }

    [Fact]
    public void A_missing_source_is_an_io_error_naming_it()
    {
        var source = root.Combine("staging", "missing.txt");

        Should.Throw<IOException>(() => FileRename.Replace(source, root.Combine("a.txt"))).Message.ShouldContain(source);
    }
}
