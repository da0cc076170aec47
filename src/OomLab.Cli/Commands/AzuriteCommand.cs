using System.CommandLine;
using OomLab.Storage;

namespace OomLab.Cli.Commands;

/// <summary><c>oomlab azurite</c>: starts the Azure Storage emulator on free loopback ports, prints its connection string, stops on Ctrl-C.</summary>
internal static class AzuriteCommand
{
    public static Command Create()
    {
        var location = new Option<string?>("--location") { Description = "Folder for Azurite's data (default: a temporary folder, deleted when it stops).", HelpName = "DIR" };
        var command = new Command("azurite", "Start Azurite (the Azure Storage emulator) on free loopback ports and print its connection string; Ctrl-C stops it.") { location };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            async ct =>
            {
                var folder = result.GetValue(location);
                var temporary = folder is null;
                folder ??= Directory.CreateTempSubdirectory("oomlab-azurite-").FullName;
                try
                {
                    await using var azurite = await AzuriteProcess.StartAsync(Path.GetFullPath(folder), TimeSpan.FromSeconds(60), ct);
                    Console.Out.WriteLine(azurite.ConnectionString);
                    await Console.Out.FlushAsync(ct);
                    await azurite.Exited.WaitAsync(ct);
                    await Console.Error.WriteLineAsync("azurite: the emulator exited on its own");
                    return 1;
                }
                finally
                {
                    if (temporary)
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                }
            },
            cancellationToken));
        return command;
    }
}
