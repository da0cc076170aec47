namespace OomLab.Playbook;

/// <summary>A clock stopped at one instant: "now" for the seed queries' <c>ago()</c> is the end of the telemetry.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
