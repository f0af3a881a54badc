using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vakka.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArchiveRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "retention_end",
                table: "ar_document",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "retention_rule",
                table: "ar_document",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "retention_trigger",
                table: "ar_document",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ar_case",
                columns: table => new
                {
                    registrar_org_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_root = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    case_ext = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    service_task_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_case", x => new { x.registrar_org_id, x.case_root, x.case_ext });
                });

            migrationBuilder.CreateTable(
                name: "ar_retention_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    registrar_org_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_root = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    case_ext = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    event_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    client_system_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_retention_event", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ar_document_retention_due",
                table: "ar_document",
                columns: new[] { "registrar_org_id", "retention_end" },
                filter: "destroyed_at IS NULL AND retention_end IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ar_retention_event_person_id",
                table: "ar_retention_event",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_ar_retention_event_registrar_org_id_case_root_case_ext",
                table: "ar_retention_event",
                columns: new[] { "registrar_org_id", "case_root", "case_ext" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ar_case");

            migrationBuilder.DropTable(
                name: "ar_retention_event");

            migrationBuilder.DropIndex(
                name: "ix_ar_document_retention_due",
                table: "ar_document");

            migrationBuilder.DropColumn(
                name: "retention_end",
                table: "ar_document");

            migrationBuilder.DropColumn(
                name: "retention_rule",
                table: "ar_document");

            migrationBuilder.DropColumn(
                name: "retention_trigger",
                table: "ar_document");
        }
    }
}
