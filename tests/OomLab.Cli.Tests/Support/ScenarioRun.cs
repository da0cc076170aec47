using System.Globalization;
using System.Text.Json;

namespace OomLab.Cli.Tests.Support;

/// <summary>
/// One run of <c>oomlab lab --scenario &lt;name&gt;</c>, made once per test class (a class fixture) and read by all of
/// its tests: the process result, the bundle's <c>scenario.json</c> and its telemetry store. Later checks (such as
/// <c>oomlab diagnose</c> over <see cref="Bundle"/>) can reuse the same run.
/// </summary>
public abstract class ScenarioRun : IAsyncLifetime
{
    private readonly string[] extraArgs;
    private readonly TempDirectory directory = new();

    protected ScenarioRun(string scenario, params string[] extraArgs)
    {
        Scenario = scenario;
        this.extraArgs = extraArgs;
    }

    public string Scenario { get; }

    /// <summary>The run's folder (<c>--out</c>).</summary>
    public string Bundle => directory.Combine("bundle");

    internal CliResult Result { get; private set; } = new(-1, string.Empty, string.Empty);

    internal TelemetryDb Telemetry => telemetry ?? throw new InvalidOperationException($"the run failed: {Result}");

    /// <summary>The parsed <c>scenario.json</c>.</summary>
    public JsonElement Json { get; private set; }

    /// <summary>The first deployment's ceiling.</summary>
    public long CeilingBytes => Json.GetProperty("ceilingBytes").GetInt64();

    private TelemetryDb? telemetry;

    public async Task InitializeAsync()
    {
        Result = await OomLabCli.RunAsync(["lab", "--scenario", Scenario, "--out", Bundle, .. extraArgs], timeout: TimeSpan.FromMinutes(3));
        var json = Path.Combine(Bundle, "scenario.json");
        if (File.Exists(json))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(json));
            Json = document.RootElement.Clone();
        }

        var store = Path.Combine(Bundle, ".oomlab", "telemetry.db");
        if (File.Exists(store))
        {
            telemetry = new TelemetryDb(store);
        }
    }

    public Task DisposeAsync()
    {
        telemetry?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Exits with code 137, as the host's trace records them.</summary>
    public long Exits137 => Telemetry.Count("SELECT count(*) FROM traces WHERE message = 'Worker process exited with code 137'");

    /// <summary>OutOfMemoryExceptions in the exceptions table.</summary>
    public long OutOfMemoryExceptions => Telemetry.Count("SELECT count(*) FROM exceptions WHERE type = 'System.OutOfMemoryException'");

    /// <summary>A deployment's start (lab time) as stored ticks.</summary>
    public long DeploymentStartTicks(int index) =>
        DateTime.Parse(Json.GetProperty("deployments")[index].GetProperty("start").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal).Ticks;

    /// <summary>The instance's Private Bytes readings (<c>_Total</c>) in [from, to) ticks, in time order.</summary>
    public List<double> InstancePrivateBytes(long fromTicks = 0, long toTicks = long.MaxValue) =>
        [.. Telemetry.Rows(string.Create(CultureInfo.InvariantCulture,
            $"SELECT value FROM performanceCounters WHERE counter = 'Private Bytes' AND instance = '_Total' AND timestamp >= {fromTicks} AND timestamp < {toTicks} ORDER BY timestamp"))
            .Select(r => Convert.ToDouble(r[0], CultureInfo.InvariantCulture))];

    /// <summary>The largest <c>ContentLengthBytes</c> of any Azure blob dependency (0 when there are none).</summary>
    public long LargestBlob => Telemetry.Count(
        "SELECT coalesce(max(CAST(json_extract(customDimensions, '$.ContentLengthBytes') AS INTEGER)), 0) FROM dependencies WHERE type = 'Azure blob'");

    /// <summary>Asserts the run completed and <c>scenario.json</c> names its ground truth.</summary>
    private Task<CliResult>? diagnosis;

    /// <summary><c>oomlab diagnose &lt;bundle&gt; --format json</c>, run once and shared by the class's tests.</summary>
    internal Task<CliResult> DiagnoseAsync() =>
        diagnosis ??= OomLabCli.RunAsync(["diagnose", Bundle, "--format", "json"], timeout: TimeSpan.FromMinutes(2));

    /// <summary>
    /// Issue 5's ground truth: the diagnosis ranks <paramref name="hypothesis"/> first and <c>supported</c>, marks no
    /// other hypothesis <c>supported</c>, and concludes that memory is the cause (exit code 0).
    /// </summary>
    public async Task ShouldDiagnoseAsync(string hypothesis)
    {
        var result = await DiagnoseAsync();
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        root.GetProperty("memoryIsCause").GetBoolean().ShouldBeTrue();
        var ranked = root.GetProperty("hypotheses").EnumerateArray()
            .Select(h => (Id: h.GetProperty("id").GetString(), Status: h.GetProperty("status").GetString())).ToList();
        ranked[0].ShouldBe((hypothesis, "supported"), string.Join(", ", ranked));
        ranked.Skip(1).ShouldAllBe(h => h.Status != "supported", string.Join(", ", ranked));

        // The run's folder keeps the diagnosis, and its report shows it.
        File.Exists(Path.Combine(Bundle, "diagnosis.json")).ShouldBeTrue();
        var report = File.ReadAllText(Path.Combine(Bundle, "report.html"));
        report.ShouldContain("id=\"diagnosis\"");
        report.ShouldContain($"most likely {hypothesis}");
    }

    public void ShouldHaveCompleted(string hypothesis, params string[] functions)
    {
        Result.ExitCode.ShouldBe(0, Result.ToString());
        Result.Stdout.ShouldContain($"scenario: {Scenario}");
        Json.GetProperty("name").GetString().ShouldBe(Scenario);
        Json.GetProperty("hypothesis").GetString().ShouldBe(hypothesis);
        Json.GetProperty("status").GetString().ShouldBe("completed");
        Json.GetProperty("ceilingBytes").GetInt64().ShouldBe(224L * 1024 * 1024);
        Json.GetProperty("plan").GetString().ShouldBe("EP1/16");
        Json.GetProperty("appName").GetString().ShouldNotBeNullOrEmpty();
        Json.GetProperty("t0").GetString().ShouldBe("2026-04-05T01:30:00Z");
        Json.GetProperty("functions").EnumerateArray().Select(f => f.GetString()).ShouldBe(functions);
        Json.GetProperty("appSettings").GetProperty("MAX_CONCURRENT_INVOCATIONS").GetString().ShouldNotBeNullOrEmpty();
        Json.GetProperty("phases").GetArrayLength().ShouldBeGreaterThan(1);
        foreach (var function in functions)
        {
            Telemetry.Count($"SELECT count(*) FROM requests WHERE name = '{function}'").ShouldBeGreaterThan(0, function);
        }
    }
}
