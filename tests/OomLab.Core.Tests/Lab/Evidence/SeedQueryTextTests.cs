using OomLab.Lab.Evidence;
using OomLab.Tests.Support;

namespace OomLab.Tests.Lab.Evidence;

/// <summary>
/// Each query the lab runs is the lab guide's own text, character for character (with the seed's T0 and app name),
/// except for the adaptations listed here with their reasons; the code documents each one in
/// <see cref="SeedQuery.Adaptation"/>, and a query without an adaptation must be the seed's verbatim. The Python lab (the
/// seed's own apps) adds no term to D, E and PostFix-1; the .NET lab adds "OutOfMemoryException".
/// </summary>
public sealed class SeedQueryTextTests
{
    private const string App = "func-oom-lab-001";

    private const string DotnetReason =
        "the worker is .NET, whose in-process memory failure is System.OutOfMemoryException rather than Python's MemoryError";

    private const string WindowReason = "the seed's query over another phase's window, to compare that phase with the incident";

    /// <summary>How each adapted query turns back into seed text, and why it differs.</summary>
    private static readonly Dictionary<string, (Func<string, string> ToSeed, string Reason)> Adaptations = new(StringComparer.Ordinal)
    {
        ["D"] = (WithoutOutOfMemoryException, DotnetReason),
        ["E"] = (WithoutOutOfMemoryException, DotnetReason),
        ["PostFix-1"] = (WithoutOutOfMemoryException, DotnetReason),
        ["H-baseline"] = (BodyOnly, WindowReason),
        ["G-recovery"] = (BodyOnly, WindowReason),
        ["H-recovery"] = (BodyOnly, WindowReason),
        ["I-recovery"] = (BodyOnly, WindowReason),
    };

    /// <summary>Queries of the lab's own, which the seed does not have.</summary>
    private static readonly Dictionary<string, string> NotSeedQueries = new(StringComparer.Ordinal)
    {
        ["Runbook"] = "the timeline's runbook actions and host restarts; the seed lists them in its worksheet but has no query",
    };

    private static readonly HashSet<string> DotnetOnly = new(StringComparer.Ordinal) { "D", "E", "PostFix-1" };

    public static TheoryData<string, string> Ids()
    {
        var ids = new TheoryData<string, string>();
        foreach (var runtime in OomLab.Lab.LabRuntime.All)
        {
            foreach (var query in SeedQueries.All(LabClock.T0, App, runtime))
            {
                ids.Add(runtime.Name, query.Id);
            }
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_query_is_the_lab_guides_text_or_a_listed_adaptation_of_it(string runtime, string id)
    {
        var guide = SeedDocuments.Containing("Lab Guide: Out of Memory Crash Under Blob Processing Load");
        OomLab.Lab.LabRuntime.TryParse(runtime, out var labRuntime).ShouldBeTrue();
        var query = SeedQueries.All(LabClock.T0, App, labRuntime).Single(q => q.Id == id);
        if (NotSeedQueries.ContainsKey(id))
        {
            query.Adaptation.ShouldNotBeNull($"{id} is not a seed query: its Adaptation must say so");
            return;
        }

        if (Adaptations.TryGetValue(id, out var adaptation) && (labRuntime == OomLab.Lab.LabRuntime.Dotnet || !DotnetOnly.Contains(id)))
        {
            query.Adaptation.ShouldNotBeNull($"{id} differs from the seed ({adaptation.Reason}): its Adaptation must say so");
            var seedText = adaptation.ToSeed(query.Text);
            seedText.ShouldNotBe(query.Text, $"{id} is listed as adapted but is the seed's text: take it off the list");
            guide.ShouldContain(seedText, Case.Sensitive, $"{id} undone ({adaptation.Reason}) is not the lab guide's text");
        }
        else
        {
            query.Adaptation.ShouldBeNull($"{id} has an Adaptation but is not listed here with its reason");
            guide.ShouldContain(query.Text, Case.Sensitive, $"{id} is not the lab guide's text, character for character");
        }
    }

    private static string WithoutOutOfMemoryException(string text) =>
        text.Replace("\"MemoryError\", \"OutOfMemoryException\", ", "\"MemoryError\", ", StringComparison.Ordinal);

    /// <summary>The query without its <c>let</c> lines (the window).</summary>
    private static string BodyOnly(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').SkipWhile(line => line.StartsWith("let ", StringComparison.Ordinal)));
}
