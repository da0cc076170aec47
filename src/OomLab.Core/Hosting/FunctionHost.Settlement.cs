using System.Runtime.CompilerServices;
using OomLab.Queue;
using OomLab.Workers;
using OomLab.Storage;

namespace OomLab.Hosting;

/// <remarks>How an invocation that did not succeed settles: a retry charged to the culprit, or back to the queue uncharged; poison at the limit.</remarks>
internal sealed partial class FunctionHost
{
    private readonly ConditionalWeakTable<WorkerExit, string> culprits = [];

    /// <summary>
    /// When a worker dies under several invocations, only one of them is charged a retry: the one with the
    /// largest blob, the likeliest cause. The others are returned to the queue uncharged, so that one
    /// oversized blob cannot poison its innocent neighbours.
    /// </summary>
    private bool IsCulprit(InvocationWorkerLost lost)
    {
        var culprit = culprits.GetValue(lost.Exit, exit => exit.InFlight
            .Select(id => (Id: id, Length: running.TryGetValue(id, out var m) ? m.Length : -1))
            .OrderByDescending(x => x.Length)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select(x => x.Id)
            .FirstOrDefault() ?? lost.InvocationId);
        return culprit == lost.InvocationId;
    }

    private static string WorkerLostReason(InvocationWorkerLost lost) =>
        lost.Exit.KilledOverCeiling
            ? $"worker {lost.WorkerId} was killed over the memory ceiling ({lost.Exit.Ceiling}) and exited with code {lost.Exit.Status.ExitCode}"
            : $"worker {lost.WorkerId} exited with code {lost.Exit.Status.ExitCode}";

    private void Settle(IWorkQueue queue, LeasedMessage lease, string reason, bool charge)
    {
        if (!charge)
        {
            queue.Abandon([lease]);
            return;
        }

        var result = queue.Fail(lease, reason, options.Settings.VisibilityTimeout);
        if (result.Outcome == FailOutcome.Poisoned)
        {
            Counters.AddPoisoned();
            LogHost(HostTraces.Poisoned(lease.Name.Value, result.DequeueCount, reason), Telemetry.SeverityLevel.Warning, string.Empty);
        }
    }

    private void TrySettle(IWorkQueue queue, LeasedMessage lease, string reason)
    {
        try
        {
            Settle(queue, lease, reason, charge: true);
        }
#pragma warning disable CA1031 // Last resort; the lease expires and the blob comes back on its own.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Telemetry.SelfLog.Write($"could not record the failure of blob {lease.Name.Value}: {ex.Message}");
        }
    }
}
