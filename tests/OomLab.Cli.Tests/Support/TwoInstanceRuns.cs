namespace OomLab.Cli.Tests.Support;

/// <summary>
/// Two instances of one app, each a real <c>oomlab host --instance</c> run over its own root (in one folder,
/// <see cref="Instances"/>) with its own telemetry store, both crashing out of memory: a 48 MiB blob buffered under a
/// 96 MiB ceiling, the heap limit below it (five attempts, then poison). Instance b also completes a small blob.
/// Made once per test class (a class fixture).
/// </summary>
public sealed class TwoInstanceRuns : IAsyncLifetime
{
    private const long MiB = 1024 * 1024;
    private readonly TempDirectory directory = new();

    /// <summary>The folder holding both instances' roots, <c>a/</c> and <c>b/</c>.</summary>
    public string Instances => directory.Combine("instances");

    public string RootA => Path.Combine(Instances, "a");

    public string RootB => Path.Combine(Instances, "b");

    internal CliResult HostA { get; private set; } = new(-1, string.Empty, string.Empty);

    internal CliResult HostB { get; private set; } = new(-1, string.Empty, string.Empty);

    public async Task InitializeAsync()
    {
        Blob(RootA, "big.csv", 48 * MiB);
        Blob(RootB, "big.csv", 48 * MiB);
        Blob(RootB, "small.csv", 1024);
        HostA = await HostAsync(RootA, "instance-a");
        HostB = await HostAsync(RootB, "instance-b");
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
        return Task.CompletedTask;
    }

    private static Task<CliResult> HostAsync(string root, string instance) =>
        OomLabCli.RunAsync(
            ["host", "--root", root, "--instance", instance, "--ceiling", "96MiB", "--heap-limit", "60%", "--until-idle", "1s"],
            timeout: TimeSpan.FromMinutes(2));

    private static void Blob(string root, string name, long size)
    {
        var input = Path.Combine(root, "input");
        Directory.CreateDirectory(input);
        var target = Path.Combine(input, name);
        using (var file = File.Create(target + ".tmp"))
        {
            TempRoot.WriteContent(file, size, seed: 1);
        }

        File.Move(target + ".tmp", target);
    }
}
