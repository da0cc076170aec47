using OomLab.Sdk;

namespace OomLab.Functions.Tests.Support;

/// <summary>A <see cref="BlobContext"/> over real files: the input blob and an output folder.</summary>
internal sealed class FileBlobContext(string inputPath, string outputDirectory, string? blobName = null) : BlobContext
{
    public override string BlobName { get; } = blobName ?? Path.GetFileName(inputPath);

    public override long Length => new FileInfo(inputPath).Length;

    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

    public override IFunctionLogger Logger => logger;

    /// <summary>What the function logged, in order.</summary>
    public IReadOnlyList<string> Logs => logger.Messages;

    /// <summary>App settings the function reads; none by default.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    private readonly ListLogger logger = new();

    public List<DependencyCall> Dependencies { get; } = [];

    public override Stream OpenRead() => File.OpenRead(inputPath);

    public override Stream CreateOutput(string name)
    {
        var path = Path.Combine(outputDirectory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return File.Create(path);
    }

    public override string? GetSetting(string name) => Settings.GetValueOrDefault(name);

    public override void TrackDependency(DependencyCall call) => Dependencies.Add(call);

    private sealed class ListLogger : IFunctionLogger
    {
        public List<string> Messages { get; } = [];

        public void Log(LogLevel level, string message)
        {
            lock (Messages)
            {
                Messages.Add(message);
            }
        }
    }
}
