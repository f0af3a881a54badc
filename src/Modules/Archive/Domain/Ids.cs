using System.Diagnostics.CodeAnalysis;
using Vakka.Platform.Ids;

namespace Vakka.Archive.Domain;

/// <summary>One archived version of a document (a row of ar_document). Ordered as its UUIDv7 (archive order), for keyset reads.</summary>
public readonly record struct ArchivedDocumentId(Guid Value) : ITypedId<ArchivedDocumentId>
{
    public static bool operator >(ArchivedDocumentId a, ArchivedDocumentId b) => a.Value > b.Value;
    public static bool operator <(ArchivedDocumentId a, ArchivedDocumentId b) => a.Value < b.Value;
    public static ArchivedDocumentId New() => new(Guid.CreateVersion7());
    public static ArchivedDocumentId From(Guid value) => new(value);
    public static ArchivedDocumentId Parse(string s, IFormatProvider? provider) => TypedId.Parse<ArchivedDocumentId>(s);
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ArchivedDocumentId result) => TypedId.TryParse(s, out result);
    public override string ToString() => Value.ToString();
}

/// <summary>A person the archive holds documents of (ar_person); audit rows name this id, never the henkilötunnus.</summary>
public readonly record struct PersonId(Guid Value) : ITypedId<PersonId>
{
    public static PersonId New() => new(Guid.CreateVersion7());
    public static PersonId From(Guid value) => new(value);
    public static PersonId Parse(string s, IFormatProvider? provider) => TypedId.Parse<PersonId>(s);
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PersonId result) => TypedId.TryParse(s, out result);
    public override string ToString() => Value.ToString();
}

/// <summary>A client system's credential (ar_client_system): one organisation's key.</summary>
public readonly record struct ClientSystemId(Guid Value) : ITypedId<ClientSystemId>
{
    public static ClientSystemId New() => new(Guid.CreateVersion7());
    public static ClientSystemId From(Guid value) => new(value);
    public static ClientSystemId Parse(string s, IFormatProvider? provider) => TypedId.Parse<ClientSystemId>(s);
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ClientSystemId result) => TypedId.TryParse(s, out result);
    public override string ToString() => Value.ToString();
}

/// <summary>One disclosure event (ar_disclosure): 1..n documents of one person given to another organisation.</summary>
public readonly record struct DisclosureId(Guid Value) : ITypedId<DisclosureId>
{
    public static bool operator <(DisclosureId a, DisclosureId b) => a.Value < b.Value;
    public static bool operator >(DisclosureId a, DisclosureId b) => a.Value > b.Value;
    public static DisclosureId New() => new(Guid.CreateVersion7());
    public static DisclosureId From(Guid value) => new(value);
    public static DisclosureId Parse(string s, IFormatProvider? provider) => TypedId.Parse<DisclosureId>(s);
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out DisclosureId result) => TypedId.TryParse(s, out result);
    public override string ToString() => Value.ToString();
}

/// <summary>One legacy migration run or dry run (ar_migration_run).</summary>
public readonly record struct MigrationRunId(Guid Value) : ITypedId<MigrationRunId>
{
    public static MigrationRunId New() => new(Guid.CreateVersion7());
    public static MigrationRunId From(Guid value) => new(value);
    public static MigrationRunId Parse(string s, IFormatProvider? provider) => TypedId.Parse<MigrationRunId>(s);
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out MigrationRunId result) => TypedId.TryParse(s, out result);
    public override string ToString() => Value.ToString();
}
