namespace OomLab.Blobs;

/// <summary>
/// A blob's name inside its container: <c>/</c>-separated segments, each non-empty and neither <c>.</c>
/// nor <c>..</c>, no leading <c>/</c>, no <c>\</c>, no NUL or other control characters, at most 1024
/// characters (Azure's limit). A valid name cannot escape its container.
/// </summary>
public readonly record struct BlobName
{
    /// <summary>Azure's limit on a blob name's length.</summary>
    public const int MaxLength = 1024;

    private BlobName(string value) => Value = value;

    public string Value { get; }

    /// <summary>Validates a name; on failure <paramref name="error"/> says what is wrong with it.</summary>
    public static bool TryCreate(string? value, out BlobName name, out string error)
    {
        name = default;
        error = Validate(value);
        if (error.Length != 0)
        {
            return false;
        }

        name = new BlobName(value!);
        return true;
    }

    /// <summary>Validates a name; throws <see cref="InvalidBlobNameException"/> naming it and the reason.</summary>
    public static BlobName Create(string value) =>
        TryCreate(value, out var name, out var error) ? name : throw new InvalidBlobNameException(value, error);

    public override string ToString() => Value ?? string.Empty;

    private static string Validate(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return BlobMessages.EmptyName;
        }

        if (value.Length > MaxLength)
        {
            return BlobMessages.NameTooLong(value.Length);
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return BlobMessages.ControlCharacter(c);
            }

            if (c == '\\')
            {
                return BlobMessages.Backslash;
            }
        }

        if (value[0] == '/' || Path.IsPathRooted(value))
        {
            return BlobMessages.Absolute;
        }

        foreach (var segment in value.Split('/'))
        {
            if (segment.Length == 0)
            {
                return BlobMessages.EmptySegment;
            }

            if (segment is "." or "..")
            {
                return BlobMessages.DotSegment(segment);
            }
        }

        return string.Empty;
    }
}
