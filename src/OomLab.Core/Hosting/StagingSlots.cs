using System.Collections.Concurrent;
using System.Globalization;

namespace OomLab.Hosting;

/// <summary>
/// Staging folders (<c>&lt;staging root&gt;/&lt;n&gt;/</c>) reused from one invocation to the next, one per running
/// invocation. Creating and deleting a folder per invocation made the file system allocate and free an inode per
/// blob; reusing them leaves only the outputs' own files. A folder is handed out again only after its invocation has
/// an outcome (the worker no longer writes to it) and it has been emptied.
/// </summary>
internal sealed class StagingSlots(string root)
{
    private readonly ConcurrentBag<string> free = [];
    private int created;

    /// <summary>An empty staging folder for one invocation.</summary>
    public string Rent()
    {
        if (free.TryTake(out var slot))
        {
            return slot;
        }

        slot = Path.Combine(root, Interlocked.Increment(ref created).ToString(CultureInfo.InvariantCulture));

        // A killed earlier run may have left files in a folder of the same name.
        Empty(slot);
        Directory.CreateDirectory(slot);
        return slot;
    }

    /// <summary>Returns a folder whose outputs were published or discarded.</summary>
    public void Return(string slot) => free.Add(slot);

    /// <summary>Empties a staging folder of whatever a failed invocation left in it; the folder itself stays, to be reused.</summary>
    public static void Empty(string stagingDirectory)
    {
        try
        {
            if (!Directory.Exists(stagingDirectory))
            {
                return;
            }

            foreach (var entry in new DirectoryInfo(stagingDirectory).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo folder)
                {
                    folder.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
