using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vakka.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntermediariesServeVenues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cc_use_venue_site_id_idempotency_key",
                table: "cc_use");

            migrationBuilder.AddColumn<Guid>(
                name: "desk_site_id",
                table: "cc_use",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Hand-added: the uses recorded so far were recorded at the venue's own desk.
            migrationBuilder.Sql("UPDATE cc_use SET desk_site_id = venue_site_id;");

            migrationBuilder.CreateTable(
                name: "cc_served_venue",
                columns: table => new
                {
                    intermediary_site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    venue_site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    added_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    added_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cc_served_venue", x => new { x.intermediary_site_id, x.venue_site_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_cc_use_desk_site_id_idempotency_key",
                table: "cc_use",
                columns: new[] { "desk_site_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cc_served_venue_venue_site_id",
                table: "cc_served_venue",
                column: "venue_site_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cc_served_venue");

            migrationBuilder.DropIndex(
                name: "ix_cc_use_desk_site_id_idempotency_key",
                table: "cc_use");

            migrationBuilder.DropColumn(
                name: "desk_site_id",
                table: "cc_use");

            migrationBuilder.CreateIndex(
                name: "ix_cc_use_venue_site_id_idempotency_key",
                table: "cc_use",
                columns: new[] { "venue_site_id", "idempotency_key" },
                unique: true);
        }
    }
}
