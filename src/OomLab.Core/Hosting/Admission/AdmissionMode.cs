namespace OomLab.Hosting.Admission;

/// <summary>How the host decides to start an invocation.</summary>
internal enum AdmissionMode
{
    /// <summary>As the Functions host: only the batch and concurrency settings limit what starts (default).</summary>
    Off,

    /// <summary>Start an invocation only while the predicted memory of the running ones stays under the high watermark.</summary>
    Predictive,
}
