namespace OomLab.Kql;

/// <summary>The chart a query asked for with <c>render</c> (kind such as <c>timechart</c>, and its <c>with</c> properties).</summary>
public sealed record KqlRenderHint(string Kind, IReadOnlyDictionary<string, string> Properties);
