using OomLab.Blobs;
using OomLab.Tests.Support;

namespace OomLab.Tests.Blobs;

public sealed class NewFileTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Creates_a_file_that_did_not_exist()
    {
        var path = root.Combine("a.txt");

        using (var handle = NewFile.Create(path))
        {
            RandomAccess.Write(handle, "hello"u8, 0);
        }

        File.ReadAllText(path).ShouldBe("hello");
    }

    [Fact]
    public void Replaces_a_longer_file_of_the_same_name_whole()
    {
        var path = root.Combine("a.txt");
        File.WriteAllText(path, "an older and much longer content");

        using (var handle = NewFile.Create(path))
        {
            RandomAccess.Write(handle, "new"u8, 0);
        }

        File.ReadAllText(path).ShouldBe("new");
    }

    [Fact]
    public void Flushing_the_file_system_of_a_folder_succeeds_and_of_a_missing_path_names_it()
    {
        FileSystemSync.Flush(root.Path);

        var missing = root.Combine("missing", "folder");
        Should.Throw<IOException>(() => FileSystemSync.Flush(missing)).Message.ShouldContain(missing);
    }
}
