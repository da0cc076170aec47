namespace OomLab.Cli.Tests.Support;

/// <summary>One small <c>oomlab lab</c> run (the seed lab, h2), made once and shared by the tests that read its bundle.</summary>
public sealed class SeedLabRun : IAsyncLifetime
{
    private readonly TempDirectory directory = new();

    public string Bundle => directory.Combine("bundle");

    internal CliResult Result { get; private set; } = new(-1, string.Empty, string.Empty);

    public async Task InitializeAsync() =>
        Result = await OomLabCli.RunAsync(["lab", "--out", Bundle], timeout: TimeSpan.FromMinutes(6));

    public Task DisposeAsync()
    {
        directory.Dispose();
        return Task.CompletedTask;
    }
}
