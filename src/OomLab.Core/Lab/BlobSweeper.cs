using OomLab.Blobs;
using OomLab.Queue;

namespace OomLab.Lab;

/// <summary>Deletes the input and outputs of every blob that has reached its end, about once a second, so a run's disk use stays near one burst.</summary>
internal static class BlobSweeper
{
    public static async Task RunAsync(RootLayout layout, CancellationToken cancellationToken = default)
    {
        var input = new BlobContainer(layout, ContainerName.Create("input"));
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
