using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThreeClears.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OwnerListIndexCarriesStatus : Migration
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
