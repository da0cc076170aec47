namespace OomLab.Blobs;

/// <summary>
/// The folders under a root: <c>&lt;root&gt;/&lt;container&gt;/…</c> for containers and
/// <c>&lt;root&gt;/.oomlab/</c> for state (<c>queue.db</c>, <c>telemetry.db</c>).
/// </summary>
public sealed record RootLayout
{
    public RootLayout(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string StateDirectory => Path.Combine(Root, ".oomlab");

    public string QueuePath => Path.Combine(StateDirectory, "queue.db");

    public string TelemetryPath => Path.Combine(StateDirectory, "telemetry.db");

    public string ContainerPath(ContainerName container) => Path.Combine(Root, container.Value);
}
