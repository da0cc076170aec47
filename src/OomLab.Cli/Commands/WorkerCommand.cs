using System.CommandLine;
using OomLab.Workers;

namespace OomLab.Cli.Commands;

/// <summary>
/// <c>oomlab worker</c> (hidden): the worker process the host starts. Standard input and output carry the
/// worker protocol (newline-delimited JSON); anything the function prints goes to standard error.
/// </summary>
internal static class WorkerCommand
{
    /// <summary>The sample functions shipped next to the executable: <c>functions/OomLab.Functions.dll</c>.</summary>
    public static string DefaultFunctionsAssembly => Path.Combine(AppContext.BaseDirectory, "functions", "OomLab.Functions.dll");

    public static Command Create()
    {
        var functions = new Option<string>("--functions")
        {
            Description = "Path of the assembly holding the function; defaults to the shipped sample functions.",
            DefaultValueFactory = _ => DefaultFunctionsAssembly,
        };
        var function = new Option<string>("--function")
        {
            Description = "The function's name ([Function] name or class name).",
            Required = true,
        };
        var command = new Command("worker", "Runs one worker process (started by the host).")
        {
            Hidden = true,
        };
        command.Options.Add(functions);
        command.Options.Add(function);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            ct => RunAsync(parse.GetValue(functions)!, parse.GetValue(function)!, ct), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string functionsAssembly, string functionName, CancellationToken cancellationToken)
    {
        // Take the real standard output for the protocol before anything can write text to it.
        var protocolOut = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        LoadedFunction loaded;
        try
        {
            loaded = FunctionLoader.Load(functionsAssembly, functionName);
        }
        catch (FunctionLoadException ex)
        {
            // One plain line: the host reads this from our standard error into its own error message.
            await Console.Error.WriteLineAsync($"error: {ex.Message}".AsMemory(), cancellationToken);
            return ex.ExitCode;
        }

        var runtime = new WorkerRuntime(loaded, TimeProvider.System);
        await using var input = Console.OpenStandardInput();
        return await runtime.RunAsync(input, protocolOut, cancellationToken);
    }
}
