using OomLab.Workers.Rpc;

namespace OomLab.Lab;

/// <summary>
/// The seed's own Python apps, shipped in <c>python/seed/</c> next to oomlab: <c>oom-buffering-app</c> (reads each
/// blob whole) and <c>oom-streaming-app</c> (binds the blob as an SDK-type client and reads 4 MiB ranges), each with
/// one function, <c>BlobBufferProcessor</c>, as the seed's logs name it in both.
/// </summary>
internal static class SeedApps
{
    /// <summary>The folder that holds them.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "python", "seed");

    /// <summary>
    /// The seed lab's apps for <paramref name="variant"/>: the buffering app (or, for the control run, the streaming
    /// app) first, the streaming app for the remediation.
    /// </summary>
    /// <exception cref="FunctionAppException">An app is not shipped or cannot be indexed.</exception>
    public static LabApp For(LabVariant variant)
    {
        var streaming = FunctionApp.Load(Path.Combine(Directory, "oom-streaming-app"));
        var first = variant == LabVariant.Buffer ? FunctionApp.Load(Path.Combine(Directory, "oom-buffering-app")) : streaming;
        return new LabApp(first, first.Select(null), streaming.Select(null)) { FixedApp = streaming };
    }
}
