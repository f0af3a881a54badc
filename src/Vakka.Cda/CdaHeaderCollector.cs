using System.Globalization;
using System.Xml;
using Vakka.Platform.Finnish;

namespace Vakka.Cda;

/// <summary>
/// Collects the header values while <see cref="CdaReader"/> walks the document, and reports value syntax errors
/// (OIDs, henkilötunnus, times, numbers, fixed values) with their paths. Presence and code-list rules are
/// <see cref="CdaValidator"/>'s.
/// </summary>
internal sealed class CdaHeaderCollector
{
    private readonly List<CdaIssue> _issues = [];
    private readonly List<Oid> _templateIds = [];
    private string? _realm;
    private (string? Root, string? Extension)? _typeId;
    private InstanceId? _id;
    private Coded? _code;
    private string? _title;
    private DateTimeOffset? _effectiveTime;
    private Coded? _confidentiality;
    private string? _language;
    private Oid? _setId;
    private int? _version;
    private int _recordTargets;
    private bool _hetuIdSeen;
    private bool _otherClientIdSeen;
    private bool _clientNullFlavor;
    private PersonalIdentityCode? _client;
    private readonly List<PersonalIdentityCode> _subjects = [];
    private bool _inSubject;
    private int _authors;
    private Coded? _authorRole;
    private DateTimeOffset? _authorTime;
    private bool _authorIdSeen;
    private InstanceId? _authorId;
    private Oid? _authorOrganisation;
    private Oid? _registrar;
    private bool _inReplaces;
    private bool _replacesSeen;
    private Oid? _parentId;
    private Oid? _parentSetId;
    private int? _parentVersion;
    private InstanceId? _caseId;
    private Oid? _serviceUnit;
    private bool _localHeader;
    private Coded? _serviceTask;
    private Coded? _processPhase;
    private DateTimeOffset? _completionTime;
    private Coded? _retentionClass;
    private Coded? _recordStatus;
    private string? _generalType;

    public void OnElement(string path, XmlReader xml)
    {
        if (path == CdaPaths.Participant)
        {
            _inSubject = xml.GetAttribute("typeCode") == "SBJ";
        }
        else if (_inSubject && xml.LocalName == "id" && path.StartsWith(CdaPaths.Participant + "/", StringComparison.Ordinal))
        {
            SubjectId(path, xml);
        }

        switch (path)
        {
            case CdaPaths.RealmCode: _realm = xml.GetAttribute("code"); break;
            case CdaPaths.TypeId: _typeId = (xml.GetAttribute("root"), xml.GetAttribute("extension")); break;
            case CdaPaths.TemplateId:
                if (Oid.TryParse(xml.GetAttribute("root"), out var template, out _))
                {
                    _templateIds.Add(template); // other, invalid templateIds are ignored (design §a #3)
                }

                break;
            case CdaPaths.Id: _id = DocumentId(path, xml); break;
            case CdaPaths.Code: _code = ReadCoded(xml); break;
            case CdaPaths.EffectiveTime: _effectiveTime = Time(path, xml, CdaIssueCodes.EffectiveTimeInvalid); break;
            case CdaPaths.ConfidentialityCode: _confidentiality = ReadCoded(xml); break;
            case CdaPaths.LanguageCode: _language = xml.GetAttribute("code"); break;
            case CdaPaths.SetId: _setId = RootOid(path, xml, CdaIssueCodes.SetIdInvalid); break;
            case CdaPaths.VersionNumber: _version = Version(path, xml); break;
            case CdaPaths.RecordTarget: _recordTargets++; break;
            case CdaPaths.ClientId when _recordTargets == 1: ClientId(path, xml); break;
            case CdaPaths.Author: _authors++; break;
            case CdaPaths.AuthorFunctionCode when _authors == 1: _authorRole = ReadCoded(xml); break;
            case CdaPaths.AuthorTime when _authors == 1: _authorTime = Time(path, xml, CdaIssueCodes.AuthorTimeInvalid); break;
            case CdaPaths.AuthorId when _authors == 1 && !_authorIdSeen: AuthorId(path, xml); break;
            case CdaPaths.AuthorOrganisationId when _authors == 1: _authorOrganisation = RootOid(path, xml, CdaIssueCodes.OidInvalid); break;
            case CdaPaths.RegistrarId: _registrar = RootOid(path, xml, CdaIssueCodes.RegistrarInvalid); break;
            case CdaPaths.RelatedDocument:
                _inReplaces = xml.GetAttribute("typeCode") == "RPLC";
                _replacesSeen |= _inReplaces;
                break;
            case CdaPaths.ParentId when _inReplaces: _parentId = RootOid(path, xml, CdaIssueCodes.OidInvalid); break;
            case CdaPaths.ParentSetId when _inReplaces: _parentSetId = RootOid(path, xml, CdaIssueCodes.OidInvalid); break;
            case CdaPaths.ParentVersionNumber when _inReplaces: _parentVersion = Version(path, xml); break;
            case CdaPaths.CaseId: _caseId = CaseId(path, xml); break;
            case CdaPaths.ServiceUnitId: _serviceUnit = RootOid(path, xml, CdaIssueCodes.ServiceUnitInvalid); break;
            case CdaPaths.LocalHeader: _localHeader = true; break;
            case CdaPaths.ServiceTask: _serviceTask = ReadCoded(xml); break;
            case CdaPaths.ProcessPhase: _processPhase = ReadCoded(xml); break;
            case CdaPaths.CompletionTime: _completionTime = Time(path, xml, CdaIssueCodes.CompletionTimeInvalid); break;
            case CdaPaths.RetentionClass: _retentionClass = ReadCoded(xml); break;
            case CdaPaths.RecordStatus: _recordStatus = ReadCoded(xml); break;
            case CdaPaths.GeneralType: _generalType = xml.GetAttribute("displayName"); break;
            case CdaPaths.Signature:
                _issues.Add(CdaIssue.Warning(CdaIssueCodes.SignatureNotVerified, path, "Signatures are kept but not verified."));
                break;
        }
    }

    public bool WantsText(string path) => path == CdaPaths.Title;

    public void OnText(string path, string text)
    {
        if (path == CdaPaths.Title)
        {
            _title = text;
        }
    }

    /// <summary>Adds the collected issues and the end-of-document checks to <paramref name="issues"/> and returns the header.</summary>
    public CdaHeader Complete(List<CdaIssue> issues)
    {
        if (_realm != CdaConstants.Realm)
        {
            _issues.Add(new CdaIssue(CdaIssueCodes.RealmInvalid, CdaPaths.Attribute(CdaPaths.RealmCode, "code"), $"realmCode must be {CdaConstants.Realm}."));
        }

        if (_typeId != (CdaConstants.TypeIdRoot, CdaConstants.TypeIdExtension))
        {
            _issues.Add(new CdaIssue(CdaIssueCodes.TypeIdInvalid, CdaPaths.TypeId, $"typeId must be root {CdaConstants.TypeIdRoot}, extension {CdaConstants.TypeIdExtension}."));
        }

        if (_recordTargets > 1)
        {
            _issues.Add(new CdaIssue(CdaIssueCodes.ClientMultiple, CdaPaths.RecordTarget, "A document concerns exactly one client (one recordTarget)."));
        }
        else if (_recordTargets == 1 && !_hetuIdSeen && _clientNullFlavor)
        {
            _issues.Add(new CdaIssue(CdaIssueCodes.ClientHetuRequired, CdaPaths.ClientId, "The client must be identified by a henkilötunnus; a nullFlavor is not accepted."));
        }
        else if (_recordTargets == 1 && !_hetuIdSeen && _otherClientIdSeen)
        {
            _issues.Add(new CdaIssue(CdaIssueCodes.ClientIdRootInvalid, CdaPaths.Attribute(CdaPaths.ClientId, "root"), $"The client id must have root {CdaConstants.HetuRoot} (henkilötunnus)."));
        }

        if (_authors > 0)
        {
            CompleteAuthor();
        }

        var replaces = _parentId is { } pid && _parentSetId is { } psid && _parentVersion is { } pv ? new Replaces(pid, psid, pv) : null;
        if (_replacesSeen && replaces is null && !_issues.Any(i => i.Path.StartsWith(CdaPaths.RelatedDocument, StringComparison.Ordinal)))
        {
            _issues.Add(new CdaIssue(CdaIssueCodes.ReplacesMissing, CdaPaths.ParentDocument, "The RPLC parentDocument needs id, setId and versionNumber."));
        }

        issues.AddRange(_issues);
        return new CdaHeader
        {
            TemplateIds = _templateIds,
            Id = _id,
            DocumentType = _code,
            Title = _title,
            EffectiveTime = _effectiveTime,
            Confidentiality = _confidentiality,
            LanguageCode = _language,
            SetId = _setId,
            VersionNumber = _version,
            Client = _client,
            Subjects = _subjects,
            Author = _authors == 0 || _authorRole is null || _authorTime is null
                ? null
                : new CdaAuthor(_authorRole, _authorTime.Value, _authorId, _authorOrganisation),
            Registrar = _registrar,
            Replaces = replaces,
            CaseId = _caseId,
            ServiceUnit = _serviceUnit,
            HasLocalHeader = _localHeader,
            ServiceTask = _serviceTask,
            ProcessPhase = _processPhase,
            CompletionTime = _completionTime,
            RetentionClass = _retentionClass,
            RecordStatus = _recordStatus,
            GeneralType = _generalType,
        };
    }

    private void CompleteAuthor()
    {
        if (_authorRole is not { HasCode: true })
        {
            _issues.Add(new CdaIssue(CdaIssueCodes.AuthorRoleMissing, CdaPaths.Attribute(CdaPaths.AuthorFunctionCode, "code"), "The author's role (functionCode) is required."));
        }

        if (_authorTime is null && !_issues.Any(i => i.Path.StartsWith(CdaPaths.AuthorTime, StringComparison.Ordinal)))
        {
            _issues.Add(new CdaIssue(CdaIssueCodes.AuthorTimeInvalid, CdaPaths.AuthorTime, "author/time is required."));
        }

        if (!_authorIdSeen)
        {
            _issues.Add(new CdaIssue(CdaIssueCodes.AuthorIdInvalid, CdaPaths.AuthorId, "assignedAuthor/id is required (an OID root or a nullFlavor)."));
        }
    }

    private static Coded ReadCoded(XmlReader xml) =>
        new(xml.GetAttribute("code"), xml.GetAttribute("codeSystem"), xml.GetAttribute("displayName"), xml.GetAttribute("nullFlavor"));

    private InstanceId? DocumentId(string path, XmlReader xml)
    {
        var root = RootOid(path, xml, CdaIssueCodes.DocumentIdInvalid);
        if (xml.GetAttribute("extension") is not null)
        {
            _issues.Add(new CdaIssue(CdaIssueCodes.DocumentIdInvalid, CdaPaths.Attribute(path, "extension"), "The document id is an OID root without an extension."));
            return null;
        }

        return root is { } r ? new InstanceId(r) : null;
    }

    private Oid? RootOid(string path, XmlReader xml, string code)
    {
        var root = xml.GetAttribute("root");
        if (root is null)
        {
            return null; // absence is the validator's *_MISSING
        }

        if (Oid.TryParse(root, out var oid, out var errorKey))
        {
            return oid;
        }

        _issues.Add(new CdaIssue(code, CdaPaths.Attribute(path, "root"), $"'{root}' is not a valid OID ({errorKey})."));
        return null;
    }

    private DateTimeOffset? Time(string path, XmlReader xml, string code)
    {
        var value = xml.GetAttribute("value");
        if (value is null)
        {
            return null;
        }

        if (CdaTime.TryParse(value, out var time))
        {
            return time;
        }

        _issues.Add(new CdaIssue(code, CdaPaths.Attribute(path, "value"), $"'{value}' is not a time of the form yyyyMMddHHmmss[+hhmm]."));
        return null;
    }

    private int? Version(string path, XmlReader xml)
    {
        var value = xml.GetAttribute("value");
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1)
        {
            return version;
        }

        _issues.Add(new CdaIssue(CdaIssueCodes.VersionNumberInvalid, CdaPaths.Attribute(path, "value"), $"'{value}' is not an integer of at least 1."));
        return null;
    }

    private void ClientId(string path, XmlReader xml)
    {
        var root = xml.GetAttribute("root");
        if (root is null)
        {
            _clientNullFlavor |= xml.GetAttribute("nullFlavor") is not null;
            return;
        }

        if (root != CdaConstants.HetuRoot)
        {
            _otherClientIdSeen = true;
            return;
        }

        _hetuIdSeen = true;
        var extension = xml.GetAttribute("extension");
        if (string.IsNullOrWhiteSpace(extension))
        {
            _issues.Add(new CdaIssue(CdaIssueCodes.ClientHetuRequired, CdaPaths.Attribute(path, "extension"), "The client's henkilötunnus is missing."));
            return;
        }

        if (PersonalIdentityCode.TryParse(extension, out var hetu, out var errorKey))
        {
            _client = hetu;
            return;
        }

        _issues.Add(HetuIssue(CdaPaths.Attribute(path, "extension"), errorKey));
    }

    /// <summary>Maps a <see cref="PersonalIdentityCode.Errors"/> key to its machine code; the value itself is never in the reason.</summary>
    internal static CdaIssue HetuIssue(string path, string errorKey) => errorKey switch
    {
        PersonalIdentityCode.Errors.Date => new(CdaIssueCodes.HetuDate, path, "The henkilötunnus has an impossible date."),
        PersonalIdentityCode.Errors.IndividualNumber => new(CdaIssueCodes.HetuIndividualNumber, path, "The henkilötunnus individual number 000 or 001 is never issued."),
        PersonalIdentityCode.Errors.CheckCharacter => new(CdaIssueCodes.HetuCheckCharacter, path, "The henkilötunnus check character is wrong."),
        _ => new(CdaIssueCodes.HetuFormat, path, "The henkilötunnus is not of the form DDMMYYCNNNX with a century sign + - Y X W V U A B C D E F."),
    };

    private void SubjectId(string path, XmlReader xml)
    {
        if (xml.GetAttribute("root") != CdaConstants.HetuRoot || xml.GetAttribute("extension") is not { } extension)
        {
            return;
        }

        if (PersonalIdentityCode.TryParse(extension, out var hetu, out var errorKey))
        {
            _subjects.Add(hetu);
        }
        else
        {
            _issues.Add(HetuIssue(CdaPaths.Attribute(path, "extension"), errorKey));
        }
    }

    private void AuthorId(string path, XmlReader xml)
    {
        _authorIdSeen = true;
        var root = xml.GetAttribute("root");
        if (root is null)
        {
            if (xml.GetAttribute("nullFlavor") is null)
            {
                _issues.Add(new CdaIssue(CdaIssueCodes.AuthorIdInvalid, path, "The author id needs an OID root or a nullFlavor."));
            }

            return;
        }

        if (Oid.TryParse(root, out var oid, out var errorKey))
        {
            _authorId = new InstanceId(oid, xml.GetAttribute("extension"));
            return;
        }

        _issues.Add(new CdaIssue(CdaIssueCodes.AuthorIdInvalid, CdaPaths.Attribute(path, "root"), $"'{root}' is not a valid OID ({errorKey})."));
    }

    private InstanceId? CaseId(string path, XmlReader xml)
    {
        var root = RootOid(path, xml, CdaIssueCodes.CaseIdInvalid);
        var extension = xml.GetAttribute("extension");
        if (extension is { Length: > CdaConstants.MaxCaseIdExtensionLength })
        {
            _issues.Add(new CdaIssue(CdaIssueCodes.CaseIdInvalid, CdaPaths.Attribute(path, "extension"), $"The case id extension is longer than {CdaConstants.MaxCaseIdExtensionLength} characters."));
            return null;
        }

        return root is { } r ? new InstanceId(r, extension) : null;
    }
}
