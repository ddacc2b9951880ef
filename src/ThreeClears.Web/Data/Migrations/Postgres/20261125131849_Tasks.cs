using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThreeClears.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Tasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    is_image = table.Column<bool>(type: "boolean", nullable: false),
                    thumbnail_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    task_id = table.Column<int>(type: "integer", nullable: true),
                    uploaded_by_id = table.Column<int>(type: "integer", nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_attachments_asp_net_users_uploaded_by_id",
                        column: x => x.uploaded_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attachments_org_unit_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    product_description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    product_unit = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    target_quantity = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    original_target_quantity = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    owner_id = table.Column<int>(type: "integer", nullable: false),
                    owner_org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    assigned_by_id = table.Column<int>(type: "integer", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    created_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    goal_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    source = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    delivered_quantity = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    last_report_on = table.Column<DateOnly>(type: "date", nullable: true),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    verified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    cancelled_on = table.Column<DateOnly>(type: "date", nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reassignments = table.Column<int>(type: "integer", nullable: false),
                    overdue_escalated = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_tasks_asp_net_users_assigned_by_id",
                        column: x => x.assigned_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tasks_asp_net_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tasks_org_units_owner_org_unit_id",
                        column: x => x.owner_org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    task_id = table.Column<int>(type: "integer", nullable: false),
                    asked_by_id = table.Column<int>(type: "integer", nullable: false),
                    to_org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    question = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    asked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    asked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reasons = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    alternative = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    answered_by_id = table.Column<int>(type: "integer", nullable: true),
                    answered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    answered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deemed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultations", x => x.id);
                    table.ForeignKey(
                        name: "fk_consultations_asp_net_users_answered_by_id",
                        column: x => x.answered_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_consultations_asp_net_users_asked_by_id",
                        column: x => x.asked_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_consultations_org_units_to_org_unit_id",
                        column: x => x.to_org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_consultations_task_item_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "escalations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    task_id = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    question = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    raised_by_id = table.Column<int>(type: "integer", nullable: true),
                    raised_on = table.Column<DateOnly>(type: "date", nullable: false),
                    raised_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    to_user_id = table.Column<int>(type: "integer", nullable: false),
                    to_org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    respond_by = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decision = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    note = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    resolved_by_id = table.Column<int>(type: "integer", nullable: true),
                    resolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escalations", x => x.id);
                    table.ForeignKey(
                        name: "fk_escalations_asp_net_users_raised_by_id",
                        column: x => x.raised_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_escalations_asp_net_users_resolved_by_id",
                        column: x => x.resolved_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_escalations_asp_net_users_to_user_id",
                        column: x => x.to_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_escalations_org_units_to_org_unit_id",
                        column: x => x.to_org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_escalations_task_item_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_contributors",
                columns: table => new
                {
                    task_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_contributors", x => new { x.task_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_task_contributors_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_task_contributors_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_cooperating_units",
                columns: table => new
                {
                    task_id = table.Column<int>(type: "integer", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_cooperating_units", x => new { x.task_id, x.org_unit_id });
                    table.ForeignKey(
                        name: "fk_task_cooperating_units_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_task_cooperating_units_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_milestones",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    task_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    cumulative_quantity = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_milestones", x => x.id);
                    table.ForeignKey(
                        name: "fk_task_milestones_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_reassignments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    task_id = table.Column<int>(type: "integer", nullable: false),
                    from_user_id = table.Column<int>(type: "integer", nullable: false),
                    to_user_id = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    by_user_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_reassignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_task_reassignments_asp_net_users_by_user_id",
                        column: x => x.by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_task_reassignments_asp_net_users_from_user_id",
                        column: x => x.from_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_task_reassignments_asp_net_users_to_user_id",
                        column: x => x.to_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_task_reassignments_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_reports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    task_id = table.Column<int>(type: "integer", nullable: false),
                    reported_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reported_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    cumulative_quantity = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    note = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    by_user_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_task_reports_asp_net_users_by_user_id",
                        column: x => x.by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_task_reports_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_target_changes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    task_id = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    to = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    reason = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    by_user_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_target_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_task_target_changes_asp_net_users_by_user_id",
                        column: x => x.by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_task_target_changes_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_verifications",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    task_id = table.Column<int>(type: "integer", nullable: false),
                    approved = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    by_user_id = table.Column<int>(type: "integer", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_verifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_task_verifications_asp_net_users_by_user_id",
                        column: x => x.by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_task_verifications_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "escalation_steps",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    escalation_id = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    to_user_id = table.Column<int>(type: "integer", nullable: false),
                    to_org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    respond_by = table.Column<DateOnly>(type: "date", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escalation_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_escalation_steps_escalations_escalation_id",
                        column: x => x.escalation_id,
                        principalTable: "escalations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_report_attachments",
                columns: table => new
                {
                    attachments_id = table.Column<int>(type: "integer", nullable: false),
                    task_progress_report_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_report_attachments", x => new { x.attachments_id, x.task_progress_report_id });
                    table.ForeignKey(
                        name: "fk_task_report_attachments_attachments_attachments_id",
                        column: x => x.attachments_id,
                        principalTable: "attachments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_task_report_attachments_task_reports_task_progress_report_id",
                        column: x => x.task_progress_report_id,
                        principalTable: "task_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attachments_org_unit_id",
                table: "attachments",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_attachments_task_id",
                table: "attachments",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_attachments_uploaded_by_id",
                table: "attachments",
                column: "uploaded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_answered_by_id",
                table: "consultations",
                column: "answered_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_asked_by_id",
                table: "consultations",
                column: "asked_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_status_deadline",
                table: "consultations",
                columns: new[] { "status", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_consultations_task_id",
                table: "consultations",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_to_org_unit_id_status_deadline",
                table: "consultations",
                columns: new[] { "to_org_unit_id", "status", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_escalation_steps_escalation_id",
                table: "escalation_steps",
                column: "escalation_id");

            migrationBuilder.CreateIndex(
                name: "ix_escalations_raised_by_id",
                table: "escalations",
                column: "raised_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_escalations_resolved_by_id",
                table: "escalations",
                column: "resolved_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_escalations_status_respond_by",
                table: "escalations",
                columns: new[] { "status", "respond_by" });

            migrationBuilder.CreateIndex(
                name: "ix_escalations_task_id",
                table: "escalations",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_escalations_to_org_unit_id",
                table: "escalations",
                column: "to_org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_escalations_to_user_id_status",
                table: "escalations",
                columns: new[] { "to_user_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_task_contributors_user_id",
                table: "task_contributors",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_cooperating_units_org_unit_id",
                table: "task_cooperating_units",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_milestones_task_id_due_date",
                table: "task_milestones",
                columns: new[] { "task_id", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_task_reassignments_by_user_id",
                table: "task_reassignments",
                column: "by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_reassignments_from_user_id",
                table: "task_reassignments",
                column: "from_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_reassignments_task_id",
                table: "task_reassignments",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_reassignments_to_user_id",
                table: "task_reassignments",
                column: "to_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_report_attachments_task_progress_report_id",
                table: "task_report_attachments",
                column: "task_progress_report_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_reports_by_user_id",
                table: "task_reports",
                column: "by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_reports_task_id_id",
                table: "task_reports",
                columns: new[] { "task_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_task_target_changes_by_user_id",
                table: "task_target_changes",
                column: "by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_target_changes_task_id",
                table: "task_target_changes",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_verifications_by_user_id",
                table: "task_verifications",
                column: "by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_verifications_task_id",
                table: "task_verifications",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_assigned_by_id_status",
                table: "tasks",
                columns: new[] { "assigned_by_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_owner_id_status_due_date",
                table: "tasks",
                columns: new[] { "owner_id", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_owner_org_unit_id_status_due_date",
                table: "tasks",
                columns: new[] { "owner_org_unit_id", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_status_due_date",
                table: "tasks",
                columns: new[] { "status", "due_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consultations");

            migrationBuilder.DropTable(
                name: "escalation_steps");

            migrationBuilder.DropTable(
                name: "task_contributors");

            migrationBuilder.DropTable(
                name: "task_cooperating_units");

            migrationBuilder.DropTable(
                name: "task_milestones");

            migrationBuilder.DropTable(
                name: "task_reassignments");

            migrationBuilder.DropTable(
                name: "task_report_attachments");

            migrationBuilder.DropTable(
                name: "task_target_changes");

            migrationBuilder.DropTable(
                name: "task_verifications");

            migrationBuilder.DropTable(
                name: "escalations");

            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "task_reports");

            migrationBuilder.DropTable(
                name: "tasks");
        }
    }
}
