using OomLab.Workers.Rpc;

namespace OomLab.Lab;

/// <summary>
/// A function app in a lab run, a user's or the seed's own Python apps: its faulty function stands in for the run's
/// first deployment and its fixed one (the same function unless another is named, of <see cref="FixedApp"/>) for every
/// later one, each with the deployment's settings, so a run reproduces and proves the fix of that code. Blobs go to
/// the container the faulty function's trigger reads.
/// </summary>
/// <param name="App">The app of the first deployment.</param>
/// <param name="Faulty">The function of the first deployment.</param>
/// <param name="Fixed">The function of the remediation, of <see cref="FixedApp"/>.</param>
internal sealed record LabApp(FunctionApp App, AppFunction Faulty, AppFunction Fixed)
{
    /// <summary>The app of the remediation: another package, as the seed deploys its streaming app; default <see cref="App"/>.</summary>
    public FunctionApp FixedApp { get; init => field = value ?? throw new ArgumentNullException(nameof(FixedApp)); } = App;

    /// <summary>The container the load is written to: the faulty function's trigger container (<c>input</c> for an HTTP function).</summary>
    public string InputContainer => Faulty.InputContainerOr("input");

    /// <summary>The app and function that run as the run's deployment number <paramref name="index"/> (0 is the first).</summary>
    public (FunctionApp App, AppFunction Function) At(int index) => index == 0 ? (App, Faulty) : (FixedApp, Fixed);

    /// <summary>The run's deployments with the app's functions in place of the sample ones, each with the app's worker runtime.</summary>
    public IReadOnlyList<LabDeployment> Apply(IReadOnlyList<LabDeployment> deployments)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        return [.. deployments.Select((d, i) =>
        {
            var (app, function) = At(i);
            var settings = new Dictionary<string, string>(d.AppSettings, StringComparer.Ordinal) { ["FUNCTIONS_WORKER_RUNTIME"] = app.Language };
            return function.IsHttp == (d.Trigger == DeploymentTrigger.Http)
                ? d with { Package = Path.GetFileName(app.Directory.TrimEnd(Path.DirectorySeparatorChar)), Function = function.Name, AppSettings = settings }
                : throw new FunctionAppException(Mismatch(d, app, function, i == 0 ? "--function" : "--fix-function"));
        })];
    }

    private static string Mismatch(LabDeployment deployment, FunctionApp app, AppFunction function, string option)
    {
        var wanted = deployment.Trigger == DeploymentTrigger.Http ? "HTTP" : "blob";
        var candidates = app.Functions.Where(f => f.IsHttp == (deployment.Trigger == DeploymentTrigger.Http)).Select(f => f.Name).ToList();
        return $"this scenario's deployment of {deployment.Function} is {wanted}-triggered, but '{function.Name}' of {app.Source} is not; choose a {wanted}-triggered function with {option}"
            + (candidates.Count == 0 ? $" (the app has none)" : $": {string.Join(", ", candidates)}");
    }
}
