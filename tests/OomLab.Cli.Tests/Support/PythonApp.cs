using OomLab.Report.Tests.Support;

namespace OomLab.Cli.Tests.Support;

/// <summary>tests/apps/PythonBlobApp, a Python v2 function app written as its users write them, copied per test (Python
/// writes its __pycache__ next to the module, and a test may change the app).</summary>
internal static class PythonApp
{
    public static readonly string Source = Repository.Combine("tests", "apps", "PythonBlobApp");

    /// <summary>Copies the app to <paramref name="destination"/>, with <paramref name="hostJson"/> and <paramref name="functionApp"/> if given.</summary>
    public static string Copy(string destination, string? hostJson = null, string? functionApp = null)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in new[] { "function_app.py", "host.json" })
        {
            File.Copy(Path.Combine(Source, file), Path.Combine(destination, file), overwrite: true);
        }

        if (hostJson is not null)
        {
            File.WriteAllText(Path.Combine(destination, "host.json"), hostJson);
        }

        if (functionApp is not null)
        {
            File.WriteAllText(Path.Combine(destination, "function_app.py"), functionApp);
        }

        return destination;
    }
}
