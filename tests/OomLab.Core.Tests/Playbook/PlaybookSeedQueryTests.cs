using OomLab.Playbook;
using OomLab.Tests.Support;

namespace OomLab.Tests.Playbook;

/// <summary>
/// Each hypothesis's evidence query in the built-in playbook is the seed playbook's confirming KQL, character for
/// character, except for the adaptations listed here with their reasons (docs/PLAYBOOK.md and playbook.yaml say them
/// too). The signals are the playbook's own measurements, not seed queries.
/// </summary>
public sealed class PlaybookSeedQueryTests
{
    private const string OutOfMemoryReason =
        "`has` matches whole terms, so `has \"OutOfMemory\"` misses System.OutOfMemoryException: OutOfMemoryException is added beside OutOfMemory";

    private const string MediaReason =
        "`name has_any (\"Image\", \"Pdf\", \"Render\", \"Thumbnail\")` never matches RenderPdfActivity (one term): `matches regex` is used instead";

    private static readonly Dictionary<string, (Func<string, string> ToSeed, string Reason)> Adaptations = new(StringComparer.Ordinal)
    {
        ["H4"] = (WithoutOutOfMemoryException, OutOfMemoryReason),
        ["H5"] = (
            text => WithoutOutOfMemoryException(text).Replace(
                "name matches regex \"(?i)(image|pdf|render|thumbnail)\"", "name has_any (\"Image\", \"Pdf\", \"Render\", \"Thumbnail\")", StringComparison.Ordinal),
            $"{MediaReason}; {OutOfMemoryReason}"),
    };

    public static TheoryData<string> Ids => [.. PlaybookLoader.BuiltIn().Hypotheses.Select(h => h.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_evidence_query_is_the_seed_playbooks_text_or_a_listed_adaptation_of_it(string id)
    {
        var seed = SeedDocuments.Containing("Out of Memory / Worker Crash Playbook");
        var query = PlaybookLoader.BuiltIn().Hypotheses.Single(h => h.Id == id).Query.Value.ReplaceLineEndings("\n").TrimEnd('\n');
        if (Adaptations.TryGetValue(id, out var adaptation))
        {
            var seedText = adaptation.ToSeed(query);
            seedText.ShouldNotBe(query, $"{id} is listed as adapted but is the seed's text: take it off the list");
            seed.ShouldContain(seedText, Case.Sensitive, $"{id} undone ({adaptation.Reason}) is not the seed playbook's text");
        }
        else
        {
            seed.ShouldContain(query, Case.Sensitive, $"{id}'s query is not the seed playbook's text, character for character");
        }
    }

    private static string WithoutOutOfMemoryException(string text) =>
        text.Replace("\"OutOfMemory\", \"OutOfMemoryException\", ", "\"OutOfMemory\", ", StringComparison.Ordinal);
}
