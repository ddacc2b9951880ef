using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ThreeClears.Web.Infrastructure;

/// <summary>
/// Base of the pages: runs a use case and turns its problem into messages on the form, so that
/// pages and API answer bad input the same way.
/// </summary>
public abstract class AppPage : PageModel
{
    public string? Problem { get; private set; }
    public IDictionary<string, string[]> FieldErrors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>Runs <paramref name="action"/>; a 404 or 403 becomes that status page, other problems form messages.</summary>
    protected async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (ValidationException v)
        {
            FieldErrors = v.Errors;
            Problem = v.Message;
            Response.StatusCode = 400;
        }
        catch (ProblemException p)
        {
            Problem = p.Message;
            Response.StatusCode = p.Status;
        }
        return false;
    }

    public string? ErrorFor(string field) => FieldErrors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    protected IActionResult LocalRedirectOr(string? url, string fallback) =>
        LocalRedirect(!string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : fallback);
}
