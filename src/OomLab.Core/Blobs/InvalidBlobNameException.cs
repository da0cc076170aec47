namespace OomLab.Blobs;

/// <summary>A blob name that could escape its container or is otherwise unusable; it is refused and never touched.</summary>
public sealed class InvalidBlobNameException : OomLabException
{
    public InvalidBlobNameException(string? name, string reason)
        : base(BlobMessages.InvalidName(name, reason))
    {
        Name = name;
        Reason = reason;
    }

    /// <summary>The refused name as given.</summary>
    public string? Name { get; }

    public string Reason { get; }
}
