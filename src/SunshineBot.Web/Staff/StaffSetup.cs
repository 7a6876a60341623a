using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SunshineBot.Web.Hosting;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Api;
using SunshineBot.Web.Staff.Auth;
using SunshineBot.Web.Staff.Knowledge;
using SunshineBot.Web.Staff.Search;
using SunshineBot.Web.Staff.Tickets;
using SunshineBot.Web.Staff.Units;
using SunshineBot.Web.Staff.Users;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Staff;

public static class StaffSetup
{
    /// <summary>
    /// The staff pages (<c>/staff</c>, cookie sign-in) and the staff API (<c>/api/staff</c>, bearer tokens), both on
    /// the staff accounts; options from <c>Staff</c>.
    /// </summary>
    public static IHostApplicationBuilder AddStaff(this IHostApplicationBuilder builder)
    {
        var options = StartupOptions.Bind<StaffOptions>(builder.Configuration, StaffOptions.Section, o => o.Validate());
        var services = builder.Services;
        services.AddSingleton(Options.Create(options));
        services.TryAddSingleton<IParentNotifier, NoParentNotifier>();
        services.AddSingleton<ReplyRules>();
        services.AddScoped<StaffAccess>();
        services.AddScoped<SignInStaff>();
        services.AddScoped<ListTickets>();
        builder.AddTicketSearch();
        services.AddScoped<ExportLedger>();
        services.AddScoped<GetTicket>();
        services.AddScoped<RevealContact>();
        services.AddScoped<ActOnTicket>();
        services.AddScoped<TakeHandlingStep>();
        services.AddScoped<AskParentForInformation>();
        services.AddScoped<RecordPublishedReply>();
        services.AddSingleton(builder.Configuration.GetSection(Core.Reports.ReportOptions.Section).Get<Core.Reports.ReportOptions>() ?? new Core.Reports.ReportOptions());
        services.AddScoped<Data.Reports.BuildReports>();
        services.AddScoped<Reports.ReadReports>();
        services.AddScoped<Reports.ReadDashboard>();
        services.AddScoped<Reports.ReadSelfCheck>();
        services.AddScoped<DispatchTicket>();
        services.AddScoped<ReplyToTicket>();
        services.AddScoped<CreateStaffTicket>();
        services.TryAddScoped<FileTicket>();
        services.AddScoped<ManageUnits>();
        services.AddScoped<StampStore>();
        services.AddScoped<ManageUsers>();
        services.AddScoped<KnowledgeAdmin>();
        services.AddHttpContextAccessor();
        services.AddScoped<Security.AuditLog>();
        services.AddScoped<Security.ListAuditLog>();
        services.AddSingleton<Security.RecentPassword>();

        services.AddAuthentication()
            .AddCookie(StaffClaims.CookieScheme, o =>
            {
                o.Cookie.Name = "sunshine.staff";
                o.Cookie.Path = "/staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.LoginPath = "/staff/login";
                o.LogoutPath = "/staff/logout";
                o.AccessDeniedPath = "/staff/login";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(options.IdleTimeoutMinutes);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateCookieAsync;
            })
            .AddBearerToken(StaffClaims.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromMinutes(options.TokenLifetimeMinutes));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, StaffAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffClaims.PagesPolicy, p => p.AddAuthenticationSchemes(StaffClaims.CookieScheme).RequireAuthenticatedUser())
            .AddPolicy(StaffClaims.ApiPolicy, p => p.AddAuthenticationSchemes(StaffClaims.BearerScheme).RequireAuthenticatedUser());
        // Antiforgery keeps the framework's defaults (SameSite=Strict, Secure on HTTPS requests): the options are
        // shared with the chat, and a Secure-only policy would refuse every form behind a TLS-terminating proxy.
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff", StaffClaims.PagesPolicy);
            o.Conventions.AllowAnonymousToPage("/Staff/Login");
            o.Conventions.AddFolderApplicationModelConvention("/Staff", m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(Security.RateLimits.StaffPolicy)));
            o.Conventions.AddPageApplicationModelConvention("/Staff/Login", m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(Security.RateLimits.SignInPolicy)));
        });
        services.AddOpenApi(o => o.AddProblemDescriptions());
        // Chinese as characters in the HTML, not &#x...; entities: readable source, smaller pages.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return builder;
    }

    public static IEndpointRouteBuilder MapStaff(this IEndpointRouteBuilder app)
    {
        app.MapRazorPages();
        app.MapStaffApi();
        app.MapStaffHandlingApi();
        app.MapStaffDutyApi();
        app.MapStaffAdminApi();
        app.MapStaffOperationsApi();
        app.MapStaffFiles();
        app.MapOpenApi();
        return app;
    }

    // Every page request re-reads the account: a disabled account or a changed password ends the session at once, and
    // so does a session older than Staff:CookieLifetimeMinutes however active it was (the idle limit is the cookie's).
    private static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var access = services.GetRequiredService<StaffAccess>();
        var longest = TimeSpan.FromMinutes(services.GetRequiredService<IOptions<StaffOptions>>().Value.CookieLifetimeMinutes);
        var began = context.Principal is null ? null : StaffClaims.TimeOf(context.Principal, StaffClaims.SignedInAt);
        var tooOld = began is null || services.GetRequiredService<TimeProvider>().GetUtcNow() - began > longest;
        if (context.Principal is null || tooOld || await access.FindAsync(context.Principal, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffClaims.CookieScheme);
        }
    }
}
