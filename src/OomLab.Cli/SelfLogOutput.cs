using System.CommandLine;
using System.Globalization;
using OomLab.Telemetry;

namespace OomLab.Cli;

/// <summary>
/// Where the self-log (oomlab's reports about its own problems: a telemetry write that failed, a blob name discovery
/// refused, a worker message that could not be read) goes. Off by default. <c>--verbose</c>, on every verb, sends it to
/// standard error; <c>OOMLAB_SELFLOG=stderr</c> does the same, and <c>OOMLAB_SELFLOG=file</c> appends it to
/// <c>&lt;root&gt;/.oomlab/selflog.txt</c> for a verb with <c>--root</c>, else to <c>.oomlab/selflog.txt</c> under the
/// current directory. A worker process, which the host starts with its own environment, writes it to its standard error,
/// which the host keeps for the worker's diagnostics.
/// </summary>
internal static class SelfLogOutput
{
    public const string Variable = "OOMLAB_SELFLOG";

    public const string FileName = "selflog.txt";

    private static readonly Lock FileGate = new();

    /// <summary>The global <c>--verbose</c> option, given to every verb.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Write oomlab's reports about its own problems (the self-log) to standard error.",
        Recursive = true,
    };

    /// <summary>Turns the self-log on as the command line and <c>OOMLAB_SELFLOG</c> ask.</summary>
    /// <exception cref="OomLabException"><c>OOMLAB_SELFLOG</c> is neither <c>stderr</c> nor <c>file</c>.</exception>
    public static void Configure(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var variable = Environment.GetEnvironmentVariable(Variable);
        var toStderr = parse.GetValue(Verbose);
        string? file = null;
        switch (variable?.Trim().ToLowerInvariant())
        {
            case null or "":
                break;
            case "stderr":
                toStderr = true;
                break;
            case "file" when parse.CommandResult.Command.Name == "worker":
                toStderr = true;
                break;
            case "file":
                file = Path.Combine(RootOf(parse) ?? Environment.CurrentDirectory, ".oomlab", FileName);
                break;
            default:
                throw new OomLabException($"{Variable} \"{variable}\": expected stderr or file");
        }

        if (!toStderr && file is null)
        {
            return;
        }

        SelfLog.Enable(message =>
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{TimeProvider.System.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} selflog: {message}");
            if (toStderr)
            {
                Console.Error.WriteLine(line);
            }

            if (file is not null)
            {
                Append(file, line);
            }
        });
    }

    private static string? RootOf(ParseResult parse)
    {
        var option = parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--root");
        var text = option is null ? null : parse.GetResult(option)?.Tokens.FirstOrDefault()?.Value;
        return string.IsNullOrWhiteSpace(text) ? null : Path.GetFullPath(text);
    }

    private static void Append(string file, string line)
    {
        lock (FileGate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.AppendAllText(file, line + Environment.NewLine);
        }
    }
}
