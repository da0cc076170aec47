using System.Text.Json;
using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary><c>oomlab diagnose</c> over a real seed lab bundle (h2: buffered blobs under high concurrency).</summary>
[Collection(LabRuns.Name)]
public sealed class DiagnoseLabTests(SeedLabRun lab)
{
    [Fact]
    public async Task Seed_lab_bundle_ranks_H2_first_and_supported_with_memory_as_the_cause()
    {
        lab.Result.ExitCode.ShouldBe(0, lab.Result.ToString());

        var result = await OomLabCli.RunAsync("diagnose", lab.Bundle);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Conclusion: Memory is the cause; most likely H2");
        result.Stdout.ShouldContain("ceiling EP1/16 (224 MiB)");
        result.Stdout.ShouldContain("B  Any OOM exceptions in traces or FunctionAppLogs? → yes");
        result.Stdout.ShouldContain("no concurrency is safe");
        result.Stdout.ShouldContain("\"batchSize\":");
        result.Stdout.ShouldContain("| where peak >= ");
    }

    [Fact]
    public async Task Json_output_has_the_ranked_hypotheses_path_and_recommendation()
    {
        var result = await OomLabCli.RunAsync("diagnose", lab.Bundle, "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        root.GetProperty("memoryIsCause").GetBoolean().ShouldBeTrue();
        var top = root.GetProperty("hypotheses")[0];
        top.GetProperty("id").GetString().ShouldBe("H2");
        top.GetProperty("status").GetString().ShouldBe("supported");
        top.GetProperty("evidence").GetProperty("totalRows").GetInt32().ShouldBeGreaterThan(0);
        root.GetProperty("hypotheses").EnumerateArray().Skip(1).ShouldAllBe(h => h.GetProperty("status").GetString() != "supported");
        root.GetProperty("severity").GetProperty("level").GetString().ShouldBe("Sev2");
        var recommendation = root.GetProperty("recommendation");
        recommendation.GetProperty("safeConcurrency").GetInt32().ShouldBe(0, "a blob of up to 80 MiB, buffered at 3x its size, does not fit 75 % of 224 MiB");
        recommendation.GetProperty("hostJson").GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32().ShouldBe(5);
        recommendation.GetProperty("alerts").GetArrayLength().ShouldBe(3);
        root.GetProperty("now").GetDateTime().ShouldBe(root.GetProperty("telemetryEnd").GetDateTime());
    }

    [Fact]
    public async Task Custom_playbook_adds_a_team_hypothesis_without_code()
    {
        using var directory = new TempDirectory();
        var builtIn = (await OomLabCli.RunAsync("diagnose", "--print-playbook")).Stdout;
        var custom = directory.Write("team.yaml", builtIn.Replace("misreadings:\n", """
              - id: H7
                title: Retried blobs pile up in memory
                tables: [requests]
                confirm: crashOps > 0 and requestCount > 10
                disprove: crashOps == 0
                score: 10
                query: requests | summarize retries = countif(tolong(customDimensions.DequeueCount) > 1) by name

            misreadings:

            """, StringComparison.Ordinal));

        var result = await OomLabCli.RunAsync("diagnose", lab.Bundle, "--playbook", custom, "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var h7 = json.RootElement.GetProperty("hypotheses").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "H7");
        h7.GetProperty("status").GetString().ShouldBe("supported");
        json.RootElement.GetProperty("hypotheses")[0].GetProperty("id").GetString().ShouldBe("H2", "H7 scores lower");
        json.RootElement.GetProperty("playbookSource").GetString().ShouldBe(custom);
    }
}
