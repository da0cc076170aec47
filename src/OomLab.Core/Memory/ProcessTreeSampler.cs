using System.Globalization;

namespace OomLab.Memory;

/// <summary>
/// Samples a worker as the process tree it is: the process and every process it started, however deep (a launcher
/// script and its runtime, a runtime and the tools it runs). The tree is walked through
/// <c>/proc/&lt;pid&gt;/task/&lt;tid&gt;/children</c> at most every <see cref="RescanEvery"/> samples; in between only the
/// known members are read, so a sample of a lone process costs what it did before. Not thread-safe.
/// </summary>
internal sealed class ProcessTreeSampler
{
    /// <summary>Samples between two walks of the tree: at the pool's 50 ms, about a second.</summary>
    public const int RescanEvery = 20;

    private readonly ProcessMemorySampler root;
    private readonly Dictionary<int, ProcessMemorySampler> descendants = [];
    private int untilRescan;

    public ProcessTreeSampler(int processId)
    {
        root = new ProcessMemorySampler(processId);
    }

    public int ProcessId => root.ProcessId;

    /// <summary>The tree's memory in bytes (Private Bytes and Working Set summed); false when the root process is gone.</summary>
    public bool TrySample(out long privateBytes, out long workingSet)
    {
        if (!root.TrySample(out privateBytes, out workingSet))
        {
            return false;
        }

        if (--untilRescan <= 0)
        {
            untilRescan = RescanEvery;
            Rescan();
        }

        foreach (var (pid, member) in descendants)
        {
            if (member.TrySample(out var pb, out var ws))
            {
                privateBytes += pb;
                workingSet += ws;
            }
            else
            {
                // Gone: the next walk forgets it.
                untilRescan = 0;
            }
        }

        return true;
    }

    private void Rescan()
    {
        var found = new HashSet<int>();
        var pending = new Stack<int>();
        pending.Push(root.ProcessId);
        while (pending.Count > 0)
        {
            foreach (var child in ChildrenOf(pending.Pop()))
            {
                if (found.Add(child))
                {
                    pending.Push(child);
                }
            }
        }

        foreach (var gone in descendants.Keys.Where(pid => !found.Contains(pid)).ToList())
        {
            descendants.Remove(gone);
        }

        foreach (var pid in found)
        {
            if (!descendants.ContainsKey(pid))
            {
                descendants[pid] = new ProcessMemorySampler(pid);
            }
        }
    }

    private static IEnumerable<int> ChildrenOf(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var task in tasks)
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(task, "children"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var child))
                {
                    yield return child;
                }
            }
        }
    }
}
