using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vakka.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatisticsRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "first_used_on",
                table: "cc_card",
                type: "date",
                nullable: true);

            // Hand-added: each card's first use that was not cancelled.
            migrationBuilder.Sql("UPDATE cc_card SET first_used_on = (SELECT MIN(u.use_date) FROM cc_use u WHERE u.card_id = cc_card.id AND u.cancelled_at IS NULL);");

            migrationBuilder.CreateTable(
                name: "cc_stat_month",
                columns: table => new
                {
                    dim = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    venue_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    card_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    adults = table.Column<long>(type: "bigint", nullable: false),
                    children = table.Column<long>(type: "bigint", nullable: false),
                    assistants = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cc_stat_month", x => new { x.dim, x.month, x.key, x.venue_area_id, x.card_area_id });
                });

            migrationBuilder.CreateTable(
                name: "cc_stat_rollup_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    up_to = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cc_stat_rollup_state", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cc_use_cancelled_at",
                table: "cc_use",
                column: "cancelled_at");

            migrationBuilder.CreateIndex(
                name: "ix_cc_use_issuing_site_id_use_date",
                table: "cc_use",
                columns: new[] { "issuing_site_id", "use_date" });

            migrationBuilder.CreateIndex(
                name: "ix_cc_use_recorded_at",
                table: "cc_use",
                column: "recorded_at");

            migrationBuilder.CreateIndex(
                name: "ix_cc_card_area_id_first_used_on",
                table: "cc_card",
                columns: new[] { "area_id", "first_used_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cc_card_first_used_on",
                table: "cc_card",
                column: "first_used_on");

            migrationBuilder.CreateIndex(
                name: "ix_cc_card_issued_on",
                table: "cc_card",
                column: "issued_on");

            migrationBuilder.CreateIndex(
                name: "ix_cc_card_issuing_site_id_first_used_on",
                table: "cc_card",
                columns: new[] { "issuing_site_id", "first_used_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cc_card_status_valid_until",
                table: "cc_card",
                columns: new[] { "status", "valid_until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cc_stat_month");

            migrationBuilder.DropTable(
                name: "cc_stat_rollup_state");

            migrationBuilder.DropIndex(
                name: "ix_cc_use_cancelled_at",
                table: "cc_use");

            migrationBuilder.DropIndex(
                name: "ix_cc_use_issuing_site_id_use_date",
                table: "cc_use");

            migrationBuilder.DropIndex(
                name: "ix_cc_use_recorded_at",
                table: "cc_use");

            migrationBuilder.DropIndex(
                name: "ix_cc_card_area_id_first_used_on",
                table: "cc_card");

            migrationBuilder.DropIndex(
                name: "ix_cc_card_first_used_on",
                table: "cc_card");

            migrationBuilder.DropIndex(
                name: "ix_cc_card_issued_on",
                table: "cc_card");

            migrationBuilder.DropIndex(
                name: "ix_cc_card_issuing_site_id_first_used_on",
                table: "cc_card");

            migrationBuilder.DropIndex(
                name: "ix_cc_card_status_valid_until",
                table: "cc_card");

            migrationBuilder.DropColumn(
                name: "first_used_on",
                table: "cc_card");
        }
    }
}
