using System.Collections.Concurrent;
using OomLab.Queue;
using OomLab.Telemetry;
using OomLab.Storage;

namespace OomLab.Hosting;

internal sealed partial class FunctionHost
{
    private static readonly TimeSpan LongestRenewalCheck = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> leasedUntil = new(StringComparer.Ordinal);

    /// <summary>
    /// Keeps the leases of running invocations, as the Functions queue listener does: a lease is renewed for another
    /// <see cref="FunctionHostOptions.LeaseDuration"/> once half of it has gone, so an invocation that runs longer than
    /// its lease is never leased again and run twice. Leases expire on the queue's clock (the lab's may run faster than
    /// real time), so the loop checks every quarter of the lease duration in real time, at least once a second, and
    /// asks that clock what is due.
    /// </summary>
    private async Task RenewLeasesAsync(IWorkQueue queue, CancellationToken cancellationToken)
    {
        var half = options.LeaseDuration / 2;
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Clamp(options.LeaseDuration.Ticks / 4, TimeSpan.TicksPerMillisecond, LongestRenewalCheck.Ticks)));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                RenewDue(queue, half);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void RenewDue(IWorkQueue queue, TimeSpan half)
    {
        var now = time.GetUtcNow();
        var due = running
            .Where(r => leasedUntil.GetValueOrDefault(r.Key, r.Value.LeasedUntil) - now <= half)
            .ToList();
        foreach (var id in leasedUntil.Keys.Where(id => !running.ContainsKey(id)))
        {
            leasedUntil.TryRemove(id, out _);
        }

        if (due.Count == 0)
        {
            return;
        }

        IReadOnlyList<LeasedMessage> lost;
        try
        {
            lost = queue.Renew(due.Select(r => r.Value), options.LeaseDuration);
        }
#pragma warning disable CA1031 // A renewal that fails is tried again at the next check; the lease may still be held.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SelfLog.Write(HostTraces.LeasesNotRenewed(due.Count, ex));
            return;
        }

        // At least this long: the queue counts from its own reading of the clock, taken after ours.
        var until = now + options.LeaseDuration;
        foreach (var (invocationId, lease) in due)
        {
            if (lost.Contains(lease))
            {
                SelfLog.Write(HostTraces.LeaseNotRenewed(lease.Name.Value));
                leasedUntil[invocationId] = DateTimeOffset.MaxValue;
            }
            else if (running.ContainsKey(invocationId))
            {
                leasedUntil[invocationId] = until;
            }
        }
    }
}
