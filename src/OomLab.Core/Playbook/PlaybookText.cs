namespace OomLab.Playbook;

/// <summary>A text taken from the playbook file, with where it was: the key path, and the 1-based line and column of its value.</summary>
internal sealed record PlaybookText(string Value, string Key, int Line, int Column)
{
    public override string ToString() => Value;
}
