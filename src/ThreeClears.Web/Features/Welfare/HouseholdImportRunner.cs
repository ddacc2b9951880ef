using System.Collections.Concurrent;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>
/// Runs the imports started from the page in the background of the node that received the file, so
/// that a phone on a slow link need not keep a request open for a long import: the page shows the
/// import's progress (read from the database, so any node can show it) until it ends. On shutdown
/// the running imports are cancelled: what they committed stays, and their record says where they stopped.
/// </summary>
public sealed class HouseholdImportRunner(IServiceScopeFactory scopes, ILogger<HouseholdImportRunner> log) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, Task> _running = new();

    public void Start(int importId, ReceivedFile file, UnitSet scope, string? userName)
    {
        var work = Task.Run(async () =>
        {
            try
            {
                await using var s = scopes.CreateAsyncScope();
                var importer = s.ServiceProvider.GetRequiredService<HouseholdImporter>();
                await using var stream = File.OpenRead(file.Path);
                await importer.RunAsync(importId, HouseholdFile.Read(stream, file.Format), scope, userName, _stopping.Token);
            }
            catch (Exception e)
            {
                // The importer has recorded the failure on the import; nobody waits for this task.
                log.LogInformation(e, "Household import {Id} ended with an error", importId);
            }
            finally
            {
                File.Delete(file.Path);
                _running.TryRemove(importId, out _);
            }
        });
        _running[importId] = work;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAny(Task.WhenAll(_running.Values), Task.Delay(Timeout.Infinite, cancellationToken));
    }
}
