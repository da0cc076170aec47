using System.Text.Json;
using OomLab.Hosting;
using OomLab.Lab;
using OomLab.Lab.Bundle;
using OomLab.Lab.Scenarios;
using OomLab.Playbook;
using OomLab.Telemetry;
using OomLab.Tests.Support;
using OomLab.Workers;

namespace OomLab.Tests.Lab;

public sealed class RunBundleTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Scenario_bundle_round_trips_and_keeps_the_fields_its_readers_use()
    {
        // Given a finished h2-blob run with counts.
        using var temp = new TempDirectory();
        var options = Scenario(temp.Path, "h2-blob");
        var counters = new RunCounters(segments: 2);
        counters.Enter(0);
        counters.AddPrivateBytes(200 * MiB);
        counters.Enter(1);
        counters.AddPrivateBytes(40 * MiB);
        counters.Observe(new TraceTelemetry(LabOptions.SeedT0, WorkerTraces.Exited(137), SeverityLevel.Information));

        // When it is written and read back.
        var written = RunBundle.ForScenario(options, "completed", counters);
        written.Write(temp.Path, RunBundle.ScenarioFileName);
        var read = RunBundle.Read(temp.Combine(RunBundle.ScenarioFileName))!;

        // Then it reads back the same, under the names scenario.json has always had.
        read.ToJson().ShouldBe(written.ToJson());
        using var json = JsonDocument.Parse(File.ReadAllText(temp.Combine(RunBundle.ScenarioFileName)));
        var root = json.RootElement;
        root.GetProperty("name").GetString().ShouldBe("h2-blob");
        root.GetProperty("hypothesis").GetString().ShouldBe("H2");
        root.GetProperty("status").GetString().ShouldBe("completed");
        root.GetProperty("plan").GetString().ShouldBe("EP1/16");
        root.GetProperty("ceilingBytes").GetInt64().ShouldBe(224 * MiB);
        root.GetProperty("appName").GetString().ShouldBe("func-oom-lab-001");
        root.GetProperty("t0").GetString().ShouldBe("2026-04-05T01:30:00Z");
        root.GetProperty("functions").EnumerateArray().Select(f => f.GetString()).ShouldBe(["BlobBufferProcessor", "BlobStreamProcessor"]);
        root.GetProperty("appSettings").GetProperty("MAX_CONCURRENT_INVOCATIONS").GetString().ShouldBe("48");
        root.GetProperty("phases").GetArrayLength().ShouldBe(3);
        root.GetProperty("deployments")[1].GetProperty("start").GetString().ShouldBe("2026-04-05T02:00:00Z");
        root.GetProperty("deployments")[0].GetProperty("peakPrivateBytes").GetInt64().ShouldBe(200 * MiB);
        root.GetProperty("deployments")[1].GetProperty("trigger").GetString().ShouldBe("blob");
        root.GetProperty("observed").GetProperty("workerExits137").GetInt64().ShouldBe(1);
        root.TryGetProperty("app", out _).ShouldBeFalse("a scenario's file carries appName only");
        BundleSettings.Read(temp.Path).ShouldBe(new BundleSettings(224 * MiB, "EP1/16 (224 MiB)", 48));
    }

    [Fact]
    public void Lab_settings_round_trip_and_keep_the_fields_their_readers_use()
    {
        using var temp = new TempDirectory();
        var options = new LabOptions(temp.Path, LabScale.Small) { FunctionsAssembly = "f.dll", WorkerCommand = "w", WorkerCommandPrefix = [] };

        var written = RunBundle.ForLab(options, "running");
        written.Write(temp.Path, RunBundle.LabFileName);
        var read = RunBundle.Read(temp.Combine(RunBundle.LabFileName))!;

        read.ToJson().ShouldBe(written.ToJson());
        using var json = JsonDocument.Parse(File.ReadAllText(temp.Combine(RunBundle.LabFileName)));
        var root = json.RootElement;
        root.GetProperty("app").GetString().ShouldBe("func-oom-lab-001");
        root.GetProperty("ceiling").GetProperty("bytes").GetInt64().ShouldBe(224 * MiB);
        root.GetProperty("ceiling").GetProperty("description").GetString().ShouldBe("EP1/16 (224 MiB)");
        root.GetProperty("compression").GetProperty("labSecondsPerRealSecond").GetDouble().ShouldBe(45);
        root.GetProperty("compression").GetProperty("realSecondsPerPhaseOf15Minutes").GetDouble().ShouldBe(20);
        root.GetProperty("deployments")[1].GetProperty("from").GetString().ShouldBe("2026-04-05T02:25:00Z");
        root.GetProperty("deployments")[0].GetProperty("appSettings").GetProperty("BLOB_BATCH_SIZE").GetString().ShouldBe("32");
        root.GetProperty("phases").GetArrayLength().ShouldBe(5);
        root.GetProperty("loads").GetArrayLength().ShouldBe(LabScale.Small.Loads.Count);
        root.TryGetProperty("ceilingBytes", out _).ShouldBeFalse("the lab's file carries ceiling.bytes only");
        BundleSettings.Read(temp.Combine(".oomlab", "telemetry.db")).ShouldBe(new BundleSettings(224 * MiB, "EP1/16 (224 MiB)", 48));
    }

    [Fact]
    public void Files_written_in_the_previous_shapes_still_read()
    {
        // Given a scenario.json and a settings.json exactly as the previous writers wrote them.
        using var temp = new TempDirectory();
        temp.Write(RunBundle.ScenarioFileName, """
            {
              "name": "h6-ceiling", "hypothesis": "H6", "story": "An efficient streaming workload whose legitimate working set needs close to the plan's memory",
              "status": "running", "plan": "EP1/16", "ceilingDescription": "EP1/16 (224 MiB)", "ceilingBytes": 234881024,
              "appName": "func-oom-lab-001", "functions": ["RollupMeterReadings"], "appSettings": { "BLOB_BATCH_SIZE": "8", "MAX_CONCURRENT_INVOCATIONS": "8" },
              "t0": "2026-04-05T01:30:00Z", "compression": 150, "seed": 1, "remediation": true,
              "phases": [ { "name": "Steady load", "start": "2026-04-05T01:30:00Z", "end": "2026-04-05T01:50:00Z" } ],
              "deployments": [ { "package": "meter-rollup.zip", "function": "RollupMeterReadings", "trigger": "blob", "start": "2026-04-05T01:30:00Z",
                "end": "2026-04-05T01:50:00Z", "ceilingBytes": 234881024, "appSettings": { "MAX_CONCURRENT_INVOCATIONS": "8" }, "peakPrivateBytes": null } ]
            }
            """);

        // When it is read.
        var scenario = RunBundle.Read(temp.Combine(RunBundle.ScenarioFileName))!;

        // Then every field is there, the bare compression number included.
        scenario.Name.ShouldBe("h6-ceiling");
        scenario.Compression!.LabSecondsPerRealSecond.ShouldBe(150);
        scenario.Deployments![0].Begins.ShouldBe(new DateTime(2026, 4, 5, 1, 30, 0, DateTimeKind.Utc));
        scenario.Deployments[0].PeakPrivateBytes.ShouldBeNull();
        BundleSettings.Read(temp.Path).ShouldBe(new BundleSettings(234881024, "EP1/16 (224 MiB)", 8));

        // And a lab's settings.json (no scenario.json beside it) too, a hand-edited number in quotes included.
        File.Delete(temp.Combine(RunBundle.ScenarioFileName));
        temp.Write(RunBundle.LabFileName, """
            { "app": "func-oom-lab-001", "status": "completed", "scale": "small", "ceiling": { "bytes": "1073741824", "description": "EP1/4 (1 GiB)" },
              "variant": "buffer", "seed": 1, "t0": "2026-04-05T01:30:00Z",
              "compression": { "labSecondsPerRealSecond": 45, "realSecondsPerPhaseOf15Minutes": 20, "note": "n" },
              "deployments": [ { "package": "oom-buffering-app.zip", "function": "BlobBufferProcessor", "from": "2026-04-05T01:30:00Z", "to": "2026-04-05T02:25:00Z",
                "appSettings": { "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated", "BLOB_BATCH_SIZE": "32", "MAX_CONCURRENT_INVOCATIONS": "48" } } ],
              "phases": [], "loads": [ { "phase": "Baseline", "start": "2026-04-05T01:30:30Z", "count": 8, "sizes": "256 KiB..1 MiB", "blobsPerRealSecond": 0.5 } ] }
            """);
        BundleSettings.Read(temp.Path).ShouldBe(new BundleSettings(1024 * MiB, "EP1/4 (1 GiB)", 48));

        // And a hand-written scenario.json with the ceiling as a bare number of bytes.
        temp.Write(RunBundle.ScenarioFileName, """{ "name": "mine", "ceiling": 536870912, "future": [1, 2] }""");
        RunBundle.Read(temp.Combine(RunBundle.ScenarioFileName))!.Ceiling.ShouldBe(new BundleCeiling(512 * MiB, null));
        BundleSettings.Read(temp.Path).ShouldBe(new BundleSettings(512 * MiB, "custom 512 MiB", 48));
    }

    [Fact]
    public void A_bundle_that_is_not_json_is_refused_with_its_file_and_line()
    {
        using var temp = new TempDirectory();
        var file = temp.Write(RunBundle.ScenarioFileName, "{\n  \"name\": ,\n}");

        var error = Should.Throw<OomLabException>(() => BundleSettings.Read(temp.Path));

        error.Message.ShouldStartWith($"{file}:2: not valid JSON");
    }

    private static ScenarioOptions Scenario(string directory, string name)
    {
        ScenarioCatalog.TryCreate(name, ScenarioCatalog.DefaultCeiling, out var scenario).ShouldBeTrue();
        return new ScenarioOptions(directory, scenario) { FunctionsAssembly = "f.dll", WorkerCommand = "w", WorkerCommandPrefix = [] };
    }
}
