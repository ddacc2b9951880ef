using ThreeClears.Web.Features.Evidence;

namespace ThreeClears.Web.Features.Tasks;

/// <summary>The tasks feature in two lines of the host: its services, and its routes.</summary>
public static class TasksModule
{
    public static IServiceCollection AddTasks(this IServiceCollection services)
    {
        services.AddScoped<TaskAccess>();
        services.AddScoped<TasksService>();
        services.AddScoped<TaskActions>();
        services.AddScoped<EvidenceService>();
        services.AddScoped<EscalationsService>();
        services.AddScoped<ConsultationsService>();
        services.AddScoped<ResponsivenessService>();
        services.AddScoped<InboxService>();

        // The deadline sweep: its steps run in the order registered here.
        services.AddSingleton<SweepGate>();
        services.AddScoped<DeadlineSweep>();
        services.AddScoped<DeemedAgreementStep>();
        services.AddScoped<ISweepStep, EscalationClimbStep>();
        services.AddScoped<ISweepStep, OverdueEscalationStep>();
        services.AddScoped<ISweepStep>(sp => sp.GetRequiredService<DeemedAgreementStep>());
        services.AddScoped<ISweepStep, TaskStatusRefreshStep>();
        services.AddHostedService<SweepHost>();
        services.AddSingleton<ReminderMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderMailer>());
        return services;
    }

    public static IEndpointRouteBuilder MapTasksFeature(this IEndpointRouteBuilder app)
    {
        app.MapTasks();
        app.MapEscalations();
        app.MapConsultations();
        app.MapResponsiveness();
        app.MapInbox();
        app.MapSweep();
        app.MapReminders();
        return app;
    }
}
