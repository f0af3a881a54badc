using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Vakka.Platform.Web;

/// <summary>The action a page handler or endpoint needs. <see cref="Target"/> names the route or query value holding the target id.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiresAttribute(object action) : Attribute
{
    public Enum Action { get; } = action as Enum ?? throw new ArgumentException("An action is an enum value.", nameof(action));
    public string? Target { get; init; }
}

/// <summary>The audit event a page handler or endpoint writes (one row per request).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class AuditedAttribute(object auditEvent) : Attribute
{
    public Enum Event { get; } = auditEvent as Enum ?? throw new ArgumentException("An audit event is an enum value.", nameof(auditEvent));
}

/// <summary>Says why a handler writes no audit row (it touches no personal data).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class NoAuditAttribute(string reason) : Attribute
{
    public string Reason { get; } = string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("Give the reason.", nameof(reason)) : reason;
}

/// <summary>A page handler anyone may use without signing in (sign-in, password reset, error pages).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class AnonymousAttribute : Attribute;

/// <summary>What a handler declared. Anonymous means <see cref="AnonymousAttribute"/> (pages) or <see cref="AllowAnonymousAttribute"/> (endpoints).</summary>
public sealed record Declarations(RequiresAttribute? Requires, bool Anonymous, AuditedAttribute? Audited, NoAuditAttribute? NoAudit)
{
    public bool IsComplete => (Requires is not null ^ Anonymous) && (Audited is not null ^ NoAudit is not null);

    private static readonly ConcurrentDictionary<(MethodInfo?, Type), Declarations> PageHandlers = new();

    /// <summary>
    /// Reads a page handler's declarations (the method's own, else its page class's). Attributes are fixed at compile
    /// time, so each handler is read once (reflection on every request cost every page request eight attribute scans).
    /// </summary>
    public static Declarations Of(MethodInfo? method, Type pageType) => PageHandlers.GetOrAdd((method, pageType), static key =>
    {
        var (method, pageType) = key;
        T? Find<T>() where T : Attribute => method?.GetCustomAttribute<T>() ?? pageType.GetCustomAttribute<T>();
        return new(Find<RequiresAttribute>(), Find<AnonymousAttribute>() is not null || Find<AllowAnonymousAttribute>() is not null,
            Find<AuditedAttribute>(), Find<NoAuditAttribute>());
    });

    public static Declarations Of(EndpointMetadataCollection metadata) => new(
        metadata.GetMetadata<RequiresAttribute>(), metadata.GetMetadata<IAllowAnonymous>() is not null,
        metadata.GetMetadata<AuditedAttribute>(), metadata.GetMetadata<NoAuditAttribute>());
}

/// <summary>Declarations on minimal-API endpoints, enforced by <see cref="DeclarationEndpointFilter"/>.</summary>
public static class EndpointDeclarations
{
    public static TBuilder Requires<TBuilder>(this TBuilder builder, Enum action, string? target = null) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresAttribute(action) { Target = target });

    public static TBuilder Audited<TBuilder>(this TBuilder builder, Enum auditEvent) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedAttribute(auditEvent));

    public static TBuilder NoAudit<TBuilder>(this TBuilder builder, string reason) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NoAuditAttribute(reason));

    /// <summary>Every endpoint of the group passes through the declaration filter.</summary>
    public static RouteGroupBuilder Declared(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<DeclarationEndpointFilter>();
        return group;
    }
}
