using System.CommandLine;
using OomLab.Configuration;
using OomLab.Memory;

namespace OomLab.Cli;

/// <summary>Options several verbs share (<c>--plan</c>, <c>--ceiling</c>, <c>--setting</c>, <c>--storage</c>), and how to read them.</summary>
internal static class CommonOptions
{
    public static Option<string> Plan() => new("--plan")
    {
        Description = $"Hosting plan whose memory ceiling applies: {string.Join(", ", Memory.Plan.All.Select(p => p.Name))}.",
        DefaultValueFactory = _ => Memory.Plan.EP1.Name,
    };

    public static Option<string?> Ceiling() => new("--ceiling")
    {
        Description = "A custom memory ceiling instead of the plan's, e.g. 224MiB or 1.5GB.",
    };

    public static Option<string?> Storage() => new("--storage")
    {
        Description = "An Azure Storage connection string (or UseDevelopmentStorage=true) for the containers, the blob trigger's queues and its receipts, instead of folders under --root; `oomlab azurite` prints one.",
        HelpName = "CONNECTION-STRING",
    };

    public static Option<string[]> Settings() => new("--setting")
    {
        Description = "An app setting KEY=VALUE (repeatable), e.g. BLOB_BATCH_SIZE=32 or AzureFunctionsJobHost__extensions__queues__batchSize=8.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>
    /// The ceiling in force: <c>--ceiling</c> if given, else the plan's; lowered to the cgroup limit when the
    /// process runs inside a smaller one.
    /// </summary>
    public static MemoryCeiling ResolveCeiling(string? plan, string? ceiling)
    {
        MemoryCeiling requested;
        if (!string.IsNullOrWhiteSpace(ceiling))
        {
            if (!ByteSize.TryParse(ceiling, out var size, out var error))
            {
                throw new OomLabException($"--ceiling \"{ceiling}\": {error}");
            }

            if (size.Bytes <= 0)
            {
                throw new OomLabException($"--ceiling \"{ceiling}\": the ceiling must be larger than zero");
            }

            requested = MemoryCeiling.Custom(size.Bytes);
        }
        else if (Memory.Plan.TryParse(plan, out var preset))
        {
            requested = MemoryCeiling.FromPlan(preset);
        }
        else
        {
            throw new OomLabException($"--plan \"{plan}\": unknown plan; expected one of {string.Join(", ", Memory.Plan.All.Select(p => p.Name))}");
        }

        return requested.Within(CgroupMemoryLimit.Read());
    }

    /// <summary>Parses <c>KEY=VALUE</c> pairs; a later key wins.</summary>
    public static Dictionary<string, string?> ParseSettings(IEnumerable<string>? pairs)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new OomLabException($"--setting \"{pair}\": expected KEY=VALUE");
            }

            settings[pair[..equals].Trim()] = pair[(equals + 1)..];
        }

        return settings;
    }

    /// <summary>The process's environment variables as a dictionary, for the settings loader.</summary>
    public static Dictionary<string, string?> EnvironmentVariables()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }
}
