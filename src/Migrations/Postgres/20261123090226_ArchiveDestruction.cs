using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vakka.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArchiveDestruction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ar_destruction_proposal",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    registrar_org_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposed_by = table.Column<Guid>(type: "uuid", nullable: false),
                    proposed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    retention_ended_before = table.Column<DateOnly>(type: "date", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reject_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    executed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_destruction_proposal", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ar_destruction_item",
                columns: table => new
                {
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_oid = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    set_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    doc_type_system = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    doc_type_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    service_task_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    retention_rule = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    retention_end = table.Column<DateOnly>(type: "date", nullable: false),
                    sha256 = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    byte_length = table.Column<int>(type: "integer", nullable: false),
                    is_open = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_destruction_item", x => new { x.proposal_id, x.document_id });
                    table.ForeignKey(
                        name: "fk_ar_destruction_item_ar_destruction_proposal_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "ar_destruction_proposal",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ar_destruction_item_ar_document_document_id",
                        column: x => x.document_id,
                        principalTable: "ar_document",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ar_destruction_item_open_document",
                table: "ar_destruction_item",
                column: "document_id",
                unique: true,
                filter: "is_open");

            migrationBuilder.CreateIndex(
                name: "ix_ar_destruction_proposal_registrar_org_id_proposed_at",
                table: "ar_destruction_proposal",
                columns: new[] { "registrar_org_id", "proposed_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ar_destruction_item");

            migrationBuilder.DropTable(
                name: "ar_destruction_proposal");
        }
    }
}
