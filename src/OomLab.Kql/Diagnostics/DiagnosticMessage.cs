namespace OomLab.Kql;

/// <summary>A diagnostic's code and text, made by the factories of <see cref="Messages"/>.</summary>
internal readonly record struct DiagnosticMessage(string Code, string Text);
