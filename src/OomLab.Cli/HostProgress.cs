using System.Globalization;
using OomLab.Hosting;
using Spectre.Console;

namespace OomLab.Cli;

/// <summary>A one-line progress report on standard error every second while a host runs, when it is a terminal.</summary>
internal sealed class HostProgress : IDisposable
{
    private readonly Timer? timer;

    public HostProgress(FunctionHost host, IAnsiConsole console)
    {
        if (Console.IsErrorRedirected)
        {
            return;
        }

        timer = new Timer(_ =>
        {
            var c = host.Counters;
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[grey]queued {c.Enqueued}  running {c.InFlight}  done {c.Succeeded}  failed {c.Failed} (OOM {c.OutOfMemory})  lost {c.WorkerLost}  poison {c.Poisoned}[/]"));
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public void Dispose() => timer?.Dispose();
}
