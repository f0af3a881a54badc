using System.Text;
using Vakka.Archive.Features.Migration;
using Vakka.Cda;
using Vakka.Platform.Finnish;

namespace Vakka.Tests.Archive;

/// <summary>The pure parts of the legacy migration (design §g): the mapping table, the metadata reader and the document builder.</summary>
public sealed class MigrationRulesTests : IDisposable
{
    private const string Header = "old_document_type,old_service,document_type_code,service_task_code,process_phase_code,retention_class_code,record_status_code,note";
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("vakka-migration-rules-").FullName;

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);

    private static (MappingTable? Table, IReadOnlyList<MigrationProblem> Problems) Parse(string csv) =>
        MappingTable.Parse(Encoding.UTF8.GetBytes(csv), CodeLists.Instance);

    [Fact]
    public void An_exact_row_wins_over_the_types_wildcard_and_an_unknown_pair_has_no_target()
    {
        var (table, problems) = Parse($"{Header}\nMuistio,*,19005,15,,,,\nMuistio,LAS,19005,10,,,,lastensuojelu\n");
        Assert.Empty(problems);
        Assert.Equal("10", table!.Find("Muistio", "LAS")!.ServiceTaskCode);
        Assert.Equal("15", table.Find("Muistio", "AIK")!.ServiceTaskCode);
        Assert.Null(table.Find("Päätös", "AIK"));
    }

    [Fact]
    public void Excels_semicolon_csv_with_a_bom_and_without_the_note_column_reads_the_same()
    {
        var (comma, _) = Parse($"{Header}\nMuistio,AIK,19005,15,,,,\n");
        var (semicolon, problems) = Parse("\uFEFFold_document_type;old_service;document_type_code;service_task_code;process_phase_code;retention_class_code;record_status_code\r\nMuistio;AIK;19005;15;;;\r\n;;;;;;\r\n");
        Assert.Empty(problems);
        Assert.Equal(comma!.Sha256, semicolon!.Sha256);
    }

    [Fact]
    public void Every_problem_is_reported_by_line_and_column_and_no_table_is_made()
    {
        var (table, problems) = Parse($"{Header}\nMuistio,AIK,19005,15,,,,\nMuistio,AIK,19005,10,,,,\nPäätös,AIK,99999,15,,,,\nKirje,AIK,19005,777,,,,\n,AIK,19005,15,,,,\n*,AIK,19005,15,,,,\n");
        Assert.Null(table);
        Assert.Equal(
            [("MAPPING_AMBIGUOUS", 3L, "old_service"), ("MAPPED_CODE_UNKNOWN", 4L, "document_type_code"), ("MAPPED_CODE_UNKNOWN", 5L, "service_task_code"),
             ("MAPPING_FIELD_MISSING", 6L, "old_document_type"), ("MAPPING_FIELD_INVALID", 7L, "old_document_type")],
            problems.Select(p => (p.Code, p.Line, p.Column)));
    }

    [Fact]
    public void A_missing_column_latin1_bytes_and_an_empty_table_are_refused_as_a_whole()
    {
        Assert.Equal(["MAPPING_HEADER_INVALID"], Parse("old_document_type,old_service,document_type_code\nMuistio,AIK,19005\n").Problems.Select(p => p.Code).Distinct());
        Assert.Equal(["MAPPING_ENCODING_INVALID"], MappingTable.Parse(Encoding.Latin1.GetBytes($"{Header}\nPäätös,AIK,19005,15,,,,\n"), CodeLists.Instance).Problems.Select(p => p.Code));
        Assert.Equal(["MAPPING_EMPTY"], Parse($"{Header}\n").Problems.Select(p => p.Code));
    }

    [Fact]
    public void The_canonical_csv_reads_back_to_the_same_table()
    {
        var (table, _) = Parse($"{Header}\n\"Muistio, vanha\",*,19005,15,,,,\"huom: \"\"lainaus\"\"\"\nKirje,AIK,1006,10,,,,\n");
        var (again, problems) = Parse(table!.ToCsv());
        Assert.Empty(problems);
        Assert.Equal(table.Sha256, again!.Sha256);
        Assert.Equal("huom: \"lainaus\"", again.Rows.Single(r => r.OldDocumentType == "Muistio, vanha").Note);
    }

    [Fact]
    public void Metadata_in_csv_and_json_lines_gives_the_same_records_and_a_bad_json_line_is_a_record_problem()
    {
        var csvFolder = System.IO.Directory.CreateDirectory(Path.Combine(folder, "csv")).FullName;
        File.WriteAllText(Path.Combine(csvFolder, "metadata.csv"),
            "old_document_id;client_hetu;old_document_type;old_service;created_at;unit_oid;content_path;author_name\n A-1 ;010181-900C;Muistio;AIK;2012-01-02;1.2.3;a.txt;Liisa Laatija\n\nA-2;010181-900C;Muistio;AIK;2012-01-03;1.2.3;b.txt;\n");
        var jsonFolder = System.IO.Directory.CreateDirectory(Path.Combine(folder, "json")).FullName;
        File.WriteAllText(Path.Combine(jsonFolder, "metadata.jsonl"),
            "{\"old_document_id\":\"A-1\",\"client_hetu\":\"010181-900C\",\"old_document_type\":\"Muistio\",\"old_service\":\"AIK\",\"created_at\":\"2012-01-02\",\"unit_oid\":\"1.2.3\",\"content_path\":\"a.txt\"}\nnot json\n");
        var fromCsv = LegacyMetadata.Open(csvFolder).Read(0, default).ToList();
        var fromJson = LegacyMetadata.Open(jsonFolder).Read(0, default).ToList();
        Assert.Equal(2, fromCsv.Count);
        Assert.Equal(fromCsv[0] with { Line = 0 }, fromJson[0] with { Line = 0 });
        Assert.Equal("METADATA_LINE_INVALID", fromJson[1].ReadProblem);
        Assert.Equal(["A-2"], LegacyMetadata.Open(csvFolder).Read(1, default).Select(r => r.OldDocumentId)); // resume after record 1
        Assert.Equal(2, LegacyMetadata.Open(csvFolder).Survey(default).Records);
        Assert.Equal("METADATA_MISSING", Assert.Throws<MigrationFileException>(() => LegacyMetadata.Open(folder)).Code);
    }

    private BuildSettings Settings(string root) => new(Oid.Parse("1.2.246.10.2012566"), 7, "effica", root, new MigrationOptions(),
        TestPersonsOnly: true, CdaConstants.DefaultMaxDocumentBytes, TimeProvider.System);

    private (LegacyRecord Record, BuildSettings Settings) Text(string text, string file = "a.txt")
    {
        var content = System.IO.Directory.CreateDirectory(Path.Combine(folder, "content")).FullName;
        File.WriteAllBytes(Path.Combine(content, file), Encoding.UTF8.GetBytes(text));
        var record = new LegacyRecord(42, 43)
        {
            OldDocumentId = "EFF-1", ClientHetu = "010181-900C", OldDocumentType = "Muistio", OldService = "AIK", CreatedAt = "2012-01-02T10:30:00",
            CompletedOn = "2012-01-02", CaseId = "AIK-1", CaseClosedOn = "2013-06-30", UnitOid = "1.2.246.10.2012566.10.3", ContentPath = file,
        };
        return (record, Settings(content));
    }

    private static MappingTable Mapping() => Parse($"{Header}\nMuistio,*,19005,15,,,,\n").Table!;

    [Fact]
    public void A_text_record_becomes_a_valid_version_1_document_whose_display_form_is_the_escaped_text()
    {
        var (record, settings) = Text("Asiakas: <script>alert('x')</script> & muuta\fSivu 2\u0001.");
        var built = Assert.IsType<BuiltDocument>(LegacyDocumentBuilder.Build(record, Mapping(), settings));

        var read = CdaReader.Read(built.Bytes);
        Assert.DoesNotContain(CdaValidator.Validate(read, CodeLists.Instance, new CdaValidationOptions { AllowXhtmlOnly = true, TestPersonsOnly = true }),
            i => i.Severity == CdaSeverity.Error);
        var h = read.Header!;
        Assert.Equal("1.2.246.10.2012566.10.0.91.7.42", h.Id!.Root.Value);
        Assert.Equal((h.Id.Root, 1, "19005", "15", "KIR"), (h.SetId!.Value, h.VersionNumber!.Value, h.DocumentType!.Code, h.ServiceTask!.Code, h.Author!.Role.Code));
        Assert.Equal(new InstanceId(Oid.Parse("1.2.246.10.2012566.10.0.93"), "AIK-1"), h.CaseId);
        Assert.Equal(new DateTimeOffset(2012, 1, 2, 10, 30, 0, TimeSpan.FromHours(2)), h.EffectiveTime);
        Assert.Equal(h.EffectiveTime, h.CompletionTime); // a completion date on the day of writing means that day, not midnight before it
        Assert.Equal(new DateOnly(2013, 6, 30), built.CaseClosedOn);
        Assert.Equal(CdaBodyKind.XhtmlOnly, read.Body.Kind);
        var xhtml = Encoding.UTF8.GetString(((XhtmlOnlyBody)read.Body.Content!).Xhtml.Span);
        Assert.Contains("<pre>Asiakas: &lt;script&gt;alert('x')&lt;/script&gt; &amp; muuta\nSivu 2\uFFFD.</pre>", xhtml);
        Assert.Equal(built.Sha256, System.Security.Cryptography.SHA256.HashData(built.Bytes));
        Assert.Equal(built.Bytes, Assert.IsType<BuiltDocument>(LegacyDocumentBuilder.Build(record, Mapping(), settings)).Bytes); // deterministic: a resumed batch rebuilds the same bytes
    }

    [Theory]
    [InlineData("ClientHetu", "010181-900D", "HETU_CHECK_CHARACTER")]
    [InlineData("ClientHetu", "", "HETU_MISSING")]
    [InlineData("ClientHetu", "010181-123A", "HETU_NOT_TEST_PERSON")]
    [InlineData("CreatedAt", "31.12.2012", "DATE_INVALID")]
    [InlineData("CompletedOn", "2011-12-31", "COMPLETION_TIME_INVALID")]
    [InlineData("OldDocumentType", "Tuntematon", "MAPPING_MISSING")]
    [InlineData("UnitOid", "1.2.x", "UNIT_OID_INVALID")]
    [InlineData("ContentPath", "../../../etc/passwd.txt", "CONTENT_PATH_INVALID")]
    [InlineData("ContentPath", "/etc/passwd.txt", "CONTENT_PATH_INVALID")]
    [InlineData("ContentPath", "missing.txt", "CONTENT_MISSING")]
    [InlineData("ContentPath", "a.doc", "CONTENT_TYPE_UNSUPPORTED")]
    [InlineData("AuthorId", "not-an-oid^1", "AUTHOR_ID_INVALID")]
    [InlineData("Language", "en", "LANGUAGE_UNSUPPORTED")]
    [InlineData("OldDocumentId", "", "OLD_ID_MISSING")]
    public void A_wrong_value_fails_the_record_with_its_code(string field, string value, string code)
    {
        var (record, settings) = Text("Teksti.");
        record = field switch
        {
            "ClientHetu" => record with { ClientHetu = value },
            "CreatedAt" => record with { CreatedAt = value },
            "CompletedOn" => record with { CompletedOn = value },
            "OldDocumentType" => record with { OldDocumentType = value },
            "UnitOid" => record with { UnitOid = value },
            "ContentPath" => record with { ContentPath = value },
            "AuthorId" => record with { AuthorId = value },
            "Language" => record with { Language = value },
            _ => record with { OldDocumentId = value },
        };
        var failure = Assert.IsType<BuildFailure>(LegacyDocumentBuilder.Build(record, Mapping(), settings));
        Assert.Contains(code, failure.Codes);
    }

    [Fact]
    public void Latin1_text_is_refused_a_pdfa_is_archived_as_nonxmlbody_and_a_plain_pdf_is_refused_as_the_api_would()
    {
        var (record, settings) = Text("x");
        File.WriteAllBytes(Path.Combine(settings.ContentRoot, "latin1.txt"), Encoding.Latin1.GetBytes("Päätös"));
        Assert.Equal(["CONTENT_ENCODING_INVALID"], Assert.IsType<BuildFailure>(LegacyDocumentBuilder.Build(record with { ContentPath = "latin1.txt" }, Mapping(), settings)).Codes);

        File.WriteAllBytes(Path.Combine(settings.ContentRoot, "a.pdf"), "%PDF-1.7\n<rdf:Description pdfaid:part=\"2\" pdfaid:conformance=\"B\"/>\n%%EOF\n"u8.ToArray());
        var pdf = Assert.IsType<BuiltDocument>(LegacyDocumentBuilder.Build(record with { ContentPath = "a.pdf" }, Mapping(), settings));
        Assert.Equal(CdaBodyKind.Pdf, pdf.BodyKind);
        File.WriteAllBytes(Path.Combine(settings.ContentRoot, "scan.pdf"), "%PDF-1.4\n%%EOF\n"u8.ToArray());
        Assert.Equal(["BODY_PDFA_UNDECLARED"], Assert.IsType<BuildFailure>(LegacyDocumentBuilder.Build(record with { ContentPath = "scan.pdf" }, Mapping(), settings)).Codes);
    }

    [Fact]
    public void The_generator_writes_valid_test_henkilotunnus_values_and_a_390_row_mapping()
    {
        for (var i = 0; i < 5000; i += 7)
        {
            Assert.True(PersonalIdentityCode.TryParse(LegacyGenerator.TestHetu(i), out var hetu, out _), LegacyGenerator.TestHetu(i));
            Assert.InRange(int.Parse(hetu.Value.AsSpan(7, 3)), 900, 999);
        }
        var target = Path.Combine(folder, "generated");
        LegacyGenerator.Write(target, Oid.Parse("1.2.246.10.2012566"), new LegacyVolume(50, 10, TextBytes: 300, Faulty: 0.3, Seed: 3));
        var (table, problems) = MappingTable.Parse(File.ReadAllBytes(Path.Combine(target, "mapping.csv")), CodeLists.Instance);
        Assert.Empty(problems);
        Assert.Equal(390, table!.Rows.Count);
        Assert.Equal(50, LegacyMetadata.Open(target).Survey(default).Records);
    }
}
