namespace OomLab.Tests.Support;

/// <summary>
/// The seed documents (the lab guide and the playbook) the project reproduces: <c>&lt;repo&gt;/../shared/seeds/*.txt</c>,
/// where CI and every worktree have them. Absent, the tests that read them fail saying so; they never pass unchecked.
/// </summary>
internal static class SeedDocuments
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "seeds"));

    /// <summary>Every seed document's text (line ends as <c>\n</c>), by file name.</summary>
    public static IReadOnlyDictionary<string, string> All
    {
        get
        {
            Directory.Exists(Folder).ShouldBeTrue($"the seed documents are missing: no folder {Folder} (the shared folder belongs beside the repository)");
            var files = Directory.GetFiles(Folder, "*.txt").Order(StringComparer.Ordinal).ToList();
            files.ShouldNotBeEmpty($"the seed documents are missing: no *.txt in {Folder}");
            return files.ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f).ReplaceLineEndings("\n"), StringComparer.Ordinal);
        }
    }

    /// <summary>The seed document that holds <paramref name="marker"/> (its title, say).</summary>
    public static string Containing(string marker)
    {
        var found = All.Values.Where(t => t.Contains(marker, StringComparison.Ordinal)).ToList();
        found.Count.ShouldBe(1, $"exactly one seed document in {Folder} should contain \"{marker}\"");
        return found[0];
    }
}
