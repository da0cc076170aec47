using OomLab.Playbook;

namespace OomLab.Tests.Playbook;

/// <summary>The playbook file: the built-in one is complete and valid; a broken one is named by file, line and key.</summary>
public sealed class PlaybookLoaderTests
{
    [Fact]
    public void Built_in_playbook_has_the_seed_flow_severity_table_and_six_hypotheses()
    {
        var playbook = PlaybookLoader.BuiltIn();

        playbook.Hypotheses.Select(h => h.Id).ShouldBe(["H1", "H2", "H3", "H4", "H5", "H6"]);
        playbook.Flow.Select(n => n.Id).ShouldBe(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M"]);
        playbook.Severity.Select(s => s.Level).ShouldBe(["Sev1", "Sev2", "Sev3"]);
        playbook.Misreadings.Count.ShouldBe(5);
        playbook.Source.ShouldBe(PlaybookLoader.BuiltInSource);
    }

    [Fact]
    public void Built_in_playbook_passes_every_check()
    {
        // BuiltIn() skips the checks at run time because this test makes them.
        Should.NotThrow(() => PlaybookChecker.Check(PlaybookLoader.BuiltIn()));
    }

    [Theory]
    [InlineData("name: [unclosed\n", 2, "not valid YAML")]
    [InlineData("name: x\nsignals: {}\ndecisionFlow: {start: A, nodes: [{id: A, text: a, memoryIsCause: false}]}\nseverity: []\nhypotheses: []\nbogus: 1\n", 6, "bogus: unknown key")]
    public void Broken_structure_is_named_by_line_and_key(string yaml, int line, string fragment)
    {
        var error = Should.Throw<PlaybookException>(() => PlaybookLoader.Parse(yaml, "team.yaml"));

        error.Line.ShouldBe(line);
        error.Message.ShouldStartWith($"team.yaml:{line}:");
        error.Message.ShouldContain(fragment);
    }

    [Fact]
    public void Rule_naming_an_unknown_signal_is_named_by_its_line_and_key()
    {
        var text = PlaybookLoader.BuiltInText().Replace("confirm: blobDepsOnCrashOps > 0", "confirm: blobDepsOnCrashOpz > 0", StringComparison.Ordinal);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("blobDepsOnCrashOpz", StringComparison.Ordinal)) + 1;

        var error = Should.Throw<PlaybookException>(() => PlaybookLoader.Parse(text, "team.yaml"));

        error.Key.ShouldBe("hypotheses[1].confirm");
        error.Line.ShouldBe(line);
        error.Message.ShouldContain("blobDepsOnCrashOpz");
    }

    [Fact]
    public void Signal_query_with_a_syntax_error_points_into_the_query_block()
    {
        var text = PlaybookLoader.BuiltInText().Replace("query: requests | count", "query: requests | cuont", StringComparison.Ordinal);

        var error = Should.Throw<PlaybookException>(() => PlaybookLoader.Parse(text, "team.yaml"));

        error.Key.ShouldBe("signals.requestCount.query");
        error.Message.ShouldContain("KQL0");
    }

    [Fact]
    public void Flow_link_to_a_missing_node_is_rejected()
    {
        var text = PlaybookLoader.BuiltInText().Replace("      yes: C\n", "      yes: Z\n", StringComparison.Ordinal);

        Should.Throw<PlaybookException>(() => PlaybookLoader.Parse(text, "team.yaml")).Message.ShouldContain("'Z'");
    }

    [Fact]
    public void A_team_hypothesis_is_added_with_data_only()
    {
        var text = PlaybookLoader.BuiltInText().Replace("misreadings:\n", """
              - id: H7
                title: Timer floods
                tables: [requests]
                confirm: requestCount > 100000
                disprove: requestCount < 10
                query: requests | summarize count() by name

            misreadings:

            """, StringComparison.Ordinal);

        var playbook = PlaybookLoader.Parse(text, "team.yaml");

        playbook.Hypotheses.Select(h => h.Id).ShouldContain("H7");
    }
}
