using System.Reflection;
using OomLab.Sdk;

namespace OomLab.Workers;

/// <summary>Finds and creates a function in an assembly loaded by path, as a worker does for a user's code.</summary>
internal static class FunctionLoader
{
    /// <summary>
    /// Loads <paramref name="assemblyPath"/> in its own load context and creates the class implementing
    /// <see cref="IBlobFunction"/> whose <see cref="FunctionAttribute"/> name (or class name) is
    /// <paramref name="functionName"/>, ignoring case.
    /// </summary>
    /// <exception cref="FunctionLoadException">The assembly is missing or unloadable, or has no such function.</exception>
    public static LoadedFunction Load(string assemblyPath, string functionName)
    {
        ArgumentNullException.ThrowIfNull(assemblyPath);
        ArgumentNullException.ThrowIfNull(functionName);
        var fullPath = Path.GetFullPath(assemblyPath);
        if (!File.Exists(fullPath))
        {
            throw new FunctionLoadException(WorkerErrors.AssemblyNotFound(assemblyPath), assemblyPath, functionName);
        }

        Assembly assembly;
        try
        {
            assembly = new FunctionLoadContext(fullPath).LoadFromAssemblyPath(fullPath);
        }
        catch (BadImageFormatException ex)
        {
            throw new FunctionLoadException(WorkerErrors.AssemblyNotLoadable(assemblyPath, ex.Message), assemblyPath, functionName, ex);
        }
        catch (FileLoadException ex)
        {
            throw new FunctionLoadException(WorkerErrors.AssemblyNotLoadable(assemblyPath, ex.Message), assemblyPath, functionName, ex);
        }

        var functions = FindFunctions(assembly);
        var match = functions.FirstOrDefault(f => string.Equals(f.Name, functionName, StringComparison.OrdinalIgnoreCase));
        if (match.Type is null)
        {
            throw new FunctionLoadException(
                WorkerErrors.UnknownFunction(functionName, assemblyPath, [.. functions.Select(f => f.Name).Order(StringComparer.Ordinal)]),
                assemblyPath,
                functionName);
        }

        try
        {
            var instance = (IBlobFunction)Activator.CreateInstance(match.Type)!;
            return new LoadedFunction(match.Name, match.Type, instance);
        }
        catch (Exception ex) when (ex is MissingMethodException or TargetInvocationException or MemberAccessException)
        {
            var reason = (ex as TargetInvocationException)?.InnerException?.Message ?? ex.Message;
            throw new FunctionLoadException(WorkerErrors.FunctionNotCreatable(match.Name, reason), assemblyPath, functionName, ex);
        }
    }

    /// <summary>Every function the assembly offers: name and type.</summary>
    public static IReadOnlyList<(string Name, Type Type)> FindFunctions(Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            types = ex.Types;
        }

        return [.. types
            .OfType<Type>()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBlobFunction).IsAssignableFrom(t))
            .Select(t => (t.GetCustomAttribute<FunctionAttribute>()?.Name ?? t.Name, t))];
    }
}
