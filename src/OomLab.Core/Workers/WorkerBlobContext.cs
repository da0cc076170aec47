using OomLab.Sdk;
using OomLab.Workers.Protocol;

namespace OomLab.Workers;

/// <summary>
/// A worker's view of one invocation: the input file, the staging output folder the host chose, and a
/// logger that forwards to the host. Tracks every stream it hands out so that <see cref="CompleteAsync"/>
/// can close them (recording the read, closing the outputs) before the invocation is reported done.
/// </summary>
internal sealed class WorkerBlobContext(InvokeMessage invoke, Action<WorkerMessage> send) : BlobContext
{
    /// <summary>The dependency type Application Insights gives blob storage calls.</summary>
    public const string BlobDependencyType = "Azure blob";

    private readonly Lock gate = new();
    private readonly List<Stream> streams = [];
    private readonly List<string> outputs = [];

    public override string BlobName => invoke.BlobName;

    public override long Length => invoke.Length;

    public override string InvocationId => invoke.InvocationId;

    public override IFunctionLogger Logger { get; } = new WorkerFunctionLogger(invoke.InvocationId, send);

    private string Container => invoke.Container.Length == 0 ? "oomlab" : invoke.Container;

    public override Stream OpenRead()
    {
        var file = InputFile.OpenRead(invoke.InputPath, bufferSize: 4096);
        Stream stream = invoke.TrackBlobRead ? new DependencyRecordingStream(file, ReportRead) : file;
        Track(stream);
        return stream;
    }

    public override Stream CreateOutput(string name)
    {
        if (!OutputName.IsValid(name))
        {
            throw new ArgumentException(WorkerErrors.InvalidOutputName(name), nameof(name));
        }

        var path = Path.Combine(invoke.OutputDir, name);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            // The host made the staging folder itself; only an output in a subfolder needs one more.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        var stream = new StagedOutputStream(path);
        lock (gate)
        {
            outputs.Remove(name);
            outputs.Add(name);
        }

        Track(stream);
        return stream;
    }

    public override string? GetSetting(string name) => Environment.GetEnvironmentVariable(name);

    public override void TrackDependency(DependencyCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        send(new DependencyMessage(
            invoke.InvocationId, call.Type, call.Target, call.Name, call.Duration.Ticks, call.Success, call.ResultCode,
            call.Properties is null ? null : new Dictionary<string, string>(call.Properties)));
    }

    /// <summary>Closes every stream the function left open and returns the outputs' relative names, in creation order.</summary>
    public async Task<IReadOnlyList<string>> CompleteAsync()
    {
        Stream[] open;
        lock (gate)
        {
            open = [.. streams];
            streams.Clear();
        }

        foreach (var stream in open)
        {
            await stream.DisposeAsync();
        }

        lock (gate)
        {
            return [.. outputs];
        }
    }

    private void Track(Stream stream)
    {
        lock (gate)
        {
            streams.Add(stream);
        }
    }

    private void ReportRead(TimeSpan duration, bool success) =>
        send(new DependencyMessage(
            invoke.InvocationId, BlobDependencyType, Container, $"GET {invoke.BlobName}", duration.Ticks, success,
            success ? "200" : "500",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["ContentLengthBytes"] = invoke.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
}
