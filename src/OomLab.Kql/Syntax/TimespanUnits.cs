namespace OomLab.Kql.Syntax;

/// <summary>The unit suffixes of timespan literals (<c>5m</c>, <c>1.5h</c>, <c>10microsecond</c>, <c>1tick</c>).</summary>
internal static class TimespanUnits
{
    public static bool TryGetTicksPerUnit(string unit, out double ticks)
    {
        ticks = unit switch
        {
            "d" or "day" or "days" => TimeSpan.TicksPerDay,
            "h" or "hr" or "hrs" or "hour" or "hours" => TimeSpan.TicksPerHour,
            "m" or "min" or "minute" or "minutes" => TimeSpan.TicksPerMinute,
            "s" or "sec" or "second" or "seconds" => TimeSpan.TicksPerSecond,
            "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => TimeSpan.TicksPerMillisecond,
            "microsecond" or "microseconds" => 10,
            "tick" or "ticks" => 1,
            _ => 0,
        };
        return ticks > 0;
    }
}
