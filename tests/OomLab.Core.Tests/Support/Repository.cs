using System.Reflection;

namespace OomLab.Tests.Support;

/// <summary>The repository the tests were built from (for src/ and, beside it, the shared seeds).</summary>
internal static class Repository
{
    public static readonly string Root = typeof(Repository).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
