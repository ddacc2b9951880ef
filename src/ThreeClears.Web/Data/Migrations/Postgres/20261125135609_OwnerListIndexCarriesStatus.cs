using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThreeClears.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OwnerListIndexCarriesStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_owner_id_due_date_id",
                table: "tasks");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_owner_id_due_date_id",
                table: "tasks",
                columns: new[] { "owner_id", "due_date", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_owner_id_due_date_id",
                table: "tasks");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_owner_id_due_date_id",
                table: "tasks",
                columns: new[] { "owner_id", "due_date", "id" });
        }
    }
}
