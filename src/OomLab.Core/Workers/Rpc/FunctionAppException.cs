namespace OomLab.Workers.Rpc;

/// <summary>A function app folder cannot be run: a file is missing or malformed, or the function is not in it. The message names the file.</summary>
public sealed class FunctionAppException : OomLabException
{
    internal FunctionAppException(string message)
        : base(message)
    {
    }
}
