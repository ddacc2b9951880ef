using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using ThreeClears.Web.Features.Evidence;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Tasks;

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();
        g.MapPost("", Create);
        g.MapGet("", List);
        g.MapGet("/{id}", Get);
        g.MapPost("/{id}/progress", Progress);
        g.MapPost("/{id}/verify", (TaskActions a, string id, VerifyRequest body, HttpContext http, CancellationToken ct) =>
            Answer(http, a.VerifyAsync(TaskAccess.ParseId(id), body, http, ct)));
        g.MapPost("/{id}/target", (TaskActions a, string id, TargetRequest body, HttpContext http, CancellationToken ct) =>
            Answer(http, a.ChangeTargetAsync(TaskAccess.ParseId(id), body, http, ct)));
        g.MapPost("/{id}/reassign", (TaskActions a, string id, ReassignRequest body, HttpContext http, CancellationToken ct) =>
            Answer(http, a.ReassignAsync(TaskAccess.ParseId(id), body, http, ct)));
        g.MapPost("/{id}/cancel", (TaskActions a, string id, CancelRequest body, HttpContext http, CancellationToken ct) =>
            Answer(http, a.CancelAsync(TaskAccess.ParseId(id), body, http, ct)));
        g.MapPost("/{id}/attachments", Upload).DisableAntiforgery();

        var files = app.MapGroup("/api/attachments").WithTags("Evidence").RequireAuthorization();
        files.MapGet("/{id:int}", (EvidenceService e, int id, CancellationToken ct) => Download(e, id, false, ct));
        files.MapGet("/{id:int}/thumbnail", (EvidenceService e, int id, CancellationToken ct) => Download(e, id, true, ct));
        return app;
    }

    private static async Task<Created<TaskDto>> Create(TasksService tasks, CreateTaskRequest body, HttpContext http, CancellationToken ct)
    {
        var dto = await tasks.CreateAsync(body, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Created($"/api/tasks/{dto.Id}", dto);
    }

    private static async Task<Ok<PageOf<TaskListItem>>> List(TasksService tasks, string? orgUnit, string? owner, string? assignedBy, string? status,
        DateOnly? dueFrom, DateOnly? dueTo, bool? open, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await tasks.ListAsync(orgUnit, owner, assignedBy, status, dueFrom, dueTo, Paging.From(page, pageSize, 25), ct, open));

    private static Task<Ok<TaskDto>> Get(TasksService tasks, string id, DateOnly? asOf, HttpContext http, CancellationToken ct) =>
        Answer(http, tasks.GetAsync(TaskAccess.ParseId(id), asOf, ct));

    private static async Task<Ok<ProgressResult>> Progress(TaskActions actions, string id, ProgressRequest body, HttpContext http, CancellationToken ct)
    {
        var result = await actions.ReportProgressAsync(TaskAccess.ParseId(id), body, http, ct);
        Versions.SetETag(http, result.Version);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<TaskDto>> Answer(HttpContext http, Task<TaskDto> work)
    {
        var dto = await work;
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }

    /// <summary>Multipart with one field <c>file</c>, up to 20 MB: the body limit is raised for this route only.</summary>
    private static async Task<Created<UploadedDto>> Upload(EvidenceService evidence, string id, HttpContext http, CancellationToken ct)
    {
        var task = await evidence.UploadTargetAsync(TaskAccess.ParseId(id), ct);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = EvidenceService.MaxUploadBytes + 100_000;
        if (!http.Request.HasFormContentType)
            throw new ValidationException(new Dictionary<string, string[]> { ["file"] = ["send the file as multipart/form-data with the field 'file'."] });
        var form = await http.Request.ReadFormAsync(ct);
        var dto = await evidence.UploadForTaskAsync(task, form.Files.GetFile("file"), ct);
        return TypedResults.Created(dto.Url, dto);
    }

    private static async Task<IResult> Download(EvidenceService evidence, int id, bool thumbnail, CancellationToken ct)
    {
        var (content, type, name) = await evidence.OpenAsync(id, thumbnail, ct);
        // Photos show inline; documents download. Nothing is served as HTML or script.
        return Results.File(content, type, type.StartsWith("image/", StringComparison.Ordinal) ? null : name, enableRangeProcessing: true);
    }
}
