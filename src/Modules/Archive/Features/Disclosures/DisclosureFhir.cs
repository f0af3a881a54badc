using System.Globalization;
using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vakka.Cda;

namespace Vakka.Archive.Features.Disclosures;

/// <summary>
/// A disclosure event as FHIR R4 JSON, following the national pattern of SWA §9 (IG "Kanta sosiaalihuolto R4",
/// profile SocialWelfareServiceAuditEvent) as far as the reference gives it; the values it leaves open come from
/// <see cref="DisclosureOptions"/> (design Q18). Written by hand with System.Text.Json; the tests parse it with the
/// Firely R4 SDK. The henkilötunnus appears here (the patient entity), since this goes to the national service; it is
/// never in a URL or the audit log.
/// </summary>
internal static class DisclosureFhir
{
    public const string MediaType = "application/fhir+json";
    public const string HetuSystem = "urn:oid:1.2.246.21";
    public const string RegisterTypeSystem = "urn:oid:1.2.246.537.6.1264.201701";
    private const string UriSystem = "urn:ietf:rfc:3986";
    private const string ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    private const string EntityType = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    private const string ObjectRole = "http://terminology.hl7.org/CodeSystem/object-role";

    /// <summary>JSON as FHIR servers write it: UTF-8 text unescaped (the body is never embedded in HTML).</summary>
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(JsonObject resource) => resource.ToJsonString(Output);

    /// <summary>
    /// The AuditEvent's id: the event's UUID as an OID under <c>2.25</c> (ITU-T X.667), so that the id is an OID as in
    /// the reference's example, unique without a counter. (The example's id lies under the registrar's arc; the arc
    /// for audit events there is open.)
    /// </summary>
    public static string IdOf(Guid id) =>
        "2.25." + new BigInteger(id.ToByteArray(bigEndian: true), isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);

    public static JsonObject AuditEvent(DisclosureExport x, DisclosureOptions o, bool withId = true)
    {
        var e = x.Event;
        var when = Instant(e.DisclosedAt);
        var resource = new JsonObject { ["resourceType"] = "AuditEvent" };
        if (withId) resource["id"] = IdOf(e.Id.Value);
        resource["meta"] = new JsonObject { ["profile"] = new JsonArray(o.AuditEventProfile) };
        resource["type"] = Coding(o.EventTypeSystem, o.EventTypeCode, o.EventTypeDisplay);
        resource["action"] = "R";
        resource["period"] = new JsonObject { ["start"] = when, ["end"] = when };
        resource["recorded"] = when;
        resource["outcome"] = "0";
        resource["purposeOfEvent"] = new JsonArray(new JsonObject { ["coding"] = new JsonArray(Coding(o.LegalBasisSystem, e.LegalBasis)) });

        var agents = new JsonArray
        {
            Agent(new JsonObject
                {
                    ["url"] = o.RegisterTypeExtensionUrl,
                    ["valueCoding"] = Coding(RegisterTypeSystem, "1", "Sosiaalihuollon asiakasrekisteri"),
                }, "CST", "custodian", Organisation(e.RegistrarOid, x.RegistrarName), requestor: false),
            Agent(null, "IRCP", "information recipient", Organisation(e.RecipientOid, e.RecipientName), requestor: true),
        };
        if (e.PractitionerRoot is { } root)
        {
            var identifier = e.PractitionerExt is { } ext ? Identifier("urn:oid:" + root, ext) : Identifier(UriSystem, "urn:oid:" + root);
            var practitioner = new JsonObject { ["type"] = "Practitioner", ["identifier"] = identifier };
            agents.Add(Agent(null, "PPRF", "primary performer", practitioner, requestor: false));
        }
        resource["agent"] = agents;
        resource["source"] = new JsonObject
        {
            ["site"] = e.RegistrarOid,
            ["observer"] = Organisation(e.RegistrarOid, x.RegistrarName),
            ["type"] = new JsonArray(Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server")),
        };

        var entities = new JsonArray
        {
            new JsonObject
            {
                ["what"] = new JsonObject { ["type"] = "Patient", ["identifier"] = Identifier(HetuSystem, x.Hetu) },
                ["type"] = Coding(EntityType, "1", "Person"),
                ["role"] = Coding(ObjectRole, "1", "Patient"),
            },
        };
        foreach (var d in x.Documents)
        {
            var system = d.DocTypeSystem == "1505" ? CdaConstants.DocumentGroupSystem : CdaConstants.DocumentTypeSystem;
            entities.Add(new JsonObject
            {
                ["extension"] = new JsonArray(new JsonObject
                {
                    ["url"] = o.TypeOfDisclosureExtensionUrl,
                    ["valueCoding"] = Coding(o.TypeOfDisclosureSystem, e.TypeOfDisclosure),
                }),
                ["what"] = new JsonObject { ["identifier"] = Identifier(UriSystem, "urn:oid:" + d.DocumentOid) },
                ["type"] = Coding("urn:oid:" + system, d.DocTypeCode),
                ["role"] = Coding(ObjectRole, "3", "Report"),
                ["description"] = d.GeneralType,
            });
        }
        if (e.ConsentRef is { } consent)
            entities.Add(new JsonObject
            {
                ["what"] = new JsonObject { ["type"] = "Consent", ["identifier"] = new JsonObject { ["value"] = consent } },
                ["type"] = Coding(EntityType, "2", "System Object"),
            });
        resource["entity"] = entities;
        return resource;
    }

    /// <summary>
    /// The national transport's shape (SWA §9): a <c>transaction</c> Bundle of an AuditEvent + Provenance pair, each a
    /// create (POST). Unsigned: the signature the national service requires is open, and Vakka sends nothing.
    /// </summary>
    public static JsonObject Bundle(DisclosureExport x, DisclosureOptions o)
    {
        var e = x.Event;
        var auditEventUrl = $"urn:uuid:{e.Id.Value}";
        var provenance = new JsonObject
        {
            ["resourceType"] = "Provenance",
            ["target"] = new JsonArray(new JsonObject { ["reference"] = auditEventUrl }),
            ["recorded"] = Instant(e.DisclosedAt),
            ["agent"] = new JsonArray(new JsonObject
            {
                ["type"] = new JsonObject { ["coding"] = new JsonArray(Coding("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "custodian", "Custodian")) },
                ["who"] = Organisation(e.RegistrarOid, x.RegistrarName),
            }),
        };
        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "transaction",
            ["entry"] = new JsonArray(
                Entry(auditEventUrl, AuditEvent(x, o, withId: false), "AuditEvent"),
                Entry($"urn:uuid:{ProvenanceId(e.Id.Value)}", provenance, "Provenance")),
        };
    }

    private static JsonObject Entry(string fullUrl, JsonObject resource, string type) => new()
    {
        ["fullUrl"] = fullUrl,
        ["resource"] = resource,
        ["request"] = new JsonObject { ["method"] = "POST", ["url"] = type },
    };

    /// <summary>A stable second UUID for the Provenance (the event's with its last byte's bits flipped; still a version 7 UUID).</summary>
    private static Guid ProvenanceId(Guid id)
    {
        var bytes = id.ToByteArray(bigEndian: true);
        bytes[15] ^= 0xFF;
        return new Guid(bytes, bigEndian: true);
    }

    private static JsonObject Agent(JsonObject? extension, string typeCode, string typeDisplay, JsonObject who, bool requestor)
    {
        var agent = new JsonObject();
        if (extension is not null) agent["extension"] = new JsonArray(extension);
        agent["type"] = new JsonObject { ["coding"] = new JsonArray(Coding(ParticipationType, typeCode, typeDisplay)) };
        agent["who"] = who;
        agent["requestor"] = requestor;
        return agent;
    }

    private static JsonObject Organisation(string oid, string? name)
    {
        var reference = new JsonObject { ["type"] = "Organization", ["identifier"] = Identifier(UriSystem, "urn:oid:" + oid) };
        if (!string.IsNullOrWhiteSpace(name)) reference["display"] = name;
        return reference;
    }

    private static JsonObject Identifier(string system, string value) => new() { ["system"] = system, ["value"] = value };

    private static JsonObject Coding(string system, string code, string? display = null)
    {
        var coding = new JsonObject { ["system"] = system, ["code"] = code };
        if (display is not null) coding["display"] = display;
        return coding;
    }

    private static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
