using System.Globalization;
using OomLab.Lab;
using OomLab.Queue;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OomLab.Cli;

/// <summary>
/// The lab's live progress: phase and time left, blobs queued/done/failed/poison, each worker's memory as a
/// bar against the ceiling with the seed's bands, and worker exits and restarts. On a terminal it redraws in
/// place; otherwise it prints a line when the phase changes.
/// </summary>
internal static class LabView
{
    private const int BarWidth = 40;
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    public static async Task RunAsync(LabRunner runner, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var run = runner.RunAsync(cancellationToken);
        if (Console.IsOutputRedirected)
        {
            string? phase = null;
            while (!run.IsCompleted)
            {
                var now = runner.Draining ? "draining" : LabPhase.At(runner.Clock.Elapsed).Name;
                if (now != phase)
                {
                    phase = now;
                    console.MarkupLine(Markup.Escape(StatusLine(runner)));
                }

                await Task.WhenAny(run, Task.Delay(Refresh, CancellationToken.None));
            }
        }
        else
        {
            await console.Live(Render(runner)).StartAsync(async context =>
            {
                while (!run.IsCompleted)
                {
                    context.UpdateTarget(Render(runner));
                    await Task.WhenAny(run, Task.Delay(Refresh, CancellationToken.None));
                }

                context.UpdateTarget(Render(runner));
            });
        }

        await run;
    }

    private static string StatusLine(LabRunner runner)
    {
        var phase = LabPhase.At(runner.Clock.Elapsed);
        var left = runner.Clock.RealSpan(LabPhase.Recovery.End - runner.Clock.Elapsed);
        var status = Status(runner);
        var monitor = runner.Monitor;
        return string.Create(CultureInfo.InvariantCulture,
            $"{runner.Clock.GetUtcNow():HH:mm:ss} {phase.Name,-9} {Math.Max(0, left.TotalSeconds),4:0}s left | written {runner.BlobsWritten} queued {status?.Queued ?? 0} done {status?.Done ?? 0} poison {status?.Poison ?? 0} | exits {monitor?.Exits ?? 0} restarts {monitor?.Restarts ?? 0} OOM {monitor?.OutOfMemory ?? 0}");
    }

    private static IRenderable Render(LabRunner runner)
    {
        var rows = new List<IRenderable>();
        var phase = LabPhase.At(runner.Clock.Elapsed);
        var t0 = runner.Clock.T0;
        var left = runner.Clock.RealSpan(phase.End - runner.Clock.Elapsed);
        var deployment = runner.CurrentDeployment;
        rows.Add(new Markup(string.Create(CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(runner.Draining ? "Recovery (draining the queue)" : phase.Name)}[/] {t0 + phase.Start:HH:mm}-{t0 + phase.End:HH:mm}   lab clock [bold]{runner.Clock.GetUtcNow():HH:mm:ss}[/]   phase ends in {Math.Max(0, left.TotalSeconds):0}s")));
        if (deployment is not null)
        {
            rows.Add(new Markup(string.Create(CultureInfo.InvariantCulture,
                $"deployed {Markup.Escape(deployment.Function)}   BLOB_BATCH_SIZE={deployment.AppSettings.GetValueOrDefault("BLOB_BATCH_SIZE")} MAX_CONCURRENT_INVOCATIONS={deployment.AppSettings.GetValueOrDefault("MAX_CONCURRENT_INVOCATIONS")}")));
        }

        var status = Status(runner);
        var monitor = runner.Monitor;
        rows.Add(new Markup(string.Create(CultureInfo.InvariantCulture,
            $"blobs written {runner.BlobsWritten}   queued {status?.Queued ?? 0}   running {status?.Leased ?? 0}   [green]done {status?.Done ?? 0}[/]   failed attempts {runner.CurrentHost?.Counters.Failed ?? 0}   [red]poison {status?.Poison ?? 0}[/]")));
        rows.Add(new Markup(string.Create(CultureInfo.InvariantCulture,
            $"worker exits [red]{monitor?.Exits ?? 0}[/]   restarts [yellow]{monitor?.Restarts ?? 0}[/]   out of memory [red]{monitor?.OutOfMemory ?? 0}[/]")));

        var ceiling = runner.CeilingBytes;
        if (monitor is not null)
        {
            foreach (var (instance, bytes) in monitor.PrivateBytes.OrderBy(p => p.Key == Workers.WorkerPool.TotalInstance ? 1 : 0).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                rows.Add(new Markup(Bar(instance == Workers.WorkerPool.TotalInstance ? "instance" : instance, bytes, ceiling)));
            }

            rows.Add(new Markup(string.Create(CultureInfo.InvariantCulture,
                $"[grey]bands: healthy <= 20 %, degraded 34-57 %, critical >= 71 % of {ceiling / 1048576.0:0} MiB; peak so far {monitor.PeakPrivateBytes / 1048576.0:0.0} MiB[/]")));
            foreach (var line in monitor.RecentEvents)
            {
                rows.Add(new Markup($"[grey]{Markup.Escape(line)}[/]"));
            }
        }

        return new Panel(new Rows(rows)) { Header = new PanelHeader("oomlab lab"), Border = BoxBorder.Rounded };
    }

    private static string Bar(string label, double bytes, long ceiling)
    {
        var fraction = ceiling > 0 ? bytes / ceiling : 0;
        var filled = (int)Math.Clamp(Math.Round(fraction * BarWidth), 0, BarWidth);
        var color = MemoryBands.Classify(fraction) switch
        {
            "critical" => "red",
            "near critical" => "darkorange",
            "degraded" => "yellow",
            "elevated" => "olive",
            _ => "green",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{Markup.Escape(label),-9} [{color}]{new string('█', filled)}[/]{new string('░', BarWidth - filled)} {bytes / 1048576.0,7:0.0} MiB {fraction,5:P0} {MemoryBands.Classify(fraction)}");
    }

    private static QueueStatus? Status(LabRunner runner)
    {
        try
        {
            return File.Exists(runner.Layout.QueuePath) ? BlobQueue.ReadStatus(runner.Layout.QueuePath, poisonLimit: 0) : null;
        }
        catch (OomLabException)
        {
            return null;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return null;
        }
    }
}
