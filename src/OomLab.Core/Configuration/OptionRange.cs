namespace OomLab.Configuration;

/// <summary>Range checks for the durations of the options types, so that a bad value fails where the options are built.</summary>
internal static class OptionRange
{
    /// <summary>The longest wait any option may ask for: 1 day, well inside what timers and delays accept (about 49 days).</summary>
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary><paramref name="value"/> when it lies from <paramref name="min"/> to <paramref name="max"/>; otherwise throws, naming the option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range; its message is <paramref name="range"/>.</exception>
    public static TimeSpan Check(TimeSpan value, TimeSpan min, TimeSpan max, string name, string range) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, range);

    /// <summary>Zero to <see cref="Day"/>.</summary>
    public static TimeSpan UpToADay(TimeSpan value, string name) => Check(value, TimeSpan.Zero, Day, name, "0 to 1 day");

    /// <summary>1 ms to <see cref="Day"/>.</summary>
    public static TimeSpan PositiveUpToADay(TimeSpan value, string name) =>
        Check(value, TimeSpan.FromMilliseconds(1), Day, name, "1 ms to 1 day");
}
