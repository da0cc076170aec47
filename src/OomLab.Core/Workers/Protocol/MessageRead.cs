namespace OomLab.Workers.Protocol;

/// <summary>One line of the protocol: its message, or (when it is not one) the line's text.</summary>
internal readonly record struct MessageRead<T>(T? Message, string? Line)
    where T : class;
