namespace OomLab.Sdk;

/// <summary>
/// A blob-triggered function. oomlab creates one instance per worker process and calls
/// <see cref="RunAsync"/> once per blob, possibly concurrently: implementations must be thread-safe.
/// </summary>
/// <remarks>
/// Name the function with <see cref="FunctionAttribute"/>; without it the class name is used.
/// Throwing fails the invocation, which the host retries and finally poisons with the exception's message.
/// </remarks>
public interface IBlobFunction
{
    /// <summary>Processes one blob. Outputs written through <paramref name="context"/> become durable after it returns.</summary>
    Task RunAsync(BlobContext context, CancellationToken cancellationToken = default);
}
