namespace OomLab.Workers;

/// <summary>Checks that a function's output name stays inside the output container.</summary>
internal static class OutputName
{
    /// <summary>True for a relative name of <c>/</c>-separated segments, none empty, <c>.</c> or <c>..</c>, without control characters or backslashes.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 1024 || name[0] == '/' || name.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                return false;
            }
        }

        return true;
    }
}
