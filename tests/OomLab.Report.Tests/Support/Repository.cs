using System.Reflection;

namespace OomLab.Report.Tests.Support;

/// <summary>The repository the tests were built from (for scripts/ and docs/).</summary>
internal static class Repository
{
    public static readonly string Root = typeof(Repository).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
