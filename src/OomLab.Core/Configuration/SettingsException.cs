namespace OomLab.Configuration;

/// <summary>
/// A setting that cannot be used: carries where it came from (a host.json path, an app setting, an
/// environment variable), its key and its value, so the message can name all three.
/// </summary>
public sealed class SettingsException : OomLabException
{
    public SettingsException(string source, string key, string? value, string message)
        : base(message)
    {
        Source = source;
        Key = key;
        Value = value;
    }

    public SettingsException(string source, string key, string? value, string message, Exception innerException)
        : base(message, innerException)
    {
        Source = source;
        Key = key;
        Value = value;
    }

    /// <summary>Where the setting was read: a host.json path, <c>app setting</c> or <c>environment variable</c>.</summary>
    public new string Source { get; }

    /// <summary>The key as the user wrote it (<c>extensions.queues.batchSize</c>, <c>BLOB_BATCH_SIZE</c>).</summary>
    public string Key { get; }

    /// <summary>The offending value, or null when the problem is not one value (a corrupt file).</summary>
    public string? Value { get; }
}
