using OomLab.Telemetry;

namespace OomLab.Workers;

internal sealed partial class WorkerPool
{
    private async Task SuperviseAsync(WorkerSlot slot, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            WorkerProcess worker;
            try
            {
                worker = WorkerProcess.Start(options, slot.Id, OnWorkerMessage);
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                // The command itself cannot run (missing, not executable): retrying will not help.
                slot.FirstStart.TrySetResult(new WorkerStartException(WorkerErrors.WorkerNotStartable(options.Command, ex.Message), slot.Id, -1));
                SelfLog.Write(WorkerErrors.WorkerNotStartable(options.Command, ex.Message));
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
                SignalReady();
            }

            var exit = await worker.Exited;
            if (exit.Expected && cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (ready is null)
            {
                slot.FirstStart.TrySetResult(new WorkerStartException(
                    WorkerErrors.WorkerDidNotStart(slot.Id, exit.Status.ExitCode, worker.StderrTail), slot.Id, exit.Status.ExitCode));
            }

            TraceExit(exit);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
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
