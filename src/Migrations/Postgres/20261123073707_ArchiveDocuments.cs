using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vakka.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArchiveDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ar_client_system",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key_prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_client_system", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ar_person",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hetu = table.Column<string>(type: "character(11)", fixedLength: true, maxLength: 11, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    death_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_person", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ar_verify_run",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    @checked = table.Column<long>(name: "checked", type: "bigint", nullable: false),
                    mismatches = table.Column<long>(type: "bigint", nullable: false),
                    missing = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_verify_run", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ar_void",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    set_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    registrar_org_id = table.Column<Guid>(type: "uuid", nullable: false),
                    voided_document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    client_system_id = table.Column<Guid>(type: "uuid", nullable: true),
                    account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    on_behalf_of_root = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    on_behalf_of_ext = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    voided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_void", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ar_document",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_oid = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    set_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    is_latest = table.Column<bool>(type: "boolean", nullable: false),
                    replaced_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    registrar_org_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registrar_oid = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    service_unit_oid = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    doc_type_system = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    doc_type_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    general_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    structure_oid = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    effective_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    confidentiality_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    service_task_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    process_phase_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    case_root = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    case_ext = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    retention_class_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    record_status_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    author_role = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    body_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    byte_length = table.Column<int>(type: "integer", nullable: false),
                    sha256 = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    archived_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    client_system_id = table.Column<Guid>(type: "uuid", nullable: true),
                    archived_by = table.Column<Guid>(type: "uuid", nullable: true),
                    voided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    destroyed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_document", x => x.id);
                    table.ForeignKey(
                        name: "fk_ar_document_ar_person_person_id",
                        column: x => x.person_id,
                        principalTable: "ar_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ar_verify_mismatch",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_oid = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    problem = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    expected = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    actual = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_verify_mismatch", x => x.id);
                    table.ForeignKey(
                        name: "fk_ar_verify_mismatch_ar_verify_run_run_id",
                        column: x => x.run_id,
                        principalTable: "ar_verify_run",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ar_document_content",
                columns: table => new
                {
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_document_content", x => x.document_id);
                    table.ForeignKey(
                        name: "fk_ar_document_content_ar_document_document_id",
                        column: x => x.document_id,
                        principalTable: "ar_document",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ar_client_system_key_hash",
                table: "ar_client_system",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ar_client_system_organisation_id",
                table: "ar_client_system",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_ar_document_document_oid",
                table: "ar_document",
                column: "document_oid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ar_document_person_id",
                table: "ar_document",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_ar_document_registrar_org_id_case_root_case_ext",
                table: "ar_document",
                columns: new[] { "registrar_org_id", "case_root", "case_ext" });

            migrationBuilder.CreateIndex(
                name: "ix_ar_document_registrar_org_id_effective_time",
                table: "ar_document",
                columns: new[] { "registrar_org_id", "effective_time" });

            migrationBuilder.CreateIndex(
                name: "ix_ar_document_registrar_org_id_person_id_effective_time",
                table: "ar_document",
                columns: new[] { "registrar_org_id", "person_id", "effective_time" });

            migrationBuilder.CreateIndex(
                name: "ix_ar_document_set_id_version_number",
                table: "ar_document",
                columns: new[] { "set_id", "version_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ar_person_hetu",
                table: "ar_person",
                column: "hetu",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ar_verify_mismatch_run_id",
                table: "ar_verify_mismatch",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_ar_void_set_id",
                table: "ar_void",
                column: "set_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ar_client_system");

            migrationBuilder.DropTable(
                name: "ar_document_content");

            migrationBuilder.DropTable(
                name: "ar_verify_mismatch");

            migrationBuilder.DropTable(
                name: "ar_void");

            migrationBuilder.DropTable(
                name: "ar_document");

            migrationBuilder.DropTable(
                name: "ar_verify_run");

            migrationBuilder.DropTable(
                name: "ar_person");
        }
    }
}
