using OomLab.Sdk;

namespace OomLab.Functions.Tests.Support;

/// <summary>A <see cref="BlobContext"/> over real files: the input blob and an output folder.</summary>
internal sealed class FileBlobContext(string inputPath, string outputDirectory, string? blobName = null) : BlobContext
{
    public override string BlobName { get; } = blobName ?? Path.GetFileName(inputPath);

    public override long Length => new FileInfo(inputPath).Length;

    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

    public override IFunctionLogger Logger { get; } = new ListLogger();

    public List<DependencyCall> Dependencies { get; } = [];

    public override Stream OpenRead() => File.OpenRead(inputPath);

    public override Stream CreateOutput(string name)
    {
        var path = Path.Combine(outputDirectory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return File.Create(path);
    }

    public override string? GetSetting(string name) => null;

    public override void TrackDependency(DependencyCall call) => Dependencies.Add(call);

    private sealed class ListLogger : IFunctionLogger
    {
        public void Log(LogLevel level, string message)
        {
        }
    }
}
