using OomLab.Blobs;
using OomLab.Configuration;
using OomLab.Hosting;
using OomLab.Memory;
using OomLab.Telemetry;
using OomLab.Tests.Support;
using OomLab.Workers;

namespace OomLab.Tests.Configuration;

/// <summary>Every options type refuses a bad value when it is built, naming the setting, not later when the value is used.</summary>
public sealed class OptionsValidationTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public static TheoryData<string, string, Func<object>> BadValues => new()
    {
        { "zero heartbeat", nameof(FunctionHostOptions.HeartbeatInterval), () => Host() with { HeartbeatInterval = TimeSpan.Zero } },
        { "negative heartbeat", nameof(FunctionHostOptions.HeartbeatInterval), () => Host() with { HeartbeatInterval = TimeSpan.FromSeconds(-1) } },
        { "heartbeat over a day", nameof(FunctionHostOptions.HeartbeatInterval), () => Host() with { HeartbeatInterval = Day + TimeSpan.FromTicks(1) } },
        { "zero lease", nameof(FunctionHostOptions.LeaseDuration), () => Host() with { LeaseDuration = TimeSpan.Zero } },
        { "lease over 7 days", nameof(FunctionHostOptions.LeaseDuration), () => Host() with { LeaseDuration = TimeSpan.FromDays(8) } },
        { "negative idle stop", nameof(FunctionHostOptions.StopWhenIdleFor), () => Host() with { StopWhenIdleFor = TimeSpan.FromSeconds(-1) } },
        { "zero ceiling", "ceiling", () => new FunctionHostOptions(new RootLayout("/tmp/x"), Stdio(), "F", default, HostSettings.Default) },
        { "negative healthy period", nameof(WorkerPoolOptions.HealthyPeriod), () => Pool() with { HealthyPeriod = TimeSpan.FromSeconds(-1) } },
        { "zero failure window", nameof(WorkerPoolOptions.FailureWindow), () => Pool() with { FailureWindow = TimeSpan.Zero } },
        { "failure window over a day", nameof(WorkerPoolOptions.FailureWindow), () => Pool() with { FailureWindow = TimeSpan.FromDays(2) } },
        { "negative recycle pause", nameof(WorkerPoolOptions.RecyclePause), () => Pool() with { RecyclePause = TimeSpan.FromSeconds(-1) } },
        { "recycle pause over a day", nameof(WorkerPoolOptions.RecyclePause), () => Pool() with { RecyclePause = TimeSpan.FromDays(60) } },
        { "zero start timeout", nameof(WorkerPoolOptions.StartTimeout), () => Pool() with { StartTimeout = TimeSpan.Zero } },
        { "start timeout over a day", nameof(WorkerPoolOptions.StartTimeout), () => Pool() with { StartTimeout = TimeSpan.MaxValue } },
        { "negative shutdown timeout", nameof(WorkerPoolOptions.ShutdownTimeout), () => Pool() with { ShutdownTimeout = TimeSpan.FromSeconds(-1) } },
        { "shutdown timeout over a day", nameof(WorkerPoolOptions.ShutdownTimeout), () => Pool() with { ShutdownTimeout = TimeSpan.FromDays(2) } },
        { "restart delay over a day", nameof(WorkerPoolOptions.RestartBackoffMax), () => Pool() with { RestartBackoffMax = TimeSpan.FromDays(60) } },
        { "first restart delay over a day", nameof(WorkerPoolOptions.RestartBackoffInitial), () => Pool() with { RestartBackoffInitial = TimeSpan.FromDays(60) } },
        { "quiet period over a day", "quietPeriod", () => new BlobDiscoveryOptions(quietPeriod: TimeSpan.FromDays(2)) },
        { "reconcile interval over a day", "reconcileInterval", () => new BlobDiscoveryOptions(reconcileInterval: TimeSpan.FromDays(2)) },
        { "linger over a day", "linger", () => new TelemetryWriterOptions(linger: TimeSpan.FromDays(2)) },
    };

    public static TheoryData<string, Func<object>> Limits => new()
    {
        { "shortest heartbeat", () => Host() with { HeartbeatInterval = TimeSpan.FromMilliseconds(1) } },
        { "longest heartbeat", () => Host() with { HeartbeatInterval = Day } },
        { "longest lease", () => Host() with { LeaseDuration = TimeSpan.FromDays(7) } },
        { "stop at once when idle", () => Host() with { StopWhenIdleFor = TimeSpan.Zero } },
        { "no idle stop", () => Host() with { StopWhenIdleFor = null } },
        { "zero healthy period", () => Pool() with { HealthyPeriod = TimeSpan.Zero } },
        { "zero recycle pause, a day's window", () => Pool() with { RecyclePause = TimeSpan.Zero, FailureWindow = Day } },
        { "zero shutdown timeout", () => Pool() with { ShutdownTimeout = TimeSpan.Zero } },
        { "a day to start", () => Pool() with { StartTimeout = Day } },
        { "quiet period of an hour", () => new BlobDiscoveryOptions(quietPeriod: TimeSpan.FromHours(1)) },
        { "linger of an hour", () => new TelemetryWriterOptions(linger: TimeSpan.FromHours(1)) },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_is_refused_when_the_options_are_built(string what, string setting, Func<object> build)
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(build, what);

        error.ParamName.ShouldBe(setting, what);
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void A_value_at_a_limit_is_accepted(string what, Func<object> build)
    {
        build().ShouldNotBeNull(what);
    }

    private static FunctionHostOptions Host() =>
        new(new RootLayout("/tmp/x"), Stdio(), "F", MemoryCeiling.Custom(512 * Some.MiB), HostSettings.Default);

    private static OomLab.Workers.Stdio.StdioTransport Stdio() => new("oomlab", [], "f.dll");

    private static WorkerPoolOptions Pool() => new("oomlab", [], "f.dll", "F", MemoryCeiling.Custom(512 * Some.MiB));
}
