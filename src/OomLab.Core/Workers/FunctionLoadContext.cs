using System.Reflection;
using System.Runtime.Loader;
using OomLab.Sdk;

namespace OomLab.Workers;

/// <summary>
/// Loads a functions assembly and its private dependencies apart from oomlab's own, sharing only the SDK
/// so that the function's <see cref="IBlobFunction"/> is the worker's.
/// </summary>
internal sealed class FunctionLoadContext : AssemblyLoadContext
{
    private static readonly string SdkName = typeof(IBlobFunction).Assembly.GetName().Name!;
    private readonly string directory;
    private readonly AssemblyDependencyResolver? resolver;

    public FunctionLoadContext(string assemblyPath)
        : base($"functions:{Path.GetFileName(assemblyPath)}")
    {
        directory = Path.GetDirectoryName(assemblyPath)!;
        try
        {
            resolver = new AssemblyDependencyResolver(assemblyPath);
        }
        catch (InvalidOperationException)
        {
            // No usable .deps.json: fall back to probing the assembly's folder.
            resolver = null;
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name == SdkName)
        {
            return null;
        }

        var path = resolver?.ResolveAssemblyToPath(assemblyName)
            ?? Path.Combine(directory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = resolver?.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
