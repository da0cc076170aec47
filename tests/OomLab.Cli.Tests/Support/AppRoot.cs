using System.Security.Cryptography;

namespace OomLab.Cli.Tests.Support;

/// <summary>
/// A root for a user's function app under <c>oomlab host --app</c>: its containers are the app's (uploads/, scanned/), and
/// the app is the one <c>app</c> gives (the build output itself, or a copy in the root with its own host.json).
/// </summary>
internal sealed class AppRoot : IDisposable
{
    private readonly TempRoot root = new();

    /// <param name="app">Given the root's path, the app folder to run.</param>
    public AppRoot(Func<string, string> app) => App = app(root.Path);

    public string Path => root.Path;

    public string App { get; }

    public string TelemetryDb => root.TelemetryDb;

    public string QueueDb => root.QueueDb;

    public string Scanned(string name) => System.IO.Path.Combine(root.Path, "scanned", name);

    /// <summary>Writes a blob into uploads/ (temp file, then rename) and returns the SHA-256 of its content, lower-case hex.</summary>
    public string Upload(string name, long size, int seed)
    {
        var target = System.IO.Path.Combine(root.Path, "uploads", name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        using (var file = File.Create(target + ".tmp"))
        {
            TempRoot.WriteContent(file, size, seed);
        }

        File.Move(target + ".tmp", target);
        using var read = File.OpenRead(target);
        return Convert.ToHexStringLower(SHA256.HashData(read));
    }

    /// <summary>Runs <c>oomlab host</c> over the root with the app's <paramref name="function"/> under a plan (EP1) or a ceiling (256MiB) until idle.</summary>
    public Task<CliResult> HostAsync(string function, string ceilingOrPlan, string[] extra, TimeSpan timeout) =>
        OomLabCli.RunAsync(
            ["host", "--root", Path, "--app", App, "--function", function,
                .. ceilingOrPlan.EndsWith("iB", StringComparison.Ordinal) ? ["--ceiling", ceilingOrPlan] : (string[])["--plan", ceilingOrPlan],
                "--until-idle", "2s", .. extra],
            timeout: timeout);

    /// <summary>Every blob ended with its right output or in poison with a reason, nothing queued or leased; outputs + poison = inputs.</summary>
    public void AssertNothingLost(IReadOnlyDictionary<string, string> blobs)
    {
        using var queue = new TelemetryDb(QueueDb);
        var poisoned = queue.Strings("SELECT blob_name FROM messages WHERE state = 3").ToHashSet(StringComparer.Ordinal);
        queue.Count("SELECT count(*) FROM messages WHERE state = 3 AND (reason IS NULL OR reason = '')").ShouldBe(0);
        foreach (var (name, sha) in blobs.Where(b => !poisoned.Contains(b.Key)))
        {
            File.ReadAllText(Scanned($"{name}.sha256")).ShouldBe(sha, name);
        }

        queue.Count("SELECT count(*) FROM messages WHERE state IN (0, 1)").ShouldBe(0);
        (queue.Count("SELECT count(*) FROM receipts") + poisoned.Count).ShouldBe(blobs.Count);
    }

    public void Dispose() => root.Dispose();
}
