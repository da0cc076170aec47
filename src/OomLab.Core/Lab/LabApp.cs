using OomLab.Workers.Rpc;

namespace OomLab.Lab;

/// <summary>
/// A user's function app in a lab run: its faulty function stands in for the run's first deployment and its fixed one
/// (the same function unless the user names another) for every later one, each with the deployment's settings, so a
/// scenario reproduces and proves the fix of the user's own code. Blobs go to the container the app's trigger reads.
/// </summary>
/// <param name="App">The app's build output.</param>
/// <param name="Faulty">The function of the first deployment.</param>
/// <param name="Fixed">The function of the remediation.</param>
internal sealed record LabApp(FunctionApp App, AppFunction Faulty, AppFunction Fixed)
{
    /// <summary>The container the load is written to: the faulty function's trigger container (<c>input</c> for an HTTP function).</summary>
    public string InputContainer => Faulty.InputContainerOr("input");

    /// <summary>The app's function that runs in place of <paramref name="deployment"/>'s, or null when it is not one of the app's.</summary>
    public AppFunction? FunctionOf(LabDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return deployment.Function == Faulty.Name ? Faulty : deployment.Function == Fixed.Name ? Fixed : null;
    }

    /// <summary>The run's deployments with the app's functions in place of the sample ones.</summary>
    public IReadOnlyList<LabDeployment> Apply(IReadOnlyList<LabDeployment> deployments)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        var package = Path.GetFileName(App.Directory.TrimEnd(Path.DirectorySeparatorChar));
        return [.. deployments.Select((d, i) =>
        {
            var function = i == 0 ? Faulty : Fixed;
            return function.IsHttp == (d.Trigger == DeploymentTrigger.Http)
                ? d with { Package = package, Function = function.Name }
                : throw new FunctionAppException(Mismatch(d, function, i == 0 ? "--function" : "--fix-function"));
        })];
    }

    private string Mismatch(LabDeployment deployment, AppFunction function, string option)
    {
        var wanted = deployment.Trigger == DeploymentTrigger.Http ? "HTTP" : "blob";
        var candidates = App.Functions.Where(f => f.IsHttp == (deployment.Trigger == DeploymentTrigger.Http)).Select(f => f.Name).ToList();
        return $"this scenario's deployment of {deployment.Function} is {wanted}-triggered, but '{function.Name}' of {App.Source} is not; choose a {wanted}-triggered function with {option}"
            + (candidates.Count == 0 ? $" (the app has none)" : $": {string.Join(", ", candidates)}");
    }
}
