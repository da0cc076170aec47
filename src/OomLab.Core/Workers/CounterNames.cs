namespace OomLab.Workers;

/// <summary>Names of the telemetry the workers produce, as the seed's and playbook's queries spell them.</summary>
internal static class CounterNames
{
    /// <summary><c>performanceCounters.category</c> for process memory.</summary>
    public const string Category = "Process";

    /// <summary><c>performanceCounters.counter</c>: anonymous resident memory, in bytes.</summary>
    public const string PrivateBytes = "Private Bytes";

    /// <summary><c>performanceCounters.counter</c>: resident memory, in bytes.</summary>
    public const string WorkingSet = "Working Set";

    /// <summary><c>AppMetrics.Name</c> values reported by workers.</summary>
    public const string MetricWorkingSet = "WorkingSet";

    public const string MetricPrivateBytes = "PrivateBytes";

    public const string MetricGcHeapSize = "GcHeapSize";

    public const string MetricGen2Collections = "Gen2Collections";

    public const string MetricAllocationRate = "AllocationRate";

    public const string MetricTimeInGc = "TimeInGc";
}
