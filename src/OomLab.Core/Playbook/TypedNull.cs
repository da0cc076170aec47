namespace OomLab.Playbook;

/// <summary>A null of a KQL type (<c>long(null)</c>, <c>datetime(null)</c>), for values that are unknown but typed.</summary>
internal sealed record TypedNull(string Literal)
{
    public static TypedNull Long { get; } = new("long(null)");

    public static TypedNull Real { get; } = new("real(null)");

    public static TypedNull String { get; } = new("\"\"");

    public static TypedNull DateTime { get; } = new("datetime(null)");
}
