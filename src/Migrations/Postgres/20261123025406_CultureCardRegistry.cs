using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Vakka.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CultureCardRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cc_api_key",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cc_api_key", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cc_area_rules",
                columns: table => new
                {
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    validity_months = table.Column<int>(type: "integer", nullable: false),
                    pilot_ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    issue_backdate_days = table.Column<int>(type: "integer", nullable: false),
                    use_backdate_days = table.Column<int>(type: "integer", nullable: false),
                    community_group_max = table.Column<int>(type: "integer", nullable: false),
                    local_only = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cc_area_rules", x => x.area_id);
                });

            migrationBuilder.CreateTable(
                name: "cc_card",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    issuing_site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    replaces_card_id = table.Column<Guid>(type: "uuid", nullable: true),
                    replaced_by_card_id = table.Column<Guid>(type: "uuid", nullable: true),
                    birth_year = table.Column<int>(type: "integer", nullable: true),
                    postal_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    children_count = table.Column<int>(type: "integer", nullable: false),
                    gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    life_situation_id = table.Column<int>(type: "integer", nullable: true),
                    group_size = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cc_card", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cc_card_batch",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    size = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cc_card_batch", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cc_card_code",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_legacy = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cc_card_code", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "cc_card_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    by_account = table.Column<Guid>(type: "uuid", nullable: true),
                    by_site = table.Column<Guid>(type: "uuid", nullable: true),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    use_id = table.Column<Guid>(type: "uuid", nullable: true),
                    other_card_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cc_card_event", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cc_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    quota = table.Column<int>(type: "integer", nullable: true),
                    is_cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cc_event", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cc_life_situation",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name_fi = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_sv = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cc_life_situation", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cc_use",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    venue_site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    venue_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: true),
                    event_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    use_date = table.Column<DateOnly>(type: "date", nullable: false),
                    adult_tickets = table.Column<int>(type: "integer", nullable: false),
                    child_tickets = table.Column<int>(type: "integer", nullable: false),
                    assistant_tickets = table.Column<int>(type: "integer", nullable: false),
                    input_method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    cancelled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    cancelled_by = table.Column<Guid>(type: "uuid", nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    card_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    issuing_site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    card_type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    birth_year = table.Column<int>(type: "integer", nullable: true),
                    gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    life_situation_id = table.Column<int>(type: "integer", nullable: true),
                    postal_area = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cc_use", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "cc_life_situation",
                columns: new[] { "id", "code", "is_active", "name_en", "name_fi", "name_sv", "order" },
                values: new object[,]
                {
                    { 1, "unemployed", true, "Unemployed", "Työtön", "Arbetslös", 10 },
                    { 2, "laid-off", true, "Laid off", "Lomautettu", "Permitterad", 20 },
                    { 3, "student", true, "Student", "Opiskelija", "Studerande", 30 },
                    { 4, "disability-pension", true, "Disability pension", "Työkyvyttömyyseläkkeellä", "Sjukpensionär", 40 },
                    { 5, "old-age-pension", true, "Old-age pension", "Vanhuuseläkkeellä", "Ålderspensionär", 50 },
                    { 6, "long-term-illness", true, "Long-term illness", "Pitkäaikaissairas", "Långvarigt sjuk", 60 },
                    { 7, "family-leave", true, "Family leave or home-care allowance", "Perhevapaalla tai kotihoidon tuella", "Familjeledig eller med hemvårdsstöd", 70 },
                    { 8, "low-income-worker", true, "Low-income worker", "Pienituloinen työssäkäyvä", "Förvärvsarbetande med låg inkomst", 80 },
                    { 9, "other", true, "Other", "Muu", "Annat", 90 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_cc_api_key_hash",
                table: "cc_api_key",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cc_api_key_site_id",
                table: "cc_api_key",
                column: "site_id");

            migrationBuilder.CreateIndex(
                name: "ix_cc_card_area_id_issued_on",
                table: "cc_card",
                columns: new[] { "area_id", "issued_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cc_card_code",
                table: "cc_card",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cc_card_issuing_site_id_issued_on",
                table: "cc_card",
                columns: new[] { "issuing_site_id", "issued_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cc_card_batch_area_id",
                table: "cc_card_batch",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_cc_card_code_batch_id",
                table: "cc_card_code",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_cc_card_event_card_id_at",
                table: "cc_card_event",
                columns: new[] { "card_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_cc_event_site_id_starts_at",
                table: "cc_event",
                columns: new[] { "site_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cc_life_situation_code",
                table: "cc_life_situation",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cc_use_card_id_use_date",
                table: "cc_use",
                columns: new[] { "card_id", "use_date" });

            migrationBuilder.CreateIndex(
                name: "ix_cc_use_event_id",
                table: "cc_use",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_cc_use_venue_site_id_idempotency_key",
                table: "cc_use",
                columns: new[] { "venue_site_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cc_use_venue_site_id_use_date",
                table: "cc_use",
                columns: new[] { "venue_site_id", "use_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cc_api_key");

            migrationBuilder.DropTable(
                name: "cc_area_rules");

            migrationBuilder.DropTable(
                name: "cc_card");

            migrationBuilder.DropTable(
                name: "cc_card_batch");

            migrationBuilder.DropTable(
                name: "cc_card_code");

            migrationBuilder.DropTable(
                name: "cc_card_event");

            migrationBuilder.DropTable(
                name: "cc_event");

            migrationBuilder.DropTable(
                name: "cc_life_situation");

            migrationBuilder.DropTable(
                name: "cc_use");
        }
    }
}
