using OomLab.Tests.Support;
using OomLab.Workers;

namespace OomLab.Tests.Workers;

public sealed class InputFileTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Reads_the_file_without_writing_its_access_time()
    {
        var path = root.Write("blob.txt", "line one\nline two\n");
        // An access time before the last write is what relatime updates on the next read.
        var accessed = File.GetLastWriteTimeUtc(path).AddHours(-1);
        File.SetLastAccessTimeUtc(path, accessed);

        using (var stream = InputFile.OpenRead(path, bufferSize: 4096))
        using (var reader = new StreamReader(stream))
        {
            reader.ReadToEnd().ShouldBe("line one\nline two\n");
        }

        File.GetLastAccessTimeUtc(path).ShouldBe(accessed);
    }

    [Fact]
    public void A_missing_file_is_reported_as_not_found()
    {
        Should.Throw<FileNotFoundException>(() => InputFile.OpenRead(root.Combine("missing.txt"), bufferSize: 4096));
    }
}
