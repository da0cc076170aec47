namespace OomLab.Hosting.Admission;

/// <summary>
/// Starts an invocation only while the predicted peaks of the running invocations, plus its own, stay under the high
/// watermark of the budget (the ceiling less the idle workers); once it has deferred, it admits again only under the low
/// watermark. One invocation always runs (never a deadlock), and an input predicted alone to pass the whole budget is
/// rejected (on the predictor's lower estimate: poisoning must be sure). Each memory sample's rise over the idle workers is shared among the running invocations by input size;
/// an invocation's largest share is its measured peak, from which the <see cref="PeakPredictor"/> learns. Thread-safe.
/// </summary>
internal sealed class AdmissionGate
{
    private readonly Lock gate = new();
    private readonly AdmissionOptions options;
    private readonly PeakPredictor predictor;
    private readonly HashSet<AdmissionTicket> running = [];
    private long runningPredicted;
    private bool paused;

    /// <param name="options">The mode and thresholds.</param>
    /// <param name="budgetBytes">What invocations may use: the ceiling less the idle workers' memory; larger than zero.</param>
    public AdmissionGate(AdmissionOptions options, long budgetBytes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budgetBytes);
        this.options = options;
        BudgetBytes = budgetBytes;
        predictor = new PeakPredictor(options);
    }

    public long BudgetBytes { get; }

    /// <summary>How many inputs were admitted.</summary>
    public long Admitted { get; private set; }

    /// <summary>How many times an input was deferred.</summary>
    public long Deferred { get; private set; }

    /// <summary>Decides whether an input of <paramref name="length"/> bytes may start now.</summary>
    public AdmissionDecision Decide(long length)
    {
        lock (gate)
        {
            var predicted = predictor.Predict(length);
            var high = (long)(BudgetBytes * options.HighWatermark);
            // Rejected on measurements (the lower estimate, no margin), never on the prior alone: until the first measurement
            // an input runs by itself and is measured.
            var lower = predictor.Lower(length);
            if (lower > BudgetBytes)
            {
                return new AdmissionDecision(AdmissionVerdict.Rejected, lower, runningPredicted, BudgetBytes, null);
            }

            if (paused && runningPredicted <= (long)(BudgetBytes * options.LowWatermark))
            {
                paused = false;
            }

            var fits = !paused && runningPredicted + predicted <= high;
            if (running.Count > 0 && !fits)
            {
                paused = true;
                Deferred++;
                return new AdmissionDecision(AdmissionVerdict.Deferred, predicted, runningPredicted, high, null);
            }

            var ticket = new AdmissionTicket(length, predicted);
            running.Add(ticket);
            runningPredicted += predicted;
            Admitted++;
            return new AdmissionDecision(AdmissionVerdict.Admitted, predicted, runningPredicted - predicted, high, ticket);
        }
    }

    /// <summary>Shares one sample's rise over the idle workers (<paramref name="riseBytes"/>) among the running invocations by input size.</summary>
    public void Observe(long riseBytes)
    {
        lock (gate)
        {
            long total = 0;
            foreach (var ticket in running)
            {
                total += Math.Max(1, ticket.Length);
            }

            if (total == 0 || riseBytes <= 0)
            {
                return;
            }

            foreach (var ticket in running)
            {
                var share = (long)((double)riseBytes * Math.Max(1, ticket.Length) / total);
                ticket.MeasuredPeakBytes = Math.Max(ticket.MeasuredPeakBytes, share);
            }
        }
    }

    /// <summary>
    /// Ends an admitted invocation; one that <paramref name="completed"/> teaches the predictor its measured peak. Returns
    /// whether nothing runs any more.
    /// </summary>
    public bool Release(AdmissionTicket ticket, bool completed)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        lock (gate)
        {
            if (running.Remove(ticket))
            {
                runningPredicted -= ticket.PredictedBytes;
                if (completed)
                {
                    predictor.Learn(ticket.Length, ticket.MeasuredPeakBytes);
                }
            }

            return running.Count == 0;
        }
    }
}
