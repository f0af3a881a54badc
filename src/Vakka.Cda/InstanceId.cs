using Vakka.Platform.Finnish;

namespace Vakka.Cda;

/// <summary>An HL7 v3 instance identifier (II): an OID root and an optional extension.</summary>
public sealed record InstanceId(Oid Root, string? Extension = null);

/// <summary>The version a new version replaces (<c>relatedDocument[@typeCode='RPLC']/parentDocument</c>).</summary>
public sealed record Replaces(Oid Id, Oid SetId, int Version);
