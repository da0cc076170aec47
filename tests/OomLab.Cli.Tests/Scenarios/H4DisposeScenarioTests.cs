using System.Globalization;
using System.Text.RegularExpressions;
using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>h4-dispose: data contexts never disposed, with SQL dependencies in telemetry.</summary>
[Collection(LabRuns.Name)]
public sealed partial class H4DisposeScenarioTests(H4DisposeRun run) : IClassFixture<H4DisposeRun>
{
    [Fact]
    public void Run_completes_and_names_its_ground_truth() => run.ShouldHaveCompleted("H4", "SyncCustomerRecords");

    [Fact]
    public void Every_invocation_queries_sql()
    {
        var db = run.Telemetry;
        var sql = db.Count("SELECT count(*) FROM dependencies WHERE type = 'SQL' AND success = 1 AND operation_Id <> ''");
        sql.ShouldBeGreaterThan(0);
        sql.ShouldBeGreaterThanOrEqualTo(db.Count("SELECT count(*) FROM requests WHERE success = 1"));
        run.LargestBlob.ShouldBeLessThanOrEqualTo(64 * 1024);
    }

    [Fact]
    public void Contexts_alive_climb_with_memory_until_the_worker_dies()
    {
        (run.Exits137 + run.OutOfMemoryExceptions).ShouldBeGreaterThan(0);
        var alive = run.Telemetry.Strings("SELECT message FROM traces WHERE message LIKE 'DbContext opened for %' AND operation_Id <> '' ORDER BY timestamp")
            .Select(m => int.Parse(Alive().Match(m).Groups[1].Value, CultureInfo.InvariantCulture))
            .ToList();
        alive.ShouldNotBeEmpty();
        alive.Max().ShouldBeGreaterThan(20);
        run.InstancePrivateBytes().Max().ShouldBeGreaterThan(run.CeilingBytes * 0.8);
    }

    [GeneratedRegex(@"\((\d+) contexts alive, \d+ rows tracked\)")]
    private static partial Regex Alive();

    [Fact]
    public Task Diagnose_ranks_H4_first_and_supported_and_no_other_supported() => run.ShouldDiagnoseAsync("H4");
}
