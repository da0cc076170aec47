using OomLab.Blobs;
using OomLab.Queue;

namespace OomLab.Lab;

/// <summary>Deletes the input and outputs of every blob that has reached its end, about once a second, so a run's disk use stays near one burst.</summary>
internal static class BlobSweeper
{
    /// <param name="layout">The run's folder.</param>
    /// <param name="inputContainer">The container the load is written to (a user's app reads its own).</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    public static async Task RunAsync(RootLayout layout, string inputContainer, CancellationToken cancellationToken = default)
    {
        var input = new BlobContainer(layout, ContainerName.Create(inputContainer));
        var output = new BlobContainer(layout, ContainerName.Create("output"));
        var swept = new HashSet<string>(StringComparer.Ordinal);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            IReadOnlyList<string> settled;
            try
            {
                settled = BlobQueue.ReadSettledNames(layout.QueuePath);
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                continue; // The host has not created the queue yet.
            }

            foreach (var name in settled)
            {
                if (swept.Add(name) && BlobName.TryCreate(name, out var blob, out _))
                {
                    var copy = output.GetPath(blob);
                    foreach (var path in new[] { input.GetPath(blob), copy, copy + ".result.json" })
                    {
                        try
                        {
                            File.Delete(path);
                        }
                        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                        {
                        }
                    }
                }
            }
        }
    }
}
