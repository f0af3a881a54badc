using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;

namespace Vakka.Archive.Data;

/// <summary>
/// The Archive tables (prefix ar_, design §c). Organisations and accounts are the Directory's; only their ids are kept
/// here. Content is apart from the metadata so that metadata scans never read the bytes.
/// </summary>
internal sealed class ArchiveModel : IModuleModel
{
    public string TablePrefix => "ar";

    public void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<ArchivedDocumentId>().HaveConversion<TypedIdConverter<ArchivedDocumentId>>();
        builder.Properties<PersonId>().HaveConversion<TypedIdConverter<PersonId>>();
        builder.Properties<ClientSystemId>().HaveConversion<TypedIdConverter<ClientSystemId>>();
        builder.Properties<DisclosureId>().HaveConversion<TypedIdConverter<DisclosureId>>();
        builder.Properties<MigrationRunId>().HaveConversion<TypedIdConverter<MigrationRunId>>();
    }

    public void ConfigureModel(ModelBuilder builder)
    {
        builder.Entity<ArchivePerson>(e =>
        {
            e.ToTable("ar_person");
            e.HasKey(p => p.Id);
            e.Property(p => p.Hetu).HasMaxLength(11).IsFixedLength();
            e.HasIndex(p => p.Hetu).IsUnique();
        });

        builder.Entity<ArchivedDocument>(e =>
        {
            e.ToTable("ar_document");
            e.HasKey(d => d.Id);
            e.Ignore(d => d.Sha256Hex);
            e.Property(d => d.DocumentOid).HasMaxLength(Oid.MaxLength);
            e.Property(d => d.SetId).HasMaxLength(Oid.MaxLength);
            e.Property(d => d.RegistrarOid).HasMaxLength(Oid.MaxLength);
            e.Property(d => d.ServiceUnitOid).HasMaxLength(Oid.MaxLength);
            e.Property(d => d.DocTypeSystem).HasMaxLength(4);
            e.Property(d => d.DocTypeCode).HasMaxLength(20);
            e.Property(d => d.GeneralType).HasMaxLength(100);
            e.Property(d => d.StructureOid).HasMaxLength(Oid.MaxLength);
            e.Property(d => d.Title).HasMaxLength(Vakka.Cda.CdaConstants.MaxTitleLength);
            e.Property(d => d.Language).HasMaxLength(2);
            e.Property(d => d.ConfidentialityCode).HasMaxLength(20);
            e.Property(d => d.ServiceTaskCode).HasMaxLength(20);
            e.Property(d => d.ProcessPhaseCode).HasMaxLength(20);
            e.Property(d => d.CaseRoot).HasMaxLength(Oid.MaxLength);
            e.Property(d => d.CaseExt).HasMaxLength(Vakka.Cda.CdaConstants.MaxCaseIdExtensionLength);
            e.Property(d => d.RetentionClassCode).HasMaxLength(20);
            e.Property(d => d.RecordStatusCode).HasMaxLength(20);
            e.Property(d => d.AuthorRole).HasMaxLength(10);
            e.Property(d => d.BodyKind).HasMaxLength(20);
            e.Property(d => d.Source).HasMaxLength(20);
            e.Property(d => d.Sha256).HasMaxLength(32);
            e.HasIndex(d => d.DocumentOid).IsUnique();
            e.HasIndex(d => new { d.SetId, d.VersionNumber }).IsUnique();
            e.HasIndex(d => new { d.RegistrarOrgId, d.PersonId, d.EffectiveTime });
            e.HasIndex(d => new { d.RegistrarOrgId, d.CaseRoot, d.CaseExt });
            e.HasIndex(d => new { d.RegistrarOrgId, d.EffectiveTime });
            e.Property(d => d.RetentionRule).HasMaxLength(40);
            e.HasIndex(d => new { d.RegistrarOrgId, d.RetentionEnd }).HasFilter("destroyed_at IS NULL AND retention_end IS NOT NULL")
                .HasDatabaseName("ix_ar_document_retention_due");
            e.HasOne<ArchivePerson>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ArchiveCase>(e =>
        {
            e.ToTable("ar_case");
            e.HasKey(c => new { c.RegistrarOrgId, c.CaseRoot, c.CaseExt });
            e.Property(c => c.CaseRoot).HasMaxLength(Oid.MaxLength);
            e.Property(c => c.CaseExt).HasMaxLength(Vakka.Cda.CdaConstants.MaxCaseIdExtensionLength);
            e.Property(c => c.ServiceTaskCode).HasMaxLength(20);
            e.Property(c => c.Source).HasMaxLength(20);
        });

        builder.Entity<RetentionEvent>(e =>
        {
            e.ToTable("ar_retention_event");
            e.HasKey(r => r.Id);
            e.Property(r => r.Kind).HasMaxLength(20);
            e.Property(r => r.Source).HasMaxLength(20);
            e.Property(r => r.CaseRoot).HasMaxLength(Oid.MaxLength);
            e.Property(r => r.CaseExt).HasMaxLength(Vakka.Cda.CdaConstants.MaxCaseIdExtensionLength);
            e.HasIndex(r => r.PersonId);
            e.HasIndex(r => new { r.RegistrarOrgId, r.CaseRoot, r.CaseExt });
        });

        builder.Entity<DestructionProposal>(e =>
        {
            e.ToTable("ar_destruction_proposal");
            e.HasKey(p => p.Id);
            e.Property(p => p.Status).HasMaxLength(20);
            e.Property(p => p.RejectReason).HasMaxLength(DestructionProposal.MaxReasonLength);
            e.HasIndex(p => new { p.RegistrarOrgId, p.ProposedAt });
        });

        builder.Entity<DestructionItem>(e =>
        {
            e.ToTable("ar_destruction_item");
            e.HasKey(i => new { i.ProposalId, i.DocumentId });
            e.Property(i => i.DocumentOid).HasMaxLength(Oid.MaxLength);
            e.Property(i => i.SetId).HasMaxLength(Oid.MaxLength);
            e.Property(i => i.DocTypeSystem).HasMaxLength(4);
            e.Property(i => i.DocTypeCode).HasMaxLength(20);
            e.Property(i => i.ServiceTaskCode).HasMaxLength(20);
            e.Property(i => i.RetentionRule).HasMaxLength(40);
            e.Property(i => i.Sha256).HasMaxLength(32);
            e.HasIndex(i => i.DocumentId).IsUnique().HasFilter("is_open").HasDatabaseName("ix_ar_destruction_item_open_document");
            e.HasOne<DestructionProposal>().WithMany().HasForeignKey(i => i.ProposalId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ArchivedDocument>().WithMany().HasForeignKey(i => i.DocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DocumentContent>(e =>
        {
            e.ToTable("ar_document_content");
            e.HasKey(c => c.DocumentId);
            // PostgreSQL: lz4 instead of pglz for the TOASTed bytes (an order of magnitude cheaper to compress; the
            // legacy migration writes thousands of documents a second). The annotation is Npgsql's; SQLite ignores it.
            e.Property(c => c.Bytes).UseCompressionMethod("lz4");
            e.HasOne<ArchivedDocument>().WithOne().HasForeignKey<DocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DocumentVoid>(e =>
        {
            e.ToTable("ar_void");
            e.HasKey(v => v.Id);
            e.Property(v => v.SetId).HasMaxLength(Oid.MaxLength);
            e.Property(v => v.Reason).HasMaxLength(DocumentVoid.MaxReasonLength);
            e.Property(v => v.OnBehalfOfRoot).HasMaxLength(Oid.MaxLength);
            e.Property(v => v.OnBehalfOfExt).HasMaxLength(100);
            e.HasIndex(v => v.SetId).IsUnique();
        });

        builder.Entity<Disclosure>(e =>
        {
            e.ToTable("ar_disclosure");
            e.HasKey(d => d.Id);
            e.Property(d => d.RegistrarOid).HasMaxLength(Oid.MaxLength);
            e.Property(d => d.RecipientOid).HasMaxLength(Oid.MaxLength);
            e.Property(d => d.RecipientName).HasMaxLength(Disclosure.MaxRecipientNameLength);
            e.Property(d => d.TypeOfDisclosure).HasMaxLength(Disclosure.MaxCodeLength);
            e.Property(d => d.LegalBasis).HasMaxLength(Disclosure.MaxCodeLength);
            e.Property(d => d.ConsentRef).HasMaxLength(Disclosure.MaxConsentRefLength);
            e.Property(d => d.PractitionerRoot).HasMaxLength(Oid.MaxLength);
            e.Property(d => d.PractitionerExt).HasMaxLength(Disclosure.MaxPractitionerExtLength);
            e.HasIndex(d => new { d.RegistrarOrgId, d.DisclosedAt });
            e.HasOne<ArchivePerson>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DisclosureItem>(e =>
        {
            e.ToTable("ar_disclosure_item");
            e.HasKey(i => new { i.DisclosureId, i.DocumentId });
            e.HasIndex(i => i.DocumentId);
            e.HasOne<Disclosure>().WithMany().HasForeignKey(i => i.DisclosureId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ArchivedDocument>().WithMany().HasForeignKey(i => i.DocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ClientSystem>(e =>
        {
            e.ToTable("ar_client_system");
            e.HasKey(c => c.Id);
            e.Property(c => c.Name).HasMaxLength(100);
            e.Property(c => c.KeyPrefix).HasMaxLength(12);
            e.Property(c => c.KeyHash).HasMaxLength(64);
            e.HasIndex(c => c.KeyHash).IsUnique();
            e.HasIndex(c => c.OrganisationId);
        });

        builder.Entity<VerifyRun>(e =>
        {
            e.ToTable("ar_verify_run");
            e.HasKey(r => r.Id);
        });

        builder.Entity<VerifyMismatch>(e =>
        {
            e.ToTable("ar_verify_mismatch");
            e.HasKey(m => m.Id);
            e.Property(m => m.DocumentOid).HasMaxLength(Oid.MaxLength);
            e.Property(m => m.Problem).HasMaxLength(20);
            e.Property(m => m.Expected).HasMaxLength(32);
            e.Property(m => m.Actual).HasMaxLength(32);
            e.HasIndex(m => m.RunId);
            e.HasOne<VerifyRun>().WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MigrationRun>(e =>
        {
            e.ToTable("ar_migration_run");
            e.HasKey(r => r.Id);
            e.Ignore(r => r.Done);
            e.Ignore(r => r.IsFinished);
            e.Property(r => r.Kind).HasMaxLength(10);
            e.Property(r => r.Status).HasMaxLength(12);
            e.Property(r => r.Folder).HasMaxLength(MigrationRun.MaxFolderLength);
            e.Property(r => r.SourceSystem).HasMaxLength(MigrationRun.MaxSourceSystemLength);
            e.Property(r => r.MetadataSha256).HasMaxLength(64);
            e.Property(r => r.MappingSha256).HasMaxLength(64);
            e.Property(r => r.Problem).HasMaxLength(60);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.RegistrarOrgId, r.Number }).IsUnique();
        });

        builder.Entity<MigrationItem>(e =>
        {
            e.ToTable("ar_migration_item");
            e.HasKey(i => new { i.RegistrarOrgId, i.SourceSystem, i.OldDocumentId });
            e.Property(i => i.SourceSystem).HasMaxLength(MigrationRun.MaxSourceSystemLength);
            e.Property(i => i.OldDocumentId).HasMaxLength(MigrationItem.MaxOldIdLength);
        });

        builder.Entity<MigrationFailure>(e =>
        {
            e.ToTable("ar_migration_failure");
            e.HasKey(f => f.Id);
            e.Property(f => f.OldDocumentId).HasMaxLength(MigrationItem.MaxOldIdLength);
            e.Property(f => f.OldDocumentType).HasMaxLength(MappingRow.MaxOldLength);
            e.Property(f => f.OldService).HasMaxLength(MappingRow.MaxOldLength);
            e.Property(f => f.Codes).HasMaxLength(MigrationFailure.MaxCodesLength);
            e.Property(f => f.Detail).HasMaxLength(MigrationFailure.MaxDetailLength);
            e.HasIndex(f => new { f.RunId, f.Record });
            e.HasOne<MigrationRun>().WithMany().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MigrationGroup>(e =>
        {
            e.ToTable("ar_migration_group");
            e.HasKey(g => new { g.RunId, g.OldDocumentType, g.OldService });
            e.Property(g => g.OldDocumentType).HasMaxLength(MappingRow.MaxOldLength);
            e.Property(g => g.OldService).HasMaxLength(MappingRow.MaxOldLength);
            e.Property(g => g.DocumentTypeCode).HasMaxLength(20);
            e.Property(g => g.ServiceTaskCode).HasMaxLength(20);
            e.HasOne<MigrationRun>().WithMany().HasForeignKey(g => g.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MappingRow>(e =>
        {
            e.ToTable("ar_mapping_row");
            e.HasKey(m => new { m.RegistrarOrgId, m.OldDocumentType, m.OldService });
            e.Property(m => m.OldDocumentType).HasMaxLength(MappingRow.MaxOldLength);
            e.Property(m => m.OldService).HasMaxLength(MappingRow.MaxOldLength);
            e.Property(m => m.DocumentTypeCode).HasMaxLength(20);
            e.Property(m => m.ServiceTaskCode).HasMaxLength(20);
            e.Property(m => m.ProcessPhaseCode).HasMaxLength(20);
            e.Property(m => m.RetentionClassCode).HasMaxLength(20);
            e.Property(m => m.RecordStatusCode).HasMaxLength(20);
            e.Property(m => m.Note).HasMaxLength(MappingRow.MaxNoteLength);
        });

        builder.Entity<MappingImport>(e =>
        {
            e.ToTable("ar_mapping_import");
            e.HasKey(m => m.RegistrarOrgId);
            e.Property(m => m.Sha256).HasMaxLength(64);
        });
    }
}
