namespace OomLab.Lab.Evidence;

/// <summary>One of the seed's KQL queries, as the lab runs it.</summary>
/// <param name="Id">The seed's name for it: <c>A</c> … <c>I</c>, <c>PostFix-1</c> … <c>PostFix-3</c>.</param>
/// <param name="Title">The seed's title.</param>
/// <param name="Text">The KQL, verbatim from the seed at the seed's T0 (datetimes move with <c>--t0</c>).</param>
/// <param name="WindowStart">The window's start (lab time).</param>
/// <param name="WindowEnd">The window's end (lab time).</param>
/// <param name="Adaptation">How the text differs from the seed and why; null when it is the seed's own.</param>
internal sealed record SeedQuery(string Id, string Title, string Text, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string? Adaptation = null);
