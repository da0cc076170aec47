using OomLab.Blobs;

namespace OomLab.Storage;

/// <summary>
/// The output container: invocations write their outputs into staging folders under <see cref="StagingRoot"/>, and the
/// host publishes a whole batch of them at once. <see cref="PublishAsync"/> returns only when every output it reports
/// published is durable, so the receipts written after it never precede their outputs.
/// </summary>
internal interface IOutputContainer
{
    ContainerName Name { get; }

    /// <summary>A local folder for the invocations' staging folders (one per running invocation).</summary>
    string StagingRoot { get; }

    /// <summary>
    /// Publishes each invocation's staged outputs as blobs of the container, durably: per invocation the published names,
    /// or the error that failed it (the others go on). A failure that makes nothing durable fails every one.
    /// </summary>
    Task<IReadOnlyList<PublishOutcome>> PublishAsync(IReadOnlyList<StagedOutputs> batch, CancellationToken cancellationToken);
}

/// <summary>One invocation's outputs, written under <paramref name="StagingDirectory"/> by their blob names.</summary>
internal sealed record StagedOutputs(string StagingDirectory, IReadOnlyList<string> Outputs);

/// <summary>The published blob names, or the error that kept them from being published.</summary>
internal sealed record PublishOutcome(IReadOnlyList<string>? Published, Exception? Error);
