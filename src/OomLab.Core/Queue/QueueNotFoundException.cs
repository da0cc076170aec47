namespace OomLab.Queue;

/// <summary>There is no queue database where one was expected (or the file is not one).</summary>
public sealed class QueueNotFoundException : OomLabException
{
    public QueueNotFoundException(string path, string message, Exception? innerException = null)
        : base(message, innerException ?? new FileNotFoundException(message, path))
    {
        Path = path;
    }

    public string Path { get; }
}
