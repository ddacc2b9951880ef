using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ThreeClears.Web.Infrastructure;

/// <summary>An answer that is not a success: mapped to an RFC 9457 problem detail in one place.</summary>
public class ProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}

public sealed class NotFoundException(string detail) : ProblemException(StatusCodes.Status404NotFound, "Not found", detail);

public sealed class ForbiddenException(string detail) : ProblemException(StatusCodes.Status403Forbidden, "Forbidden", detail);

public sealed class ConflictException(string detail) : ProblemException(StatusCodes.Status409Conflict, "Conflict", detail);

public sealed class UnprocessableException(string detail) : ProblemException(StatusCodes.Status422UnprocessableEntity, "Unprocessable", detail);

public sealed class ValidationException(IDictionary<string, string[]> errors)
    : ProblemException(StatusCodes.Status400BadRequest, "Validation failed", "One or more fields are invalid: " + string.Join(", ", errors.Keys) + ".")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>Turns every exception into a problem detail; only a genuine fault is a 500.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = Map(exception);
        if (problem is null)
        {
            log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            return false;
        }
        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    internal static ProblemDetails? Map(Exception exception)
    {
        switch (exception)
        {
            case ValidationException v:
                return new HttpValidationProblemDetails(v.Errors) { Status = 400, Title = v.Title, Detail = v.Message };
            case ProblemException p:
                return new ProblemDetails { Status = p.Status, Title = p.Title, Detail = p.Message };
            case BadHttpRequestException b when JsonPath(b) is { } path:
                return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [path] = ["has the wrong type or format."] })
                {
                    Status = 400, Title = "Malformed JSON", Detail = Describe(b),
                };
            case BadHttpRequestException b:
                return new ProblemDetails
                {
                    Status = b.StatusCode,
                    Title = b.StatusCode == 413 ? "Body too large" : "Bad request",
                    Detail = Describe(b),
                };
            case InvalidDataException d:
                return new ProblemDetails { Status = 400, Title = "Malformed form", Detail = "The multipart body could not be read: " + d.Message };
            case JsonException j:
                return new ProblemDetails { Status = 400, Title = "Malformed JSON", Detail = j.Message };
            case DbUpdateConcurrencyException:
                return new ProblemDetails { Status = 409, Title = "Conflict", Detail = "The object was changed by someone else; reload it and try again." };
            case DbUpdateException d when IsUniqueViolation(d):
                return new ProblemDetails { Status = 409, Title = "Conflict", Detail = "An object with the same key already exists." };
            case OperationCanceledException:
                return new ProblemDetails { Status = 499, Title = "Cancelled", Detail = "The request was cancelled." };
            default:
                return null;
        }
    }

    /// <summary>The field a JSON error points at, as the API names fields ("product.targetQuantity").</summary>
    private static string? JsonPath(BadHttpRequestException b)
    {
        for (Exception? e = b.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException { Path: { Length: > 2 } p } && p.StartsWith("$.", StringComparison.Ordinal)) return p[2..];
        }
        return null;
    }

    private static string Describe(BadHttpRequestException b)
    {
        if (b.StatusCode == 413) return "The request body is larger than this route accepts.";
        for (Exception? e = b.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException j) return "The body is not valid JSON for this route: " + j.Message;
        }
        return b.Message;
    }

    private static bool IsUniqueViolation(DbUpdateException d) => d.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == "23505",
        Microsoft.Data.Sqlite.SqliteException sq => sq.SqliteErrorCode == 19 && sq.Message.Contains("UNIQUE", StringComparison.Ordinal),
        _ => false,
    };
}
