using System.Diagnostics;
using System.Globalization;
using OomLab.Hosting.Admission;
using OomLab.Queue;
using OomLab.Storage;
using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Hosting;

/// <remarks>
/// Memory-aware admission (<see cref="FunctionHostOptions.Admission"/>): dispatch asks <see cref="Admit"/> before it starts an
/// invocation; off, every leased input starts as the Functions host starts it.
/// </remarks>
internal sealed partial class FunctionHost
{
    /// <summary>How often admitted inputs are counted into one <c>customMetrics</c> row: a row per input would add a third to
    /// the telemetry of a function of small inputs.</summary>
    private static readonly TimeSpan AdmittedInterval = TimeSpan.FromSeconds(1);

    private AdmissionGate? admission;
    private LeasedMessage? lastDeferred;
    private long admittedPending;
    private long admittedFlushedAt = Stopwatch.GetTimestamp();

    private void StartAdmission(WorkerPool pool)
    {
        if (options.Admission.Mode == AdmissionMode.Off)
        {
            return;
        }

        var budget = Math.Max(1, options.Ceiling.Bytes - pool.IdlePrivateBytes);
        var gate = new AdmissionGate(options.Admission, budget);
        admission = gate;
        pool.SampleObserver = total => gate.Observe(total - pool.IdlePrivateBytes);
        Trace(AdmissionTraces.Enabled(options.Admission, budget), SeverityLevel.Information);
    }

    /// <summary>
    /// Whether <paramref name="lease"/> may start now: admitted (with its <paramref name="ticket"/> when admission is on),
    /// deferred (it stays leased and is asked again when an invocation ends) or rejected (poisoned here with the reason).
    /// </summary>
    private AdmissionVerdict Admit(LeasedMessage lease, IWorkQueue queue, out AdmissionTicket? ticket)
    {
        ticket = null;
        if (admission is not { } gate)
        {
            return AdmissionVerdict.Admitted;
        }

        var decision = gate.Decide(lease.Length);
        switch (decision.Verdict)
        {
            case AdmissionVerdict.Admitted:
                ticket = decision.Ticket;
                Interlocked.Increment(ref admittedPending);
                FlushAdmitted(force: false);
                break;
            case AdmissionVerdict.Deferred when !ReferenceEquals(lastDeferred, lease):
                lastDeferred = lease;
                EmitAdmissionMetric(AdmissionTraces.DeferredMetric, 1, lease);
                LogHost(AdmissionTraces.Deferred(lease.Name.Value, decision.PredictedBytes, decision.RunningPredictedBytes, decision.AllowedBytes), SeverityLevel.Verbose, string.Empty);
                break;
            case AdmissionVerdict.Rejected:
                var reason = AdmissionTraces.Rejected(lease.Name.Value, lease.Length, decision.PredictedBytes, decision.AllowedBytes);
                queue.Poison(lease, reason);
                Counters.AddPoisoned();
                LogHost(reason, SeverityLevel.Warning, string.Empty);
                break;
        }

        return decision.Verdict;
    }

    private void ReleaseAdmission(AdmissionTicket? ticket, LeasedMessage lease, bool succeeded)
    {
        if (ticket is null || admission is not { } gate)
        {
            return;
        }

        var idle = gate.Release(ticket, succeeded);
        EmitAdmissionMetric(AdmissionTraces.MeasuredPeakMetric, ticket.MeasuredPeakBytes, lease, ticket.PredictedBytes);
        FlushAdmitted(force: idle);
    }

    /// <summary>Counts the inputs admitted since the last row into one, at most once a <see cref="AdmittedInterval"/> unless <paramref name="force"/>d.</summary>
    private void FlushAdmitted(bool force)
    {
        var last = Interlocked.Read(ref admittedFlushedAt);
        if (!force && Stopwatch.GetElapsedTime(last) < AdmittedInterval)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref admittedFlushedAt, Stopwatch.GetTimestamp(), last) != last)
        {
            return;
        }

        var count = Interlocked.Exchange(ref admittedPending, 0);
        if (count > 0)
        {
            Recorder.Emit(new MetricTelemetry(time.GetUtcNow(), AdmissionTraces.AdmittedMetric, count, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["FunctionName"] = options.FunctionName,
            }));
        }
    }

    private void EmitAdmissionMetric(string name, double value, LeasedMessage lease, long? predictedBytes = null)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FunctionName"] = options.FunctionName,
            ["BlobName"] = lease.Name.Value,
            ["ContentLengthBytes"] = lease.Length.ToString(CultureInfo.InvariantCulture),
        };
        if (predictedBytes is { } predicted)
        {
            properties["PredictedPeakBytes"] = predicted.ToString(CultureInfo.InvariantCulture);
        }

        Recorder.Emit(new MetricTelemetry(time.GetUtcNow(), name, value, properties));
    }
}
