namespace OomLab.Workers;

/// <summary>The functions assembly or the function in it cannot be loaded.</summary>
public sealed class FunctionLoadException : OomLabException
{
    internal FunctionLoadException(string message, string assemblyPath, string functionName, Exception? inner = null)
        : base(message, inner!)
    {
        AssemblyPath = assemblyPath;
        FunctionName = functionName;
    }

    /// <summary>The assembly path as given.</summary>
    public string AssemblyPath { get; }

    /// <summary>The function name as given.</summary>
    public string FunctionName { get; }
}
