using OomLab.Telemetry;

namespace OomLab.Workers;

internal sealed partial class WorkerPool
{
    private async Task SuperviseAsync(WorkerSlot slot, CancellationToken cancellationToken)
    {
        var pendingTimeoutRestart = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            WorkerProcess worker;
            try
            {
                worker = WorkerProcess.Start(options, slot.Id, OnWorkerMessage);
            }
            catch (WorkerStartException ex)
            {
                slot.FirstStart.TrySetResult(ex);
                SelfLog.Write(ex.Message);
                return;
            }

            slot.Current = worker;
            if (cancellationToken.IsCancellationRequested)
            {
                // Disposal may have looked at the slot before this worker was in it.
                worker.Abort();
            }

            var ready = await WaitReadyAsync(worker);
            if (ready is not null)
            {
                slot.IdlePrivateBytes = slot.FirstStart.Task.IsCompleted ? slot.IdlePrivateBytes : ready.PrivateBytes;
                slot.FirstStart.TrySetResult(null);
                Trace(WorkerTraces.Started, SeverityLevel.Information, worker, ("IdlePrivateBytes", ready.PrivateBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                if (pendingTimeoutRestart)
                {
                    pendingTimeoutRestart = false;
                    Trace(WorkerTraces.RestartedForTimeout, SeverityLevel.Information, worker);
                }

                SignalReady();
            }

            var exit = await worker.Exited;
            if (exit.Expected && cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (ready is null)
            {
                // A worker the pool stopped itself was killed for not being ready in time, not by a signal of its own.
                slot.FirstStart.TrySetResult(exit.Expected
                    ? new WorkerStartException(WorkerErrors.WorkerNotReadyInTime(slot.Id, options.StartTimeout, worker.StderrTail), slot.Id, -1)
                    : new WorkerStartException(WorkerErrors.WorkerDidNotStart(slot.Id, exit.Status.ExitCode, worker.StderrTail), slot.Id, exit.Status.ExitCode));
            }

            TraceExit(exit);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (exit.RestartedForTimeout)
            {
                // As the Functions host does: restarted at once, not counted as a failure.
                pendingTimeoutRestart = true;
                continue;
            }

            if (exit.Uptime >= options.HealthyPeriod)
            {
                slot.ConsecutiveFailures = 0;
            }

            slot.ConsecutiveFailures++;
            TimeSpan delay;
            // Real time, as every WorkerPoolOptions duration is: the lab clock may run many times faster.
            if (slot.Budget.RecordAndCheck(TimeProvider.System.GetUtcNow()))
            {
                Trace(WorkerTraces.GaveUp(slot.Id, slot.Budget.Count, options.FailureWindow, options.RecyclePause), SeverityLevel.Warning, worker);
                if (options.Transport.GaveUpText is { } gaveUp)
                {
                    Trace(gaveUp, SeverityLevel.Error, worker);
                }

                slot.Budget.Reset();
                slot.ConsecutiveFailures = 0;
                delay = options.RecyclePause;
            }
            else
            {
                Trace(WorkerTraces.Restarting, SeverityLevel.Warning, worker);
                delay = RestartBackoff.Delay(slot.ConsecutiveFailures, options.RestartBackoffInitial, options.RestartBackoffMax);
            }

            try
            {
                await Task.Delay(delay, TimeProvider.System, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<Protocol.ReadyMessage?> WaitReadyAsync(WorkerProcess worker)
    {
        try
        {
            return await worker.Ready.WaitAsync(options.StartTimeout);
        }
        catch (TimeoutException)
        {
            worker.Abort();
            return null;
        }
    }
}
