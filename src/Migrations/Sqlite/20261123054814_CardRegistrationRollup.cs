using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vakka.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CardRegistrationRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cc_stat_card_month",
                columns: table => new
                {
                    area_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    registered = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cc_stat_card_month", x => new { x.area_id, x.month });
                });

            // Hand-added: the cards the rollup has already passed (created before its watermark), by area and month of issue.
            migrationBuilder.Sql("INSERT INTO cc_stat_card_month (area_id, month, registered) SELECT c.area_id, date(c.issued_on, 'start of month'), COUNT(*) FROM cc_card c JOIN cc_stat_rollup_state s ON c.created_at < s.up_to GROUP BY c.area_id, date(c.issued_on, 'start of month');");

            migrationBuilder.CreateIndex(
                name: "ix_cc_card_active_area_id_valid_until",
                table: "cc_card",
                columns: new[] { "area_id", "valid_until" },
                filter: "status = 'Active'");

            migrationBuilder.CreateIndex(
                name: "ix_cc_card_created_at",
                table: "cc_card",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cc_stat_card_month");

            migrationBuilder.DropIndex(
                name: "ix_cc_card_active_area_id_valid_until",
                table: "cc_card");

            migrationBuilder.DropIndex(
                name: "ix_cc_card_created_at",
                table: "cc_card");
        }
    }
}
