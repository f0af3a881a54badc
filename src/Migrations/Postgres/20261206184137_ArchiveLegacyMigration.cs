using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vakka.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArchiveLegacyMigration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<byte[]>(
                name: "bytes",
                table: "ar_document_content",
                type: "bytea",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "bytea")
                .Annotation("Npgsql:Compression:", "lz4");

            migrationBuilder.CreateTable(
                name: "ar_mapping_import",
                columns: table => new
                {
                    registrar_org_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    imported_by = table.Column<Guid>(type: "uuid", nullable: true),
                    imported_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_mapping_import", x => x.registrar_org_id);
                });

            migrationBuilder.CreateTable(
                name: "ar_mapping_row",
                columns: table => new
                {
                    registrar_org_id = table.Column<Guid>(type: "uuid", nullable: false),
                    old_document_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    old_service = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    document_type_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    service_task_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    process_phase_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    retention_class_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    record_status_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    line = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_mapping_row", x => new { x.registrar_org_id, x.old_document_type, x.old_service });
                });

            migrationBuilder.CreateTable(
                name: "ar_migration_item",
                columns: table => new
                {
                    registrar_org_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_system = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    old_document_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_migration_item", x => new { x.registrar_org_id, x.source_system, x.old_document_id });
                });

            migrationBuilder.CreateTable(
                name: "ar_migration_run",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    registrar_org_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    folder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source_system = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    metadata_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    mapping_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    mapping_rows = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false),
                    cursor = table.Column<long>(type: "bigint", nullable: false),
                    archived = table.Column<long>(type: "bigint", nullable: false),
                    skipped = table.Column<long>(type: "bigint", nullable: false),
                    failed = table.Column<long>(type: "bigint", nullable: false),
                    problem = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    started_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    heartbeat_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_migration_run", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ar_migration_failure",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    record = table.Column<long>(type: "bigint", nullable: false),
                    old_document_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    old_document_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    old_service = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    codes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_migration_failure", x => x.id);
                    table.ForeignKey(
                        name: "fk_ar_migration_failure_ar_migration_run_run_id",
                        column: x => x.run_id,
                        principalTable: "ar_migration_run",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ar_migration_group",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    old_document_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    old_service = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    document_type_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    service_task_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    archived = table.Column<long>(type: "bigint", nullable: false),
                    skipped = table.Column<long>(type: "bigint", nullable: false),
                    failed = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_migration_group", x => new { x.run_id, x.old_document_type, x.old_service });
                    table.ForeignKey(
                        name: "fk_ar_migration_group_ar_migration_run_run_id",
                        column: x => x.run_id,
                        principalTable: "ar_migration_run",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ar_migration_failure_run_id_record",
                table: "ar_migration_failure",
                columns: new[] { "run_id", "record" });

            migrationBuilder.CreateIndex(
                name: "ix_ar_migration_run_registrar_org_id_number",
                table: "ar_migration_run",
                columns: new[] { "registrar_org_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ar_mapping_import");

            migrationBuilder.DropTable(
                name: "ar_mapping_row");

            migrationBuilder.DropTable(
                name: "ar_migration_failure");

            migrationBuilder.DropTable(
                name: "ar_migration_group");

            migrationBuilder.DropTable(
                name: "ar_migration_item");

            migrationBuilder.DropTable(
                name: "ar_migration_run");

            migrationBuilder.AlterColumn<byte[]>(
                name: "bytes",
                table: "ar_document_content",
                type: "bytea",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "bytea")
                .OldAnnotation("Npgsql:Compression:", "lz4");
        }
    }
}
