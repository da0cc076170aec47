using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OomLab.Blobs;
using OomLab.Queue;
using OomLab.Storage.Azure;
using Spectre.Console;

namespace OomLab.Cli.Commands;

/// <summary><c>oomlab status</c>: counts of queued, leased, done and poison blobs, and the poison list with reasons.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var root = new Option<string?>("--root") { Description = "Root folder the host ran on (its queue is <root>/.oomlab/queue.db). Required unless --storage.", HelpName = "DIR" };
        var storage = CommonOptions.Storage();
        var appName = new Option<string>("--app-name") { Description = "With --storage: the app whose host id's queues and receipts to read (as given to oomlab host).", DefaultValueFactory = _ => "oomlab-app" };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table", HelpName = "table|json" };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("status", "Show the queue: queued, leased, done and poison blobs, with the reasons for poison.") { root, storage, appName, format };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            async ct =>
            {
                var status = result.GetValue(storage) is { } connection
                    ? (await AzureStorage.OpenForStatusAsync(connection, AzureNames.HostIdFor(result.GetValue(appName)!), ct)).ReadStatus(poisonLimit: 1000)
                    : BlobQueue.ReadStatus(new RootLayout(result.GetValue(root) ?? throw new OomLabException("--root is required (or --storage)")).QueuePath);
                if (result.GetValue(format) == "json")
                {
                    WriteJson(status);
                }
                else
                {
                    WriteTable(status);
                }

                return 0;
            },
            cancellationToken));
        return command;
    }

    private static void WriteTable(QueueStatus status)
    {
        var counts = new Table().AddColumn("state").AddColumn(new TableColumn("blobs").RightAligned());
        counts.AddRow("queued", Number(status.Queued));
        counts.AddRow("leased", Number(status.Leased));
        counts.AddRow("done", Number(status.Done));
        counts.AddRow("poison", Number(status.Poison));
        counts.AddRow("[bold]total[/]", Number(status.Total));
        counts.AddRow("receipts", Number(status.Receipts));
        CliConsole.Out.Write(counts);
        if (status.PoisonList.Count == 0)
        {
            return;
        }

        var poison = new Table().Title("poison").AddColumn("blob").AddColumn("version").AddColumn(new TableColumn("attempts").RightAligned()).AddColumn("reason");
        foreach (var message in status.PoisonList)
        {
            poison.AddRow(
                Markup.Escape(BlobMessages.Escape(message.Name)),
                Markup.Escape(message.Version),
                Number(message.DequeueCount),
                Markup.Escape(BlobMessages.Escape(message.Reason)));
        }

        CliConsole.Out.Write(poison);
    }

    private static void WriteJson(QueueStatus status)
    {
        using var output = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("queued", status.Queued);
            json.WriteNumber("leased", status.Leased);
            json.WriteNumber("done", status.Done);
            json.WriteNumber("poison", status.Poison);
            json.WriteNumber("receipts", status.Receipts);
            json.WriteStartArray("poisonList");
            foreach (var message in status.PoisonList)
            {
                json.WriteStartObject();
                json.WriteString("blob", message.Name);
                json.WriteString("version", message.Version);
                json.WriteNumber("length", message.Length);
                json.WriteNumber("dequeueCount", message.DequeueCount);
                json.WriteString("reason", message.Reason);
                json.WriteString("poisonedAt", message.PoisonedAt);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
