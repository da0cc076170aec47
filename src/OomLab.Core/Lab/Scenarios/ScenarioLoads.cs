using OomLab.Configuration;

namespace OomLab.Lab.Scenarios;

/// <summary>Shorthands for scenario timelines: phases and load bursts given in lab minutes.</summary>
internal static class ScenarioLoads
{
    public static TimeSpan At(double minutes) => TimeSpan.FromMinutes(minutes);

    public static LabPhase Phase(string name, double startMinute, double endMinute) => new(name, At(startMinute), At(endMinute));

    /// <summary>A steady trickle: <paramref name="count"/> blobs from <paramref name="startMinute"/>, <paramref name="rate"/> per real second.</summary>
    public static PhaseLoad Trickle(LabPhase phase, double startMinute, int count, ByteSizeRange sizes, double rate) =>
        new(phase, At(startMinute), count, sizes, rate);

    /// <summary>Bursts of <paramref name="count"/> blobs every <paramref name="everyMinutes"/> from <paramref name="firstMinute"/> until a minute before the phase ends.</summary>
    public static IEnumerable<PhaseLoad> Bursts(LabPhase phase, double firstMinute, double everyMinutes, int count, ByteSizeRange sizes, double rate = 50)
    {
        for (var minute = firstMinute; minute < phase.End.TotalMinutes - 1; minute += everyMinutes)
        {
            yield return new PhaseLoad(phase, At(minute), count, sizes, rate);
        }
    }

    /// <summary>Bursts of HTTP requests, as <see cref="Bursts"/>.</summary>
    public static IEnumerable<HttpLoad> HttpBursts(LabPhase phase, double firstMinute, double everyMinutes, int count, ByteSizeRange sizes, double rate = 20)
    {
        for (var minute = firstMinute; minute < phase.End.TotalMinutes - 1; minute += everyMinutes)
        {
            yield return new HttpLoad(phase, At(minute), count, sizes, rate);
        }
    }
}
