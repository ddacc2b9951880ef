using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThreeClears.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Welfare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "happiness_responses",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    respondent_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    answers = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    living_standards = table.Column<double>(type: "REAL", nullable: false),
                    health = table.Column<double>(type: "REAL", nullable: false),
                    education = table.Column<double>(type: "REAL", nullable: false),
                    environment = table.Column<double>(type: "REAL", nullable: false),
                    safety = table.Column<double>(type: "REAL", nullable: false),
                    culture = table.Column<double>(type: "REAL", nullable: false),
                    governance = table.Column<double>(type: "REAL", nullable: false),
                    life_satisfaction = table.Column<double>(type: "REAL", nullable: false),
                    sufficient_domains = table.Column<int>(type: "INTEGER", nullable: false),
                    happy = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_happiness_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_happiness_responses_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "household_imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    user_id = table.Column<int>(type: "INTEGER", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    lines_done = table.Column<int>(type: "INTEGER", nullable: false),
                    lines_total = table.Column<int>(type: "INTEGER", nullable: true),
                    imported = table.Column<int>(type: "INTEGER", nullable: false),
                    updated = table.Column<int>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    rejections = table.Column<string>(type: "TEXT", maxLength: 4000000, nullable: true),
                    error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_household_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "household_revisions",
                columns: table => new
                {
                    household_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    village = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    head_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    members = table.Column<int>(type: "INTEGER", nullable: false),
                    poverty = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    housing = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    kitchen = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    sanitation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_household_revisions", x => new { x.household_code, x.revision });
                });

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    village = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    head_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    members = table.Column<int>(type: "INTEGER", nullable: false),
                    poverty = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    housing = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    kitchen = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    sanitation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    housing_adequate = table.Column<bool>(type: "INTEGER", nullable: false),
                    kitchen_adequate = table.Column<bool>(type: "INTEGER", nullable: false),
                    sanitation_adequate = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_households", x => x.id);
                    table.ForeignKey(
                        name: "fk_households_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "housing_programmes",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    target_houses = table.Column<int>(type: "INTEGER", nullable: false),
                    funding = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_housing_programmes", x => x.id);
                    table.ForeignKey(
                        name: "fk_housing_programmes_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "housing_support",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    household_id = table.Column<int>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    budget = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_housing_support", x => x.id);
                    table.ForeignKey(
                        name: "fk_housing_support_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_housing_support_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "housing_support_attachments",
                columns: table => new
                {
                    support_id = table.Column<int>(type: "INTEGER", nullable: false),
                    attachment_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_housing_support_attachments", x => new { x.support_id, x.attachment_id });
                    table.ForeignKey(
                        name: "fk_housing_support_attachments_attachments_attachment_id",
                        column: x => x.attachment_id,
                        principalTable: "attachments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_housing_support_attachments_housing_support_support_id",
                        column: x => x.support_id,
                        principalTable: "housing_support",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_happiness_responses_org_unit_id_year_respondent_code",
                table: "happiness_responses",
                columns: new[] { "org_unit_id", "year", "respondent_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_happiness_responses_year_org_unit_id",
                table: "happiness_responses",
                columns: new[] { "year", "org_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_household_imports_user_id",
                table: "household_imports",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_households_code",
                table: "households",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_households_org_unit_id_housing_adequate_kitchen_adequate_sanitation_adequate",
                table: "households",
                columns: new[] { "org_unit_id", "housing_adequate", "kitchen_adequate", "sanitation_adequate" });

            migrationBuilder.CreateIndex(
                name: "ix_households_org_unit_id_village_code",
                table: "households",
                columns: new[] { "org_unit_id", "village", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_housing_programmes_org_unit_id_year",
                table: "housing_programmes",
                columns: new[] { "org_unit_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_housing_support_household_id_year",
                table: "housing_support",
                columns: new[] { "household_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_housing_support_org_unit_id",
                table: "housing_support",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_housing_support_year_org_unit_id_status",
                table: "housing_support",
                columns: new[] { "year", "org_unit_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_housing_support_attachments_attachment_id",
                table: "housing_support_attachments",
                column: "attachment_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "happiness_responses");

            migrationBuilder.DropTable(
                name: "household_imports");

            migrationBuilder.DropTable(
                name: "household_revisions");

            migrationBuilder.DropTable(
                name: "housing_programmes");

            migrationBuilder.DropTable(
                name: "housing_support_attachments");

            migrationBuilder.DropTable(
                name: "housing_support");

            migrationBuilder.DropTable(
                name: "households");
        }
    }
}
