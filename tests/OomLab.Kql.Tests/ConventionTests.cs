using System.Reflection;

namespace OomLab.Kql.Tests;

/// <summary>House rules of the engine's public surface.</summary>
public sealed class ConventionTests
{
    private static readonly Type[] PublicTypes = typeof(KqlEngine).Assembly.GetExportedTypes();

    [Fact]
    public void Public_classes_are_sealed_or_static()
    {
        PublicTypes.Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed)).Select(t => t.Name).ShouldBeEmpty();
    }

    [Fact]
    public void The_public_surface_stays_small()
    {
        PublicTypes.Select(t => t.Name).Order(StringComparer.Ordinal).ShouldBe(
        [
            "ITableSource", "InMemoryTableSource", "KqlColumn", "KqlDiagnostic", "KqlEngine", "KqlFormatter", "KqlOptions",
            "KqlRenderHint", "KqlResult", "KqlTable", "KqlTableBuilder", "KqlTableLoader", "KqlType", "KqlTypes", "LayeredTableSource",
        ]);
    }

    [Fact]
    public void Library_code_never_reads_the_clock_directly()
    {
        var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/OomLab.Kql"));
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("DateTime.UtcNow", StringComparison.Ordinal) || text.Contains("DateTime.Now", StringComparison.Ordinal)))
            .ToList();
        Directory.Exists(source).ShouldBeTrue();
        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void Every_message_code_is_unique_per_factory_family()
    {
        var codes = typeof(Messages).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Code", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        codes.Count.ShouldBeGreaterThan(15);
        codes.Distinct().Count().ShouldBe(codes.Count);
        codes.ShouldAllBe(c => c.StartsWith("KQL", StringComparison.Ordinal) && c.Length == 6);
    }
}
