using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThreeClears.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Consultation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "drafts",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    open_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    open_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_by_id = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drafts", x => x.id);
                    table.ForeignKey(
                        name: "fk_drafts_asp_net_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_drafts_org_unit_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "public_photos",
                columns: table => new
                {
                    attachment_id = table.Column<int>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_photos", x => x.attachment_id);
                    table.ForeignKey(
                        name: "fk_public_photos_attachments_attachment_id",
                        column: x => x.attachment_id,
                        principalTable: "attachments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "draft_conferences",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    draft_id = table.Column<int>(type: "INTEGER", nullable: false),
                    organizer_org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    participants = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_by_id = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_draft_conferences", x => x.id);
                    table.ForeignKey(
                        name: "fk_draft_conferences_asp_net_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_draft_conferences_drafts_draft_id",
                        column: x => x.draft_id,
                        principalTable: "drafts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_draft_conferences_org_unit_organizer_org_unit_id",
                        column: x => x.organizer_org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "draft_sections",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    draft_id = table.Column<int>(type: "INTEGER", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_draft_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_draft_sections_drafts_draft_id",
                        column: x => x.draft_id,
                        principalTable: "drafts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opinions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    draft_id = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    group = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    section_id = table.Column<int>(type: "INTEGER", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    conference_id = table.Column<int>(type: "INTEGER", nullable: true),
                    submitter_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    contact = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    contact_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    client_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    recorded_by_id = table.Column<int>(type: "INTEGER", nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opinions", x => x.id);
                    table.ForeignKey(
                        name: "fk_opinions_asp_net_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_opinions_draft_conferences_conference_id",
                        column: x => x.conference_id,
                        principalTable: "draft_conferences",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_opinions_draft_sections_section_id",
                        column: x => x.section_id,
                        principalTable: "draft_sections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_opinions_drafts_draft_id",
                        column: x => x.draft_id,
                        principalTable: "drafts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opinion_notices",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    opinion_id = table.Column<int>(type: "INTEGER", nullable: false),
                    draft_id = table.Column<int>(type: "INTEGER", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    claimed_until = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opinion_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_opinion_notices_opinions_opinion_id",
                        column: x => x.opinion_id,
                        principalTable: "opinions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opinion_responses",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    opinion_id = table.Column<int>(type: "INTEGER", nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    explanation = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    answered_by_id = table.Column<int>(type: "INTEGER", nullable: false),
                    answered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    published_by_id = table.Column<int>(type: "INTEGER", nullable: true),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    published_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opinion_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_opinion_responses_asp_net_users_answered_by_id",
                        column: x => x.answered_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_opinion_responses_asp_net_users_published_by_id",
                        column: x => x.published_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_opinion_responses_opinions_opinion_id",
                        column: x => x.opinion_id,
                        principalTable: "opinions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_draft_conferences_draft_id_date",
                table: "draft_conferences",
                columns: new[] { "draft_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_draft_conferences_organizer_org_unit_id",
                table: "draft_conferences",
                column: "organizer_org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_draft_conferences_recorded_by_id",
                table: "draft_conferences",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_draft_sections_draft_id_key",
                table: "draft_sections",
                columns: new[] { "draft_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_drafts_created_by_id",
                table: "drafts",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_drafts_open_to_open_from",
                table: "drafts",
                columns: new[] { "open_to", "open_from" });

            migrationBuilder.CreateIndex(
                name: "ix_drafts_org_unit_id",
                table: "drafts",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_opinion_notices_draft_id",
                table: "opinion_notices",
                column: "draft_id");

            migrationBuilder.CreateIndex(
                name: "ix_opinion_notices_opinion_id",
                table: "opinion_notices",
                column: "opinion_id");

            migrationBuilder.CreateIndex(
                name: "ix_opinion_notices_state_channel_id",
                table: "opinion_notices",
                columns: new[] { "state", "channel", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_opinion_responses_answered_by_id",
                table: "opinion_responses",
                column: "answered_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_opinion_responses_opinion_id",
                table: "opinion_responses",
                column: "opinion_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_opinion_responses_published_by_id",
                table: "opinion_responses",
                column: "published_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_opinions_client_hash",
                table: "opinions",
                column: "client_hash");

            migrationBuilder.CreateIndex(
                name: "ix_opinions_conference_id",
                table: "opinions",
                column: "conference_id");

            migrationBuilder.CreateIndex(
                name: "ix_opinions_draft_id_id",
                table: "opinions",
                columns: new[] { "draft_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_opinions_recorded_by_id",
                table: "opinions",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_opinions_section_id",
                table: "opinions",
                column: "section_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "opinion_notices");

            migrationBuilder.DropTable(
                name: "opinion_responses");

            migrationBuilder.DropTable(
                name: "public_photos");

            migrationBuilder.DropTable(
                name: "opinions");

            migrationBuilder.DropTable(
                name: "draft_conferences");

            migrationBuilder.DropTable(
                name: "draft_sections");

            migrationBuilder.DropTable(
                name: "drafts");
        }
    }
}
