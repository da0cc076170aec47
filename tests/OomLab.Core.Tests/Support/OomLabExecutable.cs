using System.Reflection;

namespace OomLab.Tests.Support;

/// <summary>The built <c>oomlab</c> executable, as the host starts it for workers.</summary>
internal static class OomLabExecutable
{
    public static string Directory { get; } = typeof(OomLabExecutable).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "OomLabCliDirectory").Value!;

    public static string SampleFunctions => Path.Combine(Directory, "functions", "OomLab.Functions.dll");

    /// <summary>The command and its leading arguments: the apphost when present, else <c>dotnet oomlab.dll</c>.</summary>
    public static (string Command, string[] Prefix) Command
    {
        get
        {
            var apphost = Path.Combine(Directory, "oomlab");
            return File.Exists(apphost) ? (apphost, []) : ("dotnet", [Path.Combine(Directory, "oomlab.dll")]);
        }
    }
}
