namespace OomLab.Blobs;

/// <summary>A container's name under Azure's rules: 3 to 63 characters, lowercase letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
public readonly record struct ContainerName
{
    private ContainerName(string value) => Value = value;

    public string Value { get; }

    public static bool TryCreate(string? value, out ContainerName name)
    {
        name = default;
        if (value is null || value.Length is < 3 or > 63 || value[0] == '-' || value[^1] == '-' || value.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        name = new ContainerName(value);
        return true;
    }

    /// <summary>Validates a name; throws <see cref="OomLabException"/> naming it.</summary>
    public static ContainerName Create(string value) =>
        TryCreate(value, out var name) ? name : throw new OomLabException(BlobMessages.InvalidContainer(value));

    public override string ToString() => Value ?? string.Empty;
}
