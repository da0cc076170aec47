using System.Text.Json;

namespace OomLab.Workers.Rpc;

/// <summary>
/// A user's function app, as its build output lays it out: <c>worker.config.json</c> says how the Functions host starts
/// its language worker; <c>functions.metadata</c> (the .NET isolated worker SDK writes it) lists its functions and their
/// bindings. A Python v2 app (<c>function_app.py</c> and no <c>worker.config.json</c>) runs under oomlab's own Python
/// worker, which indexes it (<see cref="PythonApp"/>). Loaded once; every error names the file.
/// </summary>
internal sealed class FunctionApp
{
    public const string WorkerConfigFile = "worker.config.json";
    public const string MetadataFile = "functions.metadata";

    private FunctionApp(string directory, string language, string executable, IReadOnlyList<string> arguments, string workerPath,
        IReadOnlyList<string> workerArguments, IReadOnlyList<AppFunction> functions, string source)
    {
        Directory = directory;
        Source = source;
        Language = language;
        Executable = executable;
        Arguments = arguments;
        WorkerPath = workerPath;
        WorkerArguments = workerArguments;
        Functions = functions;
    }

    /// <summary>The app's folder (the script root).</summary>
    public string Directory { get; }

    /// <summary><c>FUNCTIONS_WORKER_RUNTIME</c>: <c>dotnet-isolated</c>, <c>python</c>, ...</summary>
    public string Language { get; }

    /// <summary><c>defaultExecutablePath</c>, with <c>%VARIABLES%</c> expanded: <c>dotnet</c>, <c>python</c>, or an app host.</summary>
    public string Executable { get; }

    /// <summary><c>arguments</c>: what goes between the executable and the worker path.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary><c>defaultWorkerPath</c> as a full path, e.g. <c>&lt;app&gt;/MyApp.dll</c>.</summary>
    public string WorkerPath { get; }

    /// <summary><c>workerArguments</c>: what goes after the worker path, before the host's own arguments.</summary>
    public IReadOnlyList<string> WorkerArguments { get; }

    /// <summary>The app's blob- and HTTP-triggered functions from <c>functions.metadata</c> (or a Python app's indexing); empty when the app has no such file.</summary>
    public IReadOnlyList<AppFunction> Functions { get; }

    /// <summary>The file the functions come from: <c>functions.metadata</c>, or a Python app's <c>function_app.py</c>.</summary>
    public string Source { get; }

    /// <summary>True when <paramref name="directory"/> holds a <c>worker.config.json</c>, or is a Python v2 app.</summary>
    public static bool IsFunctionApp(string directory) => File.Exists(Path.Combine(directory, WorkerConfigFile)) || PythonApp.IsPythonApp(directory);

    /// <param name="directory">The app's folder.</param>
    /// <param name="environment">The app settings, for a Python app whose module reads them when it is imported.</param>
    /// <exception cref="FunctionAppException">A file is missing or malformed.</exception>
    public static FunctionApp Load(string directory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var full = Path.GetFullPath(directory);
        var configPath = Path.Combine(full, WorkerConfigFile);
        if (!File.Exists(configPath))
        {
            return PythonApp.IsPythonApp(full)
                ? LoadPython(full, environment ?? new Dictionary<string, string>())
                : throw new FunctionAppException(FunctionAppMessages.NotAFunctionApp(full));
        }

        using var config = ReadJson(configPath);
        var description = config.RootElement.ValueKind == JsonValueKind.Object && config.RootElement.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.Object
            ? d
            : throw new FunctionAppException(FunctionAppMessages.Missing(configPath, "description"));
        var language = Text(description, "language") ?? throw new FunctionAppException(FunctionAppMessages.Missing(configPath, "description.language"));
        var executable = Text(description, "defaultExecutablePath") ?? throw new FunctionAppException(FunctionAppMessages.Missing(configPath, "description.defaultExecutablePath"));
        var worker = Text(description, "defaultWorkerPath") ?? throw new FunctionAppException(FunctionAppMessages.Missing(configPath, "description.defaultWorkerPath"));
        executable = Expand(executable).Replace("{WorkerRoot}", full + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var workerPath = Path.Combine(full, Expand(worker).Replace("{WorkerRoot}", string.Empty, StringComparison.Ordinal));
        if (!File.Exists(workerPath))
        {
            throw new FunctionAppException(FunctionAppMessages.WorkerNotFound(configPath, worker));
        }

        var metadataPath = Path.Combine(full, MetadataFile);
        var functions = File.Exists(metadataPath) ? ReadFunctions(metadataPath) : [];
        return new FunctionApp(full, language, executable, List(description, "arguments"), workerPath, List(description, "workerArguments"), functions, metadataPath);
    }

    /// <summary>The function to run: the one named, or the app's only function (blob- or HTTP-triggered).</summary>
    /// <exception cref="FunctionAppException">It is not there, or the app has none or several and none was named.</exception>
    public AppFunction Select(string? name)
    {
        var path = Source;
        var names = Functions.Select(f => f.Name).ToArray();
        if (name is not null)
        {
            return Functions.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw new FunctionAppException(FunctionAppMessages.UnknownFunction(name, path, names));
        }

        return Functions.Count switch
        {
            0 => throw new FunctionAppException(FunctionAppMessages.NoFunctions(path)),
            1 => Functions[0],
            _ => throw new FunctionAppException(FunctionAppMessages.ChooseFunction(path, names)),
        };
    }

    /// <summary>Reads one function's metadata (a <c>functions.metadata</c> entry, or a worker's raw bindings); null when it is neither blob- nor HTTP-triggered.</summary>
    public static AppFunction? ReadFunction(string source, string name, IEnumerable<JsonElement> rawBindings)
    {
        var bindings = rawBindings.Select(AppBinding.From).OfType<AppBinding>().ToList();
        if (bindings.FirstOrDefault(b => b.IsBlobTrigger || b.IsHttpTrigger) is not { } trigger)
        {
            return null;
        }

        var triggerPath = trigger.IsHttpTrigger
            ? null
            : BlobPath.TryParse(trigger.Path) ?? throw new FunctionAppException(FunctionAppMessages.BadPath(source, name, trigger.Name, trigger.Path ?? string.Empty));
        var outputs = bindings.Where(b => b.IsBlobOutput)
            .Select(b => (b, BlobPath.TryParse(b.Path) ?? throw new FunctionAppException(FunctionAppMessages.BadPath(source, name, b.Name, b.Path ?? string.Empty))))
            .ToList();
        var containers = outputs.Select(o => o.Item2.Container).Distinct(StringComparer.Ordinal).ToList();
        if (containers.Count > 1)
        {
            throw new FunctionAppException(FunctionAppMessages.OutputsInSeveralContainers(source, name, containers));
        }

        return new AppFunction(name, trigger, triggerPath, outputs, bindings);
    }

    /// <summary>A Python v2 app: the worker config the production host ships for Python, with oomlab's worker.</summary>
    private static FunctionApp LoadPython(string directory, IReadOnlyDictionary<string, string> environment)
    {
        var script = Path.Combine(directory, PythonApp.ScriptFile);
        var (interpreter, indexed) = PythonApp.Index(directory, environment);
        var functions = indexed.Select(f => ReadFunction(script, f.Name, f.Bindings)).OfType<AppFunction>().ToList();
        return new FunctionApp(directory, "python", interpreter, [], PythonApp.WorkerPath, [], functions, script);
    }

    private static List<AppFunction> ReadFunctions(string path)
    {
        using var document = ReadJson(path);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FunctionAppException(FunctionAppMessages.Missing(path, "[ functions ]"));
        }

        var functions = new List<AppFunction>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || Text(entry, "name") is not { } name)
            {
                continue;
            }

            var bindings = entry.TryGetProperty("bindings", out var b) && b.ValueKind == JsonValueKind.Array ? b.EnumerateArray().ToList() : [];
            if (ReadFunction(path, name, bindings) is { } function)
            {
                functions.Add(function);
            }
        }

        return functions;
    }

    private static JsonDocument ReadJson(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FunctionAppException(FunctionAppMessages.Unreadable(path, ex.Message));
        }

        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new FunctionAppException(FunctionAppMessages.Malformed(
                path, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1, (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ')));
        }
    }

    private static string? Text(JsonElement element, string key) =>
        element.EnumerateObject().FirstOrDefault(p => p.Name.Equals(key, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } p
            ? p.Value.GetString()
            : null;

    private static string[] List(JsonElement element, string key) =>
        element.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => Expand(e.GetString()!))]
            : [];

    /// <summary>Expands <c>%VARIABLE%</c> as the Functions host does; an unset variable is removed.</summary>
    private static string Expand(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "%([^%]+)%", m => Environment.GetEnvironmentVariable(m.Groups[1].Value) ?? string.Empty);
}
