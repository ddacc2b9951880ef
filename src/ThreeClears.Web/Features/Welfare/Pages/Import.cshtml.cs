using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Welfare.Pages;

/// <summary>
/// Upload a household file. The file is received, then imported in the background while the
/// progress page (which refreshes itself, no script needed) shows how far it is.
/// </summary>
[Authorize]
[RequestSizeLimit(Evidence.EvidenceService.MaxUploadBytes + 100_000)]
[RequestFormLimits(MultipartBodyLengthLimit = Evidence.EvidenceService.MaxUploadBytes + 100_000)]
public sealed class ImportModel(HouseholdsService households, HouseholdImporter importer, HouseholdImportRunner runner, Caller caller) : AppPage
{
    public async Task OnGetAsync(CancellationToken ct) => await TryAsync(() => households.ImportScopeAsync(ct));

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        ImportProgressDto? started = null;
        var ok = await TryAsync(async () =>
        {
            var scope = await households.ImportScopeAsync(ct);
            var received = await HouseholdsService.ReceiveAsync(file, ct);
            var job = await importer.StartAsync(received.FileName, received.Sha256, received.Length, received.Lines, caller.UserId, caller.UserName, ct);
            runner.Start(job.Id, received, scope, caller.UserName);
            started = new ImportProgressDto(job.Id, job.FileName, "running", 0, job.LinesTotal, 0, 0, 0, 0, [], null, job.StartedAt, null);
        });
        return ok ? Redirect($"/households/imports/{started!.Id}") : Page();
    }

    /// <summary>An empty file with the header and one example line, UTF-8 with a byte order mark so that Excel reads the Vietnamese letters.</summary>
    public IActionResult OnGetTemplate()
    {
        var csv = string.Join(",", HouseholdRules.Columns) + "\r\n" + "HH-0001,X-TRALINH,Bản Nà Pò,Nông Văn A,4,poor,dilapidated,makeshift,none\r\n";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "ho-gia-dinh.csv");
    }
}
