using ThreeClears.Web.Infrastructure;

var app = Hosting.Build(args);
await Startup.InitialiseAsync(app.Services);
await app.RunAsync();

/// <summary>Exposed for tests that start the real host.</summary>
public partial class Program;
