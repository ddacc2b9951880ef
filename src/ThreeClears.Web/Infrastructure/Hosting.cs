using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.IdentityModel.Tokens;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Access;
using ThreeClears.Web.Features.Admin;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Calendar;
using ThreeClears.Web.Features.Dashboard;
using ThreeClears.Web.Features.Evaluation;
using ThreeClears.Web.Features.Drafts;
using ThreeClears.Web.Features.Home;
using ThreeClears.Web.Features.Indicators;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Features.Plan;
using ThreeClears.Web.Features.Public;
using ThreeClears.Web.Features.Ratings;
using ThreeClears.Web.Features.Reports;
using ThreeClears.Web.Features.Tasks;
using ThreeClears.Web.Features.Welfare;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Infrastructure;

/// <summary>Composition of the host: services, the request pipeline and start-up work.</summary>
public static class Hosting
{
    public const string SmartScheme = "smart";
    public const string BearerScheme = "Bearer";
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en")];

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Where(a => a != "--demo").ToArray(),
            ContentRootPath = ContentRoot(),
            // Pages are found in this assembly even when a test host starts the app.
            ApplicationName = typeof(Hosting).Assembly.GetName().Name,
        });
        // The brief's environment variables, next to the standard configuration sources.
        builder.Configuration.AddInMemoryCollection(FromBriefVariables(args));
        configure?.Invoke(builder);
        AddServices(builder.Services, builder.Configuration);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long>("Limits:MaxBodyBytes", 1_000_000);
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    /// <summary>The project folder when run from source (dotnet run / tests), else the app folder.</summary>
    private static string ContentRoot()
    {
        var baseDir = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(baseDir); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ThreeClears.Web.csproj"))) return dir.FullName;
            var src = Path.Combine(dir.FullName, "src", "ThreeClears.Web");
            if (File.Exists(Path.Combine(src, "ThreeClears.Web.csproj"))) return src;
        }
        return baseDir;
    }

    private static Dictionary<string, string?> FromBriefVariables(string[] args)
    {
        var env = Environment.GetEnvironmentVariables();
        string? Get(string k) => env.Contains(k) ? env[k]?.ToString() : null;
        var d = new Dictionary<string, string?>();
        if (Get("THREECLEARS_DEMO") is { } demo) d["ThreeClears:Demo"] = demo;
        if (args.Contains("--demo")) d["ThreeClears:Demo"] = "true";
        if (Get("THREECLEARS_TEST_CLOCK") is { } clock) d["ThreeClears:TestClock"] = clock;
        if (Get("THREECLEARS_ADMIN_PASSWORD") is { } pw) d["ThreeClears:AdminPassword"] = pw;
        if (Get("THREECLEARS_ROOT_KIND") is { } kind) d["ThreeClears:RootKind"] = kind;
        if (Get("THREECLEARS_ROOT_CODE") is { } code) d["ThreeClears:RootCode"] = code;
        return d;
    }

    private static void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddThreeClearsDatabase(config);
        services.AddHttpContextAccessor();
        services.AddSingleton(new AppClock(config.GetValue("ThreeClears:TestClock", false)));
        services.AddSingleton<Tokens>();
        services.AddSingleton<Installation>();
        services.AddSingleton<Files.IFileStore>(sp => new Files.LocalFileStore(
            Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, config["Files:Root"] is { Length: > 0 } r ? r : "data/files")));
        services.AddScoped<Caller>();
        services.AddSingleton<AuditChainer>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditChainer>());
        services.AddScoped<AuditLog>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        services.AddThreeClearsRateLimits(config);
        services.AddOpenApi();
        // Slow phone links: compress pages and JSON (HTTPS is left to the TLS proxy in front).
        services.AddResponseCompression(o => o.MimeTypes = ["text/html", "text/css", "application/json", "application/problem+json", "image/svg+xml", "text/csv"]);

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = config.GetValue("Lockout:MaxFailedAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(config.GetValue("Lockout:Minutes", 15));
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = AccessService.MinPasswordLength;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<ThreeClearsDb>();
        services.AddDataProtection().SetApplicationName("ThreeClears").PersistKeysToDbContext<ThreeClearsDb>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, SmartScheme, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                || (http.Request.Path.StartsWithSegments("/api") && !http.Request.Cookies.ContainsKey(AuthCookie))
                    ? BearerScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = AuthCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/forbidden";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = c => ApiOr(c, 401, () => c.Response.Redirect(c.RedirectUri));
                o.Events.OnRedirectToAccessDenied = c => ApiOr(c, 403, () => c.Response.Redirect(c.RedirectUri));
            })
            .AddJwtBearer(BearerScheme, o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = Tokens.Issuer,
                    ValidAudience = Tokens.Issuer,
                    NameClaimType = "name",
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
            });
        services.AddOptions<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>(BearerScheme)
            .Configure<Tokens>((o, tokens) => o.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => [tokens.Key]);
        services.AddAuthorization();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" }, new CookieRequestCultureProvider()];
        });
        // Vietnamese letters are written as themselves, not as character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o => o.RootDirectory = "/Features").AddViewLocalization();

        services.AddScoped<OrganisationService>();
        services.AddScoped<AccessService>();
        services.AddScoped<CalendarService>();
        services.AddScoped<ThreeClears.Web.Features.Demo.DemoData>();
        services.AddTasks();
        services.AddPlan();
        services.AddIndicators();
        services.AddDashboard();
        services.AddRatings();
        services.AddEvaluation();
        services.AddReports();
        services.AddWelfare();
        services.AddDrafts();
        services.AddPublicPortal();
    }

    public const string AuthCookie = "tc_auth";

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> c, int status, Action page)
    {
        if (c.Request.Path.StartsWithSegments("/api")) c.Response.StatusCode = status;
        else page();
        return Task.CompletedTask;
    }

    public static void ConfigureJson(JsonSerializerOptions o)
    {
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    private static void UsePipeline(WebApplication app)
    {
        // A JSON body is buffered so that a body that fails to parse half-way leaves the
        // connection in a clean state for the problem answer (and the next request on it).
        app.Use((http, next) =>
        {
            if (http.Request.HasJsonContentType() && http.Request.ContentLength is null or > 0) http.Request.EnableBuffering(64 * 1024);
            return next(http);
        });
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public,max-age=604800",
        });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.Use(async (http, next) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers["Referrer-Policy"] = "same-origin";
            http.Response.Headers.XFrameOptions = "DENY";
            await next();
        });

        app.MapOpenApi();
        app.MapHealth();
        app.MapAccess();
        app.MapOrganisation();
        app.MapAudit();
        app.MapCalendar();
        app.MapAdmin();
        app.MapTasksFeature();
        app.MapPlan();
        app.MapIndicatorsFeature();
        app.MapDashboard();
        app.MapRatings();
        app.MapEvaluation();
        app.MapReports();
        app.MapWelfare();
        app.MapDrafts();
        app.MapPublicPortal();
        app.MapHome();
        app.MapRazorPages();
    }
}
