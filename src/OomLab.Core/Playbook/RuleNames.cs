namespace OomLab.Playbook;

/// <summary>The names the tool puts in scope of rules and queries besides the signals.</summary>
internal static class RuleNames
{
    public const string CeilingBytes = "ceilingBytes";
    public const string ConfiguredConcurrency = "configuredConcurrency";
    public const string TelemetryStart = "telemetryStart";
    public const string TelemetryEnd = "telemetryEnd";
    public const string MemoryIsCause = "memoryIsCause";
    public const string SafeConcurrency = "safeConcurrency";
    public const string PerInvocationBytes = "perInvocationBytes";
    public const string PayloadGuardBytes = "payloadGuardBytes";

    /// <summary>Inputs in scope of every query and rule, with placeholder values of the right types (for checking).</summary>
    public static RuleScope InputPlaceholders() => new RuleScope()
        .Set(CeilingBytes, 1L)
        .Set(ConfiguredConcurrency, TypedNull.Long)
        .Set(TelemetryStart, TypedNull.DateTime)
        .Set(TelemetryEnd, TypedNull.DateTime);
}
