using Microsoft.Net.Http.Headers;

namespace ThreeClears.Web.Infrastructure;

/// <summary>Optimistic concurrency over HTTP: ETag carries the version, If-Match must name it.</summary>
public static class Versions
{
    public static void SetETag(HttpContext http, int version) =>
        http.Response.Headers.ETag = $"\"{version}\"";

    /// <summary>The version the caller says it edits, or null when it sent no If-Match.</summary>
    public static int? IfMatch(HttpContext http)
    {
        var raw = http.Request.Headers[HeaderNames.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var v = raw.Trim();
        if (v.StartsWith("W/", StringComparison.Ordinal)) v = v[2..];
        v = v.Trim('"');
        if (v == "*") return null;
        if (!int.TryParse(v, out var version))
            throw new ValidationException(new Dictionary<string, string[]> { ["If-Match"] = [$"'{raw}' is not a version."] });
        return version;
    }

    /// <summary>True when the caller sent "If-Match: *", a change meant for whatever version is current.</summary>
    public static bool IsAny(HttpContext http) => http.Request.Headers[HeaderNames.IfMatch].ToString().Trim() == "*";

    /// <summary>Checks If-Match when sent (or demands it when <paramref name="required"/>); 409 when stale.</summary>
    public static void Check(HttpContext http, int current, bool required = false)
    {
        // "If-Match: *" (RFC 9110) is a deliberate "whatever the current version is".
        if (IsAny(http)) return;
        var wanted = IfMatch(http);
        if (wanted is null)
        {
            if (required)
                throw new ProblemException(StatusCodes.Status428PreconditionRequired, "Precondition required",
                    "This change needs an If-Match header with the object's version (its ETag).");
            return;
        }
        if (wanted.Value != current)
            throw new ConflictException($"Version {wanted} is stale: the object is at version {current}. Reload it and try again.");
    }
}
