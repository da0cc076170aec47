using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OomLab.Storage;

/// <summary>
/// Azurite, the Azure Storage emulator, as a child process on free loopback ports (it binds port 0 and reports the
/// port it got). Installed by scripts/install-test-deps.sh under tools/azurite (azurite 3.37.0, pinned by its lock file).
/// </summary>
internal sealed partial class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account and key (public, documented by Microsoft).</summary>
    public const string Account = "devstoreaccount1";

    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;
    private readonly Dictionary<string, int> ports;

    private AzuriteProcess(Process process, Dictionary<string, int> ports) => (this.process, this.ports) = (process, ports);

    public int BlobPort => ports["Blob"];

    public int QueuePort => ports["Queue"];

    public int TablePort => ports["Table"];

    /// <summary>Ends when Azurite exits on its own.</summary>
    public Task Exited => process.WaitForExitAsync();

    public string ConnectionString => string.Create(
        CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{BlobPort}/{Account};QueueEndpoint=http://127.0.0.1:{QueuePort}/{Account};TableEndpoint=http://127.0.0.1:{TablePort}/{Account};");

    /// <summary>The azurite launcher under tools/azurite, found from this program's folder upwards; null when not installed.</summary>
    public static string? FindExecutable()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "azurite", "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Starts Azurite with its data in <paramref name="location"/> and waits until all three services listen.</summary>
    public static async Task<AzuriteProcess> StartAsync(string location, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var executable = FindExecutable()
            ?? throw new OomLabException("Azurite is not installed: run scripts/install-test-deps.sh (it installs azurite 3.37.0 under tools/azurite)");
        Directory.CreateDirectory(location);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--location", location, "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new OomLabException($"could not start Azurite ({executable})");
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            while (ports.Count < 3 && await process.StandardOutput.ReadLineAsync(wait.Token) is { } line)
            {
                if (Listening().Match(line) is { Success: true } match)
                {
                    ports[match.Groups[1].Value] = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        if (ports.Count < 3)
        {
            Kill(process);
            throw new OomLabException($"Azurite ({executable}) did not start listening within {timeout.TotalSeconds:0} s; location {location}");
        }

        // Keep draining its output so that it never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        return new AzuriteProcess(process, ports);
    }

    public async ValueTask DisposeAsync()
    {
        Kill(process);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Listening();
}
