namespace OomLab.Workers;

/// <summary>The memory ceiling is smaller than what the idle workers already hold, so every invocation would be killed.</summary>
public sealed class CeilingTooSmallException : OomLabException
{
    internal CeilingTooSmallException(string message, long ceilingBytes, long idlePrivateBytes)
        : base(message)
    {
        CeilingBytes = ceilingBytes;
        IdlePrivateBytes = idlePrivateBytes;
    }

    /// <summary>The ceiling in bytes.</summary>
    public long CeilingBytes { get; }

    /// <summary>The idle workers' Private Bytes, summed.</summary>
    public long IdlePrivateBytes { get; }
}
