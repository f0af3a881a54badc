using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Vakka.Platform.Ids;

/// <summary>A typed id: a Guid that knows what it identifies. New ids are time-ordered (<see cref="Guid.CreateVersion7()"/>).</summary>
public interface ITypedId<TSelf> : IParsable<TSelf> where TSelf : struct, ITypedId<TSelf>
{
    Guid Value { get; }
    static abstract TSelf From(Guid value);
}

/// <summary>Parsing shared by every typed id (route values, form fields, query strings).</summary>
public static class TypedId
{
    public static bool TryParse<T>(string? s, out T result) where T : struct, ITypedId<T>
    {
        if (Guid.TryParse(s, out var g) && g != Guid.Empty)
        {
            result = T.From(g);
            return true;
        }
        result = default;
        return false;
    }

    public static T Parse<T>(string s) where T : struct, ITypedId<T> =>
        TryParse<T>(s, out var r) ? r : throw new FormatException($"Not a valid {typeof(T).Name}.");
}

/// <summary>EF Core converter from a typed id to its Guid column.</summary>
public sealed class TypedIdConverter<T>() : ValueConverter<T, Guid>(v => v.Value, FromGuid())
    where T : struct, ITypedId<T>
{
    private static Expression<Func<Guid, T>> FromGuid()
    {
        var p = Expression.Parameter(typeof(Guid), "g");
        var ctor = typeof(T).GetConstructor([typeof(Guid)])
                   ?? throw new InvalidOperationException($"{typeof(T).Name} needs a constructor taking a Guid.");
        return Expression.Lambda<Func<Guid, T>>(Expression.New(ctor, p), p);
    }
}

public readonly record struct OrganisationId(Guid Value) : ITypedId<OrganisationId>
{
    public static OrganisationId New() => new(Guid.CreateVersion7());
    public static OrganisationId From(Guid value) => new(value);
    public static OrganisationId Parse(string s, IFormatProvider? provider) => TypedId.Parse<OrganisationId>(s);
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out OrganisationId result) => TypedId.TryParse(s, out result);
    public override string ToString() => Value.ToString();
}

public readonly record struct SiteId(Guid Value) : ITypedId<SiteId>
{
    public static SiteId New() => new(Guid.CreateVersion7());
    public static SiteId From(Guid value) => new(value);
    public static SiteId Parse(string s, IFormatProvider? provider) => TypedId.Parse<SiteId>(s);
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SiteId result) => TypedId.TryParse(s, out result);
    public override string ToString() => Value.ToString();
}

public readonly record struct AreaId(Guid Value) : ITypedId<AreaId>
{
    public static AreaId New() => new(Guid.CreateVersion7());
    public static AreaId From(Guid value) => new(value);
    public static AreaId Parse(string s, IFormatProvider? provider) => TypedId.Parse<AreaId>(s);
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AreaId result) => TypedId.TryParse(s, out result);
    public override string ToString() => Value.ToString();
}

public readonly record struct AccountId(Guid Value) : ITypedId<AccountId>
{
    public static AccountId New() => new(Guid.CreateVersion7());
    public static AccountId From(Guid value) => new(value);
    public static AccountId Parse(string s, IFormatProvider? provider) => TypedId.Parse<AccountId>(s);
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AccountId result) => TypedId.TryParse(s, out result);
    public override string ToString() => Value.ToString();
}

/// <summary>Typed ids travel in JSON as plain Guid strings.</summary>
public sealed class TypedIdJsonConverterFactory : System.Text.Json.Serialization.JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsValueType && typeToConvert.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedId<>));

    public override System.Text.Json.Serialization.JsonConverter CreateConverter(Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        (System.Text.Json.Serialization.JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : System.Text.Json.Serialization.JsonConverter<T> where T : struct, ITypedId<T>
    {
        public override T Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
            reader.TryGetGuid(out var g) && g != Guid.Empty ? T.From(g) : throw new System.Text.Json.JsonException($"Not a valid {typeof(T).Name}.");

        public override void Write(System.Text.Json.Utf8JsonWriter writer, T value, System.Text.Json.JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
