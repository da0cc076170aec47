namespace OomLab.Workers.Rpc;

/// <summary>A blob- or HTTP-triggered function of a user's function app, from its metadata.</summary>
/// <param name="Name">The function's name (<c>[Function("...")]</c>, or the Python function's name).</param>
/// <param name="Trigger">The trigger binding: <c>blobTrigger</c> or <c>httpTrigger</c>.</param>
/// <param name="TriggerPath">A blob trigger's path: the container it watches and the pattern that binds <c>{name}</c>; null for an HTTP trigger.</param>
/// <param name="Outputs">Its blob output bindings, each with its path.</param>
/// <param name="Bindings">Every binding, in the metadata's order.</param>
internal sealed record AppFunction(
    string Name, AppBinding Trigger, BlobPath? TriggerPath, IReadOnlyList<(AppBinding Binding, BlobPath Path)> Outputs, IReadOnlyList<AppBinding> Bindings)
{
    /// <summary>True for an HTTP-triggered function, served by oomlab's HTTP host on loopback.</summary>
    public bool IsHttp => TriggerPath is null;

    /// <summary>The container a blob trigger reads; <paramref name="fallback"/> for an HTTP trigger.</summary>
    public string InputContainerOr(string fallback) => TriggerPath?.Container ?? fallback;

    /// <summary>The container the outputs go to, or null when the function writes no blob.</summary>
    public string? OutputContainer => Outputs.Count == 0 ? null : Outputs[0].Path.Container;

    /// <summary>The HTTP output binding (<c>$return</c> or a named <c>http</c> output), or null.</summary>
    public AppBinding? HttpOutput => Bindings.FirstOrDefault(b => b.IsOutput && b.Type.Equals("http", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether the trigger would bind lazily (the worker downloads the blob itself, given a reference): the trigger binding
    /// says <c>SupportsDeferredBinding</c> and no other binding holds a <c>{...}</c> expression. Rule and source: docs/workers.md.
    /// </summary>
    public bool WantsDeferredBinding =>
        !IsHttp && Trigger.Properties.TryGetValue("SupportsDeferredBinding", out var value) && bool.TryParse(value, out var on) && on
        && !Bindings.Any(b => !ReferenceEquals(b, Trigger) && b.HasExpression);
}
