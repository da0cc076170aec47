using System.Diagnostics.CodeAnalysis;

namespace OomLab.Memory;

/// <summary>
/// A hosting plan's memory per instance. The plan table's "GB" is read as GiB (1.5 GB = 1536 MiB),
/// the way the platform sizes instances; Flex sizes are stated in MB and read as MiB.
/// </summary>
/// <param name="Name">The plan's name as users write it: <c>Consumption</c>, <c>EP1</c>, <c>Flex2048</c>.</param>
/// <param name="Bytes">Memory per instance in bytes.</param>
internal sealed record Plan(string Name, long Bytes)
{
    private const long MiB = 1024 * 1024;

    public static Plan Consumption { get; } = new("Consumption", 1536 * MiB);

    public static Plan EP1 { get; } = new("EP1", 3584 * MiB);

    public static Plan EP2 { get; } = new("EP2", 7168 * MiB);

    public static Plan EP3 { get; } = new("EP3", 14336 * MiB);

    public static Plan Flex2048 { get; } = new("Flex2048", 2048 * MiB);

    public static Plan Flex4096 { get; } = new("Flex4096", 4096 * MiB);

    /// <summary>Every preset, smallest first.</summary>
    public static IReadOnlyList<Plan> All { get; } = [Consumption, Flex2048, EP1, Flex4096, EP2, EP3];

    /// <summary>Finds a preset by name, ignoring case; <c>Flex-2048</c> and <c>Flex 2048</c> also match.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Plan? plan)
    {
        plan = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var key = text.Trim().Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        plan = All.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
        return plan is not null;
    }

    public override string ToString() => $"{Name} ({Bytes / MiB} MiB)";
}
