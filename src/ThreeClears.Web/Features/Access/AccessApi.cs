using Microsoft.AspNetCore.Http.HttpResults;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Access;

public static class AccessApi
{
    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", Login).WithTags("Access").RequireRateLimiting(RateLimits.Login).AllowAnonymous();
        app.MapGet("/api/me", (AccessService s, CancellationToken ct) => s.MeAsync(ct)).WithTags("Access").RequireAuthorization();

        var g = app.MapGroup("/api/users").WithTags("Access").RequireAuthorization();
        g.MapGet("", List);
        g.MapGet("/{userName}", Get);
        g.MapPost("", Create);
        g.MapPut("/{userName}", Update);
        g.MapPost("/{userName}/roles", Grant);
        g.MapDelete("/{userName}/roles/{role}/{orgUnitCode}", Revoke);
        return app;
    }

    private static async Task<Ok<TokenResponse>> Login(AccessService access, Tokens tokens, LoginRequest body, CancellationToken ct)
    {
        var user = await access.CheckPasswordAsync(body, ct);
        return TypedResults.Ok(new TokenResponse(tokens.Issue(user.Id, user.UserName!), "Bearer", (int)Tokens.Lifetime.TotalSeconds));
    }

    private static async Task<Ok<PageOf<UserDto>>> List(AccessService access, int? page, int? pageSize, string? orgUnit, CancellationToken ct) =>
        TypedResults.Ok(await access.ListAsync(Paging.From(page, pageSize), orgUnit, ct));

    private static async Task<Ok<UserDto>> Get(AccessService access, string userName, HttpContext http, CancellationToken ct) =>
        WithETag(http, await access.GetAsync(userName, ct));

    private static async Task<Created<UserDto>> Create(AccessService access, CreateUserRequest body, HttpContext http, CancellationToken ct)
    {
        var dto = await access.CreateAsync(body, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Created($"/api/users/{dto.UserName}", dto);
    }

    private static async Task<Ok<UserDto>> Update(AccessService access, string userName, UpdateUserRequest body, HttpContext http, CancellationToken ct) =>
        WithETag(http, await access.UpdateAsync(userName, body, http, ct));

    private static async Task<Ok<UserDto>> Grant(AccessService access, string userName, RoleRequest body, HttpContext http, CancellationToken ct) =>
        WithETag(http, await access.GrantAsync(userName, body, ct));

    private static async Task<NoContent> Revoke(AccessService access, string userName, string role, string orgUnitCode, CancellationToken ct)
    {
        await access.RevokeAsync(userName, role, orgUnitCode, ct);
        return TypedResults.NoContent();
    }

    private static Ok<UserDto> WithETag(HttpContext http, UserDto dto)
    {
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }
}
