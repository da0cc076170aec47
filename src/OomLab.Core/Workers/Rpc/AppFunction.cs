namespace OomLab.Workers.Rpc;

/// <summary>A blob-triggered function of a user's function app, from its metadata.</summary>
/// <param name="Name">The function's name (<c>[Function("...")]</c>, or the Python function's name).</param>
/// <param name="Trigger">The trigger binding.</param>
/// <param name="TriggerPath">Its path: the container it watches and the pattern that binds <c>{name}</c>.</param>
/// <param name="Outputs">Its blob output bindings, each with its path.</param>
/// <param name="Bindings">Every binding, in the metadata's order.</param>
internal sealed record AppFunction(
    string Name, AppBinding Trigger, BlobPath TriggerPath, IReadOnlyList<(AppBinding Binding, BlobPath Path)> Outputs, IReadOnlyList<AppBinding> Bindings)
{
    /// <summary>The container the outputs go to, or null when the function writes no blob.</summary>
    public string? OutputContainer => Outputs.Count == 0 ? null : Outputs[0].Path.Container;

    /// <summary>
    /// Whether the trigger would bind lazily (the worker downloads the blob itself, given a reference): the trigger binding
    /// says <c>SupportsDeferredBinding</c> and no other binding holds a <c>{...}</c> expression. Rule and source: docs/workers.md.
    /// </summary>
    public bool WantsDeferredBinding =>
        Trigger.Properties.TryGetValue("SupportsDeferredBinding", out var value) && bool.TryParse(value, out var on) && on
        && !Bindings.Any(b => !ReferenceEquals(b, Trigger) && b.HasExpression);
}
