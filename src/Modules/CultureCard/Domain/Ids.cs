using System.Diagnostics.CodeAnalysis;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Domain;

public readonly record struct CardId(Guid Value) : ITypedId<CardId>
{
    public static CardId New() => new(Guid.CreateVersion7());
    public static CardId From(Guid value) => new(value);
    public static CardId Parse(string s, IFormatProvider? provider) => TypedId.Parse<CardId>(s);
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CardId result) => TypedId.TryParse(s, out result);
    public override string ToString() => Value.ToString();
}

public readonly record struct UseId(Guid Value) : ITypedId<UseId>
{
    public static UseId New() => new(Guid.CreateVersion7());
    public static UseId From(Guid value) => new(value);
    public static UseId Parse(string s, IFormatProvider? provider) => TypedId.Parse<UseId>(s);
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out UseId result) => TypedId.TryParse(s, out result);
    public override string ToString() => Value.ToString();
}

public readonly record struct EventId(Guid Value) : ITypedId<EventId>
{
    public static EventId New() => new(Guid.CreateVersion7());
    public static EventId From(Guid value) => new(value);
    public static EventId Parse(string s, IFormatProvider? provider) => TypedId.Parse<EventId>(s);
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out EventId result) => TypedId.TryParse(s, out result);
    public override string ToString() => Value.ToString();
}

public readonly record struct BatchId(Guid Value) : ITypedId<BatchId>
{
    public static BatchId New() => new(Guid.CreateVersion7());
    public static BatchId From(Guid value) => new(value);
    public static BatchId Parse(string s, IFormatProvider? provider) => TypedId.Parse<BatchId>(s);
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out BatchId result) => TypedId.TryParse(s, out result);
    public override string ToString() => Value.ToString();
}
