using OomLab.Sdk;

namespace OomLab.Workers;

/// <summary>A function found in a functions assembly, with the one instance a worker uses.</summary>
internal sealed record LoadedFunction(string Name, Type Type, IBlobFunction Instance);
