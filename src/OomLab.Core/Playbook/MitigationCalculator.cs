using System.Globalization;
using System.Text.RegularExpressions;
using OomLab.Capacity;
using OomLab.Memory;

namespace OomLab.Playbook;

/// <summary>
/// Turns the measured signals into mitigation numbers.
/// <para>Per-invocation memory is the larger of two estimates, so that the advice errs on the safe side:
/// (a) from memory: (peak instance memory − idle memory) ÷ invocations in flight at the peak (the most in
/// flight on a killed worker, else the configured <c>MAX_CONCURRENT_INVOCATIONS</c>); (b) from payloads:
/// the largest blob or request body of a crashed invocation (a buffered payload takes at least its size).</para>
/// <para>Safe concurrency = ⌊(target × ceiling − idle) ÷ per-invocation⌋ with target 75 % (the first
/// prevention alert); 0 means even one invocation does not fit: stream, guard or scale. The concurrency becomes
/// settings as <c>oomlab tune</c>'s does (<see cref="ConcurrencySettings"/>).</para>
/// </summary>
internal static partial class MitigationCalculator
{
    /// <summary>The share of the ceiling the advice aims to stay under: the seed's first alert band.</summary>
    public const double TargetFraction = 0.75;

    /// <summary>
    /// What a payload read whole costs in memory, as a multiple of its size: a MemoryStream doubles its capacity as it
    /// grows (the old and the new array are both live during the copy), and ToArray copies it once more.
    /// </summary>
    public const int BufferingAmplification = 3;

    private const long MiB = 1024 * 1024;

    public static MitigationPlan Compute(long ceilingBytes, string ceiling, Func<string, double?> signal, long? configuredConcurrency, bool scaleNeeded)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var idle = ToLong(signal("idleInstanceBytes")) ?? 0;
        var peak = ToLong(signal("peakInstanceBytes"));
        var inFlight = ToLong(signal("inFlightAtKill")) is > 0 and var k ? k : configuredConcurrency is > 0 ? configuredConcurrency : null;
        var payload = Math.Max(ToLong(signal("maxBlobBytesOnCrashOps")) ?? 0, ToLong(signal("maxRequestBodyBytesOnCrashOps")) ?? 0);

        long? fromMemory = peak is { } p && inFlight is { } n && p > idle ? (p - idle) / n : null;
        long? fromPayload = payload > 0 ? payload * BufferingAmplification : null;
        var perInvocation = (fromMemory, fromPayload) switch
        {
            ({ } m, { } b) => Math.Max(m, b),
            ({ } m, null) => m,
            (null, { } b) => b,
            _ => (long?)null,
        };
        var estimator = (fromMemory, fromPayload) switch
        {
            ({ } m, { } b) => $"max of (peak {Mib(peak!.Value)} − idle {Mib(idle)}) ÷ {inFlight} in flight = {Mib(m)}, and {BufferingAmplification} × the largest payload of a crashed invocation = {Mib(b)}",
            ({ } m, null) => $"(peak {Mib(peak!.Value)} − idle {Mib(idle)}) ÷ {inFlight} in flight = {Mib(m)}",
            (null, { } b) => $"{BufferingAmplification} × the largest payload of a crashed invocation = {Mib(b)} (no in-flight count to divide the peak by)",
            _ => "no estimate: the telemetry has no memory peak with an in-flight count and no payload sizes on crashed invocations",
        };

        var budget = (long)(TargetFraction * ceilingBytes) - idle;
        int? safe = perInvocation is { } per && per > 0 ? ConcurrencySettings.SafeConcurrency(budget, per) : null;
        var split = new ConcurrencySettings(Math.Max(1, safe ?? 1));
        long? guard = budget > 0 ? RoundDown(budget / split.Concurrency) : null;
        var scalePlan = ScalePlan(ceilingBytes, ceiling, Math.Max(peak ?? 0, scaleNeeded ? ceilingBytes : 0));

        var settings = new Dictionary<string, string>(split.AppSettings(), StringComparer.Ordinal);
        if (guard is { } g)
        {
            settings["PAYLOAD_GUARD_MAX_BYTES"] = Text(g);
        }

        return new MitigationPlan(
            ceilingBytes, ceiling, TargetFraction, idle, perInvocation, estimator, safe, split.BatchSize, split.NewBatchThreshold, guard, scalePlan,
            split.HostJson(), settings, Alerts(ceilingBytes, ceiling));
    }

    /// <summary>The smallest Premium plan (scaled like the ceiling, e.g. EP2/16 in the lab) with room for the peak under 75 %.</summary>
    public static string ScalePlan(long ceilingBytes, string ceiling, long neededPeak)
    {
        var divisor = 1L;
        var match = ScaledPlan().Match(ceiling);
        if (match.Success && Plan.TryParse(match.Groups[1].Value, out _))
        {
            divisor = long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        }

        var needed = (long)(neededPeak / TargetFraction);
        Plan[] ladder = [Plan.Consumption, Plan.EP1, Plan.EP2, Plan.EP3];
        foreach (var plan in ladder)
        {
            var bytes = plan.Bytes / divisor;
            if (bytes > ceilingBytes && bytes >= needed)
            {
                var name = divisor == 1 ? plan.Name : $"{plan.Name}/{divisor}";
                return $"{name} ({Mib(bytes)})";
            }
        }

        return $"none: EP3 ({Mib(Plan.EP3.Bytes / divisor)}) is the largest Premium plan; fix the memory behaviour first";
    }

    private static List<AlertQuery> Alerts(long ceilingBytes, string ceiling) =>
        [.. new[] { 75, 85, 95 }.Select(percent =>
        {
            var threshold = ceilingBytes * percent / 100;
            var query = $"""
                // Memory above {percent} % of the ceiling ({ceiling} = {ceilingBytes} bytes)
                AppMetrics
                | where TimeGenerated > ago(5m)
                | where Name in ("PrivateBytes", "WorkingSet")
                | summarize peak = max(Value) by Name, cloud_RoleInstance, bin(TimeGenerated, 1m)
                | where peak >= {threshold}
                """;
            return new AlertQuery(percent, threshold, query);
        })];

    private static long RoundDown(long bytes) => bytes >= MiB ? bytes / MiB * MiB : bytes;

    private static long? ToLong(double? value) => value is { } v ? (long)v : null;

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Mib(long bytes) => MemoryText.Format(bytes);

    [GeneratedRegex(@"^\s*([A-Za-z]+\d*)\s*/\s*(\d+)")]
    private static partial Regex ScaledPlan();
}
