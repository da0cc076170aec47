namespace OomLab.Kql;

/// <summary>The scalar types of KQL that this engine stores and computes.</summary>
public enum KqlType
{
    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>int</c> (32-bit; computed as 64-bit).</summary>
    Int,

    /// <summary><c>long</c>.</summary>
    Long,

    /// <summary><c>real</c> (double).</summary>
    Real,

    /// <summary><c>string</c>; never null, a missing string is empty.</summary>
    String,

    /// <summary><c>datetime</c>: UTC, 100 ns ticks since 0001-01-01.</summary>
    DateTime,

    /// <summary><c>timespan</c>: 100 ns ticks.</summary>
    TimeSpan,

    /// <summary><c>dynamic</c>: a JSON value.</summary>
    Dynamic,
}
