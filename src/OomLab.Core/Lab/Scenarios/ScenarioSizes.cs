using OomLab.Configuration;
using OomLab.Memory;

namespace OomLab.Lab.Scenarios;

/// <summary>Sizes as fractions of a ceiling, so that a scenario keeps its shape under <c>--plan</c> or <c>--ceiling</c>.</summary>
internal readonly record struct ScenarioSizes(MemoryCeiling Ceiling)
{
    /// <summary>The ceiling the scenarios were tuned on: EP1/16, 224 MiB.</summary>
    public const long TunedCeiling = 224L * 1024 * 1024;

    /// <summary>How much larger the ceiling is than the tuned one.</summary>
    public double Factor => (double)Ceiling.Bytes / TunedCeiling;

    /// <summary>A size given in KiB at the tuned ceiling, scaled.</summary>
    public long KiB(double kib) => Math.Max(1, (long)(kib * 1024 * Factor));

    /// <summary>A size given in MiB at the tuned ceiling, scaled.</summary>
    public long MiB(double mib) => KiB(mib * 1024);

    public ByteSizeRange KiBRange(double min, double max) => new(new ByteSize(KiB(min)), new ByteSize(KiB(max)));

    public ByteSizeRange MiBRange(double min, double max) => new(new ByteSize(MiB(min)), new ByteSize(MiB(max)));

    /// <summary>An unscaled range of KiB, for inputs whose size must not grow with the ceiling.</summary>
    public static ByteSizeRange FixedKiB(double min, double max) => new(new ByteSize((long)(min * 1024)), new ByteSize((long)(max * 1024)));
}
