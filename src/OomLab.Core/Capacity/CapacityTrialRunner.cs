using System.Diagnostics;
using System.Globalization;
using OomLab.Blobs;
using OomLab.Configuration;
using OomLab.Hosting;
using OomLab.Telemetry;

namespace OomLab.Capacity;

/// <summary>
/// Runs the sample inputs through a real host at one concurrency: a fresh root under <paramref name="workRoot"/> whose
/// input container (the host options' <see cref="FunctionHostOptions.InputContainer"/>) holds the samples (hard links, or copies across file systems), real workers under the real ceiling,
/// memory sampled every 50 ms. A run stops once everything is settled, or at the first kill or
/// <see cref="OutOfMemoryException"/>: one is enough to say the concurrency does not fit.
/// </summary>
/// <param name="samples">The sample inputs: each file's path and its blob name.</param>
/// <param name="workRoot">Where the runs' roots go, one folder per concurrency.</param>
/// <param name="createHost">Builds the host's options for a run's root and app settings (the concurrency and batch size).</param>
/// <param name="timeProvider">Stamps the runs' telemetry.</param>
internal sealed class CapacityTrialRunner(
    IReadOnlyList<(string Path, string Name)> samples, string workRoot, Func<RootLayout, IReadOnlyDictionary<string, string>, FunctionHostOptions> createHost,
    TimeProvider timeProvider)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>The label of the runs' ceiling in the folder names, e.g. <c>EP1</c>; empty for none.</summary>
    public string Label { get; init; } = string.Empty;

    public async Task<CapacityTrial> RunAsync(int concurrency, CancellationToken cancellationToken = default)
    {
        var layout = new RootLayout(Path.Combine(workRoot, $"{Label}{(Label.Length > 0 ? "-" : string.Empty)}c{concurrency}"));
        if (Directory.Exists(layout.Root))
        {
            Directory.Delete(layout.Root, recursive: true);
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [HostSettingsLoader.MaxConcurrentInvocations] = concurrency.ToString(CultureInfo.InvariantCulture),
            [HostSettingsLoader.BlobBatchSize] = concurrency.ToString(CultureInfo.InvariantCulture),
        };
        var options = createHost(layout, settings);
        foreach (var (path, name) in samples)
        {
            var target = Path.Combine(layout.Root, options.InputContainer.Value, name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            SampleLink.LinkOrCopy(path, target);
        }

        var observed = new RunCounters();
        var host = new FunctionHost(options, new CountingSink(observed), timeProvider);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var running = host.RunAsync(stop.Token);
        long idle = -1;
        while (!running.IsCompleted)
        {
            if (idle < 0 && host.Workers is { ReadyCount: > 0 } pool)
            {
                idle = pool.IdlePrivateBytes;
            }

            if (observed.Exits137 > 0 || host.Counters.OutOfMemory > 0)
            {
                await stop.CancelAsync();
                break;
            }

            await Task.WhenAny(running, Task.Delay(Poll, cancellationToken));
        }

        try
        {
            await running;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
        }

        return new CapacityTrial(
            concurrency, samples.Count, host.Counters.Succeeded, observed.Exits137, host.Counters.OutOfMemory,
            observed.PeakPrivateBytes, Math.Max(0, idle), Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Counts what the host emits; the runs keep no telemetry.</summary>
    private sealed class CountingSink(RunCounters counters) : ITelemetrySink
    {
        public void Emit(TelemetryItem item) => counters.Observe(item);
    }
}
