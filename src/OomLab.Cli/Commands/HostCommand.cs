using System.CommandLine;
using System.Globalization;
using OomLab.Blobs;
using OomLab.Configuration;
using OomLab.Hosting;
using OomLab.Hosting.Admission;
using OomLab.Storage;
using OomLab.Storage.Azure;
using OomLab.Telemetry;
using OomLab.Workers;
using OomLab.Workers.Rpc;
using OomLab.Workers.Stdio;
using Spectre.Console;

namespace OomLab.Cli.Commands;

/// <summary>
/// <c>oomlab host</c>: runs a function host over a root folder: blobs arriving in <c>input/</c> are processed by
/// the function in worker processes under the plan's memory ceiling; outputs go to <c>output/</c>, state and
/// telemetry to <c>.oomlab/</c>.
/// </summary>
internal static class HostCommand
{
    public const string DefaultFunction = "BlobBufferProcessor";

    public static Command Create()
    {
        var root = new Option<DirectoryInfo?>("--root") { Description = "Root folder holding the containers (input/, output/) and state (.oomlab/). Required unless --demo." };
        var app = new Option<DirectoryInfo?>("--app")
        {
            Description = "A function app's build output (host.json, worker.config.json, functions.metadata, the app): its function runs in its own language worker over the Functions worker protocol, reading the container its trigger path names (uploads/{name} reads <root>/uploads/). A folder with only host.json gives the settings to oomlab's own workers. Defaults to the root.",
        };
        var functions = new Option<FileInfo?>("--functions") { Description = "Assembly with the function; defaults to the shipped sample functions." };
        var function = new Option<string>("--function")
        {
            Description = "The function to run: BlobBufferProcessor (buffers whole blobs), BlobStreamProcessor (streams), or one of yours.",
            DefaultValueFactory = _ => DefaultFunction,
        };
        var plan = CommonOptions.Plan();
        var ceiling = CommonOptions.Ceiling();
        var settings = CommonOptions.Settings();
        var appName = new Option<string>("--app-name") { Description = "The app's name in telemetry (cloud_RoleName).", DefaultValueFactory = _ => "oomlab-app" };
        var instance = new Option<string?>("--instance")
        {
            Description = "This host's instance name in telemetry (cloud_RoleInstance); default: the machine name. Give each of several hosts of one app its own, as scaled-out instances have.",
        };
        var untilIdle = new Option<string?>("--until-idle")
        {
            Description = "Stop once nothing has been queued or running for this long, e.g. 2s (default: run until Ctrl-C).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var heapLimit = new Option<string>("--heap-limit")
        {
            Description = "Each worker's GC heap hard limit as a percentage of the ceiling (e.g. 110%), or off. Below 100% in-process OutOfMemoryException comes first; above it, the kill over the ceiling (exit 137).",
            DefaultValueFactory = _ => "100%",
        };
        var restartDelay = new Option<string?>("--restart-delay")
        {
            Description = "Delay before a crashed worker restarts, e.g. 500ms (default: 10s for a function app's workers, the Functions host's ProcessRestartInterval; for oomlab's workers 250ms doubling to 10s).",
        };
        var startTimeout = new Option<string?>("--start-timeout")
        {
            Description = "How long a worker may take to start and be ready for invocations, e.g. 10s (default 30s).",
        };
        var port = new Option<int>("--port")
        {
            Description = "For a function app's HTTP-triggered function: the loopback port it is served on, as http://127.0.0.1:<port>/api/<function> (default 7071, as Core Tools; 0 picks a free one).",
            DefaultValueFactory = _ => 7071,
        };
        var admission = new Option<string?>("--admission")
        {
            Description = "Memory-aware admission: predictive starts an invocation only while the predicted memory of the running ones stays under the high watermark of the ceiling; off (default, as production). Overrides host.json's oomlab:admission:mode.",
        };
        var storage = CommonOptions.Storage();
        var lease = new Option<string?>("--lease")
        {
            Description = "How long a dequeued blob stays invisible to other instances while its invocation runs, renewed at half-time, e.g. 30s (default 10m, as the Functions queue listener): a killed instance's blobs reappear after it.",
        };
        var demo = new Option<bool>("--demo") { Description = "Write a demo load into ./demo (or --root) and run until idle." };

        var command = new Command("host", "Run a function host: discover blobs, dispatch them to worker processes under a memory ceiling, record telemetry.")
        {
            root, app, functions, function, plan, ceiling, settings, appName, untilIdle, heapLimit, restartDelay, startTimeout, port, admission, storage, instance, lease, demo,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            ct => RunAsync(
                new HostArguments(
                    parse.GetValue(root)?.FullName,
                    parse.GetValue(app)?.FullName,
                    parse.GetValue(functions)?.FullName,
                    parse.GetResult(function) is null or { Implicit: true } ? null : parse.GetValue(function),
                    parse.GetValue(plan),
                    parse.GetValue(ceiling),
                    parse.GetValue(settings),
                    parse.GetValue(appName)!,
                    parse.GetValue(instance),
                    parse.GetResult(untilIdle) is null ? null : parse.GetValue(untilIdle) ?? "2s",
                    parse.GetValue(heapLimit)!,
                    parse.GetValue(restartDelay),
                    parse.GetValue(startTimeout),
                    parse.GetValue(port),
                    parse.GetValue(demo),
                    parse.GetValue(admission),
                    parse.GetValue(storage),
                    parse.GetValue(lease)),
                ct),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(HostArguments args, CancellationToken cancellationToken)
    {
        var rootPath = args.Root ?? (args.Demo ? Path.GetFullPath("demo") : throw new OomLabException("--root is required (or use --demo)"));
        var layout = new RootLayout(rootPath);
        if (args.Port is < 0 or > 65535)
        {
            throw new OomLabException($"--port {args.Port}: expected a TCP port from 1 to 65535, or 0 for a free one");
        }

        var instanceName = args.Instance ?? Environment.MachineName;
        if (string.IsNullOrWhiteSpace(instanceName))
        {
            throw new OomLabException($"--instance \"{args.Instance}\": give a name (it becomes cloud_RoleInstance)");
        }

        var appSettings = CommonOptions.ParseSettings(args.Settings);
        var hostSettings = HostSettingsLoader.LoadFromAppDirectory(args.App ?? rootPath, CommonOptions.EnvironmentVariables(), appSettings);
        var memoryCeiling = CommonOptions.ResolveCeiling(args.Plan, args.Ceiling);
        var settingValues = appSettings.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
        var userApp = args.App is { } appDirectory && FunctionApp.IsFunctionApp(appDirectory) ? FunctionApp.Load(appDirectory, settingValues) : null;
        var appFunction = userApp?.Select(args.Function);
        var functionName = appFunction?.Name ?? args.Function ?? DefaultFunction;
        var functionsAssembly = userApp?.WorkerPath ?? args.Functions ?? WorkerCommand.DefaultFunctionsAssembly;
        if (!File.Exists(functionsAssembly))
        {
            throw new OomLabException($"--functions \"{functionsAssembly}\": no such file");
        }

        var idle = args.UntilIdle is { } text ? ParseDuration("--until-idle", text) : args.Demo ? TimeSpan.FromSeconds(2) : (TimeSpan?)null;
        if (args.Demo)
        {
            await DemoLoad.WriteAsync(layout, cancellationToken);
        }

        var heapFraction = ParseHeapLimit(args.HeapLimit);
        var startWithin = args.StartTimeout is { } startText ? ParseDuration("--start-timeout", startText) : (TimeSpan?)null;
        var restart = args.RestartDelay is { } delayText ? ParseDuration("--restart-delay", delayText) : (TimeSpan?)null;
        var leaseDuration = args.Lease is { } leaseText ? ParseDuration("--lease", leaseText) : (TimeSpan?)null;
        if (leaseDuration is { } held && (held < TimeSpan.FromSeconds(1) || held > TimeSpan.FromDays(7)))
        {
            throw new OomLabException($"--lease \"{args.Lease}\": expected a duration from 1s to 7 days");
        }


        var (workerCommand, prefix) = WorkerLaunch.Current();
        IWorkerTransport transport = userApp is null ? new StdioTransport(workerCommand, prefix, functionsAssembly) : new RpcTransport(userApp, appFunction!);
        var inputContainer = Container(appFunction?.InputContainerOr("input") ?? "input");
        var outputContainer = appFunction?.OutputContainer is { } written ? Container(written) : ContainerName.Create("output");
        var storage = args.Storage is { } connection
            ? await AzureStorage.ConnectAsync(
                connection,
                settingValues.GetValueOrDefault("AzureFunctionsWebHost__hostId") ?? AzureNames.HostIdFor(args.AppName),
                functionName,
                inputContainer,
                outputContainer,
                Path.Combine(layout.StateDirectory, "staging"),
                instanceName,
                cancellationToken)
            : null;
        if (storage is not null && appFunction is not null)
        {
            // The app's own storage calls (deferred binding, its SDK clients) reach the same account, under the connection
            // setting its trigger names, unless the user set that setting.
            settingValues.TryAdd(appFunction.Trigger.Connection, storage.ConnectionString);
        }

        var options = new FunctionHostOptions(layout, transport, functionName, memoryCeiling, hostSettings)
        {
            FunctionTimeout = hostSettings.FunctionTimeoutFor(consumption: string.Equals(args.Plan, "Consumption", StringComparison.OrdinalIgnoreCase)),
            InputContainer = inputContainer,
            OutputContainer = outputContainer,
            Storage = storage,
            AppName = args.AppName,
            InstanceName = instanceName,
            LeaseDuration = leaseDuration ?? FunctionHostOptions.DefaultLeaseDuration,
            HttpRoute = appFunction?.Trigger.Route,
            StopWhenIdleFor = idle,
            AppSettings = settingValues,
            Admission = AdmissionSettingsLoader.Load(Path.Combine(args.App ?? rootPath, "host.json"), args.Admission),
            ConfigureWorkers = workers => transport.WithRestartPolicy(workers, restart) with
            {
                GcHeapHardLimitFraction = heapFraction,
                StartTimeout = startWithin ?? workers.StartTimeout,
            },
        };

        var console = CliConsole.Error;
        console.MarkupLine(userApp is null
            ? $"[bold]oomlab host[/] {Markup.Escape(functionName)} over {Markup.Escape(rootPath)}"
            : $"[bold]oomlab host[/] {Markup.Escape(functionName)} of {Markup.Escape(userApp.Directory)} ({Markup.Escape(userApp.Language)}) over {Markup.Escape(rootPath)}: {Markup.Escape(options.InputContainer.Value)}/ -> {Markup.Escape(options.OutputContainer.Value)}/");
        if (appFunction is { WantsDeferredBinding: true } && storage is not null)
        {
            console.MarkupLine($"  {Markup.Escape(RpcMessages.DeferredBinding(functionName, appFunction.Trigger.Connection))}");
        }
        else if (appFunction is { WantsDeferredBinding: true } && userApp!.Language != "python")
        {
            console.MarkupLine($"  [yellow]{Markup.Escape(RpcMessages.DeferredBindingUnavailable(functionName))}[/]");
        }

        if (storage is not null)
        {
            console.MarkupLine($"  storage account {Markup.Escape(storage.Blobs.AccountName)} ({Markup.Escape(storage.Endpoint.ToString())}), host id {Markup.Escape(storage.Names.HostId)}, instance {Markup.Escape(instanceName)}");
        }

        console.MarkupLine($"  ceiling {Markup.Escape(memoryCeiling.Description)}; {Markup.Escape(hostSettings.ToString())}");
        if (options.Admission.Mode != AdmissionMode.Off)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"  admission predictive: high watermark {options.Admission.HighWatermark}, low watermark {options.Admission.LowWatermark}"));
        }

        await using var telemetry = TelemetryWriter.Open(layout.TelemetryPath, new TelemetryIdentity(args.AppName, instanceName));
        if (appFunction is { IsHttp: true })
        {
            return await ServeHttpAsync(options, args.Port, telemetry, layout, console, cancellationToken);
        }

        var host = new FunctionHost(options, telemetry, TimeProvider.System);
        HostRunSummary summary;
        using (var progress = new HostProgress(host, console))
        {
            summary = await host.RunAsync(cancellationToken);
        }

        await telemetry.FlushAsync(CancellationToken.None);
        var status = (storage ?? (IStorageBackend)new FolderStorage(layout, inputContainer, outputContainer)).ReadStatus(poisonLimit: 20);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"done {status.Done}, poison {status.Poison}, queued {status.Queued}, leased {status.Leased}; this run: {summary.Succeeded} succeeded, {summary.Failed} failed ({summary.OutOfMemory} out of memory), {summary.WorkerLost} lost with their worker, {summary.Poisoned} poisoned"));
        Console.Out.WriteLine($"telemetry: {layout.TelemetryPath}");
        return 0;
    }

    /// <summary>A function app's HTTP-triggered function, served on loopback until Ctrl-C (or <c>--until-idle</c>).</summary>
    private static async Task<int> ServeHttpAsync(
        FunctionHostOptions options, int port, TelemetryWriter telemetry, RootLayout layout, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var host = new HttpTriggerHost(options, port == 0 ? LoopbackPort.Free() : port, telemetry, TimeProvider.System);
        try
        {
            var run = host.RunAsync(cancellationToken);
            if (await Task.WhenAny(host.Listening, run) == host.Listening)
            {
                console.MarkupLine($"  serving [bold]{Markup.Escape(host.Url.ToString())}[/]");
            }

            await run;
        }
        catch (System.Net.HttpListenerException ex)
        {
            throw new OomLabException($"--port {port}: cannot listen on 127.0.0.1:{port}: {ex.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await telemetry.FlushAsync(CancellationToken.None);
        var (succeeded, failed, lost) = host.Answered;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"this run: {succeeded + failed + lost} requests, {succeeded} succeeded, {failed} failed, {lost} lost with their worker"));
        Console.Out.WriteLine($"telemetry: {layout.TelemetryPath}");
        return 0;
    }

    private static ContainerName Container(string name) =>
        ContainerName.TryCreate(name, out var container) ? container : throw new OomLabException($"the app's blob path names the container '{name}', which is not a valid container name");

    internal static double ParseHeapLimit(string text)
    {
        var trimmed = text.Trim();
        if (string.Equals(trimmed, "off", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        return double.TryParse(trimmed.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is >= 10 and <= 400
            ? percent / 100
            : throw new OomLabException($"--heap-limit \"{text}\": expected a percentage of the ceiling from 10% to 400%, or off");
    }

    private static TimeSpan ParseDuration(string option, string text)
    {
        var trimmed = text.Trim();
        var (number, unit) = trimmed.EndsWith("ms", StringComparison.Ordinal) ? (trimmed[..^2], 0.001)
            : trimmed.EndsWith('s') ? (trimmed[..^1], 1.0)
            : trimmed.EndsWith('m') ? (trimmed[..^1], 60.0)
            : (trimmed, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || !(value * unit < TimeSpan.MaxValue.TotalSeconds))
        {
            throw new OomLabException($"{option} \"{text}\": expected a duration such as 500ms, 2s or 1m");
        }

        return TimeSpan.FromSeconds(value * unit);
    }

    private sealed record HostArguments(
        string? Root, string? App, string? Functions, string? Function, string? Plan, string? Ceiling, string[]? Settings,
        string AppName, string? Instance, string? UntilIdle, string HeapLimit, string? RestartDelay, string? StartTimeout, int Port, bool Demo, string? Admission,
        string? Storage, string? Lease);
}
