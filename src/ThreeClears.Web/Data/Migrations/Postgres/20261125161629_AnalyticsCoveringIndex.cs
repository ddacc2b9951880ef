using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThreeClears.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AnalyticsCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_data_values_indicator_id_period_start",
                table: "data_values");

            migrationBuilder.CreateIndex(
                name: "ix_data_values_indicator_id_period_start",
                table: "data_values",
                columns: new[] { "indicator_id", "period_start" })
                .Annotation("Npgsql:IndexInclude", new[] { "org_unit_id", "period", "period_end", "period_kind", "value", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_data_values_indicator_id_period_start",
                table: "data_values");

            migrationBuilder.CreateIndex(
                name: "ix_data_values_indicator_id_period_start",
                table: "data_values",
                columns: new[] { "indicator_id", "period_start" });
        }
    }
}
