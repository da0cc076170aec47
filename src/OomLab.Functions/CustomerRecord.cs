namespace OomLab.Functions;

/// <summary>A customer row as the sync function's data context materialises and tracks it.</summary>
internal sealed record CustomerRecord(long Id, string Name, string Email, string Address, string Notes);
