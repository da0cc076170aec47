namespace OomLab.Hosting.Admission;

/// <summary>What the gate decided for one input.</summary>
internal enum AdmissionVerdict
{
    Admitted,
    Deferred,
    Rejected,
}

/// <summary>
/// The gate's answer for one input: its verdict, the predicted peak, what the running invocations were predicted to hold
/// and the bytes allowed. An admitted input carries the <see cref="Ticket"/> to release when it ends.
/// </summary>
internal readonly record struct AdmissionDecision(
    AdmissionVerdict Verdict, long PredictedBytes, long RunningPredictedBytes, long AllowedBytes, AdmissionTicket? Ticket);
