namespace OomLab.Lab;

/// <summary>Checks and creates a lab run's folder before anything starts.</summary>
internal static class LabProvisioning
{
    /// <summary>Creates <paramref name="directory"/> if needed and proves it writable; refuses one that already holds a run.</summary>
    public static void Prepare(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            if (Directory.Exists(Path.Combine(directory, ".oomlab")))
            {
                throw new OomLabException($"--out \"{directory}\": already holds a lab run; choose a new folder");
            }

            var probe = Path.Combine(directory, ".write-probe");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OomLabException($"--out \"{directory}\": cannot write there ({ex.Message})", ex);
        }
    }
}
