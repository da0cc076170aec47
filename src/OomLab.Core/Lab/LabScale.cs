using OomLab.Configuration;
using OomLab.Memory;

namespace OomLab.Lab;

/// <summary>
/// A lab preset: the memory ceiling, how much the lab clock is compressed, and the load of each phase.
/// Loads walk memory through the seed's bands: small blobs at baseline, moderate in load 1, large in
/// load 2, bursts of very large blobs in the incident, and the same bursts again in recovery.
/// </summary>
internal sealed record LabScale(string Name, MemoryCeiling Ceiling, double Compression, IReadOnlyList<PhaseLoad> Loads)
{
    private const long MiB = 1024 * 1024;

    /// <summary>EP1 / 16 (224 MiB), blobs of about 6 / 31 / 64+ MiB, each 15-minute phase in 20 s: about 2 minutes of load.</summary>
    public static LabScale Small { get; } = new(
        "small",
        new MemoryCeiling(Plan.EP1.Bytes / 16, CeilingSource.Plan, $"EP1/16 ({Plan.EP1.Bytes / 16 / MiB} MiB)"),
        Compression: 45,
        PhaseLoads(baseline: Range(256 * 1024, MiB), load1: Range(5 * MiB, 7 * MiB), load2: Range(26 * MiB, 32 * MiB), incident: Range(64 * MiB, 80 * MiB),
            baselineCount: 8, load1Burst: 3, load2Burst: 1, incidentBurst: 10));

    /// <summary>EP1 (3.5 GiB), blobs of about 100 / 500 / 1024+ MB, each 15-minute phase in 100 s.</summary>
    public static LabScale Full { get; } = new(
        "full",
        MemoryCeiling.FromPlan(Plan.EP1),
        Compression: 9,
        PhaseLoads(baseline: Range(4 * MiB, 16 * MiB), load1: Range(90 * MiB, 110 * MiB), load2: Range(450 * MiB, 550 * MiB), incident: Range(1024 * MiB, 1280 * MiB),
            baselineCount: 8, load1Burst: 3, load2Burst: 1, incidentBurst: 6));

    public static IReadOnlyList<LabScale> All { get; } = [Small, Full];

    public static bool TryParse(string? name, out LabScale scale)
    {
        scale = All.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return scale is not null;
    }

    /// <summary>This preset with another ceiling (<c>--plan</c> or <c>--ceiling</c>); blob sizes scale with it.</summary>
    public LabScale WithCeiling(MemoryCeiling ceiling)
    {
        var factor = (double)ceiling.Bytes / Ceiling.Bytes;
        return this with
        {
            Ceiling = ceiling,
            Loads = [.. Loads.Select(l => l with { Sizes = new ByteSizeRange(Scale(l.Sizes.Min, factor), Scale(l.Sizes.Max, factor)) })],
        };
    }

    /// <summary>
    /// This preset for the seed's Python apps. The Python worker holds a buffered blob five to seven times over (the gRPC
    /// receive, the parsed message, the bytes, the text, the records with their object headers) where the .NET one holds it
    /// about three times, so blobs of load 1 and 2 are half the size, walking memory through the same bands, and the
    /// incident's (and recovery's) are 0.55 times the size and arrive 2 a second rather than 50: one such blob fits the
    /// worker's receive but not its processing, so it fails in the worker with MemoryError, and a few at once,
    /// whose bytes the host holds too, take the instance over the ceiling (exit 137).
    /// </summary>
    public LabScale ForPython()
    {
        var loads = Loads.Select(l => l.Phase == LabPhase.Load1 || l.Phase == LabPhase.Load2 ? Resized(l, 0.5)
            : l.Phase == LabPhase.Incident || l.Phase == LabPhase.Recovery ? Resized(l, 0.55) with { Rate = 2 }
            : l).ToList();

        // The incident opens with one blob alone, the rest of its first burst 1.5 lab minutes later: a lone incident blob
        // fails its processing with MemoryError (the worker lives on), overlapping ones take the instance over the ceiling
        // (exit 137), so both of the seed's signatures appear however the machine's load spaces the arrivals.
        var first = loads.FindIndex(l => l.Phase == LabPhase.Incident);
        if (first >= 0 && loads[first].Count > 1)
        {
            var burst = loads[first];
            loads[first] = burst with { Count = 1 };
            loads.Insert(first + 1, burst with { Start = burst.Start + TimeSpan.FromMinutes(1.5), Count = burst.Count - 1 });
        }

        return this with { Loads = [.. loads] };
    }

    private static PhaseLoad Resized(PhaseLoad load, double factor) =>
        load with { Sizes = new ByteSizeRange(Scale(load.Sizes.Min, factor), Scale(load.Sizes.Max, factor)) };

    private static ByteSize Scale(ByteSize size, double factor) => new(Math.Max(1, (long)(size.Bytes * factor)));

    private static ByteSizeRange Range(long min, long max) => new(new ByteSize(min), new ByteSize(max));

    private static PhaseLoad[] PhaseLoads(
        ByteSizeRange baseline, ByteSizeRange load1, ByteSizeRange load2, ByteSizeRange incident,
        int baselineCount, int load1Burst, int load2Burst, int incidentBurst)
    {
        static TimeSpan At(double minutes) => TimeSpan.FromMinutes(minutes);

        // Rates are per real second; a burst's blobs arrive together. Memory follows how many buffering
        // invocations overlap: a trickle at baseline, bursts of moderate blobs in load 1, large
        // blobs one at a time in load 2, and bursts of very large blobs (faster than the function drains them) in the
        // incident. Recovery repeats the incident's bursts exactly.
        return
        [
            new(LabPhase.Baseline, At(0.5), baselineCount, baseline, 0.5),
            .. Bursts(LabPhase.Load1, 15.25, 1.5, load1Burst, load1),
            .. Bursts(LabPhase.Load2, 30.25, 1.5, load2Burst, load2),
            .. Bursts(LabPhase.Incident, 45.25, 3.25, incidentBurst, incident),
            .. Bursts(LabPhase.Recovery, 55.5, 3.25, incidentBurst, incident),
        ];
    }

    private static IEnumerable<PhaseLoad> Bursts(LabPhase phase, double firstMinute, double everyMinutes, int count, ByteSizeRange sizes)
    {
        for (var minute = firstMinute; minute < phase.End.TotalMinutes - 1; minute += everyMinutes)
        {
            yield return new PhaseLoad(phase, TimeSpan.FromMinutes(minute), count, sizes, 50);
        }
    }
}
