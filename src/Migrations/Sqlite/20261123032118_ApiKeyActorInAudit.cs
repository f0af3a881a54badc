using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vakka.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApiKeyActorInAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "actor_api_key_id",
                table: "platform_audit_event",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "actor_api_key_id",
                table: "platform_audit_event");
        }
    }
}
