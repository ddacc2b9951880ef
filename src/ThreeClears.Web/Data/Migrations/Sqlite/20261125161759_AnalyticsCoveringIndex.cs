using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThreeClears.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnalyticsCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
