using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThreeClears.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndicatorsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    name_en = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    periodicity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    time_kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    aggregation = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    min = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    max = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    numerator_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    denominator_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    factor = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_value_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    indicator_id = table.Column<int>(type: "integer", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    old_value = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    new_value = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    old_status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    new_status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    reason = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_value_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_data_value_history_indicator_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_data_value_history_org_unit_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "data_values",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    indicator_id = table.Column<int>(type: "integer", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    period_kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    comment = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    entered_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    entered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    approved_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    approved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_data_values_indicator_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_data_values_org_unit_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_data_value_history_indicator_id_org_unit_id_period",
                table: "data_value_history",
                columns: new[] { "indicator_id", "org_unit_id", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_data_value_history_org_unit_id",
                table: "data_value_history",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_data_values_indicator_id_org_unit_id_period",
                table: "data_values",
                columns: new[] { "indicator_id", "org_unit_id", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_data_values_indicator_id_period_start",
                table: "data_values",
                columns: new[] { "indicator_id", "period_start" });

            migrationBuilder.CreateIndex(
                name: "ix_data_values_org_unit_id_period_start",
                table: "data_values",
                columns: new[] { "org_unit_id", "period_start" });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_code",
                table: "indicators",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_value_history");

            migrationBuilder.DropTable(
                name: "data_values");

            migrationBuilder.DropTable(
                name: "indicators");
        }
    }
}
