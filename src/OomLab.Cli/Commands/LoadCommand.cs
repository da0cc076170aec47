using System.CommandLine;
using System.Globalization;
using OomLab.Blobs;
using OomLab.Configuration;
using OomLab.Storage.Azure;

namespace OomLab.Cli.Commands;

/// <summary><c>oomlab load</c>: writes N blobs of a size distribution into a container, at a rate.</summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var root = new Option<string?>("--root") { Description = "Root folder: containers are its subfolders (input, output). Required unless --storage.", HelpName = "DIR" };
        var storage = CommonOptions.Storage();
        var container = new Option<string>("--container") { Description = "Container to write into.", DefaultValueFactory = _ => "input", HelpName = "NAME" };
        var count = new Option<int>("--count") { Description = "Number of blobs to write.", Required = true, HelpName = "N" };
        var size = new Option<string>("--size")
        {
            Description = "Blob size, or a uniform range: 4KiB, 6MiB..12MiB (units B, KB, MB, GB decimal; KiB, MiB, GiB binary).",
            Required = true,
            HelpName = "SIZE",
        };
        var rate = new Option<string?>("--rate") { Description = "Blobs per second at most, e.g. 200/s (default: as fast as possible).", HelpName = "R/s" };
        var seed = new Option<int>("--seed") { Description = "Seed for sizes and contents.", DefaultValueFactory = _ => 1, HelpName = "S" };
        var prefix = new Option<string>("--prefix") { Description = "Prefix of blob names, e.g. phase-1/ (names are <prefix>blob-000001.txt).", DefaultValueFactory = _ => string.Empty, HelpName = "P" };

        var command = new Command("load", "Write blobs of text lines into a container, each complete at once (temp file + rename).")
        {
            root, storage, container, count, size, rate, seed, prefix,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            async ct =>
            {
                var plan = Plan(result.GetValue(count), result.GetRequiredValue(size), result.GetValue(rate), result.GetValue(seed), result.GetValue(prefix) ?? string.Empty);
                var name = Container(result.GetValue(container) ?? "input");
                if (result.GetValue(storage) is { } connection)
                {
                    var account = await AzureLoadTarget.OpenAsync(connection, name, ct);
                    var uploaded = await new LoadGenerator().RunAsync(account, plan, ct);
                    Console.Out.WriteLine(Describe(uploaded, plan, account.Uri.ToString()));
                    return 0;
                }

                var rootPath = result.GetValue(root) ?? throw new OomLabException("--root is required (or --storage)");
                LoadResult written;
                BlobContainer target;
                try
                {
                    target = new BlobContainer(new RootLayout(rootPath), name);
                    written = await new LoadGenerator().RunAsync(target, plan, ct);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new OomLabException(LoadMessages.CannotWrite(rootPath, ex.Message), ex);
                }

                Console.Out.WriteLine(Describe(written, plan, target.DirectoryPath));
                return 0;
            },
            cancellationToken));
        return command;
    }

    internal static LoadPlan Plan(int count, string size, string? rate, int seed, string prefix)
    {
        if (count < 1)
        {
            throw new OomLabException(LoadMessages.Count(count));
        }

        if (!ByteSizeRange.TryParse(size, out var sizes, out var sizeError))
        {
            throw new OomLabException(LoadMessages.Size(sizeError));
        }

        double? perSecond = null;
        if (rate is not null)
        {
            var number = rate.EndsWith("/s", StringComparison.Ordinal) ? rate[..^2] : rate;
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !(parsed > 0) || !double.IsFinite(parsed))
            {
                throw new OomLabException(LoadMessages.Rate(rate));
            }

            perSecond = parsed;
        }

        var plan = new LoadPlan(count, sizes, perSecond, seed, prefix);
        var prefixError = BlobName.TryCreate(plan.NameAt(0), out _, out var nameError)
            ? BlobContainer.IsWorkInProgress(plan.NameAt(0)) ? LoadMessages.HiddenPrefix : null
            : nameError;
        if (prefixError is not null)
        {
            throw new OomLabException(LoadMessages.Prefix(prefix, prefixError));
        }

        return plan;
    }

    private static ContainerName Container(string name) =>
        ContainerName.TryCreate(name, out var container) ? container : throw new OomLabException($"--container: {BlobMessages.InvalidContainer(name)}");

    private static string Describe(LoadResult written, LoadPlan plan, string target) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"wrote {written.Blobs} blobs, {new ByteSize(written.Bytes).ToDisplayString()} ({plan.Sizes}) to {target} " +
            $"({written.FirstName} .. {written.LastName}) in {written.Elapsed.TotalSeconds:0.00} s, {written.BlobsPerSecond:0} blobs/s");
}
