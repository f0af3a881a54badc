namespace Vakka.Cda;

/// <summary>Options of <see cref="CdaValidator"/>.</summary>
public sealed record CdaValidationOptions
{
    public static readonly CdaValidationOptions Default = new();

    /// <summary>The clock for "not in the future" rules.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Demo and test environments: every henkilötunnus must be a 900-series test code (design §b, SWA §0.6).</summary>
    public bool TestPersonsOnly { get; init; }

    /// <summary>Accept a display form without a structured form (legacy migration, design §g).</summary>
    public bool AllowXhtmlOnly { get; init; }

    /// <summary>Allowed clock skew for creation times (design §a #7: now + 5 min).</summary>
    public TimeSpan FutureSkew { get; init; } = TimeSpan.FromMinutes(5);
}
