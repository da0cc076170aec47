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
    private AdmissionGate? admission;
    private LeasedMessage? lastDeferred;

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
                EmitAdmissionMetric(AdmissionTraces.AdmittedMetric, 1, lease);
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

        gate.Release(ticket, succeeded);
        EmitAdmissionMetric(AdmissionTraces.PredictedPeakMetric, ticket.PredictedBytes, lease);
        EmitAdmissionMetric(AdmissionTraces.MeasuredPeakMetric, ticket.MeasuredPeakBytes, lease);
    }

    private void EmitAdmissionMetric(string name, double value, LeasedMessage lease) =>
        Recorder.Emit(new MetricTelemetry(time.GetUtcNow(), name, value, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FunctionName"] = options.FunctionName,
            ["BlobName"] = lease.Name.Value,
            ["ContentLengthBytes"] = lease.Length.ToString(CultureInfo.InvariantCulture),
        }));
}
