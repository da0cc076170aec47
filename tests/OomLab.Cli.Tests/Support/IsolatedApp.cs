using System.Reflection;

namespace OomLab.Cli.Tests.Support;

/// <summary>The build output of tests/apps/IsolatedBlobApp: a real .NET isolated function app (worker.config.json, functions.metadata, the app).</summary>
internal static class IsolatedApp
{
    public static readonly string Directory = typeof(IsolatedApp).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "IsolatedAppDirectory").Value!;

    /// <summary>A copy of the app with its own host.json, for a test that changes the app's settings.</summary>
    public static string CopyWithHostJson(string destination, string hostJson)
    {
        System.IO.Directory.CreateDirectory(destination);
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(Directory, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        File.WriteAllText(Path.Combine(destination, "host.json"), hostJson);
        return destination;
    }
}
