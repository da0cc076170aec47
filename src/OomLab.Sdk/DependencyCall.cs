namespace OomLab.Sdk;

/// <summary>One call to a downstream dependency, as recorded in the <c>dependencies</c> table.</summary>
/// <param name="Type">Dependency type, for example <c>SQL</c> or <c>HTTP</c>.</param>
/// <param name="Target">The server or resource called.</param>
/// <param name="Name">The operation, for example a command or a URL path.</param>
/// <param name="Duration">How long the call took.</param>
/// <param name="Success">Whether it succeeded.</param>
/// <param name="ResultCode">A result code, empty when none.</param>
/// <param name="Properties">Extra values, stored in <c>customDimensions</c>.</param>
public sealed record DependencyCall(
    string Type,
    string Target,
    string Name,
    TimeSpan Duration,
    bool Success,
    string ResultCode = "",
    IReadOnlyDictionary<string, string>? Properties = null);
