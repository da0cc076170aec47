namespace OomLab.Kql.Tests.Support;

/// <summary>A clock that stays where it is put.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
