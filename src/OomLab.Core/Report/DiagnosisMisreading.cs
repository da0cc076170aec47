namespace OomLab.Report;

/// <summary>A common misreading of the signals, why it is wrong, and the correct reading.</summary>
internal sealed record DiagnosisMisreading(string Misreading, string Why, string Correct);
