using System.Collections;

namespace OomLab.Configuration;

/// <summary>Builds the app-settings dictionaries <see cref="HostSettingsLoader"/> takes.</summary>
internal static class AppSettings
{
    /// <summary>The process's environment variables, as a case-sensitive dictionary (as on Linux).</summary>
    public static IReadOnlyDictionary<string, string?> FromEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }

    /// <summary>
    /// Parses <c>KEY=VALUE</c> assignments (for example from repeated <c>--setting</c> options); a later one
    /// wins. Throws <see cref="SettingsException"/> naming <paramref name="source"/> for one without a key or <c>=</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Parse(IEnumerable<string> assignments, string source = "--setting")
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new SettingsException(source, assignment, assignment, SettingsMessages.Assignment(source, assignment));
            }

            settings[assignment[..equals].Trim()] = assignment[(equals + 1)..];
        }

        return settings;
    }
}
