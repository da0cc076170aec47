namespace OomLab.Workers;

/// <summary>Restart delays: <c>initial</c> doubling per consecutive failure, capped at <c>max</c>.</summary>
internal static class RestartBackoff
{
    /// <summary>The delay before restart number <paramref name="consecutiveFailures"/> (1 = first failure).</summary>
    public static TimeSpan Delay(int consecutiveFailures, TimeSpan initial, TimeSpan max)
    {
        if (consecutiveFailures <= 1)
        {
            return initial <= max ? initial : max;
        }

        var exponent = Math.Min(consecutiveFailures - 1, 30);
        var ticks = initial.Ticks * Math.Pow(2, exponent);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
