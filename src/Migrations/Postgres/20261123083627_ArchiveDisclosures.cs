using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vakka.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArchiveDisclosures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ar_disclosure",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    registrar_org_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registrar_oid = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_oid = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    recipient_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    type_of_disclosure = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    consent_ref = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    disclosed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    client_system_id = table.Column<Guid>(type: "uuid", nullable: true),
                    account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    practitioner_root = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    practitioner_ext = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_disclosure", x => x.id);
                    table.ForeignKey(
                        name: "fk_ar_disclosure_ar_person_person_id",
                        column: x => x.person_id,
                        principalTable: "ar_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ar_disclosure_item",
                columns: table => new
                {
                    disclosure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ar_disclosure_item", x => new { x.disclosure_id, x.document_id });
                    table.ForeignKey(
                        name: "fk_ar_disclosure_item_ar_disclosure_disclosure_id",
                        column: x => x.disclosure_id,
                        principalTable: "ar_disclosure",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ar_disclosure_item_ar_document_document_id",
                        column: x => x.document_id,
                        principalTable: "ar_document",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ar_disclosure_person_id",
                table: "ar_disclosure",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_ar_disclosure_registrar_org_id_disclosed_at",
                table: "ar_disclosure",
                columns: new[] { "registrar_org_id", "disclosed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ar_disclosure_item_document_id",
                table: "ar_disclosure_item",
                column: "document_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ar_disclosure_item");

            migrationBuilder.DropTable(
                name: "ar_disclosure");
        }
    }
}
