using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;
using Vakka.Platform.Finnish;

namespace Vakka.Cda;

/// <summary>
/// Writes a <see cref="CdaDocument"/> as CDA R2 XML with the Finnish header: UTF-8 without BOM, two-space indent,
/// "\n" line ends, CDA R2 element order, hl7fi:localHeader after componentOf (design §a). Deterministic: the same
/// document gives the same bytes. The header must be complete (the writer does not validate code lists).
/// </summary>
public static class CdaWriter
{
    private const string H = CdaPaths.Hl7Namespace;
    private const string Fi = CdaPaths.FinnishNamespace;

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        CloseOutput = false,
    };

    /// <summary>Writes the document to a new byte array.</summary>
    public static byte[] Write(CdaDocument document)
    {
        // One growing buffer per thread, reused: only the result is allocated (bulk work writes thousands a second).
        var buffer = scratch ??= new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        Write(document, buffer);
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 1024 * 1024) scratch = null; // a huge document does not keep its buffer
        return bytes;
    }

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? scratch;

    /// <summary>Writes the document into <paramref name="output"/> (e.g. a pooled buffer or a pipe).</summary>
    public static void Write(CdaDocument document, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var stream = new BufferWriterStream(output);
        Write(document, stream);
    }

    /// <summary>Writes the document to <paramref name="output"/> (left open).</summary>
    /// <exception cref="ArgumentException">A required header value is missing.</exception>
    public static void Write(CdaDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var h = document.Header;
        using var w = XmlWriter.Create(output, Settings);
        w.WriteStartDocument();
        w.WriteStartElement(null, "ClinicalDocument", H);
        w.WriteAttributeString("xmlns", "hl7fi", null, Fi);

        Empty(w, "realmCode", ("code", CdaConstants.Realm));
        Empty(w, "typeId", ("root", CdaConstants.TypeIdRoot), ("extension", CdaConstants.TypeIdExtension));
        foreach (var template in h.TemplateIds)
        {
            Empty(w, "templateId", ("root", template.Value));
        }

        Id(w, "id", Required(h.Id, "Id"));
        CodedElement(w, H, "code", Required(h.DocumentType, "DocumentType"));
        w.WriteElementString("title", H, Required(h.Title, "Title"));
        Empty(w, "effectiveTime", ("value", CdaTime.Format(Required(h.EffectiveTime, "EffectiveTime"))));
        CodedElement(w, H, "confidentialityCode", Required(h.Confidentiality, "Confidentiality"));
        Empty(w, "languageCode", ("code", Required(h.LanguageCode, "LanguageCode")));
        Empty(w, "setId", ("root", Required(h.SetId, "SetId").Value));
        Empty(w, "versionNumber", ("value", Required(h.VersionNumber, "VersionNumber").ToString(CultureInfo.InvariantCulture)));

        WriteRecordTarget(w, Required(h.Client, "Client"));
        WriteAuthor(w, Required(h.Author, "Author"));
        WriteCustodian(w, Required(h.Registrar, "Registrar"));
        if (h.Replaces is { } replaces)
        {
            WriteReplaces(w, replaces);
        }

        WriteComponentOf(w, h.CaseId, Required(h.ServiceUnit, "ServiceUnit"));
        WriteLocalHeader(w, h);
        CdaBodyWriter.Write(w, document.Body);

        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void WriteRecordTarget(XmlWriter w, PersonalIdentityCode client)
    {
        w.WriteStartElement("recordTarget", H);
        w.WriteStartElement("patientRole", H);
        Empty(w, "id", ("root", CdaConstants.HetuRoot), ("extension", client.Value));
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteAuthor(XmlWriter w, CdaAuthor author)
    {
        w.WriteStartElement("author", H);
        CodedElement(w, H, "functionCode", author.Role);
        Empty(w, "time", ("value", CdaTime.Format(author.Time)));
        w.WriteStartElement("assignedAuthor", H);
        if (author.ProfessionalId is { } id)
        {
            Id(w, "id", id);
        }
        else
        {
            Empty(w, "id", ("nullFlavor", "UNK"));
        }

        if (author.Organisation is { } organisation)
        {
            w.WriteStartElement("representedOrganization", H);
            Empty(w, "id", ("root", organisation.Value));
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteCustodian(XmlWriter w, Oid registrar)
    {
        w.WriteStartElement("custodian", H);
        w.WriteStartElement("assignedCustodian", H);
        w.WriteStartElement("representedCustodianOrganization", H);
        Empty(w, "id", ("root", registrar.Value));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteReplaces(XmlWriter w, Replaces replaces)
    {
        w.WriteStartElement("relatedDocument", H);
        w.WriteAttributeString("typeCode", "RPLC");
        w.WriteStartElement("parentDocument", H);
        w.WriteAttributeString("classCode", "DOCCLIN");
        w.WriteAttributeString("moodCode", "EVN");
        Empty(w, "id", ("root", replaces.Id.Value));
        Empty(w, "setId", ("root", replaces.SetId.Value));
        Empty(w, "versionNumber", ("value", replaces.Version.ToString(CultureInfo.InvariantCulture)));
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteComponentOf(XmlWriter w, InstanceId? caseId, Oid serviceUnit)
    {
        w.WriteStartElement("componentOf", H);
        w.WriteStartElement("encompassingEncounter", H);
        if (caseId is not null)
        {
            Id(w, "id", caseId);
        }

        Empty(w, "effectiveTime", ("nullFlavor", "NA"));
        w.WriteStartElement("location", H);
        w.WriteStartElement("healthCareFacility", H);
        Empty(w, "id", ("root", serviceUnit.Value));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteLocalHeader(XmlWriter w, CdaHeader h)
    {
        w.WriteStartElement("hl7fi", "localHeader", Fi);
        w.WriteStartElement("declaredTime", Fi);
        w.WriteAttributeString("value", CdaTime.Format(Required(h.CompletionTime, "CompletionTime")));
        w.WriteEndElement();
        CodedElement(w, Fi, "retentionPeriodClass", Required(h.RetentionClass, "RetentionClass"));
        CodedElement(w, Fi, "recordStatus", Required(h.RecordStatus, "RecordStatus"));
        CodedElement(w, Fi, "functionCode", Required(h.ServiceTask, "ServiceTask"));
        CodedElement(w, Fi, "documentType", Coded.Null("OTH", displayName: Required(h.GeneralType, "GeneralType")));
        CodedElement(w, Fi, "encompassingEncounterCode", Required(h.ProcessPhase, "ProcessPhase"));
        w.WriteEndElement();
    }

    internal static void CodedElement(XmlWriter w, string ns, string name, Coded coded)
    {
        w.WriteStartElement(name, ns);
        Attribute(w, "nullFlavor", coded.NullFlavor);
        Attribute(w, "code", coded.Code);
        Attribute(w, "codeSystem", coded.CodeSystem);
        Attribute(w, "displayName", coded.DisplayName);
        w.WriteEndElement();
    }

    private static void Id(XmlWriter w, string name, InstanceId id)
    {
        w.WriteStartElement(name, H);
        w.WriteAttributeString("root", id.Root.Value);
        Attribute(w, "extension", id.Extension);
        w.WriteEndElement();
    }

    internal static void Empty(XmlWriter w, string name, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement(name, H);
        foreach (var (attributeName, value) in attributes)
        {
            w.WriteAttributeString(attributeName, value);
        }

        w.WriteEndElement();
    }

    private static void Attribute(XmlWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteAttributeString(name, value);
        }
    }

    private static T Required<T>(T? value, string name)
        where T : class =>
        value ?? throw new ArgumentException($"The header has no {name}.", nameof(value));

    private static T Required<T>(T? value, string name)
        where T : struct =>
        value ?? throw new ArgumentException($"The header has no {name}.", nameof(value));
}
