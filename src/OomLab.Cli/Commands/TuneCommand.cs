using System.CommandLine;
using System.Globalization;
using OomLab.Blobs;
using OomLab.Capacity;
using OomLab.Configuration;
using OomLab.Hosting;
using OomLab.Memory;
using OomLab.Workers;
using OomLab.Workers.Rpc;
using OomLab.Workers.Stdio;
using Spectre.Console;

namespace OomLab.Cli.Commands;

/// <summary>
/// <c>oomlab tune</c>: runs a function on sample inputs at rising concurrency under each plan's real ceiling and
/// recommends the largest MAX_CONCURRENT_INVOCATIONS and batch size that stay under a headroom of it.
/// </summary>
internal static class TuneCommand
{
    public static Command Create()
    {
        var app = new Option<DirectoryInfo?>("--app") { Description = "A function app's build output: its blob-triggered function runs in its own language worker." };
        var functions = new Option<FileInfo?>("--functions") { Description = "Assembly with the function; defaults to the shipped sample functions." };
        var function = new Option<string?>("--function") { Description = "The function to tune: BlobBufferProcessor, BlobStreamProcessor, one of yours, or the app's (default: its only blob-triggered one)." };
        var sample = new Option<DirectoryInfo>("--sample") { Description = "A folder of sample inputs (every file under it, as blobs); the runs use exactly these.", Required = true };
        var plan = new Option<string[]>("--plan")
        {
            Description = $"A plan to tune for (repeatable): {string.Join(", ", Plan.All.Select(p => p.Name))}. Default EP1 unless --ceiling.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var ceiling = CommonOptions.Ceiling();
        var headroom = new Option<string>("--headroom")
        {
            Description = "The share of the ceiling a run must stay under, e.g. 75% (the first alert band, default) or 0.9.",
            DefaultValueFactory = _ => "75%",
        };
        var heapLimit = new Option<string>("--heap-limit")
        {
            Description = "Each .NET worker's GC heap hard limit as a percentage of the ceiling, or off. Default: the headroom (.NET's own default in a container is 75 % of its limit), so the garbage collector works inside it and a run passes it only as an OutOfMemoryException; without a heap limit (or for a Python app) a run's peak must stay under the headroom.",
        };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Where the runs' folders go (default: a temporary folder, deleted afterwards)." };

        var command = new Command("tune", "Find the largest concurrency and batch size that keep a function under a headroom of each plan's ceiling, by running it on sample inputs; prints the host.json and app settings to paste.")
        {
            app, functions, function, sample, plan, ceiling, headroom, heapLimit, work,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            ct => RunAsync(
                new TuneArguments(
                    parse.GetValue(app)?.FullName, parse.GetValue(functions)?.FullName, parse.GetValue(function), parse.GetValue(sample)!.FullName,
                    parse.GetValue(plan) ?? [], parse.GetValue(ceiling), parse.GetValue(headroom)!, parse.GetValue(heapLimit), parse.GetValue(work)?.FullName),
                ct),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(TuneArguments args, CancellationToken cancellationToken)
    {
        var headroom = ParseHeadroom(args.Headroom);
        var heapFraction = args.HeapLimit is { } limit ? HostCommand.ParseHeapLimit(limit) : headroom;
        var samples = Samples(args.Sample);
        var ceilings = args.Ceiling is not null
            ? [("custom", CommonOptions.ResolveCeiling(null, args.Ceiling))]
            : (args.Plans.Length == 0 ? [Plan.EP1.Name] : args.Plans).Select(p => (Label: Plan.TryParse(p, out var found) ? found.Name : p, Ceiling: CommonOptions.ResolveCeiling(p, null))).ToList();

        var userApp = args.App is { } appDirectory && FunctionApp.IsFunctionApp(appDirectory) ? FunctionApp.Load(appDirectory, new Dictionary<string, string>(StringComparer.Ordinal)) : null;
        var appFunction = userApp?.Select(args.Function);
        var functionName = appFunction?.Name ?? args.Function ?? HostCommand.DefaultFunction;
        var functionsAssembly = userApp?.WorkerPath ?? args.Functions ?? WorkerCommand.DefaultFunctionsAssembly;
        if (!File.Exists(functionsAssembly))
        {
            throw new OomLabException($"--functions \"{functionsAssembly}\": no such file");
        }

        var (workerCommand, prefix) = WorkerLaunch.Current();
        IWorkerTransport transport = userApp is null ? new StdioTransport(workerCommand, prefix, functionsAssembly) : new RpcTransport(userApp, appFunction!);
        // A heap held to the headroom makes the collector fill it: then only a kill or an OutOfMemoryException says a run
        // does not fit. Without one (or for Python's heap), the run's peak itself must stay under the headroom.
        var heapHoldsHeadroom = heapFraction > 0 && heapFraction <= headroom && userApp?.Language != "python";
        var workRoot = args.Work ?? Path.Combine(Path.GetTempPath(), $"oomlab-tune-{Guid.NewGuid():N}");
        var console = CliConsole.Error;
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]oomlab tune[/] {Markup.Escape(functionName)}: {samples.Count} sample inputs ({MemoryText.Format(samples.Min(s => s.Length))} to {MemoryText.Format(samples.Max(s => s.Length))}), headroom {headroom:P0}"));
        try
        {
            foreach (var (label, memoryCeiling) in ceilings)
            {
                FunctionHostOptions CreateHost(RootLayout layout, IReadOnlyDictionary<string, string> settings)
                {
                    var hostSettings = HostSettingsLoader.LoadFromAppDirectory(args.App ?? layout.Root, CommonOptions.EnvironmentVariables(), settings.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal));
                    return new FunctionHostOptions(layout, transport, functionName, memoryCeiling, hostSettings)
                    {
                        InputContainer = ContainerName.Create(appFunction?.InputContainerOr("input") ?? "input"),
                        OutputContainer = ContainerName.Create(appFunction?.OutputContainer ?? "output"),
                        StopWhenIdleFor = TimeSpan.FromSeconds(1),
                        AppSettings = settings,
                        ConfigureWorkers = workers => transport.WithRestartPolicy(workers, null) with
                        {
                            GcHeapHardLimitFraction = heapFraction,
                            CounterInterval = workers.SamplingInterval,
                        },
                    };
                }

                var runner = new CapacityTrialRunner([.. samples.Select(s => (s.Path, s.Name))], workRoot, CreateHost, TimeProvider.System) { Label = label };
                console.MarkupLine($"{Markup.Escape(label)}: ceiling {Markup.Escape(memoryCeiling.Description)}");
                var result = await CapacitySearch.FindAsync(memoryCeiling, headroom, heapHoldsHeadroom ? memoryCeiling.Bytes : (long)(memoryCeiling.Bytes * headroom), samples.Count, async (concurrency, ct) =>
                {
                    var trial = await runner.RunAsync(concurrency, ct);
                    console.MarkupLine(Markup.Escape(TuneText.Trial(trial, memoryCeiling)));
                    return trial;
                }, cancellationToken);
                Console.Out.Write(TuneText.Result(label, result));
            }
        }
        finally
        {
            if (args.Work is null && Directory.Exists(workRoot))
            {
                Directory.Delete(workRoot, recursive: true);
            }
        }

        return 0;
    }

    private static List<(string Path, string Name, long Length)> Samples(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new OomLabException($"--sample \"{folder}\": no such folder");
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Name: Path.GetRelativePath(folder, path).Replace('\\', '/'), Length: new FileInfo(path).Length))
            .Where(f => BlobName.TryCreate(f.Name, out _, out _))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        return files.Count > 0 ? files : throw new OomLabException($"--sample \"{folder}\": no input files in it");
    }

    private static double ParseHeadroom(string text)
    {
        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        return double.TryParse(trimmed.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && (percent ? value / 100 : value) is var fraction && fraction > 0 && fraction <= 1
            ? fraction
            : throw new OomLabException($"--headroom \"{text}\": expected a share of the ceiling above 0 and at most 100%, e.g. 75% or 0.9");
    }

    private sealed record TuneArguments(
        string? App, string? Functions, string? Function, string Sample, string[] Plans, string? Ceiling, string Headroom, string? HeapLimit, string? Work);
}
