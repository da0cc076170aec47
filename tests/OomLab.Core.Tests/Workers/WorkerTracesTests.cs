using OomLab.Tests.Support;
using OomLab.Workers;

namespace OomLab.Tests.Workers;

public sealed class WorkerTracesTests
{
    /// <summary>Files of src/ that may spell the exit trace themselves, and why.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["src/OomLab.Core/Workers/WorkerTraces.cs"] = "the one definition",
        ["src/OomLab.Core/Lab/Evidence/SeedQueries.cs"] = "the seed's query texts, verbatim",
        ["src/OomLab.Core/Lab/Evidence/LabVerdict.cs"] = "the seed's proof criterion text, verbatim",
    };

    [Fact]
    public void The_exit_traces_keep_the_Functions_hosts_wording()
    {
        WorkerTraces.Exited(137).ShouldBe("Worker process exited with code 137");
        WorkerTraces.ExitedAfterKill.ShouldBe(WorkerTraces.Exited(137));
        WorkerTraces.IsExited("Worker process exited with code 0").ShouldBeTrue();
        WorkerTraces.IsExited("Worker process started").ShouldBeFalse();
    }

    [Fact]
    public void Only_WorkerTraces_spells_the_exit_trace_in_code()
    {
        var offenders = Directory.EnumerateFiles(Repository.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'))
            .Where(relative => !Allowed.ContainsKey(relative))
            .Where(relative => File.ReadLines(Repository.Combine(relative))
                .Any(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal) && line.Contains("\"Worker process exited", StringComparison.Ordinal)))
            .ToList();

        offenders.ShouldBeEmpty("use WorkerTraces.ExitedPrefix, ExitedAfterKill, Exited(code) or IsExited(message)");
    }
}
