namespace OomLab.Lab;

/// <summary>
/// The language the seed lab's apps are written in: Python (the seed's own, the default) or .NET (oomlab's C# stand-in).
/// It decides which apps run and what the in-process memory failure is called in the evidence.
/// </summary>
/// <param name="Name">As <c>--runtime</c> takes it: <c>python</c> or <c>dotnet</c>.</param>
/// <param name="MemoryFailure">The in-process memory failure's exception type: Python's <c>MemoryError</c>, .NET's <c>System.OutOfMemoryException</c>.</param>
internal sealed record LabRuntime(string Name, string MemoryFailure)
{
    /// <summary>The seed's: a Python 3.11 v2 app (function_app.py) on oomlab's Python worker.</summary>
    public static LabRuntime Python { get; } = new("python", "MemoryError");

    /// <summary>oomlab's C# sample functions on its own .NET worker.</summary>
    public static LabRuntime Dotnet { get; } = new("dotnet", "System.OutOfMemoryException");

    public static IReadOnlyList<LabRuntime> All { get; } = [Python, Dotnet];

    /// <summary>True for .NET, whose failure the seed's queries do not name, so they add <c>"OutOfMemoryException"</c>.</summary>
    public bool AdaptsQueries => this == Dotnet;

    public static bool TryParse(string? name, out LabRuntime runtime)
    {
        runtime = All.FirstOrDefault(r => string.Equals(r.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return runtime is not null;
    }
}
