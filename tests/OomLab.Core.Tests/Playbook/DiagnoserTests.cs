using OomLab.Playbook;
using OomLab.Telemetry;
using OomLab.Tests.Support;

namespace OomLab.Tests.Playbook;

/// <summary>The built-in playbook's rules over stores written by the real telemetry writer, one incident shape each.</summary>
public sealed class DiagnoserTests
{
    [Fact]
    public async Task Blob_buffering_crash_loop_ranks_H2_first_and_supported()
    {
        var diagnosis = await DiagnoseAsync(IncidentTelemetry.BlobBuffering());

        diagnosis.MemoryIsCause.ShouldBeTrue();
        diagnosis.Hypotheses[0].Definition.Id.ShouldBe("H2");
        diagnosis.Hypotheses[0].Status.ShouldBe(HypothesisStatus.Supported);
        diagnosis.Hypotheses[0].Evidence.TotalRows.ShouldBeGreaterThan(0);
        Status(diagnosis, "H3").ShouldNotBe(HypothesisStatus.Supported);
        Status(diagnosis, "H6").ShouldBe(HypothesisStatus.Disproved, "the fixed code ran far below the same ceiling");
        Status(diagnosis, "H1").ShouldBe(HypothesisStatus.NotEnoughData, "no request body sizes");
        Path(diagnosis).ShouldBe("A B:yes C G:yes H J:yes K M");
        diagnosis.Severity!.Level.ShouldBe("Sev2");
    }

    [Fact]
    public async Task Cache_growth_with_small_blobs_ranks_H3_first_and_supported()
    {
        var diagnosis = await DiagnoseAsync(IncidentTelemetry.CacheGrowth());

        diagnosis.MemoryIsCause.ShouldBeTrue();
        diagnosis.Hypotheses[0].Definition.Id.ShouldBe("H3");
        diagnosis.Hypotheses[0].Status.ShouldBe(HypothesisStatus.Supported);
        Status(diagnosis, "H2").ShouldNotBe(HypothesisStatus.Supported, "the blobs are tiny");
        Path(diagnosis).ShouldContain("G:no I");
    }

    [Fact]
    public async Task Plateau_near_the_ceiling_with_flat_memory_ranks_H6_first_and_leaves_H2_unconfirmed()
    {
        var diagnosis = await DiagnoseAsync(IncidentTelemetry.Plateau());

        diagnosis.MemoryIsCause.ShouldBeTrue();
        diagnosis.Hypotheses[0].Definition.Id.ShouldBe("H6");
        diagnosis.Hypotheses[0].Status.ShouldBe(HypothesisStatus.Supported);
        Status(diagnosis, "H2").ShouldNotBe(HypothesisStatus.Supported);
        Status(diagnosis, "H3").ShouldNotBe(HypothesisStatus.Supported);
        diagnosis.Mitigations.Select(m => m.Id).ShouldContain("scale-plan");
    }

    [Fact]
    public async Task Failing_dependency_with_healthy_memory_is_not_a_memory_incident()
    {
        var diagnosis = await DiagnoseAsync(IncidentTelemetry.FailingDependency());

        diagnosis.MemoryIsCause.ShouldBeFalse();
        Path(diagnosis).ShouldBe("A B:no D:no F");
        diagnosis.Severity.ShouldBeNull();
        diagnosis.Hypotheses.ShouldAllBe(h => h.Status != HypothesisStatus.Supported);
        diagnosis.Mitigations.Select(m => m.Id).ShouldBe(["dependencies"]);
        diagnosis.Conclusion.ShouldStartWith("Memory is not the cause");
    }

    [Fact]
    public async Task Kills_without_an_exception_take_the_heartbeat_branch_and_name_the_misreading()
    {
        var diagnosis = await DiagnoseAsync(IncidentTelemetry.SilentKills());

        diagnosis.MemoryIsCause.ShouldBeTrue();
        Path(diagnosis).ShouldStartWith("A B:no D:yes E G");
        diagnosis.Misreadings.Select(m => m.Definition.Id).ShouldContain("no-oom-exception");
        Signal(diagnosis, "heartbeatGapCount").ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Now_defaults_to_the_latest_timestamp_so_seed_ago_windows_see_the_incident()
    {
        var diagnosis = await DiagnoseAsync(IncidentTelemetry.BlobBuffering());

        diagnosis.Now.ShouldBe(diagnosis.TelemetryEnd!.Value);
        diagnosis.Now.ShouldBeGreaterThan(IncidentTelemetry.T0.AddMinutes(59));
    }

    [Fact]
    public async Task Empty_store_is_not_a_memory_incident_and_every_hypothesis_lacks_data()
    {
        var diagnosis = await DiagnoseAsync(new IncidentTelemetry());

        diagnosis.MemoryIsCause.ShouldBeFalse();
        diagnosis.Hypotheses.ShouldAllBe(h => h.Status == HypothesisStatus.NotEnoughData);
    }

    [Fact]
    public async Task Failing_signal_query_is_reported_before_a_failing_hypothesis_query()
    {
        var playbook = PlaybookLoader.Parse(
            PlaybookLoader.BuiltInText()
                .Replace("query: traces | where message has \"Worker process exited with code\" | count", "query: traces | where message matches regex \"(\" | count", StringComparison.Ordinal)
                .Replace("| where Name in (\"WorkingSet\", \"PrivateBytes\")", "| where Name matches regex \"(\"", StringComparison.Ordinal),
            "team.yaml");

        var error = await Should.ThrowAsync<PlaybookException>(() => DiagnoseAsync(IncidentTelemetry.BlobBuffering(), playbook));

        error.Message.ShouldContain("workerExits");
    }

    [Fact]
    public async Task Failing_hypothesis_query_is_reported_with_its_place_in_the_playbook()
    {
        const string Broken = "| where Name matches regex \"(\"";
        var text = PlaybookLoader.BuiltInText().Replace("| where Name in (\"WorkingSet\", \"PrivateBytes\")", Broken, StringComparison.Ordinal);
        var line = text[..text.IndexOf(Broken, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var playbook = PlaybookLoader.Parse(text, "team.yaml");

        var error = await Should.ThrowAsync<PlaybookException>(() => DiagnoseAsync(IncidentTelemetry.BlobBuffering(), playbook));

        error.Message.ShouldStartWith($"team.yaml:{line}:");
        error.Message.ShouldContain("hypotheses");
    }

    [Fact]
    public async Task Crashes_in_two_instances_stores_count_two_crash_instances_and_rows_naming_none_count_for_none()
    {
        using var directory = new TempDirectory();
        var vm = await IncidentTelemetry.BlobBuffering().WriteAsync(directory.Combine("vm", "telemetry.db"));
        var other = directory.Combine("other", "telemetry.db");
        await using (var writer = TelemetryWriter.Open(other, new TelemetryIdentity("func-oom-test", "vm-2")))
        {
            writer.Emit(new ExceptionTelemetry(Some.T0, "System.OutOfMemoryException", "Exception of type 'System.OutOfMemoryException' was thrown.", string.Empty, SeverityLevel.Error, "op-2", "BlobBufferProcessor"));
        }

        // An export whose rows name no instance (cloud_RoleInstance is empty) adds no instance.
        var unnamed = directory.Combine("unnamed", "telemetry.db");
        var export = directory.Write("exceptions.json", """
            [{"timestamp": "2026-04-05T01:30:01Z", "type": "System.OutOfMemoryException", "outerMessage": "Exception of type 'System.OutOfMemoryException' was thrown.", "operation_Id": "op-3"}]
            """);
        OomLab.Telemetry.Import.TelemetryImporter.Import(export, "exceptions", unnamed);

        Signal(await DiagnoseAsync([vm]), "crashInstances").ShouldBe(1);
        Signal(await DiagnoseAsync([vm, unnamed]), "crashInstances").ShouldBe(1);
        var both = await DiagnoseAsync([vm, other, unnamed]);
        Signal(both, "crashInstances").ShouldBe(2);
        both.Severity!.Level.ShouldBe("Sev2");
    }

    private static async Task<Diagnosis> DiagnoseAsync(IncidentTelemetry telemetry, PlaybookDefinition? playbook = null)
    {
        using var directory = new TempDirectory();
        var store = await telemetry.WriteAsync(directory.Combine("telemetry.db"));
        using var tables = TelemetryTableSource.Open(store);
        return Diagnoser.Run(tables, new DiagnosisOptions(playbook ?? PlaybookLoader.BuiltIn(), IncidentTelemetry.Ceiling, "custom 200 MiB") { ConfiguredConcurrency = 8 }, Diagnoser.SurveyAhead(tables));
    }

    private static Task<Diagnosis> DiagnoseAsync(IReadOnlyList<string> stores)
    {
        using var tables = TelemetryTableSource.Open(stores);
        return Task.FromResult(Diagnoser.Run(tables, new DiagnosisOptions(PlaybookLoader.BuiltIn(), IncidentTelemetry.Ceiling, "custom 200 MiB"), Diagnoser.SurveyAhead(tables)));
    }

    private static HypothesisStatus Status(Diagnosis diagnosis, string id) => diagnosis.Hypotheses.Single(h => h.Definition.Id == id).Status;

    private static double Signal(Diagnosis diagnosis, string name) => PlaybookQuery.Number(diagnosis.Signals.Single(s => s.Name == name).Value) ?? double.NaN;

    private static string Path(Diagnosis diagnosis) =>
        string.Join(" ", diagnosis.Path.Select(p => p.Answer is { } a ? $"{p.NodeId}:{(a ? "yes" : "no")}" : p.NodeId));
}
