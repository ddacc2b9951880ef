using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThreeClears.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OwnerListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_owner_id_status_due_date",
                table: "tasks");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_owner_id_due_date_id",
                table: "tasks",
                columns: new[] { "owner_id", "due_date", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_owner_id_due_date_id",
                table: "tasks");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_owner_id_status_due_date",
                table: "tasks",
                columns: new[] { "owner_id", "status", "due_date" });
        }
    }
}
